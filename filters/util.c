/*
 * util: allocation that ends the program when memory is exhausted (these are
 * programs, not a public library: an OOM has no useful recovery), the error
 * record every library call fills, and small parsing helpers.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

const char *df_progname = "dumpfilters";

static void
oom(size_t n)
{
	fprintf(stderr, "%s: out of memory allocating %zu bytes\n",
	    df_progname, n);
	exit(DF_EXIT_DATA);
}

void *
xmalloc(size_t n)
{
	void *p;

	p = malloc(n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *old, size_t n)
{
	void *p;

	p = realloc(old, n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void
df_seterr(struct df_error *err, int code, const char *file,
    unsigned long long line, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	err->code = code;
	df_err_file(err, file);
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

void
df_err_file(struct df_error *err, const char *file)
{
	if (err == NULL)
		return;
	if (file == NULL)
		err->file[0] = '\0';
	else
		snprintf(err->file, sizeof(err->file), "%s", file);
}

void
df_err_prefix(struct df_error *err, const char *fmt, ...)
{
	char pre[256];
	size_t n, m;
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(pre, sizeof(pre), fmt, ap);
	va_end(ap);
	n = strlen(pre);
	m = strlen(err->msg);
	if (n + m >= sizeof(err->msg))
		m = sizeof(err->msg) - 1 - n;
	memmove(err->msg + n, err->msg, m);
	memcpy(err->msg, pre, n);
	err->msg[n + m] = '\0';
}

/*
 * Write a message on stderr with control characters escaped (\n, \t, \r,
 * \xHH): messages quote names and bytes from the dump, and a message is
 * one line, whatever the input holds.
 */
static void
put_text(const char *s)
{
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c == '\n')
			fputs("\\n", stderr);
		else if (c == '\t')
			fputs("\\t", stderr);
		else if (c == '\r')
			fputs("\\r", stderr);
		else if (c < 0x20 || c == 0x7f)
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
}

void
df_err_print(const struct df_error *err)
{
	fprintf(stderr, "%s: ", df_progname);
	if (err->file[0] != '\0') {
		put_text(err->file);
		if (err->line > 0)
			fprintf(stderr, ":%llu", err->line);
		fputs(": ", stderr);
	}
	put_text(err->msg);
	fputc('\n', stderr);
}

void
df_warnx(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: ", df_progname);
	put_text(msg);
	fputc('\n', stderr);
}

void
df_die(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", df_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

int
df_parse_size(const char *s, unsigned long long min, unsigned long long max,
    unsigned long long *out)
{
	unsigned long long v, mul = 1;
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case '\0':
		break;
	case 'k': case 'K':
		mul = 1ULL << 10;
		end++;
		break;
	case 'm': case 'M':
		mul = 1ULL << 20;
		end++;
		break;
	case 'g': case 'G':
		mul = 1ULL << 30;
		end++;
		break;
	case 't': case 'T':
		mul = 1ULL << 40;
		end++;
		break;
	default:
		return -1;
	}
	if (*end == 'i' || *end == 'B')		/* accept KiB, MB */
		end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
	if (*end != '\0' || (v != 0 && mul > max / v))
		return -1;
	v *= mul;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
df_slice_eq(const char *p, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(p, s, n) == 0;
}

int
df_slice_caseeq(const char *p, size_t n, const char *s)
{
	return strlen(s) == n && strncasecmp(p, s, n) == 0;
}
