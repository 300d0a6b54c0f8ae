/*
 * relink: dumprelink's engine (see relink.h).
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "keymap.h"
#include "keyset.h"
#include "reader.h"
#include "relink.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

/* Bytes of target rows per INSERT statement dumprelink writes. */
#define INSERT_CHUNK	(1U << 20)

/* A pointer of the rules. */
struct rl_ptr {
	char		*name;
	const struct rule_missing *miss; /* NULL: missing .. null */
	const struct rule_action *owner; /* the first `by` rule, if any */
	int		 by_value;	/* some column relinks it by value */
	int		 learn;		/* owners translate by-value columns */
	struct km_pointer *km;
	struct kmap	 tr;		/* source value -> target value */
	struct kvec	 lines;		/* capture: (entry, line) pairs, in
					   the entries' order */
};

/* A relink rule, with what the dump showed of its table and column. */
struct rl_rule {
	const struct rule_column *rc;
	const struct rule_name	*table;	/* NULL: column /re/, any table */
	struct rl_ptr	*ptr;
	int		 col_seen;
};

/* A relink rule bound to one column of one table. */
struct rl_col {
	struct rl_ptr	*ptr;
	const struct rule_action *act;
	char		*name;		/* the column, as the table names it */
	long		 tcol;		/* in the table's columns, or -1 */
	long		 field;		/* in this statement, or -1 */
	long		*byf;		/* the by columns' fields */
	unsigned long long rows, matched, missing, nulls;
	struct rl_memo	*memo;		/* owners' lookups of the learning */
	uint64_t	 pre;		/* this row's, from the memo */
	int		 pre_ok;	/* pre holds: the memo had the row */
};

/*
 * An owner column's lookups in the learning reading, one per row in
 * order (the entry, KM_NONE, or MEMO_KEYNULL), so that the write reading
 * reads them back instead of probing the key map again.  Unlike the key
 * map, a memo grows with the source's rows, 8 bytes a row: the memos
 * together take at most MEMO_SHARE of --mem, in memory only; the rows
 * past that are counted, not kept, and probed again.  Spilled, 16 bytes
 * per user of a 10 GB dump would take 450 MB of disk and, mapped, of
 * address space (dumprelink under ulimit -v 256M failed).
 */
#define MEMO_KEYNULL	(UINT64_MAX - 1)
#define MEMO_SHARE	16		/* 1/16 of --mem: 64 MiB of 1G */

struct rl_memo {
	struct rl_memo	*next;
	char		*table;		/* schema.name */
	char		*col;
	struct kvec	 v;		/* the first rows' lookups */
	size_t		 rows;		/* rows of the learning reading */
	int		 full;		/* v has stopped growing */
	size_t		 pos;		/* next to read, in the write reading */
};

/* Per table of the catalog being read (schema_table.user). */
struct rl_tab {
	struct schema_table *t;
	struct rl_tab	*next;
	size_t		 ncols;
	struct rl_col	*cols;
	struct rl_col  **order;		/* by field, for splicing */
	size_t		 norder;
	size_t		 keep;		/* keep-table rule + 1, or 0 */
	struct km_table	*kt;
	int		 written;	/* the target's rows went out */
	int		 mapped;	/* fields known for this statement */
	int		 owners;	/* has a column relinked by a key */
	unsigned long long src_rows, out_rows;
};

struct relink {
	const struct rules *rs;
	struct kmem	*m;
	int		 strict;
	enum rl_pass	 pass;
	struct keymap	*km;
	struct ostream	*out;
	struct progress	*pg;

	size_t		 nptr;
	struct rl_ptr	*ptrs;
	size_t		 nrules;
	struct rl_rule	*rules;

	struct rl_tab	*tabs, **tail;	/* in the order their data came */
	struct schema	*sch;		/* the catalog of this reading */
	struct rl_memo	*memos;
	unsigned long long memo_bytes;	/* the memos' arrays, allocated */
	int		 appended;	/* kept tables without data are out */
	const struct dump_row *row;
	int		 bs_quotes;	/* as the last data statement had it,
					   -1 before the first */

	struct buf	 dec, key, enc, tmp;
	size_t		*roff, *rlen;
	long		*rfield;
	size_t		 rcap;
	unsigned long long dropped;
};

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

static const char *
missing_name(const struct rl_ptr *p)
{
	static const char *const names[] = { "null", "keep", "set",
	    "drop-row", "error" };

	return names[p->miss != NULL ? p->miss->policy : MISSING_NULL];
}

/* ---- Setup -------------------------------------------------------------- */

static struct rl_ptr *
find_ptr(const struct relink *rl, const char *name)
{
	size_t i;

	for (i = 0; i < rl->nptr; i++)
		if (strcmp(rl->ptrs[i].name, name) == 0)
			return &rl->ptrs[i];
	return NULL;
}

static int rules_err(struct df_error *, const struct rule_pos *,
    const char *, ...) __attribute__((format(printf, 3, 4)));
