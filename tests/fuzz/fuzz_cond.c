/*
 * fuzz_cond: the predicate evaluator, rule_cond_eval() of rules.h, against
 * a reference evaluator written here from dumprules(5) CONDITIONS.
 *
 * The input is a condition, optionally followed by a line "----" and rows:
 *
 *	a = 1 and not (b ~ /x/i or c in ('p', 2.50))\n----\n
 *	a=1\nb=x\\0y\nc\n\na=-0\nb!\n
 *
 * The condition is loaded as the rules file "keep t where COND\n" with
 * rules_load(), so that what is evaluated is the parser's tree (rules
 * that could name a file outside the fuzz directory are not loaded, as in
 * fuzz_rules.c).  Rows are separated by an empty line; in a row, a line
 * "name=value" gives a column a value (escapes \\ \n \t \0 \xHH), "name"
 * makes it NULL, "name!" makes reading it fail; a column a row does not
 * list is NULL.  Besides those rows, each condition also runs on rows
 * made here: every column the condition names gets values from a pool of
 * awkward ones (NULL, a failing read, numbers such as -0, 007, 1.50,
 * .5, +1, 1e3, 5e-05, 1e+100, exponents of 21 digits, NaN, Infinity,
 * 0x10, " 1", inf, 2^53 + 1, 70 digits, dates, non-ASCII bytes, NUL) and
 * from the condition's own literals and their neighbours.
 *
 * Properties, for every keep ... where, relation ... when and action
 * ... when condition the file holds, and every row:
 *   - rule_cond_eval() gives what the reference below gives (true, not
 *     true, or -1 with a data error that has a message; no error filled
 *     otherwise), and asks get() for the same columns in the same order:
 *     only comparisons of this condition, each at most once, the right
 *     operand of and/or only when the left one does not decide;
 *   - it gives the same twice (result and calls);
 *   - the comparisons' ids are distinct and below rules.nconds;
 *   - when the file is that one statement, the tree is the one the
 *     grammar of dumprules(5) gives, as parsed by a parser of its own
 *     here: precedence (not > and > or, left-associative), columns,
 *     literals (decoded bytes, bare numbers flagged), regexes as written.
 *
 * The reference's semantics (dumprules(5) CONDITIONS, and the comments
 * of rules.h and rules.c where the page says nothing):
 *   - NULL makes every comparison, ~, !~ and in unknown; is null and is
 *     not null are true or false; not unknown is unknown; and, or are
 *     SQL's (Kleene's) three-valued logic; only true holds (1), false and
 *     unknown give 0;
 *   - and/or evaluate left to right and stop at an operand that decides
 *     (false for and, true for or): the other side's columns are not
 *     read, and its errors not raised; unknown decides nothing;
 *   - a failed read (get() -1) or match (rx_match() -1) makes the whole
 *     evaluation -1, unless an operand before it decided;
 *   - a number is, whole, an optional sign, digits, and optionally a '.'
 *     and digits, with at least one digit, then optionally an exponent:
 *     'e' or 'E', an optional sign and digits ("-2.5", "007", ".5", "+1",
 *     "5.", "1e3", "5e-05", "1E+100", ".5e1"; not "0x10", " 1", "1,5",
 *     "1e", "1e+", "e5"); or one of the words "NaN", "Infinity" and
 *     "-Infinity", spelled so (not "inf", "nan", "+Infinity");
 *   - in the rules, a '+' right after the 'e' or 'E' of a number's
 *     exponent belongs to the word ("1e+100"; the word before the 'e' is
 *     a number without exponent); anywhere else it is an error;
 *   - = != < <= > >= and in compare as numbers when the literal was
 *     written as a bare number and the value is a number: exactly, in
 *     decimal, whatever the length and the exponent (-0 = 0, 1.50 = 1.5,
 *     2^53 + 1 > 2^53, 5e-05 < 0.5, 1e-400 > 0, 0e9 = 0), in
 *     PostgreSQL's order: -Infinity below every other number, Infinity
 *     above every finite one, NaN above all and equal to itself;
 *     otherwise byte by byte, unsigned, a proper prefix first;
 *   - in holds when the value equals one of the list's literals, each
 *     compared as = compares it;
 *   - ~ holds when rx_match() finds the regex (PCRE2's engine is trusted
 *     here), !~ when it does not.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "rules.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAX_COND	16384		/* bytes of condition text */
#define MAX_ROWS	32		/* rows given by the input */
#define MAX_CELLS	32		/* columns in one such row */
#define MAX_LITERALS	48		/* literals taken into the pool */

static char	rules_path[600];

/* ---- Rows ---------------------------------------------------------------- */

enum cell_kind { CELL_VALUE, CELL_NULL, CELL_FAIL };

struct cell {
	const char	*name;		/* NUL-terminated */
	enum cell_kind	 kind;
	const char	*p;		/* CELL_VALUE: bytes, NUL too */
	size_t		 n;
};

struct row {
	struct cell	 cells[MAX_CELLS];
	size_t		 ncells;
};

/* A column's cell in the row; a column the row lacks reads as NULL. */
static const struct cell *
row_cell(const struct row *r, const char *name)
{
	static const struct cell null_cell = { "", CELL_NULL, NULL, 0 };
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (strcmp(r->cells[i].name, name) == 0)
			return &r->cells[i];
	return &null_cell;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode the rows text (p, n) into rows[]; decoded bytes and names go to
 * the arena (n + 1 bytes at least: decoding never lengthens, and each
 * name gets a terminator in place of its '=' or newline).  Returns the
 * number of rows.
 */
static size_t
rows_parse(const char *p, size_t n, char *arena, struct row *rows)
{
	const char *end = p + n, *nl, *eq;
	struct cell *c;
	size_t nrows = 0, k;
	char *a = arena;
	int h1, h2;

	while (p < end && nrows < MAX_ROWS) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (nl == p) {
			/* An empty line ends a row that has cells. */
			if (rows[nrows].ncells > 0)
				nrows++;
			p = nl + 1;
			continue;
		}
		if (rows[nrows].ncells == MAX_CELLS) {
			p = nl + 1;
			continue;
		}
		c = &rows[nrows].cells[rows[nrows].ncells++];
		eq = memchr(p, '=', (size_t)(nl - p));
		k = (size_t)((eq != NULL ? eq : nl) - p);
		c->kind = CELL_NULL;
		if (eq == NULL && k > 0 && p[k - 1] == '!') {
			c->kind = CELL_FAIL;
			k--;
		}
		memcpy(a, p, k);
		a[k] = '\0';
		c->name = a;
		a += k + 1;
		if (eq != NULL) {
			c->kind = CELL_VALUE;
			c->p = a;
			for (p = eq + 1; p < nl; p++) {
				if (*p != '\\' || p + 1 == nl) {
					*a++ = *p;
					continue;
				}
				switch (p[1]) {
				case 'n':
					*a++ = '\n';
					break;
				case 't':
					*a++ = '\t';
					break;
				case '0':
					*a++ = '\0';
					break;
				case 'x':
					h1 = p + 2 < nl ? hexval(p[2]) : -1;
					h2 = p + 3 < nl ? hexval(p[3]) : -1;
					if (h1 < 0 || h2 < 0) {
						*a++ = 'x';
						break;
					}
					*a++ = (char)(h1 * 16 + h2);
					p += 2;
					break;
				default:
					*a++ = p[1];
					break;
				}
				p++;
			}
			c->n = (size_t)(a - c->p);
		}
		p = nl < end ? nl + 1 : end;
	}
	if (nrows < MAX_ROWS && rows[nrows].ncells > 0)
		nrows++;
	return nrows;
}

