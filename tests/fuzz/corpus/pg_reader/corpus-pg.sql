-- tests/corpus/pg.sql - PostgreSQL content that breaks naive dump parsers.
--
-- Run with psql -X -v ON_ERROR_STOP=1 in an empty database.  Everything
-- is deterministic: no now(), random() or serials whose values depend on
-- the order of unrelated inserts.  pg_dump of this database is the input
-- of tests/real-pg.sh; each table exercises something the dialect notes
-- in DESIGN.md list.

SET client_min_messages = warning;
SET standard_conforming_strings = on;

------------------------------------------------------------------------
-- Escapes: every character COPY text format or a SQL literal escapes.
------------------------------------------------------------------------
CREATE TABLE public.escapes (
	id integer PRIMARY KEY,
	what text NOT NULL,
	val text
);
INSERT INTO public.escapes (id, what, val) VALUES
	(1, 'tab', E'a\tb'),
	(2, 'newline', E'a\nb'),
	(3, 'carriage return', E'a\rb'),
	(4, 'crlf', E'a\r\nb'),
	(5, 'backslash', E'a\\b'),
	(6, 'backspace', E'a\bb'),
	(7, 'form feed', E'a\fb'),
	(8, 'vertical tab', E'a\x0bb'),
	(9, 'single quote', 'it''s'),
	(10, 'double quote', 'say "hi"'),
	(11, 'ctrl-z', E'a\x1ab'),
	(12, 'percent underscore', '100% _under_score_'),
	(13, 'string NULL', 'NULL'),
	(14, 'backslash N', E'\\N'),
	(15, 'empty', ''),
	(16, 'real null', NULL),
	(17, 'multi-line', E'line one\nline two\n\nline four\n'),
	(18, 'emoji (4-byte UTF-8)', E'\U0001F600 \U0001F389 \U0001D11E'),
	(19, 'mixed scripts', 'Ωμέγα Кириллица 中文 العربية עברית हिन्दी ﷺ'),
	(20, 'trailing backslash', E'ends with \\'),
	(21, 'end-of-copy marker', E'before\n\\.\nafter'),
	(22, 'marker alone', E'\\.'),
	(23, 'sql lookalike', E'x\');\nCOPY public.escapes (id) FROM stdin;\n1\n\\.\n--'),
	(24, 'all controls', E'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f'),
	(25, 'octal lookalike', E'\\101\\x41\\u0041'),
	(26, 'quotes mix', E'\'\'"\\\'"'),
	(27, 'semicolons', ';;;'),
	(28, 'dollar quote', '$$ $x$ $'),
	(29, 'comment starts', '-- /* */ #'),
	(30, 'leading/trailing space', '  padded  '),
	(31, 'only tab', E'\t'),
	(32, 'only newline', E'\n'),
	(33, 'braces', '{a,b}'),
	(34, 'nbsp and bom', E'\u00a0\ufeff'),
	(35, 'backslash t literally', E'\\t\\n\\r');

------------------------------------------------------------------------
-- Arrays, JSON, bytea.
------------------------------------------------------------------------
CREATE TABLE public.arrays (
	id integer PRIMARY KEY,
	texts text[],
	ints integer[],
	grid integer[][]
);
INSERT INTO public.arrays VALUES
	(1, ARRAY['plain', 'with space', 'with,comma', 'with"quote', E'with\\backslash', 'with{brace}', NULL, 'NULL', ''],
	    ARRAY[1, NULL, -3], ARRAY[[1, 2], [3, NULL]]),
	(2, ARRAY[E'tab\there', E'nl\nhere', 'it''s'], ARRAY[]::integer[], '{}'),
	(3, '{}', NULL, ARRAY[[2147483647], [-2147483648]]),
	(4, NULL, ARRAY[0], NULL);

