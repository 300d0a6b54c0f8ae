/*
 * keyset: exact, compact storage for the key columns dumpdehydrate reads,
 * under a memory budget.
 *
 * A kvec is a growable byte array.  While the budget (--mem) allows, it
 * lives in ordinary memory; an array whose growth would pass the budget
 * moves to a file in the temporary directory, mapped shared, so that the
 * kernel pages it to disk rather than the process holding it.  The file is
 * unlinked as soon as it is made: nothing is left behind on exit, error
 * or signal.  kmem_tick() drops the mapped pages from the process now and
 * then, which keeps the resident size near the budget.
 *
 * A kdict interns byte strings (the encoded values of a key) as dense
 * 32-bit ids, in kvecs: equal strings get equal ids, exactly (no
 * probabilistic set).
 */
#ifndef DF_KEYSET_H
#define DF_KEYSET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct df_error;
struct kmem;

struct kvec {
	unsigned char	*p;
	size_t		 len;		/* bytes in use */
	size_t		 cap;		/* bytes allocated or mapped */
	int		 fd;		/* >= 0 when spilled to a file */
	struct kmem	*m;
	struct kvec	*next;		/* the budget's list of spilled arrays */
};

/* A budget of limit bytes; spilled files go to dir. */
struct kmem	*kmem_new(unsigned long long, const char *);
void		 kmem_free(struct kmem *);
/*
 * The budget, bytes in memory now, the most ever, and bytes spilled to
 * files.
 */
unsigned long long kmem_limit(const struct kmem *);
unsigned long long kmem_used(const struct kmem *);
unsigned long long kmem_peak(const struct kmem *);
unsigned long long kmem_spilled(const struct kmem *);
/* Count one unit of work; now and then, drop spilled pages from memory. */
void		 kmem_tick(struct kmem *);

void		 kvec_init(struct kvec *, struct kmem *);
void		 kvec_free(struct kvec *);
/*
 * Move src's contents into dst (whose own are dropped, not freed: free
 * dst first), leaving src empty.  A kvec must not be copied by
 * assignment: a spilled one is known to its budget by address.
 */
void		 kvec_move(struct kvec *, struct kvec *);
/* Make room for len + n bytes.  Returns 0, or -1 with err filled. */
int		 kvec_grow(struct kvec *, size_t, struct df_error *);

static inline int
kvec_reserve(struct kvec *v, size_t n, struct df_error *err)
{
	return n <= v->cap - v->len ? 0 : kvec_grow(v, n, err);
}

/*
 * Lengths as varints, 7 bits a byte, low bits first (the encoding of key
 * tuples and of the dictionary's strings): kvarint_put writes m into
 * out[KVARINT_MAX] and returns the bytes used; kvarint_get reads one at
 * *p, at most *n bytes, and advances both.
 */
#define KVARINT_MAX	10

static inline size_t
kvarint_put(unsigned char *out, size_t m)
{
	size_t j = 0;

	do {
		out[j++] = (unsigned char)((m & 0x7f) | (m > 0x7f ? 0x80 : 0));
		m >>= 7;
	} while (m > 0);
	return j;
}

static inline size_t
kvarint_get(const unsigned char **p, size_t *n)
{
	size_t m = 0;
	int shift = 0;

	while (*n > 0) {
		(*n)--;
		m |= (size_t)(**p & 0x7f) << shift;
		shift += 7;
		if (!(*(*p)++ & 0x80))
			break;
	}
	return m;
}

/*
 * A seeded 64-bit hash of (p, n), and a random seed: the seed keeps
 * input written to make probes collide from knowing where they fall.
 */
uint64_t	 khash64(uint64_t, const void *, size_t);
uint64_t	 kseed(void);

/*
 * Ask the kernel for transparent huge pages for v's memory, before it is
 * touched: a hash table's random probes then miss the TLB far less.  A
 * hint, for large arrays in memory; nothing for small or spilled ones.
 */
void		 kvec_hugepages(struct kvec *);

/* Append n zero bytes. */
int		 kvec_zero(struct kvec *, size_t, struct df_error *);

static inline int
kvec_add(struct kvec *v, const void *p, size_t n, struct df_error *err)
{
	if (kvec_reserve(v, n, err) == -1)
		return -1;
	if (n > 0)
		memcpy(v->p + v->len, p, n);
	v->len += n;
	return 0;
}

/* Arrays of 32-bit values. */
#define KV_NONE		UINT32_MAX

static inline uint32_t *
kv32(const struct kvec *v)
{
	return (uint32_t *)(void *)v->p;
}

static inline size_t
kv32_len(const struct kvec *v)
{
	return v->len / sizeof(uint32_t);
}

static inline int
kv32_push(struct kvec *v, uint32_t x, struct df_error *err)
{
	if (kvec_reserve(v, sizeof(x), err) == -1)
		return -1;
	kv32(v)[v->len / sizeof(x)] = x;
	v->len += sizeof(x);
	return 0;
}

/* Bitmaps: bit i of an array of 64-bit words. */
static inline int
kbit_get(const struct kvec *v, uint64_t i)
{
	return i / 8 < v->len &&
	    (((const uint64_t *)(const void *)v->p)[i / 64] >> (i % 64)) & 1;
}

/* Set bit i, growing the map; returns 1 if it was clear, 0, or -1. */
int		 kbit_set(struct kvec *, uint64_t, struct df_error *);

/*
 * Most keys are one integer: those (a tuple of one canonical decimal
 * integer) live apart, which spares a lookup the trip to the id's bytes:
 * small non-negative ones in a direct array while it is dense enough (at
 * least one value in 8: serial keys), others in a table that holds them
 * in its slots.  All share the ids.
 */
struct kdict {
	struct kvec	 direct;	/* integers 0 .. dcap-1: id + 1 */
	uint64_t	 dcap;
	struct kvec	 islots;	/* other integers: value, id + 1 */
	uint32_t	 ni;		/* integers, in either */
	uint32_t	 nis;		/* integers in islots */
	struct kvec	 slots;		/* hash << 32 | (id + 1); 0: empty */
	struct kvec	 offs;		/* id -> offset in bytes, or the
					   integer (64-bit) */
	struct kvec	 isint;		/* bitmap: the id is an integer's */
	struct kvec	 bytes;		/* varint length, then the string */
	uint32_t	 n;
	uint64_t	 seed;
};

void		 kdict_init(struct kdict *, struct kmem *);
void		 kdict_free(struct kdict *);
/*
 * The id of (p, n), added if new (*added set then).  Returns 0, or -1
 * with err filled (memory, files, or more than 2^32 - 2 strings).
 */
int		 kdict_intern(struct kdict *, const void *, size_t,
		    uint32_t *, int *, struct df_error *);
/* The id of (p, n), or KV_NONE if absent. */
uint32_t	 kdict_find(const struct kdict *, const void *, size_t);
/*
 * The string of an id: in the dictionary, or, for an integer key (whose
 * text is made again), in buf, of KDICT_INTBUF bytes.
 */
#define KDICT_INTBUF	24
const unsigned char *kdict_get(const struct kdict *, uint32_t,
		    unsigned char *, size_t *);

#endif
