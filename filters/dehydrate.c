/*
 * dehydrate: which rows of a dump to keep, so that the rest can go and
 * every reference still holds.  See dehydrate.h for the passes.
 *
 * The model.  Nodes are tables (a partitioned table with its partitions
 * is one node: the "owner" of their rows).  Edges are references: every
 * foreign key the dump declares, and every `relation` of the rules, from
 * the referencing table c to a domain d: a referenced table and a list of
 * its columns.  A reading of the keys gives each column list of a table
 * it collects (a kset: a key, or the columns of a reference) a dictionary
 * of its distinct values with dense ids, and keeps per row the id of the
 * row's value (pid for a domain's list, the child's own ids for an
 * edge's).  The plan maps each edge's ids to its domain's, one lookup per
 * distinct value (cid).  The closure then only follows ids:
 *
 *	row r of c kept, edge e: c -> d	  keep d's rows with id cid[e][r]
 *	row r of a followed table f kept  keep the rows of other tables
 *					  whose cid through an edge into f
 *					  is pid[r]
 *
 * both by CSR lists (id -> rows) built once before the closure.  Memory
 * is the key values once per column list, 4 bytes per row per list and
 * per edge, and a bit per row; all of it in keyset arrays under --mem.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "buf.h"
#include "dehydrate.h"
#include "keyset.h"
#include "reader.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

enum cls { CLS_OTHER = 0, CLS_TRUNC, CLS_ROOT, CLS_CONN };

static const char *const cls_names[] = { "other", "truncated", "rooted",
    "connected" };

/* An edge's reference to a value the referenced table does not hold. */
#define ID_DANGLING	(KV_NONE - 1)

/* Why a row is kept: index into dtab.why. */
#define WHY_ROOT	0
#define WHY_ALL		1
#define WHY_REF(e)	(2 + 2 * (e))	/* referenced through edge e */
#define WHY_FOLLOW(e)	(3 + 2 * (e))	/* references a followed row via e */

/* The plan's warnings held back until it stands (plan_warn()). */
#define WARN_MAX	((size_t)1 << 20)

struct dtab;

/*
 * A column list of a table, collected: per row the id of its value in a
 * dictionary of the list's distinct values (KV_NONE: a NULL in it, or the
 * when condition does not hold).  Sets are collected per table, from its
 * own keys, foreign keys and relations, when its rows are read: what other
 * tables need of it is matched up afterwards, by the plan.
 */
struct kset {
	struct dtab	*o;
	size_t		 ncols;
	size_t		*k;		/* its columns: indexes into o->names */
	const struct rule_cond *when;
	struct kdict	 dict;
	struct kvec	 ids;		/* per row of o */
	int		 used;		/* the plan reads its ids */
	/*
	 * A key no reference may need (read before the tables that would
	 * reference it): its tuples are logged as read, and only made into
	 * ids if the plan needs them.
	 */
	int		 lazy;
	struct kvec	 log;		/* varint (length + 1, 0: none), tuple */
};

struct domain {
	struct dtab	*o;		/* the referenced table */
	size_t		 ncols;
	char	       **cols;		/* its columns */
	struct kset	*set;		/* their values; NULL: o truncated */
	struct kvec	 off, rows;	/* id -> rows of o (CSR) */
};

struct edge {
	size_t		 ix;
	int		 fk;		/* declared (else a relation) */
	char		*label;		/* child(cols) -> parent(cols) */
	char		*what;		/* "fk NAME" or "relation FILE:LINE" */
	struct dtab	*c;		/* the referencing table */
	size_t		 ncols;
	char	       **cols;		/* its columns */
	struct kset	*cs;		/* their values, in c's own ids */
	struct domain	*d;
	const struct rule_cond *when;
	struct kvec	 own;		/* cs's ids mapped to d's */
	const struct kvec *cid;		/* per row of c: id in d, or KV_NONE
					   (own; cs->ids if d is truncated) */
	struct kvec	 off, rows;	/* follow: id -> rows of c (CSR) */
	int		 follow;	/* d->o is followed, c is another table */
	int		 nullify;	/* d->o is `truncate ... nullify` */
	unsigned long long viol;	/* kept rows pointing into truncation */
	uint64_t	 viol_row;	/* the first of them */
	unsigned long long dangling;	/* kept rows pointing at no row */
};

struct keepst {
	const struct rule_keep *r;
	long		 by_k;		/* NEWEST: names index */
	/* NEWEST: a min-heap of the best n so far */
	size_t		 hn;
	struct hent {
		char	*v;		/* a copy of the value, owned */
		struct rule_key key;	/* of v, read once */
		uint64_t row;
	}		*heap;
};

struct dtab {
	struct schema_table *t;		/* in the plan's catalog */
	struct dtab	*o;		/* owner of the rows: itself, or the
					   partitioned table at the top */
	size_t		 ix;
	enum cls	 cls;
	const struct rule_truncate *trunc;
	size_t		 nkeeps;
	struct keepst	*keeps;
	int		 follow;
	int		 ruled;		/* its rules are bound */
	int		 planned;	/* what to collect is decided */
	int		 read;		/* its rows are read for keys */
	int		 collect;	/* kept row by row (a bitmap) */
	int		 all;		/* every row kept, from the start */
	size_t		 comp;		/* union-find parent (owners) */
	/* the columns pass 2 decodes, as unquoted names */
	size_t		 nnames;
	char	       **names;
	int		*trim;		/* char(n): compare without padding */
	long		*cond_k;	/* condition id -> names index */
	size_t		 npk;
	size_t		*pk_k;		/* sample: the primary key */
	size_t		 nout, nin, nsets;
	struct edge    **out;		/* edges from this table */
	struct edge    **in;		/* follow edges into this table */
	struct kset    **sets;		/* column lists collected */
	/* rows (owners) */
	uint64_t	 nrows, nkept, wrow;
	uint64_t	 nroots;	/* kept by where and sample */
	struct kvec	 kept;
	unsigned long long *why;
};

struct dehydrate {
	const struct rules *rs;
	struct kmem	*m;
	struct schema	*sch;		/* the catalog of the whole dump */
	int		 full;		/* sch is whole while rows are read */
	int		 live;		/* the reader fills sch as it reads */
	int		 keys_known;	/* keys precede the rows (MySQL) */
	int		 graphed;	/* plan_graph() done */
	struct buf	 warn;		/* plan_warn()'s, NUL-terminated */
	unsigned long	 nwarn_lost;	/* past WARN_MAX */
	size_t		 ntabs;
	struct dtab    **tabs;		/* in the catalog's order, once planned */
	size_t		 nedges, ndoms;
	struct edge    **edges;
	struct domain  **doms;
	struct progress	*pg;
	int		 pass;
	/* the current data statement */
	struct dtab	*cur;		/* its owner; NULL: not read */
	struct dtab	*curt;		/* the table it names */
	const struct dump_data *curd;
	int		 bound;
	long		*fidx;		/* names index -> field, -1 */
	/* the current row */
	const struct dump_row *row;
	struct buf	 dec;		/* decoded values */
	struct vcache {
		unsigned long gen;
		int	 isnull;
		size_t	 off, len;
	}		*vc;
	size_t		 nvc;
	unsigned long	 gen;
	struct buf	 tup;		/* a key tuple */
};

/* ---- Names ------------------------------------------------------------ */

static const char *
tname(const struct schema_table *t)
{
	return t->display != NULL ? t->display : t->name;
}

/*
 * The dtab of a table of the plan's catalog, made on first use; a
 * partition's owner is its partitioned table's.
 */
static struct dtab *
dtab_get(struct dehydrate *dh, struct schema_table *t)
{
	struct schema_table *top = t;
	struct dtab *dt;
	size_t depth;

	if (t->user != NULL)
		return t->user;
	dt = xcalloc(1, sizeof(*dt));
	dt->t = t;
	kvec_init(&dt->kept, dh->m);
	t->user = dt;
	dh->tabs = xrealloc(dh->tabs, (dh->ntabs + 1) * sizeof(*dh->tabs));
	dt->ix = dh->ntabs;
	dh->tabs[dh->ntabs++] = dt;
	for (depth = 0; top->partition && top->parent != NULL && depth < 32;
	    depth++)
		top = top->parent;
	dt->o = top == t ? dt : dtab_get(dh, top)->o;
	return dt;
}

/* The index of name in o->names, added if new. */
static size_t
name_k(struct dtab *o, const char *name)
{
	const struct schema_col *c;
	size_t i;
	long ci;

	for (i = 0; i < o->nnames; i++)
		if (strcmp(o->names[i], name) == 0)
			return i;
	o->names = xrealloc(o->names, (o->nnames + 1) * sizeof(*o->names));
	o->trim = xrealloc(o->trim, (o->nnames + 1) * sizeof(*o->trim));
	o->names[o->nnames] = xstrdup(name);
	ci = schema_col_index(o->t, name);
	c = ci >= 0 ? &o->t->cols[ci] : NULL;
	/* char(n) and character(n), not varying: pg_dump writes padding. */
	o->trim[o->nnames] = c != NULL && c->type != NULL &&
	    (strncasecmp(c->type, "char", 4) == 0 ||
	    strncasecmp(c->type, "bpchar", 6) == 0) &&
	    strcasestr(c->type, "var") == NULL;
	return o->nnames++;
}

/* A column of t by name: exact, then (MySQL names ignore case) folded. */
static long
col_index(const struct schema_table *t, const char *name)
{
	size_t i;
	long ix;

	ix = schema_col_index(t, name);
	for (i = 0; ix < 0 && i < t->ncols; i++)
		if (strcasecmp(t->cols[i].name, name) == 0)
			ix = (long)i;
	return ix;
}

