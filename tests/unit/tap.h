/*
 * tap: a tiny header-only producer of the Test Anything Protocol for the
 * unit tests.  Each check prints "ok N - name" or "not ok N - name"; the
 * plan "1..N" comes last, which TAP allows.  A failed is_mem() also prints
 * a hex dump of both sides around the first differing byte as "#"
 * diagnostics.
 *
 * todo() marks the next check as a known gap ("# TODO reason"): it is
 * reported but does not fail the run, as TAP harnesses treat it.
 *
 * Every function is static inline so that a test that uses only some of
 * them compiles cleanly with -Wunused-function.  Nothing here allocates.
 */
#ifndef DF_TAP_H
#define DF_TAP_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static int		 tap_n;		/* checks so far */
static int		 tap_failed;	/* failed checks, TODOs excluded */
static const char	*tap_todo;	/* reason, for the next check only */

/* Mark the next check as a known gap: it is reported, never fatal. */
static inline void
todo(const char *reason)
{
	tap_todo = reason;
}

/* A diagnostic line: "# text". */
static inline void diag(const char *, ...)
    __attribute__((format(printf, 1, 2)));
static inline void
diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

static inline int
tap_vok(int cond, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static inline int
tap_vok(int cond, const char *fmt, va_list ap)
{
	tap_n++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	vprintf(fmt, ap);
	if (tap_todo != NULL)
		printf(" # TODO %s", tap_todo);
	else if (!cond)
		tap_failed++;
	fputc('\n', stdout);
	tap_todo = NULL;
	fflush(stdout);
	return cond;
}

/* Record one check; returns cond so callers can add diagnostics. */
static inline int ok(int, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static inline int
ok(int cond, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = tap_vok(cond, fmt, ap);
	va_end(ap);
	return rc;
}

/* Print up to 16 bytes of p from off as hex and printable characters. */
static inline void
tap_hexline(const char *label, const void *p, size_t len, size_t off)
{
	const unsigned char *b = p;
	size_t i;

	printf("#   %-8s @%-6zu", label, off);
	for (i = off; i < off + 16; i++)
		if (i < len)
			printf(" %02x", b[i]);
		else
			printf("   ");
	fputs("  |", stdout);
	for (i = off; i < off + 16 && i < len; i++)
		fputc(b[i] >= 0x20 && b[i] < 0x7f ? b[i] : '.', stdout);
	fputs("|\n", stdout);
}

/*
 * Compare the byte strings got and want.  On a mismatch print both
 * lengths and a hex dump of both sides from a little before the first
 * differing byte.
 */
static inline int
is_mem(const void *got, size_t glen, const void *want, size_t wlen,
    const char *name)
{
	const unsigned char *g = got, *w = want;
	size_t i, n = glen < wlen ? glen : wlen, from, row;

	if (glen == wlen && (n == 0 || memcmp(got, want, n) == 0))
		return ok(1, "%s", name);
	ok(0, "%s", name);
	for (i = 0; i < n && g[i] == w[i]; i++)
		;
	diag("lengths: got %zu, expected %zu; first difference at byte %zu",
	    glen, wlen, i);
	from = i >= 16 ? (i - 16) & ~(size_t)15 : 0;
	for (row = from; row < from + 48 && (row < glen || row < wlen);
	    row += 16) {
		tap_hexline("got", got, glen, row);
		tap_hexline("expected", want, wlen, row);
	}
	return 0;
}

/* Compare NUL-terminated strings (NULL is a value of its own). */
static inline int
is_str(const char *got, const char *want, const char *name)
{
	if (got == NULL || want == NULL) {
		if (!ok(got == want, "%s", name))
			diag("got %s, expected %s", got ? got : "NULL",
			    want ? want : "NULL");
		return got == want;
	}
	return is_mem(got, strlen(got), want, strlen(want), name);
}

/* Compare integers, printing both on a mismatch. */
static inline int
is_int(long long got, long long want, const char *name)
{
	if (!ok(got == want, "%s", name))
		diag("got %lld, expected %lld", got, want);
	return got == want;
}

/* Print the plan; the exit status of the test: 1 if any check failed. */
static inline int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	if (tap_failed > 0)
		printf("# %d of %d checks failed\n", tap_failed, tap_n);
	fflush(stdout);
	return tap_failed > 0 ? 1 : 0;
}

#endif
