/*
 * test_json: json_rewrite() and json_string_encode() (json.h).
 *
 * First a table of documents, valid and not, against RFC 8259: every
 * valid one must come back byte-identical with no rules and with rules
 * that select nothing; every invalid one must fail with the documented
 * message and byte offset.  Then selection (nested keys, arrays of
 * objects, root arrays, arrays of scalars, duplicate and escaped keys,
 * first rule wins, containers passed raw and descended only when kept,
 * more than 64 rules), the decoding of selected strings, the encoder,
 * the nesting limit, the output cap, and a property over documents from
 * a fixed-seed generator that writes each string with random escapes and
 * also in the canonical form the encoder must give back.
 *
 * RFC 8259: section 2 (grammar, whitespace), 6 (numbers), 7 (strings:
 * "All Unicode characters may be placed within the quotation marks,
 * except for ... quotation mark, reverse solidus, and the control
 * characters (U+0000 through U+001F)"; surrogate pairs for characters
 * outside the BMP), 8.1 (UTF-8).
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "rules.h"
#include "tap.h"
#include "util.h"

/* A string literal as (pointer, length), NUL bytes included. */
#define S(x)	(x), (sizeof(x) - 1)

#define MAXR	400		/* rules in one set */
#define MAXS	8		/* steps in one path */

/* A rule set built from paths written like the rules file's. */
struct rset {
	struct rule_json rj;
	struct json_rule rules[MAXR];
	struct json_step steps[MAXR][MAXS];
	char		 keys[MAXR][MAXS][16];
	char		 paths[MAXR][64];
};

/* What the test callback does for a rule. */
enum act {
	A_KEEP = 0,
	A_SET,		/* SET_STRING arg */
	A_RAW,		/* SET_RAW arg */
	A_ECHO,		/* SET_STRING of the decoded string itself */
	A_FAIL		/* -1 */
};

struct cbctx {
	enum act	 act[MAXR];
	const char	*arg[MAXR];
	struct buf	 log;		/* "RULE KIND TEXT|" per call */
	long		 calls;
};

static struct rset rs;
static struct cbctx cc;

static void
rset_clear(void)
{
	memset(&rs, 0, sizeof(rs));
	rs.rj.rules = rs.rules;
	buf_free(&cc.log);
	memset(&cc, 0, sizeof(cc));
	buf_init(&cc.log, 0);
}

/*
 * Add a rule: keys separated by dots, [] after a key or alone for every
 * element ("items[].email", "[].name", "tags[]", "m[][]").
 */
static size_t
rset_add(const char *path, enum act act, const char *arg)
{
	size_t r = rs.rj.n++, k = 0, i = 0, j;
	struct json_rule *jr = &rs.rules[r];

	snprintf(rs.paths[r], sizeof(rs.paths[r]), "%s", path);
	jr->path = rs.paths[r];
	jr->steps = rs.steps[r];
	while (path[i] != '\0') {
		if (path[i] == '.') {
			i++;
			continue;
		}
		if (path[i] == '[') {
			rs.steps[r][k].key = NULL;
			rs.steps[r][k++].len = 0;
			i += 2;
			continue;
		}
		for (j = 0; path[i] != '\0' && path[i] != '.' &&
		    path[i] != '['; i++)
			rs.keys[r][k][j++] = path[i];
		rs.steps[r][k].key = rs.keys[r][k];
		rs.steps[r][k++].len = j;
	}
	jr->nsteps = k;
	cc.act[r] = act;
	cc.arg[r] = arg;
	return r;
}

static const char *const kind_names[] = { "?", "s", "num", "true", "false",
    "null", "obj", "arr" };

static int
cb(void *arg, size_t r, enum json_kind kind, const char *t, size_t n,
    struct buf *out, struct df_error *err)
{
	struct cbctx *c = arg;
	char head[32];

	c->calls++;
	if (out->len != 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "out not empty");
	snprintf(head, sizeof(head), "%zu %s ", r, kind_names[kind]);
	buf_adds(&c->log, head);
	buf_add(&c->log, t, n);
	buf_addc(&c->log, '|');
	switch (c->act[r]) {
	case A_KEEP:
		return JSON_KEEP;
	case A_SET:
		return buf_adds(out, c->arg[r]) == -1 ? -1 : JSON_SET_STRING;
	case A_RAW:
		return buf_adds(out, c->arg[r]) == -1 ? -1 : JSON_SET_RAW;
	case A_ECHO:
		if (kind != JSON_STRING)
			return JSON_KEEP;
		return buf_add(out, t, n) == -1 ? -1 : JSON_SET_STRING;
	case A_FAIL:
		return df_err(err, DF_EXIT_DATA, NULL, 0, "callback says no");
	}
	return -1;
}

/* The input as a C-ish string for test names: escapes shown. */
static const char *
show(const char *p, size_t n)
{
	static char s[2][120];
	static int which;
	char *d = s[which ^= 1];
	size_t i, j = 0;

	for (i = 0; i < n && j + 8 < sizeof(s[0]); i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x20 && c < 0x7f)
			d[j++] = (char)c;
		else
			j += (size_t)snprintf(d + j, sizeof(s[0]) - j, "<%02x>",
			    c);
	}
	if (i < n)
		j += (size_t)snprintf(d + j, sizeof(s[0]) - j, "...");
	d[j] = '\0';
	return d;
}

