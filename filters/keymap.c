/*
 * keymap: dumprelink's key map (see keymap.h).
 */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keymap.h"
#include "keyset.h"
#include "stream.h"
#include "util.h"

#define KM_MAGIC	"dumprelink-keymap"

struct keymap *
keymap_new(struct kmem *m)
{
	struct keymap *km;

	km = xcalloc(1, sizeof(*km));
	km->m = m;
	return km;
}

static void
pointer_free(struct km_pointer *p)
{
	free(p->name);
	kmap_free(&p->map);
	free(p);
}

static void
table_free(struct km_table *t)
{
	size_t i;

	free(t->schema);
	free(t->name);
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	kvec_free(&t->rows);
	free(t);
}

void
keymap_free(struct keymap *km)
{
	size_t i;

	if (km == NULL)
		return;
	for (i = 0; i < km->np; i++)
		pointer_free(km->p[i]);
	for (i = 0; i < km->nt; i++)
		table_free(km->t[i]);
	free(km->p);
	free(km->t);
	free(km);
}

struct km_pointer *
keymap_pointer(const struct keymap *km, const char *name)
{
	size_t i;

	for (i = 0; i < km->np; i++)
		if (strcmp(km->p[i]->name, name) == 0)
			return km->p[i];
	return NULL;
}

struct km_pointer *
keymap_add_pointer(struct keymap *km, const char *name, size_t nkeys,
    int lower)
{
	struct km_pointer *p;

	p = xcalloc(1, sizeof(*p));
	p->name = xstrdup(name);
	p->nkeys = nkeys;
	p->lower = lower;
	kmap_init(&p->map, km->m);
	km->p = xrealloc(km->p, (km->np + 1) * sizeof(*km->p));
	km->p[km->np++] = p;
	return p;
}

