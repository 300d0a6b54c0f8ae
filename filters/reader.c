/*
 * reader: the dialect-independent half of reading a dump: the input window,
 * pass-through output, line counting, handler calls, the emission of INSERT
 * rows a handler changed or dropped, and dialect detection.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "mysql.h"
#include "pg.h"
#include "reader.h"
#include "readerint.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

struct dump_reader *
dump_reader_new(struct istream *in, struct ostream *out,
    enum dump_dialect dialect, struct schema *sch,
    const struct dump_handler *h, size_t max_row)
{
	struct dump_reader *r;

	r = xcalloc(1, sizeof(*r));
	r->in = in;
	r->out = out;
	r->dialect = dialect;
	r->schema = sch;
	if (h != NULL) {
		r->h = *h;
		r->has_handler = 1;
	}
	r->max_row = max_row;
	r->file = istream_name(in);
	r->cap = 2 * STREAM_BLOCK;
	r->w = xmalloc(r->cap);
	r->line = 1;
	r->bs_quotes = dialect == DIALECT_MYSQL;
	r->delim[0] = ';';
	r->dlen = 1;
	buf_init(&r->rowbuf, max_row + 64);
	buf_init(&r->scratch, max_row + 64);
	return r;
}

void
dump_reader_free(struct dump_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->w);
	free(r->fields);
	free(r->db);
	for (i = 0; i < sizeof(r->modevar) / sizeof(r->modevar[0]); i++)
		free(r->modevar[i]);
	buf_free(&r->rowbuf);
	buf_free(&r->scratch);
	free(r);
}

enum dump_dialect
dump_reader_dialect(const struct dump_reader *r)
{
	return r->dialect;
}

int
rd_err(struct dump_reader *r, struct df_error *err, size_t off,
    const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = DF_EXIT_DATA;
	df_err_file(err, r->file);
	err->line = rd_line_at(r, off);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

size_t
rd_count_nl(const char *p, size_t n)
{
	const char *e = p + n, *q;
	size_t c = 0;

	/*
	 * memchr per newline: SIMD in libc, and dumps have long lines (a
	 * MySQL INSERT is one line of about a megabyte).  A byte loop ran at
	 * a third of the speed at -O2, where gcc does not vectorise it.
	 */
	while (p < e) {
		q = memchr(p, '\n', (size_t)(e - p));
		if (q == NULL)
			break;
		c++;
		p = q + 1;
	}
	return c;
}

unsigned long long
rd_line_at(const struct dump_reader *r, size_t off)
{
	if (off > r->end)
		off = r->end;
	if (off < r->mark)
		return r->line;
	return r->line + rd_count_nl(r->w + r->mark, off - r->mark);
}

int
rd_fill(struct dump_reader *r, struct df_error *err)
{
	size_t keep, want;
	ssize_t n;

	if (r->eof)
		return 0;
	keep = r->end - r->mark;
	if (keep > r->max_row)
		return rd_err(r, err, r->mark, "a statement or row longer "
		    "than --max-row (%zu bytes); raise --max-row if the "
		    "dump is sound", r->max_row);
	if (r->mark > 0) {
		memmove(r->w, r->w + r->mark, keep);
		r->pos -= r->mark;
		r->mark = 0;
		r->end = keep;
	}
	if (r->cap - r->end < STREAM_BLOCK) {
		want = r->cap * 2;
		if (want < r->end + STREAM_BLOCK)
			want = r->end + STREAM_BLOCK;
		r->w = xrealloc(r->w, want);
		r->cap = want;
	}
	n = istream_read(r->in, r->w + r->end, r->cap - r->end, err);
	if (n == -1)
		return -1;
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->end += (size_t)n;
	if (r->has_handler && r->h.on_read != NULL)
		r->h.on_read(r->h.ctx);
	return 1;
}

int
rd_unit_len(struct dump_reader *r, size_t from, size_t to,
    struct df_error *err)
{
	if (to - from <= r->max_row)
		return 0;
	return rd_err(r, err, from, "a statement or row of %zu bytes, longer "
	    "than --max-row (%zu bytes); raise --max-row if the dump is "
	    "sound", to - from, r->max_row);
}

int
rd_write(struct dump_reader *r, const char *p, size_t n,
    struct df_error *err)
{
	if (r->out == NULL || n == 0)
		return 0;
	return ostream_write(r->out, p, n, err);
}

