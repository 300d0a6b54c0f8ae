/*
 * test_escape: the escape codecs of both dialects, value by value against
 * the rules of the PostgreSQL and MySQL manuals, then as a round-trip
 * property (decode(encode(x)) == x) over every single byte, every pair of
 * interesting bytes and random strings from a fixed-seed generator; and
 * the hard cap of struct buf that every decoder relies on.
 *
 * PostgreSQL, "COPY", File Formats, Text Format: \b \f \n \r \t \v, \digits
 * (one to three octal digits), \xdigits (one or two hex digits); "any
 * other backslashed character that is not mentioned in the above table
 * will be taken to represent itself".  "Lexical Structure", String
 * Constants with C-Style Escapes: \b \f \n \r \t, \o \oo \ooo, \xh \xhh,
 * \uxxxx, \Uxxxxxxxx; any other character following a backslash is taken
 * literally; a UTF-16 surrogate pair written as two \u escapes is one
 * character; code point zero is not allowed.  Bit-String Constants:
 * B'1001', and X'1FF' with four bits per hex digit.
 *
 * MySQL, "String Literals", Table 11.1: \0 \' \" \b \n \r \t \Z \\ \% \_,
 * where \% and \_ keep their backslash outside LIKE patterns and any other
 * escaped character is itself.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mysql.h"
#include "pg.h"
#include "tap.h"

/* A string literal as (pointer, length), NUL bytes included. */
#define S(x)	(x), (sizeof(x) - 1)

enum codec {
	C_COPY,
	C_PG_STD,	/* standard_conforming_strings on */
	C_PG_NOSTD,	/* standard_conforming_strings off */
	C_MYSQL,
	C_MYSQL_HEX,
	C_MYSQL_BITS,
	C_PG_BITS
};

static const char *const codec_names[] = { "pg_copy", "pg_string(std)",
    "pg_string(nostd)", "mysql_string", "mysql_hex", "mysql_bits",
    "pg_bits" };

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
	case C_MYSQL_HEX:
		return mysql_hex_decode(p, n, out);
	case C_MYSQL_BITS:
		return mysql_bits_decode(p, n, out);
	case C_PG_BITS:
		return pg_bits_decode(p, n, out);
	}
	return -1;
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
	default:
		return -1;
	}
}

/* The input as a C-ish string for test names: escapes shown. */
static const char *
show(const char *p, size_t n)
{
	static char s[160];
	size_t i, j = 0;

	for (i = 0; i < n && j + 5 < sizeof(s); i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x20 && c < 0x7f)
			s[j++] = (char)c;
		else
			j += (size_t)snprintf(s + j, sizeof(s) - j, "<%02x>",
			    c);
	}
	s[j] = '\0';
	return s;
}

/* Decoding in gives want (wlen bytes). */
static void
dec_ok(enum codec c, const char *in, size_t inlen, const char *want,
    size_t wlen)
{
	struct buf b;
	char name[256];
	int rc;

	buf_init(&b, 0);
	rc = decode(c, in, inlen, &b);
	snprintf(name, sizeof(name), "%s decode \"%s\"", codec_names[c],
	    show(in, inlen));
	if (rc != 0) {
		ok(0, "%s", name);
		diag("returned %d, expected 0", rc);
	} else
		is_mem(b.p, b.len, want, wlen, name);
	buf_free(&b);
}

/* Decoding in is an error. */
static void
dec_bad(enum codec c, const char *in, size_t inlen)
{
	struct buf b;
	int rc;

	buf_init(&b, 0);
	rc = decode(c, in, inlen, &b);
	if (!ok(rc == -1, "%s decode \"%s\" is an error", codec_names[c],
	    show(in, inlen)))
		diag("returned %d with %zu bytes: \"%s\"", rc, b.len,
		    show(b.p, b.len));
	buf_free(&b);
}

/* Encoding in gives want. */
static void
enc_ok(enum codec c, const char *in, size_t inlen, const char *want,
    size_t wlen)
{
	struct buf b;
	char name[256];
	int rc;

	buf_init(&b, 0);
	rc = encode(c, in, inlen, &b);
	snprintf(name, sizeof(name), "%s encode \"%s\"", codec_names[c],
	    show(in, inlen));
	if (rc != 0) {
		ok(0, "%s", name);
		diag("returned %d, expected 0", rc);
	} else
		is_mem(b.p, b.len, want, wlen, name);
	buf_free(&b);
}

