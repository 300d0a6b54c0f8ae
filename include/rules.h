/*
 * rules: the rules file (dumprules(5)).  One format drives all three
 * filters; the parser knows the whole grammar and builds the tree below,
 * and each filter acts on the statements that concern it and ignores the
 * others'.  Regular expressions are compiled here (this is the only module
 * that sees PCRE2); other modules use them through rx_match() and
 * rx_replace().
 *
 * Every node remembers where it was written (file, line, column), so that
 * a rule that cannot hold for a dump's schema is reported where it stands.
 */
#ifndef DF_RULES_H
#define DF_RULES_H

#include <stddef.h>

struct buf;
struct df_error;

/* A compiled regular expression, /source/flags. */
struct rx;

/*
 * Does the regex match somewhere in (p, n)?  Returns 1 or 0; -1 (with err
 * filled, code DF_EXIT_DATA) if matching failed, e.g. on the match limit.
 */
int		 rx_match(const struct rx *, const char *, size_t,
		    struct df_error *);
/*
 * Append to out the text with every match replaced by the template, in
 * which $1, ${1} and $$ have PCRE2's meaning.  Returns 0, or -1 with err
 * filled.
 */
int		 rx_replace(const struct rx *, const char *, size_t,
		    const char *, size_t, struct buf *, struct df_error *);
/* The regex as written, /source/flags. */
const char	*rx_text(const struct rx *);

/* Where a node of the tree was written. */
struct rule_pos {
	const char	*file;		/* owned by struct rules */
	unsigned long	 line;
	unsigned long	 col;
};

/*
 * A table or column name as a rule writes it: an exact name (bare: case
 * folded when compared; "quoted": exact), schema.name, or /regex/.  A regex
 * is matched against the bare name and against schema.name.
 */
struct rule_name {
	char		*schema;	/* NULL: any schema or database */
	char		*name;		/* NULL when rx is set */
	struct rx	*rx;
	int		 quoted;	/* name was "quoted": compare exactly */
	int		 schema_quoted;	/* and the schema */
	char		*text;		/* as written, for messages */
	struct rule_pos	 pos;
};

/* A literal of a condition or action: 'string' or a bare number. */
struct rule_value {
	char		*p;		/* decoded, NUL-terminated */
	size_t		 len;
	int		 number;	/* written as a bare number */
};

enum cond_op {
	COND_AND = 1, COND_OR, COND_NOT,
	COND_EQ, COND_NE, COND_LT, COND_LE, COND_GT, COND_GE,
	COND_MATCH, COND_NMATCH,	/* ~ /re/, !~ /re/ */
	COND_IN,			/* in ('a', 'b', 3) */
	COND_NULL, COND_NOTNULL		/* is null, is not null */
};

/*
 * The order of two values, as dumprules(5) CONDITIONS compares a value
 * with a bare number: as numbers when both are numbers, else byte by
 * byte.  A number is what a dump writes for one: [+-] digits [. digits]
 * (at least one digit) with an optional exponent e|E [+-] digits, or
 * NaN, Infinity, -Infinity.  Numbers compare exactly, in decimal,
 * whatever their length and exponent (no double: 2^53 + 1 > 2^53,
 * 1e-400 > 0, -0 = 0, 1.5e3 = 1500), in PostgreSQL's order: -Infinity
 * below every other number, Infinity above, NaN above all and equal to
 * itself.  Byte order is memcmp()'s, a proper prefix first, which orders
 * ISO 8601 dates and timestamps as written.  Neither side need be
 * NUL-terminated; nothing is allocated.  Returns -1, 0 or 1.
 * dumpdehydrate's newest N by COL orders by it.
 */
int		 rule_value_cmp(const char *, size_t, const char *, size_t);

/*
 * A value readied for many comparisons, as newest N by COL compares each
 * candidate with others again and again: rule_key_init() looks at the
 * text once (O(n), nothing allocated; the key points into it, so the
 * text must outlive the key), rule_key_cmp() orders two keys exactly as
 * rule_value_cmp() orders their texts, two integers without reading them
 * again.  The fields are rules.c's.
 */
struct rule_key {
	const char	*p;
	size_t		 n;
	size_t		 skip;		/* integer: sign and leading zeros */
	int		 isint;		/* [+-]digits */
	int		 neg;		/* and below zero */
};
void		 rule_key_init(struct rule_key *, const char *, size_t);
int		 rule_key_cmp(const struct rule_key *,
		    const struct rule_key *);

/*
 * A condition on one row: the `when` of an action or relation, the
 * `where` of keep.  Comparisons follow SQL: with a NULL column every
 * comparison is false (only is null / is not null see NULL).  < <= > >=
 * compare as numbers when the literal is a bare number and the value a
 * number, else byte-wise (which orders ISO dates and timestamps): see
 * rule_value_cmp().
 */
