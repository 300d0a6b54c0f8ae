-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------

/*!40101 SET NAMES utf8mb4 */;

CREATE TABLE `people` (
  `id` int NOT NULL,
  `email` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `people` WRITE;
-- Not a row: text between VALUES and the first "(" went out unread.
INSERT INTO `people` VALUES 'alice@example.org',(1,'bob@example.org');
UNLOCK TABLES;

-- Dump completed on 2026-01-01 12:00:00