static int
streq_null(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

struct km_table *
keymap_table(const struct keymap *km, const char *schema, const char *name,
    int exact)
{
	struct km_table *found = NULL;
	size_t i;

	for (i = 0; i < km->nt; i++) {
		if (strcmp(km->t[i]->name, name) != 0)
			continue;
		if (streq_null(km->t[i]->schema, schema))
			return km->t[i];
		if (found == NULL && !exact)
			found = km->t[i];
	}
	return found;
}

struct km_table *
keymap_add_table(struct keymap *km, const char *schema, const char *name,
    size_t ncols, char *const *cols)
{
	struct km_table *t;
	size_t i;

	t = xcalloc(1, sizeof(*t));
	t->schema = schema != NULL ? xstrdup(schema) : NULL;
	t->name = xstrdup(name);
	t->ncols = ncols;
	t->cols = xcalloc(ncols ? ncols : 1, sizeof(*t->cols));
	for (i = 0; i < ncols; i++)
		t->cols[i] = xstrdup(cols[i]);
	kvec_init(&t->rows, km->m);
	km->t = xrealloc(km->t, (km->nt + 1) * sizeof(*km->t));
	km->t[km->nt++] = t;
	return t;
}

int
km_key_add(struct buf *out, const char *p, size_t n, int lower)
{
	unsigned char var[KVARINT_MAX];
	size_t k, i;

	k = kvarint_put(var, n);
	if (buf_add(out, var, k) == -1)
		return -1;
	if (!lower)
		return buf_add(out, p, n);
	if (buf_reserve(out, n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		out->p[out->len + i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
		    p[i] - 'A' + 'a' : p[i]);
	out->len += n;
	return 0;
}

/* ---- Maps --------------------------------------------------------------- */

#define SLOT_TAG(h)	((h) >> 40)
#define SLOT_OFF_MAX	((1ULL << 40) - 2)

void
kmap_init(struct kmap *m, struct kmem *mem)
{
	memset(m, 0, sizeof(*m));
	kvec_init(&m->slots, mem);
	kvec_init(&m->ents, mem);
	m->seed = kseed();
}

void
kmap_free(struct kmap *m)
{
	kvec_free(&m->slots);
	kvec_free(&m->ents);
	m->n = 0;
}

const unsigned char *
kmap_key(const struct kmap *m, uint64_t off, size_t *n, uint64_t *next)
{
	const unsigned char *p = m->ents.p + off, *k;
	size_t left = m->ents.len - off, vl;

	*n = kvarint_get(&p, &left);
	k = p;
	if (next != NULL) {
		p += *n;
		left -= *n;
		vl = kvarint_get(&p, &left);
		*next = (uint64_t)(p - m->ents.p) + (vl ? vl - 1 : 0);
	}
	return k;
}

int
kmap_value(const struct kmap *m, uint64_t off, const char **v, size_t *n)
{
	const unsigned char *p = m->ents.p + off;
	size_t left = m->ents.len - off, len;

	len = kvarint_get(&p, &left);
	p += len;
	left -= len;
	len = kvarint_get(&p, &left);
	if (len == 0)
		return 1;
	*v = (const char *)p;
	*n = len - 1;
	return 0;
}

/* The slot of a key: where it is, or the empty slot it would take. */
static size_t
kmap_probe(const struct kmap *m, uint64_t h, const void *key, size_t kn)
{
	const uint64_t *s = (const uint64_t *)(const void *)m->slots.p;
	size_t mask = m->slots.len / 8 - 1, i = (size_t)h & mask, n;
	const unsigned char *k;

	for (;; i = (i + 1) & mask) {
		if (s[i] == 0)
			return i;
		if (SLOT_TAG(s[i]) != SLOT_TAG(h))
			continue;
		k = kmap_key(m, (s[i] & ((1ULL << 40) - 1)) - 1, &n, NULL);
		if (n == kn && (n == 0 || memcmp(k, key, n) == 0))
			return i;
	}
}

uint64_t
kmap_find(const struct kmap *m, const void *key, size_t kn)
{
	const uint64_t *s = (const uint64_t *)(const void *)m->slots.p;
	size_t i;

	if (m->n == 0)
		return KM_NONE;
	i = kmap_probe(m, khash64(m->seed, key, kn), key, kn);
	return s[i] ? (s[i] & ((1ULL << 40) - 1)) - 1 : KM_NONE;
}

/* Make n slots (a power of two), rehashing from the keys. */
static int
kmap_resize(struct kmap *m, size_t n, struct df_error *err)
{
	size_t i, j, kn;
	const uint64_t *os = (const uint64_t *)(const void *)m->slots.p;
	const unsigned char *k;
	struct kvec nw;
	uint64_t *s, h;

	kvec_init(&nw, m->slots.m);
	if (kvec_reserve(&nw, n * 8, err) == -1) {
		kvec_free(&nw);
		return -1;
	}
	kvec_hugepages(&nw);
	if (kvec_zero(&nw, n * 8, err) == -1) {
		kvec_free(&nw);
		return -1;
	}
	s = (uint64_t *)(void *)nw.p;
	for (i = 0; i < m->slots.len / 8; i++) {
		if (os[i] == 0)
			continue;
		k = kmap_key(m, (os[i] & ((1ULL << 40) - 1)) - 1, &kn, NULL);
		h = khash64(m->seed, k, kn);
		for (j = (size_t)h & (n - 1); s[j] != 0; j = (j + 1) & (n - 1))
			;
		s[j] = os[i];
	}
	kvec_free(&m->slots);
	kvec_move(&m->slots, &nw);
	return 0;
}

int
kmap_reserve(struct kmap *m, uint64_t n, struct df_error *err)
{
	size_t want = 1024;

	while (want / 2 < n + 1) {
		if (want > SIZE_MAX / 16)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "a key map "
			    "too large");
		want *= 2;
	}
	return want > m->slots.len / 8 ? kmap_resize(m, want, err) : 0;
}

int
kmap_put(struct kmap *m, const void *key, size_t kn, const void *v,
    size_t vn, int null, uint64_t *off, struct df_error *err)
{
	unsigned char var[KVARINT_MAX];
	uint64_t h, o;
	uint64_t *s;
	size_t i, k;

	if ((m->n + 1) * 2 > m->slots.len / 8 && kmap_resize(m,
	    m->slots.len ? m->slots.len / 8 * 2 : 1024, err) == -1)
		return -1;
	h = khash64(m->seed, key, kn);
	i = kmap_probe(m, h, key, kn);
	s = (uint64_t *)(void *)m->slots.p;
	if (s[i] != 0) {
		*off = (s[i] & ((1ULL << 40) - 1)) - 1;
		return 1;
	}
	o = m->ents.len;
	if (o > SLOT_OFF_MAX)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "a key map of more "
		    "than 1 TB");
	k = kvarint_put(var, kn);
	if (kvec_add(&m->ents, var, k, err) == -1 ||
	    kvec_add(&m->ents, key, kn, err) == -1)
		return -1;
	k = kvarint_put(var, null ? 0 : vn + 1);
	if (kvec_add(&m->ents, var, k, err) == -1 ||
	    (!null && kvec_add(&m->ents, v, vn, err) == -1))
		return -1;
	/* The slots did not move: only the entries grew. */
	s[i] = SLOT_TAG(h) << 40 | (o + 1);
	m->n++;
	*off = o;
	return 0;
}

int
km_put(struct km_pointer *p, const void *key, size_t kn, const char *v,
    size_t vn, int null, uint64_t *off, struct df_error *err)
{
	const char *ov;
	size_t on;
	int rc;

	rc = kmap_put(&p->map, key, kn, v, vn, null, off, err);
	if (rc != 1)
		return rc;
	if (kmap_value(&p->map, *off, &ov, &on) == 1)
		return null ? 1 : 2;
	return !null && on == vn && (vn == 0 || memcmp(ov, v, vn) == 0) ?
	    1 : 2;
}

/* ---- TSV ---------------------------------------------------------------- */

int
km_tsv_escape(struct buf *b, const char *p, size_t n)
{
	const char *e = p + n, *run = p;
	char esc[2] = { '\\', 0 };

	for (; p < e; p++) {
		switch (*p) {
		case '\t': esc[1] = 't'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\\': esc[1] = '\\'; break;
		case '\0': esc[1] = '0'; break;
		default: continue;
		}
		if (buf_add(b, run, (size_t)(p - run)) == -1 ||
		    buf_add(b, esc, 2) == -1)
			return -1;
		run = p + 1;
	}
	return buf_add(b, run, (size_t)(e - run));
}

/*
 * Decode the TSV field (p, n) into b.  Returns 0, 1 if it is \N (NULL,
 * nothing appended), -1 on an unknown escape.
 */
static int
tsv_unescape(struct buf *b, const char *p, size_t n)
{
	const char *e = p + n, *run = p, *q;
	char c;

	if (n == 2 && p[0] == '\\' && p[1] == 'N')
		return 1;
	while ((q = memchr(run, '\\', (size_t)(e - run))) != NULL) {
		if (q + 1 >= e)
			return -1;
		switch (q[1]) {
		case 't': c = '\t'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case '\\': c = '\\'; break;
		case '0': c = '\0'; break;
		default: return -1;
		}
		if (buf_add(b, run, (size_t)(q - run)) == -1 ||
		    buf_addc(b, c) == -1)
			return -1;
		run = q + 2;
	}
	return buf_add(b, run, (size_t)(e - run));
}

long
km_row_split(const char *line, size_t n, struct buf *dec, size_t *off,
    size_t *len, int *null, size_t max)
{
	const char *p = line, *e = line + n, *t;
	size_t nf = 0, start;
	int rc;

	buf_clear(dec);
	for (;;) {
		if (nf == max)
			return -1;
		t = memchr(p, '\t', (size_t)(e - p));
		if (t == NULL)
			t = e;
		start = dec->len;
		rc = tsv_unescape(dec, p, (size_t)(t - p));
		if (rc == -1)
			return -1;
		off[nf] = start;
		len[nf] = dec->len - start;
		null[nf] = rc == 1;
		nf++;
		if (t == e)
			return (long)nf;
		p = t + 1;
	}
}

int
km_table_line(struct km_table *t, const char *line, size_t n,
    struct df_error *err)
{
	if (kvec_add(&t->rows, line, n, err) == -1 ||
	    kvec_add(&t->rows, "\n", 1, err) == -1)
		return -1;
	t->nrows++;
	return 0;
}

/* ---- Writing ------------------------------------------------------------ */

static int
flush(struct buf *b, struct ostream *out, struct df_error *err)
{
	int rc;

	rc = ostream_write(out, b->p, b->len, err);
	buf_clear(b);
	return rc;
}

static int
write_pointer(const struct km_pointer *p, struct buf *b, struct ostream *out,
    struct df_error *err)
{
	const unsigned char *k;
	const char *v;
	size_t kn, len, j;
	uint64_t off, next;
	int rc;

	if (buf_adds(b, "pointer\t") == -1 ||
	    km_tsv_escape(b, p->name, strlen(p->name)) == -1)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "out of memory");
	{
		char tail[96];

		snprintf(tail, sizeof(tail), "\t%zu\t%s\t%llu\n", p->nkeys,
		    p->lower ? "lower" : "exact",
		    (unsigned long long)km_count(p));
		if (buf_adds(b, tail) == -1)
			return df_err(err, DF_EXIT_DATA, NULL, 0,
			    "out of memory");
	}
	for (off = 0; off < p->map.ents.len; off = next) {
		k = kmap_key(&p->map, off, &kn, &next);
		/* The tuple's components, tab-separated. */
		for (j = 0; kn > 0; j++) {
			len = kvarint_get(&k, &kn);
			if (len > kn)
				return df_err(err, DF_EXIT_DATA, NULL, 0,
				    "internal error: a key tuple is cut");
			if ((j > 0 && buf_addc(b, '\t') == -1) ||
			    km_tsv_escape(b, (const char *)k, len) == -1)
				return df_err(err, DF_EXIT_DATA, NULL, 0,
				    "out of memory");
			k += len;
			kn -= len;
		}
		rc = km_value(p, off, &v, &len);
		if (buf_addc(b, '\t') == -1 || (rc == 1 ?
		    buf_add(b, "\\N", 2) : km_tsv_escape(b, v, len)) == -1 ||
		    buf_addc(b, '\n') == -1)
			return df_err(err, DF_EXIT_DATA, NULL, 0,
			    "out of memory");
		if (b->len >= STREAM_BLOCK && flush(b, out, err) == -1)
			return -1;
	}
	return 0;
}

