-- PostgreSQL database dump
COPY public.t (a) FROM stdin;
row
\.