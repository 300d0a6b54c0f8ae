--
-- PostgreSQL database dump
--

-- Dumped from database version 15.8 (Debian 15.8-0+deb12u1)
-- Dumped by pg_dump version 15.8 (Debian 15.8-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: multi; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.multi (
    id integer NOT NULL,
    v text,
    n numeric
);


ALTER TABLE public.multi OWNER TO postgres;

--
-- Data for Name: multi; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.multi VALUES
	(1, 'a', 1.5),
	(2, 'b
c', -2),
	(3, NULL, NULL);
INSERT INTO public.multi VALUES
	(4, '),(', 1e10),
	(5, 'it''s', 0);


--
-- Name: multi multi_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.multi
    ADD CONSTRAINT multi_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

