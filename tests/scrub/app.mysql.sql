-- tests/scrub/app.mysql.sql - the application schema and data that
-- tests/real-scrub.sh scrubs with tests/scrub/app.rules (MariaDB/MySQL).
--
-- Run with the mariadb client (--default-character-set=utf8mb4) in an
-- empty database.  The same values as tests/scrub/app.pg.sql, row for
-- row (the test compares the fakes across the dialects); see there for
-- the why of the tricky values.  The tables use a case- and
-- accent-insensitive collation, as applications usually do: the fakes
-- must stay unique under it.

SET NAMES utf8mb4;
SET sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET time_zone = '+00:00';
-- MariaDB stops recursive CTEs after 1000 rows by default.
SET SESSION max_recursive_iterations = 100000;

-- Nothing sensitive: `safe products` in the rules.
CREATE TABLE products (
	id int NOT NULL PRIMARY KEY,
	sku varchar(20) NOT NULL,
	title varchar(100) NOT NULL,
	price decimal(8, 2) NOT NULL,
	UNIQUE KEY sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO products
	WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
	SELECT i, CONCAT('P-', LPAD(i, 4, '0')), CONCAT('Widget model ', i),
	    5 + i * 1.25
	FROM n;

CREATE TABLE customers (
	id int NOT NULL PRIMARY KEY,
	email varchar(120) NOT NULL,
	first_name varchar(60) NOT NULL,
	last_name varchar(60),
	middle_name varchar(40),
	display_name text,
	nickname varchar(40) NOT NULL,
	username varchar(40),
	phone varchar(32),
	alt_phone varchar(32),
	fax varchar(32),
	birth_date date,
	ssn char(11),
	card_number varchar(19),
	iban varchar(34),
	ip varchar(45),
	last_ip varchar(45),
	profile json,
	notes text,
	tier varchar(10) NOT NULL,
	segment varchar(20),
	vip_note text,
	company varchar(100),
	salary decimal(10, 2),
	api_token varchar(64),
	session_key char(32),
	external char(36) NOT NULL,
	country varchar(60),
	country_de varchar(60),
	birth_country varchar(60),
	city varchar(60),
	street varchar(100),
	zip varchar(10),
	postal_code char(5),
	password_hash varchar(100) NOT NULL,
	created_at datetime NOT NULL,
	deleted_at datetime,
	UNIQUE KEY email (email),
	UNIQUE KEY username (username),
	UNIQUE KEY ssn (ssn),
	UNIQUE KEY api_token (api_token),
	UNIQUE KEY external (external)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO customers
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2400)
SELECT i,
    CASE
	WHEN i % 50 = 0 THEN CONCAT('O''Brien.', i, '@Example.COM')
	WHEN i % 50 = 1 THEN CONCAT('zoë😀', i, '@exämple.de')
	WHEN i % 50 = 2 THEN CONCAT('back\\slash', i, '@example.org')
	WHEN i % 50 = 3 THEN CONCAT('quote"dq', i, '@example.org')
	WHEN i % 50 = 4 THEN CONCAT('tab\t', i, '@example.org')
	ELSE CONCAT(ELT(i % 8 + 1, 'anna', 'bert', 'carla', 'dieter', 'eva',
	    'frank', 'gina', 'hugo'), '.', t, '.', i, '@',
	    ELT(i % 5 + 1, 'gmail.com', 'yahoo.com', 'mail.example.net',
	    'web.de', 'posteo.de'))
    END,
    CASE i % 20
	WHEN 0 THEN CONCAT('D''Arcy', t)
	WHEN 1 THEN CONCAT('Zoë😀', t)
	WHEN 2 THEN CONCAT('Tab\t', t)
	WHEN 3 THEN CONCAT('Back\\slash', t)
	WHEN 4 THEN 'NULL'
	WHEN 5 THEN '\\N'
	WHEN 6 THEN ''
	ELSE CONCAT(ELT(i % 8 + 1, 'Amalia', 'Bartholomew', 'Cosima',
	    'Dagobert', 'Eulalia', 'Fridolin', 'Griselda', 'Hieronymus'), t)
    END,
    CASE i % 25
	WHEN 0 THEN NULL
	WHEN 1 THEN 'NULL'
	WHEN 2 THEN '\\N'
	WHEN 3 THEN CONCAT('Müller-Lüdenscheidt ', t3)
	WHEN 4 THEN CONCAT('Line\nBreak ', t3)
	ELSE CONCAT(ELT((i % 300) % 8 + 1, 'Abernathy', 'Bergström',
	    'Castellanos', 'Drummond', 'Eichhorn', 'Fairweather', 'Gutiérrez',
	    'Hollingsworth'), ' ', t3)
    END,
    CASE WHEN i % 3 = 0 THEN NULL ELSE CONCAT('Mid', t) END,
    CASE i % 15
	WHEN 0 THEN NULL
	WHEN 1 THEN CONCAT('Dr. Multi\nLine ', t)
	WHEN 2 THEN CONCAT('It''s "Quoted" ', t)
	ELSE CONCAT('Person ', t, ' of ', t3)
    END,
    CASE i % 10
	WHEN 0 THEN ''
	WHEN 1 THEN CONCAT('it''s\tme ', SUBSTR(MD5(CONCAT('nk', i % 500)), 1, 5))
	ELSE CONCAT('nick_', SUBSTR(MD5(CONCAT('nk', i % 500)), 1, 6))
    END,
    CASE i % 40
	WHEN 0 THEN NULL
	WHEN 1 THEN CONCAT('üser😀', i)
	ELSE CONCAT('user_', i, '_', t)
    END,
    ph,
    CASE WHEN i % 4 = 0 THEN ph ELSE CONCAT('+1 212 555 ', LPAD(i, 4, '0')) END,
    CASE WHEN i % 6 = 0 THEN NULL ELSE CONCAT('+49 (0)89 ', 1000000 + i * 3) END,
    CASE WHEN i % 13 = 0 THEN NULL
	ELSE DATE_ADD('1940-01-01', INTERVAL (i * 97) % 25000 DAY) END,
    ssn,
    CASE i % 8
	WHEN 0 THEN CONCAT_WS(' ', SUBSTR(d16, 1, 4), SUBSTR(d16, 5, 4),
	    SUBSTR(d16, 9, 4), SUBSTR(d16, 13, 4))
	WHEN 1 THEN CONCAT_WS('-', SUBSTR(d16, 1, 4), SUBSTR(d16, 5, 4),
	    SUBSTR(d16, 9, 4), SUBSTR(d16, 13, 4))
	WHEN 2 THEN CONCAT('37', SUBSTR(d16, 3, 13))
	WHEN 3 THEN 'n/a'
	WHEN 4 THEN NULL
	WHEN 5 THEN ''
	WHEN 6 THEN CONCAT(d16, SUBSTR(d16, 2, 3))
	ELSE SUBSTR(d16, 1, 13)
    END,
    CASE
	WHEN i % 9 = 0 THEN NULL
	WHEN i % 30 = 3 THEN 'DE12'
	WHEN i % 30 = 6 THEN CONCAT('GB29 NWBK 6016 1331 ', LPAD(i, 4, '0'))
	ELSE CONCAT('DE', LPAD((i * 7) % 90 + 10, 2, '0'),
	    LPAD((i * 1234567) % 100000000, 8, '0'), LPAD(i, 10, '0'))
    END,
    CASE WHEN i % 12 = 0 THEN NULL ELSE CONCAT('10.', (i DIV 256) % 256, '.',
	i % 256, '.', (i * 7) % 254 + 1,
	CASE WHEN i % 10 = 0 THEN '/24' ELSE '' END) END,
    CASE WHEN i % 7 = 0 THEN NULL
	ELSE CONCAT('2001:db8:', LOWER(HEX(i)), '::', LOWER(HEX(i * 7 + 1))) END,
    NULL,			-- profile: below, it names other customers
    CASE i % 6
	WHEN 0 THEN CONCAT('Called ', t, '. SSN on file: ',
	    COALESCE(ssn, '000-00-0000'), '\nSpouse SSN ', ssn2, '.')
	WHEN 1 THEN CONCAT('multi\nline\twith tab and back\\slash, ref ', ssn2)
	WHEN 2 THEN 'NULL'
	WHEN 3 THEN '\\N'
	WHEN 4 THEN NULL
	ELSE CONCAT('VIP 😀 ', ssn2, ' and ', ssn3, ' it''s ok')
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
	WHEN i % 10 = 0 THEN CONCAT('VIP secret ', t, ' it''s\ttabbed')
	WHEN i % 3 = 0 THEN NULL
	WHEN i % 3 = 1 THEN 'standard handling'
	ELSE 'no notes\\'
    END,
    CASE
	WHEN i % 9 = 0 THEN NULL
	WHEN i % 45 = 1 THEN CONCAT('Joe''s "Best" Bar & Grill ', c4)
	WHEN i % 45 = 2 THEN CONCAT('Müller & Söhne 😀 ', c4)
	ELSE CONCAT(ELT((i % 400) % 5 + 1, 'Acme', 'Globex', 'Initech',
	    'Umbrella', 'Hooli'), ' Holdings ', c4)
    END,
    CASE WHEN i % 10 = 0 THEN NULL
	ELSE 20000 + (i * 7919) % 180000 + (i % 100) * 0.01 END,
    CASE WHEN i % 23 = 0 THEN NULL
	ELSE CONCAT(MD5(CONCAT('tok', i)), MD5(CONCAT('tok2', i))) END,
    CASE WHEN i % 8 = 0 THEN NULL ELSE MD5(CONCAT('sess', i)) END,
    CONCAT_WS('-', SUBSTR(ext, 1, 8), SUBSTR(ext, 9, 4), SUBSTR(ext, 13, 4),
	SUBSTR(ext, 17, 4), SUBSTR(ext, 21, 12)),
    CASE
	WHEN i % 19 = 0 THEN NULL
	WHEN i % 29 = 0 THEN ''
	ELSE ELT(i % 9 + 1, 'Germany', 'France', 'Österreich', 'Côte d''Ivoire',
	    'United States', 'Japan', 'Atlantis', 'Tab\tLand', 'Narnia')
    END,
    CASE WHEN i % 14 = 0 THEN NULL ELSE CONCAT('Landesteil ', t3) END,
    CASE WHEN i % 16 = 0 THEN NULL ELSE CONCAT('Freedonia ', t) END,
    CASE
	WHEN i % 21 = 0 THEN NULL
	WHEN i % 21 = 1 THEN CONCAT('New\nYork ', t)
	WHEN i % 21 = 2 THEN CONCAT('Köln 😀 ', t)
	ELSE CONCAT('Springfield ', SUBSTR(MD5(CONCAT('ci', i % 200)), 1, 5))
    END,
    CASE
	WHEN i % 18 = 0 THEN NULL
	WHEN i % 18 = 1 THEN CONCAT('Hauptstr. 1\nHinterhaus ', t)
	WHEN i % 18 = 2 THEN CONCAT('O''Connell St\\ ', t)
	ELSE CONCAT((i % 350) + 1, ' Elm Grove ',
	    SUBSTR(MD5(CONCAT('st', i % 350)), 1, 5))
    END,
    CASE
	WHEN i % 20 = 0 THEN NULL
	WHEN i % 20 = 1 THEN CONCAT(LPAD((i * 7) % 100000, 5, '0'), '-',
	    LPAD(i % 10000, 4, '0'))
	ELSE LPAD((i * 7) % 100000, 5, '0')
    END,
    CASE WHEN i % 22 = 0 THEN NULL ELSE LPAD((i * 11) % 99999 + 1, 5, '0') END,
    CONCAT('$2b$10$', MD5(CONCAT('pw', i)), SUBSTR(MD5(CONCAT('pw2', i)), 1, 21)),
    '2019-01-01 00:00:00' + INTERVAL (i * 11843) SECOND,
    CASE WHEN i % 15 = 0
	THEN '2024-06-01 12:00:00' + INTERVAL i HOUR END
FROM (
    SELECT i,
	SUBSTR(MD5(CONCAT('t', i)), 1, 6) AS t,
	SUBSTR(MD5(CONCAT('ln', i % 300)), 1, 4) AS t3,
	SUBSTR(MD5(CONCAT('co', i % 400)), 1, 4) AS c4,
	MD5(CONCAT('ext', i)) AS ext,
	CASE WHEN i % 17 = 0 THEN NULL
	    ELSE CONCAT(LPAD((i * 7919) % 900 + 100, 3, '0'), '-',
		LPAD((i * 31) % 90 + 10, 2, '0'), '-', LPAD(i, 4, '0')) END AS ssn,
	CONCAT(LPAD((i * 13) % 900 + 100, 3, '0'), '-',
	    LPAD((i * 3) % 90 + 10, 2, '0'), '-',
	    LPAD((i * 7) % 10000, 4, '0')) AS ssn2,
	CONCAT(LPAD((i * 17) % 900 + 100, 3, '0'), '-',
	    LPAD((i * 5) % 90 + 10, 2, '0'), '-',
	    LPAD((i * 11) % 10000, 4, '0')) AS ssn3,
	CONCAT('4', LPAD((i * 104729 * 1000003) % 1000000000000000, 15, '0')) AS d16,
	CASE
	    WHEN i % 11 = 0 THEN NULL
	    WHEN i % 5 = 0 THEN CONCAT('+1 (555) ',
		LPAD((i * 37) % 1000, 3, '0'), '-', LPAD(i, 4, '0'))
	    WHEN i % 5 = 1 THEN CONCAT('+49 30 ', 10000000 + i * 13)
	    WHEN i % 5 = 2 THEN CONCAT('030/', 2000000 + i * 17)
	    WHEN i % 5 = 3 THEN CONCAT('+44 20 7946 ', LPAD(i, 4, '0'))
	    ELSE CONCAT('+3312345', LPAD(i, 5, '0'))
	END AS ph
    FROM n
) AS x;

-- The profile names another customer's email (items[0].email): after
-- the scrub it must equal that customer's scrubbed email.  JSON_QUERY
-- keeps the arrays JSON through the CASE (else they become strings).
UPDATE customers c JOIN customers r ON r.id = (c.id * 13) % 2400 + 1
SET c.profile = JSON_OBJECT(
    'address', JSON_OBJECT(
	'street', CONCAT((c.id % 350) + 1, ' Jsonweg ',
	    SUBSTR(MD5(CONCAT('js', c.id)), 1, 6)),
	'city', CONCAT('Jsonstadt ', SUBSTR(MD5(CONCAT('jc', c.id)), 1, 6)),
	'zip', LPAD((c.id * 3) % 100000, 5, '0'),
	'house no', CONCAT((c.id % 200) + 1, 'a'),
	'geo', JSON_OBJECT('lat', 48.1 + (c.id % 100) * 0.001, 'lng', 11.5)),
    'items', JSON_QUERY(CASE WHEN c.id % 5 = 0 THEN '[]' ELSE JSON_ARRAY(
	JSON_OBJECT('sku', CONCAT('SKU-', c.id % 97), 'email', r.email),
	JSON_OBJECT('sku', 'GIFT', 'email',
	    CONCAT('gift.', c.id, '@friends.example.net'))) END, '$'),
    'tags', JSON_ARRAY(CONCAT('tag-', SUBSTR(MD5(CONCAT('tg', c.id)), 1, 6)),
	CONCAT('newsletter-', c.id % 5)),
    'ssn', c.ssn,
    'note', 'tab\there "q" back\\slash 😀',
    'score', c.id % 100)
WHERE c.id % 31 <> 0;

CREATE TABLE orders (
	id int NOT NULL PRIMARY KEY,
	customer_email varchar(120) NOT NULL,
	amount decimal(10, 2) NOT NULL,
	quantity smallint NOT NULL,
	created_at datetime NOT NULL,
	shipping_phone varchar(32),
	shipping_name text,
	coupon varchar(20),
	CONSTRAINT orders_customer_fk FOREIGN KEY (customer_email)
	    REFERENCES customers (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO orders
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
SELECT i, c.email, ((i * 37) % 50000) * 0.01 + 1, i % 9 + 1,
    '2021-01-01 00:00:00' + INTERVAL (i * 5003) SECOND,
    CASE WHEN i % 3 = 0 THEN CONCAT('+1 646 555 ', LPAD(i % 10000, 4, '0'))
	ELSE c.phone END,
    CASE WHEN i % 5 = 0 THEN NULL ELSE c.display_name END,
    CASE WHEN i % 4 = 0
	THEN CONCAT('SAVE-', UPPER(SUBSTR(MD5(CONCAT('cp', i % 50)), 1, 6))) END
FROM n JOIN customers c ON c.id = (i * 7) % 2400 + 1;

-- A short UNIQUE email column: the fake must fit in 30 characters and
-- stay unique.
CREATE TABLE newsletter (
	id int NOT NULL PRIMARY KEY,
	email varchar(30) NOT NULL,
	confirmed boolean NOT NULL,
	source varchar(20),
	UNIQUE KEY email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO newsletter
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
SELECT i,
    CASE
	WHEN i % 100 = 0 THEN CONCAT('Ä', i, '😀@ü.example')
	WHEN i % 100 = 1 THEN CONCAT('UPPER.', i, '@MAIL.EXAMPLE')
	ELSE CONCAT('nl', i, '.', SUBSTR(MD5(CONCAT('nl', i)), 1, 4), '@mail.example')
    END,
    i % 3 <> 0,
    CASE WHEN i % 2 = 0 THEN 'import' ELSE 'signup form' END
FROM n;

-- Integer columns scrubbed with hash: a keyed permutation of the type's
-- range keeps UNIQUE unique.
CREATE TABLE loyalty_cards (
	id int NOT NULL PRIMARY KEY,
	customer_id int NOT NULL,
	loyalty_number int NOT NULL,
	pin smallint,
	points int NOT NULL,
	UNIQUE KEY loyalty_number (loyalty_number),
	CONSTRAINT loyalty_customer_fk FOREIGN KEY (customer_id)
	    REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO loyalty_cards
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
SELECT i, (i * 11) % 2400 + 1, 100000000 + i * 7919,
    CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 37) % 10000 END,
    (i * 3) % 5000
FROM n;
