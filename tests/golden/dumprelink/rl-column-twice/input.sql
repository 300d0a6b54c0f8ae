--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.invoices (
    id integer NOT NULL,
    customer text
);

CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    stripe_customer_id text
);

CREATE TABLE public.settings (
    id integer GENERATED ALWAYS AS IDENTITY,
    key text NOT NULL,
    value text
);

CREATE TABLE public."flags" (
    name text NOT NULL,
    "On" boolean
);

INSERT INTO public.invoices (id, customer, customer) VALUES (1, 'cus_PROD_A', 'cus_PROD_A');
INSERT INTO public.invoices VALUES (2, 'cus_PROD_C');
INSERT INTO public.invoices VALUES (3, NULL);

INSERT INTO public.users VALUES (1, 'alice@example.com', 'cus_PROD_A');
INSERT INTO public.users VALUES (2, 'bob@example.com', NULL);
INSERT INTO public.users VALUES (3, 'carol@example.com', 'cus_PROD_C');

INSERT INTO public.settings OVERRIDING SYSTEM VALUE VALUES (1, 'api_url', 'https://prod.example.com');
INSERT INTO public.settings OVERRIDING SYSTEM VALUE VALUES (2, 'other', 'x');

SELECT pg_catalog.setval('public.settings_id_seq', 2, true);
