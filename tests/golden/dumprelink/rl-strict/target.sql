--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    stripe_customer_id text
);

COPY public.users (id, email, stripe_customer_id) FROM stdin;
1	a@example.com	cus_PROD_A
\.
