--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.settings (
    key text NOT NULL,
    value text
);

COPY public.settings (key, value) FROM stdin;
api_url	https://prod.example.com
\.