int
rd_emit(struct dump_reader *r, size_t from, size_t to, struct df_error *err)
{
	return rd_write(r, r->w + from, to - from, err);
}

void
rd_advance(struct dump_reader *r, size_t to)
{
	r->line += rd_count_nl(r->w + r->mark, to - r->mark);
	r->mark = to;
}

void
rd_fields(struct dump_reader *r, size_t n)
{
	if (n <= r->fcap)
		return;
	r->fcap = n < 64 ? 64 : n * 2;
	r->fields = xrealloc(r->fields, r->fcap * sizeof(*r->fields));
}

int
rd_schema(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	struct schema_table *t;

	if (schema_statement(r->schema, (enum sql_dialect)r->dialect,
	    r->bs_quotes, r->db, r->w + start, end - start,
	    rd_line_at(r, start), &t, err) == -1) {
		df_err_file(err, r->file);
		return -1;
	}
	if (t != NULL && r->has_handler && r->h.on_schema != NULL)
		return r->h.on_schema(r->h.ctx, t, err);
	return 0;
}

int
rd_colmap(struct dump_reader *r, struct dump_data *d, size_t nfields,
    struct df_error *err)
{
	const struct schema_table *t = d->table;
	size_t i, j, ngen = 0;
	long ix;

	free(d->colmap);
	d->colmap = xmalloc((nfields ? nfields : 1) * sizeof(long));
	d->ncols = nfields;
	for (i = 0; i < nfields; i++)
		d->colmap[i] = -1;
	if (d->colnames != NULL) {
		if (nfields != d->nlisted)
			return rd_err(r, err, r->mark, "%s: a row has %zu "
			    "fields but the statement lists %zu columns",
			    t->display, nfields, d->nlisted);
		for (i = 0; i < nfields; i++) {
			ix = schema_col_index(t, d->colnames[i]);
			/* MySQL's column names ignore case. */
			for (j = 0; ix < 0 && d->dialect == DIALECT_MYSQL &&
			    j < t->ncols; j++)
				if (strcasecmp(t->cols[j].name,
				    d->colnames[i]) == 0)
					ix = (long)j;
			if (ix < 0 && t->declared)
				return rd_err(r, err, r->mark, "%s: column "
				    "\"%s\" is not in the table's definition",
				    t->display, d->colnames[i]);
			/*
			 * A column listed twice would have two fields and
			 * a filter would rewrite one: PostgreSQL ("column
			 * specified more than once") and MySQL (error 1110)
			 * refuse the statement, and so do we.
			 */
			for (j = 0; ix >= 0 && j < i; j++)
				if (d->colmap[j] == ix)
					return rd_err(r, err, r->mark, "%s: "
					    "column \"%s\" is listed twice",
					    t->display, t->cols[ix].name);
			d->colmap[i] = ix;
		}
		return 0;
	}
	if (!t->declared)
		return 0;
	if (nfields == t->ncols) {
		for (i = 0; i < nfields; i++)
			d->colmap[i] = (long)i;
		return 0;
	}
	/* Without a column list, generated columns may be left out. */
	for (i = 0; i < t->ncols; i++)
		ngen += (t->cols[i].flags & COL_GENERATED) != 0;
	if (nfields == t->ncols - ngen) {
		for (i = j = 0; i < t->ncols; i++)
			if (!(t->cols[i].flags & COL_GENERATED))
				d->colmap[j++] = (long)i;
		return 0;
	}
	return rd_err(r, err, r->mark, "%s: a row has %zu fields but the "
	    "table has %zu columns", t->display, nfields, t->ncols);
}

int
rd_data_begin(struct dump_reader *r, struct dump_data *d,
    struct df_error *err)
{
	d->dialect = r->dialect;
	d->file = r->file;
	d->bs_quotes = r->bs_quotes;
	if (!r->has_handler || r->h.on_data == NULL)
		return DATA_PASS;
	return r->h.on_data(r->h.ctx, d, err);
}

int
rd_data_end(struct dump_reader *r, struct dump_data *d,
    unsigned long long rows, unsigned long long bytes, struct df_error *err)
{
	if (!r->has_handler || r->h.on_data_end == NULL)
		return 0;
	return r->h.on_data_end(r->h.ctx, d, rows, bytes, err);
}