/* ---- The plan ----------------------------------------------------------- */

static int rule_err(struct df_error *, const struct rule_pos *,
    const char *, ...) __attribute__((format(printf, 3, 4)));

/* An error of a rule against the dump's schema: FILE:LINE:COL: ... */
static int
rule_err(struct df_error *err, const struct rule_pos *pos, const char *fmt,
    ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%lu: %s",
	    pos->file, pos->line, pos->col, msg);
}

/* A condition's columns must be t's; each gets a names index. */
static int
bind_cond(struct dehydrate *dh, struct dtab *o, const struct rule_cond *c,
    const char *what, struct df_error *err)
{
	if (c == NULL)
		return 0;
	if (c->op == COND_AND || c->op == COND_OR)
		return bind_cond(dh, o, c->a, what, err) == -1 ||
		    bind_cond(dh, o, c->b, what, err) == -1 ? -1 : 0;
	if (c->op == COND_NOT)
		return bind_cond(dh, o, c->a, what, err);
	if (o->t->declared && col_index(o->t, c->column) < 0)
		return rule_err(err, &c->pos, "%s %s: no column \"%s\"", what,
		    tname(o->t), c->column);
	if (o->cond_k == NULL) {
		size_t i;

		o->cond_k = xmalloc((dh->rs->nconds ? dh->rs->nconds : 1) *
		    sizeof(*o->cond_k));
		for (i = 0; i < dh->rs->nconds; i++)
			o->cond_k[i] = -1;
	}
	o->cond_k[c->id] = (long)name_k(o, o->t->declared ?
	    o->t->cols[col_index(o->t, c->column)].name : c->column);
	return 0;
}

/* keep, truncate and follow of one owner. */
static int
bind_rules(struct dehydrate *dh, struct dtab *o, struct df_error *err)
{
	const struct rules *rs = dh->rs;
	const struct rule_keep *kr;
	struct keepst *ks;
	size_t i, k;
	long ix;

	if (o->ruled)
		return 0;
	o->ruled = 1;
	for (i = 0; i < rs->ntruncate && o->trunc == NULL; i++)
		if (rule_table_match(&rs->truncate[i].name, o->t))
			o->trunc = &rs->truncate[i];
	for (i = 0; i < rs->nfollow; i++)
		if (rule_table_match(&rs->follow[i], o->t))
			o->follow = 1;
	for (i = 0; i < rs->nkeep; i++) {
		kr = &rs->keep[i];
		if (!rule_table_match(&kr->table, o->t))
			continue;
		if (o->trunc != NULL)
			return rule_err(err, &kr->table.pos, "keep %s: the "
			    "table is truncated (%s)", tname(o->t),
			    o->trunc->name.text);
		o->keeps = xrealloc(o->keeps, (o->nkeeps + 1) *
		    sizeof(*o->keeps));
		ks = &o->keeps[o->nkeeps++];
		memset(ks, 0, sizeof(*ks));
		ks->r = kr;
		ks->by_k = -1;
		switch (kr->kind) {
		case KEEP_ALL:
			o->all = 1;
			break;
		case KEEP_WHERE:
			if (bind_cond(dh, o, kr->where, "keep", err) == -1)
				return -1;
			break;
		case KEEP_NEWEST:
			ix = col_index(o->t, kr->by);
			if (ix < 0 && o->t->declared)
				return rule_err(err, &kr->table.pos,
				    "keep %s newest: no column \"%s\"",
				    tname(o->t), kr->by);
			ks->by_k = (long)name_k(o, ix >= 0 ?
			    o->t->cols[ix].name : kr->by);
			break;
		case KEEP_SAMPLE:
			if (o->npk > 0)
				break;
			if (o->t->pk.n > 0) {
				o->npk = o->t->pk.n;
				o->pk_k = xcalloc(o->npk, sizeof(*o->pk_k));
				for (k = 0; k < o->npk; k++)
					o->pk_k[k] = name_k(o, o->t->cols[
					    o->t->pk.cols[k]].name);
			} else if (o->t->declared && o->t->ncols > 0) {
				o->npk = o->t->ncols;
				o->pk_k = xcalloc(o->npk, sizeof(*o->pk_k));
				for (k = 0; k < o->npk; k++)
					o->pk_k[k] = name_k(o,
					    o->t->cols[k].name);
			} else {
				return rule_err(err, &kr->table.pos,
				    "keep %s sample: the table's columns "
				    "are unknown (no CREATE TABLE; see "
				    "--schema)", tname(o->t));
			}
			break;
		}
	}
	if (o->trunc != NULL)
		o->cls = CLS_TRUNC;
	else if (o->nkeeps > 0)
		o->cls = CLS_ROOT;
	return 0;
}

/* The set of o's columns cols (as o names them) under when; made if create. */
static struct kset *
kset_find(struct dehydrate *dh, struct dtab *o, char **cols, size_t n,
    const struct rule_cond *when, int create)
{
	struct kset *ks;
	size_t i, k;

	for (i = 0; i < o->nsets; i++) {
		ks = o->sets[i];
		if (ks->ncols != n || ks->when != when)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(o->names[ks->k[k]], cols[k]) != 0)
				break;
		if (k == n)
			return ks;
	}
	if (!create)
		return NULL;
	ks = xcalloc(1, sizeof(*ks));
	ks->o = o;
	ks->ncols = n;
	ks->when = when;
	ks->k = xcalloc(n ? n : 1, sizeof(*ks->k));
	for (k = 0; k < n; k++)
		ks->k[k] = name_k(o, cols[k]);
	kdict_init(&ks->dict, dh->m);
	kvec_init(&ks->ids, dh->m);
	kvec_init(&ks->log, dh->m);
	o->sets = xrealloc(o->sets, (o->nsets + 1) * sizeof(*o->sets));
	o->sets[o->nsets++] = ks;
	return ks;
}

/* Columns of t by index, as names (borrowed) into out. */
static void
key_names(const struct schema_table *t, const struct schema_key *key,
    char **out)
{
	size_t k;

	for (k = 0; k < key->n; k++)
		out[k] = t->cols[key->cols[k]].name;
}

/* Names as o's catalog writes them (a rule may differ in case). */
static void
canon(const struct dtab *o, char **cols, size_t n)
{
	size_t k;
	long ix;

	for (k = 0; k < n; k++) {
		ix = col_index(o->t, cols[k]);
		if (ix >= 0)
			cols[k] = o->t->cols[ix].name;
	}
}

/* The table a foreign key references, or NULL. */
static struct schema_table *
fk_target(struct dehydrate *dh, const struct schema_fk *fk)
{
	struct schema_table *pt;

	pt = schema_find(dh->sch, fk->ref_schema, fk->ref_table);
	if (pt == NULL && fk->ref_schema != NULL)
		pt = schema_find(dh->sch, NULL, fk->ref_table);
	return pt;
}

/*
 * The referenced columns of fk into out (n of them), as p names them;
 * -1 if they are the primary key p does not have.
 */
static int
fk_ref_cols(const struct schema_fk *fk, const struct dtab *p, char **out)
{
	size_t k;

	if (fk->ref_cols == NULL && p->t->pk.n != fk->cols.n)
		return -1;
	for (k = 0; k < fk->cols.n; k++)
		out[k] = fk->ref_cols != NULL && k < fk->nref ?
		    fk->ref_cols[k] : p->t->cols[p->t->pk.cols[k]].name;
	canon(p, out, fk->cols.n);
	return 0;
}

/* Canonical names of a relation's columns in t; -1 if one is missing. */
static int
rel_cols(const struct dtab *o, char **in, char **out, size_t n,
    const struct rule_name *rn, struct df_error *err)
{
	size_t k;
	long ix;

	for (k = 0; k < n; k++) {
		ix = col_index(o->t, in[k]);
		if (ix < 0 && o->t->declared)
			return rule_err(err, &rn->pos, "relation: %s has no "
			    "column \"%s\"", tname(o->t), in[k]);
		out[k] = ix >= 0 ? o->t->cols[ix].name : in[k];
	}
	return 0;
}

/*
 * Decide which column lists of o to collect when its rows are read: its
 * primary key and UNIQUE keys (what foreign keys reference), the foreign
 * keys of it and its partitions, the relations that name it, and, with
 * the whole catalog at hand, whatever other tables' foreign keys
 * reference.  Binds its keep, truncate and follow rules too.
 */