/* Rewrite (p, n) with the current rule set (NULL: none) into out. */
static long
rw(const char *p, size_t n, int rules, struct buf *out, struct df_error *err)
{
	buf_clear(out);
	memset(err, 0, sizeof(*err));
	return json_rewrite(p, n, rules ? &rs.rj : NULL, cb, &cc, out, err);
}

/* Rewriting (p, n) gives want and count replacements. */
static void
rw_ok(const char *p, size_t n, const char *want, long count,
    const char *name)
{
	struct df_error err;
	struct buf out;
	long rc;

	buf_init(&out, 0);
	rc = rw(p, n, 1, &out, &err);
	if (!is_int(rc, count, name))
		diag("input %s; error: %s", show(p, n), err.msg);
	else
		is_mem(out.p, out.len, want, strlen(want), name);
	buf_free(&out);
}

/* The callback log equals want. */
static void
log_is(const char *want, const char *name)
{
	is_mem(cc.log.p, cc.log.len, want, strlen(want), name);
}

/* ---- Valid and invalid documents ---- */

struct doc {
	const char	*p;
	size_t		 n;
	const char	*err;	/* NULL: valid; else "N: what" */
};

static const struct doc docs[] = {
	/* Valid. */
	{ S("0"), NULL },
	{ S("-0"), NULL },
	{ S("1.5e10"), NULL },
	{ S("-1.0E-2"), NULL },
	{ S("1E+2"), NULL },
	{ S("123456789012345678901234567890.000001e-999"), NULL },
	{ S("true"), NULL },
	{ S("false"), NULL },
	{ S("null"), NULL },
	{ S("\"\""), NULL },
	{ S("\"\\u0000\""), NULL },
	{ S("\"\\ud83d\\ude00\""), NULL },
	{ S("\"\\uDBFF\\uDFFF\""), NULL },
	{ S("\"\\/\\b\\f\\n\\r\\t\\\"\\\\\""), NULL },
	{ S("\"\xf0\x9f\x98\x80\xc3\xa9\xe2\x82\xac\x7f\""), NULL },
	{ S("\"\xf4\x8f\xbf\xbf\xed\x9f\xbf\xee\x80\x80\""), NULL },
	{ S("{}"), NULL },
	{ S("[]"), NULL },
	{ S(" \t\n\r{ } \r\n\t "), NULL },
	{ S("[[[]], [{}]]"), NULL },
	{ S("{\"a\":{\"b\":[1,{\"c\":null}]}}"), NULL },
	{ S("{\"a\":1,\"a\":2}"), NULL },
	{ S("[1 , 2 ,\n3]"), NULL },
	{ S("{\"\":\"\"}"), NULL },
	{ S("{ \"k\\u0065y\" : [ true , false , null ] }"), NULL },
	/* Invalid. */
	{ S(""), "0: expected a value" },
	{ S("   "), "3: expected a value" },
	{ S("{"), "1: expected a string key" },
	{ S("{\"a\""), "4: expected ':'" },
	{ S("{\"a\" 1}"), "5: expected ':'" },
	{ S("{\"a\":}"), "5: expected a value" },
	{ S("{\"a\":1"), "6: expected ',' or '}'" },
	{ S("{\"a\":1 \"b\":2}"), "7: expected ',' or '}'" },
	{ S("{\"a\":1,}"), "7: expected a string key" },
	{ S("{a:1}"), "1: expected a string key" },
	{ S("[1,]"), "3: expected a value" },
	{ S("[1 2]"), "3: expected ',' or ']'" },
	{ S("[1,2"), "4: expected ',' or ']'" },
	{ S("["), "1: expected a value" },
	{ S("]"), "0: expected a value" },
	{ S("'a'"), "0: expected a value" },
	{ S("\"abc"), "0: unterminated string" },
	{ S("[\"a\\"), "1: unterminated string" },
	{ S("\"\\x\""), "1: invalid escape" },
	{ S("\"\\u12\""), "1: invalid \\u escape" },
	{ S("\"\\u12G4\""), "1: invalid \\u escape" },
	{ S("\"\\ud800\""), "1: lone surrogate \\ud800" },
	{ S("\"\\udc00\""), "1: lone surrogate \\udc00" },
	{ S("\"ab\\uD800\\u0041\""), "3: lone surrogate \\ud800" },
	{ S("\"\\ud800x\""), "1: lone surrogate \\ud800" },
	{ S("\"\\ud800\\ud800\""), "1: lone surrogate \\ud800" },
	{ S("\"a\tb\""), "2: control character in string" },
	{ S("\"\0\""), "1: control character in string" },
	{ S("\"\x1f\""), "1: control character in string" },
	{ S("\"\xff\""), "1: invalid UTF-8" },
	{ S("\"\x80\""), "1: invalid UTF-8" },
	{ S("\"\xc0\x80\""), "1: invalid UTF-8" },
	{ S("\"\xc3\""), "1: invalid UTF-8" },
	{ S("\"\xe0\x80\xaf\""), "1: invalid UTF-8" },
	{ S("\"\xed\xa0\x80\""), "1: invalid UTF-8" },
	{ S("\"\xf4\x90\x80\x80\""), "1: invalid UTF-8" },
	{ S("\"\xe2\x82\""), "1: invalid UTF-8" },
	{ S("01"), "1: invalid number" },
	{ S("-"), "1: invalid number" },
	{ S("-a"), "1: invalid number" },
	{ S("1."), "2: invalid number" },
	{ S("1.e5"), "2: invalid number" },
	{ S(".5"), "0: expected a value" },
	{ S("1e"), "2: invalid number" },
	{ S("1e+"), "3: invalid number" },
	{ S("+1"), "0: expected a value" },
	{ S("0x10"), "1: trailing data" },
	{ S("NaN"), "0: expected a value" },
	{ S("tru"), "3: invalid literal" },
	{ S("nulL"), "3: invalid literal" },
	{ S("True"), "0: expected a value" },
	{ S("truex"), "4: trailing data" },
	{ S("1 2"), "2: trailing data" },
	{ S("{} {}"), "3: trailing data" },
	{ S("[1]\x0b"), "3: trailing data" },
	{ S("\xef\xbb\xbf{}"), "0: expected a value" },
	{ S("[1]\0"), "3: trailing data" }
};