/* ---- The reference evaluator ----------------------------------------- */

#define R_FALSE		0
#define R_TRUE		1
#define R_UNKNOWN	2
#define R_ERROR		3

/*
 * A number, as the page defines it: its kind, in PostgreSQL's order, and
 * for a finite one the sign, the integer and fraction digits without
 * leading (integer) or trailing (fraction) zeros, and the exponent as
 * written: sign, digits without leading zeros.
 */
enum ref_kind { RN_NINF, RN_FINITE, RN_INF, RN_NAN };

struct dec {
	enum ref_kind	 kind;
	int		 neg;
	const char	*ip, *fp;	/* integer part, fraction part */
	size_t		 in, fn;
	int		 xneg;
	const char	*xp;		/* the exponent's digits */
	size_t		 xn;
};

/*
 * Is (p, n) a number?  With exp 0, only [+-] digits [. digits] is (the
 * word before a '+' of the rules).  If so and d is not NULL, fill d.
 */
static int
ref_number_as(const char *p, size_t n, int exp, struct dec *d)
{
	static const struct {
		const char	*w;
		enum ref_kind	 k;
	} words[] = {
		{ "NaN", RN_NAN }, { "Infinity", RN_INF },
		{ "-Infinity", RN_NINF }
	};
	struct dec x;
	size_t i = 0, j, ndig = 0;

	memset(&x, 0, sizeof(x));
	for (j = 0; exp && j < sizeof(words) / sizeof(words[0]); j++)
		if (n == strlen(words[j].w) && memcmp(p, words[j].w, n) == 0) {
			x.kind = words[j].k;
			if (d != NULL)
				*d = x;
			return 1;
		}
	x.kind = RN_FINITE;
	if (n > 0 && (p[0] == '-' || p[0] == '+')) {
		x.neg = p[0] == '-';
		i = 1;
	}
	x.ip = p + i;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++, x.in++;
	ndig = x.in;
	if (i < n && p[i] == '.') {
		i++;
		x.fp = p + i;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++, x.fn++;
		ndig += x.fn;
	}
	if (ndig == 0)
		return 0;
	if (exp && i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '-' || p[i] == '+'))
			x.xneg = p[i++] == '-';
		x.xp = p + i;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++, x.xn++;
		if (x.xn == 0)
			return 0;
		while (x.xn > 0 && x.xp[0] == '0')
			x.xp++, x.xn--;
	}
	if (i != n)
		return 0;
	while (x.in > 0 && x.ip[0] == '0')
		x.ip++, x.in--;
	while (x.fn > 0 && x.fp[x.fn - 1] == '0')
		x.fn--;
	if (x.in == 0 && x.fn == 0)
		x.neg = 0;		/* -0 = 0 = 0.000 = 0e9 */
	if (d != NULL)
		*d = x;
	return 1;
}

static int
ref_number(const char *p, size_t n, struct dec *d)
{
	return ref_number_as(p, n, 1, d);
}

/*
 * Signed big integers in decimal, for the exponents: a sign and the
 * digits, most significant first, without leading zeros (zero: none).
 * Schoolbook: the reference may allocate and be slow.
 */
struct big {
	int		 neg;
	char		*d;
	size_t		 n;
};

static void
big_trim(struct big *b)
{
	size_t z = 0;

	while (z < b->n && b->d[z] == '0')
		z++;
	memmove(b->d, b->d + z, b->n - z);
	b->n -= z;
	if (b->n == 0)
		b->neg = 0;
}

/* |a| against |b|: -1, 0, 1. */
static int
big_cmpabs(const struct big *a, const struct big *b)
{
	int c;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	c = a->n ? memcmp(a->d, b->d, a->n) : 0;
	return c < 0 ? -1 : c > 0;
}

/* a + b, a new number. */
static struct big
big_add(const struct big *a, const struct big *b)
{
	const struct big *hi = a, *lo = b;
	struct big r;
	size_t i;
	int carry = 0, da, db, v;

	r.n = (a->n > b->n ? a->n : b->n) + 1;
	r.d = xmalloc(r.n + 1);
	if (a->neg == b->neg) {
		r.neg = a->neg;
		for (i = 0; i < r.n; i++) {
			da = i < a->n ? a->d[a->n - 1 - i] - '0' : 0;
			db = i < b->n ? b->d[b->n - 1 - i] - '0' : 0;
			v = da + db + carry;
			carry = v / 10;
			r.d[r.n - 1 - i] = (char)('0' + v % 10);
		}
	} else {
		/* The larger magnitude less the smaller, with its sign. */
		if (big_cmpabs(a, b) < 0)
			hi = b, lo = a;
		r.neg = hi->neg;
		for (i = 0; i < r.n; i++) {
			da = i < hi->n ? hi->d[hi->n - 1 - i] - '0' : 0;
			db = i < lo->n ? lo->d[lo->n - 1 - i] - '0' : 0;
			v = da - db - carry;
			carry = v < 0;
			r.d[r.n - 1 - i] = (char)('0' + (v + 10) % 10);
		}
	}
	big_trim(&r);
	return r;
}

/* a against b: -1, 0, 1. */
static int
big_cmp(const struct big *a, const struct big *b)
{
	if (a->neg != b->neg)
		return a->neg ? -1 : 1;
	return a->neg ? -big_cmpabs(a, b) : big_cmpabs(a, b);
}

/*
 * A nonzero finite number as 0.S x 10^E, S its significant digits (from
 * the first nonzero one, the trailing zeros off; allocated) and E a big.
 */
