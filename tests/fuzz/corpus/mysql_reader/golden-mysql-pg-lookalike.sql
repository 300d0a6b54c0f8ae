/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE `t` (
  `id` int(11) NOT NULL,
  `note` varchar(50) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `t` (`id`, `note`) VALUES (1,'COPY public.t FROM stdin;'),(2,'-- PostgreSQL database dump');
INSERT INTO `t` (`id`, `note`) VALUES (3,'pg_catalog.x');
