-- PostgreSQL database dump
CREATE TABLE public.users (id integer, email text);
/* c */ INSERT INTO public.users VALUES (1, 'secret@x.com');