static int
write_table(const struct km_table *t, struct buf *b, struct ostream *out,
    struct df_error *err)
{
	char tail[64];
	size_t i;

	if (buf_adds(b, "table\t") == -1 || (t->schema == NULL ?
	    buf_add(b, "\\N", 2) : km_tsv_escape(b, t->schema,
	    strlen(t->schema))) == -1 || buf_addc(b, '\t') == -1 ||
	    km_tsv_escape(b, t->name, strlen(t->name)) == -1)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "out of memory");
	snprintf(tail, sizeof(tail), "\t%zu\t%llu\n", t->ncols, t->nrows);
	if (buf_adds(b, tail) == -1)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "out of memory");
	for (i = 0; i < t->ncols; i++)
		if ((i > 0 && buf_addc(b, '\t') == -1) ||
		    km_tsv_escape(b, t->cols[i], strlen(t->cols[i])) == -1)
			return df_err(err, DF_EXIT_DATA, NULL, 0,
			    "out of memory");
	if (buf_addc(b, '\n') == -1 || flush(b, out, err) == -1)
		return -1;
	return ostream_write(out, t->rows.p, t->rows.len, err);
}

int
keymap_write(const struct keymap *km, struct ostream *out,
    struct df_error *err)
{
	struct buf b;
	char line[96];
	size_t i;
	int rc = 0;

