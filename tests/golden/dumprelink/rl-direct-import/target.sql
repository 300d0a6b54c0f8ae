--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.orders (
    id integer NOT NULL,
    bucket_key text
);
