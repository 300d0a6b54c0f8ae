-- PostgreSQL database dump
CREATE TABLE public.users (name text, email text);
INSERT INTO public.users (name, email) VALUES ('x' /* ( */, 'secret@x.com' /* ) , */);
