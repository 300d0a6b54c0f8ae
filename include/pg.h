/*
 * pg: the PostgreSQL dialect.  The statement scanner for pg_dump's plain
 * format (COPY blocks, INSERTs, dollar quotes, psql meta-commands) and the
 * escape codecs of COPY text and SQL string literals.
 */
#ifndef DF_PG_H
#define DF_PG_H

#include <stddef.h>

struct buf;
struct dump_reader;
struct df_error;

/* Read a pg dump to its end; see reader.h. */
int	pg_run(struct dump_reader *, struct df_error *);

/*
 * COPY text format: decode one field (escapes \b \f \n \r \t \v \\, \ooo,
 * \xhh; any other escaped character is itself) and encode a value (the
 * characters COPY TO escapes).  decode returns -1 on a trailing lone
 * backslash or when out would pass its cap.
 */
int	pg_copy_decode(const char *, size_t, struct buf *);
int	pg_copy_encode(const char *, size_t, struct buf *);
/*
 * SQL string literals: decode '..' (with std_strings, only '' is special;
 * without, backslash escapes too) or E'..' (backslash escapes: \b \f \n \r
 * \t \ooo \xhh \uXXXX \UXXXXXXXX).  The input includes the quotes (and the
 * E).  encode writes a standard-conforming '..' literal, or E'..' when the
 * value holds a backslash and !std_strings.
 */
int	pg_string_decode(const char *, size_t, int, struct buf *);
int	pg_string_encode(const char *, size_t, int, struct buf *);

/* A dollar-quoted constant $tag$..$tag$ to its text. */
int	pg_dollar_decode(const char *, size_t, struct buf *);
/*
 * Bit-string constants B'0101' and X'1F' to the text of the bit string as
 * COPY prints it ("0101", "00011111").
 */
int	pg_bits_decode(const char *, size_t, struct buf *);

#endif
