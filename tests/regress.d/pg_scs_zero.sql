-- PostgreSQL database dump
CREATE TABLE public.t (id integer, c text);
CREATE TABLE public.users (id integer, email text);
SET standard_conforming_strings = 0;
COMMENT ON TABLE public.t IS 'it\'s';
INSERT INTO public.users VALUES (1, 'secret@x.com');
COMMENT ON TABLE public.t IS 'it\'s';