static int
collect_plan(struct dehydrate *dh, struct dtab *o, struct df_error *err)
{
	const struct rules *rs = dh->rs;
	const struct rule_relation *rel;
	struct schema_table *t, *pt;
	char **cols;
	size_t i, j, k, n, max = 1;

	if (o->planned)
		return 0;
	o->planned = 1;
	if (bind_rules(dh, o, err) == -1)
		return -1;
	if (o->trunc != NULL)
		return 0;
	n = schema_count(dh->sch);
	for (i = 0; i < n; i++) {
		t = schema_at(dh->sch, i);
		if (t->ncols > max)
			max = t->ncols;
		for (j = 0; j < t->nfk; j++)
			if (t->fks[j].cols.n > max)
				max = t->fks[j].cols.n;
	}
	for (i = 0; i < rs->nrelation; i++)
		if (rs->relation[i].ncols > max)
			max = rs->relation[i].ncols;
	cols = xcalloc(max, sizeof(*cols));
	/*
	 * The primary key, which a table declared later may reference, is
	 * logged, unless a reference below needs it anyway.  Other column
	 * lists are read only for references known by now: one declared
	 * later means another reading.
	 */
	if (o->t->pk.n > 0 && !dh->full) {
		key_names(o->t, &o->t->pk, cols);
		kset_find(dh, o, cols, o->t->pk.n, NULL, 1)->lazy = 1;
	}
	for (i = 0; i < n; i++) {
		t = schema_at(dh->sch, i);
		for (j = 0; j < t->nfk; j++) {
			const struct schema_fk *fk = &t->fks[j];

			if (dtab_get(dh, t)->o == o) {
				key_names(t, &fk->cols, cols);
				canon(o, cols, fk->cols.n);
				kset_find(dh, o, cols, fk->cols.n, NULL,
				    1)->lazy = 0;
			}
			if ((pt = fk_target(dh, fk)) == NULL ||
			    dtab_get(dh, pt)->o != o)
				continue;
			if (fk_ref_cols(fk, o, cols) == 0)
				kset_find(dh, o, cols, fk->cols.n, NULL,
				    1)->lazy = 0;
		}
	}
	for (i = 0; i < rs->nrelation; i++) {
		rel = &rs->relation[i];
		if (rule_table_match(&rel->from, o->t)) {
			if (rel_cols(o, rel->from_cols, cols, rel->ncols,
			    &rel->from, err) == -1 || bind_cond(dh, o,
			    rel->when, "relation", err) == -1)
				goto fail;
			kset_find(dh, o, cols, rel->ncols, rel->when,
			    1)->lazy = 0;
		}
		if (rule_table_match(&rel->to, o->t)) {
			if (rel_cols(o, rel->to_cols, cols, rel->ncols,
			    &rel->to, err) == -1)
				goto fail;
			kset_find(dh, o, cols, rel->ncols, NULL, 1)->lazy = 0;
		}
	}
	free(cols);
	o->read = o->nsets > 0;
	for (k = 0; k < o->nkeeps; k++)
		if (o->keeps[k].r->kind != KEEP_ALL)
			o->read = 1;
	return 0;
fail:
	free(cols);
	return -1;
}

static struct domain *
domain_get(struct dehydrate *dh, struct dtab *o, char **cols, size_t n)
{
	struct domain *d;
	size_t i, k;

	for (i = 0; i < dh->ndoms; i++) {
		d = dh->doms[i];
		if (d->o != o || d->ncols != n)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(d->cols[k], cols[k]) != 0)
				break;
		if (k == n)
			return d;
	}
	d = xcalloc(1, sizeof(*d));
	d->o = o;
	d->ncols = n;
	d->cols = xcalloc(n ? n : 1, sizeof(*d->cols));
	for (k = 0; k < n; k++)
		d->cols[k] = xstrdup(cols[k]);
	kvec_init(&d->off, dh->m);
	kvec_init(&d->rows, dh->m);
	dh->doms = xrealloc(dh->doms, (dh->ndoms + 1) * sizeof(*dh->doms));
	dh->doms[dh->ndoms++] = d;
	return d;
}

static void
add_label(struct buf *b, const struct dtab *o, char **cols, size_t n)
{
	size_t i;

	buf_adds(b, tname(o->t));
	buf_addc(b, '(');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, ',');
		buf_adds(b, cols[i]);
	}
	buf_addc(b, ')');
}

static void
add_edge(struct dehydrate *dh, struct dtab *c, char **ccols, struct dtab *p,
    char **pcols, size_t n, const struct rule_cond *when, const char *what,
    int fk)
{
	struct domain *d;
	struct edge *e;
	struct buf b;
	size_t i, k;

	d = domain_get(dh, p, pcols, n);
	/* The same reference declared twice (or by a relation too). */
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		if (e->c != c || e->d != d || e->ncols != n || e->when != when)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(e->cols[k], ccols[k]) != 0)
				break;
		if (k == n)
			return;
	}
	e = xcalloc(1, sizeof(*e));
	e->ix = dh->nedges;
	e->fk = fk;
	e->c = c;
	e->d = d;
	e->ncols = n;
	e->when = when;
	e->cols = xcalloc(n ? n : 1, sizeof(*e->cols));
	for (k = 0; k < n; k++)
		e->cols[k] = xstrdup(ccols[k]);
	buf_init(&b, 0);
	add_label(&b, c, ccols, n);
	buf_adds(&b, " -> ");
	add_label(&b, p, pcols, n);
	buf_addc(&b, '\0');
	e->label = b.p;
	e->what = xstrdup(what);
	kvec_init(&e->own, dh->m);
	kvec_init(&e->off, dh->m);
	kvec_init(&e->rows, dh->m);
	dh->edges = xrealloc(dh->edges, (dh->nedges + 1) *
	    sizeof(*dh->edges));
	dh->edges[dh->nedges++] = e;
	c->out = xrealloc(c->out, (c->nout + 1) * sizeof(*c->out));
	c->out[c->nout++] = e;
}

/*
 * A warning about the schema or the rules (a foreign key ignored, a rule
 * that matches no table), given when the plan stands: a first reading's
 * plan may ask for another reading, whose plan makes the same warnings
 * again (plan_warn_flush()).  Past WARN_MAX bytes of them, only counted.
 */