static void
ref_sci(const struct dec *x, char **s, size_t *sn, struct big *e)
{
	struct big shift, xe;
	char *all, tmp[32];
	size_t n = x->in + x->fn, z = 0, k;
	long long point;

	all = xmalloc(n + 1);
	if (x->in > 0)
		memcpy(all, x->ip, x->in);
	if (x->fn > 0)
		memcpy(all + x->in, x->fp, x->fn);
	while (z < n && all[z] == '0')
		z++;
	/* The point stood after in digits; z of them were zeros. */
	point = (long long)x->in - (long long)z;
	memmove(all, all + z, n - z);
	*sn = n - z;
	while (*sn > 0 && all[*sn - 1] == '0')
		(*sn)--;		/* 100: 0.1 x 10^3 */
	*s = all;
	snprintf(tmp, sizeof(tmp), "%lld", point < 0 ? -point : point);
	k = strlen(tmp);
	shift.neg = point < 0;
	shift.d = xmalloc(k + 1);
	memcpy(shift.d, tmp, k);
	shift.n = k;
	big_trim(&shift);
	xe.neg = x->xneg;
	xe.d = xmalloc(x->xn + 1);
	if (x->xn > 0)
		memcpy(xe.d, x->xp, x->xn);
	xe.n = x->xn;
	big_trim(&xe);
	*e = big_add(&xe, &shift);
	free(shift.d);
	free(xe.d);
}

/* The exact order of two numbers: -1, 0, 1. */
static int
ref_deccmp(const struct dec *a, const struct dec *b)
{
	struct big ea, eb;
	char *sa, *sb;
	size_t na, nb, i;
	int c = 0, za, zb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind != RN_FINITE)
		return 0;
	za = a->in == 0 && a->fn == 0;
	zb = b->in == 0 && b->fn == 0;
	if (za || zb) {
		/* Zero whatever its exponent: only the other's sign counts. */
		if (za && zb)
			return 0;
		if (za)
			return b->neg ? 1 : -1;
		return a->neg ? -1 : 1;
	}
	if (a->neg != b->neg)
		return a->neg ? -1 : 1;
	ref_sci(a, &sa, &na, &ea);
	ref_sci(b, &sb, &nb, &eb);
	c = big_cmp(&ea, &eb);
	for (i = 0; c == 0 && (i < na || i < nb); i++) {
		if (i >= na || i >= nb)
			c = i >= na ? -1 : 1;	/* the rest is nonzero */
		else if (sa[i] != sb[i])
			c = sa[i] < sb[i] ? -1 : 1;
	}
	free(sa);
	free(sb);
	free(ea.d);
	free(eb.d);
	return a->neg ? -c : c;
}

/* Bytes, unsigned, a proper prefix first: -1, 0, 1. */
static int
ref_bytecmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	for (i = 0; i < an && i < bn; i++)
		if (a[i] != b[i])
			return (unsigned char)a[i] < (unsigned char)b[i] ?
			    -1 : 1;
	return an < bn ? -1 : an > bn;
}

/* A value against a literal: numbers when both are (the literal bare). */
static int
ref_cmp(const char *p, size_t n, const struct rule_value *v)
{
	struct dec x, y;

	if (v->number && ref_number(p, n, &x) && ref_number(v->p, v->len, &y))
		return ref_deccmp(&x, &y);
	return ref_bytecmp(p, n, v->p, v->len);
}

/* What one evaluation asked get() for, in order. */
struct calls {
	const struct rule_cond **c;
	size_t		 n, cap;
};

static void
calls_add(struct calls *k, const struct rule_cond *c)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->c = xrealloc(k->c, k->cap * sizeof(*k->c));
	}
	k->c[k->n++] = c;
}

static int
tv(int b)
{
	return b ? R_TRUE : R_FALSE;
}

/* Evaluate c on row r: R_TRUE, R_FALSE, R_UNKNOWN or R_ERROR. */
static int
ref_eval(const struct rule_cond *c, const struct row *r, struct calls *k)
{
	const struct cell *cell;
	struct df_error err;
	size_t i;
	int a, b, m;

	switch (c->op) {
	case COND_NOT:
		a = ref_eval(c->a, r, k);
		if (a == R_TRUE || a == R_FALSE)
			return a == R_TRUE ? R_FALSE : R_TRUE;
		return a;
	case COND_AND:
		a = ref_eval(c->a, r, k);
		if (a == R_ERROR || a == R_FALSE)
			return a;
		b = ref_eval(c->b, r, k);
		if (b == R_ERROR || b == R_FALSE)
			return b;
		return a == R_TRUE && b == R_TRUE ? R_TRUE : R_UNKNOWN;
	case COND_OR:
		a = ref_eval(c->a, r, k);
		if (a == R_ERROR || a == R_TRUE)
			return a;
		b = ref_eval(c->b, r, k);
		if (b == R_ERROR || b == R_TRUE)
			return b;
		return a == R_FALSE && b == R_FALSE ? R_FALSE : R_UNKNOWN;
	default:
		break;
	}
	calls_add(k, c);
	cell = row_cell(r, c->column);
	if (cell->kind == CELL_FAIL)
		return R_ERROR;
	if (c->op == COND_NULL)
		return tv(cell->kind == CELL_NULL);
	if (c->op == COND_NOTNULL)
		return tv(cell->kind != CELL_NULL);
	if (cell->kind == CELL_NULL)
		return R_UNKNOWN;
	switch (c->op) {
	case COND_EQ:
		return tv(ref_cmp(cell->p, cell->n, &c->vals[0]) == 0);
	case COND_NE:
		return tv(ref_cmp(cell->p, cell->n, &c->vals[0]) != 0);
	case COND_LT:
		return tv(ref_cmp(cell->p, cell->n, &c->vals[0]) < 0);
	case COND_LE:
		return tv(ref_cmp(cell->p, cell->n, &c->vals[0]) <= 0);
	case COND_GT:
		return tv(ref_cmp(cell->p, cell->n, &c->vals[0]) > 0);
	case COND_GE:
		return tv(ref_cmp(cell->p, cell->n, &c->vals[0]) >= 0);
	case COND_IN:
		for (i = 0; i < c->nvals; i++)
			if (ref_cmp(cell->p, cell->n, &c->vals[i]) == 0)
				return R_TRUE;
		return R_FALSE;
	case COND_MATCH:
	case COND_NMATCH:
		memset(&err, 0, sizeof(err));
		m = rx_match(c->rx, cell->p, cell->n, &err);
		if (m == -1)
			return R_ERROR;
		FUZZ_CHECK(m == 0 || m == 1, "rx_match gave %d", m);
		return tv(c->op == COND_MATCH ? m : !m);
	default:
		FUZZ_CHECK(0, "operator %d", (int)c->op);
	}
	return R_ERROR;
}

/* ---- The product, through get() ------------------------------------- */

/* The comparisons of the file by id, and the condition each belongs to. */
struct leaves {
	const struct rule_cond **byid;
	size_t		*owner;
	size_t		 n;		/* rules.nconds */
};