void
rd_data_free(struct dump_data *d)
{
	size_t i;

	if (d->colnames != NULL)
		for (i = 0; i < d->nlisted; i++)
			free(d->colnames[i]);
	free(d->colnames);
	free(d->colmap);
	memset(d, 0, sizeof(*d));
}

int
rd_column_list(struct sqltok *tz, struct dump_data *d)
{
	struct token k;
	size_t cap = 0;

	for (;;) {
		sqltok_next(tz, &k);
		if (k.type != TOK_WORD && k.type != TOK_QIDENT)
			return -1;
		if (d->nlisted == cap) {
			cap = cap ? cap * 2 : 8;
			d->colnames = xrealloc(d->colnames,
			    cap * sizeof(*d->colnames));
		}
		d->colnames[d->nlisted++] = sqltok_ident(tz, &k);
		sqltok_next(tz, &k);
		if (sqltok_punct(&k, ')'))
			break;
		if (!sqltok_punct(&k, ','))
			return -1;
	}
	d->has_columns = 1;
	return 0;
}

int
rd_line_end(struct dump_reader *r, size_t *end, struct df_error *err)
{
	const char *q;
	int rc;

	for (;;) {
		q = memchr(r->w + r->pos, '\n', r->end - r->pos);
		if (q != NULL) {
			*end = r->pos = (size_t)(q - r->w) + 1;
			return 0;
		}
		r->pos = r->end;
		rc = rd_fill(r, err);
		if (rc == -1)
			return -1;
		if (rc == 0) {
			*end = r->pos = r->end;
			return 0;
		}
	}
}

int
rd_insert(struct dump_reader *r, struct dump_data *d, struct sqltok *tz,
    size_t start, size_t end, struct df_error *err)
{
	unsigned long long rows = 0;
	struct token k;
	size_t values;
	int mode, rc = -1;

	sqltok_next(tz, &k);
	if (sqltok_punct(&k, '(')) {
		if (rd_column_list(tz, d) == -1) {
			rd_err(r, err, start, "INSERT INTO %s: cannot read "
			    "the column list", d->table->display);
			goto out;
		}
		sqltok_next(tz, &k);
	}
	if (sqltok_is(&k, "OVERRIDING")) {	/* pg: .. SYSTEM VALUE */
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
		sqltok_next(tz, &k);
	}
	mode = rd_data_begin(r, d, err);
	if (mode == -1)
		goto out;
	if (!sqltok_is(&k, "VALUES") && !(r->dialect == DIALECT_MYSQL &&
	    sqltok_is(&k, "VALUE"))) {
		/* INSERT .. SELECT, DEFAULT VALUES: rows we cannot see. */
		if (mode != DATA_PASS) {
			rd_err(r, err, start, "INSERT INTO %s: only VALUES "
			    "lists can be filtered", d->table->display);
			goto out;
		}
		mode = DATA_PASS;
		values = end;
	} else {
		/*
		 * The rows start at the next token.  Skipping other text to
		 * the first "(" would read its quotes out of step with the
		 * statement's end and pass its values through unread.
		 */
		sqltok_peek(tz, &k);
		if (!sqltok_punct(&k, '(') && mode != DATA_PASS) {
			rd_err(r, err, start, "INSERT INTO %s: expected \"(\" "
			    "after VALUES", d->table->display);
			goto out;
		}
		values = sqltok_punct(&k, '(') ? (size_t)(k.p - r->w) : end;
	}
	if (d->has_columns && rd_colmap(r, d, d->nlisted, err) == -1)
		goto out;
	if (mode != DATA_ROWS && mode != DATA_SKIP && mode != DATA_ROWS_RAW &&
	    rd_emit(r, start, end, err) == -1)
		goto out;
	if (mode != DATA_PASS && rd_insert_rows(r, d, mode, start, values,
	    end, &rows, err) == -1)
		goto out;
	if (r->has_handler && r->h.on_data_tail != NULL &&
	    r->h.on_data_tail(r->h.ctx, d, err) == -1)
		goto out;
	rd_advance(r, end);
	rc = rd_data_end(r, d, rows, end - start, err);
out:
	rd_data_free(d);
	return rc;
}

void
rd_ins_begin(struct ins_state *s, size_t start, size_t head_end)
{
	s->start = start;
	s->head_end = head_end;
	s->prev_end = 0;
	s->written = 0;
}

