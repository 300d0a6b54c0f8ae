/*
 * fuzz_reader: the properties of the dump reader, for one dialect; the
 * targets fuzz_pg_reader and fuzz_mysql_reader call fuzz_reader_one().
 *
 * The input is written to a file and read the way the programs read a
 * dump (istream_open, so gzip and zstd input is decompressed; the
 * decompressed bytes are the reference), and run through the reader
 * several times.  Output goes to a file through ostream_open and is read
 * back.  What must hold:
 *   - nothing crashes, leaks, or trips a sanitizer;
 *   - a run that fails fills the error message, and what it wrote is a
 *     prefix of the input (the reader writes input bytes in order);
 *   - with no handler, a successful run writes the input exactly;
 *     a handler whose on_data says DATA_PASS changes nothing at all (same
 *     result, message and output);
 *   - DATA_COUNT succeeds only if DATA_PASS does; DATA_ROWS only if
 *     DATA_COUNT does; each writes the input exactly when it succeeds,
 *     with ROW_KEEP for every row, and also when every row is replaced by
 *     its own raw text (ROW_REPLACE); all modes see the same data
 *     statements and byte counts, COUNT and ROWS the same row counts, and
 *     ROWS one on_row call per counted row;
 *   - every field is a slice of its row; decoding a field succeeds or
 *     fails cleanly, is NULL exactly for NULL fields, and the decoded
 *     value survives dump_field_encode and decoding again;
 *   - dropping rows (ROW_DROP) does not change the result, and the output
 *     is then a subsequence of the input;
 *   - a smaller max_row can only make a run fail with a max-row error;
 *   - where the reads split the input does not matter: the input after a
 *     run of spaces that fills the reader's first window exactly up to a
 *     chosen offset of the input gives the same result and message, and
 *     on success the same output.  This needs small read blocks, so the
 *     library is compiled with -DSTREAM_BLOCK=4096 for these targets.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "reader.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

#define MAX_ROW		(1 << 20)
/* Decompressed inputs larger than this are skipped: too slow. */
#define REF_MAX		(4 << 20)
/* dump_reader_run() reads this much before it looks at the dump. */
#define SNIFF_LEN	65536

enum run_kind {
	RUN_NONE,	/* no handler */
	RUN_PASS,	/* on_data: DATA_PASS */
	RUN_COUNT,	/* DATA_COUNT */
	RUN_KEEP,	/* DATA_ROWS, ROW_KEEP, fields decoded */
	RUN_REPLACE,	/* DATA_ROWS, ROW_REPLACE with the raw row */
	RUN_MIX		/* DATA_ROWS, keep / drop / replace in turn */
};

static const char *const run_names[] = { "none", "pass", "count", "keep",
    "replace", "mix" };

/* One data statement or COPY block as the handler saw it. */
struct ev {
	int		 form;
	unsigned long long line;
	unsigned long long rows, bytes;	/* from on_data_end */
	unsigned long long calls;	/* on_row calls */
	int		 ended;
};

struct run {
	enum run_kind	 kind;
	enum dump_dialect dialect;
	const char	*label;
	struct ev	*ev;
	size_t		 nev, evcap;
	unsigned long long nrows;	/* on_row calls in all */
	size_t		 ntables;
	struct buf	 val, enc, dec;
	struct buf	 out;
	struct df_error	 err;
	struct schema	*sch;
	int		 rc;
};

static int
on_schema(void *ctx, struct schema_table *t, struct df_error *err)
{
	struct run *run = ctx;

	(void)err;
	fuzz_check_table(run->sch, t);
	return 0;
}