static void	plan_warn(struct dehydrate *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
plan_warn(struct dehydrate *dh, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (buf_add(&dh->warn, msg, strlen(msg) + 1) == -1)
		dh->nwarn_lost++;
}

/* Give the warnings plan_warn() held back, once. */
static void
plan_warn_flush(struct dehydrate *dh)
{
	size_t off;

	for (off = 0; off < dh->warn.len;
	    off += strlen(dh->warn.p + off) + 1)
		df_warnx("%s", dh->warn.p + off);
	if (dh->nwarn_lost > 0)
		df_warnx("%lu more warnings about the schema and the rules",
		    dh->nwarn_lost);
	buf_clear(&dh->warn);
	dh->nwarn_lost = 0;
}

/* The foreign keys of t (any table of the catalog) as edges. */
static void
fk_edges(struct dehydrate *dh, struct dtab *dt)
{
	const struct schema_table *t = dt->t;
	const struct schema_fk *fk;
	struct schema_table *pt;
	struct dtab *p;
	char **cc, **pc, what[300];
	size_t i;

	for (i = 0; i < t->nfk; i++) {
		fk = &t->fks[i];
		pt = fk_target(dh, fk);
		if (pt == NULL) {
			plan_warn(dh, "%s: foreign key %s references %s, "
			    "which is not in the dump: ignored", tname(t),
			    fk->name ? fk->name : "", fk->ref_table);
			continue;
		}
		p = dtab_get(dh, pt)->o;
		cc = xcalloc(fk->cols.n + 1, sizeof(*cc));
		pc = xcalloc(fk->cols.n + 1, sizeof(*pc));
		key_names(t, &fk->cols, cc);
		canon(dt->o, cc, fk->cols.n);
		if (fk_ref_cols(fk, p, pc) == -1) {
			plan_warn(dh, "%s: foreign key %s: %s has no matching "
			    "primary key: ignored", tname(t),
			    fk->name ? fk->name : "", tname(p->t));
		} else {
			snprintf(what, sizeof(what), "fk %s", fk->name ?
			    fk->name : "(unnamed)");
			add_edge(dh, dt->o, cc, p, pc, fk->cols.n, NULL, what,
			    1);
		}
		free(cc);
		free(pc);
	}
}

static int
relation_edges(struct dehydrate *dh, const struct rule_relation *rel,
    struct df_error *err)
{
	char **cc, **pc, what[300];
	struct dtab *c, *p;
	size_t i, j, n = 0;
	int rc = 0;

	cc = xcalloc(rel->ncols + 1, sizeof(*cc));
	pc = xcalloc(rel->ncols + 1, sizeof(*pc));
	snprintf(what, sizeof(what), "relation %s:%lu", rel->from.pos.file,
	    rel->from.pos.line);
	for (i = 0; i < dh->ntabs && rc == 0; i++) {
		c = dh->tabs[i];
		if (c->o != c || !rule_table_match(&rel->from, c->t))
			continue;
		for (j = 0; j < dh->ntabs && rc == 0; j++) {
			p = dh->tabs[j];
			if (p->o != p || !rule_table_match(&rel->to, p->t))
				continue;
			if (rel_cols(c, rel->from_cols, cc, rel->ncols,
			    &rel->from, err) == -1 || rel_cols(p,
			    rel->to_cols, pc, rel->ncols, &rel->to,
			    err) == -1 || bind_cond(dh, c, rel->when,
			    "relation", err) == -1) {
				rc = -1;
				break;
			}
			add_edge(dh, c, cc, p, pc, rel->ncols, rel->when,
			    what, 0);
			n++;
		}
	}
	free(cc);
	free(pc);
	if (rc == 0 && n == 0)
		plan_warn(dh, "%s:%lu:%lu: relation %s -> %s: no such tables "
		    "in the dump", rel->from.pos.file, rel->from.pos.line,
		    rel->from.pos.col, rel->from.text, rel->to.text);
	return rc;
}

static size_t
uf_find(struct dehydrate *dh, size_t i)
{
	while (dh->tabs[i]->comp != i) {
		dh->tabs[i]->comp = dh->tabs[dh->tabs[i]->comp]->comp;
		i = dh->tabs[i]->comp;
	}
	return i;
}

/* Classes: truncated, rooted, connected (a root in its component), other. */
static void
classify(struct dehydrate *dh)
{
	struct dtab *a, *b;
	size_t i, *rooted;

	for (i = 0; i < dh->ntabs; i++)
		dh->tabs[i]->comp = i;
	for (i = 0; i < dh->nedges; i++) {
		a = dh->edges[i]->c;
		b = dh->edges[i]->d->o;
		if (a->cls == CLS_TRUNC || b->cls == CLS_TRUNC)
			continue;
		dh->tabs[uf_find(dh, a->ix)]->comp = uf_find(dh, b->ix);
	}
	rooted = xcalloc(dh->ntabs + 1, sizeof(*rooted));
	for (i = 0; i < dh->ntabs; i++)
		if (dh->tabs[i]->o == dh->tabs[i] &&
		    dh->tabs[i]->cls == CLS_ROOT)
			rooted[uf_find(dh, i)] = 1;
	for (i = 0; i < dh->ntabs; i++) {
		a = dh->tabs[i];
		if (a->o != a || a->cls != CLS_OTHER)
			continue;
		if (rooted[uf_find(dh, i)])
			a->cls = CLS_CONN;
	}
	free(rooted);
}


/*
 * A `truncate ... nullify` table referenced by c: the referencing columns
 * are set to NULL in the kept rows, so none may be NOT NULL.
 */
static int
check_nullify(const struct edge *e, struct df_error *err)
{
	const struct dtab *c = e->c;
	size_t k;
	long ix;

	for (k = 0; k < e->ncols; k++) {
		ix = col_index(c->t, e->cols[k]);
		if (ix >= 0 && (c->t->cols[ix].flags & COL_NOT_NULL))
			return rule_err(err, &e->d->o->trunc->name.pos,
			    "truncate ... nullify: %s is NOT NULL, and "
			    "references the table (%s)", e->label, e->what);
	}
	return 0;
}

/* A lazy set's tuple (NULL: none), as varint length + 1 and bytes. */
static int
log_tuple(struct kset *set, const char *p, size_t n, struct df_error *err)
{
	unsigned char var[KVARINT_MAX];
	size_t j = kvarint_put(var, p != NULL ? n + 1 : 0);

	if (kvec_add(&set->log, var, j, err) == -1)
		return -1;
	return p != NULL ? kvec_add(&set->log, p, n, err) : 0;
}

/* A lazy set the plan needs: its logged tuples into ids. */
static int
materialize(struct dehydrate *dh, struct kset *set, struct df_error *err)
{
	const unsigned char *p = set->log.p;
	size_t left = set->log.len, m;
	uint32_t id;
	int added;

	while (left > 0) {
		m = kvarint_get(&p, &left);
		id = KV_NONE;
		if (m > 0) {
			if (kdict_intern(&set->dict, p, m - 1, &id, &added,
			    err) == -1)
				return -1;
			p += m - 1;
			left -= m - 1;
		}
		if (kv32_push(&set->ids, id, err) == -1)
			return -1;
		kmem_tick(dh->m);
	}
	kvec_free(&set->log);
	set->lazy = 0;
	return 0;
}

/*
 * An edge's references as ids of its domain: the child's own ids mapped
 * through the domain's dictionary, one lookup per distinct value.
 */
static int
edge_bind(struct dehydrate *dh, struct edge *e, struct df_error *err)
{
	struct kset *cs = e->cs, *ps = e->d->set;
	unsigned char ibuf[KDICT_INTBUF];
	const unsigned char *p;
	uint32_t *map, *own;
	const uint32_t *ids;
	size_t j, r, len, n;

	if (cs == NULL)
		return 0;		/* no rows, or truncated */
	if (ps == NULL || ps == cs) {
		/* A truncated or empty target: only NULL or not matters. */
		e->cid = &cs->ids;
		cs->used = 1;
		return 0;
	}
	map = xcalloc(cs->dict.n + 1, sizeof(*map));
	for (j = 0; j < cs->dict.n; j++) {
		p = kdict_get(&cs->dict, (uint32_t)j, ibuf, &len);
		map[j] = kdict_find(&ps->dict, p, len);
		/* A value no row of the target has: a dangling reference. */
		if (map[j] == KV_NONE)
			map[j] = ID_DANGLING;
		kmem_tick(dh->m);
	}
	n = kv32_len(&cs->ids);
	if (kvec_zero(&e->own, n * sizeof(uint32_t), err) == -1) {
		free(map);
		return -1;
	}
	ids = kv32(&cs->ids);
	own = kv32(&e->own);
	for (r = 0; r < n; r++) {
		own[r] = ids[r] == KV_NONE ? KV_NONE : map[ids[r]];
		if (r % 1024 == 0)
			kmem_tick(dh->m);
	}
	free(map);
	e->cid = &e->own;
	return 0;
}

/*
 * The graph of the whole catalog: every table in the catalog's order,
 * the rules bound, the edges, the classes, and which tables are kept row
 * by row (collect): rooted and connected ones, and others kept whole
 * that point into a truncated table (to find the rows that do).
 */
static int
plan_graph(struct dehydrate *dh, struct df_error *err)
{
	const struct rules *rs = dh->rs;
	struct dtab *o, **tabs;
	struct edge *e;
	size_t i, k, n;

	n = schema_count(dh->sch);
	tabs = xcalloc(n ? n : 1, sizeof(*tabs));
	for (i = 0; i < n; i++)
		tabs[i] = dtab_get(dh, schema_at(dh->sch, i));
	free(dh->tabs);
	dh->tabs = tabs;
	dh->ntabs = n;
	for (i = 0; i < n; i++)
		tabs[i]->ix = i;
	for (i = 0; i < n; i++) {
		o = tabs[i];
		if (o->o == o && bind_rules(dh, o, err) == -1)
			return -1;
	}
	for (i = 0; i < n; i++)
		fk_edges(dh, tabs[i]);
	for (i = 0; i < rs->nrelation; i++)
		if (relation_edges(dh, &rs->relation[i], err) == -1)
			return -1;
	classify(dh);
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		o = e->d->o;
		if (o->trunc != NULL && o->trunc->nullify &&
		    e->c->cls != CLS_TRUNC) {
			e->nullify = 1;
			if (check_nullify(e, err) == -1)
				return -1;
		}
		if (o->follow && e->c != o && e->c->cls != CLS_TRUNC) {
			e->follow = 1;
			o->in = xrealloc(o->in, (o->nin + 1) *
			    sizeof(*o->in));
			o->in[o->nin++] = e;
		}
	}
	for (i = 0; i < n; i++) {
		o = tabs[i];
		if (o->o != o)
			continue;
		o->why = xcalloc(2 + 2 * dh->nedges, sizeof(*o->why));
		if (o->cls == CLS_ROOT || o->cls == CLS_CONN)
			o->collect = 1;
		else if (o->cls == CLS_OTHER && !rs->others_none) {
			o->all = 1;
			for (k = 0; k < o->nout; k++)
				if (o->out[k]->d->o->cls == CLS_TRUNC)
					o->collect = 1;
		}
	}
	dh->graphed = 1;
	return 0;
}

/*
 * The sets the edges of tables kept row by row read: made (create, before
 * a reading of the keys with the whole catalog), or found among those a
 * reading collected.  Returns 1 if one a table with rows needs is missing.
 */
static int
plan_sets(struct dehydrate *dh, int create)
{
	struct dtab *c, *p;
	struct edge *e;
	size_t i;
	int missing = 0;

	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		c = e->c;
		p = e->d->o;
		if (!c->collect || c->trunc != NULL)
			continue;
		e->cs = kset_find(dh, c, e->cols, e->ncols, e->when, create);
		if (e->cs == NULL && c->nrows > 0)
			missing = 1;
		else if (e->cs != NULL && create)
			e->cs->lazy = 0;
		if (p->trunc != NULL)
			continue;
		e->d->set = kset_find(dh, p, e->d->cols, e->d->ncols, NULL,
		    create);
		if (e->d->set == NULL && p->nrows > 0)
			missing = 1;
		else if (e->d->set != NULL && create)
			e->d->set->lazy = 0;
	}
	/* Roots chosen row by row need their rows read. */
	for (i = 0; i < dh->ntabs; i++) {
		c = dh->tabs[i];
		if (c->o == c && c->nrows > 0 && !c->read) {
			size_t k;

			for (k = 0; k < c->nkeeps; k++)
				if (c->keeps[k].r->kind != KEEP_ALL)
					missing = 1;
		}
	}
	return missing;
}

/* Was a sample of o drawn by the key its table has in the end? */
static int
sample_key_holds(const struct dtab *o)
{
	const struct schema_table *t = o->t;
	size_t k;

	if (o->npk == 0 || !o->planned)
		return 1;
	if (t->pk.n == 0)
		return o->npk == t->ncols;	/* all columns, still */
	if (o->npk != t->pk.n)
		return 0;
	for (k = 0; k < o->npk; k++)
		if (strcmp(o->names[o->pk_k[k]],
		    t->cols[t->pk.cols[k]].name) != 0)
			return 0;
	return 1;
}

/* The owner of t's rows in the catalog as it is now. */
static struct schema_table *
owner_now(struct schema_table *t)
{
	size_t depth;

	for (depth = 0; t->partition && t->parent != NULL && depth < 32;
	    depth++)
		t = t->parent;
	return t;
}

/*
 * Rules name partitioned tables, not partitions: a partition's rows are
 * its table's, and a rule for one partition alone would be silently
 * ignored.  Rules that name no table at all are warned about.
 */
