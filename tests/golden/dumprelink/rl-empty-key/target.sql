--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.users (
    email text,
    login text,
    ext text,
    ref text
);

COPY public.users (email, login, ext, ref) FROM stdin;
	l1	x1	r1
a@b	l2	x2	r2
\.
