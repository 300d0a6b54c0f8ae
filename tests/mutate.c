/*
 * mutate -- write deterministic mutants of a file, for the corrupt-input
 * sweep (tests/mutants.sh; STYLE.md rule 20).
 *
 * usage: mutate [-d dir] [-f first] [-n count] [-s seed] file
 *
 * Mutant number i (i = first .. first + count - 1) is the file after one
 * to four of these edits, chosen at random:
 *
 *	flip-bit	one bit of one byte inverted
 *	set-byte	one byte replaced by a random byte
 *	set-token	one byte replaced by a one-byte token (quote, NUL, ...)
 *	truncate	everything from an offset on removed
 *	duplicate	a range copied to another offset
 *	insert-random	1 to 16 random bytes inserted
 *	insert-token	an "interesting" token inserted (list in tokens[]),
 *			half of the time at the start of a line
 *	delete		a range removed
 *	swap-lines	two lines exchanged
 *	dup-line	a line copied to the start of another, or after
 *			itself: a row or a statement twice, keys repeated
 *
 * Range lengths are spread over orders of magnitude: mostly a few bytes,
 * sometimes a kilobyte or more.  The bytes of mutant i are a function of
 * the file, the seed string (default "1") and i only -- not of first or
 * count -- so "mutate -s SEED -f I file" writes again mutant I of any run.
 *
 * With -d, mutant i goes to dir/m<i>.sql and a line "<i> TAB <edits>"
 * describing it to standard output.  Without -d, the mutants go one after
 * the other to standard output (with the default count of one, that is
 * the mutant) and the descriptions to standard error.
 *
 * Standalone on purpose: C11 plus POSIX getopt and none of the project's
 * headers, so "cc -O2 -o mutate mutate.c" builds it anywhere, also for a
 * test run against a sanitizer build of the filters.  Exit 0 ok, 1 I/O
 * error, 2 usage error.
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INPUT_MAX	((size_t)64 << 20)	/* larger input: an error */
#define EDITS_MAX	4			/* edits per mutant */
#define DESC_MAX	1024			/* one mutant's description */
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTFLIKE(f, a)
#endif

/* A byte string that may hold NUL bytes. */
struct tok {
	const char	*s;
	size_t		 n;
};
#define TOK(lit)	{ lit, sizeof(lit) - 1 }

/*
 * Tokens the readers give a meaning to: string and identifier quotes,
 * escapes, COPY's field and row ends and its "\." terminator, statement
 * ends, comment and executable-comment delimiters, dollar quotes, string
 * prefixes, the statements that carry rows.
 */
static const struct tok tokens[] = {
	TOK("'"), TOK("\\"), TOK("\t"), TOK("\n"), TOK("\\."), TOK(";"),
	TOK("("), TOK(")"), TOK(","), TOK("\0"), TOK("*/"), TOK("/*!"),
	TOK("$$"), TOK("E'"), TOK("_binary "), TOK("0x"), TOK("COPY "),
	TOK("INSERT INTO "), TOK("CREATE TABLE "),
	/* Not in the list of the issue, but as cheap and as sharp. */
	TOK("\""), TOK("`"), TOK("\\N"), TOK("\r"), TOK("-- "), TOK("\\.\n"),
	TOK("''"), TOK("\\'"),
	/* What dumpdehydrate's graph and dumprelink's keys are made of. */
	TOK("PRIMARY KEY "), TOK("REFERENCES "), TOK("FOREIGN KEY "),
	TOK("PARTITION OF "), TOK("ALTER TABLE ONLY "), TOK("NULL"),
	TOK("DEFAULT "), TOK("GENERATED ALWAYS AS "),
};

/* splitmix64; the state is all a mutant's randomness depends on. */
struct rng {
	uint64_t	 s;
};

/* The mutant being built. */
struct buf {
	unsigned char	*p;
	size_t		 len;
	size_t		 cap;
};

static const char *progname = "mutate";

