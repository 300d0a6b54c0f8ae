/*
 * util: memory helpers that die on exhaustion, the library's error record,
 * and the program name used in every message.
 *
 * Library code reports failures by filling a caller-owned struct df_error and
 * returning -1 (or NULL); only the programs' main()s and this module's
 * xmalloc family end the process.
 */
#ifndef DF_UTIL_H
#define DF_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Exit codes shared by every program. */
#define DF_EXIT_OK	0
#define DF_EXIT_DATA	1	/* data or runtime error */
#define DF_EXIT_USAGE	2	/* usage or rules error */

/*
 * An error a library call reports.  code is DF_EXIT_DATA or DF_EXIT_USAGE;
 * file and line locate the input position (file may be NULL, line 0 when
 * unknown); msg is the text without program name or position.
 */
struct df_error {
	int		 code;
	unsigned long long line;
	char		 file[256];	/* a copy: streams may be gone */
	char		 msg[512];
};

extern const char *df_progname;

/* Never NULL: they end the process when memory runs out. */
void	*xmalloc(size_t) __attribute__((malloc, returns_nonnull));
void	*xcalloc(size_t, size_t) __attribute__((malloc, returns_nonnull));
void	*xrealloc(void *, size_t) __attribute__((returns_nonnull));
char	*xstrdup(const char *) __attribute__((malloc, returns_nonnull));
char	*xstrndup(const char *, size_t)
	    __attribute__((malloc, returns_nonnull));

/*
 * Fill err (which may be NULL) with code, position and a printf-style
 * message.  df_err() is the same as an expression worth -1, so callers can
 * write `return df_err(...)`: a macro, so that the compiler and the static
 * analyzer see the -1 at the call (scan-build cannot see into a function
 * of another file, and otherwise follows paths where an error "returned"
 * 0).  As a statement, call df_seterr().
 */
void	 df_seterr(struct df_error *, int, const char *, unsigned long long,
	    const char *, ...) __attribute__((format(printf, 5, 6)));
#define df_err(...)	(df_seterr(__VA_ARGS__), -1)
/* Set the file an error is about (copied; NULL clears it). */
void	 df_err_file(struct df_error *, const char *);
/* Prefix an existing message, e.g. with "table.column: ". */
void	 df_err_prefix(struct df_error *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Print "prog: file:line: msg" for err on stderr. */
void	 df_err_print(const struct df_error *);
/* Print "prog: msg" on stderr (warnings, notices). */
void	 df_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Print "prog: msg" and exit with code: for main()s and this module only. */
void	 df_die(int, const char *, ...)
	    __attribute__((format(printf, 2, 3), noreturn));

/*
 * Parse a size with an optional K, M, G or T suffix (powers of 1024) into *out.
 * Returns 0, or -1 if the text is not a number in [min, max].
 */
int	 df_parse_size(const char *, unsigned long long, unsigned long long,
	    unsigned long long *);

/* The value of a hex digit, or -1. */
static inline int
df_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Comparisons of (ptr, len) slices with C strings. */
int	 df_slice_eq(const char *, size_t, const char *);
int	 df_slice_caseeq(const char *, size_t, const char *);

#endif
