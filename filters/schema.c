/*
 * schema: the table catalog and the parser of the statements that fill it.
 *
 * Only the shape pg_dump and mysqldump write has to be understood, but it
 * is understood token by token, never by pattern matching on lines, so
 * quoting, comments and odd names cannot fool it.  A CREATE TABLE that does
 * not parse is an error: a filter that guessed the columns could apply a
 * rule to the wrong one.
 */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "schema.h"
#include "sqltok.h"
#include "util.h"

struct schema {
	struct schema_table **tab;
	size_t		 n, cap;
	struct schema_table *last;	/* lookup cache */
};

struct schema *
schema_new(void)
{
	return xcalloc(1, sizeof(struct schema));
}

static void
key_free(struct schema_key *k)
{
	free(k->cols);
	k->cols = NULL;
	k->n = 0;
}

/* Forget a table's columns and keys, keeping its name. */
static void
table_reset(struct schema_table *t)
{
	size_t i, j;

	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].type);
	}
	free(t->cols);
	key_free(&t->pk);
	for (i = 0; i < t->nuniq; i++)
		key_free(&t->uniq[i]);
	free(t->uniq);
	for (i = 0; i < t->nfk; i++) {
		free(t->fks[i].name);
		key_free(&t->fks[i].cols);
		free(t->fks[i].ref_schema);
		free(t->fks[i].ref_table);
		for (j = 0; j < t->fks[i].nref; j++)
			free(t->fks[i].ref_cols[j]);
		free(t->fks[i].ref_cols);
	}
	free(t->fks);
	t->cols = NULL;
	t->uniq = NULL;
	t->fks = NULL;
	t->ncols = t->nuniq = t->nfk = 0;
}

static void
table_free(struct schema_table *t)
{
	table_reset(t);
	free(t->schema);
	free(t->name);
	free(t->display);
	free(t);
}

void
schema_free(struct schema *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		table_free(s->tab[i]);
	free(s->tab);
	free(s);
}

size_t
schema_count(const struct schema *s)
{
	return s->n;
}

struct schema_table *
schema_at(const struct schema *s, size_t i)
{
	return i < s->n ? s->tab[i] : NULL;
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

struct schema_table *
schema_find(struct schema *s, const char *sch, const char *name)
{
	struct schema_table *hit = NULL;
	size_t i, nhit = 0;

	if (s->last != NULL && same(s->last->schema, sch) &&
	    strcmp(s->last->name, name) == 0)
		return s->last;
	for (i = 0; i < s->n; i++) {
		if (strcmp(s->tab[i]->name, name) != 0)
			continue;
		if (same(s->tab[i]->schema, sch))
			return s->last = s->tab[i];
		if (sch == NULL || s->tab[i]->schema == NULL) {
			hit = s->tab[i];
			nhit++;
		}
	}
	return nhit == 1 ? (s->last = hit) : NULL;
}

struct schema_table *
schema_table(struct schema *s, const char *sch, const char *name,
    const char *display, unsigned long long line)
{
	struct schema_table *t;

	t = schema_find(s, sch, name);
	if (t != NULL)
		return t;
	t = xcalloc(1, sizeof(*t));
	t->schema = sch ? xstrdup(sch) : NULL;
	t->name = xstrdup(name);
	t->display = xstrdup(display);
	t->line = line;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->tab = xrealloc(s->tab, s->cap * sizeof(*s->tab));
	}
	s->tab[s->n++] = t;
	return s->last = t;
}

long
schema_col_index(const struct schema_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (long)i;
	return -1;
}

static int
is_name(const struct token *k)
{
	return k->type == TOK_WORD || k->type == TOK_QIDENT;
}

