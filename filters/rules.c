/*
 * rules: reading a rules file.
 *
 * The lexical layer of dumprules(5): "#" starts a comment that runs to the
 * end of the line (outside quotes and regular expressions); blank lines
 * are ignored.  Every other line begins a statement.  The statements of
 * the language arrive with the filters that act on them; until a
 * statement is known here it is an error, so a rules file is never half
 * understood.
 *
 * This is the only module that sees PCRE2 (rule patterns).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "util.h"

struct rules {
	size_t	n;
};

static int
rules_err(struct df_error *err, const char *path, unsigned long line,
    size_t col, const char *msg)
{
	return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%zu: %s", path,
	    line, col, msg);
}

struct rules *
rules_load(const char *path, struct df_error *err)
{
	struct rules *rs;
	FILE *f;
	char *line = NULL;
	size_t cap = 0, i, len;
	ssize_t n;
	unsigned long lineno = 0;

	f = fopen(path, "r");
	if (f == NULL) {
		df_err(err, DF_EXIT_USAGE, path, 0, "%s", strerror(errno));
		return NULL;
	}
	rs = xcalloc(1, sizeof(*rs));
	while ((n = getline(&line, &cap, f)) != -1) {
		lineno++;
		len = (size_t)n;
		if (memchr(line, '\0', len) != NULL) {
			rules_err(err, path, lineno, 1, "NUL byte in rules "
			    "file");
			goto fail;
		}
		for (i = 0; i < len && (line[i] == ' ' || line[i] == '\t' ||
		    line[i] == '\n' || line[i] == '\r'); i++)
			;
		if (i == len || line[i] == '#')
			continue;
		rules_err(err, path, lineno, i + 1, "unknown statement (this "
		    "version of dumpscrub knows no rules yet; see "
		    "dumprules(5))");
		goto fail;
	}
	if (ferror(f)) {
		df_err(err, DF_EXIT_USAGE, path, 0, "read error");
		goto fail;
	}
	free(line);
	fclose(f);
	return rs;
fail:
	free(line);
	fclose(f);
	free(rs);
	return NULL;
}

size_t
rules_count(const struct rules *rs)
{
	return rs->n;
}

void
rules_free(struct rules *rs)
{
	free(rs);
}
