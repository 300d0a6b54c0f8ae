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

-- it's a comment; with "quotes", $$ and /* an opener
--
-- Name: t; Type: TABLE; Schema: public; Owner: o'brien
--

CREATE TABLE public.t (
    a integer, -- it's; here
    b text /* ; ' */
);


--
-- Name: TABLE t; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.t IS 'it''s; a -- comment /* not */';


COMMENT ON COLUMN public.t.b IS 'multi
line; ''quoted'' $$ \';

/* a block comment; with 'quote */ SELECT 1;
SELECT /* nested /* comment; */ 'x;' */ 2;

--
-- Data for Name: t; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.t (a, b) FROM stdin;
1	-- ;
2	/* '
\.



--
-- PostgreSQL database dump complete
--

