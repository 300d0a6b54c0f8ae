/*
 * pg: reading pg_dump's plain format.
 *
 * What psql does with a dump, we do with the same rules (PostgreSQL docs,
 * "Lexical Structure" and "COPY"):
 *   - statements end at a ';' outside quotes, comments and dollar quotes;
 *     '..' strings double their quotes, and take backslash escapes only as
 *     E'..' or when standard_conforming_strings is off; "identifiers"
 *     double their quotes; $tag$..$tag$ bodies end only at the same tag;
 *     C-style block comments nest;
 *   - a line starting with a backslash between statements is a psql
 *     meta-command (\connect, \restrict, \unrestrict) and ends at the
 *     newline;
 *   - after "COPY .. FROM stdin;" the data starts on the next line and ends
 *     at a line that is exactly "\.".  In the text format fields are
 *     separated by tabs, \N is NULL, and a backslash escapes \b \f \n \r \t
 *     \v \\, \ooo (octal) and \xhh (hex); any other escaped character
 *     stands for itself.  pg_dump never writes a raw CR in COPY data, so a
 *     CR before a newline means the file's line ends were converted.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "pg.h"
#include "reader.h"
#include "readerint.h"
#include "schema.h"
#include "sqltok.h"
#include "util.h"

enum pg_state {
	ST_CODE,
	ST_SQUOTE,	/* '..' without backslash escapes */
	ST_EQUOTE,	/* E'..' or '..' with backslash escapes */
	ST_DQUOTE,	/* "identifier" */
	ST_LINE_COMMENT,
	ST_BLOCK_COMMENT,
	ST_DOLLAR
};

static int
ident_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
}

static int
ident_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    c >= 0x80;
}

static const char *
state_name(enum pg_state st)
{
	switch (st) {
	case ST_SQUOTE:
	case ST_EQUOTE:
		return "a string literal";
	case ST_DQUOTE:
		return "a quoted identifier";
	case ST_BLOCK_COMMENT:
		return "a /* comment */";
	case ST_DOLLAR:
		return "a dollar-quoted string";
	default:
		return "a statement";
	}
}

/*
 * Find the end of the statement starting at r->pos (== r->mark): on return
 * *end is the offset just after its ';'.  The statement is then wholly in
 * the window, from r->mark.
 */