	buf_init(&b, 0);
	snprintf(line, sizeof(line), "%s\t%d\n", KM_MAGIC, KEYMAP_VERSION);
	if (buf_adds(&b, line) == -1)
		rc = df_err(err, DF_EXIT_DATA, NULL, 0, "out of memory");
	for (i = 0; i < km->np && rc == 0; i++)
		rc = write_pointer(km->p[i], &b, out, err);
	for (i = 0; i < km->nt && rc == 0; i++)
		rc = write_table(km->t[i], &b, out, err);
	if (rc == 0) {
		snprintf(line, sizeof(line), "end\t%zu\t%zu\n", km->np,
		    km->nt);
		if (buf_adds(&b, line) == -1)
			rc = df_err(err, DF_EXIT_DATA, NULL, 0,
			    "out of memory");
		else
			rc = flush(&b, out, err);
	}
	buf_free(&b);
	return rc;
}

/* ---- Reading ------------------------------------------------------------ */

/* Lines of a decompressed stream. */
struct lines {
	struct istream	*in;
	char		*w;
	size_t		 cap, start, end;
	int		 eof;
	unsigned long long line;
	const char	*path;
};

/*
 * The next line, without its newline, in *p, *n.  Returns 1, 0 at the
 * end of the input, -1 on a read error or a last line with no newline.
 */
