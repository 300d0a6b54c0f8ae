-- tests/rulesets/rails.pg.sql - a Rails 7 application with Devise (all
-- modules) and devise_invitable, Active Storage and Action Text, as
-- db/structure.sql and the migrations create it on PostgreSQL.  Loaded
-- by tests/real-rulesets.sh; scrubbed with rules/rails-devise.rules.
SET client_min_messages = warning;

CREATE TABLE public.schema_migrations (
    version character varying NOT NULL PRIMARY KEY
);

CREATE TABLE public.ar_internal_metadata (
    key character varying NOT NULL PRIMARY KEY,
    value character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

CREATE TABLE public.users (
    id bigserial PRIMARY KEY,
    email character varying DEFAULT ''::character varying NOT NULL,
    encrypted_password character varying DEFAULT ''::character varying NOT NULL,
    reset_password_token character varying,
    reset_password_sent_at timestamp(6) without time zone,
    remember_created_at timestamp(6) without time zone,
    sign_in_count integer DEFAULT 0 NOT NULL,
    current_sign_in_at timestamp(6) without time zone,
    last_sign_in_at timestamp(6) without time zone,
    current_sign_in_ip inet,
    last_sign_in_ip inet,
    confirmation_token character varying,
    confirmed_at timestamp(6) without time zone,
    confirmation_sent_at timestamp(6) without time zone,
    unconfirmed_email character varying,
    failed_attempts integer DEFAULT 0 NOT NULL,
    unlock_token character varying,
    locked_at timestamp(6) without time zone,
    invitation_token character varying,
    invitation_created_at timestamp(6) without time zone,
    invitation_sent_at timestamp(6) without time zone,
    invitation_accepted_at timestamp(6) without time zone,
    invitation_limit integer,
    invited_by_type character varying,
    invited_by_id bigint,
    invitations_count integer DEFAULT 0,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);
CREATE UNIQUE INDEX index_users_on_email ON public.users USING btree (email);
CREATE UNIQUE INDEX index_users_on_reset_password_token ON public.users USING btree (reset_password_token);
CREATE UNIQUE INDEX index_users_on_confirmation_token ON public.users USING btree (confirmation_token);
CREATE UNIQUE INDEX index_users_on_unlock_token ON public.users USING btree (unlock_token);
CREATE UNIQUE INDEX index_users_on_invitation_token ON public.users USING btree (invitation_token);
CREATE INDEX index_users_on_invited_by ON public.users USING btree (invited_by_type, invited_by_id);

CREATE TABLE public.active_storage_blobs (
    id bigserial PRIMARY KEY,
    key character varying NOT NULL,
    filename character varying NOT NULL,
    content_type character varying,
    metadata text,
    service_name character varying NOT NULL,
    byte_size bigint NOT NULL,
    checksum character varying,
    created_at timestamp(6) without time zone NOT NULL
);
CREATE UNIQUE INDEX index_active_storage_blobs_on_key ON public.active_storage_blobs USING btree (key);

CREATE TABLE public.active_storage_attachments (
    id bigserial PRIMARY KEY,
    name character varying NOT NULL,
    record_type character varying NOT NULL,
    record_id bigint NOT NULL,
    blob_id bigint NOT NULL REFERENCES public.active_storage_blobs(id),
    created_at timestamp(6) without time zone NOT NULL
);
CREATE UNIQUE INDEX index_active_storage_attachments_uniqueness ON public.active_storage_attachments USING btree (record_type, record_id, name, blob_id);

CREATE TABLE public.active_storage_variant_records (
    id bigserial PRIMARY KEY,
    blob_id bigint NOT NULL REFERENCES public.active_storage_blobs(id),
    variation_digest character varying NOT NULL
);
CREATE UNIQUE INDEX index_active_storage_variant_records_uniqueness ON public.active_storage_variant_records USING btree (blob_id, variation_digest);

CREATE TABLE public.action_text_rich_texts (
    id bigserial PRIMARY KEY,
    name character varying NOT NULL,
    body text,
    record_type character varying NOT NULL,
    record_id bigint NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);
CREATE UNIQUE INDEX index_action_text_rich_texts_uniqueness ON public.action_text_rich_texts USING btree (record_type, record_id, name);

-- Names, addresses and places that no dictionary of fakes holds, with
-- quotes, backslashes, tabs and non-ASCII letters.
CREATE TEMP TABLE n AS SELECT
    ARRAY['Zoë','Siobhán','Ðorđe','Ægir','Małgorzata','Søren','François',
	'Ingríd','Thaddæus','Oluwaseun','Xiaoqín',E'Anne\tMarie'] AS f,
    ARRAY['zoe','siobhan','dorde','aegir','malgorzata','soren','francois',
	'ingrid','thaddaeus','oluwaseun','xiaoqin','annemarie'] AS fa,
    ARRAY['Ćw','Brzę','Halv','Mac Þ','O''Dr','Van\Der','Zyl','Grü','Kle',
	'Nakaj'] AS l1,
    ARRAY['ćw','brzę','halv','macþ','o''dr','van\der','zyl','grü','kle',
	'nakaj'] AS l1a,
    ARRAY['ikowski','éaux','lundqvist','berghoff','quistné','ßmann','imaçu'] AS l2,
    ARRAY['gmx.net','posteo.de','yahoo.co.uk','fastmail.fm','outlook.dk'] AS dom;

INSERT INTO public.schema_migrations (version)
SELECT to_char(timestamp '2021-03-01' + i * interval '9 days 3 hours', 'YYYYMMDDHH24MISS')
FROM generate_series(1, 40) i;

INSERT INTO public.ar_internal_metadata VALUES
    ('environment', 'production', '2021-03-01 10:00:00', '2021-03-01 10:00:00'),
    ('schema_sha1', 'c3f0b8f4d1e6a7b2c9d0e1f2a3b4c5d6e7f8a9b0', '2021-03-01 10:00:00', '2024-01-01 10:00:00');

INSERT INTO public.users (email, encrypted_password, reset_password_token,
    reset_password_sent_at, remember_created_at, sign_in_count,
    current_sign_in_at, last_sign_in_at, current_sign_in_ip, last_sign_in_ip,
    confirmation_token, confirmed_at, confirmation_sent_at, unconfirmed_email,
    failed_attempts, unlock_token, locked_at, invitation_token,
    invitation_created_at, invitation_sent_at, invitation_accepted_at,
    invitation_limit, invited_by_type, invited_by_id, invitations_count,
    created_at, updated_at)
SELECT
    -- every 37th address keeps its non-ASCII letters
    CASE WHEN i % 37 = 0
	THEN lower(n.f[1 + i % 12]) || '.' || n.l1a[1 + i % 10] || n.l2[1 + (i / 10) % 7]
	ELSE n.fa[1 + i % 12] || '.' || n.l1a[1 + i % 10] || n.l2[1 + (i / 10) % 7]
    END || '.' || i || '@' || n.dom[1 + i % 5],
    '$2a$12$' || substr(encode(sha256(('pw' || i)::bytea), 'base64'), 1, 53),
    CASE WHEN i % 4 = 0 THEN encode(sha256(('rp' || i)::bytea), 'hex') END,
    CASE WHEN i % 4 = 0 THEN timestamp '2024-05-01 08:00' + i * interval '1 hour' END,
    CASE WHEN i % 3 = 0 THEN timestamp '2024-04-01 08:00' + i * interval '1 hour' END,
    i % 50,
    timestamp '2024-06-01 00:00' + i * interval '37 minutes',
    timestamp '2024-05-01 00:00' + i * interval '41 minutes',
    ('10.' || (i % 250) || '.' || (i / 250) || '.' || (1 + i % 7))::inet,
    CASE WHEN i % 10 = 0 THEN ('2001:db8:' || to_hex(i) || '::' || to_hex(i * 7))::inet
	 WHEN i % 10 = 5 THEN NULL
	 ELSE ('172.' || (16 + i % 16) || '.' || (i % 200) || '.' || (2 + i % 250))::inet END,
    CASE WHEN i % 5 = 0 THEN substr(md5('ct' || i), 1, 20) END,
    CASE WHEN i % 5 <> 0 THEN timestamp '2021-03-02' + i * interval '1 day' END,
    timestamp '2021-03-01' + i * interval '1 day',
    CASE WHEN i % 9 = 0 THEN n.fa[1 + (i + 1) % 12] || '.new.' || i || '@' || n.dom[1 + (i + 2) % 5] END,
    i % 4,
    CASE WHEN i % 11 = 0 THEN substr(md5('ul' || i), 1, 20) END,
    CASE WHEN i % 11 = 0 THEN timestamp '2024-06-01' + i * interval '1 hour' END,
    CASE WHEN i % 13 = 0 THEN encode(sha256(('inv' || i)::bytea), 'hex') END,
    CASE WHEN i % 13 = 0 THEN timestamp '2024-02-01' + i * interval '1 hour' END,
    CASE WHEN i % 13 = 0 THEN timestamp '2024-02-01' + i * interval '1 hour' END,
    NULL,
    CASE WHEN i % 13 = 0 THEN 10 END,
    CASE WHEN i % 13 = 0 THEN 'User' END,
    CASE WHEN i % 13 = 0 THEN 1 END,
    0,
    timestamp '2021-03-01' + i * interval '1 day',
    timestamp '2024-06-01' + i * interval '1 hour'
FROM generate_series(1, 400) i, n;

INSERT INTO public.active_storage_blobs (key, filename, content_type,
    metadata, service_name, byte_size, checksum, created_at)
SELECT substr(md5('key' || i), 1, 28),
    CASE i % 6
	WHEN 0 THEN n.f[1 + i % 12] || ' ' || n.l1[1 + i % 10] || n.l2[1 + (i / 10) % 7] || ' CV ' || i || '.pdf'
	WHEN 1 THEN 'passport_' || n.fa[1 + i % 12] || '_' || i || '.jpg'
	WHEN 2 THEN 'Kontoauszug ' || i || ' – ' || n.l1[1 + i % 10] || '''s.tar.gz'
	WHEN 3 THEN E'scan\t' || i || E'\\back\\slash'
	WHEN 4 THEN 'IMG_' || (1000 + i) || '.HEIC'
	ELSE repeat('long name ' || i || ' ', 40) || '.docx'
    END,
    (ARRAY['application/pdf','image/jpeg','application/gzip','application/octet-stream','image/heic','application/msword'])[1 + i % 6],
    '{"identified":true,"analyzed":true}',
    'amazon', 1000 + i * 37, encode(sha256(('ck' || i)::bytea), 'base64'),
    timestamp '2023-01-01' + i * interval '5 hours'
FROM generate_series(1, 300) i, n;

INSERT INTO public.active_storage_attachments (name, record_type, record_id, blob_id, created_at)
SELECT (ARRAY['avatar','documents','attachments'])[1 + i % 3], 'User', 1 + i % 400, i,
    timestamp '2023-01-01' + i * interval '5 hours'
FROM generate_series(1, 300) i;

INSERT INTO public.active_storage_variant_records (blob_id, variation_digest)
SELECT i, substr(md5('v' || i), 1, 28) FROM generate_series(1, 300, 3) i;

INSERT INTO public.action_text_rich_texts (name, body, record_type, record_id, created_at, updated_at)
SELECT 'content',
    CASE i % 4
	WHEN 0 THEN '<div>Please write to ' || u.email || E' about the invoice.\nThanks!</div>'
	WHEN 1 THEN E'<div>Quote: "it''s fine" \\ tab:\there</div>'
	WHEN 2 THEN '<div>cc: <a href="mailto:' || u.email || '">' || u.email || '</a>, ops@corp-intra.net</div>'
	ELSE NULL
    END,
    'Message', i, timestamp '2024-01-01' + i * interval '3 hours',
    timestamp '2024-01-02' + i * interval '3 hours'
FROM generate_series(1, 200) i JOIN public.users u ON u.id = i;