static int
rules_err(struct df_error *err, const struct rule_pos *pos, const char *fmt,
    ...)
{
	char msg[sizeof(err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%lu: %s",
	    pos->file, pos->line, pos->col, msg);
}

static int
add_rule(struct relink *rl, const struct rule_column *rc,
    const struct rule_name *table, struct df_error *err)
{
	const struct rule_action *a = &rc->act;
	struct rl_rule *r;
	struct rl_ptr *p;

	if (a->kind != ACT_RELINK)
		return 0;
	if (a->when != NULL)
		return rules_err(err, &a->pos, "relink %s: relink takes no "
		    "when", a->pointer);
	p = find_ptr(rl, a->pointer);
	if (p == NULL) {
		rl->ptrs = xrealloc(rl->ptrs, (rl->nptr + 1) *
		    sizeof(*rl->ptrs));
		p = &rl->ptrs[rl->nptr++];
		memset(p, 0, sizeof(*p));
		p->name = xstrdup(a->pointer);
		kmap_init(&p->tr, rl->m);
		kvec_init(&p->lines, rl->m);
	}
	if (a->nby == 0) {
		p->by_value = 1;
	} else if (p->owner == NULL) {
		p->owner = a;
	} else if (p->owner->nby != a->nby ||
	    p->owner->by_lower != a->by_lower) {
		return rules_err(err, &a->pos, "relink %s: every `by` of a "
		    "pointer has the same number of columns and the same "
		    "lower() as the first, at %s:%lu", a->pointer,
		    p->owner->pos.file, p->owner->pos.line);
	}
	rl->rules = xrealloc(rl->rules, (rl->nrules + 1) * sizeof(*rl->rules));
	r = &rl->rules[rl->nrules++];
	memset(r, 0, sizeof(*r));
	r->rc = rc;
	r->table = table;
	return 0;
}

struct relink *
relink_new(const struct rules *rs, struct kmem *m, int strict,
    struct df_error *err)
{
	struct relink *rl;
	struct rl_ptr *p;
	size_t i, j;

	rl = xcalloc(1, sizeof(*rl));
	rl->rs = rs;
	rl->m = m;
	rl->strict = strict;
	rl->tail = &rl->tabs;
	buf_init(&rl->dec, 0);
	/*
	 * Never NULL: a key or value decoded first may be empty, and
	 * dec.p + 0 on NULL is undefined (UBSan, mutants.sh).
	 */
	(void)buf_reserve(&rl->dec, 1);
	buf_init(&rl->key, 0);
	buf_init(&rl->enc, 0);
	buf_init(&rl->tmp, 0);
	for (i = 0; i < rs->ntables; i++)
		for (j = 0; j < rs->tables[i].ncols; j++)
			if (add_rule(rl, &rs->tables[i].cols[j],
			    &rs->tables[i].name, err) == -1)
				goto fail;
	for (j = 0; j < rs->ncolumns; j++)
		if (add_rule(rl, &rs->columns[j], NULL, err) == -1)
			goto fail;
	/* Pointers only now: the array has stopped moving. */
	for (i = 0; i < rl->nrules; i++)
		rl->rules[i].ptr = find_ptr(rl, rl->rules[i].rc->act.pointer);
	for (i = 0; i < rs->nmissing; i++) {
		p = find_ptr(rl, rs->missing[i].pointer);
		if (p == NULL) {
			rules_err(err, &rs->missing[i].pos, "missing %s: no "
			    "relink rule names pointer %s",
			    rs->missing[i].pointer, rs->missing[i].pointer);
			goto fail;
		}
		if (p->miss != NULL) {
			rules_err(err, &rs->missing[i].pos, "missing %s: a "
			    "second missing statement for pointer %s",
			    p->name, p->name);
			goto fail;
		}
		p->miss = &rs->missing[i];
	}
	for (i = 0; i < rs->nimport; i++)
		if (find_ptr(rl, rs->import[i].pointer) == NULL) {
			rules_err(err, &rs->import[i].pos, "import %s: no "
			    "relink rule names pointer %s",
			    rs->import[i].pointer, rs->import[i].pointer);
			goto fail;
		}
	for (i = 0; i < rl->nptr; i++)
		rl->ptrs[i].learn = rl->ptrs[i].owner != NULL &&
		    rl->ptrs[i].by_value;
	return rl;
fail:
	relink_free(rl);
	return NULL;
}

/* Forget the tables of the last reading (whose catalog may be gone). */
static void
tabs_free(struct relink *rl)
{
	struct rl_tab *tb, *next;
	size_t i;

	for (tb = rl->tabs; tb != NULL; tb = next) {
		next = tb->next;
		for (i = 0; i < tb->ncols; i++) {
			free(tb->cols[i].name);
			free(tb->cols[i].byf);
		}
		free(tb->cols);
		free(tb->order);
		free(tb);
	}
	rl->tabs = NULL;
	rl->tail = &rl->tabs;
}

void
relink_free(struct relink *rl)
{
	size_t i;

	if (rl == NULL)
		return;
	tabs_free(rl);
	while (rl->memos != NULL) {
		struct rl_memo *mo = rl->memos;

		rl->memos = mo->next;
		free(mo->table);
		free(mo->col);
		kvec_free(&mo->v);
		free(mo);
	}
	for (i = 0; i < rl->nptr; i++) {
		free(rl->ptrs[i].name);
		kmap_free(&rl->ptrs[i].tr);
		kvec_free(&rl->ptrs[i].lines);
	}
	free(rl->ptrs);
	free(rl->rules);
	buf_free(&rl->dec);
	buf_free(&rl->key);
	buf_free(&rl->enc);
	buf_free(&rl->tmp);
	free(rl->roff);
	free(rl->rlen);
	free(rl->rfield);
	free(rl);
}

/* ---- Binding a table ---------------------------------------------------- */

/* The keep-table rule of t, + 1, or 0. */
static size_t
keep_rule(const struct relink *rl, const struct schema_table *t)
{
	size_t i;

	for (i = 0; i < rl->rs->nkeep_table; i++)
		if (rule_table_match(&rl->rs->keep_table[i], t))
			return i + 1;
	return 0;
}

/* The name of field i of a data statement, or NULL if unknown. */
static const char *
field_name(const struct dump_data *d, size_t i)
{
	if (d->colnames != NULL && i < d->nlisted)
		return d->colnames[i];
	if (d->colmap != NULL && i < d->ncols && d->colmap[i] >= 0 &&
	    (size_t)d->colmap[i] < d->table->ncols)
		return d->table->cols[d->colmap[i]].name;
	return NULL;
}

/* The field of a column by name: exact, else ignoring case; or -1. */
static long
find_field(const struct dump_data *d, const char *name)
{
	const char *f;
	size_t i;

	for (i = 0; i < d->ncols; i++)
		if ((f = field_name(d, i)) != NULL && strcmp(f, name) == 0)
			return (long)i;
	for (i = 0; i < d->ncols; i++)
		if ((f = field_name(d, i)) != NULL && strcasecmp(f, name) == 0)
			return (long)i;
	return -1;
}

static void
add_col(struct rl_tab *tb, struct rl_rule *r, const char *name, long tcol)
{
	struct rl_col *c;
	size_t i;

	for (i = 0; i < tb->ncols; i++)
		if (strcmp(tb->cols[i].name, name) == 0)
			return;		/* the first rule for a column holds */
	tb->cols = xrealloc(tb->cols, (tb->ncols + 1) * sizeof(*tb->cols));
	c = &tb->cols[tb->ncols++];
	memset(c, 0, sizeof(*c));
	c->ptr = r->ptr;
	c->act = &r->rc->act;
	c->name = xstrdup(name);
	c->tcol = tcol;
	c->field = -1;
	c->byf = xcalloc(c->act->nby ? c->act->nby : 1, sizeof(*c->byf));
	r->col_seen = 1;
	if (c->act->nby > 0)
		tb->owners = 1;
}

/* Characters of UTF-8 text, as (n) of a character column counts them. */
static size_t
utf8_chars(const char *p, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)p[i] & 0xc0) != 0x80;
	return c;
}

/*
 * Check what the write pass will do to a column against its type: NULL
 * into NOT NULL, a set value longer than the column.
 */
static int
check_col(const struct rl_tab *tb, const struct rl_col *c,
    struct df_error *err)
{
	const struct schema_col *sc;
	const struct rule_missing *mi = c->ptr->miss;
	const struct rule_pos *pos;

	if (c->tcol < 0)
		return 0;
	sc = &tb->t->cols[c->tcol];
	pos = mi != NULL ? &mi->pos : &c->act->pos;
	if ((sc->flags & COL_NOT_NULL) &&
	    (mi == NULL || mi->policy == MISSING_NULL))
		return rules_err(err, pos, "%s.%s is NOT NULL, and a missing "
		    "%s is written as NULL%s: say missing %s keep, set 'v', "
		    "drop-row or error", tname(tb->t), sc->name, c->ptr->name,
		    mi == NULL ? " (the default)" : "", c->ptr->name);
	if (mi != NULL && mi->policy == MISSING_SET && sc->len >= 0 &&
	    utf8_chars(mi->lit.p, mi->lit.len) > (size_t)sc->len) {
		return rules_err(err, pos, "missing %s set: the value is "
		    "longer than %s.%s (%ld)", c->ptr->name, tname(tb->t),
		    sc->name, sc->len);
	}
	return 0;
}

/*
 * The memo of an owner column: made by the learning reading, found by the
 * write reading (NULL if there was none).
 */
static struct rl_memo *
find_memo(struct relink *rl, const struct schema_table *t, const char *col)
{
	struct rl_memo *mo;
	const char *name = tname(t);

	if (rl->pass != RL_LEARN && rl->pass != RL_WRITE)
		return NULL;
	for (mo = rl->memos; mo != NULL; mo = mo->next)
		if (strcmp(mo->table, name) == 0 && strcmp(mo->col, col) == 0)
			return mo;
	if (rl->pass != RL_LEARN)
		return NULL;
	mo = xcalloc(1, sizeof(*mo));
	mo->table = xstrdup(name);
	mo->col = xstrdup(col);
	kvec_init(&mo->v, rl->m);
	mo->next = rl->memos;
	rl->memos = mo;
	return mo;
}

/* The state of t for this pass, made at its first data statement. */
static struct rl_tab *
bind_table(struct relink *rl, struct schema_table *t,
    const struct dump_data *d, struct df_error *err)
{
	struct rl_tab *tb = t->user;
	struct rl_rule *r;
	const char *name;
	size_t i, k, n;

	if (tb != NULL)
		return tb;
	tb = xcalloc(1, sizeof(*tb));
	tb->t = t;
	t->user = tb;
	*rl->tail = tb;
	rl->tail = &tb->next;
	tb->keep = keep_rule(rl, t);
	if (tb->keep)
		return tb;	/* its rows are the target's: nothing to do */
	n = t->ncols > 0 ? t->ncols : d->nlisted;
	for (i = 0; i < rl->nrules; i++) {
		r = &rl->rules[i];
		if (r->table != NULL && !rule_table_match(r->table, t))
			continue;
		for (k = 0; k < n; k++) {
			name = t->ncols > 0 ? t->cols[k].name : d->colnames[k];
			if (rule_name_match(&r->rc->col, NULL, name))
				add_col(tb, r, name, t->ncols > 0 ?
				    (long)k : -1);
		}
	}
	for (i = 0; i < tb->ncols; i++)
		if (tb->cols[i].act->nby > 0 && tb->cols[i].ptr->learn)
			tb->cols[i].memo = find_memo(rl, t, tb->cols[i].name);
	tb->order = xcalloc(tb->ncols ? tb->ncols : 1, sizeof(*tb->order));
	if (rl->pass == RL_WRITE)
		for (i = 0; i < tb->ncols; i++)
			if (check_col(tb, &tb->cols[i], err) == -1)
				return NULL;
	return tb;
}

/* ---- Rows --------------------------------------------------------------- */

static int
cmp_field(const void *a, const void *b)
{
	const struct rl_col *x = *(struct rl_col *const *)a;
	const struct rl_col *y = *(struct rl_col *const *)b;

	return (x->field > y->field) - (x->field < y->field);
}

/* Fields of the columns for the current statement, at its first row. */
static int
map_fields(struct relink *rl, struct rl_tab *tb, const struct dump_row *row,
    struct df_error *err)
{
	const struct dump_data *d = row->data;
	struct rl_col *c;
	size_t i, k;