static int
on_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct run *run = ctx;
	struct ev *e;
	size_t i;

	(void)err;
	FUZZ_CHECK(d->table != NULL, "%s: data without a table", run->label);
	FUZZ_CHECK(d->dialect == run->dialect, "%s: dialect %d",
	    run->label, (int)d->dialect);
	FUZZ_CHECK(d->line >= 1, "%s: line %llu", run->label, d->line);
	if (run->dialect == DIALECT_PG)
		FUZZ_CHECK(d->form == FORM_COPY || d->form == FORM_INSERT,
		    "%s: pg form %d", run->label, (int)d->form);
	else
		FUZZ_CHECK(d->form == FORM_INSERT || d->form ==
		    FORM_INSERT_IGNORE || d->form == FORM_REPLACE,
		    "%s: MySQL form %d", run->label, (int)d->form);
	FUZZ_CHECK(!d->has_columns || d->colnames != NULL, "%s: has_columns "
	    "but no names", run->label);
	for (i = 0; d->colnames != NULL && i < d->nlisted; i++)
		FUZZ_CHECK(d->colnames[i] != NULL, "%s: column name %zu",
		    run->label, i);
	/* The previous statement ended before this one began. */
	FUZZ_CHECK(run->nev == 0 || run->ev[run->nev - 1].ended,
	    "%s: on_data before on_data_end", run->label);
	if (run->nev == run->evcap) {
		run->evcap = run->evcap ? run->evcap * 2 : 64;
		run->ev = xrealloc(run->ev, run->evcap * sizeof(*run->ev));
	}
	e = &run->ev[run->nev++];
	memset(e, 0, sizeof(*e));
	e->form = (int)d->form;
	e->line = d->line;
	switch (run->kind) {
	case RUN_PASS:
		return DATA_PASS;
	case RUN_COUNT:
		return DATA_COUNT;
	default:
		return DATA_ROWS;
	}
}

static int
on_data_end(void *ctx, const struct dump_data *d, unsigned long long rows,
    unsigned long long bytes, struct df_error *err)
{
	struct run *run = ctx;
	struct ev *e;

	(void)err;
	FUZZ_CHECK(run->nev > 0 && !run->ev[run->nev - 1].ended,
	    "%s: on_data_end without on_data", run->label);
	e = &run->ev[run->nev - 1];
	FUZZ_CHECK(e->line == d->line && e->form == (int)d->form,
	    "%s: on_data_end for another statement (line %llu, not %llu)",
	    run->label, d->line, e->line);
	if (run->kind >= RUN_KEEP)
		FUZZ_CHECK(rows == e->calls, "%s: line %llu: %llu rows "
		    "counted, on_row called %llu times", run->label, e->line,
		    rows, e->calls);
	e->rows = rows;
	e->bytes = bytes;
	e->ended = 1;
	return 0;
}

/*
 * Decode field i; if that works, encode the value for the row's form and
 * decode that again: the value must come back.
 */
static void
check_field(struct run *run, const struct dump_row *row, size_t i)
{
	const struct dump_field *f = &row->fields[i];
	struct dump_field f2;
	struct dump_row r2;
	int rc;

	FUZZ_CHECK(f->p >= row->raw && f->len <= row->rawlen &&
	    (size_t)(f->p - row->raw) <= row->rawlen - f->len,
	    "%s: line %llu: field %zu is not inside its row", run->label,
	    row->line, i);
	FUZZ_CHECK(f->len > 0 || f->kind == FIELD_TEXT, "%s: line %llu: "
	    "empty field %zu of kind %d", run->label, row->line, i,
	    (int)f->kind);
	FUZZ_CHECK(f->introducer == 0 || f->introducer < f->len,
	    "%s: line %llu: field %zu: introducer %u of %zu bytes",
	    run->label, row->line, i, f->introducer, f->len);
	buf_clear(&run->val);
	rc = dump_field_decode(row, i, &run->val);
	FUZZ_CHECK(rc >= -1 && rc <= 1, "%s: decode rc %d", run->label, rc);
	FUZZ_CHECK((rc == 1) == (f->kind == FIELD_NULL), "%s: line %llu: "
	    "field %zu of kind %d decodes to rc %d", run->label, row->line, i,
	    (int)f->kind, rc);
	if (rc != 0)
		return;
	buf_clear(&run->enc);
	/* An empty value (even with p == NULL) is not NULL. */
	rc = dump_field_encode(row->data, run->val.p, run->val.len, 0,
	    &run->enc);
	FUZZ_CHECK(rc == 0, "%s: encoding a decoded value fails", run->label);
	/* The same data, one field of the kind the encoder writes. */
	memset(&f2, 0, sizeof(f2));
	f2.p = run->enc.p != NULL ? run->enc.p : "";
	f2.len = run->enc.len;
	if (row->data->form == FORM_COPY)
		f2.kind = FIELD_TEXT;
	else if (row->data->dialect == DIALECT_MYSQL && row->data->bs_quotes)
		f2.kind = FIELD_ESTRING;
	else	/* pg: the encoder writes E'..' when it needs escapes */
		f2.kind = FIELD_STRING;
	r2 = *row;
	r2.nfields = 1;
	r2.fields = &f2;
	buf_clear(&run->dec);
	rc = dump_field_decode(&r2, 0, &run->dec);
	FUZZ_CHECK(rc == 0 && fuzz_eq(run->dec.p, run->dec.len, run->val.p,
	    run->val.len), "%s: line %llu: field %zu: decode(encode(v)) != v "
	    "(rc %d; v %s)", run->label, row->line, i, rc,
	    fuzz_show(run->val.p, run->val.len, fuzz_diff_at(run->val.p,
	    run->val.len, run->dec.p, run->dec.len)));
}