struct rule_cond {
	enum cond_op	 op;
	struct rule_cond *a, *b;	/* AND, OR: both; NOT: a */
	char		*column;	/* comparisons: the column, unquoted */
	struct rule_value *vals;	/* one, or the IN list */
	size_t		 nvals;
	struct rx	*rx;		/* MATCH, NMATCH */
	size_t		 id;		/* comparisons: 0 .. rules.nconds-1 */
	struct rule_pos	 pos;
};

/*
 * Evaluate c on a row.  get(ctx, column, &p, &n) gives a column's
 * decoded value and returns 0, 1 if it is NULL, or -1 on error (with err
 * filled by get).  Returns 1 (true), 0 (false) or -1.
 */
int		 rule_cond_eval(const struct rule_cond *,
		    int (*)(void *, const struct rule_cond *, const char **,
		    size_t *, struct df_error *), void *, struct df_error *);

enum action_kind {
	ACT_KEEP = 1, ACT_NULL, ACT_EMPTY, ACT_SET, ACT_HASH,
	ACT_EMAIL, ACT_FIRST_NAME, ACT_LAST_NAME, ACT_FULL_NAME,
	ACT_USERNAME, ACT_COMPANY, ACT_STREET, ACT_CITY, ACT_ZIP,
	ACT_COUNTRY, ACT_PHONE, ACT_DIGITS, ACT_PARTIAL, ACT_REPLACE,
	ACT_UUID, ACT_IPV4, ACT_IPV6, ACT_CREDIT_CARD, ACT_DATE_SHIFT,
	ACT_NOISE, ACT_MAP, ACT_JSON,
	ACT_RELINK			/* dumprelink's; others keep the value */
};

/* A map FILE: old value -> new value, loaded with the rules. */
struct rule_map;

enum map_default {
	MAP_ERROR = 0,			/* an unmapped value is a data error */
	MAP_KEEP,
	MAP_NULL,
	MAP_SET				/* default 'literal' */
};

/*
 * Look a value up.  Returns 0 and sets *p, *n to the new value, 1 if the
 * new value is NULL (\N in the file), or -1 if the value is not in the map.
 */
int		 rule_map_get(const struct rule_map *, const char *, size_t,
		    const char **, size_t *);
/* Whether every new value of the map is distinct and not NULL. */
int		 rule_map_injective(const struct rule_map *);
/* Whether some value maps to NULL (\N in the file). */
int		 rule_map_has_null(const struct rule_map *);
/* The map file's path, as the rule wrote it (resolved). */
const char	*rule_map_path(const struct rule_map *);
/* The longest new value, in characters (UTF-8). */
size_t		 rule_map_maxchars(const struct rule_map *);
/* Whether every new value parses as an integer in [min, max]. */
int		 rule_map_all_integers(const struct rule_map *, long long,
		    long long);

struct rule_json;

/*
 * An action and its arguments.  Which fields are used depends on kind:
 *   SET, MAP default 'x'	 lit
 *   HASH			 n1 = LEN in hex digits (0: the default)
 *   names, places, COMPANY	 locale (NULL: "en")
 *   PARTIAL			 n1 = PREFIX, n2 = SUFFIX, lit = the mask
 *				 character (default "*")
 *   REPLACE			 rx, lit = template
 *   DATE_SHIFT			 n1 = DAYS
 *   NOISE			 pct = PERCENT
 *   MAP			 map, map_default, lit
 *   JSON			 json
 *   RELINK			 pointer, by[], nby, by_lower
 * salt decorrelates the action's output from the same action elsewhere;
 * when, if set, limits the action to the rows where it holds (other rows
 * keep the value).
 */
struct rule_action {
	enum action_kind kind;
	struct rule_value lit;
	long		 n1, n2;
	double		 pct;
	char		*locale;
	struct rx	*rx;
	struct rule_map	*map;
	enum map_default map_default;
	struct rule_json *json;
	char		*pointer;
	char	       **by;
	size_t		 nby;
	int		 by_lower;
	struct rule_value salt;		/* p NULL: none */
	struct rule_cond *when;
	struct rule_pos	 pos;
};

/*
 * json { PATH ACTION ; ... }.  A path is a list of steps from the
 * document's root: a key of an object, or [] for every element of an
 * array ("items[].email" is items, [], email).
 */
struct json_step {
	char		*key;		/* NULL: every element of an array */
	size_t		 len;
};

struct json_rule {
	char		*path;		/* as written */
	struct json_step *steps;
	size_t		 nsteps;
	struct rule_action act;
};

struct rule_json {
	size_t		 n;
	struct json_rule *rules;
};

