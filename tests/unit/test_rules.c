/*
 * test_rules: the rules parser (filters/rules.c) against dumprules(5) as
 * written in notes/grammar.txt.  Every test writes its rules (and the map,
 * include and key files they name) into a private temporary directory,
 * loads them with rules_load() and checks the tree: every statement form,
 * the names (bare, schema.table, "Quoted", "s"."t", /regex/flags) and how
 * rule_name_match() compares them, every action with its arguments, json
 * paths, salt and when, conditions and rule_cond_eval() with SQL NULL
 * semantics, the order of values (rule_value_cmp(): numbers with and
 * without exponents, NaN and Infinity, bytes), maps and their queries, includes, key, line continuation,
 * ';' and comments, and the examples of the issue verbatim.
 *
 * Bad inputs: each must fail with DF_EXIT_USAGE and a message that starts
 * "FILE:LINE:COL: " at the offending token.  Each bad input runs in a
 * child process (fork) under a time limit, so that a parser that loops is
 * reported instead of hanging the test, and, when the test is built with
 * -fsanitize=address, the child asks LeakSanitizer whether rules_free()
 * after the failure left anything behind.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "rules.h"
#include "tap.h"
#include "util.h"

/* LeakSanitizer's on-demand check; NULL when not built with ASan. */
extern int	__lsan_do_recoverable_leak_check(void) __attribute__((weak));

static char	tmpdir[256];
/*
 * A known gap for the next bad input: its "fails" and position checks
 * are TODO.
 */
static const char *case_todo;

/* ---- Files ------------------------------------------------------------- */

/* "<tmpdir>/<rel>" in a static buffer of its own (four in rotation). */
static const char *
tpath(const char *rel)
{
	static char b[4][512];
	static int k;
	char *p = b[k++ % 4];

	snprintf(p, sizeof(b[0]), "%s/%s", tmpdir, rel);
	return p;
}

/* Write len bytes to tmpdir/rel (directories made as needed). */
static const char *
put_mem(const char *rel, const char *text, size_t len)
{
	char dir[512], *slash;
	const char *path = tpath(rel);
	FILE *f;

	snprintf(dir, sizeof(dir), "%s", path);
	for (slash = strchr(dir + strlen(tmpdir) + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		(void)mkdir(dir, 0700);
		*slash = '/';
	}
	f = fopen(path, "wb");
	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "test_rules: %s: %s\n", path,
		    strerror(errno));
		exit(99);
	}
	return path;
}

static const char *
put(const char *rel, const char *text)
{
	return put_mem(rel, text, strlen(text));
}

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* ---- Loading ----------------------------------------------------------- */

/* Write text to tmpdir/rel and load it; NULL (and a failed check) if not. */
static struct rules *
load_as(const char *rel, const char *text, const char *what)
{
	struct df_error err;
	struct rules *rs;
	const char *path;

	path = put(rel, text);
	memset(&err, 0, sizeof(err));
	rs = rules_load(path, &err);
	if (!ok(rs != NULL, "%s: loads", what))
		diag("error: %s", err.msg);
	return rs;
}

static int load_n;

static struct rules *
load(const char *text, const char *what)
{
	char rel[64];

	snprintf(rel, sizeof(rel), "ok%d.rules", ++load_n);
	return load_as(rel, text, what);
}

/* ---- Bad inputs, each in a child ------------------------------------- */

struct result {
	int		 done;		/* the child got to the end */
	int		 loaded;
	int		 code;
	int		 leaked;
	char		 msg[512];
};

/*
 * Load path in a child and check that it fails with code 2 and a message
 * "errfile:line:col: ..." containing want; no leak after rules_free().
 */
