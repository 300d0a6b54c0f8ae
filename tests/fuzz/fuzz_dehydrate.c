/*
 * fuzz_dehydrate: dumpdehydrate's engine (dehydrate.h) over a rules file
 * and a dump.
 *
 * The input is a rules file, a line "----", and the dump:
 *
 *	keep t where id = 1\n----\n<dump bytes: plain, gzip or zstd>
 *
 * (no such line: nothing to run).  The rules are written to the fuzz
 * directory as "rules" and loaded with rules_load() (a failing load ends
 * the run; rules that could name a file outside the directory are not
 * loaded, as in fuzz_rules.c); the dump goes to "in.sql".  The engine is
 * then driven exactly as filters/dumpdehydrate.c's main() drives it for a
 * file: pass 1 (DH_LIVE: the schema, and keys read with the rows where
 * declared first), dh_plan(); if it asks for it, a fresh engine and a DH_FULL reading of
 * the keys, dh_plan() again; dh_closure(); the output reading into
 * "out.sql" through ostream_open(), dh_write_done() and dh_report().
 * dh_explain() runs after the closure, as --explain does (also after a
 * failed closure).  Spilled key arrays go to the directory "spill"
 * inside the fuzz directory.
 *
 * Each input is run five times: twice with a large key budget (1 GiB),
 * once with a tiny one (0 or 1 byte: every key array spills to a file),
 * once with a budget of a few KB (some arrays spill, some do not), and
 * once, with a few KB, with pass 1 told that keys precede the rows (as
 * --schema tells it), whether they do or not.  What
 * must hold:
 *   - nothing crashes, leaks or trips a sanitizer;
 *   - a failing run fills the error message, with code 1 or 2 (a failed
 *     closure: 1), and leaves no output file; dh_plan() never asks for a
 *     third reading of the keys;
 *   - the first four runs give the same result: the same error (code,
 *     file, line, message), or byte-identical output, --explain text and
 *     --report TSV (its seconds are given as 0), after the same number of
 *     readings; the fifth, where it succeeds as the first does, the same
 *     output, --explain text and report (its errors may differ: a
 *     DH_FULL reading splits only the rows the plan needs);
 *   - on success, dh_explain() and dh_report() succeed;
 *   - after every run the spill directory is empty, no spilled file is
 *     still mapped, no descriptor is left open, and the fuzz directory
 *     holds no stray file (ostream temporaries);
 *   - on success the output reads back with the reader in the dialect
 *     the run found (when the input reads with every row split, which
 *     the runs need not have done), with no more rows than the input;
 *     every foreign key it declares holds for its rows wherever it held
 *     in the input: a row whose reference found a row in the input
 *     (exactly, no NULL column, no value ending in a space, as char(n)
 *     padding is compared trimmed) finds it in the output too;
 *   - with no `truncate ... nullify` rule besides, rows are only dropped:
 *     the output is a subsequence of the (decompressed) input, every row
 *     it holds is a row of the input's for the same table, byte for
 *     byte, and, for a pg dump whose data are all COPY blocks, every
 *     output line is a line of the input.
 * Inputs over 64 KB, or over 256 KB decompressed, are skipped: each run
 * reads the dump two or three times, and there are five runs.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "dehydrate.h"
#include "fuzz.h"
#include "keyset.h"
#include "reader.h"
#include "rules.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define INPUT_MAX	(64 << 10)
#define REF_MAX		(256 << 10)
#define MAX_ROW		(1 << 20)
#define MEM_LARGE	(1ULL << 30)

static const char sep[] = "\n----\n";

static char	dir_spill[600], path_rules[600], path_in[600], path_out[600],
		path_explain[600], path_report[600];

/* ---- Set-up ------------------------------------------------------------ */

static void
spill_rmdir(void)
{
	if (dir_spill[0] != '\0')
		(void)rmdir(dir_spill);
}

static void
setup(void)
{
	if (dir_spill[0] != '\0')
		return;
	fuzz_path(path_rules, sizeof(path_rules), "rules");
	fuzz_path(path_in, sizeof(path_in), "in.sql");
	fuzz_path(path_out, sizeof(path_out), "out.sql");
	fuzz_path(path_explain, sizeof(path_explain), "explain");
	fuzz_path(path_report, sizeof(path_report), "report");
	fuzz_path(dir_spill, sizeof(dir_spill), "spill");
	FUZZ_CHECK(mkdir(dir_spill, 0700) == 0 || errno == EEXIST,
	    "mkdir %s: %s", dir_spill, strerror(errno));
	/* Runs before fuzz_util's handler, which removes no directory. */
	atexit(spill_rmdir);
}

