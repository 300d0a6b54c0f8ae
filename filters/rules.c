/*
 * rules: reading and compiling a rules file (dumprules(5)).
 *
 * A file is read whole, cut into tokens by a small lexer, and parsed by
 * recursive descent into the tree of rules.h.  The parser knows the whole
 * language, the statements of all three filters, so a rules file is never
 * half understood: anything it does not know is an error at
 * FILE:LINE:COL.
 *
 * Lexical layer: "#" starts a comment to the end of the line; a statement
 * ends at a newline or ";"; a backslash before a newline continues the
 * line; newlines are ignored inside ( ), inside json { } and between the
 * rules of a table block.  Tokens are words (names, keywords, numbers,
 * paths such as items[].email), 'strings', "quoted names", /regex/flags
 * and the operators = != < <= > >= ~ !~ -> and punctuation { } ( ) , ;.
 *
 * This is the only module that sees PCRE2: regexes are compiled here and
 * used elsewhere through rx_match() and rx_replace().
 *
 * Ownership: a statement parser appends a zeroed element to its array in
 * struct rules (count raised) before filling it, so a node that fails
 * half-way is already in the tree and rules_free() frees it with the rest.
 * Nothing in the tree points into the file text: names, values and paths
 * are copied out, and file names live in rules->files for every rule_pos.
 * Errors: the first one ends the load, as FILE:LINE:COL: ... with
 * DF_EXIT_USAGE (exit 2).
 */
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "rules.h"
#include "schema.h"
#include "util.h"

/*
 * Hard limits (STYLE 16): the parser, cond_free() and the evaluator
 * recurse, so nesting is bounded.  Passing one is a rules error, never a
 * crash.
 */
#define MAX_INCLUDE_DEPTH	16
#define MAX_COND_DEPTH		64	/* ( and not, nested */
#define MAX_COND_TERMS		4096	/* terms of one condition */
#define MAX_RULES_FILE		(16u << 20)	/* bytes; a rules file is small */
#define MAX_MAP_FILE		(1u << 30)

/*
 * md is made once and reused by every match: only the main thread matches.
 * text is /source/flags, for messages.
 */
struct rx {
	pcre2_code	*code;
	pcre2_match_data *md;
	char		*text;
};

/* ---- Regular expressions ---------------------------------------------- */

/*
 * Compile src (n bytes) with flags.  On error, *erroff is the offset of
 * the offending byte in src and msg holds PCRE2's message.
 *
 * Returns an rx for rx_free(), or NULL.  An unknown flag's offset is past
 * the closing '/' (n + 1 + i), so the caller's column lands on it.
 */
static struct rx *
rx_compile(const char *src, size_t n, const char *flags, size_t nflags,
    char *msg, size_t msglen, size_t *erroff)
{
	struct rx *rx;
	uint32_t opt = 0;
	int errcode;
	PCRE2_SIZE off;
	size_t i;

	for (i = 0; i < nflags; i++)
		switch (flags[i]) {
		case 'i':
			opt |= PCRE2_CASELESS;
			break;
		case 'x':
			opt |= PCRE2_EXTENDED;
			break;
		case 's':
			opt |= PCRE2_DOTALL;
			break;
		case 'm':
			opt |= PCRE2_MULTILINE;
			break;
		case 'u':
			/* Dumps hold invalid UTF-8 too: such bytes never match. */
			opt |= PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
			break;
		default:
			snprintf(msg, msglen, "unknown regex flag '%c' "
			    "(flags: i, m, s, u, x)", flags[i]);
			*erroff = n + 1 + i;
			return NULL;
		}
	rx = xcalloc(1, sizeof(*rx));
	rx->code = pcre2_compile((PCRE2_SPTR)src, n, opt, &errcode, &off,
	    NULL);
	if (rx->code == NULL) {
		PCRE2_UCHAR m[256];

		pcre2_get_error_message(errcode, m, sizeof(m));
		snprintf(msg, msglen, "invalid regex: %s (at offset %zu)",
		    (const char *)m, (size_t)off);
		*erroff = off;
		free(rx);
		return NULL;
	}
	/* JIT is an optimisation; without it matching still works. */
	(void)pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	if (rx->md == NULL) {
		fprintf(stderr, "%s: out of memory\n", df_progname);
		abort();
	}
	rx->text = xmalloc(n + nflags + 3);
	rx->text[0] = '/';
	memcpy(rx->text + 1, src, n);
	rx->text[n + 1] = '/';
	memcpy(rx->text + n + 2, flags, nflags);
	rx->text[n + nflags + 2] = '\0';
	return rx;
}

/* Free a regex made by rx_compile(); NULL is allowed. */
static void
rx_free(struct rx *rx)
{
	if (rx == NULL)
		return;
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	free(rx->text);
	free(rx);
}

/*
 * A failed match (the match or depth limit) is a data error naming the
 * regex: it depends on the value, not the rules.  Returns -1.
 */
static int
rx_error(struct df_error *err, const struct rx *rx, int rc)
{
	PCRE2_UCHAR m[256];

	pcre2_get_error_message(rc, m, sizeof(m));
	return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: %s", rx->text,
	    (const char *)m);
}

int
rx_match(const struct rx *rx, const char *p, size_t n, struct df_error *err)
{
	int rc;

	/* An empty slice may be (NULL, 0); PCRE2 wants a pointer. */
	rc = pcre2_match(rx->code, (PCRE2_SPTR)(p != NULL ? p : ""), n, 0, 0,
	    rx->md, NULL);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	return rx_error(err, rx, rc);
}

int
rx_replace(const struct rx *rx, const char *tmpl, size_t tlen,
    const char *p, size_t n, struct buf *out, struct df_error *err)
{
	PCRE2_SIZE outlen;
	size_t room = n + tlen + 64;
	int rc;

	/*
	 * Too little room: with OVERFLOW_LENGTH PCRE2 says how much it
	 * needs, and the loop retries.  buf_reserve() fails at the buffer's
	 * cap, which makes a huge result a data error.
	 */
	for (;;) {
		if (buf_reserve(out, room) == -1)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: the "
			    "result is too long", rx->text);
		outlen = out->cap - out->len;
		rc = pcre2_substitute(rx->code, (PCRE2_SPTR)(p ? p : ""), n,
		    0, PCRE2_SUBSTITUTE_GLOBAL |
		    PCRE2_SUBSTITUTE_OVERFLOW_LENGTH, rx->md, NULL,
		    (PCRE2_SPTR)(tmpl ? tmpl : ""), tlen,
		    (PCRE2_UCHAR *)out->p + out->len, &outlen);
		if (rc >= 0) {
			out->len += outlen;
			return 0;
		}
		if (rc != PCRE2_ERROR_NOMEMORY)
			return rx_error(err, rx, rc);
		/* outlen is now the length needed, terminator included. */
		room = outlen + 1;
	}
}

const char *
rx_text(const struct rx *rx)
{
	return rx->text;
}

/*
 * Check that a replace template names only groups the regex has ($n,
 * ${n}, ${name}, $name), so that a typo is a rules error, not a data
 * error on the first row that matches.  Returns 0 or -1 with msg set.
 */
static int
rx_check_template(const struct rx *rx, const char *t, size_t n, char *msg,
    size_t msglen)
{
	uint32_t ngroups = 0;
	size_t i = 0, k;
	char name[128];
	long g;

	(void)pcre2_pattern_info(rx->code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
	while (i < n) {
		if (t[i++] != '$')
			continue;
		if (i < n && t[i] == '$') {
			i++;
			continue;
		}
		/*
		 * $n, ${n} by number; $name, ${name} by name.  A missing
		 * '}' is left to PCRE2, at the first match; g is capped
		 * against overflow.
		 */
		k = i + (i < n && t[i] == '{');
		if (k < n && t[k] >= '0' && t[k] <= '9') {
			for (g = 0; k < n && t[k] >= '0' && t[k] <= '9' &&
			    g < 100000; k++)
				g = g * 10 + (t[k] - '0');
			if (g > (long)ngroups) {
				snprintf(msg, msglen, "the template names "
				    "group $%ld but %s has %u", g, rx->text,
				    (unsigned)ngroups);
				return -1;
			}
		} else {
			size_t s0 = k;

			while (k < n && k - s0 < sizeof(name) - 1 &&
			    ((t[k] >= 'a' && t[k] <= 'z') ||
			    (t[k] >= 'A' && t[k] <= 'Z') ||
			    (t[k] >= '0' && t[k] <= '9') || t[k] == '_'))
				k++;
			if (k == s0) {
				snprintf(msg, msglen, "a lone '$' in the "
				    "template (write $$ for a dollar sign)");
				return -1;
			}
			memcpy(name, t + s0, k - s0);
			name[k - s0] = '\0';
			if (pcre2_substring_number_from_name(rx->code,
			    (PCRE2_SPTR)name) < 0) {
				snprintf(msg, msglen, "the template names "
				    "group ${%s} but %s has no group of that "
				    "name", name, rx->text);
				return -1;
			}
		}
		i = k;
	}
	return 0;
}

/* ---- Maps -------------------------------------------------------------- */

/*
 * A map is an open-addressing hash table (linear probing) over one array of
 * entries in file order: no node per entry.  slot[] holds index + 1 so that
 * calloc'd memory is an empty table.  map_load() keeps it at most half
 * full: probe runs stay short, and a lookup always meets an empty slot, so
 * looking up an absent value ends.  Entries are never removed (no
 * tombstones), and growing rehashes indices only.
 */
struct map_entry {
	char		*old, *new;	/* new is NULL for \N */
	size_t		 oldlen, newlen;
};

struct rule_map {
	char		*path;
	size_t		 n, ecap;	/* entries, and room for them */
	size_t		 cap;		/* slots, a power of two */
	struct map_entry *e;
	size_t		*slot;		/* index + 1, 0 = empty */
};

/* FNV-1a, high bits folded down: a slot takes only the low bits. */
static uint64_t
map_hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

/*
 * The index of the entry for old value (p, n), or -1 with *slotp set to the
 * empty slot where it would go, for map_load() to fill.
 */
static long
map_find(const struct rule_map *m, const char *p, size_t n, size_t *slotp)
{
	size_t i = (size_t)map_hash(p, n) & (m->cap - 1), k;

	for (;;) {
		k = m->slot[i];
		if (k == 0) {
			*slotp = i;
			return -1;
		}
		if (m->e[k - 1].oldlen == n &&
		    (n == 0 || memcmp(m->e[k - 1].old, p, n) == 0))
			return (long)(k - 1);
		i = (i + 1) & (m->cap - 1);
	}
}

int
rule_map_get(const struct rule_map *m, const char *p, size_t n,
    const char **outp, size_t *outn)
{
	const struct map_entry *e;
	size_t slot;
	long k;

	/* *outp points into the map, which lives as long as the rules. */
	k = map_find(m, p, n, &slot);
	if (k < 0)
		return -1;
	e = &m->e[k];
	if (e->new == NULL)
		return 1;
	*outp = e->new;
	*outn = e->newlen;
	return 0;
}

int
rule_map_injective(const struct rule_map *m)
{
	struct rule_map seen = { 0 };
	size_t i;
	int ok = 1;

	/*
	 * A second slot table over the new values, as sparse as the map's.
	 * Called when a plan is checked (xf_injective()), never per row.
	 */
	seen.cap = m->cap;
	seen.slot = xcalloc(seen.cap, sizeof(*seen.slot));
	seen.e = m->e;
	for (i = 0; i < m->n && ok; i++) {
		if (m->e[i].new == NULL) {
			ok = 0;
			break;
		}
		/* Look the new value up among the new values seen so far. */
		{
			size_t j = (size_t)map_hash(m->e[i].new,
			    m->e[i].newlen) & (seen.cap - 1), k;

			for (;;) {
				k = seen.slot[j];
				if (k == 0)
					break;
				if (m->e[k - 1].newlen == m->e[i].newlen &&
				    memcmp(m->e[k - 1].new, m->e[i].new,
				    m->e[i].newlen) == 0) {
					ok = 0;
					break;
				}
				j = (j + 1) & (seen.cap - 1);
			}
			seen.slot[j] = i + 1;
		}
	}
	free(seen.slot);
	return ok;
}

int
rule_map_has_null(const struct rule_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->e[i].new == NULL)
			return 1;
	return 0;
}

