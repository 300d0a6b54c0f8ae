SET standard_conforming_strings = on;
CREATE TABLE public.t (id integer PRIMARY KEY, v text, n numeric(10,2), f boolean, bits bit(4), arr integer[]);
INSERT INTO public.t (id, v, n, f, bits, arr) OVERRIDING SYSTEM VALUE VALUES (1, 'a''b', -1.5e3, true, B'0101', '{1,2}') ON CONFLICT DO NOTHING;
INSERT INTO public.t VALUES (2, E'\x41\101\u00e9\U0001F600', +3, FALSE, X'F', ARRAY[1,(2)]), (3, $$dollar ' " ; $$, .5, NULL, b'1', '{}');
INSERT INTO public.t VALUES (4, $tag$ $$ nested $ta$ $tag$, 1::numeric, 't'::boolean, NULL, NULL);
INSERT INTO public.t DEFAULT VALUES;
INSERT INTO public.t SELECT * FROM public.t;
INSERT INTO public.t VALUES ();
