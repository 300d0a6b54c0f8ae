/*
 * scrub: dumpscrub's engine (see scrub.h).
 *
 * Plans.  A table's plan lists its covered columns with their rule and a
 * struct xf_col describing the column (type, length, NOT NULL, unique).
 * The plan is checked by xf_check() when it is made: at the table's
 * CREATE TABLE, again whenever an ALTER TABLE adds keys (pg_dump adds
 * PRIMARY KEY and UNIQUE after the data), and for every table at once by
 * scrub_check_all() when the catalog was read ahead.
 *
 * Rows.  For each row of a table with active rules, the fields the rules
 * touch are decoded (once, cached for the row: a `when` may read them
 * too), transformed, and re-encoded with the escaping of the statement
 * they stand in; every other byte of the row is copied as it was.  A row
 * whose values all come out unchanged is kept as written.
 *
 * A plan hangs off its table's user pointer and is owned by the scrubber
 * (plans[], freed by scrub_free()); the rules, key and catalogs are
 * borrowed.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "reader.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "scrub.h"
#include "stream.h"
#include "transform.h"
#include "util.h"

/* Cap of the per-row buffers (STYLE 16): past it, a value is a data error. */
#define SCRUB_BUF_MAX	(1ULL << 30)

/* A covered column of a plan, with its --report counters. */
struct scol {
	size_t		 col;		/* index in the table */
	const struct rule_column **chain; /* rules in order; see find_rules */
	size_t		 nchain;
	struct xf_col	 xc;
	int		 active;	/* changes values (not keep, relink) */
	long		 field;		/* in the current statement, or -1 */
	unsigned long long rows, changed, nulls;
};

/* A column a condition reads. */
struct cref {
	const struct rule_cond *c;
	size_t		 col;
	int		 trim;		/* char(n): blanks are padding */
};

/* A table's plan; field_of and order are per statement (map_fields()). */
struct plan {
	struct schema_table *t;
	size_t		 n;		/* covered columns */
	struct scol	*cols;
	size_t		 nactive;
	size_t		 ncref;
	struct cref	*cref;
	long		*cref_of;	/* condition id -> index in cref, or -1 */
	long		*field_of;	/* table column -> field, or -1 */
	size_t		 nfield_of;
	struct scol    **order;	/* active columns in field order */
	size_t		 norder;
	int		 mapped;	/* order is set for this statement */
	int		 strict_done;
	unsigned long long rows;
};

/*
 * The decoded value of a field, cached for one row: (off, len) in s->dec,
 * valid while gen equals s->gen.  Bumping s->gen empties every entry at
 * once; no row has gen 0, the value of a new entry.
 */
struct fcache {
	unsigned long	 gen;
	int		 isnull;
	size_t		 off, len;
};

struct scrub {
	const struct rules *rs;
	const struct xf_key *key;
	struct schema	*pre;
	int		 strict;

	struct plan    **plans;
	size_t		 nplans;

	/* Per row. */
	const struct dump_row *row;
	struct plan	*cur;
	struct progress	*progress;
	unsigned long	 gen;
	struct fcache	*fc;
	size_t		 fccap;
	struct buf	 dec;		/* decoded fields */
	struct buf	 val;		/* one transformed value */
	struct buf	 enc;		/* encoded replacements */
	size_t		*roff, *rlen;	/* replacement i: bytes of enc */
	long		*rfield;
	size_t		 rcap;
};

/* ---- Names -------------------------------------------------------------- */

/* "schema.name" or "name" of a table, in a static buffer. */
static const char *
tname(const struct schema_table *t)
{
	static char b[600];

	if (t->schema != NULL)
		snprintf(b, sizeof(b), "%s.%s", t->schema, t->name);
	else
		snprintf(b, sizeof(b), "%s", t->name);
	return b;
}

/*
 * The built-in sensitive names.  A column name is cut into words at
 * non-letters and at lower-to-upper case changes (firstName, first_name);
 * it is sensitive when a word equals one of the short entries, or
 * contains one of the long ones ("emailaddress", "billingphone").
 */
static const char *const sensitive_exact[] = {
	"ip", "dob", "ssn", "sin", "zip", "tel", "fax", "pan", "bic", "cvv",
	"cvc", "pwd", "pin", "tin", "nin", "vat", "geo", "lat", "lng", "lon",
	"iban", "card", "name", "city", "addr", "mail", NULL
};
static const char *const sensitive_part[] = {
	"email", "phone", "mobile", "cell", "firstname", "lastname",
	"fullname", "surname", "forename", "username", "nickname",
	"address", "street", "postcode", "postal", "zipcode", "birth",
	"passport", "license", "licence", "social", "iban", "creditcard",
	"ccnum", "token", "secret", "password", "passwd", "salary",
	"income", "latitude", "longitude", "national", "taxid", "gender",
	"account", "signature", "apikey", NULL
};

/* Is one word sensitive: a short entry, or containing a long one? */
static int
word_sensitive(const char *w, size_t n)
{
	char low[128];
	size_t i;

	if (n == 0 || n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 :
		    w[i]);
	low[n] = '\0';
	for (i = 0; sensitive_exact[i] != NULL; i++)
		if (strcmp(low, sensitive_exact[i]) == 0)
			return 1;
	for (i = 0; sensitive_part[i] != NULL; i++)
		if (strstr(low, sensitive_part[i]) != NULL)
			return 1;
	return 0;
}