struct getctx {
	const struct leaves *lv;
	size_t		 cond;		/* being evaluated */
	const struct row *row;
	struct calls	 k;
};

static int
prod_get(void *ctx, const struct rule_cond *c, const char **p, size_t *n,
    struct df_error *err)
{
	struct getctx *g = ctx;
	const struct cell *cell;

	FUZZ_CHECK(c != NULL && c->column != NULL, "get() for a node without "
	    "a column");
	FUZZ_CHECK(c->id < g->lv->n && g->lv->byid[c->id] == c &&
	    g->lv->owner[c->id] == g->cond, "get() for a node (id %zu) that "
	    "is not a comparison of this condition", c->id);
	calls_add(&g->k, c);
	cell = row_cell(g->row, c->column);
	if (cell->kind == CELL_FAIL)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: the read failed",
		    c->column);
	if (cell->kind == CELL_NULL)
		return 1;
	*p = cell->p;
	*n = cell->n;
	return 0;
}

static const char *
rname(int r)
{
	switch (r) {
	case R_FALSE:
		return "false";
	case R_TRUE:
		return "true";
	case R_UNKNOWN:
		return "unknown";
	default:
		return "error";
	}
}

/* The row, for a report: at most a few hundred bytes of it. */
static const char *
row_show(const struct row *r)
{
	static char s[1024];
	size_t i, j, k = 0;

	for (i = 0; i < r->ncells && k + 40 < sizeof(s); i++) {
		k += (size_t)snprintf(s + k, sizeof(s) - k, "%s%s", i ? " " :
		    "", r->cells[i].name);
		if (r->cells[i].kind != CELL_VALUE) {
			k += (size_t)snprintf(s + k, sizeof(s) - k, "%s",
			    r->cells[i].kind == CELL_NULL ? "(NULL)" :
			    "(fails)");
			continue;
		}
		s[k++] = '=';
		for (j = 0; j < r->cells[i].n && k + 8 < sizeof(s); j++) {
			unsigned char ch = (unsigned char)r->cells[i].p[j];

			if (ch >= 0x21 && ch < 0x7f && ch != '\\')
				s[k++] = (char)ch;
			else
				k += (size_t)snprintf(s + k, sizeof(s) - k,
				    "\\x%02x", ch);
		}
	}
	s[k < sizeof(s) ? k : sizeof(s) - 1] = '\0';
	return s;
}

/* Evaluate condition ci on row r both ways, twice; compare everything. */
static void
check_row(const struct leaves *lv, size_t ci, const struct rule_cond *c,
    const struct row *r, struct calls *ref, struct getctx *g,
    struct getctx *g2)
{
	struct df_error err, err2;
	int want, got, got2;
	size_t i;

	ref->n = 0;
	want = ref_eval(c, r, ref);
	g->lv = g2->lv = lv;
	g->cond = g2->cond = ci;
	g->row = g2->row = r;
	g->k.n = g2->k.n = 0;
	memset(&err, 0, sizeof(err));
	memset(&err2, 0, sizeof(err2));
	got = rule_cond_eval(c, prod_get, g, &err);
	got2 = rule_cond_eval(c, prod_get, g2, &err2);
	FUZZ_CHECK(got == got2 && g->k.n == g2->k.n && memcmp(g->k.c, g2->k.c,
	    g->k.n * sizeof(*g->k.c)) == 0 && strcmp(err.msg, err2.msg) == 0,
	    "not deterministic: %d then %d, on the row %s", got, got2,
	    row_show(r));
	FUZZ_CHECK(got == (want == R_ERROR ? -1 : want == R_TRUE),
	    "rule_cond_eval gave %d, the reference %s, on the row %s", got,
	    rname(want), row_show(r));
	if (got == -1)
		FUZZ_CHECK(err.code == DF_EXIT_DATA && err.msg[0] != '\0',
		    "-1 with code %d and message \"%s\"", err.code, err.msg);
	else
		FUZZ_CHECK(err.code == 0 && err.msg[0] == '\0', "%d with an "
		    "error filled: %s", got, err.msg);
	for (i = 0; i < ref->n && i < g->k.n; i++)
		if (ref->c[i] != g->k.c[i])
			break;
	FUZZ_CHECK(i == ref->n && i == g->k.n, "get() calls differ at call "
	    "%zu: column \"%s\" (id %zu), the reference's \"%s\" (id %zu); "
	    "%zu and %zu calls, on the row %s", i,
	    i < g->k.n ? g->k.c[i]->column : "-",
	    i < g->k.n ? g->k.c[i]->id : 0,
	    i < ref->n ? ref->c[i]->column : "-",
	    i < ref->n ? ref->c[i]->id : 0, g->k.n, ref->n, row_show(r));
}

/* ---- Generated rows ---------------------------------------------------- */

struct pool {
	struct cell	*v;		/* name unused */
	size_t		 n, cap;
	char	       **owned;		/* derived literals */
	size_t		 nowned;
};

#define S(s)	{ "", CELL_VALUE, s, sizeof(s) - 1 }

static const struct cell fixed_pool[] = {
	{ "", CELL_NULL, NULL, 0 }, { "", CELL_FAIL, NULL, 0 },
	S(""), S("0"), S("-0"), S("+0"), S("0.0"), S("00"), S("1"), S("1.0"),
	S("1.5"), S("1.50"), S("007"), S("7"), S("-2.5"), S("-3"), S("9"),
	S("10"), S("1e3"), S("1000"), S(" 1"), S("1 "), S("0x10"), S("16"),
	S("+1"), S(".5"), S("5."), S("-.5"), S("0.5"), S("-"), S("."),
	S("9007199254740992"), S("9007199254740993"),
	S("0.1000000000000000055511151231257827"), S("0.1"),
	S("1234567890123456789012345678901234567890123456789012345678901234567"
	    "89"),
	S("1234567890123456789012345678901234567890123456789012345678901234567"
	    "90"),
	S("2025-01-05"), S("2025-01-05 00:12:00+00"), S("2025-01-04"),
	S("abc"), S("ABC"), S("abd"), S("ab"), S("a"), S("\xc3\xa9t\xc3\xa9"),
	S("\xff\xfe"), S("a\0b"), S("x\ny"), S("NULL"), S("null"), S("inf"),
	S("NaN"),
	/* Floats as the dumps write them, and what is not quite one. */
	S("5e-05"), S("0.00005"), S("1e+100"), S("1E100"), S("1e-5"),
	S("1.5e20"), S("-1.5e-07"), S("9.007199254740993e15"), S(".5e1"),
	S("0e5"), S("-0e-5"), S("1e999999999999999999999"),
	S("10e999999999999999999998"), S("1e-999999999999999999999"),
	S("-1e999999999999999999999"), S("Infinity"), S("-Infinity"),
	S("+Infinity"), S("nan"), S("1e"), S("1e+"), S("e5"), S("1e5x"),
	S("1e5.5")
};