static void
test_docs(void)
{
	struct df_error err;
	struct buf out;
	char want[256];
	size_t i;
	long rc;

	buf_init(&out, 0);
	rset_clear();
	rset_add("nope", A_SET, "X");
	rset_add("a.zz", A_SET, "X");
	rset_add("[].zz", A_SET, "X");
	rset_add("[][].x.y", A_SET, "X");
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		const struct doc *d = &docs[i];

		if (d->err == NULL) {
			rc = rw(d->p, d->n, 0, &out, &err);
			if (!is_int(rc, 0, "valid, no rules"))
				diag("%s: %s", show(d->p, d->n), err.msg);
			is_mem(out.p, out.len, d->p, d->n, show(d->p, d->n));
			rc = rw(d->p, d->n, 1, &out, &err);
			if (!is_int(rc, 0, "valid, rules selecting nothing"))
				diag("%s: %s", show(d->p, d->n), err.msg);
			is_mem(out.p, out.len, d->p, d->n, show(d->p, d->n));
			continue;
		}
		snprintf(want, sizeof(want), "invalid JSON at byte %s",
		    d->err);
		rc = rw(d->p, d->n, 1, &out, &err);
		ok(rc == -1 && out.len == 0 && err.code == DF_EXIT_DATA,
		    "invalid: %s", show(d->p, d->n));
		is_str(err.msg, want, "  the message");
	}
	is_int(cc.calls, 0, "no callback for rules that select nothing");
	buf_free(&out);
}

/* ---- Selection ---- */