static int
next_line(struct lines *l, const char **p, size_t *n, struct df_error *err)
{
	char *q;
	ssize_t got;

	for (;;) {
		q = l->end > l->start ? memchr(l->w + l->start, '\n',
		    l->end - l->start) : NULL;
		if (q != NULL) {
			*p = l->w + l->start;
			*n = (size_t)(q - *p);
			l->start += *n + 1;
			l->line++;
			return 1;
		}
		if (l->eof) {
			if (l->start == l->end)
				return 0;
			return df_err(err, DF_EXIT_DATA, l->path, l->line + 1,
			    "corrupt key map: the last line is cut");
		}
		if (l->start > 0) {
			memmove(l->w, l->w + l->start, l->end - l->start);
			l->end -= l->start;
			l->start = 0;
		}
		if (l->cap - l->end < STREAM_BLOCK) {
			l->cap = l->cap ? l->cap * 2 : 4 * STREAM_BLOCK;
			l->w = xrealloc(l->w, l->cap);
		}
		got = istream_read(l->in, l->w + l->end, l->cap - l->end, err);
		if (got == -1)
			return -1;
		if (got == 0)
			l->eof = 1;
		l->end += (size_t)got;
	}
}

/* Split a line at tabs into at most max slices; returns the count. */
static size_t
split(const char *p, size_t n, const char **f, size_t *fl, size_t max)
{
	const char *e = p + n, *t;
	size_t k = 0;

	for (;;) {
		t = memchr(p, '\t', (size_t)(e - p));
		if (t == NULL)
			t = e;
		if (k < max) {
			f[k] = p;
			fl[k] = (size_t)(t - p);
		}
		k++;
		if (t == e)
			return k;
		p = t + 1;
	}
}

/* A count field: digits only. */
static int
count_field(const char *p, size_t n, unsigned long long *v)
{
	size_t i;

	*v = 0;
	if (n == 0 || n > 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		*v = *v * 10 + (unsigned long long)(p[i] - '0');
	}
	return 0;
}

static int
corrupt(struct lines *l, struct df_error *err, const char *what)
{
	return df_err(err, DF_EXIT_DATA, l->path, l->line,
	    "corrupt key map: %s", what);
}

/* A name field into a malloc'd string; NULL (and *isnull) for \N. */
static char *
name_field(const char *p, size_t n, struct buf *b, int *isnull)
{
	int rc;

	buf_clear(b);
	rc = tsv_unescape(b, p, n);
	*isnull = rc == 1;
	if (rc != 0 || memchr(b->p, '\0', b->len) != NULL)
		return NULL;
	return xstrndup(b->len ? b->p : "", b->len);
}

/* MySQL's limit is 4096 columns; a key is shorter. */
#define MAX_FIELDS	4100

