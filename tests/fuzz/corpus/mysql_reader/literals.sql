-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
/*M!999999\- enable the sandbox mode */
CREATE TABLE `shop`.`t` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `s` varchar(20) CHARACTER SET utf8mb4 DEFAULT NULL,
  `b` varbinary(8) DEFAULT NULL,
  `bits` bit(10) DEFAULT NULL,
  `g` int GENERATED ALWAYS AS (`id` * 2) VIRTUAL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `s` (`s`(10)),
  KEY `k` (`b`),
  CONSTRAINT `fk` FOREIGN KEY (`id`) REFERENCES `other` (`oid`) ON DELETE CASCADE
) ENGINE=InnoDB;
INSERT INTO `shop`.`t` (`id`, `s`, `b`, `bits`) VALUES (1,'it\'s \\ "q" \0\Z\n\r\t\b\%\_','',b'1010101010'),(2,"dq ""x"" 'y'",0x00FF,b'1'),(3,_utf8mb4'\xC3\xA9',_binary 0xABC,NULL),(4,X'41',x'',NULL);
INSERT IGNORE INTO t VALUES (5,NULL,NULL,NULL);
REPLACE INTO `t` VALUE (6,'-1',-1,+1.5e-3);
INSERT LOW_PRIORITY INTO `t` (`id`) VALUES (7) ON DUPLICATE KEY UPDATE `id`=`id`;
INSERT INTO `t` SELECT * FROM `t`;
