/*
 * transform: the scrub actions of dumprules(5), one decoded value at a
 * time (see transform.h for the contract).
 *
 * Keys.  The secret (16 bytes or more) is never used directly: master is
 * BLAKE2b-256 of the secret keyed with the fixed domain string
 * "dumpfilters master key v1", and sip, the 16-byte SipHash key, is
 * BLAKE2b-128 of "dumpfilters siphash" keyed with master.
 *
 * The PRF.  Every keyed decision is SipHash-2-4 with 128-bit output
 * (crypto_shorthash_siphashx24) keyed by sip over the message
 *
 *	tag (1 byte) || salt length (4 bytes, LE) || salt || payload
 *
 * where tag is the action kind (enum action_kind; | 0x40 for the tweak
 * of a permutation, | 0x80 for integer variants), so that email,
 * username and hash of the same value are unrelated.  The payload is the
 * value, or what a permutation is tweaked with.  Messages longer than a
 * stack buffer (PRF_STACK) are first compressed with BLAKE2b-256 keyed by
 * master; SipHash then runs over 0xff || digest (no tag is 0xff, so the
 * two forms never meet).  Nothing else enters: not the table, column, row
 * or dialect, which is what keeps joins on scrubbed columns intact.
 *
 * Permutations.  digits and phone permute the k-digit strings with a
 * radix-10 Feistel network (the alternating, possibly unbalanced form of
 * NIST SP 800-38G FF1: halves of k/2 and k - k/2 digits, added mod 10^m),
 * which is a bijection on [0, 10^k) by construction, so it needs no cycle
 * walking.  Integer columns use a binary Feistel network over the bit
 * width of the range with cycle walking into [0, N).  Both run XF_ROUNDS
 * rounds of SipHash-2-4 keyed by a per-value round key, itself the PRF of
 * the tweak (action, salt, and the value's shape or type range).
 *
 * The hot path (email, names, phone on short values) allocates nothing:
 * the PRF message, the Feistel state and the fake are built on the stack
 * and appended to out once.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "dict.h"
#include "json.h"
#include "rules.h"
#include "transform.h"
#include "util.h"

#define XF_ROUNDS	10	/* Feistel rounds (FF1 uses 10) */
#define PRF_STACK	256	/* longer PRF messages go through BLAKE2b */
#define KEY_MIN		16	/* bytes of secret at least */
#define KEY_LINE_MAX	4096	/* longest first line of a key file */

#define TWEAK(kind)	(0x40 | (kind))
#define INTVAR(kind)	(0x80 | (kind))

/*
 * email is first.last.SUFFIX@DOMAIN, username first_last_SUFFIX; SUFFIX is
 * 13 base32 characters (64 PRF bits) and the domains are RFC 2606's,
 * all 11 characters.  The realistic part is what gets shortened.
 */
#define SUFFIX_CHARS	13
#define DOMAIN_CHARS	11
#define EMAIL_MIN	(SUFFIX_CHARS + 1 + DOMAIN_CHARS)
#define USERNAME_MIN	SUFFIX_CHARS
#define UUID_CHARS	36
#define IPV4_CHARS	15
#define IPV6_CHARS	39
#define HASH_DEFAULT	32
#define HASH_UNIQUE_MIN	16

static const char *const email_domains[] = {
	"example.com", "example.net", "example.org"
};

static const char base32[] = "abcdefghijklmnopqrstuvwxyz234567";
static const char hexdig[] = "0123456789abcdef";

static const uint64_t pow10_u64[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL,
	10000000000000000000ULL
};

/* Powers of ten that are exact doubles. */
static const double pow10_dbl[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* ---- small helpers ---------------------------------------------------- */

static uint64_t
le64(const unsigned char *b)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

static void
put_le64(unsigned char *b, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++) {
		b[i] = (unsigned char)v;
		v >>= 8;
	}
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Write v in decimal to s (room for 20 bytes); returns the length. */
static size_t
fmt_u64(char *s, uint64_t v)
{
	char t[20];
	size_t n = 0, i;

	do {
		t[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (i = 0; i < n; i++)
		s[i] = t[n - 1 - i];
	return n;
}

/* Write v in decimal to s (room for 21 bytes); returns the length. */
static size_t
fmt_i64(char *s, long long v)
{
	if (v < 0) {
		s[0] = '-';
		/* Negate in unsigned arithmetic: LLONG_MIN has no positive. */
		return 1 + fmt_u64(s + 1, (uint64_t)0 - (uint64_t)v);
	}
	return fmt_u64(s, (uint64_t)v);
}

/* Write v zero-padded to width digits. */
static void
fmt_pad(char *s, unsigned v, size_t width)
{
	while (width-- > 0) {
		s[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * Parse an integer: optional sign, then decimal digits only.  Returns 0
 * and *v, or -1 if the text is not an integer or overflows 64 bits.
 */
static int
parse_i64(const char *p, size_t n, long long *v)
{
	uint64_t m = 0, lim;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && (p[0] == '-' || p[0] == '+')) {
		neg = p[0] == '-';
		i = 1;
	}
	if (i == n)
		return -1;
	lim = neg ? (uint64_t)LLONG_MAX + 1 : (uint64_t)LLONG_MAX;
	for (; i < n; i++) {
		if (!is_digit(p[i]))
			return -1;
		if (m > (lim - (uint64_t)(p[i] - '0')) / 10)
			return -1;
		m = m * 10 + (uint64_t)(p[i] - '0');
	}
	/* Both branches stay in range: m <= lim was checked above. */
	*v = neg ? (m == 0 ? 0 : -(long long)(m - 1) - 1) : (long long)m;
	return 0;
}

/*
 * Scan a decimal number: [+-] digits [. digits] [(e|E) [+-] digits], at
 * least one digit before or after the point.  Returns 0 and the number of
 * digits after the point in *dec and whether an exponent was written in
 * *expo, or -1.
 */
static int
scan_number(const char *p, size_t n, size_t *dec, int *expo)
{
	size_t i = 0, nint = 0, nfrac = 0, nexp = 0;

	if (i < n && (p[i] == '-' || p[i] == '+'))
		i++;
	for (; i < n && is_digit(p[i]); i++)
		nint++;
	if (i < n && p[i] == '.')
		for (i++; i < n && is_digit(p[i]); i++)
			nfrac++;
	if (nint + nfrac == 0)
		return -1;
	*expo = 0;
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '-' || p[i] == '+'))
			i++;
		for (; i < n && is_digit(p[i]); i++)
			nexp++;
		if (nexp == 0)
			return -1;
		*expo = 1;
	}
	*dec = nfrac;
	return i == n ? 0 : -1;
}

/* Is (p, n) a JSON number (RFC 8259 section 6)? */
static int
json_number(const char *p, size_t n)
{
	size_t i = 0, d;

	if (i < n && p[i] == '-')
		i++;
	if (i < n && p[i] == '0')
		i++;
	else if (i < n && p[i] >= '1' && p[i] <= '9')
		while (i < n && is_digit(p[i]))
			i++;
	else
		return 0;
	if (i < n && p[i] == '.') {
		for (d = ++i; i < n && is_digit(p[i]); i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '-' || p[i] == '+'))
			i++;
		for (d = i; i < n && is_digit(p[i]); i++)
			;
		if (i == d)
			return 0;
	}
	return i == n;
}

/*
 * The length in bytes of the UTF-8 character at p[i]: 2 to 4 for a well
 * formed multibyte sequence, else 1 (ASCII, or an invalid byte, which
 * counts as one character of its own).
 */
static size_t
u8_step(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, j;

	if (p[i] < 0x80)
		return 1;
	if (p[i] >= 0xc2 && p[i] <= 0xdf)
		len = 2;
	else if ((p[i] & 0xf0) == 0xe0)
		len = 3;
	else if (p[i] >= 0xf0 && p[i] <= 0xf4)
		len = 4;
	else
		return 1;
	if (len > n - i)
		return 1;
	for (j = 1; j < len; j++)
		if ((p[i + j] & 0xc0) != 0x80)
			return 1;
	return len;
}

/* Bytes taken by the first chars characters of (p, n). */
static size_t
u8_prefix(const char *p, size_t n, size_t chars)
{
	size_t i = 0;

	while (i < n && chars > 0) {
		i += u8_step(p, n, i);
		chars--;
	}
	return i;
}

size_t
xf_utf8_chars(const char *p, size_t n)
{
	size_t i = 0, c = 0;

	while (i < n) {
		/* Most values are ASCII: skip runs of it a byte at a time. */
		if ((unsigned char)p[i] < 0x80)
			i++;
		else
			i += u8_step(p, n, i);
		c++;
	}
	return c;
}

/*
 * Cut what was appended to out since start to the column's length, at a
 * character boundary.  A byte count within the limit needs no counting.
 */
static void
fit(struct buf *out, size_t start, const struct xf_col *c)
{
	size_t n = out->len - start;

	if (c->maxchars < 0 || n <= (size_t)c->maxchars)
		return;
	out->len = start + u8_prefix(out->p + start, n,
	    (size_t)c->maxchars);
}

static int
too_big(const struct buf *out, struct df_error *err)
{
	return df_err(err, DF_EXIT_DATA, NULL, 0, "new value passes the "
	    "buffer limit of %zu bytes", out->max);
}

static int
add(struct buf *out, const void *p, size_t n, struct df_error *err)
{
	if (buf_add(out, p, n) == -1)
		return too_big(out, err);
	return XF_VALUE;
}

/* ---- keys ------------------------------------------------------------- */

static void
key_derive(struct xf_key *k, const unsigned char *s, size_t n)
{
	static const char mctx[] = "dumpfilters master key v1";
	static const char sctx[] = "dumpfilters siphash";

	crypto_generichash(k->master, sizeof(k->master), s, n,
	    (const unsigned char *)mctx, sizeof(mctx) - 1);
	crypto_generichash(k->sip, sizeof(k->sip),
	    (const unsigned char *)sctx, sizeof(sctx) - 1, k->master,
	    sizeof(k->master));
}

static int
key_init(struct df_error *err)
{
	/* Safe to call again; it only fails without a randomness source. */
	if (sodium_init() < 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0,
		    "libsodium failed to initialise");
	return 0;
}

int
xf_key_env(struct xf_key *k, const char *var, struct df_error *err)
{
	const char *s;
	size_t n;

	if (key_init(err) == -1)
		return -1;
	s = getenv(var);
	if (s == NULL || *s == '\0')
		return 1;
	n = strlen(s);
	if (n < KEY_MIN)
		return df_err(err, DF_EXIT_USAGE, NULL, 0, "$%s: key too short "
		    "(%zu bytes; at least %d)", var, n, KEY_MIN);
	memset(k, 0, sizeof(*k));
	key_derive(k, (const unsigned char *)s, n);
	return 0;
}

int
xf_key_file(struct xf_key *k, const char *path, struct df_error *err)
{
	unsigned char line[KEY_LINE_MAX + 1];
	size_t n = 0, r;
	unsigned char *nl = NULL;
	FILE *f;
	int rv = -1;

	if (key_init(err) == -1)
		return -1;
	f = fopen(path, "rb");
	if (f == NULL)
		return df_err(err, DF_EXIT_USAGE, path, 0, "%s",
		    strerror(errno));
	/* Read until the first newline; the rest of the file is ignored. */
	while (n < sizeof(line) && nl == NULL) {
		r = fread(line + n, 1, sizeof(line) - n, f);
		if (r == 0)
			break;
		nl = memchr(line + n, '\n', r);
		n += r;
	}
	if (ferror(f)) {
		df_seterr(err, DF_EXIT_USAGE, path, 0, "read error");
		goto out;
	}
	if (nl != NULL)
		n = (size_t)(nl - line);
	else if (n > KEY_LINE_MAX) {
		df_seterr(err, DF_EXIT_USAGE, path, 0, "key line longer than %d "
		    "bytes", KEY_LINE_MAX);
		goto out;
	}
	/* A file saved with CR LF line ends means the same key. */
	if (n > 0 && line[n - 1] == '\r')
		n--;
	if (n == 0) {
		df_seterr(err, DF_EXIT_USAGE, path, 0, "key file is empty");
		goto out;
	}
	if (n < KEY_MIN) {
		df_seterr(err, DF_EXIT_USAGE, path, 0, "key too short (%zu bytes; "
		    "at least %d)", n, KEY_MIN);
		goto out;
	}
	memset(k, 0, sizeof(*k));
	key_derive(k, line, n);
	rv = 0;
out:
	sodium_memzero(line, sizeof(line));
	fclose(f);
	return rv;
}

void
xf_key_random(struct xf_key *k)
{
	unsigned char s[32];

	/* randombytes_buf() aborts by itself if there is no entropy. */
	if (sodium_init() < 0)
		abort();
	randombytes_buf(s, sizeof(s));
	memset(k, 0, sizeof(*k));
	key_derive(k, s, sizeof(s));
	k->random = 1;
	sodium_memzero(s, sizeof(s));
}

/* ---- the PRF ---------------------------------------------------------- */

/*
 * A PRF message being assembled: on the stack while it is short, in a
 * BLAKE2b state once it is not (see the file comment).  The state is only
 * touched on the long path, so the common case costs a memcpy.
 */
struct prf {
	const struct xf_key *key;
	size_t		 len;
	int		 big;
	unsigned char	 buf[PRF_STACK];
	crypto_generichash_state st;
};

static void
prf_add(struct prf *f, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (!f->big) {
		if (n <= PRF_STACK - f->len) {
			memcpy(f->buf + f->len, p, n);
			f->len += n;
			return;
		}
		crypto_generichash_init(&f->st, f->key->master,
		    sizeof(f->key->master), crypto_generichash_BYTES);
		crypto_generichash_update(&f->st, f->buf, f->len);
		f->big = 1;
	}
	crypto_generichash_update(&f->st, p, n);
}

static void
prf_begin(struct prf *f, const struct xf_key *k, unsigned tag,
    const struct rule_action *a)
{
	unsigned char h[5];
	size_t sl = a->salt.p != NULL ? a->salt.len : 0;

	f->key = k;
	f->len = 0;
	f->big = 0;
	h[0] = (unsigned char)tag;
	h[1] = (unsigned char)sl;
	h[2] = (unsigned char)(sl >> 8);
	h[3] = (unsigned char)(sl >> 16);
	h[4] = (unsigned char)(sl >> 24);
	prf_add(f, h, sizeof(h));
	prf_add(f, a->salt.p, sl);
}

static void
prf_final(struct prf *f, unsigned char out[16])
{
	unsigned char m[1 + crypto_generichash_BYTES];

	if (!f->big) {
		crypto_shorthash_siphashx24(out, f->buf, f->len, f->key->sip);
		return;
	}
	m[0] = 0xff;
	crypto_generichash_final(&f->st, m + 1, crypto_generichash_BYTES);
	crypto_shorthash_siphashx24(out, m, sizeof(m), f->key->sip);
}

/* The PRF of a value under an action: 128 bits in out. */
static void
prf_value(const struct xf_key *k, unsigned tag, const struct rule_action *a,
    const char *p, size_t n, unsigned char out[16])
{
	struct prf f;

	prf_begin(&f, k, tag, a);
	prf_add(&f, p, n);
	prf_final(&f, out);
}

/* ---- Feistel permutations -------------------------------------------- */

/*
 * A round key: the PRF of the permutation's tweak, as SipHash's two key
 * words.
 */
struct fpe {
	uint64_t	 k0, k1;
};

static void
fpe_key(struct fpe *e, struct prf *f)
{
	unsigned char rk[16];

	prf_final(f, rk);
	e->k0 = le64(rk);
	e->k1 = le64(rk + 8);
}

#define ROTL(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) do {					\
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);	\
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;				\
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;				\
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);	\
} while (0)

