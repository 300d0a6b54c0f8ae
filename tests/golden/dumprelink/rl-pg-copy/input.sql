--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.payments (
    id integer NOT NULL,
    customer_ref text,
    amount numeric(10,2)
);

CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    tenant text,
    login text,
    stripe_customer_id text,
    crm_id integer,
    partner_ref text
);

CREATE TABLE public.refunds (
    id integer NOT NULL,
    customer_ref text
);

CREATE TABLE public.settings (
    key text NOT NULL,
    value text,
    prod_only text
);

COPY public.payments (id, customer_ref, amount) FROM stdin;
1	cus_PROD_A	10.00
2	cus_PROD_O	20.00
3	cus_PROD_X	30.00
4	\N	40.00
5	cus_PROD_T	50.00
6	cus_PROD_N	60.00
\.

COPY public.users (id, email, tenant, login, stripe_customer_id, crm_id, partner_ref) FROM stdin;
1	alice@example.com	t1	alice	cus_PROD_A	101	p-prod-a
2	O'Neil@Example.com	t1	oneil	cus_PROD_O	102	p-prod-o
3	tab\there@example.com	t2	alice	cus_PROD_T	103	p-prod-t2
4	emoji😀@example.com	t2	emo	cus_PROD_E	104	p-prod-e
5	\\N	t3	slash	cus_PROD_N	105	p-prod-n
6	\N	t3	nokey	cus_PROD_NULLKEY	106	p-prod-nk
7	ALICE@EXAMPLE.COM	t7	alice2	cus_PROD_CASE	107	\N
8	dave@example.com	t8	dave	\N	108	p-prod-d
\.

COPY public.refunds (id, customer_ref) FROM stdin;
1	cus_PROD_A
2	cus_PROD_E
3	cus_PROD_CASE
\.

COPY public.settings (key, value, prod_only) FROM stdin;
api_url	https://prod.example.com	p1
\.
