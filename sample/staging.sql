--
-- PostgreSQL database dump
--

\restrict fxoSjtloc4mzh8Y2wZxhqdJ0Gk5Ha6R2HKgbu0GKE9iBiX8BNa9c31ps5M5ceZx

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

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
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id integer NOT NULL,
    email character varying(255) NOT NULL,
    full_name text NOT NULL,
    phone character varying(32),
    notes text,
    created_at timestamp with time zone NOT NULL
);


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, email, full_name, phone, notes, created_at) FROM stdin;
1	user1@mail.example	Grace Hopper	+1 500 555 1001	staff test account	2024-09-02 09:00:00+00
2	user2@mail.example	Alan Turing	+1 500 555 1002	staff test account	2024-09-02 09:53:00+00
3	User3@Mail.Example	Émilie du Châtelet	+1 500 555 1003	staff test account	2024-09-02 10:46:00+00
4	user4@mail.example	Kurt Gödel	+1 500 555 1004	staff test account	2024-09-02 11:39:00+00
5	user5@mail.example	Ada Lovelace	+1 500 555 1005	staff test account	2024-09-02 12:32:00+00
6	user6@mail.example	Grace Hopper	+1 500 555 1006	staff test account	2024-09-02 13:25:00+00
7	user7@mail.example	Alan Turing	+1 500 555 1007	staff test account	2024-09-02 14:18:00+00
8	user8@mail.example	Émilie du Châtelet	+1 500 555 1008	staff test account	2024-09-02 15:11:00+00
9	user9@mail.example	Kurt Gödel	+1 500 555 1009	staff test account	2024-09-02 16:04:00+00
10	user10@mail.example	Ada Lovelace	+1 500 555 1010	staff test account	2024-09-02 16:57:00+00
11	user11@mail.example	Grace Hopper	+1 500 555 1011	staff test account	2024-09-02 17:50:00+00
12	user12@mail.example	Alan Turing	\N	no SMS: phone removed	2024-09-02 18:43:00+00
13	user13@mail.example	Émilie du Châtelet	+1 500 555 1013	staff test account	2024-09-02 19:36:00+00
14	user14@mail.example	Kurt Gödel	+1 500 555 1014	staff test account	2024-09-02 20:29:00+00
15	user15@mail.example	Ada Lovelace	+1 500 555 1015	staff test account	2024-09-02 21:22:00+00
16	user16@mail.example	Grace Hopper	+1 500 555 1016	staff test account	2024-09-02 22:15:00+00
17	user17@mail.example	Alan Turing	+1 500 555 1017	staff test account	2024-09-02 23:08:00+00
18	user18@mail.example	Émilie du Châtelet	+1 500 555 1018	staff test account	2024-09-03 00:01:00+00
19	user19@mail.example	Kurt Gödel	+1 500 555 1019	staff test account	2024-09-03 00:54:00+00
20	user185@mail.example	Ada Lovelace	+1 500 555 1185	\N	2024-09-03 01:47:00+00
21	user186@mail.example	Grace Hopper	+1 500 555 1186	\N	2024-09-03 02:40:00+00
22	user187@mail.example	Alan Turing	+1 500 555 1187	\N	2024-09-03 03:33:00+00
23	user188@mail.example	Émilie du Châtelet	+1 500 555 1188	\N	2024-09-03 04:26:00+00
24	user189@mail.example	Kurt Gödel	+1 500 555 1189	\N	2024-09-03 05:19:00+00
25	USER190@MAIL.EXAMPLE	Ada Lovelace	+1 500 555 1190	\N	2024-09-03 06:12:00+00
26	user191@mail.example	Grace Hopper	+1 500 555 1191	\N	2024-09-03 07:05:00+00
27	user192@mail.example	Alan Turing	+1 500 555 1192	\N	2024-09-03 07:58:00+00
28	user193@mail.example	Émilie du Châtelet	+1 500 555 1193	\N	2024-09-03 08:51:00+00
29	user194@mail.example	Kurt Gödel	+1 500 555 1194	\N	2024-09-03 09:44:00+00
30	qa1@staging.example	QA Tester 1	+1 500 555 0001	staging only	2024-10-02 09:17:00+00
31	qa2@staging.example	QA Tester 2	+1 500 555 0002	staging only	2024-10-02 09:34:00+00
32	qa3@staging.example	QA Tester 3	+1 500 555 0003	staging only	2024-10-02 09:51:00+00
33	qa4@staging.example	QA Tester 4	+1 500 555 0004	staging only	2024-10-02 10:08:00+00
34	qa5@staging.example	QA Tester 5	+1 500 555 0005	staging only	2024-10-02 10:25:00+00
35	qa6@staging.example	QA Tester 6	+1 500 555 0006	staging only	2024-10-02 10:42:00+00
36	user250@mail.example	Ada Lovelace	+1 500 555 1250	signed up in staging	2024-12-24 10:00:00+00
\.


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict fxoSjtloc4mzh8Y2wZxhqdJ0Gk5Ha6R2HKgbu0GKE9iBiX8BNa9c31ps5M5ceZx