static void
test_copy(void)
{
	/* Every escape COPY TO writes. */
	dec_ok(C_COPY, S("a\\bb"), S("a\bb"));
	dec_ok(C_COPY, S("\\f"), S("\f"));
	dec_ok(C_COPY, S("\\n"), S("\n"));
	dec_ok(C_COPY, S("\\r"), S("\r"));
	dec_ok(C_COPY, S("\\t"), S("\t"));
	dec_ok(C_COPY, S("\\v"), S("\v"));
	dec_ok(C_COPY, S("\\\\"), S("\\"));
	dec_ok(C_COPY, S("x\\\\N"), S("x\\N"));
	dec_ok(C_COPY, S("line one\\nline two\\n"), S("line one\nline two\n"));
	dec_ok(C_COPY, S(""), S(""));
	dec_ok(C_COPY, S("plain text, no escapes"),
	    S("plain text, no escapes"));
	dec_ok(C_COPY, S("\xc3\xa9t\xc3\xa9"), S("\xc3\xa9t\xc3\xa9"));
	/* Octal: one to three digits, the value taken modulo 256. */
	dec_ok(C_COPY, S("\\101"), S("A"));
	dec_ok(C_COPY, S("\\0"), S("\0"));
	dec_ok(C_COPY, S("\\00"), S("\0"));
	dec_ok(C_COPY, S("\\000"), S("\0"));
	dec_ok(C_COPY, S("\\012"), S("\n"));
	dec_ok(C_COPY, S("\\0123"), S("\n3"));
	dec_ok(C_COPY, S("\\7"), S("\a"));
	dec_ok(C_COPY, S("\\18"), S("\001" "8"));
	dec_ok(C_COPY, S("\\377"), S("\xff"));
	dec_ok(C_COPY, S("\\400"), S("\0"));
	dec_ok(C_COPY, S("\\1018"), S("A8"));
	/* Hex: \xh and \xhh; \x without a digit is x itself. */
	dec_ok(C_COPY, S("\\x41"), S("A"));
	dec_ok(C_COPY, S("\\x4"), S("\004"));
	dec_ok(C_COPY, S("\\x4g"), S("\004g"));
	dec_ok(C_COPY, S("\\xfF"), S("\xff"));
	dec_ok(C_COPY, S("\\x414"), S("A4"));
	dec_ok(C_COPY, S("\\xg"), S("xg"));
	dec_ok(C_COPY, S("\\x"), S("x"));
	/* Any other escaped character is itself. */
	dec_ok(C_COPY, S("\\q\\N\\.\\'\\\""), S("qN.'\""));
	dec_ok(C_COPY, S("\\8\\9"), S("89"));
	dec_ok(C_COPY, S("\\\xc3\xa9"), S("\xc3\xa9"));
	/* A lone backslash at the end escapes nothing. */
	dec_bad(C_COPY, S("\\"));
	dec_bad(C_COPY, S("abc\\"));
	dec_bad(C_COPY, S("abc\\\\\\"));

	/* COPY TO escapes exactly these; other controls are raw. */
	enc_ok(C_COPY, S("a\tb\nc\\d"), S("a\\tb\\nc\\\\d"));
	enc_ok(C_COPY, S("\b\f\n\r\t\v\\"), S("\\b\\f\\n\\r\\t\\v\\\\"));
	enc_ok(C_COPY, S("\001\033\177\xff"), S("\001\033\177\xff"));
	enc_ok(C_COPY, S("\\N"), S("\\\\N"));
	enc_ok(C_COPY, S("\\."), S("\\\\."));
	enc_ok(C_COPY, S(""), S(""));
	enc_ok(C_COPY, S("no escapes"), S("no escapes"));
}

