/*
 * report: what a run saw and did.  The inventory (per table the dialect,
 * the data forms, the exact row count, the bytes of data, and the columns
 * with their types) and the --progress line.  dumpscrub's per-column
 * report is written by scrub.c, which holds those counters.
 */
#ifndef DF_REPORT_H
#define DF_REPORT_H

#include "reader.h"

struct df_error;
struct ostream;
struct schema;

struct buf;
struct inventory;

/* Append s as a TSV field: tab, newline, CR and backslash escaped. */
void		 report_tsv(struct buf *, const char *);

struct inventory *inventory_new(void);
void		 inventory_free(struct inventory *);
/* A handler that counts every row of every table (DATA_COUNT). */
void		 inventory_handler(struct inventory *, struct dump_handler *);
/*
 * Write the inventory as TSV: a "# " header line, then one line per table
 * of sch in the order the dump named them.
 */
int		 inventory_write(const struct inventory *,
		    const struct schema *, enum dump_dialect,
		    struct ostream *, struct df_error *);

/*
 * --progress: a line on stderr, redrawn at most a few times a second,
 * with the bytes read, the rate, the ETA when the input's size is known,
 * and the table being read.
 */
struct istream;
struct progress;

struct progress	*progress_new(const struct istream *);
/* Called often (after each block read); draws when it is time. */
void		 progress_tick(struct progress *);
/* The table now being read (copied). */
void		 progress_table(struct progress *, const char *);
/* Draw the last state and end the line; frees p. */
void		 progress_done(struct progress *);

#endif
