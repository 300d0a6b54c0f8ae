-- PostgreSQL database dump
CREATE TABLE public.t (a integer, b text);
INSERT INTO public.t VALUES x (1, 'a');