static void
test_pg_string(void)
{
	/* Standard strings: only '' is special. */
	dec_ok(C_PG_STD, S("'abc'"), S("abc"));
	dec_ok(C_PG_STD, S("''"), S(""));
	dec_ok(C_PG_STD, S("'it''s'"), S("it's"));
	dec_ok(C_PG_STD, S("''''"), S("'"));
	dec_ok(C_PG_STD, S("'a\\b'"), S("a\\b"));
	dec_ok(C_PG_STD, S("'a\\nb'"), S("a\\nb"));
	dec_ok(C_PG_STD, S("'ends with \\'"), S("ends with \\"));
	dec_ok(C_PG_STD, S("'line one\nline two'"), S("line one\nline two"));
	dec_ok(C_PG_STD, S("'say \"hi\"'"), S("say \"hi\""));
	/* standard_conforming_strings off: backslashes escape in '..'. */
	dec_ok(C_PG_NOSTD, S("'a\\nb'"), S("a\nb"));
	dec_ok(C_PG_NOSTD, S("'it\\'s'"), S("it's"));
	dec_ok(C_PG_NOSTD, S("'it''s'"), S("it's"));
	dec_ok(C_PG_NOSTD, S("'a\\\\b'"), S("a\\b"));
	dec_ok(C_PG_NOSTD, S("'plain'"), S("plain"));
	/* E'..' takes escapes whatever the setting. */
	dec_ok(C_PG_STD, S("E'\\b\\f\\n\\r\\t'"), S("\b\f\n\r\t"));
	dec_ok(C_PG_STD, S("e'lower e\\n'"), S("lower e\n"));
	dec_ok(C_PG_STD, S("E'\\101\\0\\12\\0123'"), S("A\0\n\n3"));
	dec_ok(C_PG_STD, S("E'\\x41\\x4\\x4g\\xg'"), S("A\004\004gxg"));
	dec_ok(C_PG_STD, S("E'\\u00e9'"), S("\xc3\xa9"));
	dec_ok(C_PG_STD, S("E'\\u20AC'"), S("\xe2\x82\xac"));
	dec_ok(C_PG_STD, S("E'\\u0041'"), S("A"));
	dec_ok(C_PG_STD, S("E'\\U0001F600'"), S("\xf0\x9f\x98\x80"));
	dec_ok(C_PG_STD, S("E'\\U0010FFFF'"), S("\xf4\x8f\xbf\xbf"));
	dec_ok(C_PG_STD, S("E'\\U000000e9x'"), S("\xc3\xa9x"));
	/* A UTF-16 surrogate pair is one character (scan.l, xeu state). */
	dec_ok(C_PG_STD, S("E'\\uD83D\\uDE00'"), S("\xf0\x9f\x98\x80"));
	/* Others are themselves, \v included (not a string escape). */
	dec_ok(C_PG_STD, S("E'\\q\\v\\''"), S("qv'"));
	dec_ok(C_PG_STD, S("E'it''s \\\\ \\''"), S("it's \\ '"));
	dec_ok(C_PG_NOSTD, S("E'\\t'"), S("\t"));
	dec_ok(C_PG_STD, S("E''"), S(""));

	/* Malformed literals. */
	dec_bad(C_PG_STD, S("abc"));
	dec_bad(C_PG_STD, S("'abc"));
	dec_bad(C_PG_STD, S("abc'"));
	dec_bad(C_PG_STD, S("'"));
	dec_bad(C_PG_STD, S(""));
	dec_bad(C_PG_STD, S("E'"));
	dec_bad(C_PG_STD, S("E"));
	dec_bad(C_PG_STD, S("'a'b'"));
	dec_bad(C_PG_STD, S("'a''"));
	dec_bad(C_PG_STD, S("E'abc\\'"));
	dec_bad(C_PG_NOSTD, S("'abc\\'"));
	dec_bad(C_PG_STD, S("E'\\u12'"));
	dec_bad(C_PG_STD, S("E'\\u12G4'"));
	dec_bad(C_PG_STD, S("E'\\U0001F60'"));
	dec_bad(C_PG_STD, S("E'\\U00110000'"));
	dec_bad(C_PG_STD, S("E'\\UFFFFFFFF'"));
	/* Code point zero is "invalid Unicode escape value". */
	dec_bad(C_PG_STD, S("E'\\u0000'"));
	/* Half a surrogate pair is "invalid Unicode surrogate pair". */
	dec_bad(C_PG_STD, S("E'\\uD83D'"));
	dec_bad(C_PG_STD, S("E'\\uDE00x'"));
	dec_bad(C_PG_STD, S("X'41'"));

	/* Encoding: standard '..' unless a backslash needs E'..'. */
	enc_ok(C_PG_STD, S("it's"), S("'it''s'"));
	enc_ok(C_PG_STD, S(""), S("''"));
	enc_ok(C_PG_STD, S("a\\b"), S("'a\\b'"));
	enc_ok(C_PG_STD, S("two\nlines"), S("'two\nlines'"));
	enc_ok(C_PG_NOSTD, S("it's"), S("'it''s'"));
	enc_ok(C_PG_NOSTD, S("a\\b"), S("E'a\\\\b'"));
	enc_ok(C_PG_NOSTD, S("it's\\"), S("E'it''s\\\\'"));

	/* Bit-string constants, as COPY prints bit and bit varying. */
	dec_ok(C_PG_BITS, S("B'0101'"), S("0101"));
	dec_ok(C_PG_BITS, S("b'1'"), S("1"));
	dec_ok(C_PG_BITS, S("B''"), S(""));
	dec_ok(C_PG_BITS, S("X'1F'"), S("00011111"));
	dec_ok(C_PG_BITS, S("x'aB0'"), S("101010110000"));
	dec_ok(C_PG_BITS, S("X''"), S(""));
	dec_bad(C_PG_BITS, S("B'012'"));
	dec_bad(C_PG_BITS, S("B'01"));
	dec_bad(C_PG_BITS, S("X'1G'"));
	dec_bad(C_PG_BITS, S("'01'"));
	dec_bad(C_PG_BITS, S("E'01'"));
	dec_bad(C_PG_BITS, S("B'"));
}

