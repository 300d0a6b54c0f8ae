/*
 * keymap: dumprelink's key map, in memory and as a file.
 *
 * For each pointer (an external id the rules name, such as
 * stripe_customer), the target environment's value for each natural key;
 * and for each kept table, the target's rows with their column names.
 * Keys are tuples of decoded values (kt_put below); values and rows are
 * decoded too, so a map captured from one dialect applies to the other.
 *
 * In memory a pointer is a kmap: an open-addressing table of 64-bit
 * slots (a tag of the key's hash and the entry's offset) over the entries,
 * each its key and its value side by side, so that a lookup touches two
 * places in memory: 16 to 32 bytes of slots and two length bytes per
 * entry, plus the key and value bytes, all under the --mem budget.
 *
 * The file is zstd-compressed TSV, described in dumprelink(1):
 *
 *	dumprelink-keymap TAB 1
 *	pointer TAB NAME TAB NKEYS TAB exact|lower TAB NENTRIES
 *	K1 [TAB K2 ...] TAB VALUE		(NENTRIES lines)
 *	table TAB SCHEMA TAB NAME TAB NCOLS TAB NROWS
 *	COL1 TAB COL2 ...
 *	V1 TAB V2 ...				(NROWS lines)
 *	end TAB NPOINTERS TAB NTABLES
 */
#ifndef DF_KEYMAP_H
#define DF_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

#include "keyset.h"

struct buf;
struct df_error;
struct istream;
struct kmem;
struct ostream;

#define KEYMAP_VERSION	1

/*
 * A map of byte strings to byte strings or NULL, exact.  An entry is
 * named by its offset, stable for the map's life; entries are kept in
 * the order they were added.
 */
#define KM_NONE		UINT64_MAX

struct kmap {
	struct kvec	 slots;		/* tag << 40 | (offset + 1); 0: empty */
	struct kvec	 ents;		/* varint key length, key, varint
					   value length + 1 (0: NULL), value */
	uint64_t	 n;
	uint64_t	 seed;
};

void		 kmap_init(struct kmap *, struct kmem *);
void		 kmap_free(struct kmap *);
/*
 * Add key -> value unless the key is there.  Returns 0 if added, 1 if
 * present (its value untouched), -1 with err filled; *off names the
 * entry either way.
 */
int		 kmap_put(struct kmap *, const void *, size_t, const void *,
		    size_t, int, uint64_t *, struct df_error *);
/* Room for n entries without growing the table. */
int		 kmap_reserve(struct kmap *, uint64_t, struct df_error *);
/* The entry of a key, or KM_NONE. */
uint64_t	 kmap_find(const struct kmap *, const void *, size_t);
/* An entry's value: 0 with *v, *n set, or 1 if it is NULL. */
int		 kmap_value(const struct kmap *, uint64_t, const char **,
		    size_t *);
/* An entry's key; *next gets the offset of the entry after it. */
const unsigned char *kmap_key(const struct kmap *, uint64_t, size_t *,
		    uint64_t *);

struct km_pointer {
	char		*name;
	size_t		 nkeys;		/* columns of the natural key */
	int		 lower;		/* keys ASCII-lowered: by lower(c) */
	struct kmap	 map;		/* key tuple -> target value */
};

struct km_table {
	char		*schema;	/* NULL: the dump named none */
	char		*name;
	size_t		 ncols;
	char	       **cols;
	unsigned long long nrows;
	struct kvec	 rows;		/* TSV lines, escaped, each ending
					   in a newline */
};

struct keymap {
	struct kmem	*m;
	size_t		 np, nt;
	struct km_pointer **p;
	struct km_table	**t;
};

struct keymap	*keymap_new(struct kmem *);
void		 keymap_free(struct keymap *);

/* The pointer named name, or NULL; keymap_add_pointer makes it. */
struct km_pointer *keymap_pointer(const struct keymap *, const char *);
struct km_pointer *keymap_add_pointer(struct keymap *, const char *,
		    size_t, int);
/*
 * The kept table (schema may be NULL), or NULL.  A table is found by
 * name and schema; unless exact, by name alone when no schema matches
 * (a MySQL database is named after its environment).
 */
struct km_table	*keymap_table(const struct keymap *, const char *,
		    const char *, int);
struct km_table	*keymap_add_table(struct keymap *, const char *,
		    const char *, size_t, char *const *);

/*
 * Key tuples: each component as a varint length and its bytes (the
 * encoding of keyset.h), appended to out.  lower folds A-Z.
 */
int		 km_key_add(struct buf *, const char *, size_t, int);

/*
 * Put key -> value (null: NULL).  Returns 0 when added, 1 when the key
 * was there with the same value, 2 when it was there with another (*off
 * names the key's entry either way), -1 with err filled.
 */
int		 km_put(struct km_pointer *, const void *, size_t,
		    const char *, size_t, int, uint64_t *, struct df_error *);

static inline uint64_t
km_find(const struct km_pointer *p, const void *k, size_t n)
{
	return kmap_find(&p->map, k, n);
}

static inline int
km_value(const struct km_pointer *p, uint64_t off, const char **v,
    size_t *n)
{
	return kmap_value(&p->map, off, v, n);
}

static inline uint64_t
km_count(const struct km_pointer *p)
{
	return p->map.n;
}

/*
 * Append a row of a kept table: its fields TSV-escaped (km_tsv_escape,
 * \N for NULL) and joined by tabs, without the newline.
 */
int		 km_table_line(struct km_table *, const char *, size_t,
		    struct df_error *);

/*
 * Split one row line (without its newline) into fields, decoded into
 * dec; offsets and lengths into off[], len[], NULLs flagged in null[].
 * Returns the field count, or -1 if the line is malformed.
 */
long		 km_row_split(const char *, size_t, struct buf *, size_t *,
		    size_t *, int *, size_t);

/* Append (p, n) TSV-escaped: \t \n \r \\ and \0 for a NUL byte. */
int		 km_tsv_escape(struct buf *, const char *, size_t);

/* Write the map (the stream should be zstd). */
int		 keymap_write(const struct keymap *, struct ostream *,
		    struct df_error *);
/*
 * Read a key map file.  Anything but a complete, well-formed map of
 * KEYMAP_VERSION is an error that says what is wrong, code DF_EXIT_DATA.
 */
struct keymap	*keymap_read(const char *, struct kmem *, struct df_error *);

#endif