/*
 * Last words that make a name a reference, a time or a flag about the
 * data rather than the data: billing_address_id, reset_password_sent_at,
 * address_type, vat_is_valid.
 */
static const char *const harmless_last[] = {
	"id", "ids", "at", "on", "count", "type", "sent", "valid", "enabled",
	"status", "flag", "verified", "confirmed", NULL
};

/* Is the last word of a name of several words in harmless_last? */
static int
harmless_suffix(const char *name)
{
	const char *e = name + strlen(name), *w;
	size_t i, n;

	/* The last word: letters after the last non-letter. */
	for (w = e; w > name && ((w[-1] >= 'a' && w[-1] <= 'z') ||
	    (w[-1] >= 'A' && w[-1] <= 'Z')); w--)
		;
	if (w == name)
		return 0;	/* one word: "ip", "email" */
	n = (size_t)(e - w);
	for (i = 0; harmless_last[i] != NULL; i++)
		if (strlen(harmless_last[i]) == n &&
		    strncasecmp(w, harmless_last[i], n) == 0)
			return 1;
	return 0;
}

int
scrub_sensitive_name(const char *name)
{
	const char *p = name, *w;
	int isalpha_, lower_before;

	if (harmless_suffix(name))
		return 0;

	/* The whole name, letters only ("e_mail" -> "email") ... */
	{
		char joined[128];
		size_t k = 0;

		for (w = name; *w != '\0' && k + 1 < sizeof(joined); w++)
			if ((*w >= 'a' && *w <= 'z') ||
			    (*w >= 'A' && *w <= 'Z'))
				joined[k++] = *w;
		/* "more than four letters": else p_in would read as pin. */
		if (k > 4 && word_sensitive(joined, k))
			return 1;
	}
	/* ... and each word of it. */
	while (*p != '\0') {
		while (*p != '\0' && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		w = p;
		lower_before = 0;
		for (; *p != '\0'; p++) {
			isalpha_ = (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z');
			if (!isalpha_)
				break;
			/* firstName: a word ends before N. */
			if (*p >= 'A' && *p <= 'Z' && lower_before)
				break;
			lower_before = *p >= 'a' && *p <= 'z';
		}
		if (word_sensitive(w, (size_t)(p - w)))
			return 1;
	}
	return 0;
}

/* ---- Rules and columns -------------------------------------------------- */

/* Does column rule r name column col?  The caller matched the table. */
static int
covers(const struct rule_column *r, const char *col)
{
	return rule_name_match(&r->col, NULL, col);
}

/*
 * The rules for column c of t, in the order they are tried: the column's
 * rules in the table blocks that match t (file order), then the column
 * statements that match it.  A rule with `when` applies only where its
 * condition holds, and the next one is tried where it does not; the
 * chain ends at the first rule without `when`, since nothing after it
 * can apply.  Returns the count (0: not covered); *out is malloc'd.
 */
static size_t
find_rules(const struct rules *rs, const struct schema_table *t, size_t c,
    const struct rule_column ***out)
{
	const char *col = t->cols[c].name;
	const struct rule_column **v = NULL, *r;
	size_t i, k, n = 0;

	for (i = 0; i < rs->ntables + rs->ncolumns; i++) {
		if (i < rs->ntables &&
		    !rule_table_match(&rs->tables[i].name, t))
			continue;
		for (k = 0; k < (i < rs->ntables ? rs->tables[i].ncols : 1);
		    k++) {
			r = i < rs->ntables ? &rs->tables[i].cols[k] :
			    &rs->columns[i - rs->ntables];
			if (!covers(r, col))
				continue;
			v = xrealloc(v, (n + 1) * sizeof(*v));
			v[n++] = r;
			if (r->act.when == NULL)
				goto done;
		}
	}
done:
	*out = v;
	return n;
}

/* The first rule covering column c of t, or NULL. */
static const struct rule_column *
find_rule(const struct rules *rs, const struct schema_table *t, size_t c)
{
	const struct rule_column **v, *r;

	if (find_rules(rs, t, c, &v) == 0)
		return NULL;
	r = v[0];
	free(v);
	return r;
}

/* Is t named by a safe statement?  Strict mode skips its columns. */
static int
is_safe(const struct rules *rs, const struct schema_table *t)
{
	size_t i;

	for (i = 0; i < rs->nsafe; i++)
		if (rule_table_match(&rs->safe[i], t))
			return 1;
	return 0;
}

/* Does a table block match t? */
static int
has_block(const struct rules *rs, const struct schema_table *t)
{
	size_t i;

	for (i = 0; i < rs->ntables; i++)
		if (rule_table_match(&rs->tables[i].name, t))
			return 1;
	return 0;
}

/* Is table t named by some statement (for --strict)? */
static int
is_named(const struct rules *rs, const struct schema_table *t)
{
	size_t i, c;

	if (has_block(rs, t) || is_safe(rs, t))
		return 1;
	for (c = 0; c < t->ncols; c++)
		for (i = 0; i < rs->ncolumns; i++)
			if (rule_name_match(&rs->columns[i].col, NULL,
			    t->cols[c].name))
				return 1;
	return 0;
}

/* Is col one of the columns of key k of t? */
static int
key_has(const struct schema_table *t, const struct schema_key *k,
    const char *col)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		if (strcmp(t->cols[k->cols[i]].name, col) == 0)
			return 1;
	return 0;
}

/* Is col in a PRIMARY KEY or UNIQUE key of t? */
static int
in_unique_key(const struct schema_table *t, const char *col)
{
	size_t i;
	long ix;

	if (t == NULL)
		return 0;
	ix = schema_col_index(t, col);
	if (ix >= 0 && (t->cols[ix].flags & (COL_PRIMARY | COL_UNIQUE |
	    COL_UNIQUE_EXPR)))
		return 1;
	if (key_has(t, &t->pk, col))
		return 1;
	for (i = 0; i < t->nuniq; i++)
		if (key_has(t, &t->uniq[i], col))
			return 1;
	return 0;
}

/* Is col NOT NULL (or in the PRIMARY KEY) in t?  t may be NULL. */
static int
is_not_null(const struct schema_table *t, const char *col)
{
	long ix;

	if (t == NULL)
		return 0;
	ix = schema_col_index(t, col);
	return ix >= 0 &&
	    (t->cols[ix].flags & (COL_NOT_NULL | COL_PRIMARY)) != 0;
}

/* The table of the read-ahead catalog that t is. */
static struct schema_table *
pre_table(const struct scrub *s, const struct schema_table *t)
{
	if (s->pre == NULL)
		return NULL;
	return schema_find(s->pre, t->schema, t->name);
}

/*
 * Describe column c of t for xf_check() and xf_apply().  NOT NULL and
 * uniqueness come from the live catalog or the read-ahead one: pg_dump adds
 * keys after the data, too late for the live one.
 */
static void
describe(const struct scrub *s, const struct schema_table *t, size_t c,
    struct xf_col *xc)
{
	const struct schema_table *p, *u;
	const char *col = t->cols[c].name;
	int depth;

	xf_col_from_type(xc, t->cols[c].type != NULL ? t->cols[c].type : "",
	    t->cols[c].len);
	/*
	 * Keys of the table, of its read-ahead twin, and of the tables it
	 * is a partition or child of (a partitioned table's keys hold in
	 * each partition).
	 */
	for (u = t, depth = 0; u != NULL && depth < 32; u = u->parent,
	    depth++) {
		p = pre_table(s, u);
		xc->unique |= in_unique_key(u, col) || in_unique_key(p, col);
		xc->notnull |= is_not_null(u, col) || is_not_null(p, col);
	}
}

/* "FILE:LINE:COL: table.column: " for a rule's problem. */
static int
rule_err(struct df_error *err, const struct rule_column *r,
    const struct schema_table *t, size_t c, const char *why)
{
	return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%lu: %s.%s: %s",
	    r->act.pos.file, r->act.pos.line, r->act.pos.col, tname(t),
	    t->cols[c].name, why);
}