/*
 * Round function: SipHash-2-4 of the 8-byte little-endian message
 * x | lane << 48 | r << 56 under the round key (halves are at most 32
 * bits).  Written out rather than calling crypto_shorthash_siphash24():
 * a permutation makes XF_ROUNDS calls, and the call overhead was most of
 * phone's cost.  The output equals libsodium's for the same message.
 */
static uint64_t
fpe_f(const struct fpe *e, unsigned r, unsigned lane, uint64_t x)
{
	uint64_t m = x | (uint64_t)(lane & 0xff) << 48 | (uint64_t)r << 56;
	uint64_t v0 = e->k0 ^ 0x736f6d6570736575ULL;
	uint64_t v1 = e->k1 ^ 0x646f72616e646f6dULL;
	uint64_t v2 = e->k0 ^ 0x6c7967656e657261ULL;
	uint64_t v3 = e->k1 ^ 0x7465646279746573ULL;
	uint64_t b = (uint64_t)8 << 56;

	v3 ^= m;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= m;
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

static uint64_t
mask_bits(unsigned w)
{
	return w >= 64 ? UINT64_MAX : ((uint64_t)1 << w) - 1;
}

/*
 * A permutation of [0, 2^w), 0 <= w <= 64: a Feistel network whose halves
 * have w/2 and w - w/2 bits; even rounds change the low half, odd rounds
 * the high one, each step invertible, so any width works.
 */
static uint64_t
fpe_bits(const struct fpe *e, unsigned w, uint64_t x)
{
	unsigned a = w / 2, b = w - a, r;
	uint64_t hi, lo;

	if (w == 0)
		return 0;
	hi = x >> b;
	lo = x & mask_bits(b);
	for (r = 0; r < XF_ROUNDS; r++) {
		if (r % 2 == 0)
			lo = (lo ^ fpe_f(e, r, w, hi)) & mask_bits(b);
		else if (a > 0)
			hi = (hi ^ fpe_f(e, r, w, lo)) & mask_bits(a);
	}
	return hi << b | lo;
}

/*
 * A permutation of [0, n) (n == 0 means 2^64): fpe_bits over the width
 * of n - 1, cycle-walking until the result lands in range.  The walk ends
 * because x starts in range and the cycle through x returns to it; the
 * width is at most twice n, so it takes fewer than two steps on average.
 */
static uint64_t
fpe_range(const struct fpe *e, uint64_t n, uint64_t x)
{
	unsigned w = 0;

	if (n == 1)
		return 0;
	if (n == 0)
		w = 64;
	else
		while (w < 64 && ((n - 1) >> w) != 0)
			w++;
	do
		x = fpe_bits(e, w, x);
	while (n != 0 && x >= n);
	return x;
}

/*
 * A permutation of [0, 10^k), 1 <= k <= 18: a radix-10 Feistel network,
 * halves of k/2 and k - k/2 digits, each round adding the round function
 * to one half modulo its size.  lane tells apart the blocks of a long
 * digit string.
 */
static uint64_t
fpe_dec(const struct fpe *e, unsigned k, unsigned lane, uint64_t x)
{
	unsigned a = k / 2, b = k - a, r;
	uint64_t ma = pow10_u64[a], mb = pow10_u64[b], hi, lo;

	hi = x / mb;
	lo = x % mb;
	/*
	 * Halves are below 10^9 < 2^32, so the top 32 bits of the round
	 * function times the modulus, shifted down, are in [0, m): no
	 * division in the loop.  The sum is below 2m, one subtraction
	 * reduces it.
	 */
	for (r = 0; r < XF_ROUNDS; r++) {
		if (r % 2 == 0) {
			lo += (fpe_f(e, r, lane, hi) >> 32) * mb >> 32;
			if (lo >= mb)
				lo -= mb;
		} else if (a > 0) {
			hi += (fpe_f(e, r, lane, lo) >> 32) * ma >> 32;
			if (hi >= ma)
				hi -= ma;
		}
	}
	return hi * mb + lo;
}

/* ---- fakes from the dictionaries ------------------------------------- */

static int
act_email(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	unsigned char h[16];
	char t[128];
	const struct dict_word *fw, *lw;
	const char *dom;
	uint64_t sfx, sel;
	size_t len = 0, fixed, room, i, m;
	int user = a->kind == ACT_USERNAME, sep = user ? '_' : '.';

	prf_value(k, a->kind, a, p, n, h);
	sfx = le64(h);
	sel = le64(h + 8);
	fw = &dict_ascii_first.w[(sel & 0xffffff) % dict_ascii_first.n];
	lw = &dict_ascii_last.w[((sel >> 24) & 0xffffff) %
	    dict_ascii_last.n];
	dom = email_domains[(sel >> 48) % 3];

	/*
	 * The suffix and domain are what keep the output injective, so a
	 * short column shortens the realistic part: drop the last name,
	 * then shorten the first, then drop it and its separator.
	 */
	fixed = user ? USERNAME_MIN : EMAIL_MIN;
	if (c->maxchars < 0)
		room = SIZE_MAX;
	else
		room = (size_t)c->maxchars > fixed ?
		    (size_t)c->maxchars - fixed : 0;
	if ((size_t)fw->len + 1 + lw->len + 1 <= room) {
		for (i = 0; i < fw->len; i++)
			t[len++] = (char)(fw->s[i] | 0x20);
		t[len++] = (char)sep;
		for (i = 0; i < lw->len; i++)
			t[len++] = (char)(lw->s[i] | 0x20);
		t[len++] = (char)sep;
	} else if (room >= 2) {
		m = (size_t)fw->len + 1 <= room ? fw->len : room - 1;
		for (i = 0; i < m; i++)
			t[len++] = (char)(fw->s[i] | 0x20);
		t[len++] = (char)sep;
	}
	/* 64 bits in 13 base32 characters; the first carries 4 bits. */
	for (i = 0; i < SUFFIX_CHARS; i++)
		t[len++] = base32[(sfx >> (60 - 5 * i)) & 31];
	if (!user) {
		t[len++] = '@';
		memcpy(t + len, dom, DOMAIN_CHARS);
		len += DOMAIN_CHARS;
	}
	/* Too short even so (allowed on non-unique columns only): cut. */
	if (c->maxchars >= 0 && len > (size_t)c->maxchars)
		len = (size_t)c->maxchars;
	return add(out, t, len, err);
}

static void
put_word(char *t, size_t *len, const struct dict_word *w)
{
	memcpy(t + *len, w->s, w->len);
	*len += w->len;
}

static const struct dict_word *
pick(const struct dict_list *l, uint64_t x)
{
	return &l->w[x % l->n];
}

/* first_name, last_name, full_name, company, street, city, zip, country */
static int
act_dict(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	const struct dict_locale *loc;
	unsigned char h[16];
	char t[192];
	uint64_t x, y;
	size_t len = 0, start = out->len;
	unsigned num;

	loc = dict_locale(a->locale);
	if (loc == NULL)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "%s: unknown locale "
		    "'%s'", rule_action_name(a->kind), a->locale);
	prf_value(k, a->kind, a, p, n, h);
	x = le64(h);
	y = le64(h + 8);
	switch (a->kind) {
	case ACT_FIRST_NAME:
		put_word(t, &len, pick(&loc->first, x));
		break;
	case ACT_LAST_NAME:
		put_word(t, &len, pick(&loc->last, x));
		break;
	case ACT_FULL_NAME:
		put_word(t, &len, pick(&loc->first, x));
		t[len++] = ' ';
		put_word(t, &len, pick(&loc->last, y));
		break;
	case ACT_COMPANY:
		/* One in four is named after a family: "Müller Bau GmbH". */
		if ((x >> 60) % 4 == 0)
			put_word(t, &len, pick(&loc->last, x));
		else
			put_word(t, &len, pick(&loc->company_stem, x));
		t[len++] = ' ';
		put_word(t, &len, pick(&loc->company_trade, y));
		t[len++] = ' ';
		put_word(t, &len, pick(&loc->company_legal, y >> 32));
		break;
	case ACT_STREET:
		num = 1 + (unsigned)(y % loc->house_max);
		if (loc->number_after) {
			put_word(t, &len, pick(&loc->street, x));
			t[len++] = ' ';
			len += fmt_u64(t + len, num);
		} else {
			len += fmt_u64(t + len, num);
			t[len++] = ' ';
			put_word(t, &len, pick(&loc->street, x));
		}
		break;
	case ACT_CITY:
		put_word(t, &len, pick(&loc->city, x));
		break;
	case ACT_COUNTRY:
		put_word(t, &len, pick(&loc->country, x));
		break;
	default:	/* ACT_ZIP */
		num = loc->zip_min +
		    (unsigned)(x % (loc->zip_max - loc->zip_min + 1));
		fmt_pad(t, num, loc->zip_digits);
		len = loc->zip_digits;
		break;
	}
	if (add(out, t, len, err) == -1)
		return -1;
	/* Entries may hold umlauts: cut at a character boundary. */
	fit(out, start, c);
	return XF_VALUE;
}

