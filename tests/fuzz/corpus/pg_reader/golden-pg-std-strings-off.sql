--
-- PostgreSQL database dump
--

SET standard_conforming_strings = off;
SET escape_string_warning = off;

--
-- Name: legacy; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.legacy (
    id integer NOT NULL,
    v text
);


ALTER TABLE public.legacy OWNER TO postgres;

INSERT INTO public.legacy VALUES (1, 'it\'s; here');
INSERT INTO public.legacy VALUES (2, 'back\\slash\\'), (3, E'a\\'';');
INSERT INTO public.legacy VALUES (4, 'two\nlines ''quoted''');

SET standard_conforming_strings = on;

INSERT INTO public.legacy VALUES (5, 'a\'), (6, E'\'');

--
-- PostgreSQL database dump complete
--

