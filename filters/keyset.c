/*
 * keyset: budgeted arrays that spill to unlinked files, and a dictionary
 * of byte strings on top of them.  See keyset.h.
 */
#include <config.h>

#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "keyset.h"
#include "util.h"

/*
 * Units of work between two drops of the spilled pages: each touches a
 * few pages at most, so the pages mapped between two drops stay within
 * some 64 MB.
 */
#define TICKS_PER_TRIM	4096

struct kmem {
	unsigned long long limit, used, peak, spilled;
	char		*dir;
	struct kvec	*spills;	/* every spilled array */
	unsigned long	 ticks;
};

struct kmem *
kmem_new(unsigned long long limit, const char *dir)
{
	struct kmem *m;

	m = xcalloc(1, sizeof(*m));
	m->limit = limit;
	m->dir = xstrdup(dir);
	return m;
}

void
kmem_free(struct kmem *m)
{
	if (m == NULL)
		return;
	free(m->dir);
	free(m);
}

unsigned long long
kmem_limit(const struct kmem *m)
{
	return m->limit;
}

unsigned long long
kmem_used(const struct kmem *m)
{
	return m->used;
}

unsigned long long
kmem_peak(const struct kmem *m)
{
	return m->peak;
}

unsigned long long
kmem_spilled(const struct kmem *m)
{
	return m->spilled;
}

/*
 * Drop the pages of every spilled array from the process.  The mappings
 * are shared with their files, so the data stays in the page cache and on
 * disk, and comes back on the next touch.
 */
static void
kmem_trim(struct kmem *m)
{
	struct kvec *v;

	for (v = m->spills; v != NULL; v = v->next)
		(void)madvise(v->p, v->cap, MADV_DONTNEED);
}

void
kmem_tick(struct kmem *m)
{
	if (m->spills != NULL && ++m->ticks >= TICKS_PER_TRIM) {
		m->ticks = 0;
		kmem_trim(m);
	}
}

void
kvec_init(struct kvec *v, struct kmem *m)
{
	memset(v, 0, sizeof(*v));
	v->fd = -1;
	v->m = m;
}

static void
unlink_spill(struct kvec *v)
{
	struct kvec **pp;

	for (pp = &v->m->spills; *pp != NULL; pp = &(*pp)->next)
		if (*pp == v) {
			*pp = v->next;
			break;
		}
}

void
kvec_free(struct kvec *v)
{
	if (v->fd >= 0) {
		munmap(v->p, v->cap);
		close(v->fd);
		v->m->spilled -= v->cap;
		unlink_spill(v);
	} else {
		free(v->p);
		if (v->m != NULL)
			v->m->used -= v->cap;
	}
	kvec_init(v, v->m);
}

void
kvec_move(struct kvec *dst, struct kvec *src)
{
	struct kvec **pp;

	*dst = *src;
	if (src->fd >= 0)
		for (pp = &src->m->spills; *pp != NULL; pp = &(*pp)->next)
			if (*pp == src) {
				*pp = dst;
				break;
			}
	kvec_init(src, src->m);
}

static size_t
page_round(size_t n)
{
	size_t pg = 65536;

	return (n + pg - 1) / pg * pg;
}

/* A file nobody else can open, gone once closed: mkstemp, then unlink. */
static int
spill_file(struct kmem *m, struct df_error *err)
{
	char *path;
	size_t n;
	int fd;

	n = strlen(m->dir) + 32;
	path = xmalloc(n);
	snprintf(path, n, "%s/dumpfilters.keys.XXXXXX", m->dir);
	fd = mkstemp(path);
	if (fd == -1) {
		df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s: cannot create a "
		    "temporary file: %s", m->dir, strerror(errno));
		free(path);
		return -1;
	}
	(void)unlink(path);
	free(path);
	return fd;
}

/* Move v to a file of cap bytes (or grow its file to cap). */
static int
spill(struct kvec *v, size_t cap, struct df_error *err)
{
	struct kmem *m = v->m;
	unsigned char *p;
	int fd = v->fd;

	cap = page_round(cap);
	if (fd == -1 && (fd = spill_file(m, err)) == -1)
		return -1;
	if (ftruncate(fd, (off_t)cap) == -1) {
		df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s: temporary file: %s",
		    m->dir, strerror(errno));
		goto fail;
	}
	if (v->fd >= 0)
		p = mremap(v->p, v->cap, cap, MREMAP_MAYMOVE);
	else
		p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		df_seterr(err, DF_EXIT_DATA, NULL, 0, "%s: cannot map a "
		    "temporary file: %s", m->dir, strerror(errno));
		goto fail;
	}
	if (v->fd == -1) {
		if (v->len > 0)
			memcpy(p, v->p, v->len);
		free(v->p);
		m->used -= v->cap;
		v->fd = fd;
		v->next = m->spills;
		m->spills = v;
	} else {
		m->spilled -= v->cap;
	}
	m->spilled += cap;
	v->p = p;
	v->cap = cap;
	return 0;
