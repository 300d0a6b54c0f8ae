--
-- PostgreSQL database dump
--

\restrict 8dFGh2kK3bYHq7MEsq6LQsmbZwVqSgkQ3AMUtcaZPbW2N6wAD4VcKTnjmHFtw1x

-- Dumped from database version 15.14
-- Dumped by pg_dump version 15.14

SET statement_timeout = 0;
SET standard_conforming_strings = on;

--
-- Name: app; Type: DATABASE; Schema: -; Owner: postgres
--

CREATE DATABASE app WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE app OWNER TO postgres;

\unrestrict 8dFGh2kK3bYHq7MEsq6LQsmbZwVqSgkQ3AMUtcaZPbW2N6wAD4VcKTnjmHFtw1x
\connect app
\restrict 8dFGh2kK3bYHq7MEsq6LQsmbZwVqSgkQ3AMUtcaZPbW2N6wAD4VcKTnjmHFtw1x

SET statement_timeout = 0;
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

--
-- Name: m; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.m (
    id integer NOT NULL
);


ALTER TABLE public.m OWNER TO postgres;

--
-- Data for Name: m; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.m (id) FROM stdin;
1
\.


\connect -reuse-previous=on "dbname='app'"

--
-- PostgreSQL database dump complete
--

\unrestrict 8dFGh2kK3bYHq7MEsq6LQsmbZwVqSgkQ3AMUtcaZPbW2N6wAD4VcKTnjmHFtw1x

