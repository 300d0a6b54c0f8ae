--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.t (
    id integer NOT NULL,
    tags character varying(5)[]
);
COPY public.t (id, tags) FROM stdin;
1	{abc,"d e"}
\.
