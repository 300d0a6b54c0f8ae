/*
 * fuzz_codecs: the escape codecs of pg.h and mysql.h.
 *
 * For the input bytes x:
 *   - every string codec round-trips: pg_copy, pg_string with and without
 *     standard_conforming_strings (the encoder writes E'..' when x holds
 *     a backslash and they are off), mysql_string and its
 *     NO_BACKSLASH_ESCAPES form: decode(encode(x)) == x;
 *   - every decoder takes x itself as an encoded value without crashing
 *     (those, mysql_hex, mysql_bits, pg_bits, pg_dollar) and returns 0
 *     or -1; a decoded string value round-trips through its encoder too;
 *   - codecs append: bytes already in the buffer stay;
 *   - the buffer cap is honoured exactly: a call whose output is L bytes
 *     succeeds with the same bytes when the buffer may hold them, and
 *     fails when it may hold one byte less (a codec that ignored a failed
 *     append would truncate silently).
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "mysql.h"
#include "pg.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

enum codec {
	C_COPY,
	C_PG_STD,
	C_PG_NOSTD,
	C_MYSQL,
	C_MYSQL_NOBS,
	C_MYSQL_HEX,	/* decode only */
	C_MYSQL_BITS,
	C_PG_BITS,
	C_PG_DOLLAR,
	C_NCODECS
};

static const char *const names[] = { "pg_copy", "pg_string(std)",
    "pg_string(!std)", "mysql_string", "mysql_string_nobs", "mysql_hex",
    "mysql_bits", "pg_bits", "pg_dollar" };

/* Codecs with an encoder. */
#define HAS_ENCODER(c)	((c) <= C_MYSQL_NOBS)

static int
decode(enum codec c, const char *p, size_t n, struct buf *out)
{
	switch (c) {
	case C_COPY:
		return pg_copy_decode(p, n, out);
	case C_PG_STD:
		return pg_string_decode(p, n, 1, out);
	case C_PG_NOSTD:
		return pg_string_decode(p, n, 0, out);
	case C_MYSQL:
		return mysql_string_decode(p, n, out);
	case C_MYSQL_NOBS:
		return mysql_string_decode_nobs(p, n, out);
	case C_MYSQL_HEX:
		return mysql_hex_decode(p, n, out);
	case C_MYSQL_BITS:
		return mysql_bits_decode(p, n, out);
	case C_PG_BITS:
		return pg_bits_decode(p, n, out);
	case C_PG_DOLLAR:
		return pg_dollar_decode(p, n, out);
	default:
		return -2;
	}
}

static int
encode(enum codec c, const char *p, size_t n, struct buf *out)
{
	switch (c) {
	case C_COPY:
		return pg_copy_encode(p, n, out);
	case C_PG_STD:
		return pg_string_encode(p, n, 1, out);
	case C_PG_NOSTD:
		return pg_string_encode(p, n, 0, out);
	case C_MYSQL:
		return mysql_string_encode(p, n, out);
	case C_MYSQL_NOBS:
		return mysql_string_encode_nobs(p, n, out);
	default:
		return -2;
	}
}

static int
call(enum codec c, int enc, const char *p, size_t n, struct buf *out)
{
	return enc ? encode(c, p, n, out) : decode(c, p, n, out);
}

/*
 * Run codec c (enc: its encoder) on p[0, n) into a buffer that holds one
 * marker byte first; returns the rc and leaves the output (after the
 * marker) in res.  Then check the cap behaviour.
 */
static int
run(enum codec c, int enc, const char *p, size_t n, struct buf *res)
{
	struct buf b;
	size_t len;
	int rc, rc2;

	buf_init(&b, 0);
	buf_addc(&b, '#');
	rc = call(c, enc, p, n, &b);
	FUZZ_CHECK(rc == 0 || rc == -1, "%s %s: rc %d", names[c],
	    enc ? "encode" : "decode", rc);
	FUZZ_CHECK(b.len >= 1 && b.p[0] == '#', "%s %s: the byte already in "
	    "the buffer is gone", names[c], enc ? "encode" : "decode");
	buf_clear(res);
	buf_add(res, b.p + 1, b.len - 1);
	buf_free(&b);
	if (rc != 0)
		return rc;
	len = res->len;

	/* Room for exactly the output: the same result. */
	buf_init(&b, 1 + len);
	buf_addc(&b, '#');
	rc2 = call(c, enc, p, n, &b);
	FUZZ_CHECK(rc2 == 0 && fuzz_eq(b.p + 1, b.len - 1, res->p, len),
	    "%s %s: with a cap of exactly the output (%zu bytes): rc %d, "
	    "%zu bytes", names[c], enc ? "encode" : "decode", len, rc2,
	    b.len - 1);
	buf_free(&b);

	/* One byte short: an error. */
	if (len > 0) {
		buf_init(&b, len);
		buf_addc(&b, '#');
		rc2 = call(c, enc, p, n, &b);
		FUZZ_CHECK(rc2 == -1, "%s %s: output of %zu bytes into a "
		    "buffer capped one byte short succeeds (%zu bytes)",
		    names[c], enc ? "encode" : "decode", len, b.len - 1);
		FUZZ_CHECK(b.len <= len, "%s %s: the cap is passed",
		    names[c], enc ? "encode" : "decode");
		buf_free(&b);
	}
	return 0;
}

/* decode(encode(x)) == x. */
static void
round_trip(enum codec c, const char *x, size_t n, struct buf *e,
    struct buf *d)
{
	size_t at;
	int rc;

	rc = run(c, 1, x, n, e);
	FUZZ_CHECK(rc == 0, "%s: encoding %zu bytes fails", names[c], n);
	rc = run(c, 0, e->p, e->len, d);
	at = fuzz_diff_at(d->p, d->len, x, n);
	FUZZ_CHECK(rc == 0 && fuzz_eq(d->p, d->len, x, n), "%s: "
	    "decode(encode(x)) != x: rc %d, %zu bytes of %zu, differs at %zu;"
	    " x %s", names[c], rc, d->len, n, at, fuzz_show(x, n, at));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *x = (const char *)data;
	struct buf v, e, d;
	enum codec c;

	buf_init(&v, 0);
	buf_init(&e, 0);
	buf_init(&d, 0);
	for (c = C_COPY; c < C_NCODECS; c++) {
		if (HAS_ENCODER(c))
			round_trip(c, x, size, &e, &d);
		/* x as an encoded value. */
		if (run(c, 0, x, size, &v) == 0 && HAS_ENCODER(c))
			round_trip(c, v.p, v.len, &e, &d);
	}
	/* The codecs accept (NULL, 0). */
	for (c = C_COPY; c < C_NCODECS; c++) {
		buf_clear(&d);
		FUZZ_CHECK(decode(c, NULL, 0, &d) != -2, "%s", names[c]);
		if (HAS_ENCODER(c)) {
			buf_clear(&e);
			FUZZ_CHECK(encode(c, NULL, 0, &e) == 0, "%s: encoding "
			    "(NULL, 0) fails", names[c]);
		}
	}
	buf_free(&v);
	buf_free(&e);
	buf_free(&d);
	return 0;
}
