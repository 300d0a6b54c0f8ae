/*
 * fuzz_rules: the rules parser, rules_load() of rules.h.
 *
 * The input is a rules file: it is written to the fuzz directory as
 * "rules" and loaded.  Next to it lie a few files the input may name
 * (m.tsv, a map; inc.rules, valid rules; bad.rules, a rules error;
 * self.rules, which includes itself).  Properties:
 *   - no crash, hang, leak or sanitizer report, on success and on every
 *     error path (rules_free() after a failure takes everything);
 *   - a failure has code DF_EXIT_USAGE and a message "FILE:LINE:COL: ..."
 *     naming one of those files at a line and column from 1;
 *   - a loaded tree is consistent: every name is a regex or a non-empty
 *     name, a plain name matches itself with rule_name_match(), and the
 *     text of a "quoted" one ends with its quote (nothing cut); every
 *     position lies in a file that was read; the arguments of each action
 *     are in the grammar's ranges (hash 1..128, partial's mask one
 *     character, noise in (0, 100], ...); json paths have steps and their
 *     actions are neither json nor relink nor limited by when; relations
 *     have as many columns on each side; the per-kind counts add up to no
 *     more than rules_count();
 *   - rule_cond_eval() on a fixed row gives 0, 1 or -1 (only when the
 *     getter failed), agrees with and/or/not applied to its operands,
 *     and is the same when run twice; regexes and maps answer fixed
 *     queries without failing.
 * Inputs that could make the parser read outside the directory (an
 * absolute path, "..", or a \x escape that could spell either) are not
 * loaded, so that no input reaches /dev/zero, a FIFO or the disk at
 * large.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "rules.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	rules_path[600];

/* The fixed files next to the input; made once. */
static void
setup(void)
{
	static const struct {
		const char	*name;
		const char	*text;
	} files[] = {
		{ "m.tsv", "a\t1\nb\t\\N\n# c\nc\\td\tx\\ny\n\te\n" },
		{ "inc.rules", "table t { a null }\ncolumn b hash 8\n" },
		{ "bad.rules", "safe a\n  frob\n" },
		{ "self.rules", "include \"self.rules\"\n" },
		{ "i2.rules", "include \"inc.rules\"\nkey env K\n" }
	};
	char path[600];
	size_t i;

	if (rules_path[0] != '\0')
		return;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		fuzz_path(path, sizeof(path), files[i].name);
		fuzz_write_file(path, files[i].text, strlen(files[i].text));
	}
	fuzz_path(rules_path, sizeof(rules_path), "rules");
}

static int
contains(const uint8_t *p, size_t n, const char *s)
{
	return memmem(p, n, s, strlen(s)) != NULL;
}

/* Could a path in the input leave the directory? */
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

/* ---- Failures ----------------------------------------------------------- */

/* Does msg start with "F:LINE:COL: " for a file F of the directory? */
static void
check_message(const struct df_error *err)
{
	const char *m = err->msg, *dir = fuzz_tmpdir(), *p;
	size_t dl = strlen(dir);
	unsigned long v;
	int k;

	FUZZ_CHECK(err->code == DF_EXIT_USAGE, "code %d: %s", err->code, m);
	FUZZ_CHECK(m[0] != '\0', "a failure without a message");
	FUZZ_CHECK(strncmp(m, dir, dl) == 0 && m[dl] == '/', "the message "
	    "does not start with a file of %s: \"%s\"", dir, m);
	p = strchr(m + dl, ':');
	FUZZ_CHECK(p != NULL, "no position: \"%s\"", m);
	for (k = 0; k < 2; k++) {
		v = 0;
		FUZZ_CHECK(p[1] >= '0' && p[1] <= '9', "no %s: \"%s\"",
		    k == 0 ? "line" : "column", m);
		for (p++; *p >= '0' && *p <= '9'; p++)
			v = v * 10 + (unsigned long)(*p - '0');
		FUZZ_CHECK(v >= 1, "%s 0: \"%s\"", k == 0 ? "line" : "column",
		    m);
		FUZZ_CHECK(*p == ':', "no ':' after the %s: \"%s\"",
		    k == 0 ? "line" : "column", m);
	}
	FUZZ_CHECK(p[1] == ' ' && p[2] != '\0', "no text after the "
	    "position: \"%s\"", m);
}