static void
test_mysql(void)
{
	/* Every escape of Table 11.1. */
	dec_ok(C_MYSQL, S("'a\\0b'"), S("a\0b"));
	dec_ok(C_MYSQL, S("'it\\'s'"), S("it's"));
	dec_ok(C_MYSQL, S("'say \\\"hi\\\"'"), S("say \"hi\""));
	dec_ok(C_MYSQL, S("'\\b'"), S("\b"));
	dec_ok(C_MYSQL, S("'\\n'"), S("\n"));
	dec_ok(C_MYSQL, S("'\\r'"), S("\r"));
	dec_ok(C_MYSQL, S("'\\t'"), S("\t"));
	dec_ok(C_MYSQL, S("'\\Z'"), S("\032"));
	dec_ok(C_MYSQL, S("'\\\\'"), S("\\"));
	dec_ok(C_MYSQL, S("'100\\% \\_x_'"), S("100\\% \\_x_"));
	/* Other escapes are the character; \N is not NULL inside quotes. */
	dec_ok(C_MYSQL, S("'\\q\\N\\z\\f\\v\\1'"), S("qNzfv1"));
	/* Doubled quotes, both quote kinds. */
	dec_ok(C_MYSQL, S("'it''s'"), S("it's"));
	dec_ok(C_MYSQL, S("''''"), S("'"));
	dec_ok(C_MYSQL, S("''"), S(""));
	dec_ok(C_MYSQL, S("\"a\"\"b\""), S("a\"b"));
	dec_ok(C_MYSQL, S("\"it's\""), S("it's"));
	dec_ok(C_MYSQL, S("\"\\\"\""), S("\""));
	dec_ok(C_MYSQL, S("'say \"hi\"'"), S("say \"hi\""));
	dec_ok(C_MYSQL, S("'ends with \\\\'"), S("ends with \\"));
	dec_ok(C_MYSQL, S("'\xf0\x9f\x98\x80 \\n'"), S("\xf0\x9f\x98\x80 \n"));
	/* Malformed. */
	dec_bad(C_MYSQL, S("abc"));
	dec_bad(C_MYSQL, S("'abc"));
	dec_bad(C_MYSQL, S("'"));
	dec_bad(C_MYSQL, S(""));
	dec_bad(C_MYSQL, S("'a\""));
	dec_bad(C_MYSQL, S("'a'b'"));
	dec_bad(C_MYSQL, S("'abc\\'"));
	dec_bad(C_MYSQL, S("'a''"));

	/* mysql_real_escape_string: \0 \n \r \\ \' \" \Z; tab stays raw. */
	enc_ok(C_MYSQL, S("a\0b\nc\rd\\e'f\"g\032h\ti"),
	    S("'a\\0b\\nc\\rd\\\\e\\'f\\\"g\\Zh\ti'"));
	enc_ok(C_MYSQL, S(""), S("''"));
	enc_ok(C_MYSQL, S("100% _"), S("'100% _'"));
	enc_ok(C_MYSQL, S("\b\f\xff"), S("'\b\f\xff'"));

	/* Hex literals: 0x.. (odd length is left-padded) and X'..'. */
	dec_ok(C_MYSQL_HEX, S("0xABCD"), S("\xab\xcd"));
	dec_ok(C_MYSQL_HEX, S("0xabcd"), S("\xab\xcd"));
	dec_ok(C_MYSQL_HEX, S("0X41"), S("A"));
	dec_ok(C_MYSQL_HEX, S("0xABC"), S("\x0a\xbc"));
	dec_ok(C_MYSQL_HEX, S("0x1"), S("\001"));
	dec_ok(C_MYSQL_HEX, S("0x00ff00"), S("\0\xff\0"));
	dec_ok(C_MYSQL_HEX, S("X'4142'"), S("AB"));
	dec_ok(C_MYSQL_HEX, S("x'ff'"), S("\xff"));
	dec_ok(C_MYSQL_HEX, S("X''"), S(""));
	dec_bad(C_MYSQL_HEX, S("0xZZ"));
	dec_bad(C_MYSQL_HEX, S("0x4G"));
	dec_bad(C_MYSQL_HEX, S("X'41"));
	dec_bad(C_MYSQL_HEX, S("X'4Z'"));
	dec_bad(C_MYSQL_HEX, S("Y'41'"));
	dec_bad(C_MYSQL_HEX, S("1234"));
	dec_bad(C_MYSQL_HEX, S(""));

	/* Bit literals, right-aligned in whole bytes. */
	dec_ok(C_MYSQL_BITS, S("b'0101'"), S("\005"));
	dec_ok(C_MYSQL_BITS, S("b'100000001'"), S("\001\001"));
	dec_ok(C_MYSQL_BITS, S("B'1'"), S("\001"));
	dec_ok(C_MYSQL_BITS, S("b'11111111'"), S("\xff"));
	dec_ok(C_MYSQL_BITS, S("b'0000000000000000'"), S("\0\0"));
	dec_ok(C_MYSQL_BITS, S("b'1010101001010101'"), S("\xaa\x55"));
	dec_ok(C_MYSQL_BITS, S("b''"), S(""));
	dec_bad(C_MYSQL_BITS, S("b'012'"));
	dec_bad(C_MYSQL_BITS, S("b'01"));
	dec_bad(C_MYSQL_BITS, S("'01'"));
	dec_bad(C_MYSQL_BITS, S("b"));
}

