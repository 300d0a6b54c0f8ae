/*
 * fuzz_json: json_rewrite() and json_string_encode() of json.h.
 *
 * The input bytes x are a JSON document or not.  Properties:
 *   - no crash; json_rewrite returns a count or -1, and a -1 names a byte
 *     of the input ("invalid JSON at byte N: ..." with N <= len) and
 *     leaves the bytes already in out as they were;
 *   - whether x is accepted does not depend on the rules: no rules, 85
 *     rules that keep every value they select (every path of up to three
 *     steps over the keys "a", "b", "" and [], so rule sets of two
 *     words), and the rewriting sets below agree;
 *   - keeping everything gives x back byte for byte, with count 0;
 *   - replacing every selected string by itself (SET_STRING) gives valid
 *     JSON, and doing it again changes nothing (the encoder is canonical);
 *   - replacing every selected value by null (SET_RAW) gives valid JSON,
 *     and the count is the number of callbacks;
 *   - the output cap is honoured exactly: a cap of the output's length
 *     succeeds with the same bytes, one byte less fails;
 *   - json_string_encode(x) is a valid JSON document.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "json.h"
#include "rules.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NRULES	85		/* 1 + 4 + 16 + 64 */
#define DEPTH	3

enum mode {
	M_KEEP,
	M_ECHO,
	M_NULL,
	M_EXPECT	/* the text must be want */
};

struct fctx {
	enum mode	 mode;
	long		 calls;
	const char	*want;
	size_t		 wantn;
};

static struct json_step steps[NRULES][DEPTH];
static struct json_rule rules[NRULES];
static struct rule_json rj = { 0, rules };

/* Every path of up to DEPTH steps over a, b, "" and []. */
static void
build(size_t depth, const struct json_step *prefix)
{
	static const char *const keys[] = { "a", "b", "", NULL };
	size_t r = rj.n++, k;

	rules[r].path = "fuzz";
	rules[r].steps = steps[r];
	rules[r].nsteps = depth;
	memcpy(steps[r], prefix, depth * sizeof(*prefix));
	if (depth == DEPTH)
		return;
	for (k = 0; k < 4; k++) {
		steps[r][depth].key = (char *)keys[k];
		steps[r][depth].len = keys[k] != NULL ? strlen(keys[k]) : 0;
		build(depth + 1, steps[r]);
	}
}

static int
cb(void *arg, size_t r, enum json_kind kind, const char *t, size_t n,
    struct buf *out, struct df_error *err)
{
	struct fctx *c = arg;

	(void)err;
	FUZZ_CHECK(r < rj.n, "rule %zu of %zu", r, rj.n);
	FUZZ_CHECK(out->len == 0, "the callback's buffer is not empty");
	FUZZ_CHECK(kind >= JSON_STRING && kind <= JSON_ARRAY, "kind %d",
	    (int)kind);
	FUZZ_CHECK(t != NULL, "text NULL");
	c->calls++;
	switch (c->mode) {
	case M_KEEP:
		return JSON_KEEP;
	case M_ECHO:
		if (kind != JSON_STRING)
			return JSON_KEEP;
		return buf_add(out, t, n) == -1 ? -1 : JSON_SET_STRING;
	case M_NULL:
		return buf_add(out, "null", 4) == -1 ? -1 : JSON_SET_RAW;
	case M_EXPECT:
		FUZZ_CHECK(kind == JSON_STRING && fuzz_eq(t, n, c->want,
		    c->wantn), "decoded text differs at %zu: %s",
		    fuzz_diff_at(t, n, c->want, c->wantn),
		    fuzz_show(t, n, fuzz_diff_at(t, n, c->want, c->wantn)));
		return JSON_KEEP;
	}
	return -1;
}

/* Rewrite into out after a marker byte; check the error contract. */
static long
run(const char *x, size_t n, const struct rule_json *r, struct fctx *c,
    struct buf *out, size_t max)
{
	struct df_error err;
	unsigned long long at;
	long rc;

	buf_free(out);
	buf_init(out, max);
	buf_addc(out, '#');
	memset(&err, 0, sizeof(err));
	rc = json_rewrite(x, n, r, cb, c, out, &err);
	FUZZ_CHECK(rc >= -1, "rc %ld", rc);
	FUZZ_CHECK(out->len >= 1 && out->p[0] == '#', "the marker is gone");
	if (rc == -1) {
		FUZZ_CHECK(out->len == 1, "out changed on error: %zu bytes",
		    out->len);
		FUZZ_CHECK(err.code == DF_EXIT_DATA, "code %d", err.code);
		if (sscanf(err.msg, "invalid JSON at byte %llu:", &at) == 1)
			FUZZ_CHECK(at <= n, "byte %llu of %zu", at, n);
		else
			FUZZ_CHECK(strstr(err.msg, "cap") != NULL,
			    "message: %s", err.msg);
	}
	return rc;
}

/*
 * Is (p, n) UTF-8?  Written apart from json.c's check: decode each code
 * point and test its value (shortest form, no surrogates, <= U+10FFFF).
 */
