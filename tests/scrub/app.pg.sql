-- tests/scrub/app.pg.sql - the application schema and data that
-- tests/real-scrub.sh scrubs with tests/scrub/app.rules (PostgreSQL).
--
-- Run with psql -X -v ON_ERROR_STOP=1 in an empty database.  Names are
-- not schema-qualified: the test loads this file a second time with
-- search_path = orig into the restored database, to compare the scrubbed
-- rows with the originals by id.  Deterministic: no now(), random() or
-- sequences; every value is a function of the row number, and
-- tests/scrub/app.mysql.sql computes the same values for MariaDB (the
-- test compares the fakes across the dialects).
--
-- Tricky values on purpose: quotes, backslashes, tabs, newlines, 4-byte
-- UTF-8, empty strings, NULLs, 'NULL' and '\N' as text, duplicates in the
-- columns that are not unique.  The values of columns that get a fake
-- carry a tag (a few hex digits of md5 of the row number), so that no
-- dictionary word can look like an original and the test can grep the
-- output for every original.

SET client_min_messages = warning;
SET standard_conforming_strings = on;

-- Nothing sensitive: `safe products` in the rules.
CREATE TABLE products (
	id integer PRIMARY KEY,
	sku varchar(20) NOT NULL UNIQUE,
	title varchar(100) NOT NULL,
	price numeric(8, 2) NOT NULL
);
INSERT INTO products
	SELECT i, 'P-' || lpad(i::text, 4, '0'), 'Widget model ' || i,
	    5 + i * 1.25
	FROM generate_series(1, 50) AS i;

CREATE TABLE customers (
	id integer PRIMARY KEY,
	email varchar(120) NOT NULL UNIQUE,
	first_name varchar(60) NOT NULL,
	last_name varchar(60),
	middle_name varchar(40),
	display_name text,
	nickname varchar(40) NOT NULL,
	username varchar(40) UNIQUE,
	phone varchar(32),
	alt_phone varchar(32),
	fax varchar(32),
	birth_date date,
	ssn char(11) UNIQUE,
	card_number varchar(19),
	iban varchar(34),
	ip inet,
	last_ip varchar(45),
	profile jsonb,
	notes text,
	tier varchar(10) NOT NULL,
	segment varchar(20),
	vip_note text,
	company varchar(100),
	salary numeric(10, 2),
	api_token varchar(64) UNIQUE,
	session_key char(32),
	external uuid NOT NULL UNIQUE,
	country varchar(60),
	country_de varchar(60),
	birth_country varchar(60),
	city varchar(60),
	street varchar(100),
	zip varchar(10),
	postal_code char(5),
	password_hash varchar(100) NOT NULL,
	created_at timestamp NOT NULL,
	deleted_at timestamp
);

