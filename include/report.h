/*
 * report: what a run saw and did, per table.  For now the inventory:
 * per table the dialect, the data forms, the exact row count, the bytes
 * of data, and the columns with their types.
 */
#ifndef DF_REPORT_H
#define DF_REPORT_H

#include "reader.h"

struct df_error;
struct ostream;
struct schema;

struct inventory;

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

#endif