/*
 * Collect the columns the comparisons of c read, checking they exist, so
 * that cond_get() finds them by the node's id, not by name per row.  The second
 * search: bare names match case-insensitively.  Returns 0 or -1.
 */
static int
add_crefs(struct plan *p, const struct rule_cond *c, size_t nconds,
    struct df_error *err)
{
	long ix;

	if (c == NULL)
		return 0;
	if (c->op == COND_AND || c->op == COND_OR || c->op == COND_NOT)
		return add_crefs(p, c->a, nconds, err) == -1 ||
		    add_crefs(p, c->b, nconds, err) == -1 ? -1 : 0;
	ix = schema_col_index(p->t, c->column);
	if (ix < 0) {
		size_t i;

		for (i = 0; i < p->t->ncols; i++)
			if (strcasecmp(p->t->cols[i].name, c->column) == 0)
				break;
		if (i == p->t->ncols)
			return df_err(err, DF_EXIT_USAGE, NULL, 0,
			    "%s:%lu:%lu: %s has no column \"%s\"",
			    c->pos.file, c->pos.line, c->pos.col,
			    tname(p->t), c->column);
		ix = (long)i;
	}
	if (p->cref_of == NULL) {
		size_t k;

		p->cref_of = xmalloc((nconds ? nconds : 1) *
		    sizeof(*p->cref_of));
		for (k = 0; k < nconds; k++)
			p->cref_of[k] = -1;
	}
	if (c->id < nconds)
		p->cref_of[c->id] = (long)p->ncref;
	p->cref = xrealloc(p->cref, (p->ncref + 1) * sizeof(*p->cref));
	p->cref[p->ncref].c = c;
	p->cref[p->ncref].col = (size_t)ix;
	{
		struct xf_col xc;

		xf_col_from_type(&xc, p->t->cols[ix].type != NULL ?
		    p->t->cols[ix].type : "", p->t->cols[ix].len);
		p->cref[p->ncref].trim = xc.type == XT_CHAR;
	}
	p->ncref++;
	return 0;
}

/* Free a plan and its chains; the rules it points at are borrowed. */
static void
plan_free(struct plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		free(p->cols[i].chain);
	free(p->cols);
	free(p->cref);
	free(p->cref_of);
	free(p->field_of);
	free(p->order);
	free(p);
}

