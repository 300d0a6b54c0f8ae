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
1	a@example.com	cus_1
2	b@example.com	cus_2
3	A@Example.com	cus_3
\.
