-- MySQL dump 10.13
CREATE TABLE `t` (`a` int, `b` text);
INSERT INTO `t` VALUE' (1,'x'),(2,'it\'s');