static int
contains(const uint8_t *p, size_t n, const char *s)
{
	return memmem(p, n, s, strlen(s)) != NULL;
}

/* Could a path in the rules leave the directory?  (fuzz_rules.c) */
static int
unsafe(const uint8_t *p, size_t n)
{
	static const char *const bad[] = { "\"/", "'/", "..", "\\x2", "\\X2" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (contains(p, n, bad[i]))
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

/* ---- Files and descriptors ---------------------------------------------- */

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

/* After a run: nothing spilled is left, in the directory or mapped. */
static void
check_clean(const char *label, size_t fds)
{
	static const char *const ours[] = { "rules", "in.sql", "out.sql",
	    "explain", "report", "spill" };
	char line[1200];
	struct dirent *e;
	size_t i, n;
	FILE *f;
	DIR *d;

	d = opendir(dir_spill);
	FUZZ_CHECK(d != NULL, "opendir %s: %s", dir_spill, strerror(errno));
	while ((e = readdir(d)) != NULL)
		FUZZ_CHECK(strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0, "%s: %s left in the spill "
		    "directory", label, e->d_name);
	closedir(d);
	/* The process's own directory: our files, no temporaries. */
	d = opendir(fuzz_tmpdir());
	FUZZ_CHECK(d != NULL, "opendir %s: %s", fuzz_tmpdir(),
	    strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		for (i = 0; i < sizeof(ours) / sizeof(ours[0]); i++)
			if (strcmp(e->d_name, ours[i]) == 0)
				break;
		FUZZ_CHECK(i < sizeof(ours) / sizeof(ours[0]), "%s: a file "
		    "left behind: %s", label, e->d_name);
	}
	closedir(d);
	f = fopen("/proc/self/maps", "r");
	if (f != NULL) {
		n = strlen(dir_spill);
		while (fgets(line, sizeof(line), f) != NULL)
			FUZZ_CHECK(strstr(line, dir_spill) == NULL ||
			    strncmp(strstr(line, dir_spill) + n, "/", 1) != 0,
			    "%s: a spilled file is still mapped: %s", label,
			    line);
		fclose(f);
	}
	n = count_fds();
	FUZZ_CHECK(n == fds, "%s: %zu descriptors open after the run, %zu "
	    "before", label, n, fds);
}

/* The file's bytes into b (cleared), or b empty if there is no file. */
static void
slurp(const char *path, struct buf *b)
{
	buf_clear(b);
	if (access(path, F_OK) == 0)
		fuzz_read_file(path, b);
}

/* ---- One run, as main() does it ----------------------------------------- */

struct result {
	const char	*label;
	int		 rc;		/* 0, or -1 with err */
	struct df_error	 err;
	int		 readings;	/* of the keys: 1 or 2 */
	int		 closure;	/* dh_closure()'s, or 2: not reached */
	enum dump_dialect dialect;
	struct buf	 out, explain, report;
};

static void
result_init(struct result *res, const char *label)
{
	memset(res, 0, sizeof(*res));
	res->label = label;
	res->closure = 2;
	buf_init(&res->out, 0);
	buf_init(&res->explain, 0);
	buf_init(&res->report, 0);
}

static void
result_free(struct result *res)
{
	buf_free(&res->out);
	buf_free(&res->explain);
	buf_free(&res->report);
}

/* One reading of in into a fresh catalog (main()'s reading()). */
static int
reading(struct istream *in, struct ostream *out, enum dump_dialect d,
    const struct dump_handler *h, struct df_error *err)
{
	struct dump_reader *r;
	struct schema *cat;
	int rc;

	cat = schema_new();
	r = dump_reader_new(in, out, d, cat, h, MAX_ROW);
	rc = dump_reader_run(r, err);
	dump_reader_free(r);
	schema_free(cat);
	return rc;
}

/* Write what dh_explain() says to path_explain; its result. */
static int
explain(const struct dehydrate *dh, struct df_error *err)
{
	struct ostream *os;

	os = ostream_open(path_explain, STREAM_PLAIN, 0, err);
	FUZZ_CHECK(os != NULL, "ostream_open %s: %s", path_explain,
	    err->msg);
	if (dh_explain(dh, os, err) == -1) {
		ostream_abort(os);
		return -1;
	}
	return ostream_close(os, err);
}

/*
 * A run with key budget mem.  other: pass 1 is told that keys precede
 * the rows (keys_known, as with --schema).
 */
static void
run(const struct rules *rs, unsigned long long mem, int other,
    struct result *res)
{
	struct df_error *err = &res->err, e2;
	struct dump_handler h;
	struct dump_reader *r;
	struct istream *in = NULL;
	struct ostream *out = NULL, *rep = NULL;
	struct schema *sch = NULL;
	struct dehydrate *dh = NULL;
	struct kmem *m = NULL;
	unsigned long long inbytes;
	int planned, rc;

	(void)remove(path_out);
	(void)remove(path_explain);
	(void)remove(path_report);
	res->dialect = DIALECT_AUTO;
	in = istream_open(path_in, err);
	FUZZ_CHECK(in != NULL, "%s: istream_open: %s", res->label, err->msg);
	FUZZ_CHECK(istream_seekable(in), "%s: a file not seekable",
	    res->label);
	m = kmem_new(mem, dir_spill);
	dh = dh_new(rs, m);

	/* Pass 1: the schema, and the keys it declares in time. */
	sch = schema_new();
	(void)dh_begin(dh, sch, DH_LIVE, other, err);
	dh_collect_handler(dh, NULL, &h);
	r = dump_reader_new(in, NULL, DIALECT_AUTO, sch, &h, MAX_ROW);
	if (dump_reader_run(r, err) == -1) {
		dump_reader_free(r);
		goto fail;
	}
	res->dialect = dump_reader_dialect(r);
	dump_reader_free(r);
	res->readings = 1;
	inbytes = istream_raw_pos(in);
	if (istream_rewind(in, err) == -1)
		goto fail;
	planned = dh_plan(dh, err);
	FUZZ_CHECK(planned >= -1 && planned <= 1, "%s: dh_plan gave %d",
	    res->label, planned);
	if (planned == 1) {
		/* Pass 2: the keys pass 1 could not know it would need. */
		dh_free(dh);
		dh = dh_new(rs, m);
		if (dh_begin(dh, sch, DH_FULL, 1, err) == -1)
			goto fail;
		dh_collect_handler(dh, NULL, &h);
		if (reading(in, NULL, res->dialect, &h, err) == -1)
			goto fail;
		res->readings = 2;
		if (istream_rewind(in, err) == -1)
			goto fail;
		planned = dh_plan(dh, err);
		FUZZ_CHECK(planned != 1, "%s: keys missing after the second "
		    "reading", res->label);
	}
	if (planned == -1)
		goto fail;
	res->closure = dh_closure(dh, err);
	if (res->closure == -1 && err->file[0] == '\0')
		df_err_file(err, istream_name(in));
	FUZZ_CHECK(res->closure == 0 || res->closure == -1, "%s: dh_closure "
	    "gave %d", res->label, res->closure);
	FUZZ_CHECK(res->closure == 0 || err->code == DF_EXIT_DATA, "%s: the "
	    "closure failed with code %d: %s", res->label, err->code,
	    err->msg);
	/* --explain: also after a failed closure. */
	memset(&e2, 0, sizeof(e2));
	rc = explain(dh, &e2);
	FUZZ_CHECK(rc == 0 || res->closure == -1, "%s: dh_explain after a "
	    "successful closure: %s", res->label, e2.msg);
	if (res->closure == -1)
		goto fail;

	/* Pass 3: the output. */
	out = ostream_open(path_out, STREAM_PLAIN, 0, err);
	FUZZ_CHECK(out != NULL, "%s: ostream_open: %s", res->label, err->msg);
	dh_write_handler(dh, NULL, &h);
	if (reading(in, out, res->dialect, &h, err) == -1 ||
	    dh_write_done(dh, err) == -1)
		goto fail;
	/* The report before the output is committed, as main() does. */
	memset(&e2, 0, sizeof(e2));
	rep = ostream_open(path_report, STREAM_PLAIN, 0, &e2);
	FUZZ_CHECK(rep != NULL, "%s: ostream_open: %s", res->label, e2.msg);
	FUZZ_CHECK(dh_report(dh, inbytes, ostream_pos(out), 0.0, rep,
	    &e2) == 0, "%s: dh_report: %s", res->label, e2.msg);
	FUZZ_CHECK(ostream_close(rep, &e2) == 0, "%s: closing the report: %s",
	    res->label, e2.msg);
	rep = NULL;
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
	ostream_abort(rep);
done:
	dh_free(dh);
	kmem_free(m);
	istream_close(in);
	schema_free(sch);
	if (res->rc == -1)
		FUZZ_CHECK(access(path_out, F_OK) == -1, "%s: failed (%s), but "
		    "wrote its output", res->label, err->msg);
	slurp(path_out, &res->out);
	slurp(path_explain, &res->explain);
	slurp(path_report, &res->report);
}

static void
check_same_bytes(const char *what, const struct result *a,
    const struct buf *ab, const struct result *b, const struct buf *bb)
{
	size_t at;

	if (fuzz_eq(ab->p, ab->len, bb->p, bb->len))
		return;
	at = fuzz_diff_at(ab->p, ab->len, bb->p, bb->len);
	fuzz_fail(__FILE__, __LINE__, "same bytes", "%s: %s (%zu bytes) and "
	    "%s (%zu bytes) differ at %zu: %s", what, a->label, ab->len,
	    b->label, bb->len, at, fuzz_show(ab->p, ab->len, at));
}

static void
check_same(const struct result *a, const struct result *b)
{
	FUZZ_CHECK(a->rc == b->rc, "%s: rc %d (%s); %s: rc %d (%s)",
	    a->label, a->rc, a->err.msg, b->label, b->rc, b->err.msg);
	FUZZ_CHECK(a->readings == b->readings && a->closure == b->closure,
	    "%s: %d readings, closure %d; %s: %d readings, closure %d",
	    a->label, a->readings, a->closure, b->label, b->readings,
	    b->closure);
	if (a->rc != 0)
		FUZZ_CHECK(a->err.code == b->err.code &&
		    a->err.line == b->err.line &&
		    strcmp(a->err.file, b->err.file) == 0 &&
		    strcmp(a->err.msg, b->err.msg) == 0, "%s: %d %s:%llu: "
		    "\"%s\"; %s: %d %s:%llu: \"%s\"", a->label, a->err.code,
		    a->err.file, a->err.line, a->err.msg, b->label,
		    b->err.code, b->err.file, b->err.line, b->err.msg);
	check_same_bytes("output", a, &a->out, b, &b->out);
	check_same_bytes("explain", a, &a->explain, b, &b->explain);
	check_same_bytes("report", a, &a->report, b, &b->report);
}

/* ---- Rows of the output are rows of the input --------------------------- */

/* A set of byte strings: open addressing over (hash, offset, length). */
struct sset {
	struct slot {
		uint64_t	 h;
		size_t		 off, len;
		int		 used;
	}		*slots;
	size_t		 cap, n;
	struct buf	 bytes;
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
	buf_free(&s->bytes);
}

static struct slot *
sset_slot(struct slot *slots, size_t cap, const struct buf *bytes,
    uint64_t h, const void *p, size_t n)
{
	size_t i;

	for (i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1))
		if (!slots[i].used || (slots[i].h == h && slots[i].len == n &&
		    (n == 0 || memcmp(bytes->p + slots[i].off, p, n) == 0)))
			return &slots[i];
}

static void
sset_add(struct sset *s, const void *p, size_t n)
{
	struct slot *old, *sl;
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
	sl = sset_slot(s->slots, s->cap, &s->bytes, h, p, n);
	if (sl->used)
		return;
	sl->used = 1;
	sl->h = h;
	sl->off = s->bytes.len;
	sl->len = n;
	FUZZ_CHECK(buf_add(&s->bytes, p, n) == 0, "buffer cap");
	s->n++;
}

static int
sset_has(const struct sset *s, const void *p, size_t n)
{
	return sset_slot(s->slots, s->cap, &s->bytes, hash64(p, n), p,
	    n)->used;
}

/* A reading of a dump with every row seen: the input's, or the output's. */
struct rows {
	struct sset	*set;		/* the input's rows, or NULL */
	const struct sset *ref;		/* check against: the input's */
	struct buf	 key;
	int		 all_copy;	/* every data statement a COPY */
	unsigned long long nrows;
	struct schema	*cat;		/* the reading's catalog, kept */
	/*
	 * Per table with rows (t->user: index + 1), its rows decoded: per
	 * row the columns it had then, and per column a state byte (0: no
	 * field, 1: NULL, 2: a value), a 32-bit length and the bytes.
	 */
	struct trows {
		struct schema_table *t;
		struct buf	 vals;
		size_t		*off;
		size_t		 n;
	}		*tabs;
	size_t		 ntabs;
	struct buf	 dec;
};

static void
row_key(struct buf *key, const struct dump_row *row)
{
	const struct schema_table *t = row->data->table;

	buf_clear(key);
	if (t->schema != NULL)
		buf_adds(key, t->schema);
	buf_addc(key, '\0');
	buf_adds(key, t->name);
	buf_addc(key, '\0');
	FUZZ_CHECK(buf_add(key, row->raw, row->rawlen) == 0, "buffer cap");
}

static void
store_row(struct rows *rw, const struct dump_row *row)
{
	struct schema_table *t = row->data->table;
	struct trows *tr;
	unsigned char st;
	uint32_t len;
	size_t i, k, nc = t->ncols, at;
	long ix;
	int rc;

	if (t->user == NULL) {
		rw->tabs = xrealloc(rw->tabs, (rw->ntabs + 1) *
		    sizeof(*rw->tabs));
		tr = &rw->tabs[rw->ntabs++];
		memset(tr, 0, sizeof(*tr));
		tr->t = t;
		buf_init(&tr->vals, 0);
		t->user = (void *)(uintptr_t)rw->ntabs;
	}
	tr = &rw->tabs[(uintptr_t)t->user - 1];
	tr->off = xrealloc(tr->off, (tr->n + 1) * sizeof(*tr->off));
	tr->off[tr->n++] = tr->vals.len;
	FUZZ_CHECK(buf_add(&tr->vals, &nc, sizeof(nc)) == 0, "buffer cap");
	for (k = 0; k < nc; k++) {
		st = 0;
		len = 0;
		at = tr->vals.len;
		FUZZ_CHECK(buf_add(&tr->vals, &st, 1) == 0 &&
		    buf_add(&tr->vals, &len, sizeof(len)) == 0, "buffer cap");
		for (i = 0; i < row->nfields; i++) {
			ix = row->data->colmap[i];
			if (ix < 0 || (size_t)ix != k)
				continue;
			buf_clear(&rw->dec);
			rc = dump_field_decode(row, i, &rw->dec);
			if (rc == -1)
				break;
			st = rc == 1 ? 1 : 2;
			len = (uint32_t)rw->dec.len;
			memcpy(tr->vals.p + at, &st, 1);
			memcpy(tr->vals.p + at + 1, &len, sizeof(len));
			FUZZ_CHECK(buf_add(&tr->vals, rw->dec.p, len) == 0,
			    "buffer cap");
			break;
		}
	}
}

/* Column k of row r: 0 (unknown), 1 (NULL), 2 with *p, *n. */
static int
row_col(const struct trows *tr, size_t r, size_t k, const char **p,
    size_t *n)
{
	const char *q = tr->vals.p + tr->off[r];
	unsigned char st;
	uint32_t len;
	size_t nc, i;

	memcpy(&nc, q, sizeof(nc));
	q += sizeof(nc);
	if (k >= nc)
		return 0;
	for (i = 0;; i++) {
		st = (unsigned char)q[0];
		memcpy(&len, q + 1, sizeof(len));
		if (i == k) {
			*p = q + 1 + sizeof(len);
			*n = len;
			return st;
		}
		q += 1 + sizeof(len) + len;
	}
}

static void
rows_init(struct rows *rw)
{
	memset(rw, 0, sizeof(*rw));
	buf_init(&rw->key, 0);
	buf_init(&rw->dec, 1 << 20);
}

static void
rows_free(struct rows *rw)
{
	size_t i;

	for (i = 0; i < rw->ntabs; i++) {
		buf_free(&rw->tabs[i].vals);
		free(rw->tabs[i].off);
	}
	free(rw->tabs);
	buf_free(&rw->key);
	buf_free(&rw->dec);
	schema_free(rw->cat);
}

static int
rows_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct rows *rw = ctx;

	(void)err;
	if (d->form != FORM_COPY)
		rw->all_copy = 0;
	return DATA_ROWS;
}