static int
scan_statement(struct dump_reader *r, size_t *end, struct df_error *err)
{
	enum pg_state st = ST_CODE;
	size_t i = r->pos - r->mark, n, tag = 0, tlen = 0, open = 0;
	int depth = 0, c, rc;
	const char *w, *k;

	for (;;) {
		w = r->w + r->mark;
		n = r->end - r->mark;
		while (i < n) {
			switch (st) {
			case ST_CODE:
				c = (unsigned char)w[i];
				if (c == ';') {
					/* Look for a CR LF after it. */
					if (i + 2 >= n && !r->eof)
						goto more;
					if (i + 2 < n && w[i + 1] == '\r' &&
					    w[i + 2] == '\n')
						return rd_err(r, err, r->mark + i,
						    "CR LF line ends (converted "
						    "by a text tool? pg_dump "
						    "writes LF only)");
					*end = r->mark + i + 1;
					r->pos = *end;
					return rd_unit_len(r, r->mark, *end,
					    err);
				}
				if (c == '\'') {
					open = i;
					st = (!r->bs_quotes && !(i > 0 &&
					    (w[i - 1] == 'E' || w[i - 1] ==
					    'e') && (i < 2 ||
					    !ident_char((unsigned char)
					    w[i - 2])))) ? ST_SQUOTE :
					    ST_EQUOTE;
					i++;
				} else if (c == '"') {
					open = i++;
					st = ST_DQUOTE;
				} else if (c == '-' || c == '/' || c == '$') {
					if (i + 1 >= n && !r->eof)
						goto more;
					if (c == '-' && i + 1 < n &&
					    w[i + 1] == '-') {
						st = ST_LINE_COMMENT;
						i += 2;
					} else if (c == '/' && i + 1 < n &&
					    w[i + 1] == '*') {
						open = i;
						st = ST_BLOCK_COMMENT;
						depth = 1;
						i += 2;
					} else if (c == '$' && (i == 0 ||
					    !ident_char((unsigned char)
					    w[i - 1]))) {
						size_t j = i + 1;

						if (j < n && ident_start(
						    (unsigned char)w[j]))
							while (j < n &&
							    ident_char(
							    (unsigned char)
							    w[j]) &&
							    w[j] != '$')
								j++;
						if (j >= n && !r->eof)
							goto more;
						if (j < n && w[j] == '$') {
							open = tag = i;
							tlen = j - i + 1;
							st = ST_DOLLAR;
							i = j + 1;
						} else {
							i++;
						}
					} else {
						i++;
					}
				} else {
					i++;
				}
				break;
			case ST_SQUOTE:
			case ST_DQUOTE:
				k = memchr(w + i, st == ST_SQUOTE ? '\'' : '"',
				    n - i);
				if (k == NULL) {
					i = n;
					break;
				}
				i = (size_t)(k - w);
				if (i + 1 >= n && !r->eof)
					goto more;
				if (i + 1 < n && w[i + 1] == *k)
					i += 2;
				else {
					i++;
					st = ST_CODE;
				}
				break;
			case ST_EQUOTE:
				while (i < n && w[i] != '\'' && w[i] != '\\')
					i++;
				if (i >= n)
					break;
				if (i + 1 >= n && !r->eof)
					goto more;
				if (w[i] == '\\')
					i += 2;
				else if (i + 1 < n && w[i + 1] == '\'')
					i += 2;
				else {
					i++;
					st = ST_CODE;
				}
				break;
			case ST_LINE_COMMENT:
				k = memchr(w + i, '\n', n - i);
				if (k == NULL)
					i = n;
				else {
					i = (size_t)(k - w) + 1;
					st = ST_CODE;
				}
				break;
			case ST_BLOCK_COMMENT:
				if (i + 1 >= n && !r->eof)
					goto more;
				if (i + 1 < n && w[i] == '*' &&
				    w[i + 1] == '/') {
					i += 2;
					if (--depth == 0)
						st = ST_CODE;
				} else if (i + 1 < n && w[i] == '/' &&
				    w[i + 1] == '*') {
					i += 2;
					depth++;
				} else
					i++;
				break;
			case ST_DOLLAR:
				k = memchr(w + i, '$', n - i);
				if (k == NULL) {
					i = n;
					break;
				}
				i = (size_t)(k - w);
				if (i + tlen > n && !r->eof)
					goto more;
				if (i + tlen <= n &&
				    memcmp(w + i, w + tag, tlen) == 0) {
					i += tlen;
					st = ST_CODE;
				} else
					i++;
				break;
			}
		}
more:
		r->pos = r->mark + i;
		rc = rd_fill(r, err);
		if (rc == -1)
			return -1;
		if (rc == 0 && r->pos >= r->end) {
			if (st == ST_CODE || st == ST_LINE_COMMENT)
				return rd_err(r, err, r->mark, "input ends "
				    "inside a statement (no terminating "
				    "semicolon; truncated dump?)");
			return rd_err(r, err, r->mark + open, "input ends "
			    "inside %s (truncated dump?)", state_name(st));
		}
		i = r->pos - r->mark;
	}
}

/*
 * Read the lines of a COPY block, from r->mark, to its "\." line, and
 * write them (changed by the handler in DATA_ROWS mode).
 */
static int
copy_block(struct dump_reader *r, struct dump_data *d, int mode,
    struct df_error *err)
{
	unsigned long long rows = 0, bytes = 0, lines = 0;
	size_t run, ls, nf, term = 0;
	const char *q, *w;
	struct dump_row row;
	int rc, act;