/* ---- The tree ---------------------------------------------------------- */

static void
check_pos(const struct rules *rs, const struct rule_pos *pos,
    const char *what)
{
	size_t i;

	FUZZ_CHECK(pos->line >= 1 && pos->col >= 1, "%s at %lu:%lu", what,
	    pos->line, pos->col);
	for (i = 0; i < rs->nfiles; i++)
		if (pos->file == rs->files[i])
			return;
	FUZZ_CHECK(0, "%s: the position's file is not one that was read",
	    what);
}

static void
check_name(const struct rules *rs, const struct rule_name *n,
    const char *what)
{
	static const char *const names[][2] = {
		{ NULL, "users" }, { "public", "users" }, { NULL, "" },
		{ "", "" }, { "s", "Users" }, { NULL, "a.b" }
	};
	size_t i;

	check_pos(rs, &n->pos, what);
	FUZZ_CHECK(n->text != NULL && n->text[0] != '\0', "%s without text",
	    what);
	FUZZ_CHECK((n->rx != NULL) != (n->name != NULL), "%s: regex %p, "
	    "name %p", what, (void *)n->rx, (void *)n->name);
	if (n->rx != NULL) {
		FUZZ_CHECK(n->schema == NULL, "%s: a regex with a schema",
		    what);
		FUZZ_CHECK(rx_text(n->rx) != NULL && rx_text(n->rx)[0] == '/',
		    "%s: rx_text", what);
	} else {
		FUZZ_CHECK(n->name[0] != '\0', "%s: an empty name (%s)", what,
		    n->text);
		FUZZ_CHECK(n->schema == NULL || n->schema[0] != '\0',
		    "%s: an empty schema (%s)", what, n->text);
		FUZZ_CHECK(rule_name_match(n, n->schema, n->name) == 1,
		    "%s %s does not match itself", what, n->text);
		/* "Quoted" last: the text as written ends with the quote. */
		FUZZ_CHECK(!n->quoted ||
		    n->text[strlen(n->text) - 1] == '"', "%s: quoted, but the "
		    "text %s does not end with '\"' (a NUL byte?)", what,
		    n->text);
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int m = rule_name_match(n, names[i][0], names[i][1]);

		FUZZ_CHECK(m == 0 || m == 1, "%s: match %d", what, m);
	}
}

/* A fixed row: a = 1, b = abc, c NULL, d = 2025-10-01, e = '', boom fails. */
static int
row_get(void *ctx, const struct rule_cond *c, const char **p, size_t *n,
    struct df_error *err)
{
	static const char *const cols[][2] = {
		{ "a", "1" }, { "b", "abc" }, { "c", NULL },
		{ "d", "2025-10-01" }, { "e", "" }, { "x", "-2.5" }
	};
	size_t i;

	(*(unsigned long *)ctx)++;
	FUZZ_CHECK(c->column != NULL, "a comparison without a column");
	if (strcmp(c->column, "boom") == 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "boom");
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		if (strcmp(cols[i][0], c->column) == 0) {
			if (cols[i][1] == NULL)
				return 1;
			*p = cols[i][1];
			*n = strlen(cols[i][1]);
			return 0;
		}
	return 1;
}

static int
eval(const struct rule_cond *c)
{
	struct df_error err;
	unsigned long calls = 0;
	int r;

	memset(&err, 0, sizeof(err));
	r = rule_cond_eval(c, row_get, &calls, &err);
	FUZZ_CHECK(r == 0 || r == 1 || r == -1, "rule_cond_eval gave %d", r);
	FUZZ_CHECK(r != -1 || err.msg[0] != '\0', "-1 without a message");
	return r;
}

