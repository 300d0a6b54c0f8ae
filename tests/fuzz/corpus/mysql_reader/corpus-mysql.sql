-- tests/corpus/mysql.sql - MariaDB/MySQL content that breaks naive dump
-- parsers.
--
-- Run with the mariadb client (--default-character-set=utf8mb4) in an
-- empty database.  Deterministic: no NOW(), RAND() or UUID().
-- mariadb-dump of this database is the input of tests/real-mariadb.sh.

SET NAMES utf8mb4;
SET sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET time_zone = '+00:00';
-- MariaDB stops recursive CTEs after 1000 rows by default.
SET SESSION max_recursive_iterations = 100000;

-- ---------------------------------------------------------------------
-- Escapes: every character mysqldump escapes, and some it does not.
-- ---------------------------------------------------------------------
CREATE TABLE escapes (
	id int NOT NULL PRIMARY KEY,
	what varchar(64) NOT NULL,
	val text,
	vb varbinary(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO escapes (id, what, val) VALUES
	(1, 'tab', 'a\tb'),
	(2, 'newline', 'a\nb'),
	(3, 'carriage return', 'a\rb'),
	(4, 'crlf', 'a\r\nb'),
	(5, 'backslash', 'a\\b'),
	(6, 'backspace', 'a\bb'),
	(7, 'form feed', CONCAT('a', CHAR(12), 'b')),
	(8, 'vertical tab', CONCAT('a', CHAR(11), 'b')),
	(9, 'single quote', 'it\'s'),
	(10, 'double quote', 'say \"hi\"'),
	(11, 'nul', 'a\0b'),
	(12, 'ctrl-z', 'a\Zb'),
	(13, 'percent underscore', '100\% \_under_score_'),
	(14, 'string NULL', 'NULL'),
	(15, 'backslash N', '\\N'),
	(16, 'empty', ''),
	(17, 'real null', NULL),
	(18, 'multi-line', 'line one\nline two\n\nline four\n'),
	(19, 'emoji (4-byte UTF-8)', '😀 🎉 𝄞'),
	(20, 'mixed scripts', 'Ωμέγα Кириллица 中文 العربية עברית हिन्दी ﷺ'),
	(21, 'trailing backslash', 'ends with \\'),
	(22, 'sql lookalike', 'x\');\nINSERT INTO `escapes` VALUES (99,\'leak\',NULL,NULL);\n-- '),
	(23, 'delimiter lookalike', '\nDELIMITER ;;\nEND ;;\nDELIMITER ;\n'),
	(24, 'conditional comment', '/*!40101 SET x=1 */; /* c */ # hash'),
	(25, 'quotes mix', '\'\'"\\\'"``'),
	(26, 'semicolons', ';;;'),
	(27, 'leading/trailing space', '  padded  '),
	(28, 'only tab', '\t'),
	(29, 'only newline', '\n'),
	(30, 'nbsp and bom', CONVERT(UNHEX('C2A0EFBBBF') USING utf8mb4)),
	(31, 'doubled quote literal', 'it''s'),
	(32, 'backslash letters', '\\t\\n\\r\\0\\Z');

-- Every control character, and the same bytes in a binary column.
INSERT INTO escapes (id, what, val, vb) VALUES
	(33, 'all controls',
	    CONVERT(UNHEX('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F7F') USING utf8mb4),
	    UNHEX('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F7F')),
	(34, 'binary quote and backslash', NULL, UNHEX('5C27225C5C005C')),
	(35, 'binary empty', NULL, '');

-- ---------------------------------------------------------------------
-- Binary data: invalid UTF-8 and every byte.
-- ---------------------------------------------------------------------
CREATE TABLE bin_data (
	id int NOT NULL PRIMARY KEY,
	what varchar(64) NOT NULL,
	b blob,
	bin binary(4),
	vb varbinary(300)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO bin_data VALUES
	(1, 'every byte 0..255', UNHEX(
	    '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F'
	    '202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F'
	    '404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F'
	    '606162636465666768696A6B6C6D6E6F707172737475767778797A7B7C7D7E7F'
	    '808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9F'
	    'A0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF'
	    'C0C1C2C3C4C5C6C7C8C9CACBCCCDCECFD0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF'
	    'E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEFF0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF'),
	    UNHEX('00FF0A27'), NULL),
	(2, 'invalid utf-8', UNHEX('FFFE80C0'), UNHEX('C0AF5C27'), UNHEX('EDA080F8')),
	(3, 'truncated utf-8 before quote', UNHEX('E282275C'), UNHEX('E2822700'), UNHEX('F09F98')),
	(4, 'empty', '', UNHEX('00000000'), ''),
	(5, 'null', NULL, NULL, NULL),
	(6, 'text that looks like sql', 'x\');\nDROP TABLE `bin_data`;\n', 'abcd', '0x41');

-- The 256 bytes in reverse order, computed rather than spelled out.
INSERT INTO bin_data (id, what, vb)
	WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 255)
	SELECT 7, 'reverse bytes',
	    (SELECT CAST(GROUP_CONCAT(CHAR(255 - i USING binary) ORDER BY i SEPARATOR '') AS BINARY) FROM n);

-- ---------------------------------------------------------------------
-- Numbers, time and other scalar types.
-- ---------------------------------------------------------------------
CREATE TABLE types (
	id int NOT NULL PRIMARY KEY,
	d65 decimal(65, 30),
	d5 decimal(5, 2) unsigned,
	dbl double,
	flt float,
	ti tinyint,
	bu bigint unsigned,
	bt bit(8),
	b1 bit(1),
	e enum('a', 'b', 'with''quote', 'with,comma', 'é'),
	s set('x', 'y', 'z'),
	dt datetime(6),
	ts timestamp NULL DEFAULT NULL,
	da date,
	tm time(3),
	yr year,
	j json,
	bool_col boolean
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO types VALUES
	(1, 99999999999999999999999999999999999.999999999999999999999999999999,
	    999.99, 1.7976931348623157e308, 3.40282e38, 127, 18446744073709551615,
	    b'10101010', b'1', 'a', 'x,y,z', '1000-01-01 00:00:00.000000',
	    '1970-01-01 00:00:01', '1000-01-01', '-838:59:59.000', 1901,
	    '{"a": "tab\\there", "nl": "x\\ny", "q": "\\"quoted\\"", "bs": "\\\\", "u": "\\u00e9"}', TRUE),
	(2, -99999999999999999999999999999999999.999999999999999999999999999999,
	    0.00, -2.2250738585072014e-308, -1.17549e-38, -128, 0,
	    b'00000000', b'0', 'with''quote', '', '9999-12-31 23:59:59.999999',
	    '2038-01-19 03:14:07', '9999-12-31', '838:59:59.999', 2155,
	    '[1, 2.5e10, null, true, "\\ud83d\\ude00"]', FALSE),
	(3, 0.000000000000000000000000000001, 1.5, 0, 0, 0, 1,
	    b'11111111', NULL, 'with,comma', 'y', '2024-02-29 12:34:56.789012',
	    '2024-03-10 02:30:00', '2024-02-29', '00:00:00.001', 2000,
	    '"just a string"', NULL),
	(4, -0.5, NULL, -0.0, 1e-45, NULL, NULL, b'00100111', b'1', 'é', 'x',
	    NULL, NULL, NULL, NULL, NULL, '{"k": "it''s ; \\\\"}', TRUE),
	(5, NULL, NULL, 5e-324, NULL, NULL, NULL, b'01011100', NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- ---------------------------------------------------------------------
-- Identifiers: mixed case, unicode, spaces, keywords.
-- ---------------------------------------------------------------------
CREATE TABLE `Mixed Case Tbl` (
	id int NOT NULL PRIMARY KEY,
	`Çolumn ñame` varchar(100),
	`UPPER` int,
	`select` varchar(20),
	`with``backtick` varchar(20),
	`with"dq` varchar(20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO `Mixed Case Tbl` VALUES
	(1, 'ça marche', 1, 'from', 'b`t', 'd"q'),
	(2, NULL, NULL, NULL, NULL, NULL),
	(3, 'tab\there', -1, 'where', '', '');

CREATE TABLE `table with space` (
	id int NOT NULL PRIMARY KEY,
	`column with space` varchar(20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `table with space` VALUES (1, 'a b'), (2, 'c d');

CREATE TABLE `order` (
	`from` int NOT NULL PRIMARY KEY,
	`where` varchar(20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `order` VALUES (1, 'keyword table'), (2, 'order by');

CREATE TABLE `ünïcödé_tbl` (
	id int NOT NULL PRIMARY KEY,
	`日本語` varchar(20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `ünïcödé_tbl` VALUES (1, 'ÄÖÜ'), (2, '日本語');

-- ---------------------------------------------------------------------
-- Keys: unique, foreign, composite, self-reference; many rows.
-- ---------------------------------------------------------------------
CREATE TABLE users (
	id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email varchar(191) NOT NULL,
	name varchar(100),
	manager_id int,
	active tinyint(1) NOT NULL DEFAULT 1,
	created_at datetime NOT NULL,
	updated_at datetime,
	UNIQUE KEY users_email (email),
	KEY users_manager (manager_id),
	CONSTRAINT users_manager_fk FOREIGN KEY (manager_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- manager_id < id: rows restore in order even with one INSERT per row.
INSERT INTO users (id, email, name, manager_id, active, created_at)
	WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
	SELECT i, CONCAT('user', i, '@example.com'),
	    CASE i % 7
		WHEN 0 THEN NULL
		WHEN 1 THEN CONCAT('O''Brien ', i)
		WHEN 2 THEN CONCAT('Tab\tName ', i)
		WHEN 3 THEN CONCAT('Zoë ', i)
		ELSE CONCAT('User ', i)
	    END,
	    CASE WHEN i > 10 THEN i DIV 10 END,
	    i % 3 <> 0,
	    '2020-01-01 00:00:00' + INTERVAL (i * 37) MINUTE
	FROM n;

CREATE TABLE orders (
	id int NOT NULL PRIMARY KEY,
	user_id int NOT NULL,
	total decimal(10, 2),
	note varchar(100),
	CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO orders
	WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
	SELECT i, 1 + (i * 7) % 3000, (i % 1000) + 0.99,
	    CASE WHEN i % 11 = 0 THEN 'gift\nwrap' WHEN i % 13 = 0 THEN NULL ELSE '' END
	FROM n;

CREATE TABLE order_items (
	order_id int NOT NULL,
	line_no int NOT NULL,
	sku varchar(20) NOT NULL,
	qty int NOT NULL,
	PRIMARY KEY (order_id, line_no),
	CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO order_items
	WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999)
	SELECT 1 + i DIV 3, 1 + i % 3, CONCAT('SKU-', ((1 + i DIV 3) * (1 + i % 3)) % 97), 1 + i % 3
	FROM n;

CREATE TABLE item_notes (
	id int NOT NULL PRIMARY KEY,
	order_id int NOT NULL,
	line_no int NOT NULL,
	body text,
	CONSTRAINT item_notes_fk FOREIGN KEY (order_id, line_no)
	    REFERENCES order_items (order_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO item_notes VALUES
	(1, 1, 1, 'composite key'),
	(2, 1, 2, NULL),
	(3, 999, 3, 'note with \\ and \t');

-- A MyISAM table, so that --disable-keys comments appear.
CREATE TABLE legacy_myisam (
	id int NOT NULL PRIMARY KEY,
	v varchar(20),
	KEY v (v)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;
INSERT INTO legacy_myisam VALUES (1, 'café'), (2, 'plain'), (3, 'Ümlaut');

-- ---------------------------------------------------------------------
-- Generated columns.
-- ---------------------------------------------------------------------
CREATE TABLE `generated` (
	id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
	a int NOT NULL,
	b varchar(20),
	doubled int AS (a * 2) VIRTUAL,
	label varchar(30) AS (CONCAT('#', b)) STORED,
	UNIQUE KEY label (label)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO `generated` (a, b)
	WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
	SELECT i, CONCAT('row ', i) FROM n;

-- ---------------------------------------------------------------------
-- Code that contains dump syntax: trigger, procedure, function, event,
-- view.  mariadb-dump --routines --triggers --events writes them inside
-- DELIMITER ;; blocks and versioned comments.
-- ---------------------------------------------------------------------
-- BEFORE UPDATE only: a restore must not fire it.
CREATE TRIGGER users_touch BEFORE UPDATE ON users
	FOR EACH ROW SET NEW.updated_at = NEW.created_at;

DELIMITER ;;
CREATE PROCEDURE tricky_proc(IN p_id int)
BEGIN
	-- Text that looks like data and delimiters.
	DECLARE s text DEFAULT 'INSERT INTO `users` VALUES (1,\'leak\');';
	SELECT CONCAT(s, ';;', '\nDELIMITER ;\n') AS x, p_id;
	UPDATE users SET name = 'it''s; fine' WHERE id = p_id AND FALSE;
END ;;

CREATE FUNCTION tricky_func(x int) RETURNS varchar(100) DETERMINISTIC
BEGIN
	RETURN CONCAT('/*!50003 ', x, ' */ ;; ', "double \"quoted\"");
END ;;

CREATE EVENT nightly_noop
	ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'
	DISABLE
	DO BEGIN
		-- No double semicolon in an event body: mariadb-dump 10.11
		-- loops forever looking for a delimiter (create_delimiter()).
		DELETE FROM empty_table WHERE v = '; ;';
	END ;;
DELIMITER ;

CREATE VIEW v_active_users AS
	SELECT id, email, 'a;b' AS semi FROM users WHERE active = 1;

-- ---------------------------------------------------------------------
-- Big value, empty table.
-- ---------------------------------------------------------------------
CREATE TABLE big (
	id int NOT NULL PRIMARY KEY,
	payload longtext,
	raw longblob
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- About 20 MiB of text with escapes and multibyte characters, and a
-- smaller binary value (hex-blob doubles it).
INSERT INTO big VALUES
	(1, REPEAT('0123456789abcdef\t\\\nÿé😀 \'\0', 20 * 1024 * 1024 DIV 30 + 1),
	    REPEAT(UNHEX('00FF5C27220D0A1A'), 131072));

CREATE TABLE empty_table (
	id int NOT NULL PRIMARY KEY,
	v varchar(20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
