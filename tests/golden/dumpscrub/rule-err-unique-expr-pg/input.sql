--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.t (
    id integer NOT NULL,
    email text,
    code text,
    nick text
);
COPY public.t (id, email, code, nick) FROM stdin;
1	a@secret.org	x	n
\.
CREATE UNIQUE INDEX t_lower ON public.t USING btree (lower(email));
CREATE UNIQUE INDEX t_code ON public.t USING btree (code text_pattern_ops);
CREATE UNIQUE INDEX t_nick ON public.t USING btree (nick) WHERE (id > 0);