CREATE TABLE public.docs (
	id integer PRIMARY KEY,
	j json,
	jb jsonb
);
INSERT INTO public.docs VALUES
	(1, '{"a": "tab\there", "nl": "x\ny", "q": "\"quoted\"", "bs": "\\", "u": "\u00e9\u0000"}',
	    '{"a": "tab\there", "nl": "x\ny", "q": "\"quoted\"", "bs": "\\", "u": "\u00e9"}'),
	(2, '[1, 2.5e10, -0, null, true, "\ud83d\ude00"]', '[1, 2.5e10, -0, null, true, "\ud83d\ude00"]'),
	(3, E'{\n  "multi": "line",\n  "raw": "it''s ; \\t"\n}', '{"key with space": {"nested": ["a", {"b": null}]}}'),
	(4, NULL, 'null'),
	(5, '"just a string"', '""');

CREATE TABLE public.blobs (
	id integer PRIMARY KEY,
	what text NOT NULL,
	data bytea
);
INSERT INTO public.blobs VALUES
	(1, 'every byte 0..255', decode(
	    '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'
	    '202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f'
	    '404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f'
	    '606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f'
	    '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f'
	    'a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf'
	    'c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf'
	    'e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex')),
	(2, 'invalid utf-8', '\xfffe80c0'),
	(3, 'empty', '\x'),
	(4, 'null', NULL),
	(5, 'looks like text', convert_to(E'COPY x FROM stdin;\n\\.\n', 'UTF8'));

------------------------------------------------------------------------
-- Numbers, time, booleans and other scalar types.
------------------------------------------------------------------------
CREATE TABLE public.numbers (
	id integer PRIMARY KEY,
	n numeric,
	f8 double precision,
	f4 real,
	i8 bigint,
	i2 smallint,
	bits bit varying(16)
);
INSERT INTO public.numbers VALUES
	(1, repeat('9', 1000)::numeric, 1.7976931348623157e308, 3.4028235e38,
	    9223372036854775807, 32767, B'1010'),
	(2, ('-0.' || repeat('0', 999) || '1')::numeric, 5e-324, 1.4e-45,
	    -9223372036854775808, -32768, B''),
	(3, 'NaN', 'NaN', 'NaN', 0, 0, B'1'),
	(4, 'Infinity', 'Infinity', 'Infinity', 1, 1, B'0000000000000000'),
	(5, '-Infinity', '-Infinity', '-Infinity', -1, -1, NULL),
	-- No -0 for the floats: pg_dump --inserts writes it bare, and the
	-- restore reads "-0" as minus integer zero, i.e. 0.
	(6, '-0', -1e-300, '-1e-30', NULL, NULL, B'1111'),
	(7, 0.1, 0.1, 0.1, 42, 7, B'01'),
	(8, 123456789012345678901234567890.123456789, 2.2250738585072014e-308,
	    -1.17549435e-38, 1000000, 100, B'110');

CREATE TABLE public.times (
	id integer PRIMARY KEY,
	ts timestamp,
	tstz timestamptz,
	d date,
	t time,
	ttz timetz,
	iv interval,
	b boolean
);
INSERT INTO public.times VALUES
	(1, '2024-02-29 12:34:56.789012', '2024-03-10 02:30:00+00', '2024-02-29',
	    '23:59:59.999999', '12:00:00+05:30', '1 year 2 mons -3 days 04:05:06.789', true),
	(2, 'infinity', 'infinity', 'infinity', '00:00:00', '00:00:00-12', '-178000000 years', false),
	(3, '-infinity', '-infinity', '-infinity', '24:00:00', '24:00:00+14', '0', NULL),
	(4, '4713-01-01 00:00:00 BC', '4713-01-01 00:00:00+00 BC', '4713-11-24 BC',
	    NULL, NULL, '-1 day +00:00:00.000001', true),
	(5, '294276-12-31 23:59:59', '294276-12-31 23:59:59+00', '5874897-12-31',
	    '12:00', '12:00+00', '178000000 years', false),
	(6, '1970-01-01 00:00:00', '1969-12-31 23:59:59.5-01', '0001-01-01',
	    '01:02:03', '01:02:03-07:30', '1 mon -1 day', true);