	run = r->mark;		/* start of rows not yet written */
	r->pos = r->mark;
	for (;;) {
		w = r->w;
		q = memchr(w + r->pos, '\n', r->end - r->pos);
		if (q == NULL) {
			/* Write complete lines, keep the partial one. */
			if (mode != DATA_SKIP &&
			    rd_emit(r, run, r->pos, err) == -1)
				return -1;
			r->line += lines;
			lines = 0;
			r->mark = r->pos;
			rc = rd_fill(r, err);
			if (rc == -1)
				return -1;
			run = r->mark;	/* the window may have moved */
			if (rc == 0) {
				if (r->end - r->pos == 2 &&
				    memcmp(r->w + r->pos, "\\.", 2) == 0) {
					term = r->pos;
					r->pos = r->end;
					break;
				}
				return rd_err(r, err, r->pos, "%s: input ends "
				    "inside COPY data, before the \\. line "
				    "(truncated dump?)", d->table->display);
			}
			continue;
		}
		ls = r->pos;
		r->pos = (size_t)(q - w) + 1;
		if (r->pos - ls == 3 && w[ls] == '\\' && w[ls + 1] == '.') {
			term = ls;
			break;
		}
		if (q > w + ls && q[-1] == '\r')
			return rd_err(r, err, ls, "%s: carriage return at the "
			    "end of a COPY row (CR LF line ends? pg_dump "
			    "writes LF only)", d->table->display);
		if (r->pos - ls - 1 > r->max_row)
			return rd_unit_len(r, ls, r->pos - 1, err);
		rows++;
		lines++;
		bytes += r->pos - ls;
		if (mode != DATA_ROWS && mode != DATA_ROWS_RAW)
			continue;
		/* Split at tabs; \N alone is NULL. */
		nf = 0;
		if (mode == DATA_ROWS) {
			const char *p = w + ls, *e = q, *t;

			for (;;) {
				rd_fields(r, nf + 1);
				t = memchr(p, '\t', (size_t)(e - p));
				if (t == NULL)
					t = e;
				r->fields[nf].p = p;
				r->fields[nf].len = (size_t)(t - p);
				r->fields[nf].introducer = 0;
				r->fields[nf].kind = (t - p == 2 &&
				    p[0] == '\\' && p[1] == 'N') ?
				    FIELD_NULL : FIELD_TEXT;
				nf++;
				if (t == e)
					break;
				p = t + 1;
			}
		}
		if (mode == DATA_ROWS && rows == 1 && d->colmap == NULL &&
		    rd_colmap(r, d, nf, err) == -1)
			return -1;
		if (mode == DATA_ROWS && nf != d->ncols)
			return rd_err(r, err, ls, "%s: a COPY row has %zu "
			    "fields, expected %zu", d->table->display, nf,
			    d->ncols);
		row.data = d;
		row.raw = w + ls;
		row.rawlen = (size_t)(q - (w + ls));
		row.nfields = nf;
		row.fields = r->fields;
		row.line = r->line + lines - 1;
		buf_clear(&r->rowbuf);
		act = r->h.on_row(r->h.ctx, &row, &r->rowbuf, err);
		if (act == -1)
			return -1;
		if (act == ROW_KEEP)
			continue;
		if (rd_emit(r, run, ls, err) == -1)
			return -1;
		run = r->pos;
		if (act == ROW_REPLACE && (rd_write(r, r->rowbuf.p,
		    r->rowbuf.len, err) == -1 || rd_write(r, "\n", 1,
		    err) == -1))
			return -1;
	}
	/* Skipped rows: only the \. line is written. */
	if (mode == DATA_SKIP)
		run = term;
	if (r->has_handler && r->h.on_data_tail != NULL) {
		if (rd_emit(r, run, term, err) == -1 ||
		    r->h.on_data_tail(r->h.ctx, d, err) == -1)
			return -1;
		run = term;
	}
	if (rd_emit(r, run, r->pos, err) == -1)
		return -1;
	r->line += lines + (r->pos > 0 && r->w[r->pos - 1] == '\n');
	r->mark = r->pos;
	return rd_data_end(r, d, rows, bytes, err);
}

