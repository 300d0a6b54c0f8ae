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
-- Name: people; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.people (
    id integer NOT NULL,
    v text,
    s character varying(60),
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.people (id, v, s, note) FROM stdin;
1	SSN 123-45-6789 on file	mail bob@example	plain
2	none	x	it's
3			a\\b
4	\N	\N	a\tb
5	NULL	NULL	a\nb\n
6	\\N	\\N	é😀
7	two: 111-22-3333, 444-55-6666	o'k@h a@b	NULL
8	it's 123-45-6789\tok	é@😀	\\N
9	é😀 987-65-4321\n	t\tu@v\nw	
10	a\\b 000-00-0000	a\\b@c	\N
\.


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

