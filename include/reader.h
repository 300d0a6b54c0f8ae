/*
 * reader: turn a dump into events.  A dump is read statement by statement;
 * every byte is either passed through to the output unchanged or belongs to
 * a data row that the handler sees as fields.
 *
 * Events, in input order:
 *   on_schema	 a CREATE TABLE / ALTER TABLE updated a table's description;
 *   on_data	 a COPY block or INSERT statement for a table begins; the
 *		 handler chooses how much it wants to see of it (enum
 *		 data_mode);
 *   on_row	 one row, as fields that are slices of the input (DATA_ROWS);
 *   on_data_end the block or statement ended, with its row and byte counts.
 *
 * Rows of DATA_PASS data are never split (a COPY block is copied by
 * scanning for its end marker), which keeps the common case at memory
 * speed.  With no handler at all, the output is the input, byte for byte.
 */
#ifndef DF_READER_H
#define DF_READER_H

#include <stddef.h>

#include "sqltok.h"

struct buf;
struct df_error;
struct istream;
struct ostream;
struct schema;
struct schema_table;

enum dump_dialect {
	DIALECT_AUTO = 0,
	DIALECT_PG = SQL_PG,
	DIALECT_MYSQL = SQL_MYSQL
};

/* How a data statement carries its rows. */
enum data_form {
	FORM_COPY = 1,		/* pg COPY ... FROM stdin, text format */
	FORM_INSERT,		/* INSERT ... VALUES */
	FORM_INSERT_IGNORE,	/* MySQL INSERT IGNORE */
	FORM_REPLACE		/* MySQL REPLACE */
};

enum data_mode {
	DATA_PASS = 0,		/* copy verbatim; only on_data_end */
	DATA_COUNT,		/* count rows exactly; no on_row */
	DATA_ROWS,		/* on_row for every row */
	DATA_SKIP,		/* count rows exactly, write none: an INSERT
				   goes whole, a COPY keeps its head and \. */
	DATA_ROWS_RAW		/* on_row for every row, without its fields
				   (nfields 0): rows are kept or dropped */
};

/* What a field's bytes are, as written in the dump. */
enum field_kind {
	FIELD_NULL = 0,		/* \N in COPY, NULL in SQL */
	FIELD_TEXT,		/* COPY text with backslash escapes */
	FIELD_STRING,		/* SQL 'literal' (pg standard) */
	FIELD_ESTRING,		/* backslash-escaped literal: pg E'..', MySQL */
	FIELD_NUMBER,		/* bare number */
	FIELD_HEX,		/* MySQL 0x.., X'..' */
	FIELD_BITS,		/* b'0101' (pg: also X'1F' bit strings) */
	FIELD_DOLLAR,		/* pg $tag$..$tag$ */
	FIELD_BARE		/* another bare token: true, DEFAULT, .. */
};

struct dump_field {
	const char	*p;	/* the field as written (quotes included) */
	size_t		 len;
	enum field_kind	 kind;
	unsigned	 introducer;	/* MySQL _charset prefix length */
};

struct dump_data {
	struct schema_table *table;
	enum dump_dialect dialect;
	enum data_form	 form;
	int		 has_columns;	/* the statement lists its columns */
	int		 bs_quotes;	/* '..' takes backslash escapes here */
	size_t		 nlisted;	/* columns the statement names */
	size_t		 ncols;
	long		*colmap;	/* field i -> table column, -1 unknown */
	char	       **colnames;	/* names as listed, or NULL */
	const char	*file;
	unsigned long long line;	/* the statement's first line */
};

struct dump_row {
	const struct dump_data *data;
	const char	*raw;		/* the whole row as written */
	size_t		 rawlen;
	size_t		 nfields;
	struct dump_field *fields;
	unsigned long long line;
};

enum row_action {
	ROW_KEEP = 0,		/* write the row as it was */
	ROW_REPLACE,		/* write what the handler put in out */
	ROW_DROP		/* write nothing (separators fixed up) */
};