CREATE TABLE public.misc (
	id integer PRIMARY KEY,
	u uuid,
	addr inet,
	net cidr,
	mac macaddr,
	tsv tsvector,
	pt point,
	r int4range
);
INSERT INTO public.misc VALUES
	(1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.0.1/24', '10.0.0.0/8',
	    '08:00:2b:01:02:03', $$'a' 'b c':1 'it''s':2A$$, '(1.5,-2)', '[1,10)'),
	(2, '00000000-0000-0000-0000-000000000000', '::1', '2001:db8::/32',
	    'ff:ff:ff:ff:ff:ff', '', '(0,0)', 'empty'),
	(3, NULL, NULL, NULL, NULL, NULL, NULL, '(,)');

------------------------------------------------------------------------
-- Identifiers: mixed case, unicode, spaces, dots, keywords; schemas.
------------------------------------------------------------------------
CREATE TABLE public."Mixed Case Tbl" (
	id integer PRIMARY KEY,
	"Çolumn ñame" text,
	"UPPER" integer,
	"select" text,
	"with""quote" text
);
INSERT INTO public."Mixed Case Tbl" VALUES
	(1, 'ça marche', 1, 'from', 'q"q'),
	(2, NULL, NULL, NULL, NULL),
	(3, E'tab\there', -1, 'where', '');

CREATE TABLE public."table with space" (
	id integer PRIMARY KEY,
	"column with space" text
);
INSERT INTO public."table with space" VALUES (1, 'a b'), (2, 'c d');

CREATE TABLE public."select" (
	"from" integer PRIMARY KEY,
	"where" text
);
INSERT INTO public."select" VALUES (1, 'keyword table'), (2, 'order by');

CREATE SCHEMA app;
CREATE SCHEMA "Mixed Case";

CREATE TABLE app.accounts (
	id integer PRIMARY KEY,
	name text NOT NULL UNIQUE,
	balance numeric(12, 2) NOT NULL DEFAULT 0
);
INSERT INTO app.accounts
	SELECT i, 'account ' || i, (i * 12.34)::numeric(12, 2)
	FROM generate_series(1, 50) AS i;

CREATE TABLE app."Weird.Name" (
	id integer PRIMARY KEY,
	"a.b" text
);
INSERT INTO app."Weird.Name" VALUES (1, 'dot inside identifier'), (2, 'x.y.z');

CREATE TABLE "Mixed Case"."Tbl" (
	"Id" integer PRIMARY KEY,
	"Ünïcödé" text
);
INSERT INTO "Mixed Case"."Tbl" VALUES (1, 'ÄÖÜ'), (2, '日本語');

CREATE TABLE "Mixed Case".empty_too (id integer);

------------------------------------------------------------------------
-- Keys: unique, foreign, composite, self-reference; many rows.
------------------------------------------------------------------------
CREATE TABLE public.users (
	id integer PRIMARY KEY,
	email text NOT NULL,
	name text,
	manager_id integer REFERENCES public.users (id),
	active boolean NOT NULL DEFAULT true,
	created_at timestamptz NOT NULL,
	updated_at timestamptz,
	CONSTRAINT users_email_key UNIQUE (email)
);
-- manager_id < id: rows restore in order even with one INSERT per row.
INSERT INTO public.users
	SELECT i,
	    'user' || i || '@example.com',
	    CASE i % 7
		WHEN 0 THEN NULL
		WHEN 1 THEN 'O''Brien ' || i
		WHEN 2 THEN E'Tab\tName ' || i
		WHEN 3 THEN 'Zoë ' || i
		ELSE 'User ' || i
	    END,
	    CASE WHEN i > 10 THEN i / 10 END,
	    i % 3 <> 0,
	    timestamptz '2020-01-01 00:00:00+00' + i * interval '37 minutes',
	    NULL
	FROM generate_series(1, 3000) AS i;
COMMENT ON TABLE public.users IS 'users; the ''main'' table -- "really"';
COMMENT ON COLUMN public.users.email IS E'unique;\nnot null';

CREATE TABLE public.orders (
	id integer PRIMARY KEY,
	user_id integer NOT NULL REFERENCES public.users (id),
	total numeric(10, 2),
	note text
);
INSERT INTO public.orders
	SELECT i, 1 + (i * 7) % 3000, (i % 1000) + 0.99,
	    CASE WHEN i % 11 = 0 THEN E'gift\nwrap' WHEN i % 13 = 0 THEN NULL ELSE '' END
	FROM generate_series(1, 5000) AS i;

