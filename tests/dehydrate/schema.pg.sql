-- tests/dehydrate/schema.pg.sql - the insurance platform of
-- tests/real-dehydrate.sh, PostgreSQL: the tables with their primary and
-- UNIQUE keys.  The foreign keys are in fks.pg.sql, added after the data
-- as pg_dump would restore them.  schema.mysql.sql is the same for
-- MariaDB.  The shape (tests/dehydrate/edges.tsv lists every reference):
--
--   agencies.parent_id -> agencies           a self-referencing tree
--   brokers.agency_id -> agencies
--   producers.broker_license -> brokers(license_no)   to a UNIQUE column
--   rate_tables.product_code -> products
--   applications -> producers, products, staff (underwriter),
--                   applications (renewal_of_id, self),
--                   chat_threads (nullable, truncated with nullify)
--   ratings -> applications, rate_tables (product_code, rate_version):
--              a composite FK; ratings.rated_by -> staff is undeclared
--   documents -> applications; documents.template_code -> doc_templates
--              is undeclared (and dangles for a few rows)
--   signatures -> applications, documents (sometimes another
--              application's document)
--   document_views -> documents, staff  (not followed: keeps no row)
--   notes(subject_type, subject_id): polymorphic and undeclared, to
--              applications when subject_type = 'Application', to
--              producers when 'Producer'; notes.author_id -> staff
--   offices.manager_id -> staff -> teams -> offices: a three-table cycle
--              closed by a nullable FK
--   audit_log -> staff, chat_messages -> chat_threads, applications:
--              truncated
--   regions <- cities, holidays, schema_migrations: no reference to the
--              rest (others keep)

CREATE TABLE agencies (
	id integer PRIMARY KEY,
	parent_id integer,
	name text NOT NULL
);

CREATE TABLE brokers (
	id integer PRIMARY KEY,
	license_no varchar(64) NOT NULL,
	agency_id integer NOT NULL,
	name text NOT NULL,
	CONSTRAINT brokers_license_no_key UNIQUE (license_no)
);

CREATE TABLE producers (
	id integer PRIMARY KEY,
	broker_license varchar(64),
	name text NOT NULL,
	email varchar(120)
);

CREATE TABLE products (
	code varchar(32) PRIMARY KEY,
	name text NOT NULL,
	line varchar(20) NOT NULL
);

CREATE TABLE rate_tables (
	product_code varchar(32) NOT NULL,
	version integer NOT NULL,
	base_rate numeric(10,4) NOT NULL,
	effective date NOT NULL,
	PRIMARY KEY (product_code, version)
);

CREATE TABLE offices (
	id integer PRIMARY KEY,
	manager_id integer,
	city text NOT NULL
);

CREATE TABLE teams (
	id integer PRIMARY KEY,
	office_id integer NOT NULL,
	name text NOT NULL
);

CREATE TABLE staff (
	id integer PRIMARY KEY,
	team_id integer NOT NULL,
	name text NOT NULL,
	email varchar(120)
);

CREATE TABLE chat_threads (
	id integer PRIMARY KEY,
	topic text,
	opened_at timestamp(0) NOT NULL
);

CREATE TABLE applications (
	id integer PRIMARY KEY,
	producer_id integer NOT NULL,
	product_code varchar(32) NOT NULL,
	kind varchar(20),
	created_at timestamp(0),
	renewal_of_id integer,
	underwriter_id integer,
	chat_thread_id integer,
	applicant text NOT NULL,
	status varchar(20) NOT NULL
);

CREATE TABLE ratings (
	id integer PRIMARY KEY,
	application_id integer NOT NULL,
	product_code varchar(32) NOT NULL,
	rate_version integer,
	rated_by integer,
	premium numeric(12,2) NOT NULL
);

CREATE TABLE doc_templates (
	code varchar(40) PRIMARY KEY,
	title text NOT NULL
);

CREATE TABLE documents (
	id integer PRIMARY KEY,
	application_id integer NOT NULL,
	template_code varchar(40),
	body text,
	created_at timestamp(0) NOT NULL
);

CREATE TABLE signatures (
	id integer PRIMARY KEY,
	application_id integer NOT NULL,
	document_id integer NOT NULL,
	signer text NOT NULL,
	signed_at timestamp(0)
);

CREATE TABLE document_views (
	id integer PRIMARY KEY,
	document_id integer NOT NULL,
	staff_id integer,
	viewed_at timestamp(0) NOT NULL
);

CREATE TABLE notes (
	id integer PRIMARY KEY,
	subject_type varchar(40),
	subject_id bigint,
	author_id integer,
	body text
);

CREATE TABLE audit_log (
	id bigint PRIMARY KEY,
	staff_id integer,
	action varchar(20) NOT NULL,
	at timestamp(0) NOT NULL,
	payload text
);

CREATE TABLE chat_messages (
	id integer PRIMARY KEY,
	thread_id integer NOT NULL,
	application_id integer,
	body text NOT NULL,
	sent_at timestamp(0) NOT NULL
);

CREATE TABLE regions (
	id integer PRIMARY KEY,
	name text NOT NULL
);

CREATE TABLE cities (
	id integer PRIMARY KEY,
	region_id integer NOT NULL,
	name text NOT NULL
);

CREATE TABLE holidays (
	day date PRIMARY KEY,
	name text NOT NULL
);

CREATE TABLE schema_migrations (
	version varchar(32) PRIMARY KEY
);
