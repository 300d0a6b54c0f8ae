-- MySQL dump 10.13
INSERT INTO `t` (`a`) VALUES (1,2,3,4,5,6,7,8,9,10);
