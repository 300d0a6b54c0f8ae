-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------
-- Server version	10.11.6-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Current Database: `shop`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `shop`;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `users` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `users`
--

LOCK TABLES `users` WRITE;
/*!40000 ALTER TABLE `users` DISABLE KEYS */;
INSERT INTO `users` VALUES (1,'it\'s users'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `User Accounts`
--

DROP TABLE IF EXISTS `User Accounts`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `User Accounts` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `User Accounts`
--

LOCK TABLES `User Accounts` WRITE;
/*!40000 ALTER TABLE `User Accounts` DISABLE KEYS */;
INSERT INTO `User Accounts` VALUES (1,'it\'s User Accounts'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `User Accounts` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `log_2023`
--

DROP TABLE IF EXISTS `log_2023`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `log_2023` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `log_2023`
--

LOCK TABLES `log_2023` WRITE;
/*!40000 ALTER TABLE `log_2023` DISABLE KEYS */;
INSERT INTO `log_2023` VALUES (1,'it\'s log_2023'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `log_2023` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `log_2024`
--

DROP TABLE IF EXISTS `log_2024`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `log_2024` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `log_2024`
--

LOCK TABLES `log_2024` WRITE;
/*!40000 ALTER TABLE `log_2024` DISABLE KEYS */;
INSERT INTO `log_2024` VALUES (1,'it\'s log_2024'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `log_2024` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `log_old`
--

DROP TABLE IF EXISTS `log_old`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `log_old` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `log_old`
--

LOCK TABLES `log_old` WRITE;
/*!40000 ALTER TABLE `log_old` DISABLE KEYS */;
INSERT INTO `log_old` VALUES (1,'it\'s log_old'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `log_old` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `legacy`
--

DROP TABLE IF EXISTS `legacy`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `legacy` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `legacy`
--

LOCK TABLES `legacy` WRITE;
/*!40000 ALTER TABLE `legacy` DISABLE KEYS */;
INSERT INTO `legacy` VALUES (1,'it\'s legacy'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `legacy` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `Mixed`
--

DROP TABLE IF EXISTS `Mixed`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `Mixed` (
  `id` int(11) NOT NULL,
  `name` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `Mixed`
--

LOCK TABLES `Mixed` WRITE;
/*!40000 ALTER TABLE `Mixed` DISABLE KEYS */;
INSERT INTO `Mixed` VALUES (1,'it\'s Mixed'),(2,NULL),(3,'tab	here');
/*!40000 ALTER TABLE `Mixed` ENABLE KEYS */;
UNLOCK TABLES;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2024-05-01 12:00:00
