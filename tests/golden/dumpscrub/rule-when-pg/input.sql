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
-- Name: orders; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    status character varying(20),
    kind text,
    score numeric,
    deleted_at timestamp without time zone,
    v1 text,
    v2 text,
    v3 text,
    v4 text,
    v5 text,
    v6 text,
    v7 text,
    v8 text
);


ALTER TABLE public.orders OWNER TO postgres;

--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.orders (id, status, kind, score, deleted_at, v1, v2, v3, v4, v5, v6, v7, v8) FROM stdin;
1	active	VIP gold	10	\N	v1'\\0	v2'\\0	v3'\\0	v4'\\0	v5'\\0	v6'\\0	v7'\\0	v8'\\0
2	closed	vip	3	2023-12-31 00:00:00	v1'\\1	v2'\\1	v3'\\1	v4'\\1	v5'\\1	v6'\\1	v7'\\1	v8'\\1
3	\N	regular x	\N	2024-06-01 10:00:00	v1'\\2	v2'\\2	v3'\\2	v4'\\2	v5'\\2	v6'\\2	v7'\\2	v8'\\2
4	it's	\N	-1	\N	\N	v2'\\3	v3'\\3	v4'\\3	v5'\\3	v6'\\3	v7'\\3	v8'\\3
5	tab\there	x	100	2023-01-01 00:00:00	v1'\\4	v2'\\4	v3'\\4	v4'\\4	v5'\\4	v6'\\4	v7'\\4	v8'\\4
6	ACTIVE	vipx	9	\N	v1'\\5	v2'\\5	v3'\\5	v4'\\5	v5'\\5	v6'\\5	v7'\\5	v8'\\5
7		regular	4	2020-02-02 02:02:02	v1'\\6	v2'\\6	v3'\\6	v4'\\6	v5'\\6	v6'\\6	v7'\\6	v8'\\6
8	active	Vip x	2	2022-02-02 00:00:00	v1'\\7	v2'\\7	v3'\\7	v4'\\7	v5'\\7	v6'\\7	v7'\\7	v8'\\7
9	closed	y	10.5	\N	v1'\\8	v2'\\8	v3'\\8	v4'\\8	v5'\\8	v6'\\8	v7'\\8	v8'\\8
\.


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