const char *
rule_map_path(const struct rule_map *m)
{
	return m->path;
}

/* Characters: the bytes that are not UTF-8 continuation bytes. */
static size_t
utf8_chars(const char *p, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			c++;
	return c;
}

size_t
rule_map_maxchars(const struct rule_map *m)
{
	size_t i, c, max = 0;

	for (i = 0; i < m->n; i++) {
		if (m->e[i].new == NULL)
			continue;
		c = utf8_chars(m->e[i].new, m->e[i].newlen);
		if (c > max)
			max = c;
	}
	return max;
}

/* Is (p, n) an integer in [min, max]?  Optional sign, digits only. */
static int
is_integer_in(const char *p, size_t n, long long min, long long max)
{
	char tmp[32], *end;
	long long v;

	if (n == 0 || n >= sizeof(tmp))
		return 0;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	if (tmp[0] != '-' && tmp[0] != '+' && (tmp[0] < '0' || tmp[0] > '9'))
		return 0;
	errno = 0;
	v = strtoll(tmp, &end, 10);
	return errno == 0 && *end == '\0' && v >= min && v <= max;
}

int
rule_map_all_integers(const struct rule_map *m, long long min, long long max)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->e[i].new != NULL &&
		    !is_integer_in(m->e[i].new, m->e[i].newlen, min, max))
			return 0;
	return 1;
}

/* Free a map and its entries; NULL is allowed. */
static void
map_free(struct rule_map *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->e[i].old);
		free(m->e[i].new);
	}
	free(m->e);
	free(m->slot);
	free(m->path);
	free(m);
}

/*
 * Decode one TSV field with COPY-style escapes into a malloc'd string.
 * Returns -1 on a bad escape.
 *
 * (p, n) is a slice of the line; on error nothing is allocated.  \N is a
 * bad escape here: map_load() recognises a NEW field that is exactly \N,
 * for NULL, before decoding.
 */
static int
map_field(const char *p, size_t n, char **out, size_t *outn)
{
	char *s = xmalloc(n + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '\\') {
			s[k++] = p[i];
			continue;
		}
		if (++i == n) {
			free(s);
			return -1;
		}
		switch (p[i]) {
		case 't':
			s[k++] = '\t';
			break;
		case 'n':
			s[k++] = '\n';
			break;
		case 'r':
			s[k++] = '\r';
			break;
		case '\\':
			s[k++] = '\\';
			break;
		default:
			free(s);
			return -1;
		}
	}
	s[k] = '\0';
	*out = s;
	*outn = k;
	return 0;
}

/* Double the slot table and re-insert; the entries keep their indices. */
static void
map_grow(struct rule_map *m)
{
	size_t i, slot;

	free(m->slot);
	m->cap = m->cap ? m->cap * 2 : 64;
	m->slot = xcalloc(m->cap, sizeof(*m->slot));
	for (i = 0; i < m->n; i++) {
		(void)map_find(m, m->e[i].old, m->e[i].oldlen, &slot);
		m->slot[slot] = i + 1;
	}
}

/*
 * Load a map file; errors name the map file's line.  Returns a map for
 * map_free(), or NULL with err filled (DF_EXIT_USAGE, "PATH:LINE: ...";
 * parse_action() adds the rule's position).  A value mapped twice is an
 * error: either mapping could be the one meant.
 */
static struct rule_map *
map_load(const char *path, struct df_error *err)
{
	struct rule_map *m;
	FILE *f;
	char *line = NULL, *tab;
	size_t cap = 0, len, slot, total = 0;
	ssize_t got;
	unsigned long lineno = 0;
	struct map_entry e;

	f = fopen(path, "r");
	if (f == NULL) {
		df_seterr(err, DF_EXIT_USAGE, NULL, 0, "map %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(path);
	map_grow(m);
	/* By line, not slurp(): a map may be big (total caps it at 1 GiB). */
	while ((got = getline(&line, &cap, f)) != -1) {
		lineno++;
		len = (size_t)got;
		total += len;
		if (total > MAX_MAP_FILE) {
			df_seterr(err, DF_EXIT_USAGE, NULL, 0, "map %s: larger "
			    "than 1 GiB", path);
			goto fail;
		}
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (len == 0 || line[0] == '#')
			continue;
		tab = memchr(line, '\t', len);
		if (tab == NULL || memchr(tab + 1, '\t',
		    len - (size_t)(tab + 1 - line)) != NULL) {
			df_seterr(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu: expected "
			    "OLD<tab>NEW", path, lineno);
			goto fail;
		}
		memset(&e, 0, sizeof(e));
		if (map_field(line, (size_t)(tab - line), &e.old,
		    &e.oldlen) == -1) {
			df_seterr(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu: bad "
			    "escape (\\t \\n \\r \\\\ and \\N)", path, lineno);
			goto fail;
		}
		/* "NEW may be \N for NULL": the whole field, as in COPY. */
		if (line + len - (tab + 1) == 2 && tab[1] == '\\' &&
		    tab[2] == 'N') {
			e.new = NULL;
		} else if (map_field(tab + 1, len - (size_t)(tab + 1 - line),
		    &e.new, &e.newlen) == -1) {
			free(e.old);
			df_seterr(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu: bad "
			    "escape (\\t \\n \\r \\\\ and \\N)", path, lineno);
			goto fail;
		}
		if (map_find(m, e.old, e.oldlen, &slot) >= 0) {
			free(e.old);
			free(e.new);
			df_seterr(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu: the "
			    "value is mapped twice", path, lineno);
			goto fail;
		}
		if (m->n == m->ecap) {
			m->ecap = m->ecap ? m->ecap * 2 : 64;
			m->e = xrealloc(m->e, m->ecap * sizeof(*m->e));
		}
		m->e[m->n] = e;
		m->slot[slot] = ++m->n;
		/* Keep the table at most half full. */
		if (m->n * 2 > m->cap)
			map_grow(m);
	}
	if (ferror(f)) {
		df_seterr(err, DF_EXIT_USAGE, NULL, 0, "map %s: read error", path);
		goto fail;
	}
	free(line);
	fclose(f);
	return m;
fail:
	free(line);
	fclose(f);
	map_free(m);
	return NULL;
}

/* ---- Lexer ------------------------------------------------------------- */

enum ttype {
	T_EOF = 0,
	T_NL,		/* newline or ';' ends a statement */
	T_WORD,
	T_STRING,	/* 'string', decoded in val */
	T_QNAME,	/* "name", decoded in val */
	T_REGEX,	/* /src/flags: p, len = src; flags, nflags */
	T_PUNCT		/* { } ( ) , = != < <= > >= ~ !~ -> */
};

/*
 * A token: p, len are a slice of the file text (for a REGEX, the source
 * between the slashes).  A STRING or QNAME is decoded by the lexer into
 * val, owned by the token: escapes are resolved once, where the column of a
 * bad one is known, and a parser that keeps the value takes val (setting it
 * to NULL) rather than copy it.  lex() frees a val nobody took.
 */
struct tok {
	enum ttype	 type;
	const char	*p;		/* in the file text */
	size_t		 len;
	char		*val;		/* STRING, QNAME: decoded, owned */
	size_t		 vlen;
	const char	*flags;		/* REGEX */
	size_t		 nflags;
	unsigned long	 line, col;
	int		 semicolon;	/* a T_NL written as ';' */
};

/*
 * One file being read; an include gets its own parser, linked to its
 * parent's by depth and stack.  nlskip counts the open ( and json { in
 * which a newline is mere space; a table block does not use it, as a
 * newline there still ends each column rule.
 */
struct parser {
	const char	*file;		/* owned by rules->files */
	const char	*dir;		/* for relative paths */
	const char	*s, *end, *cur;
	const char	*linestart;
	unsigned long	 line;
	struct tok	 t;		/* the current token */
	int		 nlskip;	/* > 0: newlines are not tokens */
	int		 depth;		/* include depth */
	unsigned long	 inc_line, inc_col;	/* of an include's file name */
	int		 cdepth;	/* nesting of ( and not in a condition */
	size_t		 cterms;	/* and/or joins of the statement */
	struct rules	*rs;
	struct df_error	*err;
	char	       **stack;		/* files being read, for cycles */
	size_t		 nstack;
};

/*
 * Fill ps->err with "FILE:LINE:COL: message", DF_EXIT_USAGE.  perr() is
 * that, worth -1 (a macro, as df_err() is: see util.h).
 */
static void
perr_at(struct parser *ps, unsigned long line, unsigned long col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
perr_at(struct parser *ps, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	df_seterr(ps->err, DF_EXIT_USAGE, NULL, 0, "%s:%lu:%lu: %s",
	    ps->file, line, col, msg);
}
#define perr(...)	(perr_at(__VA_ARGS__), -1)

/*
 * Append a zeroed element to the array arr of n elements and yield it.
 * The tree's parsers add a node before they fill it, so that a node that
 * fails half-way is already linked in and freed with the rest.
 */
#define PUSH(arr, n)	((arr) = xrealloc((arr), ((n) + 1) *		\
			    sizeof(*(arr))),					\
			    memset(&(arr)[(n)], 0, sizeof(*(arr))), &(arr)[(n)++])

/* An error at the current token. */
#define TERR(ps, ...)	perr((ps), (ps)->t.line, (ps)->t.col, __VA_ARGS__)
/* An error at the file name of the include being read. */
#define INCERR(ps, ...)	perr((ps), (ps)->inc_line, (ps)->inc_col, __VA_ARGS__)

/*
 * dumprules(5): "letters, digits, and _ $ . [ ] * % - : and bytes >= 0x80".
 * '.', '[', ']' keep schema.table and items[].email one word, split later
 * by their parsers; '-' makes keep-table and drop-row.  So "->" is only an
 * arrow where no word runs into it, e.g. after ')'.
 */
static int
is_word_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '.' ||
	    c == '[' || c == ']' || c == '*' || c == '%' || c == '-' ||
	    c == ':' || c >= 0x80;
}

/*
 * [+-]digits[.digits], at least one digit, no exponent: a percentage, or
 * the mantissa before a number's exponent.
 */
static int
is_decimal(const char *p, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (p[i] == '-' || p[i] == '+'))
		i++;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		digits++;
	if (i < n && p[i] == '.')
		for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			digits++;
	return digits > 0 && i == n;
}

/* The 1-based column of p on the current line, in bytes. */
static unsigned long
col_of(const struct parser *ps, const char *p)
{
	return (unsigned long)(p - ps->linestart) + 1;
}

/*
 * Decode a quoted token whose opening quote q is at ps->cur: a 'string' (''
 * and the backslash escapes of dumprules(5)) or a "name" ("" only, as in
 * SQL; a backslash is a plain byte).  Sets ps->t, owning the value, which
 * may hold NUL (\0).  Returns 0, or -1 via perr() with nothing allocated.
 */
static int
lex_quoted(struct parser *ps, int q)
{
	const char *p = ps->cur + 1;
	char *v = xmalloc((size_t)(ps->end - p) + 1);
	size_t k = 0;
	int h1, h2;

	/* Decoding never lengthens: the rest of the file bounds v. */
	for (;;) {
		/* "Strings may not contain a raw newline." */
		if (p == ps->end || *p == '\n') {
			free(v);
			return perr(ps, ps->line, col_of(ps, ps->cur),
			    "unterminated %s", q == '\'' ? "string" : "name");
		}
		if (*p == '\0') {
			free(v);
			return perr(ps, ps->line, col_of(ps, p), "NUL byte in "
			    "rules file");
		}
		if (*p == q) {
			if (p + 1 < ps->end && p[1] == q) {
				v[k++] = (char)q;
				p += 2;
				continue;
			}
			p++;
			break;
		}
		if (*p == '\\' && q == '\'') {
			if (p + 1 == ps->end) {
				p++;		/* unterminated, above */
				continue;
			}
			switch (p[1]) {
			case '\\':
			case '\'':
				v[k++] = p[1];
				break;
			case 'n':
				v[k++] = '\n';
				break;
			case 't':
				v[k++] = '\t';
				break;
			case 'r':
				v[k++] = '\r';
				break;
			case '0':
				v[k++] = '\0';
				break;
			case 'x':
				h1 = p + 2 < ps->end ? df_hexval(p[2]) : -1;
				h2 = p + 3 < ps->end ? df_hexval(p[3]) : -1;
				if (h1 < 0 || h2 < 0) {
					free(v);
					return perr(ps, ps->line,
					    col_of(ps, p), "\\x needs two hex "
					    "digits");
				}
				v[k++] = (char)(h1 * 16 + h2);
				p += 2;
				break;
			default:
				free(v);
				return perr(ps, ps->line, col_of(ps, p),
				    "unknown escape \\%c in a string (\\\\ "
				    "\\' \\n \\t \\r \\0 \\xHH)", p[1]);
			}
			p += 2;
			continue;
		}
		v[k++] = *p++;
	}
	v[k] = '\0';
	ps->t.type = q == '\'' ? T_STRING : T_QNAME;
	ps->t.val = v;
	ps->t.vlen = k;
	ps->t.len = (size_t)(p - ps->cur);
	ps->cur = p;
	return 0;
}