static int
rows_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct rows *rw = ctx;

	(void)out;
	(void)err;
	rw->nrows++;
	store_row(rw, row);
	row_key(&rw->key, row);
	if (rw->set != NULL)
		sset_add(rw->set, rw->key.p, rw->key.len);
	else if (rw->ref != NULL)
		FUZZ_CHECK(sset_has(rw->ref, rw->key.p, rw->key.len), "line "
		    "%llu of the output: a row of %s that is not one of the "
		    "input's: %.*s", row->line, row->data->table->name,
		    (int)(row->rawlen < 200 ? row->rawlen : 200), row->raw);
	return ROW_KEEP;
}

static int
read_rows(const char *path, enum dump_dialect d, struct rows *rw,
    struct df_error *err)
{
	struct dump_handler h;
	struct dump_reader *r;
	struct istream *in;
	int rc;

	in = istream_open(path, err);
	FUZZ_CHECK(in != NULL, "istream_open %s: %s", path, err->msg);
	memset(&h, 0, sizeof(h));
	h.ctx = rw;
	h.on_data = rows_data;
	h.on_row = rows_row;
	rw->all_copy = 1;
	rw->cat = schema_new();
	r = dump_reader_new(in, NULL, d, rw->cat, &h, MAX_ROW);
	rc = dump_reader_run(r, err);
	dump_reader_free(r);
	istream_close(in);
	return rc;
}