static void
check_fail(const char *what, const char *path, const char *errfile,
    unsigned long line, unsigned long col, const char *want)
{
	struct result r;
	struct df_error err;
	struct rules *rs;
	char prefix[600];
	size_t got = 0;
	ssize_t n;
	pid_t pid;
	int fd[2], status = 0;

	memset(&r, 0, sizeof(r));
	fflush(stdout);
	if (pipe(fd) == -1) {
		perror("test_rules: pipe");
		exit(99);
	}
	pid = fork();
	if (pid == -1) {
		perror("test_rules: fork");
		exit(99);
	}
	if (pid == 0) {
		close(fd[0]);
		alarm(10);
		memset(&err, 0, sizeof(err));
		rs = rules_load(path, &err);
		r.loaded = rs != NULL;
		r.code = err.code;
		memcpy(r.msg, err.msg, sizeof(r.msg));
		rules_free(rs);
		if (__lsan_do_recoverable_leak_check != NULL)
			r.leaked = __lsan_do_recoverable_leak_check() != 0;
		r.done = 1;
		if (write(fd[1], &r, sizeof(r)) != (ssize_t)sizeof(r))
			_exit(98);
		_exit(0);
	}
	close(fd[1]);
	while (got < sizeof(r)) {
		n = read(fd[0], (char *)&r + got, sizeof(r) - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (!ok(got == sizeof(r) && r.done, "%s: the parser returns", what)) {
		if (WIFSIGNALED(status))
			diag("child killed by signal %d%s", WTERMSIG(status),
			    WTERMSIG(status) == SIGALRM ? " (10 s: a loop?)" :
			    "");
		else
			diag("child exit status %d", WEXITSTATUS(status));
		return;
	}
	if (case_todo != NULL)
		todo(case_todo);
	if (!ok(!r.loaded, "%s: fails", what)) {
		case_todo = NULL;
		return;
	}
	is_int(r.code, DF_EXIT_USAGE, "  code 2 (DF_EXIT_USAGE)");
	snprintf(prefix, sizeof(prefix), "%s:%lu:%lu: ", errfile, line, col);
	if (case_todo != NULL)
		todo(case_todo);
	case_todo = NULL;
	if (!ok(strncmp(r.msg, prefix, strlen(prefix)) == 0,
	    "  at %lu:%lu", line, col))
		diag("got \"%s\"", r.msg);
	if (!ok(strstr(r.msg, want) != NULL, "  says \"%s\"", want))
		diag("got \"%s\"", r.msg);
	ok(!r.leaked, "  rules_free() leaves no leak");
}

static int bad_n;

/* Write text (len bytes) as a new rules file and check that it fails. */
static void
bad_mem(const char *what, const char *text, size_t len, unsigned long line,
    unsigned long col, const char *want)
{
	char rel[64], path[512];

	snprintf(rel, sizeof(rel), "bad%d.rules", ++bad_n);
	snprintf(path, sizeof(path), "%s", put_mem(rel, text, len));
	check_fail(what, path, path, line, col, want);
}

static void
bad(const char *what, const char *text, unsigned long line,
    unsigned long col, const char *want)
{
	bad_mem(what, text, strlen(text), line, col, want);
}

/* ---- Conditions -------------------------------------------------------- */

/* A row: column names and values (NULL value: SQL NULL). */
struct row {
	const char	*names[8];
	const char	*vals[8];
	size_t		 lens[8];	/* 0: strlen */
	int		 calls;
};

static int
row_get(void *ctx, const struct rule_cond *c, const char **p, size_t *n,
    struct df_error *err)
{
	struct row *r = ctx;
	size_t i;

	r->calls++;
	if (strcmp(c->column, "boom") == 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "boom");
	for (i = 0; i < 8 && r->names[i] != NULL; i++)
		if (strcmp(r->names[i], c->column) == 0) {
			if (r->vals[i] == NULL)
				return 1;
			*p = r->vals[i];
			*n = r->lens[i] ? r->lens[i] : strlen(r->vals[i]);
			return 0;
		}
	return 1;
}

/* Parse "column x null when COND" and return the rules. */
static struct rules *
when_rules(const char *cond)
{
	char text[1024];

	snprintf(text, sizeof(text), "column x null when %s\n", cond);
	return load(text, cond);
}

/* Evaluate cond on a row of one column a = v (NULL: SQL NULL). */
static int
eval1(const char *cond, const char *col, const char *v)
{
	struct rules *rs;
	struct df_error err;
	struct row r;
	char text[1024];
	int res = -2;

	memset(&r, 0, sizeof(r));
	r.names[0] = col;
	r.vals[0] = v;
	snprintf(text, sizeof(text), "column x null when %s\n", cond);
	{
		char rel[64];
		const char *path;

		snprintf(rel, sizeof(rel), "ev%d.rules", ++load_n);
		path = put(rel, text);
		memset(&err, 0, sizeof(err));
		rs = rules_load(path, &err);
	}
	if (rs == NULL) {
		diag("%s: %s", cond, err.msg);
		return -2;
	}
	if (rs->ncolumns == 1 && rs->columns[0].act.when != NULL)
		res = rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err);
	rules_free(rs);
	return res;
}

static void
is_eval(const char *cond, const char *col, const char *v, int want)
{
	int got = eval1(cond, col, v);

	if (!ok(got == want, "eval %s with %s = %s%s%s: %d", cond, col,
	    v ? "'" : "", v ? v : "NULL", v ? "'" : "", want))
		diag("got %d", got);
}

/*
 * dumprules(5): "A condition may nest not and parentheses 64 deep and join
 * up to 4096 terms."  Both limits exactly, and the error at the token
 * that passes one.
 */
static void
test_cond_limits(void)
{
	struct rules *rs;
	char *text, *p;
	size_t cap = 64 + 4097 * 9;
	int i, n;

	text = malloc(cap);
	if (text == NULL)
		abort();
	for (n = 4096; n <= 4097; n++) {
		p = text + snprintf(text, cap, "keep t where a = 1");
		for (i = 1; i < n; i++)
			p += snprintf(p, cap - (size_t)(p - text), " or a = 1");
		snprintf(p, cap - (size_t)(p - text), "\n");
		if (n == 4096) {
			rs = load(text, "4096 terms");
			rules_free(rs);
		} else {
			/* The 4096th "or": column 13 + 9 * 4096 - 2. */
			bad("4097 terms", text, 1, 36875,
			    "more than 4096 terms");
		}
	}
	for (n = 64; n <= 65; n++) {
		p = text + snprintf(text, cap, "keep t where ");
		for (i = 0; i < n; i++)
			p += snprintf(p, cap - (size_t)(p - text), "not ");
		snprintf(p, cap - (size_t)(p - text), "a = 1\n");
		if (n == 64) {
			rs = load(text, "not 64 deep");
			rules_free(rs);
		} else {
			bad("not 65 deep", text, 1, 270, "deeper than 64");
		}
		p = text + snprintf(text, cap, "keep t where ");
		for (i = 0; i < n; i++)
			*p++ = '(';
		p += snprintf(p, cap - (size_t)(p - text), "a = 1");
		for (i = 0; i < n; i++)
			*p++ = ')';
		snprintf(p, cap - (size_t)(p - text), "\n");
		if (n == 64) {
			rs = load(text, "( 64 deep");
			rules_free(rs);
		} else {
			bad("( 65 deep", text, 1, 78, "deeper than 64");
		}
	}
	free(text);
}

static void
is_cmp(const char *a, const char *b, int want)
{
	int got = rule_value_cmp(a, strlen(a), b, strlen(b));
	int rev = rule_value_cmp(b, strlen(b), a, strlen(a));

	if (!ok(got == want && rev == -want, "rule_value_cmp(%s, %s) = %d",
	    a, b, want))
		diag("got %d, reversed %d", got, rev);
}

/* m x 10^e spelled as the dumps may: 5, 5.0, 5e3, 5E+3, 5e+03, 05.000e3. */
static void
spell(char *b, size_t size, int how, long long m, int e)
{
	const char *sign = m < 0 ? "-" : "";

	m = m < 0 ? -m : m;
	switch (how) {
	case 0:
		snprintf(b, size, "%s%lld", sign, m);
		break;
	case 1:
		snprintf(b, size, "%s%lld.0", sign, m);
		break;
	case 2:
		snprintf(b, size, "%s%llde%d", sign, m, e);
		break;
	case 3:
		snprintf(b, size, "%s%lldE%+d", sign, m, e);
		break;
	case 4:
		snprintf(b, size, "%s%llde%+03d", sign, m, e);
		break;
	default:
		snprintf(b, size, "%s0%lld.000e%d", sign, m, e);
		break;
	}
}

/*
 * rule_value_cmp(): the numbers of dumprules(5) CONDITIONS and their
 * exact order, and byte order for the rest.
 */
static void
test_value_cmp(void)
{
	char a[64], b[64];
	long long ma, mb, x, y;
	int ea, eb, i, j, k, bad = 0, n = 0;
	unsigned s = 1;

	/* Integers and decimals, as before exponents. */
	is_cmp("9007199254740993", "9007199254740992", 1);
	is_cmp("-0", "0", 0);
	is_cmp("-0.000", "+0", 0);
	is_cmp("007", "7", 0);
	is_cmp("1.50", "1.5", 0);
	is_cmp(".5", "0.5", 0);
	is_cmp("5.", "5", 0);
	is_cmp("-2.5", "-2.49", -1);
	is_cmp("100.5", "100.05", 1);
	is_cmp("10", "9", 1);
	/* Exponents. */
	is_cmp("5e-05", "0.5", -1);
	is_cmp("5e-05", "0.00005", 0);
	is_cmp("1e+100", "1e100", 0);
	is_cmp("1e+100", "1E+0100", 0);
	is_cmp("1e+100", "9.999999999999999e+99", 1);
	is_cmp("-1.5e-07", "-0.00000015", 0);
	is_cmp("-1.5e-07", "-1.4e-07", -1);
	is_cmp("1.5e20", "150000000000000000000", 0);
	is_cmp("1.5e20", "150000000000000000001", -1);
	is_cmp("123.45e2", "12345", 0);
	is_cmp("0.0012345e7", "12345", 0);
	is_cmp("12345e-2", "123.45", 0);
	is_cmp(".5e1", "5", 0);
	is_cmp("9.007199254740993e15", "9007199254740992", 1);
	is_cmp("9.007199254740993e15", "9007199254740993", 0);
	/* Negative zero, and zero with any exponent. */
	is_cmp("-0e5", "0", 0);
	is_cmp("-0.0e-999999999999999999999", "0", 0);
	is_cmp("0e99999999999999999999999", "1e-99999999999999999999999", -1);
	is_cmp("-0", "-1e-400", 1);
	/* Huge exponents: exact, no overflow, no allocation. */
	is_cmp("1e999999999", "9e999999998", 1);
	is_cmp("1e999999999999999999999", "1e999999999999999999998", 1);
	is_cmp("1e999999999999999999999", "10e999999999999999999998", 0);
	is_cmp("100000e9999999999999999995", "1e10000000000000000000", 0);
	is_cmp("100000e9999999999999999995", "1.1e10000000000000000000",
	    -1);
	is_cmp("0.001e1000000000000000000003", "1e1000000000000000000000", 0);
	is_cmp("1e-99999999999999999999", "1e-99999999999999999998", -1);
	is_cmp("-1e99999999999999999999", "-1e99999999999999999998", -1);
	is_cmp("1e99999999999999999999", "-1e99999999999999999999", 1);
	is_cmp("1e-99999999999999999999", "1e99999999999999999999", -1);
	is_cmp("1e00000000000000000000000000000000000000005", "100000", 0);
	is_cmp("1e18446744073709551616", "1e18446744073709551615", 1);
	is_cmp("1e9223372036854775808", "1e-9223372036854775808", 1);
	/* NaN, Infinity, -Infinity: PostgreSQL's order. */
	is_cmp("NaN", "NaN", 0);
	is_cmp("NaN", "Infinity", 1);
	is_cmp("Infinity", "Infinity", 0);
	is_cmp("Infinity", "1e99999999999999999999", 1);
	is_cmp("-Infinity", "-1e99999999999999999999", -1);
	is_cmp("-Infinity", "-Infinity", 0);
	is_cmp("-Infinity", "NaN", -1);
	is_cmp("-Infinity", "0", -1);
	is_cmp("-Infinity", "-5", -1);
	/* Not numbers: byte order, a prefix first. */
	is_cmp("inf", "5", 1);
	is_cmp("nan", "NaN", 1);
	is_cmp("+Infinity", "-Infinity", -1);
	is_cmp("1e", "1", 1);
	is_cmp("1e+", "1", 1);
	is_cmp("e5", "5", 1);
	is_cmp(".e5", "5", -1);
	is_cmp("1e5x", "1e5", 1);
	is_cmp("1e5.5", "1e5", 1);
	is_cmp("1e--5", "1e", 1);
	is_cmp("0x10", "16", -1);
	is_cmp(" 1", "1", -1);
	is_cmp("2025-01-05", "2025-01-04", 1);
	is_cmp("2025-01-05", "2025-01-05 00:00:00", -1);
	is_cmp("", "", 0);
	is_cmp("", "0", -1);
	/* Long numbers: 1000 digits, the last one differing. */
	{
		char la[1001], lb[1001];

		memset(la, '7', 1000);
		la[1000] = '\0';
		memcpy(lb, la, sizeof(lb));
		lb[999] = '8';
		is_cmp(la, lb, -1);
		la[0] = '-';
		lb[0] = '-';
		is_cmp(la, lb, 1);
		la[500] = '.';
		lb[500] = '.';
		is_cmp(la, lb, 1);
		/* 1777...7.7...7e99: 500 integer digits, about 1.8e598. */
		la[0] = '1';
		memcpy(la + 997, "e99", 3);
		is_cmp(la, "1e598", 1);
		is_cmp(la, "2e598", -1);
	}
	/*
	 * Against integer arithmetic: m x 10^e, small enough for long long
	 * once scaled to the lowest exponent, in the spellings of the dumps
	 * (plain, 1e5, 1E+5, 1e+05, 01.000e5).
	 */
	for (i = 0; i < 20000; i++) {
		s = s * 1103515245u + 12345u;
		ma = (long long)(s >> 8 & 2047) - 1024;
		ea = (int)(s >> 20 & 7) - 3;
		s = s * 1103515245u + 12345u;
		mb = (i & 3) == 0 ? ma * 10 : (long long)(s >> 8 & 2047) - 1024;
		eb = (i & 3) == 0 ? ea - 1 : (int)(s >> 20 & 7) - 3;
		j = (int)(s >> 24 & 0xff) % 6;
		k = (int)(s >> 16 & 0xff) % 6;
		if (j == 0 && ea != 0)
			j = 2;
		if (k == 0 && eb != 0)
			k = 3;
		if (j == 1 && ea != 0)
			j = 4;
		if (k == 1 && eb != 0)
			k = 5;
		spell(a, sizeof(a), j, ma, ea);
		spell(b, sizeof(b), k, mb, eb);
		x = ma;
		y = mb;
		for (; ea > eb; ea--)
			x *= 10;
		for (; eb > ea; eb--)
			y *= 10;
		n++;
		if (rule_value_cmp(a, strlen(a), b, strlen(b)) !=
		    (x > y) - (x < y)) {
			if (bad++ < 5)
				diag("%s against %s", a, b);
		}
	}
	ok(bad == 0, "rule_value_cmp agrees with integers on %d pairs", n);
}

static void
test_cond_eval(void)
{
	struct rules *rs;
	struct df_error err;
	struct row r;
	const struct rule_cond *c;

	/* = != with SQL NULL semantics: NULL makes every comparison false. */
	is_eval("a = 'x'", "a", "x", 1);
	is_eval("a = 'x'", "a", "y", 0);
	is_eval("a = 'x'", "a", NULL, 0);
	is_eval("a != 'x'", "a", "y", 1);
	is_eval("a != 'x'", "a", "x", 0);
	is_eval("a != 'x'", "a", NULL, 0);
	is_eval("a < 'x'", "a", NULL, 0);
	is_eval("a >= 'x'", "a", NULL, 0);
	is_eval("a is null", "a", NULL, 1);
	is_eval("a is null", "a", "", 0);
	is_eval("a is not null", "a", NULL, 0);
	is_eval("a is not null", "a", "", 1);
	is_eval("a = ''", "a", "", 1);
	is_eval("a = ''", "a", NULL, 0);
	/* Numbers compare as numbers when both sides are numbers. */
	is_eval("n < 10", "n", "9", 1);
	is_eval("n > 9.5", "n", "10", 1);
	is_eval("n = 5", "n", "5.0", 1);
	is_eval("n = 5", "n", "05", 1);
	is_eval("n = -5", "n", "-5", 1);
	is_eval("n <= -5", "n", "-6", 1);
	is_eval("n >= 100", "n", "99", 0);
	is_eval("n != 1", "n", "1.00", 0);
	/* Exactly, in decimal, whatever the length: no rounding to double. */
	is_eval("n = 9007199254740993", "n", "9007199254740992", 0);
	is_eval("n > 9007199254740992", "n", "9007199254740993", 1);
	is_eval("n = 0.1", "n", "0.1000000000000000055511151231257827", 0);
	is_eval("n = -0", "n", "0.000", 1);
	is_eval("n < 0", "n", "-0", 0);
	is_eval("n = 007", "n", "7", 1);
	is_eval("n = 1.5", "n", "+1.50", 1);
	is_eval("n = .5", "n", "0.5", 1);
	is_eval("n < -0.5", "n", "-0.51", 1);
	is_eval("n > 5", "n", "1234567890123456789012345678901234567890"
	    "1234567890123456789012345678", 1);
	is_eval("n < 12345678901234567890123456789012345678901234567890"
	    "123456789012345678", "n", "2", 1);
	/*
	 * Exponents, as PostgreSQL (5e-05, 1e+100) and MySQL (1e-5, 1.5e20)
	 * write floats: numbers, exactly; in the rules too, '+' and all.
	 */
	is_eval("v > 0.5", "v", "5e-05", 0);
	is_eval("v < 0.5", "v", "5e-05", 1);
	is_eval("v = 0.00005", "v", "5e-05", 1);
	is_eval("v = 0.00005", "v", "5e-5", 1);
	is_eval("v > 1e-5", "v", "5e-05", 1);
	is_eval("v = 1E3", "v", "1000", 1);
	is_eval("v = 1e+3", "v", "1000.0", 1);
	is_eval("v < 1e+100", "v", "1e+99", 1);
	is_eval("v > 1e+100", "v", "1.0000000000000001e+100", 1);
	is_eval("v > 100000000000000000000", "v", "1.5e+20", 1);
	is_eval("v = 150000000000000000000", "v", "1.5e20", 1);
	is_eval("v < -0.0000001", "v", "-1.5e-07", 1);
	is_eval("v = 9007199254740992", "v", "9.007199254740993e15", 0);
	is_eval("v > 9007199254740992", "v", "9.007199254740993e15", 1);
	is_eval("v in (1, 2e3)", "v", "2000", 1);
	is_eval("v = .5e1", "v", "5", 1);
	/* An exponent of any length: no overflow, no rounding. */
	is_eval("v > 1e999999999", "v", "1e1000000000", 1);
	is_eval("v > 0", "v", "1e-99999999999999999999999999", 1);
	is_eval("v < 0", "v", "-1e-99999999999999999999999999", 1);
	is_eval("v > 99999e99999999999999999999", "v",
	    "1e100000000000000000004", 1);
	is_eval("v = 1", "v", "1e-0000000000000000000000000000", 1);
	/* NaN, Infinity, -Infinity: PostgreSQL's order. */
	is_eval("v > 0.5", "v", "NaN", 1);
	is_eval("v > 1e999999999999", "v", "Infinity", 1);
	is_eval("v < -1e999999999999", "v", "-Infinity", 1);
	is_eval("v < 0", "v", "-Infinity", 1);
	is_eval("v = NaN", "v", "NaN", 1);
	is_eval("v > Infinity", "v", "NaN", 1);
	is_eval("v < Infinity", "v", "1e308", 1);
	is_eval("v > -Infinity", "v", "-1e308", 1);
	is_eval("v = Infinity", "v", "Infinity", 1);
	/* Spelled otherwise, a word: byte order. */
	is_eval("v < 5", "v", "inf", 0);
	is_eval("v < 5", "v", "+Infinity", 1);
	is_eval("v = NaN", "v", "nan", 0);
	is_eval("v > 0", "v", "1e", 1);
	is_eval("v < 2", "v", "1e+", 1);
	is_eval("v = 100", "v", "1e2.0", 0);
	/* ... else byte-wise: a quoted value, or a column that is no number. */
	is_eval("v < '0.5'", "v", "5e-05", 0);
	is_eval("n < '10'", "n", "9", 0);
	is_eval("n > '10'", "n", "9", 1);
	is_eval("n < 10", "n", "abc", 0);
	is_eval("n = 5", "n", "5x", 0);
	is_eval("d >= '2025-10-01'", "d", "2025-10-01 00:00:00", 1);
	is_eval("d >= '2025-10-01'", "d", "2025-09-30", 0);
	is_eval("d < '2025-10-01'", "d", "2025-09-30T23:59:59Z", 1);
	is_eval("d > 'abc'", "d", "abcd", 1);
	is_eval("d < 'abc'", "d", "ab", 1);
	is_eval("d <= 'abc'", "d", "abc", 1);
	is_eval("d > 'a'", "d", "\xc3\xa9", 1);	/* bytes, unsigned */
	/* ~ and !~ */
	is_eval("e ~ /@example\\.com$/", "e", "a@example.com", 1);
	is_eval("e ~ /@example\\.com$/", "e", "a@example.org", 0);
	is_eval("e ~ /^A/i", "e", "abc", 1);
	is_eval("e ~ /^A/", "e", "abc", 0);
	is_eval("e !~ /^A/", "e", "abc", 1);
	is_eval("e !~ /^a/", "e", "abc", 0);
	is_eval("e ~ /x/", "e", NULL, 0);
	is_eval("e !~ /x/", "e", NULL, 0);
	/* in */
	is_eval("t in ('a', 'b', 3)", "t", "b", 1);
	is_eval("t in ('a', 'b', 3)", "t", "3", 1);
	is_eval("t in ('a', 'b', 3)", "t", "3.0", 1);
	is_eval("t in ('a', 'b', 3)", "t", "c", 0);
	is_eval("t in ('a', 'b', 3)", "t", NULL, 0);
	is_eval("t in ('a')", "t", "a", 1);
	/* not, and, or; precedence not > and > or; parentheses. */
	is_eval("not a = 'x'", "a", "y", 1);
	is_eval("not a = 'x'", "a", "x", 0);
	is_eval("a = 'x' or a = 'y'", "a", "y", 1);
	is_eval("a = 'x' and a = 'y'", "a", "y", 0);
	is_eval("not not a = 'x'", "a", "x", 1);
	is_eval("a is null or a = 'x'", "a", NULL, 1);
	/*
	 * SQL: NOT (NULL = 'x') is unknown, so the row does not qualify;
	 * the parser evaluates in two values and says true.
	 */
	is_eval("not a = 'x'", "a", NULL, 0);

	/* The shape of the tree. */
	rs = when_rules("a = 1 or b = 1 and c = 1");
	if (rs != NULL) {
		c = rs->columns[0].act.when;
		ok(c->op == COND_OR && c->a->op == COND_EQ &&
		    c->b->op == COND_AND, "and binds tighter than or");
		is_str(c->a->column, "a", "  left column");
		is_str(c->b->a->column, "b", "  and's left column");
		is_int(c->b->a->vals[0].number, 1, "  a bare number");
		rules_free(rs);
	}
	rs = when_rules("not a = 1 and b = 1");
	if (rs != NULL) {
		c = rs->columns[0].act.when;
		ok(c->op == COND_AND && c->a->op == COND_NOT &&
		    c->a->a->op == COND_EQ, "not binds tighter than and");
		rules_free(rs);
	}
	rs = when_rules("(a = 1 or b = 1) and c = 1");
	if (rs != NULL) {
		c = rs->columns[0].act.when;
		ok(c->op == COND_AND && c->a->op == COND_OR,
		    "parentheses group");
		rules_free(rs);
	}
	rs = when_rules("a = 1 or b = 1 or c = 1");
	if (rs != NULL) {
		c = rs->columns[0].act.when;
		ok(c->op == COND_OR && c->a->op == COND_OR &&
		    c->b->op == COND_EQ, "or is left-associative");
		rules_free(rs);
	}
	rs = when_rules("a = 'it''s' and b in ('x', 2.5, -3) and "
	    "c != 'a\\tb\\x41\\0z'");
	if (rs != NULL) {
		c = rs->columns[0].act.when;
		ok(c->op == COND_AND && c->a->op == COND_AND,
		    "a and b and c");
		is_mem(c->a->a->vals[0].p, c->a->a->vals[0].len, "it's", 4,
		    "  '' is a quote");
		is_int(c->a->a->vals[0].number, 0, "  a string is no number");
		is_int(c->a->b->op, COND_IN, "  in");
		is_int((long long)c->a->b->nvals, 3, "  three values");
		is_str(c->a->b->vals[1].p, "2.5", "  2.5");
		is_int(c->a->b->vals[1].number, 1, "  2.5 is a number");
		is_str(c->a->b->vals[2].p, "-3", "  -3");
		is_int(c->b->op, COND_NE, "  !=");
		is_mem(c->b->vals[0].p, c->b->vals[0].len, "a\tbA\0z", 6,
		    "  escapes \\t \\x41 \\0 decoded");
		rules_free(rs);
	}
	/* Every operator's code. */
	{
		static const struct {
			const char	*cond;
			enum cond_op	 op;
		} ops[] = {
			{ "a = 1", COND_EQ }, { "a != 1", COND_NE },
			{ "a < 1", COND_LT }, { "a <= 1", COND_LE },
			{ "a > 1", COND_GT }, { "a >= 1", COND_GE },
			{ "a ~ /x/", COND_MATCH }, { "a !~ /x/", COND_NMATCH },
			{ "a in (1)", COND_IN }, { "a is null", COND_NULL },
			{ "a is not null", COND_NOTNULL },
			{ "a>=1", COND_GE }, { "a<=-1", COND_LE },
			{ "a!=1", COND_NE }, { "a~/x/", COND_MATCH },
			{ "\"A b\" = 1", COND_EQ }, { "A IS NOT NULL",
			    COND_NOTNULL }
		};
		size_t i;

		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
			rs = when_rules(ops[i].cond);
			if (rs == NULL)
				continue;
			c = rs->columns[0].act.when;
			is_int(c->op, ops[i].op, "  operator");
			rules_free(rs);
		}
	}
	rs = when_rules("\"A b\" = 1");
	if (rs != NULL) {
		is_str(rs->columns[0].act.when->column, "A b",
		    "a quoted column in a condition, unquoted");
		rules_free(rs);
	}
	/* Newlines inside parentheses and in lists. */
	rs = load("column x null when (a = 1 or\n"
	    "    b = 2) and c in ('x',\n"
	    "    'y'\n"
	    ")\n"
	    "column y null\n", "newlines inside ( )");
	if (rs != NULL) {
		is_int((long long)rs->ncolumns, 2, "  the next statement "
		    "after )");
		c = rs->columns[0].act.when;
		ok(c->op == COND_AND && c->a->op == COND_OR &&
		    c->b->op == COND_IN && c->b->nvals == 2, "  tree");
		is_int((long long)c->b->pos.line, 2, "  in's line");
		rules_free(rs);
	}
	/* Getter: many columns, short-circuit, errors. */
	rs = when_rules("a = 1 and (b ~ /^x/ or boom = 1)");
	if (rs != NULL) {
		memset(&r, 0, sizeof(r));
		r.names[0] = "a";
		r.vals[0] = "1";
		r.names[1] = "b";
		r.vals[1] = "xyz";
		memset(&err, 0, sizeof(err));
		is_int(rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err), 1, "or does not evaluate its right side when the "
		    "left holds");
		is_int(r.calls, 2, "  two lookups");
		r.vals[1] = "y";
		is_int(rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err), -1, "a getter error gives -1");
		is_str(err.msg, "boom", "  the getter's message");
		r.vals[0] = "2";
		r.calls = 0;
		is_int(rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err), 0, "and stops at a false left side");
		is_int(r.calls, 1, "  one lookup");
		rules_free(rs);
	}
	/* Values with NUL bytes compare by length. */
	rs = when_rules("a = 'x\\0y'");
	if (rs != NULL) {
		memset(&r, 0, sizeof(r));
		r.names[0] = "a";
		r.vals[0] = "x\0y";
		r.lens[0] = 3;
		is_int(rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err), 1, "a NUL byte inside a value");
		r.lens[0] = 1;
		is_int(rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err), 0, "  a prefix is not equal");
		rules_free(rs);
	}
	rs = when_rules("a ~ /y$/");
	if (rs != NULL) {
		memset(&r, 0, sizeof(r));
		r.names[0] = "a";
		r.vals[0] = "x\0y";
		r.lens[0] = 3;
		is_int(rule_cond_eval(rs->columns[0].act.when, row_get, &r,
		    &err), 1, "a regex sees past a NUL byte");
		rules_free(rs);
	}
}

