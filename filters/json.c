/*
 * json: rewrite the values a json { ... } rule selects inside one JSON
 * document (a json or jsonb column's value), in a single pass that also
 * validates the document as RFC 8259 JSON.
 *
 * The walk is a recursive descent over the bytes.  Nothing is copied
 * while walking: out receives the input in bulk, up to the start of each
 * replaced value and, at the end, the rest; so spacing, key order,
 * duplicate keys and the escapes of untouched strings stay as written,
 * and a document without selected values costs one memcpy.
 *
 * Paths are matched with one bitset of rules per path depth: the rules
 * whose first d steps match the path of the value being walked ("alive").
 * When no rule is alive the walk only validates (no key is decoded, no
 * set is computed), which is the common case below the few selected
 * paths.  An object key is decoded only when it holds an escape and some
 * rule is alive; otherwise its raw bytes are compared.
 *
 * Strings must be valid UTF-8 (RFC 3629: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF) because both servers refuse
 * anything else in a JSON column: PostgreSQL checks every text input
 * against the UTF-8 server encoding and MySQL's JSON type answers
 * "Invalid JSON text: Invalid encoding in string".  A rewritten dump
 * should fail here, naming the byte, rather than at load time.  \u0000 is
 * accepted (RFC 8259 allows it, and so do PostgreSQL json and MySQL;
 * only jsonb refuses it): untouched, it is copied as written.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "rules.h"
#include "util.h"

/*
 * The nesting limit, which bounds the recursion.  MySQL refuses JSON
 * nested deeper than 100; PostgreSQL has no fixed limit (only its stack
 * depth check), so ours is generous.
 */
#define JSON_MAX_DEPTH	512

/* Sets of at most this many words live on the stack. */
#define JSON_LOCAL_WORDS	64

/* Byte classes inside a string: the scanner skips class 0 in one loop. */
enum {
	SC_PLAIN = 0,
	SC_QUOTE,
	SC_BSLASH,
	SC_CTRL,		/* U+0000 to U+001F must be escaped */
	SC_UTF8			/* a byte from 0x80: UTF-8 or junk */
};

static const unsigned char str_class[256] = {
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4
};

/*
 * One walk over one document.  A rule set is nwords words, rule r being
 * bit r % 64 of word r / 64; sets holds the set of each path depth from
 * 0 to maxsteps.  A walk that only validates (a SET_RAW replacement) has
 * rj NULL and never looks at the rule fields.
 */
struct json_walk {
	const unsigned char *p;
	size_t		 n;
	size_t		 i;		/* next byte to read */
	size_t		 copied;	/* p[0, copied) is in out */
	const struct rule_json *rj;
	json_cb		 cb;
	void		*cbarg;
	struct buf	*out;
	struct df_error	*err;
	size_t		 nwords;
	size_t		 maxsteps;
	uint64_t	*sets;
	struct buf	 scratch;	/* a decoded string (key or value) */
	struct buf	 repl;		/* what the callback wrote */
	long		 nrepl;
};

static int	walk_value(struct json_walk *, const uint64_t *, size_t);

