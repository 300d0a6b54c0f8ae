-- tests/rulesets/magento2.mysql.sql - the customer, cart, order,
-- newsletter, admin, store, catalog and configuration tables of Magento
-- 2.4 as its db_schema.xml declares them (personal columns complete; long
-- tables such as sales_order keep the columns around them).  Loaded by
-- tests/real-rulesets.sh; scrubbed with rules/magento2.rules.

-- The admin website and store have id 0, as in every Magento install.
SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO');

CREATE TABLE `store_website` (
  `website_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(32) DEFAULT NULL,
  `name` varchar(64) DEFAULT NULL,
  `sort_order` smallint(5) unsigned NOT NULL DEFAULT 0,
  `default_group_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `is_default` smallint(5) unsigned DEFAULT 0,
  PRIMARY KEY (`website_id`),
  UNIQUE KEY `STORE_WEBSITE_CODE` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Websites';

CREATE TABLE `store` (
  `store_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(32) DEFAULT NULL,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `group_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `name` varchar(255) NOT NULL,
  `sort_order` smallint(5) unsigned NOT NULL DEFAULT 0,
  `is_active` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`store_id`),
  UNIQUE KEY `STORE_CODE` (`code`),
  KEY `STORE_WEBSITE_ID` (`website_id`),
  CONSTRAINT `STORE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Stores';

CREATE TABLE `core_config_data` (
  `config_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `scope` varchar(8) NOT NULL DEFAULT 'default',
  `scope_id` int(11) NOT NULL DEFAULT 0,
  `path` varchar(255) NOT NULL DEFAULT 'general',
  `value` text DEFAULT NULL,
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`config_id`),
  UNIQUE KEY `CORE_CONFIG_DATA_SCOPE_SCOPE_ID_PATH` (`scope`,`scope_id`,`path`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Config Data';

CREATE TABLE `catalog_product_entity` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attribute_set_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `type_id` varchar(32) NOT NULL DEFAULT 'simple',
  `sku` varchar(64) NOT NULL,
  `has_options` smallint(6) NOT NULL DEFAULT 0,
  `required_options` smallint(5) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `CATALOG_PRODUCT_ENTITY_SKU` (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Catalog Product Table';

CREATE TABLE `catalog_product_entity_varchar` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `store_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CATALOG_PRODUCT_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_STORE_ID` (`entity_id`,`attribute_id`,`store_id`),
  CONSTRAINT `CAT_PRD_ENTT_VCHR_ENTT_ID_CAT_PRD_ENTT_ENTT_ID` FOREIGN KEY (`entity_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Catalog Product Varchar Attribute Backend Table';

CREATE TABLE `customer_entity` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  `website_id` smallint(5) unsigned DEFAULT NULL COMMENT 'Website ID',
  `email` varchar(255) DEFAULT NULL COMMENT 'Email',
  `group_id` smallint(5) unsigned NOT NULL DEFAULT 0 COMMENT 'Group ID',
  `increment_id` varchar(50) DEFAULT NULL COMMENT 'Increment ID',
  `store_id` smallint(5) unsigned DEFAULT 0 COMMENT 'Store ID',
  `created_at` timestamp NOT NULL DEFAULT current_timestamp() COMMENT 'Created At',
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp() COMMENT 'Updated At',
  `is_active` smallint(5) unsigned NOT NULL DEFAULT 1 COMMENT 'Is Active',
  `disable_auto_group_change` smallint(5) unsigned NOT NULL DEFAULT 0 COMMENT 'Disable automatic group change based on VAT ID',
  `created_in` varchar(255) DEFAULT NULL COMMENT 'Created From',
  `prefix` varchar(40) DEFAULT NULL COMMENT 'Name Prefix',
  `firstname` varchar(255) DEFAULT NULL COMMENT 'First Name',
  `middlename` varchar(255) DEFAULT NULL COMMENT 'Middle Name/Initial',
  `lastname` varchar(255) DEFAULT NULL COMMENT 'Last Name',
  `suffix` varchar(40) DEFAULT NULL COMMENT 'Name Suffix',
  `dob` date DEFAULT NULL COMMENT 'Date of Birth',
  `password_hash` varchar(128) DEFAULT NULL COMMENT 'Password_hash',
  `rp_token` varchar(128) DEFAULT NULL COMMENT 'Reset password token',
  `rp_token_created_at` datetime DEFAULT NULL COMMENT 'Reset password token creation time',
  `default_billing` int(10) unsigned DEFAULT NULL COMMENT 'Default Billing Address',
  `default_shipping` int(10) unsigned DEFAULT NULL COMMENT 'Default Shipping Address',
  `taxvat` varchar(50) DEFAULT NULL COMMENT 'Tax/VAT Number',
  `confirmation` varchar(64) DEFAULT NULL COMMENT 'Is Confirmed',
  `gender` smallint(5) unsigned DEFAULT NULL COMMENT 'Gender',
  `failures_num` smallint(6) DEFAULT 0 COMMENT 'Failure Number',
  `first_failure` timestamp NULL DEFAULT NULL COMMENT 'First Failure',
  `lock_expires` timestamp NULL DEFAULT NULL COMMENT 'Lock Expiration Date',
  `session_cutoff` timestamp NULL DEFAULT NULL COMMENT 'Session Cutoff Time',
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_EMAIL_WEBSITE_ID` (`email`,`website_id`),
  KEY `CUSTOMER_ENTITY_WEBSITE_ID` (`website_id`),
  KEY `CUSTOMER_ENTITY_FIRSTNAME` (`firstname`),
  KEY `CUSTOMER_ENTITY_LASTNAME` (`lastname`),
  CONSTRAINT `CUSTOMER_ENTITY_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity';

CREATE TABLE `customer_address_entity` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `increment_id` varchar(50) DEFAULT NULL,
  `parent_id` int(10) unsigned DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `is_active` smallint(5) unsigned NOT NULL DEFAULT 1,
  `city` varchar(255) NOT NULL,
  `company` varchar(255) DEFAULT NULL,
  `country_id` varchar(255) NOT NULL,
  `fax` varchar(255) DEFAULT NULL,
  `firstname` varchar(255) NOT NULL,
  `lastname` varchar(255) NOT NULL,
  `middlename` varchar(255) DEFAULT NULL,
  `postcode` varchar(255) DEFAULT NULL,
  `prefix` varchar(40) DEFAULT NULL,
  `region` varchar(255) DEFAULT NULL,
  `region_id` int(10) unsigned DEFAULT NULL,
  `street` text NOT NULL,
  `suffix` varchar(40) DEFAULT NULL,
  `telephone` varchar(255) NOT NULL,
  `vat_id` varchar(255) DEFAULT NULL,
  `vat_is_valid` int(10) unsigned DEFAULT NULL,
  `vat_request_date` varchar(255) DEFAULT NULL,
  `vat_request_id` varchar(255) DEFAULT NULL,
  `vat_request_success` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_PARENT_ID` (`parent_id`),
  CONSTRAINT `CUSTOMER_ADDRESS_ENTITY_PARENT_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity';

CREATE TABLE `customer_grid_flat` (
  `entity_id` int(10) unsigned NOT NULL,
  `name` text DEFAULT NULL,
  `email` varchar(255) DEFAULT NULL,
  `group_id` int(11) DEFAULT NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `website_id` int(11) DEFAULT NULL,
  `confirmation` varchar(255) DEFAULT NULL,
  `created_in` text DEFAULT NULL,
  `dob` date DEFAULT NULL,
  `gender` int(11) DEFAULT NULL,
  `taxvat` varchar(255) DEFAULT NULL,
  `lock_expires` timestamp NULL DEFAULT NULL,
  `shipping_full` text DEFAULT NULL,
  `billing_full` text DEFAULT NULL,
  `billing_firstname` varchar(255) DEFAULT NULL,
  `billing_lastname` varchar(255) DEFAULT NULL,
  `billing_telephone` varchar(255) DEFAULT NULL,
  `billing_postcode` varchar(255) DEFAULT NULL,
  `billing_country_id` varchar(255) DEFAULT NULL,
  `billing_region` varchar(255) DEFAULT NULL,
  `billing_region_id` int(11) DEFAULT NULL,
  `billing_street` varchar(255) DEFAULT NULL,
  `billing_city` varchar(255) DEFAULT NULL,
  `billing_fax` varchar(255) DEFAULT NULL,
  `billing_vat_id` varchar(255) DEFAULT NULL,
  `billing_company` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  KEY `CUSTOMER_GRID_FLAT_GROUP_ID` (`group_id`),
  KEY `CUSTOMER_GRID_FLAT_CREATED_AT` (`created_at`),
  KEY `CUSTOMER_GRID_FLAT_WEBSITE_ID` (`website_id`),
  FULLTEXT KEY `FTI_8746F705702DD5F6D45B8C7CE7FE9F2F` (`name`,`email`,`created_in`,`taxvat`,`shipping_full`,`billing_full`,`billing_firstname`,`billing_lastname`,`billing_telephone`,`billing_postcode`,`billing_region`,`billing_city`,`billing_fax`,`billing_company`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='customer_grid_flat';

CREATE TABLE `quote` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',
  `is_active` smallint(5) unsigned DEFAULT 1,
  `items_count` int(10) unsigned DEFAULT 0,
  `grand_total` decimal(20,4) DEFAULT 0.0000,
  `customer_id` int(10) unsigned DEFAULT NULL,
  `customer_email` varchar(255) DEFAULT NULL,
  `customer_prefix` varchar(40) DEFAULT NULL,
  `customer_firstname` varchar(255) DEFAULT NULL,
  `customer_middlename` varchar(40) DEFAULT NULL,
  `customer_lastname` varchar(255) DEFAULT NULL,
  `customer_suffix` varchar(40) DEFAULT NULL,
  `customer_dob` datetime DEFAULT NULL,
  `customer_note` text DEFAULT NULL,
  `customer_is_guest` smallint(5) unsigned DEFAULT 0,
  `remote_ip` varchar(45) DEFAULT NULL,
  `reserved_order_id` varchar(64) DEFAULT NULL,
  `password_hash` varchar(255) DEFAULT NULL,
  `customer_taxvat` varchar(255) DEFAULT NULL,
  `customer_gender` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  KEY `QUOTE_CUSTOMER_ID_STORE_ID_IS_ACTIVE` (`customer_id`,`store_id`,`is_active`),
  KEY `QUOTE_STORE_ID_UPDATED_AT` (`store_id`,`updated_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Quote';

CREATE TABLE `quote_address` (
  `address_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `quote_id` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',
  `customer_id` int(10) unsigned DEFAULT NULL,
  `save_in_address_book` smallint(6) DEFAULT 0,
  `customer_address_id` int(10) unsigned DEFAULT NULL,
  `address_type` varchar(10) DEFAULT NULL,
  `email` varchar(255) DEFAULT NULL,
  `prefix` varchar(40) DEFAULT NULL,
  `firstname` varchar(255) DEFAULT NULL,
  `middlename` varchar(40) DEFAULT NULL,
  `lastname` varchar(255) DEFAULT NULL,
  `suffix` varchar(40) DEFAULT NULL,
  `company` varchar(255) DEFAULT NULL,
  `street` varchar(255) DEFAULT NULL,
  `city` varchar(255) DEFAULT NULL,
  `region` varchar(255) DEFAULT NULL,
  `region_id` int(10) unsigned DEFAULT NULL,
  `postcode` varchar(20) DEFAULT NULL,
  `country_id` varchar(30) DEFAULT NULL,
  `telephone` varchar(255) DEFAULT NULL,
  `fax` varchar(255) DEFAULT NULL,
  `vat_id` text DEFAULT NULL,
  PRIMARY KEY (`address_id`),
  KEY `QUOTE_ADDRESS_QUOTE_ID` (`quote_id`),
  CONSTRAINT `QUOTE_ADDRESS_QUOTE_ID_QUOTE_ENTITY_ID` FOREIGN KEY (`quote_id`) REFERENCES `quote` (`entity_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Quote Address';

CREATE TABLE `sales_order` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `state` varchar(32) DEFAULT NULL,
  `status` varchar(32) DEFAULT NULL,
  `protect_code` varchar(255) DEFAULT NULL,
  `shipping_description` varchar(255) DEFAULT NULL,
  `is_virtual` smallint(5) unsigned DEFAULT NULL,
  `store_id` smallint(5) unsigned DEFAULT NULL,
  `customer_id` int(10) unsigned DEFAULT NULL,
  `base_grand_total` decimal(20,4) DEFAULT NULL,
  `grand_total` decimal(20,4) DEFAULT NULL,
  `quote_id` int(11) DEFAULT NULL,
  `billing_address_id` int(11) DEFAULT NULL,
  `shipping_address_id` int(11) DEFAULT NULL,
  `customer_dob` datetime DEFAULT NULL,
  `increment_id` varchar(32) DEFAULT NULL,
  `customer_email` varchar(128) DEFAULT NULL,
  `customer_firstname` varchar(128) DEFAULT NULL,
  `customer_lastname` varchar(128) DEFAULT NULL,
  `customer_middlename` varchar(128) DEFAULT NULL,
  `customer_prefix` varchar(32) DEFAULT NULL,
  `customer_suffix` varchar(32) DEFAULT NULL,
  `customer_taxvat` varchar(32) DEFAULT NULL,
  `remote_ip` varchar(45) DEFAULT NULL,
  `x_forwarded_for` varchar(255) DEFAULT NULL,
  `customer_note` text DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `customer_gender` int(11) DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_ORDER_INCREMENT_ID_STORE_ID` (`increment_id`,`store_id`),
  KEY `SALES_ORDER_STATUS` (`status`),
  KEY `SALES_ORDER_CUSTOMER_ID` (`customer_id`),
  KEY `SALES_ORDER_CREATED_AT` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order';

CREATE TABLE `sales_order_address` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned DEFAULT NULL,
  `customer_address_id` int(11) DEFAULT NULL,
  `quote_address_id` int(11) DEFAULT NULL,
  `region_id` int(11) DEFAULT NULL,
  `customer_id` int(11) DEFAULT NULL,
  `fax` varchar(255) DEFAULT NULL,
  `region` varchar(255) DEFAULT NULL,
  `postcode` varchar(255) DEFAULT NULL,
  `lastname` varchar(255) DEFAULT NULL,
  `street` varchar(255) DEFAULT NULL,
  `city` varchar(255) DEFAULT NULL,
  `email` varchar(255) DEFAULT NULL,
  `telephone` varchar(255) DEFAULT NULL,
  `country_id` varchar(2) DEFAULT NULL,
  `firstname` varchar(255) DEFAULT NULL,
  `address_type` varchar(255) DEFAULT NULL,
  `prefix` varchar(255) DEFAULT NULL,
  `middlename` varchar(255) DEFAULT NULL,
  `suffix` varchar(255) DEFAULT NULL,
  `company` varchar(255) DEFAULT NULL,
  `vat_id` text DEFAULT NULL,
  `vat_is_valid` smallint(6) DEFAULT NULL,
  `vat_request_id` text DEFAULT NULL,
  `vat_request_date` text DEFAULT NULL,
  `vat_request_success` smallint(6) DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  KEY `SALES_ORDER_ADDRESS_PARENT_ID` (`parent_id`),
  CONSTRAINT `SALES_ORDER_ADDRESS_PARENT_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Address';

CREATE TABLE `sales_order_grid` (
  `entity_id` int(10) unsigned NOT NULL,
  `status` varchar(32) DEFAULT NULL,
  `store_id` smallint(5) unsigned DEFAULT NULL,
  `store_name` varchar(255) DEFAULT NULL,
  `customer_id` int(10) unsigned DEFAULT NULL,
  `base_grand_total` decimal(20,4) DEFAULT NULL,
  `grand_total` decimal(20,4) DEFAULT NULL,
  `increment_id` varchar(50) DEFAULT NULL,
  `billing_name` varchar(255) DEFAULT NULL,
  `shipping_name` varchar(255) DEFAULT NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `billing_address` varchar(255) DEFAULT NULL,
  `shipping_address` varchar(255) DEFAULT NULL,
  `shipping_information` varchar(255) DEFAULT NULL,
  `customer_email` varchar(255) DEFAULT NULL,
  `customer_group` varchar(255) DEFAULT NULL,
  `customer_name` varchar(255) DEFAULT NULL,
  `payment_method` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_ORDER_GRID_INCREMENT_ID_STORE_ID` (`increment_id`,`store_id`),
  FULLTEXT KEY `FTI_65B9E9925EC58F0C7C2E2F6379C233E7` (`increment_id`,`billing_name`,`shipping_name`,`shipping_address`,`billing_address`,`customer_name`,`customer_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Grid';

CREATE TABLE `sales_order_payment` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `base_amount_ordered` decimal(20,4) DEFAULT NULL,
  `cc_exp_month` varchar(12) DEFAULT NULL,
  `cc_exp_year` varchar(4) DEFAULT NULL,
  `method` varchar(128) DEFAULT NULL,
  `cc_owner` varchar(128) DEFAULT NULL,
  `cc_type` varchar(32) DEFAULT NULL,
  `cc_last_4` varchar(100) DEFAULT NULL,
  `cc_number_enc` varchar(128) DEFAULT NULL,
  `echeck_account_name` varchar(128) DEFAULT NULL,
  `last_trans_id` varchar(255) DEFAULT NULL,
  `additional_information` text DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  KEY `SALES_ORDER_PAYMENT_PARENT_ID` (`parent_id`),
  CONSTRAINT `SALES_ORDER_PAYMENT_PARENT_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Payment';

CREATE TABLE `newsletter_subscriber` (
  `subscriber_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned DEFAULT 0,
  `change_status_at` timestamp NULL DEFAULT NULL,
  `customer_id` int(10) unsigned NOT NULL DEFAULT 0,
  `subscriber_email` varchar(150) DEFAULT NULL,
  `subscriber_status` int(11) NOT NULL DEFAULT 0,
  `subscriber_confirm_code` varchar(32) DEFAULT 'NULL',
  PRIMARY KEY (`subscriber_id`),
  KEY `NEWSLETTER_SUBSCRIBER_CUSTOMER_ID` (`customer_id`),
  KEY `NEWSLETTER_SUBSCRIBER_STORE_ID` (`store_id`),
  KEY `NEWSLETTER_SUBSCRIBER_SUBSCRIBER_EMAIL` (`subscriber_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Newsletter Subscriber';

CREATE TABLE `admin_user` (
  `user_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `firstname` varchar(32) DEFAULT NULL,
  `lastname` varchar(32) DEFAULT NULL,
  `email` varchar(128) DEFAULT NULL,
  `username` varchar(40) DEFAULT NULL,
  `password` varchar(255) NOT NULL,
  `created` timestamp NOT NULL DEFAULT current_timestamp(),
  `modified` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `logdate` timestamp NULL DEFAULT NULL,
  `lognum` smallint(5) unsigned NOT NULL DEFAULT 0,
  `reload_acl_flag` smallint(6) NOT NULL DEFAULT 0,
  `is_active` smallint(6) NOT NULL DEFAULT 1,
  `extra` text DEFAULT NULL,
  `rp_token` text DEFAULT NULL,
  `rp_token_created_at` timestamp NULL DEFAULT NULL,
  `interface_locale` varchar(16) NOT NULL DEFAULT 'en_US',
  `failures_num` smallint(6) DEFAULT 0,
  `first_failure` timestamp NULL DEFAULT NULL,
  `lock_expires` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`user_id`),
  UNIQUE KEY `ADMIN_USER_USERNAME` (`username`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Admin User Table';

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
  ELT(1 + seq % 5, 'gmx.net', 'posteo.de', 'yahoo.co.uk', 'fastmail.fm', 'outlook.dk') AS dom,
  ELT(1 + seq % 10, 'Łódź', 'Næstved', 'Bois-d\'Arcy', 'Ōsaka-shi', 'São Paulo',
    'Reykjavík', 'Tromsø', 'Čáslav', 'Ærøskøbing', 'Győr') AS city,
  CONCAT('Ul. Piotrkowska ', seq, IF(seq % 3 = 0, CONCAT('\nKlatka ', seq % 7, ' \\ m. ', seq % 9), '')) AS street,
  CONCAT(ELT(1 + seq % 4, 'SW1A ', 'EH1 ', '1012 ', 'K1A '), seq % 9, CHAR(65 + seq % 26 USING utf8mb4), CHAR(66 + seq % 25 USING utf8mb4)) AS postcode,
  CONCAT('+48 42 ', LPAD(seq * 7919 % 10000000, 7, '5')) AS phone
FROM seq_1_to_400;

INSERT INTO store_website (website_id, code, name, sort_order, default_group_id, is_default) VALUES
  (0, 'admin', 'Admin', 0, 0, 0), (1, 'base', 'Main Website', 0, 1, 1), (2, 'pl', 'Sklep Polska', 1, 2, 0);
INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active) VALUES
  (0, 'admin', 0, 0, 'Admin', 0, 1), (1, 'default', 1, 1, 'Default Store View', 0, 1), (2, 'pl', 2, 2, 'Polski', 0, 1);

INSERT INTO core_config_data (scope, scope_id, path, value) VALUES
  ('default', 0, 'web/unsecure/base_url', 'https://shop.example/'),
  ('default', 0, 'general/store_information/name', 'Ćwik\'s "Shop"'),
  ('default', 0, 'trans_email/ident_general/email', 'general.siobhan.shop@fastmail.fm'),
  ('default', 0, 'trans_email/ident_sales/email', 'sales.thaddaeus.shop@posteo.de'),
  ('default', 0, 'trans_email/ident_support/email', 'support.ingrid.shop@outlook.dk'),
  ('websites', 2, 'trans_email/ident_custom1/email', 'custom.soren.shop@gmx.net'),
  ('default', 0, 'contact/email/recipient_email', 'contact.aegir.shop@yahoo.co.uk'),
  ('default', 0, 'payment/checkmo/active', '1'),
  ('default', 0, 'catalog/search/engine', 'opensearch'),
  ('default', 0, 'payment/braintree/private_key', '0:3:encryptedValueAbc\\def=='),
  ('stores', 2, 'general/locale/code', 'pl_PL');

INSERT INTO catalog_product_entity (entity_id, attribute_set_id, type_id, sku)
SELECT seq, 4, 'simple', CONCAT('MB-', LPAD(seq, 5, '0')) FROM seq_1_to_100;
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
SELECT 73, 0, seq, CONCAT('Bag ', seq, IF(seq % 4 = 0, ' – "Zoë" édition', '')) FROM seq_1_to_100;

INSERT INTO customer_entity (entity_id, website_id, email, group_id,
  increment_id, store_id, created_at, updated_at, is_active, created_in,
  prefix, firstname, middlename, lastname, suffix, dob, password_hash,
  rp_token, rp_token_created_at, default_billing, default_shipping, taxvat,
  confirmation, gender, failures_num)
SELECT i,
  -- customers 351..400 registered the same address on the second website
  IF(i > 350, 2, 1),
  IF(i % 97 = 0, NULL, CONCAT(fa, '.', LOWER(REPLACE(l, ' ', '')), '.', i, '@', dom)),
  1, NULL, IF(i > 350, 2, 1), '2022-01-01 00:00:00' + INTERVAL i HOUR,
  '2024-01-01 00:00:00' + INTERVAL i HOUR, 1,
  IF(i > 350, 'Polski', 'Default Store View'),
  IF(i % 5 = 0, 'Dr.', NULL), f, IF(i % 4 = 0, 'Ágota', NULL), l, NULL,
  IF(i % 6 = 0, NULL, '1960-01-01' + INTERVAL i * 29 DAY),
  CONCAT(SHA2(CONCAT('pw', i), 256), ':', SUBSTR(MD5(CONCAT('s', i)), 1, 32), ':3_32_2_67108864'),
  IF(i % 8 = 0, CONCAT('0:3:', TO_BASE64(UNHEX(SHA2(CONCAT('rp', i), 256)))), NULL),
  IF(i % 8 = 0, '2024-06-01 00:00:00', NULL),
  i, i, IF(i % 3 = 0, CONCAT('PL', 5210000000 + i * 7), NULL),
  IF(i % 10 = 0, SHA2(CONCAT('conf', i), 256), NULL),
  1 + i % 3, 0
FROM ppl;

-- Customers 351..400 registered the address of customers 1..50 on the
-- second website: (email, website_id) is unique, email alone is not.
CREATE TEMPORARY TABLE dup AS
SELECT entity_id + 350 AS entity_id, email FROM customer_entity WHERE entity_id <= 50;
UPDATE customer_entity c JOIN dup d ON d.entity_id = c.entity_id SET c.email = d.email;

INSERT INTO customer_address_entity (entity_id, parent_id, city, company,
  country_id, fax, firstname, lastname, middlename, postcode, prefix, region,
  region_id, street, telephone, vat_id)
SELECT i, i, city, IF(i % 4 = 0, CONCAT(l, ' & Søn ApS ', i), NULL), 'PL',
  IF(i % 9 = 0, CONCAT('+48 42 ', LPAD(i * 31, 7, '7')), NULL),
  f, l, IF(i % 4 = 0, 'Ágota', NULL), postcode, NULL, 'łódzkie', 1133, street,
  phone, IF(i % 3 = 0, CONCAT('PL', 5210000000 + i * 7), NULL)
FROM ppl;

INSERT INTO customer_grid_flat (entity_id, name, email, group_id, created_at,
  website_id, confirmation, created_in, dob, gender, taxvat, shipping_full,
  billing_full, billing_firstname, billing_lastname, billing_telephone,
  billing_postcode, billing_country_id, billing_region, billing_region_id,
  billing_street, billing_city, billing_fax, billing_vat_id, billing_company)
SELECT c.entity_id, CONCAT_WS(' ', c.prefix, c.firstname, c.middlename, c.lastname),
  c.email, c.group_id, c.created_at, c.website_id, c.confirmation, c.created_in,
  c.dob, c.gender, c.taxvat,
  CONCAT_WS(' ', a.street, a.city, a.region, a.postcode),
  CONCAT_WS(' ', a.street, a.city, a.region, a.postcode),
  a.firstname, a.lastname, a.telephone, a.postcode, a.country_id, a.region,
  a.region_id, a.street, a.city, a.fax, a.vat_id, a.company
FROM customer_entity c JOIN customer_address_entity a ON a.parent_id = c.entity_id;

INSERT INTO quote (entity_id, store_id, created_at, updated_at, is_active,
  items_count, grand_total, customer_id, customer_email, customer_firstname,
  customer_middlename, customer_lastname, customer_dob, customer_note,
  customer_is_guest, remote_ip, reserved_order_id, password_hash,
  customer_taxvat)
SELECT c.entity_id, 1, '2024-02-01 00:00:00' + INTERVAL c.entity_id HOUR,
  '2024-02-02 00:00:00', 0, 1, c.entity_id * 2.5, c.entity_id, c.email,
  c.firstname, c.middlename, c.lastname, c.dob,
  CASE c.entity_id % 3 WHEN 0 THEN CONCAT('Ring ', p.phone, ' before delivery') WHEN 1 THEN '' ELSE NULL END,
  0, IF(c.entity_id % 7 = 0, CONCAT('2001:db8::', HEX(c.entity_id)), CONCAT('203.0.113.', c.entity_id % 250)),
  CONCAT('00000', LPAD(c.entity_id, 4, '0')),
  IF(c.entity_id % 11 = 0, SHA2(CONCAT('qp', c.entity_id), 256), NULL),
  c.taxvat
FROM customer_entity c JOIN ppl p ON p.i = c.entity_id WHERE c.entity_id <= 300;

INSERT INTO quote_address (quote_id, customer_id, address_type, email,
  firstname, middlename, lastname, company, street, city, region, region_id,
  postcode, country_id, telephone, fax, vat_id)
SELECT q.entity_id, q.customer_id, t.address_type, q.customer_email,
  q.customer_firstname, q.customer_middlename, q.customer_lastname, a.company,
  a.street, a.city, a.region, a.region_id, a.postcode, 'PL', a.telephone,
  a.fax, a.vat_id
FROM quote q JOIN customer_address_entity a ON a.parent_id = q.customer_id
JOIN (SELECT 'billing' AS address_type UNION ALL SELECT 'shipping') t;

INSERT INTO sales_order (entity_id, state, status, protect_code,
  shipping_description, is_virtual, store_id, customer_id, base_grand_total,
  grand_total, quote_id, billing_address_id, shipping_address_id, customer_dob,
  increment_id, customer_email, customer_firstname, customer_lastname,
  customer_middlename, customer_prefix, customer_taxvat, remote_ip,
  x_forwarded_for, customer_note, created_at, customer_gender)
SELECT q.entity_id, 'complete', 'complete', SUBSTR(MD5(CONCAT('pc', q.entity_id)), 1, 6),
  'Flat Rate - Fixed', 0, 1, q.customer_id, q.grand_total, q.grand_total,
  q.entity_id, 2 * q.entity_id - 1, 2 * q.entity_id, q.customer_dob,
  q.reserved_order_id, q.customer_email, q.customer_firstname,
  q.customer_lastname, q.customer_middlename, NULL, q.customer_taxvat,
  q.remote_ip, IF(q.entity_id % 5 = 0, CONCAT(q.remote_ip, ', 10.0.0.', q.entity_id % 250), NULL),
  q.customer_note, q.created_at, 1 + q.entity_id % 3
FROM quote q;

INSERT INTO sales_order_address (entity_id, parent_id, customer_address_id,
  quote_address_id, region_id, customer_id, fax, region, postcode, lastname,
  street, city, email, telephone, country_id, firstname, address_type,
  middlename, company, vat_id)
SELECT qa.address_id, qa.quote_id, qa.quote_id, qa.address_id, qa.region_id,
  qa.customer_id, qa.fax, qa.region, qa.postcode, qa.lastname, qa.street,
  qa.city, qa.email, qa.telephone, qa.country_id, qa.firstname,
  qa.address_type, qa.middlename, qa.company, qa.vat_id
FROM quote_address qa;

INSERT INTO sales_order_grid (entity_id, status, store_id, store_name,
  customer_id, base_grand_total, grand_total, increment_id, billing_name,
  shipping_name, created_at, billing_address, shipping_address,
  shipping_information, customer_email, customer_group, customer_name,
  payment_method)
SELECT o.entity_id, o.status, o.store_id, 'Main Website\nMain Website Store\nDefault Store View',
  o.customer_id, o.base_grand_total, o.grand_total, o.increment_id,
  CONCAT_WS(' ', b.firstname, b.lastname), CONCAT_WS(' ', s.firstname, s.lastname),
  o.created_at, CONCAT_WS(',', b.street, b.city, b.region, b.postcode),
  CONCAT_WS(',', s.street, s.city, s.region, s.postcode), o.shipping_description,
  o.customer_email, '1', CONCAT_WS(' ', o.customer_firstname, o.customer_lastname),
  'checkmo'
FROM sales_order o
JOIN sales_order_address b ON b.parent_id = o.entity_id AND b.address_type = 'billing'
JOIN sales_order_address s ON s.parent_id = o.entity_id AND s.address_type = 'shipping';

INSERT INTO sales_order_payment (parent_id, base_amount_ordered, cc_exp_month,
  cc_exp_year, method, cc_owner, cc_type, cc_last_4, cc_number_enc,
  echeck_account_name, last_trans_id, additional_information)
SELECT o.entity_id, o.grand_total,
  IF(o.entity_id % 2 = 0, '12', NULL), IF(o.entity_id % 2 = 0, '2027', NULL),
  ELT(1 + o.entity_id % 3, 'checkmo', 'braintree', 'paypal_express'),
  IF(o.entity_id % 3 = 1, CONCAT(o.customer_firstname, ' ', o.customer_lastname), NULL),
  IF(o.entity_id % 3 = 1, 'VI', NULL),
  IF(o.entity_id % 3 = 1, LPAD(o.entity_id * 37 % 10000, 4, '0'), NULL),
  IF(o.entity_id % 3 = 1, CONCAT('0:3:', TO_BASE64(UNHEX(SHA2(CONCAT('cc', o.entity_id), 256)))), NULL),
  NULL, CONCAT('tx', o.entity_id),
  CASE o.entity_id % 3
    WHEN 2 THEN CONCAT('{"paypal_payer_id":"', UPPER(SUBSTR(MD5(CONCAT('pp', o.entity_id)), 1, 13)), '","paypal_payer_email":', JSON_QUOTE(o.customer_email), ',"paypal_payer_status":"verified","method_title":"PayPal Express Checkout"}')
    WHEN 0 THEN '{"method_title":"Check \\/ Money order"}'
    ELSE NULL END
FROM sales_order o;

INSERT INTO newsletter_subscriber (store_id, change_status_at, customer_id,
  subscriber_email, subscriber_status, subscriber_confirm_code)
SELECT 1, '2024-03-01 00:00:00', IF(i % 2 = 0, i, 0),
  IF(i % 2 = 0, CONCAT(fa, '.', LOWER(REPLACE(l, ' ', '')), '.', i, '@', dom), CONCAT('guest.', fa, '.', i, '@', dom)),
  1 + i % 3, SUBSTR(MD5(CONCAT('nc', i)), 1, 32)
FROM ppl WHERE i <= 250 AND i % 97 <> 0;

INSERT INTO admin_user (firstname, lastname, email, username, password,
  logdate, lognum, extra, rp_token, interface_locale)
SELECT f, SUBSTR(l, 1, 32), CONCAT('admin.', fa, '.', i, '@', dom), CONCAT(fa, '.admin', i),
  CONCAT(SHA2(CONCAT('apw', i), 256), ':', SUBSTR(MD5(CONCAT('as', i)), 1, 32), ':3_32_2_67108864'),
  '2024-06-01 00:00:00', i, '{"configState":{"admin_emails":"1"}}',
  IF(i % 4 = 0, CONCAT('0:3:', TO_BASE64(UNHEX(SHA2(CONCAT('arp', i), 256)))), NULL), 'en_US'
FROM ppl WHERE i <= 12;