static int
read_pointer(struct keymap *km, struct lines *l, const char **f, size_t *fl,
    size_t nf, struct buf *b, struct df_error *err)
{
	struct km_pointer *p;
	unsigned long long nkeys, n, i;
	const char *line, *v;
	struct buf key;
	size_t len, k, vn;
	char *name;
	int isnull, lower, rc;
	uint64_t off;

	if (nf != 5 || count_field(f[2], fl[2], &nkeys) == -1 ||
	    nkeys == 0 || nkeys >= MAX_FIELDS ||
	    count_field(f[4], fl[4], &n) == -1)
		return corrupt(l, err, "a bad pointer line");
	if (df_slice_eq(f[3], fl[3], "lower"))
		lower = 1;
	else if (df_slice_eq(f[3], fl[3], "exact"))
		lower = 0;
	else
		return corrupt(l, err, "a bad pointer line");
	name = name_field(f[1], fl[1], b, &isnull);
	if (name == NULL || *name == '\0' || keymap_pointer(km, name)) {
		free(name);
		return corrupt(l, err, "a bad or repeated pointer name");
	}
	p = keymap_add_pointer(km, name, (size_t)nkeys, lower);
	free(name);
	/* Slots for every entry at once: no rehash on the way. */
	if (kmap_reserve(&p->map, n, err) == -1)
		return -1;
	buf_init(&key, 0);
	rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		rc = next_line(l, &line, &len, err);
		if (rc != 1) {
			if (rc == 0)
				rc = corrupt(l, err, "fewer entries than its "
				    "pointer line says (truncated?)");
			break;
		}
		if (split(line, len, f, fl, MAX_FIELDS) != nkeys + 1) {
			rc = corrupt(l, err, "an entry with the wrong number "
			    "of fields");
			break;
		}
		buf_clear(&key);
		for (k = 0; k < nkeys; k++) {
			buf_clear(b);
			if (tsv_unescape(b, f[k], fl[k]) != 0 ||
			    km_key_add(&key, b->p, b->len, 0) == -1)
				break;
		}
		if (k < nkeys) {
			rc = corrupt(l, err, "a bad key");
			break;
		}
		buf_clear(b);
		isnull = tsv_unescape(b, f[nkeys], fl[nkeys]);
		if (isnull == -1) {
			rc = corrupt(l, err, "a bad value");
			break;
		}
		v = b->p;
		vn = b->len;
		rc = km_put(p, key.p, key.len, v, vn, isnull, &off, err);
		if (rc == 1 || rc == 2)
			rc = corrupt(l, err, "a repeated key");
		kmem_tick(km->m);
	}
	buf_free(&key);
	return rc;
}

static int
read_table(struct keymap *km, struct lines *l, const char **f, size_t *fl,
    size_t nf, struct buf *b, struct df_error *err)
{
	unsigned long long ncols, n, i;
	char *schema, *name, **cols;
	struct km_table *t = NULL;
	const char *line;
	size_t len, k;
	int isnull, rc = 0;

	if (nf != 5 || count_field(f[3], fl[3], &ncols) == -1 ||
	    ncols == 0 || ncols >= MAX_FIELDS ||
	    count_field(f[4], fl[4], &n) == -1)
		return corrupt(l, err, "a bad table line");
	schema = name_field(f[1], fl[1], b, &isnull);
	if (schema == NULL && !isnull)
		return corrupt(l, err, "a bad table line");
	name = name_field(f[2], fl[2], b, &isnull);
	if (name == NULL || *name == '\0') {
		free(schema);
		free(name);
		return corrupt(l, err, "a bad table line");
	}
	if (next_line(l, &line, &len, err) != 1 ||
	    split(line, len, f, fl, MAX_FIELDS) != ncols) {
		free(schema);
		free(name);
		return corrupt(l, err, "a bad column line");
	}
	cols = xcalloc((size_t)ncols, sizeof(*cols));
	for (k = 0; k < ncols; k++) {
		cols[k] = name_field(f[k], fl[k], b, &isnull);
		if (cols[k] == NULL || *cols[k] == '\0')
			rc = -1;
	}
	if (rc == 0)
		t = keymap_add_table(km, schema, name, (size_t)ncols, cols);
	for (k = 0; k < ncols; k++)
		free(cols[k]);
	free(cols);
	free(schema);
	free(name);
	if (rc == -1)
		return corrupt(l, err, "a bad column name");
	for (i = 0; i < n; i++) {
		rc = next_line(l, &line, &len, err);
		if (rc != 1)
			return rc == -1 ? -1 : corrupt(l, err, "fewer rows "
			    "than its table line says (truncated?)");
		if (split(line, len, f, fl, MAX_FIELDS) != ncols)
			return corrupt(l, err, "a row with the wrong number "
			    "of fields");
		/* Check the escapes now, not while the dump is written. */
		for (k = 0; k < ncols; k++) {
			buf_clear(b);
			if (tsv_unescape(b, f[k], fl[k]) == -1)
				return corrupt(l, err, "a bad escape in a row");
		}
		if (km_table_line(t, line, len, err) == -1)
			return -1;
	}
	return 0;
}