static void
test_select(void)
{
	/* Nested keys; spacing and key order kept around the value. */
	rset_clear();
	rset_add("user.contact.email", A_SET, "x@example.org");
	rw_ok(S("{ \"user\" : {\"id\":7, \"contact\":{\"email\" :\t\"a@b.c\" "
	    ", \"x\":1}},\"z\":[]}\n"),
	    "{ \"user\" : {\"id\":7, \"contact\":{\"email\" :\t"
	    "\"x@example.org\" , \"x\":1}},\"z\":[]}\n", 1,
	    "nested key replaced, spacing kept");
	log_is("0 s a@b.c|", "  the callback saw the decoded string");

	/* Arrays of objects. */
	rset_clear();
	rset_add("items[].email", A_SET, "e");
	rw_ok(S("{\"items\":[{\"email\":\"a\"},{\"n\":1},{\"email\":\"b\","
	    "\"email\":\"c\"}],\"email\":\"top\"}"),
	    "{\"items\":[{\"email\":\"e\"},{\"n\":1},{\"email\":\"e\","
	    "\"email\":\"e\"}],\"email\":\"top\"}", 3,
	    "items[].email, duplicate keys both selected");
	log_is("0 s a|0 s b|0 s c|", "  in document order");

	/* Root arrays. */
	rset_clear();
	rset_add("[].name", A_SET, "N");
	rw_ok(S("[{\"name\":\"a\"}, {\"name\":1}, \"name\", [{\"name\":2}]]"),
	    "[{\"name\":\"N\"}, {\"name\":\"N\"}, \"name\", [{\"name\":2}]]",
	    2, "[].name on a root array; numbers replaced too");
	log_is("0 s a|0 num 1|", "  kinds");

	/* Arrays of scalars, every kind. */
	rset_clear();
	rset_add("tags[]", A_RAW, "null");
	rw_ok(S("{\"tags\":[\"a\", 1.5e3, true, false, null, {}, []],"
	    "\"t\":[1]}"),
	    "{\"tags\":[null, null, null, null, null, null, null],"
	    "\"t\":[1]}", 7, "tags[] with SET_RAW null");
	log_is("0 s a|0 num 1.5e3|0 true true|0 false false|0 null null|"
	    "0 obj {}|0 arr []|", "  every kind, raw text for non-strings");

	/* Nested arrays. */
	rset_clear();
	rset_add("m[][]", A_RAW, "0");
	rw_ok(S("{\"m\":[[1,2],[3],5,[]]}"), "{\"m\":[[0,0],[0],5,[]]}", 3,
	    "m[][]: a scalar where [] remains selects nothing");

	/* Escaped keys compare unescaped; paths are not patterns. */
	rset_clear();
	rset_add("ab", A_SET, "X");
	rw_ok(S("{\"a\\u0062\":\"1\",\"ab\":\"2\",\"a\\/b\":\"3\","
	    "\"abc\":\"4\",\"a\":\"5\",\"AB\":\"6\"}"),
	    "{\"a\\u0062\":\"X\",\"ab\":\"X\",\"a\\/b\":\"3\","
	    "\"abc\":\"4\",\"a\":\"5\",\"AB\":\"6\"}", 2,
	    "\"a\\u0062\" is key ab; no prefix or case matches");
	rset_clear();
	rset_add("a/b", A_SET, "X");
	rw_ok(S("{\"a\\/b\":\"3\"}"), "{\"a\\/b\":\"X\"}", 1,
	    "\"a\\/b\" is key a/b");
	rset_clear();
	rset_add("\xc3\xa9t\xc3\xa9", A_SET, "X");
	rw_ok(S("{\"\\u00e9t\\u00E9\":\"s\", \"\xc3\xa9t\xc3\xa9\":\"w\"}"),
	    "{\"\\u00e9t\\u00E9\":\"X\", \"\xc3\xa9t\xc3\xa9\":\"X\"}", 2,
	    "non-ASCII keys, escaped or not");

	/* First rule wins, even when it keeps. */
	rset_clear();
	rset_add("a", A_KEEP, NULL);
	rset_add("a", A_SET, "X");
	rset_add("b", A_SET, "B");
	rset_add("b", A_SET, "Y");
	rw_ok(S("{\"a\":\"1\",\"b\":\"2\"}"), "{\"a\":\"1\",\"b\":\"B\"}", 1,
	    "first rule wins");
	log_is("0 s 1|2 s 2|", "  the callback saw the first rule only");

	/* Containers: raw, and descended only when kept. */
	rset_clear();
	rset_add("a", A_RAW, "null");
	rset_add("a.b", A_SET, "X");
	rw_ok(S("{\"a\": { \"b\" : \"\\u0041\" }, \"c\":{\"a\":{}}}"),
	    "{\"a\": null, \"c\":{\"a\":{}}}", 1,
	    "a null; a.b hash: a replaced, a.b not visited");
	log_is("0 obj { \"b\" : \"\\u0041\" }|",
	    "  the object passed as written");
	rset_clear();
	rset_add("a", A_KEEP, NULL);
	rset_add("a.b", A_SET, "X");
	rset_add("a.b", A_SET, "Y");
	rw_ok(S("{\"a\": { \"b\" : \"\\u0041\" }}"),
	    "{\"a\": { \"b\" : \"X\" }}", 1,
	    "a kept: the walk goes on to a.b");
	log_is("0 obj { \"b\" : \"\\u0041\" }|1 s A|", "  both calls");
	rset_clear();
	rset_add("a", A_KEEP, NULL);
	rset_add("a[]", A_KEEP, NULL);
	rset_add("a[].x", A_SET, "X");
	rw_ok(S("{\"a\":[{\"x\":\"1\"},[]]}"), "{\"a\":[{\"x\":\"X\"},[]]}", 1,
	    "kept containers at three depths");
	log_is("0 arr [{\"x\":\"1\"},[]]|1 obj {\"x\":\"1\"}|2 s 1|1 arr []|",
	    "  every container shown");

	/* A path through a scalar or the wrong container selects nothing. */
	rset_clear();
	rset_add("a.b", A_SET, "X");
	rset_add("c[]", A_SET, "X");
	rset_add("d.e", A_SET, "X");
	rw_ok(S("{\"a\":1,\"c\":{\"x\":\"y\"},\"d\":[\"e\"]}"),
	    "{\"a\":1,\"c\":{\"x\":\"y\"},\"d\":[\"e\"]}", 0,
	    "paths meeting a scalar or the wrong container");

	/* The root itself (a rule with no steps). */
	rset_clear();
	rset_add("", A_SET, "r");
	rw_ok(S("  [1, 2]\n"), "  \"r\"\n", 1,
	    "an empty path selects the root");

	/* SET_STRING on a number, SET_RAW of an object. */
	rset_clear();
	rset_add("n", A_SET, "12");
	rset_add("o", A_RAW, " {\"k\": [1]} ");
	rw_ok(S("{\"n\":12,\"o\":\"x\"}"),
	    "{\"n\":\"12\",\"o\": {\"k\": [1]} }", 2,
	    "SET_STRING of a number, SET_RAW of an object");

	/* Many rules: sets of more than one word. */
	{
		char name[16];
		int i;

		rset_clear();
		for (i = 0; i < 130; i++) {
			snprintf(name, sizeof(name), "k%d.v", i);
			rset_add(name, i % 2 ? A_SET : A_KEEP, i == 129 ? "Z" :
			    "W");
		}
		rw_ok(S("{\"k0\":{\"v\":\"a\"},\"k63\":{\"v\":\"b\"},"
		    "\"k64\":{\"v\":\"c\"},\"k129\":{\"v\":\"d\"},"
		    "\"k130\":{\"v\":\"e\"}}"),
		    "{\"k0\":{\"v\":\"a\"},\"k63\":{\"v\":\"W\"},"
		    "\"k64\":{\"v\":\"c\"},\"k129\":{\"v\":\"Z\"},"
		    "\"k130\":{\"v\":\"e\"}}", 2, "130 rules");
		log_is("0 s a|63 s b|64 s c|129 s d|",
		    "  the right rule index for each");
	}
}