/* ---- Names ------------------------------------------------------------- */

static void
test_names(void)
{
	struct rules *rs;
	const struct rule_name *n;

	rs = load("table Users { a null }\n"
	    "table public.users { a null }\n"
	    "table \"Quoted Name\" { a null }\n"
	    "table \"s\".\"t\" { a null }\n"
	    "table s.\"T\" { a null }\n"
	    "table \"S\".t { a null }\n"
	    "table /^user/i { a null }\n"
	    "table /^public\\.users$/ { a null }\n"
	    "table /^users$/ { a null }\n"
	    "table caf\xc3\xa9 { a null }\n"
	    "table \"a\"\"b\" { a null }\n"
	    "table \"x.y\" { a null }\n", "table names");
	if (rs == NULL)
		return;
	is_int((long long)rs->ntables, 12, "twelve tables");
	if (rs->ntables != 12) {
		rules_free(rs);
		return;
	}
	n = &rs->tables[0].name;
	ok(n->schema == NULL && n->rx == NULL && !n->quoted, "bare: no "
	    "schema, not quoted");
	is_str(n->name, "Users", "  name as written");
	is_str(n->text, "Users", "  text");
	is_int((long long)n->pos.line, 1, "  line");
	is_int((long long)n->pos.col, 7, "  column");
	ok(rule_name_match(n, NULL, "users"), "  matches users (case)");
	ok(rule_name_match(n, NULL, "USERS"), "  matches USERS");
	ok(rule_name_match(n, "public", "users"), "  any schema");
	ok(!rule_name_match(n, NULL, "user"), "  not user");
	ok(!rule_name_match(n, NULL, "users2"), "  not users2");

	n = &rs->tables[1].name;
	is_str(n->schema, "public", "schema.table: schema");
	is_str(n->name, "users", "  name");
	is_str(n->text, "public.users", "  text");
	ok(rule_name_match(n, "public", "users"), "  matches public.users");
	ok(rule_name_match(n, "PUBLIC", "Users"), "  case-insensitive");
	/* A table of no known schema matches on its name: fail safe. */
	ok(rule_name_match(n, NULL, "users"), "  no schema known: by name");
	ok(!rule_name_match(n, "other", "users"), "  other.users no");
	ok(!rule_name_match(n, "public", "other"), "  public.other no");

	n = &rs->tables[2].name;
	is_str(n->name, "Quoted Name", "\"Quoted Name\"");
	ok(n->quoted && n->schema == NULL, "  quoted, no schema");
	is_str(n->text, "\"Quoted Name\"", "  text");
	ok(rule_name_match(n, NULL, "Quoted Name"), "  exact");
	ok(!rule_name_match(n, NULL, "quoted name"), "  exact only");
	ok(rule_name_match(n, "x", "Quoted Name"), "  any schema");

	n = &rs->tables[3].name;
	is_str(n->schema, "s", "\"s\".\"t\": schema");
	is_str(n->name, "t", "  name");
	ok(n->quoted, "  quoted");
	ok(rule_name_match(n, "s", "t"), "  matches s.t");
	ok(!rule_name_match(n, "S", "t"), "  not S.t");
	ok(!rule_name_match(n, "s", "T"), "  not s.T");
	ok(rule_name_match(n, NULL, "t"), "  no schema known: by name");

	n = &rs->tables[4].name;
	is_str(n->schema, "s", "s.\"T\": schema");
	is_str(n->name, "T", "  name");
	ok(rule_name_match(n, "s", "T"), "  matches s.T");
	ok(!rule_name_match(n, "s", "t"), "  the quoted part is exact");
	/* The bare schema compares case-insensitively. */
	ok(rule_name_match(n, "S", "T"), "  matches S.T (bare schema)");

	n = &rs->tables[5].name;
	is_str(n->schema, "S", "\"S\".t: schema");
	ok(rule_name_match(n, "S", "T"), "  matches S.T (bare name)");
	/* The quoted schema compares exactly. */
	ok(!rule_name_match(n, "s", "t"), "  not s.t (quoted schema)");

	n = &rs->tables[6].name;
	ok(n->rx != NULL && n->name == NULL, "/^user/i: a regex");
	is_str(n->text, "/^user/i", "  text");
	is_str(rx_text(n->rx), "/^user/i", "  rx_text");
	ok(rule_name_match(n, NULL, "Users"), "  matches Users");
	ok(rule_name_match(n, "x", "user_roles"), "  matches x.user_roles");
	ok(!rule_name_match(n, NULL, "superusers"), "  anchored");

	n = &rs->tables[7].name;
	ok(rule_name_match(n, "public", "users"), "/^public\\.users$/ "
	    "matches schema.name");
	ok(!rule_name_match(n, NULL, "users"), "  not the bare name");
	ok(!rule_name_match(n, "Public", "users"), "  case-sensitive");

	n = &rs->tables[8].name;
	ok(rule_name_match(n, "public", "users"), "/^users$/ matches the "
	    "bare name with a schema");
	ok(!rule_name_match(n, NULL, "Users"), "  no i: case-sensitive");

	n = &rs->tables[9].name;
	is_str(n->name, "caf\xc3\xa9", "bytes >= 0x80 in a bare name");
	is_str(rs->tables[10].name.name, "a\"b", "\"\" in a quoted name");
	n = &rs->tables[11].name;
	ok(n->schema == NULL, "\"x.y\": the dot is part of the name");
	is_str(n->name, "x.y", "  name x.y");
	ok(rule_name_match(n, NULL, "x.y"), "  matches x.y");
	ok(!rule_name_match(n, "x", "y"), "  not x.y as schema.table");
	rules_free(rs);

	/* Column names in a table block and column statements. */
	rs = load("table t {\n"
	    "\temail email\n"
	    "\t\"Mixed Case\" null\n"
	    "\t/^x_/i null\n"
	    "}\n"
	    "column /(^|_)e?mail$/i email\n"
	    "column \"Note\" null\n"
	    "column phone digits\n", "column names");
	if (rs == NULL)
		return;
	if (rs->ntables == 1 && rs->tables[0].ncols == 3 &&
	    rs->ncolumns == 3) {
		n = &rs->tables[0].cols[0].col;
		is_str(n->name, "email", "column email");
		is_int((long long)n->pos.line, 2, "  line 2");
		is_int((long long)n->pos.col, 2, "  col 2 (after a tab)");
		ok(rule_name_match(n, NULL, "EMAIL"), "  bare: any case");
		n = &rs->tables[0].cols[1].col;
		ok(rule_name_match(n, NULL, "Mixed Case") &&
		    !rule_name_match(n, NULL, "mixed case"), "quoted column "
		    "exact");
		n = &rs->tables[0].cols[2].col;
		ok(n->rx != NULL && rule_name_match(n, NULL, "X_y"),
		    "regex column");
		n = &rs->columns[0].col;
		ok(rule_name_match(n, NULL, "email") &&
		    rule_name_match(n, NULL, "user_mail") &&
		    rule_name_match(n, NULL, "Work_EMail") &&
		    !rule_name_match(n, NULL, "emails") &&
		    !rule_name_match(n, NULL, "gmail"),
		    "column /(^|_)e?mail$/i");
		is_int(rs->columns[0].act.kind, ACT_EMAIL, "  email");
		ok(rule_name_match(&rs->columns[1].col, NULL, "Note") &&
		    !rule_name_match(&rs->columns[1].col, NULL, "note"),
		    "column \"Note\" exact");
		ok(rule_name_match(&rs->columns[2].col, NULL, "Phone"),
		    "column phone");
	} else {
		ok(0, "column names: 1 table of 3 columns, 3 column "
		    "statements");
	}
	rules_free(rs);
}

