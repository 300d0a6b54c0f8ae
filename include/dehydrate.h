/*
 * dehydrate: dumpdehydrate's engine.  It keeps a consistent subset of a
 * dump's rows: the rows the keep rules select, every row they reference
 * through a foreign key or a relation, the rows that reference a followed
 * table's kept rows, and so on to a fixpoint; tables of no component with
 * a root are kept whole or emptied; truncated tables lose their rows.
 *
 * The dump is read twice, or three times, each time by its own reader
 * and catalog:
 *   1. the schema, and the key columns of each table whose keys are
 *      known when its rows come (MySQL; --schema), into compact arrays
 *      (keyset.h): per row the ids of its key values, and the rows the
 *      roots select;
 *   2. unless pass 1 read every key the plan needs (pg_dump declares
 *      keys after the data): those keys, with the whole schema;
 *   then the closure, on those arrays alone;
 *   3. the output: kept rows as they were (or with the columns that
 *      pointed into a `truncate ... nullify` table set to NULL), other
 *      rows dropped, everything else verbatim.
 * A row is known across passes by its ordinal within its table (a
 * partition's rows belong to its partitioned table), which is the same in
 * every pass because the input is.
 */
#ifndef DF_DEHYDRATE_H
#define DF_DEHYDRATE_H

#include "reader.h"

struct df_error;
struct kmem;
struct ostream;
struct progress;
struct rules;
struct schema;

struct dehydrate;

struct dehydrate *dh_new(const struct rules *, struct kmem *);
void		 dh_free(struct dehydrate *);

/*
 * Start a reading of the dump.  A first reading (DH_LIVE) fills sch as
 * it goes, and reads a table's keys with its rows when they are known by
 * then: in a MySQL dump (each CREATE TABLE precedes its rows), the
 * primary key, logged in case a later table references it, and what
 * the foreign keys read so far reference; with keys_known (--schema),
 * all of it.  pg_dump declares keys after the data: its rows are only
 * counted.  A DH_FULL reading (on a fresh dehydrate) reads, with the
 * whole catalog sch at hand, the keys the plan needs and no others.
 */
enum dh_reading {
	DH_LIVE = 1,
	DH_FULL
};

int		 dh_begin(struct dehydrate *, struct schema *, enum dh_reading,
		    int, struct df_error *);
/* The handler of a reading of the keys.  pg (may be NULL): progress. */
void		 dh_collect_handler(struct dehydrate *, struct progress *,
		    struct dump_handler *);
/*
 * After a reading of the keys: bind the rules to the whole catalog:
 * classes, edges (foreign keys and relations).  Returns 0; 1 when keys
 * the plan needs were not read (another reading, full, is due); -1 with
 * err filled: DF_EXIT_USAGE when a rule cannot hold for the schema (a
 * missing column, keep of a truncated table, nullify of a NOT NULL
 * column), naming the rule's position.  Warnings on stderr.
 */
int		 dh_plan(struct dehydrate *, struct df_error *);
/*
 * The fixpoint over the collected keys.  Returns -1 with err filled
 * (DF_EXIT_DATA) if a kept row references a truncated table that is not
 * `nullify`.
 */
int		 dh_closure(struct dehydrate *, struct df_error *);
/* Pass 3's handler: write the kept rows. */
void		 dh_write_handler(struct dehydrate *, struct progress *,
		    struct dump_handler *);
/* After pass 3: every table saw the rows pass 2 counted. */
int		 dh_write_done(struct dehydrate *, struct df_error *);

/* --explain: per table its class, rows in and kept, and why. */
int		 dh_explain(const struct dehydrate *, struct ostream *,
		    struct df_error *);
/* --report: the same as TSV, and totals. */
int		 dh_report(const struct dehydrate *, unsigned long long,
		    unsigned long long, double, struct ostream *,
		    struct df_error *);

#endif
