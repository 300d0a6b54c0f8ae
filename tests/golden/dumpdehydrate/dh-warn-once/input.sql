--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET standard_conforming_strings = on;

CREATE TABLE public.agencies (
    id integer NOT NULL,
    parent_id integer,
    name text NOT NULL
);

CREATE TABLE public.brokers (
    id integer NOT NULL,
    agency_id integer NOT NULL,
    email text NOT NULL
);

CREATE TABLE public.products (
    code text NOT NULL,
    version integer NOT NULL,
    title text
);

CREATE TABLE public.applications (
    id integer NOT NULL,
    broker_email text,
    product_code text NOT NULL,
    product_version integer NOT NULL,
    kind text NOT NULL,
    created_at date NOT NULL,
    session_id integer
);

CREATE TABLE public.documents (
    id integer NOT NULL,
    app_id integer NOT NULL,
    body text
);

CREATE TABLE public.notes (
    id integer NOT NULL,
    subject_type text NOT NULL,
    subject_id integer NOT NULL,
    body text
);

CREATE TABLE public.audit_log (
    id integer NOT NULL,
    app_id integer
);

CREATE TABLE public.sessions (
    id integer NOT NULL
);

CREATE TABLE public.countries (
    code character(2) NOT NULL,
    name text
);

COPY public.agencies (id, parent_id, name) FROM stdin;
1	\N	root
2	1	north
3	2	north-east
4	1	south
5	\N	orphan tree
\.

COPY public.brokers (id, agency_id, email) FROM stdin;
10	3	a@x.example
11	4	b@x.example
12	5	c'q@x.example
\.

COPY public.products (code, version, title) FROM stdin;
AUTO	1	car v1
AUTO	2	car v2
HOME	1	house\twith tab
\.

COPY public.applications (id, broker_email, product_code, product_version, kind, created_at, session_id) FROM stdin;
100	a@x.example	AUTO	1	new	2024-01-05	1
101	b@x.example	AUTO	2	renewal	2023-03-01	\N
102	\N	HOME	1	new	2025-11-01	2
103	c'q@x.example	HOME	1	new	2022-01-01	\N
\.

COPY public.documents (id, app_id, body) FROM stdin;
1000	100	doc a
1001	101	doc b
1002	103	doc old
\.

COPY public.notes (id, subject_type, subject_id, body) FROM stdin;
1	Application	102	note on 102
2	Broker	102	not an application
3	Application	103	old
\.

COPY public.audit_log (id, app_id) FROM stdin;
1	100
2	101
\.

COPY public.sessions (id) FROM stdin;
1
2
3
\.

COPY public.countries (code, name) FROM stdin;
DE	Germany
FR	France
\.

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.brokers
    ADD CONSTRAINT brokers_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.brokers
    ADD CONSTRAINT brokers_email_key UNIQUE (email);
ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (code, version);
ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.agencies(id);
ALTER TABLE ONLY public.brokers
    ADD CONSTRAINT brokers_agency_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);
ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_broker_fkey FOREIGN KEY (broker_email) REFERENCES public.brokers(email);
ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_product_fkey FOREIGN KEY (product_code, product_version) REFERENCES public.products(code, version);
ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_session_fkey FOREIGN KEY (session_id) REFERENCES public.sessions(id);
ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_app_fkey FOREIGN KEY (app_id) REFERENCES public.applications(id);

--
-- PostgreSQL database dump complete
--
