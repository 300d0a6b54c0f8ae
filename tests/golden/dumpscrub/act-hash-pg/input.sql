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
    n integer,
    b bigint,
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.people (id, v, n, b, note) FROM stdin;
1	\N	\N	\N	plain
2		0	0	it's
3	it's "q"	1	9223372036854775807	a\\b
4	back\\slash	-1	-9223372036854775808	a\tb
5	tab\there	2147483647	7	a\nb\n
6	line1\nline2	-2147483648	7	é😀
7	café 😀	42	\N	NULL
8	NULL	42	\N	\\N
9	\\N	\N	\N	
10	  padded  	\N	\N	\N
11	café 😀	\N	\N	\\.
12	tab\there	\N	\N	x";--
\.


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