/* ---- Every reference of the output holds --------------------------------- */

static struct schema_table *
top_of(struct schema_table *t)
{
	int depth;

	for (depth = 0; t->partition && t->parent != NULL && depth < 32;
	    depth++)
		t = t->parent;
	return t;
}

/* Does t descend from a (or is it a) through partitions? */
static int
part_of(const struct schema_table *t, const struct schema_table *a)
{
	int depth;

	for (depth = 0; t != NULL && depth < 33; depth++) {
		if (t == a)
			return 1;
		if (!t->partition)
			return 0;
		t = t->parent;
	}
	return 0;
}

/* A column by name: exact, then ignoring case (MySQL), as the engine. */
static long
col_named(const struct schema_table *t, const char *name)
{
	size_t i;
	long ix;

	ix = schema_col_index(t, name);
	if (ix >= 0)
		return ix;
	for (i = 0; i < t->ncols; i++)
		if (t->cols[i].name != NULL &&
		    strcasecmp(t->cols[i].name, name) == 0)
			return (long)i;
	return -1;
}

/*
 * The tuple of row r of tr in the columns named into key: 0 if a column
 * is missing, unknown or NULL (or, with strict, a value ends in a space:
 * char(n) padding, which the engine compares trimmed).
 */
static int
tuple_of(const struct trows *tr, size_t r, char **names, size_t n,
    int strict, struct buf *key)
{
	const char *p;
	size_t k, len;
	uint32_t l32;
	long ix;

	buf_clear(key);
	for (k = 0; k < n; k++) {
		ix = col_named(tr->t, names[k]);
		if (ix < 0 || row_col(tr, r, (size_t)ix, &p, &len) != 2)
			return 0;
		if (strict && len > 0 && p[len - 1] == ' ')
			return 0;
		l32 = (uint32_t)len;
		FUZZ_CHECK(buf_add(key, &l32, sizeof(l32)) == 0 &&
		    buf_add(key, p, len) == 0, "buffer cap");
	}
	return 1;
}

