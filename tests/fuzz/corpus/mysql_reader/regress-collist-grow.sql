-- MySQL dump
INSERT INTO `t` (`a`) VALUES (1,2);