/* ---- Decoding and encoding ---- */

/* A string selected at the root decodes to want. */
static void
dec_ok(const char *p, size_t n, const char *want, size_t wlen)
{
	char name[200];

	rset_clear();
	rset_add("", A_KEEP, NULL);
	snprintf(name, sizeof(name), "decode %s", show(p, n));
	rw_ok(p, n, p, 0, name);
	/* The log is "0 s TEXT|". */
	if (cc.log.len >= 5)
		is_mem(cc.log.p + 4, cc.log.len - 5, want, wlen, "  text");
	else
		ok(0, "  text: no callback");
}

static void
enc_ok(const char *p, size_t n, const char *want, size_t wlen)
{
	struct buf b;
	char name[200];

	buf_init(&b, 0);
	snprintf(name, sizeof(name), "encode %s", show(p, n));
	if (!ok(json_string_encode(p, n, &b) == 0, "%s", name))
		diag("returned -1");
	else
		is_mem(b.p, b.len, want, wlen, "  encoded");
	buf_free(&b);
}

static void
test_codec(void)
{
	struct df_error err;
	struct buf b;
	long rc;

	dec_ok(S("\"plain\""), S("plain"));
	dec_ok(S("\"\""), S(""));
	dec_ok(S("\"\\u00e9\""), S("\xc3\xa9"));
	dec_ok(S("\"\\u00E9t\\u00e9\""), S("\xc3\xa9t\xc3\xa9"));
	dec_ok(S("\"\\u20ac\""), S("\xe2\x82\xac"));
	dec_ok(S("\"\\ud83d\\ude00\""), S("\xf0\x9f\x98\x80"));
	dec_ok(S("\"\\uD800\\uDC00\""), S("\xf0\x90\x80\x80"));
	dec_ok(S("\"\\udbff\\udfff\""), S("\xf4\x8f\xbf\xbf"));
	dec_ok(S("\"\\u0000x\""), S("\0x"));
	dec_ok(S("\"\\u0041\\u007f\\u0080\\u07ff\\u0800\\uffff\""),
	    S("A\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf"));
	dec_ok(S("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""), S("\"\\/\b\f\n\r\t"));
	dec_ok(S("\"a\xc3\xa9\\nb\xf0\x9f\x98\x80\""),
	    S("a\xc3\xa9\nb\xf0\x9f\x98\x80"));

	enc_ok(S(""), S("\"\""));
	enc_ok(S("plain"), S("\"plain\""));
	enc_ok(S("say \"hi\" \\ bye"), S("\"say \\\"hi\\\" \\\\ bye\""));
	enc_ok(S("\b\f\n\r\t"), S("\"\\b\\f\\n\\r\\t\""));
	enc_ok(S("\0\x01\x1f\x7f"), S("\"\\u0000\\u0001\\u001f\x7f\""));
	enc_ok(S("/\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80"),
	    S("\"/\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80\""));
	buf_init(&b, 0);
	ok(json_string_encode(NULL, 0, &b) == 0 && b.len == 2,
	    "encode (NULL, 0)");
	buf_free(&b);
	/* The cap: exactly enough, one byte short (out unchanged). */
	buf_init(&b, 8);
	buf_adds(&b, "ab");
	ok(json_string_encode(S("ab\n"), &b) == 0 && b.len == 8,
	    "encode into exactly the room left");
	b.len = 2;
	ok(json_string_encode(S("abc\n"), &b) == -1 && b.len == 2,
	    "encode past the cap: -1, out unchanged");
	buf_free(&b);

	/* Replacements are escaped; an invalid one is an error. */
	rset_clear();
	rset_add("a", A_SET, "q\"\\\n\x01\xc3\xa9");
	rw_ok(S("{\"a\":\"x\"}"), "{\"a\":\"q\\\"\\\\\\n\\u0001\xc3\xa9\"}", 1,
	    "SET_STRING escapes quotes, backslashes and controls");
	buf_init(&b, 0);
	rset_clear();
	rset_add("a", A_SET, "\xc3");
	rc = rw(S("{\"a\":\"x\"}"), 1, &b, &err);
	ok(rc == -1 && b.len == 0, "SET_STRING of invalid UTF-8 fails");
	is_str(err.msg, "a: the new value is not valid UTF-8", "  message");
	rset_clear();
	rset_add("a", A_RAW, "nul");
	rc = rw(S("{\"a\":\"x\"}"), 1, &b, &err);
	ok(rc == -1 && b.len == 0, "SET_RAW of invalid JSON fails");
	is_str(err.msg, "a: the new value: invalid JSON at byte 3: "
	    "invalid literal", "  message");
	rset_clear();
	rset_add("a", A_RAW, "");
	ok(rw(S("{\"a\":\"x\"}"), 1, &b, &err) == -1, "SET_RAW of nothing");
	rset_clear();
	rset_add("a", A_RAW, "1 2");
	ok(rw(S("{\"a\":\"x\"}"), 1, &b, &err) == -1, "SET_RAW of 1 2");
	rset_clear();
	rset_add("a", A_FAIL, NULL);
	rc = rw(S("{\"a\":\"x\"}"), 1, &b, &err);
	ok(rc == -1 && b.len == 0, "a failing callback fails the call");
	is_str(err.msg, "callback says no", "  its message, as it was");
	buf_free(&b);
}