/*
 * Make or remake t's plan and check every rule against the schema.  With
 * all set, every problem is printed and counted in *nbad instead of
 * stopping at the first.  Counters survive a remake.
 *
 * Without all, a failure frees the new plan and leaves the old one in
 * place; with all, the plan is installed even if rules fail, so that
 * --check goes on to strict mode and the coverage TSV.  Returns 0, or -1
 * with err filled.
 */
static int
plan_make(struct scrub *s, struct schema_table *t, int all, int *nbad,
    struct df_error *err)
{
	struct plan *old = t->user, *p;
	const struct rule_column *r;
	struct scol *sc;
	char why[300];
	size_t c, i;
	int bad = 0;

	p = xcalloc(1, sizeof(*p));
	p->t = t;
	for (c = 0; c < t->ncols; c++) {
		const struct rule_column **chain;
		size_t nchain = find_rules(s->rs, t, c, &chain), k;

		if (nchain == 0)
			continue;
		p->cols = xrealloc(p->cols, (p->n + 1) * sizeof(*p->cols));
		sc = &p->cols[p->n++];
		memset(sc, 0, sizeof(*sc));
		sc->col = c;
		sc->chain = chain;
		sc->nchain = nchain;
		sc->field = -1;
		describe(s, t, c, &sc->xc);
		for (k = 0; k < nchain; k++) {
			r = chain[k];
			/*
			 * Each rule may apply to some row, so each is
			 * checked; keep and relink change nothing.
			 */
			if (r->act.kind == ACT_KEEP || r->act.kind == ACT_RELINK)
				continue;
			sc->active = 1;
			if (xf_check(&r->act, &sc->xc, why,
			    sizeof(why)) == -1) {
				rule_err(err, r, t, c, why);
				if (!all)
					goto fail;
				df_err_print(err);
				bad++;
			}
		}
		for (k = 0; k < nchain; k++) {
			r = chain[k];
			if (add_crefs(p, r->act.when, s->rs->nconds,
			    err) == -1) {
				if (!all)
					goto fail;
				df_err_print(err);
				bad++;
			}
		}
		p->nactive += sc->active != 0;
		/* Keep the counters of a plan made before (ALTER TABLE). */
		for (i = 0; old != NULL && i < old->n; i++)
			if (old->cols[i].col == c) {
				sc->rows = old->cols[i].rows;
				sc->changed = old->cols[i].changed;
				sc->nulls = old->cols[i].nulls;
			}
	}
	if (old != NULL) {
		p->rows = old->rows;
		p->strict_done = old->strict_done;
		for (i = 0; i < s->nplans; i++)
			if (s->plans[i] == old)
				s->plans[i] = p;
		plan_free(old);
	} else {
		s->plans = xrealloc(s->plans, (s->nplans + 1) *
		    sizeof(*s->plans));
		s->plans[s->nplans++] = p;
	}
	t->user = p;
	if (nbad != NULL)
		*nbad += bad;
	return bad ? -1 : 0;
fail:
	plan_free(p);
	return -1;
}

/*
 * Strict findings for t: print each; returns how many.  A table named by
 * no statement is one finding; so is each sensitive column no rule
 * covers (not in safe tables).
 *
 * Any rule covers a column, even keep or one with a when.  Each finding is
 * a warning, so all are listed before strict_fail() ends the run.
 */
static int
strict_table(const struct scrub *s, const struct schema_table *t)
{
	size_t c;
	int n = 0;

	if (!is_named(s->rs, t)) {
		df_warnx("--strict: %s: table named by no rule", tname(t));
		n++;
	}
	if (is_safe(s->rs, t))
		return n;
	for (c = 0; c < t->ncols; c++) {
		struct xf_col xc;

		if (find_rule(s->rs, t, c) != NULL ||
		    !scrub_sensitive_name(t->cols[c].name))
			continue;
		/* A boolean holds a fact about the data, not the data. */
		xf_col_from_type(&xc, t->cols[c].type != NULL ?
		    t->cols[c].type : "", t->cols[c].len);
		if (xc.type != XT_BOOL) {
			df_warnx("--strict: %s.%s: sensitive column not "
			    "covered by any rule", tname(t), t->cols[c].name);
			n++;
		}
	}
	return n;
}

/* The error that ends a strict run; tail says what was written. */
static int
strict_fail(struct df_error *err, int n, const char *tail)
{
	return df_err(err, DF_EXIT_DATA, NULL, 0, "--strict: %d finding%s%s",
	    n, n == 1 ? "" : "s", tail);
}

/* Does the table have data? (Views and sequences have none.) */
static int
has_rows(const struct schema_table *t)
{
	return t->ncols > 0 || !t->declared;
}

/*
 * --check: warn about table blocks that match no table of the dump, and
 * their column rules (names, not regexes) that match no column of the
 * tables they do match: a typo there would leave a column unscrubbed.
 * Warnings only, since a shared rule set names tables an application
 * may not have.
 */
