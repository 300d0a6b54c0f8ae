/*
 * mysql: reading mysqldump and mariadb-dump output.
 *
 * The mysql client's rules (MySQL manual, "String Literals", "Comments",
 * "mysql Client Commands"):
 *   - a statement ends at the current delimiter (";" unless a DELIMITER
 *     line changed it, as dumps do around triggers and routines) outside
 *     quotes and comments;
 *   - '..' and ".." are strings in which a backslash escapes the next
 *     character and a doubled quote is one quote; `identifiers` double
 *     their backticks;
 *   - "-- " (dashes then white space) and "#" start comments to the end of
 *     the line; C-style block comments do not nest; but the
 *     "executable comments" that open with slash-star-bang (and MariaDB's
 *     slash-star-M-bang) have code as their body, so quotes inside count;
 *   - DELIMITER is a client command: the whole line;
 *   - MariaDB 10.11+ dumps start with a line that opens an executable
 *     comment "M!999999\- enable the sandbox mode": a client command on
 *     a line of its own.
 * mysqldump escapes NUL, newline, CR, backslash, quotes and Ctrl-Z in
 * strings (mysql_real_escape_string), so a raw CR in a data statement
 * means the file's line ends were converted.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "mysql.h"
#include "reader.h"
#include "readerint.h"
#include "schema.h"
#include "sqltok.h"
#include "util.h"

enum my_state {
	ST_CODE,
	ST_QUOTE,		/* '..' or "..": q holds the quote */
	ST_BACKTICK,
	ST_LINE_COMMENT,
	ST_BLOCK_COMMENT
};

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/*
 * Find the end of the statement at r->mark: *end is just after the
 * delimiter.
 */