/* ---- hash ------------------------------------------------------------- */

static int
act_hash(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	crypto_generichash_state st;
	unsigned char h[64], hdr[5];
	char t[128];
	size_t len = a->n1 > 0 ? (size_t)a->n1 : HASH_DEFAULT, nb, i;
	size_t sl = a->salt.p != NULL ? a->salt.len : 0;

	if (len > 128)
		len = 128;
	nb = (len + 1) / 2;
	/* The same message layout as the PRF, so hash has its own tag. */
	hdr[0] = ACT_HASH;
	hdr[1] = (unsigned char)sl;
	hdr[2] = (unsigned char)(sl >> 8);
	hdr[3] = (unsigned char)(sl >> 16);
	hdr[4] = (unsigned char)(sl >> 24);
	crypto_generichash_init(&st, k->master, sizeof(k->master), nb);
	crypto_generichash_update(&st, hdr, sizeof(hdr));
	if (sl > 0)
		crypto_generichash_update(&st,
		    (const unsigned char *)a->salt.p, sl);
	crypto_generichash_update(&st, (const unsigned char *)p, n);
	crypto_generichash_final(&st, h, nb);
	for (i = 0; i < len; i++)
		t[i] = hexdig[i % 2 == 0 ? h[i / 2] >> 4 : h[i / 2] & 15];
	if (c->maxchars >= 0 && len > (size_t)c->maxchars)
		len = (size_t)c->maxchars;
	return add(out, t, len, err);
}

/* ---- integer columns -------------------------------------------------- */

static int
int_value(const struct xf_col *c, const char *p, size_t n, long long *v,
    struct df_error *err)
{
	if (parse_i64(p, n, v) == -1 || *v < c->imin || *v > c->imax)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "value (%zu bytes) "
		    "is not an integer in [%lld, %lld]", n, c->imin, c->imax);
	return 0;
}

static int
add_i64(struct buf *out, long long v, struct df_error *err)
{
	char t[24];

	return add(out, t, fmt_i64(t, v), err);
}

/* Begin the tweak of an integer permutation: kind and the type's range. */
static void
int_tweak(struct prf *f, const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c)
{
	unsigned char r[16];

	prf_begin(f, k, INTVAR(TWEAK(a->kind)), a);
	put_le64(r, (uint64_t)c->imin);
	put_le64(r + 8, (uint64_t)c->imax);
	prf_add(f, r, sizeof(r));
}

/* hash on an integer column: a keyed permutation of [imin, imax]. */
static int
int_hash(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	struct prf f;
	struct fpe e;
	long long v;
	uint64_t span, x;

	if (int_value(c, p, n, &v, err) == -1)
		return -1;
	int_tweak(&f, k, a, c);
	fpe_key(&e, &f);
	/* Modulo 2^64: the full bigint range gives 0, meaning 2^64. */
	span = (uint64_t)c->imax - (uint64_t)c->imin + 1;
	x = fpe_range(&e, span, (uint64_t)v - (uint64_t)c->imin);
	/* imin + x is in range; the conversion wraps as intended. */
	return add_i64(out, (long long)((uint64_t)c->imin + x), err);
}

/*
 * digits on an integer column: a permutation of the integers with the
 * same sign and number of digits (no leading zeros) that lie in the
 * column's range, so injective on the integer's value.
 */
static int
int_digits(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	struct prf f;
	struct fpe e;
	unsigned char t[17];
	long long v;
	uint64_t mag, lo, hi, lim, y;
	unsigned d;
	int neg;
	char s[24];
	size_t len = 0;

	if (int_value(c, p, n, &v, err) == -1)
		return -1;
	neg = v < 0;
	mag = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	for (d = 1; d < 20 && mag >= pow10_u64[d]; d++)
		;
	lo = d == 1 ? (neg ? 1 : 0) : pow10_u64[d - 1];
	hi = d == 20 ? UINT64_MAX : pow10_u64[d] - 1;
	/* Clip to the type: magnitudes up to imax, or up to -imin. */
	if (neg) {
		lim = (uint64_t)0 - (uint64_t)c->imin;
		if (c->imax < 0 && (uint64_t)0 - (uint64_t)c->imax > lo)
			lo = (uint64_t)0 - (uint64_t)c->imax;
	} else {
		lim = (uint64_t)c->imax;
		if (c->imin > 0 && (uint64_t)c->imin > lo)
			lo = (uint64_t)c->imin;
	}
	if (hi > lim)
		hi = lim;
	int_tweak(&f, k, a, c);
	put_le64(t, lo);
	put_le64(t + 8, hi);
	t[16] = (unsigned char)neg;
	prf_add(&f, t, sizeof(t));
	fpe_key(&e, &f);
	y = lo + fpe_range(&e, hi - lo + 1, mag - lo);
	if (neg)
		s[len++] = '-';
	len += fmt_u64(s + len, y);
	return add(out, s, len, err);
}