	tb->norder = 0;
	for (i = 0; i < tb->ncols; i++) {
		c = &tb->cols[i];
		c->field = find_field(d, c->name);
		if (c->field < 0)
			continue;	/* not in this statement */
		for (k = 0; k < c->act->nby; k++) {
			c->byf[k] = find_field(d, c->act->by[k]);
			if (c->byf[k] < 0)
				return df_err(err, DF_EXIT_USAGE, d->file,
				    row->line, "%s.%s: relink %s by %s: the "
				    "table has no column %s (rule at %s:%lu)",
				    tname(tb->t), c->name, c->ptr->name,
				    c->act->by[k], c->act->by[k],
				    c->act->pos.file, c->act->pos.line);
		}
		tb->order[tb->norder++] = c;
	}
	qsort(tb->order, tb->norder, sizeof(*tb->order), cmp_field);
	if (rl->rcap < tb->norder) {
		rl->rcap = tb->norder;
		rl->roff = xrealloc(rl->roff, rl->rcap * sizeof(*rl->roff));
		rl->rlen = xrealloc(rl->rlen, rl->rcap * sizeof(*rl->rlen));
		rl->rfield = xrealloc(rl->rfield, rl->rcap *
		    sizeof(*rl->rfield));
	}
	tb->mapped = 1;
	return 0;
}

/* A data error on the current row: FILE:LINE: table.column: what. */
static int row_err(struct relink *, struct df_error *, const struct rl_tab *,
    const struct rl_col *, const char *, ...)
    __attribute__((format(printf, 5, 6)));
