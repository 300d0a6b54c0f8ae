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
    v character varying(40),
    s text,
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.people (id, v, s, note) FROM stdin;
1	DE89370400440532013000	4111111111111111	plain
2	abcd	abcd	it's
3	abcde	abcde	a\\b
4	é😀abcdé	😀😀😀😀😀	a\tb
5			a\nb\n
6	\N	\N	é😀
7	NULL	NULL	NULL
8	\\N	\\N	\\N
9	a\tbcd\nef	a\\b\tc\nd	
10	it's	'''''	\N
11	back\\slash	ab	\\.
\.


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

