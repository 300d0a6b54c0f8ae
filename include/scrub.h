/*
 * scrub: dumpscrub's engine.  It binds the rules to the tables of a dump
 * as their definitions stream past, checks that every rule can hold for
 * its column (type, length, NOT NULL, uniqueness), and rewrites the
 * columns the rules name, row by row, through the dialect's codecs.
 *
 * A table's plan is made once, when its first data statement arrives (or
 * earlier, by scrub_check_all()): for each column the first rule that
 * covers it (table blocks first, in file order, then column statements).
 * Tables without an active rule are passed through unsplit (DATA_PASS).
 *
 * Memory is bounded: per table a plan and counters, per row the decoded
 * fields a rule reads.
 */
#ifndef DF_SCRUB_H
#define DF_SCRUB_H

#include "reader.h"

struct df_error;
struct ostream;
struct progress;
struct rules;
struct schema;
struct schema_table;
struct xf_key;

struct scrub;

/*
 * A scrubber for rules rs and key.  pre, if not NULL, is a catalog read
 * ahead of the data (a first pass over the input, or --schema): its keys
 * (PRIMARY KEY, UNIQUE), which pg_dump writes after the data, count when
 * plans are checked.  strict: refuse sensitive columns no rule covers and
 * tables no statement names.  The pointers must outlive the scrubber.
 */
struct scrub	*scrub_new(const struct rules *, const struct xf_key *,
		    struct schema *, int);
void		 scrub_free(struct scrub *);
/* The reader events that drive the scrubber; pg (may be NULL) shows progress. */
void		 scrub_handler(struct scrub *, struct progress *,
		    struct dump_handler *);

/*
 * Check every table of sch: plans (every rule must hold) and, in strict
 * mode, coverage.  Every problem is printed on stderr, one per line.
 * With out set, also write the coverage TSV (--check).  Returns 0, or -1
 * with err filled: code DF_EXIT_USAGE if a rule cannot hold, DF_EXIT_DATA
 * if strict mode found uncovered columns or unnamed tables.
 */
int		 scrub_check_all(struct scrub *, struct schema *,
		    struct ostream *, struct df_error *);

/*
 * Write the --report TSV: per table and column the action, rows seen,
 * values changed and NULLs kept, then totals.
 */
int		 scrub_report(const struct scrub *, struct schema *,
		    unsigned long long, unsigned long long, double,
		    struct ostream *, struct df_error *);

/* Is a column name on the built-in list of sensitive names? */
int		 scrub_sensitive_name(const char *);

#endif
