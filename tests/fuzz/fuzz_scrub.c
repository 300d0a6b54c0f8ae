/*
 * fuzz_scrub: dumpscrub's engine (scrub.h) over a rules file and a dump.
 *
 * The input is a rules file, a line "----", and the dump:
 *
 *	table t { email email }\n----\n<dump bytes: plain, gzip or zstd>
 *
 * (no such line: nothing to run).  The rules go to the fuzz directory as
 * "rules" and are loaded with rules_load() (rules that could name a file
 * outside the directory are not loaded, as in fuzz_rules.c); the dump
 * goes to "in.sql".  The engine is driven as filters/dumpscrub.c's main()
 * drives it for a file with -r rules and --key-file (a fixed test key):
 * the read-ahead of the keys into a second catalog (a seekable input:
 * pg to its end, MySQL to its first data statement), scrub_new(),
 * scrub_check_all() of that catalog, the reading through scrub_handler()
 * into "out.sql" by ostream_open(), then scrub_report() and
 * ostream_close().  Only max_row differs: 1 MiB, not 256 MiB.
 *
 * What must hold:
 *   - nothing crashes, leaks or trips a sanitizer; a failing run fills
 *     the message, with code 1 or 2, and leaves no output file; no
 *     descriptor stays open;
 *   - determinism: a second run gives the same error (code, file, line,
 *     message), or the same output and report byte for byte;
 *   - split reads: the dump after spaces that end the reader's first
 *     window at a chosen offset (the library has 4 KiB blocks, so later
 *     edges fall every few KB), read in the dialect the first run found,
 *     gives the same error, or the spaces and then the same output (not
 *     for compressed input);
 *   - identity: when no rule can change a value (no rules, only other
 *     filters' statements, only keep and relink), or when the model below
 *     finds no value that changes, a successful run writes the
 *     (decompressed) input byte for byte;
 *   - the model: the harness reads the dump itself and decides each
 *     field's fate as dumprules(5) says (the rule chain of the column:
 *     table blocks, then column statements, the first whose `when` holds;
 *     conditions evaluated with rule_cond_eval() on the row's original
 *     values, char(n) trimmed; NULL stays NULL; xf_apply() with the same
 *     key; a value the action leaves equal keeps its bytes).  Where it
 *     predicts a data error (a malformed value, a failing action, a NUL
 *     for pg, a failing condition), the run must fail; where the run
 *     succeeds, its output, read back, has the same data statements and
 *     rows, each kept field byte for byte and each replaced one decoding
 *     to the value the model computed (or NULL);
 *   - never survives: a "secret" is the decoded value (char(n): trimmed)
 *     of a field that a replacing action rewrites -- hash, email,
 *     username, the name, company and place fakes, digits, phone, uuid,
 *     ipv4, ipv6, credit_card, set, null, empty; not keep, relink,
 *     partial, replace, map, json, date_shift or noise, whose outputs may
 *     hold their input -- of 8 bytes or more.  Its forms are the value
 *     raw and as each codec escapes it (COPY text, pg '..' with and
 *     without standard_conforming_strings, MySQL with and without
 *     backslash escapes; quotes left off).  A secret is excluded, as it
 *     may legitimately appear in the output, when a form of it occurs in
 *     the rules or in the dump other than inside the fields rewritten by
 *     a replacing action (a kept column, a comment, the DDL, a set
 *     literal written with escapes), or inside a form of a new value the
 *     model computed for some field: another row's fake may equal it
 *     (the fuzzer learns fakes from the engine's comparisons and writes
 *     them into other rows), and the dictionary fakes, digits, phone,
 *     ipv4 and ipv6 have fixed points by design (a value without digits,
 *     "0.0.0.0/0").  No form of any other secret may occur in the output
 *     of a successful run.  The first 256 distinct secrets of an input
 *     are checked.  (A secret that straddles a new value and the bytes
 *     around it, a tab and the next field, say, would be reported
 *     falsely; the fuzzer has not made one.);
 *   - for hash, email, username, uuid, credit_card, null and empty, the
 *     new value never holds the original value of 8 bytes or more, nor
 *     equals it.
 *
 * Set FUZZ_SCRUB_VERBOSE to have each input's counts (secrets checked
 * and excluded, fields replaced) and the totals printed on stderr: the
 * seed corpus must keep "checked" well above zero, or the property is
 * vacuous.  Inputs over 64 KB, or over 256 KB decompressed, are skipped.
 */
#include <config.h>

#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "fuzz.h"
#include "mysql.h"
#include "pg.h"
#include "reader.h"
#include "rules.h"
#include "schema.h"
#include "scrub.h"
#include "stream.h"
#include "transform.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define INPUT_MAX	(64 << 10)
#define REF_MAX		(256 << 10)
#define MAX_ROW		(1 << 20)
#define SNIFF_LEN	65536
#define SECRET_MIN	8
#define SECRETS_MAX	256

static const char sep[] = "\n----\n";
static const char test_key[] = "fuzz_scrub: a fixed test key\n";

static char	path_rules[600], path_in[600], path_split[600], path_out[600],
		path_report[600], path_key[600];
static struct xf_key key;
static int	verbose;

/* Totals for FUZZ_SCRUB_VERBOSE. */
static struct {
	unsigned long	 inputs, ok, identity, modelled;
	unsigned long long secrets, checked, elsewhere, faked, replaced;
} tot;

/* ---- Set-up ------------------------------------------------------------ */

static void
print_totals(void)
{
	fprintf(stderr, "fuzz_scrub: %lu inputs, %lu ran clean, %lu "
	    "identities, %lu modelled; %llu fields replaced; %llu secrets: "
	    "%llu checked, %llu elsewhere in the input, %llu equal to a "
	    "fake\n", tot.inputs, tot.ok, tot.identity, tot.modelled,
	    tot.replaced, tot.secrets, tot.checked, tot.elsewhere, tot.faked);
}

static void
setup(void)
{
	struct df_error err;

	if (path_key[0] != '\0')
		return;
	fuzz_path(path_rules, sizeof(path_rules), "rules");
	fuzz_path(path_in, sizeof(path_in), "in.sql");
	fuzz_path(path_split, sizeof(path_split), "split.sql");
	fuzz_path(path_out, sizeof(path_out), "out.sql");
	fuzz_path(path_report, sizeof(path_report), "report");
	fuzz_path(path_key, sizeof(path_key), "key");
	fuzz_write_file(path_key, test_key, sizeof(test_key) - 1);
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(xf_key_file(&key, path_key, &err) == 0, "the test key: %s",
	    err.msg);
	(void)remove(path_key);
	verbose = getenv("FUZZ_SCRUB_VERBOSE") != NULL;
	if (verbose)
		atexit(print_totals);
}

