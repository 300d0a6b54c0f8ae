--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    tenant text,
    login text,
    stripe_customer_id text,
    crm_id integer,
    partner_ref text
);

CREATE TABLE public.settings (
    key text NOT NULL,
    value text,
    staging_only text
);

COPY public.users (id, email, tenant, login, stripe_customer_id, crm_id, partner_ref) FROM stdin;
1	alice@example.com	t1	alice	cus_STG_A	501	p-stg-a
2	O'Neil@Example.com	t1	oneil	cus_STG_\\O	502	p-stg-o
3	tab\there@example.com	t2	alice	cus_STG_T	503	p-stg-t2
4	emoji😀@example.com	t2	emo	cus_STG_😀	\N	\N
5	\\N	t3	slash	cus_STG_literal_N	505	p-stg-n
9	onlystaging@example.com	t9	only	cus_STG_9	509	p-stg-9
\.

COPY public.settings (key, value, staging_only) FROM stdin;
api_url	https://staging.example.com	s1
webhook_secret	whsec_staging\twith tab	s2
empty	\N	s3
\.