int
rd_ins_row(struct dump_reader *r, struct ins_state *s,
    const struct dump_data *d, size_t from, size_t to, size_t nfields,
    unsigned long long line, struct df_error *err)
{
	struct dump_row row;
	int act;

	row.data = d;
	row.raw = r->w + from;
	row.rawlen = to - from;
	row.nfields = nfields;
	row.fields = r->fields;
	row.line = line;
	buf_clear(&r->rowbuf);
	act = r->h.on_row(r->h.ctx, &row, &r->rowbuf, err);
	if (act == -1)
		return -1;
	if (act == ROW_DROP) {
		s->prev_end = to;
		return 0;
	}
	/* The head before the first row written; else the separator. */
	if (s->written == 0) {
		if (rd_emit(r, s->start, s->head_end, err) == -1)
			return -1;
	} else if (rd_emit(r, s->prev_end, from, err) == -1) {
		return -1;
	}
	s->prev_end = to;
	s->written++;
	if (act == ROW_REPLACE)
		return rd_write(r, r->rowbuf.p, r->rowbuf.len, err);
	return rd_emit(r, from, to, err);
}

int
rd_ins_end(struct dump_reader *r, struct ins_state *s, size_t last_end,
    size_t stmt_end, struct df_error *err)
{
	if (s->written == 0)
		return 0;
	return rd_emit(r, last_end, stmt_end, err);
}

/* Does s occur at the start of a line of p[0, n)? */
static int
at_line_start(const char *p, size_t n, const char *s)
{
	const char *e = p + n, *q = p;
	size_t m = strlen(s);

	while (q < e) {
		q = memmem(q, (size_t)(e - q), s, m);
		if (q == NULL)
			return 0;
		if (q == p || q[-1] == '\n')
			return 1;
		q++;
	}
	return 0;
}

/*
 * Guess the dialect from the first block of the dump.  The tools' own
 * header lines are certain (*sure set); other marks are clues, looked for
 * only when no header says.
 */
static enum dump_dialect
sniff(const char *p, size_t n, int *sure)
{
	static const char *const my_heads[] = { "-- MySQL dump",
	    "-- MariaDB dump", "/*M!999999", NULL };
	static const char *const pg_heads[] = {
	    "-- PostgreSQL database dump", NULL };
	static const char *const my_clues[] = { "/*!40101 SET",
	    "LOCK TABLES `", "INSERT INTO `", "CREATE TABLE `",
	    "REPLACE INTO `", "INSERT IGNORE INTO `", NULL };
	static const char *const pg_clues[] = {
	    "SET standard_conforming_strings", "\\connect ", "COPY ",
	    "SET search_path", "pg_catalog.", NULL };
	size_t i, head;

	if (n > 65536)
		n = 65536;
	/* The header is within the first few lines. */
	head = n < 512 ? n : 512;
	*sure = 1;
	for (i = 0; pg_heads[i] != NULL; i++)
		if (at_line_start(p, head, pg_heads[i]))
			return DIALECT_PG;
	for (i = 0; my_heads[i] != NULL; i++)
		if (at_line_start(p, head, my_heads[i]))
			return DIALECT_MYSQL;
	*sure = 0;
	for (i = 0; my_clues[i] != NULL; i++)
		if (memmem(p, n, my_clues[i], strlen(my_clues[i])) != NULL)
			return DIALECT_MYSQL;
	for (i = 0; pg_clues[i] != NULL; i++)
		if (memmem(p, n, pg_clues[i], strlen(pg_clues[i])) != NULL)
			return DIALECT_PG;
	return DIALECT_AUTO;
}

int
dump_reader_run(struct dump_reader *r, struct df_error *err)
{
	enum dump_dialect sniffed;
	int rc, sure;

	while (r->end < 65536 && (rc = rd_fill(r, err)) != 0)
		if (rc == -1)
			return -1;
	if (r->end == 0)
		return df_err(err, DF_EXIT_DATA, r->file, 0,
		    "empty input: not a dump");
	sniffed = sniff(r->w, r->end, &sure);
	if (r->dialect == DIALECT_AUTO)
		r->dialect = sniffed;
	else if (sure && sniffed != r->dialect)
		return df_err(err, DF_EXIT_DATA, r->file, 0, "this looks like "
		    "%s output, not %s (wrong --dialect, or a --schema dump "
		    "of the other kind?)", sniffed == DIALECT_PG ? "pg_dump" :
		    "mysqldump", r->dialect == DIALECT_PG ? "pg_dump" :
		    "mysqldump");
	r->bs_quotes = r->dialect == DIALECT_MYSQL;
	switch (r->dialect) {
	case DIALECT_PG:
		return pg_run(r, err);
	case DIALECT_MYSQL:
		return mysql_run(r, err);
	default:
		return df_err(err, DF_EXIT_DATA, r->file, 0, "cannot tell "
		    "whether this is pg_dump or mysqldump output; not a "
		    "plain-text dump? (--dialect=pg|mysql to say)");
	}
}

