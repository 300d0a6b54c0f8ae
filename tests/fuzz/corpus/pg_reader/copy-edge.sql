--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public."Odd ""Name""" (
    id integer NOT NULL,
    "tab	col" text,
    b bytea,
    g integer GENERATED ALWAYS AS (id * 2) STORED
);

COPY public."Odd ""Name""" (id, "tab	col", b) FROM stdin;
1	a\tb\\c\nd	\\x00ff
2	\N	\\x
3	\101\x41\u	
4	end\.	\N
\.

COPY public."Odd ""Name""" TO stdout;
COPY public.other FROM stdin;
x
\.
