-- tests/rulesets/wordpress.mysql.sql - a WordPress 6.x site with
-- WooCommerce (legacy post-based orders and HPOS tables), as
-- wp-admin/includes/schema.php and WooCommerce create them on MariaDB.
-- Loaded by tests/real-rulesets.sh; scrubbed with rules/wordpress.rules.
-- Rows come from MariaDB's SEQUENCE engine (seq_1_to_N).

CREATE TABLE wp_users (
  ID bigint(20) unsigned NOT NULL auto_increment,
  user_login varchar(60) NOT NULL default '',
  user_pass varchar(255) NOT NULL default '',
  user_nicename varchar(50) NOT NULL default '',
  user_email varchar(100) NOT NULL default '',
  user_url varchar(100) NOT NULL default '',
  user_registered datetime NOT NULL default '0000-00-00 00:00:00',
  user_activation_key varchar(255) NOT NULL default '',
  user_status int(11) NOT NULL default '0',
  display_name varchar(250) NOT NULL default '',
  PRIMARY KEY  (ID),
  KEY user_login_key (user_login),
  KEY user_nicename (user_nicename),
  KEY user_email (user_email)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_usermeta (
  umeta_id bigint(20) unsigned NOT NULL auto_increment,
  user_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (umeta_id),
  KEY user_id (user_id),
  KEY meta_key (meta_key(191))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_posts (
  ID bigint(20) unsigned NOT NULL auto_increment,
  post_author bigint(20) unsigned NOT NULL default '0',
  post_date datetime NOT NULL default '0000-00-00 00:00:00',
  post_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  post_content longtext NOT NULL,
  post_title text NOT NULL,
  post_excerpt text NOT NULL,
  post_status varchar(20) NOT NULL default 'publish',
  comment_status varchar(20) NOT NULL default 'open',
  ping_status varchar(20) NOT NULL default 'open',
  post_password varchar(255) NOT NULL default '',
  post_name varchar(200) NOT NULL default '',
  to_ping text NOT NULL,
  pinged text NOT NULL,
  post_modified datetime NOT NULL default '0000-00-00 00:00:00',
  post_modified_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  post_content_filtered longtext NOT NULL,
  post_parent bigint(20) unsigned NOT NULL default '0',
  guid varchar(255) NOT NULL default '',
  menu_order int(11) NOT NULL default '0',
  post_type varchar(20) NOT NULL default 'post',
  post_mime_type varchar(100) NOT NULL default '',
  comment_count bigint(20) NOT NULL default '0',
  PRIMARY KEY  (ID),
  KEY post_name (post_name(191)),
  KEY type_status_date (post_type,post_status,post_date,ID),
  KEY post_parent (post_parent),
  KEY post_author (post_author)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_postmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  post_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY post_id (post_id),
  KEY meta_key (meta_key(191))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_comments (
  comment_ID bigint(20) unsigned NOT NULL auto_increment,
  comment_post_ID bigint(20) unsigned NOT NULL default '0',
  comment_author tinytext NOT NULL,
  comment_author_email varchar(100) NOT NULL default '',
  comment_author_url varchar(200) NOT NULL default '',
  comment_author_IP varchar(100) NOT NULL default '',
  comment_date datetime NOT NULL default '0000-00-00 00:00:00',
  comment_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  comment_content text NOT NULL,
  comment_karma int(11) NOT NULL default '0',
  comment_approved varchar(20) NOT NULL default '1',
  comment_agent varchar(255) NOT NULL default '',
  comment_type varchar(20) NOT NULL default 'comment',
  comment_parent bigint(20) unsigned NOT NULL default '0',
  user_id bigint(20) unsigned NOT NULL default '0',
  PRIMARY KEY  (comment_ID),
  KEY comment_post_ID (comment_post_ID),
  KEY comment_approved_date_gmt (comment_approved,comment_date_gmt),
  KEY comment_date_gmt (comment_date_gmt),
  KEY comment_parent (comment_parent),
  KEY comment_author_email (comment_author_email(10))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_commentmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  comment_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY comment_id (comment_id),
  KEY meta_key (meta_key(191))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_options (
  option_id bigint(20) unsigned NOT NULL auto_increment,
  option_name varchar(191) NOT NULL default '',
  option_value longtext NOT NULL,
  autoload varchar(20) NOT NULL default 'yes',
  PRIMARY KEY  (option_id),
  UNIQUE KEY option_name (option_name),
  KEY autoload (autoload)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_terms (
  term_id bigint(20) unsigned NOT NULL auto_increment,
  name varchar(200) NOT NULL default '',
  slug varchar(200) NOT NULL default '',
  term_group bigint(10) NOT NULL default 0,
  PRIMARY KEY  (term_id),
  KEY slug (slug(191)),
  KEY name (name(191))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_termmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  term_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY term_id (term_id),
  KEY meta_key (meta_key(191))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_term_taxonomy (
  term_taxonomy_id bigint(20) unsigned NOT NULL auto_increment,
  term_id bigint(20) unsigned NOT NULL default 0,
  taxonomy varchar(32) NOT NULL default '',
  description longtext NOT NULL,
  parent bigint(20) unsigned NOT NULL default 0,
  count bigint(20) NOT NULL default 0,
  PRIMARY KEY  (term_taxonomy_id),
  UNIQUE KEY term_id_taxonomy (term_id,taxonomy),
  KEY taxonomy (taxonomy)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_term_relationships (
  object_id bigint(20) unsigned NOT NULL default 0,
  term_taxonomy_id bigint(20) unsigned NOT NULL default 0,
  term_order int(11) NOT NULL default 0,
  PRIMARY KEY  (object_id,term_taxonomy_id),
  KEY term_taxonomy_id (term_taxonomy_id)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_links (
  link_id bigint(20) unsigned NOT NULL auto_increment,
  link_url varchar(255) NOT NULL default '',
  link_name varchar(255) NOT NULL default '',
  link_image varchar(255) NOT NULL default '',
  link_target varchar(25) NOT NULL default '',
  link_description varchar(255) NOT NULL default '',
  link_visible varchar(20) NOT NULL default 'Y',
  link_owner bigint(20) unsigned NOT NULL default '1',
  link_rating int(11) NOT NULL default '0',
  link_updated datetime NOT NULL default '0000-00-00 00:00:00',
  link_rel varchar(255) NOT NULL default '',
  link_notes mediumtext NOT NULL,
  link_rss varchar(255) NOT NULL default '',
  PRIMARY KEY  (link_id),
  KEY link_visible (link_visible)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_wc_orders (
  id bigint(20) unsigned NOT NULL,
  status varchar(20) NULL,
  currency varchar(10) NULL,
  type varchar(20) NULL,
  tax_amount decimal(26,8) NULL,
  total_amount decimal(26,8) NULL,
  customer_id bigint(20) unsigned NULL,
  billing_email varchar(320) NULL,
  date_created_gmt datetime NULL,
  date_updated_gmt datetime NULL,
  parent_order_id bigint(20) unsigned NULL,
  payment_method varchar(100) NULL,
  payment_method_title text NULL,
  transaction_id varchar(100) NULL,
  ip_address varchar(100) NULL,
  user_agent text NULL,
  customer_note text NULL,
  PRIMARY KEY (id),
  KEY status (status),
  KEY date_created (date_created_gmt),
  KEY customer_id_billing_email (customer_id, billing_email(171)),
  KEY billing_email (billing_email(191)),
  KEY type_status_date (type, status, date_created_gmt),
  KEY parent_order_id (parent_order_id),
  KEY date_updated (date_updated_gmt)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_wc_order_addresses (
  id bigint(20) unsigned auto_increment PRIMARY KEY,
  order_id bigint(20) unsigned NOT NULL,
  address_type varchar(20) NULL,
  first_name text NULL,
  last_name text NULL,
  company text NULL,
  address_1 text NULL,
  address_2 text NULL,
  city text NULL,
  state text NULL,
  postcode text NULL,
  country text NULL,
  email varchar(320) NULL,
  phone varchar(100) NULL,
  KEY order_id (order_id),
  UNIQUE KEY address_type_order_id (address_type, order_id),
  KEY email (email(191)),
  KEY phone (phone)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_wc_order_operational_data (
  id bigint(20) unsigned auto_increment PRIMARY KEY,
  order_id bigint(20) unsigned NULL,
  created_via varchar(100) NULL,
  woocommerce_version varchar(20) NULL,
  prices_include_tax tinyint(1) NULL,
  coupon_usages_are_counted tinyint(1) NULL,
  download_permission_granted tinyint(1) NULL,
  cart_hash varchar(100) NULL,
  new_order_email_sent tinyint(1) NULL,
  order_key varchar(100) NULL,
  order_stock_reduced tinyint(1) NULL,
  date_paid_gmt datetime NULL,
  date_completed_gmt datetime NULL,
  shipping_tax_amount decimal(26,8) NULL,
  shipping_total_amount decimal(26,8) NULL,
  discount_tax_amount decimal(26,8) NULL,
  discount_total_amount decimal(26,8) NULL,
  recorded_sales tinyint(1) NULL,
  UNIQUE KEY order_id (order_id),
  KEY order_key (order_key)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_wc_customer_lookup (
  customer_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  user_id bigint(20) unsigned DEFAULT NULL,
  username varchar(60) DEFAULT '' NOT NULL,
  first_name varchar(255) NOT NULL,
  last_name varchar(255) NOT NULL,
  email varchar(100) NULL default NULL,
  date_last_active timestamp NULL default null,
  date_registered timestamp NULL default null,
  country char(2) DEFAULT '' NOT NULL,
  postcode varchar(20) DEFAULT '' NOT NULL,
  city varchar(100) DEFAULT '' NOT NULL,
  state varchar(100) DEFAULT '' NOT NULL,
  PRIMARY KEY (customer_id),
  UNIQUE KEY user_id (user_id),
  KEY email (email)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

CREATE TABLE wp_woocommerce_sessions (
  session_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  session_key char(32) NOT NULL,
  session_value longtext NOT NULL,
  session_expiry bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (session_id),
  UNIQUE KEY session_key (session_key)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;

-- People: names no dictionary of fakes holds, with quotes, backslashes,
-- tabs and non-ASCII letters; logins are ASCII as sanitize_user() makes them.
CREATE TEMPORARY TABLE ppl AS
SELECT seq AS i,
  ELT(1 + seq % 12, 'Zoë', 'Siobhán', 'Ðorđe', 'Ægir', 'Małgorzata', 'Søren',
    'François', 'Ingríd', 'Thaddæus', 'Oluwaseun', 'Xiaoqín', 'Anne\tMarie') AS f,
  ELT(1 + seq % 12, 'zoe', 'siobhan', 'dorde', 'aegir', 'malgorzata', 'soren',
    'francois', 'ingrid', 'thaddaeus', 'oluwaseun', 'xiaoqin', 'annemarie') AS fa,
  CONCAT(ELT(1 + seq % 10, 'Ćw', 'Brzę', 'Halv', 'Mac Þ', 'O\'Dr', 'Van\\Der',
    'Zyl', 'Grü', 'Kle', 'Nakaj'),
    ELT(1 + (seq DIV 10) % 7, 'ikowski', 'éaux', 'lundqvist', 'berghoff',
    'quistné', 'ßmann', 'imaçu')) AS l,
  CONCAT(ELT(1 + seq % 10, 'cw', 'brze', 'halv', 'macth', 'odr', 'vander',
    'zyl', 'gru', 'kle', 'nakaj'),
    ELT(1 + (seq DIV 10) % 7, 'ikowski', 'eaux', 'lundqvist', 'berghoff',
    'quistne', 'smann', 'imacu')) AS la,
  ELT(1 + seq % 5, 'gmx.net', 'posteo.de', 'yahoo.co.uk', 'fastmail.fm', 'outlook.dk') AS dom,
  ELT(1 + seq % 10, 'Łódź', 'Næstved', 'Bois-d\'Arcy', 'Ōsaka-shi', 'São Paulo',
    'Reykjavík', 'Tromsø', 'Čáslav', 'Ærøskøbing', 'Győr') AS city
FROM seq_1_to_400;

INSERT INTO wp_users (ID, user_login, user_pass, user_nicename, user_email,
  user_url, user_registered, user_activation_key, user_status, display_name)
SELECT i, CONCAT(fa, '.', la, i),
  CONCAT('$P$B', SUBSTR(TO_BASE64(UNHEX(SHA2(CONCAT('pw', i), 256))), 1, 30)),
  CONCAT(fa, '-', la, i),
  IF(i % 37 = 0, CONCAT(LOWER(f), '.', la, '.', i, '@', dom),
    CONCAT(fa, '.', la, '.', i, '@', dom)),
  IF(i % 3 = 0, CONCAT('https://www.', la, i, '.blog.pl/'), ''),
  '2019-01-01 10:00:00' + INTERVAL i DAY,
  IF(i % 7 = 0, CONCAT(1717000000 + i, ':$P$B', MD5(CONCAT('ak', i))), ''),
  0,
  IF(i = 300, REPEAT('Ŵ', 250), CONCAT(f, ' ', l))
FROM ppl WHERE i <= 300;

INSERT INTO wp_usermeta (user_id, meta_key, meta_value)
SELECT ID, k.meta_key, CASE k.meta_key
    WHEN 'nickname' THEN user_login
    WHEN 'first_name' THEN p.f
    WHEN 'last_name' THEN p.l
    WHEN 'description' THEN IF(ID % 4 = 0, CONCAT('I live in ', p.city, ' and write about "cats" & \\backslashes\\.\nMail: ', user_email), '')
    WHEN 'rich_editing' THEN 'true'
    WHEN 'wp_capabilities' THEN 'a:1:{s:10:"subscriber";b:1;}'
    WHEN 'session_tokens' THEN CONCAT('a:1:{s:64:"', SHA2(CONCAT('st', ID), 256), '";a:4:{s:10:"expiration";i:1718000000;s:2:"ip";s:12:"203.0.113.', LPAD(ID % 255, 2, '0'), '";s:2:"ua";s:40:"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4)";s:5:"login";i:1717000000;}}')
    WHEN 'community-events-location' THEN CONCAT('a:1:{s:2:"ip";s:11:"198.51.100.', ID % 10, '";}')
    WHEN 'billing_first_name' THEN p.f
    WHEN 'billing_last_name' THEN p.l
    WHEN 'billing_company' THEN CONCAT(p.l, ' & Søn ApS ', ID)
    WHEN 'billing_address_1' THEN CONCAT('Ul. Piotrkowska ', ID, ' m. ', ID % 9)
    WHEN 'billing_address_2' THEN IF(ID % 2 = 0, CONCAT('c/o O\'Dr \\ Flat ', ID), '')
    WHEN 'billing_city' THEN p.city
    WHEN 'billing_postcode' THEN CONCAT(ELT(1 + ID % 4, 'SW1A ', 'EH1 ', '1012 ', 'K1A '), ID % 9, CHAR(65 + ID % 26), CHAR(66 + ID % 25))
    WHEN 'billing_country' THEN 'PL'
    WHEN 'billing_state' THEN ''
    WHEN 'billing_phone' THEN CONCAT('+48 42 ', LPAD(ID * 7919 % 10000000, 7, '5'))
    WHEN 'billing_email' THEN CONCAT('billing.', p.fa, '.', ID, '@', p.dom)
    WHEN 'shipping_first_name' THEN p.f
    WHEN 'shipping_last_name' THEN p.l
    WHEN 'shipping_company' THEN ''
    WHEN 'shipping_address_1' THEN CONCAT('Nørregade ', ID, ', 3. tv')
    WHEN 'shipping_address_2' THEN ''
    WHEN 'shipping_city' THEN p.city
    WHEN 'shipping_postcode' THEN CONCAT('DK-', 1000 + ID)
    WHEN 'shipping_phone' THEN CONCAT('+45 ', LPAD(ID * 3331 % 100000000, 8, '2'))
  END
FROM wp_users u JOIN ppl p ON p.i = u.ID
JOIN (SELECT 'nickname' AS meta_key UNION ALL SELECT 'first_name' UNION ALL
  SELECT 'last_name' UNION ALL SELECT 'description' UNION ALL
  SELECT 'rich_editing' UNION ALL SELECT 'wp_capabilities' UNION ALL
  SELECT 'session_tokens' UNION ALL SELECT 'community-events-location' UNION ALL
  SELECT 'billing_first_name' UNION ALL SELECT 'billing_last_name' UNION ALL
  SELECT 'billing_company' UNION ALL SELECT 'billing_address_1' UNION ALL
  SELECT 'billing_address_2' UNION ALL SELECT 'billing_city' UNION ALL
  SELECT 'billing_postcode' UNION ALL SELECT 'billing_country' UNION ALL
  SELECT 'billing_state' UNION ALL SELECT 'billing_phone' UNION ALL
  SELECT 'billing_email' UNION ALL SELECT 'shipping_first_name' UNION ALL
  SELECT 'shipping_last_name' UNION ALL SELECT 'shipping_company' UNION ALL
  SELECT 'shipping_address_1' UNION ALL SELECT 'shipping_address_2' UNION ALL
  SELECT 'shipping_city' UNION ALL SELECT 'shipping_postcode' UNION ALL
  SELECT 'shipping_phone') k
WHERE k.meta_key NOT LIKE 'billing%' AND k.meta_key NOT LIKE 'shipping%'
  OR u.ID % 3 = 0
ORDER BY u.ID, k.meta_key;

-- Posts, pages, revisions, and legacy WooCommerce orders.
INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content,
  post_title, post_excerpt, post_status, comment_status, ping_status,
  post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt,
  post_content_filtered, post_parent, guid, menu_order, post_type,
  post_mime_type, comment_count)
SELECT seq, 1 + seq % 5, '2023-01-01 09:00:00' + INTERVAL seq HOUR,
  '2023-01-01 08:00:00' + INTERVAL seq HOUR,
  IF(seq % 4 = 3, '',
    CONCAT('<!-- wp:paragraph -->\n<p>Post ', seq, ': it\'s a "test" with a \\backslash, a\ttab and ünïcödé.</p>\n<!-- /wp:paragraph -->', REPEAT(' Lorem ipsum dolor sit amet.', seq % 50))),
  IF(seq % 4 = 3, CONCAT('Order &ndash; ', seq), CONCAT('Hello world ', seq)),
  '', IF(seq % 4 = 3, 'wc-completed', 'publish'), 'open', 'open',
  IF(seq % 10 = 0, CONCAT('secret', seq), ''),
  IF(seq % 4 = 3, CONCAT('order-', seq), CONCAT('hello-world-', seq)), '', '',
  '2023-02-01 09:00:00' + INTERVAL seq HOUR, '2023-02-01 08:00:00' + INTERVAL seq HOUR,
  '', 0, CONCAT('https://shop.example/?p=', seq), 0,
  ELT(1 + seq % 4, 'post', 'page', 'revision', 'shop_order'), '', seq % 3
FROM seq_1_to_200;

INSERT INTO wp_postmeta (post_id, meta_key, meta_value)
SELECT ID, '_edit_lock', CONCAT(1700000000 + ID, ':1') FROM wp_posts WHERE post_type <> 'shop_order';

INSERT INTO wp_postmeta (post_id, meta_key, meta_value)
SELECT o.ID, k.meta_key, CASE k.meta_key
    WHEN '_billing_first_name' THEN p.f
    WHEN '_billing_last_name' THEN p.l
    WHEN '_billing_company' THEN CONCAT(p.l, ' Holding ', o.ID)
    WHEN '_billing_address_1' THEN CONCAT('Ul. Zielona ', o.ID)
    WHEN '_billing_address_2' THEN ''
    WHEN '_billing_city' THEN p.city
    WHEN '_billing_postcode' THEN CONCAT('EH', o.ID % 17, ' ', o.ID % 9, 'QX')
    WHEN '_billing_email' THEN CONCAT(p.fa, '.order', o.ID, '@', p.dom)
    WHEN '_billing_phone' THEN CONCAT('+44 131 ', LPAD(o.ID * 7, 6, '4'))
    WHEN '_shipping_first_name' THEN p.f
    WHEN '_shipping_last_name' THEN p.l
    WHEN '_shipping_company' THEN ''
    WHEN '_shipping_address_1' THEN CONCAT('Rue d\'Arcy ', o.ID)
    WHEN '_shipping_address_2' THEN CONCAT('Bât. ', o.ID % 5)
    WHEN '_shipping_city' THEN p.city
    WHEN '_shipping_postcode' THEN CONCAT('K1A ', o.ID % 9, 'B', o.ID % 7)
    WHEN '_shipping_phone' THEN ''
    WHEN '_customer_ip_address' THEN IF(o.ID % 8 = 7, CONCAT('2001:db8::', HEX(o.ID)), CONCAT('192.0.2.', o.ID % 250))
    WHEN '_customer_user_agent' THEN CONCAT('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/', 100 + o.ID)
    WHEN '_billing_address_index' THEN CONCAT(p.f, ' ', p.l, ' Ul. Zielona ', o.ID, ' ', p.city, ' ', p.fa, '.order', o.ID, '@', p.dom)
    WHEN '_shipping_address_index' THEN CONCAT(p.f, ' ', p.l, ' Rue d\'Arcy ', o.ID, ' ', p.city)
    WHEN '_order_total' THEN CAST(o.ID * 3.5 AS CHAR)
    WHEN '_payment_method' THEN 'bacs'
  END
FROM wp_posts o JOIN ppl p ON p.i = o.ID
JOIN (SELECT '_billing_first_name' AS meta_key UNION ALL SELECT '_billing_last_name' UNION ALL
  SELECT '_billing_company' UNION ALL SELECT '_billing_address_1' UNION ALL
  SELECT '_billing_address_2' UNION ALL SELECT '_billing_city' UNION ALL
  SELECT '_billing_postcode' UNION ALL SELECT '_billing_email' UNION ALL
  SELECT '_billing_phone' UNION ALL SELECT '_shipping_first_name' UNION ALL
  SELECT '_shipping_last_name' UNION ALL SELECT '_shipping_company' UNION ALL
  SELECT '_shipping_address_1' UNION ALL SELECT '_shipping_address_2' UNION ALL
  SELECT '_shipping_city' UNION ALL SELECT '_shipping_postcode' UNION ALL
  SELECT '_shipping_phone' UNION ALL SELECT '_customer_ip_address' UNION ALL
  SELECT '_customer_user_agent' UNION ALL SELECT '_billing_address_index' UNION ALL
  SELECT '_shipping_address_index' UNION ALL SELECT '_order_total' UNION ALL
  SELECT '_payment_method') k
WHERE o.post_type = 'shop_order'
ORDER BY o.ID, k.meta_key;

-- Comments from visitors (author fields only) and from users; pingbacks.
INSERT INTO wp_comments (comment_ID, comment_post_ID, comment_author,
  comment_author_email, comment_author_url, comment_author_IP, comment_date,
  comment_date_gmt, comment_content, comment_karma, comment_approved,
  comment_agent, comment_type, comment_parent, user_id)
SELECT i, 1 + i % 200,
  IF(i % 20 = 0, CONCAT('Pingback Blog ', i), CONCAT(f, ' ', l, IF(i % 3 = 0, CONCAT(' (', i, ')'), ''))),
  IF(i % 20 = 0, '', CONCAT(fa, '.comment.', i, '@', dom)),
  IF(i % 4 = 0, CONCAT('https://', la, '-', i, '.blogspot.com/'), ''),
  CASE WHEN i % 20 = 0 THEN '' WHEN i % 9 = 0 THEN CONCAT('2001:db8:', HEX(i), '::', HEX(i * 3))
    ELSE CONCAT('203.0.', i % 256, '.', 1 + i % 250) END,
  '2023-03-01 12:00:00' + INTERVAL i HOUR, '2023-03-01 11:00:00' + INTERVAL i HOUR,
  CASE i % 5
    WHEN 0 THEN CONCAT('Great post! Write me: ', fa, '.comment.', i, '@', dom, ' or ', fa, '+', i, '@posteo.de.')
    WHEN 1 THEN 'It\'s "quoted", with a \\backslash\\ and a\ttab.'
    WHEN 2 THEN CONCAT('Multi\nline\r\ncomment ', i, ' ✓')
    WHEN 3 THEN REPEAT('Long comment. ', 300)
    ELSE 'Nice.' END,
  0, IF(i % 11 = 0, 'spam', '1'),
  IF(i % 20 = 0, 'WordPress/6.5; https://pingback.example', CONCAT('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_', i % 7, ') Safari/605.1.', i)),
  IF(i % 20 = 0, 'pingback', 'comment'), 0, IF(i % 6 = 0, 1 + i % 300, 0)
FROM ppl;

INSERT INTO wp_commentmeta (comment_id, meta_key, meta_value)
SELECT comment_ID, 'akismet_result', IF(comment_approved = 'spam', 'true', 'false') FROM wp_comments
UNION ALL
SELECT comment_ID, 'akismet_as_submitted',
  CONCAT('a:3:{s:14:"comment_author";s:', LENGTH(comment_author), ':"', comment_author,
    '";s:20:"comment_author_email";s:', LENGTH(comment_author_email), ':"', comment_author_email,
    '";s:7:"user_ip";s:', LENGTH(comment_author_IP), ':"', comment_author_IP, '";}')
FROM wp_comments WHERE comment_ID % 2 = 0
UNION ALL
SELECT comment_ID, 'akismet_history',
  CONCAT('a:1:{i:0;a:3:{s:4:"time";d:1710000000.5;s:5:"event";s:10:"check-ham";s:4:"user";s:', LENGTH(u.user_login), ':"', u.user_login, '";}}')
FROM wp_comments c JOIN wp_users u ON u.ID = 1 + c.comment_ID % 300 WHERE comment_ID % 3 = 0;

INSERT INTO wp_options (option_name, option_value, autoload) VALUES
  ('siteurl', 'https://shop.example', 'yes'),
  ('home', 'https://shop.example', 'yes'),
  ('blogname', 'Ćwik\'s "Shop" \\ Blog', 'yes'),
  ('blogdescription', 'Just another WordPress site', 'yes'),
  ('admin_email', 'siobhan.owner.admin@fastmail.fm', 'yes'),
  ('new_admin_email', 'thaddaeus.new.admin@posteo.de', 'yes'),
  ('mailserver_url', 'mail.posteo.de', 'yes'),
  ('mailserver_login', 'postbyemail.secret.login@posteo.de', 'yes'),
  ('mailserver_pass', 'S3cr3t-P@ss\\word', 'yes'),
  ('recovery_keys', 'a:1:{s:22:"Xb1Qn8wJ1rW0cLk2Vd9ZpA";a:2:{s:10:"hashed_key";s:34:"$P$BrecoveryKeyHashForTests00000";s:10:"created_at";i:1717000000;}}', 'yes'),
  ('woocommerce_email_from_address', 'shop.sender.ingrid@outlook.dk', 'yes'),
  ('woocommerce_stock_email_recipient', 'stock.alerts.soren@gmx.net', 'yes'),
  ('template', 'twentytwentyfour', 'yes'),
  ('stylesheet', 'twentytwentyfour', 'yes'),
  ('active_plugins', 'a:1:{i:0;s:27:"woocommerce/woocommerce.php";}', 'yes'),
  ('date_format', 'F j, Y', 'yes'),
  ('widget_block', 'a:1:{s:12:"_multiwidget";i:1;}', 'yes');
INSERT INTO wp_options (option_name, option_value, autoload)
SELECT CONCAT('_transient_feed_', MD5(seq)), REPEAT(CONCAT('feed item ', seq, '\t'), 20), 'no' FROM seq_1_to_30;

INSERT INTO wp_terms (term_id, name, slug, term_group)
SELECT seq, CONCAT('Category ', seq, IF(seq % 5 = 0, ' – Zoë\'s picks', '')), CONCAT('category-', seq), 0 FROM seq_1_to_20;
INSERT INTO wp_termmeta (term_id, meta_key, meta_value)
SELECT seq, 'order', seq FROM seq_1_to_20;
INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy, description, parent, count)
SELECT seq, seq, IF(seq <= 10, 'category', 'product_cat'), '', 0, 10 FROM seq_1_to_20;
INSERT INTO wp_term_relationships (object_id, term_taxonomy_id, term_order)
SELECT seq, 1 + seq % 20, 0 FROM seq_1_to_200;
INSERT INTO wp_links (link_url, link_name, link_notes, link_updated)
SELECT CONCAT('https://wordpress.org/', seq), CONCAT('Link ', seq), '', '2023-01-01 00:00:00' FROM seq_1_to_5;

-- WooCommerce HPOS: one order per legacy order, plus guest orders.
INSERT INTO wp_wc_orders (id, status, currency, type, tax_amount, total_amount,
  customer_id, billing_email, date_created_gmt, date_updated_gmt,
  parent_order_id, payment_method, payment_method_title, transaction_id,
  ip_address, user_agent, customer_note)
SELECT 1000 + i, 'wc-completed', 'EUR', 'shop_order', i * 0.19, i * 3.5,
  IF(i % 3 = 0, i, 0), CONCAT(fa, '.hpos', i, '@', dom),
  '2024-01-01 00:00:00' + INTERVAL i HOUR, '2024-01-02 00:00:00' + INTERVAL i HOUR,
  0, 'stripe', 'Credit card (Stripe)', CONCAT('pi_', MD5(CONCAT('tx', i))),
  IF(i % 10 = 0, '', CONCAT('192.0.2.', i % 250)),
  IF(i % 10 = 0, '', CONCAT('Mozilla/5.0 (Linux; Android 14; Pixel ', i % 9, ')')),
  CASE i % 4 WHEN 0 THEN CONCAT('Call me first, or mail ', fa, '.hpos', i, '@', dom, '!')
    WHEN 1 THEN 'Leave it at the door\\gate\tplease' WHEN 2 THEN '' ELSE NULL END
FROM ppl WHERE i <= 250;

INSERT INTO wp_wc_order_addresses (order_id, address_type, first_name,
  last_name, company, address_1, address_2, city, state, postcode, country,
  email, phone)
SELECT 1000 + i, t.address_type, f, l, IF(i % 5 = 0, CONCAT(l, ' GmbH & Co. KG ', i), NULL),
  CONCAT('Ul. Hpos ', i, ' ', t.address_type), IF(i % 2 = 0, CONCAT('Klatka ', i % 7), ''),
  city, 'ŁD', CONCAT('9', LPAD(i, 4, '0'), '-X'), 'PL',
  IF(t.address_type = 'billing', CONCAT(fa, '.hpos', i, '@', dom), NULL),
  CONCAT('+48 601 ', LPAD(i * 37, 6, '0'))
FROM ppl JOIN (SELECT 'billing' AS address_type UNION ALL SELECT 'shipping') t
WHERE i <= 250;

INSERT INTO wp_wc_order_operational_data (order_id, created_via,
  woocommerce_version, prices_include_tax, cart_hash, order_key, date_paid_gmt)
SELECT 1000 + seq, 'checkout', '8.9.1', 1, MD5(CONCAT('cart', seq)),
  IF(seq % 25 = 0, '', CONCAT('wc_order_', SUBSTR(MD5(CONCAT('ok', seq)), 1, 13))),
  '2024-01-01 00:00:00' + INTERVAL seq HOUR
FROM seq_1_to_250;

INSERT INTO wp_wc_customer_lookup (user_id, username, first_name, last_name,
  email, date_last_active, date_registered, country, postcode, city, state)
SELECT IF(i % 2 = 0, i, NULL), IF(i % 2 = 0, CONCAT(fa, '.', la, i), ''), f, l,
  CONCAT(fa, '.lookup', i, '@', dom), '2024-05-01 00:00:00', '2023-01-01 00:00:00',
  'PL', CONCAT('9', LPAD(i, 4, '0'), '-X'), city, 'ŁD'
FROM ppl WHERE i <= 200;

INSERT INTO wp_woocommerce_sessions (session_key, session_value, session_expiry)
SELECT MD5(CONCAT('wcs', seq)),
  CONCAT('a:2:{s:4:"cart";s:6:"a:0:{}";s:8:"customer";s:', 40 + LENGTH(seq), ':"a:1:{s:5:"email";s:', 22 + LENGTH(seq), ':"guest', seq, '@guest-mail.example";}";}'),
  1718000000 + seq
FROM seq_1_to_60;