static int
check_names(struct dehydrate *dh, struct df_error *err)
{
	const struct rules *rs = dh->rs;
	const struct rule_name *n;
	const char *what;
	size_t i, j, nr, hits;

	nr = rs->nkeep + rs->ntruncate + rs->nfollow;
	for (i = 0; i < nr; i++) {
		if (i < rs->nkeep) {
			n = &rs->keep[i].table;
			what = "keep";
		} else if (i < rs->nkeep + rs->ntruncate) {
			n = &rs->truncate[i - rs->nkeep].name;
			what = "truncate";
		} else {
			n = &rs->follow[i - rs->nkeep - rs->ntruncate];
			what = "follow";
		}
		hits = 0;
		for (j = 0; j < dh->ntabs; j++) {
			const struct dtab *dt = dh->tabs[j];

			if (!rule_name_match(n, dt->t->schema, dt->t->name))
				continue;
			hits++;
			if (dt->o != dt && n->rx == NULL)
				return rule_err(err, &n->pos, "%s %s: a "
				    "partition of %s; rules name the "
				    "partitioned table", what, tname(dt->t),
				    tname(dt->o->t));
		}
		if (hits == 0)
			plan_warn(dh, "%s:%lu:%lu: %s %s: no such table in the "
			    "dump", n->pos.file, n->pos.line, n->pos.col,
			    what, n->text);
	}
	return 0;
}

int
dh_begin(struct dehydrate *dh, struct schema *sch, enum dh_reading how,
    int keys_known, struct df_error *err)
{
	struct dtab *o;
	size_t i, k;

	dh->sch = sch;
	dh->full = how == DH_FULL;
	dh->live = !dh->full;
	dh->keys_known = dh->full || keys_known;
	if (!dh->full)
		return 0;
	/* The whole catalog: read exactly what the plan will need. */
	if (plan_graph(dh, err) == -1 || check_names(dh, err) == -1) {
		plan_warn_flush(dh);
		return -1;
	}
	(void)plan_sets(dh, 1);
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		o->planned = 1;
		o->read = o->nsets > 0;
		for (k = 0; k < o->nkeeps; k++)
			if (o->keeps[k].r->kind != KEEP_ALL)
				o->read = 1;
	}
	return 0;
}

static int
plan(struct dehydrate *dh, struct df_error *err)
{
	struct dtab *o;
	struct kset *ks;
	struct edge *e;
	size_t i, k;

	/*
	 * A partition attached after its rows were read counted them as its
	 * own, and a sample drawn before the primary key was known hashed
	 * every column: read again, with the catalog as it ends.
	 */
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		if (owner_now(o->t) != o->o->t || !sample_key_holds(o))
			return 1;
	}
	if (!dh->graphed && (plan_graph(dh, err) == -1 ||
	    check_names(dh, err) == -1))
		return -1;
	if (plan_sets(dh, 0))
		return 1;
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		if (e->d->set != NULL) {
			e->d->set->used = 1;
			if (e->d->set->lazy &&
			    materialize(dh, e->d->set, err) == -1)
				return -1;
		}
		if (edge_bind(dh, e, err) == -1)
			return -1;
	}
	/* What the plan does not read is not kept. */
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		if (o->why != NULL)
			o->why[WHY_ROOT] = o->nroots;
		for (k = 0; k < o->nsets; k++) {
			ks = o->sets[k];
			if (ks->used)
				continue;
			kdict_free(&ks->dict);
			kvec_free(&ks->ids);
			kvec_free(&ks->log);
		}
	}
	return 0;
}

int
dh_plan(struct dehydrate *dh, struct df_error *err)
{
	int rc;

	rc = plan(dh, err);
	/* Another reading plans again, and warns then. */
	if (rc != 1)
		plan_warn_flush(dh);
	return rc;
}

/* ---- Reading the keys ------------------------------------------------- */

/* The dtab of a table a reader names, in whichever catalog it reads into. */
static struct dtab *
lookup(struct dehydrate *dh, struct schema_table *t)
{
	struct schema_table *pt;

	if (t->user != NULL)
		return t->user;
	if (dh->live)
		return dtab_get(dh, t);
	pt = schema_find(dh->sch, t->schema, t->name);
	t->user = pt != NULL ? dtab_get(dh, pt) : NULL;
	return t->user;
}

/*
 * The field of each column the owner reads, in the current statement.
 * Bound at the first row, when an INSERT without a column list has its
 * columns mapped.
 */
static int
bind_fields(struct dehydrate *dh, struct df_error *err)
{
	const struct dump_data *d = dh->curd;
	const struct schema_table *t = d->table;
	struct dtab *o = dh->cur;
	size_t k, i;
	long ci;

	dh->fidx = xrealloc(dh->fidx, (o->nnames ? o->nnames : 1) *
	    sizeof(*dh->fidx));
	for (k = 0; k < o->nnames; k++) {
		dh->fidx[k] = -1;
		ci = col_index(t, o->names[k]);
		for (i = 0; i < d->ncols; i++) {
			if (d->colmap != NULL && d->colmap[i] >= 0 ?
			    d->colmap[i] == ci : d->colnames != NULL &&
			    d->colnames[i] != NULL &&
			    strcasecmp(d->colnames[i], o->names[k]) == 0) {
				dh->fidx[k] = (long)i;
				break;
			}
		}
		if (dh->fidx[k] == -1)
			return df_err(err, DF_EXIT_DATA, d->file, d->line,
			    "%s: column \"%s\" (a key or condition column) is "
			    "not in this data statement%s", tname(t),
			    o->names[k], t->declared ? "" : "; the table's "
			    "definition is not in the dump (see --schema)");
	}
	if (d->ncols > dh->nvc) {
		dh->vc = xrealloc(dh->vc, d->ncols * sizeof(*dh->vc));
		memset(dh->vc + dh->nvc, 0, (d->ncols - dh->nvc) *
		    sizeof(*dh->vc));
		dh->nvc = d->ncols;
	}
	dh->bound = 1;
	return 0;
}

/* The decoded value of names index k in the current row; 1 if NULL. */
static int
value(struct dehydrate *dh, size_t k, const char **p, size_t *n,
    struct df_error *err)
{
	size_t f = (size_t)dh->fidx[k];
	struct vcache *vc = &dh->vc[f];
	int rc;

	if (vc->gen != dh->gen) {
		vc->off = dh->dec.len;
		rc = dump_field_decode(dh->row, f, &dh->dec);
		if (rc == -1)
			return df_err(err, DF_EXIT_DATA, dh->row->data->file,
			    dh->row->line, "%s.%s: malformed value",
			    tname(dh->curt->t), dh->cur->names[k]);
		vc->gen = dh->gen;
		vc->isnull = rc == 1;
		vc->len = dh->dec.len - vc->off;
		if (!vc->isnull && dh->cur->trim[k])
			while (vc->len > 0 &&
			    dh->dec.p[vc->off + vc->len - 1] == ' ')
				vc->len--;
	}
	*p = dh->dec.p != NULL ? dh->dec.p + vc->off : "";
	*n = vc->len;
	return vc->isnull;
}

static int
cond_get(void *ctx, const struct rule_cond *c, const char **p, size_t *n,
    struct df_error *err)
{
	struct dehydrate *dh = ctx;
	long k = dh->cur->cond_k != NULL ? dh->cur->cond_k[c->id] : -1;

	if (k < 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "internal: "
		    "condition column not bound");
	return value(dh, (size_t)k, p, n, err);
}

/*
 * The key tuple of columns k[0..n) into dh->tup: each value's length
 * (varint) and bytes.  Returns 1 if a value is NULL (the key points at
 * nothing), 0, or -1.
 */
static int
tuple(struct dehydrate *dh, const size_t *k, size_t n, struct df_error *err)
{
	unsigned char var[KVARINT_MAX];
	const char *p;
	size_t i, len, j;
	int rc;

	buf_clear(&dh->tup);
	for (i = 0; i < n; i++) {
		rc = value(dh, k[i], &p, &len, err);
		if (rc != 0)
			return rc;
		j = kvarint_put(var, len);
		if (buf_add(&dh->tup, var, j) == -1 ||
		    buf_add(&dh->tup, p, len) == -1)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "a key too "
			    "large");
	}
	return 0;
}

/*
 * Heap order: x before y when x is less wanted (smaller, or later).
 * Values compare as conditions compare them, rule_value_cmp(): numbers
 * exactly (integers, decimals, floats with an exponent, NaN above all),
 * anything else byte by byte, which orders dates and timestamps.  Each
 * entry keeps its rule_key, so that the comparisons of a sift (two a
 * level) do not read an integer's text again.
 */
static int
hless(const struct hent *x, const struct hent *y)
{
	int c = rule_key_cmp(&x->key, &y->key);

	return c != 0 ? c < 0 : x->row > y->row;
}

static void
sift_down(struct hent *h, size_t n, size_t i)
{
	struct hent tmp;
	size_t l, m;

	for (;;) {
		l = 2 * i + 1;
		if (l >= n)
			return;
		m = l + 1 < n && hless(&h[l + 1], &h[l]) ? l + 1 : l;
		if (!hless(&h[m], &h[i]))
			return;
		tmp = h[i];
		h[i] = h[m];
		h[m] = tmp;
		i = m;
	}
}

static void
sift_up(struct hent *h, size_t i)
{
	struct hent tmp;

	while (i > 0 && hless(&h[i], &h[(i - 1) / 2])) {
		tmp = h[i];
		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = tmp;
		i = (i - 1) / 2;
	}
}