static void
die(const char *what, const char *detail)
{
	fprintf(stderr, "%s: %s: %s\n", progname, what, detail);
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n == 0 ? 1 : n);
	if (p == NULL)
		die("realloc", strerror(errno));
	return p;
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z;

	r->s += UINT64_C(0x9e3779b97f4a7c15);
	z = r->s;
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A number in [0, n); 0 when n is 0.  The modulo bias does not matter. */
static size_t
rng_below(struct rng *r, size_t n)
{
	return n == 0 ? 0 : (size_t)(rng_next(r) % n);
}

/* A length from 1 to max (max >= 1), log-uniform: short ones are common. */
static size_t
rng_len(struct rng *r, size_t max)
{
	size_t n;

	n = 1 + rng_below(r, (size_t)1 << rng_below(r, 13));
	return n > max ? max : n;
}

/* FNV-1a, to turn the seed string into a number. */
static uint64_t
hash_str(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

static void
buf_reserve(struct buf *b, size_t extra)
{
	if (b->cap - b->len >= extra)
		return;
	while (b->cap - b->len < extra)
		b->cap = b->cap < 4096 ? 4096 : b->cap * 2;
	b->p = xrealloc(b->p, b->cap);
}

/* Insert n bytes at off (off <= len). */
static void
buf_insert(struct buf *b, size_t off, const void *s, size_t n)
{
	if (n == 0)
		return;
	buf_reserve(b, n);
	memmove(b->p + off + n, b->p + off, b->len - off);
	memcpy(b->p + off, s, n);
	b->len += n;
}

/* Remove n bytes at off (off + n <= len). */
static void
buf_delete(struct buf *b, size_t off, size_t n)
{
	memmove(b->p + off, b->p + off + n, b->len - off - n);
	b->len -= n;
}

static void	desc_add(char *, const char *, ...) PRINTFLIKE(2, 3);

/* Append printf-style text to the description d of size DESC_MAX. */
static void
desc_add(char *d, const char *fmt, ...)
{
	va_list ap;
	size_t used = strlen(d);

	if (used + 1 >= DESC_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(d + used, DESC_MAX - used, fmt, ap);
	va_end(ap);
}

/* Append token t, C-escaped and quoted, to the description. */
static void
desc_tok(char *d, const struct tok *t)
{
	size_t i;
	unsigned char c;

	desc_add(d, "\"");
	for (i = 0; i < t->n; i++) {
		c = (unsigned char)t->s[i];
		if (c == '\\' || c == '"')
			desc_add(d, "\\%c", c);
		else if (c == '\n')
			desc_add(d, "\\n");
		else if (c == '\t')
			desc_add(d, "\\t");
		else if (c == '\r')
			desc_add(d, "\\r");
		else if (c < 0x20 || c >= 0x7f)
			desc_add(d, "\\x%02x", c);
		else
			desc_add(d, "%c", c);
	}
	desc_add(d, "\"");
}

/* An offset at the start of a line (0 or just after a newline). */
static size_t
line_start(struct rng *r, const struct buf *b)
{
	size_t off;
	const unsigned char *nl;

	off = rng_below(r, b->len + 1);
	while (off > 0 && b->p[off - 1] != '\n')
		off--;
	/* Half of the time the next line instead: spreads over the file. */
	if (rng_below(r, 2) && off < b->len) {
		nl = memchr(b->p + off, '\n', b->len - off);
		if (nl != NULL)
			off = (size_t)(nl - b->p) + 1;
	}
	return off;
}

/* The line around offset off: [*start, *end), newline included. */
static void
line_at(const struct buf *b, size_t off, size_t *start, size_t *end)
{
	const unsigned char *nl;

	while (off > 0 && b->p[off - 1] != '\n')
		off--;
	*start = off;
	nl = memchr(b->p + off, '\n', b->len - off);
	*end = nl == NULL ? b->len : (size_t)(nl - b->p) + 1;
}

/* Exchange two lines; false when the file has fewer than two. */
static int
swap_lines(struct rng *r, struct buf *b, char *d)
{
	size_t s1, e1, s2, e2, t, n1, n2;
	unsigned char *tmp;

	if (b->len == 0)
		return 0;
	line_at(b, rng_below(r, b->len), &s1, &e1);
	line_at(b, rng_below(r, b->len), &s2, &e2);
	if (s1 == s2)
		return 0;
	if (s1 > s2) {
		t = s1, s1 = s2, s2 = t;
		t = e1, e1 = e2, e2 = t;
	}
	/* [s1,e1) mid [s2,e2) becomes [s2,e2) mid [s1,e1). */
	n1 = e1 - s1;
	n2 = e2 - s2;
	tmp = xrealloc(NULL, e2 - s1);
	memcpy(tmp, b->p + s2, n2);
	memcpy(tmp + n2, b->p + e1, s2 - e1);
	memcpy(tmp + n2 + (s2 - e1), b->p + s1, n1);
	memcpy(b->p + s1, tmp, e2 - s1);
	free(tmp);
	desc_add(d, "swap-lines@%zu,%zu", s1, s2);
	return 1;
}

/*
 * Copy a line to the start of another, or just after itself; false when
 * the file is empty.
 */
static int
dup_line(struct rng *r, struct buf *b, char *d)
{
	size_t s, e, to;
	unsigned char *tmp;

	if (b->len == 0)
		return 0;
	line_at(b, rng_below(r, b->len), &s, &e);
	to = rng_below(r, 2) ? e : line_start(r, b);
	tmp = xrealloc(NULL, e - s);
	memcpy(tmp, b->p + s, e - s);
	buf_insert(b, to, tmp, e - s);
	free(tmp);
	desc_add(d, "dup-line %zu@%zu->%zu", e - s, s, to);
	return 1;
}

/*
 * Apply one random edit to b and describe it in d.  Weights: the token
 * edits and bit flips, which keep most of the file intact and so reach
 * deep into it, come up most often.
 */
static void
edit(struct rng *r, struct buf *b, char *d)
{
	static const unsigned char ops[] = {
	    0, 0, 1, 2, 2, 3, 4, 5, 6, 6, 6, 7, 7, 8, 9
	};
	const struct tok *t;
	unsigned char rnd[16], *tmp;
	size_t off, n, to, i;
	unsigned int bit;

	if (d[0] != '\0')
		desc_add(d, "; ");
	for (;;) {
		switch (ops[rng_below(r, sizeof(ops))]) {
		case 0:
			if (b->len == 0)
				continue;
			off = rng_below(r, b->len);
			bit = (unsigned int)rng_below(r, 8);
			b->p[off] ^= (unsigned char)(1u << bit);
			desc_add(d, "flip-bit@%zu.%u", off, bit);
			return;
		case 1:
			if (b->len == 0)
				continue;
			off = rng_below(r, b->len);
			b->p[off] = (unsigned char)rng_next(r);
			desc_add(d, "set-byte@%zu=0x%02x", off, b->p[off]);
			return;
		case 2:
			if (b->len == 0)
				continue;
			/* One-byte tokens only: the length stays the same. */
			do
				t = &tokens[rng_below(r, NELEM(tokens))];
			while (t->n != 1);
			off = rng_below(r, b->len);
			b->p[off] = (unsigned char)t->s[0];
			desc_add(d, "set-token@%zu=", off);
			desc_tok(d, t);
			return;
		case 3:
			off = rng_below(r, b->len + 1);
			b->len = off;
			desc_add(d, "truncate@%zu", off);
			return;
		case 4:
			if (b->len == 0)
				continue;
			off = rng_below(r, b->len);
			n = rng_len(r, b->len - off);
			to = rng_below(r, b->len + 1);
			/* Copy first: the insert may move the range. */
			tmp = xrealloc(NULL, n);
			memcpy(tmp, b->p + off, n);
			buf_insert(b, to, tmp, n);
			free(tmp);
			desc_add(d, "duplicate %zu@%zu->%zu", n, off, to);
			return;
		case 5:
			n = 1 + rng_below(r, sizeof(rnd));
			for (i = 0; i < n; i++)
				rnd[i] = (unsigned char)rng_next(r);
			off = rng_below(r, b->len + 1);
			buf_insert(b, off, rnd, n);
			desc_add(d, "insert-random %zu@%zu", n, off);
			return;
		case 6:
			t = &tokens[rng_below(r, NELEM(tokens))];
			if (rng_below(r, 2))
				off = line_start(r, b);
			else
				off = rng_below(r, b->len + 1);
			buf_insert(b, off, t->s, t->n);
			desc_add(d, "insert-token@%zu=", off);
			desc_tok(d, t);
			return;
		case 7:
			if (b->len == 0)
				continue;
			off = rng_below(r, b->len);
			n = rng_len(r, b->len - off);
			buf_delete(b, off, n);
			desc_add(d, "delete %zu@%zu", n, off);
			return;
		case 8:
			if (swap_lines(r, b, d))
				return;
			continue;
		case 9:
			if (dup_line(r, b, d))
				return;
			continue;
		}
	}
}

/* Read all of path into *p, *len; exits on error. */
static void
read_file(const char *path, unsigned char **p, size_t *len)
{
	FILE *fp;
	size_t cap = 65536, n = 0, got;
	unsigned char *s;

	fp = fopen(path, "rb");
	if (fp == NULL)
		die(path, strerror(errno));
	s = xrealloc(NULL, cap);
	for (;;) {
		if (n == cap) {
			if (cap >= INPUT_MAX)
				die(path, "larger than 64 MiB");
			cap *= 2;
			s = xrealloc(s, cap);
		}
		got = fread(s + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp))
		die(path, strerror(errno));
	fclose(fp);
	*p = s;
	*len = n;
}

static void
write_all(FILE *fp, const char *name, const void *p, size_t n)
{
	if (fwrite(p, 1, n, fp) != n)
		die(name, strerror(errno));
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-d dir] [-f first] [-n count] [-s seed] "
	    "file\n", progname);
	exit(status);
}

