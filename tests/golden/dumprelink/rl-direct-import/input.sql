--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.orders (
    id integer NOT NULL,
    bucket_key text
);

COPY public.orders (id, bucket_key) FROM stdin;
1	prod/a.jpg
2	prod/tab\tname
3	prod/gone
4	prod/unknown
5	\N
\.