/* keep T newest N by C: offer row r's value to the heap of the best N. */
static void
newest_offer(struct keepst *ks, const char *p, size_t n, uint64_t r)
{
	struct hent x, *h;

	if (ks->r->n == 0)
		return;
	if (ks->hn < ks->r->n) {
		if ((ks->hn & (ks->hn - 1)) == 0)
			ks->heap = xrealloc(ks->heap, (ks->hn ? 2 * ks->hn :
			    1) * sizeof(*ks->heap));
		h = &ks->heap[ks->hn];
		h->v = xstrndup(p, n);
		rule_key_init(&h->key, h->v, n);
		h->row = r;
		sift_up(ks->heap, ks->hn++);
		return;
	}
	x.v = NULL;
	rule_key_init(&x.key, p, n);
	x.row = r;
	if (!hless(&ks->heap[0], &x))
		return;
	h = &ks->heap[0];
	free(h->v);
	h->v = xstrndup(p, n);
	rule_key_init(&h->key, h->v, n);
	h->row = r;
	sift_down(ks->heap, ks->hn, 0);
}

/* A row is kept for reason why; 1 if it was not yet. */
static int
mark(struct dtab *o, uint64_t r, size_t why, struct df_error *err)
{
	int rc = kbit_set(&o->kept, r, err);

	if (rc == 1) {
		o->nkept++;
		o->why[why]++;
	}
	return rc;
}

/* sample P%: a fixed keyed hash of the primary key's values. */
static int
sampled(struct dehydrate *dh, const struct keepst *ks, struct df_error *err)
{
	static const unsigned char skey[crypto_shorthash_KEYBYTES] =
	    "dumpdehydrate:sm";
	unsigned char h[crypto_shorthash_BYTES];
	uint64_t v = 0;
	size_t i;
	int rc;

	rc = tuple(dh, dh->cur->pk_k, dh->cur->npk, err);
	if (rc == -1)
		return -1;
	crypto_shorthash(h, (const unsigned char *)dh->tup.p, dh->tup.len,
	    skey);
	for (i = 0; i < 8; i++)
		v = v << 8 | h[i];
	/* 53 bits, as a fraction of 1. */
	return (double)(v >> 11) / 9007199254740992.0 * 100.0 < ks->r->pct;
}

static int
col_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct dehydrate *dh = ctx;
	struct dtab *o = dh->cur;
	struct keepst *ks;
	const char *p;
	uint32_t id;
	uint64_t r = o->nrows;
	size_t i, n;
	int rc, added;

	(void)out;
	if (!dh->bound && bind_fields(dh, err) == -1)
		return -1;
	if (r >= UINT32_MAX - 1)
		return df_err(err, DF_EXIT_DATA, row->data->file, row->line,
		    "%s: more than 2^32 rows", tname(o->t));
	dh->row = row;
	dh->gen++;
	buf_clear(&dh->dec);
	for (i = 0; i < o->nsets; i++) {
		struct kset *set = o->sets[i];

		id = KV_NONE;
		rc = set->when == NULL ? 1 : rule_cond_eval(set->when,
		    cond_get, dh, err);
		if (rc == -1)
			goto rowerr;
		if (rc == 1) {
			rc = tuple(dh, set->k, set->ncols, err);
			if (rc == -1)
				goto rowerr;
			if (set->lazy) {
				if (log_tuple(set, rc == 0 ? dh->tup.p : NULL,
				    dh->tup.len, err) == -1)
					return -1;
				continue;
			}
			if (rc == 0 && kdict_intern(&set->dict, dh->tup.p,
			    dh->tup.len, &id, &added, err) == -1)
				return -1;
		}
		if (kv32_push(&set->ids, id, err) == -1)
			return -1;
	}
	for (i = 0; i < o->nkeeps; i++) {
		ks = &o->keeps[i];
		switch (ks->r->kind) {
		case KEEP_WHERE:
			rc = rule_cond_eval(ks->r->where, cond_get, dh, err);
			break;
		case KEEP_SAMPLE:
			rc = sampled(dh, ks, err);
			break;
		case KEEP_NEWEST:
			rc = value(dh, (size_t)ks->by_k, &p, &n, err);
			if (rc == 0)
				newest_offer(ks, p, n, r);
			rc = rc == -1 ? -1 : 0;
			break;
		default:
			rc = 0;
			break;
		}
		if (rc == -1)
			goto rowerr;
		/* Roots are counted apart: the reasons come with the plan. */
		if (rc == 1 && (rc = kbit_set(&o->kept, r, err)) == -1)
			return -1;
		if (rc == 1) {
			o->nkept++;
			o->nroots++;
		}
	}
	o->nrows++;
	kmem_tick(dh->m);
	return ROW_KEEP;
rowerr:
	if (err->line == 0) {
		df_err_file(err, row->data->file);
		err->line = row->line;
		df_err_prefix(err, "%s: ", tname(dh->curt->t));
	}
	return -1;
}

/* --progress: the reading and the table, "keys: public.orders". */
static void
show_table(struct dehydrate *dh, const struct schema_table *t)
{
	char what[300];

	if (dh->pg == NULL)
		return;
	snprintf(what, sizeof(what), "%s: %s", dh->pass == 3 ? "output" :
	    "keys", tname(t));
	progress_table(dh->pg, what);
}

static int
col_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct dehydrate *dh = ctx;
	struct dtab *dt, *o;

	dh->cur = NULL;
	dh->bound = 0;
	dt = lookup(dh, d->table);
	show_table(dh, d->table);
	if (dt == NULL)
		return DATA_PASS;
	o = dt->o;
	dh->curt = dt;
	dh->curd = d;
	/* pg_dump declares keys after the rows: count them, read later. */
	if (!dh->keys_known && d->dialect != DIALECT_MYSQL)
		return DATA_COUNT;
	if (collect_plan(dh, o, err) == -1)
		return -1;
	if (!o->read)
		return DATA_COUNT;
	dh->cur = o;
	return DATA_ROWS;
}

static int
col_data_end(void *ctx, const struct dump_data *d, unsigned long long rows,
    unsigned long long bytes, struct df_error *err)
{
	struct dehydrate *dh = ctx;
	struct dtab *dt = lookup(dh, d->table);

	(void)err;
	(void)bytes;
	if (dt != NULL && dh->cur == NULL)
		dt->o->nrows += rows;
	dh->cur = NULL;
	return 0;
}

static void
on_read(void *ctx)
{
	struct dehydrate *dh = ctx;

	if (dh->pg != NULL)
		progress_tick(dh->pg);
}

void
dh_collect_handler(struct dehydrate *dh, struct progress *pg,
    struct dump_handler *h)
{
	memset(h, 0, sizeof(*h));
	dh->pg = pg;
	dh->pass = dh->full ? 2 : 1;
	h->ctx = dh;
	h->on_data = col_data;
	h->on_row = col_row;
	h->on_data_end = col_data_end;
	h->on_read = on_read;
}

/* ---- The closure ------------------------------------------------------ */

/* id -> rows lists (CSR) from per-row ids. */
static int
csr(struct kmem *m, const struct kvec *ids, uint32_t nids, struct kvec *off,
    struct kvec *rows, struct df_error *err)
{
	const uint32_t *id;
	uint32_t *o, *rw;
	size_t i, n = kv32_len(ids);

	if (kvec_zero(off, ((size_t)nids + 1) * 4, err) == -1)
		return -1;
	id = kv32(ids);
	o = kv32(off);
	for (i = 0; i < n; i++) {
		if (id[i] < nids)
			o[id[i] + 1]++;
		/* Random writes: let spilled pages go now and then. */
		if (i % 256 == 0)
			kmem_tick(m);
	}
	for (i = 0; i < nids; i++)
		o[i + 1] += o[i];
	if (kvec_zero(rows, (size_t)o[nids] * 4, err) == -1)
		return -1;
	/* Filling moves each list's start; put them back after. */
	id = kv32(ids);
	o = kv32(off);
	rw = kv32(rows);
	for (i = 0; i < n; i++) {
		if (id[i] < nids)
			rw[o[id[i]]++] = (uint32_t)i;
		if (i % 256 == 0)
			kmem_tick(m);
	}
	for (i = nids; i > 0; i--)
		o[i] = o[i - 1];
	o[0] = 0;
	return 0;
}

struct queue {
	struct kvec	 q;		/* owner index << 32 | row */
	size_t		 head;
};

static int
keep_row(struct dehydrate *dh, struct queue *q, struct dtab *o, uint32_t r,
    size_t why, struct df_error *err)
{
	uint64_t x;
	int rc;

	rc = mark(o, r, why, err);
	if (rc != 1)
		return rc;
	x = (uint64_t)o->ix << 32 | r;
	return kvec_add(&q->q, &x, sizeof(x), err);
}

/* Row r of o is kept: keep what it references, and what follows it. */
static int
visit(struct dehydrate *dh, struct queue *q, struct dtab *o, uint32_t r,
    struct df_error *err)
{
	const uint32_t *off, *rows;
	struct domain *d;
	struct edge *e;
	uint32_t id, j;
	size_t i;

	for (i = 0; i < o->nout; i++) {
		e = o->out[i];
		if (e->cid == NULL)
			continue;
		id = kv32(e->cid)[r];
		if (id == KV_NONE)
			continue;
		d = e->d;
		if (d->o->cls == CLS_TRUNC) {
			if (e->viol++ == 0)
				e->viol_row = r;
			continue;
		}
		if (!d->o->collect)
			continue;	/* kept whole */
		off = kv32(&d->off);
		if (id == ID_DANGLING || id + (size_t)1 >= kv32_len(&d->off) ||
		    off[id] == off[id + 1]) {
			e->dangling++;
			continue;
		}
		for (j = off[id]; j < off[id + 1]; j++) {
			rows = kv32(&d->rows);
			if (keep_row(dh, q, d->o, rows[j], WHY_REF(e->ix),
			    err) == -1)
				return -1;
			off = kv32(&d->off);
		}
	}
	for (i = 0; i < o->nin; i++) {
		e = o->in[i];
		d = e->d;
		id = d->set != NULL ? kv32(&d->set->ids)[r] : KV_NONE;
		if (id == KV_NONE || id + (size_t)1 >= kv32_len(&e->off))
			continue;
		off = kv32(&e->off);
		for (j = off[id]; j < off[id + 1]; j++) {
			rows = kv32(&e->rows);
			if (keep_row(dh, q, e->c, rows[j], WHY_FOLLOW(e->ix),
			    err) == -1)
				return -1;
			off = kv32(&e->off);
		}
	}
	kmem_tick(dh->m);
	return 0;
}