/* Could a path in the rules leave the directory?  (fuzz_rules.c) */
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

static uint32_t
fnv1a(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static size_t
count_fds(void)
{
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	d = opendir("/proc/self/fd");
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Occurrences of (f, m) in (p, n), overlapping ones counted. */
static size_t
count_in(const char *p, size_t n, const char *f, size_t m)
{
	const char *q, *e = p + n;
	size_t k = 0;

	if (m == 0 || n < m)
		return 0;
	while (p < e && (q = memmem(p, (size_t)(e - p), f, m)) != NULL) {
		k++;
		p = q + 1;
	}
	return k;
}

static int
has(const struct buf *b, const char *f, size_t m)
{
	return b->len >= m && memmem(b->p, b->len, f, m) != NULL;
}

/* ---- One run, as main() does it ----------------------------------------- */

struct result {
	const char	*label;
	int		 rc;		/* 0, or -1 with err */
	struct df_error	 err;
	enum dump_dialect dialect;	/* read, or DIALECT_AUTO */
	struct buf	 out, report;
};

static void
result_init(struct result *res, const char *label)
{
	memset(res, 0, sizeof(*res));
	res->label = label;
	buf_init(&res->out, 0);
	buf_init(&res->report, 0);
}

static void
result_free(struct result *res)
{
	buf_free(&res->out);
	buf_free(&res->report);
}

/* main()'s read-ahead: MySQL stops at its first data statement. */
struct ahead {
	int		 stopped;
};

static int
ahead_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct ahead *a = ctx;

	if (d->dialect != DIALECT_MYSQL)
		return DATA_PASS;
	a->stopped = 1;
	return df_err(err, DF_EXIT_OK, NULL, 0, "read-ahead done");
}

static int
read_ahead(struct istream *in, enum dump_dialect dialect, struct schema *pre,
    struct df_error *err)
{
	struct ahead a = { 0 };
	struct dump_handler h;
	struct dump_reader *r;
	int rc;

	memset(&h, 0, sizeof(h));
	h.ctx = &a;
	h.on_data = ahead_data;
	r = dump_reader_new(in, NULL, dialect, pre, &h, MAX_ROW);
	rc = dump_reader_run(r, err);
	dump_reader_free(r);
	if (rc == -1 && a.stopped) {
		memset(err, 0, sizeof(*err));
		rc = 0;
	}
	return rc;
}

/* The file's bytes into b (cleared), or b empty if there is no file. */
static void
slurp(const char *path, struct buf *b)
{
	buf_clear(b);
	if (access(path, F_OK) == 0)
		fuzz_read_file(path, b);
}

static void
run(const struct rules *rs, const char *path, enum dump_dialect dialect,
    struct result *res)
{
	struct df_error *err = &res->err, e2;
	struct dump_handler h;
	struct dump_reader *r = NULL;
	struct istream *in;
	struct ostream *out = NULL, *rep;
	struct schema *sch, *pre = NULL;
	struct scrub *s = NULL;
	size_t fds = count_fds();
	int rc;

	(void)remove(path_out);
	(void)remove(path_report);
	res->dialect = DIALECT_AUTO;
	in = istream_open(path, err);
	FUZZ_CHECK(in != NULL, "%s: istream_open: %s", res->label, err->msg);
	sch = schema_new();
	if (istream_seekable(in)) {
		pre = schema_new();
		if (read_ahead(in, dialect, pre, err) == -1 ||
		    istream_rewind(in, err) == -1)
			goto fail;
	}
	out = ostream_open(path_out, STREAM_PLAIN, 0, err);
	FUZZ_CHECK(out != NULL, "%s: ostream_open: %s", res->label, err->msg);
	s = scrub_new(rs, &key, pre, 0);
	if (pre != NULL && scrub_check_all(s, pre, NULL, err) == -1)
		goto fail;
	scrub_handler(s, NULL, &h);
	r = dump_reader_new(in, out, dialect, sch, &h, MAX_ROW);
	rc = dump_reader_run(r, err);
	res->dialect = dump_reader_dialect(r);
	if (rc == -1)
		goto fail;
	/* The report before the output is committed, as main() does. */
	memset(&e2, 0, sizeof(e2));
	rep = ostream_open(path_report, STREAM_PLAIN, 0, &e2);
	FUZZ_CHECK(rep != NULL, "%s: ostream_open: %s", res->label, e2.msg);
	FUZZ_CHECK(scrub_report(s, sch, istream_raw_pos(in), ostream_pos(out),
	    0.0, rep, &e2) == 0, "%s: scrub_report: %s", res->label, e2.msg);
	FUZZ_CHECK(ostream_close(rep, &e2) == 0, "%s: closing the report: %s",
	    res->label, e2.msg);
	rc = ostream_close(out, err);
	out = NULL;
	FUZZ_CHECK(rc == 0, "%s: closing the output: %s", res->label,
	    err->msg);
	res->rc = 0;
	goto done;
fail:
	res->rc = -1;
	FUZZ_CHECK(err->msg[0] != '\0', "%s: failed without a message",
	    res->label);
	FUZZ_CHECK(err->code == DF_EXIT_DATA || err->code == DF_EXIT_USAGE,
	    "%s: failed with code %d: %s", res->label, err->code, err->msg);
	ostream_abort(out);
done:
	dump_reader_free(r);
	scrub_free(s);
	istream_close(in);
	schema_free(sch);
	schema_free(pre);
	if (res->rc == -1)
		FUZZ_CHECK(access(path_out, F_OK) == -1, "%s: failed (%s), but "
		    "wrote its output", res->label, err->msg);
	slurp(path_out, &res->out);
	slurp(path_report, &res->report);
	(void)remove(path_out);
	(void)remove(path_report);
	FUZZ_CHECK(count_fds() == fds, "%s: %zu descriptors open after the "
	    "run, %zu before", res->label, count_fds(), fds);
}

static void
check_same_bytes(const char *what, const struct result *a,
    const struct buf *ab, const struct result *b, const struct buf *bb,
    size_t skip)
{
	const char *q = bb->len > skip ? bb->p + skip : "";
	size_t at, n = bb->len >= skip ? bb->len - skip : 0;

	if (bb->len >= skip && fuzz_eq(ab->p, ab->len, q, n))
		return;
	at = fuzz_diff_at(ab->p, ab->len, q, n);
	fuzz_fail(__FILE__, __LINE__, "same bytes", "%s: %s (%zu bytes) and "
	    "%s (%zu bytes, %zu skipped) differ at %zu: %s", what, a->label,
	    ab->len, b->label, bb->len, skip, at, fuzz_show(ab->p, ab->len,
	    at));
}

static void
check_same_error(const struct result *a, const struct result *b, int file)
{
	FUZZ_CHECK(a->rc == b->rc, "%s: rc %d (%s); %s: rc %d (%s)",
	    a->label, a->rc, a->err.msg, b->label, b->rc, b->err.msg);
	if (a->rc != 0)
		FUZZ_CHECK(a->err.code == b->err.code &&
		    a->err.line == b->err.line &&
		    (!file || strcmp(a->err.file, b->err.file) == 0) &&
		    strcmp(a->err.msg, b->err.msg) == 0, "%s: %d %s:%llu: "
		    "\"%s\"; %s: %d %s:%llu: \"%s\"", a->label, a->err.code,
		    a->err.file, a->err.line, a->err.msg, b->label,
		    b->err.code, b->err.file, b->err.line, b->err.msg);
}

/* ---- Rules -------------------------------------------------------------- */

/* Neither dumpscrub's keep nor dumprelink's relink changes a value. */
static int
is_active(enum action_kind k)
{
	return k != ACT_KEEP && k != ACT_RELINK;
}

/* An action whose output never holds its input by design. */
static int
is_replacing(enum action_kind k)
{
	switch (k) {
	case ACT_HASH:
	case ACT_EMAIL:
	case ACT_USERNAME:
	case ACT_FIRST_NAME:
	case ACT_LAST_NAME:
	case ACT_FULL_NAME:
	case ACT_COMPANY:
	case ACT_STREET:
	case ACT_CITY:
	case ACT_ZIP:
	case ACT_COUNTRY:
	case ACT_DIGITS:
	case ACT_PHONE:
	case ACT_UUID:
	case ACT_IPV4:
	case ACT_IPV6:
	case ACT_CREDIT_CARD:
	case ACT_SET:
	case ACT_NULL:
	case ACT_EMPTY:
		return 1;
	default:
		return 0;
	}
}

/*
 * Of those, the ones that can give a value back as its own output: a
 * dictionary pick, a digit permutation (no digits: the value itself),
 * ipv4 and ipv6 of a short prefix ("0.0.0.0/0"), and set (the literal).
 */
static int
may_fix(enum action_kind k)
{
	switch (k) {
	case ACT_HASH:
	case ACT_EMAIL:
	case ACT_USERNAME:
	case ACT_UUID:
	case ACT_CREDIT_CARD:
	case ACT_NULL:
	case ACT_EMPTY:
		return 0;
	default:
		return 1;
	}
}

/* Any rule that changes values? */
static int
rules_active(const struct rules *rs)
{
	size_t i, k;

	for (i = 0; i < rs->ntables; i++)
		for (k = 0; k < rs->tables[i].ncols; k++)
			if (is_active(rs->tables[i].cols[k].act.kind))
				return 1;
	for (i = 0; i < rs->ncolumns; i++)
		if (is_active(rs->columns[i].act.kind))
			return 1;
	return 0;
}

/*
 * The rules for column c of t in the order dumprules(5) tries them: the
 * table blocks' (file order), then the column statements', up to the
 * first without `when`.  *out is malloc'd (or NULL with 0).
 */
static size_t
chain_of(const struct rules *rs, const struct schema_table *t, size_t c,
    const struct rule_column ***out)
{
	const struct rule_column **v = NULL, *r;
	size_t i, k, n = 0;

	*out = NULL;
	for (i = 0; i < rs->ntables; i++) {
		if (!rule_table_match(&rs->tables[i].name, t))
			continue;
		for (k = 0; k < rs->tables[i].ncols; k++) {
			r = &rs->tables[i].cols[k];
			if (!rule_name_match(&r->col, NULL, t->cols[c].name))
				continue;
			v = xrealloc(v, (n + 1) * sizeof(*v));
			v[n++] = r;
			if (r->act.when == NULL)
				goto done;
		}
	}
	for (i = 0; i < rs->ncolumns; i++) {
		r = &rs->columns[i];
		if (!rule_name_match(&r->col, NULL, t->cols[c].name))
			continue;
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = r;
		if (r->act.when == NULL)
			break;
	}
done:
	*out = v;
	return n;
}

static int
chain_active(const struct rule_column *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_active(v[i]->act.kind))
			return 1;
	return 0;
}