static int
row_err(struct relink *rl, struct df_error *err, const struct rl_tab *tb,
    const struct rl_col *c, const char *fmt, ...)
{
	char msg[sizeof(err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return df_err(err, DF_EXIT_DATA, rl->row->data->file, rl->row->line,
	    "%s.%s: %s", tname(tb->t), c->name, msg);
}

/*
 * Decode field f of the current row, appended to rl->dec: 0 with its
 * offset and length, 1 if NULL, -1 if malformed.
 */
static int
decode(struct relink *rl, long f, size_t *off, size_t *n)
{
	int rc;

	*off = rl->dec.len;
	rc = dump_field_decode(rl->row, (size_t)f, &rl->dec);
	*n = rl->dec.len - *off;
	return rc;
}

/*
 * The natural key of column c in the current row, into rl->key.
 * Returns 0, 1 if a key column is NULL, -1 on a malformed field.
 */
static int
row_key(struct relink *rl, const struct rl_col *c)
{
	size_t k, off, n;
	int rc;

	buf_clear(&rl->key);
	for (k = 0; k < c->act->nby; k++) {
		rc = decode(rl, c->byf[k], &off, &n);
		if (rc != 0)
			return rc;
		if (km_key_add(&rl->key, rl->dec.p + off, n,
		    c->act->by_lower) == -1)
			return -1;
	}
	return 0;
}

/* Append a value quoted and cut short, for a message. */
static int
quoted(struct buf *b, const char *p, size_t n)
{
	if (buf_addc(b, '\'') == -1 ||
	    km_tsv_escape(b, p, n < 60 ? n : 60) == -1)
		return -1;
	return buf_adds(b, n > 60 ? "'..." : "'");
}

/* A value as a message shows it, in b. */
static const char *
shown(struct buf *b, const char *p, size_t n)
{
	buf_clear(b);
	if (quoted(b, p, n) == -1 || buf_addc(b, 0) == -1)
		return "(value)";
	return b->p;
}

/* The key of rl->key as text, for messages. */
static const char *
shown_key(struct relink *rl)
{
	const unsigned char *p = (const unsigned char *)rl->key.p;
	size_t n = rl->key.len, len;
	struct buf *b = &rl->tmp;

	buf_clear(b);
	while (n > 0) {
		len = kvarint_get(&p, &n);
		if (len > n)
			break;
		if (b->len > 0 && buf_adds(b, ", ") == -1)
			break;
		if (quoted(b, (const char *)p, len) == -1)
			break;
		p += len;
		n -= len;
	}
	if (buf_addc(b, 0) == -1)
		return "(key)";
	return b->p;
}

/* Capture: the line of the row that gave an entry its value. */
static uint64_t
first_line(const struct rl_ptr *p, uint64_t off)
{
	const uint64_t *v = (const uint64_t *)(const void *)p->lines.p;
	size_t lo = 0, hi = p->lines.len / 16, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[2 * mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->lines.len / 16 && v[2 * lo] == off ? v[2 * lo + 1] : 0;
}

/* Capture: the owners' keys and values; the kept tables' rows. */
static int
capture_row(struct relink *rl, struct rl_tab *tb, const struct dump_row *row,
    struct df_error *err)
{
	struct rl_col *c;
	const char *ov;
	size_t k, voff, vn, on;
	uint64_t pair[2], off;
	int rc, isnull;

	for (k = 0; k < tb->norder; k++) {
		c = tb->order[k];
		if (c->act->nby == 0)
			continue;
		buf_clear(&rl->dec);
		rc = row_key(rl, c);
		if (rc == -1)
			return row_err(rl, err, tb, c, "%s", "a malformed key "
			    "field");
		if (rc == 1)
			continue;	/* a NULL in the key matches nothing */
		isnull = decode(rl, c->field, &voff, &vn);
		if (isnull == -1)
			return row_err(rl, err, tb, c, "%s", "a malformed "
			    "value");
		rc = km_put(c->ptr->km, rl->key.p, rl->key.len,
		    rl->dec.p + voff, vn, isnull, &off, err);
		if (rc == -1)
			return -1;
		if (rc == 0) {
			pair[0] = off;
			pair[1] = row->line;
			if (kvec_add(&c->ptr->lines, pair, 16, err) == -1)
				return -1;
		} else if (rc == 2) {
			char a[200], b[200];

			if (km_value(c->ptr->km, off, &ov, &on) == 1)
				snprintf(a, sizeof(a), "NULL");
			else
				snprintf(a, sizeof(a), "%s",
				    shown(&rl->enc, ov, on));
			snprintf(b, sizeof(b), "%s", isnull ? "NULL" :
			    shown(&rl->enc, rl->dec.p + voff, vn));
			return df_err(err, DF_EXIT_DATA, row->data->file,
			    row->line, "%s.%s: relink %s: the key %s has "
			    "the value %s here and %s at line %llu: the "
			    "natural key must name one row", tname(tb->t),
			    c->name, c->ptr->name, shown_key(rl), b, a,
			    (unsigned long long)first_line(c->ptr, off));
		}
	}
	kmem_tick(rl->m);
	return ROW_KEEP;
}

/* Capture: one row of a kept table, every field decoded. */
static int
capture_kept(struct relink *rl, struct rl_tab *tb, const struct dump_row *row,
    struct df_error *err)
{
	size_t i, off, n;
	int rc;

	if (row->nfields != tb->kt->ncols)
		return df_err(err, DF_EXIT_DATA, row->data->file, row->line,
		    "%s: a row of %zu fields; the table's first data "
		    "statement had %zu columns", tname(tb->t), row->nfields,
		    tb->kt->ncols);
	buf_clear(&rl->enc);
	for (i = 0; i < row->nfields; i++) {
		buf_clear(&rl->dec);
		rc = decode(rl, (long)i, &off, &n);
		if (rc == -1)
			return df_err(err, DF_EXIT_DATA, row->data->file,
			    row->line, "%s: field %zu is malformed",
			    tname(tb->t), i + 1);
		if ((i > 0 && buf_addc(&rl->enc, '\t') == -1) || (rc == 1 ?
		    buf_add(&rl->enc, "\\N", 2) : km_tsv_escape(&rl->enc,
		    rl->dec.p + off, n)) == -1)
			return df_err(err, DF_EXIT_DATA, row->data->file,
			    row->line, "%s: row too long", tname(tb->t));
	}
	if (km_table_line(tb->kt, rl->enc.p, rl->enc.len, err) == -1)
		return -1;
	kmem_tick(rl->m);
	return ROW_KEEP;
}

/*
 * Record an owner row's lookup in its memo, if the memos' share of the
 * budget has room for it and the budget too, so that the array never
 * spills; else only count the row.  kvec_grow doubles an array (the
 * first is 256 bytes).
 */
static int
memo_add(struct relink *rl, struct rl_memo *mo, uint64_t off,
    struct df_error *err)
{
	unsigned long long grow, limit = kmem_limit(rl->m);

	mo->rows++;
	if (mo->full)
		return 0;
	if (mo->v.len + 8 > mo->v.cap) {
		grow = mo->v.cap > 0 ? mo->v.cap : 256;
		if (rl->memo_bytes + grow > limit / MEMO_SHARE ||
		    kmem_used(rl->m) + grow > limit) {
			mo->full = 1;
			return 0;
		}
		rl->memo_bytes += grow;
	}
	return kvec_add(&mo->v, &off, 8, err);
}

/* Learn: the owners' translations, source value -> key map entry. */
static int
learn_row(struct relink *rl, struct rl_tab *tb, struct df_error *err)
{
	struct rl_col *c;
	const char *a, *b = NULL;
	size_t k, voff, vn, an, bn = 0;
	uint64_t off, toff;
	int rc, anull, bnull;

	for (k = 0; k < tb->norder; k++) {
		c = tb->order[k];
		if (c->act->nby == 0 || !c->ptr->learn)
			continue;
		buf_clear(&rl->dec);
		rc = decode(rl, c->field, &voff, &vn);
		if (rc == -1)
			return row_err(rl, err, tb, c, "%s", "a malformed "
			    "value");
		if (rc == 1) {
			off = KM_NONE;	/* NULL: the memo's slot unused */
			if (memo_add(rl, c->memo, off, err) == -1)
				return -1;
			continue;
		}
		rc = row_key(rl, c);
		if (rc == -1)
			return row_err(rl, err, tb, c, "%s", "a malformed key "
			    "field");
		off = rc == 1 ? MEMO_KEYNULL :
		    km_find(c->ptr->km, rl->key.p, rl->key.len);
		if (memo_add(rl, c->memo, off, err) == -1)
			return -1;
		if (off == KM_NONE || off == MEMO_KEYNULL)
			continue;
		/* The target's value itself: one lookup when it is used. */
		bnull = km_value(c->ptr->km, off, &b, &bn);
		buf_clear(&rl->key);
		if (km_key_add(&rl->key, rl->dec.p + voff, vn, 0) == -1)
			return row_err(rl, err, tb, c, "%s", "value too long");
		if (c->ptr->tr.n == 0 && kmap_reserve(&c->ptr->tr,
		    km_count(c->ptr->km), err) == -1)
			return -1;
		rc = kmap_put(&c->ptr->tr, rl->key.p, rl->key.len, b, bn,
		    bnull, &toff, err);
		if (rc != 1) {
			if (rc == -1)
				return -1;
			continue;
		}
		anull = kmap_value(&c->ptr->tr, toff, &a, &an);
		if (anull == bnull && (anull || (an == bn &&
		    (an == 0 || memcmp(a, b, an) == 0))))
			continue;
		return row_err(rl, err, tb, c, "the source value %s is "
		    "relinked to two target values by rows with different "
		    "keys, so the columns that hold it by value cannot be "
		    "translated", shown(&rl->tmp, rl->dec.p + voff, vn));
	}
	kmem_tick(rl->m);
	return ROW_KEEP;
}

/*
 * The new value of column c in the current row: *nv, *nn, or *null.
 * Returns 0 (replace), KEEP_VALUE, DROP_ROW, or -1.  v is the source
 * value: a key lookup may decode more into rl->dec, so v is not used
 * after one.
 */
#define KEEP_VALUE	1
#define DROP_ROW	2
static int
new_value(struct relink *rl, struct rl_tab *tb, struct rl_col *c,
    const char *v, size_t vn, const char **nv, size_t *nn, int *null,
    struct df_error *err)
{
	const struct rule_missing *mi = c->ptr->miss;
	uint64_t id = KM_NONE, toff;
	int rc, keynull = 0;

	if (c->act->nby > 0 && c->pre_ok) {
		/* Looked up by the learning reading. */
		keynull = c->pre == MEMO_KEYNULL;
		id = keynull ? KM_NONE : c->pre;
		if (keynull || (id == KM_NONE &&
		    mi != NULL && mi->policy == MISSING_ERROR))
			(void)row_key(rl, c);	/* for the message */
	} else if (c->act->nby > 0) {
		rc = row_key(rl, c);
		if (rc == -1)
			return row_err(rl, err, tb, c, "%s", "a malformed key "
			    "field");
		keynull = rc == 1;
		if (rc == 0)
			id = km_find(c->ptr->km, rl->key.p, rl->key.len);
	} else {
		buf_clear(&rl->key);
		if (km_key_add(&rl->key, v, vn, 0) == -1)
			return row_err(rl, err, tb, c, "%s", "value too long");
		if (c->ptr->owner != NULL) {
			/* The translation holds the target's value. */
			toff = kmap_find(&c->ptr->tr, rl->key.p, rl->key.len);
			if (toff != KM_NONE) {
				c->matched++;
				*null = kmap_value(&c->ptr->tr, toff, nv, nn);
				return 0;
			}
		} else {
			id = km_find(c->ptr->km, rl->key.p, rl->key.len);
		}
	}
	if (id != KM_NONE) {
		c->matched++;
		*null = km_value(c->ptr->km, id, nv, nn);
		return 0;
	}
	c->missing++;
	switch (mi != NULL ? mi->policy : MISSING_NULL) {
	case MISSING_NULL:
		*null = 1;
		return 0;
	case MISSING_KEEP:
		return KEEP_VALUE;
	case MISSING_SET:
		*null = 0;
		*nv = mi->lit.p;
		*nn = mi->lit.len;
		return 0;
	case MISSING_DROP_ROW:
		return DROP_ROW;
	case MISSING_ERROR:
		break;
	}
	if (keynull)
		return row_err(rl, err, tb, c, "the natural key (by %s%s) has "
		    "a NULL, which matches nothing (missing %s error)",
		    c->act->by[0], c->act->nby > 1 ? ", .." : "",
		    c->ptr->name);
	if (c->act->nby > 0)
		return row_err(rl, err, tb, c, "the key map has no %s for "
		    "the key %s (missing %s error)", c->ptr->name,
		    shown_key(rl), c->ptr->name);
	return row_err(rl, err, tb, c, "no target %s for the value %s "
	    "(missing %s error)", c->ptr->name, shown(&rl->tmp, v, vn),
	    c->ptr->name);
}

/* Write: relink the row's pointers; splice the changed fields in. */
static int
write_row(struct relink *rl, struct rl_tab *tb, const struct dump_row *row,
    struct buf *out, struct df_error *err)
{
	const struct dump_data *d = row->data;
	const struct dump_field *fl;
	const struct schema_col *sc;
	struct rl_col *c;
	const char *nv, *from;
	size_t k, voff, vn, nn, nrep = 0, off;
	int rc, null, drop = 0;

	buf_clear(&rl->dec);
	buf_clear(&rl->enc);
	for (k = 0; k < tb->norder; k++) {
		c = tb->order[k];
		c->rows++;
		if (c->memo != NULL) {
			if (c->memo->pos >= c->memo->rows)
				return row_err(rl, err, tb, c, "%s", "the "
				    "input changed between its readings");
			c->pre_ok = c->memo->pos < c->memo->v.len / 8;
			if (c->pre_ok)
				memcpy(&c->pre, c->memo->v.p +
				    c->memo->pos * 8, 8);
			c->memo->pos++;
		}
		rc = decode(rl, c->field, &voff, &vn);
		if (rc == -1)
			return row_err(rl, err, tb, c, "%s", "a malformed "
			    "value");
		if (rc == 1) {
			c->nulls++;	/* nothing to relink */
			continue;
		}
		nv = NULL;
		nn = 0;
		null = 0;
		/* The key may decode more: dec may move, but voff holds. */
		rc = new_value(rl, tb, c, rl->dec.p + voff, vn, &nv, &nn,
		    &null, err);
		if (rc == -1)
			return -1;
		if (rc == DROP_ROW) {
			/* The other columns are counted all the same. */
			drop = 1;
			continue;
		}
		if (rc == KEEP_VALUE)
			continue;
		if (!null && nn == vn && (vn == 0 ||
		    memcmp(nv, rl->dec.p + voff, vn) == 0))
			continue;	/* the same: keep its bytes */
		sc = c->tcol >= 0 ? &tb->t->cols[c->tcol] : NULL;
		if (null && sc != NULL && (sc->flags & COL_NOT_NULL))
			return row_err(rl, err, tb, c, "%s", "the key map's "
			    "value is NULL, and the column is NOT NULL");
		if (!null && sc != NULL && sc->len >= 0 &&
		    utf8_chars(nv, nn) > (size_t)sc->len)
			return row_err(rl, err, tb, c, "the key map's value "
			    "%s is longer than the column", shown(&rl->tmp,
			    nv, nn));
		if (!null && d->dialect == DIALECT_PG && nn > 0 &&
		    memchr(nv, '\0', nn) != NULL)
			return row_err(rl, err, tb, c, "%s", "the key map's "
			    "value holds a NUL byte, which PostgreSQL cannot "
			    "store");
		off = rl->enc.len;
		fl = &row->fields[c->field];
		if (null)
			rc = dump_field_encode(d, NULL, 0, 1, &rl->enc);
		else if (d->form != FORM_COPY && fl->kind == FIELD_NUMBER &&
		    dump_bare_number(nv, nn))
			rc = buf_add(&rl->enc, nv, nn);
		else
			rc = dump_field_encode(d, nv, nn, 0, &rl->enc);
		if (rc == -1)
			return row_err(rl, err, tb, c, "%s", "value too long");
		rl->roff[nrep] = off;
		rl->rlen[nrep] = rl->enc.len - off;
		rl->rfield[nrep] = c->field;
		nrep++;
	}
	if (drop) {
		rl->dropped++;
		return ROW_DROP;
	}
	if (nrep == 0)
		return ROW_KEEP;
	from = row->raw;
	for (k = 0; k < nrep; k++) {
		fl = &row->fields[rl->rfield[k]];
		if (buf_add(out, from, (size_t)(fl->p - from)) == -1 ||
		    buf_add(out, rl->rlen[k] > 0 ? rl->enc.p + rl->roff[k] :
		    "", rl->rlen[k]) == -1)
			return df_err(err, DF_EXIT_DATA, d->file, row->line,
			    "%s: row too long", tname(tb->t));
		from = fl->p + fl->len;
	}
	if (buf_add(out, from, (size_t)(row->raw + row->rawlen - from)) == -1)
		return df_err(err, DF_EXIT_DATA, d->file, row->line,
		    "%s: row too long", tname(tb->t));
	return ROW_REPLACE;
}

static int
rl_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct relink *rl = ctx;
	struct rl_tab *tb = row->data->table->user;

	rl->row = row;
	if (rl->pass == RL_CAPTURE && tb->keep)
		return capture_kept(rl, tb, row, err);
	if (!tb->mapped && map_fields(rl, tb, row, err) == -1)
		return -1;
	switch (rl->pass) {
	case RL_CAPTURE:
		return capture_row(rl, tb, row, err);
	case RL_LEARN:
		return learn_row(rl, tb, err);
	case RL_WRITE:
		break;
	}
	return write_row(rl, tb, row, out, err);
}

/* ---- Kept tables -------------------------------------------------------- */

/* The columns a data statement (or, without one, the table) names. */
static char **
source_columns(const struct schema_table *t, const struct dump_data *d,
    size_t *n)
{
	char **names;
	size_t i;

	if (d != NULL && d->has_columns && d->nlisted > 0) {
		*n = d->nlisted;
		names = xcalloc(*n, sizeof(*names));
		for (i = 0; i < *n; i++)
			names[i] = d->colnames[i];
		return names;
	}
	names = xcalloc(t->ncols + 1, sizeof(*names));
	*n = 0;
	for (i = 0; i < t->ncols; i++)
		if (!(t->cols[i].flags & COL_GENERATED))
			names[(*n)++] = t->cols[i].name;
	return names;
}

/* Capture: the kept table of a data statement, its columns named. */
static int
capture_table(struct relink *rl, struct rl_tab *tb, const struct dump_data *d,
    struct df_error *err)
{
	const struct schema_table *t = tb->t;
	struct km_table *kt;
	char **names;
	size_t i, n;
	int same;

	names = source_columns(t, d, &n);
	if (n == 0) {
		free(names);
		return df_err(err, DF_EXIT_DATA, d->file, d->line, "%s: "
		    "keep-table: the dump does not name this table's "
		    "columns (no CREATE TABLE and no column list; give "
		    "--schema)", tname(t));
	}
	kt = keymap_table(rl->km, t->schema, t->name, 1);
	if (kt != NULL) {
		same = kt->ncols == n;
		for (i = 0; same && i < n; i++)
			same = strcmp(kt->cols[i], names[i]) == 0;
		free(names);
		if (!same)
			return df_err(err, DF_EXIT_DATA, d->file, d->line,
			    "%s: keep-table: this data statement lists other "
			    "columns than the table's first", tname(t));
		tb->kt = kt;
		return 0;
	}
	tb->kt = keymap_add_table(rl->km, t->schema, t->name, n, names);
	free(names);
	return 0;
}

/* Append an identifier quoted for the dialect. */
static int
quote_ident(struct buf *b, enum dump_dialect dl, const char *name)
{
	char q = dl == DIALECT_MYSQL ? '`' : '"';
	const char *p;

	if (buf_addc(b, q) == -1)
		return -1;
	for (p = name; *p != '\0'; p++)
		if ((*p == q && buf_addc(b, q) == -1) || buf_addc(b, *p) == -1)
			return -1;
	return buf_addc(b, q);
}

/* keep-table T { COLUMN default .. | ignore } for a column, or NULL. */
static const struct rule_keep_col *
keep_col(const struct relink *rl, size_t keep, const char *col)
{
	const struct rule_keep_col *kc;
	size_t i;

	for (i = 0; i < rl->rs->nkeep_cols; i++) {
		kc = &rl->rs->keep_cols[i];
		if (kc->table == keep - 1 && strcasecmp(kc->column, col) == 0)
			return kc;
	}
	return NULL;
}

/* The index of a column among names: exact, else ignoring case; or -1. */
static long
name_index(char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (long)i;
	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], name) == 0)
			return (long)i;
	return -1;
}

