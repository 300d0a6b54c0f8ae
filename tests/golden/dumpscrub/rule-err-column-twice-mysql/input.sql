-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------

/*!40101 SET NAMES utf8mb4 */;

CREATE TABLE `people` (
  `id` int NOT NULL,
  `email` varchar(255) DEFAULT NULL,
  `note` text,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `people` WRITE;
INSERT INTO `people` VALUES (1,'alice@example.org','kept');
-- MySQL's names ignore case: email and EMAIL are one column.
INSERT INTO `people` (`id`, `email`, `EMAIL`) VALUES (2,'first@example.org','second@example.org');
UNLOCK TABLES;

-- Dump completed on 2026-01-01 12:00:00