static int
scan_statement(struct dump_reader *r, size_t *end, struct df_error *err)
{
	enum my_state st = ST_CODE;
	size_t i = r->pos - r->mark, n, open = 0;
	const char *w, *k;
	int c, q = 0, rc;
	const int d0 = (unsigned char)r->delim[0];	/* may be >= 0x80 */
	unsigned char stop[256];

	/* The bytes that may change the state in code. */
	memset(stop, 0, sizeof(stop));
	stop[d0] = stop['\''] = stop['"'] = stop['`'] = stop['#'] = 1;
	stop['-'] = stop['/'] = 1;

	for (;;) {
		w = r->w + r->mark;
		n = r->end - r->mark;
		while (i < n) {
			switch (st) {
			case ST_CODE:
				while (i < n && !stop[(unsigned char)w[i]])
					i++;
				if (i >= n)
					break;
				c = (unsigned char)w[i];
				if (c == d0) {
					/* The delimiter and a CR LF after it. */
					if (i + r->dlen + 2 > n && !r->eof)
						goto more;
					if (i + r->dlen + 1 < n &&
					    w[i + r->dlen] == '\r' &&
					    w[i + r->dlen + 1] == '\n' &&
					    memcmp(w + i, r->delim,
					    r->dlen) == 0)
						return rd_err(r, err,
						    r->mark + i, "CR LF line "
						    "ends (converted by a text "
						    "tool? mysqldump writes LF "
						    "only)");
					if (i + r->dlen <= n && memcmp(w + i,
					    r->delim, r->dlen) == 0) {
						*end = r->mark + i + r->dlen;
						r->pos = *end;
						return rd_unit_len(r, r->mark,
						    *end, err);
					}
				}
				if (c == '\'' || c == '"') {
					open = i++;
					q = c;
					st = ST_QUOTE;
				} else if (c == '`') {
					open = i++;
					st = ST_BACKTICK;
				} else if (c == '#') {
					st = ST_LINE_COMMENT;
					i++;
				} else if (c == '-' || c == '/') {
					/* The four bytes of an M-bang opener. */
					if (i + 3 >= n && !r->eof)
						goto more;
					if (c == '-' && i + 2 < n &&
					    w[i + 1] == '-' &&
					    (is_ws((unsigned char)w[i + 2]) ||
					    (unsigned char)w[i + 2] < 0x20)) {
						st = ST_LINE_COMMENT;
						i += 2;
					} else if (c == '-' && i + 2 == n &&
					    w[i + 1] == '-') {
						i = n;	/* "--" at EOF */
					} else if (c == '/' && i + 1 < n &&
					    w[i + 1] == '*') {
						/* Executable comments are code. */
						if (i + 3 < n && (w[i + 2] == '!' ||
						    (w[i + 2] == 'M' &&
						    w[i + 3] == '!')))
							i += 3;
						else {
							open = i;
							st = ST_BLOCK_COMMENT;
							i += 2;
						}
					} else
						i++;
				} else
					i++;
				break;
			case ST_QUOTE:
				/*
				 * memchr to the next quote; it closes the
				 * string unless an odd run of backslashes
				 * escapes it or it is doubled.
				 */
				k = memchr(w + i, q, n - i);
				if (k == NULL) {
					i = n;
					break;
				}
				i = (size_t)(k - w);
				if (r->bs_quotes) {
					size_t b = i;

					while (b > open + 1 && w[b - 1] == '\\')
						b--;
					if ((i - b) & 1) {
						i++;
						break;
					}
				}
				if (i + 1 >= n && !r->eof)
					goto more;
				if (i + 1 < n && w[i + 1] == q)
					i += 2;
				else {
					i++;
					st = ST_CODE;
				}
				break;
			case ST_BACKTICK:
				k = memchr(w + i, '`', n - i);
				if (k == NULL) {
					i = n;
					break;
				}
				i = (size_t)(k - w);
				if (i + 1 >= n && !r->eof)
					goto more;
				if (i + 1 < n && w[i + 1] == '`')
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
				k = memchr(w + i, '*', n - i);
				if (k == NULL) {
					i = n;
					break;
				}
				i = (size_t)(k - w);
				if (i + 1 >= n && !r->eof)
					goto more;
				if (i + 1 < n && w[i + 1] == '/') {
					i += 2;
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
			if (st == ST_QUOTE)
				return rd_err(r, err, r->mark + open, "input "
				    "ends inside a string literal (truncated "
				    "dump?)");
			if (st == ST_BACKTICK)
				return rd_err(r, err, r->mark + open, "input "
				    "ends inside a `quoted name`");
			if (st == ST_BLOCK_COMMENT)
				return rd_err(r, err, r->mark + open, "input "
				    "ends inside a /* comment */");
			return rd_err(r, err, r->mark, "input ends inside a "
			    "statement (no terminating \"%.*s\"; truncated "
			    "dump?)", (int)r->dlen, r->delim);
		}
		i = r->pos - r->mark;
	}
}

/* The first keyword, after any executable-comment opener. */
static int
first_word(const struct dump_reader *r, size_t start, size_t end,
    struct token *k)
{
	struct sqltok tz;

	sqltok_init(&tz, SQL_MYSQL, r->w + start, end - start);
	return sqltok_next(&tz, k) == TOK_WORD;
}

/*
 * INSERT [IGNORE] INTO name [(cols)] VALUES (..),..;
 * REPLACE INTO name [(cols)] VALUES (..),..;
 */
static int
my_insert(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	struct dump_data d;
	struct sqltok tz;
	struct token k;

	memset(&d, 0, sizeof(d));
	sqltok_init(&tz, SQL_MYSQL, r->w + start, end - start);
	tz.bs_quotes = r->bs_quotes;
	sqltok_next(&tz, &k);
	d.form = sqltok_is(&k, "REPLACE") ? FORM_REPLACE : FORM_INSERT;
	sqltok_next(&tz, &k);
	while (sqltok_is(&k, "IGNORE") || sqltok_is(&k, "LOW_PRIORITY") ||
	    sqltok_is(&k, "DELAYED") || sqltok_is(&k, "HIGH_PRIORITY")) {
		if (sqltok_is(&k, "IGNORE"))
			d.form = FORM_INSERT_IGNORE;
		sqltok_next(&tz, &k);
	}
	if (sqltok_is(&k, "INTO"))
		sqltok_next(&tz, &k);
	tz.p = k.p;		/* back to the name */
	d.line = rd_line_at(r, start);
	d.table = schema_named_table(r->schema, &tz, r->db, d.line, 1);
	if (d.table == NULL)
		return rd_err(r, err, start, "INSERT: cannot read the table "
		    "name (is this a mysqldump dump?)");
	return rd_insert(r, &d, &tz, start, end, err);
}

/* Does the value of an sql_mode string turn backslash escapes off? */
static int
mode_has_nbe(const struct token *k)
{
	const char *p = k->p, *e = k->p + k->len;
	static const char nbe[] = "NO_BACKSLASH_ESCAPES";
	size_t m = sizeof(nbe) - 1;

	for (; p + m <= e; p++)
		if (strncasecmp(p, nbe, m) == 0)
			return 1;
	return 0;
}

/* The slot of user variable name in r->modevar, or -1. */
static int
modevar(struct dump_reader *r, const char *name, int create)
{
	size_t i, n = sizeof(r->modevar) / sizeof(r->modevar[0]);

	for (i = 0; i < n; i++)
		if (r->modevar[i] != NULL && strcasecmp(r->modevar[i],
		    name) == 0)
			return (int)i;
	if (!create)
		return -1;
	for (i = 0; i < n; i++)
		if (r->modevar[i] == NULL) {
			r->modevar[i] = xstrdup(name);
			return (int)i;
		}
	return -1;
}

/*
 * Follow sql_mode's NO_BACKSLASH_ESCAPES, which decides whether strings
 * take backslash escapes.  mysqldump saves and restores the mode around
 * triggers and routines:
 *	SET @saved_sql_mode = @@sql_mode
 *	SET sql_mode = 'NO_BACKSLASH_ESCAPES,..'
 *	SET sql_mode = @saved_sql_mode
 * A change to the session's sql_mode that cannot be followed exactly is
 * an error: guessing wrong would misread every later string.
 */
static int
my_set(struct dump_reader *r, size_t start, size_t end, struct df_error *err)
{
	struct sqltok tz;
	struct token k;
	char *var = NULL;
	int is_mode, global, slot;

	sqltok_init(&tz, SQL_MYSQL, r->w + start, end - start);
	tz.bs_quotes = r->bs_quotes;
	sqltok_next(&tz, &k);			/* SET */
	for (;;) {
		/* Target: [GLOBAL|SESSION|LOCAL] name, @@[scope.]name, @var */
		free(var);
		var = NULL;
		global = is_mode = 0;
		sqltok_next(&tz, &k);
		if (sqltok_punct(&k, '@')) {
			sqltok_next(&tz, &k);
			if (sqltok_punct(&k, '@')) {
				sqltok_next(&tz, &k);
				if (sqltok_is(&k, "GLOBAL"))
					global = 1;
				if (sqltok_is(&k, "GLOBAL") ||
				    sqltok_is(&k, "SESSION") ||
				    sqltok_is(&k, "LOCAL")) {
					sqltok_next(&tz, &k);	/* . */
					sqltok_next(&tz, &k);
				}
				is_mode = sqltok_is(&k, "sql_mode");
			} else if (k.type == TOK_WORD || k.type == TOK_QIDENT ||
			    k.type == TOK_STRING)
				var = xstrndup(k.p, k.len);
		} else {
			if (sqltok_is(&k, "GLOBAL"))
				global = 1;
			if (sqltok_is(&k, "GLOBAL") || sqltok_is(&k, "SESSION") ||
			    sqltok_is(&k, "LOCAL"))
				sqltok_next(&tz, &k);
			is_mode = sqltok_is(&k, "sql_mode");
		}
		sqltok_next(&tz, &k);
		if (sqltok_punct(&k, ':'))
			sqltok_next(&tz, &k);
		if (!sqltok_punct(&k, '='))
			break;			/* SET NAMES .., CHARACTER SET .. */
		sqltok_next(&tz, &k);
		/* The value: 'modes', DEFAULT, @@sql_mode or @var. */
		if (is_mode && !global) {
			if (k.type == TOK_STRING) {
				r->bs_quotes = !mode_has_nbe(&k);
			} else if (sqltok_is(&k, "DEFAULT")) {
				r->bs_quotes = 1;
			} else if (sqltok_punct(&k, '@')) {
				sqltok_next(&tz, &k);
				if (k.type != TOK_WORD && k.type != TOK_QIDENT)
					goto unsure;
				var = xstrndup(k.p, k.len);
				slot = modevar(r, var, 0);
				if (slot < 0)
					goto unsure;
				r->bs_quotes = r->modevar_bs[slot];
			} else
				goto unsure;
		} else if (var != NULL) {
			/* @var = @@sql_mode saves the mode; else forget var. */
			struct sqltok peek = tz;
			struct token k2, k3;

			slot = modevar(r, var, 0);
			if (slot >= 0) {
				free(r->modevar[slot]);
				r->modevar[slot] = NULL;
			}
			sqltok_next(&peek, &k2);
			sqltok_next(&peek, &k3);
			if (sqltok_punct(&k, '@') && sqltok_punct(&k2, '@') &&
			    sqltok_is(&k3, "sql_mode")) {
				slot = modevar(r, var, 1);
				if (slot >= 0)
					r->modevar_bs[slot] = r->bs_quotes;
			}
		}
		/* Skip the rest of this assignment. */
		{
			int depth = 0;

			for (;;) {
				sqltok_peek(&tz, &k);
				if (k.type == TOK_END || k.type == TOK_ERROR)
					goto done;
				if (depth == 0 && sqltok_punct(&k, ','))
					break;
				sqltok_next(&tz, &k);
				if (sqltok_punct(&k, '('))
					depth++;
				else if (sqltok_punct(&k, ')'))
					depth--;
			}
			sqltok_next(&tz, &k);	/* , */
		}
	}
done:
	free(var);
	return 0;
unsure:
	free(var);
	return rd_err(r, err, start, "cannot follow this change of sql_mode, "
	    "whose NO_BACKSLASH_ESCAPES decides how later strings are read");
}

/* USE `db` */
static void
my_use(struct dump_reader *r, size_t start, size_t end)
{
	struct sqltok tz;
	struct token k;

	sqltok_init(&tz, SQL_MYSQL, r->w + start, end - start);
	sqltok_next(&tz, &k);
	sqltok_next(&tz, &k);
	if (k.type == TOK_WORD || k.type == TOK_QIDENT) {
		free(r->db);
		r->db = sqltok_ident(&tz, &k);
	}
}

static int
statement(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	struct token k;

	if (first_word(r, start, end, &k)) {
		if (sqltok_is(&k, "INSERT") || sqltok_is(&k, "REPLACE"))
			return my_insert(r, start, end, err);
		if ((sqltok_is(&k, "CREATE") || sqltok_is(&k, "ALTER")) &&
		    rd_schema(r, start, end, err) == -1)
			return -1;
		if (sqltok_is(&k, "USE"))
			my_use(r, start, end);
		if (sqltok_is(&k, "SET") && my_set(r, start, end, err) == -1)
			return -1;
	}
	if (r->has_handler && r->h.on_statement != NULL &&
	    r->h.on_statement(r->h.ctx, r->w + start, end - start, err) == -1)
		return -1;
	if (rd_emit(r, start, end, err) == -1)
		return -1;
	rd_advance(r, end);
	return 0;
}

/* DELIMITER xx or \d xx: the rest of the line up to white space. */
static int
set_delimiter(struct dump_reader *r, size_t start, size_t end,
    struct df_error *err)
{
	size_t i = start + (r->w[start] == '\\' ? 2 : 9), j;

	while (i < end && (r->w[i] == ' ' || r->w[i] == '\t'))
		i++;
	for (j = i; j < end && !is_ws((unsigned char)r->w[j]); j++)
		;
	if (j == i || j - i >= sizeof(r->delim))
		return rd_err(r, err, start, "DELIMITER without a usable "
		    "delimiter");
	memcpy(r->delim, r->w + i, j - i);
	r->dlen = j - i;
	return 0;
}

/*
 * What starts at r->pos between statements: 0 a statement, 1 a line (a
 * comment or client command), 2 a block comment, -1 need more input.
 */
static int
unit_kind(const struct dump_reader *r)
{
	const char *p = r->w + r->pos;
	size_t n = r->end - r->pos;

	if (n < 13 && !r->eof)
		return -1;
	if (*p == '#')
		return 1;
	if (n >= 2 && p[0] == '-' && p[1] == '-' &&
	    (n == 2 || (unsigned char)p[2] <= ' '))
		return 1;
	if (n >= 10 && strncasecmp(p, "DELIMITER", 9) == 0 &&
	    (p[9] == ' ' || p[9] == '\t'))
		return 1;
	if (n >= 3 && p[0] == '\\' && p[1] == 'd' &&
	    (p[2] == ' ' || p[2] == '\t'))
		return 1;		/* \d, the client's short DELIMITER */
	if (n >= 12 && memcmp(p, "/*M!999999\\-", 12) == 0)
		return 1;
	if (n >= 3 && p[0] == '/' && p[1] == '*' && p[2] != '!' &&
	    !(p[2] == 'M' && n >= 4 && p[3] == '!'))
		return 2;
	return 0;
}

int
mysql_run(struct dump_reader *r, struct df_error *err)
{
	size_t end = 0, i;
	const char *k;
	int rc, c, kind;

	for (;;) {
		r->pos = r->mark;
		if (r->pos == r->end) {
			rc = rd_fill(r, err);
			if (rc <= 0)
				return rc;
			continue;
		}
		c = (unsigned char)r->w[r->pos];
		if (is_ws(c)) {
			for (i = r->pos; i < r->end &&
			    is_ws((unsigned char)r->w[i]); i++)
				;
			if (rd_emit(r, r->pos, i, err) == -1)
				return -1;
			rd_advance(r, i);
			continue;
		}
		if (c == '\0')
			return rd_err(r, err, r->pos, "NUL byte between "
			    "statements: not a plain-text dump");
		kind = unit_kind(r);
		if (kind == -1) {
			if (rd_fill(r, err) == -1)
				return -1;
			continue;
		}
		if (kind == 1) {
			if (rd_line_end(r, &end, err) == -1)
				return -1;
			if ((strncasecmp(r->w + r->mark, "DELIMITER", 9) == 0 ||
			    memcmp(r->w + r->mark, "\\d", 2) == 0) &&
			    set_delimiter(r, r->mark, end, err) == -1)
				return -1;
		} else if (kind == 2) {
			for (;;) {
				k = r->end - r->pos > 2 ? memmem(r->w + r->pos +
				    2, r->end - r->pos - 2, "*/", 2) : NULL;
				if (k != NULL)
					break;
				rc = rd_fill(r, err);
				if (rc == -1)
					return -1;
				if (rc == 0)
					return rd_err(r, err, r->mark, "input "
					    "ends inside a /* comment */");
			}
			end = (size_t)(k - r->w) + 2;
		} else {
			if (scan_statement(r, &end, err) == -1 ||
			    statement(r, r->mark, end, err) == -1)
				return -1;
			continue;
		}
		if (rd_emit(r, r->mark, end, err) == -1)
			return -1;
		rd_advance(r, end);
	}
}

/* Codecs. */

int
mysql_string_decode(const char *p, size_t n, struct buf *out)
{
	const char *e, *b;
	int q, c;

	if (n < 2 || (p[0] != '\'' && p[0] != '"') || p[n - 1] != p[0])
		return -1;
	q = p[0];
	e = p + n - 1;
	for (p++; p < e; ) {
		/* Copy the run up to the next backslash or quote. */
		for (b = p; b < e && *b != '\\' && *b != q; b++)
			;
		if (buf_add(out, p, (size_t)(b - p)) == -1)
			return -1;
		if (b == e)
			break;
		p = b + 1;
		if (p == e)
			return -1;
		if (*b == q) {
			if (*p != q)
				return -1;
			c = q;
			p++;
		} else {
			c = (unsigned char)*p++;
			switch (c) {
			case '0': c = '\0'; break;
			case 'b': c = '\b'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'Z': c = 0x1a; break;
			case '%':
			case '_':
				/* Kept with their backslash outside LIKE. */
				if (buf_addc(out, '\\') == -1)
					return -1;
				break;
			default:
				break;
			}
		}
		if (buf_addc(out, c) == -1)
			return -1;
	}
	return 0;
}

int
mysql_string_encode(const char *p, size_t n, struct buf *out)
{
	size_t i, run = 0;
	int c;

	if (n == 0)		/* p may be NULL */
		return buf_add(out, "''", 2);
	if (buf_addc(out, '\'') == -1)
		return -1;
	for (i = 0; i < n; i++) {
		switch ((unsigned char)p[i]) {
		case '\0': c = '0'; break;
		case '\n': c = 'n'; break;
		case '\r': c = 'r'; break;
		case '\\': c = '\\'; break;
		case '\'': c = '\''; break;
		case '"': c = '"'; break;
		case 0x1a: c = 'Z'; break;
		default:
			continue;
		}
		if (buf_add(out, p + run, i - run) == -1 ||
		    buf_addc(out, '\\') == -1 || buf_addc(out, c) == -1)
			return -1;
		run = i + 1;
	}
	if (buf_add(out, p + run, n - run) == -1)
		return -1;
	return buf_addc(out, '\'');
}


int
mysql_hex_decode(const char *p, size_t n, struct buf *out)
{
	size_t i;
	int hi, lo;

	if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		p += 2;
		n -= 2;
	} else if (n >= 3 && (p[0] == 'x' || p[0] == 'X') && p[1] == '\'' &&
	    p[n - 1] == '\'') {
		p += 2;
		n -= 3;
	} else
		return -1;
	i = 0;
	if (n % 2 == 1) {	/* 0xABC is 0x0ABC */
		lo = df_hexval((unsigned char)p[0]);
		if (lo < 0 || buf_addc(out, lo) == -1)
			return -1;
		i = 1;
	}
	for (; i < n; i += 2) {
		hi = df_hexval((unsigned char)p[i]);
		lo = df_hexval((unsigned char)p[i + 1]);
		if (hi < 0 || lo < 0 || buf_addc(out, hi * 16 + lo) == -1)
			return -1;
	}
	return 0;
}

int
mysql_bits_decode(const char *p, size_t n, struct buf *out)
{
	size_t i, nb;
	int v = 0;

	if (n < 3 || (p[0] != 'b' && p[0] != 'B') || p[1] != '\'' ||
	    p[n - 1] != '\'')
		return -1;
	p += 2;
	n -= 3;
	/* Right-aligned in whole bytes. */
	nb = (n + 7) / 8;
	for (i = 0; i < nb * 8; i++) {
		size_t pad = nb * 8 - n;
		int bit = 0;

		if (i >= pad) {
			if (p[i - pad] != '0' && p[i - pad] != '1')
				return -1;
			bit = p[i - pad] == '1';
		}
		v = v * 2 + bit;
		if (i % 8 == 7) {
			if (buf_addc(out, v) == -1)
				return -1;
			v = 0;
		}
	}
	return 0;
}

int
mysql_string_decode_nobs(const char *p, size_t n, struct buf *out)
{
	const char *e, *q;
	int quote;

	if (n < 2 || (p[0] != '\'' && p[0] != '"') || p[n - 1] != p[0])
		return -1;
	quote = p[0];
	e = p + n - 1;
	for (p++; p < e; p = q + 2) {
		q = memchr(p, quote, (size_t)(e - p));
		if (q == NULL)
			return buf_add(out, p, (size_t)(e - p));
		/* Inside the literal a quote is always doubled. */
		if (q + 1 >= e || q[1] != quote ||
		    buf_add(out, p, (size_t)(q + 1 - p)) == -1)
			return -1;
	}
	return 0;
}

int
mysql_string_encode_nobs(const char *p, size_t n, struct buf *out)
{
	const char *q, *e;

	if (n == 0)		/* p may be NULL */
		return buf_add(out, "''", 2);
	if (buf_addc(out, '\'') == -1)
		return -1;
	for (e = p + n; p < e; p = q + 1) {
		q = memchr(p, '\'', (size_t)(e - p));
		if (q == NULL) {
			if (buf_add(out, p, (size_t)(e - p)) == -1)
				return -1;
			break;
		}
		if (buf_add(out, p, (size_t)(q + 1 - p)) == -1 ||
		    buf_addc(out, '\'') == -1)
			return -1;
	}
	return buf_addc(out, '\'');
}