static int
flush_enc(struct relink *rl, struct df_error *err)
{
	int rc;

	rc = ostream_write(rl->out, rl->enc.p, rl->enc.len, err);
	buf_clear(&rl->enc);
	return rc;
}

/*
 * Write the target's rows of a kept table as d's form wants them: COPY
 * lines, or INSERT statements (the first without a newline before it,
 * the last without one after).  names are the source's columns, in the
 * order the rows are written.
 */
static int
write_kept(struct relink *rl, struct rl_tab *tb, const struct dump_data *d,
    char *const *names, size_t n, int qualify, struct df_error *err)
{
	const struct km_table *kt = tb->kt;
	const struct rule_keep_col *kc, **kcs;
	const char *p, *e, *nl, *v;
	size_t i, *off, *len, vn, stmt = 0;
	long *map, j;
	int *null, rc = -1, isnull, ident = 0;

	map = xcalloc(n + 1, sizeof(*map));
	kcs = xcalloc(n + 1, sizeof(*kcs));
	off = xcalloc(kt->ncols + 1, sizeof(*off));
	len = xcalloc(kt->ncols + 1, sizeof(*len));
	null = xcalloc(kt->ncols + 1, sizeof(*null));
	for (i = 0; i < n; i++) {
		map[i] = name_index(kt->cols, kt->ncols, names[i]);
		kc = kcs[i] = keep_col(rl, tb->keep, names[i]);
		if (map[i] < 0 && (kc == NULL || kc->ignore)) {
			df_seterr(err, DF_EXIT_DATA, d->file, d->line, "%s: "
			    "keep-table: the source has a column %s that the "
			    "target's rows lack; give it a value: keep-table "
			    "%s { %s default 'v' } (or default null)",
			    tname(tb->t), names[i], tb->t->name, names[i]);
			goto out;
		}
	}
	for (i = 0; i < kt->ncols; i++) {
		if (name_index(names, n, kt->cols[i]) >= 0)
			continue;
		kc = keep_col(rl, tb->keep, kt->cols[i]);
		if (kc == NULL || !kc->ignore) {
			df_seterr(err, DF_EXIT_DATA, d->file, d->line, "%s: "
			    "keep-table: the target's rows have a column %s "
			    "that the source lacks; leave it out with "
			    "keep-table %s { %s ignore }", tname(tb->t),
			    kt->cols[i], tb->t->name, kt->cols[i]);
			goto out;
		}
	}
	for (i = 0; i < tb->t->ncols; i++)
		if (tb->t->cols[i].flags & COL_IDENTITY)
			ident = 1;
	buf_clear(&rl->enc);
	/* A table without rows may have no buffer: no NULL + 0. */
	p = (const char *)kt->rows.p;
	e = kt->rows.len > 0 ? p + kt->rows.len : p;
	for (; p < e; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL ||
		    km_row_split(p, (size_t)(nl - p), &rl->dec, off, len,
		    null, kt->ncols) != (long)kt->ncols) {
			df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s: keep-table: a "
			    "malformed row in the key map", tname(tb->t));
			goto out;
		}
		if (d->form != FORM_COPY) {
			if (stmt == 0) {
				/*
				 * In place, MySQL's is unqualified, as
				 * mysqldump writes it (the database is the
				 * one of the dump's USE, if any).
				 */
				if (buf_adds(&rl->enc, "INSERT INTO ") ==
				    -1 || ((d->dialect == DIALECT_PG ||
				    qualify) &&
				    tb->t->schema != NULL && (quote_ident(
				    &rl->enc, d->dialect, tb->t->schema) ==
				    -1 || buf_addc(&rl->enc, '.') == -1)) ||
				    quote_ident(&rl->enc, d->dialect,
				    tb->t->name) == -1 ||
				    buf_adds(&rl->enc, " (") == -1)
					goto toolong;
				for (i = 0; i < n; i++)
					if ((i > 0 && buf_adds(&rl->enc,
					    ", ") == -1) || quote_ident(
					    &rl->enc, d->dialect, names[i]) ==
					    -1)
						goto toolong;
				if (buf_adds(&rl->enc, ident && d->dialect ==
				    DIALECT_PG ? ") OVERRIDING SYSTEM VALUE "
				    "VALUES\n\t(" : ") VALUES\n\t(") == -1)
					goto toolong;
			} else if (buf_adds(&rl->enc, ",\n\t(") == -1) {
				goto toolong;
			}
		}
		for (i = 0; i < n; i++) {
			if (i > 0 && buf_addc(&rl->enc, d->form == FORM_COPY ?
			    '\t' : ',') == -1)
				goto toolong;
			j = map[i];
			if (j >= 0) {
				isnull = null[j];
				v = rl->dec.p != NULL ? rl->dec.p + off[j] :
				    "";
				vn = len[j];
			} else {
				kc = kcs[i];
				isnull = kc->null;
				v = kc->value.p;
				vn = kc->value.len;
			}
			if (!isnull && d->dialect == DIALECT_PG && vn > 0 &&
			    memchr(v, '\0', vn) != NULL) {
				df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s.%s: "
				    "keep-table: a value with a NUL byte, "
				    "which PostgreSQL cannot store",
				    tname(tb->t), names[i]);
				goto out;
			}
			if (dump_field_encode(d, v, vn, isnull, &rl->enc) ==
			    -1)
				goto toolong;
		}
		if (buf_adds(&rl->enc, d->form == FORM_COPY ? "\n" : ")") ==
		    -1)
			goto toolong;
		tb->out_rows++;
		/* A statement ends past INSERT_CHUNK bytes, or at the end. */
		if (d->form != FORM_COPY) {
			stmt++;
			if (rl->enc.len >= INSERT_CHUNK) {
				if (buf_adds(&rl->enc, nl + 1 < e ? ";\n" :
				    ";") == -1)
					goto toolong;
				stmt = 0;
			}
		}
		if (rl->enc.len >= INSERT_CHUNK && flush_enc(rl, err) == -1)
			goto out;
	}
	if (stmt > 0 && buf_addc(&rl->enc, ';') == -1)
		goto toolong;
	rc = flush_enc(rl, err);
	goto out;