static void
warn_unused(const struct rules *rs, struct schema *sch)
{
	const struct rule_table *tb;
	const struct schema_table *t;
	size_t i, k, j, c;
	int tmatch, cmatch;

	for (i = 0; i < rs->ntables; i++) {
		tb = &rs->tables[i];
		tmatch = 0;
		for (j = 0; j < schema_count(sch); j++)
			if (has_rows(schema_at(sch, j)) &&
			    rule_table_match(&tb->name, schema_at(sch, j)))
				tmatch = 1;
		if (!tmatch) {
			df_warnx("%s:%lu:%lu: table %s matches no table of "
			    "the dump", tb->name.pos.file, tb->name.pos.line,
			    tb->name.pos.col, tb->name.text);
			continue;
		}
		for (k = 0; k < tb->ncols; k++) {
			if (tb->cols[k].col.rx != NULL)
				continue;
			cmatch = 0;
			for (j = 0; j < schema_count(sch) && !cmatch; j++) {
				t = schema_at(sch, j);
				if (!rule_table_match(&tb->name, t))
					continue;
				for (c = 0; c < t->ncols; c++)
					if (covers(&tb->cols[k], t->cols[c].name))
						cmatch = 1;
			}
			if (!cmatch)
				df_warnx("%s:%lu:%lu: table %s has no column "
				    "%s", tb->cols[k].col.pos.file,
				    tb->cols[k].col.pos.line,
				    tb->cols[k].col.pos.col, tb->name.text,
				    tb->cols[k].col.text);
		}
	}
}

/* The actions of a chain, "email,null", or "-" for none. */
static void
chain_names(struct buf *b, const struct rule_column *const *chain, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (k > 0)
			buf_addc(b, ',');
		buf_adds(b, rule_action_name(chain[k]->act.kind));
	}
	if (n == 0)
		buf_addc(b, '-');
}

int
scrub_check_all(struct scrub *s, struct schema *sch, struct ostream *out,
    struct df_error *err)
{
	struct schema_table *t;
	const struct rule_column *r, **chain;
	struct df_error e2;
	struct buf b;
	size_t i, c, k, nchain;
	int nbad = 0, nstrict = 0, rc = 0;

	buf_init(&b, 0);
	if (out != NULL)
		buf_adds(&b, "# table\tcolumn\ttype\taction\trule\n");
	for (i = 0; i < schema_count(sch); i++) {
		t = schema_at(sch, i);
		if (!has_rows(t))
			continue;
		/* plan_make() prints each problem; e2 only takes the last. */
		memset(&e2, 0, sizeof(e2));
		(void)plan_make(s, t, 1, &nbad, &e2);
		if (s->strict) {
			nstrict += strict_table(s, t);
			((struct plan *)t->user)->strict_done = 1;
		}
		for (c = 0; out != NULL && c < t->ncols; c++) {
			char line[64];

			report_tsv(&b, tname(t));
			buf_addc(&b, '\t');
			report_tsv(&b, t->cols[c].name);
			buf_addc(&b, '\t');
			report_tsv(&b, t->cols[c].type != NULL ?
			    t->cols[c].type : "-");
			if (t->cols[c].len >= 0) {
				snprintf(line, sizeof(line), "(%ld)",
				    t->cols[c].len);
				if (strchr(t->cols[c].type ? t->cols[c].type :
				    "", '(') == NULL)
					buf_adds(&b, line);
			}
			buf_addc(&b, '\t');
			nchain = find_rules(s->rs, t, c, &chain);
			chain_names(&b, chain, nchain);
			buf_addc(&b, '\t');
			for (k = 0; k < nchain; k++) {
				r = chain[k];
				if (k > 0)
					buf_addc(&b, ',');
				buf_adds(&b, r->act.pos.file);
				snprintf(line, sizeof(line), ":%lu",
				    r->act.pos.line);
				buf_adds(&b, line);
			}
			if (nchain == 0)
				buf_addc(&b, '-');
			free(chain);
			buf_addc(&b, '\n');
		}
	}
	if (out != NULL)
		warn_unused(s->rs, sch);
	if (out != NULL && ostream_write(out, b.p, b.len, err) == -1)
		rc = -1;
	buf_free(&b);
	if (rc == -1)
		return -1;
	/* A rule that cannot hold (exit 2) outranks strict findings. */
	if (nbad > 0)
		return df_err(err, DF_EXIT_USAGE, NULL, 0, "%d rule%s cannot "
		    "hold for the dump's schema", nbad, nbad == 1 ? "" : "s");
	if (nstrict > 0)
		return strict_fail(err, nstrict, out != NULL ? "" :
		    "; no row was written");
	return 0;
}

/* ---- Events ------------------------------------------------------------- */

/*
 * on_schema: a CREATE or ALTER TABLE changed t.  The plan is remade and
 * checked each time: a key added by ALTER TABLE can make a rule fail, e.g.
 * a non-injective action on a now UNIQUE column.  Strict findings are made
 * once per table, here if it is declared, else at its first data.
 */
static int
sc_schema(void *ctx, struct schema_table *t, struct df_error *err)
{
	struct scrub *s = ctx;
	struct plan *p;
	int n;

	p = t->user;
	if (plan_make(s, t, 0, NULL, err) == -1) {
		/* pg_dump adds keys after the data: say what to do. */
		if (p != NULL && p->rows > 0) {
			char msg[sizeof(err->msg)];

			snprintf(msg, sizeof(msg), "%.360s (learnt after %llu rows "
			    "were written: pass --schema FILE or a seekable "
			    "input to have keys checked first)", err->msg,
			    p->rows);
			memcpy(err->msg, msg, sizeof(msg));
		}
		return -1;
	}
	p = t->user;
	if (s->strict && !p->strict_done && t->declared) {
		p->strict_done = 1;
		n = strict_table(s, t);
		if (n > 0)
			return strict_fail(err, n, "; no row of the table "
			    "was written");
	}
	return 0;
}