/* ---- Actions ----------------------------------------------------------- */

static void
test_actions(void)
{
	static const struct {
		const char	*col;
		enum action_kind kind;
	} kinds[] = {
		{ "a", ACT_KEEP }, { "b", ACT_NULL }, { "c", ACT_EMPTY },
		{ "d", ACT_SET }, { "e", ACT_HASH }, { "f", ACT_HASH },
		{ "g", ACT_EMAIL }, { "h", ACT_FIRST_NAME },
		{ "i", ACT_LAST_NAME }, { "j", ACT_FULL_NAME },
		{ "k", ACT_USERNAME }, { "l", ACT_COMPANY },
		{ "m", ACT_STREET }, { "n", ACT_CITY }, { "o", ACT_ZIP },
		{ "p", ACT_COUNTRY }, { "q", ACT_PHONE },
		{ "r", ACT_DIGITS }, { "s", ACT_PARTIAL },
		{ "t", ACT_PARTIAL }, { "u", ACT_REPLACE },
		{ "v", ACT_UUID }, { "w", ACT_IPV4 }, { "x", ACT_IPV6 },
		{ "y", ACT_CREDIT_CARD }, { "z", ACT_DATE_SHIFT },
		{ "aa", ACT_NOISE }, { "ab", ACT_MAP }, { "ac", ACT_MAP },
		{ "ad", ACT_MAP }, { "ae", ACT_MAP }, { "af", ACT_JSON },
		{ "ag", ACT_RELINK }, { "ah", ACT_RELINK },
		{ "ai", ACT_RELINK }, { "aj", ACT_HASH }, { "ak", ACT_NULL },
		{ "al", ACT_HASH }, { "am", ACT_NOISE }, { "an", ACT_PARTIAL },
		{ "ao", ACT_FIRST_NAME }
	};
	const size_t nkinds = sizeof(kinds) / sizeof(kinds[0]);
	const struct rule_action *a;
	const struct rule_table *t;
	struct rules *rs;
	const char *p;
	size_t i, n;
	int k;

	put("am.tsv", "a\t1\n");
	rs = load("table t {\n"
	    "  a keep\n"
	    "  b null\n"
	    "  c empty\n"
	    "  d set 'it''s\\n'\n"
	    "  e hash\n"
	    "  f hash 8\n"
	    "  g email\n"
	    "  h first_name\n"
	    "  i last_name de\n"
	    "  j full_name en\n"
	    "  k username\n"
	    "  l company de\n"
	    "  m street\n"
	    "  n city de\n"
	    "  o zip\n"
	    "  p country de\n"
	    "  q phone\n"
	    "  r digits\n"
	    "  s partial 2 3\n"
	    "  t partial 1 0 '#'\n"
	    "  u replace /(\\d+)-x/ '$1-y'\n"
	    "  v uuid\n"
	    "  w ipv4\n"
	    "  x ipv6\n"
	    "  y credit_card\n"
	    "  z date_shift 30\n"
	    "  aa noise 2.5\n"
	    "  ab map \"am.tsv\"\n"
	    "  ac map \"am.tsv\" default 'dflt'\n"
	    "  ad map \"am.tsv\" default keep\n"
	    "  ae map am.tsv default null\n"
	    "  af json { x null }\n"
	    "  ag relink ptr\n"
	    "  ah relink ptr by a, b\n"
	    "  ai relink ptr by lower(email)\n"
	    "  aj hash 16 salt 'pepper'\n"
	    "  ak null when tier = 'vip'\n"
	    "  al hash salt 's' when a is not null\n"
	    "  am noise 5%\n"
	    "  an partial 0 4 '\xc3\xa9'\n"
	    "  ao FIRST_NAME DE SALT 'x'\n"
	    "}\n", "every action");
	if (rs == NULL)
		return;
	if (!ok(rs->ntables == 1 && rs->tables[0].ncols == nkinds,
	    "%zu column rules", nkinds)) {
		rules_free(rs);
		return;
	}
	t = &rs->tables[0];
	for (i = 0; i < nkinds; i++) {
		is_str(t->cols[i].col.name, kinds[i].col, "  column name");
		if (!is_int(t->cols[i].act.kind, kinds[i].kind, "  kind"))
			diag("column %s", kinds[i].col);
		is_int((long long)t->cols[i].act.pos.line, (long long)i + 2,
		    "  action line");
	}
	is_int((long long)t->cols[0].act.pos.col, 5, "action column");
	a = &t->cols[3].act;
	is_mem(a->lit.p, a->lit.len, "it's\n", 5, "set 'it''s\\n'");
	is_int(t->cols[4].act.n1, 0, "hash: default 0");
	is_int(t->cols[5].act.n1, 8, "hash 8");
	ok(t->cols[7].act.locale == NULL ||
	    strcmp(t->cols[7].act.locale, "en") == 0, "first_name: en");
	is_str(t->cols[8].act.locale, "de", "last_name de");
	is_str(t->cols[9].act.locale, "en", "full_name en");
	is_str(t->cols[11].act.locale, "de", "company de");
	is_str(t->cols[13].act.locale, "de", "city de");
	is_str(t->cols[15].act.locale, "de", "country de");
	is_str(t->cols[40].act.locale, "de", "FIRST_NAME DE");
	is_str(t->cols[40].act.salt.p, "x", "  SALT 'x'");
	a = &t->cols[18].act;
	ok(a->n1 == 2 && a->n2 == 3, "partial 2 3");
	ok(a->lit.p == NULL || strcmp(a->lit.p, "*") == 0, "  mask '*'");
	a = &t->cols[19].act;
	ok(a->n1 == 1 && a->n2 == 0, "partial 1 0 '#'");
	is_str(a->lit.p, "#", "  mask '#'");
	a = &t->cols[39].act;
	ok(a->n1 == 0 && a->n2 == 4, "partial 0 4");
	is_str(a->lit.p, "\xc3\xa9", "  a two-byte mask character");
	a = &t->cols[20].act;
	ok(a->rx != NULL, "replace: a regex");
	is_str(a->rx ? rx_text(a->rx) : NULL, "/(\\d+)-x/", "  rx_text");
	is_str(a->lit.p, "$1-y", "  template");
	is_int(t->cols[25].act.n1, 30, "date_shift 30");
	ok(t->cols[26].act.pct == 2.5, "noise 2.5");
	ok(t->cols[38].act.pct == 5, "noise 5%%");
	for (i = 27; i <= 30; i++)
		ok(t->cols[i].act.map != NULL, "map loaded");
	is_int(t->cols[27].act.map_default, MAP_ERROR, "map: no default");
	is_int(t->cols[28].act.map_default, MAP_SET, "default 'dflt'");
	is_str(t->cols[28].act.lit.p, "dflt", "  the literal");
	is_int(t->cols[29].act.map_default, MAP_KEEP, "default keep");
	is_int(t->cols[30].act.map_default, MAP_NULL, "default null "
	    "(bare path)");
	ok(t->cols[31].act.json != NULL && t->cols[31].act.json->n == 1,
	    "json { x null }");
	a = &t->cols[32].act;
	ok(a->pointer != NULL && strcmp(a->pointer, "ptr") == 0 &&
	    a->nby == 0, "relink ptr");
	a = &t->cols[33].act;
	ok(a->nby == 2 && !a->by_lower && strcmp(a->by[0], "a") == 0 &&
	    strcmp(a->by[1], "b") == 0, "relink ptr by a, b");
	a = &t->cols[34].act;
	ok(a->nby == 1 && a->by_lower && strcmp(a->by[0], "email") == 0,
	    "relink ptr by lower(email)");
	a = &t->cols[35].act;
	ok(a->n1 == 16 && a->salt.p != NULL &&
	    strcmp(a->salt.p, "pepper") == 0 && a->when == NULL,
	    "hash 16 salt 'pepper'");
	ok(t->cols[4].act.salt.p == NULL, "no salt: NULL");
	a = &t->cols[36].act;
	ok(a->when != NULL && a->when->op == COND_EQ &&
	    strcmp(a->when->column, "tier") == 0 &&
	    strcmp(a->when->vals[0].p, "vip") == 0, "null when tier = 'vip'");
	is_int((long long)a->when->pos.col, 16, "  the condition's column");
	a = &t->cols[37].act;
	ok(a->salt.p != NULL && a->when != NULL &&
	    a->when->op == COND_NOTNULL, "hash salt 's' when a is not null");
	rules_free(rs);

	for (k = ACT_KEEP; k <= ACT_RELINK; k++) {
		p = rule_action_name((enum action_kind)k);
		ok(p != NULL && strcmp(p, "?") != 0,
		    "rule_action_name(%d) = %s", k, p ? p : "NULL");
	}
	is_str(rule_action_name(ACT_FIRST_NAME), "first_name",
	    "rule_action_name(ACT_FIRST_NAME)");
	is_str(rule_action_name(ACT_CREDIT_CARD), "credit_card",
	    "rule_action_name(ACT_CREDIT_CARD)");

	/* Limits of the numbers. */
	rs = load("column a hash 1\ncolumn b hash 128\ncolumn c date_shift 1\n"
	    "column d noise 100\ncolumn e noise 0.01\ncolumn f partial 0 0\n",
	    "limits: hash 1, hash 128, date_shift 1, noise 100, noise 0.01");
	if (rs != NULL) {
		n = rs->ncolumns;
		ok(n == 6 && rs->columns[0].act.n1 == 1 &&
		    rs->columns[1].act.n1 == 128 &&
		    rs->columns[2].act.n1 == 1 &&
		    rs->columns[3].act.pct == 100 &&
		    rs->columns[4].act.pct == 0.01, "  values");
		rules_free(rs);
	}
}

/* ---- JSON paths --------------------------------------------------------- */

/* Does rule r have the steps in want, "[]" meaning every element? */
static int
steps_are(const struct json_rule *r, const char *const *want, size_t n)
{
	size_t i;

	if (r->nsteps != n)
		return 0;
	for (i = 0; i < n; i++) {
		if (strcmp(want[i], "[]") == 0) {
			if (r->steps[i].key != NULL)
				return 0;
		} else if (r->steps[i].key == NULL ||
		    r->steps[i].len != strlen(want[i]) ||
		    memcmp(r->steps[i].key, want[i], r->steps[i].len) != 0) {
			return 0;
		}
	}
	return 1;
}

static void
test_json(void)
{
	static const char *const p0[] = { "address", "street" };
	static const char *const p1[] = { "tags", "[]" };
	static const char *const p2[] = { "items", "[]", "email" };
	static const char *const p3[] = { "[]", "name" };
	static const char *const p4[] = { "quoted key", "x" };
	static const char *const p5[] = { "profile", "a b" };
	static const char *const p6[] = { "ssn" };
	static const char *const p7[] = { "a", "[]", "[]", "b.c" };
	static const char *const p8[] = { "[]" };
	const struct rule_json *j;
	struct rules *rs;

	rs = load("column c json {\n"
	    "\taddress.street street ;\n"
	    "\ttags[] hash 8;\n"
	    "\titems[].email email salt 'e';\n"
	    "\t[].name first_name de;\n"
	    "\t\"quoted key\".x null;\n"
	    "\tprofile.\"a b\" keep;\n"
	    "\tssn null\n"
	    "\t; a[][].\"b.c\" set 'x' ; [] null\n"
	    "}\n"
	    "column d null\n", "json paths");
	if (rs == NULL)
		return;
	if (!ok(rs->ncolumns == 2 && rs->columns[0].act.kind == ACT_JSON &&
	    rs->columns[0].act.json != NULL &&
	    rs->columns[0].act.json->n == 9, "nine json rules")) {
		rules_free(rs);
		return;
	}
	j = rs->columns[0].act.json;
	ok(steps_are(&j->rules[0], p0, 2), "address.street");
	is_str(j->rules[0].path, "address.street", "  path as written");
	is_int(j->rules[0].act.kind, ACT_STREET, "  street");
	ok(steps_are(&j->rules[1], p1, 2), "tags[]");
	ok(j->rules[1].act.kind == ACT_HASH && j->rules[1].act.n1 == 8,
	    "  hash 8");
	ok(steps_are(&j->rules[2], p2, 3), "items[].email");
	is_str(j->rules[2].act.salt.p, "e", "  salt inside json");
	ok(steps_are(&j->rules[3], p3, 2), "[].name");
	is_str(j->rules[3].act.locale, "de", "  first_name de");
	ok(steps_are(&j->rules[4], p4, 2), "\"quoted key\".x");
	is_str(j->rules[4].path, "\"quoted key\".x", "  path as written");
	ok(steps_are(&j->rules[5], p5, 2), "profile.\"a b\"");
	ok(steps_are(&j->rules[6], p6, 1), "ssn");
	is_int(j->rules[6].act.kind, ACT_NULL, "  null");
	ok(steps_are(&j->rules[7], p7, 4), "a[][].\"b.c\"");
	ok(steps_are(&j->rules[8], p8, 1), "[]");
	is_int(rs->columns[1].act.kind, ACT_NULL, "the statement after");
	rules_free(rs);

	/* The issue's one-line json inside a table block. */
	rs = load("table users {\n"
	    "    profile     json { address.street street ; ssn null ; "
	    "tags[] hash 8 }\n"
	    "    x null\n"
	    "}\n", "json on one line in a table block");
	if (rs != NULL) {
		ok(rs->ntables == 1 && rs->tables[0].ncols == 2 &&
		    rs->tables[0].cols[0].act.json != NULL &&
		    rs->tables[0].cols[0].act.json->n == 3,
		    "  three json rules, then the next column");
		rules_free(rs);
	}
	/* json with map inside; json then salt and when outside. */
	put("jm.tsv", "a\tb\n");
	rs = load("column c json { a map \"jm.tsv\" default keep } salt 'z' "
	    "when k = 1\n", "json { } salt when");
	if (rs != NULL) {
		ok(rs->columns[0].act.salt.p != NULL &&
		    rs->columns[0].act.when != NULL, "  salt and when of "
		    "the json action");
		ok(rs->columns[0].act.json->rules[0].act.map != NULL,
		    "  a map inside json");
		rules_free(rs);
	}
}