toolong:
	df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s: keep-table: a row too long",
	    tname(tb->t));
out:
	free(map);
	free(kcs);
	free(off);
	free(len);
	free(null);
	return rc;
}

/* ---- Reader events ------------------------------------------------------ */

/* Write: the key map's rows for a kept table, or an error. */
static int
find_kept(struct relink *rl, struct rl_tab *tb, const char *file,
    unsigned long long line, struct df_error *err)
{
	const struct rule_name *r = &rl->rs->keep_table[tb->keep - 1];

	if (tb->kt != NULL)
		return 0;
	tb->kt = keymap_table(rl->km, tb->t->schema, tb->t->name, 0);
	if (tb->kt != NULL)
		return 0;
	return df_err(err, DF_EXIT_DATA, file, line, "%s: keep-table %s "
	    "(%s:%lu): the key map has no rows for this table (the target "
	    "dump had none): capture again, or leave the table out of the "
	    "rule", tname(tb->t), r->text, r->pos.file, r->pos.line);
}

static int
rl_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct relink *rl = ctx;
	struct rl_tab *tb;
	size_t i;

	tb = bind_table(rl, d->table, d, err);
	if (tb == NULL)
		return -1;
	if (rl->pg != NULL)
		progress_table(rl->pg, d->table->display);
	rl->bs_quotes = d->bs_quotes;
	tb->mapped = 0;
	switch (rl->pass) {
	case RL_CAPTURE:
		if (tb->keep)
			return capture_table(rl, tb, d, err) == -1 ? -1 :
			    DATA_ROWS;
		return tb->owners ? DATA_ROWS : DATA_PASS;
	case RL_LEARN:
		for (i = 0; i < tb->ncols; i++)
			if (tb->cols[i].act->nby > 0 &&
			    tb->cols[i].ptr->learn)
				return DATA_ROWS;
		return DATA_PASS;
	case RL_WRITE:
		break;
	}
	if (tb->keep)
		return find_kept(rl, tb, d->file, d->line, err) == -1 ? -1 :
		    DATA_SKIP;
	return tb->ncols > 0 ? DATA_ROWS : DATA_PASS;
}

static int
rl_data_end(void *ctx, const struct dump_data *d, unsigned long long rows,
    unsigned long long bytes, struct df_error *err)
{
	struct rl_tab *tb = d->table->user;

	(void)ctx;
	(void)bytes;
	(void)err;
	if (tb != NULL && tb->keep)
		tb->src_rows += rows;
	return 0;
}

static int
rl_tail(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct relink *rl = ctx;
	struct rl_tab *tb = d->table->user;
	char **names;
	size_t n;
	int rc;

	if (rl->pass != RL_WRITE || tb == NULL || !tb->keep || tb->written)
		return 0;
	tb->written = 1;
	names = source_columns(tb->t, d, &n);
	rc = write_kept(rl, tb, d, names, n, 0, err);
	free(names);
	return rc;
}

static void
rl_read(void *ctx)
{
	struct relink *rl = ctx;

	progress_tick(rl->pg);
}

static int rl_statement(void *, const char *, size_t, struct df_error *);

void
relink_handler(struct relink *rl, enum rl_pass pass, struct schema *sch,
    struct ostream *out, struct progress *pg, struct dump_handler *h)
{
	tabs_free(rl);
	rl->pass = pass;
	rl->sch = sch;
	rl->out = out;
	rl->pg = pg;
	rl->dropped = 0;
	rl->appended = 0;
	rl->bs_quotes = -1;		/* no data statement yet */
	memset(h, 0, sizeof(*h));
	h->ctx = rl;
	h->on_data = rl_data;
	h->on_row = rl_row;
	h->on_data_end = rl_data_end;
	if (pass == RL_WRITE) {
		h->on_data_tail = rl_tail;
		h->on_statement = rl_statement;
	}
	if (pg != NULL)
		h->on_read = rl_read;
}

/* ---- Capture ------------------------------------------------------------ */

void
relink_capture_begin(struct relink *rl, struct keymap *km)
{
	struct rl_ptr *p;
	size_t i;

	rl->km = km;
	for (i = 0; i < rl->nptr; i++) {
		p = &rl->ptrs[i];
		p->km = keymap_add_pointer(km, p->name, p->owner != NULL ?
		    p->owner->nby : 1, p->owner != NULL &&
		    p->owner->by_lower);
	}
}

/* import POINTER "FILE": key TAB value lines into the key map. */
static int
import_file(struct relink *rl, const struct rule_import *im,
    struct df_error *err)
{
	struct rl_ptr *p = find_ptr(rl, im->pointer);
	size_t nk = p->km->nkeys, *off, *len, k, got = 0, cap = 0, n;
	unsigned long long line = 0;
	char *text = NULL, *q, *e, *nl;
	struct buf dec;
	int *null, rc = 0, lower = p->km->lower;
	uint64_t ent;
	FILE *f;