/* ---- Escaped forms ------------------------------------------------------- */

#define NFORMS	6

/* A value raw and as each codec writes it, inside its quotes. */
struct forms {
	struct buf	 b;
	size_t		 off[NFORMS], len[NFORMS];
	size_t		 n;		/* distinct forms */
};

static void
forms_make(struct forms *fm, const char *p, size_t n)
{
	const char *q;
	size_t i, k, at, off, m;
	int rc;

	if (n == 0)
		p = "";
	buf_clear(&fm->b);
	fm->n = 0;
	for (i = 0; i < NFORMS; i++) {
		at = fm->b.len;
		switch (i) {
		case 0:
			rc = buf_add(&fm->b, p, n);
			break;
		case 1:
			rc = pg_copy_encode(p, n, &fm->b);
			break;
		case 2:
			rc = pg_string_encode(p, n, 1, &fm->b);
			break;
		case 3:
			rc = pg_string_encode(p, n, 0, &fm->b);
			break;
		case 4:
			rc = mysql_string_encode(p, n, &fm->b);
			break;
		default:
			rc = mysql_string_encode_nobs(p, n, &fm->b);
			break;
		}
		FUZZ_CHECK(rc == 0, "codec %zu: encoding %zu bytes fails", i,
		    n);
		off = at;
		m = fm->b.len - at;
		if (i >= 2) {
			/* Inside the quotes of '..' or E'..'. */
			q = memchr(fm->b.p + at, '\'', m);
			FUZZ_CHECK(q != NULL && m >= 2 &&
			    fm->b.p[fm->b.len - 1] == '\'' &&
			    q < fm->b.p + fm->b.len - 1, "codec %zu: not a "
			    "quoted literal", i);
			off = (size_t)(q + 1 - fm->b.p);
			m = fm->b.len - 1 - off;
		}
		for (k = 0; k < fm->n; k++)
			if (fuzz_eq(fm->b.p + fm->off[k], fm->len[k],
			    fm->b.p + off, m))
				break;
		if (k < fm->n)
			continue;
		fm->off[fm->n] = off;
		fm->len[fm->n] = m;
		fm->n++;
	}
}

