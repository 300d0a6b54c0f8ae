-- PostgreSQL database dump
CREATE TABLE public.t (id integer, c text);
CREATE TABLE public.users (id integer, email text);
SELECT pg_catalog.set_config('standard_conforming_strings', 'off', false);
COMMENT ON TABLE public.t IS 'it\'s';
INSERT INTO public.users VALUES (1, 'secret@x.com');
COMMENT ON TABLE public.t IS 'it\'s';
