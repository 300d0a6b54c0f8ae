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
-- Name: notes; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.notes (
    id integer NOT NULL,
    title text,
    body text,
    tag text
);


ALTER TABLE public.notes OWNER TO postgres;

--
-- Name: seq_t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.seq_t (
    id integer NOT NULL,
    v text
);


ALTER TABLE public.seq_t OWNER TO postgres;

--
-- Data for Name: notes; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.notes VALUES (1, 'it''s', 'line one
line two

line four
', NULL);
INSERT INTO public.notes VALUES (2, 'semi; colon', '-- not a comment /* nor this */ $$ $x$', '');
INSERT INTO public.notes VALUES (3, 'backslash \ stays', 'a\nb is four characters', 'x''); DROP TABLE notes; --');
INSERT INTO public.notes VALUES (4, E'tab\there', E'it\'s \\ E''s', e'\x41\101\u00e9');
INSERT INTO public.notes (id, title, body, tag) VALUES (5, '''quoted''', '(parens, commas)', 'NULL');
INSERT INTO public.notes (id, title, body, tag) VALUES (6, '', ')', '(') ON CONFLICT DO NOTHING;


--
-- Data for Name: seq_t; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.seq_t OVERRIDING SYSTEM VALUE VALUES (1, 'identity always');
INSERT INTO public.seq_t OVERRIDING SYSTEM VALUE VALUES (2, '2
');


--
-- Name: notes notes_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