/* ---- A set of byte strings (the secrets) -------------------------------- */

struct sset {
	struct slot {
		uint64_t	 h;
		size_t		 off, len;
		int		 used;
	}		*slots;
	size_t		 cap, n;
	struct buf	 bytes;
	size_t		*order;		/* where the i-th string added starts */
};

static uint64_t
hash64(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void
sset_init(struct sset *s)
{
	memset(s, 0, sizeof(*s));
	s->cap = 64;
	s->slots = xcalloc(s->cap, sizeof(*s->slots));
	buf_init(&s->bytes, 0);
}

static void
sset_free(struct sset *s)
{
	free(s->slots);
	free(s->order);
	buf_free(&s->bytes);
}

static size_t
sset_slot(const struct sset *s, uint64_t h, const void *p, size_t n)
{
	size_t i;

	for (i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
		if (!s->slots[i].used || (s->slots[i].h == h &&
		    s->slots[i].len == n && (n == 0 ||
		    memcmp(s->bytes.p + s->slots[i].off, p, n) == 0)))
			return i;
}

/* Add (p, n) unless it is there; the strings keep their order. */
static void
sset_add(struct sset *s, const void *p, size_t n)
{
	struct slot *old;
	uint64_t h = hash64(p, n);
	size_t i, k, oldcap;

	if (2 * (s->n + 1) > s->cap) {
		old = s->slots;
		oldcap = s->cap;
		s->cap *= 2;
		s->slots = xcalloc(s->cap, sizeof(*s->slots));
		for (i = 0; i < oldcap; i++) {
			if (!old[i].used)
				continue;
			k = (size_t)old[i].h & (s->cap - 1);
			while (s->slots[k].used)
				k = (k + 1) & (s->cap - 1);
			s->slots[k] = old[i];
		}
		free(old);
	}
	i = sset_slot(s, h, p, n);
	if (s->slots[i].used)
		return;
	s->slots[i].used = 1;
	s->slots[i].h = h;
	s->slots[i].off = s->bytes.len;
	s->slots[i].len = n;
	FUZZ_CHECK(buf_add(&s->bytes, p, n) == 0, "buffer cap");
	s->order = xrealloc(s->order, (s->n + 1) * sizeof(*s->order));
	s->order[s->n] = s->slots[i].off;
	s->n++;
}

/* The i-th string added: its bytes follow the (i-1)-th's. */
static void
sset_at(const struct sset *s, size_t i, const char **p, size_t *n)
{
	size_t end = i + 1 < s->n ? s->order[i + 1] : s->bytes.len;

	*p = s->bytes.p + s->order[i];
	*n = end - s->order[i];
}

/* ---- The model ---------------------------------------------------------- */

/* What becomes of a field, as dumprules(5) says. */
enum fate {
	FATE_KEPT = 0,			/* its bytes as written */
	FATE_NULL,			/* NULL */
	FATE_VALUE			/* a new value */
};

struct model {
	const struct rules *rs;
	int		 checking;	/* reading the output against rec */
	int		 dead;		/* the engine must fail: why */
	char		 why[700];
	/* The statement: per field the rules of its column. */
	const struct dump_data *d;
	int		 bound;		/* chains set for this statement */
	const struct rule_column ***chain;
	size_t		*nchain;
	struct xf_col	*xc;
	size_t		 nf;
	/* The row's decoded fields, valid while vgen[i] == gen. */
	const struct dump_row *row;
	unsigned long	 gen;
	unsigned long	*vgen;
	int		*vrc;
	size_t		*voff, *vlen;
	struct buf	 dec, val;
	/*
	 * The record of the input: per data statement with rows 'S', the
	 * table's display name and a NUL; per row 'R' and the field count
	 * (u32); per field its fate (a byte), a length (u32) and the bytes
	 * (kept: the field as written; a value: the new value).
	 */
	struct buf	 rec;
	size_t		 at;
	/* For the secrets: fields a replacing action rewrote, new values. */
	struct buf	 masked;
	size_t		*moff, *mlen;
	size_t		 nmask;
	struct buf	 fakes;		/* every form of each, NUL-separated */
	struct sset	 secrets;
	struct forms	 fm;
	unsigned long long replaced;
};

static void
model_init(struct model *m, const struct rules *rs)
{
	memset(m, 0, sizeof(*m));
	m->rs = rs;
	buf_init(&m->dec, 0);
	buf_init(&m->val, 0);
	buf_init(&m->rec, 0);
	buf_init(&m->masked, 0);
	buf_init(&m->fakes, 0);
	buf_init(&m->fm.b, 0);
	sset_init(&m->secrets);
}

static void
model_unbind(struct model *m)
{
	size_t i;

	for (i = 0; i < m->nf; i++)
		free(m->chain[i]);
	free(m->chain);
	free(m->nchain);
	free(m->xc);
	free(m->vgen);
	free(m->vrc);
	free(m->voff);
	free(m->vlen);
	m->chain = NULL;
	m->nchain = NULL;
	m->xc = NULL;
	m->vgen = NULL;
	m->vrc = NULL;
	m->voff = m->vlen = NULL;
	m->nf = 0;
	m->bound = 0;
}

static void
model_free(struct model *m)
{
	model_unbind(m);
	buf_free(&m->dec);
	buf_free(&m->val);
	buf_free(&m->rec);
	buf_free(&m->masked);
	buf_free(&m->fakes);
	buf_free(&m->fm.b);
	free(m->moff);
	free(m->mlen);
	sset_free(&m->secrets);
}

/* The engine must fail on this input (the first reason is kept). */
static void
model_dead(struct model *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
model_dead(struct model *m, const char *fmt, ...)
{
	va_list ap;

	if (m->dead)
		return;
	m->dead = 1;
	va_start(ap, fmt);
	vsnprintf(m->why, sizeof(m->why), fmt, ap);
	va_end(ap);
}

/* Bind the statement's fields to their columns' rules (first row). */
static void
model_bind(struct model *m, const struct dump_data *d)
{
	const struct schema_table *t = d->table;
	size_t i, n = d->ncols;
	long c;

	model_unbind(m);
	m->nf = n;
	m->chain = xcalloc(n ? n : 1, sizeof(*m->chain));
	m->nchain = xcalloc(n ? n : 1, sizeof(*m->nchain));
	m->xc = xcalloc(n ? n : 1, sizeof(*m->xc));
	m->vgen = xcalloc(n ? n : 1, sizeof(*m->vgen));
	m->vrc = xcalloc(n ? n : 1, sizeof(*m->vrc));
	m->voff = xcalloc(n ? n : 1, sizeof(*m->voff));
	m->vlen = xcalloc(n ? n : 1, sizeof(*m->vlen));
	for (i = 0; i < n; i++) {
		c = d->colmap != NULL ? d->colmap[i] : -1;
		if (c < 0 || (size_t)c >= t->ncols)
			continue;
		m->nchain[i] = chain_of(m->rs, t, (size_t)c, &m->chain[i]);
		xf_col_from_type(&m->xc[i], t->cols[c].type != NULL ?
		    t->cols[c].type : "", t->cols[c].len);
	}
	m->bound = 1;
}

/* Field i of the row decoded: 0, 1 (NULL) or -1 (malformed). */
static int
model_value(struct model *m, size_t i, const char **p, size_t *n)
{
	size_t off;
	int rc;

	if (m->vgen[i] != m->gen) {
		off = m->dec.len;
		rc = dump_field_decode(m->row, i, &m->dec);
		m->vgen[i] = m->gen;
		m->vrc[i] = rc;
		m->voff[i] = off;
		m->vlen[i] = rc == 0 ? m->dec.len - off : 0;
	}
	*p = m->dec.p != NULL ? m->dec.p + m->voff[i] : "";
	*n = m->vlen[i];
	return m->vrc[i];
}

static size_t
trimmed(const char *p, size_t n)
{
	while (n > 0 && p[n - 1] == ' ')
		n--;
	return n;
}

/*
 * rule_cond_eval()'s get: the column a comparison names (exactly, else
 * ignoring case), in the last field that holds it, as the engine binds
 * it; char(n) without its padding.
 */
static int
model_get(void *ctx, const struct rule_cond *c, const char **p, size_t *n,
    struct df_error *err)
{
	struct model *m = ctx;
	const struct dump_data *d = m->row->data;
	const struct schema_table *t = d->table;
	struct xf_col xc;
	size_t i;
	long ix, f = -1;
	int rc;

	ix = schema_col_index(t, c->column);
	for (i = 0; ix < 0 && i < t->ncols; i++)
		if (strcasecmp(t->cols[i].name, c->column) == 0)
			ix = (long)i;
	if (ix < 0)
		return df_err(err, DF_EXIT_USAGE, NULL, 0, "no column %s",
		    c->column);
	for (i = 0; d->colmap != NULL && i < d->ncols; i++)
		if (d->colmap[i] == ix)
			f = (long)i;
	if (f < 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "the condition's "
		    "column %s is not in the statement", c->column);
	rc = model_value(m, (size_t)f, p, n);
	if (rc == -1)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: malformed value",
		    c->column);
	xf_col_from_type(&xc, t->cols[ix].type != NULL ? t->cols[ix].type : "",
	    t->cols[ix].len);
	if (rc == 0 && xc.type == XT_CHAR)
		*n = trimmed(*p, *n);
	return rc;
}

/* Append every form of a new value to the fakes, each after a NUL. */
static void
add_fake(struct model *m, const char *p, size_t n)
{
	size_t k;

	if (n == 0)
		return;
	forms_make(&m->fm, p, n);
	for (k = 0; k < m->fm.n; k++)
		FUZZ_CHECK(buf_addc(&m->fakes, '\0') == 0 &&
		    buf_add(&m->fakes, m->fm.b.p + m->fm.off[k],
		    m->fm.len[k]) == 0, "buffer cap");
}

static void
rec_field(struct model *m, enum fate fate, const char *p, size_t n)
{
	unsigned char b = (unsigned char)fate;
	uint32_t len = (uint32_t)n;

	FUZZ_CHECK(buf_add(&m->rec, &b, 1) == 0 &&
	    buf_add(&m->rec, &len, sizeof(len)) == 0 &&
	    buf_add(&m->rec, p, n) == 0, "buffer cap");
}

/*
 * The fate of field i of the row: its chain's first rule whose `when`
 * holds, applied as sc_row() applies it.  Records it; collects the
 * masked field, the secret and the fakes.
 */
static void
model_field(struct model *m, size_t i)
{
	const struct dump_row *row = m->row;
	const struct dump_field *fl = &row->fields[i];
	const struct rule_column *r = NULL;
	struct df_error err;
	const char *v;
	size_t n, nt, k;
	int rc, w;

	/* No rule that changes values: the engine does not even decode it. */
	if (m->nchain[i] == 0 || !chain_active(m->chain[i], m->nchain[i])) {
		rec_field(m, FATE_KEPT, fl->p, fl->len);
		return;
	}
	rc = model_value(m, i, &v, &n);
	if (rc == -1) {
		model_dead(m, "line %llu: field %zu is malformed", row->line,
		    i);
		rec_field(m, FATE_KEPT, fl->p, fl->len);
		return;
	}
	/* NULL stays NULL under every rule, as written (\N or NULL). */
	if (rc == 1) {
		rec_field(m, FATE_KEPT, fl->p, fl->len);
		return;
	}
	/* The first rule whose condition holds; none: the value stays. */
	for (k = 0; k < m->nchain[i]; k++) {
		w = 1;
		memset(&err, 0, sizeof(err));
		if (m->chain[i][k]->act.when != NULL)
			w = rule_cond_eval(m->chain[i][k]->act.when, model_get,
			    m, &err);
		if (w == -1) {
			model_dead(m, "line %llu: field %zu: a condition "
			    "fails: %s", row->line, i, err.msg);
			rec_field(m, FATE_KEPT, fl->p, fl->len);
			return;
		}
		if (w == 1) {
			r = m->chain[i][k];
			break;
		}
	}
	/* Conditions may have decoded more fields: fetch again. */
	(void)model_value(m, i, &v, &n);
	nt = m->xc[i].type == XT_CHAR ? trimmed(v, n) : n;

	if (r == NULL || !is_active(r->act.kind)) {
		rec_field(m, FATE_KEPT, fl->p, fl->len);
		return;
	}
	buf_clear(&m->val);
	memset(&err, 0, sizeof(err));
	rc = xf_apply(&key, &r->act, &m->xc[i], v, nt, &m->val, &err);
	(void)model_value(m, i, &v, &n);
	if (rc == -1) {
		model_dead(m, "line %llu: field %zu: %s fails: %s", row->line,
		    i, rule_action_name(r->act.kind), err.msg);
		rec_field(m, FATE_KEPT, fl->p, fl->len);
		return;
	}
	FUZZ_CHECK(rc == XF_VALUE || rc == XF_NULL, "xf_apply gave %d", rc);
	if (rc == XF_VALUE && fuzz_eq(m->val.p, m->val.len, v, nt)) {
		/* Unchanged: the engine keeps its bytes. */
		FUZZ_CHECK(nt < SECRET_MIN || may_fix(r->act.kind), "line "
		    "%llu: %s leaves a value as it was: %s", row->line,
		    rule_action_name(r->act.kind), fuzz_show(v, nt, 0));
		rec_field(m, FATE_KEPT, fl->p, fl->len);
		return;
	}
	/* PostgreSQL's text types cannot hold a NUL: sc_row() refuses. */
	if (rc == XF_VALUE && row->data->dialect == DIALECT_PG &&
	    m->val.len > 0 && memchr(m->val.p, '\0', m->val.len) != NULL)
		model_dead(m, "line %llu: field %zu: %s gives a NUL for pg",
		    row->line, i, rule_action_name(r->act.kind));
	m->replaced++;
	if (rc == XF_NULL) {
		rec_field(m, FATE_NULL, NULL, 0);
	} else {
		rec_field(m, FATE_VALUE, m->val.p, m->val.len);
		add_fake(m, m->val.p, m->val.len);
	}
	if (!is_replacing(r->act.kind))
		return;
	/* Its bytes are gone from the output: masked. */
	m->moff = xrealloc(m->moff, (m->nmask + 1) * sizeof(*m->moff));
	m->mlen = xrealloc(m->mlen, (m->nmask + 1) * sizeof(*m->mlen));
	m->moff[m->nmask] = m->masked.len;
	m->mlen[m->nmask] = fl->len;
	m->nmask++;
	FUZZ_CHECK(buf_add(&m->masked, fl->p, fl->len) == 0, "buffer cap");
	/* Short values turn up anywhere by chance: no secrets. */
	if (nt < SECRET_MIN)
		return;
	if (!may_fix(r->act.kind) && rc == XF_VALUE)
		FUZZ_CHECK(m->val.len < nt || memmem(m->val.p, m->val.len, v,
		    nt) == NULL, "line %llu: %s gives a value that holds the "
		    "original (%s)", row->line, rule_action_name(r->act.kind),
		    fuzz_show(v, nt, 0));
	sset_add(&m->secrets, v, nt);
}

/*
 * on_data: rows only where the engine asks for them (a table with a rule
 * that changes values), so that the model reads what the engine reads;
 * in the record, or checked against it when reading the output.
 */
static int
model_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct model *m = ctx;
	const struct schema_table *t = d->table;
	const struct rule_column **v;
	size_t c, n, len;
	int active = 0;

	(void)err;
	model_unbind(m);
	/* As sc_data(): undeclared tables pass (or fail the run). */
	if (!t->declared && t->ncols == 0)
		return DATA_PASS;
	for (c = 0; c < t->ncols && !active; c++) {
		n = chain_of(m->rs, t, c, &v);
		active = chain_active(v, n);
		free(v);
	}
	if (!active)
		return DATA_PASS;
	len = strlen(t->display);
	if (m->checking) {
		FUZZ_CHECK(m->at < m->rec.len && m->rec.p[m->at] == 'S' &&
		    m->rec.len - m->at - 1 > len &&
		    memcmp(m->rec.p + m->at + 1, t->display, len) == 0 &&
		    m->rec.p[m->at + 1 + len] == '\0', "output line %llu: "
		    "data of %s where the input has %s", d->line, t->display,
		    m->at < m->rec.len ? (m->rec.p[m->at] == 'S' ?
		    m->rec.p + m->at + 1 : "a row") : "no more data");
		m->at += len + 2;
	} else {
		FUZZ_CHECK(buf_addc(&m->rec, 'S') == 0 &&
		    buf_add(&m->rec, t->display, len + 1) == 0, "buffer cap");
	}
	return DATA_ROWS;
}

/* Reading the output: the row is the input's, fates applied. */
static void
model_compare(struct model *m, const struct dump_row *row)
{
	const struct dump_field *fl;
	unsigned char fate;
	uint32_t nf, len;
	const char *p;
	size_t i;
	int rc;

	FUZZ_CHECK(m->at < m->rec.len && m->rec.p[m->at] == 'R', "output "
	    "line %llu: a row of %s that the input does not have", row->line,
	    row->data->table->display);
	memcpy(&nf, m->rec.p + m->at + 1, sizeof(nf));
	m->at += 1 + sizeof(nf);
	FUZZ_CHECK(nf == row->nfields, "output line %llu: %zu fields, the "
	    "input's row %u", row->line, row->nfields, nf);
	for (i = 0; i < nf; i++) {
		fl = &row->fields[i];
		fate = (unsigned char)m->rec.p[m->at];
		memcpy(&len, m->rec.p + m->at + 1, sizeof(len));
		p = m->rec.p + m->at + 1 + sizeof(len);
		m->at += 1 + sizeof(len) + len;
		switch (fate) {
		case FATE_KEPT:
			FUZZ_CHECK(fuzz_eq(fl->p, fl->len, p, len), "output "
			    "line %llu: field %zu (%s.%s) was kept, yet "
			    "differs: %s", row->line, i,
			    row->data->table->display, row->data->colmap &&
			    row->data->colmap[i] >= 0 ? row->data->table->cols[
			    row->data->colmap[i]].name : "?",
			    fuzz_show(fl->p, fl->len, fuzz_diff_at(fl->p,
			    fl->len, p, len)));
			break;
		case FATE_NULL:
			FUZZ_CHECK(fl->kind == FIELD_NULL, "output line %llu: "
			    "field %zu is not NULL", row->line, i);
			break;
		default:
			buf_clear(&m->dec);
			rc = dump_field_decode(row, i, &m->dec);
			FUZZ_CHECK(rc == 0 && fuzz_eq(m->dec.p, m->dec.len, p,
			    len), "output line %llu: field %zu (%s.%s) does "
			    "not decode to its new value (rc %d): %s",
			    row->line, i, row->data->table->display,
			    row->data->colmap && row->data->colmap[i] >= 0 ?
			    row->data->table->cols[row->data->colmap[i]].name :
			    "?", rc, fuzz_show(m->dec.p, m->dec.len,
			    fuzz_diff_at(m->dec.p, m->dec.len, p, len)));
			break;
		}
	}
}

/*
 * on_row: the input's row into the record, field by field; the
 * output's compared with it.  The columns are bound at the first row,
 * when the reader knows them (an INSERT without a column list).
 */
static int
model_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct model *m = ctx;
	uint32_t nf = (uint32_t)row->nfields;
	size_t i;

	(void)out;
	(void)err;
	if (m->checking) {
		model_compare(m, row);
		return ROW_KEEP;
	}
	if (!m->bound)
		model_bind(m, row->data);
	FUZZ_CHECK(row->nfields == m->nf, "line %llu: %zu fields, the "
	    "statement's first row %zu", row->line, row->nfields, m->nf);
	m->row = row;
	m->gen++;
	buf_clear(&m->dec);
	FUZZ_CHECK(buf_addc(&m->rec, 'R') == 0 &&
	    buf_add(&m->rec, &nf, sizeof(nf)) == 0, "buffer cap");
	for (i = 0; i < row->nfields; i++)
		model_field(m, i);
	return ROW_KEEP;
}