int
dump_field_decode(const struct dump_row *row, size_t i, struct buf *out)
{
	const struct dump_field *f = &row->fields[i];
	const char *p = f->p + f->introducer;
	size_t n = f->len - f->introducer;

	switch (f->kind) {
	case FIELD_NULL:
		return 1;
	case FIELD_TEXT:
		return pg_copy_decode(p, n, out);
	case FIELD_STRING:
		if (row->data->dialect == DIALECT_MYSQL)
			return mysql_string_decode_nobs(p, n, out);
		return pg_string_decode(p, n, 1, out);
	case FIELD_DOLLAR:
		return pg_dollar_decode(p, n, out);
	case FIELD_ESTRING:
		if (row->data->dialect == DIALECT_MYSQL)
			return mysql_string_decode(p, n, out);
		return pg_string_decode(p, n, 0, out);
	case FIELD_HEX:
		if (row->data->dialect == DIALECT_PG)
			return pg_bits_decode(p, n, out);
		return mysql_hex_decode(p, n, out);
	case FIELD_BITS:
		if (row->data->dialect == DIALECT_PG)
			return pg_bits_decode(p, n, out);
		return mysql_bits_decode(p, n, out);
	case FIELD_BARE:
		if (row->data->dialect == DIALECT_PG) {
			if (df_slice_caseeq(p, n, "true"))
				return buf_addc(out, 't');
			if (df_slice_caseeq(p, n, "false"))
				return buf_addc(out, 'f');
		}
		return buf_add(out, p, n);
	case FIELD_NUMBER:
	default:
		return buf_add(out, p, n);
	}
}

int
dump_field_encode(const struct dump_data *d, const char *p, size_t n,
    int null, struct buf *out)
{
	if (null)
		p = NULL;
	else if (n == 0)
		p = "";		/* an empty value, not NULL */
	if (d->form == FORM_COPY)
		return p == NULL ? buf_add(out, "\\N", 2) :
		    pg_copy_encode(p, n, out);
	if (p == NULL)
		return buf_add(out, "NULL", 4);
	if (d->dialect == DIALECT_MYSQL)
		return d->bs_quotes ? mysql_string_encode(p, n, out) :
		    mysql_string_encode_nobs(p, n, out);
	return pg_string_encode(p, n, !d->bs_quotes, out);
}

int
dump_bare_number(const char *p, size_t n)
{
	size_t i = 0, d = 0;

	if (i < n && p[i] == '-')
		i++;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		d++;
	if (i < n && p[i] == '.')
		for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			d++;
	return d > 0 && i == n;
}

int
dump_read(struct istream *in, struct ostream *out, enum dump_dialect *d,
    struct schema *sch, const struct dump_handler *h, size_t max_row,
    struct df_error *err)
{
	struct dump_reader *r;
	int rc;

	r = dump_reader_new(in, out, *d, sch, h, max_row);
	rc = dump_reader_run(r, err);
	if (rc == 0)
		*d = dump_reader_dialect(r);
	dump_reader_free(r);
	return rc;
}

int
dump_read_path(const char *path, enum dump_dialect *d, struct schema *sch,
    size_t max_row, struct df_error *err)
{
	struct istream *in;
	int rc;

	in = istream_open(path, err);
	if (in == NULL)
		return -1;
	rc = dump_read(in, NULL, d, sch, NULL, max_row, err);
	istream_close(in);
	return rc;
}

const char *
dump_form_name(enum dump_dialect d, enum data_form f)
{
	switch (f) {
	case FORM_COPY:
		return "copy";
	case FORM_INSERT:
		return "insert";
	case FORM_INSERT_IGNORE:
		return "insert-ignore";
	case FORM_REPLACE:
		return "replace";
	}
	(void)d;
	return "?";
}

static int
is_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
}

/*
 * The end of the quoted run starting at w[i] (the opening quote q): the
 * index after the closing quote, or 0 if it does not close before end.
 * With backslash, an odd run of backslashes escapes the quote; a doubled
 * quote is one quote in both dialects.
 */
