/*
 * rules: the rules file (dumprules(5)).  One format drives all three
 * filters.  This version knows the lexical layer: comments, blank lines
 * and the statement structure; statements it does not know are errors
 * reported as FILE:LINE:COL, never ignored.
 */
#ifndef DF_RULES_H
#define DF_RULES_H

#include <stddef.h>

struct df_error;
struct rules;

/*
 * Load and compile path.  Returns NULL with err filled (code
 * DF_EXIT_USAGE, the message already FILE:LINE:COL: ...) on any problem.
 */
struct rules	*rules_load(const char *, struct df_error *);
/* Number of statements; 0 means the filter has nothing to do. */
size_t		 rules_count(const struct rules *);
void		 rules_free(struct rules *);

#endif
