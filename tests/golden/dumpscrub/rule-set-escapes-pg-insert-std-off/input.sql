--
-- PostgreSQL database dump
--

-- Dumped from database version 15.8 (Debian 15.8-0+deb12u1)
-- Dumped by pg_dump version 15.8 (Debian 15.8-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = off;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET escape_string_warning = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: people; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.people (
    id integer NOT NULL,
    v text,
    w text,
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.people VALUES (1, NULL, NULL, 'plain');
INSERT INTO public.people VALUES (2, '', '', 'it''s');
INSERT INTO public.people VALUES (3, 'it''s "q"', 'it''s "q"', E'a\\b');
INSERT INTO public.people VALUES (4, E'back\\slash', E'back\\slash', 'a	b');
INSERT INTO public.people VALUES (5, 'tab	here', 'tab	here', 'a
b
');
INSERT INTO public.people VALUES (6, 'line1
line2', 'line1
line2', 'é😀');
INSERT INTO public.people VALUES (7, 'café 😀', 'café 😀', 'NULL');
INSERT INTO public.people VALUES (8, 'NULL', 'NULL', E'\\N');
INSERT INTO public.people VALUES (9, E'\\N', E'\\N', '');
INSERT INTO public.people VALUES (10, '  padded  ', '  padded  ', NULL);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