/* ---- Limits ---- */

/* n nested arrays, with rule paths of [] that deep if rules. */
static long
nest(size_t n, int rules, struct df_error *err)
{
	struct buf doc, out;
	size_t i;
	long rc;

	buf_init(&doc, 0);
	buf_init(&out, 0);
	for (i = 0; i < n; i++)
		buf_addc(&doc, '[');
	for (i = 0; i < n; i++)
		buf_addc(&doc, ']');
	memset(err, 0, sizeof(*err));
	rc = json_rewrite(doc.p, doc.len, rules ? &rs.rj : NULL, cb, &cc,
	    &out, err);
	if (rc != -1 && (out.len != doc.len ||
	    memcmp(out.p, doc.p, doc.len) != 0))
		rc = -2;
	buf_free(&doc);
	buf_free(&out);
	return rc;
}

static void
test_limits(void)
{
	static struct json_step deep[600];
	struct json_rule jr;
	struct rule_json rj;
	struct df_error err;
	struct buf out, big;
	long rc;

	is_int(nest(512, 0, &err), 0, "512 nested arrays");
	is_int(nest(513, 0, &err), -1, "513 nested arrays fail");
	is_str(err.msg, "invalid JSON at byte 512: nesting deeper than 512 "
	    "levels", "  message");
	is_int(nest(100000, 0, &err), -1, "100000 nested arrays fail");
	rset_clear();
	rset_add("[][][][][][]", A_KEEP, NULL);
	rset_add("[][][][][][][]", A_KEEP, NULL);
	is_int(nest(512, 1, &err), 0, "512 nested arrays with rules");
	is_int(cc.calls, 2, "  two arrays selected and kept");
	ok(cc.log.len > 4 && memcmp(cc.log.p, "0 arr [[[[[[", 12) == 0 &&
	    memcmp(cc.log.p + cc.log.len - 4, "]]]|", 4) == 0,
	    "  the first passed whole");
	rset_clear();
	rset_add("[][][][][][]", A_RAW, "1");
	rset_add("[][][][][][][]", A_RAW, "2");
	{
		struct buf o;

		buf_init(&o, 0);
		rc = json_rewrite(S("[[[[[[[[]]]]]]]]"), &rs.rj, cb, &cc, &o,
		    &err);
		ok(rc == 1 && o.len == 13 && memcmp(o.p, "[[[[[[1]]]]]]", 13)
		    == 0, "a replaced array is not descended into");
		buf_free(&o);
	}
	is_int(nest(513, 1, &err), -1, "513 with rules fail");

	/* A rule longer than the nesting limit selects nothing. */
	memset(&jr, 0, sizeof(jr));
	jr.path = "deep";
	jr.steps = deep;
	jr.nsteps = 600;
	rj.n = 1;
	rj.rules = &jr;
	buf_init(&out, 0);
	rc = json_rewrite(S("[[[1]]]"), &rj, cb, &cc, &out, &err);
	ok(rc == 0 && out.len == 7, "a path of 600 steps");
	buf_free(&out);

	/* The output cap: a document one byte too large, out unchanged. */
	buf_init(&out, 10);
	buf_adds(&out, "XY");
	rc = json_rewrite(S("[1,2,3,4,5]"), NULL, cb, &cc, &out, &err);
	ok(rc == -1 && out.len == 2 && memcmp(out.p, "XY", 2) == 0,
	    "output past the cap: -1, out unchanged");
	is_str(err.msg, "rewritten JSON would pass the cap of 10 bytes",
	    "  message");
	out.len = 2;
	rc = json_rewrite(S("[1,2,34]"), NULL, cb, &cc, &out, &err);
	ok(rc == 0 && out.len == 10, "exactly the cap");
	/* A replacement that grows past it. */
	rset_clear();
	rset_add("[]", A_SET, "long");
	out.len = 0;
	rc = json_rewrite(S("[1,2]"), &rs.rj, cb, &cc, &out, &err);
	ok(rc == -1 && out.len == 0, "replacements past the cap");
	out.len = 0;
	rc = json_rewrite(S("[1]"), &rs.rj, cb, &cc, &out, &err);
	ok(rc == 1 && out.len == 8, "a replacement up to the cap");
	buf_free(&out);

	/* A long string: one bulk copy, and the scratch cap holds. */
	buf_init(&big, 0);
	buf_addc(&big, '"');
	while (big.len < 100000)
		buf_adds(&big, "\\u00e9\\ud83d\\ude00\xc3\xa9xyz\\n");
	buf_addc(&big, '"');
	rset_clear();
	rset_add("", A_ECHO, NULL);
	buf_init(&out, 0);
	rc = json_rewrite(big.p, big.len, &rs.rj, cb, &cc, &out, &err);
	ok(rc == 1 && out.len < big.len, "a 100 KB string, decoded and "
	    "encoded");
	buf_free(&out);
	buf_free(&big);
}