/* The tuples of the rows of top's tables (partitions) in names. */
static void
tuples_under(const struct rows *rw, const struct schema_table *top,
    char **names, size_t n, struct sset *set, struct buf *key)
{
	size_t i, r;

	for (i = 0; i < rw->ntabs; i++) {
		if (top_of(rw->tabs[i].t) != top)
			continue;
		for (r = 0; r < rw->tabs[i].n; r++)
			if (tuple_of(&rw->tabs[i], r, names, n, 0, key))
				sset_add(set, key->p, key->len);
	}
}

/*
 * Every foreign key the output declares holds for its rows, where it
 * held in the input: a kept row's parent is kept.  A reference that
 * pointed at nothing in the input (dangling) may point at nothing.
 */
static void
check_refs(const struct rows *in, const struct rows *out)
{
	struct schema_table *t, *pt, *top, *itop;
	const struct schema_fk *fk;
	struct sset oset, iset;
	struct buf key;
	char **cn, **pn;
	size_t i, j, k, u, r, n;

	buf_init(&key, 0);
	for (i = 0; i < schema_count(out->cat); i++) {
		t = schema_at(out->cat, i);
		for (j = 0; j < t->nfk; j++) {
			fk = &t->fks[j];
			n = fk->cols.n;
			pt = schema_find(out->cat, fk->ref_schema,
			    fk->ref_table);
			if (pt == NULL && fk->ref_schema != NULL)
				pt = schema_find(out->cat, NULL,
				    fk->ref_table);
			if (pt == NULL || n == 0)
				continue;
			top = top_of(pt);
			itop = schema_find(in->cat, top->schema, top->name);
			if (itop == NULL || (fk->ref_cols == NULL ?
			    top->pk.n != n : fk->nref != n))
				continue;
			cn = xcalloc(n, sizeof(*cn));
			pn = xcalloc(n, sizeof(*pn));
			for (k = 0; k < n; k++) {
				if (fk->cols.cols[k] >= t->ncols ||
				    (fk->ref_cols == NULL &&
				    top->pk.cols[k] >= top->ncols))
					break;
				cn[k] = t->cols[fk->cols.cols[k]].name;
				pn[k] = fk->ref_cols != NULL ?
				    fk->ref_cols[k] :
				    top->cols[top->pk.cols[k]].name;
			}
			if (k < n) {
				free(cn);
				free(pn);
				continue;
			}
			sset_init(&oset);
			sset_init(&iset);
			tuples_under(out, top, pn, n, &oset, &key);
			tuples_under(in, itop, pn, n, &iset, &key);
			for (u = 0; u < out->ntabs; u++) {
				if (!part_of(out->tabs[u].t, t))
					continue;
				for (r = 0; r < out->tabs[u].n; r++) {
					if (!tuple_of(&out->tabs[u], r, cn, n,
					    1, &key))
						continue;
					FUZZ_CHECK(sset_has(&oset, key.p,
					    key.len) || !sset_has(&iset, key.p,
					    key.len), "a row of %s (%zu of "
					    "the output's) references through "
					    "foreign key %s (%s -> %s) a row "
					    "the input has and the output "
					    "lost: %s", out->tabs[u].t->name,
					    r + 1, fk->name ? fk->name : "?",
					    cn[0], pn[0],
					    fuzz_show(key.p, key.len, 0));
				}
			}
			sset_free(&oset);
			sset_free(&iset);
			free(cn);
			free(pn);
		}
	}
	buf_free(&key);
}