/* Check the node's shape; depth bounds the evaluations on deep trees. */
static void
check_cond(const struct rules *rs, const struct rule_cond *c, int depth)
{
	size_t i;
	int r, ra, rb;

	FUZZ_CHECK(c != NULL, "a NULL condition");
	check_pos(rs, &c->pos, "condition");
	switch (c->op) {
	case COND_AND:
	case COND_OR:
		FUZZ_CHECK(c->a != NULL && c->b != NULL, "and/or without "
		    "two operands");
		break;
	case COND_NOT:
		FUZZ_CHECK(c->a != NULL && c->b == NULL, "not's operand");
		break;
	case COND_MATCH:
	case COND_NMATCH:
		FUZZ_CHECK(c->rx != NULL && c->column != NULL, "~ without a "
		    "regex");
		break;
	case COND_IN:
		FUZZ_CHECK(c->nvals >= 1 && c->vals != NULL, "in ()");
		break;
	case COND_NULL:
	case COND_NOTNULL:
		FUZZ_CHECK(c->column != NULL, "is null without a column");
		break;
	case COND_EQ: case COND_NE: case COND_LT: case COND_LE:
	case COND_GT: case COND_GE:
		FUZZ_CHECK(c->nvals == 1 && c->vals != NULL &&
		    c->vals[0].p != NULL && c->column != NULL,
		    "a comparison without one value");
		break;
	default:
		FUZZ_CHECK(0, "operator %d", (int)c->op);
	}
	for (i = 0; i < c->nvals; i++)
		FUZZ_CHECK(c->vals[i].p != NULL &&
		    strlen(c->vals[i].p) <= c->vals[i].len, "value %zu", i);
	if (depth > 64)
		return;
	r = eval(c);
	FUZZ_CHECK(eval(c) == r, "rule_cond_eval is not deterministic");
	/*
	 * Conditions are three-valued (SQL) and rule_cond_eval() says only
	 * "true" (1) or "not true" (0: false or unknown), so the checks
	 * are the implications that hold whatever the unknowns are.
	 */
	if (c->op == COND_NOT) {
		ra = eval(c->a);
		FUZZ_CHECK(ra != -1 || r == -1, "not of an error gave %d", r);
		FUZZ_CHECK(!(ra == 1 && r == 1), "not true gave true");
	} else if (c->op == COND_AND) {
		ra = eval(c->a);
		rb = eval(c->b);
		FUZZ_CHECK(ra != -1 || r == -1, "error and _ gave %d", r);
		FUZZ_CHECK(r != 1 || (ra == 1 && rb == 1), "%d and %d gave "
		    "true", ra, rb);
		FUZZ_CHECK(!(ra == 1 && rb == 1) || r == 1, "true and true "
		    "gave %d", r);
	} else if (c->op == COND_OR) {
		ra = eval(c->a);
		rb = eval(c->b);
		FUZZ_CHECK(ra != -1 || r == -1, "error or _ gave %d", r);
		FUZZ_CHECK(ra != 1 || r == 1, "true or _ gave %d", r);
		FUZZ_CHECK(r != 1 || ra == 1 || rb == 1, "%d or %d gave true",
		    ra, rb);
		FUZZ_CHECK(!(ra == 0 && rb == 1) || r == 1, "not true or true "
		    "gave %d", r);
	}
	if (c->a != NULL)
		check_cond(rs, c->a, depth + 1);
	if (c->b != NULL)
		check_cond(rs, c->b, depth + 1);
}

static void
check_map(const struct rule_map *m)
{
	static const char *const keys[] = { "a", "b", "c\td", "", "zz" };
	const char *p;
	size_t i, n;
	int r;

	FUZZ_CHECK(m != NULL, "map without a map");
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		p = NULL;
		n = 0;
		r = rule_map_get(m, keys[i], strlen(keys[i]), &p, &n);
		FUZZ_CHECK(r >= -1 && r <= 1, "rule_map_get %d", r);
		FUZZ_CHECK(r != 0 || p != NULL, "a value without bytes");
	}
	(void)rule_map_injective(m);
	(void)rule_map_maxchars(m);
	(void)rule_map_all_integers(m, -100, 100);
}