int
schema_parse_name(struct sqltok *tz, char **sch, char **name,
    const char **p, size_t *len)
{
	struct token a, dot, b;

	*sch = *name = NULL;
	sqltok_next(tz, &a);
	if (!is_name(&a))
		return -1;
	*p = a.p;
	sqltok_peek(tz, &dot);
	if (sqltok_punct(&dot, '.')) {
		sqltok_next(tz, &dot);
		sqltok_next(tz, &b);
		if (!is_name(&b))
			return -1;
		*sch = sqltok_ident(tz, &a);
		*name = sqltok_ident(tz, &b);
		*len = (size_t)(b.p + b.len - a.p);
	} else {
		*name = sqltok_ident(tz, &a);
		*len = a.len;
	}
	return 0;
}

/*
 * The display form of a name: the tokens as written with the white space
 * around the dot removed, so `public . "T"` and `public."T"` agree.
 */
static char *
display_name(const char *p, size_t len)
{
	char *s, *d;
	size_t i;
	int q = 0;

	s = d = xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		if (q == 0 && (p[i] == '"' || p[i] == '`'))
			q = p[i];
		else if (q != 0 && p[i] == q)
			q = 0;
		if (q == 0 && isspace((unsigned char)p[i]))
			continue;
		*d++ = p[i];
	}
	*d = '\0';
	return s;
}