/*
 * A table without a definition: the rules cannot be bound to its fields
 * by position, so any rule that may concern it is an error.
 *
 * Without a column list, any column statement may concern it.
 */
static int
check_undeclared(struct scrub *s, const struct dump_data *d,
    struct df_error *err)
{
	const struct schema_table *t = d->table;
	size_t i, k;

	if (has_block(s->rs, t))
		goto bad;
	for (k = 0; k < s->rs->ncolumns; k++) {
		if (d->colnames == NULL)
			goto bad;
		for (i = 0; i < d->nlisted; i++)
			if (rule_name_match(&s->rs->columns[k].col, NULL,
			    d->colnames[i]))
				goto bad;
	}
	return 0;
bad:
	return df_err(err, DF_EXIT_DATA, d->file, d->line, "%s: rules may "
	    "concern this table but the dump does not define it (no CREATE "
	    "TABLE); pass its definition with --schema FILE",
	    t->display);
}

/*
 * on_data: a data statement begins.  The strict check, if due, comes before
 * any row of the table is written.  Rows are asked for only if a rule can
 * change a value; else the statement passes unsplit.
 */
static int
sc_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct scrub *s = ctx;
	struct schema_table *t = d->table;
	struct plan *p = t->user;
	int n;

	if (!t->declared && t->ncols == 0)
		return check_undeclared(s, d, err) == -1 ? -1 : DATA_PASS;
	if (p == NULL) {
		if (plan_make(s, t, 0, NULL, err) == -1)
			return -1;
		p = t->user;
	}
	if (s->strict && !p->strict_done) {
		p->strict_done = 1;
		n = strict_table(s, t);
		if (n > 0)
			return strict_fail(err, n, "; no row of the table "
			    "was written");
	}
	s->cur = p;
	p->mapped = 0;
	if (s->progress != NULL)
		progress_table(s->progress, tname(t));
	return p->nactive > 0 ? DATA_ROWS : DATA_PASS;
}

/* qsort() order of active columns: by field index. */
static int
cmp_field(const void *a, const void *b)
{
	const struct scol *x = *(struct scol *const *)a;
	const struct scol *y = *(struct scol *const *)b;

	return (x->field > y->field) - (x->field < y->field);
}

/*
 * Bind the plan to the fields of the current statement, as each INSERT may
 * list columns in its own order, or only some.  field_of covers every table
 * column, since conditions may read columns no rule changes; order holds
 * the active columns present, sorted by field, so that sc_row() splices its
 * replacements in one pass over the row.
 *
 * A column listed twice would get one field, and the other would go out
 * unscrubbed: PostgreSQL ("column specified more than once") and MySQL
 * (error 1110) refuse such a statement, and so do we.  Returns 0, or -1
 * with err filled.
 */
static int
map_fields(struct scrub *s, struct plan *p, const struct dump_data *d,
    struct df_error *err)
{
	struct schema_table *t = p->t;
	size_t i;

	if (p->nfield_of < t->ncols) {
		p->field_of = xrealloc(p->field_of, t->ncols *
		    sizeof(*p->field_of));
		p->nfield_of = t->ncols;
	}
	for (i = 0; i < t->ncols; i++)
		p->field_of[i] = -1;
	for (i = 0; d->colmap != NULL && i < d->ncols; i++) {
		if (d->colmap[i] < 0 || (size_t)d->colmap[i] >= t->ncols)
			continue;
		if (p->field_of[d->colmap[i]] >= 0)
			return df_err(err, DF_EXIT_DATA, d->file, d->line,
			    "%s: column \"%s\" is listed twice", tname(t),
			    t->cols[d->colmap[i]].name);
		p->field_of[d->colmap[i]] = (long)i;
	}
	p->order = xrealloc(p->order, (p->nactive ? p->nactive : 1) *
	    sizeof(*p->order));
	p->norder = 0;
	for (i = 0; i < p->n; i++) {
		p->cols[i].field = p->field_of[p->cols[i].col];
		if (p->cols[i].active && p->cols[i].field >= 0)
			p->order[p->norder++] = &p->cols[i];
	}
	qsort(p->order, p->norder, sizeof(*p->order), cmp_field);
	if (d->ncols > s->fccap) {
		s->fc = xrealloc(s->fc, d->ncols * sizeof(*s->fc));
		memset(s->fc + s->fccap, 0, (d->ncols - s->fccap) *
		    sizeof(*s->fc));
		s->fccap = d->ncols;
	}
	if (p->norder > s->rcap) {
		s->rcap = p->norder;
		s->roff = xrealloc(s->roff, s->rcap * sizeof(*s->roff));
		s->rlen = xrealloc(s->rlen, s->rcap * sizeof(*s->rlen));
		s->rfield = xrealloc(s->rfield, s->rcap * sizeof(*s->rfield));
	}
	p->mapped = 1;
	return 0;
}

/* A data error on the current row: FILE:LINE, table.column: what. */
static int
row_err(struct scrub *s, struct df_error *err, const struct scol *sc,
    const char *what)
{
	const struct schema_table *t = s->cur->t;

	return df_err(err, DF_EXIT_DATA, s->row->data->file, s->row->line,
	    "%s.%s: %s", tname(t), t->cols[sc->col].name, what);
}

