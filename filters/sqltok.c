/*
 * sqltok: tokenizing whole SQL statements.  Used off the hot path (schema
 * statements and the heads of data statements), so clarity wins over speed.
 */
#include <config.h>

#include <ctype.h>
#include <string.h>

#include "sqltok.h"
#include "util.h"

void
sqltok_init(struct sqltok *t, enum sql_dialect d, const char *p, size_t n)
{
	t->p = p;
	t->end = p + n;
	t->dialect = d;
	t->bs_quotes = d == SQL_MYSQL;
}

static int
is_ident_start(int c)
{
	return isalpha(c) || c == '_' || c >= 0x80;
}

static int
is_ident_char(int c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Skip a quoted run starting at p (on the opening quote q). */
static const char *
skip_quoted(const char *p, const char *end, int q, int backslash)
{
	for (p++; p < end; p++) {
		if (backslash && *p == '\\') {
			p++;
			continue;
		}
		if (*p == q) {
			if (p + 1 < end && p[1] == q) {
				p++;
				continue;
			}
			return p + 1;
		}
	}
	return NULL;
}

/* Skip a pg dollar-quoted string; p is on the first '$'. */
static const char *
skip_dollar(const char *p, const char *end)
{
	const char *tag = p, *q;
	size_t tlen;

	for (q = p + 1; q < end && *q != '$'; q++)
		if (!is_ident_char((unsigned char)*q))
			return NULL;
	if (q >= end)
		return NULL;
	tlen = (size_t)(q - tag) + 1;
	for (q++; q + tlen <= end; q++)
		if (*q == '$' && memcmp(q, tag, tlen) == 0)
			return q + tlen;
	return NULL;
}

static const char *
skip_space_and_comments(struct sqltok *t, const char *p, int *bad)
{
	const char *end = t->end;
	int depth;

	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p + 1 < end && p[0] == '-' && p[1] == '-') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (t->dialect == SQL_MYSQL && p < end && *p == '#') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (p + 1 < end && p[0] == '/' && p[1] == '*') {
			/* MySQL executable comments: the body is code. */
			if (t->dialect == SQL_MYSQL && p + 2 < end &&
			    (p[2] == '!' || (p[2] == 'M' && p + 3 < end &&
			    p[3] == '!'))) {
				p += p[2] == '!' ? 3 : 4;
				while (p < end && isdigit((unsigned char)*p))
					p++;
				continue;
			}
			depth = 1;
			for (p += 2; p < end && depth > 0; p++) {
				if (p + 1 < end && p[0] == '*' && p[1] == '/') {
					depth--;
					p++;
				} else if (t->dialect == SQL_PG && p + 1 < end &&
				    p[0] == '/' && p[1] == '*') {
					depth++;
					p++;
				}
			}
			if (depth > 0) {
				*bad = 1;
				return end;
			}
			continue;
		}
		/* The end of a MySQL executable comment is just space. */
		if (t->dialect == SQL_MYSQL && p + 1 < end && p[0] == '*' &&
		    p[1] == '/') {
			p += 2;
			continue;
		}
		return p;
	}
}

static enum tok_type
lex(struct sqltok *t, const char **pp, struct token *tok)
{
	const char *p = *pp, *end = t->end, *q;
	int bad = 0, c;

	p = skip_space_and_comments(t, p, &bad);
	tok->p = p;
	tok->len = 0;
	if (bad) {
		*pp = end;
		return tok->type = TOK_ERROR;
	}
	if (p >= end) {
		*pp = p;
		return tok->type = TOK_END;
	}
	c = (unsigned char)*p;
	q = NULL;
	if (c == '\'') {
		q = skip_quoted(p, end, '\'', t->bs_quotes);
		tok->type = TOK_STRING;
	} else if ((c == 'E' || c == 'e') && p + 1 < end && p[1] == '\'' &&
	    t->dialect == SQL_PG) {
		q = skip_quoted(p + 1, end, '\'', 1);
		tok->type = TOK_STRING;
	} else if (c == '"') {
		if (t->dialect == SQL_PG) {
			q = skip_quoted(p, end, '"', 0);
			tok->type = TOK_QIDENT;
		} else {
			q = skip_quoted(p, end, '"', t->bs_quotes);
			tok->type = TOK_STRING;
		}
	} else if (c == '`' && t->dialect == SQL_MYSQL) {
		q = skip_quoted(p, end, '`', 0);
		tok->type = TOK_QIDENT;
	} else if (c == '$' && t->dialect == SQL_PG && p + 1 < end &&
	    (p[1] == '$' || is_ident_start((unsigned char)p[1]))) {
		q = skip_dollar(p, end);
		tok->type = TOK_STRING;
	} else if (isdigit(c) || (c == '.' && p + 1 < end &&
	    isdigit((unsigned char)p[1]))) {
		for (q = p + 1; q < end && (isalnum((unsigned char)*q) ||
		    *q == '.' || ((*q == '+' || *q == '-') &&
		    (q[-1] == 'e' || q[-1] == 'E'))); q++)
			;
		tok->type = TOK_NUMBER;
	} else if (is_ident_start(c)) {
		for (q = p + 1; q < end && is_ident_char((unsigned char)*q);
		    q++)
			;
		tok->type = TOK_WORD;
	} else {
		q = p + 1;
		tok->type = TOK_PUNCT;
	}
	if (q == NULL) {
		*pp = end;
		tok->len = (size_t)(end - p);
		return tok->type = TOK_ERROR;
	}
	tok->len = (size_t)(q - p);
	*pp = q;
	return tok->type;
}

enum tok_type
sqltok_next(struct sqltok *t, struct token *tok)
{
	return lex(t, &t->p, tok);
}

enum tok_type
sqltok_peek(const struct sqltok *t, struct token *tok)
{
	struct sqltok copy = *t;

	return lex(&copy, &copy.p, tok);
}

int
sqltok_is(const struct token *tok, const char *kw)
{
	return tok->type == TOK_WORD && df_slice_caseeq(tok->p, tok->len, kw);
}

int
sqltok_punct(const struct token *tok, int c)
{
	return tok->type == TOK_PUNCT && tok->len == 1 && *tok->p == c;
}

char *
sqltok_ident(const struct sqltok *t, const struct token *tok)
{
	char *s, *d;
	size_t i;
	int q;

	if (tok->type == TOK_QIDENT) {
		q = tok->p[0];
		s = d = xmalloc(tok->len);
		for (i = 1; i + 1 < tok->len; i++) {
			*d++ = tok->p[i];
			if (tok->p[i] == q)	/* doubled quote */
				i++;
		}
		*d = '\0';
		return s;
	}
	s = xstrndup(tok->p, tok->len);
	if (t->dialect == SQL_PG)
		for (d = s; *d; d++)
			if (*d >= 'A' && *d <= 'Z')
				*d = (char)(*d - 'A' + 'a');
	return s;
}
