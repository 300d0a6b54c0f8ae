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
    doc jsonb,
    js json,
    note text
);


ALTER TABLE public.people OWNER TO postgres;

--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.people VALUES (1, NULL, NULL, 'plain');
INSERT INTO public.people VALUES (2, '{"ssn": "123-45-6789", "tags": ["vip", "tab\there"], "email": "a@b.c", "items": [{"sku": "A1", "price": 10.5, "email": "x@y.z"}, {"sku": "B\"2", "price": 3}], "address": {"zip": "50667", "city": "Köln"}, "note": "\\ é 😀 \u00e9"}', '{
  "email": "a@b.c",
  "raw": "it''s ; \t"
}', 'it''s');
INSERT INTO public.people VALUES (3, '{"email": null, "tags": [], "items": []}', '[{"email": "x@y.z"}, {"email": 1}, {}]', 'a\b');
INSERT INTO public.people VALUES (4, '{}', '{"email": "x@y.z", "email": "dup@key.example"}', 'a	b');
INSERT INTO public.people VALUES (5, '[]', '"\ud83d\ude00"', 'a
b
');
INSERT INTO public.people VALUES (6, 'null', '{"email":"é😀@x.y"}', 'é😀');
INSERT INTO public.people VALUES (7, '"just a string"', NULL, 'NULL');
INSERT INTO public.people VALUES (8, '{"address": {"city": "back\\slash"}, "email": "it''s@x.y", "key with space": "secret"}', NULL, '\N');
INSERT INTO public.people VALUES (9, '{"tags": [1, 2.5, "NULL"], "ssn": {"nested": true}, "email": ""}', NULL, '');


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

