-- PostgreSQL database dump
\copy public.t from stdin
x
\.