static int
utf8_ok(const uint8_t *p, size_t n)
{
	uint32_t u, min;
	size_t i = 0, k, len;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xe0) == 0xc0) {
			len = 2;
			u = p[i] & 0x1f;
			min = 0x80;
		} else if ((p[i] & 0xf0) == 0xe0) {
			len = 3;
			u = p[i] & 0x0f;
			min = 0x800;
		} else if ((p[i] & 0xf8) == 0xf0) {
			len = 4;
			u = p[i] & 0x07;
			min = 0x10000;
		} else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			u = u << 6 | (p[i + k] & 0x3f);
		}
		if (u < min || u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

/* Is (p, n) valid JSON? */
static int
valid(const char *p, size_t n)
{
	struct buf b;
	long rc;

	buf_init(&b, 0);
	rc = json_rewrite(p, n, NULL, cb, NULL, &b, NULL);
	buf_free(&b);
	return rc == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *x = (const char *)data;
	struct buf plain, out, again, enc;
	struct fctx c;
	long rc0, rc;
	size_t len;

	if (rj.n == 0)
		build(0, steps[0]);
	buf_init(&plain, 0);
	buf_init(&out, 0);
	buf_init(&again, 0);
	buf_init(&enc, 0);

	/* No rules. */
	memset(&c, 0, sizeof(c));
	rc0 = run(x, size, NULL, &c, &plain, 0);
	FUZZ_CHECK(rc0 == 0 || rc0 == -1, "no rules: rc %ld", rc0);
	if (rc0 == 0)
		FUZZ_CHECK(fuzz_eq(plain.p + 1, plain.len - 1, x, size),
		    "no rules: output != input at %zu",
		    fuzz_diff_at(plain.p + 1, plain.len - 1, x, size));

	/* Keep everything. */
	c.mode = M_KEEP;
	rc = run(x, size, &rj, &c, &out, 0);
	FUZZ_CHECK(rc == rc0, "keep: rc %ld, without rules %ld", rc, rc0);
	if (rc == 0)
		FUZZ_CHECK(fuzz_eq(out.p + 1, out.len - 1, x, size),
		    "keep: output != input at %zu",
		    fuzz_diff_at(out.p + 1, out.len - 1, x, size));

	/* Every string by itself: valid, and a fixed point after one pass. */
	memset(&c, 0, sizeof(c));
	c.mode = M_ECHO;
	rc = run(x, size, &rj, &c, &out, 0);
	FUZZ_CHECK((rc >= 0) == (rc0 == 0), "echo: rc %ld, without rules %ld",
	    rc, rc0);
	if (rc >= 0) {
		FUZZ_CHECK(rc <= c.calls, "echo: %ld replaced, %ld calls", rc,
		    c.calls);
		FUZZ_CHECK(valid(out.p + 1, out.len - 1), "echo: the output "
		    "is not valid JSON: %s", fuzz_show(out.p + 1, out.len - 1,
		    0));
		len = out.len - 1;
		rc = run(out.p + 1, len, &rj, &c, &again, 0);
		FUZZ_CHECK(rc >= 0 && fuzz_eq(again.p + 1, again.len - 1,
		    out.p + 1, len), "echo twice differs at %zu",
		    fuzz_diff_at(again.p + 1, again.len - 1, out.p + 1, len));

		/* The cap: exactly enough, then one byte short. */
		rc = run(x, size, &rj, &c, &again, out.len);
		FUZZ_CHECK(rc >= 0 && fuzz_eq(again.p, again.len, out.p,
		    out.len), "echo with a cap of exactly the output: rc %ld",
		    rc);
		rc = run(x, size, &rj, &c, &again, out.len - 1);
		FUZZ_CHECK(rc == -1, "echo with a cap one byte short: rc %ld",
		    rc);
	}

	/* Every selected value by null. */
	memset(&c, 0, sizeof(c));
	c.mode = M_NULL;
	rc = run(x, size, &rj, &c, &out, 0);
	FUZZ_CHECK((rc >= 0) == (rc0 == 0), "null: rc %ld, without rules %ld",
	    rc, rc0);
	if (rc >= 0) {
		FUZZ_CHECK(rc == c.calls, "null: %ld replaced, %ld calls", rc,
		    c.calls);
		FUZZ_CHECK(valid(out.p + 1, out.len - 1), "null: the output "
		    "is not valid JSON: %s", fuzz_show(out.p + 1, out.len - 1,
		    0));
	}

	/*
	 * The input as a string: valid JSON exactly when it is UTF-8, and
	 * then it decodes back to the input.
	 */
	FUZZ_CHECK(json_string_encode(x, size, &enc) == 0, "encode fails");
	FUZZ_CHECK(valid(enc.p, enc.len) == utf8_ok(data, size),
	    "encode: valid JSON %d, valid UTF-8 %d", valid(enc.p, enc.len),
	    utf8_ok(data, size));
	if (utf8_ok(data, size)) {
		memset(&c, 0, sizeof(c));
		c.mode = M_EXPECT;
		c.want = x;
		c.wantn = size;
		rc = run(enc.p, enc.len, &rj, &c, &out, 0);
		FUZZ_CHECK(rc == 0 && c.calls == 1, "decode(encode(x)): rc %ld,"
		    " %ld calls", rc, c.calls);
	}

	buf_free(&plain);
	buf_free(&out);
	buf_free(&again);
	buf_free(&enc);
	return 0;
}
