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
-- Table structure for table `orders`
--

DROP TABLE IF EXISTS `orders`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `orders` (
  `id` int(11) NOT NULL,
  `status` varchar(20) DEFAULT NULL,
  `kind` text DEFAULT NULL,
  `score` decimal(6,1) DEFAULT NULL,
  `deleted_at` datetime DEFAULT NULL,
  `v1` text DEFAULT NULL,
  `v2` text DEFAULT NULL,
  `v3` text DEFAULT NULL,
  `v4` text DEFAULT NULL,
  `v5` text DEFAULT NULL,
  `v6` text DEFAULT NULL,
  `v7` text DEFAULT NULL,
  `v8` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `orders`
--

LOCK TABLES `orders` WRITE;
/*!40000 ALTER TABLE `orders` DISABLE KEYS */;
INSERT INTO `orders` VALUES (1,'active','VIP gold',10,NULL,'v1\'\\0','v2\'\\0','v3\'\\0','v4\'\\0','v5\'\\0','v6\'\\0','v7\'\\0','v8\'\\0'),(2,'closed','vip',3,'2023-12-31 00:00:00','v1\'\\1','v2\'\\1','v3\'\\1','v4\'\\1','v5\'\\1','v6\'\\1','v7\'\\1','v8\'\\1'),(3,NULL,'regular x',NULL,'2024-06-01 10:00:00','v1\'\\2','v2\'\\2','v3\'\\2','v4\'\\2','v5\'\\2','v6\'\\2','v7\'\\2','v8\'\\2'),(4,'it\'s',NULL,-1,NULL,NULL,'v2\'\\3','v3\'\\3','v4\'\\3','v5\'\\3','v6\'\\3','v7\'\\3','v8\'\\3'),(5,'tab	here','x',100,'2023-01-01 00:00:00','v1\'\\4','v2\'\\4','v3\'\\4','v4\'\\4','v5\'\\4','v6\'\\4','v7\'\\4','v8\'\\4'),(6,'ACTIVE','vipx',9,NULL,'v1\'\\5','v2\'\\5','v3\'\\5','v4\'\\5','v5\'\\5','v6\'\\5','v7\'\\5','v8\'\\5'),(7,'','regular',4,'2020-02-02 02:02:02','v1\'\\6','v2\'\\6','v3\'\\6','v4\'\\6','v5\'\\6','v6\'\\6','v7\'\\6','v8\'\\6'),(8,'active','Vip x',2,'2022-02-02 00:00:00','v1\'\\7','v2\'\\7','v3\'\\7','v4\'\\7','v5\'\\7','v6\'\\7','v7\'\\7','v8\'\\7'),(9,'closed','y',10.5,NULL,'v1\'\\8','v2\'\\8','v3\'\\8','v4\'\\8','v5\'\\8','v6\'\\8','v7\'\\8','v8\'\\8');
/*!40000 ALTER TABLE `orders` ENABLE KEYS */;
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