/* xorshift64*: a fixed-seed generator, the same sequence everywhere. */
static uint64_t prng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
prng(void)
{
	prng_state ^= prng_state >> 12;
	prng_state ^= prng_state << 25;
	prng_state ^= prng_state >> 27;
	return prng_state * 2685821657736338717ULL;
}

/*
 * decode(encode(x)) == x for x; counts a failure in *bad and shows the
 * first one.
 */
static void
round_trip(enum codec c, const char *x, size_t n, int *bad)
{
	struct buf e, d;
	int rc;

	buf_init(&e, 0);
	buf_init(&d, 0);
	rc = encode(c, x, n, &e);
	if (rc == 0)
		rc = decode(c, e.p, e.len, &d);
	if (rc != 0 || d.len != n || (n > 0 && memcmp(d.p, x, n) != 0)) {
		if ((*bad)++ == 0) {
			diag("%s: first failing value \"%s\"", codec_names[c],
			    show(x, n));
			diag("  encoded \"%s\", rc %d", show(e.p, e.len), rc);
		}
	}
	buf_free(&e);
	buf_free(&d);
}

static void
test_round_trips(void)
{
	/* Bytes that take part in some escape of some codec. */
	static const char special[] =
	    "\\'\"\0\b\f\n\r\t\v\032%_0178xXuUNE.$ \xff";
	char x[301];
	enum codec c;
	size_t i, j, n, k;
	int bad;

	for (c = C_COPY; c <= C_MYSQL; c++) {
		bad = 0;
		for (i = 0; i < 256; i++) {
			x[0] = (char)i;
			round_trip(c, x, 1, &bad);
		}
		for (i = 0; i < sizeof(special) - 1; i++)
			for (j = 0; j < sizeof(special) - 1; j++)
				for (k = 0; k < sizeof(special) - 1; k++) {
					x[0] = special[i];
					x[1] = special[j];
					x[2] = special[k];
					round_trip(c, x, 3, &bad);
				}
		round_trip(c, x, 0, &bad);
		for (i = 0; i < 2000; i++) {
			n = (size_t)(prng() % 301);
			for (j = 0; j < n; j++) {
				uint64_t r = prng();

				/* Half the bytes from the special set. */
				x[j] = (r & 0x100) ? special[(r >> 16) %
				    (sizeof(special) - 1)] : (char)(r & 0xff);
			}
			round_trip(c, x, n, &bad);
		}
		ok(bad == 0, "%s: decode(encode(x)) == x for all bytes, "
		    "special triples and 2000 random strings (%d failed)",
		    codec_names[c], bad);
	}
}

