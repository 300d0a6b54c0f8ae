/*
 * sqltok: a tokenizer over one complete SQL statement held in memory, for
 * the statements whose structure matters (CREATE TABLE, ALTER TABLE, the
 * heads of COPY and INSERT).  It knows both dialects' quoting: PostgreSQL
 * "identifiers", 'strings' with '' doubling, E'strings' with backslash
 * escapes and $tag$ dollar quotes; MySQL `identifiers` and '..'/".."
 * strings with backslash escapes.  Comments are skipped, except MySQL's
 * executable comments, whose contents are returned as ordinary tokens.
 *
 * Tokens are slices of the statement; nothing is copied.
 */
#ifndef DF_SQLTOK_H
#define DF_SQLTOK_H

#include <stddef.h>

enum sql_dialect {
	SQL_PG = 1,
	SQL_MYSQL
};

enum tok_type {
	TOK_END = 0,
	TOK_WORD,	/* bare identifier or keyword */
	TOK_QIDENT,	/* "quoted" (pg) or `quoted` (mysql) identifier */
	TOK_STRING,	/* string literal, quotes included */
	TOK_NUMBER,
	TOK_PUNCT,	/* one character: ( ) , . ; = etc. */
	TOK_ERROR	/* unterminated quote or comment */
};

struct token {
	enum tok_type	 type;
	const char	*p;
	size_t		 len;
};

struct sqltok {
	const char	*p;
	const char	*end;
	enum sql_dialect dialect;
	/*
	 * Plain '..' strings take backslash escapes: pg without
	 * standard_conforming_strings, MySQL unless NO_BACKSLASH_ESCAPES.
	 */
	int		 bs_quotes;
};

void	sqltok_init(struct sqltok *, enum sql_dialect, const char *, size_t);
enum tok_type sqltok_next(struct sqltok *, struct token *);
/* Peek at the next token without consuming it. */
enum tok_type sqltok_peek(const struct sqltok *, struct token *);
/* A word token equal to kw, case-insensitively. */
int	sqltok_is(const struct token *, const char *);
int	sqltok_punct(const struct token *, int);
/*
 * The identifier a WORD or QIDENT token names, unquoted, NUL-terminated and
 * malloc'd.  PostgreSQL folds bare words to lower case.
 */
char	*sqltok_ident(const struct sqltok *, const struct token *);

#endif
