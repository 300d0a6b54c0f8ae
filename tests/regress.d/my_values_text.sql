-- MySQL dump 10.13
CREATE TABLE `t` (`a` int, `b` text);
INSERT INTO `t` VALUE 'it''s',(1,'secret@x.com');