/* ---- digits and phone ------------------------------------------------- */

/*
 * Every digit replaced through a keyed permutation of the k-digit strings,
 * every other byte kept.  The tweak is the action, the salt and the shape
 * (the value with its digits blanked), so "555-1234" and "5551234" use
 * unrelated permutations; either way equal shapes and distinct digits
 * give distinct outputs, and distinct shapes distinct outputs, hence
 * injective.  More than 18 digits are split into near-equal blocks of at
 * most 18, each permuted with its index as lane: still a bijection.
 * phone keeps a leading "+" and up to 3 digits (the country code) as part
 * of the shape.
 */
static int
act_digits(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	struct prf f;
	struct fpe e;
	char shape[64], *q;
	size_t start = out->len, skip = 0, nd = 0, nblk, bk, i, j, m, pos;
	size_t at[18];
	uint64_t x, y;

	if (a->kind == ACT_PHONE && n > 0 && p[0] == '+')
		for (skip = 1; skip < n && skip < 4 && is_digit(p[skip]);
		    skip++)
			;
	if (add(out, p, n, err) == -1)
		return -1;
	for (i = skip; i < n; i++)
		nd += is_digit(p[i]);
	if (nd == 0)
		return XF_VALUE;

	prf_begin(&f, k, TWEAK(a->kind), a);
	prf_add(&f, p, skip);
	for (i = skip; i < n; i += m) {
		m = n - i < sizeof(shape) ? n - i : sizeof(shape);
		for (j = 0; j < m; j++)
			shape[j] = is_digit(p[i + j]) ? '0' : p[i + j];
		prf_add(&f, shape, m);
	}
	fpe_key(&e, &f);

	q = out->p + start;
	nblk = (nd + 17) / 18;
	pos = skip;
	for (i = 0; i < nblk; i++) {
		bk = nd / nblk + (i < nd % nblk);
		x = 0;
		for (j = 0; j < bk; pos++) {
			if (!is_digit(q[pos]))
				continue;
			at[j++] = pos;
			x = x * 10 + (uint64_t)(q[pos] - '0');
		}
		y = fpe_dec(&e, (unsigned)bk, (unsigned)i, x);
		for (j = bk; j-- > 0; y /= 10)
			q[at[j]] = (char)('0' + y % 10);
	}
	fit(out, start, c);
	return XF_VALUE;
}

/* ---- partial, uuid, credit_card --------------------------------------- */

static int
act_partial(const struct rule_action *a, const struct xf_col *c,
    const char *p, size_t n, struct buf *out, struct df_error *err)
{
	const char *mk = "*";
	size_t mlen = 1, chars, pre, suf, head, tail, i, start = out->len;

	if (a->lit.p != NULL && a->lit.len > 0) {
		mk = a->lit.p;
		mlen = a->lit.len;
	}
	pre = a->n1 > 0 ? (size_t)a->n1 : 0;
	suf = a->n2 > 0 ? (size_t)a->n2 : 0;
	chars = xf_utf8_chars(p, n);
	/* pre + suf >= chars, written so that it cannot overflow. */
	if (pre >= chars || suf >= chars - pre) {
		for (i = 0; i < chars; i++)
			if (buf_add(out, mk, mlen) == -1)
				return too_big(out, err);
		return XF_VALUE;
	}
	head = u8_prefix(p, n, pre);
	tail = u8_prefix(p, n, chars - suf);
	if (buf_add(out, p, head) == -1)
		return too_big(out, err);
	for (i = pre; i < chars - suf; i++)
		if (buf_add(out, mk, mlen) == -1)
			return too_big(out, err);
	if (buf_add(out, p + tail, n - tail) == -1)
		return too_big(out, err);
	fit(out, start, c);
	return XF_VALUE;
}

static int
act_uuid(const struct xf_key *k, const struct rule_action *a,
    const char *p, size_t n, struct buf *out, struct df_error *err)
{
	unsigned char h[16];
	char t[UUID_CHARS];
	size_t i, len = 0;

	prf_value(k, ACT_UUID, a, p, n, h);
	/* RFC 4122: version 4 in the high nibble of byte 6, variant 10. */
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x40);
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			t[len++] = '-';
		t[len++] = hexdig[h[i] >> 4];
		t[len++] = hexdig[h[i] & 15];
	}
	return add(out, t, len, err);
}

/*
 * A Luhn-valid Visa-shaped test number with as many digits as the input
 * (13 to 19), the input's separators kept where they were.
 */
static int
act_credit_card(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	unsigned char h[16];
	char d[19], *q;
	size_t nd = 0, i, j, start = out->len;
	uint64_t x, y;
	unsigned sum = 0, v;

	for (i = 0; i < n; i++)
		nd += is_digit(p[i]);
	if (nd < 13 || nd > 19)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "credit_card: not a "
		    "card number (%zu digits; 13 to 19)", nd);
	prf_value(k, ACT_CREDIT_CARD, a, p, n, h);
	x = le64(h);
	y = le64(h + 8);
	d[0] = 4;
	for (i = 1; i < nd - 1; i++) {
		if (i < 10) {
			d[i] = (char)(x % 10);
			x /= 10;
		} else {
			d[i] = (char)(y % 10);
			y /= 10;
		}
	}
	/* Luhn: double every second digit from the right of the payload. */
	for (i = nd - 1, j = 0; i-- > 0; j++) {
		v = (unsigned)d[i];
		if (j % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	d[nd - 1] = (char)((10 - sum % 10) % 10);
	if (add(out, p, n, err) == -1)
		return -1;
	q = out->p + start;
	for (i = 0, j = 0; i < n; i++)
		if (is_digit(q[i]))
			q[i] = (char)('0' + d[j++]);
	fit(out, start, c);
	return XF_VALUE;
}

/* ---- ipv4, ipv6 ------------------------------------------------------- */

/*
 * The "/NN" at the end of (p, n): sets *at to where it starts (n if none)
 * and returns NN, or -1 if there is none or NN > max.
 */
static int
prefix_len(const char *p, size_t n, int max, size_t *at)
{
	size_t i = n;
	int v = 0;

	*at = n;
	while (i > 0 && is_digit(p[i - 1]) && n - i < 3)
		i--;
	if (i == n || i == 0 || p[i - 1] != '/')
		return -1;
	for (*at = i - 1; i < n; i++)
		v = v * 10 + (p[i] - '0');
	if (v > max) {
		*at = n;
		return -1;
	}
	return v;
}

/* Parse a dotted quad filling all of (p, n).  Returns 0 or -1. */
static int
parse_ipv4(const char *p, size_t n, uint32_t *addr)
{
	size_t i = 0, nd;
	unsigned part, k;
	uint32_t v = 0;

	for (k = 0; k < 4; k++) {
		if (k > 0) {
			if (i == n || p[i] != '.')
				return -1;
			i++;
		}
		for (nd = 0, part = 0; i < n && is_digit(p[i]) && nd < 3;
		    i++, nd++)
			part = part * 10 + (unsigned)(p[i] - '0');
		if (nd == 0 || part > 255)
			return -1;
		v = v << 8 | part;
	}
	if (i != n)
		return -1;
	*addr = v;
	return 0;
}

/*
 * ipv4.  A dotted quad is permuted, so distinct addresses stay distinct:
 * the network part (the top NN bits of "a.b.c.d/NN", all 32 bits without
 * a prefix) by a Feistel network over NN bits, the host part by one over
 * the non-zero host numbers, keeping a zero host part zero so that cidr
 * values (no bits right of the mask) stay valid.  Anything else gets a
 * PRF-derived address with the host bits cleared.  A "/NN" is kept.
 */
static int
act_ipv4(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	struct prf f;
	struct fpe e;
	unsigned char h[16], tw[2];
	uint32_t addr, net, host;
	unsigned hb;
	size_t at, len = 0, i, start = out->len;
	int nn;
	char t[24];

	nn = prefix_len(p, n, 32, &at);
	hb = nn < 0 ? 0 : 32 - (unsigned)nn;
	if (parse_ipv4(p, at, &addr) == 0) {
		net = hb == 32 ? 0 : addr >> hb;
		host = (uint32_t)(addr & mask_bits(hb));
		tw[0] = (unsigned char)(32 - hb);
		tw[1] = 'n';
		prf_begin(&f, k, TWEAK(ACT_IPV4), a);
		prf_add(&f, tw, sizeof(tw));
		fpe_key(&e, &f);
		net = (uint32_t)fpe_bits(&e, 32 - hb, net);
		if (host != 0) {
			tw[1] = 'h';
			prf_begin(&f, k, TWEAK(ACT_IPV4), a);
			prf_add(&f, tw, sizeof(tw));
			fpe_key(&e, &f);
			host = 1 + (uint32_t)fpe_range(&e,
			    mask_bits(hb), host - 1);
		}
		addr = (hb == 32 ? 0 : net << hb) | host;
	} else {
		prf_value(k, ACT_IPV4, a, p, at, h);
		addr = (uint32_t)le64(h);
		addr &= (uint32_t)~mask_bits(hb);
	}
	for (i = 0; i < 4; i++) {
		if (i > 0)
			t[len++] = '.';
		len += fmt_u64(t + len, (addr >> (24 - 8 * i)) & 0xff);
	}
	if (add(out, t, len, err) == -1 || add(out, p + at, n - at, err) == -1)
		return -1;
	fit(out, start, c);
	return XF_VALUE;
}

/* ipv6: 128 PRF bits, host bits cleared under a "/NN", 8 groups. */
static int
act_ipv6(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	unsigned char h[16];
	char t[48];
	size_t at, len = 0, i, start = out->len;
	int nn;
	unsigned g;

	nn = prefix_len(p, n, 128, &at);
	prf_value(k, ACT_IPV6, a, p, at, h);
	if (nn >= 0)
		for (i = 0; i < 16; i++) {
			if ((int)(i * 8) >= nn)
				h[i] = 0;
			else if ((int)(i * 8 + 8) > nn)
				h[i] &= (unsigned char)(0xff << (8 - (nn % 8)));
		}
	for (i = 0; i < 8; i++) {
		if (i > 0)
			t[len++] = ':';
		g = (unsigned)h[2 * i] << 8 | h[2 * i + 1];
		/* Groups without leading zeros (RFC 5952 section 4.1). */
		if (g >= 0x1000)
			t[len++] = hexdig[g >> 12];
		if (g >= 0x100)
			t[len++] = hexdig[(g >> 8) & 15];
		if (g >= 0x10)
			t[len++] = hexdig[(g >> 4) & 15];
		t[len++] = hexdig[g & 15];
	}
	if (add(out, t, len, err) == -1 || add(out, p + at, n - at, err) == -1)
		return -1;
	fit(out, start, c);
	return XF_VALUE;
}

/* ---- date_shift ------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * ((long)m + (m > 2 ? -3 : 9)) + 2) / 5 + (long)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static unsigned
month_days(long y, unsigned m)
{
	static const unsigned char md[12] = { 31, 28, 31, 30, 31, 30, 31,
	    31, 30, 31, 30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return md[m - 1];
}

/*
 * Shift YYYY-MM-DD at the start of the value by a keyed offset in
 * [-DAYS, -1] u [1, DAYS]; the rest (time, zone) is kept.  The offset is
 * a function of the date alone, so a date and a timestamp on the same day
 * move together.  PostgreSQL writes ISO dates (DateStyle ISO, which
 * pg_dump sets) and " BC" after years before 1; MySQL writes ISO dates and
 * "0000-00-00" zero dates, which (like any date with a zero month or
 * day, NO_ZERO_IN_DATE off) are kept as they are, as are pg's infinity
 * and -infinity.
 */
static int
act_date_shift(const struct xf_key *k, const struct rule_action *a,
    const char *p, size_t n, struct buf *out, struct df_error *err)
{
	unsigned char h[16];
	char t[10];
	long y, z, days = a->n1 > 0 ? a->n1 : 1, off;
	unsigned m, d, i;

	if (df_slice_caseeq(p, n, "infinity") ||
	    df_slice_caseeq(p, n, "-infinity"))
		return add(out, p, n, err);
	for (i = 0; i < 10 && i < n; i++)
		if ((i == 4 || i == 7) ? p[i] != '-' : !is_digit(p[i]))
			break;
	if (i < 10 || (n > 10 && is_digit(p[10]))) {
		if (n > 4 && i == 4 && is_digit(p[4]))
			return df_err(err, DF_EXIT_DATA, NULL, 0, "date_shift: "
			    "year beyond 9999");
		return df_err(err, DF_EXIT_DATA, NULL, 0, "date_shift: not a "
		    "date (%zu bytes)", n);
	}
	y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	m = (unsigned)((p[5] - '0') * 10 + (p[6] - '0'));
	d = (unsigned)((p[8] - '0') * 10 + (p[9] - '0'));
	if (m == 0 || d == 0)
		return add(out, p, n, err);
	if (n >= 3 && memcmp(p + n - 3, " BC", 3) == 0)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "date_shift: BC "
		    "dates are not supported");
	if (y == 0 || m > 12 || d > month_days(y, m))
		return df_err(err, DF_EXIT_DATA, NULL, 0, "date_shift: not a "
		    "valid date");
	prf_value(k, ACT_DATE_SHIFT, a, p, 10, h);
	off = (long)(le64(h) % (uint64_t)(2 * days));
	off = off < days ? -(off + 1) : off - days + 1;
	z = days_from_civil(y, m, d) + off;
	civil_from_days(z, &y, &m, &d);
	if (y < 1 || y > 9999)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "date_shift: the "
		    "shifted date leaves the years 0001 to 9999");
	fmt_pad(t, (unsigned)y, 4);
	t[4] = '-';
	fmt_pad(t + 5, m, 2);
	t[7] = '-';
	fmt_pad(t + 8, d, 2);
	if (add(out, t, sizeof(t), err) == -1)
		return -1;
	return add(out, p + 10, n - 10, err);
}