/* COPY name [(cols)] FROM stdin; */
static int
pg_copy(struct dump_reader *r, size_t start, size_t end, struct df_error *err)
{
	struct dump_data d;
	struct sqltok tz;
	struct token k;
	unsigned long long line = rd_line_at(r, start);
	size_t i;
	int mode, rc = -1;

	memset(&d, 0, sizeof(d));
	sqltok_init(&tz, SQL_PG, r->w + start, end - start);
	sqltok_next(&tz, &k);			/* COPY */
	d.table = schema_named_table(r->schema, &tz, NULL, line, 1);
	if (d.table == NULL)
		return rd_err(r, err, start, "COPY: cannot read the table "
		    "name");
	d.form = FORM_COPY;
	d.line = line;
	sqltok_next(&tz, &k);
	if (sqltok_punct(&k, '(')) {
		if (rd_column_list(&tz, &d) == -1) {
			rd_err(r, err, start, "COPY %s: cannot read the "
			    "column list", d.table->display);
			goto out;
		}
		sqltok_next(&tz, &k);
	}
	if (!sqltok_is(&k, "FROM")) {
		/* COPY .. TO ..: no data follows. */
		rc = rd_emit(r, start, end, err);
		rd_advance(r, end);
		goto out;
	}
	sqltok_next(&tz, &k);
	if (!sqltok_is(&k, "stdin")) {
		rc = rd_emit(r, start, end, err);
		rd_advance(r, end);
		goto out;
	}
	sqltok_next(&tz, &k);
	if (!sqltok_punct(&k, ';')) {
		rd_err(r, err, start, "COPY %s FROM stdin with options "
		    "(\"%.*s\"): only the text format pg_dump writes is "
		    "understood", d.table->display, (int)k.len, k.p);
		goto out;
	}
	/* The data begins on the next line. */
	for (i = end; ; i++) {
		if (i == r->end) {
			r->pos = i;
			if (rd_fill(r, err) == -1)
				goto out;
			i = r->pos;
			end -= start - r->mark;
			start = r->mark;
			if (i == r->end) {
				rd_err(r, err, start, "COPY %s: input ends "
				    "before the data", d.table->display);
				goto out;
			}
		}
		if (r->w[i] == '\n')
			break;
		if (r->w[i] == '\r') {
			rd_err(r, err, i, "COPY %s: CR LF line ends (converted "
			    "by a text tool? pg_dump writes LF only)",
			    d.table->display);
			goto out;
		}
		if (r->w[i] != ' ' && r->w[i] != '\t') {
			rd_err(r, err, i, "COPY %s: text after \"FROM "
			    "stdin;\" on the same line", d.table->display);
			goto out;
		}
	}
	mode = rd_data_begin(r, &d, err);
	if (mode == -1)
		goto out;
	if (d.has_columns && rd_colmap(r, &d, d.nlisted, err) == -1)
		goto out;
	if (rd_emit(r, start, i + 1, err) == -1)
		goto out;
	rd_advance(r, i + 1);
	rc = copy_block(r, &d, mode, err);
out:
	rd_data_free(&d);
	return rc;
}

/*
 * INSERT INTO name [(cols)] [OVERRIDING .. VALUE] VALUES (..), ..
 * [ON CONFLICT DO NOTHING];
 */
static int
pg_insert(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	struct dump_data d;
	struct sqltok tz;
	struct token k;

	memset(&d, 0, sizeof(d));
	sqltok_init(&tz, SQL_PG, r->w + start, end - start);
	tz.bs_quotes = r->bs_quotes;
	sqltok_next(&tz, &k);			/* INSERT */
	sqltok_next(&tz, &k);
	/* An INSERT we cannot attribute could feed any table: fail. */
	if (sqltok_is(&k, "INTO"))
		d.table = schema_named_table(r->schema, &tz, NULL,
		    rd_line_at(r, start), 1);
	if (d.table == NULL)
		return rd_err(r, err, start, "INSERT: cannot read the table "
		    "name (is this a pg_dump dump?)");
	d.form = FORM_INSERT;
	d.line = rd_line_at(r, start);
	return rd_insert(r, &d, &tz, start, end, err);
}

