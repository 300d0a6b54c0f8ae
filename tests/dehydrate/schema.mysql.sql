-- tests/dehydrate/schema.mysql.sql - schema.pg.sql for MariaDB: the same
-- tables, InnoDB, utf8mb4 with a binary collation (keys compare as bytes,
-- as in PostgreSQL).  The foreign keys come from edges.tsv, added after
-- the data; mariadb-dump then writes them in CREATE TABLE.

CREATE TABLE agencies (
	id int NOT NULL PRIMARY KEY,
	parent_id int,
	name text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE brokers (
	id int NOT NULL PRIMARY KEY,
	license_no varchar(64) NOT NULL,
	agency_id int NOT NULL,
	name text NOT NULL,
	CONSTRAINT brokers_license_no_key UNIQUE (license_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE producers (
	id int NOT NULL PRIMARY KEY,
	broker_license varchar(64),
	name text NOT NULL,
	email varchar(120)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE products (
	code varchar(32) NOT NULL PRIMARY KEY,
	name text NOT NULL,
	line varchar(20) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rate_tables (
	product_code varchar(32) NOT NULL,
	version int NOT NULL,
	base_rate decimal(10,4) NOT NULL,
	effective date NOT NULL,
	PRIMARY KEY (product_code, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE offices (
	id int NOT NULL PRIMARY KEY,
	manager_id int,
	city text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE teams (
	id int NOT NULL PRIMARY KEY,
	office_id int NOT NULL,
	name text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE staff (
	id int NOT NULL PRIMARY KEY,
	team_id int NOT NULL,
	name text NOT NULL,
	email varchar(120)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE chat_threads (
	id int NOT NULL PRIMARY KEY,
	topic text,
	opened_at datetime NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE applications (
	id int NOT NULL PRIMARY KEY,
	producer_id int NOT NULL,
	product_code varchar(32) NOT NULL,
	kind varchar(20),
	created_at datetime,
	renewal_of_id int,
	underwriter_id int,
	chat_thread_id int,
	applicant text NOT NULL,
	status varchar(20) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ratings (
	id int NOT NULL PRIMARY KEY,
	application_id int NOT NULL,
	product_code varchar(32) NOT NULL,
	rate_version int,
	rated_by int,
	premium decimal(12,2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE doc_templates (
	code varchar(40) NOT NULL PRIMARY KEY,
	title text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE documents (
	id int NOT NULL PRIMARY KEY,
	application_id int NOT NULL,
	template_code varchar(40),
	body text,
	created_at datetime NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE signatures (
	id int NOT NULL PRIMARY KEY,
	application_id int NOT NULL,
	document_id int NOT NULL,
	signer text NOT NULL,
	signed_at datetime
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE document_views (
	id int NOT NULL PRIMARY KEY,
	document_id int NOT NULL,
	staff_id int,
	viewed_at datetime NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE notes (
	id int NOT NULL PRIMARY KEY,
	subject_type varchar(40),
	subject_id bigint,
	author_id int,
	body text
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_log (
	id bigint NOT NULL PRIMARY KEY,
	staff_id int,
	action varchar(20) NOT NULL,
	at datetime NOT NULL,
	payload text
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE chat_messages (
	id int NOT NULL PRIMARY KEY,
	thread_id int NOT NULL,
	application_id int,
	body text NOT NULL,
	sent_at datetime NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE regions (
	id int NOT NULL PRIMARY KEY,
	name text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cities (
	id int NOT NULL PRIMARY KEY,
	region_id int NOT NULL,
	name text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE holidays (
	day date NOT NULL PRIMARY KEY,
	name text NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE schema_migrations (
	version varchar(32) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