/* Is a[0, n) a subsequence of b[0, m)? */
static int
is_subsequence(const char *a, size_t n, const char *b, size_t m)
{
	size_t i = 0, j = 0;

	for (; i < n && j < m; j++)
		if (a[i] == b[j])
			i++;
	return i == n;
}

/* Every line of out is one of ref's (the last one may lack its \n). */
static void
check_lines(const struct buf *out, const struct buf *ref)
{
	struct sset lines;
	const char *p, *e, *nl;

	sset_init(&lines);
	for (p = ref->p, e = ref->p + ref->len; p < e; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e;
		sset_add(&lines, p, (size_t)(nl - p));
	}
	for (p = out->p, e = out->p + out->len; p < e; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e;
		FUZZ_CHECK(sset_has(&lines, p, (size_t)(nl - p)), "output "
		    "offset %zu: a line that is not one of the input's: %.*s",
		    (size_t)(p - out->p), (int)(nl - p < 200 ? nl - p : 200),
		    p);
	}
	sset_free(&lines);
}

static void
check_rows(const struct result *res, const struct buf *ref, int nullify)
{
	struct df_error err;
	struct sset inrows;
	struct rows rin, rout;
	int rc;

	if (!nullify)
		FUZZ_CHECK(is_subsequence(res->out.p, res->out.len, ref->p,
		    ref->len), "with no nullify rule, the output (%zu bytes) "
		    "is not a subsequence of the input (%zu bytes)",
		    res->out.len, ref->len);
	sset_init(&inrows);
	rows_init(&rin);
	rows_init(&rout);
	rin.set = &inrows;
	rout.ref = &inrows;
	memset(&err, 0, sizeof(err));
	/* Rows split where the dehydrate run only counted: may fail. */
	if (read_rows(path_in, res->dialect, &rin, &err) == 0) {
		memset(&err, 0, sizeof(err));
		/* Later runs replaced the file. */
		fuzz_write_file(path_out, res->out.p, res->out.len);
		if (nullify)
			rout.ref = NULL;	/* rows may change */
		rc = read_rows(path_out, res->dialect, &rout, &err);
		FUZZ_CHECK(rc == 0, "the output does not read back: %s:%llu: "
		    "%s", err.file, err.line, err.msg);
		FUZZ_CHECK(rout.nrows <= rin.nrows, "%llu rows out of %llu",
		    rout.nrows, rin.nrows);
		if (!nullify && res->dialect == DIALECT_PG && rin.all_copy)
			check_lines(&res->out, ref);
		check_refs(&rin, &rout);
	}
	rows_free(&rin);
	rows_free(&rout);
	sset_free(&inrows);
}

