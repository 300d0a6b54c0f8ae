--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET standard_conforming_strings = on;

CREATE TABLE public.ledger (
    id bigint NOT NULL,
    amount numeric NOT NULL
);

CREATE TABLE public.readings (
    id integer NOT NULL,
    v double precision
);

COPY public.ledger (id, amount) FROM stdin;
1	9007199254740992.9
2	9007199254740993.5
3	9007199254740993.1
4	1000000000000000000000000000000000000000000000000000000000000000000000
5	-3
6	9.5
\.

COPY public.readings (id, v) FROM stdin;
1	5e-05
2	0.5
3	1e+100
4	9.5
5	-Infinity
6	NaN
7	1.5e-07
8	\N
9	Infinity
10	9.999999999999999e+99
\.

ALTER TABLE ONLY public.ledger
    ADD CONSTRAINT ledger_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.readings
    ADD CONSTRAINT readings_pkey PRIMARY KEY (id);

--
-- PostgreSQL database dump complete
--
