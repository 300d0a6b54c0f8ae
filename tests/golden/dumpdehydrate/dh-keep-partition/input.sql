--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.apps (
    id integer NOT NULL,
    name text
);

CREATE TABLE public.events (
    id integer NOT NULL,
    app_id integer,
    created date NOT NULL
)
PARTITION BY RANGE (created);

CREATE TABLE public.events_2024 (
    id integer NOT NULL,
    app_id integer,
    created date NOT NULL
);

CREATE TABLE public.events_2025 (
    app_id integer,
    id integer NOT NULL,
    created date NOT NULL
);

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE TABLE public.regions (
    id integer NOT NULL,
    hq_staff_id integer
);

CREATE TABLE public.staff (
    id integer NOT NULL,
    store_id integer NOT NULL,
    boss_id integer
);

CREATE TABLE public.stores (
    id integer NOT NULL,
    region_id integer NOT NULL,
    manager_id integer
);

CREATE TABLE public.visits (
    id integer NOT NULL,
    event_id integer NOT NULL,
    event_created date NOT NULL,
    store_id integer
);

COPY public.apps (id, name) FROM stdin;
1	one
2	two
3	three
\.

COPY public.events_2024 (id, app_id, created) FROM stdin;
10	1	2024-05-01
11	2	2024-06-01
12	\N	2024-07-01
\.

COPY public.events_2025 (app_id, id, created) FROM stdin;
3	20	2025-02-01
1	21	2025-03-01
\.

COPY public.regions (id, hq_staff_id) FROM stdin;
100	1000
101	1003
\.

COPY public.staff (id, store_id, boss_id) FROM stdin;
1000	500	\N
1001	500	1000
1002	501	1001
1003	502	\N
\.

COPY public.stores (id, region_id, manager_id) FROM stdin;
500	100	1000
501	100	1002
502	101	\N
\.

COPY public.visits (id, event_id, event_created, store_id) FROM stdin;
1	11	2024-06-01	501
2	20	2025-02-01	\N
3	21	2025-03-01	502
\.

ALTER TABLE ONLY public.apps
    ADD CONSTRAINT apps_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id, created);
ALTER TABLE ONLY public.events_2024
    ADD CONSTRAINT events_2024_pkey PRIMARY KEY (id, created);
ALTER TABLE ONLY public.events_2025
    ADD CONSTRAINT events_2025_pkey PRIMARY KEY (id, created);
ALTER TABLE ONLY public.regions
    ADD CONSTRAINT regions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.stores
    ADD CONSTRAINT stores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.visits
    ADD CONSTRAINT visits_pkey PRIMARY KEY (id);
ALTER INDEX public.events_pkey ATTACH PARTITION public.events_2024_pkey;
ALTER INDEX public.events_pkey ATTACH PARTITION public.events_2025_pkey;
ALTER TABLE public.events
    ADD CONSTRAINT events_app_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id);
ALTER TABLE ONLY public.regions
    ADD CONSTRAINT regions_hq_fkey FOREIGN KEY (hq_staff_id) REFERENCES public.staff(id);
ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_store_fkey FOREIGN KEY (store_id) REFERENCES public.stores(id);
ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_boss_fkey FOREIGN KEY (boss_id) REFERENCES public.staff(id);
ALTER TABLE ONLY public.stores
    ADD CONSTRAINT stores_region_fkey FOREIGN KEY (region_id) REFERENCES public.regions(id);
ALTER TABLE ONLY public.stores
    ADD CONSTRAINT stores_manager_fkey FOREIGN KEY (manager_id) REFERENCES public.staff(id);
ALTER TABLE ONLY public.visits
    ADD CONSTRAINT visits_event_fkey FOREIGN KEY (event_id, event_created) REFERENCES public.events(id, created);
ALTER TABLE ONLY public.visits
    ADD CONSTRAINT visits_store_fkey FOREIGN KEY (store_id) REFERENCES public.stores(id);
