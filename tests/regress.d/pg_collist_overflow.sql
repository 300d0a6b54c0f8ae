-- PostgreSQL database dump
CREATE TABLE public.t (a integer, b integer);
INSERT INTO public.t (a) VALUES (1, 2);
