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
    k text,
    z text,
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.people (id, v, k, z, note) FROM stdin;
1	\N	\N	\N	plain
2	alice	alice	alice	it's
3	tab\there	tab\there	tab\there	a\\b
4	back\\slash	back\\slash	back\\slash	a\tb
5	it's	it's	it's	a\nb\n
6	café 😀	café 😀	café 😀	é😀
7	NULL	NULL	NULL	NULL
8				\\N
9	line1\nline2	line1\nline2	line1\nline2	
10	bob	bob	bob	\N
11	carol	carol	carol	\\.
12	\\N	\\N	\\N	x";--
13	alice	alice	alice	plain
\.


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