/*
 * Scan /source/flags at ps->cur.  The source is kept as written: "a '/'
 * inside is written '\/'", which PCRE2 reads as '/'.  Flags are any
 * letters; rx_compile() refuses unknown ones at their column.  Returns 0,
 * or -1 via perr().
 */
static int
lex_regex(struct parser *ps)
{
	const char *p = ps->cur + 1, *src = p;

	for (;;) {
		if (p == ps->end || *p == '\n')
			return perr(ps, ps->line, col_of(ps, ps->cur),
			    "unterminated regex");
		/* As everywhere else: PCRE2 would take it, messages not. */
		if (*p == '\0')
			return perr(ps, ps->line, col_of(ps, p),
			    "NUL byte in rules file");
		if (*p == '\\' && p + 1 < ps->end && p[1] != '\n' &&
		    p[1] != '\0') {
			p += 2;
			continue;
		}
		if (*p == '/')
			break;
		p++;
	}
	ps->t.type = T_REGEX;
	ps->t.p = src;
	ps->t.len = (size_t)(p - src);
	p++;
	ps->t.flags = p;
	while (p < ps->end && ((*p >= 'a' && *p <= 'z') ||
	    (*p >= 'A' && *p <= 'Z')))
		p++;
	ps->t.nflags = (size_t)(p - ps->t.flags);
	ps->cur = p;
	return 0;
}

/*
 * Read the next token into ps->t, freeing the previous one's value.
 * Returns 0 (T_EOF at the end) or -1.  A newline is a T_NL unless nlskip is
 * raised: a condition in ( ), an in-list or a json { } block is naturally
 * written over several lines, and a newline there can end nothing.
 */
static int
lex(struct parser *ps)
{
	const char *p;
	int c;

	free(ps->t.val);
	memset(&ps->t, 0, sizeof(ps->t));
again:
	while (ps->cur < ps->end && (*ps->cur == ' ' || *ps->cur == '\t' ||
	    *ps->cur == '\r'))
		ps->cur++;
	/* Quotes and regexes are lexed whole: a '#' in them never gets here. */
	if (ps->cur < ps->end && *ps->cur == '#')
		while (ps->cur < ps->end && *ps->cur != '\n')
			ps->cur++;
	/* "A line ending in '\' continues on the next line", CRLF too. */
	if (ps->cur + 1 < ps->end && ps->cur[0] == '\\' &&
	    (ps->cur[1] == '\n' || (ps->cur[1] == '\r' &&
	    ps->cur + 2 < ps->end && ps->cur[2] == '\n'))) {
		ps->cur += ps->cur[1] == '\n' ? 2 : 3;
		ps->line++;
		ps->linestart = ps->cur;
		goto again;
	}
	ps->t.line = ps->line;
	ps->t.col = col_of(ps, ps->cur);
	ps->t.p = ps->cur;
	if (ps->cur == ps->end) {
		ps->t.type = T_EOF;
		return 0;
	}
	c = (unsigned char)*ps->cur;
	if (c == '\n') {
		ps->cur++;
		ps->line++;
		ps->linestart = ps->cur;
		if (ps->nlskip > 0)
			goto again;
		ps->t.type = T_NL;
		ps->t.len = 1;
		return 0;
	}
	if (c == '\0')
		return TERR(ps, "NUL byte in rules file");
	if (c == '\'' || c == '"')
		return lex_quoted(ps, c);
	/* Always a regex: no division, so a path with '/' must be quoted. */
	if (c == '/')
		return lex_regex(ps);
	/* Never skipped by nlskip: ';' separates the rules of json { }. */
	if (c == ';') {
		ps->cur++;
		ps->t.type = T_NL;
		ps->t.semicolon = 1;
		ps->t.len = 1;
		return 0;
	}
	p = ps->cur;
	if ((c == '!' || c == '<' || c == '>') && p + 1 < ps->end &&
	    p[1] == '=') {
		ps->t.len = 2;
	} else if (c == '!' && p + 1 < ps->end && p[1] == '~') {
		ps->t.len = 2;
	} else if (c == '-' && p + 1 < ps->end && p[1] == '>') {
		ps->t.len = 2;
	} else if (strchr("{}(),=<>~", c) != NULL) {
		ps->t.len = 1;
	} else if (is_word_byte(c)) {
		while (p < ps->end && is_word_byte((unsigned char)*p))
			p++;
		/*
		 * "A '+' right after the e of a number's exponent": 1e+100,
		 * as PostgreSQL writes it.  '+' ends no other word.
		 */
		if (p < ps->end && *p == '+' && p - ps->cur >= 2 &&
		    (p[-1] == 'e' || p[-1] == 'E') &&
		    is_decimal(ps->cur, (size_t)(p - ps->cur) - 1))
			for (p++; p < ps->end &&
			    is_word_byte((unsigned char)*p); p++)
				;
		ps->t.type = T_WORD;
		ps->t.len = (size_t)(p - ps->cur);
		ps->cur = p;
		return 0;
	} else {
		return TERR(ps, "unexpected character '%c'", c);
	}
	ps->t.type = T_PUNCT;
	ps->cur += ps->t.len;
	return 0;
}

/* Is the token the keyword kw?  "Keywords are case-insensitive." */
static int
tok_is(const struct tok *t, const char *kw)
{
	return t->type == T_WORD && df_slice_caseeq(t->p, t->len, kw);
}

/* Is the token the operator or punctuation s? */
static int
tok_punct(const struct tok *t, const char *s)
{
	return t->type == T_PUNCT && df_slice_eq(t->p, t->len, s);
}

/* Does the token end a statement or rule?  '}' ends a block's last rule. */
static int
at_end(const struct parser *ps)
{
	return ps->t.type == T_NL || ps->t.type == T_EOF ||
	    tok_punct(&ps->t, "}");
}

/* A short description of the current token for messages. */
static const char *
tok_what(const struct tok *t, char *b, size_t n)
{
	switch (t->type) {
	case T_EOF:
		return "end of file";
	case T_NL:
		return t->semicolon ? "';'" : "end of line";
	case T_STRING:
		return "a string";
	case T_QNAME:
		return "a quoted name";
	case T_REGEX:
		return "a regex";
	default:
		snprintf(b, n, "'%.*s'", (int)(t->len > 40 ? 40 : t->len),
		    t->p);
		return b;
	}
}

/* Expect, not consume, the end: callers skip T_NL, '}' is the block's. */
static int
expect_end(struct parser *ps)
{
	char b[64];

	if (at_end(ps))
		return 0;
	return TERR(ps, "unexpected %s", tok_what(&ps->t, b, sizeof(b)));
}

/* Expect punctuation s and move past it.  Returns 0 or -1. */
static int
expect_punct(struct parser *ps, const char *s)
{
	char b[64];

	if (!tok_punct(&ps->t, s))
		return TERR(ps, "expected '%s', found %s", s,
		    tok_what(&ps->t, b, sizeof(b)));
	return lex(ps);
}

/* Expect the keyword kw and move past it.  Returns 0 or -1. */
static int
expect_word(struct parser *ps, const char *kw)
{
	char b[64];

	if (!tok_is(&ps->t, kw))
		return TERR(ps, "expected '%s', found %s", kw,
		    tok_what(&ps->t, b, sizeof(b)));
	return lex(ps);
}

/* The current token's position, for a node. */
static struct rule_pos
here(const struct parser *ps)
{
	struct rule_pos pos = { ps->file, ps->t.line, ps->t.col };

	return pos;
}

/*
 * Compile the T_REGEX token into *out (the caller's node owns it) and move
 * on.  An error points at the character: token column + 1 + offset.
 */
static int
compile_tok_regex(struct parser *ps, struct rx **out)
{
	char msg[300];
	size_t off = 0;

	*out = rx_compile(ps->t.p, ps->t.len, ps->t.flags, ps->t.nflags,
	    msg, sizeof(msg), &off);
	if (*out == NULL)
		return perr(ps, ps->t.line, ps->t.col + 1 + off, "%s", msg);
	return lex(ps);
}

/* ---- Names ------------------------------------------------------------- */

/*
 * NAME: /regex/, or adjacent words and "quoted" parts forming one or
 * (with allow_schema) two dot-separated segments.
 *
 * Words split at '.', quoted parts never: "my.table" is one identifier
 * holding a dot, public.users one word (the lexer keeps '.') for two names,
 * and "s"."t" three tokens joined as nothing separates them.  Fills *n,
 * which the caller frees with name_free() even on error.
 */