	f = fopen(im->path, "rb");
	if (f == NULL)
		return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%lu: "
		    "import %s: %s: cannot open it", im->pos.file,
		    im->pos.line, im->pos.col, im->pointer, im->path);
	for (;;) {
		if (cap - got < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			text = xrealloc(text, cap);
		}
		n = fread(text + got, 1, cap - got, f);
		got += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		free(text);
		return df_err(err, DF_EXIT_DATA, im->path, 0, "read error");
	}
	fclose(f);
	off = xcalloc(nk + 2, sizeof(*off));
	len = xcalloc(nk + 2, sizeof(*len));
	null = xcalloc(nk + 2, sizeof(*null));
	buf_init(&dec, 0);
	(void)buf_reserve(&dec, 1);	/* never NULL, as rl->dec */
	for (q = text, e = text + got; q < e && rc == 0; q = nl + 1) {
		nl = memchr(q, '\n', (size_t)(e - q));
		if (nl == NULL)
			nl = e;
		line++;
		n = (size_t)(nl - q);
		if (n > 0 && q[n - 1] == '\r')
			n--;
		if (n == 0 || q[0] == '#')
			continue;
		if (km_row_split(q, n, &dec, off, len, null, nk + 1) !=
		    (long)nk + 1) {
			rc = df_err(err, DF_EXIT_DATA, im->path, line, "import "
			    "%s: expected %zu tab-separated fields (the key, "
			    "then the value)", im->pointer, nk + 1);
			break;
		}
		buf_clear(&rl->key);
		for (k = 0; k < nk; k++) {
			if (null[k]) {
				rc = df_err(err, DF_EXIT_DATA, im->path, line,
				    "import %s: a key is \\N (NULL)",
				    im->pointer);
				break;
			}
			if (km_key_add(&rl->key, dec.p + off[k], len[k],
			    lower) == -1) {
				rc = df_err(err, DF_EXIT_DATA, im->path, line,
				    "line too long");
				break;
			}
		}
		if (rc != 0)
			break;
		rc = km_put(p->km, rl->key.p, rl->key.len, dec.p + off[nk],
		    len[nk], null[nk], &ent, err);
		if (rc == 1)
			rc = 0;		/* the same pair again */
		else if (rc == 2)
			rc = df_err(err, DF_EXIT_DATA, im->path, line, "import "
			    "%s: the key %s already has another value (from "
			    "the target dump or an earlier line)",
			    im->pointer, shown_key(rl));
	}
	buf_free(&dec);
	free(off);
	free(len);
	free(null);
	free(text);
	return rc;
}

int
relink_capture_end(struct relink *rl, struct schema *sch,
    struct df_error *err)
{
	const struct rule_name *r;
	struct schema_table *t;
	struct km_table *kt;
	char **names;
	size_t i, k, n, found;

	for (k = 0; k < rl->rs->nkeep_table; k++) {
		r = &rl->rs->keep_table[k];
		found = 0;
		for (i = 0; i < schema_count(sch); i++) {
			t = schema_at(sch, i);
			if (keep_rule(rl, t) != k + 1)
				continue;
			found++;
			kt = keymap_table(rl->km, t->schema, t->name, 1);
			if (kt != NULL || !t->declared)
				continue;
			/* Declared, but no data statement: no rows. */
			names = source_columns(t, NULL, &n);
			(void)keymap_add_table(rl->km, t->schema, t->name, n,
			    names);
			free(names);
		}
		if (found > 0)
			continue;
		if (r->rx == NULL)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "%s:%lu:%lu: "
			    "keep-table %s: the target dump has no such "
			    "table", r->pos.file, r->pos.line, r->pos.col,
			    r->text);
		df_warnx("%s:%lu: keep-table %s: no table of the target dump "
		    "matches", r->pos.file, r->pos.line, r->text);
	}
	for (i = 0; i < rl->rs->nimport; i++)
		if (import_file(rl, &rl->rs->import[i], err) == -1)
			return -1;
	for (i = 0; i < rl->nptr; i++)
		if (rl->ptrs[i].owner != NULL && km_count(rl->ptrs[i].km) == 0)
			df_warnx("relink %s: the target dump gave no key for "
			    "this pointer (are the owner tables in it?)",
			    rl->ptrs[i].name);
	return 0;
}

/* ---- Apply -------------------------------------------------------------- */

int
relink_apply_begin(struct relink *rl, struct keymap *km, struct df_error *err)
{
	const struct rule_name *r;
	struct km_pointer *kp;
	struct rl_ptr *p;
	size_t i, nk;
	int lower, learn = 0;

	rl->km = km;
	for (i = 0; i < rl->nptr; i++) {
		p = &rl->ptrs[i];
		kp = keymap_pointer(km, p->name);
		nk = p->owner != NULL ? p->owner->nby : 1;
		lower = p->owner != NULL && p->owner->by_lower;
		if (kp == NULL)
			return df_err(err, DF_EXIT_USAGE, NULL, 0, "relink %s: "
			    "the key map has no pointer %s: it was captured "
			    "with other rules; capture again", p->name,
			    p->name);
		if (kp->nkeys != nk || kp->lower != lower)
			return df_err(err, DF_EXIT_USAGE, NULL, 0, "relink %s: "
			    "the key map's keys are %zu column(s) compared "
			    "%s, the rules' %zu compared %s: capture again "
			    "with these rules", p->name, kp->nkeys,
			    kp->lower ? "by lower()" : "exactly", nk,
			    lower ? "by lower()" : "exactly");
		p->km = kp;
		learn |= p->learn;
	}
	for (i = 0; i < rl->rs->nkeep_table; i++) {
		r = &rl->rs->keep_table[i];
		if (r->rx == NULL && keymap_table(km, r->schema, r->name,
		    0) == NULL)
			return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%lu: "
			    "keep-table %s: the key map has no such table: it "
			    "was captured with other rules; capture again",
			    r->pos.file, r->pos.line, r->pos.col, r->text);
	}
	return learn;
}

/*
 * A problem of the rules with the dump: a warning, or in strict mode an
 * error.
 */
static int strict_warn(struct relink *, struct df_error *, int *,
    const struct rule_pos *, const char *, ...)
    __attribute__((format(printf, 5, 6)));
static int
strict_warn(struct relink *rl, struct df_error *err, int *bad,
    const struct rule_pos *pos, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* In strict mode the first is the error; the others are listed. */
	if (rl->strict && (*bad)++ == 0) {
		df_seterr(err, DF_EXIT_DATA, NULL, 0, "--strict: %s:%lu: %s",
		    pos->file, pos->line, msg);
		return -1;
	}
	df_warnx("%s:%lu: %s", pos->file, pos->line, msg);
	return rl->strict ? -1 : 0;
}

/*
 * Write the kept table t, which had no data statement (mysqldump writes
 * none for an empty table).  In a MySQL dump this happens before its
 * trailer restores the session (character set, foreign key checks,
 * sql_mode), so the rows are read as the dump's own; with no trailer, at
 * the end, between foreign key checks turned off and back.  A PostgreSQL
 * dump gets them at its end.
 */
static int
append_kept(struct relink *rl, struct schema_table *t, enum dump_dialect dl,
    int trailer, struct df_error *err)
{
	static const char head[] = "SET @dumprelink_fkc = "
	    "@@FOREIGN_KEY_CHECKS;\nSET FOREIGN_KEY_CHECKS = 0;\n";
	static const char foot[] = "\nSET FOREIGN_KEY_CHECKS = "
	    "@dumprelink_fkc;\n";
	int wrap = dl == DIALECT_MYSQL && !trailer;
	struct dump_data d;
	struct rl_tab *tb;
	char **names, line[700];
	size_t n;
	int rc;

	memset(&d, 0, sizeof(d));
	d.table = t;
	d.dialect = dl;
	d.form = FORM_INSERT;
	d.bs_quotes = dl == DIALECT_MYSQL ? rl->bs_quotes != 0 : 0;
	tb = bind_table(rl, t, &d, err);
	if (tb == NULL || find_kept(rl, tb, NULL, t->line, err) == -1)
		return -1;
	tb->written = 1;
	if (tb->kt->nrows == 0)
		return 0;
	snprintf(line, sizeof(line), "\n-- dumprelink: the target's rows of "
	    "%s (the source dump has no data statement for it)\n",
	    t->display);
	if (ostream_write(rl->out, line, strlen(line), err) == -1 ||
	    (wrap && ostream_write(rl->out, head, sizeof(head) - 1,
	    err) == -1))
		return -1;
	names = source_columns(t, NULL, &n);
	rc = write_kept(rl, tb, &d, names, n, 1, err);
	free(names);
	if (rc == -1)
		return -1;
	if (wrap)
		return ostream_write(rl->out, foot, sizeof(foot) - 1, err);
	return ostream_write(rl->out, "\n", 1, err);
}

/* Every kept table the reading declared but gave no data statement. */
static int
append_all(struct relink *rl, enum dump_dialect dl, int trailer,
    struct df_error *err)
{
	struct schema_table *t;
	struct rl_tab *tb;
	size_t i;

	rl->appended = 1;
	for (i = 0; i < schema_count(rl->sch); i++) {
		t = schema_at(rl->sch, i);
		tb = t->user;
		if (t->declared && (tb == NULL || !tb->written) &&
		    keep_rule(rl, t) && append_kept(rl, t, dl, trailer,
		    err) == -1)
			return -1;
	}
	return 0;
}

