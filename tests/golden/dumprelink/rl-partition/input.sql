--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.events (
    id integer NOT NULL,
    ext_ref text
);

CREATE TABLE public.users (
    id integer NOT NULL,
    region text NOT NULL,
    email text,
    ext_id text
)
PARTITION BY LIST (region);

CREATE TABLE public.users_eu (
    id integer NOT NULL,
    region text NOT NULL,
    email text,
    ext_id text
);

CREATE TABLE public.users_us (
    id integer NOT NULL,
    region text NOT NULL,
    email text,
    ext_id text
);

ALTER TABLE ONLY public.users ATTACH PARTITION public.users_eu FOR VALUES IN ('eu');
ALTER TABLE ONLY public.users ATTACH PARTITION public.users_us FOR VALUES IN ('us');

COPY public.events (id, ext_ref) FROM stdin;
1	ext_PROD_1
2	ext_PROD_2
\.

COPY public.users_eu (id, region, email, ext_id) FROM stdin;
1	eu	one@example.com	ext_PROD_1
\.

COPY public.users_us (id, region, email, ext_id) FROM stdin;
2	us	two@example.com	ext_PROD_2
\.