/* A number from optarg, 0 to max; exits with usage on a bad one. */
static uint64_t
number(const char *opt, const char *s, uint64_t max)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (*s < '0' || *s > '9')
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		goto bad;
	return v;
bad:
	fprintf(stderr, "%s: -%s: \"%s\": expected a number from 0 to "
	    "%" PRIu64 "\n", progname, opt, s, max);
	usage(stderr, 2);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *dir = NULL, *seed = "1";
	unsigned char *orig;
	char desc[DESC_MAX], *path = NULL;
	uint64_t first = 0, count = 1, i, h;
	size_t olen, plen = 0;
	struct buf b = { NULL, 0, 0 };
	struct rng r;
	int ch, k, nedits;
	FILE *fp;

	while ((ch = getopt(argc, argv, "d:f:hn:s:")) != -1)
		switch (ch) {
		case 'd':
			dir = optarg;
			break;
		case 'f':
			first = number("f", optarg, UINT32_MAX);
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'n':
			count = number("n", optarg, UINT32_MAX);
			break;
		case 's':
			seed = optarg;
			break;
		default:
			usage(stderr, 2);
		}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage(stderr, 2);

	read_file(argv[0], &orig, &olen);
	h = hash_str(seed);
	if (dir != NULL) {
		plen = strlen(dir) + 32;
		path = xrealloc(NULL, plen);
	}
	for (i = first; i < first + count; i++) {
		/* Mixing i through the generator decorrelates neighbours. */
		r.s = h ^ (i * UINT64_C(0xd1b54a32d192ed03));
		(void)rng_next(&r);
		b.len = 0;
		buf_insert(&b, 0, orig, olen);
		desc[0] = '\0';
		nedits = 1;
		if (rng_below(&r, 4) == 0)
			nedits += 1 + (int)rng_below(&r, EDITS_MAX - 1);
		for (k = 0; k < nedits; k++)
			edit(&r, &b, desc);
		if (dir == NULL) {
			write_all(stdout, "stdout", b.p, b.len);
			fprintf(stderr, "%" PRIu64 "\t%s\n", i, desc);
			continue;
		}
		snprintf(path, plen, "%s/m%" PRIu64 ".sql", dir, i);
		fp = fopen(path, "wb");
		if (fp == NULL)
			die(path, strerror(errno));
		write_all(fp, path, b.p, b.len);
		if (fclose(fp) != 0)
			die(path, strerror(errno));
		printf("%" PRIu64 "\t%s\n", i, desc);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		die("stdout", strerror(errno));
	free(orig);
	free(b.p);
	free(path);
	return 0;
}