/* ---- Maps ---------------------------------------------------------------- */

static const struct rule_map *
map_of(struct rules *rs)
{
	if (rs == NULL || rs->ncolumns < 1)
		return NULL;
	return rs->columns[0].act.map;
}

static void
is_get(const struct rule_map *m, const char *k, size_t kn, int want_rc,
    const char *want, size_t wn, const char *what)
{
	const char *p = NULL;
	size_t n = 0;
	int rc;

	rc = rule_map_get(m, k, kn, &p, &n);
	if (!is_int(rc, want_rc, what))
		return;
	if (rc == 0)
		is_mem(p, n, want, wn, "  value");
}

static void
test_maps(void)
{
	const struct rule_map *m;
	struct rules *rs;
	char *big, key[32], val[32];
	const char *p;
	size_t len, i, n;
	int all;

	static const char esc[] =
	    "# a comment\n"
	    "a\t1\n"
	    "b\tx\\ty\n"
	    "c\\td\t2\n"
	    "nul\t\\N\n"
	    "lit\t\\\\N\n"
	    "nl\\n\tr\\r\\\\\n"
	    "\n"
	    "\tempty-old\n"
	    "empty-new\t\n"
	    "utf\t\xc3\xa9\xc3\xa9\n"
	    "last\tno-newline";

	put_mem("esc.tsv", esc, sizeof(esc) - 1);
	rs = load("column x map \"esc.tsv\"\n", "map with escapes");
	m = map_of(rs);
	if (m != NULL) {
		is_get(m, "a", 1, 0, "1", 1, "get a");
		is_get(m, "b", 1, 0, "x\ty", 3, "get b: \\t in NEW");
		is_get(m, "c\td", 3, 0, "2", 1, "get c\\td: \\t in OLD");
		is_get(m, "nul", 3, 1, NULL, 0, "get nul: \\N is NULL");
		is_get(m, "lit", 3, 0, "\\N", 2, "get lit: \\\\N is \\N");
		is_get(m, "nl\n", 3, 0, "r\r\\", 3, "get nl\\n: \\r \\\\");
		is_get(m, "", 0, 0, "empty-old", 9, "get '': empty OLD");
		is_get(m, "empty-new", 9, 0, "", 0, "empty NEW");
		is_get(m, "last", 4, 0, "no-newline", 10, "last line without "
		    "newline");
		is_get(m, "# a comment", 11, -1, NULL, 0, "comments are not "
		    "entries");
		is_get(m, "A", 1, -1, NULL, 0, "lookups are exact");
		is_get(m, "zz", 2, -1, NULL, 0, "unmapped: -1");
		is_get(m, "a\0", 2, -1, NULL, 0, "length counts");
		ok(!rule_map_injective(m), "\\N: not injective");
		is_int((long long)rule_map_maxchars(m), 10, "maxchars 10");
		ok(!rule_map_all_integers(m, LLONG_MIN, LLONG_MAX),
		    "not all integers");
	}
	rules_free(rs);

	put("int.tsv", "a\t1\nb\t-2\nc\t300\nd\t+4\n");
	rs = load("column x map \"int.tsv\"\n", "integer map");
	m = map_of(rs);
	if (m != NULL) {
		ok(rule_map_injective(m), "injective");
		ok(rule_map_all_integers(m, -10, 1000), "all in [-10, 1000]");
		ok(!rule_map_all_integers(m, -1, 1000), "not all in "
		    "[-1, 1000]");
		ok(!rule_map_all_integers(m, -10, 299), "not all in "
		    "[-10, 299]");
		ok(rule_map_all_integers(m, -2, 300), "bounds inclusive");
		is_int((long long)rule_map_maxchars(m), 3, "maxchars 3");
	}
	rules_free(rs);

	put("int2.tsv", "a\t1\nb\t1.5\n");
	rs = load("column x map \"int2.tsv\"\n", "map with a decimal");
	m = map_of(rs);
	if (m != NULL)
		ok(!rule_map_all_integers(m, -10, 10), "1.5 is no integer");
	rules_free(rs);
	put("int3.tsv", "a\t1\nb\t \n");
	rs = load("column x map \"int3.tsv\"\n", "map with a space");
	m = map_of(rs);
	if (m != NULL)
		ok(!rule_map_all_integers(m, -10, 10), "' ' is no integer");
	rules_free(rs);
	put("int4.tsv", "a\t9223372036854775807\nb\t\\N\n");
	rs = load("column x map \"int4.tsv\"\n", "map with LLONG_MAX, \\N");
	m = map_of(rs);
	if (m != NULL) {
		ok(rule_map_all_integers(m, 0, LLONG_MAX), "LLONG_MAX; \\N "
		    "ignored");
		ok(!rule_map_all_integers(m, 0, LLONG_MAX - 1), "  above "
		    "max");
	}
	rules_free(rs);
	put("int5.tsv", "a\t9223372036854775808\n");
	rs = load("column x map \"int5.tsv\"\n", "map with LLONG_MAX + 1");
	m = map_of(rs);
	if (m != NULL)
		ok(!rule_map_all_integers(m, LLONG_MIN, LLONG_MAX),
		    "an overflowing integer is not in range");
	rules_free(rs);

	put("dup.tsv", "a\tx\nb\ty\nc\tx\n");
	rs = load("column x map \"dup.tsv\"\n", "map with a repeated NEW");
	m = map_of(rs);
	if (m != NULL) {
		ok(!rule_map_injective(m), "not injective");
		is_int((long long)rule_map_maxchars(m), 1, "maxchars 1");
	}
	rules_free(rs);

	put("utf.tsv", "a\t\xc3\xa9\xc3\xa9\xc3\xa9\nb\tabcd\nc\t"
	    "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\n");
	rs = load("column x map \"utf.tsv\"\n", "UTF-8 map");
	m = map_of(rs);
	if (m != NULL)
		is_int((long long)rule_map_maxchars(m), 5, "maxchars counts "
		    "characters (5 euro signs, 15 bytes)");
	rules_free(rs);

	put("nulls.tsv", "a\t\\N\n");
	rs = load("column x map \"nulls.tsv\"\n", "map of only \\N");
	m = map_of(rs);
	if (m != NULL) {
		is_int((long long)rule_map_maxchars(m), 0, "maxchars 0");
		ok(!rule_map_injective(m), "not injective");
		ok(rule_map_all_integers(m, 0, 0), "all integers (vacuous)");
	}
	rules_free(rs);

	put("empty.tsv", "");
	rs = load("column x map \"empty.tsv\" default 'z'\n", "empty map");
	m = map_of(rs);
	if (m != NULL) {
		ok(rule_map_injective(m), "injective");
		is_int((long long)rule_map_maxchars(m), 0, "maxchars 0");
		is_get(m, "a", 1, -1, NULL, 0, "nothing mapped");
	}
	rules_free(rs);

	/* Enough entries to grow the table several times. */
	n = 5000;
	big = malloc(n * 32);
	len = 0;
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(big + len, 32, "k%zu\t%zu\n", i,
		    i * 7);
	put_mem("big.tsv", big, len);
	free(big);
	rs = load("column x map \"big.tsv\"\n", "map of 5000 entries");
	m = map_of(rs);
	if (m != NULL) {
		all = 1;
		for (i = 0; i < n; i++) {
			const char *q = NULL;
			size_t qn = 0;

			snprintf(key, sizeof(key), "k%zu", i);
			snprintf(val, sizeof(val), "%zu", i * 7);
			if (rule_map_get(m, key, strlen(key), &q, &qn) != 0 ||
			    qn != strlen(val) || memcmp(q, val, qn) != 0)
				all = 0;
		}
		ok(all, "every entry found");
		ok(rule_map_injective(m), "injective");
		ok(rule_map_all_integers(m, 0, 35000), "all integers");
		is_int((long long)rule_map_maxchars(m), 5, "maxchars 5");
		p = NULL;
		is_int(rule_map_get(m, "k5000", 5, &p, &len), -1, "k5000 "
		    "unmapped");
	}
	rules_free(rs);
}

/* ---- Statements ------------------------------------------------------ */

