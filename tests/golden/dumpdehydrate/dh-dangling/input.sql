SET client_encoding = 'UTF8';
CREATE TABLE public.templates (
    code text NOT NULL
);
CREATE TABLE public.docs (
    id integer NOT NULL,
    template_code text
);
COPY public.templates (code) FROM stdin;
A
\.
COPY public.docs (id, template_code) FROM stdin;
1	A
2	GONE
\.
ALTER TABLE ONLY public.templates
    ADD CONSTRAINT templates_pkey PRIMARY KEY (code);
ALTER TABLE ONLY public.docs
    ADD CONSTRAINT docs_pkey PRIMARY KEY (id);