struct dump_handler {
	void	*ctx;
	int	(*on_schema)(void *, struct schema_table *, struct df_error *);
	/* Returns an enum data_mode, or -1 on error. */
	int	(*on_data)(void *, const struct dump_data *, struct df_error *);
	/* Returns an enum row_action, or -1 on error. */
	int	(*on_row)(void *, const struct dump_row *, struct buf *,
		    struct df_error *);
	int	(*on_data_end)(void *, const struct dump_data *,
		    unsigned long long, unsigned long long, struct df_error *);
	/*
	 * Optional: where rows may be added to a data block, after its
	 * last row (a COPY block: before its \. line; an INSERT: after the
	 * statement, so the handler writes whole statements).  Everything
	 * before has been written to the reader's output, which the
	 * handler may write to.  Returns 0 or -1.
	 */
	int	(*on_data_tail)(void *, const struct dump_data *,
		    struct df_error *);
	/*
	 * Optional: before a statement that is not a data statement (p, n:
	 * its text) is written; the handler may write to the output first.
	 * Returns 0 or -1.
	 */
	int	(*on_statement)(void *, const char *, size_t,
		    struct df_error *);
	/* After each block of input is read (optional): for --progress. */
	void	(*on_read)(void *);
};

struct dump_reader;

/*
 * A reader of in, writing pass-through bytes to out (NULL: write nothing).
 * Tables are recorded in sch.  handler may be NULL.  max_row bounds the
 * memory one row or statement may take.
 */
struct dump_reader *dump_reader_new(struct istream *, struct ostream *,
		    enum dump_dialect, struct schema *,
		    const struct dump_handler *, size_t);
/* Read to the end.  Returns 0, or -1 with err filled. */
int		 dump_reader_run(struct dump_reader *, struct df_error *);
enum dump_dialect dump_reader_dialect(const struct dump_reader *);
/*
 * One reading, start to end: a reader of in with handler h (may be NULL),
 * writing pass-through bytes to out (may be NULL), recording tables in
 * sch.  *d is the dialect to read, DIALECT_AUTO to detect it; after a
 * successful reading it is the dialect read.  Returns 0, or -1 with err
 * filled.
 */
int		 dump_read(struct istream *, struct ostream *,
		    enum dump_dialect *, struct schema *,
		    const struct dump_handler *, size_t, struct df_error *);
/* dump_read of the file at path, with no handler or output (--schema). */
int		 dump_read_path(const char *, enum dump_dialect *,
		    struct schema *, size_t, struct df_error *);
/* "pg" (or "postgresql"), "mysql" (or "mariadb"); -1 for anything else. */
int		 dump_dialect_parse(const char *, enum dump_dialect *);
void		 dump_reader_free(struct dump_reader *);

/*
 * Decode a field's value into out (appended): COPY escapes, SQL string
 * escapes of the dialect, hex and bit literals.  Numbers and other bare
 * tokens are their text (pg booleans become t and f, as COPY writes them).
 * Returns 0, 1 if the field is NULL (nothing appended), -1 if the field is
 * malformed or out would pass its cap.
 */
int		 dump_field_decode(const struct dump_row *, size_t,
		    struct buf *);
/*
 * Encode a value as a field of the row's form into out: COPY text escapes,
 * or a string literal of the dialect and of the quoting in force where the
 * data statement stood.  With null set, p and n are ignored and NULL is
 * written (\N or NULL); (NULL, 0) without it is the empty string.
 */
int		 dump_field_encode(const struct dump_data *, const char *,
		    size_t, int, struct buf *);
const char	*dump_form_name(enum dump_dialect, enum data_form);
/*
 * Does (p, n) read as a number that may stand bare in an INSERT (an
 * optional '-', digits, an optional fraction)?  A value that does, put
 * where the dump had a bare number, is written bare.
 */
int		 dump_bare_number(const char *, size_t);

#endif
