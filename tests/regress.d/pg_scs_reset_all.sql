-- PostgreSQL database dump
CREATE TABLE public.t (id integer, c text);
CREATE TABLE public.users (id integer, email text);
SET standard_conforming_strings = off;
RESET ALL;
COMMENT ON TABLE public.t IS 'C:\';
INSERT INTO public.users VALUES (1, 'secret@x.com');
-- '
SELECT 1;
