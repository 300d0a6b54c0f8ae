/*
 * keymap: dumprelink's key map, in memory and as a file.
 *
 * For each pointer (an external id the rules name, such as
 * stripe_customer), the target environment's value for each natural key;
 * and for each kept table, the target's rows with their column names.
 * Keys are tuples of decoded values (kt_put below); values and rows are
 * decoded too, so a map captured from one dialect applies to the other.
 *
 * In memory a pointer is a kdict of keys (keyset.h) and its values,
 * stored in id order with an offset kept for every KM_STRIDE-th id: about
 * 16 to 32 bytes of hash slots, 8 of key offset and one of value index per
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
#define KM_STRIDE	16

struct km_pointer {
	char		*name;
	size_t		 nkeys;		/* columns of the natural key */
	int		 lower;		/* keys ASCII-lowered: by lower(c) */
	struct kdict	 keys;		/* key tuple -> id */
	struct kvec	 vals;		/* per id: varint len + 1 (0: NULL),
					   then the bytes */
	struct kvec	 vidx;		/* offset in vals of every
					   KM_STRIDE-th id (64-bit) */
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
 * name; when several have it, the one in the same schema.
 */
struct km_table	*keymap_table(const struct keymap *, const char *,
		    const char *);
struct km_table	*keymap_add_table(struct keymap *, const char *,
		    const char *, size_t, char *const *);

/*
 * Key tuples: each component as a varint length and its bytes (the
 * encoding of keyset.h), appended to out.  lower folds A-Z.
 */
int		 km_key_add(struct buf *, const char *, size_t, int);

/*
 * Put key -> value (null: NULL).  Returns 0 when added, 1 when the key
 * was there with the same value, 2 when it was there with another (*id
 * is the key's id either way), -1 with err filled.
 */
int		 km_put(struct km_pointer *, const void *, size_t,
		    const char *, size_t, int, uint32_t *, struct df_error *);
/* The id of a key, or KV_NONE. */
uint32_t	 km_find(const struct km_pointer *, const void *, size_t);
/* The value of an id: 0 with *p, *n set, or 1 if it is NULL. */
int		 km_value(const struct km_pointer *, uint32_t, const char **,
		    size_t *);
static inline uint32_t
km_count(const struct km_pointer *p)
{
	return p->keys.n;
}

/*
 * Append a row of a kept table: ncols values (NULL pointer with its flag
 * in nulls[i] set: NULL).
 */
int		 km_table_row(struct km_table *, const char *const *,
		    const size_t *, const int *, struct df_error *);
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
