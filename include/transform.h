/*
 * transform: the scrub actions of dumprules(5), applied to one decoded
 * value at a time.
 *
 * Every fake is a function of (key, action, salt, value) only: the same
 * key and value give the same output in every table, run, dialect and
 * dump form, so joins on scrubbed columns still match.  The keyed
 * functions are libsodium's (BLAKE2b for hash and key derivation,
 * SipHash-2-4 for the rest); this is the only module that sees libsodium.
 *
 * Outputs respect the column they go to (struct xf_col): a maximum length
 * in characters, the range of an integer type.  xf_check() decides before
 * any row is read whether an action can hold for a column (type, length,
 * NOT NULL, uniqueness); xf_apply() then never produces a value the check
 * did not allow.
 */
#ifndef DF_TRANSFORM_H
#define DF_TRANSFORM_H

#include <stddef.h>

struct buf;
struct df_error;
struct rule_action;

/* The secret every keyed action derives from. */
struct xf_key {
	unsigned char	 master[32];	/* BLAKE2b of the secret */
	unsigned char	 sip[16];	/* SipHash key derived from master */
	int		 random;	/* made up for this run */
};

/*
 * Key from the environment variable var.  Returns 0; 1 if var is unset
 * or empty (nothing set); -1 with err filled if the secret is shorter
 * than 16 bytes.
 */
int		 xf_key_env(struct xf_key *, const char *, struct df_error *);
/*
 * Key from the first line of a file (a trailing newline is not part of
 * it).  Returns 0, or -1 with err filled (unreadable, empty, shorter than
 * 16 bytes).
 */
int		 xf_key_file(struct xf_key *, const char *, struct df_error *);
/* A random key, for a run that was given none. */
void		 xf_key_random(struct xf_key *);

/* What a column holds, as far as the actions care. */
enum xf_type {
	XT_TEXT = 0,		/* text, varchar(n), and types not known */
	XT_CHAR,		/* char(n): the server pads with blanks */
	XT_INT,			/* an integer type; imin, imax */
	XT_DECIMAL,		/* numeric, decimal, float, double, real */
	XT_BOOL,
	XT_DATE,		/* date */
	XT_TIMESTAMP,		/* timestamp, datetime, with or without zone */
	XT_TIME,
	XT_UUID,
	XT_INET,		/* pg inet, cidr */
	XT_JSON,		/* json, jsonb */
	XT_BYTES,		/* bytea, blob, binary, varbinary */
	XT_ENUM,		/* MySQL enum and set */
	XT_ARRAY		/* pg arrays: the value is an array literal */
};

struct xf_col {
	enum xf_type	 type;
	long		 maxchars;	/* -1: no limit */
	long long	 imin, imax;	/* XT_INT */
	int		 prec, scale;	/* XT_DECIMAL numeric(p,s); prec 0: none */
	int		 unique;	/* in a PRIMARY KEY or UNIQUE key */
	int		 notnull;
};

/*
 * Describe a column from its declared type (as struct schema_col keeps
 * it: "character varying", "varchar", "int unsigned", "bigint" ...) and
 * length (-1 if none).  Unknown types are XT_TEXT with no limit.
 */
void		 xf_col_from_type(struct xf_col *, const char *, long);

/*
 * Can action a hold for column c?  Returns 0, or -1 and writes the reason
 * to why (e.g. "first_name is not injective; users.email is UNIQUE").
 * Checks: the action's output fits the type and length (for an injective
 * action, with every distinguishing character kept); a literal or map
 * value fits; NOT NULL columns never receive NULL; columns of a PRIMARY
 * KEY or UNIQUE key only get injective actions.  JSON sub-actions are
 * checked as text.
 */
int		 xf_check(const struct rule_action *, const struct xf_col *,
		    char *, size_t);

/* Is the action injective (distinct inputs give distinct outputs)? */
int		 xf_injective(const struct rule_action *,
		    const struct xf_col *);

enum xf_result {
	XF_VALUE = 0,		/* out holds the new value */
	XF_NULL = 1		/* the new value is NULL */
};

/*
 * Apply action a to the decoded value (p, n) of a column described by c,
 * appending the new value to out.  NULL inputs never reach here (they
 * stay NULL).  Returns an enum xf_result, or -1 with err filled (code
 * DF_EXIT_DATA, message without position: the caller adds file, line,
 * table and column), e.g. for a value a map does not know, JSON that does
 * not parse, or a replace result too long for the column.
 */
int		 xf_apply(const struct xf_key *, const struct rule_action *,
		    const struct xf_col *, const char *, size_t,
		    struct buf *, struct df_error *);

/* Characters (UTF-8 code points; invalid bytes count one each) in (p, n). */
size_t		 xf_utf8_chars(const char *, size_t);

#endif