fail:
	if (v->fd == -1)
		close(fd);
	return -1;
}

int
kvec_grow(struct kvec *v, size_t n, struct df_error *err)
{
	struct kmem *m = v->m;
	size_t cap = v->cap ? v->cap : 256;
	unsigned char *p;

	if (n > SIZE_MAX / 4 - v->len)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "key arrays too "
		    "large");
	while (cap - v->len < n)
		cap *= 2;
	if (v->fd >= 0 || m->used + (cap - v->cap) > m->limit)
		return spill(v, cap, err);
	p = realloc(v->p, cap);
	if (p == NULL)
		return spill(v, cap, err);
	m->used += cap - v->cap;
	if (m->used > m->peak)
		m->peak = m->used;
	v->p = p;
	v->cap = cap;
	return 0;
}

void
kvec_hugepages(struct kvec *v)
{
#ifdef MADV_HUGEPAGE
	uintptr_t a = (uintptr_t)v->p, e = a + v->cap;
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE);

	if (v->fd >= 0 || v->cap < (4U << 20))
		return;
	a = (a + pg - 1) & ~(pg - 1);
	e &= ~(pg - 1);
	if (e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)v;
#endif
}

int
kvec_zero(struct kvec *v, size_t n, struct df_error *err)
{
	if (n == 0)
		return 0;
	if (kvec_reserve(v, n, err) == -1)
		return -1;
	memset(v->p + v->len, 0, n);
	v->len += n;
	return 0;
}

int
kbit_set(struct kvec *v, uint64_t i, struct df_error *err)
{
	uint64_t *w, bit = (uint64_t)1 << (i % 64);
	size_t need = (size_t)(i / 64 + 1) * 8;

	if (need > v->len && kvec_zero(v, need - v->len, err) == -1)
		return -1;
	w = (uint64_t *)(void *)v->p + i / 64;
	if (*w & bit)
		return 0;
	*w |= bit;
	return 1;
}

/* ---- The dictionary --------------------------------------------------- */

/*
 * A keyed hash, seeded at random per dictionary, so that no dump can be
 * written to make the probes collide.  Mixing as in splitmix64.
 */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

uint64_t
khash64(uint64_t seed, const void *q, size_t n)
{
	const unsigned char *p = q;
	uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL), w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = mix(h ^ w);
	}
	w = 0;
	if (n > 0)
		memcpy(&w, p, n);
	return mix(h ^ w ^ ((uint64_t)n << 56));
}

uint64_t
kseed(void)
{
	uint64_t s;

	randombytes_buf(&s, sizeof(s));
	return s;
}

static uint32_t
khash(uint64_t seed, const unsigned char *p, size_t n)
{
	/* A slot holds id + 1 as well, so a 0 hash is no empty slot. */
	return (uint32_t)(khash64(seed, p, n) >> 32);
}

void
kdict_init(struct kdict *d, struct kmem *m)
{
	memset(d, 0, sizeof(*d));
	kvec_init(&d->direct, m);
	kvec_init(&d->islots, m);
	kvec_init(&d->isint, m);
	kvec_init(&d->slots, m);
	kvec_init(&d->offs, m);
	kvec_init(&d->bytes, m);
	randombytes_buf(&d->seed, sizeof(d->seed));
}

void
kdict_free(struct kdict *d)
{
	kvec_free(&d->direct);
	kvec_free(&d->islots);
	kvec_free(&d->isint);
	kvec_free(&d->slots);
	kvec_free(&d->offs);
	kvec_free(&d->bytes);
	d->n = 0;
}

/* The bytes of a string id (not an integer's). */
static const unsigned char *
get_bytes(const struct kdict *d, uint32_t id, size_t *n)
{
	const unsigned char *p;
	uint64_t off;
	size_t left;

	memcpy(&off, d->offs.p + (size_t)id * 8, 8);
	p = d->bytes.p + off;
	left = d->bytes.len - off;
	*n = kvarint_get(&p, &left);
	return p;
}

/*
 * An integer key keeps no bytes: its value is in offs, and its text, the
 * canonical decimal, is made again on demand.
 */
const unsigned char *
kdict_get(const struct kdict *d, uint32_t id, unsigned char *buf, size_t *n)
{
	unsigned char *q;
	uint64_t x;
	int64_t v;
	int len;

	if (!kbit_get(&d->isint, id))
		return get_bytes(d, id, n);
	memcpy(&v, d->offs.p + (size_t)id * 8, 8);
	/* Digits backwards from the end of buf, then the length before. */
	x = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	q = buf + KDICT_INTBUF;
	do {
		*--q = (unsigned char)('0' + x % 10);
		x /= 10;
	} while (x > 0);
	if (v < 0)
		*--q = '-';
	len = (int)(buf + KDICT_INTBUF - q);
	*--q = (unsigned char)len;
	*n = (size_t)len + 1;
	return q;
}