static int	bad(struct json_walk *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* A syntax error at byte off of the document. */
static int
bad(struct json_walk *w, size_t off, const char *fmt, ...)
{
	char what[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return df_err(w->err, DF_EXIT_DATA, NULL, 0,
	    "invalid JSON at byte %zu: %s", off, what);
}

static int
too_big(struct json_walk *w)
{
	return df_err(w->err, DF_EXIT_DATA, NULL, 0,
	    "rewritten JSON would pass the cap of %zu bytes", w->out->max);
}

/*
 * The length of the valid UTF-8 sequence at s (n bytes available), or 0.
 * RFC 3629, section 4: the second byte's range depends on the first.
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len, k;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (c == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;	/* overlong */
		else if (c == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (k = 2; k < len; k++)
		if (s[k] < 0x80 || s[k] > 0xbf)
			return 0;
	return len;
}

static int
utf8_valid(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, k;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_len(s + i, n - i);
		if (k == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* The four hex digits at p[i, i + 4) as a number, or -1. */
static long
hex4(const unsigned char *p, size_t n, size_t i)
{
	long v = 0;
	size_t k;
	int d;

	if (i > n || n - i < 4)
		return -1;
	for (k = 0; k < 4; k++) {
		d = df_hexval(p[i + k]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static int
add_utf8(struct buf *b, unsigned long u)
{
	char s[4];
	size_t n;

	if (u < 0x80) {
		s[0] = (char)u;
		n = 1;
	} else if (u < 0x800) {
		s[0] = (char)(0xc0 | u >> 6);
		s[1] = (char)(0x80 | (u & 0x3f));
		n = 2;
	} else if (u < 0x10000) {
		s[0] = (char)(0xe0 | u >> 12);
		s[1] = (char)(0x80 | (u >> 6 & 0x3f));
		s[2] = (char)(0x80 | (u & 0x3f));
		n = 3;
	} else {
		s[0] = (char)(0xf0 | u >> 18);
		s[1] = (char)(0x80 | (u >> 12 & 0x3f));
		s[2] = (char)(0x80 | (u >> 6 & 0x3f));
		s[3] = (char)(0x80 | (u & 0x3f));
		n = 4;
	}
	return buf_add(b, s, n);
}

static void
skip_ws(struct json_walk *w)
{
	/* RFC 8259, section 2: ws = *( %x20 / %x09 / %x0A / %x0D ) */
	while (w->i < w->n && (w->p[w->i] == ' ' || w->p[w->i] == '\t' ||
	    w->p[w->i] == '\n' || w->p[w->i] == '\r'))
		w->i++;
}

/*
 * Scan the string whose opening quote is at w->i, leaving w->i past the
 * closing quote.  With dec, append the decoded text to it; with esc, set
 * *esc to whether the string holds an escape.  RFC 8259, section 7:
 * "All Unicode characters may be placed within the quotation marks,
 * except for the characters that MUST be escaped: quotation mark, reverse
 * solidus, and the control characters (U+0000 through U+001F)"; a
 * character outside the BMP is escaped as a UTF-16 surrogate pair.
 */
static int
scan_string(struct json_walk *w, struct buf *dec, int *esc)
{
	const unsigned char *p = w->p;
	size_t n = w->n, s = w->i, i = w->i + 1, run = i, k;
	long u, lo;
	int c;

	if (esc != NULL)
		*esc = 0;
	for (;;) {
		while (i < n && str_class[p[i]] == SC_PLAIN)
			i++;
		if (i >= n)
			return bad(w, s, "unterminated string");
		switch (str_class[p[i]]) {
		case SC_QUOTE:
			if (dec != NULL && buf_add(dec, p + run, i - run) == -1)
				return too_big(w);
			w->i = i + 1;
			return 0;
		case SC_CTRL:
			return bad(w, i, "control character in string");
		case SC_UTF8:
			k = utf8_len(p + i, n - i);
			if (k == 0)
				return bad(w, i, "invalid UTF-8");
			i += k;
			continue;
		default:
			break;
		}
		/* A backslash. */
		if (esc != NULL)
			*esc = 1;
		if (dec != NULL && buf_add(dec, p + run, i - run) == -1)
			return too_big(w);
		if (i + 1 >= n)
			return bad(w, s, "unterminated string");
		k = i + 2;
		switch (p[i + 1]) {
		case '"':
		case '\\':
		case '/':
			c = p[i + 1];
			break;
		case 'b':
			c = '\b';
			break;
		case 'f':
			c = '\f';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case 't':
			c = '\t';
			break;
		case 'u':
			c = -1;
			break;
		default:
			return bad(w, i, "invalid escape");
		}
		if (c >= 0) {
			if (dec != NULL && buf_addc(dec, c) == -1)
				return too_big(w);
			i = run = k;
			continue;
		}
		u = hex4(p, n, i + 2);
		if (u < 0)
			return bad(w, i, "invalid \\u escape");
		k = i + 6;
		if (u >= 0xd800 && u <= 0xdbff) {
			lo = -1;
			if (k + 1 < n && p[k] == '\\' && p[k + 1] == 'u')
				lo = hex4(p, n, k + 2);
			if (lo < 0xdc00 || lo > 0xdfff)
				return bad(w, i, "lone surrogate \\u%04lx", u);
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
			k += 6;
		} else if (u >= 0xdc00 && u <= 0xdfff)
			return bad(w, i, "lone surrogate \\u%04lx", u);
		if (dec != NULL && add_utf8(dec, (unsigned long)u) == -1)
			return too_big(w);
		i = run = k;
	}
}

/*
 * RFC 8259, section 6:
 *   number = [ minus ] int [ frac ] [ exp ]
 *   int = zero / ( digit1-9 *DIGIT ), frac = "." 1*DIGIT,
 *   exp = e [ minus / plus ] 1*DIGIT
 * A digit right after a leading zero is refused here, not left to the
 * caller as trailing garbage, so that "01" reads as an invalid number.
 */
static int
scan_number(struct json_walk *w)
{
	const unsigned char *p = w->p;
	size_t i = w->i, n = w->n;

#define DIGIT(k)	((k) < n && p[k] >= '0' && p[k] <= '9')
	if (i < n && p[i] == '-')
		i++;
	if (!DIGIT(i))
		return bad(w, i, "invalid number");
	if (p[i] == '0') {
		i++;
		if (DIGIT(i))
			return bad(w, i, "invalid number");
	} else
		while (DIGIT(i))
			i++;
	if (i < n && p[i] == '.') {
		i++;
		if (!DIGIT(i))
			return bad(w, i, "invalid number");
		while (DIGIT(i))
			i++;
	}
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		if (!DIGIT(i))
			return bad(w, i, "invalid number");
		while (DIGIT(i))
			i++;
	}
#undef DIGIT
	w->i = i;
	return 0;
}

static int
scan_literal(struct json_walk *w, const char *lit, size_t len)
{
	size_t k;

	for (k = 0; k < len; k++)
		if (w->i + k >= w->n || w->p[w->i + k] != (unsigned char)lit[k])
			return bad(w, w->i + k, "invalid literal");
	w->i += len;
	return 0;
}

/*
 * Which rule of set selects the value at path depth d: the lowest rule
 * whose path ends there, or -1.  *more tells whether some rule of the set
 * goes on below the value.
 */
static long
set_first_end(const struct json_walk *w, const uint64_t *set, size_t d,
    int *more)
{
	uint64_t bits;
	size_t k, r;
	long first = -1;

	*more = 0;
	for (k = 0; k < w->nwords; k++) {
		bits = set[k];
		while (bits != 0) {
			r = k * 64 + (size_t)__builtin_ctzll(bits);
			bits &= bits - 1;
			if (w->rj->rules[r].nsteps == d) {
				if (first < 0)
					first = (long)r;
			} else
				*more = 1;
		}
	}
	return first;
}

/* Does a step match a member named (key, klen), or an element (key NULL)? */
static int
step_matches(const struct json_step *st, const char *key, size_t klen)
{
	if (key == NULL || st->key == NULL)
		return key == st->key;
	return st->len == klen && (klen == 0 ||
	    memcmp(st->key, key, klen) == 0);
}

/*
 * The rules of set (at depth d) that go on to a member named (key, klen)
 * or, when key is NULL, to an array element: the set of depth d + 1, or
 * NULL when it is empty.
 */
static const uint64_t *
set_step(struct json_walk *w, const uint64_t *set, size_t d,
    const char *key, size_t klen)
{
	const struct json_step *st;
	uint64_t bits, *child;
	size_t k, r;
	int any = 0;

	if (d + 1 > w->maxsteps)
		return NULL;
	child = w->sets + (d + 1) * w->nwords;
	for (k = 0; k < w->nwords; k++) {
		child[k] = 0;
		bits = set[k];
		while (bits != 0) {
			r = k * 64 + (size_t)__builtin_ctzll(bits);
			bits &= bits - 1;
			if (w->rj->rules[r].nsteps <= d)
				continue;
			st = &w->rj->rules[r].steps[d];
			if (!step_matches(st, key, klen))
				continue;
			child[k] |= (uint64_t)1 << (r % 64);
			any = 1;
		}
	}
	return any ? child : NULL;
}

/* Copy the input up to (not including) byte upto into out. */
static int
flush(struct json_walk *w, size_t upto)
{
	if (buf_add(w->out, w->p + w->copied, upto - w->copied) == -1)
		return too_big(w);
	w->copied = upto;
	return 0;
}

/*
 * Check that a SET_RAW replacement is one JSON value (spaces around it
 * allowed) that, put at path depth d, nests no deeper than the limit.
 */
static int
raw_valid(const char *p, size_t n, size_t d, struct df_error *err)
{
	struct json_walk v;

	memset(&v, 0, sizeof(v));
	v.p = (const unsigned char *)p;
	v.n = n;
	v.err = err;
	skip_ws(&v);
	if (v.i >= v.n)
		return bad(&v, v.i, "expected a value");
	if (walk_value(&v, NULL, d) == -1)
		return -1;
	skip_ws(&v);
	if (v.i < v.n)
		return bad(&v, v.i, "trailing data");
	return 0;
}

/*
 * Hand the selected value p[s, e) to the callback of rule r, as text
 * (t, tl), and write its replacement if it made one.  *kept tells
 * whether it kept the value.
 */
static int
edit(struct json_walk *w, long r, size_t d, enum json_kind kind,
    const char *t, size_t tl, size_t s, size_t e, int *kept)
{
	const struct json_rule *jr = &w->rj->rules[r];
	const char *path = jr->path != NULL ? jr->path : "(path)";
	int rc;

	*kept = 0;
	buf_clear(&w->repl);
	rc = w->cb(w->cbarg, (size_t)r, kind, t != NULL ? t : "", tl,
	    &w->repl, w->err);
	switch (rc) {
	case JSON_KEEP:
		*kept = 1;
		return 0;
	case JSON_SET_STRING:
		if (!utf8_valid(w->repl.p, w->repl.len))
			return df_err(w->err, DF_EXIT_DATA, NULL, 0,
			    "%s: the new value is not valid UTF-8", path);
		break;
	case JSON_SET_RAW:
		if (raw_valid(w->repl.p, w->repl.len, d, w->err) == -1) {
			df_err_prefix(w->err, "%s: the new value: ", path);
			return -1;
		}
		break;
	case -1:
		return -1;
	default:
		return df_err(w->err, DF_EXIT_DATA, NULL, 0,
		    "%s: the callback returned %d", path, rc);
	}
	if (flush(w, s) == -1)
		return -1;
	if (rc == JSON_SET_STRING)
		rc = json_string_encode(w->repl.p, w->repl.len, w->out);
	else
		rc = buf_add(w->out, w->repl.p, w->repl.len);
	if (rc == -1)
		return too_big(w);
	w->copied = e;
	w->nrepl++;
	return 0;
}

/* The object at w->i, whose members are at path depth d + 1. */
static int
walk_object(struct json_walk *w, const uint64_t *set, size_t d)
{
	const uint64_t *child;
	size_t ks;
	int esc;

	w->i++;
	skip_ws(w);
	if (w->i < w->n && w->p[w->i] == '}') {
		w->i++;
		return 0;
	}
	for (;;) {
		if (w->i >= w->n || w->p[w->i] != '"')
			return bad(w, w->i, "expected a string key");
		ks = w->i;
		if (scan_string(w, NULL, &esc) == -1)
			return -1;
		child = NULL;
		if (set != NULL && !esc)
			child = set_step(w, set, d, (const char *)w->p + ks + 1,
			    w->i - ks - 2);
		else if (set != NULL) {
			/* Keys compare unescaped: "a\u0062" is "ab". */
			w->i = ks;
			buf_clear(&w->scratch);
			if (scan_string(w, &w->scratch, NULL) == -1)
				return -1;
			child = set_step(w, set, d, w->scratch.p != NULL ?
			    w->scratch.p : "", w->scratch.len);
		}
		skip_ws(w);
		if (w->i >= w->n || w->p[w->i] != ':')
			return bad(w, w->i, "expected ':'");
		w->i++;
		skip_ws(w);
		if (walk_value(w, child, d + 1) == -1)
			return -1;
		skip_ws(w);
		if (w->i < w->n && w->p[w->i] == ',') {
			w->i++;
			skip_ws(w);
			continue;
		}
		if (w->i < w->n && w->p[w->i] == '}') {
			w->i++;
			return 0;
		}
		return bad(w, w->i, "expected ',' or '}'");
	}
}

/* The array at w->i, whose elements are at path depth d + 1. */
static int
walk_array(struct json_walk *w, const uint64_t *set, size_t d)
{
	const uint64_t *child = NULL;

	if (set != NULL)
		child = set_step(w, set, d, NULL, 0);
	w->i++;
	skip_ws(w);
	if (w->i < w->n && w->p[w->i] == ']') {
		w->i++;
		return 0;
	}
	for (;;) {
		if (walk_value(w, child, d + 1) == -1)
			return -1;
		skip_ws(w);
		if (w->i < w->n && w->p[w->i] == ',') {
			w->i++;
			skip_ws(w);
			continue;
		}
		if (w->i < w->n && w->p[w->i] == ']') {
			w->i++;
			return 0;
		}
		return bad(w, w->i, "expected ',' or ']'");
	}
}

/*
 * The value at w->i, at path depth d (inside d containers), set being the
 * rules alive there (NULL: none).  Leaves w->i past the value.
 */
static int
walk_value(struct json_walk *w, const uint64_t *set, size_t d)
{
	enum json_kind kind;
	size_t s = w->i;
	long r = -1;
	int more = 0, kept, c, rc;

	if (w->i >= w->n)
		return bad(w, w->i, "expected a value");
	if (set != NULL)
		r = set_first_end(w, set, d, &more);
	c = w->p[w->i];
	switch (c) {
	case '"':
		if (r < 0)
			return scan_string(w, NULL, NULL);
		buf_clear(&w->scratch);
		if (scan_string(w, &w->scratch, NULL) == -1)
			return -1;
		return edit(w, r, d, JSON_STRING, w->scratch.p,
		    w->scratch.len, s, w->i, &kept);
	case '{':
	case '[':
		if (d >= JSON_MAX_DEPTH)
			return bad(w, s, "nesting deeper than %d levels",
			    JSON_MAX_DEPTH);
		if (r < 0)
			return c == '{' ? walk_object(w, set, d) :
			    walk_array(w, set, d);
		/*
		 * Selected: find its end without the rules, show it to the
		 * callback as written, and walk it again for the deeper
		 * rules only if the callback kept it.
		 */
		rc = c == '{' ? walk_object(w, NULL, d) :
		    walk_array(w, NULL, d);
		if (rc == -1)
			return -1;
		kind = c == '{' ? JSON_OBJECT : JSON_ARRAY;
		if (edit(w, r, d, kind, (const char *)w->p + s, w->i - s, s,
		    w->i, &kept) == -1)
			return -1;
		if (!kept || !more)
			return 0;
		w->i = s;
		return c == '{' ? walk_object(w, set, d) :
		    walk_array(w, set, d);
	case 't':
		kind = JSON_TRUE;
		rc = scan_literal(w, "true", 4);
		break;
	case 'f':
		kind = JSON_FALSE;
		rc = scan_literal(w, "false", 5);
		break;
	case 'n':
		kind = JSON_NULL;
		rc = scan_literal(w, "null", 4);
		break;
	default:
		if (c != '-' && (c < '0' || c > '9'))
			return bad(w, s, "expected a value");
		kind = JSON_NUMBER;
		rc = scan_number(w);
		break;
	}
	if (rc == -1 || r < 0)
		return rc;
	return edit(w, r, d, kind, (const char *)w->p + s, w->i - s, s, w->i,
	    &kept);
}

long
json_rewrite(const char *p, size_t n, const struct rule_json *rj,
    json_cb cb, void *cbarg, struct buf *out, struct df_error *err)
{
	uint64_t local[JSON_LOCAL_WORDS];
	const uint64_t *root = NULL;
	struct json_walk w;
	size_t len0 = out->len, r, nsets;
	long rv = -1;

	memset(&w, 0, sizeof(w));
	w.p = (const unsigned char *)p;
	w.n = n;
	w.rj = rj;
	w.cb = cb;
	w.cbarg = cbarg;
	w.out = out;
	w.err = err;
	/* A decoded string is never longer than its JSON text. */
	buf_init(&w.scratch, n + 16);
	buf_init(&w.repl, out->max);

	if (rj != NULL && rj->n > 0 && cb != NULL) {
		w.nwords = (rj->n + 63) / 64;
		for (r = 0; r < rj->n; r++)
			if (rj->rules[r].nsteps > w.maxsteps)
				w.maxsteps = rj->rules[r].nsteps;
		/* No value lies deeper than the nesting limit. */
		if (w.maxsteps > JSON_MAX_DEPTH)
			w.maxsteps = JSON_MAX_DEPTH;
		nsets = (w.maxsteps + 1) * w.nwords;
		w.sets = nsets <= JSON_LOCAL_WORDS ? local :
		    xcalloc(nsets, sizeof(*w.sets));
		memset(w.sets, 0, w.nwords * sizeof(*w.sets));
		for (r = 0; r < rj->n; r++)
			w.sets[r / 64] |= (uint64_t)1 << (r % 64);
		root = w.sets;
	}

	skip_ws(&w);
	if (w.i >= w.n) {
		bad(&w, w.i, "expected a value");
		goto out;
	}
	if (walk_value(&w, root, 0) == -1)
		goto out;
	skip_ws(&w);
	if (w.i < w.n) {
		bad(&w, w.i, "trailing data");
		goto out;
	}
	if (flush(&w, n) == -1)
		goto out;
	rv = w.nrepl;
out:
	if (rv == -1)
		out->len = len0;
	if (w.sets != local)
		free(w.sets);
	buf_free(&w.scratch);
	buf_free(&w.repl);
	return rv;
}

int
json_string_encode(const char *p, size_t n, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t len0 = out->len, i, run = 0;
	unsigned char c;
	char u[6];
	const char *e;
	size_t elen;

	if (buf_addc(out, '"') == -1)
		return -1;
	if (n == 0)
		goto close;
	for (i = 0; i < n; i++) {
		c = (unsigned char)p[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		elen = 2;
		switch (c) {
		case '"':
			e = "\\\"";
			break;
		case '\\':
			e = "\\\\";
			break;
		case '\b':
			e = "\\b";
			break;
		case '\f':
			e = "\\f";
			break;
		case '\n':
			e = "\\n";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\t':
			e = "\\t";
			break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 0xf];
			e = u;
			elen = 6;
			break;
		}
		if (buf_add(out, p + run, i - run) == -1 ||
		    buf_add(out, e, elen) == -1)
			goto fail;
		run = i + 1;
	}
	if (buf_add(out, p + run, n - run) == -1)
		goto fail;
close:
	if (buf_addc(out, '"') == -1)
		goto fail;
	return 0;
fail:
	out->len = len0;
	return -1;
}