/* A boolean setting's value as PostgreSQL's parse_bool reads it. */
static int
pg_bool(const struct token *k, int *v)
{
	static const char *const on[] = { "on", "true", "yes", "1", "t", "y",
	    NULL };
	static const char *const off[] = { "off", "false", "no", "0", "f",
	    "n", NULL };
	const char *p = k->p;
	size_t n = k->len, i;

	if (k->type == TOK_STRING && n >= 2 && p[0] == '\'') {
		p++;
		n -= 2;
	} else if (k->type != TOK_WORD && k->type != TOK_NUMBER) {
		return -1;
	}
	for (i = 0; on[i] != NULL; i++)
		if (df_slice_caseeq(p, n, on[i])) {
			*v = 1;
			return 0;
		}
	for (i = 0; off[i] != NULL; i++)
		if (df_slice_caseeq(p, n, off[i])) {
			*v = 0;
			return 0;
		}
	return -1;
}

static int
is_scs(const struct sqltok *tz, const struct token *k)
{
	char *name;
	int rc;

	if (k->type != TOK_WORD && k->type != TOK_QIDENT)
		return 0;
	name = sqltok_ident(tz, k);
	rc = strcmp(name, "standard_conforming_strings") == 0;
	free(name);
	return rc;
}

/*
 * Follow standard_conforming_strings, which decides whether '..' strings
 * take backslash escapes: SET [SESSION] .. {=|TO} value|DEFAULT, RESET ..,
 * RESET ALL, SELECT set_config('standard_conforming_strings', v, false).
 * What cannot be followed exactly (SET LOCAL, an expression) is an error:
 * guessing wrong would misread every later string.
 */
static int
pg_settings(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	struct sqltok tz;
	struct token k;
	int on;

	sqltok_init(&tz, SQL_PG, r->w + start, end - start);
	tz.bs_quotes = r->bs_quotes;
	sqltok_next(&tz, &k);
	if (sqltok_is(&k, "RESET")) {
		sqltok_next(&tz, &k);
		if (sqltok_is(&k, "ALL") || is_scs(&tz, &k))
			r->bs_quotes = 0;	/* the default is on */
		return 0;
	}
	if (sqltok_is(&k, "SET")) {
		sqltok_next(&tz, &k);
		if (sqltok_is(&k, "SESSION"))
			sqltok_next(&tz, &k);
		if (sqltok_is(&k, "LOCAL")) {
			sqltok_next(&tz, &k);
			if (is_scs(&tz, &k))
				goto unsure;
			return 0;
		}
		if (!is_scs(&tz, &k))
			return 0;
		sqltok_next(&tz, &k);
		if (!sqltok_punct(&k, '=') && !sqltok_is(&k, "TO"))
			goto unsure;
		sqltok_next(&tz, &k);
		if (sqltok_is(&k, "DEFAULT"))
			on = 1;
		else if (pg_bool(&k, &on) == -1)
			goto unsure;
		r->bs_quotes = !on;
		return 0;
	}
	/* SELECT pg_catalog.set_config('standard_conforming_strings', ..) */
	while (sqltok_next(&tz, &k) != TOK_END && k.type != TOK_ERROR) {
		if (k.type == TOK_STRING && df_slice_caseeq(k.p, k.len,
		    "'standard_conforming_strings'")) {
			sqltok_next(&tz, &k);
			if (!sqltok_punct(&k, ','))
				goto unsure;
			sqltok_next(&tz, &k);
			if (pg_bool(&k, &on) == -1)
				goto unsure;
			sqltok_next(&tz, &k);
			if (!sqltok_punct(&k, ','))
				goto unsure;
			sqltok_next(&tz, &k);
			if (!sqltok_is(&k, "false"))
				goto unsure;	/* is_local */
			r->bs_quotes = !on;
		}
	}
	return 0;
unsure:
	return rd_err(r, err, start, "cannot follow this change of "
	    "standard_conforming_strings, which decides how later strings "
	    "are read");
}