/*
 * on_statement: mysqldump's trailer begins with the first statement that
 * restores a saved setting (SET ...=@OLD_...); the kept tables without
 * data go just before it.
 */
static int
rl_statement(void *ctx, const char *p, size_t n, struct df_error *err)
{
	struct relink *rl = ctx;

	if (rl->appended || rl->sch == NULL || rl->rs->nkeep_table == 0 ||
	    memmem(p, n, "=@OLD_", 6) == NULL)
		return 0;
	return append_all(rl, DIALECT_MYSQL, 1, err);
}

/* Is a PostgreSQL type one a sequence may feed (serial, identity)? */
static int
int_type(const char *type)
{
	static const char *const types[] = { "integer", "bigint", "smallint",
	    "int", "int2", "int4", "int8", "serial", "bigserial",
	    "smallserial", NULL };
	size_t i;

	for (i = 0; type != NULL && types[i] != NULL; i++)
		if (strcasecmp(type, types[i]) == 0)
			return 1;
	return 0;
}

/*
 * PostgreSQL: the source's setval() for a kept table's serial or identity
 * sequence counts the source's rows; set it from the target's rows, or
 * the target would give new rows ids its kept rows already have.  For
 * each integer column that has a sequence (setval() of NULL is NULL).
 */
static int
fix_sequences(struct relink *rl, const struct schema_table *t,
    struct df_error *err)
{
	struct buf *b = &rl->enc;
	size_t c;
	const char *p;
	int rc = 0;

	buf_clear(b);
	for (c = 0; c < t->ncols; c++) {
		if (!int_type(t->cols[c].type))
			continue;
		if (b->len == 0)
			rc |= buf_adds(b, "\n-- dumprelink: the sequences of the "
			    "kept table's columns follow its rows\n");
		rc |= buf_adds(b, "SELECT pg_catalog.setval(pg_catalog."
		    "pg_get_serial_sequence('");
		/* The table as an identifier, inside a literal. */
		if (t->schema != NULL) {
			rc |= buf_addc(b, '"');
			for (p = t->schema; *p != '\0'; p++)
				rc |= *p == '\'' ? buf_adds(b, "''") :
				    *p == '"' ? buf_adds(b, "\"\"") :
				    buf_addc(b, *p);
			rc |= buf_adds(b, "\".");
		}
		rc |= buf_addc(b, '"');
		for (p = t->name; *p != '\0'; p++)
			rc |= *p == '\'' ? buf_adds(b, "''") :
			    *p == '"' ? buf_adds(b, "\"\"") : buf_addc(b, *p);
		rc |= buf_adds(b, "\"', '");
		for (p = t->cols[c].name; *p != '\0'; p++)
			rc |= *p == '\'' ? buf_adds(b, "''") : buf_addc(b, *p);
		rc |= buf_adds(b, "'), max(");
		rc |= quote_ident(b, DIALECT_PG, t->cols[c].name);
		rc |= buf_adds(b, ")) FROM ");
		if (t->schema != NULL) {
			rc |= quote_ident(b, DIALECT_PG, t->schema);
			rc |= buf_addc(b, '.');
		}
		rc |= quote_ident(b, DIALECT_PG, t->name);
		rc |= buf_adds(b, " HAVING max(");
		rc |= quote_ident(b, DIALECT_PG, t->cols[c].name);
		rc |= buf_adds(b, ") IS NOT NULL;\n");
	}
	if (rc != 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: names too long",
		    tname(t));
	return flush_enc(rl, err);
}

int
relink_write_end(struct relink *rl, struct schema *sch, enum dump_dialect dl,
    struct df_error *err)
{
	const struct rule_name *r;
	struct schema_table *t;
	struct rl_tab *tb;
	struct rl_rule *ru;
	struct rl_memo *mo;
	size_t i, k, c, tables, cols;
	int bad = 0;

	rl->sch = sch;
	if (!rl->appended && append_all(rl, dl, 0, err) == -1)
		return -1;
	for (mo = rl->memos; mo != NULL; mo = mo->next)
		if (mo->pos != mo->rows)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "%s.%s: the "
			    "input changed between its readings (%zu rows "
			    "in the first, %zu in the second)", mo->table,
			    mo->col, mo->rows, mo->pos);
	for (i = 0; dl == DIALECT_PG && i < schema_count(sch); i++) {
		t = schema_at(sch, i);
		tb = t->user;
		if (tb != NULL && tb->written && tb->out_rows > 0 &&
		    fix_sequences(rl, t, err) == -1)
			return -1;
	}
	for (k = 0; k < rl->rs->nkeep_table; k++) {
		r = &rl->rs->keep_table[k];
		for (i = 0; i < schema_count(sch); i++)
			if (keep_rule(rl, schema_at(sch, i)) == k + 1)
				break;
		if (i == schema_count(sch))
			(void)strict_warn(rl, err, &bad, &r->pos, "keep-table "
			    "%s: the dump has no such table", r->text);
	}
	for (k = 0; k < rl->nrules; k++) {
		ru = &rl->rules[k];
		tables = cols = 0;
		for (i = 0; i < schema_count(sch); i++) {
			t = schema_at(sch, i);
			if (ru->table != NULL && !rule_table_match(ru->table, t))
				continue;
			tables++;
			for (c = 0; c < t->ncols; c++)
				cols += rule_name_match(&ru->rc->col, NULL,
				    t->cols[c].name);
		}
		if (ru->col_seen || cols > 0)
			continue;
		if (ru->table != NULL && tables == 0)
			(void)strict_warn(rl, err, &bad, &ru->rc->act.pos,
			    "relink %s: the dump has no table %s",
			    ru->ptr->name, ru->table->text);
		else if (ru->table != NULL)
			(void)strict_warn(rl, err, &bad, &ru->rc->act.pos,
			    "relink %s: table %s has no column %s",
			    ru->ptr->name, ru->table->text, ru->rc->col.text);
		else
			(void)strict_warn(rl, err, &bad, &ru->rc->act.pos,
			    "relink %s: no table of the dump has a column %s",
			    ru->ptr->name, ru->rc->col.text);
	}
	return bad > 0 ? -1 : 0;
}

/* ---- Report ------------------------------------------------------------- */

int
relink_report(const struct relink *rl, unsigned long long in,
    unsigned long long out, double secs, struct ostream *os,
    struct df_error *err)
{
	const struct rl_tab *tb;
	const struct rl_col *c;
	struct buf b;
	char num[200];
	size_t i, k;
	int rc;

	buf_init(&b, 0);
	buf_adds(&b, "# dumprelink report\n# kind\ttable\tcolumn\tpointer\tby"
	    "\trows\tmatched\tmissing\tnull\ton_missing\n");
	for (tb = rl->tabs; tb != NULL; tb = tb->next)
		for (i = 0; i < tb->ncols; i++) {
			c = &tb->cols[i];
			buf_adds(&b, "relink\t");
			report_tsv(&b, tname(tb->t));
			buf_addc(&b, '\t');
			report_tsv(&b, c->name);
			buf_addc(&b, '\t');
			report_tsv(&b, c->ptr->name);
			buf_addc(&b, '\t');
			if (c->act->nby == 0)
				buf_adds(&b, "value");
			for (k = 0; k < c->act->nby; k++) {
				if (k > 0)
					buf_addc(&b, ',');
				if (c->act->by_lower)
					buf_adds(&b, "lower(");
				report_tsv(&b, c->act->by[k]);
				if (c->act->by_lower)
					buf_addc(&b, ')');
			}
			snprintf(num, sizeof(num), "\t%llu\t%llu\t%llu\t%llu\t",
			    c->rows, c->matched, c->missing, c->nulls);
			buf_adds(&b, num);
			buf_adds(&b, missing_name(c->ptr));
			buf_addc(&b, '\n');
		}
	buf_adds(&b, "# kind\ttable\tsource_rows\ttarget_rows\n");
	for (tb = rl->tabs; tb != NULL; tb = tb->next) {
		if (!tb->keep)
			continue;
		buf_adds(&b, "keep-table\t");
		report_tsv(&b, tname(tb->t));
		snprintf(num, sizeof(num), "\t%llu\t%llu\n", tb->src_rows,
		    tb->out_rows);
		buf_adds(&b, num);
	}
	snprintf(num, sizeof(num), "# total\tbytes_in\tbytes_out\trows_dropped"
	    "\tseconds\ntotal\t%llu\t%llu\t%llu\t%.2f\n", in, out,
	    rl->dropped, secs);
	buf_adds(&b, num);
	rc = ostream_write(os, b.p, b.len, err);
	buf_free(&b);
	return rc;
}
