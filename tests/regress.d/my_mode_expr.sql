-- MySQL dump 10.13
CREATE TABLE `t` (`a` text);
/*!50003 SET sql_mode = CONCAT(@@sql_mode, ",NO_BACKSLASH_ESCAPES") */;
INSERT INTO `t` VALUES ('a\\');