static void
pool_add(struct pool *pl, enum cell_kind kind, const char *p, size_t n)
{
	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? 2 * pl->cap : 128;
		pl->v = xrealloc(pl->v, pl->cap * sizeof(*pl->v));
	}
	pl->v[pl->n].name = "";
	pl->v[pl->n].kind = kind;
	pl->v[pl->n].p = p;
	pl->v[pl->n].n = n;
	pl->n++;
}

/*
 * A literal and, for a number, its neighbours: 1.50 for 1.5, 010, -x,
 * x1, and xe0 (x itself, or for 1e5 the greater 1e50).
 */
static void
pool_literal(struct pool *pl, const struct rule_value *v)
{
	static const char *const deco[][2] = {
		{ "", "0" }, { "0", "" }, { "-", "" }, { "", "1" }, { "", "e0" }
	};
	size_t i;
	char *s;

	pool_add(pl, CELL_VALUE, v->p, v->len);
	if (!v->number)
		return;
	for (i = 0; i < sizeof(deco) / sizeof(deco[0]); i++) {
		s = xmalloc(v->len + 3);
		snprintf(s, v->len + 3, "%s%s%s", deco[i][0], v->p,
		    deco[i][1]);
		/* "1" + "0" would be 10, not 1.0: a point first. */
		if (i == 0 && memchr(v->p, '.', v->len) == NULL) {
			free(s);
			s = xmalloc(v->len + 3);
			snprintf(s, v->len + 3, "%s.0", v->p);
		}
		pl->owned = xrealloc(pl->owned, (pl->nowned + 1) *
		    sizeof(*pl->owned));
		pl->owned[pl->nowned++] = s;
		pool_add(pl, CELL_VALUE, s, strlen(s));
	}
}

/* The distinct columns and the literals of c, into cols[] and the pool. */
static void
collect(const struct rule_cond *c, const char **cols, size_t *ncols,
    size_t maxcols, struct pool *pl, size_t *nlit)
{
	size_t i;

	if (c->a != NULL)
		collect(c->a, cols, ncols, maxcols, pl, nlit);
	if (c->b != NULL)
		collect(c->b, cols, ncols, maxcols, pl, nlit);
	if (c->column == NULL)
		return;
	for (i = 0; i < *ncols; i++)
		if (strcmp(cols[i], c->column) == 0)
			break;
	if (i == *ncols && *ncols < maxcols)
		cols[(*ncols)++] = c->column;
	for (i = 0; i < c->nvals && *nlit < MAX_LITERALS; i++, (*nlit)++)
		pool_literal(pl, &c->vals[i]);
}

static size_t
count_leaves(const struct rule_cond *c)
{
	if (c->op == COND_AND || c->op == COND_OR)
		return count_leaves(c->a) + count_leaves(c->b);
	if (c->op == COND_NOT)
		return count_leaves(c->a);
	return 1;
}

/* Run condition ci on the input's rows and on rows made from its parts. */
static void
check_cond(const struct leaves *lv, size_t ci, const struct rule_cond *c,
    const struct row *rows, size_t nrows)
{
	const char *cols[MAX_CELLS];
	struct calls ref = { NULL, 0, 0 };
	struct getctx g, g2;
	struct pool pl;
	struct row r;
	size_t ncols = 0, nlit = 0, nleaves, nmix, i, j;
	uint32_t x;

	memset(&g, 0, sizeof(g));
	memset(&g2, 0, sizeof(g2));
	memset(&pl, 0, sizeof(pl));
	for (i = 0; i < nrows; i++)
		check_row(lv, ci, c, &rows[i], &ref, &g, &g2);
	for (i = 0; i < sizeof(fixed_pool) / sizeof(fixed_pool[0]); i++)
		pool_add(&pl, fixed_pool[i].kind, fixed_pool[i].p,
		    fixed_pool[i].n);
	collect(c, cols, &ncols, MAX_CELLS, &pl, &nlit);
	/* Big trees get fewer rows: each row costs a walk of the tree. */
	nleaves = count_leaves(c);
	nmix = nleaves > 64 ? 0 : ncols > 1 ? 96 : 0;
	r.ncells = ncols;
	for (i = 0; i < pl.n + nmix; i++) {
		if (nleaves > 512 && i % 8 != 0)
			continue;
		for (j = 0; j < ncols; j++) {
			/* First every column the same value, then mixes. */
			x = (uint32_t)i;
			if (i >= pl.n)
				x = (uint32_t)(i * 2654435761u) ^
				    (uint32_t)((j + 1) * 40503u) ^
				    (uint32_t)(i * j * 97u);
			r.cells[j] = pl.v[x % pl.n];
			r.cells[j].name = cols[j];
		}
		check_row(lv, ci, c, &r, &ref, &g, &g2);
	}
	for (i = 0; i < pl.nowned; i++)
		free(pl.owned[i]);
	free(pl.owned);
	free(pl.v);
	free(ref.c);
	free(g.k.c);
	free(g2.k.c);
}

/* ---- An independent parser of the condition --------------------------- */

/*
 * The grammar of dumprules(5), for the check that the parser's tree is the
 * one the page describes.  The lexical rules (LEXICAL CONVENTIONS): words,
 * 'strings' with '' and \\ \' \n \t \r \0 \xHH, "names" with "", /regex/
 * with flags, comments, ';', a backslash continuing a line, newlines as
 * space inside ( ).
 */
enum rk { K_EOF, K_NL, K_WORD, K_STR, K_QNAME, K_RX, K_PUNCT };

struct rtok {
	enum rk		 k;
	const char	*p;		/* the raw token */
	size_t		 len;
	char		*val;		/* K_STR, K_QNAME: decoded */
	size_t		 vlen;
	const char	*src, *fl;	/* K_RX: source and flags, raw */
	size_t		 srclen, nfl;
};

struct rparser {
	const char	*cur, *end;
	int		 nlskip;
	struct rtok	 t;
	const char	*prev_end;	/* end of the token before t */
};

struct rnode {
	enum cond_op	 op;
	struct rnode	*a, *b;
	char		*col;		/* names hold no NUL */
	size_t		 ncol;
	struct rule_value *vals;
	size_t		 nvals;
	const char	*rx;		/* "/source/flags" as written */
	size_t		 rxlen;
	char		*rxbuf;
};

static int
word_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80 ||
	    (c != '\0' && strchr("_$.[]*%-:", c) != NULL);
}

