/*
 * json: rewrite selected values inside a JSON document, leaving every
 * other byte as it was (key order, spacing, escapes of untouched strings).
 *
 * The document is validated as RFC 8259 JSON while it is walked; values
 * are selected by the paths of a json { ... } rule (struct rule_json in
 * rules.h): object keys and [] for every element of an array.
 */
#ifndef DF_JSON_H
#define DF_JSON_H

#include <stddef.h>

struct buf;
struct df_error;
struct rule_json;

enum json_kind {
	JSON_STRING = 1,
	JSON_NUMBER,
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL,
	JSON_OBJECT,
	JSON_ARRAY
};

/* What a callback did with a selected value. */
enum json_edit {
	JSON_KEEP = 0,		/* leave the value as written */
	JSON_SET_STRING,	/* out holds raw text: write it as a string */
	JSON_SET_RAW		/* out holds JSON text (a number, null) */
};

/*
 * Called for each value a path selects, with the index of the first rule
 * whose path selects it, the value's kind and its text: a string decoded
 * to UTF-8 (escapes resolved), a number, true, false or null as written,
 * an object or array as written (raw JSON).  The callback appends its
 * replacement to out (empty on entry) and returns an enum json_edit, or
 * -1 with err filled.
 */
typedef int	(*json_cb)(void *, size_t, enum json_kind, const char *,
		    size_t, struct buf *, struct df_error *);

/*
 * Copy the JSON document (p, n) to out with the selected values replaced.
 * Every byte outside a replaced value is copied as it was.
 *
 * Selection: a value is selected when its path from the root equals a
 * rule's steps: a key step matches an object member whose name, escapes
 * resolved, has exactly those bytes (keys are not patterns; every one of
 * duplicate members matches), a [] step every element of an array.  When
 * several rules select a value, the callback sees it once, with the
 * lowest rule index.  A path that reaches a scalar with steps left, or
 * selects nothing at all, is not an error.  A selected object or array
 * is passed as written; the walk descends into it for the rules with
 * longer paths only if the callback returned JSON_KEEP (so "a null;
 * a.b hash" nulls a, and hashes a.b only where the first rule kept a).
 *
 * The document must be RFC 8259 JSON with strings in valid UTF-8 (what
 * both servers accept in a JSON column; \u0000 is allowed).  A
 * JSON_SET_STRING replacement must be valid UTF-8 and is escaped with
 * json_string_encode(); a JSON_SET_RAW one must be one JSON value and is
 * written as it is.
 *
 * Returns the number of values replaced (JSON_KEEP does not count), or -1
 * with err filled, code DF_EXIT_DATA, and out as it was on entry: when
 * the document is not valid JSON ("invalid JSON at byte N: what", N from
 * 0), nests deeper than 512 levels, a replacement is invalid, out would
 * pass its cap, or the callback failed (err as the callback filled it).
 */
long		 json_rewrite(const char *, size_t, const struct rule_json *,
		    json_cb, void *, struct buf *, struct df_error *);

/*
 * Append (p, n) as a JSON string, quotes included: " and \ escaped,
 * control characters as \b \f \n \r \t or \u00XX, every other byte
 * (UTF-8 is the caller's to give) as it is.  Returns 0, or -1 with out
 * unchanged if its cap would be passed.
 */
int		 json_string_encode(const char *, size_t, struct buf *);

#endif