static void
test_issue_examples(void)
{
	struct rules *rs;
	const struct rule_table *t;
	const struct rule_column *c;
	const struct rule_json *j;

	put("issue/common.rules", "column ssn null\n");
	put("issue/stripe-staging.tsv", "x\ty\n");
	rs = load_as("issue/main.rules",
	    "# comment\n"
	    "include \"common.rules\"\n"
	    "key env DUMPFILTERS_KEY            # or: key file PATH\n"
	    "table users {                      # name: exact, schema.table, "
	    "\"Quoted Name\", or /regex/i\n"
	    "    email       email\n"
	    "    first_name  first_name\n"
	    "    phone       digits\n"
	    "    password    set '$2a$12$...'\n"
	    "    notes       replace /\\b\\d{3}-\\d{2}-\\d{4}\\b/ "
	    "'###-##-####'\n"
	    "    profile     json { address.street street ; ssn null ; "
	    "tags[] hash 8 }\n"
	    "    vip_note    null when tier = 'vip'\n"
	    "}\n"
	    "column /(^|_)e?mail$/i  email      # any table\n"
	    "safe schema_migrations, ar_internal_metadata   # tables that "
	    "hold nothing sensitive (for --strict)\n", "issue section 1");
	if (rs != NULL) {
		is_int(rs->key, KEY_ENV, "key env");
		is_str(rs->key_arg, "DUMPFILTERS_KEY", "  DUMPFILTERS_KEY");
		is_int((long long)rs->key_pos.line, 3, "  key at line 3");
		is_int((long long)rs->ntables, 1, "one table");
		t = &rs->tables[0];
		is_str(t->name.name, "users", "  users");
		is_int((long long)t->ncols, 7, "  seven column rules");
		if (t->ncols == 7) {
			c = t->cols;
			ok(c[0].act.kind == ACT_EMAIL &&
			    strcmp(c[0].col.name, "email") == 0, "  email");
			ok(c[1].act.kind == ACT_FIRST_NAME, "  first_name");
			ok(c[2].act.kind == ACT_DIGITS, "  digits");
			ok(c[3].act.kind == ACT_SET &&
			    strcmp(c[3].act.lit.p, "$2a$12$...") == 0,
			    "  set '$2a$12$...'");
			ok(c[4].act.kind == ACT_REPLACE &&
			    strcmp(c[4].act.lit.p, "###-##-####") == 0 &&
			    strcmp(rx_text(c[4].act.rx),
			    "/\\b\\d{3}-\\d{2}-\\d{4}\\b/") == 0,
			    "  replace");
			j = c[5].act.json;
			ok(c[5].act.kind == ACT_JSON && j != NULL &&
			    j->n == 3, "  json with three rules");
			ok(c[6].act.kind == ACT_NULL && c[6].act.when != NULL,
			    "  null when");
			is_int((long long)c[6].col.pos.line, 11,
			    "  vip_note at line 11");
		}
		is_int((long long)rs->ncolumns, 2, "two column statements "
		    "(one included)");
		if (rs->ncolumns == 2) {
			is_str(rs->columns[0].col.name, "ssn", "  the "
			    "included one first");
			ok(rs->columns[1].col.rx != NULL, "  then the regex");
		}
		is_int((long long)rs->nsafe, 2, "safe: two tables");
		if (rs->nsafe == 2) {
			is_str(rs->safe[0].name, "schema_migrations",
			    "  schema_migrations");
			is_str(rs->safe[1].name, "ar_internal_metadata",
			    "  ar_internal_metadata");
		}
		is_int((long long)rules_count(rs), 6, "six statements "
		    "(include, key, table, column, safe + the included "
		    "column)");
		is_int((long long)rs->nfiles, 2, "two files read");
		rules_free(rs);
	}

	rs = load_as("issue/dehydrate.rules",
	    "truncate /^(audit_log|sessions|chat_messages)$/\n"
	    "keep applications where created_at >= '2025-10-01' or kind = "
	    "'renewal'\n"
	    "keep users newest 5000 by id\n"
	    "keep events sample 5%\n"
	    "relation documents(app_id) -> applications(id)\n"
	    "relation notes(subject_id) -> applications(id) when subject_type"
	    " = 'Application'\n"
	    "follow applications\n"
	    "others keep\n"
	    "table users { stripe_customer_id  relink stripe_customer by "
	    "email }\n"
	    "table payments { customer_ref relink stripe_customer }\n"
	    "keep-table integration_settings\n"
	    "missing stripe_customer null\n"
	    "import stripe_customer \"stripe-staging.tsv\"\n",
	    "issue: dehydrate and relink");
	if (rs == NULL)
		return;
	is_int((long long)rules_count(rs), 13, "thirteen statements");
	if (ok(rs->ntruncate == 1, "truncate")) {
		ok(rs->truncate[0].name.rx != NULL &&
		    rule_name_match(&rs->truncate[0].name, NULL, "sessions") &&
		    !rule_name_match(&rs->truncate[0].name, NULL, "session"),
		    "  /^(audit_log|sessions|chat_messages)$/");
		is_int(rs->truncate[0].nullify, 0, "  not nullify");
	}
	if (ok(rs->nkeep == 3, "three keep statements")) {
		ok(rs->keep[0].kind == KEEP_WHERE &&
		    rs->keep[0].where != NULL &&
		    rs->keep[0].where->op == COND_OR &&
		    rs->keep[0].where->a->op == COND_GE,
		    "  keep applications where ... or ...");
		is_str(rs->keep[0].table.name, "applications",
		    "  applications");
		ok(rs->keep[1].kind == KEEP_NEWEST && rs->keep[1].n == 5000 &&
		    strcmp(rs->keep[1].by, "id") == 0,
		    "  keep users newest 5000 by id");
		ok(rs->keep[2].kind == KEEP_SAMPLE && rs->keep[2].pct == 5,
		    "  keep events sample 5%%");
	}
	if (ok(rs->nrelation == 2, "two relations")) {
		const struct rule_relation *r = &rs->relation[0];

		ok(strcmp(r->from.name, "documents") == 0 &&
		    strcmp(r->to.name, "applications") == 0 &&
		    r->ncols == 1 && strcmp(r->from_cols[0], "app_id") == 0 &&
		    strcmp(r->to_cols[0], "id") == 0 && r->when == NULL,
		    "  documents(app_id) -> applications(id)");
		r = &rs->relation[1];
		ok(r->when != NULL && r->when->op == COND_EQ &&
		    strcmp(r->when->column, "subject_type") == 0,
		    "  ... when subject_type = 'Application'");
	}
	ok(rs->nfollow == 1 && strcmp(rs->follow[0].name,
	    "applications") == 0, "follow applications");
	is_int(rs->others_none, 0, "others keep");
	if (ok(rs->ntables == 2, "two table blocks")) {
		const struct rule_action *a = &rs->tables[0].cols[0].act;

		ok(a->kind == ACT_RELINK &&
		    strcmp(a->pointer, "stripe_customer") == 0 &&
		    a->nby == 1 && strcmp(a->by[0], "email") == 0,
		    "  relink stripe_customer by email");
		a = &rs->tables[1].cols[0].act;
		ok(a->kind == ACT_RELINK && a->nby == 0 &&
		    strcmp(a->pointer, "stripe_customer") == 0,
		    "  relink stripe_customer");
	}
	ok(rs->nkeep_table == 1 &&
	    strcmp(rs->keep_table[0].name, "integration_settings") == 0,
	    "keep-table integration_settings");
	ok(rs->nmissing == 1 && rs->missing[0].policy == MISSING_NULL &&
	    strcmp(rs->missing[0].pointer, "stripe_customer") == 0,
	    "missing stripe_customer null");
	if (ok(rs->nimport == 1, "import")) {
		is_str(rs->import[0].pointer, "stripe_customer",
		    "  pointer");
		is_str(rs->import[0].path, tpath("issue/stripe-staging.tsv"),
		    "  path resolved against the rules file");
	}
	rules_free(rs);
}

static void
test_statements(void)
{
	struct rules *rs;

	rs = load("truncate sessions nullify\n"
	    "truncate public.log\n"
	    "keep t\n"
	    "keep s.t where a is null and (b != 'x' or c ~ /y/)\n"
	    "relation a(x, y) -> b(p, q)\n"
	    "relation \"A\"(\"X\") -> s.b(\"Y\") when k in ('a', 'b')\n"
	    "relation a(x,\n  y) -> b(p,\n q)\n"
	    "follow a, s.b, \"C\"\n"
	    "others none\n"
	    "keep-table x, y\n"
	    "missing p1 null\nmissing p2 keep\nmissing p3 set 'v'\n"
	    "missing p4 drop-row\nmissing p5 error\n"
	    "import p1 \"/abs/file.tsv\"\n"
	    "import p2 rel.tsv\n", "dehydrate and relink statements");
	if (rs == NULL)
		return;
	ok(rs->ntruncate == 2 && rs->truncate[0].nullify &&
	    !rs->truncate[1].nullify &&
	    strcmp(rs->truncate[1].name.schema, "public") == 0,
	    "truncate NAME [nullify]");
	if (ok(rs->nkeep == 2, "keep t; keep s.t where")) {
		is_int(rs->keep[0].kind, KEEP_ALL, "  keep t: all");
		ok(rs->keep[0].where == NULL, "  no where");
		is_str(rs->keep[1].table.schema, "s", "  schema s");
		ok(rs->keep[1].where != NULL &&
		    rs->keep[1].where->op == COND_AND &&
		    rs->keep[1].where->b->op == COND_OR, "  where tree");
	}
	if (ok(rs->nrelation == 3, "three relations")) {
		const struct rule_relation *r = &rs->relation[0];

		ok(r->ncols == 2 && strcmp(r->from_cols[1], "y") == 0 &&
		    strcmp(r->to_cols[0], "p") == 0 &&
		    strcmp(r->to_cols[1], "q") == 0, "  composite columns");
		r = &rs->relation[1];
		ok(r->from.quoted && strcmp(r->from.name, "A") == 0 &&
		    strcmp(r->from_cols[0], "X") == 0 &&
		    strcmp(r->to.schema, "s") == 0 &&
		    strcmp(r->to_cols[0], "Y") == 0, "  quoted names");
		ok(r->when != NULL && r->when->op == COND_IN &&
		    r->when->nvals == 2, "  when k in (...)");
		r = &rs->relation[2];
		ok(r->ncols == 2, "  newlines inside ( )");
	}
	ok(rs->nfollow == 3 && strcmp(rs->follow[1].schema, "s") == 0 &&
	    rs->follow[2].quoted, "follow a, s.b, \"C\"");
	is_int(rs->others_none, 1, "others none");
	ok(rs->nkeep_table == 2 && strcmp(rs->keep_table[1].name, "y") == 0,
	    "keep-table x, y");
	if (ok(rs->nmissing == 5, "five missing")) {
		is_int(rs->missing[0].policy, MISSING_NULL, "  null");
		is_int(rs->missing[1].policy, MISSING_KEEP, "  keep");
		is_int(rs->missing[2].policy, MISSING_SET, "  set");
		is_str(rs->missing[2].lit.p, "v", "  set 'v'");
		is_int(rs->missing[3].policy, MISSING_DROP_ROW, "  drop-row");
		is_int(rs->missing[4].policy, MISSING_ERROR, "  error");
		is_int((long long)rs->missing[4].pos.line, 17, "  line 17");
	}
	if (ok(rs->nimport == 2, "two imports")) {
		is_str(rs->import[0].path, "/abs/file.tsv", "  absolute path "
		    "kept");
		is_str(rs->import[1].path, tpath("rel.tsv"), "  bare path "
		    "resolved");
	}
	rules_free(rs);

	/* Keywords are case-insensitive. */
	rs = load("TABLE T { A NULL WHEN X IS NOT NULL AND Y IN (1) OR NOT "
	    "Z = 1 }\nOTHERS NONE\nKEEP T NEWEST 3 BY ID\nKeep U Sample 50%\n"
	    "SAFE A\nFOLLOW B\nKEEP-TABLE C\nMISSING P DROP-ROW\n"
	    "TRUNCATE D NULLIFY\nCOLUMN E HASH 4 SALT 's'\n",
	    "keywords in upper case");
	if (rs != NULL) {
		ok(rs->ntables == 1 && rs->tables[0].cols[0].act.when != NULL &&
		    rs->others_none && rs->nkeep == 2 &&
		    rs->keep[0].kind == KEEP_NEWEST &&
		    rs->keep[1].kind == KEEP_SAMPLE && rs->nsafe == 1 &&
		    rs->nfollow == 1 && rs->nkeep_table == 1 &&
		    rs->missing[0].policy == MISSING_DROP_ROW &&
		    rs->truncate[0].nullify && rs->ncolumns == 1 &&
		    rs->columns[0].act.kind == ACT_HASH, "  the tree");
		rules_free(rs);
	}

	/* Empty files and files of only comments. */
	rs = load("", "an empty file");
	if (rs != NULL) {
		is_int((long long)rules_count(rs), 0, "  no statements");
		is_int(rs->key, KEY_DEFAULT, "  key: default");
		ok(rs->key_arg == NULL, "  no key argument");
		rules_free(rs);
	}
	rs = load("# only\n\n   # comments\n;;\n", "comments, blank lines, "
	    "empty statements");
	if (rs != NULL) {
		is_int((long long)rules_count(rs), 0, "  no statements");
		rules_free(rs);
	}
}

static void
test_lexical(void)
{
	struct rules *rs;

	/* ';' separators, comments after statements and in blocks. */
	rs = load("others none; safe a; follow b ; column c null;\n"
	    "table t { # after the brace\n"
	    "  a null # after a rule\n"
	    "  # a line of comment\n"
	    "\n"
	    "  b null; c hash 4 ; d keep\n"
	    "} # after the block\n"
	    "table u { x null; y null }; table v { z null }\n"
	    "table w\n{\n w null\n}\n", "separators and comments");
	if (rs != NULL) {
		ok(rs->others_none && rs->nsafe == 1 && rs->nfollow == 1 &&
		    rs->ncolumns == 1, "  four statements on one line");
		if (ok(rs->ntables == 4, "  four tables")) {
			is_int((long long)rs->tables[0].ncols, 4, "  four "
			    "rules in t");
			is_int((long long)rs->tables[0].cols[3].col.pos.line,
			    6, "  d at line 6");
			is_int((long long)rs->tables[0].cols[3].col.pos.col,
			    22, "  d at column 22");
			is_int((long long)rs->tables[1].ncols, 2, "  two "
			    "rules in u");
			is_int((long long)rs->tables[2].ncols, 1, "  v");
			is_int((long long)rs->tables[3].ncols, 1, "  w with "
			    "'{' on the next line");
		}
		is_int((long long)rules_count(rs), 8, "  eight statements");
		rules_free(rs);
	}

	/* Line continuation. */
	rs = load("keep users \\\n  newest 5 \\\n  by id\n"
	    "column x null when a = 1 and \\\r\n  b = 2\n"
	    "safe a, \\\n  b\n"
	    "column y null\n", "line continuation");
	if (rs != NULL) {
		ok(rs->nkeep == 1 && rs->keep[0].kind == KEEP_NEWEST &&
		    rs->keep[0].n == 5, "  keep over three lines");
		ok(rs->ncolumns == 2 && rs->columns[0].act.when != NULL &&
		    rs->columns[0].act.when->op == COND_AND, "  when over two "
		    "lines (CR LF)");
		ok(rs->nsafe == 2, "  safe list over two lines");
		if (rs->ncolumns == 2) {
			is_int((long long)rs->columns[1].col.pos.line, 8,
			    "  line numbers count continued lines");
			is_int((long long)rs->columns[0].act.when->b->pos.col,
			    3, "  columns restart after a continuation");
		}
		rules_free(rs);
	}

	/* Strings, regexes and flags. */
	rs = load("column a set '\\\\ \\' \\n \\t \\r \\0 \\x41\\xff'\n"
	    "column b set ''\n"
	    "column c set '#not a comment'\n"
	    "column d replace /a\\/b#c/ '/'\n"
	    "column e replace /x/imsxu 'y'\n"
	    "column \"f\"\"g\" null # \"\n"
	    "column h set 'caf\xc3\xa9'\n", "strings and regexes");
	if (rs != NULL && rs->ncolumns == 7) {
		is_mem(rs->columns[0].act.lit.p, rs->columns[0].act.lit.len,
		    "\\ ' \n \t \r \0 A\xff", 14, "  every escape");
		is_mem(rs->columns[1].act.lit.p, rs->columns[1].act.lit.len,
		    "", 0, "  ''");
		is_str(rs->columns[2].act.lit.p, "#not a comment", "  # in a "
		    "string");
		is_str(rx_text(rs->columns[3].act.rx), "/a\\/b#c/", "  \\/ "
		    "and # in a regex");
		is_str(rx_text(rs->columns[4].act.rx), "/x/imsxu",
		    "  every flag");
		is_str(rs->columns[5].col.name, "f\"g", "  \"\" in a quoted "
		    "column");
		is_str(rs->columns[6].act.lit.p, "caf\xc3\xa9", "  UTF-8");
	}
	rules_free(rs);
	rs = load("column a set 'x'\ncolumn e replace /a\\/b/ '/'\n",
	    "regex with \\/");
	if (rs != NULL && rs->ncolumns == 2) {
		struct df_error err;
		struct rx *rx = rs->columns[1].act.rx;

		memset(&err, 0, sizeof(err));
		is_int(rx_match(rx, "xa/by", 5, &err), 1, "  \\/ matches '/'");
		is_int(rx_match(rx, "ab", 2, &err), 0, "  and only '/'");
	}
	rules_free(rs);
	rs = load("column a null when b ~ /^\xc3\xa9$/u\n"
	    "column c null when b ~ /^.$/\n", "u flag");
	if (rs != NULL && rs->ncolumns == 2) {
		struct df_error err;

		memset(&err, 0, sizeof(err));
		is_int(rx_match(rs->columns[0].act.when->rx, "\xc3\xa9", 2,
		    &err), 1, "  u: matches");
		is_int(rx_match(rs->columns[0].act.when->rx, "\xc3", 1,
		    &err), 0, "  u: invalid UTF-8 does not match, no error");
		is_int(rx_match(rs->columns[1].act.when->rx, "\xc3\xa9", 2,
		    &err), 0, "  no u: '.' is one byte");
	}
	rules_free(rs);
}