/* ---- noise ------------------------------------------------------------ */

/* Round half away from zero, without libm. */
static double
round_half_away(double s)
{
	double a = s < 0 ? -s : s;

	/* From 2^52 up every double is an integer already. */
	if (a >= 4503599627370496.0)
		return s;
	a = (double)(uint64_t)(a + 0.5);
	return s < 0 ? -a : a;
}

/* The keyed factor in [1 - P/100, 1 + P/100). */
static double
noise_factor(const struct xf_key *k, const struct rule_action *a,
    const char *p, size_t n)
{
	unsigned char h[16];
	double u;

	prf_value(k, ACT_NOISE, a, p, n, h);
	u = (double)(le64(h) >> 11) / 9007199254740992.0;
	return 1.0 + (u * 2.0 - 1.0) * a->pct / 100.0;
}

/*
 * Multiply a number by a keyed factor.  The number of decimals written is
 * kept (rounding half away from zero), so integers stay integers; integer
 * columns are clamped to their range; an exponent form is printed with
 * %.17g.  NaN and infinities are kept.  Arithmetic is in double (and
 * strtod/snprintf assume the "C" locale, which the programs never change).
 */
static int
act_noise(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	char t[400], num[128];
	double x, y, sc;
	long long v;
	size_t dec;
	int expo, len;

	if (df_slice_caseeq(p, n, "nan") || df_slice_caseeq(p, n, "infinity")
	    || df_slice_caseeq(p, n, "-infinity") ||
	    df_slice_caseeq(p, n, "+infinity"))
		return add(out, p, n, err);
	if (c->type == XT_INT) {
		if (int_value(c, p, n, &v, err) == -1)
			return -1;
		y = round_half_away((double)v * noise_factor(k, a, p, n));
		/* Clamp in double: (double)LLONG_MAX is 2^63 exactly. */
		if (y >= (double)c->imax)
			v = c->imax;
		else if (y <= (double)c->imin)
			v = c->imin;
		else
			v = (long long)y;
		return add_i64(out, v, err);
	}
	if (scan_number(p, n, &dec, &expo) == -1)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "noise: value (%zu "
		    "bytes) is not a number", n);
	if (n >= sizeof(num))
		return df_err(err, DF_EXIT_DATA, NULL, 0, "noise: number of "
		    "%zu characters is too long (at most %zu)", n,
		    sizeof(num) - 1);
	memcpy(num, p, n);
	num[n] = '\0';
	x = strtod(num, NULL);
	y = x * noise_factor(k, a, p, n);
	/* Beyond double's range (numeric allows 1e400): kept as written. */
	if (y - y != 0)
		return add(out, p, n, err);
	if (c->type == XT_DECIMAL && c->prec > 0 && c->prec - c->scale < 300) {
		/*
		 * numeric(p,s) holds less than 10^(p-s): clamp below it, to
		 * the largest value with the input's decimals.
		 */
		double lim = 1, step = 1;
		int i;

		for (i = 0; i < c->prec - c->scale; i++)
			lim *= 10;
		for (i = 0; i < (int)(dec < 60 ? dec : 60); i++)
			step /= 10;
		if (y >= lim - step / 2)
			y = lim - step;
		else if (y <= -(lim - step / 2))
			y = -(lim - step);
	}
	if (expo) {
		len = snprintf(t, sizeof(t), "%.17g", y);
	} else {
		if (dec > 60)
			dec = 60;
		if (dec < sizeof(pow10_dbl) / sizeof(pow10_dbl[0])) {
			sc = pow10_dbl[dec];
			y = round_half_away(y * sc);
			/* + 0.0 turns a negative zero into zero. */
			y = y == 0 ? 0.0 : y / sc;
		}
		len = snprintf(t, sizeof(t), "%.*f", (int)dec, y);
	}
	if (len < 0 || (size_t)len >= sizeof(t))
		return df_err(err, DF_EXIT_DATA, NULL, 0, "noise: result too "
		    "long");
	if (add(out, t, (size_t)len, err) == -1)
		return -1;
	fit(out, out->len - (size_t)len, c);
	return XF_VALUE;
}

/* ---- map, replace, json ----------------------------------------------- */

static int
act_map(const struct rule_action *a, const struct xf_col *c, const char *p,
    size_t n, struct buf *out, struct df_error *err)
{
	const char *q;
	size_t qn;
	int r;

	r = rule_map_get(a->map, p, n, &q, &qn);
	if (r == 0)
		return add(out, q, qn, err);
	if (r == 1) {
		if (c->notnull)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "map of "
			    "%s:%lu gives NULL for a NOT NULL column",
			    a->pos.file, a->pos.line);
		return XF_NULL;
	}
	switch (a->map_default) {
	case MAP_KEEP:
		return add(out, p, n, err);
	case MAP_NULL:
		return XF_NULL;
	case MAP_SET:
		return add(out, a->lit.p, a->lit.len, err);
	default:
		/* The value itself is sensitive: say only how long it is. */
		return df_err(err, DF_EXIT_DATA, NULL, 0, "a value (%zu bytes) "
		    "is not in map %s and the rule at %s:%lu has no default",
		    n, rule_map_path(a->map), a->pos.file, a->pos.line);
	}
}

