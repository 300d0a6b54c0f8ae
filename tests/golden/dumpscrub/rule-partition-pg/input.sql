--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.events (
    id integer NOT NULL,
    email text
)
PARTITION BY RANGE (id);
CREATE TABLE public.events_1 (
    id integer NOT NULL,
    email text
);
ALTER TABLE ONLY public.events ATTACH PARTITION public.events_1 FOR VALUES FROM (0) TO (100);
COPY public.events_1 (id, email) FROM stdin;
1	secret@x.org
\.