static size_t
nslots(const struct kdict *d)
{
	return d->slots.len / 8;
}

/* The slot of (p, n): where it is, or the empty slot it would take. */
static size_t
probe(const struct kdict *d, uint32_t h, const void *p, size_t n)
{
	const uint64_t *s = (const uint64_t *)(const void *)d->slots.p;
	size_t mask = nslots(d) - 1, i = h & mask, len;
	const unsigned char *q;

	for (;; i = (i + 1) & mask) {
		if (s[i] == 0)
			return i;
		if ((uint32_t)(s[i] >> 32) != h)
			continue;
		q = get_bytes(d, (uint32_t)(s[i] & 0xffffffffu) - 1, &len);
		if (len == n && (n == 0 || memcmp(q, p, n) == 0))
			return i;
	}
}

/* Double the table (or make the first), keeping every entry. */
static int
rehash(struct kdict *d, struct df_error *err)
{
	size_t n = nslots(d) ? nslots(d) * 2 : 1024, i, j;
	const uint64_t *os = (const uint64_t *)(const void *)d->slots.p;
	struct kvec nw;
	uint64_t *s;

	kvec_init(&nw, d->slots.m);
	if (kvec_zero(&nw, n * 8, err) == -1) {
		kvec_free(&nw);
		return -1;
	}
	s = (uint64_t *)(void *)nw.p;
	for (i = 0; i < d->slots.len / 8; i++) {
		if (os[i] == 0)
			continue;
		j = (size_t)(os[i] >> 32) & (n - 1);
		while (s[j] != 0)
			j = (j + 1) & (n - 1);
		s[j] = os[i];
	}
	kvec_free(&d->slots);
	kvec_move(&d->slots, &nw);
	return 0;
}

/*
 * Is (p, n) the tuple of one canonical integer (no sign but '-', no
 * leading zero, no "-0", within int64)?  Then *v is its value.
 */
static int
int_key(const unsigned char *p, size_t n, int64_t *v)
{
	uint64_t x = 0, lim;
	size_t i = 1, len;
	int neg;

	if (n < 2 || n > 21 || p[0] != n - 1)
		return 0;
	len = n - 1;
	neg = p[1] == '-';
	if (neg)
		i++;
	if (i >= n || (p[i] == '0' && (n - i > 1 || neg)))
		return 0;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		if (p[i] < '0' || p[i] > '9' ||
		    x > (lim - (uint64_t)(p[i] - '0')) / 10)
			return 0;
		x = x * 10 + (uint64_t)(p[i] - '0');
	}
	(void)len;
	*v = neg ? (int64_t)(0 - x) : (int64_t)x;
	return 1;
}

struct islot {
	int64_t		 v;
	uint64_t	 id;		/* id + 1; 0: empty */
};

static size_t
inslots(const struct kdict *d)
{
	return d->islots.len / sizeof(struct islot);
}

static size_t
iprobe(const struct kdict *d, int64_t v)
{
	const struct islot *s = (const struct islot *)(const void *)
	    d->islots.p;
	size_t mask = inslots(d) - 1, i;

	i = (size_t)(mix((uint64_t)v ^ d->seed) & mask);
	while (s[i].id != 0 && s[i].v != v)
		i = (i + 1) & mask;
	return i;
}

/*
 * Rebuild the integer table with n slots (0: twice as many), leaving out
 * the values the direct array now covers, which move there.
 */
static int
irehash(struct kdict *d, size_t n, struct df_error *err)
{
	const struct islot *os = (const struct islot *)(const void *)
	    d->islots.p;
	struct islot *s;
	struct kvec nw;
	size_t i, j;

	if (n == 0)
		n = inslots(d) ? inslots(d) * 2 : 1024;
	kvec_init(&nw, d->islots.m);
	if (kvec_zero(&nw, n * sizeof(*s), err) == -1) {
		kvec_free(&nw);
		return -1;
	}
	s = (struct islot *)(void *)nw.p;
	for (i = 0; i < d->islots.len / sizeof(*s); i++) {
		if (os[i].id == 0)
			continue;
		if (os[i].v >= 0 && (uint64_t)os[i].v < d->dcap) {
			kv32(&d->direct)[os[i].v] = (uint32_t)os[i].id;
			d->nis--;
			continue;
		}
		j = (size_t)(mix((uint64_t)os[i].v ^ d->seed) & (n - 1));
		while (s[j].id != 0)
			j = (j + 1) & (n - 1);
		s[j] = os[i];
	}
	kvec_free(&d->islots);
	kvec_move(&d->islots, &nw);
	return 0;
}