static int
statement(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	struct sqltok tz;
	struct token k;

	/* The first keyword, after any leading comments. */
	sqltok_init(&tz, SQL_PG, r->w + start, end - start);
	tz.bs_quotes = r->bs_quotes;
	sqltok_next(&tz, &k);
	if (sqltok_is(&k, "COPY"))
		return pg_copy(r, start, end, err);
	if (sqltok_is(&k, "INSERT"))
		return pg_insert(r, start, end, err);
	if ((sqltok_is(&k, "CREATE") || sqltok_is(&k, "ALTER")) &&
	    rd_schema(r, start, end, err) == -1)
		return -1;
	if ((sqltok_is(&k, "SET") || sqltok_is(&k, "RESET") ||
	    sqltok_is(&k, "SELECT")) && pg_settings(r, start, end, err) == -1)
		return -1;
	if (r->has_handler && r->h.on_statement != NULL &&
	    r->h.on_statement(r->h.ctx, r->w + start, end - start, err) == -1)
		return -1;
	if (rd_emit(r, start, end, err) == -1)
		return -1;
	rd_advance(r, end);
	return 0;
}

/*
 * A psql meta-command line w[start, end).  \connect (\c) starts a new
 * session, so settings return to their defaults.  \copy .. from stdin
 * would carry inline data we do not read: refused.
 */
static int
meta_command(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	const char *p = r->w + start + 1;
	size_t n = 0;

	while (start + 1 + n < end && p[n] >= 'a' && p[n] <= 'z')
		n++;
	if (df_slice_eq(p, n, "connect") || df_slice_eq(p, n, "c"))
		r->bs_quotes = 0;
	else if (df_slice_eq(p, n, "copy"))
		return rd_err(r, err, start, "psql \\copy is not understood "
		    "(pg_dump writes COPY .. FROM stdin)");
	return 0;
}

int
pg_run(struct dump_reader *r, struct df_error *err)
{
	size_t end = 0, i;
	int rc, c;

	for (;;) {
		r->pos = r->mark;
		if (r->pos == r->end) {
			rc = rd_fill(r, err);
			if (rc <= 0)
				return rc;
			continue;
		}
		c = (unsigned char)r->w[r->pos];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
		    c == '\f') {
			for (i = r->pos; i < r->end && (r->w[i] == ' ' ||
			    r->w[i] == '\n' || r->w[i] == '\t' ||
			    r->w[i] == '\r' || r->w[i] == '\f'); i++)
				;
			if (rd_emit(r, r->pos, i, err) == -1)
				return -1;
			rd_advance(r, i);
			continue;
		}
		if (c == '\0')
			return rd_err(r, err, r->pos, "NUL byte between "
			    "statements: not a plain-text dump");
		if ((c == '-' || c == '/') && r->end - r->pos < 2 && !r->eof) {
			rc = rd_fill(r, err);
			if (rc == -1)
				return -1;
			continue;
		}
		if ((c == '-' && r->end - r->pos >= 2 &&
		    r->w[r->pos + 1] == '-') || c == '\\') {
			/* A comment line or a psql meta-command. */
			if (rd_line_end(r, &end, err) == -1)
				return -1;
			if (c == '\\' && meta_command(r, r->mark, end, err) == -1)
				return -1;
		} else if (scan_statement(r, &end, err) == -1) {
			return -1;
		} else {
			if (statement(r, r->mark, end, err) == -1)
				return -1;
			continue;
		}
		if (rd_emit(r, r->mark, end, err) == -1)
			return -1;
		rd_advance(r, end);
	}
}

/* Codecs. */


/*
 * The byte an escape stands for; c is the character after the backslash
 * and *pp points after it.  Shared by COPY text and E'' strings, which
 * differ only in \v (COPY only).  Octal \ooo and hex \xh[h] consume
 * their digits; any other character stands for itself.
 */
