-- MySQL dump
INSERT INTO `t` VALUES (1);
--