-- PostgreSQL database dump
CREATE TABLE public.users (id integer, email text);
/* c */ COPY public.users (id, email) FROM stdin;
1	secret@x.com;
\.
SELECT 1;