/* Read path (dialect d) with the model's handler; the reader's result. */
static int
model_read(struct model *m, const char *path, enum dump_dialect d,
    struct df_error *err)
{
	struct dump_handler h;
	struct dump_reader *r;
	struct istream *in;
	struct schema *cat;
	int rc;

	in = istream_open(path, err);
	FUZZ_CHECK(in != NULL, "istream_open %s: %s", path, err->msg);
	memset(&h, 0, sizeof(h));
	h.ctx = m;
	h.on_data = model_data;
	h.on_row = model_row;
	cat = schema_new();
	r = dump_reader_new(in, NULL, d, cat, &h, MAX_ROW);
	rc = dump_reader_run(r, err);
	dump_reader_free(r);
	model_unbind(m);
	schema_free(cat);
	istream_close(in);
	return rc;
}

/* ---- Secrets ------------------------------------------------------------ */

struct tally {
	size_t		 secrets, checked, elsewhere, faked;
};

/*
 * No secret survives in out, in any form, unless a form occurs in the
 * input outside the masked fields or in a form of a computed value.
 */
static void
check_secrets(struct model *m, const uint8_t *rules, size_t rlen,
    const struct buf *ref, const struct buf *out, struct tally *ty)
{
	const char *s, *f;
	size_t i, k, j, n, fl, nin, nmask;
	int elsewhere, faked;

	/*
	 * Occurrences are counted, not looked for: a form inside a masked
	 * field is gone with it, while one more occurrence anywhere else
	 * (even straddling a field's edge) may survive as the input wrote
	 * it.
	 */
	ty->secrets = m->secrets.n;
	for (i = 0; i < m->secrets.n && i < SECRETS_MAX; i++) {
		sset_at(&m->secrets, i, &s, &n);
		forms_make(&m->fm, s, n);
		elsewhere = faked = 0;
		for (k = 0; k < m->fm.n; k++) {
			f = m->fm.b.p + m->fm.off[k];
			fl = m->fm.len[k];
			nin = count_in((const char *)rules, rlen, f, fl) +
			    count_in(ref->p, ref->len, f, fl);
			for (nmask = 0, j = 0; j < m->nmask; j++)
				if (m->mlen[j] >= fl)
					nmask += count_in(m->masked.p +
					    m->moff[j], m->mlen[j], f, fl);
			/* The masked fields are slices of the input. */
			FUZZ_CHECK(nin >= nmask, "form %zu of a secret: %zu "
			    "times in the input, %zu in its fields", k, nin,
			    nmask);
			if (nin > nmask)
				elsewhere = 1;
			if (has(&m->fakes, f, fl))
				faked = 1;
		}
		if (elsewhere) {
			ty->elsewhere++;
			continue;
		}
		if (faked) {
			ty->faked++;
			continue;
		}
		ty->checked++;
		for (k = 0; k < m->fm.n; k++) {
			f = m->fm.b.p + m->fm.off[k];
			fl = m->fm.len[k];
			FUZZ_CHECK(!has(out, f, fl), "a scrubbed value "
			    "survives in the output (form %zu, at %zu): %s", k,
			    (size_t)((const char *)memmem(out->p, out->len, f,
			    fl) - out->p), fuzz_show(f, fl, 0));
		}
	}
}