static int
act_replace(const struct rule_action *a, const struct xf_col *c,
    const char *p, size_t n, struct buf *out, struct df_error *err)
{
	size_t start = out->len, chars;
	long long v;

	if (rx_replace(a->rx, a->lit.p != NULL ? a->lit.p : "", a->lit.len,
	    p, n, out, err) == -1)
		return -1;
	if (c->type == XT_INT && (parse_i64(out->p + start, out->len - start,
	    &v) == -1 || v < c->imin || v > c->imax))
		return df_err(err, DF_EXIT_DATA, NULL, 0, "replace result is "
		    "not an integer in [%lld, %lld]", c->imin, c->imax);
	if (c->maxchars >= 0 && out->len - start > (size_t)c->maxchars) {
		chars = xf_utf8_chars(out->p + start, out->len - start);
		if (chars > (size_t)c->maxchars)
			return df_err(err, DF_EXIT_DATA, NULL, 0, "replace "
			    "result is %zu characters; the column holds %ld",
			    chars, c->maxchars);
	}
	return XF_VALUE;
}

struct json_ctx {
	const struct xf_key	*key;
	const struct rule_json	*rj;
};

/*
 * One value a json path selects.  The sub-action sees it as text in a
 * column without limits.  null replaces anything; JSON null stays; a
 * string gets the action's text as a string; a number gets it raw when
 * it is still a JSON number, else as a string; true and false only take
 * keep, null and set; objects and arrays only keep and null.
 */
static int
json_edit_cb(void *arg, size_t i, enum json_kind kind, const char *p,
    size_t n, struct buf *out, struct df_error *err)
{
	const struct json_ctx *x = arg;
	const struct json_rule *jr = &x->rj->rules[i];
	const struct rule_action *sa = &jr->act;
	struct xf_col tc;
	int r;

	if (sa->kind == ACT_KEEP || sa->kind == ACT_RELINK)
		return JSON_KEEP;
	if (sa->kind == ACT_NULL) {
		if (buf_adds(out, "null") == -1)
			return too_big(out, err);
		return JSON_SET_RAW;
	}
	if (kind == JSON_NULL)
		return JSON_KEEP;
	if (kind == JSON_OBJECT || kind == JSON_ARRAY)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "json path %s "
		    "selects an %s", jr->path,
		    kind == JSON_OBJECT ? "object" : "array");
	if ((kind == JSON_TRUE || kind == JSON_FALSE) && sa->kind != ACT_SET)
		return df_err(err, DF_EXIT_DATA, NULL, 0, "json path %s "
		    "selects a boolean; only keep, null and set apply",
		    jr->path);
	memset(&tc, 0, sizeof(tc));
	tc.type = XT_TEXT;
	tc.maxchars = -1;
	r = xf_apply(x->key, sa, &tc, p, n, out, err);
	if (r == -1) {
		df_err_prefix(err, "json path %s: ", jr->path);
		return -1;
	}
	if (r == XF_NULL) {
		out->len = 0;
		if (buf_adds(out, "null") == -1)
			return too_big(out, err);
		return JSON_SET_RAW;
	}
	if (kind == JSON_STRING)
		return JSON_SET_STRING;
	if (json_number(out->p, out->len) || (kind != JSON_NUMBER &&
	    (df_slice_eq(out->p, out->len, "true") ||
	    df_slice_eq(out->p, out->len, "false"))))
		return JSON_SET_RAW;
	return JSON_SET_STRING;
}

/* ---- xf_apply ---------------------------------------------------------- */

/*
 * Dispatch on the action kind.  Integer columns get their own hash,
 * digits and noise (permutations of the type's range, clamping); other
 * types take the text forms.  Whatever fails, out is left as it was on
 * entry, so the caller can report and go on with the same buffer.
 */
int
xf_apply(const struct xf_key *k, const struct rule_action *a,
    const struct xf_col *c, const char *p, size_t n, struct buf *out,
    struct df_error *err)
{
	struct json_ctx jc;
	size_t start = out->len;
	int r;

	switch (a->kind) {
	case ACT_NULL:
		return XF_NULL;
	case ACT_EMPTY:
		return XF_VALUE;
	case ACT_SET:
		r = add(out, a->lit.p, a->lit.len, err);
		break;
	case ACT_HASH:
		if (c->type == XT_INT)
			r = int_hash(k, a, c, p, n, out, err);
		else
			r = act_hash(k, a, c, p, n, out, err);
		break;
	case ACT_EMAIL:
	case ACT_USERNAME:
		r = act_email(k, a, c, p, n, out, err);
		break;
	case ACT_FIRST_NAME:
	case ACT_LAST_NAME:
	case ACT_FULL_NAME:
	case ACT_COMPANY:
	case ACT_STREET:
	case ACT_CITY:
	case ACT_ZIP:
	case ACT_COUNTRY:
		r = act_dict(k, a, c, p, n, out, err);
		break;
	case ACT_PHONE:
		r = act_digits(k, a, c, p, n, out, err);
		break;
	case ACT_DIGITS:
		if (c->type == XT_INT)
			r = int_digits(k, a, c, p, n, out, err);
		else
			r = act_digits(k, a, c, p, n, out, err);
		break;
	case ACT_PARTIAL:
		r = act_partial(a, c, p, n, out, err);
		break;
	case ACT_REPLACE:
		r = act_replace(a, c, p, n, out, err);
		break;
	case ACT_UUID:
		r = act_uuid(k, a, p, n, out, err);
		break;
	case ACT_IPV4:
		r = act_ipv4(k, a, c, p, n, out, err);
		break;
	case ACT_IPV6:
		r = act_ipv6(k, a, c, p, n, out, err);
		break;
	case ACT_CREDIT_CARD:
		r = act_credit_card(k, a, c, p, n, out, err);
		break;
	case ACT_DATE_SHIFT:
		r = act_date_shift(k, a, p, n, out, err);
		break;
	case ACT_NOISE:
		r = act_noise(k, a, c, p, n, out, err);
		break;
	case ACT_MAP:
		r = act_map(a, c, p, n, out, err);
		break;
	case ACT_JSON:
		jc.key = k;
		jc.rj = a->json;
		r = json_rewrite(p, n, a->json, json_edit_cb, &jc, out, err) ==
		    -1 ? -1 : XF_VALUE;
		break;
	default:	/* ACT_KEEP, ACT_RELINK (dumprelink's) */
		r = add(out, p, n, err);
		break;
	}
	/* A failed action leaves out as it found it. */
	if (r != XF_VALUE)
		out->len = start;
	return r;
}

/* ---- column types ----------------------------------------------------- */

struct type_name {
	const char	*name;
	enum xf_type	 type;
	int		 bits;		/* integers: width */
	long		 maxchars;	/* limit when no length: -1 none */
	int		 sized;		/* the (n) is a length */
};

/* Base names as schema.c writes them (lowercase, single spaces). */
static const struct type_name type_names[] = {
	{ "smallint", XT_INT, 16, -1, 0 }, { "int2", XT_INT, 16, -1, 0 },
	{ "smallserial", XT_INT, 16, -1, 0 }, { "serial2", XT_INT, 16, -1, 0 },
	{ "integer", XT_INT, 32, -1, 0 }, { "int", XT_INT, 32, -1, 0 },
	{ "int4", XT_INT, 32, -1, 0 }, { "serial", XT_INT, 32, -1, 0 },
	{ "serial4", XT_INT, 32, -1, 0 }, { "bigint", XT_INT, 64, -1, 0 },
	{ "int8", XT_INT, 64, -1, 0 }, { "bigserial", XT_INT, 64, -1, 0 },
	{ "serial8", XT_INT, 64, -1, 0 }, { "tinyint", XT_INT, 8, -1, 0 },
	{ "int1", XT_INT, 8, -1, 0 }, { "mediumint", XT_INT, 24, -1, 0 },
	{ "middleint", XT_INT, 24, -1, 0 }, { "int3", XT_INT, 24, -1, 0 },
	{ "bool", XT_BOOL, 0, -1, 0 }, { "boolean", XT_BOOL, 0, -1, 0 },
	{ "numeric", XT_DECIMAL, 0, -1, 0 },
	{ "decimal", XT_DECIMAL, 0, -1, 0 },
	{ "dec", XT_DECIMAL, 0, -1, 0 }, { "fixed", XT_DECIMAL, 0, -1, 0 },
	{ "real", XT_DECIMAL, 0, -1, 0 }, { "float", XT_DECIMAL, 0, -1, 0 },
	{ "float4", XT_DECIMAL, 0, -1, 0 }, { "float8", XT_DECIMAL, 0, -1, 0 },
	{ "double", XT_DECIMAL, 0, -1, 0 },
	{ "double precision", XT_DECIMAL, 0, -1, 0 },
	{ "date", XT_DATE, 0, -1, 0 }, { "datetime", XT_TIMESTAMP, 0, -1, 0 },
	{ "timestamp", XT_TIMESTAMP, 0, -1, 0 },
	{ "timestamptz", XT_TIMESTAMP, 0, -1, 0 },
	{ "timestamp with time zone", XT_TIMESTAMP, 0, -1, 0 },
	{ "timestamp without time zone", XT_TIMESTAMP, 0, -1, 0 },
	{ "time", XT_TIME, 0, -1, 0 }, { "timetz", XT_TIME, 0, -1, 0 },
	{ "time with time zone", XT_TIME, 0, -1, 0 },
	{ "time without time zone", XT_TIME, 0, -1, 0 },
	{ "uuid", XT_UUID, 0, -1, 0 }, { "inet", XT_INET, 0, -1, 0 },
	{ "cidr", XT_INET, 0, -1, 0 }, { "json", XT_JSON, 0, -1, 0 },
	{ "jsonb", XT_JSON, 0, -1, 0 }, { "bytea", XT_BYTES, 0, -1, 0 },
	{ "blob", XT_BYTES, 0, -1, 0 }, { "tinyblob", XT_BYTES, 0, -1, 0 },
	{ "mediumblob", XT_BYTES, 0, -1, 0 },
	{ "longblob", XT_BYTES, 0, -1, 0 }, { "binary", XT_BYTES, 0, -1, 1 },
	{ "varbinary", XT_BYTES, 0, -1, 1 }, { "bit", XT_BYTES, 0, -1, 0 },
	{ "bit varying", XT_BYTES, 0, -1, 0 }, { "varbit", XT_BYTES, 0, -1, 0 },
	{ "char", XT_CHAR, 0, 1, 1 }, { "character", XT_CHAR, 0, 1, 1 },
	{ "nchar", XT_CHAR, 0, 1, 1 }, { "national char", XT_CHAR, 0, 1, 1 },
	{ "national character", XT_CHAR, 0, 1, 1 },
	{ "bpchar", XT_CHAR, 0, -1, 1 }, { "\"char\"", XT_CHAR, 0, 1, 0 },
	{ "varchar", XT_TEXT, 0, -1, 1 },
	{ "character varying", XT_TEXT, 0, -1, 1 },
	{ "char varying", XT_TEXT, 0, -1, 1 },
	{ "nvarchar", XT_TEXT, 0, -1, 1 },
	{ "national varchar", XT_TEXT, 0, -1, 1 },
	{ "national character varying", XT_TEXT, 0, -1, 1 },
	{ "national char varying", XT_TEXT, 0, -1, 1 },
	{ "tinytext", XT_TEXT, 0, 255, 0 },
	{ "mediumtext", XT_TEXT, 0, 16777215, 0 },
	{ "year", XT_INT, 0, -1, 0 },
	{ NULL, XT_TEXT, 0, -1, 0 }
};