static int
on_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct run *run = ctx;
	struct ev *e;
	size_t i;
	long ix;

	(void)err;
	FUZZ_CHECK(run->nev > 0 && !run->ev[run->nev - 1].ended,
	    "%s: on_row outside a statement", run->label);
	e = &run->ev[run->nev - 1];
	e->calls++;
	run->nrows++;
	FUZZ_CHECK(row->data != NULL && row->data->table != NULL,
	    "%s: row without data", run->label);
	FUZZ_CHECK(row->nfields == row->data->ncols, "%s: line %llu: %zu "
	    "fields, %zu columns", run->label, row->line, row->nfields,
	    row->data->ncols);
	FUZZ_CHECK(row->nfields == 0 || row->fields != NULL, "%s: no "
	    "fields", run->label);
	FUZZ_CHECK(row->line >= row->data->line, "%s: row line %llu before "
	    "the statement's %llu", run->label, row->line, row->data->line);
	FUZZ_CHECK(row->data->colmap != NULL || row->nfields == 0,
	    "%s: line %llu: no colmap", run->label, row->line);
	for (i = 0; i < row->nfields; i++) {
		ix = row->data->colmap[i];
		FUZZ_CHECK(ix >= -1 && (ix < 0 ||
		    (size_t)ix < row->data->table->ncols), "%s: line %llu: "
		    "colmap[%zu] = %ld of %zu columns", run->label, row->line,
		    i, ix, row->data->table->ncols);
	}
	if (run->kind == RUN_KEEP)
		for (i = 0; i < row->nfields; i++)
			check_field(run, row, i);
	switch (run->kind) {
	case RUN_REPLACE:
		FUZZ_CHECK(buf_add(out, row->raw, row->rawlen) == 0,
		    "%s: the row buffer cannot hold the row (%zu bytes)",
		    run->label, row->rawlen);
		return ROW_REPLACE;
	case RUN_MIX:
		if (run->nrows % 3 == 1)
			return ROW_DROP;
		if (run->nrows % 3 == 2) {
			FUZZ_CHECK(buf_add(out, row->raw, row->rawlen) == 0,
			    "%s: the row buffer cannot hold the row",
			    run->label);
			return ROW_REPLACE;
		}
		return ROW_KEEP;
	default:
		return ROW_KEEP;
	}
}

static void
run_init(struct run *run, enum run_kind kind, enum dump_dialect dialect,
    const char *label)
{
	memset(run, 0, sizeof(*run));
	run->kind = kind;
	run->dialect = dialect;
	run->label = label;
	buf_init(&run->val, 8 << 20);
	buf_init(&run->enc, 32 << 20);
	buf_init(&run->dec, 8 << 20);
	buf_init(&run->out, 0);
}

static void
run_free(struct run *run)
{
	free(run->ev);
	buf_free(&run->val);
	buf_free(&run->enc);
	buf_free(&run->dec);
	buf_free(&run->out);
}

