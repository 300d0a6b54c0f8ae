-- MySQL dump
INSERT INTO `t` (`a`,`b`) VALUES (1);