/*
 * Map a declared type of either dialect to what the actions care about.
 * Decisions beyond the header's contract:
 *   - array types ("text[]", "character varying(20)[]", pg's "_int4")
 *     are XT_TEXT without a limit: the value is an array literal, and an
 *     action rewrites that literal as one text;
 *   - MySQL "bigint unsigned" is [0, LLONG_MAX], since imin and imax are
 *     long long; a larger value is a data error for hash, digits, noise;
 *   - MySQL YEAR is an integer in [0, 2155]; bit and bit varying are
 *     binary (a hex hash is no bit string, but set, map and hash on a
 *     varbit are the user's call);
 *   - char and character without (n) hold 1 character, bpchar any;
 *     tinytext 255, mediumtext 16777215 (bytes, counted as characters);
 *     text and longtext are unlimited (pg's text is).
 */
void
xf_col_from_type(struct xf_col *c, const char *type, long len)
{
	const struct type_name *tn;
	char base[64];
	size_t bl = 0, i = 0, w;
	long plen = -1;
	int depth = 0, uns = 0, arr = 0;

	memset(c, 0, sizeof(*c));
	c->type = XT_TEXT;
	c->maxchars = -1;
	if (type == NULL)
		return;
	if (strncmp(type, "pg_catalog.", 11) == 0)
		type += 11;
	if (strncmp(type, "enum(", 5) == 0 || strncmp(type, "set(", 4) == 0) {
		c->type = XT_ENUM;
		return;
	}
	/*
	 * Collect the words outside parentheses ("int(11) unsigned
	 * zerofill" is int, unsigned), the first parenthesised number and
	 * whether there is an array suffix.
	 */
	while (type[i] != '\0') {
		if (type[i] == '(') {
			if (depth++ == 0 && plen < 0 && is_digit(type[i + 1]))
				plen = strtol(type + i + 1, NULL, 10);
			i++;
		} else if (type[i] == ')') {
			depth -= depth > 0;
			i++;
		} else if (type[i] == '[') {
			arr = 1;
			i++;
		} else if (depth > 0 || type[i] == ' ' || type[i] == ']') {
			i++;
		} else {
			for (w = i; type[i] != '\0' && type[i] != ' ' &&
			    type[i] != '(' && type[i] != '['; i++)
				;
			if (df_slice_eq(type + w, i - w, "unsigned"))
				uns = 1;
			else if (df_slice_eq(type + w, i - w, "signed") ||
			    df_slice_eq(type + w, i - w, "zerofill"))
				;	/* no bearing on the range */
			else if (bl + (bl > 0) + (i - w) < sizeof(base)) {
				if (bl > 0)
					base[bl++] = ' ';
				memcpy(base + bl, type + w, i - w);
				bl += i - w;
			}
		}
	}
	base[bl] = '\0';
	/*
	 * pg arrays ("text[]", or "_text" in the catalog's spelling): the
	 * value is an array literal, which only keep, null, set, map and
	 * replace can rewrite and keep it one.
	 */
	if (arr || base[0] == '_') {
		c->type = XT_ARRAY;
		return;
	}
	for (tn = type_names; tn->name != NULL; tn++)
		if (strcmp(tn->name, base) == 0)
			break;
	if (tn->name == NULL)
		return;
	c->type = tn->type;
	if (c->type == XT_DECIMAL && plen > 0 && plen <= 1000) {
		/* numeric(p,s), decimal(p,s), decimal(p): the digits allowed. */
		const char *q = strchr(type, '(');

		c->prec = (int)plen;
		q = q != NULL ? strchr(q, ',') : NULL;
		if (q != NULL && is_digit(q[1]))
			c->scale = (int)strtol(q + 1, NULL, 10);
		if (c->scale > c->prec)
			c->scale = c->prec;
		if (strcmp(tn->name, "float") == 0 ||
		    strcmp(tn->name, "double") == 0)
			c->prec = c->scale = 0;	/* MySQL float(p): no bound */
	}
	if (strcmp(tn->name, "year") == 0) {
		/* MySQL YEAR: 1901 to 2155, and 0000. */
		c->imin = 0;
		c->imax = 2155;
	} else if (tn->bits > 0 && uns) {
		c->imin = 0;
		/* bigint unsigned is capped at LLONG_MAX (see transform.h). */
		c->imax = tn->bits == 64 ? LLONG_MAX :
		    (long long)((1ULL << tn->bits) - 1);
	} else if (tn->bits > 0) {
		c->imax = tn->bits == 64 ? LLONG_MAX :
		    (long long)((1ULL << (tn->bits - 1)) - 1);
		c->imin = -c->imax - 1;
	}
	if (tn->sized && (len >= 0 || plen >= 0))
		c->maxchars = len >= 0 ? len : plen;
	else
		c->maxchars = tn->maxchars;
}

/* ---- xf_check, xf_injective -------------------------------------------- */

#define K(x)	(1UL << (x))
#define K_ANY	(K(ACT_KEEP) | K(ACT_NULL) | K(ACT_SET) | K(ACT_MAP) | \
		    K(ACT_RELINK))

/* The actions each non-text type takes (text and char take all). */
static unsigned long
type_allows(enum xf_type t)
{
	switch (t) {
	case XT_INT:
		return K_ANY | K(ACT_HASH) | K(ACT_DIGITS) | K(ACT_NOISE) |
		    K(ACT_REPLACE);
	case XT_DECIMAL:
		return K_ANY | K(ACT_NOISE) | K(ACT_DIGITS) | K(ACT_REPLACE);
	case XT_DATE:
	case XT_TIMESTAMP:
		return K_ANY | K(ACT_DATE_SHIFT) | K(ACT_REPLACE);
	case XT_TIME:
		return K_ANY | K(ACT_REPLACE);
	case XT_UUID:
		return K_ANY | K(ACT_UUID);
	case XT_INET:
		return K_ANY | K(ACT_IPV4) | K(ACT_IPV6);
	case XT_JSON:
		return K_ANY | K(ACT_JSON) | K(ACT_REPLACE);
	case XT_BYTES:
		return K_ANY | K(ACT_EMPTY) | K(ACT_HASH);
	case XT_BOOL:
	case XT_ENUM:
		return K_ANY;
	case XT_ARRAY:
		/* A fake would not be an array literal ('{a,b}'). */
		return K_ANY | K(ACT_REPLACE);
	default:
		return ~0UL;
	}
}

static const char *
type_article(enum xf_type t)
{
	static const char *const names[] = { "a text", "a char", "an integer",
	    "a decimal", "a boolean", "a date", "a timestamp", "a time",
	    "a uuid", "an inet", "a json", "a binary", "an enum",
	    "an array" };

	return (unsigned)t < sizeof(names) / sizeof(names[0]) ? names[t] :
	    "this";
}

