-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: lab
-- ------------------------------------------------------
/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `readings`;
CREATE TABLE `readings` (
  `id` int(11) NOT NULL,
  `v` double DEFAULT NULL,
  `f` float DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `readings` WRITE;
INSERT INTO `readings` VALUES (1,1e-5,0),(2,0.75,0),(3,1.5e20,0),(4,-1.5e-7,NULL),(5,0.5,0),(6,5.000001e-1,0),(7,NULL,1.5e20),(8,5e-1,9.999999e19),(9,-1e308,1e20);
UNLOCK TABLES;

-- Dump completed on 2025-11-20 10:00:00
