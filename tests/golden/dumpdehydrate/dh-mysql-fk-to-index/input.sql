-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: ins
-- ------------------------------------------------------
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

DROP TABLE IF EXISTS `agencies`;
CREATE TABLE `agencies` (
  `id` int(11) NOT NULL,
  `parent_id` int(11) DEFAULT NULL,
  `name` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `agencies_parent_fkey` (`parent_id`),
  CONSTRAINT `agencies_parent_fkey` FOREIGN KEY (`parent_id`) REFERENCES `agencies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `agencies` WRITE;
INSERT INTO `agencies` VALUES (1,NULL,'root'),(2,1,'north'),(3,2,'north-east'),(4,1,'south'),(5,NULL,'orphan tree');
UNLOCK TABLES;

DROP TABLE IF EXISTS `applications`;
CREATE TABLE `applications` (
  `id` int(11) NOT NULL,
  `broker_email` varchar(100) DEFAULT NULL,
  `product_code` varchar(10) NOT NULL,
  `product_version` int(11) NOT NULL,
  `kind` varchar(20) NOT NULL,
  `created_at` date NOT NULL,
  `session_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `applications_broker_fkey` FOREIGN KEY (`broker_email`) REFERENCES `brokers` (`email`),
  CONSTRAINT `applications_product_fkey` FOREIGN KEY (`product_code`, `product_version`) REFERENCES `products` (`code`, `version`),
  CONSTRAINT `applications_session_fkey` FOREIGN KEY (`session_id`) REFERENCES `sessions` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `applications` WRITE;
INSERT INTO `applications` VALUES (100,'a@x.example','AUTO',1,'new','2024-01-05',1),(101,'b@x.example','AUTO',2,'renewal','2023-03-01',NULL),(102,NULL,'HOME',1,'new','2025-11-01',2),(103,'c\'q@x.example','HOME',1,'new','2022-01-01',NULL);
UNLOCK TABLES;

DROP TABLE IF EXISTS `audit_log`;
CREATE TABLE `audit_log` (
  `id` int(11) NOT NULL,
  `app_id` int(11) DEFAULT NULL,
  CONSTRAINT `audit_log_app_fkey` FOREIGN KEY (`app_id`) REFERENCES `applications` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `audit_log` WRITE;
INSERT INTO `audit_log` VALUES (1,100),(2,101);
UNLOCK TABLES;

DROP TABLE IF EXISTS `brokers`;
CREATE TABLE `brokers` (
  `id` int(11) NOT NULL,
  `agency_id` int(11) NOT NULL,
  `email` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `brokers_email_key` (`email`),
  CONSTRAINT `brokers_agency_fkey` FOREIGN KEY (`agency_id`) REFERENCES `agencies` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `brokers` WRITE;
INSERT INTO `brokers` VALUES (10,3,'a@x.example'),(11,4,'b@x.example'),(12,5,'c\'q@x.example');
UNLOCK TABLES;

DROP TABLE IF EXISTS `countries`;
CREATE TABLE `countries` (
  `code` char(2) NOT NULL,
  `name` text DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `countries` WRITE;
INSERT INTO `countries` VALUES ('DE','Germany'),('FR','France');
UNLOCK TABLES;

DROP TABLE IF EXISTS `documents`;
CREATE TABLE `documents` (
  `id` int(11) NOT NULL,
  `app_id` int(11) NOT NULL,
  `body` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `documents` WRITE;
INSERT INTO `documents` VALUES (1000,100,'doc a'),(1001,101,'doc b'),(1002,103,'doc old');
UNLOCK TABLES;

DROP TABLE IF EXISTS `notes`;
CREATE TABLE `notes` (
  `id` int(11) NOT NULL,
  `subject_type` varchar(20) NOT NULL,
  `subject_id` int(11) NOT NULL,
  `body` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `notes` WRITE;
INSERT INTO `notes` VALUES (1,'Application',102,'note on 102'),(2,'Broker',102,'not an application'),(3,'Application',103,'old');
UNLOCK TABLES;

DROP TABLE IF EXISTS `products`;
CREATE TABLE `products` (
  `code` varchar(10) NOT NULL,
  `version` int(11) NOT NULL,
  `title` text DEFAULT NULL,
  PRIMARY KEY (`code`,`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `products` WRITE;
INSERT INTO `products` VALUES ('AUTO',1,'car v1'),('AUTO',2,'car v2'),('HOME',1,'house\twith tab');
UNLOCK TABLES;

DROP TABLE IF EXISTS `sessions`;
CREATE TABLE `sessions` (
  `id` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `sessions` WRITE;
INSERT INTO `sessions` VALUES (1),(2),(3);
UNLOCK TABLES;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;

-- Dump completed on 2026-11-21 10:00:00