static int
parse_name(struct parser *ps, struct rule_name *n, int allow_schema,
    const char *what)
{
	char *seg[3] = { NULL, NULL, NULL };
	int quoted[3] = { 0, 0, 0 };
	size_t nseg = 0, i;
	const char *start = ps->t.p, *prev_end, *w, *e, *dot;
	char b[64];
	int rc = -1;

	memset(n, 0, sizeof(*n));
	n->pos = here(ps);
	if (ps->t.type == T_REGEX) {
		n->text = xstrndup(ps->t.p - 1, (size_t)(ps->t.flags +
		    ps->t.nflags - ps->t.p) + 1);
		return compile_tok_regex(ps, &n->rx);
	}
	if (ps->t.type != T_WORD && ps->t.type != T_QNAME)
		return TERR(ps, "expected %s, found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	/* Room for a third segment, to report "too many dots". */
	nseg = 1;
	for (;;) {
		if (ps->t.type == T_QNAME) {
			if (seg[nseg - 1] != NULL) {
				(void)TERR(ps, "a quoted part must follow a "
				    "'.'");
				goto out;
			}
			seg[nseg - 1] = xstrndup(ps->t.val, ps->t.vlen);
			quoted[nseg - 1] = 1;
		} else {
			w = ps->t.p;
			e = w + ps->t.len;
			while (w <= e) {
				dot = memchr(w, '.', (size_t)(e - w));
				if (dot == NULL)
					dot = e;
				if (dot > w) {
					if (seg[nseg - 1] != NULL) {
						(void)TERR(ps, "expected '.' in "
						    "%s", what);
						goto out;
					}
					seg[nseg - 1] = xstrndup(w,
					    (size_t)(dot - w));
				}
				if (dot == e)
					break;
				if (seg[nseg - 1] == NULL || nseg == 3) {
					(void)TERR(ps, "malformed name: "
					    "expected %s", what);
					goto out;
				}
				nseg++;
				w = dot + 1;
			}
		}
		prev_end = ps->t.p + ps->t.len;
		if (lex(ps) == -1)
			goto out;
		/* Only a token flush against this one continues the name. */
		if ((ps->t.type != T_WORD && ps->t.type != T_QNAME) ||
		    ps->t.p != prev_end)
			break;
	}
	for (i = 0; i < nseg; i++)
		if (seg[i] == NULL || seg[i][0] == '\0') {
			perr_at(ps, n->pos.line, n->pos.col, "malformed "
			    "name: expected %s", what);
			goto out;
		}
	if (nseg > (allow_schema ? 2u : 1u)) {
		perr_at(ps, n->pos.line, n->pos.col, "malformed name: "
		    "expected %s (too many dots)", what);
		goto out;
	}
	if (nseg == 2) {
		n->schema = seg[0];
		n->name = seg[1];
		n->schema_quoted = quoted[0];
		n->quoted = quoted[1];
		seg[0] = seg[1] = NULL;
	} else {
		n->name = seg[0];
		n->quoted = quoted[0];
		seg[0] = NULL;
	}
	n->text = xstrndup(start, (size_t)(prev_end - start));
	rc = 0;
out:
	for (i = 0; i < 3; i++)
		free(seg[i]);
	return rc;
}

/* Free what a rule_name holds; the struct is embedded. */
static void
name_free(struct rule_name *n)
{
	free(n->schema);
	free(n->name);
	rx_free(n->rx);
	free(n->text);
}

int
rule_name_match(const struct rule_name *n, const char *schema,
    const char *name)
{
	char *q;
	size_t a, b;
	int m;

	if (n->rx != NULL) {
		/*
		 * The bare name, then schema.name.  No err: a failed match
		 * is no match.
		 */
		if (rx_match(n->rx, name, strlen(name), NULL) == 1)
			return 1;
		if (schema == NULL)
			return 0;
		a = strlen(schema);
		b = strlen(name);
		q = xmalloc(a + b + 2);
		memcpy(q, schema, a);
		q[a] = '.';
		memcpy(q + a + 1, name, b + 1);
		m = rx_match(n->rx, q, a + b + 1, NULL) == 1;
		free(q);
		return m;
	}
	/*
	 * A table whose schema the dump does not say (an old pg_dump's
	 * SET search_path, a mysqldump without USE) matches on its name
	 * alone: a rule that matched too much fails safe, one that matched
	 * nothing would let the table's values through.
	 */
	if (n->schema != NULL && schema != NULL && (n->schema_quoted ?
	    strcmp(n->schema, schema) : strcasecmp(n->schema, schema)) != 0)
		return 0;
	return (n->quoted ? strcmp(n->name, name) :
	    strcasecmp(n->name, name)) == 0;
}

/*
 * NAME [, NAME ...] until the end of the statement, onto *list.  A name
 * that fails is freed here, uncounted; those before stay for rules_free().
 */
static int
parse_name_list(struct parser *ps, struct rule_name **list, size_t *n,
    int allow_schema, const char *what)
{
	for (;;) {
		*list = xrealloc(*list, (*n + 1) * sizeof(**list));
		if (parse_name(ps, &(*list)[*n], allow_schema, what) == -1) {
			name_free(&(*list)[*n]);
			return -1;
		}
		(*n)++;
		if (!tok_punct(&ps->t, ","))
			return expect_end(ps);
		if (lex(ps) == -1)
			return -1;
	}
}

/*
 * A plain identifier (column of a condition, pointer name): no schema, no
 * regex.  *out is malloc'd for the caller.  Quoting is dropped: scrub looks
 * the column up exactly, then case-insensitively.
 */
static int
parse_ident(struct parser *ps, char **out, const char *what)
{
	struct rule_name n;

	if (ps->t.type == T_REGEX) {
		char b[64];

		return TERR(ps, "expected %s, found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	}
	if (parse_name(ps, &n, 0, what) == -1)
		return -1;
	*out = n.name;
	n.name = NULL;
	name_free(&n);
	return 0;
}

/* ---- Values and conditions ------------------------------------------- */

/*
 * Numbers, as the dumps write them (dumprules(5) CONDITIONS): a decimal,
 * [+-] digits [. digits] with at least one digit, optionally followed by
 * an exponent, e|E [+-] digits.  PostgreSQL's float4out and float8out
 * write "1e+100", "5e-05", "-1.5e-07" (a sign and at least two digits;
 * Ryu when extra_float_digits > 0, pg_dump's 3, else %g); MySQL's and
 * MariaDB's my_gcvt() "1e-5", "1.5e20" (no '+', no padding); numeric
 * and integers never have one.  Besides, the three words PostgreSQL
 * writes for the values of float (and, from 14, numeric) that are not
 * finite: NaN, Infinity, -Infinity, spelled exactly so.
 *
 * The kinds are in PostgreSQL's order, which this file follows: "NaN
 * values are equal, and greater than all non-NaN values", and
 * -Infinity < every finite value < Infinity.
 */
enum num_kind { NUM_NONE, NUM_NINF, NUM_FINITE, NUM_INF, NUM_NAN };

/*
 * A finite number as sign x 0.D x 10^(k + x): D the significant digits,
 * in two runs of the text (the integer part's and the fraction's) with
 * the leading and trailing zeros taken off, so 0.D is in [0.1, 1); k the
 * point's shift that makes it so (the integer digits left, or minus the
 * fraction's leading zeros); x the exponent as written, digits without
 * their leading zeros.  Nothing is converted: an exponent of any length
 * stays text.
 */
struct num {
	enum num_kind	 kind;
	int		 sign;		/* -1, 0 (zero: no digits), 1 */
	const char	*d1, *d2;	/* D = d1 d2 */
	size_t		 n1, n2;
	long long	 k;
	const char	*x;
	size_t		 xn;
	int		 xneg;
};

/* Parse (p, n) into *m; returns m->kind, NUM_NONE if not a number. */
static enum num_kind
num_parse(const char *p, size_t n, struct num *m)
{
	const char *ip, *fp;
	size_t i = 0, in = 0, fn = 0, z;
	int neg = 0;

	memset(m, 0, sizeof(*m));
	if (n == 0)
		return NUM_NONE;	/* and p may be NULL */
	if (p[0] == 'N' || p[0] == 'I' || p[0] == '-') {
		if (n == 3 && memcmp(p, "NaN", 3) == 0)
			return m->kind = NUM_NAN;
		if (n == 8 && memcmp(p, "Infinity", 8) == 0)
			return m->kind = NUM_INF;
		if (n == 9 && memcmp(p, "-Infinity", 9) == 0)
			return m->kind = NUM_NINF;
	}
	if (p[0] == '-' || p[0] == '+')
		neg = p[i++] == '-';
	for (ip = p + i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		in++;
	fp = p + i;		/* no fraction: an empty one, not NULL + 0 */
	if (i < n && p[i] == '.')
		for (fp = p + ++i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			fn++;
	if (in + fn == 0)
		return NUM_NONE;
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '-' || p[i] == '+'))
			m->xneg = p[i++] == '-';
		for (m->x = p + i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			m->xn++;
		if (m->xn == 0)
			return NUM_NONE;
		while (m->xn > 0 && m->x[0] == '0')
			m->x++, m->xn--;
	}
	if (i != n)
		return NUM_NONE;
	/* A value is in memory, so k and the sums of exp_cmp() fit. */
	assert((unsigned long long)n < 1ULL << 56);
	while (in > 0 && ip[0] == '0')
		ip++, in--;
	if (in > 0) {
		m->d1 = ip, m->n1 = in;
		m->d2 = fp, m->n2 = fn;
		m->k = (long long)in;
	} else {
		for (z = 0; z < fn && fp[z] == '0'; z++)
			;
		m->d1 = fp + z, m->n1 = fn - z;
		m->k = -(long long)z;
	}
	while (m->n2 > 0 && m->d2[m->n2 - 1] == '0')
		m->n2--;
	if (m->n2 == 0)
		while (m->n1 > 0 && m->d1[m->n1 - 1] == '0')
			m->n1--;
	m->sign = m->n1 == 0 ? 0 : neg ? -1 : 1;	/* -0 = 0 */
	return m->kind = NUM_FINITE;
}

/*
 * The order of the powers of ten of two nonzero numbers, (xa + ka) and
 * (xb + kb), the x of any length: the sign of (xa - xb) - d, d = kb - ka,
 * summed digit by digit from the most significant, v = 10 v + (a digit of
 * xa - one of xb).  The digits left after a step can move the sum by less
 * than 2 x 10^m while it is multiplied by 10^m, so once |v| > |d| + 2 its
 * sign is the answer; until then v is small, and at the end it is
 * (xa - xb) exactly.  So 1e999999999999999999999 has its order, with no
 * allocation and no overflow.
 */
static int
exp_cmp(const struct num *a, const struct num *b)
{
	long long d = b->k - a->k, t, v = 0;
	size_t len = a->xn > b->xn ? a->xn : b->xn, j;
	int da, db;

	t = (d < 0 ? -d : d) + 2;
	for (j = len; j-- > 0; ) {
		da = j < a->xn ? a->x[a->xn - 1 - j] - '0' : 0;
		db = j < b->xn ? b->x[b->xn - 1 - j] - '0' : 0;
		v = 10 * v + (a->xneg ? -da : da) - (b->xneg ? -db : db);
		if (v > t)
			return 1;
		if (v < -t)
			return -1;
	}
	return v > d ? 1 : v < d ? -1 : 0;
}

/* The order of the digits D of two numbers: 0.D against 0.D'. */
static int
digits_cmp(const struct num *a, const struct num *b)
{
	const char *ap = a->d1, *bp = b->d1;
	size_t an = a->n1, bn = b->n1, m;
	int a2 = 0, b2 = 0, c;

	for (;;) {
		if (an == 0 && !a2)
			ap = a->d2, an = a->n2, a2 = 1;
		if (bn == 0 && !b2)
			bp = b->d2, bn = b->n2, b2 = 1;
		/* No trailing zeros: the longer, past the other, is more. */
		if (an == 0 || bn == 0)
			return (an > 0) - (bn > 0);
		m = an < bn ? an : bn;
		c = memcmp(ap, bp, m);
		if (c != 0)
			return c < 0 ? -1 : 1;
		ap += m, an -= m;
		bp += m, bn -= m;
	}
}

/*
 * The order of two numbers, exactly: by kind (-Infinity, finite,
 * Infinity, NaN), then by sign, then by the power of ten, then digit by
 * digit.  No double: 9007199254740993 is not 9007199254740992, 1e-400 is
 * more than 0, and a value of any length compares as a number (numeric
 * holds 131072 digits).  -0, 0, 0.00 and 0e5 are equal; so are 1.5e3 and
 * 1500.  Returns -1, 0, 1.
 */
static int
num_cmp(const struct num *a, const struct num *b)
{
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind != NUM_FINITE)
		return 0;
	if (a->sign != b->sign)
		return a->sign < b->sign ? -1 : 1;
	if (a->sign == 0)
		return 0;
	c = exp_cmp(a, b);
	if (c == 0)
		c = digits_cmp(a, b);
	return a->sign < 0 ? -c : c;
}

/* Numbers as numbers, else bytes: rule_value_cmp() without shortcut. */
static int
value_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	struct num x, y;
	size_t m;
	int c;

	if (num_parse(a, an, &x) != NUM_NONE &&
	    num_parse(b, bn, &y) != NUM_NONE)
		return num_cmp(&x, &y);
	m = an < bn ? an : bn;
	c = m ? memcmp(a, b, m) : 0;
	if (c != 0)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

void
rule_key_init(struct rule_key *k, const char *p, size_t n)
{
	size_t i, s;

	k->p = p;
	k->n = n;
	k->isint = 0;
	k->neg = 0;
	k->skip = 0;
	/* [+-]digits: the sign and the leading zeros are skipped. */
	s = n > 0 && (p[0] == '-' || p[0] == '+');
	if (s == n)
		return;
	for (i = s; i < n && p[i] == '0'; i++)
		;
	k->skip = i;
	for (; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return;
	k->isint = 1;
	k->neg = p[0] == '-' && k->skip < n;	/* -0 = 0 */
}

int
rule_key_cmp(const struct rule_key *a, const struct rule_key *b)
{
	size_t an, bn;
	int c;

	if (!a->isint || !b->isint)
		return value_cmp(a->p, a->n, b->p, b->n);
	/* Two integers: by sign, count of digits, then the digits. */
	if (a->neg != b->neg)
		return a->neg ? -1 : 1;
	an = a->n - a->skip;
	bn = b->n - b->skip;
	c = an != bn ? (an < bn ? -1 : 1) : an == 0 ? 0 :
	    memcmp(a->p + a->skip, b->p + b->skip, an);
	c = c < 0 ? -1 : c > 0;
	return a->neg ? -c : c;
}

int
rule_value_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	struct rule_key x, y;

	rule_key_init(&x, a, an);
	rule_key_init(&y, b, bn);
	return rule_key_cmp(&x, &y);
}

/*
 * A 'string' or a bare number into *v (zeroed first); a string's value is
 * taken from the token.  v->p belongs to v's node.
 */
static int
parse_value(struct parser *ps, struct rule_value *v)
{
	struct num m;
	char b[64];

	memset(v, 0, sizeof(*v));
	if (ps->t.type == T_STRING) {
		v->p = ps->t.val;
		v->len = ps->t.vlen;
		ps->t.val = NULL;
		return lex(ps);
	}
	if (ps->t.type == T_WORD &&
	    num_parse(ps->t.p, ps->t.len, &m) != NUM_NONE) {
		v->p = xstrndup(ps->t.p, ps->t.len);
		v->len = ps->t.len;
		v->number = 1;
		return lex(ps);
	}
	return TERR(ps, "expected a 'string' or a number, found %s",
	    tok_what(&ps->t, b, sizeof(b)));
}

/* A 'string' only: literal, template, salt. */
static int
parse_string(struct parser *ps, struct rule_value *v, const char *what)
{
	char b[64];

	if (ps->t.type != T_STRING)
		return TERR(ps, "expected %s ('...'), found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	return parse_value(ps, v);
}

/* Free a condition tree; NULL and half-built trees are fine. */
static void
cond_free(struct rule_cond *c)
{
	size_t i;

	if (c == NULL)
		return;
	cond_free(c->a);
	cond_free(c->b);
	free(c->column);
	for (i = 0; i < c->nvals; i++)
		free(c->vals[i].p);
	free(c->vals);
	rx_free(c->rx);
	free(c);
}

static int parse_or(struct parser *, struct rule_cond **);

/*
 * COLUMN op VALUE | ~ /re/ | in (VALUE, ...) | is [not] null.  The node is
 * linked to *out first, so on error it is freed with the caller's tree.
 */
static int
parse_cmp(struct parser *ps, struct rule_cond **out)
{
	static const struct {
		const char	*op;
		enum cond_op	 code;
	} ops[] = {
		{ "=", COND_EQ }, { "!=", COND_NE }, { "<", COND_LT },
		{ "<=", COND_LE }, { ">", COND_GT }, { ">=", COND_GE },
		{ "~", COND_MATCH }, { "!~", COND_NMATCH }
	};
	struct rule_cond *c = xcalloc(1, sizeof(*c));
	char b[64];
	size_t i;

	*out = c;
	c->pos = here(ps);
	/* A number of its own, so a filter can bind it to a field in O(1). */
	c->id = ps->rs->nconds++;
	if (parse_ident(ps, &c->column, "a column name") == -1)
		return -1;
	if (tok_is(&ps->t, "is")) {
		if (lex(ps) == -1)
			return -1;
		c->op = COND_NULL;
		if (tok_is(&ps->t, "not")) {
			c->op = COND_NOTNULL;
			if (lex(ps) == -1)
				return -1;
		}
		return expect_word(ps, "null");
	}
	if (tok_is(&ps->t, "in")) {
		c->op = COND_IN;
		if (lex(ps) == -1)
			return -1;
		if (!tok_punct(&ps->t, "("))
			return TERR(ps, "expected '(' after in");
		/*
		 * An in-list may span lines.  Left raised on error: the
		 * load is over.
		 */
		ps->nlskip++;
		if (lex(ps) == -1)
			return -1;
		for (;;) {
			c->vals = xrealloc(c->vals, (c->nvals + 1) *
			    sizeof(*c->vals));
			/* Counted first: parse_value zeroes, then may fill. */
			if (parse_value(ps, &c->vals[c->nvals++]) == -1)
				return -1;
			if (!tok_punct(&ps->t, ","))
				break;
			if (lex(ps) == -1)
				return -1;
		}
		ps->nlskip--;
		return expect_punct(ps, ")");
	}
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (tok_punct(&ps->t, ops[i].op))
			break;
	if (i == sizeof(ops) / sizeof(ops[0]))
		return TERR(ps, "expected an operator (= != < <= > >= ~ !~ "
		    "in is), found %s", tok_what(&ps->t, b, sizeof(b)));
	c->op = ops[i].code;
	if (lex(ps) == -1)
		return -1;
	if (c->op == COND_MATCH || c->op == COND_NMATCH) {
		if (ps->t.type != T_REGEX)
			return TERR(ps, "expected a /regex/ after ~");
		return compile_tok_regex(ps, &c->rx);
	}
	c->vals = xcalloc(1, sizeof(*c->vals));
	c->nvals = 1;
	return parse_value(ps, &c->vals[0]);
}

/* not COND, ( COND ) or a comparison: "not > and > or". */
static int
parse_not(struct parser *ps, struct rule_cond **out)
{
	struct rule_cond *c;
	int rc;

	if (!tok_is(&ps->t, "not") && !tok_punct(&ps->t, "("))
		return parse_cmp(ps, out);
	/* The evaluator and cond_free recurse: bound the depth. */
	if (++ps->cdepth > MAX_COND_DEPTH)
		return TERR(ps, "a condition nests deeper than %d",
		    MAX_COND_DEPTH);
	if (tok_is(&ps->t, "not")) {
		c = xcalloc(1, sizeof(*c));
		*out = c;
		c->op = COND_NOT;
		c->pos = here(ps);
		rc = lex(ps) == -1 ? -1 : parse_not(ps, &c->a);
	} else {
		ps->nlskip++;
		if (lex(ps) == -1 || parse_or(ps, out) == -1)
			return -1;
		ps->nlskip--;
		rc = expect_punct(ps, ")");
	}
	ps->cdepth--;
	return rc;
}

/*
 * COND and COND (or: false) or COND or COND (or: true), left-associative;
 * and binds tighter than or.
 *
 * The loop builds a left-leaning tree, which cond_free() and eval3()
 * recurse down: hence MAX_COND_TERMS.  A node is linked to *out before its
 * right operand is parsed, so an error leaves one tree to free.
 */
static int
parse_bin(struct parser *ps, struct rule_cond **out, int or)
{
	struct rule_cond *c;

	if ((or ? parse_bin(ps, out, 0) : parse_not(ps, out)) == -1)
		return -1;
	while (tok_is(&ps->t, or ? "or" : "and")) {
		/* cterms counts the joins: n of them join n + 1 terms. */
		if (++ps->cterms >= MAX_COND_TERMS)
			return TERR(ps, "a condition of more than %d terms",
			    MAX_COND_TERMS);
		c = xcalloc(1, sizeof(*c));
		c->op = or ? COND_OR : COND_AND;
		c->pos = here(ps);
		c->a = *out;
		*out = c;
		if (lex(ps) == -1 ||
		    (or ? parse_bin(ps, &c->b, 0) : parse_not(ps, &c->b)) == -1)
			return -1;
	}
	return 0;
}

static int
parse_or(struct parser *ps, struct rule_cond **out)
{
	return parse_bin(ps, out, 1);
}

/*
 * A column's value against a literal: < 0, 0, > 0.  "compare numerically
 * when both sides are numbers": the literal written bare (so a number)
 * and the value parsing as one (10 > 9, 1.0 = 1, 5e-05 < 0.5), which is
 * rule_value_cmp().  Otherwise byte-wise, a prefix first, which orders
 * ISO dates and timestamps.
 */
static int
compare(const char *p, size_t n, const struct rule_value *v)
{
	size_t m;
	int c;

	if (v->number)
		return rule_value_cmp(p, n, v->p, v->len);
	m = n < v->len ? n : v->len;
	c = m ? memcmp(p, v->p, m) : 0;
	if (c != 0)
		return c;
	return n < v->len ? -1 : n > v->len;
}

/*
 * SQL's three truth values; UNKNOWN comes of NULL.  Two would not do: with
 * email NULL, email = 'x' is unknown and so is not (email = 'x'); were it
 * false, the not would be true and a rule would apply where SQL's WHERE
 * would not.  Only rule_cond_eval() makes unknown "does not hold".
 */
#define T_FALSE		0
#define T_TRUE		1
#define T_UNKNOWN	2

/*
 * Evaluate c: T_TRUE, T_FALSE or T_UNKNOWN, or -1 with err filled.  and/or
 * stop at an operand that decides (false/true), sparing the other side's
 * columns a decode; an unknown decides nothing.
 */
static int
eval3(const struct rule_cond *c,
    int (*get)(void *, const struct rule_cond *, const char **, size_t *,
    struct df_error *), void *ctx, struct df_error *err)
{
	const char *p = NULL;
	size_t n = 0, i;
	int a, b, isnull;

	switch (c->op) {
	case COND_AND:
		a = eval3(c->a, get, ctx, err);
		if (a == -1 || a == T_FALSE)
			return a;
		b = eval3(c->b, get, ctx, err);
		if (b == -1 || b == T_FALSE)
			return b;
		return a == T_TRUE && b == T_TRUE ? T_TRUE : T_UNKNOWN;
	case COND_OR:
		a = eval3(c->a, get, ctx, err);
		if (a == -1 || a == T_TRUE)
			return a;
		b = eval3(c->b, get, ctx, err);
		if (b == -1 || b == T_TRUE)
			return b;
		return a == T_FALSE && b == T_FALSE ? T_FALSE : T_UNKNOWN;
	case COND_NOT:
		a = eval3(c->a, get, ctx, err);
		return a == -1 || a == T_UNKNOWN ? a : !a;
	default:
		break;
	}
	isnull = get(ctx, c, &p, &n, err);
	if (isnull == -1)
		return -1;
	/* Only is [not] null sees NULL itself; get's 1 reads as T_TRUE. */
	if (c->op == COND_NULL)
		return isnull;
	if (c->op == COND_NOTNULL)
		return !isnull;
	if (isnull)
		return T_UNKNOWN;
	switch (c->op) {
	case COND_EQ:
		return compare(p, n, &c->vals[0]) == 0;
	case COND_NE:
		return compare(p, n, &c->vals[0]) != 0;
	case COND_LT:
		return compare(p, n, &c->vals[0]) < 0;
	case COND_LE:
		return compare(p, n, &c->vals[0]) <= 0;
	case COND_GT:
		return compare(p, n, &c->vals[0]) > 0;
	case COND_GE:
		return compare(p, n, &c->vals[0]) >= 0;
	case COND_MATCH:
	case COND_NMATCH:
		a = rx_match(c->rx, p, n, err);
		if (a == -1)
			return -1;
		return c->op == COND_MATCH ? a : !a;
	case COND_IN:
		for (i = 0; i < c->nvals; i++)
			if (compare(p, n, &c->vals[i]) == 0)
				return T_TRUE;
		return T_FALSE;
	default:
		return T_FALSE;
	}
}

int
rule_cond_eval(const struct rule_cond *c,
    int (*get)(void *, const struct rule_cond *, const char **, size_t *,
    struct df_error *), void *ctx, struct df_error *err)
{
	int r = eval3(c, get, ctx, err);

	/* A condition holds only when it is true, as in SQL's WHERE. */
	return r == -1 ? -1 : r == T_TRUE;
}

/* ---- Actions ------------------------------------------------------------ */

/* Action keywords of dumprules(5), also used in messages and reports. */
static const struct {
	const char	*name;
	enum action_kind kind;
} action_names[] = {
	{ "keep", ACT_KEEP }, { "null", ACT_NULL }, { "empty", ACT_EMPTY },
	{ "set", ACT_SET }, { "hash", ACT_HASH }, { "email", ACT_EMAIL },
	{ "first_name", ACT_FIRST_NAME }, { "last_name", ACT_LAST_NAME },
	{ "full_name", ACT_FULL_NAME }, { "username", ACT_USERNAME },
	{ "company", ACT_COMPANY }, { "street", ACT_STREET },
	{ "city", ACT_CITY }, { "zip", ACT_ZIP }, { "country", ACT_COUNTRY },
	{ "phone", ACT_PHONE }, { "digits", ACT_DIGITS },
	{ "partial", ACT_PARTIAL }, { "replace", ACT_REPLACE },
	{ "uuid", ACT_UUID }, { "ipv4", ACT_IPV4 }, { "ipv6", ACT_IPV6 },
	{ "credit_card", ACT_CREDIT_CARD }, { "date_shift", ACT_DATE_SHIFT },
	{ "noise", ACT_NOISE }, { "map", ACT_MAP }, { "json", ACT_JSON },
	{ "relink", ACT_RELINK }
};

const char *
rule_action_name(enum action_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(action_names) / sizeof(action_names[0]); i++)
		if (action_names[i].kind == k)
			return action_names[i].name;
	return "?";
}

/* Actions that take an optional LOCALE (en, de). */
static int
has_locale(enum action_kind k)
{
	return k == ACT_FIRST_NAME || k == ACT_LAST_NAME ||
	    k == ACT_FULL_NAME || k == ACT_COMPANY || k == ACT_STREET ||
	    k == ACT_CITY || k == ACT_ZIP || k == ACT_COUNTRY;
}

/* An unsigned integer word in [min, max]. */
static int
parse_count(struct parser *ps, long min, long max, long *out,
    const char *what)
{
	char tmp[32], *end, b[64];
	long v;

	if (ps->t.type != T_WORD || ps->t.len >= sizeof(tmp))
		return TERR(ps, "expected %s, found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	memcpy(tmp, ps->t.p, ps->t.len);
	tmp[ps->t.len] = '\0';
	errno = 0;
	v = strtol(tmp, &end, 10);
	if (*end != '\0' || tmp[0] < '0' || tmp[0] > '9')
		return TERR(ps, "expected %s, found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	if (errno != 0 || v < min || v > max)
		return TERR(ps, "%s must be from %ld to %ld", what, min, max);
	*out = v;
	return lex(ps);
}

/* A positive decimal, optionally followed by % (PERCENT, 5%, 2.5). */
static int
parse_percent(struct parser *ps, double max, double *out, const char *what)
{
	char tmp[32], *end, b[64];
	size_t n = ps->t.len;
	double v;

	if (ps->t.type == T_WORD && n > 0 && ps->t.p[n - 1] == '%')
		n--;
	if (ps->t.type != T_WORD || n == 0 || n >= sizeof(tmp) ||
	    !is_decimal(ps->t.p, n) || ps->t.p[0] == '-' || ps->t.p[0] == '+')
		return TERR(ps, "expected %s, found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	memcpy(tmp, ps->t.p, n);
	tmp[n] = '\0';
	v = strtod(tmp, &end);
	if (!(v > 0) || v > max)
		return TERR(ps, "%s must be more than 0 and at most %g", what,
		    max);
	*out = v;
	return lex(ps);
}

/*
 * A file name: "path", 'path' or a bare word, resolved against the
 * directory of the file being read.  *out is malloc'd, or NULL on error.
 */
static int
parse_path(struct parser *ps, char **out, const char *what)
{
	const char *p;
	size_t n, d;
	char b[64];

	if (ps->t.type == T_STRING || ps->t.type == T_QNAME) {
		p = ps->t.val;
		n = ps->t.vlen;
	} else if (ps->t.type == T_WORD) {
		p = ps->t.p;
		n = ps->t.len;
	} else {
		return TERR(ps, "expected %s, found %s", what,
		    tok_what(&ps->t, b, sizeof(b)));
	}
	if (n == 0 || memchr(p, '\0', n) != NULL)
		return TERR(ps, "empty or invalid %s", what);
	if (p[0] == '/' || ps->dir[0] == '\0') {
		*out = xstrndup(p, n);
	} else {
		d = strlen(ps->dir);
		*out = xmalloc(d + n + 2);
		memcpy(*out, ps->dir, d);
		(*out)[d] = '/';
		memcpy(*out + d + 1, p, n);
		(*out)[d + n + 1] = '\0';
	}
	if (lex(ps) == -1) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

static void action_free(struct rule_action *);
static int parse_action(struct parser *, struct rule_action *, int);

/* Free a json { } block; NULL and half-built blocks are fine. */
static void
json_free(struct rule_json *j)
{
	size_t i, k;

	if (j == NULL)
		return;
	for (i = 0; i < j->n; i++) {
		for (k = 0; k < j->rules[i].nsteps; k++)
			free(j->rules[i].steps[k].key);
		free(j->rules[i].steps);
		free(j->rules[i].path);
		action_free(&j->rules[i].act);
	}
	free(j->rules);
	free(j);
}

/* Append a step: a copy of key, or NULL for []. */
static void
add_step(struct json_rule *r, const char *key, size_t len)
{
	r->steps = xrealloc(r->steps, (r->nsteps + 1) * sizeof(*r->steps));
	r->steps[r->nsteps].key = key != NULL ? xstrndup(key, len) : NULL;
	r->steps[r->nsteps].len = key != NULL ? len : 0;
	r->nsteps++;
}

/*
 * A JSON path: adjacent words and "quoted keys"; in words, "." separates
 * keys and "[]" selects every element of an array.
 *
 * need_sep alternates keys and separators.  A word may end in '.' only
 * before a quoted key (items."Full Name"); ".[" is refused.  Steps added
 * before an error stay in r, freed with the block.
 */
static int
parse_json_path(struct parser *ps, struct json_rule *r)
{
	const char *start = ps->t.p, *prev_end, *w, *e;
	unsigned long line = ps->t.line, col = ps->t.col;
	int need_sep = 0;	/* a key was just read; '.' or '[' follows */
	char b[64];

	if (ps->t.type != T_WORD && ps->t.type != T_QNAME)
		return TERR(ps, "expected a JSON path, found %s",
		    tok_what(&ps->t, b, sizeof(b)));
	for (;;) {
		if (ps->t.type == T_QNAME) {
			if (need_sep)
				return TERR(ps, "expected '.' before a quoted "
				    "key");
			add_step(r, ps->t.val, ps->t.vlen);
			need_sep = 1;
		} else {
			w = ps->t.p;
			e = w + ps->t.len;
			while (w < e) {
				if (*w == '.') {
					if (!need_sep || (w + 1 < e &&
					    w[1] == '['))
						return perr(ps, line, col,
						    "malformed JSON path");
					need_sep = 0;
					w++;
					/* Peek: ps->cur is past the word. */
					if (w == e && (ps->cur >= ps->end ||
					    *ps->cur != '"'))
						return perr(ps, line, col,
						    "malformed JSON path");
				} else if (*w == '[') {
					if (w + 1 == e || w[1] != ']')
						return perr(ps, line, col,
						    "malformed JSON path ('[' "
						    "must be '[]')");
					add_step(r, NULL, 0);
					need_sep = 1;
					w += 2;
				} else {
					const char *k = w;

					if (need_sep)
						return perr(ps, line, col,
						    "malformed JSON path");
					while (w < e && *w != '.' && *w != '[')
						w++;
					if (memchr(k, ']', (size_t)(w - k)))
						return perr(ps, line, col,
						    "malformed JSON path");
					add_step(r, k, (size_t)(w - k));
					need_sep = 1;
				}
			}
		}
		prev_end = ps->t.p + ps->t.len;
		if (lex(ps) == -1)
			return -1;
		if ((ps->t.type != T_WORD && ps->t.type != T_QNAME) ||
		    ps->t.p != prev_end)
			break;
	}
	if (!need_sep || r->nsteps == 0)
		return perr(ps, line, col, "malformed JSON path");
	r->path = xstrndup(start, (size_t)(prev_end - start));
	return 0;
}

/*
 * json { PATH ACTION ; ... } into *out, linked first, each rule counted
 * before it is parsed: on error the action frees the block.  parse_action()
 * raised nlskip before the '{', so a rule ends at ';' or '}'; it is lowered
 * before the token after '}' is read, so a newline there ends the
 * statement.
 */
static int
parse_json(struct parser *ps, struct rule_json **out)
{
	struct rule_json *j = xcalloc(1, sizeof(*j));
	struct json_rule *r;

	*out = j;
	if (!tok_punct(&ps->t, "{"))
		return TERR(ps, "expected '{' after json");
	if (lex(ps) == -1)
		return -1;
	for (;;) {
		while (ps->t.type == T_NL)
			if (lex(ps) == -1)
				return -1;
		if (tok_punct(&ps->t, "}"))
			break;
		if (ps->t.type == T_EOF)
			return TERR(ps, "unterminated json { } block");
		r = PUSH(j->rules, j->n);
		if (parse_json_path(ps, r) == -1 ||
		    parse_action(ps, &r->act, 1) == -1)
			return -1;
		if (!at_end(ps))
			return expect_end(ps);
	}
	if (j->n == 0)
		return TERR(ps, "empty json { } block");
	/* Newlines end statements again after the block. */
	ps->nlskip--;
	return lex(ps);
}

/* Free what an action holds (embedded); unset members are NULL. */
static void
action_free(struct rule_action *a)
{
	size_t i;

	free(a->lit.p);
	free(a->locale);
	rx_free(a->rx);
	map_free(a->map);
	json_free(a->json);
	free(a->pointer);
	for (i = 0; i < a->nby; i++)
		free(a->by[i]);
	free(a->by);
	free(a->salt.p);
	cond_free(a->when);
}

/*
 * ACTION [ARGS] [salt 'x'] [when COND].  In a json block (injson) the
 * action ends at ';', a newline being just space there, and json,
 * relink and when are not allowed.
 *
 * Fills *a, zeroed first and already in the tree: on error what was parsed
 * stays for action_free().  The map file is loaded here, so a bad map is a
 * rules error at the action.
 */
static int
parse_action(struct parser *ps, struct rule_action *a, int injson)
{
	char b[64], msg[300], *path = NULL;
	unsigned long line, col;
	size_t i;

	memset(a, 0, sizeof(*a));
	a->pos = here(ps);
	if (ps->t.type != T_WORD)
		return TERR(ps, "expected an action, found %s",
		    tok_what(&ps->t, b, sizeof(b)));
	for (i = 0; i < sizeof(action_names) / sizeof(action_names[0]); i++)
		if (tok_is(&ps->t, action_names[i].name))
			break;
	if (i == sizeof(action_names) / sizeof(action_names[0]))
		return TERR(ps, "unknown action '%.*s' (see dumprules(5))",
		    (int)(ps->t.len > 40 ? 40 : ps->t.len), ps->t.p);
	a->kind = action_names[i].kind;
	if (injson && (a->kind == ACT_JSON || a->kind == ACT_RELINK))
		return TERR(ps, "%s is not allowed inside json { }",
		    action_names[i].name);
	if (lex(ps) == -1)
		return -1;
	switch (a->kind) {
	case ACT_SET:
		if (parse_string(ps, &a->lit, "a 'literal'") == -1)
			return -1;
		break;
	case ACT_HASH:
		/* LEN starts with a digit; salt or when may follow instead. */
		if (ps->t.type == T_WORD && ps->t.len > 0 &&
		    ps->t.p[0] >= '0' && ps->t.p[0] <= '9' &&
		    parse_count(ps, 1, 128, &a->n1, "the hash length") == -1)
			return -1;
		break;
	case ACT_PARTIAL:
		if (parse_count(ps, 0, 1000, &a->n1, "PREFIX") == -1 ||
		    parse_count(ps, 0, 1000, &a->n2, "SUFFIX") == -1)
			return -1;
		if (ps->t.type == T_STRING) {
			line = ps->t.line;
			col = ps->t.col;
			if (parse_value(ps, &a->lit) == -1)
				return -1;
			if (a->lit.len == 0 ||
			    utf8_chars(a->lit.p, a->lit.len) != 1)
				return perr(ps, line, col, "the mask of partial "
				    "must be one character");
		}
		break;
	case ACT_REPLACE:
		if (ps->t.type != T_REGEX)
			return TERR(ps, "expected a /regex/ after replace");
		if (compile_tok_regex(ps, &a->rx) == -1)
			return -1;
		line = ps->t.line;
		col = ps->t.col;
		if (parse_string(ps, &a->lit, "a 'template'") == -1)
			return -1;
		if (rx_check_template(a->rx, a->lit.p, a->lit.len, msg,
		    sizeof(msg)) == -1)
			return perr(ps, line, col, "%s", msg);
		break;
	case ACT_DATE_SHIFT:
		if (parse_count(ps, 1, 36500, &a->n1, "DAYS") == -1)
			return -1;
		break;
	case ACT_NOISE:
		if (parse_percent(ps, 100, &a->pct, "PERCENT") == -1)
			return -1;
		break;
	case ACT_MAP:
		if (parse_path(ps, &path, "a map FILE") == -1)
			return -1;
		a->map = map_load(path, ps->err);
		free(path);
		/*
		 * perr() formats into ps->err, which holds map_load()'s
		 * message: copy it out first.
		 */
		if (a->map == NULL) {
			char why[sizeof(ps->err->msg)];

			memcpy(why, ps->err->msg, sizeof(why));
			return perr(ps, a->pos.line, a->pos.col, "%s", why);
		}
		if (tok_is(&ps->t, "default")) {
			if (lex(ps) == -1)
				return -1;
			if (tok_is(&ps->t, "keep")) {
				a->map_default = MAP_KEEP;
			} else if (tok_is(&ps->t, "null")) {
				a->map_default = MAP_NULL;
			} else if (ps->t.type == T_STRING) {
				a->map_default = MAP_SET;
				/* parse_value() moved on: no lex() below. */
				if (parse_value(ps, &a->lit) == -1)
					return -1;
				break;
			} else {
				return TERR(ps, "expected 'literal', keep or "
				    "null after default");
			}
			if (lex(ps) == -1)
				return -1;
		}
		break;
	case ACT_JSON:
		/* parse_json() lowers it after the '}'. */
		ps->nlskip++;
		if (parse_json(ps, &a->json) == -1)
			return -1;
		break;
	case ACT_RELINK:
		if (parse_ident(ps, &a->pointer, "a pointer name") == -1)
			return -1;
		if (!tok_is(&ps->t, "by"))
			break;
		if (lex(ps) == -1)
			return -1;
		/*
		 * lower(COL) needs the '(' flush: a column may be named
		 * lower.
		 */
		if (tok_is(&ps->t, "lower") && ps->cur < ps->end &&
		    *ps->cur == '(') {
			a->by_lower = 1;
			if (lex(ps) == -1 || expect_punct(ps, "(") == -1)
				return -1;
			a->by = xcalloc(1, sizeof(*a->by));
			if (parse_ident(ps, &a->by[0], "a column") == -1)
				return -1;
			a->nby = 1;
			if (expect_punct(ps, ")") == -1)
				return -1;
			break;
		}
		for (;;) {
			a->by = xrealloc(a->by, (a->nby + 1) * sizeof(*a->by));
			if (parse_ident(ps, &a->by[a->nby], "a column") == -1)
				return -1;
			a->nby++;
			if (!tok_punct(&ps->t, ","))
				break;
			if (lex(ps) == -1)
				return -1;
		}
		break;
	default:
		/* Any word but a suffix (salt, when) is meant as a locale. */
		if (has_locale(a->kind) && tok_is(&ps->t, "en"))
			a->locale = xstrdup("en");
		else if (has_locale(a->kind) && tok_is(&ps->t, "de"))
			a->locale = xstrdup("de");
		else if (has_locale(a->kind) && ps->t.type == T_WORD &&
		    !tok_is(&ps->t, "salt") && !tok_is(&ps->t, "when"))
			return TERR(ps, "unknown locale '%.*s' (en, de)",
			    (int)(ps->t.len > 20 ? 20 : ps->t.len), ps->t.p);
		if (a->locale != NULL && lex(ps) == -1)
			return -1;
		break;
	}
	/*
	 * "salt 'text'" then "when COND", in this order.  A when is refused
	 * inside a json block: a condition is about the row, so it goes
	 * after the whole json action.
	 */
	if (tok_is(&ps->t, "salt")) {
		if (lex(ps) == -1 ||
		    parse_string(ps, &a->salt, "a 'salt'") == -1)
			return -1;
	}
	if (tok_is(&ps->t, "when")) {
		if (injson)
			return TERR(ps, "when is not allowed inside json { }");
		if (lex(ps) == -1 || parse_or(ps, &a->when) == -1)
			return -1;
	}
	return 0;
}

/* ---- Statements -------------------------------------------------------- */

/* Free what a column rule holds; the struct is an array element. */
static void
column_free(struct rule_column *c)
{
	name_free(&c->col);
	action_free(&c->act);
}

/*
 * table NAME { COLUMN ACTION ... }.  Newlines are consumed between the
 * rules, not skipped: a rule ends at a newline or ';', so one missing its
 * action fails on its own line.  '{' may follow on the next line, not after
 * ';'.
 */
static int
parse_table(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_table *t;
	struct rule_column *c;

	t = PUSH(rs->tables, rs->ntables);
	if (parse_name(ps, &t->name, 1, "a table name") == -1)
		return -1;
	while (ps->t.type == T_NL && !ps->t.semicolon)
		if (lex(ps) == -1)
			return -1;
	if (!tok_punct(&ps->t, "{"))
		return TERR(ps, "expected '{' after the table name");
	if (lex(ps) == -1)
		return -1;
	for (;;) {
		while (ps->t.type == T_NL)
			if (lex(ps) == -1)
				return -1;
		if (tok_punct(&ps->t, "}"))
			break;
		if (ps->t.type == T_EOF)
			return perr(ps, t->name.pos.line, t->name.pos.col,
			    "table block not closed with '}'");
		/* Each column rule gets its own MAX_COND_TERMS. */
		ps->cterms = 0;
		c = PUSH(t->cols, t->ncols);
		if (parse_name(ps, &c->col, 0, "a column name") == -1 ||
		    parse_action(ps, &c->act, 0) == -1 || expect_end(ps) == -1)
			return -1;
	}
	if (lex(ps) == -1)
		return -1;
	return expect_end(ps);
}

/* column COLNAME ACTION */
static int
parse_column(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_column *c;

	c = PUSH(rs->columns, rs->ncolumns);
	if (parse_name(ps, &c->col, 0, "a column name or /regex/") == -1 ||
	    parse_action(ps, &c->act, 0) == -1)
		return -1;
	return expect_end(ps);
}

/*
 * key env NAME | key file PATH.  A second key statement is an error naming
 * the first: silently taking either could scrub with the wrong secret.
 */
static int
parse_key(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_pos pos = here(ps);

	if (rs->key != KEY_DEFAULT)
		return TERR(ps, "a second key statement (the first is at "
		    "%s:%lu)", rs->key_pos.file, rs->key_pos.line);
	if (tok_is(&ps->t, "env")) {
		if (lex(ps) == -1)
			return -1;
		if (ps->t.type != T_WORD)
			return TERR(ps, "expected an environment variable "
			    "name");
		rs->key_arg = xstrndup(ps->t.p, ps->t.len);
		rs->key = KEY_ENV;
		if (lex(ps) == -1)
			return -1;
	} else if (tok_is(&ps->t, "file")) {
		if (lex(ps) == -1 ||
		    parse_path(ps, &rs->key_arg, "a key file") == -1)
			return -1;
		rs->key = KEY_FILE;
	} else {
		return TERR(ps, "expected env NAME or file PATH after key");
	}
	rs->key_pos = pos;
	rs->key_pos.line = pos.line;
	return expect_end(ps);
}

/* truncate NAME [nullify] */
static int
parse_truncate(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_truncate *t;

	t = PUSH(rs->truncate, rs->ntruncate);
	if (parse_name(ps, &t->name, 1, "a table name or /regex/") == -1)
		return -1;
	if (tok_is(&ps->t, "nullify")) {
		t->nullify = 1;
		if (lex(ps) == -1)
			return -1;
	}
	return expect_end(ps);
}

/* keep NAME [where COND | newest N by COLUMN | sample P%] */
static int
parse_keep(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_keep *k;
	long n;

	k = PUSH(rs->keep, rs->nkeep);
	if (parse_name(ps, &k->table, 1, "a table name") == -1)
		return -1;
	k->kind = KEEP_ALL;
	if (tok_is(&ps->t, "where")) {
		k->kind = KEEP_WHERE;
		if (lex(ps) == -1 || parse_or(ps, &k->where) == -1)
			return -1;
	} else if (tok_is(&ps->t, "newest")) {
		k->kind = KEEP_NEWEST;
		if (lex(ps) == -1 ||
		    parse_count(ps, 1, LONG_MAX, &n, "a row count") == -1 ||
		    expect_word(ps, "by") == -1 ||
		    parse_ident(ps, &k->by, "a column") == -1)
			return -1;
		k->n = (unsigned long long)n;
	} else if (tok_is(&ps->t, "sample")) {
		k->kind = KEEP_SAMPLE;
		if (lex(ps) == -1 ||
		    parse_percent(ps, 100, &k->pct, "a percentage") == -1)
			return -1;
	}
	return expect_end(ps);
}

/*
 * NAME(COL, ...) of a relation: one table, no regex.  The columns go to
 * *cols, *ncols, which the caller frees, on error too.
 */
static int
parse_table_cols(struct parser *ps, struct rule_name *n, char ***cols,
    size_t *ncols)
{
	if (parse_name(ps, n, 1, "a table name") == -1)
		return -1;
	if (n->rx != NULL)
		return perr(ps, n->pos.line, n->pos.col, "a relation names "
		    "tables exactly, not by /regex/");
	if (!tok_punct(&ps->t, "("))
		return TERR(ps, "expected '(' and the columns after %s",
		    n->text);
	ps->nlskip++;
	if (lex(ps) == -1)
		return -1;
	for (;;) {
		*cols = xrealloc(*cols, (*ncols + 1) * sizeof(**cols));
		if (parse_ident(ps, &(*cols)[*ncols], "a column") == -1)
			return -1;
		(*ncols)++;
		if (!tok_punct(&ps->t, ","))
			break;
		if (lex(ps) == -1)
			return -1;
	}
	ps->nlskip--;
	return expect_punct(ps, ")");
}

/* relation T(cols) -> U(cols) [when COND] */
static int
parse_relation(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_relation *r;
	struct rule_pos pos = here(ps);
	char **to = NULL;
	size_t nto = 0, i;
	int rc;

	r = PUSH(rs->relation, rs->nrelation);
	if (parse_table_cols(ps, &r->from, &r->from_cols, &r->ncols) == -1 ||
	    expect_punct(ps, "->") == -1)
		return -1;
	/*
	 * The target's columns stay local until both sides agree:
	 * rules_free() frees to_cols[k] for each k < ncols.
	 */
	rc = parse_table_cols(ps, &r->to, &to, &nto);
	if (rc == 0 && nto != r->ncols)
		rc = perr(ps, pos.line, pos.col, "a relation needs as many "
		    "columns on each side (%zu and %zu)", r->ncols, nto);
	if (rc == -1) {
		for (i = 0; i < nto; i++)
			free(to[i]);
		free(to);
		return -1;
	}
	r->to_cols = to;
	if (tok_is(&ps->t, "when") &&
	    (lex(ps) == -1 || parse_or(ps, &r->when) == -1))
		return -1;
	return expect_end(ps);
}

/*
 * keep-table NAME[, NAME..], or keep-table NAME { COLUMN default
 * 'v'|NUMBER|null ; COLUMN ignore ... } for the columns on one side only.
 */
static int
parse_keep_table(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_keep_col *kc;
	size_t first = rs->nkeep_table;

	for (;;) {
		rs->keep_table = xrealloc(rs->keep_table,
		    (rs->nkeep_table + 1) * sizeof(*rs->keep_table));
		if (parse_name(ps, &rs->keep_table[rs->nkeep_table], 1,
		    "a table name") == -1) {
			name_free(&rs->keep_table[rs->nkeep_table]);
			return -1;
		}
		rs->nkeep_table++;
		if (!tok_punct(&ps->t, ","))
			break;
		if (lex(ps) == -1)
			return -1;
	}
	if (!tok_punct(&ps->t, "{"))
		return expect_end(ps);
	if (rs->nkeep_table - first > 1)
		return TERR(ps, "a keep-table block follows one table name");
	if (lex(ps) == -1)
		return -1;
	for (;;) {
		while (ps->t.type == T_NL)
			if (lex(ps) == -1)
				return -1;
		if (tok_punct(&ps->t, "}"))
			break;
		if (ps->t.type == T_EOF)
			return perr(ps, rs->keep_table[first].pos.line,
			    rs->keep_table[first].pos.col,
			    "keep-table block not closed with '}'");
		kc = PUSH(rs->keep_cols, rs->nkeep_cols);
		kc->table = first;
		kc->pos = here(ps);
		if (parse_ident(ps, &kc->column, "a column name") == -1)
			return -1;
		if (tok_is(&ps->t, "ignore")) {
			kc->ignore = 1;
			if (lex(ps) == -1)
				return -1;
		} else if (!tok_is(&ps->t, "default")) {
			return TERR(ps, "expected default 'value', default "
			    "null or ignore after the column");
		} else if (lex(ps) == -1) {
			return -1;
		} else if (tok_is(&ps->t, "null")) {
			kc->null = 1;
			if (lex(ps) == -1)
				return -1;
		} else if (parse_value(ps, &kc->value) == -1) {
			return -1;
		}
		if (expect_end(ps) == -1)
			return -1;
	}
	if (lex(ps) == -1)
		return -1;
	return expect_end(ps);
}

/* missing POINTER null | keep | set 'v' | drop-row | error */
static int
parse_missing(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_missing *m;

	m = PUSH(rs->missing, rs->nmissing);
	m->pos = here(ps);
	if (parse_ident(ps, &m->pointer, "a pointer name") == -1)
		return -1;
	if (tok_is(&ps->t, "null")) {
		m->policy = MISSING_NULL;
	} else if (tok_is(&ps->t, "keep")) {
		m->policy = MISSING_KEEP;
	} else if (tok_is(&ps->t, "drop-row")) {
		m->policy = MISSING_DROP_ROW;
	} else if (tok_is(&ps->t, "error")) {
		m->policy = MISSING_ERROR;
	} else if (tok_is(&ps->t, "set")) {
		m->policy = MISSING_SET;
		if (lex(ps) == -1 ||
		    parse_string(ps, &m->lit, "a 'value'") == -1)
			return -1;
		return expect_end(ps);
	} else {
		return TERR(ps, "expected null, keep, set 'v', drop-row or "
		    "error");
	}
	if (lex(ps) == -1)
		return -1;
	return expect_end(ps);
}

/* import POINTER "FILE" */
static int
parse_import(struct parser *ps)
{
	struct rules *rs = ps->rs;
	struct rule_import *im;

	im = PUSH(rs->import, rs->nimport);
	im->pos = here(ps);
	if (parse_ident(ps, &im->pointer, "a pointer name") == -1 ||
	    parse_path(ps, &im->path, "a file") == -1)
		return -1;
	return expect_end(ps);
}

static int load_file(struct rules *, const char *, struct parser *,
    struct df_error *);

/*
 * include "FILE": parse FILE here, in place, with its own parser.  Errors
 * in FILE point into it; failing to open it points at its name.
 */
static int
parse_include(struct parser *ps)
{
	char *path = NULL;
	int rc;

	if (ps->t.type != T_STRING && ps->t.type != T_QNAME)
		return TERR(ps, "expected \"FILE\" after include");
	/* Errors about the file point at its name. */
	ps->inc_line = ps->t.line;
	ps->inc_col = ps->t.col;
	if (parse_path(ps, &path, "a file") == -1)
		return -1;
	if (expect_end(ps) == -1) {
		free(path);
		return -1;
	}
	rc = load_file(ps->rs, path, ps, ps->err);
	free(path);
	return rc;
}

/*
 * One statement.  Every filter's statements are parsed whichever filter
 * reads the file, so one file drives all three and any error stops each.
 */
static int
parse_statement(struct parser *ps)
{
	char b[64];
	int (*fn)(struct parser *) = NULL;

	if (tok_is(&ps->t, "include"))
		fn = parse_include;
	else if (tok_is(&ps->t, "key"))
		fn = parse_key;
	else if (tok_is(&ps->t, "table"))
		fn = parse_table;
	else if (tok_is(&ps->t, "column"))
		fn = parse_column;
	else if (tok_is(&ps->t, "truncate"))
		fn = parse_truncate;
	else if (tok_is(&ps->t, "keep"))
		fn = parse_keep;
	else if (tok_is(&ps->t, "relation"))
		fn = parse_relation;
	else if (tok_is(&ps->t, "missing"))
		fn = parse_missing;
	else if (tok_is(&ps->t, "import"))
		fn = parse_import;
	ps->cterms = 0;
	if (fn != NULL) {
		ps->rs->nstatements++;
		if (lex(ps) == -1)
			return -1;
		return fn(ps);
	}
	ps->rs->nstatements++;
	if (tok_is(&ps->t, "safe")) {
		if (lex(ps) == -1)
			return -1;
		return parse_name_list(ps, &ps->rs->safe, &ps->rs->nsafe, 1,
		    "a table name");
	}
	if (tok_is(&ps->t, "follow")) {
		if (lex(ps) == -1)
			return -1;
		return parse_name_list(ps, &ps->rs->follow, &ps->rs->nfollow,
		    1, "a table name");
	}
	if (tok_is(&ps->t, "keep-table")) {
		if (lex(ps) == -1)
			return -1;
		return parse_keep_table(ps);
	}
	if (tok_is(&ps->t, "others")) {
		if (lex(ps) == -1)
			return -1;
		if (tok_is(&ps->t, "none"))
			ps->rs->others_none = 1;
		else if (!tok_is(&ps->t, "keep"))
			return TERR(ps, "expected keep or none after others");
		if (lex(ps) == -1)
			return -1;
		return expect_end(ps);
	}
	ps->rs->nstatements--;
	return TERR(ps, "unknown statement %s (see dumprules(5))",
	    tok_what(&ps->t, b, sizeof(b)));
}

/*
 * Read a whole file into memory; tokens are slices of it.  Returns a
 * malloc'd buffer (not NUL-terminated), or NULL with err filled, also past
 * MAX_RULES_FILE.
 */
static char *
slurp(const char *path, size_t *n, struct df_error *err)
{
	FILE *f;
	char *s = NULL;
	size_t cap = 0, len = 0, got;

	f = fopen(path, "r");
	if (f == NULL) {
		df_seterr(err, DF_EXIT_USAGE, path, 0, "%s", strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			s = xrealloc(s, cap);
		}
		got = fread(s + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
		if (len > MAX_RULES_FILE) {
			df_seterr(err, DF_EXIT_USAGE, path, 0, "rules file larger "
			    "than 16 MiB");
			goto fail;
		}
	}
	if (ferror(f)) {
		df_seterr(err, DF_EXIT_USAGE, path, 0, "%s", strerror(errno));
		goto fail;
	}
	fclose(f);
	*n = len;
	return s;
fail:
	fclose(f);
	free(s);
	return NULL;
}

/*
 * Parse one rules file into rs.  parent (NULL for the top file) gives the
 * depth, the stack of files being read and where errors opening this one
 * point.  Files are compared by realpath(), so ./a and d/../a make a cycle.
 * Returns 0, or -1 with err filled and a partial rs for the caller to free.
 */
static int
load_file(struct rules *rs, const char *path, struct parser *parent,
    struct df_error *err)
{
	struct parser ps;
	char *text, *real, *slash;
	size_t n, i;
	int rc = -1;

	real = realpath(path, NULL);
	if (real == NULL && (errno == ENOENT || errno == ENOTDIR) &&
	    access(path, R_OK) == 0)
		real = xstrdup(path);	/* /dev/stdin on a pipe: no real name */
	if (real == NULL) {
		if (parent != NULL)
			return INCERR(parent, "include \"%s\": %s", path,
			    strerror(errno));
		return df_err(err, DF_EXIT_USAGE, path, 0, "%s",
		    strerror(errno));
	}
	if (parent != NULL) {
		if (parent->depth + 1 > MAX_INCLUDE_DEPTH) {
			free(real);
			return INCERR(parent, "includes nest deeper than %d",
			    MAX_INCLUDE_DEPTH);
		}
		for (i = 0; i < parent->nstack; i++)
			if (strcmp(parent->stack[i], real) == 0) {
				free(real);
				return INCERR(parent, "include cycle: \"%s\" is "
				    "already being read", path);
			}
	}
	text = slurp(path, &n, err);
	if (text == NULL) {
		free(real);
		if (parent != NULL) {
			char msg[sizeof(err->msg)];

			/* INCERR() writes err->msg: copy the reason first. */
			memcpy(msg, err->msg, sizeof(msg));
			return INCERR(parent, "include \"%s\": %s", path,
			    msg);
		}
		return -1;
	}
	memset(&ps, 0, sizeof(ps));
	/* Kept with the rules: every rule_pos points at it. */
	rs->files = xrealloc(rs->files, (rs->nfiles + 1) * sizeof(*rs->files));
	rs->files[rs->nfiles++] = xstrdup(path);
	ps.file = rs->files[rs->nfiles - 1];
	ps.s = ps.cur = ps.linestart = text;
	ps.end = text + n;
	ps.line = 1;
	ps.rs = rs;
	ps.err = err;
	ps.depth = parent != NULL ? parent->depth + 1 : 0;
	ps.nstack = parent != NULL ? parent->nstack + 1 : 1;
	ps.stack = xcalloc(ps.nstack, sizeof(*ps.stack));
	/* Borrowed from the parents; only real is ours to free. */
	for (i = 0; parent != NULL && i < parent->nstack; i++)
		ps.stack[i] = parent->stack[i];
	ps.stack[ps.nstack - 1] = real;
	{
		char *d = xstrdup(path);

		slash = strrchr(d, '/');
		if (slash == NULL)
			d[0] = '\0';
		else if (slash == d)
			d[1] = '\0';
		else
			*slash = '\0';
		ps.dir = d;
	}
	if (lex(&ps) == -1)
		goto out;
	for (;;) {
		while (ps.t.type == T_NL)
			if (lex(&ps) == -1)
				goto out;
		if (ps.t.type == T_EOF)
			break;
		/* A '}' with no block open: say so, not "unknown statement". */
		if (tok_punct(&ps.t, "}")) {
			(void)TERR(&ps, "unexpected '}'");
			goto out;
		}
		if (parse_statement(&ps) == -1)
			goto out;
	}
	rc = 0;
out:
	free(ps.t.val);
	free((char *)ps.dir);
	free(ps.stack);
	free(real);
	free(text);
	return rc;
}

struct rules *
rules_load(const char *path, struct df_error *err)
{
	struct rules *rs = xcalloc(1, sizeof(*rs));
	struct df_error local;

	/* The parser copies messages out of err, so it needs one. */
	if (err == NULL)
		err = &local;

	if (load_file(rs, path, NULL, err) == -1) {
		rules_free(rs);
		return NULL;
	}
	return rs;
}

size_t
rules_count(const struct rules *rs)
{
	return rs->nstatements;
}

void
rules_free(struct rules *rs)
{
	size_t i, k;

	/* Also frees a partial tree: counts cover only zeroed elements. */
	if (rs == NULL)
		return;
	free(rs->key_arg);
	for (i = 0; i < rs->ntables; i++) {
		name_free(&rs->tables[i].name);
		for (k = 0; k < rs->tables[i].ncols; k++)
			column_free(&rs->tables[i].cols[k]);
		free(rs->tables[i].cols);
	}
	free(rs->tables);
	for (i = 0; i < rs->ncolumns; i++)
		column_free(&rs->columns[i]);
	free(rs->columns);
	for (i = 0; i < rs->nsafe; i++)
		name_free(&rs->safe[i]);
	free(rs->safe);
	for (i = 0; i < rs->ntruncate; i++)
		name_free(&rs->truncate[i].name);
	free(rs->truncate);
	for (i = 0; i < rs->nkeep; i++) {
		name_free(&rs->keep[i].table);
		cond_free(rs->keep[i].where);
		free(rs->keep[i].by);
	}
	free(rs->keep);
	for (i = 0; i < rs->nrelation; i++) {
		struct rule_relation *r = &rs->relation[i];

		name_free(&r->from);
		name_free(&r->to);
		for (k = 0; k < r->ncols; k++) {
			free(r->from_cols[k]);
			free(r->to_cols != NULL ? r->to_cols[k] : NULL);
		}
		free(r->from_cols);
		free(r->to_cols);
		cond_free(r->when);
	}
	free(rs->relation);
	for (i = 0; i < rs->nfollow; i++)
		name_free(&rs->follow[i]);
	free(rs->follow);
	for (i = 0; i < rs->nkeep_table; i++)
		name_free(&rs->keep_table[i]);
	free(rs->keep_table);
	for (i = 0; i < rs->nkeep_cols; i++) {
		free(rs->keep_cols[i].column);
		free(rs->keep_cols[i].value.p);
	}
	free(rs->keep_cols);
	for (i = 0; i < rs->nmissing; i++) {
		free(rs->missing[i].pointer);
		free(rs->missing[i].lit.p);
	}
	free(rs->missing);
	for (i = 0; i < rs->nimport; i++) {
		free(rs->import[i].pointer);
		free(rs->import[i].path);
	}
	free(rs->import);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	free(rs);
}

int
rule_table_match(const struct rule_name *n, const struct schema_table *t)
{
	int depth;

	for (depth = 0; t != NULL && depth < 32; depth++, t = t->parent)
		if (rule_name_match(n, t->schema, t->name))
			return 1;
	return 0;
}