/*
 * The decoded value of field f of the current row; 1 if NULL, -1 if
 * malformed.  A field is decoded at most once per row, whether a rule or a
 * condition asks first.  *p points into s->dec, which the next decode may
 * move: fetch again rather than keep *p across calls.
 */
static int
field_value(struct scrub *s, size_t f, const char **p, size_t *n)
{
	struct fcache *fc = &s->fc[f];
	size_t off;
	int rc;

	if (fc->gen != s->gen) {
		off = s->dec.len;
		rc = dump_field_decode(s->row, f, &s->dec);
		if (rc == -1)
			return -1;
		fc->gen = s->gen;
		fc->isnull = rc == 1;
		fc->off = off;
		fc->len = s->dec.len - off;
	}
	*p = s->dec.p != NULL ? s->dec.p + fc->off : "";
	*n = fc->len;
	return fc->isnull;
}

/*
 * char(n) without its padding: pg_dump writes the blanks the server pads
 * with, mysqldump does not, and the same value must give the same fake
 * (and compare the same) in both.  The server pads again on restore.
 */
static size_t
trim_blanks(const char *p, size_t n)
{
	while (n > 0 && p[n - 1] == ' ')
		n--;
	return n;
}

/*
 * rule_cond_eval()'s get: the value of the column comparison c reads.  A
 * column this statement does not list is an error, not NULL: its value (the
 * default) is unknown here.
 */
static int
cond_get(void *ctx, const struct rule_cond *c, const char **p, size_t *n,
    struct df_error *err)
{
	struct scrub *s = ctx;
	struct plan *pl = s->cur;
	size_t i;
	long f;
	int rc;

	if (pl->cref_of == NULL || pl->cref_of[c->id] < 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "internal: "
		    "condition column not bound");
	i = (size_t)pl->cref_of[c->id];
	f = pl->field_of[pl->cref[i].col];
	if (f < 0)
		return df_err(err, DF_EXIT_DATA, s->row->data->file,
		    s->row->line, "%s: the condition's column \"%s\" is not "
		    "in this statement", tname(pl->t), c->column);
	rc = field_value(s, (size_t)f, p, n);
	if (rc == -1)
		return df_err(err, DF_EXIT_DATA, s->row->data->file,
		    s->row->line, "%s.%s: malformed value", tname(pl->t),
		    c->column);
	if (rc == 0 && pl->cref[i].trim)
		*n = trim_blanks(*p, *n);
	return rc;
}

/*
 * on_row: rewrite the active columns of one row, in field order; conditions
 * see the original values, as nothing is replaced until the row is spliced.
 * Returns ROW_KEEP when no value changed, so the row goes out as written,
 * with its own quoting and escapes, byte for byte; ROW_REPLACE with the
 * spliced row in out; -1 on a data error.
 */
static int
sc_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct scrub *s = ctx;
	struct plan *p = s->cur;
	const struct dump_data *d = row->data;
	const struct dump_field *fl;
	const struct rule_column *r;
	struct scol *sc;
	const char *v, *from;
	size_t n, k, ci, nrep = 0, off;
	int rc;

	if (!p->mapped && map_fields(s, p, d, err) == -1)
		return -1;
	s->row = row;
	/* A new generation empties the field cache. */
	s->gen++;
	buf_clear(&s->dec);
	buf_clear(&s->enc);
	p->rows++;
	for (k = 0; k < p->norder; k++) {
		sc = p->order[k];
		sc->rows++;
		rc = field_value(s, (size_t)sc->field, &v, &n);
		if (rc == -1)
			return row_err(s, err, sc, "malformed value");
		if (rc == 1) {
			sc->nulls++;	/* NULL stays NULL under every rule */
			continue;
		}
		/* The first rule of the chain whose condition holds. */
		r = NULL;
		for (ci = 0; ci < sc->nchain; ci++) {
			int w = 1;

			if (sc->chain[ci]->act.when != NULL)
				w = rule_cond_eval(sc->chain[ci]->act.when,
				    cond_get, s, err);
			if (w == -1)
				return -1;
			if (w == 1) {
				r = sc->chain[ci];
				break;
			}
		}
		if (r == NULL || r->act.kind == ACT_KEEP ||
		    r->act.kind == ACT_RELINK)
			continue;
		/* Conditions may have decoded more: the buffer may move. */
		(void)field_value(s, (size_t)sc->field, &v, &n);
		if (sc->xc.type == XT_CHAR)
			n = trim_blanks(v, n);
		buf_clear(&s->val);
		rc = xf_apply(s->key, &r->act, &sc->xc, v, n, &s->val, err);
		if (rc == -1) {
			char msg[sizeof(err->msg)];

			memcpy(msg, err->msg, sizeof(msg));
			return row_err(s, err, sc, msg);
		}
		/*
		 * Unchanged (map default keep, replace without a match):
		 * the bytes stay, as re-encoding could alter them.
		 */
		if (rc == XF_VALUE && s->val.len == n &&
		    (n == 0 || memcmp(s->val.p, v, n) == 0))
			continue;	/* unchanged: keep its bytes */
		/* PostgreSQL's text types cannot hold a NUL byte. */
		if (rc == XF_VALUE && d->dialect == DIALECT_PG &&
		    s->val.len > 0 && memchr(s->val.p, '\0', s->val.len))
			return row_err(s, err, sc, "the new value holds a NUL "
			    "byte, which PostgreSQL cannot store");
		sc->changed++;
		off = s->enc.len;
		fl = &row->fields[sc->field];
		/*
		 * In INSERT, a bare number stays bare if the new value is
		 * one (noise, hash of an integer); else a literal of the
		 * dialect.
		 */
		if (rc == XF_NULL)
			rc = dump_field_encode(d, NULL, 0, 1, &s->enc);
		else if (d->form != FORM_COPY && fl->kind == FIELD_NUMBER &&
		    dump_bare_number(s->val.p, s->val.len))
			rc = buf_add(&s->enc, s->val.p, s->val.len);
		else
			rc = dump_field_encode(d, s->val.len ? s->val.p : NULL,
			    s->val.len, 0, &s->enc);
		if (rc == -1)
			return row_err(s, err, sc, "value too long");
		s->roff[nrep] = off;
		s->rlen[nrep] = s->enc.len - off;
		s->rfield[nrep] = sc->field;
		nrep++;
	}
	if (nrep == 0)
		return ROW_KEEP;
	/* The row again, with the replaced fields' bytes swapped. */
	from = row->raw;
	for (k = 0; k < nrep; k++) {
		fl = &row->fields[s->rfield[k]];
		if (buf_add(out, from, (size_t)(fl->p - from)) == -1 ||
		    buf_add(out, s->rlen[k] > 0 ? s->enc.p + s->roff[k] : "",
		    s->rlen[k]) == -1)
			return df_err(err, DF_EXIT_DATA, d->file, row->line,
			    "%s: row too long", tname(p->t));
		from = fl->p + fl->len;
	}
	if (buf_add(out, from, (size_t)(row->raw + row->rawlen - from)) == -1)
		return df_err(err, DF_EXIT_DATA, d->file, row->line,
		    "%s: row too long", tname(p->t));
	return ROW_REPLACE;
}

