--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

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

INSERT INTO public.users VALUES (1, 'alice@example.com', 'cus_STG_A');
INSERT INTO public.users VALUES (2, 'bob@example.com', 'cus_STG_B');

INSERT INTO public.settings OVERRIDING SYSTEM VALUE VALUES (7, 'api_url', 'https://staging.example.com');
INSERT INTO public.settings OVERRIDING SYSTEM VALUE VALUES (8, 'note', 'it''s staging\n');

INSERT INTO public."flags" VALUES ('beta', true);
INSERT INTO public."flags" VALUES ('dark''mode', false);
