--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.person (
    id integer NOT NULL,
    email text
);
CREATE TABLE public.employee (
    salary numeric(10,2)
)
INHERITS (public.person);
CREATE TABLE public.contractor PARTITION OF public.person FOR VALUES IN (1);
COPY public.employee (id, email, salary) FROM stdin;
1	boss@secret.org	100.00
\.
COPY public.person (id, email) FROM stdin;
2	p@secret.org
\.
INSERT INTO public.contractor VALUES (3, 'c@secret.org');
