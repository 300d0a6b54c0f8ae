-- tests/rulesets/generic.pg.sql - an application schema with personal
-- data under assorted column names (snake_case, CamelCase, quoted), and
-- tables whose "name" is not a person's.  Loaded by tests/real-rulesets.sh
-- and scrubbed with rules/generic-pii.rules alone (plus "safe" for the
-- catalog tables), to prove that its column statements find them.
SET client_min_messages = warning;
CREATE SCHEMA crm;

CREATE TABLE public.customers (
    id serial PRIMARY KEY,
    first_name character varying(100) NOT NULL,
    last_name character varying(100) NOT NULL,
    email character varying(254) NOT NULL UNIQUE,
    phone character varying(32),
    mobile_phone character varying(32),
    date_of_birth date,
    street_address character varying(200),
    address_line_2 character varying(200),
    city character varying(100),
    zip_code character varying(12),
    country character(2) NOT NULL DEFAULT 'GB',
    ssn character varying(11) UNIQUE,
    iban character varying(34),
    notes text,
    is_mobile boolean NOT NULL DEFAULT false,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.payments (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers(id),
    card_number character varying(19) NOT NULL,
    cvv character varying(4),
    amount numeric(12,2) NOT NULL,
    billing_name text,
    paid_at timestamp without time zone NOT NULL
);

CREATE TABLE crm."Employees" (
    "Id" integer PRIMARY KEY,
    "FirstName" text NOT NULL,
    "LastName" text NOT NULL,
    "EmailAddress" text UNIQUE,
    "PhoneNumber" text,
    "BirthDate" timestamp without time zone,
    "Salary" numeric(10,2),
    "PassportNumber" text,
    "TaxNumber" text
);

CREATE TABLE public.login_events (
    id bigserial PRIMARY KEY,
    user_email character varying(254),
    ip_address inet NOT NULL,
    user_agent text,
    api_token character varying(64) UNIQUE,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.contacts (
    id serial PRIMARY KEY,
    name text NOT NULL,
    company_name character varying(120),
    fax character varying(32),
    postcode character varying(10)
);

CREATE TABLE public.products (
    id serial PRIMARY KEY,
    name text NOT NULL,
    sku character varying(32) NOT NULL UNIQUE,
    description text,
    price numeric(10,2) NOT NULL
);

CREATE TABLE public.file_uploads (
    id serial PRIMARY KEY,
    file_name text NOT NULL,
    hostname text NOT NULL,
    zip_archive boolean NOT NULL
);

CREATE TEMP TABLE n AS SELECT
    ARRAY['Zoë','Siobhán','Ðorđe','Ægir','Małgorzata','Søren','François',
	'Ingríd','Thaddæus','Oluwaseun','Xiaoqín',E'Anne\tMarie'] AS f,
    ARRAY['zoe','siobhan','dorde','aegir','malgorzata','soren','francois',
	'ingrid','thaddaeus','oluwaseun','xiaoqin','annemarie'] AS fa,
    ARRAY['Ćw','Brzę','Halv','Mac Þ','O''Dr','Van\Der','Zyl','Grü','Kle',
	'Nakaj'] AS l1,
    ARRAY['cw','brze','halv','macth','o''dr','vander','zyl','gru','kle',
	'nakaj'] AS l1a,
    ARRAY['ikowski','éaux','lundqvist','berghoff','quistné','ßmann','imaçu'] AS l2,
    ARRAY['Łódź','Næstved','Bois-d''Arcy','Ōsaka-shi','São Paulo','Reykjavík',
	'Tromsø','Čáslav','Ærøskøbing','Győr'] AS city,
    ARRAY['gmx.net','posteo.de','yahoo.co.uk','fastmail.fm','outlook.dk'] AS dom;

INSERT INTO public.customers (first_name, last_name, email, phone,
    mobile_phone, date_of_birth, street_address, address_line_2, city,
    zip_code, country, ssn, iban, notes, is_mobile, created_at)
SELECT n.f[1 + i % 12], n.l1[1 + i % 10] || n.l2[1 + (i / 10) % 7],
    n.fa[1 + i % 12] || '.' || n.l1a[1 + i % 10] || '.' || i || '@' || n.dom[1 + i % 5],
    CASE WHEN i % 8 = 0 THEN NULL ELSE '+44 (0)20 7' || lpad((i * 7919 % 1000000)::text, 6, '0') END,
    '07' || lpad((i * 104729 % 1000000000)::text, 9, '0'),
    date '1950-01-01' + i * 53,
    'Ul. Piotrkowska ' || i || E' m. ' || (i % 9),
    CASE WHEN i % 3 = 0 THEN E'c/o O''Dr \\ Flat ' || i END,
    n.city[1 + i % 10],
    (ARRAY['SW1A ','EH1 ','1012 ','K1A '])[1 + i % 4] || (i % 9) || chr(65 + i % 26) || chr(66 + i % 25),
    (ARRAY['GB','PL','DK','NL'])[1 + i % 4],
    CASE WHEN i % 10 <> 0 THEN lpad((i * 7)::text, 3, '9') || '-' || lpad((i % 97)::text, 2, '4') || '-' || lpad(i::text, 4, '8') END,
    'GB' || lpad((i % 97)::text, 2, '3') || 'NWBK' || lpad((60161331926819 + i * 13)::text, 14, '0'),
    CASE i % 4 WHEN 0 THEN E'Prefers e-mail: ' || n.fa[1 + i % 12] || '.' || n.l1a[1 + i % 10] || '.' || i || '@' || n.dom[1 + i % 5] || E'\nor a call.'
	WHEN 1 THEN E'Tab\there, back\\slash, quote '''
	WHEN 2 THEN repeat('long note ', 200) END,
    i % 5 = 0,
    timestamptz '2022-01-01 00:00+00' + i * interval '7 hours'
FROM generate_series(1, 300) i, n;

INSERT INTO public.payments (customer_id, card_number, cvv, amount, billing_name, paid_at)
SELECT 1 + i % 300,
    CASE WHEN i % 2 = 0 THEN '4' || lpad((i * 7919)::text, 15, '1')
	 ELSE '5' || lpad((i * 31)::text, 3, '2') || ' ' || lpad((i * 7)::text, 4, '3') || ' ' || lpad(i::text, 4, '4') || ' ' || lpad((i * 3)::text, 4, '5') END,
    CASE WHEN i % 7 <> 0 THEN lpad((i * 37 % 1000)::text, 3, '0') END,
    (i * 13.37)::numeric(12,2),
    n.f[1 + i % 12] || ' ' || n.l1[1 + i % 10] || n.l2[1 + (i / 10) % 7],
    timestamp '2024-01-01' + i * interval '3 hours'
FROM generate_series(1, 400) i, n;

INSERT INTO crm."Employees"
SELECT i, n.f[1 + (i + 5) % 12], n.l1[1 + (i + 3) % 10] || n.l2[1 + i % 7] || '-' || n.l2[1 + (i + 2) % 7],
    n.fa[1 + (i + 5) % 12] || '.staff' || i || '@corp-intra.net',
    '+49 30 ' || lpad((i * 4241)::text, 8, '6'),
    timestamp '1960-05-05 12:30' + i * interval '47 days',
    30000 + i * 123.45,
    'C' || lpad((i * 977)::text, 8, '7'),
    'DE' || lpad((i * 1013)::text, 9, '2')
FROM generate_series(1, 120) i, n;

INSERT INTO public.login_events (user_email, ip_address, user_agent, api_token, created_at)
SELECT c.email, ('198.51.' || (i % 200) || '.' || (1 + i % 250))::inet,
    'Mozilla/5.0 (X11; Linux x86_64; rv:' || (100 + i % 30) || '.0) Gecko/20100101 Firefox/' || (100 + i % 30) || '.0',
    CASE WHEN i % 3 <> 0 THEN encode(sha256(('api' || i)::bytea), 'hex') END,
    timestamptz '2024-05-01 00:00+00' + i * interval '13 minutes'
FROM generate_series(1, 400) i JOIN public.customers c ON c.id = 1 + i % 300;

INSERT INTO public.contacts (name, company_name, fax, postcode)
SELECT n.f[1 + i % 12] || ' ' || n.l1[1 + i % 10] || n.l2[1 + (i / 10) % 7] || ' ' || i,
    n.l1[1 + (i + 1) % 10] || n.l2[1 + i % 7] || ' & Søn ApS ' || i,
    '+45 ' || lpad((i * 3331)::text, 8, '3'),
    (ARRAY['DK-','NL-'])[1 + i % 2] || (1000 + i)
FROM generate_series(1, 150) i, n;

INSERT INTO public.products (name, sku, description, price)
SELECT 'Widget ' || i || CASE WHEN i % 5 = 0 THEN ' – Zoë edition' ELSE '' END,
    'SKU-' || lpad(i::text, 5, '0'), 'A fine widget, ' || i || ' mm', i * 1.5
FROM generate_series(1, 100) i;

INSERT INTO public.file_uploads (file_name, hostname, zip_archive)
SELECT 'report-' || i || '.zip', 'node' || (i % 4) || '.internal', i % 2 = 0
FROM generate_series(1, 50) i;
