-- PostgreSQL database dump
CREATE DOMAIN public."x,y" AS integer;
CREATE TABLE public.users (id integer, email text, note text);
INSERT INTO public.users VALUES (1::"x,y", 'secret@x.com');
