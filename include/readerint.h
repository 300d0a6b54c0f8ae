/*
 * readerint: the reader's internals, shared by reader.c and the dialect
 * scanners pg.c and mysql.c.  Not for the programs.
 *
 * The window.  Input is read into one buffer, w.  Bytes before mark have
 * been dealt with (written or dropped); [mark, end) is still needed; pos is
 * where the scanner is.  rd_fill() moves [mark, end) to the front and reads
 * another block after it, so a unit of work (a statement, a COPY row) is
 * always contiguous.  A unit may grow to max_row bytes; past that rd_fill()
 * fails instead of growing the window further.  Offsets a scanner keeps
 * across rd_fill() must be relative to mark.
 */
#ifndef DF_READERINT_H
#define DF_READERINT_H

#include <stddef.h>

#include "buf.h"
#include "reader.h"

struct dump_reader {
	struct istream	*in;
	struct ostream	*out;
	enum dump_dialect dialect;
	struct schema	*schema;
	struct dump_handler h;
	int		 has_handler;
	size_t		 max_row;
	const char	*file;

	char		*w;
	size_t		 cap, mark, pos, end;
	int		 eof;
	unsigned long long line;	/* line number of w[mark] */

	struct buf	 rowbuf;	/* a handler's replacement row */
	struct buf	 scratch;	/* statement copies and the like */
	struct dump_field *fields;
	size_t		 fcap;

	/* dialect state */
	int		 bs_quotes;	/* '..' takes backslash escapes now */
	char		 delim[16];	/* MySQL DELIMITER */
	size_t		 dlen;
	char		*db;		/* MySQL current database */
	/* MySQL user variables holding a saved sql_mode: name, bs_quotes */
	char		*modevar[8];
	int		 modevar_bs[8];
};

/*
 * Read more input after end.  Returns 1 if bytes were added, 0 at the end
 * of input, -1 on error (including a unit longer than max_row).
 */
int	rd_fill(struct dump_reader *, struct df_error *);
/*
 * Check that the unit w[from, to) is within max_row; rd_fill's own check
 * only bounds memory, since a long unit may arrive in one read.
 */
int	rd_unit_len(struct dump_reader *, size_t, size_t, struct df_error *);
/* Write w[from, to) through to the output. */
int	rd_emit(struct dump_reader *, size_t, size_t, struct df_error *);
int	rd_write(struct dump_reader *, const char *, size_t,
	    struct df_error *);
/* Mark everything before to as dealt with, counting its lines. */
void	rd_advance(struct dump_reader *, size_t);
/* Line number of offset off (>= mark) in w. */
unsigned long long rd_line_at(const struct dump_reader *, size_t);
/* Make room for n fields in r->fields. */
void	rd_fields(struct dump_reader *, size_t);
size_t	rd_count_nl(const char *, size_t);

/* A data statement or COPY block for the handler. */
int	rd_data_begin(struct dump_reader *, struct dump_data *,
	    struct df_error *);
int	rd_data_end(struct dump_reader *, struct dump_data *,
	    unsigned long long, unsigned long long, struct df_error *);
void	rd_data_free(struct dump_data *);
/*
 * Set data->colmap from its column names (or from the table's columns when
 * the statement lists none) for nfields fields.  Returns -1 if a listed
 * column is unknown to a declared table.
 */
int	rd_colmap(struct dump_reader *, struct dump_data *, size_t,
	    struct df_error *);

/*
 * The rows of one INSERT statement w[start, end), for DATA_ROWS: the
 * dialect calls rd_ins_begin, then rd_ins_row for each tuple with the
 * fields in r->fields, then rd_ins_end with the offset after the last
 * tuple.  Kept rows are written with their original separators; dropped
 * ones vanish; a statement with no row left is not written at all.
 */
struct ins_state {
	size_t		 start;		/* statement start */
	size_t		 head_end;	/* first tuple */
	size_t		 prev_end;	/* end of the previous tuple */
	int		 written;	/* rows written so far */
};
void	rd_ins_begin(struct ins_state *, size_t, size_t);
int	rd_ins_row(struct dump_reader *, struct ins_state *,
	    const struct dump_data *, size_t, size_t, size_t,
	    unsigned long long, struct df_error *);
int	rd_ins_end(struct dump_reader *, struct ins_state *, size_t, size_t,
	    struct df_error *);

/*
 * The rest of an INSERT whose table is known: tz is just after the table
 * name of the statement w[start, end) and d has table, form and line set.
 * Reads the optional column list and OVERRIDING clause, asks the handler
 * for the mode, and writes, counts or hands over the rows.  Frees d.
 */
int	rd_insert(struct dump_reader *, struct dump_data *, struct sqltok *,
	    size_t, size_t, struct df_error *);
/* "(a, "B", ...)" after the '(' was read: the names into d->colnames. */
int	rd_column_list(struct sqltok *, struct dump_data *);
/* The offset after the newline ending the line at r->pos (or EOF). */
int	rd_line_end(struct dump_reader *, size_t *, struct df_error *);

/* Call on_schema if the statement w[start, end) describes a table. */
int	rd_schema(struct dump_reader *, size_t, size_t, struct df_error *);

/* A data error at offset off of the window. */
int	rd_err(struct dump_reader *, struct df_error *, size_t,
	    const char *, ...) __attribute__((format(printf, 4, 5)));

#endif

/*
 * Scan one "( field, ... )" tuple of an INSERT starting at *pos (on the
 * '('), within the statement ending at end.  Quoting follows the dialect:
 * pg '..' (backslash escapes only after E or with r->bs_quotes) and
 * $tag$..$tag$; MySQL '..' and ".." with backslash escapes and _charset
 * introducers.  With fields, the fields are stored in r->fields and
 * counted in *nf.  Leaves *pos after the ')'.
 */
int	rd_scan_tuple(struct dump_reader *, size_t *, size_t, int, size_t *,
	    struct df_error *);
/*
 * The rows of the INSERT statement w[start, end) whose tuples begin at
 * values (the first '('), for the data's mode: count them, or hand them to
 * the handler and write what it says.  *rows gets the row count.
 */
int	rd_insert_rows(struct dump_reader *, struct dump_data *, int, size_t,
	    size_t, size_t, unsigned long long *, struct df_error *);
