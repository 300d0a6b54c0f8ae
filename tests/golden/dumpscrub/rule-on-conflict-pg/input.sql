--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.t (
    id integer NOT NULL,
    email text
);
INSERT INTO public.t VALUES (1, 'a@secret.org') ON CONFLICT DO NOTHING;