static int
unescape(int c, const char **pp, const char *e, int vt)
{
	const char *p = *pp;
	int v, k;

	switch (c) {
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	case 'v': return vt ? '\v' : 'v';
	case 'x':
		if (p == e || df_hexval((unsigned char)*p) < 0)
			return 'x';
		v = df_hexval((unsigned char)*p++);
		if (p < e && df_hexval((unsigned char)*p) >= 0)
			v = v * 16 + df_hexval((unsigned char)*p++);
		*pp = p;
		return v;
	default:
		if (c < '0' || c > '7')
			return c;
		v = c - '0';
		for (k = 0; k < 2 && p < e && *p >= '0' && *p <= '7'; k++)
			v = v * 8 + (*p++ - '0');
		*pp = p;
		return v & 0xff;
	}
}

int
pg_copy_decode(const char *p, size_t n, struct buf *out)
{
	const char *e, *b;
	int c;

	if (n == 0)		/* p may be NULL */
		return 0;
	e = p + n;
	while (p < e) {
		b = memchr(p, '\\', (size_t)(e - p));
		if (b == NULL)
			return buf_add(out, p, (size_t)(e - p));
		if (buf_add(out, p, (size_t)(b - p)) == -1)
			return -1;
		p = b + 1;
		if (p == e)
			return -1;	/* lone trailing backslash */
		c = (unsigned char)*p++;
		if (buf_addc(out, unescape(c, &p, e, 1)) == -1)
			return -1;
	}
	return 0;
}

int
pg_copy_encode(const char *p, size_t n, struct buf *out)
{
	size_t i, run = 0;
	int c;

	if (n == 0)		/* p may be NULL */
		return 0;
	for (i = 0; i < n; i++) {
		switch ((unsigned char)p[i]) {
		case '\\': c = '\\'; break;
		case '\b': c = 'b'; break;
		case '\f': c = 'f'; break;
		case '\n': c = 'n'; break;
		case '\r': c = 'r'; break;
		case '\t': c = 't'; break;
		case '\v': c = 'v'; break;
		default:
			continue;
		}
		if (buf_add(out, p + run, i - run) == -1 ||
		    buf_addc(out, '\\') == -1 || buf_addc(out, c) == -1)
			return -1;
		run = i + 1;
	}
	return buf_add(out, p + run, n - run);
}

