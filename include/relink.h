/*
 * relink: dumprelink's engine.
 *
 * A pointer is an external id the rules name (relink POINTER); several
 * columns may hold the same one.  A column relinked `by` a natural key is
 * an owner: its new value is the target's value for the row's key, from
 * the key map.  A column relinked without `by` holds the same ids as the
 * owners: it is translated by value, source value -> the target value the
 * owners' rows of this same dump were given; a pointer with no owner is
 * translated by the key map directly (its keys are source values, from
 * import).  Rows of keep-table tables are the target's, from the key map.
 *
 * Readings of a dump (each a reader run with the handler of that pass):
 *   RL_CAPTURE	 a dump of the target: owners' keys and values, and the
 *		 kept tables' rows, into a key map;
 *   RL_LEARN	 a first reading of the source, only when some pointer has
 *		 both owners and by-value columns: the owners' translations;
 *   RL_WRITE	 the output.
 * Every reading needs a fresh catalog (the engine keeps per-table state
 * in schema_table.user).
 */
#ifndef DF_RELINK_H
#define DF_RELINK_H

#include "reader.h"

struct df_error;
struct keymap;
struct kmem;
struct ostream;
struct progress;
struct rules;
struct schema;

enum rl_pass {
	RL_CAPTURE = 1,
	RL_LEARN,
	RL_WRITE
};

struct relink;

/*
 * An engine for rules rs.  Checks the relink statements among
 * themselves (pointers' by lists agree, missing and import name known
 * pointers); returns NULL with err filled (DF_EXIT_USAGE) if not.
 */
struct relink	*relink_new(const struct rules *, struct kmem *, int,
		    struct df_error *);
void		 relink_free(struct relink *);

/*
 * Capture: the key map to fill (owned by the caller).  After the reading,
 * relink_capture_end adds the imports and the kept tables the dump
 * declared but gave no rows, and checks that every keep-table rule found
 * a table.
 */
void		 relink_capture_begin(struct relink *, struct keymap *);
int		 relink_capture_end(struct relink *, struct schema *,
		    struct df_error *);

/*
 * Apply: bind the rules to a key map.  Returns 1 if a learning reading
 * is needed first, 0 if not, -1 (err filled, DF_EXIT_USAGE) if the map
 * was captured with other rules.
 */
int		 relink_apply_begin(struct relink *, struct keymap *,
		    struct df_error *);

/*
 * The reader events of a pass over a reading into the catalog sch.  out
 * is the write pass's output (the kept tables' rows are written to it);
 * pg (may be NULL) shows progress.
 */
void		 relink_handler(struct relink *, enum rl_pass, struct schema *,
		    struct ostream *, struct progress *, struct dump_handler *);

/*
 * After the write pass: append the kept tables the source declared but
 * gave no data statement, and check the rules against the catalog
 * (warnings; errors in strict mode).
 */
int		 relink_write_end(struct relink *, struct schema *,
		    enum dump_dialect, struct df_error *);

/* Write the --report TSV. */
int		 relink_report(const struct relink *, unsigned long long,
		    unsigned long long, double, struct ostream *,
		    struct df_error *);

#endif
