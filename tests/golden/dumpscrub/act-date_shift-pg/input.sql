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
    d date,
    ts timestamp without time zone,
    tz timestamp with time zone,
    t text,
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.people (id, d, ts, tz, t, note) FROM stdin;
1	2024-02-29	2024-02-29 12:34:56.789012	2024-03-10 02:30:00+00	2024-02-29	plain
2	2000-01-01	2000-01-01 00:00:00	2000-01-01 00:00:00.5+05:30	2024-02-29T12:00:00Z	it's
3	1999-12-31	1999-12-31 23:59:59	1999-12-31 23:59:59-08	2024-02-29 12:00:00+01:00	a\\b
4	\N	\N	\N	\N	a\tb
5	2024-02-29	2024-02-29 12:34:56.789012	2024-03-10 02:30:00+00	2024-02-29T12:00:00.123+0100	a\nb\n
\.


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