/* The key value behind an id, as text for a message: 'a', 'b'. */
static void
key_text(const struct kset *ks, uint32_t id, char *out, size_t cap)
{
	unsigned char ibuf[KDICT_INTBUF];
	const unsigned char *p;
	size_t n, i, len, o = 0;

	p = kdict_get(&ks->dict, id, ibuf, &n);
	out[0] = '\0';
	for (i = 0; i < ks->ncols && n > 0; i++) {
		len = kvarint_get(&p, &n);
		if (len > n)
			len = n;
		if (o + 8 < cap)
			o += (size_t)snprintf(out + o, cap - o, "%s'%.*s'",
			    i ? ", " : "", (int)(len > 40 ? 40 : len),
			    (const char *)p);
		p += len;
		n -= len;
	}
}

int
dh_closure(struct dehydrate *dh, struct df_error *err)
{
	struct queue q;
	struct dtab *o;
	struct edge *e;
	uint64_t x, r;
	size_t i, k;
	char key[200];
	int rc = -1;

	kvec_init(&q.q, dh->m);
	q.head = 0;
	for (i = 0; i < dh->ndoms; i++) {
		struct domain *d = dh->doms[i];

		if (d->set != NULL && d->o->collect && csr(dh->m, &d->set->ids,
		    d->set->dict.n, &d->off, &d->rows, err) == -1)
			goto out;
	}
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		if (e->follow && e->cid != NULL && e->d->set != NULL &&
		    csr(dh->m, e->cid, e->d->set->dict.n, &e->off, &e->rows,
		    err) == -1)
			goto out;
	}
	/* The roots: newest N, and whole tables. */
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		if (o->o != o || !o->collect)
			continue;
		for (k = 0; k < o->nkeeps; k++) {
			struct keepst *ks = &o->keeps[k];
			size_t j;

			for (j = 0; j < ks->hn; j++) {
				if (mark(o, ks->heap[j].row, WHY_ROOT,
				    err) == -1)
					goto out;
				free(ks->heap[j].v);
			}
			free(ks->heap);
			ks->heap = NULL;
			ks->hn = 0;
		}
		if (o->all)
			for (r = 0; r < o->nrows; r++)
				if (mark(o, r, o->cls == CLS_ROOT ? WHY_ROOT :
				    WHY_ALL, err) == -1)
					goto out;
	}
	/*
	 * Everything the roots reach, breadth first.  The roots are queued
	 * before any is visited, so that each kept row is visited once.
	 */
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		if (o->o != o || !o->collect)
			continue;
		for (r = 0; r < o->nrows; r++) {
			if (!kbit_get(&o->kept, r))
				continue;
			x = (uint64_t)o->ix << 32 | r;
			if (kvec_add(&q.q, &x, sizeof(x), err) == -1)
				goto out;
		}
	}
	for (; q.head < q.q.len; q.head += 8) {
		memcpy(&x, q.q.p + q.head, 8);
		if (visit(dh, &q, dh->tabs[x >> 32],
		    (uint32_t)(x & 0xffffffffu), err) == -1)
			goto out;
	}
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		if (e->viol == 0 || e->nullify)
			continue;
		key_text(e->cs, kv32(&e->cs->ids)[e->viol_row], key,
		    sizeof(key));
		df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s: %llu kept rows "
		    "reference the truncated table %s through %s (%s), e.g. "
		    "row %llu of the table's data, (%s); keep them out, or "
		    "truncate it with nullify", tname(e->c->t), e->viol,
		    tname(e->d->o->t), e->label, e->what,
		    (unsigned long long)e->viol_row + 1, key);
		goto out;
	}
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		if (e->dangling > 0)
			df_warnx("%s: %llu kept rows reference rows that are "
			    "not in the dump through %s (%s)",
			    tname(e->c->t), e->dangling, e->label, e->what);
	}
	rc = 0;
out:
	kvec_free(&q.q);
	return rc;
}

/* ---- Pass 3: the output ----------------------------------------------- */

static uint64_t	rows_kept(const struct dtab *);

/* Is row r of o kept? */
static int
kept(const struct dtab *o, uint64_t r)
{
	if (o->cls == CLS_TRUNC)
		return 0;
	if (!o->collect)
		return o->all;
	return kbit_get(&o->kept, r);
}

/* Does a kept row need columns set to NULL (nullify)? */
static int
nulls_due(const struct dtab *o, uint64_t r)
{
	size_t i;

	for (i = 0; i < o->nout; i++)
		if (o->out[i]->nullify && o->out[i]->cid != NULL &&
		    kv32(o->out[i]->cid)[r] != KV_NONE)
			return 1;
	return 0;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The row with the nullify columns set to NULL, into out. */
static int
null_row(struct dehydrate *dh, const struct dump_row *row, uint64_t r,
    struct buf *out, struct df_error *err)
{
	const struct dtab *o = dh->cur;
	const struct dump_field *fl;
	const char *from = row->raw;
	long fields[64];
	size_t i, k, n = 0;

	for (i = 0; i < o->nout; i++) {
		const struct edge *e = o->out[i];

		if (!e->nullify || e->cid == NULL ||
		    kv32(e->cid)[r] == KV_NONE)
			continue;
		for (k = 0; k < e->ncols && n < 64; k++)
			fields[n++] = dh->fidx[e->cs->k[k]];
	}
	qsort(fields, n, sizeof(*fields), cmp_long);
	for (i = 0; i < n; i++) {
		if (i > 0 && fields[i] == fields[i - 1])
			continue;
		fl = &row->fields[fields[i]];
		if (buf_add(out, from, (size_t)(fl->p - from)) == -1 ||
		    dump_field_encode(row->data, NULL, 0, 1, out) == -1)
			return df_err(err, DF_EXIT_DATA, row->data->file,
			    row->line, "%s: row too large", tname(o->t));
		from = fl->p + fl->len;
	}
	if (buf_add(out, from, (size_t)(row->raw + row->rawlen - from)) == -1)
		return df_err(err, DF_EXIT_DATA, row->data->file, row->line,
		    "%s: row too large", tname(o->t));
	return 0;
}

static int
wr_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct dehydrate *dh = ctx;
	struct dtab *o = dh->cur;
	uint64_t r = o->wrow++;

	if (r >= o->nrows)
		return df_err(err, DF_EXIT_DATA, row->data->file, row->line,
		    "%s: more rows than in the first reading: the input "
		    "changed", tname(o->t));
	if (!kept(o, r))
		return ROW_DROP;
	if (!o->collect || !nulls_due(o, r))
		return ROW_KEEP;
	if (!dh->bound && bind_fields(dh, err) == -1)
		return -1;
	if (null_row(dh, row, r, out, err) == -1)
		return -1;
	return ROW_REPLACE;
}

static int
wr_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct dehydrate *dh = ctx;
	struct dtab *dt, *o;
	size_t i;

	(void)err;
	dh->cur = NULL;
	dh->bound = 0;
	dt = lookup(dh, d->table);
	show_table(dh, d->table);
	if (dt == NULL)
		return DATA_PASS;
	o = dt->o;
	dh->cur = o;
	dh->curt = dt;
	dh->curd = d;
	/* An emptied table: its rows are not even split. */
	if (rows_kept(o) == 0) {
		o->wrow = o->nrows;
		dh->cur = NULL;
		return DATA_SKIP;
	}
	/* Columns to set to NULL: rows are rewritten, field by field. */
	for (i = 0; i < o->nout; i++)
		if (o->out[i]->nullify && o->out[i]->viol > 0)
			return DATA_ROWS;
	/* A table kept whole streams as is. */
	if (rows_kept(o) == o->nrows) {
		dh->cur = NULL;
		return DATA_PASS;
	}
	/* Rows kept or dropped whole: their fields need not be split. */
	return DATA_ROWS_RAW;
}

static int
wr_data_end(void *ctx, const struct dump_data *d, unsigned long long rows,
    unsigned long long bytes, struct df_error *err)
{
	struct dehydrate *dh = ctx;

	(void)d;
	(void)rows;
	(void)bytes;
	(void)err;
	dh->cur = NULL;
	return 0;
}

void
dh_write_handler(struct dehydrate *dh, struct progress *pg,
    struct dump_handler *h)
{
	size_t i;

	memset(h, 0, sizeof(*h));
	dh->pg = pg;
	dh->pass = 3;
	dh->live = 0;			/* the reader has a catalog of its own */
	for (i = 0; i < dh->ntabs; i++)
		dh->tabs[i]->wrow = 0;
	h->ctx = dh;
	h->on_data = wr_data;
	h->on_row = wr_row;
	h->on_data_end = wr_data_end;
	h->on_read = on_read;
}