static int
why_set(char *why, size_t wl, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Write a reason; always -1. */
static int
why_set(char *why, size_t wl, const char *fmt, ...)
{
	va_list ap;

	if (why != NULL && wl > 0) {
		va_start(ap, fmt);
		vsnprintf(why, wl, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* A literal for a message: whole when short, else cut with an ellipsis. */
static void
lit_show(char *s, size_t sz, const struct rule_value *v)
{
	size_t n = v->p != NULL ? v->len : 0, m;

	if (n <= 24) {
		snprintf(s, sz, "%.*s", (int)n, v->p != NULL ? v->p : "");
		return;
	}
	m = u8_prefix(v->p, n, 20);
	snprintf(s, sz, "%.*s\xe2\x80\xa6", (int)m, v->p);
}

/* pg's boolean input words (MySQL's BOOL is tinyint(1), an integer). */
static int
is_bool(const char *p, size_t n)
{
	static const char *const words[] = { "t", "f", "true", "false", "y",
	    "n", "yes", "no", "on", "off", "1", "0", NULL };
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (df_slice_caseeq(p, n, words[i]))
			return 1;
	return 0;
}

static int
is_uuid(const char *p, size_t n)
{
	size_t i;

	if (n != UUID_CHARS)
		return 0;
	for (i = 0; i < n; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? p[i] != '-' :
		    df_hexval((unsigned char)p[i]) < 0)
			return 0;
	return 1;
}

/* Does literal v fit column c?  name says where it comes from. */
static int
check_lit(const struct rule_value *v, const struct xf_col *c,
    const char *name, char *why, size_t wl)
{
	char s[96];
	const char *p = v->p != NULL ? v->p : "";
	size_t n = v->p != NULL ? v->len : 0, chars, dec;
	long long iv;
	int expo;

	lit_show(s, sizeof(s), v);
	switch (c->type) {
	case XT_INT:
		if (parse_i64(p, n, &iv) == -1 || iv < c->imin || iv > c->imax)
			return why_set(why, wl, "%s '%s' is not an integer in "
			    "[%lld, %lld]", name, s, c->imin, c->imax);
		break;
	case XT_DECIMAL:
		if (scan_number(p, n, &dec, &expo) == -1 &&
		    !df_slice_caseeq(p, n, "nan") &&
		    !df_slice_caseeq(p, n, "infinity") &&
		    !df_slice_caseeq(p, n, "-infinity"))
			return why_set(why, wl, "%s '%s' is not a number",
			    name, s);
		break;
	case XT_BOOL:
		if (!is_bool(p, n))
			return why_set(why, wl, "%s '%s' is not a boolean",
			    name, s);
		break;
	case XT_UUID:
		if (!is_uuid(p, n))
			return why_set(why, wl, "%s '%s' is not a uuid", name,
			    s);
		break;
	case XT_JSON:
		if (n == 0)
			return why_set(why, wl, "%s '' is not JSON", name);
		break;
	default:
		break;
	}
	if (c->maxchars >= 0) {
		chars = xf_utf8_chars(p, n);
		if (chars > (size_t)c->maxchars)
			return why_set(why, wl, "%s '%s' is %zu characters; "
			    "the column holds %ld", name, s, chars,
			    c->maxchars);
	}
	return 0;
}

static int
is_dict_kind(enum action_kind k)
{
	return k == ACT_FIRST_NAME || k == ACT_LAST_NAME ||
	    k == ACT_FULL_NAME || k == ACT_COMPANY || k == ACT_STREET ||
	    k == ACT_CITY || k == ACT_ZIP || k == ACT_COUNTRY;
}

/*
 * email, username and uuid are injective with high probability (64, 64
 * and 122 keyed bits; the realistic part of an email only adds to it);
 * keep, digits, phone and hash on an integer column are permutations;
 * hash on text is BLAKE2b, injective w.h.p. from 16 hex digits (64 bits)
 * if the whole of it fits the column.
 */
int
xf_injective(const struct rule_action *a, const struct xf_col *c)
{
	long len;

	switch (a->kind) {
	case ACT_KEEP:
	case ACT_RELINK:
	case ACT_PHONE:
		return 1;
	case ACT_DIGITS:
		/*
		 * A permutation of digit strings: distinct as text, but a
		 * decimal column compares numbers, and 014 equals 14.
		 */
		return c->type != XT_DECIMAL;
	case ACT_HASH:
		if (c->type == XT_INT)
			return 1;
		len = a->n1 > 0 ? a->n1 : HASH_DEFAULT;
		return len >= HASH_UNIQUE_MIN &&
		    (c->maxchars < 0 || len <= c->maxchars);
	case ACT_EMAIL:
		return c->maxchars < 0 || c->maxchars >= EMAIL_MIN;
	case ACT_USERNAME:
		return c->maxchars < 0 || c->maxchars >= USERNAME_MIN;
	case ACT_UUID:
		return c->maxchars < 0 || c->maxchars >= UUID_CHARS;
	case ACT_MAP:
		return a->map_default == MAP_ERROR &&
		    rule_map_injective(a->map);
	default:
		return 0;
	}
}

/* Why action a is not injective enough for a UNIQUE column. */
static int
why_not_unique(const struct rule_action *a, const struct xf_col *c,
    char *why, size_t wl)
{
	const char *name = rule_action_name(a->kind);
	long len = a->n1 > 0 ? a->n1 : HASH_DEFAULT;

	switch (a->kind) {
	case ACT_HASH:
		if (len < HASH_UNIQUE_MIN)
			return why_set(why, wl, "hash %ld is not injective (a "
			    "UNIQUE column needs at least %d hex digits)", len,
			    HASH_UNIQUE_MIN);
		return why_set(why, wl, "hash %ld needs %ld characters to stay "
		    "injective; the column holds %ld", len, len, c->maxchars);
	case ACT_EMAIL:
	case ACT_USERNAME:
		return why_set(why, wl, "%s needs at least %d characters to "
		    "stay injective; the column holds %ld", name,
		    a->kind == ACT_EMAIL ? EMAIL_MIN : USERNAME_MIN,
		    c->maxchars);
	case ACT_MAP:
		if (a->map_default != MAP_ERROR)
			return why_set(why, wl, "map with a default is not "
			    "injective and the column is UNIQUE");
		return why_set(why, wl, "map is not injective and the column "
		    "is UNIQUE");
	default:
		return why_set(why, wl, "%s is not injective and the column "
		    "is UNIQUE", name);
	}
}

/*
 * In order: the type takes the action at all; its arguments make sense
 * (locale, lengths); NULL and NOT NULL; json sub-actions (checked as
 * text); UNIQUE needs an injective action; literals and map values fit
 * type and length; fixed-shape outputs (uuid, addresses) fit the length.
 * A `when` changes nothing: the action may apply to any row.
 */
int
xf_check(const struct rule_action *a, const struct xf_col *c, char *why,
    size_t wl)
{
	const char *name = rule_action_name(a->kind);
	struct xf_col tc;
	size_t i, mc;
	size_t off;

	if (a->kind == ACT_KEEP || a->kind == ACT_RELINK)
		return 0;
	if ((unsigned)a->kind >= sizeof(unsigned long) * CHAR_BIT ||
	    (type_allows(c->type) & K(a->kind)) == 0)
		return why_set(why, wl, "%s does not fit %s column", name,
		    type_article(c->type));

	/* Arguments the parser may have let through. */
	if (is_dict_kind(a->kind) && dict_locale(a->locale) == NULL)
		return why_set(why, wl, "%s: unknown locale '%s' (en or de)",
		    name, a->locale);
	if (a->kind == ACT_HASH && (a->n1 < 0 || a->n1 > 128))
		return why_set(why, wl, "hash length %ld is not in 1 to 128",
		    a->n1);
	if (a->kind == ACT_DATE_SHIFT && a->n1 < 1)
		return why_set(why, wl, "date_shift needs at least 1 day");
	if (a->kind == ACT_NOISE && !(a->pct >= 0))
		return why_set(why, wl, "noise needs a percentage of 0 or "
		    "more");
	if (a->kind == ACT_PARTIAL && (a->n1 < 0 || a->n2 < 0))
		return why_set(why, wl, "partial needs counts of 0 or more");

	/* NULL: only NOT NULL matters (a UNIQUE key admits many NULLs). */
	if (a->kind == ACT_NULL) {
		if (c->notnull)
			return why_set(why, wl, "null on a NOT NULL column");
		return 0;
	}
	if (a->kind == ACT_MAP && a->map_default == MAP_NULL && c->notnull)
		return why_set(why, wl, "map default null on a NOT NULL "
		    "column");
	if (a->kind == ACT_MAP && c->notnull && rule_map_has_null(a->map))
		return why_set(why, wl, "map %s maps a value to NULL (\\N) "
		    "and the column is NOT NULL", rule_map_path(a->map));

	if (a->kind == ACT_JSON) {
		memset(&tc, 0, sizeof(tc));
		tc.type = XT_TEXT;
		tc.maxchars = -1;
		for (i = 0; a->json != NULL && i < a->json->n; i++) {
			const struct json_rule *jr = &a->json->rules[i];

			if (jr->act.kind == ACT_JSON)
				return why_set(why, wl, "json path %s: json "
				    "inside json is not supported", jr->path);
			if (xf_check(&jr->act, &tc, why, wl) == -1) {
				/* Prefix the sub-action's reason. */
				if (why != NULL && wl > 0) {
					char sub[256];

					snprintf(sub, sizeof(sub), "%s", why);
					snprintf(why, wl, "json path %s: %s",
					    jr->path, sub);
				}
				return -1;
			}
		}
	}

	if (c->unique && !xf_injective(a, c))
		return why_not_unique(a, c, why, wl);

	/* Literals and map values must fit the type and length. */
	if (a->kind == ACT_SET && check_lit(&a->lit, c, "set", why, wl) == -1)
		return -1;
	if (a->kind == ACT_MAP) {
		if (a->map_default == MAP_SET &&
		    check_lit(&a->lit, c, "map default", why, wl) == -1)
			return -1;
		if (c->type == XT_INT &&
		    !rule_map_all_integers(a->map, c->imin, c->imax))
			return why_set(why, wl, "map values are not all "
			    "integers in [%lld, %lld]", c->imin, c->imax);
		mc = rule_map_maxchars(a->map);
		if (c->maxchars >= 0 && mc > (size_t)c->maxchars)
			return why_set(why, wl, "map value of %zu characters "
			    "too long; the column holds %ld", mc, c->maxchars);
	}

	/*
	 * Fixed-shape outputs that a cut would make meaningless; an email
	 * cut into its domain would name a real one (example.co is
	 * Colombia's).
	 */
	off = a->kind == ACT_UUID ? UUID_CHARS : a->kind == ACT_IPV4 ?
	    IPV4_CHARS : a->kind == ACT_IPV6 ? IPV6_CHARS :
	    a->kind == ACT_EMAIL ? EMAIL_MIN : 0;
	if (off > 0 && c->maxchars >= 0 && (size_t)c->maxchars < off)
		return why_set(why, wl, "%s needs %zu characters; the column "
		    "holds %ld", name, off, c->maxchars);
	return 0;
}