/* ---- The input ----------------------------------------------------------- */

/* The dump as istream_read() gives it; -1: no use running it. */
static int
read_ref(struct buf *ref, enum stream_comp *comp)
{
	struct df_error err;
	struct istream *in;
	ssize_t n;

	memset(&err, 0, sizeof(err));
	in = istream_open(path_in, &err);
	if (in == NULL) {
		FUZZ_CHECK(err.msg[0] != '\0', "istream_open failed without "
		    "a message");
		return -1;
	}
	*comp = istream_comp(in);
	for (;;) {
		if (ref->len > REF_MAX) {
			istream_close(in);
			return -1;
		}
		FUZZ_CHECK(buf_reserve(ref, 65536) == 0, "buffer cap");
		n = istream_read(in, ref->p + ref->len, 65536, &err);
		if (n == -1) {
			/* The runs will fail: still worth running. */
			FUZZ_CHECK(err.msg[0] != '\0', "istream_read failed "
			    "without a message");
			break;
		}
		if (n == 0)
			break;
		ref->len += (size_t)n;
	}
	istream_close(in);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct result first, again, split;
	struct tally ty;
	struct df_error err;
	struct model m, mo;
	struct rules *rs;
	struct buf ref, pre;
	enum stream_comp comp = STREAM_PLAIN;
	const uint8_t *dump;
	size_t rlen, lim, k;
	uint32_t hash;
	int identity, modelled = 0, rc;

	if (size > INPUT_MAX)
		return 0;
	dump = memmem(data, size, sep, sizeof(sep) - 1);
	if (dump == NULL)
		return 0;
	rlen = (size_t)(dump - data) + 1;	/* with its \n */
	dump += sizeof(sep) - 1;
	if (unsafe(data, rlen))
		return 0;
	setup();
	fuzz_write_file(path_rules, data, rlen);
	fuzz_write_file(path_in, dump, size - (size_t)(dump - data));
	buf_init(&ref, 0);
	memset(&ty, 0, sizeof(ty));
	if (read_ref(&ref, &comp) == -1)
		goto out;
	memset(&err, 0, sizeof(err));
	rs = rules_load(path_rules, &err);
	if (rs == NULL) {
		FUZZ_CHECK(err.msg[0] != '\0', "rules_load failed without a "
		    "message");
		goto out;
	}
	hash = fnv1a(data, size);
	tot.inputs++;

	result_init(&first, "first run");
	run(rs, path_in, DIALECT_AUTO, &first);
	result_init(&again, "second run");
	run(rs, path_in, DIALECT_AUTO, &again);
	check_same_error(&first, &again, 1);
	check_same_bytes("output", &first, &first.out, &again, &again.out, 0);
	check_same_bytes("report", &first, &first.report, &again,
	    &again.report, 0);

	/*
	 * Split reads: spaces so that the first SNIFF_LEN bytes the reader
	 * takes end at offset k of the dump.  They hide the dialect's header
	 * line, so the dialect the first run found is given, as --dialect
	 * does.  The spaces are between statements and add no line.
	 */
	lim = ref.len < SNIFF_LEN ? ref.len : SNIFF_LEN;
	k = lim > 0 ? hash % (lim + 1) : 0;
	if (comp == STREAM_PLAIN && ref.len > 0 &&
	    first.dialect != DIALECT_AUTO) {
		buf_init(&pre, 0);
		FUZZ_CHECK(buf_reserve(&pre, SNIFF_LEN - k + ref.len) == 0,
		    "buffer");
		memset(pre.p, ' ', SNIFF_LEN - k);
		pre.len = SNIFF_LEN - k;
		buf_add(&pre, ref.p, ref.len);
		fuzz_write_file(path_split, pre.p, pre.len);
		result_init(&split, "split reads");
		run(rs, path_split, first.dialect, &split);
		check_same_error(&first, &split, 0);
		if (first.rc == 0) {
			FUZZ_CHECK(split.out.len >= SNIFF_LEN - k &&
			    fuzz_is_prefix(pre.p, SNIFF_LEN - k, split.out.p,
			    split.out.len), "split reads: the spaces are not "
			    "written first");
			check_same_bytes("output", &first, &first.out, &split,
			    &split.out, SNIFF_LEN - k);
		}
		result_free(&split);
		buf_free(&pre);
		(void)remove(path_split);
	}

	/*
	 * The model: the input's fields, their fates, the secrets.  It reads
	 * in the dialect the engine found; where the engine failed, all it
	 * checks is that the engine had to.
	 */
	model_init(&m, rs);
	model_init(&mo, rs);
	if (first.dialect != DIALECT_AUTO) {
		memset(&err, 0, sizeof(err));
		rc = model_read(&m, path_in, first.dialect, &err);
		/* The model reads what the engine reads: rows where it does. */
		FUZZ_CHECK(rc == 0 || first.rc == -1, "the run succeeds, the "
		    "model's reading of the input fails: %s:%llu: %s",
		    err.file, err.line, err.msg);
		modelled = rc == 0;
	}
	if (modelled && m.dead)
		FUZZ_CHECK(first.rc == -1, "the run succeeds where it must "
		    "fail: %s", m.why);
	/*
	 * No value changes: every byte passes, the statements around the
	 * rows too, which the reading back below does not compare.
	 */
	identity = !rules_active(rs) || (modelled && !m.dead &&
	    m.replaced == 0);
	if (first.rc == 0 && identity)
		check_same_bytes("output == input", &first, &ref, &first,
		    &first.out, 0);
	if (first.rc == 0 && modelled) {
		/* The output reads back: the input's rows, fates applied. */
		fuzz_write_file(path_out, first.out.p, first.out.len);
		memset(&err, 0, sizeof(err));
		mo.checking = 1;
		buf_add(&mo.rec, m.rec.p, m.rec.len);
		rc = model_read(&mo, path_out, first.dialect, &err);
		FUZZ_CHECK(rc == 0, "the output does not read back: "
		    "%s:%llu: %s", err.file, err.line, err.msg);
		FUZZ_CHECK(mo.at == mo.rec.len, "the output lacks rows of "
		    "the input (%zu of %zu bytes of the record matched)",
		    mo.at, mo.rec.len);
		(void)remove(path_out);
		check_secrets(&m, data, rlen, &ref, &first.out, &ty);
	}
	if (verbose) {
		fprintf(stderr, "fuzz_scrub: %s: %s%s%s; %llu fields "
		    "replaced; %zu secrets: %zu checked, %zu elsewhere, %zu "
		    "faked\n", fuzz_current_input ? fuzz_current_input : "-",
		    first.rc == 0 ? "ok" : first.err.msg,
		    identity ? ", identity" : "", modelled ? ", modelled" :
		    "", m.replaced, ty.secrets, ty.checked, ty.elsewhere,
		    ty.faked);
		tot.ok += first.rc == 0;
		tot.identity += first.rc == 0 && identity;
		tot.modelled += first.rc == 0 && modelled;
		tot.replaced += first.rc == 0 ? m.replaced : 0;
		tot.secrets += ty.secrets;
		tot.checked += ty.checked;
		tot.elsewhere += ty.elsewhere;
		tot.faked += ty.faked;
	}
	model_free(&m);
	model_free(&mo);
	result_free(&first);
	result_free(&again);
	rules_free(rs);
out:
	buf_free(&ref);
	(void)remove(path_in);
	(void)remove(path_rules);
	(void)remove(path_out);
	return 0;
}