/* Read inpath through the reader into run->out. */
static void
run_reader(struct run *run, const char *inpath, size_t max_row)
{
	static char outpath[1024];
	struct dump_handler h;
	struct dump_reader *r;
	struct istream *in;
	struct ostream *out;
	struct df_error e2;
	unsigned long long pos;

	if (outpath[0] == '\0')
		fuzz_path(outpath, sizeof(outpath), "out");
	memset(&run->err, 0, sizeof(run->err));
	memset(&e2, 0, sizeof(e2));
	in = istream_open(inpath, &e2);
	FUZZ_CHECK(in != NULL, "%s: istream_open failed the second time: %s",
	    run->label, e2.msg);
	out = ostream_open(outpath, STREAM_PLAIN, 0, &e2);
	FUZZ_CHECK(out != NULL, "%s: ostream_open: %s", run->label, e2.msg);
	run->sch = schema_new();
	memset(&h, 0, sizeof(h));
	h.ctx = run;
	h.on_schema = on_schema;
	h.on_data = on_data;
	h.on_row = on_row;
	h.on_data_end = on_data_end;
	r = dump_reader_new(in, out, run->dialect, run->sch,
	    run->kind == RUN_NONE ? NULL : &h, max_row);
	run->rc = dump_reader_run(r, &run->err);
	FUZZ_CHECK(run->rc == 0 || run->rc == -1, "%s: rc %d", run->label,
	    run->rc);
	FUZZ_CHECK(run->rc == 0 || run->err.msg[0] != '\0', "%s: failed "
	    "without a message", run->label);
	FUZZ_CHECK(run->rc == -1 || run->nev == 0 ||
	    run->ev[run->nev - 1].ended, "%s: success inside a statement",
	    run->label);
	FUZZ_CHECK(dump_reader_dialect(r) == run->dialect, "%s: dialect "
	    "changed", run->label);
	dump_reader_free(r);
	istream_close(in);
	pos = ostream_pos(out);
	FUZZ_CHECK(ostream_close(out, &e2) == 0, "%s: ostream_close: %s",
	    run->label, e2.msg);
	FUZZ_CHECK(buf_reserve(&run->out, pos + 1) == 0, "buffer cap");
	fuzz_read_file(outpath, &run->out);
	FUZZ_CHECK(run->out.len == pos, "%s: %llu bytes written, %zu in the "
	    "file", run->label, pos, run->out.len);
	(void)remove(outpath);
	fuzz_check_schema(run->sch);
	run->ntables = schema_count(run->sch);
	schema_free(run->sch);
	run->sch = NULL;
}

/* Failed runs wrote a prefix of the input, successful ones all of it. */
static void
check_output(const struct run *run, const struct buf *ref)
{
	size_t at;

	if (run->rc == 0 ? fuzz_eq(run->out.p, run->out.len, ref->p,
	    ref->len) : fuzz_is_prefix(run->out.p, run->out.len, ref->p,
	    ref->len))
		return;
	at = fuzz_diff_at(run->out.p, run->out.len, ref->p, ref->len);
	if (run->rc == 0)
		fuzz_fail(__FILE__, __LINE__, "output == input", "%s: output "
		    "(%zu bytes) differs from the input (%zu bytes) at %zu: "
		    "output %s", run->label, run->out.len, ref->len, at,
		    fuzz_show(run->out.p, run->out.len, at));
	fuzz_fail(__FILE__, __LINE__, "output is a prefix of the input",
	    "%s: after \"%s\" the output (%zu bytes) is not a prefix of the "
	    "input: differs at %zu: output %s", run->label, run->err.msg,
	    run->out.len, at, fuzz_show(run->out.p, run->out.len, at));
}

static void
check_same_error(const struct run *a, const struct run *b)
{
	FUZZ_CHECK(a->rc == b->rc, "%s rc %d (%s) but %s rc %d (%s)",
	    a->label, a->rc, a->err.msg, b->label, b->rc, b->err.msg);
	if (a->rc == 0)
		return;
	FUZZ_CHECK(strcmp(a->err.msg, b->err.msg) == 0 &&
	    a->err.line == b->err.line, "%s fails at line %llu: \"%s\"; %s "
	    "at line %llu: \"%s\"", a->label, a->err.line, a->err.msg,
	    b->label, b->err.line, b->err.msg);
}

/*
 * Both runs succeeded: the same data statements with the same byte
 * counts, and with rows the same row counts.
 */
