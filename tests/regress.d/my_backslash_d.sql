-- MySQL dump 10.13
CREATE DATABASE IF NOT EXISTS app;
USE `app`;
CREATE TABLE `b_users` (`id` int, `email` text);
\d $$
CREATE PROCEDURE p() BEGIN SELECT 1; END$$
INSERT INTO `b_users` VALUES (1,'secret@x.com')$$
\d ;