int
dh_write_done(struct dehydrate *dh, struct df_error *err)
{
	struct dtab *o;
	size_t i;

	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		if (o->o == o && o->wrow != 0 && o->wrow != o->nrows)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: %llu "
			    "rows in the last reading, %llu before: the input "
			    "changed", tname(o->t),
			    (unsigned long long)o->wrow,
			    (unsigned long long)o->nrows);
	}
	return 0;
}

/* ---- Explain and report ----------------------------------------------- */

static uint64_t
rows_kept(const struct dtab *o)
{
	if (o->cls == CLS_TRUNC)
		return 0;
	if (!o->collect)
		return o->all ? o->nrows : 0;
	return o->nkept;
}

/* Why rows were kept, reason by reason: calls f for each. */
static void
reasons(const struct dehydrate *dh, const struct dtab *o,
    void (*f)(void *, const char *, uint64_t), void *ctx)
{
	char line[1024];
	const struct edge *e;
	size_t i;

	if (o->cls == CLS_TRUNC)
		return;
	if (!o->collect) {
		if (o->all && o->nrows > 0)
			f(ctx, "all", o->nrows);
		return;
	}
	if (o->why[WHY_ROOT] > 0)
		f(ctx, "root", o->why[WHY_ROOT]);
	if (o->why[WHY_ALL] > 0)
		f(ctx, "all", o->why[WHY_ALL]);
	for (i = 0; i < dh->nedges; i++) {
		e = dh->edges[i];
		if (o->why[WHY_REF(i)] > 0) {
			snprintf(line, sizeof(line), "referenced by %s (%s)",
			    e->label, e->what);
			f(ctx, line, o->why[WHY_REF(i)]);
		}
		if (o->why[WHY_FOLLOW(i)] > 0) {
			snprintf(line, sizeof(line), "follows %s via %s (%s)",
			    tname(e->d->o->t), e->label, e->what);
			f(ctx, line, o->why[WHY_FOLLOW(i)]);
		}
	}
}

struct rctx {
	struct buf	*b;
	const struct dtab *o;
	int		 tsv;
	int		 n;
};

static void
add_reason(void *ctx, const char *why, uint64_t n)
{
	struct rctx *rc = ctx;
	char num[64];

	if (rc->tsv) {
		report_tsv(rc->b, tname(rc->o->t));
		snprintf(num, sizeof(num), "\t%s\t%llu\t%llu\t",
		    cls_names[rc->o->cls], (unsigned long long)rc->o->nrows,
		    (unsigned long long)rows_kept(rc->o));
		buf_adds(rc->b, num);
		report_tsv(rc->b, why);
		snprintf(num, sizeof(num), "\t%llu\n", (unsigned long long)n);
		buf_adds(rc->b, num);
	} else {
		snprintf(num, sizeof(num), "    %12llu  ",
		    (unsigned long long)n);
		buf_adds(rc->b, num);
		buf_adds(rc->b, why);
		buf_addc(rc->b, '\n');
	}
	rc->n++;
}

static void
explain_class(struct buf *b, const struct dehydrate *dh, const struct dtab *o)
{
	char tmp[600];
	size_t i;

	switch (o->cls) {
	case CLS_TRUNC:
		snprintf(tmp, sizeof(tmp), "truncated (%s:%lu%s)",
		    o->trunc->name.pos.file, o->trunc->name.pos.line,
		    o->trunc->nullify ? ", nullify" : "");
		break;
	case CLS_ROOT:
		snprintf(tmp, sizeof(tmp), "rooted (");
		for (i = 0; i < o->nkeeps; i++)
			snprintf(tmp + strlen(tmp), sizeof(tmp) - strlen(tmp),
			    "%skeep at %s:%lu", i ? ", " : "",
			    o->keeps[i].r->table.pos.file,
			    o->keeps[i].r->table.pos.line);
		snprintf(tmp + strlen(tmp), sizeof(tmp) - strlen(tmp), ")");
		break;
	case CLS_CONN:
		snprintf(tmp, sizeof(tmp), "connected");
		break;
	default:
		snprintf(tmp, sizeof(tmp), "other (%s)",
		    dh->rs->others_none ? "others none" : "others keep");
		break;
	}
	buf_adds(b, tmp);
	if (o->follow)
		buf_adds(b, ", followed");
}

static int
flush(struct buf *b, struct ostream *os, struct df_error *err)
{
	int rc = ostream_write(os, b->p, b->len, err);

	buf_clear(b);
	return rc;
}

int
dh_explain(const struct dehydrate *dh, struct ostream *os,
    struct df_error *err)
{
	const struct dtab *o;
	struct rctx rc;
	struct buf b;
	char tmp[200];
	size_t i;
	int ret = 0;

	buf_init(&b, 0);
	for (i = 0; i < dh->ntabs && ret == 0; i++) {
		o = dh->tabs[i];
		if (o->o != o) {
			snprintf(tmp, sizeof(tmp), "%s: partition of %s\n",
			    tname(o->t), tname(o->o->t));
			buf_adds(&b, tmp);
			ret = flush(&b, os, err);
			continue;
		}
		buf_adds(&b, tname(o->t));
		buf_adds(&b, ": ");
		explain_class(&b, dh, o);
		snprintf(tmp, sizeof(tmp), "; %llu rows in, %llu kept\n",
		    (unsigned long long)o->nrows,
		    (unsigned long long)rows_kept(o));
		buf_adds(&b, tmp);
		rc.b = &b;
		rc.o = o;
		rc.tsv = 0;
		rc.n = 0;
		reasons(dh, o, add_reason, &rc);
		for (size_t k = 0; k < o->nout; k++)
			if (o->out[k]->nullify && o->out[k]->viol > 0) {
				snprintf(tmp, sizeof(tmp), "    %12llu  ",
				    o->out[k]->viol);
				buf_adds(&b, tmp);
				buf_adds(&b, "set to NULL: ");
				buf_adds(&b, o->out[k]->label);
				buf_addc(&b, '\n');
			}
		ret = flush(&b, os, err);
	}
	buf_free(&b);
	return ret;
}

int
dh_report(const struct dehydrate *dh, unsigned long long in,
    unsigned long long outb, double secs, struct ostream *os,
    struct df_error *err)
{
	const struct dtab *o;
	unsigned long long tin = 0, tkept = 0;
	struct rctx rc;
	struct buf b;
	char tmp[300];
	size_t i;
	int ret;

	buf_init(&b, 0);
	buf_adds(&b, "# table\tclass\trows_in\trows_kept\treason\trows\n");
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		if (o->o != o)
			continue;
		rc.b = &b;
		rc.o = o;
		rc.tsv = 1;
		rc.n = 0;
		reasons(dh, o, add_reason, &rc);
		if (rc.n == 0)
			add_reason(&rc, "-", 0);
		tin += o->nrows;
		tkept += rows_kept(o);
	}
	snprintf(tmp, sizeof(tmp), "# total\t\t%llu\t%llu\tbytes in %llu, "
	    "bytes out %llu, seconds %.2f\n", tin, tkept, in, outb, secs);
	buf_adds(&b, tmp);
	ret = ostream_write(os, b.p, b.len, err);
	buf_free(&b);
	return ret;
}

/* ---- Life ------------------------------------------------------------- */

struct dehydrate *
dh_new(const struct rules *rs, struct kmem *m)
{
	struct dehydrate *dh;

	dh = xcalloc(1, sizeof(*dh));
	dh->rs = rs;
	dh->m = m;
	buf_init(&dh->dec, 0);
	buf_init(&dh->tup, 0);
	buf_init(&dh->warn, WARN_MAX);
	return dh;
}

void
dh_free(struct dehydrate *dh)
{
	struct dtab *o;
	struct kset *ks;
	size_t i, k, j;

	if (dh == NULL)
		return;
	for (i = 0; i < dh->ndoms; i++) {
		kvec_free(&dh->doms[i]->off);
		kvec_free(&dh->doms[i]->rows);
		for (k = 0; k < dh->doms[i]->ncols; k++)
			free(dh->doms[i]->cols[k]);
		free(dh->doms[i]->cols);
		free(dh->doms[i]);
	}
	for (i = 0; i < dh->nedges; i++) {
		kvec_free(&dh->edges[i]->own);
		kvec_free(&dh->edges[i]->off);
		kvec_free(&dh->edges[i]->rows);
		for (k = 0; k < dh->edges[i]->ncols; k++)
			free(dh->edges[i]->cols[k]);
		free(dh->edges[i]->cols);
		free(dh->edges[i]->label);
		free(dh->edges[i]->what);
		free(dh->edges[i]);
	}
	for (i = 0; i < dh->ntabs; i++) {
		o = dh->tabs[i];
		o->t->user = NULL;
		kvec_free(&o->kept);
		for (k = 0; k < o->nsets; k++) {
			ks = o->sets[k];
			kdict_free(&ks->dict);
			kvec_free(&ks->ids);
			kvec_free(&ks->log);
			free(ks->k);
			free(ks);
		}
		free(o->sets);
		for (k = 0; k < o->nkeeps; k++) {
			for (j = 0; j < o->keeps[k].hn; j++)
				free(o->keeps[k].heap[j].v);
			free(o->keeps[k].heap);
		}
		free(o->keeps);
		for (k = 0; k < o->nnames; k++)
			free(o->names[k]);
		free(o->names);
		free(o->trim);
		free(o->cond_k);
		free(o->pk_k);
		free(o->out);
		free(o->in);
		free(o->why);
		free(o);
	}
	free(dh->tabs);
	free(dh->edges);
	free(dh->doms);
	free(dh->fidx);
	free(dh->vc);
	buf_free(&dh->dec);
	buf_free(&dh->tup);
	buf_free(&dh->warn);
	free(dh);
}