static size_t
skip_quote(const char *w, size_t i, size_t end, int q, int backslash)
{
	const char *k;
	size_t j = i + 1, m;

	for (;;) {
		k = memchr(w + j, q, end - j);
		if (k == NULL)
			return 0;
		m = (size_t)(k - w);
		if (backslash) {
			size_t b = m;

			while (b > j && w[b - 1] == '\\')
				b--;
			if ((m - b) & 1) {
				j = m + 1;
				continue;
			}
		}
		if (m + 1 < end && w[m + 1] == q) {
			j = m + 2;
			continue;
		}
		return m + 1;
	}
}

/* pg $tag$..$tag$ starting at w[i]; 0 if not a dollar quote or open. */
static size_t
skip_dollar(const char *w, size_t i, size_t end)
{
	size_t j = i + 1, tlen;
	const char *k;

	while (j < end && w[j] != '$' && is_word_char((unsigned char)w[j]) &&
	    w[j] != '$')
		j++;
	if (j >= end || w[j] != '$' ||
	    (j > i + 1 && w[i + 1] >= '0' && w[i + 1] <= '9'))
		return 0;
	tlen = j - i + 1;
	for (j++; j + tlen <= end; j = (size_t)(k - w) + 1) {
		k = memchr(w + j, '$', end - j);
		if (k == NULL || (size_t)(k - w) + tlen > end)
			return 0;
		if (memcmp(k, w + i, tlen) == 0)
			return (size_t)(k - w) + tlen;
	}
	return 0;
}

/*
 * The end of the comment starting at w[i] ("/" then "*"), or 0 if open.
 * pg comments nest; a MySQL executable comment's opener is code, so only
 * the opener is skipped (its closer is skipped as code too, below).
 */
