--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.people (
    id integer NOT NULL,
    email text,
    note text
);

COPY public.people (id, email, note) FROM stdin;
1	alice@example.org	kept
\.

-- A column listed twice: the first email would go out unscrubbed.
INSERT INTO public.people (id, email, email) VALUES (2, 'first@example.org', 'second@example.org');

--
-- PostgreSQL database dump complete
--