static void
check_same_events(const struct run *a, const struct run *b, int rows)
{
	size_t i;

	FUZZ_CHECK(a->nev == b->nev, "%s saw %zu data statements, %s %zu",
	    a->label, a->nev, b->label, b->nev);
	FUZZ_CHECK(a->ntables == b->ntables, "%s has %zu tables, %s %zu",
	    a->label, a->ntables, b->label, b->ntables);
	for (i = 0; i < a->nev; i++) {
		FUZZ_CHECK(a->ev[i].line == b->ev[i].line &&
		    a->ev[i].form == b->ev[i].form && a->ev[i].bytes ==
		    b->ev[i].bytes, "statement %zu: %s: line %llu form %d "
		    "%llu bytes; %s: line %llu form %d %llu bytes", i,
		    a->label, a->ev[i].line, a->ev[i].form, a->ev[i].bytes,
		    b->label, b->ev[i].line, b->ev[i].form, b->ev[i].bytes);
		if (rows || a->ev[i].form == FORM_COPY)
			FUZZ_CHECK(a->ev[i].rows == b->ev[i].rows, "statement "
			    "%zu (line %llu): %s counts %llu rows, %s %llu",
			    i, a->ev[i].line, a->label, a->ev[i].rows,
			    b->label, b->ev[i].rows);
	}
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

/*
 * Reference bytes: the input as istream_read() gives it.  Returns -1 if
 * the input cannot be opened (nothing to run), 0 with *readerr set if
 * reading it fails, 1 if it is too large to bother.
 */
static int
read_ref(const char *path, struct buf *ref, enum stream_comp *comp,
    int *readerr)
{
	struct df_error err;
	struct istream *in;
	ssize_t n;

	memset(&err, 0, sizeof(err));
	in = istream_open(path, &err);
	if (in == NULL) {
		FUZZ_CHECK(err.msg[0] != '\0', "istream_open failed without "
		    "a message");
		return -1;
	}
	*comp = istream_comp(in);
	*readerr = 0;
	for (;;) {
		if (ref->len > REF_MAX) {
			istream_close(in);
			return 1;
		}
		FUZZ_CHECK(buf_reserve(ref, 65536) == 0, "buffer cap");
		n = istream_read(in, ref->p + ref->len, 65536, &err);
		if (n == -1) {
			FUZZ_CHECK(err.msg[0] != '\0', "istream_read failed "
			    "without a message");
			*readerr = 1;
			break;
		}
		FUZZ_CHECK(n >= 0 && n <= 65536, "istream_read returned %zd",
		    n);
		if (n == 0)
			break;
		ref->len += (size_t)n;
	}
	istream_close(in);
	return 0;
}

int
fuzz_reader_one(const uint8_t *data, size_t size, enum dump_dialect dialect)
{
	static char inpath[1024];
	struct run runs[RUN_MIX + 1], small, split_none, split_keep;
	struct buf ref, pre;
	enum stream_comp comp = STREAM_PLAIN;
	size_t i, k, lim, smallmax;
	uint32_t hash;
	int readerr = 0, rc;

	if (inpath[0] == '\0')
		fuzz_path(inpath, sizeof(inpath), "in.sql");
	fuzz_write_file(inpath, data, size);
	buf_init(&ref, 0);
	rc = read_ref(inpath, &ref, &comp, &readerr);
	if (rc != 0) {
		buf_free(&ref);
		(void)remove(inpath);
		return 0;
	}
	if (comp == STREAM_PLAIN)
		FUZZ_CHECK(!readerr && fuzz_eq(ref.p, ref.len, data, size),
		    "plain input read back as %zu bytes of %zu", ref.len,
		    size);
	hash = fnv1a(data, size);

	for (i = RUN_NONE; i <= RUN_MIX; i++) {
		run_init(&runs[i], (enum run_kind)i, dialect, run_names[i]);
		run_reader(&runs[i], inpath, MAX_ROW);
		if (readerr) {
			FUZZ_CHECK(runs[i].rc == -1, "%s: the input cannot be "
			    "read, but the run succeeds", run_names[i]);
			continue;
		}
		if (i != RUN_MIX)
			check_output(&runs[i], &ref);
	}
	/* A PASS handler is no handler. */
	check_same_error(&runs[RUN_NONE], &runs[RUN_PASS]);
	FUZZ_CHECK(fuzz_eq(runs[RUN_NONE].out.p, runs[RUN_NONE].out.len,
	    runs[RUN_PASS].out.p, runs[RUN_PASS].out.len), "a DATA_PASS "
	    "handler changes the output");
	/* Each mode checks more than the one before. */
	if (runs[RUN_COUNT].rc == 0) {
		FUZZ_CHECK(runs[RUN_PASS].rc == 0, "COUNT succeeds, PASS "
		    "fails: %s", runs[RUN_PASS].err.msg);
		check_same_events(&runs[RUN_PASS], &runs[RUN_COUNT], 0);
	}
	if (runs[RUN_KEEP].rc == 0) {
		FUZZ_CHECK(runs[RUN_COUNT].rc == 0, "ROWS succeeds, COUNT "
		    "fails: %s", runs[RUN_COUNT].err.msg);
		check_same_events(&runs[RUN_COUNT], &runs[RUN_KEEP], 1);
	}
	/* What a handler does with a row does not change the parse. */
	check_same_error(&runs[RUN_KEEP], &runs[RUN_REPLACE]);
	check_same_error(&runs[RUN_KEEP], &runs[RUN_MIX]);
	if (runs[RUN_MIX].rc == 0) {
		check_same_events(&runs[RUN_KEEP], &runs[RUN_MIX], 1);
		FUZZ_CHECK(is_subsequence(runs[RUN_MIX].out.p,
		    runs[RUN_MIX].out.len, ref.p, ref.len), "dropping rows "
		    "writes bytes that are not in the input");
	}

	/* A small max_row: success only where the large one succeeds. */
	smallmax = 64 + hash % 1024;
	run_init(&small, RUN_KEEP, dialect, "keep, small max_row");
	run_reader(&small, inpath, smallmax);
	if (!readerr)
		check_output(&small, &ref);
	if (small.rc == 0) {
		FUZZ_CHECK(runs[RUN_KEEP].rc == 0, "max_row %zu succeeds, "
		    "%d fails: %s", smallmax, MAX_ROW,
		    runs[RUN_KEEP].err.msg);
		check_same_events(&runs[RUN_KEEP], &small, 1);
	} else if (runs[RUN_KEEP].rc == 0) {
		FUZZ_CHECK(strstr(small.err.msg, "max-row") != NULL,
		    "max_row %zu: fails with \"%s\", not a max-row error",
		    smallmax, small.err.msg);
	}

	/*
	 * Split the reads: spaces so that the first SNIFF_LEN bytes the
	 * reader takes end at offset k of the input.  The spaces are
	 * between statements and add no line, so nothing may change but
	 * the output's leading spaces.  Not for compressed input, and not
	 * when the first run failed on the dialect header (which the
	 * spaces hide).
	 */
	lim = size < SNIFF_LEN ? size : SNIFF_LEN;
	k = lim > 0 ? hash % (lim + 1) : 0;
	if (comp == STREAM_PLAIN && size > 0 && !(runs[RUN_KEEP].rc == -1 &&
	    strstr(runs[RUN_KEEP].err.msg, "this looks like") != NULL)) {
		buf_init(&pre, 0);
		FUZZ_CHECK(buf_reserve(&pre, SNIFF_LEN - k + size) == 0,
		    "buffer");
		memset(pre.p, ' ', SNIFF_LEN - k);
		pre.len = SNIFF_LEN - k;
		buf_add(&pre, data, size);
		fuzz_write_file(inpath, pre.p, pre.len);

		run_init(&split_none, RUN_NONE, dialect, "none, split");
		run_reader(&split_none, inpath, MAX_ROW);
		check_output(&split_none, &pre);
		check_same_error(&runs[RUN_NONE], &split_none);

		run_init(&split_keep, RUN_KEEP, dialect, "keep, split");
		run_reader(&split_keep, inpath, MAX_ROW);
		check_output(&split_keep, &pre);
		check_same_error(&runs[RUN_KEEP], &split_keep);
		if (split_keep.rc == 0)
			check_same_events(&runs[RUN_KEEP], &split_keep, 1);
		run_free(&split_none);
		run_free(&split_keep);
		buf_free(&pre);
	}

	run_free(&small);
	for (i = RUN_NONE; i <= RUN_MIX; i++)
		run_free(&runs[i]);
	buf_free(&ref);
	(void)remove(inpath);
	return 0;
}