INSERT INTO customers
SELECT i,
    CASE
	WHEN i % 50 = 0 THEN 'O''Brien.' || i || '@Example.COM'
	WHEN i % 50 = 1 THEN 'zoë😀' || i || '@exämple.de'
	WHEN i % 50 = 2 THEN 'back\slash' || i || '@example.org'
	WHEN i % 50 = 3 THEN 'quote"dq' || i || '@example.org'
	WHEN i % 50 = 4 THEN E'tab\t' || i || '@example.org'
	ELSE (ARRAY['anna', 'bert', 'carla', 'dieter', 'eva', 'frank',
	    'gina', 'hugo'])[i % 8 + 1] || '.' || t || '.' || i || '@' ||
	    (ARRAY['gmail.com', 'yahoo.com', 'mail.example.net', 'web.de',
	    'posteo.de'])[i % 5 + 1]
    END,
    CASE i % 20
	WHEN 0 THEN 'D''Arcy' || t
	WHEN 1 THEN 'Zoë😀' || t
	WHEN 2 THEN E'Tab\t' || t
	WHEN 3 THEN 'Back\slash' || t
	WHEN 4 THEN 'NULL'
	WHEN 5 THEN '\N'
	WHEN 6 THEN ''
	ELSE (ARRAY['Amalia', 'Bartholomew', 'Cosima', 'Dagobert', 'Eulalia',
	    'Fridolin', 'Griselda', 'Hieronymus'])[i % 8 + 1] || t
    END,
    CASE i % 25
	WHEN 0 THEN NULL
	WHEN 1 THEN 'NULL'
	WHEN 2 THEN '\N'
	WHEN 3 THEN 'Müller-Lüdenscheidt ' || t3
	WHEN 4 THEN E'Line\nBreak ' || t3
	ELSE (ARRAY['Abernathy', 'Bergström', 'Castellanos', 'Drummond',
	    'Eichhorn', 'Fairweather', 'Gutiérrez', 'Hollingsworth'])
	    [(i % 300) % 8 + 1] || ' ' || t3
    END,
    CASE WHEN i % 3 = 0 THEN NULL ELSE 'Mid' || t END,
    CASE i % 15
	WHEN 0 THEN NULL
	WHEN 1 THEN E'Dr. Multi\nLine ' || t
	WHEN 2 THEN 'It''s "Quoted" ' || t
	ELSE 'Person ' || t || ' of ' || t3
    END,
    CASE i % 10
	WHEN 0 THEN ''
	WHEN 1 THEN E'it''s\tme ' || substr(md5('nk' || (i % 500)), 1, 5)
	ELSE 'nick_' || substr(md5('nk' || (i % 500)), 1, 6)
    END,
    CASE i % 40
	WHEN 0 THEN NULL
	WHEN 1 THEN 'üser😀' || i
	ELSE 'user_' || i || '_' || t
    END,
    ph,
    CASE WHEN i % 4 = 0 THEN ph ELSE '+1 212 555 ' || lpad(i::text, 4, '0') END,
    CASE WHEN i % 6 = 0 THEN NULL ELSE '+49 (0)89 ' || (1000000 + i * 3) END,
    CASE WHEN i % 13 = 0 THEN NULL ELSE date '1940-01-01' + (i * 97) % 25000 END,
    ssn,
    CASE i % 8
	WHEN 0 THEN substr(d16, 1, 4) || ' ' || substr(d16, 5, 4) || ' ' ||
	    substr(d16, 9, 4) || ' ' || substr(d16, 13, 4)
	WHEN 1 THEN substr(d16, 1, 4) || '-' || substr(d16, 5, 4) || '-' ||
	    substr(d16, 9, 4) || '-' || substr(d16, 13, 4)
	WHEN 2 THEN '37' || substr(d16, 3, 13)
	WHEN 3 THEN 'n/a'
	WHEN 4 THEN NULL
	WHEN 5 THEN ''
	WHEN 6 THEN d16 || substr(d16, 2, 3)
	ELSE substr(d16, 1, 13)
    END,
    CASE
	WHEN i % 9 = 0 THEN NULL
	WHEN i % 30 = 3 THEN 'DE12'
	WHEN i % 30 = 6 THEN 'GB29 NWBK 6016 1331 ' || lpad(i::text, 4, '0')
	ELSE 'DE' || lpad(((i * 7) % 90 + 10)::text, 2, '0') ||
	    lpad(((i::bigint * 1234567) % 100000000)::text, 8, '0') ||
	    lpad(i::text, 10, '0')
    END,
    CASE WHEN i % 12 = 0 THEN NULL ELSE ('10.' || ((i / 256) % 256) || '.' ||
	(i % 256) || '.' || ((i * 7) % 254 + 1) ||
	CASE WHEN i % 10 = 0 THEN '/24' ELSE '' END)::inet END,
    CASE WHEN i % 7 = 0 THEN NULL
	ELSE '2001:db8:' || to_hex(i) || '::' || to_hex(i * 7 + 1) END,
    NULL,			-- profile: below, it names other customers
    CASE i % 6
	WHEN 0 THEN 'Called ' || t || '. SSN on file: ' ||
	    coalesce(ssn, '000-00-0000') || E'\nSpouse SSN ' || ssn2 || '.'
	WHEN 1 THEN E'multi\nline\twith tab and back\\slash, ref ' || ssn2
	WHEN 2 THEN 'NULL'
	WHEN 3 THEN '\N'
	WHEN 4 THEN NULL
	ELSE 'VIP 😀 ' || ssn2 || ' and ' || ssn3 || ' it''s ok'
    END,
    CASE
	WHEN i % 10 = 0 THEN 'vip'
	WHEN i % 10 IN (1, 2) THEN 'gold'
	WHEN i % 10 = 3 THEN 'staff'
	ELSE 'basic'
    END,
    CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'individual'
	WHEN 2 THEN 'individual' ELSE 'business' END,
    CASE
	WHEN i % 20 = 0 THEN NULL
	WHEN i % 10 = 0 THEN 'VIP secret ' || t || E' it''s\ttabbed'
	WHEN i % 3 = 0 THEN NULL
	WHEN i % 3 = 1 THEN 'standard handling'
	ELSE 'no notes\'
    END,
    CASE
	WHEN i % 9 = 0 THEN NULL
	WHEN i % 45 = 1 THEN 'Joe''s "Best" Bar & Grill ' || c4
	WHEN i % 45 = 2 THEN 'Müller & Söhne 😀 ' || c4
	ELSE (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'])
	    [(i % 400) % 5 + 1] || ' Holdings ' || c4
    END,
    CASE WHEN i % 10 = 0 THEN NULL
	ELSE 20000 + (i * 7919) % 180000 + (i % 100) * 0.01 END,
    CASE WHEN i % 23 = 0 THEN NULL ELSE md5('tok' || i) || md5('tok2' || i) END,
    CASE WHEN i % 8 = 0 THEN NULL ELSE md5('sess' || i) END,
    md5('ext' || i)::uuid,
    CASE
	WHEN i % 19 = 0 THEN NULL
	WHEN i % 29 = 0 THEN ''
	ELSE (ARRAY['Germany', 'France', 'Österreich', 'Côte d''Ivoire',
	    'United States', 'Japan', 'Atlantis', E'Tab\tLand', 'Narnia'])
	    [i % 9 + 1]
    END,
    CASE WHEN i % 14 = 0 THEN NULL ELSE 'Landesteil ' || t3 END,
    CASE WHEN i % 16 = 0 THEN NULL ELSE 'Freedonia ' || t END,
    CASE
	WHEN i % 21 = 0 THEN NULL
	WHEN i % 21 = 1 THEN E'New\nYork ' || t
	WHEN i % 21 = 2 THEN 'Köln 😀 ' || t
	ELSE 'Springfield ' || substr(md5('ci' || (i % 200)), 1, 5)
    END,
    CASE
	WHEN i % 18 = 0 THEN NULL
	WHEN i % 18 = 1 THEN E'Hauptstr. 1\nHinterhaus ' || t
	WHEN i % 18 = 2 THEN 'O''Connell St\ ' || t
	ELSE ((i % 350) + 1) || ' Elm Grove ' || substr(md5('st' || (i % 350)), 1, 5)
    END,
    CASE
	WHEN i % 20 = 0 THEN NULL
	WHEN i % 20 = 1 THEN lpad(((i * 7) % 100000)::text, 5, '0') || '-' ||
	    lpad((i % 10000)::text, 4, '0')
	ELSE lpad(((i * 7) % 100000)::text, 5, '0')
    END,
    CASE WHEN i % 22 = 0 THEN NULL
	ELSE lpad(((i * 11) % 99999 + 1)::text, 5, '0') END,
    '$2b$10$' || md5('pw' || i) || substr(md5('pw2' || i), 1, 21),
    timestamp '2019-01-01 00:00:00' + i * 11843 * interval '1 second',
    CASE WHEN i % 15 = 0
	THEN timestamp '2024-06-01 12:00:00' + i * interval '1 hour' END
FROM (
    SELECT i,
	substr(md5('t' || i), 1, 6) AS t,
	substr(md5('ln' || (i % 300)), 1, 4) AS t3,
	substr(md5('co' || (i % 400)), 1, 4) AS c4,
	CASE WHEN i % 17 = 0 THEN NULL
	    ELSE lpad(((i * 7919) % 900 + 100)::text, 3, '0') || '-' ||
		lpad(((i * 31) % 90 + 10)::text, 2, '0') || '-' ||
		lpad(i::text, 4, '0') END AS ssn,
	lpad(((i * 13) % 900 + 100)::text, 3, '0') || '-' ||
	    lpad(((i * 3) % 90 + 10)::text, 2, '0') || '-' ||
	    lpad(((i * 7) % 10000)::text, 4, '0') AS ssn2,
	lpad(((i * 17) % 900 + 100)::text, 3, '0') || '-' ||
	    lpad(((i * 5) % 90 + 10)::text, 2, '0') || '-' ||
	    lpad(((i * 11) % 10000)::text, 4, '0') AS ssn3,
	'4' || lpad(((i::bigint * 104729 * 1000003) % 1000000000000000)::text,
	    15, '0') AS d16,
	CASE
	    WHEN i % 11 = 0 THEN NULL
	    WHEN i % 5 = 0 THEN '+1 (555) ' ||
		lpad(((i * 37) % 1000)::text, 3, '0') || '-' ||
		lpad(i::text, 4, '0')
	    WHEN i % 5 = 1 THEN '+49 30 ' || (10000000 + i * 13)
	    WHEN i % 5 = 2 THEN '030/' || (2000000 + i * 17)
	    WHEN i % 5 = 3 THEN '+44 20 7946 ' || lpad(i::text, 4, '0')
	    ELSE '+3312345' || lpad(i::text, 5, '0')
	END AS ph
    FROM generate_series(1, 2400) AS i
) AS x;

-- The profile names another customer's email (items[0].email): after
-- the scrub it must equal that customer's scrubbed email.
UPDATE customers c SET profile = jsonb_build_object(
    'address', jsonb_build_object(
	'street', ((c.id % 350) + 1) || ' Jsonweg ' || substr(md5('js' || c.id), 1, 6),
	'city', 'Jsonstadt ' || substr(md5('jc' || c.id), 1, 6),
	'zip', lpad(((c.id * 3) % 100000)::text, 5, '0'),
	'house no', ((c.id % 200) + 1) || 'a',
	'geo', jsonb_build_object('lat', 48.1 + (c.id % 100) * 0.001,
	    'lng', 11.5)),
    'items', CASE WHEN c.id % 5 = 0 THEN '[]'::jsonb ELSE jsonb_build_array(
	jsonb_build_object('sku', 'SKU-' || (c.id % 97), 'email', r.email),
	jsonb_build_object('sku', 'GIFT', 'email',
	    'gift.' || c.id || '@friends.example.net')) END,
    'tags', jsonb_build_array('tag-' || substr(md5('tg' || c.id), 1, 6),
	'newsletter-' || (c.id % 5)),
    'ssn', c.ssn,
    'note', E'tab\there "q" back\\slash 😀',
    'score', c.id % 100)
FROM customers r
WHERE r.id = (c.id * 13) % 2400 + 1 AND c.id % 31 <> 0;

CREATE TABLE orders (
	id integer PRIMARY KEY,
	customer_email varchar(120) NOT NULL REFERENCES customers (email),
	amount numeric(10, 2) NOT NULL,
	quantity smallint NOT NULL,
	created_at timestamp NOT NULL,
	shipping_phone varchar(32),
	shipping_name text,
	coupon varchar(20)
);
INSERT INTO orders
SELECT i, c.email, ((i * 37) % 50000) * 0.01 + 1, i % 9 + 1,
    timestamp '2021-01-01 00:00:00' + i * 5003 * interval '1 second',
    CASE WHEN i % 3 = 0 THEN '+1 646 555 ' || lpad((i % 10000)::text, 4, '0')
	ELSE c.phone END,
    CASE WHEN i % 5 = 0 THEN NULL ELSE c.display_name END,
    CASE WHEN i % 4 = 0
	THEN 'SAVE-' || upper(substr(md5('cp' || (i % 50)), 1, 6)) END
FROM generate_series(1, 6000) AS i
JOIN customers c ON c.id = (i * 7) % 2400 + 1;

-- A short UNIQUE email column: the fake must fit in 30 characters and
-- stay unique.
CREATE TABLE newsletter (
	id integer PRIMARY KEY,
	email varchar(30) NOT NULL UNIQUE,
	confirmed boolean NOT NULL,
	source varchar(20)
);
INSERT INTO newsletter
SELECT i,
    CASE
	WHEN i % 100 = 0 THEN 'Ä' || i || '😀@ü.example'
	WHEN i % 100 = 1 THEN 'UPPER.' || i || '@MAIL.EXAMPLE'
	ELSE 'nl' || i || '.' || substr(md5('nl' || i), 1, 4) || '@mail.example'
    END,
    i % 3 <> 0,
    CASE WHEN i % 2 = 0 THEN 'import' ELSE 'signup form' END
FROM generate_series(1, 1500) AS i;

-- Integer columns scrubbed with hash: a keyed permutation of the type's
-- range keeps UNIQUE unique.
CREATE TABLE loyalty_cards (
	id integer PRIMARY KEY,
	customer_id integer NOT NULL REFERENCES customers (id),
	loyalty_number integer NOT NULL UNIQUE,
	pin smallint,
	points integer NOT NULL
);
INSERT INTO loyalty_cards
SELECT i, (i * 11) % 2400 + 1, 100000000 + i * 7919,
    CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 37) % 10000 END,
    (i * 3) % 5000
FROM generate_series(1, 2000) AS i;