/* ---- The input ----------------------------------------------------------- */

/* The dump as istream_read() gives it; -1: no use running it. */
static int
read_ref(struct buf *ref)
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
	struct result large, again, tiny, some, other;
	struct df_error err;
	struct rules *rs;
	struct buf ref;
	const uint8_t *dump;
	size_t i, rlen, fds;
	uint32_t hash;
	int nullify = 0;

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
	fds = count_fds();
	fuzz_write_file(path_rules, data, rlen);
	fuzz_write_file(path_in, dump, size - (size_t)(dump - data));
	buf_init(&ref, 0);
	if (read_ref(&ref) == -1)
		goto out;
	memset(&err, 0, sizeof(err));
	rs = rules_load(path_rules, &err);
	if (rs == NULL) {
		FUZZ_CHECK(err.msg[0] != '\0', "rules_load failed without a "
		    "message");
		goto out;
	}
	for (i = 0; i < rs->ntruncate; i++)
		if (rs->truncate[i].nullify)
			nullify = 1;
	hash = fnv1a(data, size);

	result_init(&large, "mem 1G");
	run(rs, MEM_LARGE, 0, &large);
	check_clean(large.label, fds);
	result_init(&again, "mem 1G, again");
	run(rs, MEM_LARGE, 0, &again);
	check_clean(again.label, fds);
	check_same(&large, &again);
	result_init(&tiny, hash & 1 ? "mem 1 byte" : "mem 0");
	run(rs, hash & 1, 0, &tiny);
	check_clean(tiny.label, fds);
	check_same(&large, &tiny);
	result_init(&some, "mem some KB");
	run(rs, 256 * (1 + (hash >> 1) % 64), 0, &some);
	check_clean(some.label, fds);
	check_same(&large, &some);
	/*
	 * Pass 1 told that keys precede the rows (--schema): a table's
	 * keys may be read before they are declared, which must end in a
	 * DH_FULL reading.  Errors may come in another order, or not at
	 * all (DH_FULL splits only the rows the plan needs), but two
	 * successes agree.
	 */
	result_init(&other, "pass 1 told keys come first");
	run(rs, 256 * (1 + (hash >> 7) % 64), 1, &other);
	check_clean(other.label, fds);
	if (large.rc == 0 && other.rc == 0) {
		check_same_bytes("output", &large, &large.out, &other,
		    &other.out);
		check_same_bytes("explain", &large, &large.explain, &other,
		    &other.explain);
		check_same_bytes("report", &large, &large.report, &other,
		    &other.report);
	}

	if (large.rc == 0)
		check_rows(&large, &ref, nullify);

	result_free(&large);
	result_free(&again);
	result_free(&tiny);
	result_free(&some);
	result_free(&other);
	rules_free(rs);
out:
	buf_free(&ref);
	(void)remove(path_in);
	(void)remove(path_rules);
	(void)remove(path_out);
	(void)remove(path_explain);
	(void)remove(path_report);
	return 0;
}