/* Skip a balanced parenthesised group; the '(' was just read. */
static int
skip_group(struct sqltok *tz)
{
	struct token k;
	int depth = 1;

	while (depth > 0) {
		switch (sqltok_next(tz, &k)) {
		case TOK_END:
		case TOK_ERROR:
			return -1;
		case TOK_PUNCT:
			if (*k.p == '(')
				depth++;
			else if (*k.p == ')')
				depth--;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* Skip to the ',' or ')' that ends a table element, not consuming it. */
static int
skip_element(struct sqltok *tz)
{
	struct token k;

	for (;;) {
		sqltok_peek(tz, &k);
		if (k.type == TOK_ERROR)
			return -1;
		/* The end of a CREATE TABLE element or of an ALTER TABLE. */
		if (k.type == TOK_END || sqltok_punct(&k, ',') ||
		    sqltok_punct(&k, ')') || sqltok_punct(&k, ';'))
			return 0;
		sqltok_next(tz, &k);
		if (sqltok_punct(&k, '(') && skip_group(tz) == -1)
			return -1;
	}
}

/*
 * Read "(a, b, ...)" of column names.  MySQL index parts may carry a prefix
 * length "(name(10))" and ASC/DESC, which are skipped.  Names are returned
 * malloc'd in *names.
 */
static void	names_free(char **, size_t);

static int
name_list(struct sqltok *tz, char ***names, size_t *n)
{
	struct token k;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	sqltok_next(tz, &k);
	if (!sqltok_punct(&k, '('))
		return -1;
	for (;;) {
		sqltok_next(tz, &k);
		if (!is_name(&k))
			goto fail;
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*names = xrealloc(*names, cap * sizeof(**names));
		}
		(*names)[(*n)++] = sqltok_ident(tz, &k);
		for (;;) {
			sqltok_next(tz, &k);
			if (sqltok_punct(&k, '(')) {
				if (skip_group(tz) == -1)
					goto fail;
				continue;
			}
			if (sqltok_is(&k, "ASC") || sqltok_is(&k, "DESC"))
				continue;
			break;
		}
		if (sqltok_punct(&k, ')'))
			return 0;
		if (!sqltok_punct(&k, ','))
			goto fail;
	}
fail:
	/* The caller owns the names only on success. */
	names_free(*names, *n);
	*names = NULL;
	*n = 0;
	return -1;
}

static void
names_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Turn column names into a key of column indexes; -1 if one is unknown. */
static int
make_key(const struct schema_table *t, char **names, size_t n,
    struct schema_key *key, const char **bad)
{
	long ix;
	size_t i;

	key->n = n;
	key->cols = xcalloc(n, sizeof(size_t));
	for (i = 0; i < n; i++) {
		ix = schema_col_index(t, names[i]);
		if (ix < 0) {
			*bad = names[i];
			key_free(key);
			return -1;
		}
		key->cols[i] = (size_t)ix;
	}
	return 0;
}

enum keykind { KEY_PRIMARY, KEY_UNIQUE };

static int
add_key(struct schema_table *t, enum keykind kind, char **names, size_t n,
    const char **bad)
{
	struct schema_key key;
	size_t i;

	if (make_key(t, names, n, &key, bad) == -1)
		return -1;
	if (kind == KEY_PRIMARY) {
		key_free(&t->pk);
		t->pk = key;
		for (i = 0; i < n; i++)
			t->cols[key.cols[i]].flags |=
			    COL_PRIMARY | COL_NOT_NULL;
	} else {
		t->uniq = xrealloc(t->uniq, (t->nuniq + 1) * sizeof(*t->uniq));
		t->uniq[t->nuniq++] = key;
	}
	if (n == 1)
		t->cols[key.cols[0]].flags |= COL_UNIQUE;
	return 0;
}

/* FOREIGN KEY (cols) REFERENCES name [(cols)] [MATCH..] [ON ..] */
static int
parse_fk(struct sqltok *tz, struct schema_table *t, char *cname,
    const char **bad)
{
	struct schema_fk fk;
	struct token k;
	char **names;
	size_t n;
	const char *np;
	size_t nl;

	memset(&fk, 0, sizeof(fk));
	fk.name = cname;
	if (name_list(tz, &names, &n) == -1)
		goto fail;
	if (make_key(t, names, n, &fk.cols, bad) == -1) {
		*bad = xstrdup(*bad);
		names_free(names, n);
		goto fail;
	}
	names_free(names, n);
	sqltok_next(tz, &k);
	if (!sqltok_is(&k, "REFERENCES"))
		goto fail;
	if (schema_parse_name(tz, &fk.ref_schema, &fk.ref_table, &np,
	    &nl) == -1)
		goto fail;
	sqltok_peek(tz, &k);
	if (sqltok_punct(&k, '(') &&
	    name_list(tz, &fk.ref_cols, &fk.nref) == -1)
		goto fail;
	if (fk.ref_cols != NULL && fk.nref != fk.cols.n)
		goto fail;
	t->fks = xrealloc(t->fks, (t->nfk + 1) * sizeof(*t->fks));
	t->fks[t->nfk++] = fk;
	return 0;
fail:
	free(fk.ref_schema);
	free(fk.ref_table);
	names_free(fk.ref_cols, fk.nref);
	key_free(&fk.cols);
	free(cname);
	return -1;
}

/*
 * A table constraint: [CONSTRAINT name] PRIMARY KEY (..) | UNIQUE [KEY|INDEX]
 * [name] (..) | FOREIGN KEY (..) REFERENCES .. | CHECK (..) | MySQL's
 * KEY/INDEX/FULLTEXT/SPATIAL.  The first token has been peeked, not read.
 */
static int
parse_constraint(struct sqltok *tz, struct schema_table *t, const char **bad)
{
	struct token k;
	char **names, *cname = NULL;
	size_t n;
	int rc;

	sqltok_next(tz, &k);
	if (sqltok_is(&k, "CONSTRAINT")) {
		sqltok_peek(tz, &k);
		if (is_name(&k) && !sqltok_is(&k, "PRIMARY") &&
		    !sqltok_is(&k, "UNIQUE") && !sqltok_is(&k, "FOREIGN") &&
		    !sqltok_is(&k, "CHECK")) {
			sqltok_next(tz, &k);
			cname = sqltok_ident(tz, &k);
		}
		sqltok_next(tz, &k);
	}
	if (sqltok_is(&k, "PRIMARY") || sqltok_is(&k, "UNIQUE")) {
		enum keykind kind = sqltok_is(&k, "PRIMARY") ? KEY_PRIMARY :
		    KEY_UNIQUE;

		free(cname);
		/* KEY / INDEX / name / USING BTREE before the list. */
		for (;;) {
			sqltok_peek(tz, &k);
			if (sqltok_punct(&k, '(') || k.type == TOK_END ||
			    k.type == TOK_ERROR)
				break;
			sqltok_next(tz, &k);
		}
		if (name_list(tz, &names, &n) == -1)
			return -1;
		rc = add_key(t, kind, names, n, bad);
		if (rc == -1)
			*bad = xstrdup(*bad);
		names_free(names, n);
		if (rc == -1)
			return -1;
		return skip_element(tz);
	}
	if (sqltok_is(&k, "FOREIGN")) {
		sqltok_next(tz, &k);
		if (!sqltok_is(&k, "KEY")) {
			free(cname);
			return -1;
		}
		/* MySQL allows an index name here. */
		sqltok_peek(tz, &k);
		if (is_name(&k))
			sqltok_next(tz, &k);
		if (parse_fk(tz, t, cname, bad) == -1)
			return -1;
		return skip_element(tz);
	}
	free(cname);
	/* CHECK, EXCLUDE, KEY, INDEX, FULLTEXT, SPATIAL: nothing to record. */
	return skip_element(tz);
}

/* Words after which a column's type has ended. */
static const char *const type_end_words[] = {
	"NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
	"REFERENCES", "GENERATED", "COLLATE", "AUTO_INCREMENT", "COMMENT",
	"CHARSET", "AS", "ON", "INVISIBLE", "VISIBLE", "STORAGE",
	"COLUMN_FORMAT", "SERIAL", "COMPRESSION", "IDENTITY", NULL
};

static int
type_ends(const struct token *k)
{
	size_t i;

	if (k->type != TOK_WORD)
		return 0;
	for (i = 0; type_end_words[i] != NULL; i++)
		if (sqltok_is(k, type_end_words[i]))
			return 1;
	return 0;
}

static void
type_append(struct buf *b, const struct token *k)
{
	int c = b->len ? b->p[b->len - 1] : '(';

	if (!(k->type == TOK_PUNCT && strchr("()[],.", *k->p)) &&
	    c != '(' && c != '[' && c != '.' && c != ',')
		buf_addc(b, ' ');
	if (k->type == TOK_WORD) {
		size_t i;

		for (i = 0; i < k->len; i++)
			buf_addc(b, tolower((unsigned char)k->p[i]));
	} else {
		buf_add(b, k->p, k->len);
	}
}

/*
 * Types whose "(n)" is a length in characters or bytes, as opposed to a
 * precision (numeric(10,2)) or a display width (MySQL int(11)).
 */
static int
is_sized_type(const char *type)
{
	static const char *const sized[] = { "character varying",
	    "character", "char", "varchar", "bpchar", "nchar", "nvarchar",
	    "national char", "national character", "varbinary", "binary",
	    "bit varying", "varbit", "bit", NULL };
	size_t i, n;

	for (i = 0; sized[i] != NULL; i++) {
		n = strlen(sized[i]);
		if (strncmp(type, sized[i], n) == 0 &&
		    (type[n] == '(' || type[n] == '\0'))
			return 1;
	}
	return 0;
}

/* A column definition: name type [modifiers]. */
static int
parse_column(struct sqltok *tz, struct schema_table *t)
{
	struct schema_col col;
	struct token k;
	struct buf ty;
	int depth = 0, in_type = 1;
	const char *lp;

	memset(&col, 0, sizeof(col));
	col.len = -1;
	sqltok_next(tz, &k);
	col.name = sqltok_ident(tz, &k);
	buf_init(&ty, 0);
	for (;;) {
		sqltok_peek(tz, &k);
		if (k.type == TOK_END || k.type == TOK_ERROR)
			goto fail;
		if (depth == 0 && (sqltok_punct(&k, ',') ||
		    sqltok_punct(&k, ')')))
			break;
		sqltok_next(tz, &k);
		if (depth == 0 && in_type && type_ends(&k))
			in_type = 0;
		if (depth == 0 && in_type && sqltok_is(&k, "CHARACTER")) {
			struct token nk;

			/* MySQL's CHARACTER SET, not pg's "character varying". */
			sqltok_peek(tz, &nk);
			if (sqltok_is(&nk, "SET"))
				in_type = 0;
		}
		if (in_type) {
			type_append(&ty, &k);
			if (sqltok_punct(&k, '(') && col.len < 0) {
				struct token nk;

				sqltok_peek(tz, &nk);
				if (nk.type == TOK_NUMBER) {
					/* The token is not NUL-terminated. */
					size_t d;

					lp = nk.p;
					col.len = 0;
					for (d = 0; d < nk.len && lp[d] >= '0' &&
					    lp[d] <= '9' && col.len < 100000000;
					    d++)
						col.len = col.len * 10 + (lp[d] - '0');
				}
			}
		} else if (depth == 0) {
			struct token nk;

			if (sqltok_is(&k, "NOT")) {
				sqltok_peek(tz, &nk);
				if (sqltok_is(&nk, "NULL"))
					col.flags |= COL_NOT_NULL;
			} else if (sqltok_is(&k, "PRIMARY")) {
				col.flags |= COL_PRIMARY | COL_UNIQUE |
				    COL_NOT_NULL;
			} else if (sqltok_is(&k, "UNIQUE")) {
				col.flags |= COL_UNIQUE;
			} else if (sqltok_is(&k, "AUTO_INCREMENT") ||
			    sqltok_is(&k, "IDENTITY")) {
				col.flags |= COL_IDENTITY;
			} else if (sqltok_is(&k, "AS")) {
				/* GENERATED ALWAYS AS (expr) / AS (expr) */
				sqltok_peek(tz, &nk);
				if (sqltok_punct(&nk, '('))
					col.flags |= COL_GENERATED;
				else if (sqltok_is(&nk, "IDENTITY"))
					col.flags |= COL_IDENTITY;
			}
		}
		if (sqltok_punct(&k, '('))
			depth++;
		else if (sqltok_punct(&k, ')'))
			depth--;
	}
	buf_addc(&ty, '\0');
	col.type = ty.p;
	if (!is_sized_type(col.type))
		col.len = -1;
	t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof(*t->cols));
	t->cols[t->ncols++] = col;
	/* A column-level PRIMARY KEY makes the table's key. */
	if (col.flags & COL_PRIMARY) {
		key_free(&t->pk);
		t->pk.n = 1;
		t->pk.cols = xmalloc(sizeof(size_t));
		t->pk.cols[0] = t->ncols - 1;
	}
	return 0;
fail:
	free(col.name);
	buf_free(&ty);
	return -1;
}

/*
 * Does a table element start with a constraint keyword?  KEY, INDEX,
 * FULLTEXT and SPATIAL start MySQL index definitions; in PostgreSQL they
 * are ordinary column names (a column called key is common).
 */
static int
is_constraint_start(const struct sqltok *tz, const struct token *k)
{
	static const char *const both[] = { "CONSTRAINT", "PRIMARY",
	    "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "LIKE", NULL };
	static const char *const my[] = { "KEY", "INDEX", "FULLTEXT",
	    "SPATIAL", "PERIOD", NULL };
	size_t i;

	if (k->type != TOK_WORD)
		return 0;
	for (i = 0; both[i] != NULL; i++)
		if (sqltok_is(k, both[i]))
			return 1;
	for (i = 0; tz->dialect == SQL_MYSQL && my[i] != NULL; i++)
		if (sqltok_is(k, my[i]))
			return 1;
	return 0;
}

struct schema_table *
schema_named_table(struct schema *s, struct sqltok *tz, const char *db,
    unsigned long long line, int create)
{
	struct schema_table *t;
	char *sch, *name, *disp;
	const char *p;
	size_t len;

	if (schema_parse_name(tz, &sch, &name, &p, &len) == -1)
		return NULL;
	if (tz->dialect == SQL_MYSQL) {
		disp = xstrdup(name);
		if (sch == NULL && db != NULL)
			sch = xstrdup(db);
	} else {
		disp = display_name(p, len);
	}
	t = create ? schema_table(s, sch, name, disp, line) :
	    schema_find(s, sch, name);
	free(sch);
	free(name);
	free(disp);
	return t;
}

/*
 * The parent named at the tokenizer's position gives t its columns, as
 * INHERITS and PARTITION OF do: those t lacks are put first, in the
 * parent's order (the order of a COPY without a column list; inherited
 * columns precede a child's own).  The first parent becomes t->parent,
 * so that rules for the parent cover the child.  Returns -1 if no name
 * follows; an unknown parent adds nothing.
 */
static int
inherit(struct schema *s, struct sqltok *tz, const char *db,
    unsigned long long line, struct schema_table *t)
{
	struct schema_table *p;
	struct schema_col *cols;
	size_t i, n = 0, k;

	p = schema_named_table(s, tz, db, line, 0);
	if (p == NULL)
		return -1;
	if (p == t)
		return 0;
	if (t->parent == NULL)
		t->parent = p;
	cols = xcalloc(p->ncols + t->ncols + 1, sizeof(*cols));
	for (i = 0; i < p->ncols; i++) {
		if (schema_col_index(t, p->cols[i].name) >= 0)
			continue;
		cols[n] = p->cols[i];
		cols[n].name = xstrdup(p->cols[i].name);
		cols[n].type = p->cols[i].type ? xstrdup(p->cols[i].type) :
		    NULL;
		/* Keys are the parent's; NOT NULL and generation carry. */
		cols[n].flags &= ~(COL_PRIMARY | COL_UNIQUE);
		n++;
	}
	if (n == 0) {
		free(cols);
		return 0;
	}
	/* Key indexes of t's own keys shift by n. */
	for (k = 0; k < t->pk.n; k++)
		t->pk.cols[k] += n;
	for (i = 0; i < t->nuniq; i++)
		for (k = 0; k < t->uniq[i].n; k++)
			t->uniq[i].cols[k] += n;
	for (i = 0; i < t->nfk; i++)
		for (k = 0; k < t->fks[i].cols.n; k++)
			t->fks[i].cols.cols[k] += n;
	for (i = 0; i < t->ncols; i++)
		cols[n + i] = t->cols[i];
	free(t->cols);
	t->cols = cols;
	t->ncols += n;
	t->declared = 1;
	return 0;
}

static int
create_table(struct schema *s, struct sqltok *tz, const char *db,
    unsigned long long line, struct schema_table **out,
    struct df_error *err)
{
	struct schema_table *t;
	struct token k;
	const char *bad = NULL;

	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "IF")) {	/* IF NOT EXISTS */
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
	}
	t = schema_named_table(s, tz, db, line, 1);
	if (t == NULL)
		return df_err(err, 1, NULL, line, "CREATE TABLE: "
		    "cannot read the table name");
	*out = t;
	sqltok_next(tz, &k);
	if (sqltok_is(&k, "PARTITION")) {
		/* CREATE TABLE child PARTITION OF parent ...: its columns. */
		sqltok_next(tz, &k);
		if (sqltok_is(&k, "OF") && inherit(s, tz, db, line, t) == 0)
			t->partition = t->parent != NULL;
		return 0;
	}
	if (sqltok_is(&k, "OF") || sqltok_is(&k, "AS") ||
	    sqltok_is(&k, "LIKE"))
		return 0;	/* no column list of its own */
	if (!sqltok_punct(&k, '('))
		return 0;
	/* A second definition (two dumps concatenated) replaces the first. */
	table_reset(t);
	t->declared = 1;
	for (;;) {
		sqltok_peek(tz, &k);
		if (sqltok_punct(&k, ')'))
			break;		/* "CREATE TABLE t ()" */
		if (is_constraint_start(tz, &k)) {
			if (parse_constraint(tz, t, &bad) == -1)
				goto fail;
		} else if (is_name(&k)) {
			if (parse_column(tz, t) == -1)
				goto fail;
		} else {
			goto fail;
		}
		sqltok_next(tz, &k);
		if (sqltok_punct(&k, ')'))
			break;
		if (!sqltok_punct(&k, ','))
			goto fail;
	}
	/* INHERITS (parent, ...): the parents' columns come first. */
	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "INHERITS")) {
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
		if (!sqltok_punct(&k, '('))
			goto fail;
		do {
			if (inherit(s, tz, db, line, t) == -1)
				goto fail;
			sqltok_next(tz, &k);
		} while (sqltok_punct(&k, ','));
		if (!sqltok_punct(&k, ')'))
			goto fail;
	}
	return 0;
