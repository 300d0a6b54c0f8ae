/*
 * fuzz_schema: the SQL tokenizer and the table catalog.
 *
 * The input is cut into statements after each ";\n" (the way dumps look,
 * so the seeds are dumps) and each statement, in a buffer of exactly its
 * size (so that reading past the slice is caught; once more without its
 * final ';', so that slices also end inside a token), is given to
 * schema_statement() in four settings: pg with standard_conforming_strings
 * on and off, MySQL as dumped and under NO_BACKSLASH_ESCAPES with a
 * current database.  Then:
 *   - nothing crashes, leaks or trips a sanitizer; a failure fills the
 *     error message; the table reported is in the catalog;
 *   - every table is consistent (fuzz_check_table: key and foreign-key
 *     column indexes inside the column array, flags, lookup by name).
 * The whole input is also tokenized in each setting: tokens lie inside the
 * text, in order, non-empty (but for the end and errors); the end is
 * reached; sqltok_peek agrees with sqltok_next; quoted tokens end with
 * their quote and identifiers unquote to no more than their length.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "schema.h"
#include "sqltok.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct setting {
	enum sql_dialect d;
	int		 bs_quotes;	/* '..' takes backslash escapes */
	const char	*db;
};

static const struct setting settings[] = {
	{ SQL_PG, 0, NULL },		/* standard_conforming_strings on */
	{ SQL_PG, 1, NULL },		/* off */
	{ SQL_MYSQL, 1, NULL },
	{ SQL_MYSQL, 0, "shop" }	/* NO_BACKSLASH_ESCAPES */
};

static void
tokens(const struct setting *st, const char *p, size_t n)
{
	struct sqltok tz;
	struct token k, pk;
	const char *prev = p;
	enum tok_type ty;
	size_t count = 0;
	char *id;

	sqltok_init(&tz, st->d, p, n);
	tz.bs_quotes = st->bs_quotes;
	for (;;) {
		FUZZ_CHECK(count++ <= n + 1, "the tokenizer does not reach the "
		    "end of %zu bytes", n);
		sqltok_peek(&tz, &pk);
		ty = sqltok_next(&tz, &k);
		FUZZ_CHECK(ty == k.type && pk.type == k.type && pk.p == k.p &&
		    pk.len == k.len, "peek and next disagree at %zu",
		    (size_t)(k.p - p));
		FUZZ_CHECK(k.p >= prev && k.p <= p + n && k.len <= n &&
		    (size_t)(k.p - p) <= n - k.len, "token at %zu, %zu bytes, "
		    "outside the text or before the previous one",
		    (size_t)(k.p - p), k.len);
		FUZZ_CHECK(tz.p >= k.p + k.len && tz.p <= p + n, "the position "
		    "is not after the token");
		if (ty == TOK_END) {
			FUZZ_CHECK(sqltok_next(&tz, &k) == TOK_END, "a token "
			    "after the end");
			return;
		}
		if (ty == TOK_ERROR) {
			prev = k.p;
			continue;
		}
		FUZZ_CHECK(k.len > 0, "empty token of type %d at %zu",
		    (int)ty, (size_t)(k.p - p));
		if (ty == TOK_QIDENT)
			FUZZ_CHECK(k.len >= 2 && k.p[k.len - 1] == k.p[0],
			    "quoted identifier without its closing quote");
		if (ty == TOK_STRING)
			FUZZ_CHECK(k.len >= 2 && (k.p[k.len - 1] == '\'' ||
			    k.p[k.len - 1] == '"' || k.p[k.len - 1] == '$'),
			    "string without its closing quote");
		if (ty == TOK_WORD || ty == TOK_QIDENT) {
			id = sqltok_ident(&tz, &k);
			FUZZ_CHECK(id != NULL && strlen(id) <= k.len,
			    "identifier longer than its token");
			free(id);
		}
		prev = k.p + k.len;
	}
}

static int
in_catalog(const struct schema *s, const struct schema_table *t)
{
	size_t i;

	for (i = 0; i < schema_count(s); i++)
		if (schema_at(s, i) == t)
			return 1;
	return 0;
}

/*
 * Feed the statements of p[0, n); with strip, without their final ';'
 * (a slice may end anywhere: inside a number, a name, a string).
 */
static void
statements(const struct setting *st, const char *p, size_t n, int strip)
{
	struct schema_table *t;
	struct df_error err;
	struct schema *s;
	unsigned long long line = 1;
	const char *e = p + n, *q;
	size_t len, i;
	char *copy;
	int rc;

	s = schema_new();
	while (p < e) {
		q = p;
		for (;;) {
			q = memchr(q, ';', (size_t)(e - q));
			if (q == NULL) {
				q = e;
				break;
			}
			q++;
			if (q == e || *q == '\n')
				break;
		}
		len = (size_t)(q - p);
		if (strip && len > 0 && p[len - 1] == ';')
			len--;
		/* Exactly the statement: no terminating NUL, no slack. */
		copy = xmalloc(len ? len : 1);
		memcpy(copy, p, len);
		memset(&err, 0, sizeof(err));
		t = NULL;
		rc = schema_statement(s, st->d, st->bs_quotes, st->db, copy,
		    len, line, &t, &err);
		FUZZ_CHECK(rc == 0 || rc == -1, "rc %d", rc);
		FUZZ_CHECK(rc == 0 || err.msg[0] != '\0', "failed without a "
		    "message");
		FUZZ_CHECK(t == NULL || in_catalog(s, t), "the table touched "
		    "is not in the catalog");
		if (t != NULL)
			fuzz_check_table(s, t);
		free(copy);
		for (i = 0; i < (size_t)(q - p); i++)
			line += p[i] == '\n';
		p = q < e ? q + 1 : e;
	}
	fuzz_check_schema(s);
	schema_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy;
	size_t i;

	/* Exactly the input, so that reading past it is caught. */
	copy = xmalloc(size ? size : 1);
	if (size > 0)
		memcpy(copy, data, size);
	for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		tokens(&settings[i], copy, size);
		statements(&settings[i], copy, size, 0);
		/* One setting per dialect also without the semicolons. */
		if (i % 2 == 0)
			statements(&settings[i], copy, size, 1);
	}
	free(copy);
	return 0;
}
