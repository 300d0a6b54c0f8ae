-- tests/dehydrate/expected.sql - the rows dumpdehydrate must keep, computed
-- by PostgreSQL on the source data, independently of the program.
--
-- Loaded into a copy of the source database.  tests/real-dehydrate.sh
-- then fills exp.tables from tables.tsv and exp.edges from edges.tsv,
-- calls exp.prepare() once, and exp.closure(ROOTS, FOLLOW) per rule set:
-- ROOTS is SQL that puts the root keys into exp.k_<table>; every table of
-- class "other" is kept whole (others keep); then, until nothing changes:
--   - along every edge (FK or relation, its condition on the child row),
--     the parent rows that a kept child row references are kept;
--   - along every edge into a table of FOLLOW, from another table, the
--     child rows that reference a kept row of it are kept;
-- and truncated tables keep nothing and connect nothing.  A reference
-- with a NULL column matches nothing (SQL's = does that), and values
-- compare as PostgreSQL compares them in a deterministic collation:
-- byte for byte.  The kept keys of table T are in exp.k_T.

CREATE SCHEMA exp;

CREATE TABLE exp.tables (
	name text PRIMARY KEY,
	pk text NOT NULL,		-- "a,b:t": columns, ":t" for text
	class text NOT NULL
);

CREATE TABLE exp.edges (
	child text NOT NULL,
	ccols text NOT NULL,
	parent text NOT NULL,
	pcols text NOT NULL,
	name text NOT NULL,
	cond_pg text NOT NULL,		-- "-": none
	cond_my text NOT NULL
);

-- Root keys given as a list (the sample run's closure check).
CREATE TABLE exp.roots (id integer PRIMARY KEY);

-- exp.pkcols(T): the primary key columns of T.
CREATE FUNCTION exp.pkcols(t text) RETURNS text[] LANGUAGE sql STABLE AS $$
	SELECT array_agg(regexp_replace(c, ':t$', '') ORDER BY o)
	FROM exp.tables, unnest(string_to_array(pk, ',')) WITH ORDINALITY u(c, o)
	WHERE name = t
$$;

-- exp.collist(COLS, ALIAS): "ALIAS.c1, ALIAS.c2".
CREATE FUNCTION exp.collist(cols text[], alias text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(quote_ident(alias) || '.' || quote_ident(c), ', '
	    ORDER BY o)
	FROM unnest(cols) WITH ORDINALITY u(c, o)
$$;

-- exp.eqs(A, ACOLS, B, BCOLS): "A.a1 = B.b1 AND A.a2 = B.b2".
CREATE FUNCTION exp.eqs(a text, acols text[], b text, bcols text[])
RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(format('%I.%I = %I.%I', a, x, b, y), ' AND ')
	FROM unnest(acols, bcols) u(x, y)
$$;

-- exp.prepare(): a table exp.k_T of T's key columns for every table.
CREATE FUNCTION exp.prepare() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	r record;
	cols text;
BEGIN
	FOR r IN SELECT name FROM exp.tables LOOP
		SELECT string_agg(quote_ident(c), ', ') INTO cols
		FROM unnest(exp.pkcols(r.name)) c;
		EXECUTE format('CREATE TABLE exp.%I AS SELECT %s FROM public.%I
		    WITH NO DATA', 'k_' || r.name, cols, r.name);
		EXECUTE format('ALTER TABLE exp.%I ADD PRIMARY KEY (%s)',
		    'k_' || r.name, cols);
	END LOOP;
END
$$;

-- exp.child_sql(E): the child rows of edge E for which its condition
-- holds, as a subquery.
CREATE FUNCTION exp.child_sql(e exp.edges) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT format('(SELECT * FROM public.%I WHERE %s)', e.child,
	    CASE WHEN e.cond_pg = '-' THEN 'true' ELSE e.cond_pg END)
$$;

-- exp.closure(ROOTS, FOLLOW): fill exp.k_*; returns the rounds it took.
CREATE FUNCTION exp.closure(roots text, follow text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	r record;
	e exp.edges;
	n bigint;
	added bigint;
	rounds integer := 0;
	ck text[];
	pk text[];
	cc text[];
	pc text[];
BEGIN
	FOR r IN SELECT name FROM exp.tables LOOP
		EXECUTE format('TRUNCATE exp.%I', 'k_' || r.name);
	END LOOP;
	EXECUTE roots;
	FOR r IN SELECT name FROM exp.tables WHERE class = 'other' LOOP
		EXECUTE format('INSERT INTO exp.%I SELECT %s FROM public.%I t',
		    'k_' || r.name, exp.collist(exp.pkcols(r.name), 't'), r.name);
	END LOOP;
	LOOP
		rounds := rounds + 1;
		added := 0;
		FOR e IN SELECT d.* FROM exp.edges d
		    JOIN exp.tables c ON c.name = d.child
		    JOIN exp.tables p ON p.name = d.parent
		    WHERE c.class <> 'truncated' AND p.class <> 'truncated'
		    ORDER BY d.child, d.parent, d.ccols LOOP
			ck := exp.pkcols(e.child);
			pk := exp.pkcols(e.parent);
			cc := string_to_array(e.ccols, ',');
			pc := string_to_array(e.pcols, ',');
			-- Parents of kept children.
			EXECUTE format('INSERT INTO exp.%I SELECT DISTINCT %s
			    FROM %s c JOIN exp.%I k ON %s
			    JOIN public.%I p ON %s ON CONFLICT DO NOTHING',
			    'k_' || e.parent, exp.collist(pk, 'p'),
			    exp.child_sql(e), 'k_' || e.child,
			    exp.eqs('k', ck, 'c', ck), e.parent,
			    exp.eqs('c', cc, 'p', pc));
			GET DIAGNOSTICS n = ROW_COUNT;
			added := added + n;
			-- Children of kept rows of a followed table.
			IF e.parent = ANY (follow) AND e.child <> e.parent THEN
				EXECUTE format('INSERT INTO exp.%I SELECT DISTINCT %s
				    FROM %s c JOIN public.%I p ON %s
				    JOIN exp.%I k ON %s ON CONFLICT DO NOTHING',
				    'k_' || e.child, exp.collist(ck, 'c'),
				    exp.child_sql(e), e.parent,
				    exp.eqs('c', cc, 'p', pc), 'k_' || e.parent,
				    exp.eqs('k', pk, 'p', pk));
				GET DIAGNOSTICS n = ROW_COUNT;
				added := added + n;
			END IF;
		END LOOP;
		EXIT WHEN added = 0;
	END LOOP;
	RETURN rounds;
END
$$;

-- exp.kept_rows_sql(T): a query of the source rows of T whose keys are in
-- exp.k_T, as dumpdehydrate writes them: the columns of an FK to a
-- truncated table NULL (truncate ... nullify).
CREATE FUNCTION exp.kept_rows_sql(t text) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT format('SELECT %s FROM public.%I s JOIN exp.%I k ON %s',
	    (SELECT string_agg(CASE WHEN EXISTS (SELECT 1 FROM exp.edges e
		    JOIN exp.tables p ON p.name = e.parent
		    WHERE e.child = t AND p.class = 'truncated'
		    AND a.attname = ANY (string_to_array(e.ccols, ',')))
		THEN 'NULL' ELSE 's.' || quote_ident(a.attname) END, ', '
		ORDER BY a.attnum)
	    FROM pg_attribute a
	    WHERE a.attrelid = ('public.' || quote_ident(t))::regclass
		AND a.attnum > 0 AND NOT a.attisdropped),
	    t, 'k_' || t, exp.eqs('k', exp.pkcols(t), 's', exp.pkcols(t)))
$$;