/* One column rule: NAME ACTION inside a table block, or column /re/ ACTION. */
struct rule_column {
	struct rule_name col;
	struct rule_action act;
};

/* table NAME { column rules } */
struct rule_table {
	struct rule_name name;
	size_t		 ncols;
	struct rule_column *cols;
};

/* dumpdehydrate: truncate NAME [nullify] */
struct rule_truncate {
	struct rule_name name;
	int		 nullify;
};

enum keep_kind {
	KEEP_ALL = 1,			/* keep T */
	KEEP_WHERE,			/* keep T where COND */
	KEEP_NEWEST,			/* keep T newest N by COLUMN */
	KEEP_SAMPLE			/* keep T sample P% */
};

struct rule_keep {
	struct rule_name table;
	enum keep_kind	 kind;
	struct rule_cond *where;
	unsigned long long n;		/* NEWEST */
	char		*by;		/* NEWEST */
	double		 pct;		/* SAMPLE */
};

/* relation T(cols) -> U(cols) [when COND] */
struct rule_relation {
	struct rule_name from, to;
	char	       **from_cols, **to_cols;
	size_t		 ncols;
	struct rule_cond *when;
};

/*
 * dumprelink: keep-table NAME { COLUMN default 'v' | default null |
 * ignore }: for a column on one side only.  table is the index of the
 * keep_table name it belongs to.
 */
struct rule_keep_col {
	size_t		 table;
	char		*column;
	int		 ignore;	/* a target column the source lacks */
	int		 null;		/* default null */
	struct rule_value value;	/* default 'v' */
	struct rule_pos	 pos;
};

/* dumprelink: missing POINTER null | keep | set 'v' | drop-row | error */
enum missing_policy {
	MISSING_NULL = 0, MISSING_KEEP, MISSING_SET, MISSING_DROP_ROW,
	MISSING_ERROR
};

struct rule_missing {
	char		*pointer;
	enum missing_policy policy;
	struct rule_value lit;
	struct rule_pos	 pos;
};

/* dumprelink: import POINTER "file" */
struct rule_import {
	char		*pointer;
	char		*path;		/* resolved against the rules file */
	struct rule_pos	 pos;
};

enum key_source {
	KEY_DEFAULT = 0,		/* env DUMPFILTERS_KEY */
	KEY_ENV,
	KEY_FILE
};

/*
 * A loaded rules file, includes resolved, in file order.  Every pointer
 * is owned by the struct and freed by rules_free().
 */
struct rules {
	enum key_source	 key;
	char		*key_arg;	/* variable name or path */
	struct rule_pos	 key_pos;

	size_t		 ntables;
	struct rule_table *tables;
	size_t		 ncolumns;	/* column /re/ ACTION, any table */
	struct rule_column *columns;
	size_t		 nsafe;
	struct rule_name *safe;

	size_t		 ntruncate;
	struct rule_truncate *truncate;
	size_t		 nkeep;
	struct rule_keep *keep;
	size_t		 nrelation;
	struct rule_relation *relation;
	size_t		 nfollow;
	struct rule_name *follow;
	int		 others_none;	/* others none (default: keep) */

	size_t		 nkeep_table;
	struct rule_name *keep_table;
	size_t		 nkeep_cols;
	struct rule_keep_col *keep_cols;
	size_t		 nmissing;
	struct rule_missing *missing;
	size_t		 nimport;
	struct rule_import *import;

	size_t		 nconds;	/* comparisons in all conditions */
	size_t		 nfiles;
	char	       **files;		/* every file read, for positions */
	size_t		 nstatements;
};

/*
 * Load and compile path and the files it includes.  Returns NULL with err
 * filled (code DF_EXIT_USAGE, the message FILE:LINE:COL: ...) on any
 * problem; an invalid regex gives PCRE2's message and the offset.
 */
struct rules	*rules_load(const char *, struct df_error *);
/* Number of statements; 0 means the filter has nothing to do. */
size_t		 rules_count(const struct rules *);
void		 rules_free(struct rules *);

/*
 * Does a table (schema may be NULL) or a column match a rule's name?
 * Bare names compare case-insensitively, "quoted" ones exactly.
 */
int		 rule_name_match(const struct rule_name *, const char *,
		    const char *);
/*
 * Does a table name of the rules match t, or a table t descends from
 * (a partition's partitioned table, INHERITS parents)?  pg_dump writes a
 * partitioned table's rows under each partition's own name, and a rule
 * for the table must reach them.  The walk up is bounded, since hostile
 * input can make parents a cycle.
 */
struct schema_table;
int		 rule_table_match(const struct rule_name *,
		    const struct schema_table *);
/* The name of an action kind as the rules write it ("first_name"). */
const char	*rule_action_name(enum action_kind);

#endif
