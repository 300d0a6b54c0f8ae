-- PostgreSQL database dump
\restrict abc123
/* block /* nested */ still ; comment */ SELECT 1;
SELECT 'semi;colon' AS "q;uoted", $f$ ; $f$ -- trailing ; comment
;
\connect - postgres
CREATE FUNCTION public.f() RETURNS trigger LANGUAGE plpgsql AS $_$
BEGIN
  RAISE NOTICE 'x;y';
  RETURN NEW;
END $_$;
SET standard_conforming_strings = off;
INSERT INTO public.legacy VALUES (1, 'back\\slash\'s; here');
SET SESSION standard_conforming_strings TO 'on';
INSERT INTO public.legacy VALUES (2, 'a\');
\unrestrict abc123