fail:
	if (bad != NULL) {
		df_seterr(err, 1, NULL, line, "CREATE TABLE %s: key names "
		    "unknown column \"%s\"", t->display, bad);
		free((char *)bad);
		return -1;
	}
	return df_err(err, 1, NULL, line, "CREATE TABLE %s: cannot parse "
	    "the column list near \"%.*s\"", t->display,
	    (int)(k.len > 40 ? 40 : k.len), k.p);
}

/* ALTER TABLE [ONLY] name ADD CONSTRAINT .. | ATTACH PARTITION .. */
static int
alter_table(struct schema *s, struct sqltok *tz, const char *db,
    unsigned long long line, struct schema_table **out,
    struct df_error *err)
{
	struct schema_table *t, *child;
	struct token k;
	const char *bad = NULL;

	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "IF")) {	/* IF EXISTS */
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
	}
	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "ONLY"))
		sqltok_next(tz, &k);
	t = schema_named_table(s, tz, db, line, 0);
	if (t == NULL)
		return 0;
	sqltok_next(tz, &k);
	if (sqltok_is(&k, "ATTACH")) {
		sqltok_next(tz, &k);
		child = schema_named_table(s, tz, db, line, 0);
		if (child != NULL && child != t) {
			child->parent = t;
			child->partition = 1;
		}
		*out = child;
		return 0;
	}
	if (sqltok_is(&k, "ALTER")) {
		/* pg_dump: ALTER COLUMN c ADD GENERATED .. AS IDENTITY */
		char *cname;
		long ix;

		sqltok_next(tz, &k);
		if (sqltok_is(&k, "COLUMN"))
			sqltok_next(tz, &k);
		if (!is_name(&k))
			return 0;
		cname = sqltok_ident(tz, &k);
		ix = schema_col_index(t, cname);
		free(cname);
		sqltok_next(tz, &k);
		if (ix >= 0 && sqltok_is(&k, "ADD")) {
			sqltok_next(tz, &k);
			if (sqltok_is(&k, "GENERATED")) {
				t->cols[ix].flags |= COL_IDENTITY;
				*out = t;
			}
		}
		return 0;
	}
	if (!sqltok_is(&k, "ADD"))
		return 0;
	sqltok_peek(tz, &k);
	if (!is_constraint_start(tz, &k))
		return 0;
	*out = t;
	if (t->ncols == 0)
		return 0;	/* a table we never saw defined */
	if (parse_constraint(tz, t, &bad) == -1) {
		if (bad != NULL) {
			df_seterr(err, 1, NULL, line, "ALTER TABLE %s: "
			    "constraint names unknown column \"%s\"",
			    t->display, bad);
			free((char *)bad);
			return -1;
		}
		return df_err(err, 1, NULL, line, "ALTER TABLE %s: cannot "
		    "parse the constraint", t->display);
	}
	return 0;
}