/* rx_replace() with the template of "column r replace RE 'TEMPLATE'". */
static void
is_replace(const char *re, const char *tmpl, const char *in, int want_rc,
    const char *want)
{
	char text[256];
	struct df_error err;
	struct rules *rs;
	struct buf out;
	const struct rule_action *a;
	int rc;

	snprintf(text, sizeof(text), "column r replace %s '%s'\n", re, tmpl);
	rs = load(text, text);
	if (rs == NULL)
		return;
	a = &rs->columns[0].act;
	buf_init(&out, 1u << 20);
	buf_adds(&out, "<");
	memset(&err, 0, sizeof(err));
	rc = rx_replace(a->rx, a->lit.p, a->lit.len, in, strlen(in), &out,
	    &err);
	if (is_int(rc, want_rc, "  rx_replace's result") && rc == 0)
		is_mem(out.p, out.len, want, strlen(want), "  appended");
	if (rc == -1)
		ok(err.code == DF_EXIT_DATA && err.msg[0] != '\0',
		    "  a data error with a message");
	buf_free(&out);
	rules_free(rs);
}

static void
test_replace(void)
{
	is_replace("/(\\d+)-x/", "$1-y", "12-x and 3-x", 0,
	    "<12-y and 3-y");
	is_replace("/(?<n>\\d+)/", "[${n}]", "a1b22", 0, "<a[1]b[22]");
	is_replace("/\\d/", "$$", "a1", 0, "<a$");
	is_replace("/z/", "y", "abc", 0, "<abc");
	is_replace("/^/", "x", "", 0, "<x");
	is_replace("/\\b\\d{3}-\\d{2}-\\d{4}\\b/", "###-##-####",
	    "ssn 123-45-6789.", 0, "<ssn ###-##-####.");
	is_replace("/a/i", "b", "AaA", 0, "<bbb");
	/* A template naming a group the regex lacks is a rules error. */
	bad("replace /(a)/ '$2'", "column r replace /(a)/ '$2'\n", 1, 24,
	    "$2");
}

static void
test_key(void)
{
	struct rules *rs;

	rs = load("key file \"keys/k.txt\"\n", "key file \"PATH\"");
	if (rs != NULL) {
		is_int(rs->key, KEY_FILE, "  KEY_FILE");
		is_str(rs->key_arg, tpath("keys/k.txt"), "  relative to the "
		    "rules file");
		rules_free(rs);
	}
	rs = load("key file secret.key\n", "key file bare");
	if (rs != NULL) {
		is_str(rs->key_arg, tpath("secret.key"), "  resolved");
		rules_free(rs);
	}
	rs = load("key file '/etc/df.key'\n", "key file absolute");
	if (rs != NULL) {
		is_str(rs->key_arg, "/etc/df.key", "  absolute kept");
		rules_free(rs);
	}
	rs = load("# a\n\nkey env MY_KEY\n", "key env");
	if (rs != NULL) {
		is_int(rs->key, KEY_ENV, "  KEY_ENV");
		is_str(rs->key_arg, "MY_KEY", "  MY_KEY");
		is_int((long long)rs->key_pos.line, 3, "  line 3");
		ok(rs->key_pos.file != NULL &&
		    strstr(rs->key_pos.file, ".rules") != NULL, "  file");
		rules_free(rs);
	}
}

static void
test_include(void)
{
	struct rules *rs;
	char rel[64], text[128];
	int i;

	put("inc/m.tsv", "wrong\tmap\n");
	put("inc/sub/m.tsv", "a\tb\n");
	put("inc/sub/a.rules", "include \"b.rules\"\ntable a { x null }\n"
	    "column mm map \"m.tsv\"\n");
	put("inc/sub/b.rules", "\n# b\ntable b { y null }\n"
	    "include \"deeper/c.rules\"\n");
	put("inc/sub/deeper/c.rules", "include \"../d.rules\"\n");
	put("inc/sub/d.rules", "truncate d\n");
	rs = load_as("inc/main.rules", "include \"sub/a.rules\"\n"
	    "column m null\ninclude 'sub/d.rules'\n", "nested includes");
	if (rs != NULL) {
		ok(rs->ntables == 2 && strcmp(rs->tables[0].name.name,
		    "b") == 0 && strcmp(rs->tables[1].name.name, "a") == 0,
		    "  in file order: b (included first), then a");
		ok(rs->ncolumns == 2 && strcmp(rs->columns[0].col.name,
		    "mm") == 0 && strcmp(rs->columns[1].col.name, "m") == 0,
		    "  columns mm, m");
		if (rs->ncolumns == 2 && rs->columns[0].act.map != NULL) {
			const char *p;
			size_t n;

			is_int(rule_map_get(rs->columns[0].act.map, "a", 1,
			    &p, &n), 0, "  the map next to the including "
			    "file");
		}
		is_int((long long)rs->ntruncate, 2, "  d.rules twice "
		    "(a diamond is no cycle)");
		if (rs->ntables == 2) {
			is_str(rs->tables[0].name.pos.file,
			    tpath("inc/sub/b.rules"), "  b's file");
			is_int((long long)rs->tables[0].name.pos.line, 3,
			    "  b's line");
		}
		is_int((long long)rs->nfiles, 6, "  six files read");
		rules_free(rs);
	}

	/* 16 levels of include are allowed. */
	for (i = 0; i <= 16; i++) {
		snprintf(rel, sizeof(rel), "deep/f%d.rules", i);
		if (i < 16)
			snprintf(text, sizeof(text), "include \"f%d.rules\"\n"
			    "safe t%d\n", i + 1, i);
		else
			snprintf(text, sizeof(text), "safe t%d\n", i);
		put(rel, text);
	}
	{
		struct df_error err;

		memset(&err, 0, sizeof(err));
		rs = rules_load(tpath("deep/f0.rules"), &err);
		if (!ok(rs != NULL, "16 nested includes"))
			diag("%s", err.msg);
		if (rs != NULL)
			is_int((long long)rs->nsafe, 17, "  17 files' "
			    "statements");
		rules_free(rs);
	}
}

/* ---- Bad inputs ------------------------------------------------------ */

