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
	l1	p1	s1
a@b		p2	s2
c@d	l9	p3	s3
\.