CREATE TABLE public.order_items (
	order_id integer NOT NULL REFERENCES public.orders (id),
	line_no integer NOT NULL,
	sku text NOT NULL,
	qty integer NOT NULL,
	PRIMARY KEY (order_id, line_no)
);
INSERT INTO public.order_items
	SELECT o, l, 'SKU-' || ((o * l) % 97), l
	FROM generate_series(1, 1000) AS o, generate_series(1, 3) AS l;

CREATE TABLE public.item_notes (
	id integer PRIMARY KEY,
	order_id integer NOT NULL,
	line_no integer NOT NULL,
	body text,
	FOREIGN KEY (order_id, line_no)
	    REFERENCES public.order_items (order_id, line_no)
);
INSERT INTO public.item_notes VALUES
	(1, 1, 1, 'composite key'),
	(2, 1, 2, NULL),
	(3, 999, 3, E'note with \\ and \t');

------------------------------------------------------------------------
-- Partitions, generated and identity columns, sequences.
------------------------------------------------------------------------
CREATE TABLE public.measurements (
	id integer NOT NULL,
	at date NOT NULL,
	reading double precision
) PARTITION BY RANGE (at);
CREATE TABLE public.measurements_2023 PARTITION OF public.measurements
	FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements
	FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO public.measurements
	SELECT i, date '2023-06-01' + i, i / 8.0
	FROM generate_series(1, 400) AS i;

CREATE TABLE public.generated (
	id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	a integer NOT NULL,
	b text,
	doubled integer GENERATED ALWAYS AS (a * 2) STORED,
	label text GENERATED ALWAYS AS ('#' || b) STORED
);
INSERT INTO public.generated (a, b)
	SELECT i, 'row ' || i FROM generate_series(1, 20) AS i;

CREATE TABLE public.by_default (
	id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100) PRIMARY KEY,
	v text
);
INSERT INTO public.by_default (v) VALUES ('a'), ('b'), (NULL);

CREATE SEQUENCE public.ticket_seq START 1000 INCREMENT 5;
DO $$ BEGIN PERFORM nextval('public.ticket_seq'); PERFORM nextval('public.ticket_seq'); END $$;

------------------------------------------------------------------------
-- Code that contains dump syntax: functions, trigger, view.
------------------------------------------------------------------------
CREATE FUNCTION public.tricky() RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
	s text := 'it''s; not the end';
BEGIN
	-- The next lines look like a data block of a plain dump.
	RETURN $q$
COPY public.users (id, email) FROM stdin;
1	leak@example.com
\.
INSERT INTO public.users VALUES (2, 'leak2@example.com');
$tag$ nested $tag$ ; '
$q$ || s;
END
$fn$;

CREATE FUNCTION app."Weird Func"(x integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS 'SELECT x + 1 -- ; '' $$';

CREATE FUNCTION public.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.updated_at := NEW.created_at;
	RETURN NEW;
END
$$;
-- BEFORE UPDATE only: a restore (INSERT or COPY) must not fire it.
CREATE TRIGGER users_touch BEFORE UPDATE ON public.users
	FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW public.v_active_users AS
	SELECT id, email, 'a;b' AS semi FROM public.users WHERE active;

------------------------------------------------------------------------
-- Big value, empty table, large object.
------------------------------------------------------------------------
CREATE TABLE public.big (
	id integer PRIMARY KEY,
	payload text
);
-- About 20 MiB, with escapes and multibyte characters throughout.
INSERT INTO public.big
	SELECT 1, repeat(E'0123456789abcdef\t\\\nÿé\U0001F600 ', 20 * 1024 * 1024 / 28 + 1);

CREATE TABLE public.empty_table (
	id integer PRIMARY KEY,
	v text
);

-- A fixed OID so that dumps are comparable between runs.
DO $$ BEGIN
	PERFORM lo_from_bytea(424242,
	    convert_to(E'large\nobject \\ with \x01 bytes \u00e9', 'UTF8'));
END $$;
COMMENT ON LARGE OBJECT 424242 IS 'blob; with ''quote''';