/*
 * Can the direct array grow to cover v, staying dense?  Then grow it,
 * moving the values it now covers out of the table.
 */
static int
direct_grow(struct kdict *d, int64_t v, struct df_error *err)
{
	uint64_t cap = d->dcap ? d->dcap : 4096;

	while (cap <= (uint64_t)v)
		cap *= 2;
	if (cap > 8 * (uint64_t)d->ni + 65536 || cap > UINT32_MAX)
		return 0;
	if (kvec_zero(&d->direct, (size_t)(cap - d->dcap) * 4, err) == -1)
		return -1;
	d->dcap = cap;
	if (d->nis > 0 && irehash(d, inslots(d), err) == -1)
		return -1;
	return 1;
}

/* A new integer id's value. */
static int
add_int(struct kdict *d, int64_t v, struct df_error *err)
{
	if (d->n >= UINT32_MAX - 2)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "more than 2^32 "
		    "distinct keys in one table");
	if (kvec_add(&d->offs, &v, 8, err) == -1 ||
	    kbit_set(&d->isint, d->n, err) == -1)
		return -1;
	return 0;
}

/* Append a new id's bytes (for kdict_get). */
static int
add_bytes(struct kdict *d, const void *p, size_t n, struct df_error *err)
{
	unsigned char var[KVARINT_MAX];
	uint64_t off = d->bytes.len;
	size_t k;

	if (d->n >= UINT32_MAX - 2)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "more than 2^32 "
		    "distinct keys in one table");
	k = kvarint_put(var, n);
	if (kvec_add(&d->bytes, var, k, err) == -1 ||
	    kvec_add(&d->bytes, p, n, err) == -1 ||
	    kvec_add(&d->offs, &off, 8, err) == -1)
		return -1;
	return 0;
}

uint32_t
kdict_find(const struct kdict *d, const void *p, size_t n)
{
	const uint64_t *s = (const uint64_t *)(const void *)d->slots.p;
	const struct islot *is;
	size_t i;
	int64_t v;

	if (int_key(p, n, &v)) {
		if (v >= 0 && (uint64_t)v < d->dcap)
			return kv32(&d->direct)[v] - 1;	/* 0 - 1: KV_NONE */
		if (d->nis == 0)
			return KV_NONE;
		is = (const struct islot *)(const void *)d->islots.p;
		i = iprobe(d, v);
		return is[i].id ? (uint32_t)is[i].id - 1 : KV_NONE;
	}
	if (d->n - d->ni == 0)
		return KV_NONE;
	i = probe(d, khash(d->seed, p, n), p, n);
	return s[i] ? (uint32_t)(s[i] & 0xffffffffu) - 1 : KV_NONE;
}

int
kdict_intern(struct kdict *d, const void *p, size_t n, uint32_t *id,
    int *added, struct df_error *err)
{
	uint32_t h;
	uint64_t *s;
	struct islot *is;
	size_t i;
	int64_t v;

	*added = 0;
	if (int_key(p, n, &v)) {
		if (v >= 0 && (uint64_t)v >= d->dcap &&
		    direct_grow(d, v, err) == -1)
			return -1;
		if (v >= 0 && (uint64_t)v < d->dcap) {
			uint32_t *dp = kv32(&d->direct);

			if (dp[v] != 0) {
				*id = dp[v] - 1;
				return 0;
			}
			if (add_int(d, v, err) == -1)
				return -1;
			kv32(&d->direct)[v] = d->n + 1;
			d->ni++;
			*id = d->n++;
			*added = 1;
			return 0;
		}
		if ((size_t)d->nis * 2 >= inslots(d) &&
		    irehash(d, 0, err) == -1)
			return -1;
		is = (struct islot *)(void *)d->islots.p;
		i = iprobe(d, v);
		if (is[i].id != 0) {
			*id = (uint32_t)is[i].id - 1;
			return 0;
		}
		if (add_int(d, v, err) == -1)
			return -1;
		is = (struct islot *)(void *)d->islots.p;
		is[i].v = v;
		is[i].id = (uint64_t)d->n + 1;
		d->ni++;
		d->nis++;
	} else {
		h = khash(d->seed, p, n);
		if ((size_t)(d->n - d->ni) * 2 >= nslots(d) &&
		    rehash(d, err) == -1)
			return -1;
		s = (uint64_t *)(void *)d->slots.p;
		i = probe(d, h, p, n);
		if (s[i] != 0) {
			*id = (uint32_t)(s[i] & 0xffffffffu) - 1;
			return 0;
		}
		if (add_bytes(d, p, n, err) == -1)
			return -1;
		/* The slots may have moved while the arrays grew: not they. */
		s = (uint64_t *)(void *)d->slots.p;
		s[i] = (uint64_t)h << 32 | ((uint64_t)d->n + 1);
	}
	*id = d->n++;
	*added = 1;
	return 0;
}
