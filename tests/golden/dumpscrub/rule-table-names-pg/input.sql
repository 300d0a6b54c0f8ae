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
-- Name: users; Type: TABLE; Schema: archive; Owner: postgres
--

CREATE TABLE archive.users (
    id integer NOT NULL,
    name text
);


ALTER TABLE archive.users OWNER TO postgres;

--
-- Name: users; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.users (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.users OWNER TO postgres;

--
-- Name: User Accounts; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."User Accounts" (
    id integer NOT NULL,
    name text
);


ALTER TABLE public."User Accounts" OWNER TO postgres;

--
-- Name: user accounts; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."user accounts" (
    id integer NOT NULL,
    name text
);


ALTER TABLE public."user accounts" OWNER TO postgres;

--
-- Name: log_2023; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.log_2023 (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.log_2023 OWNER TO postgres;

--
-- Name: log_2024; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.log_2024 (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.log_2024 OWNER TO postgres;

--
-- Name: log_old; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.log_old (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.log_old OWNER TO postgres;

--
-- Name: legacy; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.legacy (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.legacy OWNER TO postgres;

--
-- Name: Mixed; Type: TABLE; Schema: Sales; Owner: postgres
--

CREATE TABLE "Sales"."Mixed" (
    id integer NOT NULL,
    name text
);


ALTER TABLE "Sales"."Mixed" OWNER TO postgres;

--
-- Data for Name: users; Type: TABLE DATA; Schema: archive; Owner: postgres
--

COPY archive.users (id, name) FROM stdin;
1	it's users
2	\N
3	tab\there
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.users (id, name) FROM stdin;
1	it's users
2	\N
3	tab\there
\.


--
-- Data for Name: User Accounts; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."User Accounts" (id, name) FROM stdin;
1	it's User Accounts
2	\N
3	tab\there
\.


--
-- Data for Name: user accounts; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."user accounts" (id, name) FROM stdin;
1	it's user accounts
2	\N
3	tab\there
\.


--
-- Data for Name: log_2023; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.log_2023 (id, name) FROM stdin;
1	it's log_2023
2	\N
3	tab\there
\.


--
-- Data for Name: log_2024; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.log_2024 (id, name) FROM stdin;
1	it's log_2024
2	\N
3	tab\there
\.


--
-- Data for Name: log_old; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.log_old (id, name) FROM stdin;
1	it's log_old
2	\N
3	tab\there
\.


--
-- Data for Name: legacy; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.legacy (id, name) FROM stdin;
1	it's legacy
2	\N
3	tab\there
\.


--
-- Data for Name: Mixed; Type: TABLE DATA; Schema: Sales; Owner: postgres
--

COPY "Sales"."Mixed" (id, name) FROM stdin;
1	it's Mixed
2	\N
3	tab\there
\.


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: archive; Owner: postgres
--

ALTER TABLE ONLY archive.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: User Accounts user_accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."User Accounts"
    ADD CONSTRAINT user_accounts_pkey PRIMARY KEY (id);


--
-- Name: user accounts user_accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."user accounts"
    ADD CONSTRAINT user_accounts_pkey PRIMARY KEY (id);


--
-- Name: log_2023 log_2023_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.log_2023
    ADD CONSTRAINT log_2023_pkey PRIMARY KEY (id);


--
-- Name: log_2024 log_2024_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.log_2024
    ADD CONSTRAINT log_2024_pkey PRIMARY KEY (id);


--
-- Name: log_old log_old_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.log_old
    ADD CONSTRAINT log_old_pkey PRIMARY KEY (id);


--
-- Name: legacy legacy_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.legacy
    ADD CONSTRAINT legacy_pkey PRIMARY KEY (id);


--
-- Name: Mixed mixed_pkey; Type: CONSTRAINT; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY "Sales"."Mixed"
    ADD CONSTRAINT mixed_pkey PRIMARY KEY (id);



--
-- PostgreSQL database dump complete
--