/* CREATE UNIQUE INDEX name ON [ONLY] table [USING m] (cols) */
/*
 * Flag every column of t named inside the parenthesised group at the
 * tokenizer's position (an index's key list) COL_UNIQUE_EXPR.
 */
static void
mark_mentioned(struct schema_table *t, struct sqltok *tz)
{
	struct token k;
	int depth = 0;
	char *name;
	long ix;

	do {
		if (sqltok_next(tz, &k) == TOK_END || k.type == TOK_ERROR)
			return;
		if (sqltok_punct(&k, '('))
			depth++;
		else if (sqltok_punct(&k, ')'))
			depth--;
		else if (depth > 0 && is_name(&k)) {
			name = sqltok_ident(tz, &k);
			ix = schema_col_index(t, name);
			if (ix >= 0)
				t->cols[ix].flags |= COL_UNIQUE_EXPR;
			free(name);
		}
	} while (depth > 0);
}

static int
unique_index(struct schema *s, struct sqltok *tz, const char *db,
    unsigned long long line, struct schema_table **out)
{
	struct schema_table *t;
	struct sqltok at;
	struct token k;
	char **names;
	size_t n, i;
	const char *bad;

	do {
		if (sqltok_next(tz, &k) == TOK_END)
			return 0;
	} while (!sqltok_is(&k, "ON"));
	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "ONLY"))
		sqltok_next(tz, &k);
	t = schema_named_table(s, tz, db, line, 0);
	if (t == NULL || t->ncols == 0)
		return 0;
	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "USING")) {
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
	}
	/*
	 * Expression indexes (lower(email)), operator classes and
	 * collations have no plain column list: not a column key, but each
	 * column they mention may not take duplicates (COL_UNIQUE_EXPR).
	 */
	at = *tz;
	if (name_list(tz, &names, &n) == -1) {
		mark_mentioned(t, &at);
		*out = t;
		return 0;
	}
	/* lower(email) reads as the name "lower" followed by a group. */
	for (i = 0; i < n; i++)
		if (schema_col_index(t, names[i]) < 0) {
			names_free(names, n);
			mark_mentioned(t, &at);
			*out = t;
			return 0;
		}
	/* INCLUDE (..) columns are not part of the key; WHERE makes it partial. */
	sqltok_peek(tz, &k);
	if (sqltok_is(&k, "INCLUDE")) {
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
		if (!sqltok_punct(&k, '(') || skip_group(tz) == -1) {
			names_free(names, n);
			return 0;
		}
	}
	while (sqltok_next(tz, &k) != TOK_END && k.type != TOK_ERROR)
		if (sqltok_is(&k, "WHERE")) {
			/* Unique only among the rows it selects. */
			names_free(names, n);
			mark_mentioned(t, &at);
			*out = t;
			return 0;
		}
	if (add_key(t, KEY_UNIQUE, names, n, &bad) == 0)
		*out = t;
	names_free(names, n);
	return 0;
}

