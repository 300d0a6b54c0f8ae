-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
USE `shop`;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `t_bi` BEFORE INSERT ON `t` FOR EACH ROW BEGIN
  SET NEW.note = CONCAT(NEW.note, ';');
END */;;
DELIMITER $$
CREATE PROCEDURE p() BEGIN SELECT "a$$b"; END$$
DELIMITER ;
# hash comment ; with delimiter
-- dash comment; too
--
SELECT 1 /* plain ; comment */;
/* top-level comment */
/*M!100100 SET @x = 1 */;
