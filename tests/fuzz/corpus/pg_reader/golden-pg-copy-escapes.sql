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
-- Name: escapes; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.escapes (
    id integer NOT NULL,
    what text NOT NULL,
    val text
);


ALTER TABLE public.escapes OWNER TO postgres;

--
-- Name: empty; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.empty (
    id integer
);


ALTER TABLE public.empty OWNER TO postgres;

--
-- Data for Name: empty; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.empty (id) FROM stdin;
\.


--
-- Data for Name: escapes; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.escapes (id, what, val) FROM stdin;
1	tab	a\tb
2	newline	a\nb
3	carriage return	a\rb
4	crlf	a\r\nb
5	backslash	a\\b
6	backspace	a\bb
7	form feed	a\fb
8	vertical tab	a\vb
9	single quote	it's
10	real null	\N
11	backslash N	\\N
12	empty	
13	end-of-copy marker	before\n\\.\nafter
14	marker alone	\\.
15	emoji	😀 🎉 𝄞
16	controls	
17	sql lookalike	x');\nCOPY public.escapes (id) FROM stdin;\n1\n\\.\n--
18	trailing backslash	ends with \\
19	spaces	  padded  
\.


--
-- Name: escapes escapes_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.escapes
    ADD CONSTRAINT escapes_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