/* ---- Property: random documents ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t
rng(uint32_t n)
{
	/* xorshift64*: the same sequence everywhere. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

/* The generator's outputs: the document and what rewriting must give. */
struct gen {
	struct buf	 doc;
	struct buf	 want;
	long		 nstrings;	/* strings the rules select */
};

#define GEN_RULE_DEPTH	4

static void
gen_both(struct gen *g, const char *s)
{
	buf_adds(&g->doc, s);
	buf_adds(&g->want, s);
}

static void
gen_ws(struct gen *g)
{
	static const char ws[] = " \t\n\r";
	uint32_t k = rng(4);

	while (k-- > 1) {
		buf_addc(&g->doc, ws[rng(4)]);
		buf_addc(&g->want, g->doc.p[g->doc.len - 1]);
	}
}

static void
utf8(struct buf *b, uint32_t u)
{
	if (u < 0x80)
		buf_addc(b, (int)u);
	else if (u < 0x800) {
		buf_addc(b, (int)(0xc0 | u >> 6));
		buf_addc(b, (int)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		buf_addc(b, (int)(0xe0 | u >> 12));
		buf_addc(b, (int)(0x80 | (u >> 6 & 0x3f)));
		buf_addc(b, (int)(0x80 | (u & 0x3f)));
	} else {
		buf_addc(b, (int)(0xf0 | u >> 18));
		buf_addc(b, (int)(0x80 | (u >> 12 & 0x3f)));
		buf_addc(b, (int)(0x80 | (u >> 6 & 0x3f)));
		buf_addc(b, (int)(0x80 | (u & 0x3f)));
	}
}

static void
u_escape(struct buf *b, uint32_t u)
{
	char s[8];

	snprintf(s, sizeof(s), rng(2) ? "\\u%04x" : "\\u%04X", (unsigned)u);
	buf_adds(b, s);
}

/* One character: into doc in a random legal form, into canon canonically. */
static void
gen_char(struct buf *doc, struct buf *canon)
{
	static const uint32_t pool[] = { 'a', 'Z', ' ', '~', '"', '\\', '/',
	    0, 1, '\b', '\f', '\n', '\r', '\t', 0x1f, 0x7f, 0xe9, 0x7ff,
	    0x800, 0x20ac, 0x2028, 0xfeff, 0xfffd, 0xffff, 0x10000,
	    0x1f600, 0x10ffff };
	static const char shorts[] = "\"\"\\\\//\bb\ff\nn\rr\tt";
	char s[8];
	uint32_t u = pool[rng(sizeof(pool) / sizeof(pool[0]))];
	const char *e = NULL;
	size_t k;

	for (k = 0; k + 1 < sizeof(shorts) - 1; k += 2)
		if ((unsigned char)shorts[k] == u)
			e = &shorts[k + 1];
	/* The document: raw when allowed, else or by chance escaped. */
	if (u >= 0x20 && u != '"' && u != '\\' && rng(3) != 0)
		utf8(doc, u);
	else if (e != NULL && rng(2) == 0) {
		buf_addc(doc, '\\');
		buf_addc(doc, *e);
	} else if (u >= 0x10000) {
		u_escape(doc, 0xd800 + ((u - 0x10000) >> 10));
		u_escape(doc, 0xdc00 + ((u - 0x10000) & 0x3ff));
	} else
		u_escape(doc, u);
	/* Canonical: what json_string_encode writes. */
	if (u == '"' || u == '\\' || (u < 0x20 && e != NULL)) {
		buf_addc(canon, '\\');
		buf_addc(canon, *e);
	} else if (u < 0x20) {
		snprintf(s, sizeof(s), "\\u%04x", (unsigned)u);
		buf_adds(canon, s);
	} else
		utf8(canon, u);
}

static void
gen_string(struct gen *g, int selected)
{
	struct buf canon;
	uint32_t k = rng(6);

	buf_init(&canon, 0);
	buf_addc(&g->doc, '"');
	buf_addc(&canon, '"');
	while (k-- > 0)
		gen_char(&g->doc, &canon);
	buf_addc(&g->doc, '"');
	buf_addc(&canon, '"');
	/* Unselected strings are the caller's to copy as written. */
	if (selected) {
		buf_add(&g->want, canon.p, canon.len);
		g->nstrings++;
	}
	buf_free(&canon);
}

static void
gen_value(struct gen *g, size_t depth)
{
	static const char *const nums[] = { "0", "-0", "12", "-3.25", "1e10",
	    "2E-3", "0.5e+7", "true", "false", "null" };
	static const char *const keys[] = { "a", "b", "c" };
	size_t mark, k, n;
	int selected = depth <= GEN_RULE_DEPTH;

	switch (depth >= 6 ? rng(2) : rng(4)) {
	case 0:
		gen_both(g, nums[rng(sizeof(nums) / sizeof(nums[0]))]);
		return;
	case 1:
		mark = g->doc.len;
		gen_string(g, selected);
		if (!selected)
			buf_add(&g->want, g->doc.p + mark, g->doc.len - mark);
		return;
	case 2:
		gen_both(g, "[");
		gen_ws(g);
		n = rng(4);
		for (k = 0; k < n; k++) {
			if (k > 0) {
				gen_both(g, ",");
				gen_ws(g);
			}
			gen_value(g, depth + 1);
			gen_ws(g);
		}
		gen_both(g, "]");
		return;
	default:
		gen_both(g, "{");
		gen_ws(g);
		n = rng(4);
		for (k = 0; k < n; k++) {
			if (k > 0) {
				gen_both(g, ",");
				gen_ws(g);
			}
			/* Keys, sometimes escaped, go through unchanged. */
			mark = g->doc.len;
			buf_addc(&g->doc, '"');
			if (rng(3) == 0)
				u_escape(&g->doc, (uint32_t)'a' + rng(3));
			else
				buf_adds(&g->doc, keys[rng(3)]);
			buf_addc(&g->doc, '"');
			buf_add(&g->want, g->doc.p + mark, g->doc.len - mark);
			gen_ws(g);
			gen_both(g, ":");
			gen_ws(g);
			gen_value(g, depth + 1);
			gen_ws(g);
		}
		gen_both(g, "}");
		return;
	}
}

/* Every path over the keys a, b, c and [] up to GEN_RULE_DEPTH steps. */
static void
all_paths(char *path, size_t len, size_t depth)
{
	static const char *const steps[] = { "a", "b", "c", "[]" };
	size_t k, m;

	rset_add(path, A_ECHO, NULL);
	if (depth == GEN_RULE_DEPTH)
		return;
	for (k = 0; k < 4; k++) {
		m = len;
		if (m > 0 && k < 3)
			path[m++] = '.';
		memcpy(path + m, steps[k], strlen(steps[k]) + 1);
		all_paths(path, m + strlen(steps[k]), depth + 1);
		path[len] = '\0';
	}
}

static void
test_property(void)
{
	struct df_error err;
	struct buf out;
	struct gen g;
	char path[64] = "";
	int i, nbad = 0, nfail = 0;
	long rc, total = 0;

	rset_clear();
	all_paths(path, 0, 0);
	diag("property: %zu rules (every path up to %d steps)", rs.rj.n,
	    GEN_RULE_DEPTH);
	buf_init(&out, 0);
	buf_init(&g.doc, 0);
	buf_init(&g.want, 0);
	for (i = 0; i < 3000; i++) {
		buf_clear(&g.doc);
		buf_clear(&g.want);
		g.nstrings = 0;
		gen_ws(&g);
		gen_value(&g, 0);
		gen_ws(&g);

		/* No rules: the document itself. */
		rc = json_rewrite(g.doc.p, g.doc.len, NULL, cb, &cc, &out,
		    &err);
		if (rc != 0 || out.len != g.doc.len ||
		    memcmp(out.p, g.doc.p, out.len) != 0) {
			if (nbad++ == 0)
				diag("doc %d, rc %ld (%s): %s", i, rc,
				    rc == -1 ? err.msg : "", show(g.doc.p,
				    g.doc.len));
		}
		buf_clear(&out);

		/* Every string replaced by itself: canonical escapes. */
		buf_clear(&cc.log);
		rc = json_rewrite(g.doc.p, g.doc.len, &rs.rj, cb, &cc, &out,
		    &err);
		if (rc != g.nstrings || out.len != g.want.len ||
		    memcmp(out.p, g.want.p, out.len) != 0) {
			if (nfail++ == 0) {
				diag("doc %d, rc %ld (want %ld) %s", i, rc,
				    g.nstrings, rc == -1 ? err.msg : "");
				diag("doc  %s", show(g.doc.p, g.doc.len));
				is_mem(out.p, out.len, g.want.p, g.want.len,
				    "  first failing document");
			}
		}
		total += rc > 0 ? rc : 0;
		buf_clear(&out);
	}
	is_int(nbad, 0, "3000 random documents pass through unchanged");
	is_int(nfail, 0, "3000 random documents: strings re-encoded "
	    "canonically, the rest as written");
	diag("property: %ld strings replaced", total);
	ok(total > 1000, "the generator reaches the selected strings");
	buf_free(&out);
	buf_free(&g.doc);
	buf_free(&g.want);
}

int
main(void)
{
	buf_init(&cc.log, 0);
	test_docs();
	test_select();
	test_codec();
	test_limits();
	test_property();
	buf_free(&cc.log);
	return done_testing();
}