/* Next token; 0, or -1 on a lexical error. */
static int
rlex(struct rparser *rp)
{
	const char *p, *e = rp->end;
	char *v;
	size_t k;
	int q, h1, h2;

	rp->prev_end = rp->t.p + rp->t.len;
	free(rp->t.val);
	memset(&rp->t, 0, sizeof(rp->t));
	for (;;) {
		while (rp->cur < e && (*rp->cur == ' ' || *rp->cur == '\t' ||
		    *rp->cur == '\r'))
			rp->cur++;
		if (rp->cur < e && *rp->cur == '#')
			while (rp->cur < e && *rp->cur != '\n')
				rp->cur++;
		if (rp->cur + 1 < e && rp->cur[0] == '\\' &&
		    rp->cur[1] == '\n') {
			rp->cur += 2;
			continue;
		}
		if (rp->cur + 2 < e && rp->cur[0] == '\\' &&
		    rp->cur[1] == '\r' && rp->cur[2] == '\n') {
			rp->cur += 3;
			continue;
		}
		if (rp->cur < e && *rp->cur == '\n' && rp->nlskip > 0) {
			rp->cur++;
			continue;
		}
		break;
	}
	p = rp->cur;
	rp->t.p = p;
	if (p == e) {
		rp->t.k = K_EOF;
		return 0;
	}
	if (*p == '\n' || *p == ';') {
		rp->t.k = K_NL;
		rp->t.len = 1;
		rp->cur++;
		return 0;
	}
	if (*p == '\'' || *p == '"') {
		q = *p;
		v = xmalloc((size_t)(e - p));
		k = 0;
		for (p++;; p++) {
			if (p == e || *p == '\n' || *p == '\0') {
				free(v);
				return -1;
			}
			if (*p == q) {
				if (p + 1 < e && p[1] == q) {
					v[k++] = (char)q;
					p++;
					continue;
				}
				break;
			}
			if (*p != '\\' || q == '"') {
				v[k++] = *p;
				continue;
			}
			if (p + 1 == e) {
				free(v);
				return -1;
			}
			p++;
			if (*p == '\\' || *p == '\'')
				v[k++] = *p;
			else if (*p == 'n')
				v[k++] = '\n';
			else if (*p == 't')
				v[k++] = '\t';
			else if (*p == 'r')
				v[k++] = '\r';
			else if (*p == '0')
				v[k++] = '\0';
			else if (*p == 'x' && p + 2 < e &&
			    (h1 = hexval(p[1])) >= 0 &&
			    (h2 = hexval(p[2])) >= 0) {
				v[k++] = (char)(h1 * 16 + h2);
				p += 2;
			} else {
				free(v);
				return -1;
			}
		}
		rp->t.k = q == '\'' ? K_STR : K_QNAME;
		rp->t.val = v;
		rp->t.vlen = k;
		rp->t.len = (size_t)(p + 1 - rp->t.p);
		rp->cur = p + 1;
		return 0;
	}
	if (*p == '/') {
		for (p++; p < e && *p != '/'; p++) {
			if (*p == '\n' || *p == '\0')
				return -1;
			if (*p == '\\' && p + 1 < e && p[1] != '\n' &&
			    p[1] != '\0')
				p++;
		}
		if (p == e)
			return -1;
		rp->t.k = K_RX;
		rp->t.src = rp->t.p + 1;
		rp->t.srclen = (size_t)(p - rp->t.src);
		rp->t.fl = ++p;
		while (p < e && ((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		rp->t.nfl = (size_t)(p - rp->t.fl);
		rp->t.len = (size_t)(p - rp->t.p);
		rp->cur = p;
		return 0;
	}
	if (p + 1 < e && ((strchr("!<>", *p) != NULL && p[1] == '=') ||
	    (*p == '!' && p[1] == '~') || (*p == '-' && p[1] == '>'))) {
		rp->t.k = K_PUNCT;
		rp->t.len = 2;
	} else if (*p != '\0' && strchr("{}(),=<>~", *p) != NULL) {
		rp->t.k = K_PUNCT;
		rp->t.len = 1;
	} else if (word_byte((unsigned char)*p)) {
		while (p < e && word_byte((unsigned char)*p))
			p++;
		/* 1e+100: the word so far, a number less its 'e', and '+'. */
		if (p < e && *p == '+' && p - rp->t.p >= 2 &&
		    (p[-1] == 'e' || p[-1] == 'E') &&
		    ref_number_as(rp->t.p, (size_t)(p - rp->t.p) - 1, 0,
		    NULL)) {
			p++;
			while (p < e && word_byte((unsigned char)*p))
				p++;
		}
		rp->t.k = K_WORD;
		rp->t.len = (size_t)(p - rp->t.p);
	} else {
		return -1;
	}
	rp->cur = rp->t.p + rp->t.len;
	return 0;
}

/* Keywords are case-insensitive (ASCII). */
static int
rkw(const struct rparser *rp, const char *kw)
{
	size_t i, n = strlen(kw);
	int c;

	if (rp->t.k != K_WORD || rp->t.len != n)
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)rp->t.p[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != kw[i])
			return 0;
	}
	return 1;
}

static int
rpunct(const struct rparser *rp, const char *s)
{
	return rp->t.k == K_PUNCT && rp->t.len == strlen(s) &&
	    memcmp(rp->t.p, s, rp->t.len) == 0;
}

static void
rnode_free(struct rnode *n)
{
	size_t i;

	if (n == NULL)
		return;
	rnode_free(n->a);
	rnode_free(n->b);
	free(n->col);
	for (i = 0; i < n->nvals; i++)
		free(n->vals[i].p);
	free(n->vals);
	free(n->rxbuf);
	free(n);
}

/* 'string' or a bare number. */
static int
rvalue(struct rparser *rp, struct rule_value *v)
{
	memset(v, 0, sizeof(*v));
	if (rp->t.k == K_STR) {
		v->p = xmalloc(rp->t.vlen + 1);
		memcpy(v->p, rp->t.val, rp->t.vlen);
		v->p[rp->t.vlen] = '\0';
		v->len = rp->t.vlen;
		return rlex(rp);
	}
	if (rp->t.k == K_WORD && ref_number(rp->t.p, rp->t.len, NULL)) {
		v->p = xstrndup(rp->t.p, rp->t.len);
		v->len = rp->t.len;
		v->number = 1;
		return rlex(rp);
	}
	return -1;
}

static int ror(struct rparser *, struct rnode **, int);

/*
 * COLUMN = | != | < | <= | > | >= VALUE, ~ | !~ /re/, in (VALUE, ...),
 * is [not] null.  A column is one bare word without '.', or one "quoted"
 * name; nothing may run into it.
 */
static int
rcmp(struct rparser *rp, struct rnode **out)
{
	static const struct {
		const char	*s;
		enum cond_op	 op;
	} ops[] = {
		{ "=", COND_EQ }, { "!=", COND_NE }, { "<", COND_LT },
		{ "<=", COND_LE }, { ">", COND_GT }, { ">=", COND_GE },
		{ "~", COND_MATCH }, { "!~", COND_NMATCH }
	};
	struct rnode *n = xcalloc(1, sizeof(*n));
	size_t i;

	*out = n;
	if (rp->t.k == K_WORD) {
		if (memchr(rp->t.p, '.', rp->t.len) != NULL)
			return -1;
		n->col = xstrndup(rp->t.p, rp->t.len);
		n->ncol = rp->t.len;
	} else if (rp->t.k == K_QNAME) {
		if (rp->t.vlen == 0)
			return -1;
		n->col = xstrndup(rp->t.val, rp->t.vlen);
		n->ncol = rp->t.vlen;
	} else {
		return -1;
	}
	if (rlex(rp) == -1)
		return -1;
	if ((rp->t.k == K_WORD || rp->t.k == K_QNAME) &&
	    rp->t.p == rp->prev_end)
		return -1;
	if (rkw(rp, "is")) {
		if (rlex(rp) == -1)
			return -1;
		n->op = COND_NULL;
		if (rkw(rp, "not")) {
			n->op = COND_NOTNULL;
			if (rlex(rp) == -1)
				return -1;
		}
		if (!rkw(rp, "null"))
			return -1;
		return rlex(rp);
	}
	if (rkw(rp, "in")) {
		n->op = COND_IN;
		if (rlex(rp) == -1 || !rpunct(rp, "("))
			return -1;
		rp->nlskip++;
		if (rlex(rp) == -1)
			return -1;
		for (;;) {
			n->vals = xrealloc(n->vals, (n->nvals + 1) *
			    sizeof(*n->vals));
			if (rvalue(rp, &n->vals[n->nvals++]) == -1)
				return -1;
			if (!rpunct(rp, ","))
				break;
			if (rlex(rp) == -1)
				return -1;
		}
		rp->nlskip--;
		if (!rpunct(rp, ")"))
			return -1;
		return rlex(rp);
	}
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (rpunct(rp, ops[i].s))
			break;
	if (i == sizeof(ops) / sizeof(ops[0]))
		return -1;
	n->op = ops[i].op;
	if (rlex(rp) == -1)
		return -1;
	if (n->op == COND_MATCH || n->op == COND_NMATCH) {
		if (rp->t.k != K_RX)
			return -1;
		n->rxlen = rp->t.srclen + rp->t.nfl + 2;
		n->rxbuf = xmalloc(n->rxlen);
		n->rxbuf[0] = '/';
		memcpy(n->rxbuf + 1, rp->t.src, rp->t.srclen);
		n->rxbuf[rp->t.srclen + 1] = '/';
		memcpy(n->rxbuf + rp->t.srclen + 2, rp->t.fl, rp->t.nfl);
		n->rx = n->rxbuf;
		return rlex(rp);
	}
	n->vals = xcalloc(1, sizeof(*n->vals));
	n->nvals = 1;
	return rvalue(rp, &n->vals[0]);
}

/* not X | ( OR ) | comparison; depth bounds this parser's recursion. */
static int
rnot(struct rparser *rp, struct rnode **out, int depth)
{
	struct rnode *n;

	if (depth > 200)
		return -1;
	if (rkw(rp, "not")) {
		n = xcalloc(1, sizeof(*n));
		*out = n;
		n->op = COND_NOT;
		if (rlex(rp) == -1)
			return -1;
		return rnot(rp, &n->a, depth + 1);
	}
	if (rpunct(rp, "(")) {
		rp->nlskip++;
		if (rlex(rp) == -1 || ror(rp, out, depth + 1) == -1)
			return -1;
		rp->nlskip--;
		if (!rpunct(rp, ")"))
			return -1;
		return rlex(rp);
	}
	return rcmp(rp, out);
}

/* X and X and ..., left-associative. */
static int
rand_(struct rparser *rp, struct rnode **out, int depth)
{
	struct rnode *n;

	if (rnot(rp, out, depth) == -1)
		return -1;
	while (rkw(rp, "and")) {
		n = xcalloc(1, sizeof(*n));
		n->op = COND_AND;
		n->a = *out;
		*out = n;
		if (rlex(rp) == -1 || rnot(rp, &n->b, depth) == -1)
			return -1;
	}
	return 0;
}

/* X or X or ..., left-associative; and binds tighter. */
static int
ror(struct rparser *rp, struct rnode **out, int depth)
{
	struct rnode *n;

	if (rand_(rp, out, depth) == -1)
		return -1;
	while (rkw(rp, "or")) {
		n = xcalloc(1, sizeof(*n));
		n->op = COND_OR;
		n->a = *out;
		*out = n;
		if (rlex(rp) == -1 || rand_(rp, &n->b, depth) == -1)
			return -1;
	}
	return 0;
}

/* Parse the whole text (p, n) as one condition and nothing but ends. */
static struct rnode *
rparse(const char *p, size_t n)
{
	struct rparser rp;
	struct rnode *root = NULL;
	int ok;

	memset(&rp, 0, sizeof(rp));
	rp.cur = p;
	rp.end = p + n;
	rp.t.p = p;
	ok = rlex(&rp) == 0 && ror(&rp, &root, 0) == 0;
	while (ok && rp.t.k == K_NL)
		ok = rlex(&rp) == 0;
	ok = ok && rp.t.k == K_EOF;
	free(rp.t.val);
	if (!ok) {
		rnode_free(root);
		return NULL;
	}
	return root;
}

/* Is the parser's tree c the tree n of the grammar? */
static void
same_tree(const struct rule_cond *c, const struct rnode *n)
{
	const char *t;
	size_t i;

	FUZZ_CHECK(c->op == n->op, "the tree has operator %d where the "
	    "grammar gives %d", (int)c->op, (int)n->op);
	if (c->op == COND_AND || c->op == COND_OR || c->op == COND_NOT) {
		FUZZ_CHECK(c->a != NULL, "an operator without an operand");
		same_tree(c->a, n->a);
		FUZZ_CHECK((c->b == NULL) == (n->b == NULL), "operands");
		if (n->b != NULL)
			same_tree(c->b, n->b);
		return;
	}
	FUZZ_CHECK(c->column != NULL && strlen(c->column) == n->ncol &&
	    memcmp(c->column, n->col, n->ncol) == 0, "the column is \"%s\", "
	    "the grammar gives \"%s\"", c->column ? c->column : "(none)",
	    n->col);
	FUZZ_CHECK(c->nvals == n->nvals, "%zu values, the grammar gives %zu",
	    c->nvals, n->nvals);
	for (i = 0; i < n->nvals; i++)
		FUZZ_CHECK(c->vals[i].len == n->vals[i].len &&
		    memcmp(c->vals[i].p, n->vals[i].p, n->vals[i].len) == 0 &&
		    c->vals[i].number == n->vals[i].number, "value %zu is "
		    "\"%s\" (%zu bytes, bare %d), the grammar gives \"%s\" "
		    "(%zu bytes, bare %d)", i, c->vals[i].p, c->vals[i].len,
		    c->vals[i].number, n->vals[i].p, n->vals[i].len,
		    n->vals[i].number);
	if (n->rx != NULL) {
		FUZZ_CHECK(c->rx != NULL, "a match without a regex");
		t = rx_text(c->rx);
		FUZZ_CHECK(strlen(t) == n->rxlen && memcmp(t, n->rx,
		    n->rxlen) == 0, "the regex is %s, written %.*s", t,
		    (int)n->rxlen, n->rx);
	}
}

/* ---- Driver ------------------------------------------------------------- */

/* Could a path in the input leave the directory?  As fuzz_rules.c. */
static int
unsafe(const uint8_t *p, size_t n)
{
	static const char *const bad[] = { "\"/", "'/", "..", "\\x2", "\\X2" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (memmem(p, n, bad[i], strlen(bad[i])) != NULL)
			return 1;
	return 0;
}

/* Number the comparisons of c as condition ci, checking the ids. */
static void
index_leaves(const struct rule_cond *c, struct leaves *lv, size_t ci)
{
	if (c->op == COND_AND || c->op == COND_OR || c->op == COND_NOT) {
		FUZZ_CHECK(c->a != NULL && (c->op == COND_NOT) ==
		    (c->b == NULL), "operator %d with operands %p, %p",
		    (int)c->op, (void *)c->a, (void *)c->b);
		index_leaves(c->a, lv, ci);
		if (c->b != NULL)
			index_leaves(c->b, lv, ci);
		return;
	}
	FUZZ_CHECK(c->op >= COND_EQ && c->op <= COND_NOTNULL, "operator %d",
	    (int)c->op);
	FUZZ_CHECK(c->column != NULL, "a comparison without a column");
	FUZZ_CHECK(c->id < lv->n, "id %zu of %zu", c->id, lv->n);
	FUZZ_CHECK(lv->byid[c->id] == NULL, "two comparisons with id %zu",
	    c->id);
	FUZZ_CHECK((c->op == COND_MATCH || c->op == COND_NMATCH) ==
	    (c->rx != NULL), "a regex on operator %d", (int)c->op);
	FUZZ_CHECK(c->op == COND_MATCH || c->op == COND_NMATCH ||
	    c->op == COND_NULL || c->op == COND_NOTNULL ||
	    (c->nvals >= 1 && (c->op == COND_IN || c->nvals == 1)),
	    "%zu values on operator %d", c->nvals, (int)c->op);
	lv->byid[c->id] = c;
	lv->owner[c->id] = ci;
}

/* Every condition of the file, in a fixed order. */
static size_t
conditions(const struct rules *rs, const struct rule_cond **out, size_t max)
{
	size_t n = 0, i, k;

	for (i = 0; i < rs->nkeep && n < max; i++)
		if (rs->keep[i].kind == KEEP_WHERE)
			out[n++] = rs->keep[i].where;
	for (i = 0; i < rs->nrelation && n < max; i++)
		if (rs->relation[i].when != NULL)
			out[n++] = rs->relation[i].when;
	for (i = 0; i < rs->ntables; i++)
		for (k = 0; k < rs->tables[i].ncols && n < max; k++)
			if (rs->tables[i].cols[k].act.when != NULL)
				out[n++] = rs->tables[i].cols[k].act.when;
	for (i = 0; i < rs->ncolumns && n < max; i++)
		if (rs->columns[i].act.when != NULL)
			out[n++] = rs->columns[i].act.when;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char head[] = "keep t where ";
	const struct rule_cond *conds[16];
	const uint8_t *sep;
	struct leaves lv;
	struct df_error err;
	struct rules *rs;
	struct rnode *tree;
	struct row *rows;
	size_t clen, nconds, nrows = 0, i;
	char *text, *arena = NULL;

	if (rules_path[0] == '\0')
		fuzz_path(rules_path, sizeof(rules_path), "rules");
	sep = memmem(data, size, "\n----\n", 6);
	clen = sep != NULL ? (size_t)(sep - data) : size;
	if (clen > MAX_COND || unsafe(data, clen))
		return 0;
	text = xmalloc(sizeof(head) + clen + 1);
	memcpy(text, head, sizeof(head) - 1);
	memcpy(text + sizeof(head) - 1, data, clen);
	text[sizeof(head) - 1 + clen] = '\n';
	fuzz_write_file(rules_path, text, sizeof(head) + clen);
	memset(&err, 0, sizeof(err));
	rs = rules_load(rules_path, &err);
	if (rs == NULL) {
		FUZZ_CHECK(err.code == DF_EXIT_USAGE && err.msg[0] != '\0',
		    "a failed load with code %d, message \"%s\"", err.code,
		    err.msg);
		free(text);
		return 0;
	}

	/* The file as one statement: its tree is the grammar's. */
	if (rules_count(rs) == 1 && rs->nkeep == 1 &&
	    rs->keep[0].kind == KEEP_WHERE) {
		/* With the last newline: a backslash before it joins it. */
		tree = rparse(text + sizeof(head) - 1, clen + 1);
		FUZZ_CHECK(tree != NULL, "rules_load took a condition that the "
		    "grammar does not");
		same_tree(rs->keep[0].where, tree);
		rnode_free(tree);
	}
	free(text);

	rows = xcalloc(MAX_ROWS, sizeof(*rows));
	if (sep != NULL) {
		arena = xmalloc(size - clen + 1);
		nrows = rows_parse((const char *)sep + 6, size - clen - 6,
		    arena, rows);
	}
	lv.n = rs->nconds;
	lv.byid = xcalloc(lv.n + 1, sizeof(*lv.byid));
	lv.owner = xcalloc(lv.n + 1, sizeof(*lv.owner));
	nconds = conditions(rs, conds, sizeof(conds) / sizeof(conds[0]));
	for (i = 0; i < nconds; i++)
		index_leaves(conds[i], &lv, i);
	for (i = 0; i < nconds; i++)
		check_cond(&lv, i, conds[i], rows, nrows);
	free(lv.byid);
	free(lv.owner);
	free(arena);
	free(rows);
	rules_free(rs);
	return 0;
}