struct keymap *
keymap_read(const char *path, struct kmem *m, struct df_error *err)
{
	const char **f = xcalloc(MAX_FIELDS, sizeof(*f)), *line;
	size_t *fl = xcalloc(MAX_FIELDS, sizeof(*fl)), len, nf;
	struct lines l = { 0 };
	struct keymap *km = NULL;
	unsigned long long v, np, nt;
	struct buf b;
	int rc;

	buf_init(&b, 0);
	l.path = path;
	l.in = istream_open(path, err);
	if (l.in == NULL)
		goto fail;
	if (istream_comp(l.in) != STREAM_ZSTD) {
		df_seterr(err, DF_EXIT_DATA, path, 0, "not a dumprelink key map "
		    "(a key map is zstd-compressed; make one with "
		    "dumprelink --capture)");
		goto fail;
	}
	rc = next_line(&l, &line, &len, err);
	if (rc == -1)
		goto fail;
	nf = rc == 1 ? split(line, len, f, fl, MAX_FIELDS) : 0;
	if (nf != 2 || !df_slice_eq(f[0], fl[0], KM_MAGIC)) {
		df_seterr(err, DF_EXIT_DATA, path, 0, "not a dumprelink key map "
		    "(no %s line)", KM_MAGIC);
		goto fail;
	}
	if (count_field(f[1], fl[1], &v) == -1 || v != KEYMAP_VERSION) {
		df_seterr(err, DF_EXIT_DATA, path, 0, "key map version %.*s; "
		    "this dumprelink reads version %d: capture again",
		    (int)(fl[1] < 20 ? fl[1] : 20), f[1], KEYMAP_VERSION);
		goto fail;
	}
	km = keymap_new(m);
	for (;;) {
		rc = next_line(&l, &line, &len, err);
		if (rc == -1)
			goto fail;
		if (rc == 0) {
			corrupt(&l, err, "no end line (truncated?)");
			goto fail;
		}
		nf = split(line, len, f, fl, MAX_FIELDS);
		if (df_slice_eq(f[0], fl[0], "pointer")) {
			if (km->nt > 0 ||
			    read_pointer(km, &l, f, fl, nf, &b, err) == -1) {
				if (km->nt > 0)
					corrupt(&l, err, "a pointer after a "
					    "table");
				goto fail;
			}
		} else if (df_slice_eq(f[0], fl[0], "table")) {
			if (read_table(km, &l, f, fl, nf, &b, err) == -1)
				goto fail;
		} else if (df_slice_eq(f[0], fl[0], "end")) {
			if (nf != 3 || count_field(f[1], fl[1], &np) == -1 ||
			    count_field(f[2], fl[2], &nt) == -1 ||
			    np != km->np || nt != km->nt) {
				corrupt(&l, err, "the end line's counts "
				    "disagree");
				goto fail;
			}
			break;
		} else {
			corrupt(&l, err, "an unknown line");
			goto fail;
		}
	}
	rc = next_line(&l, &line, &len, err);
	if (rc != 0) {
		if (rc == 1)
			corrupt(&l, err, "lines after the end line");
		goto fail;
	}
	istream_close(l.in);
	free(l.w);
	free(f);
	free(fl);
	buf_free(&b);
	return km;
fail:
	if (err->file[0] == '\0')
		df_err_file(err, path);
	if (l.in != NULL)
		istream_close(l.in);
	free(l.w);
	free(f);
	free(fl);
	buf_free(&b);
	keymap_free(km);
	return NULL;
}