static void
test_buf_cap(void)
{
	struct buf b;
	int rc, i;

	buf_init(&b, 10);
	ok(buf_add(&b, "12345678", 8) == 0 && b.len == 8,
	    "buf_add within the cap");
	rc = buf_add(&b, "abc", 3);
	ok(rc == -1, "buf_add past buf.max fails");
	is_mem(b.p, b.len, "12345678", 8, "a failed buf_add appends nothing");
	ok(buf_add(&b, "ab", 2) == 0 && b.len == 10,
	    "buf_add up to exactly buf.max");
	ok(buf_addc(&b, 'x') == -1 && b.len == 10,
	    "buf_addc past buf.max fails and appends nothing");
	ok(buf_adds(&b, "y") == -1 && b.len == 10,
	    "buf_adds past buf.max fails");
	ok(buf_add(&b, "", 0) == 0, "an empty buf_add at the cap succeeds");
	ok(b.cap <= 10, "capacity never passes buf.max (cap %zu)", b.cap);
	buf_free(&b);

	buf_init(&b, 1000);
	for (i = 0; i < 1000; i++)
		if (buf_addc(&b, 'a') == -1)
			break;
	ok(i == 1000 && buf_addc(&b, 'a') == -1 && b.len == 1000,
	    "buf_addc fills to the cap byte by byte, then fails");
	ok(buf_reserve(&b, 1) == -1, "buf_reserve past the cap fails");
	buf_free(&b);

	/* The decoders report the cap as an error. */
	buf_init(&b, 4);
	ok(pg_copy_decode(S("abc\\tdef"), &b) == -1,
	    "pg_copy_decode fails when its output passes the cap");
	buf_free(&b);
	buf_init(&b, 4);
	ok(mysql_string_decode(S("'abcdef'"), &b) == -1,
	    "mysql_string_decode fails when its output passes the cap");
	buf_free(&b);
	buf_init(&b, 4);
	ok(pg_string_decode(S("'abcdef'"), 1, &b) == -1,
	    "pg_string_decode fails when its output passes the cap");
	buf_free(&b);
	buf_init(&b, 4);
	ok(pg_copy_encode(S("a\tb\tc"), &b) == -1,
	    "pg_copy_encode fails when its output passes the cap");
	buf_free(&b);

	/* max 0 means unbounded. */
	buf_init(&b, 0);
	for (i = 0; i < 100000; i++)
		if (buf_add(&b, "0123456789", 10) == -1)
			break;
	ok(i == 100000 && b.len == 1000000, "buf with max 0 is unbounded");
	buf_free(&b);
}

int
main(void)
{
	test_copy();
	test_pg_string();
	test_mysql();
	test_round_trips();
	test_buf_cap();
	return done_testing();
}
