-- PostgreSQL database dump
CREATE TABLE public.m (id bigint NOT NULL, at date NOT NULL, note character varying(20)) PARTITION BY RANGE (at);
CREATE TABLE public.m_2024 (id bigint NOT NULL, at date NOT NULL, note character varying(20));
ALTER TABLE ONLY public.m ATTACH PARTITION public.m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY public.m ADD CONSTRAINT m_pkey PRIMARY KEY (id, at);
ALTER TABLE public.m ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.m_id_seq START WITH 1);
CREATE UNIQUE INDEX m_note ON ONLY public.m USING btree (note) INCLUDE (id);
COPY public.m_2024 (id, at, note) FROM stdin;
1	2024-02-03	x
\.
INSERT INTO public.m (id, at, note) VALUES (2, '2024-03-04', 'y'), (3, '2024-05-06', NULL);