static void
check_action(const struct rules *rs, const struct rule_action *a,
    int injson)
{
	static const char subject[] = "abc 123-45-6789 x@example.com";
	struct df_error err;
	struct buf out;
	const char *name;
	size_t i, c, k;

	check_pos(rs, &a->pos, "action");
	name = rule_action_name(a->kind);
	FUZZ_CHECK(name != NULL && strcmp(name, "?") != 0, "action kind %d",
	    (int)a->kind);
	if (injson) {
		FUZZ_CHECK(a->kind != ACT_JSON && a->kind != ACT_RELINK,
		    "%s inside json", name);
		FUZZ_CHECK(a->when == NULL, "when inside json");
	}
	if (a->salt.p != NULL)
		FUZZ_CHECK(strlen(a->salt.p) <= a->salt.len, "salt");
	switch (a->kind) {
	case ACT_SET:
		FUZZ_CHECK(a->lit.p != NULL, "set without a literal");
		break;
	case ACT_HASH:
		FUZZ_CHECK(a->n1 >= 0 && a->n1 <= 128, "hash %ld", a->n1);
		break;
	case ACT_PARTIAL:
		FUZZ_CHECK(a->n1 >= 0 && a->n2 >= 0, "partial %ld %ld", a->n1,
		    a->n2);
		if (a->lit.p != NULL) {
			for (i = c = 0; i < a->lit.len; i++)
				c += ((unsigned char)a->lit.p[i] &
				    0xc0) != 0x80;
			FUZZ_CHECK(c == 1, "partial's mask of %zu characters",
			    c);
		}
		break;
	case ACT_REPLACE:
		FUZZ_CHECK(a->rx != NULL && a->lit.p != NULL, "replace");
		memset(&err, 0, sizeof(err));
		buf_init(&out, 1u << 20);
		(void)rx_replace(a->rx, a->lit.p, a->lit.len, subject,
		    sizeof(subject) - 1, &out, &err);
		buf_free(&out);
		break;
	case ACT_DATE_SHIFT:
		FUZZ_CHECK(a->n1 >= 1 && a->n1 <= 36500, "date_shift %ld",
		    a->n1);
		break;
	case ACT_NOISE:
		FUZZ_CHECK(a->pct > 0 && a->pct <= 100, "noise %g", a->pct);
		break;
	case ACT_MAP:
		check_map(a->map);
		FUZZ_CHECK(a->map_default != MAP_SET || a->lit.p != NULL,
		    "default 'v' without v");
		break;
	case ACT_JSON:
		FUZZ_CHECK(a->json != NULL && a->json->n >= 1, "empty json");
		for (i = 0; i < a->json->n; i++) {
			const struct json_rule *j = &a->json->rules[i];

			FUZZ_CHECK(j->path != NULL && j->nsteps >= 1,
			    "a json path without steps");
			for (k = 0; k < j->nsteps; k++)
				FUZZ_CHECK(j->steps[k].key == NULL ||
				    strlen(j->steps[k].key) <= j->steps[k].len,
				    "json step");
			check_action(rs, &j->act, 1);
		}
		break;
	case ACT_RELINK:
		FUZZ_CHECK(a->pointer != NULL && a->pointer[0] != '\0',
		    "relink without a pointer");
		for (i = 0; i < a->nby; i++)
			FUZZ_CHECK(a->by[i] != NULL, "relink by");
		FUZZ_CHECK(!a->by_lower || a->nby == 1, "by lower()");
		break;
	default:
		if (a->locale != NULL)
			FUZZ_CHECK(strcmp(a->locale, "en") == 0 ||
			    strcmp(a->locale, "de") == 0, "locale %s",
			    a->locale);
		break;
	}
	if (a->rx != NULL) {
		memset(&err, 0, sizeof(err));
		FUZZ_CHECK(rx_match(a->rx, subject, sizeof(subject) - 1,
		    &err) >= -1, "rx_match");
	}
	if (a->when != NULL)
		check_cond(rs, a->when, 0);
}

