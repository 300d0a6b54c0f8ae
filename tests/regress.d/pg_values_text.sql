-- PostgreSQL database dump
CREATE TABLE public.users (id integer, email text);
INSERT INTO public.users VALUES 'x'' (', (1, 'secret@x.com');
