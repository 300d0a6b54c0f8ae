--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET standard_conforming_strings = on;

CREATE TABLE public.items (
    id bigint NOT NULL,
    price numeric,
    qty numeric
);

COPY public.items (id, price, qty) FROM stdin;
9007199254740992	0	0
9007199254740993	0	0
1	0.1000000000000000055511151231257827	0
2	0.1	99
3	0.1	1000000000000000000000000000000000000000000000000000000000000000000001
4	\N	\N
\.

ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);

--
-- PostgreSQL database dump complete
--