static void
check_rules(const struct rules *rs)
{
	size_t i, k, n;

	FUZZ_CHECK(rs->nfiles >= 1, "no file read");
	FUZZ_CHECK((rs->key == KEY_DEFAULT) == (rs->key_arg == NULL),
	    "key %d with argument %p", (int)rs->key, (void *)rs->key_arg);
	if (rs->key != KEY_DEFAULT)
		check_pos(rs, &rs->key_pos, "key");
	n = rs->ntables + rs->ncolumns + rs->ntruncate + rs->nkeep +
	    rs->nrelation + rs->nmissing + rs->nimport +
	    (rs->key != KEY_DEFAULT);
	FUZZ_CHECK(n <= rules_count(rs), "%zu statements of kinds counted, "
	    "rules_count %zu", n, rules_count(rs));
	for (i = 0; i < rs->ntables; i++) {
		check_name(rs, &rs->tables[i].name, "table");
		for (k = 0; k < rs->tables[i].ncols; k++) {
			FUZZ_CHECK(rs->tables[i].cols[k].col.schema == NULL,
			    "a column name with a schema");
			check_name(rs, &rs->tables[i].cols[k].col, "column");
			check_action(rs, &rs->tables[i].cols[k].act, 0);
		}
	}
	for (i = 0; i < rs->ncolumns; i++) {
		check_name(rs, &rs->columns[i].col, "column statement");
		check_action(rs, &rs->columns[i].act, 0);
	}
	for (i = 0; i < rs->nsafe; i++)
		check_name(rs, &rs->safe[i], "safe");
	for (i = 0; i < rs->ntruncate; i++)
		check_name(rs, &rs->truncate[i].name, "truncate");
	for (i = 0; i < rs->nkeep; i++) {
		const struct rule_keep *kp = &rs->keep[i];

		check_name(rs, &kp->table, "keep");
		switch (kp->kind) {
		case KEEP_ALL:
			break;
		case KEEP_WHERE:
			check_cond(rs, kp->where, 0);
			break;
		case KEEP_NEWEST:
			FUZZ_CHECK(kp->n >= 1 && kp->by != NULL, "newest");
			break;
		case KEEP_SAMPLE:
			FUZZ_CHECK(kp->pct > 0 && kp->pct <= 100, "sample %g",
			    kp->pct);
			break;
		default:
			FUZZ_CHECK(0, "keep kind %d", (int)kp->kind);
		}
	}
	for (i = 0; i < rs->nrelation; i++) {
		const struct rule_relation *r = &rs->relation[i];

		check_name(rs, &r->from, "relation");
		check_name(rs, &r->to, "relation");
		FUZZ_CHECK(r->from.rx == NULL && r->to.rx == NULL,
		    "a relation by regex");
		FUZZ_CHECK(r->ncols >= 1 && r->from_cols != NULL &&
		    r->to_cols != NULL, "relation columns");
		for (k = 0; k < r->ncols; k++)
			FUZZ_CHECK(r->from_cols[k] != NULL &&
			    r->to_cols[k] != NULL, "relation column %zu", k);
		if (r->when != NULL)
			check_cond(rs, r->when, 0);
	}
	for (i = 0; i < rs->nfollow; i++)
		check_name(rs, &rs->follow[i], "follow");
	for (i = 0; i < rs->nkeep_table; i++)
		check_name(rs, &rs->keep_table[i], "keep-table");
	for (i = 0; i < rs->nmissing; i++) {
		check_pos(rs, &rs->missing[i].pos, "missing");
		FUZZ_CHECK(rs->missing[i].pointer != NULL, "missing pointer");
		FUZZ_CHECK(rs->missing[i].policy <= MISSING_ERROR &&
		    (rs->missing[i].policy != MISSING_SET ||
		    rs->missing[i].lit.p != NULL), "missing policy");
	}
	for (i = 0; i < rs->nimport; i++) {
		check_pos(rs, &rs->import[i].pos, "import");
		FUZZ_CHECK(rs->import[i].pointer != NULL &&
		    rs->import[i].path != NULL &&
		    rs->import[i].path[0] != '\0', "import");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct df_error err;
	struct rules *rs;

	setup();
	if (unsafe(data, size))
		return 0;
	fuzz_write_file(rules_path, data, size);
	memset(&err, 0, sizeof(err));
	rs = rules_load(rules_path, &err);
	if (rs == NULL) {
		check_message(&err);
		return 0;
	}
	check_rules(rs);
	rules_free(rs);
	return 0;
}