/* Append the UTF-8 encoding of code point v. */
static int
utf8(struct buf *out, unsigned long v)
{
	char b[4];
	size_t n;

	if (v < 0x80) {
		b[0] = (char)v;
		n = 1;
	} else if (v < 0x800) {
		b[0] = (char)(0xc0 | (v >> 6));
		b[1] = (char)(0x80 | (v & 0x3f));
		n = 2;
	} else if (v < 0x10000) {
		b[0] = (char)(0xe0 | (v >> 12));
		b[1] = (char)(0x80 | ((v >> 6) & 0x3f));
		b[2] = (char)(0x80 | (v & 0x3f));
		n = 3;
	} else if (v < 0x110000) {
		b[0] = (char)(0xf0 | (v >> 18));
		b[1] = (char)(0x80 | ((v >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((v >> 6) & 0x3f));
		b[3] = (char)(0x80 | (v & 0x3f));
		n = 4;
	} else
		return -1;
	return buf_add(out, b, n);
}

/* k hex digits at *pp into *v; -1 if there are not k of them. */
static int
hex_digits(const char **pp, const char *e, int k, unsigned long *v)
{
	const char *p = *pp;

	for (*v = 0; k > 0; k--, p++) {
		if (p == e || df_hexval((unsigned char)*p) < 0)
			return -1;
		*v = *v * 16 + (unsigned long)df_hexval((unsigned char)*p);
	}
	*pp = p;
	return 0;
}

/*
 * \uXXXX or \UXXXXXXXX after the backslash and letter c.  As PostgreSQL
 * does: a high surrogate must be followed by \u and a low one, which
 * together make one code point; a lone surrogate, zero, or a value past
 * U+10FFFF is an error.
 */
static int
unicode_escape(const char **pp, const char *e, int c, struct buf *out)
{
	unsigned long u, lo;

	if (hex_digits(pp, e, c == 'u' ? 4 : 8, &u) == -1)
		return -1;
	if (u >= 0xd800 && u <= 0xdbff) {
		if (e - *pp < 2 || (*pp)[0] != '\\' ||
		    ((*pp)[1] != 'u' && (*pp)[1] != 'U'))
			return -1;
		c = (*pp)[1];
		*pp += 2;
		if (hex_digits(pp, e, c == 'u' ? 4 : 8, &lo) == -1 ||
		    lo < 0xdc00 || lo > 0xdfff)
			return -1;
		u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
	} else if (u >= 0xdc00 && u <= 0xdfff) {
		return -1;
	}
	if (u == 0)
		return -1;
	return utf8(out, u);
}

int
pg_string_decode(const char *p, size_t n, int std_strings, struct buf *out)
{
	const char *e;
	int c, esc = !std_strings;

	if (n >= 1 && (*p == 'E' || *p == 'e')) {
		esc = 1;
		p++;
		n--;
	}
	if (n < 2 || p[0] != '\'' || p[n - 1] != '\'')
		return -1;
	e = p + n - 1;
	for (p++; p < e; ) {
		c = (unsigned char)*p++;
		if (c == '\'') {
			if (p == e || *p != '\'')
				return -1;
			p++;
		} else if (c == '\\' && esc) {
			if (p == e)
				return -1;
			c = (unsigned char)*p++;
			if (c == 'u' || c == 'U') {
				if (unicode_escape(&p, e, c, out) == -1)
					return -1;
				continue;
			}
			c = unescape(c, &p, e, 0);
		}
		if (buf_addc(out, c) == -1)
			return -1;
	}
	return 0;
}

int
pg_string_encode(const char *p, size_t n, int std_strings, struct buf *out)
{
	size_t i, run = 0;
	int esc = !std_strings && n > 0 && memchr(p, '\\', n) != NULL;

	if (n == 0)		/* p may be NULL */
		return buf_add(out, "''", 2);
	if ((esc && buf_addc(out, 'E') == -1) || buf_addc(out, '\'') == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i] != '\'' && !(esc && p[i] == '\\'))
			continue;
		if (buf_add(out, p + run, i + 1 - run) == -1 ||
		    buf_addc(out, p[i]) == -1)
			return -1;
		run = i + 1;
	}
	if (buf_add(out, p + run, n - run) == -1)
		return -1;
	return buf_addc(out, '\'');
}

int
pg_bits_decode(const char *p, size_t n, struct buf *out)
{
	size_t i;
	int v, b;

	if (n < 3 || p[1] != '\'' || p[n - 1] != '\'')
		return -1;
	if (p[0] == 'B' || p[0] == 'b') {
		for (i = 2; i + 1 < n; i++)
			if (p[i] != '0' && p[i] != '1')
				return -1;
		return buf_add(out, p + 2, n - 3);
	}
	if (p[0] != 'X' && p[0] != 'x')
		return -1;
	for (i = 2; i + 1 < n; i++) {
		v = df_hexval((unsigned char)p[i]);
		if (v < 0)
			return -1;
		for (b = 3; b >= 0; b--)
			if (buf_addc(out, (v >> b) & 1 ? '1' : '0') == -1)
				return -1;
	}
	return 0;
}

int
pg_dollar_decode(const char *p, size_t n, struct buf *out)
{
	size_t t;

	/* $tag$ .. $tag$: the tag is the text up to the second '$'. */
	if (n < 2 || p[0] != '$')
		return -1;
	for (t = 1; t < n && p[t] != '$'; t++)
		;
	t++;
	if (2 * t > n || memcmp(p, p + n - t, t) != 0)
		return -1;
	return buf_add(out, p + t, n - 2 * t);
}