static void
test_errors(void)
{
	char rel[64], text[128], path[512], errf[512];
	int i;

	bad("unknown statement", "frobnicate x\n", 1, 1,
	    "unknown statement 'frobnicate'");
	bad("unknown statement after comments", "# c\n\n  bogus\n", 3, 3,
	    "unknown statement");
	bad("unknown action", "table t {\n  a frob\n}\n", 2, 5,
	    "unknown action 'frob'");
	bad("unknown action in column", "column x frob\n", 1, 10,
	    "unknown action");
	bad("unterminated string", "column x set 'abc\n", 1, 14,
	    "unterminated string");
	bad("unterminated string at EOF after a backslash",
	    "column x set 'a\\", 1, 14, "unterminated string");
	bad("unterminated string at EOF", "column x set 'a", 1, 14,
	    "unterminated string");
	bad("unterminated regex", "column /abc email\n", 1, 8,
	    "unterminated regex");
	bad("unterminated regex at EOF after a backslash", "column /abc\\",
	    1, 8, "unterminated regex");
	bad("unterminated name", "table \"abc {\n", 1, 7,
	    "unterminated name");
	bad("unterminated table block", "table users {\n a null\n", 1, 7,
	    "not closed");
	bad("unterminated json block", "column c json { a null ;\n", 2, 1,
	    "unterminated json");
	bad("unknown escape", "column x set 'a\\qb'\n", 1, 16,
	    "unknown escape \\q");
	bad("bad \\x escape", "column x set '\\xZ1'\n", 1, 15,
	    "\\x needs two hex digits");
	bad("short \\x escape", "column x set '\\x4'\n", 1, 15,
	    "\\x needs two hex digits");
	bad("backslash newline in a string", "column x set 'a\\\nb'\n", 1, 16,
	    "escape");
	bad("invalid regex: unmatched )", "column /a)b/ email\n", 1, 10,
	    "invalid regex: unmatched closing parenthesis");
	bad("invalid regex: missing )", "column /a(b/ email\n", 1, 12,
	    "missing closing parenthesis");
	bad("invalid regex: {2,1}", "column x replace /a{2,1}b/ 'x'\n", 1, 24,
	    "numbers out of order");
	bad("invalid regex in a condition", "keep t where a ~ /[x/\n", 1, 21,
	    "missing terminating ]");
	bad("invalid regex as a table name", "table /(?<n/ { a null }\n", 1,
	    12, "invalid regex");
	bad("bad regex flag", "column /a/iq email\n", 1, 12,
	    "unknown regex flag 'q'");
	bad("upper-case regex flag", "truncate /a/I\n", 1, 13,
	    "unknown regex flag 'I'");
	bad("hash 0", "column x hash 0\n", 1, 15,
	    "hash length must be from 1 to 128");
	bad("hash 129", "column x hash 129\n", 1, 15,
	    "hash length must be from 1 to 128");
	bad("hash 8x", "column x hash 8x\n", 1, 15, "expected the hash length");
	bad("partial mask of 2 characters", "column x partial 1 1 'ab'\n", 1,
	    22, "one character");
	bad("partial mask empty", "column x partial 1 1 ''\n", 1, 22,
	    "one character");
	bad("partial without SUFFIX", "column x partial 2\n", 1, 19,
	    "expected SUFFIX");
	bad("partial -1", "column x partial -1 2\n", 1, 18, "PREFIX");
	bad("noise 0", "column x noise 0\n", 1, 16, "more than 0");
	bad("noise 101", "column x noise 101\n", 1, 16, "at most 100");
	bad("noise -5", "column x noise -5\n", 1, 16, "expected PERCENT");
	bad("date_shift 0", "column x date_shift 0\n", 1, 21,
	    "DAYS must be from 1");
	bad("sample 0%", "keep t sample 0%\n", 1, 15, "more than 0");
	bad("sample 101%", "keep t sample 101%\n", 1, 15, "at most 100");
	bad("sample 1e1%: a percentage has no exponent",
	    "keep t sample 1e1%\n", 1, 15, "expected");
	/* '+' continues a word only as the sign of a number's exponent. */
	bad("1e+ is no number", "keep t where a > 1e+\n", 1, 18,
	    "expected a 'string' or a number, found '1e+'");
	bad("x+1", "keep t where x+1 = 2\n", 1, 15,
	    "unexpected character '+'");
	bad("+1", "keep t where a > +1\n", 1, 18,
	    "unexpected character '+'");
	bad("e+1", "keep t where e+1 = 2\n", 1, 15,
	    "unexpected character '+'");
	bad("nan is no number", "keep t where a > nan\n", 1, 18,
	    "expected a 'string' or a number");
	bad("unknown locale", "column x first_name fr\n", 1, 21,
	    "unknown locale 'fr'");
	bad("locale on email", "column x email de\n", 1, 16,
	    "unexpected 'de'");
	bad("set without a string", "column x set keep\n", 1, 14,
	    "expected a 'literal'");
	bad("set with a \"quoted name\"", "column x set \"v\"\n", 1, 14,
	    "expected a 'literal'");
	bad("replace without a regex", "column x replace 'a' 'b'\n", 1, 18,
	    "expected a /regex/");
	bad("replace without a template", "column x replace /a/\n", 1, 21,
	    "expected a 'template'");
	bad("json without braces", "column x json a null\n", 1, 15,
	    "expected '{' after json");
	bad("empty json block", "column x json { }\n", 1, 17,
	    "empty json");
	bad("json inside json", "column x json { a json { b null } }\n", 1,
	    19, "json is not allowed inside json");
	bad("relink inside json", "column x json { a relink p }\n", 1, 19,
	    "relink is not allowed inside json");
	bad("when inside json", "column x json { a null when b = 1 }\n", 1,
	    24, "when is not allowed inside json");
	bad("malformed json path a..b", "column x json { a..b null }\n", 1,
	    17, "malformed JSON path");
	bad("malformed json path a[b", "column x json { a[b null }\n", 1,
	    17, "malformed JSON path");
	bad("malformed json path a.", "column x json { a. null }\n", 1, 17,
	    "malformed JSON path");
	bad("json rules need ';'", "column x json { a null\n b null }\n", 2,
	    2, "unexpected 'b'");
	bad("relation column count mismatch", "relation a(x, y) -> b(z)\n", 1,
	    10, "as many columns on each side (2 and 1)");
	bad("relation with a regex table", "relation /a/(x) -> b(y)\n", 1, 10,
	    "not by /regex/");
	bad("relation with a regex target", "relation a(x) -> /b/(y)\n", 1,
	    18, "not by /regex/");
	bad("relation without ->", "relation a(x) b(y)\n", 1, 15,
	    "expected '->'");
	bad("relation without columns", "relation a -> b(y)\n", 1, 12,
	    "expected '('");
	bad("missing keyword by", "keep users newest 5 id\n", 1, 21,
	    "expected 'by'");
	bad("newest 0", "keep users newest 0 by id\n", 1, 19,
	    "from 1");
	bad("trailing junk", "others keep extra\n", 1, 13,
	    "unexpected 'extra'");
	bad("trailing junk after a table block", "table t { a null } junk\n",
	    1, 20, "unexpected 'junk'");
	bad("trailing junk after an action", "column a null null\n", 1, 15,
	    "unexpected 'null'");
	bad("trailing junk after safe", "safe a b\n", 1, 8, "unexpected 'b'");
	bad("'}' at top level", "column a null\n}\n", 2, 1,
	    "unexpected '}'");
	bad_mem("NUL byte", "column a null\n\0\n", 16, 2, 1, "NUL byte");
	bad_mem("NUL byte in a list", "safe a,\0b\n", 10, 1, 8, "NUL byte");
	bad_mem("NUL byte in a quoted name", "table \"a\0b\" { x null }\n", 23,
	    1, 9, "NUL");
	bad_mem("NUL byte in a regex", "column x null when a ~ /a\0b/\n", 29,
	    1, 26, "NUL byte");
	bad_mem("NUL byte escaped in a regex", "column /a\\\0/ null\n", 18,
	    1, 11, "NUL byte");
	bad("others what", "others all\n", 1, 8, "expected keep or none");
	bad("missing policy", "missing p maybe\n", 1, 11,
	    "expected null, keep, set 'v', drop-row or error");
	bad("missing set without value", "missing p set\n", 1, 14,
	    "expected a 'value'");
	bad("key without source", "key foo\n", 1, 5, "expected env NAME");
	bad("key env without name", "key env 'X'\n", 1, 9,
	    "environment variable");
	bad("second key", "key env A\n\nkey file b\n", 3, 5,
	    "a second key statement (the first is at ");
	bad("operator missing", "keep t where a 1\n", 1, 16,
	    "expected an operator");
	bad("value missing", "keep t where a = b\n", 1, 18,
	    "expected a 'string' or a number");
	bad("in without (", "column x null when y in 'a'\n", 1, 25,
	    "expected '(' after in");
	bad("is what", "column x null when y is nil\n", 1, 25,
	    "expected 'null'");
	bad("unclosed (", "keep t where (a = 1\n", 2, 1, "expected ')'");
	bad("regex as a column", "keep t where /a/ = 1\n", 1, 14,
	    "expected a column name");
	bad("~ without regex", "keep t where a ~ 'x'\n", 1, 18,
	    "expected a /regex/");
	bad("too many dots", "table a.b.c { x null }\n", 1, 7,
	    "too many dots");
	bad("schema in a column name", "table t { s.c null }\n", 1, 11,
	    "too many dots");
	bad("quoted part without a dot", "table a\"b\" { x null }\n", 1, 8,
	    "a quoted part must follow a '.'");
	bad("trailing dot", "table a. { x null }\n", 1, 7, "malformed");
	bad("unexpected character", "column a null ! x\n", 1, 15,
	    "unexpected character '!'");
	bad("action missing", "table t {\n a null\n b\n}\n", 3, 3,
	    "expected an action");
	bad("table without {", "table t a null\n", 1, 9, "expected '{'");
	bad("error after a continuation", "keep t \\\n  where a 1\n", 2, 11,
	    "expected an operator");
	bad("map default what", "column x map \"am.tsv\" default bogus\n", 1,
	    31, "after default");

	/* Map files. */
	put("bad-dup.tsv", "a\t1\nb\t2\na\t3\n");
	put("bad-esc.tsv", "a\\q\t1\n");
	put("bad-esc2.tsv", "a\tx\\\n");
	put("bad-notab.tsv", "# ok\na 1\n");
	put("bad-twotabs.tsv", "a\t1\t2\n");
	put("bad-oldnull.tsv", "\\N\t1\n");
	bad("map file missing", "\ncolumn x map \"nope.tsv\"\n", 2, 10,
	    "nope.tsv: No such file or directory");
	bad("map duplicate key", "column x map \"bad-dup.tsv\"\n", 1, 10,
	    "bad-dup.tsv:3: the value is mapped twice");
	bad("map bad escape", "column x map \"bad-esc.tsv\"\n", 1, 10,
	    "bad-esc.tsv:1: bad escape");
	bad("map trailing backslash", "column x map \"bad-esc2.tsv\"\n", 1,
	    10, "bad-esc2.tsv:1: bad escape");
	bad("map line without tab", "column x map \"bad-notab.tsv\"\n", 1,
	    10, "bad-notab.tsv:2: expected OLD<tab>NEW");
	bad("map line with two tabs", "column x map \"bad-twotabs.tsv\"\n",
	    1, 10, "bad-twotabs.tsv:1: expected OLD<tab>NEW");
	bad("map \\N as OLD", "column x map \"bad-oldnull.tsv\"\n", 1, 10,
	    "bad-oldnull.tsv:1: bad escape");
	bad("map in a table block", "table t {\n  a map \"bad-dup.tsv\" "
	    "default 'x'\n}\n", 2, 5, "mapped twice");

	/* Includes. */
	bad("include of a missing file", "include \"missing.rules\"\n", 1, 9,
	    "missing.rules");
	bad("include without quotes", "include x.rules\n", 1, 9,
	    "expected \"FILE\"");
	(void)mkdir(tpath("adir"), 0700);
	bad("include of a directory", "include \"adir\"\n", 1, 9, "adir");
	put("cyc/a.rules", "safe a\ninclude \"b.rules\"\n");
	put("cyc/b.rules", "safe b\n\ninclude \"a.rules\"\n");
	snprintf(path, sizeof(path), "%s", tpath("cyc/a.rules"));
	snprintf(errf, sizeof(errf), "%s", tpath("cyc/b.rules"));
	check_fail("include cycle", path, errf, 3, 9, "include cycle");
	put("cyc/self.rules", "include \"self.rules\"\n");
	snprintf(path, sizeof(path), "%s", tpath("cyc/self.rules"));
	check_fail("include of itself", path, path, 1, 9, "include cycle");
	put("errinc/inc.rules", "safe a\n  frob\n");
	put("errinc/main.rules", "include \"inc.rules\"\nsafe b\n");
	snprintf(path, sizeof(path), "%s", tpath("errinc/main.rules"));
	snprintf(errf, sizeof(errf), "%s", tpath("errinc/inc.rules"));
	check_fail("an error in an included file", path, errf, 2, 3,
	    "unknown statement");
	for (i = 0; i <= 17; i++) {
		snprintf(rel, sizeof(rel), "deep2/f%d.rules", i);
		if (i < 17)
			snprintf(text, sizeof(text), "include \"f%d.rules\"\n",
			    i + 1);
		else
			snprintf(text, sizeof(text), "safe x\n");
		put(rel, text);
	}
	snprintf(path, sizeof(path), "%s", tpath("deep2/f0.rules"));
	snprintf(errf, sizeof(errf), "%s", tpath("deep2/f16.rules"));
	check_fail("include depth 17", path, errf, 1, 9,
	    "includes nest deeper than 16");
	put("key2/inc.rules", "key env A\n");
	put("key2/main.rules", "include \"inc.rules\"\nkey file k\n");
	snprintf(path, sizeof(path), "%s", tpath("key2/main.rules"));
	snprintf(errf, sizeof(errf), "%s:1", tpath("key2/inc.rules"));
	check_fail("second key, the first included", path,
	    tpath("key2/main.rules"), 2, 5, errf);

	/* Failures after allocations: rules_free must take everything. */
	put("am2.tsv", "a\t1\n");
	bad("leak: bad regex in safe", "safe a, /b(/\n", 1, 12,
	    "invalid regex");
	bad("leak: bad regex in follow", "follow /b(/\n", 1, 11,
	    "invalid regex");
	bad("leak: bad regex in keep-table", "keep-table x, /[/\n", 1, 17,
	    "invalid regex");
	bad("leak: lexer error after a regex in safe", "safe /a/ 'x\n", 1,
	    10, "unterminated string");
	bad("leak: lexer error after a name in safe", "safe a 'x\n", 1, 8,
	    "unterminated string");
	bad("leak: regex then error in truncate", "truncate /a/ 'x\n", 1,
	    14, "unterminated string");
	bad("leak: map then bad default",
	    "table t { a map \"am2.tsv\" default } \n", 1, 35,
	    "after default");
	bad("leak: map then salt error",
	    "column a map \"am2.tsv\" default 'x' salt 1\n", 1, 41,
	    "expected a 'salt'");
	bad("leak: in list cut", "keep t where a in ('x', 'y',\n", 2, 1,
	    "expected a 'string' or a number");
	bad("leak: relink by list cut", "column x relink p by a, b, 'x'\n",
	    1, 28, "expected a column");
	bad("leak: relink by lower cut", "column x relink p by lower(a\n", 1,
	    29, "expected ')'");
	bad("leak: json cut", "table t { a json { b.c hash 8 salt 'x' ; "
	    "d[] null ; e frob } }\n", 1, 55, "unknown action");
	bad("leak: json path cut", "column a json { b.c null ; d..e null "
	    "}\n", 1, 28, "malformed JSON path");
	bad("json path d.[] (grammar: key(.key)*, [] after a key)",
	    "column a json { d.[] null }\n", 1, 17, "malformed JSON path");
	bad("leak: relation cut", "relation a(x, y) -> b(p, 'q')\n", 1, 26,
	    "expected a column");
	bad("leak: relation when cut", "relation a(x) -> b(y) when z ~ /(/\n",
	    1, 34, "invalid regex");
	bad("leak: when cut", "column x hash 4 salt 's' when a = 1 and "
	    "(b = 2 or c ~ /[/)\n", 1, 57, "invalid regex");
	bad("leak: keep where cut", "keep t where not (a = 1 and b in "
	    "(1, 2) or c\n", 2, 1, "expected an operator");
	bad("leak: second table cut", "table t { a null }\ntable u { b "
	    "replace /x/ 'y' salt 'z' when q is null\n", 2, 7,
	    "not closed");
	bad("leak: missing set cut", "missing p set 'v' x\n", 1, 19,
	    "unexpected 'x'");
	bad("leak: import cut", "import p 'f' x\n", 1, 14,
	    "unexpected 'x'");
	bad("leak: key then error", "key env A junk\n", 1, 11,
	    "unexpected 'junk'");
	/* Found by fuzz_rules: a value parsed, then the next token fails. */
	bad("leak: include path, then a lexer error",
	    "include \"inc.rules\" 'x\n", 1, 21, "unterminated string");
	bad("leak: map path, then a lexer error",
	    "column x map \"am.tsv\" 'x\n", 1, 23, "unterminated string");
	bad("leak: in list string, then a lexer error",
	    "keep t where a in ('x' 'y\n", 1, 24, "unterminated string");
	bad("leak: in list number, then a lexer error",
	    "keep t where a in (1 'y\n", 1, 22, "unterminated string");
	bad("leak: key file path, then a lexer error",
	    "key file k.txt 'x\n", 1, 16, "unterminated string");
	bad("leak: import path, then a lexer error",
	    "import p \"f.tsv\" 'x\n", 1, 18, "unterminated string");
}

int
main(void)
{
	const char *base = getenv("TMPDIR");

	df_progname = "test_rules";
	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/test_rules.XXXXXX", base);
	if (mkdtemp(tmpdir) == NULL) {
		perror("test_rules: mkdtemp");
		return 99;
	}
	put("am.tsv", "a\t1\n");
	/* The children first, while this process has nothing to leak. */
	test_errors();
	test_names();
	test_actions();
	test_json();
	test_maps();
	test_value_cmp();
	test_cond_eval();
	test_cond_limits();
	test_issue_examples();
	test_statements();
	test_lexical();
	test_replace();
	test_key();
	test_include();
	(void)nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return done_testing();
}