int
schema_statement(struct schema *s, enum sql_dialect d, int bs_quotes,
    const char *db, const char *stmt, size_t len, unsigned long long line,
    struct schema_table **out, struct df_error *err)
{
	struct sqltok tz;
	struct token k;

	*out = NULL;
	sqltok_init(&tz, d, stmt, len);
	tz.bs_quotes = bs_quotes;
	sqltok_next(&tz, &k);
	if (sqltok_is(&k, "CREATE")) {
		sqltok_next(&tz, &k);
		/* [GLOBAL|LOCAL] [TEMPORARY|TEMP|UNLOGGED] TABLE */
		while (sqltok_is(&k, "GLOBAL") || sqltok_is(&k, "LOCAL") ||
		    sqltok_is(&k, "TEMPORARY") || sqltok_is(&k, "TEMP") ||
		    sqltok_is(&k, "UNLOGGED") || sqltok_is(&k, "OR") ||
		    sqltok_is(&k, "REPLACE"))
			sqltok_next(&tz, &k);
		if (sqltok_is(&k, "TABLE"))
			return create_table(s, &tz, db, line, out, err);
		if (sqltok_is(&k, "UNIQUE")) {
			sqltok_next(&tz, &k);
			if (sqltok_is(&k, "INDEX"))
				return unique_index(s, &tz, db, line, out);
		}
		return 0;
	}
	if (sqltok_is(&k, "ALTER")) {
		sqltok_next(&tz, &k);
		if (sqltok_is(&k, "TABLE"))
			return alter_table(s, &tz, db, line, out, err);
	}
	return 0;
}