static size_t
skip_comment(const char *w, size_t i, size_t end, int my)
{
	int depth = 1;

	if (my && i + 2 < end && (w[i + 2] == '!' || w[i + 2] == 'M')) {
		i += 3;
		while (i < end && (w[i] == '!' || (w[i] >= '0' && w[i] <= '9')))
			i++;
		return i;
	}
	for (i += 2; i + 1 < end; i++) {
		if (w[i] == '*' && w[i + 1] == '/') {
			i++;
			if (--depth == 0)
				return i + 1;
		} else if (!my && w[i] == '/' && w[i + 1] == '*') {
			i++;
			depth++;
		}
	}
	return 0;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static enum field_kind
classify(const struct dump_reader *r, const char *p, size_t n,
    unsigned *intro)
{
	size_t i;

	*intro = 0;
	if (n == 4 && df_slice_caseeq(p, n, "NULL"))
		return FIELD_NULL;
	if (p[0] == '\'' || (r->dialect == DIALECT_MYSQL && p[0] == '"'))
		return r->bs_quotes ? FIELD_ESTRING : FIELD_STRING;
	if (r->dialect == DIALECT_PG && (p[0] == 'E' || p[0] == 'e') &&
	    n > 1 && p[1] == '\'')
		return FIELD_ESTRING;
	if ((p[0] >= '0' && p[0] <= '9') || p[0] == '-' || p[0] == '+' ||
	    p[0] == '.') {
		if (r->dialect == DIALECT_MYSQL && n > 2 && p[0] == '0' &&
		    (p[1] == 'x' || p[1] == 'X'))
			return FIELD_HEX;
		return FIELD_NUMBER;
	}
	if (r->dialect == DIALECT_PG && p[0] == '$' &&
	    skip_dollar(p, 0, n) == n)
		return FIELD_DOLLAR;
	/* Bit strings B'..' and X'..' in both dialects (MySQL: bytes). */
	if (n > 2 && p[1] == '\'') {
		if (p[0] == 'x' || p[0] == 'X')
			return FIELD_HEX;
		if (p[0] == 'b' || p[0] == 'B')
			return FIELD_BITS;
	}
	if (r->dialect == DIALECT_MYSQL && p[0] == '_') {
		/* _charset 'literal' or _charset 0xHEX */
		for (i = 1; i < n && is_word_char((unsigned char)p[i]); i++)
			;
		while (i < n && is_space((unsigned char)p[i]))
			i++;
		if (i < n && (p[i] == '\'' || p[i] == '"')) {
			*intro = (unsigned)i;
			return FIELD_ESTRING;
		}
		if (i + 1 < n && p[i] == '0' && (p[i + 1] == 'x' ||
		    p[i + 1] == 'X')) {
			*intro = (unsigned)i;
			return FIELD_HEX;
		}
	}
	return FIELD_BARE;
}

int
rd_scan_tuple(struct dump_reader *r, size_t *pos, size_t end, int fields,
    size_t *nf, struct df_error *err)
{
	const char *w = r->w;
	size_t i = *pos + 1, fs, fe, j;
	int depth, c, my = r->dialect == DIALECT_MYSQL;
	/* Bytes that matter inside a tuple; everything else is skipped. */
	static const unsigned char stop_my[256] = { ['\''] = 1, ['"'] = 1,
	    ['`'] = 1, ['('] = 1, [')'] = 1, [','] = 1, ['-'] = 1,
	    ['/'] = 1, ['#'] = 1 };
	static const unsigned char stop_pg[256] = { ['\''] = 1, ['"'] = 1,
	    ['$'] = 1, ['('] = 1, [')'] = 1, [','] = 1, ['-'] = 1,
	    ['/'] = 1 };
	const unsigned char *stop = my ? stop_my : stop_pg;

	*nf = 0;
	for (;;) {
		while (i < end && is_space((unsigned char)w[i]))
			i++;
		fs = i;
		depth = 0;
		while (i < end) {
			while (i < end && !stop[(unsigned char)w[i]])
				i++;
			if (i >= end)
				break;
			c = (unsigned char)w[i];
			if (c == '\'' || (my && c == '"')) {
				int bs = r->bs_quotes ||
				    (i > fs && (w[i - 1] == 'E' ||
				    w[i - 1] == 'e') && (i - 1 == fs ||
				    !is_word_char((unsigned char)w[i - 2])));

				j = skip_quote(w, i, end, c, bs);
				if (j == 0)
					return rd_err(r, err, i, "unterminated "
					    "string in a row");
				i = j;
				continue;
			}
			/* Quoted names: "x" (pg), `x` (MySQL). */
			if ((c == '"' && !my) || (c == '`' && my)) {
				j = skip_quote(w, i, end, c, 0);
				if (j == 0)
					return rd_err(r, err, i, "unterminated "
					    "quoted name in a row");
				i = j;
				continue;
			}
			/* Comments: -- (MySQL: dashes and a space), #, C-style. */
			if ((c == '-' && i + 1 < end && w[i + 1] == '-' &&
			    (!my || (i + 2 < end && (unsigned char)w[i + 2] <=
			    ' '))) || (c == '#' && my)) {
				const char *nl = memchr(w + i, '\n', end - i);

				if (nl == NULL)
					return rd_err(r, err, i, "unterminated "
					    "comment in a row");
				i = (size_t)(nl - w) + 1;
				continue;
			}
			if (c == '/' && i + 1 < end && w[i + 1] == '*') {
				j = skip_comment(w, i, end, my);
				if (j == 0)
					return rd_err(r, err, i, "unterminated "
					    "comment in a row");
				i = j;
				continue;
			}
			if (c == '$' && !my && (i == fs ||
			    !is_word_char((unsigned char)w[i - 1]))) {
				j = skip_dollar(w, i, end);
				if (j != 0) {
					i = j;
					continue;
				}
			}
			if (c == '(')
				depth++;
			else if (c == ')') {
				if (depth == 0)
					break;
				depth--;
			} else if (c == ',' && depth == 0)
				break;
			i++;
		}
		if (i >= end)
			return rd_err(r, err, fs, "unterminated row: no "
			    "closing parenthesis");
		fe = i;
		while (fe > fs && is_space((unsigned char)w[fe - 1]))
			fe--;
		if (fe == fs) {
			if (w[i] == ')' && *nf == 0) {
				*pos = i + 1;
				return 0;	/* () */
			}
			return rd_err(r, err, fs, "empty field in a row");
		}
		if (fields) {
			struct dump_field *f;

			rd_fields(r, *nf + 1);
			f = &r->fields[*nf];
			f->p = w + fs;
			f->len = fe - fs;
			f->kind = classify(r, w + fs, fe - fs, &f->introducer);
		}
		(*nf)++;
		if (w[i] == ')') {
			*pos = i + 1;
			return 0;
		}
		i++;
	}
}


/*
 * Is w[i, end) "ON CONFLICT DO NOTHING" and the delimiter, in any case
 * and spacing?  pg_dump --on-conflict-do-nothing writes it.
 */
static int
on_conflict_do_nothing(const struct dump_reader *r, size_t i, size_t end)
{
	static const char *const words[] = { "ON", "CONFLICT", "DO",
	    "NOTHING", NULL };
	const char *w = r->w;
	size_t k, n;

	for (k = 0; words[k] != NULL; k++) {
		while (i < end && is_space((unsigned char)w[i]))
			i++;
		n = strlen(words[k]);
		if (end - i < n || strncasecmp(w + i, words[k], n) != 0 ||
		    (i + n < end && is_word_char((unsigned char)w[i + n])))
			return 0;
		i += n;
	}
	while (i < end && is_space((unsigned char)w[i]))
		i++;
	return end - i == r->dlen && memcmp(w + i, r->delim, r->dlen) == 0;
}

int
rd_insert_rows(struct dump_reader *r, struct dump_data *d, int mode,
    size_t start, size_t values, size_t end, unsigned long long *rows,
    struct df_error *err)
{
	struct ins_state st;
	unsigned long long line;
	size_t i = values, from, nf, last = values, lineoff = start;
	int first = 1;

	*rows = 0;
	line = rd_line_at(r, start);
	rd_ins_begin(&st, start, values);
	for (;;) {
		while (i < end && is_space((unsigned char)r->w[i]))
			i++;
		if (i >= end || r->w[i] != '(')
			return rd_err(r, err, i, "%s: expected \"(\" to start "
			    "a row", d->table->display);
		from = i;
		if (rd_scan_tuple(r, &i, end, mode == DATA_ROWS, &nf,
		    err) == -1)
			return -1;
		(*rows)++;
		if (mode == DATA_ROWS || mode == DATA_ROWS_RAW) {
			if (first && !d->has_columns &&
			    rd_colmap(r, d, nf, err) == -1)
				return -1;
			first = 0;
			if (nf != d->ncols)
				return rd_err(r, err, from, "%s: a row has %zu "
				    "fields, expected %zu",
				    d->table->display, nf, d->ncols);
			line += rd_count_nl(r->w + lineoff, from - lineoff);
			lineoff = from;
			if (rd_ins_row(r, &st, d, from, i,
			    mode == DATA_ROWS ? nf : 0, line, err) == -1)
				return -1;
		}
		last = i;
		while (i < end && is_space((unsigned char)r->w[i]))
			i++;
		if (i < end && r->w[i] == ',') {
			i++;
			continue;
		}
		break;
	}
	/*
	 * After the rows: the delimiter (MySQL's may be another than ";"),
	 * or ON CONFLICT DO NOTHING / ON DUPLICATE KEY UPDATE and then it.
	 */
	if (i < end && !(end - i == r->dlen &&
	    memcmp(r->w + i, r->delim, r->dlen) == 0) && !(end - i >= 2 &&
	    (r->w[i] == 'O' || r->w[i] == 'o') &&
	    (r->w[i + 1] == 'N' || r->w[i + 1] == 'n')))
		return rd_err(r, err, i, "%s: unexpected text after the rows "
		    "of an INSERT", d->table->display);
	/*
	 * Rows being rewritten: the tail may carry values too (ON DUPLICATE
	 * KEY UPDATE email = '...'), so only pg_dump's own tail is taken.
	 */
	if (mode == DATA_ROWS && i < end && !(end - i == r->dlen &&
	    memcmp(r->w + i, r->delim, r->dlen) == 0) &&
	    !on_conflict_do_nothing(r, i, end))
		return rd_err(r, err, i, "%s: an INSERT whose tail after the "
		    "rows may hold values (only ON CONFLICT DO NOTHING is "
		    "understood)", d->table->display);
	if (mode == DATA_ROWS || mode == DATA_ROWS_RAW)
		return rd_ins_end(r, &st, last, end, err);
	return 0;
}

int
dump_dialect_parse(const char *s, enum dump_dialect *d)
{
	if (strcmp(s, "pg") == 0 || strcmp(s, "postgresql") == 0)
		*d = DIALECT_PG;
	else if (strcmp(s, "mysql") == 0 || strcmp(s, "mariadb") == 0)
		*d = DIALECT_MYSQL;
	else
		return -1;
	return 0;
}