/* ---- Setup and report --------------------------------------------------- */

struct scrub *
scrub_new(const struct rules *rs, const struct xf_key *key,
    struct schema *pre, int strict)
{
	struct scrub *s = xcalloc(1, sizeof(*s));

	s->rs = rs;
	s->key = key;
	s->pre = pre;
	s->strict = strict;
	buf_init(&s->dec, SCRUB_BUF_MAX);
	buf_init(&s->val, SCRUB_BUF_MAX);
	buf_init(&s->enc, SCRUB_BUF_MAX);
	return s;
}

void
scrub_free(struct scrub *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nplans; i++) {
		/* The catalog may outlive us: no dangling user pointer. */
		if (s->plans[i]->t->user == s->plans[i])
			s->plans[i]->t->user = NULL;
		plan_free(s->plans[i]);
	}
	free(s->plans);
	free(s->fc);
	free(s->roff);
	free(s->rlen);
	free(s->rfield);
	buf_free(&s->dec);
	buf_free(&s->val);
	buf_free(&s->enc);
	free(s);
}

/* on_read: a block of input was read; advance --progress. */
static void
sc_read(void *ctx)
{
	struct scrub *s = ctx;

	progress_tick(s->progress);
}

void
scrub_handler(struct scrub *s, struct progress *pg, struct dump_handler *h)
{
	memset(h, 0, sizeof(*h));
	h->ctx = s;
	h->on_schema = sc_schema;
	h->on_data = sc_data;
	h->on_row = sc_row;
	s->progress = pg;
	if (pg != NULL)
		h->on_read = sc_read;
}

int
scrub_report(const struct scrub *s, struct schema *sch,
    unsigned long long in, unsigned long long out, double secs,
    struct ostream *os, struct df_error *err)
{
	const struct plan *p;
	const struct scol *sc;
	unsigned long long rows = 0, changed = 0;
	struct buf b;
	char line[1200];
	size_t i, k;
	int rc;

	buf_init(&b, 0);
	buf_adds(&b, "# table\tcolumn\taction\trows\tchanged\tnulls\n");
	for (i = 0; i < schema_count(sch); i++) {
		p = schema_at(sch, i)->user;
		/* Only columns a rule can change are counted. */
		if (p == NULL || p->nactive == 0)
			continue;
		rows += p->rows;
		for (k = 0; k < p->n; k++) {
			sc = &p->cols[k];
			if (!sc->active)
				continue;
			changed += sc->changed;
			snprintf(line, sizeof(line), "%s\t%s\t", tname(p->t),
			    p->t->cols[sc->col].name);
			buf_adds(&b, line);
			chain_names(&b, sc->chain, sc->nchain);
			snprintf(line, sizeof(line), "\t%llu\t%llu\t%llu\n",
			    sc->rows, sc->changed, sc->nulls);
			buf_adds(&b, line);
		}
	}
	snprintf(line, sizeof(line), "# total\trows\t%llu\tvalues\t%llu\t"
	    "bytes_in\t%llu\tbytes_out\t%llu\tseconds\t%.3f\n", rows, changed,
	    in, out, secs);
	buf_adds(&b, line);
	rc = ostream_write(os, b.p, b.len, err);
	buf_free(&b);
	(void)s;
	return rc;
}
