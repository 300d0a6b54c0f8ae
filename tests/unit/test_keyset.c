/*
 * test_keyset: the dictionary gives equal ids to equal keys and distinct
 * ids to distinct keys, on every path (direct array, integer table, byte
 * table), across growth and when every array has spilled to a file.
 */
#include <config.h>

#include <sys/stat.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "keyset.h"
#include "tap.h"
#include "util.h"

/* A key as dehydrate encodes a one-column tuple: length byte, text. */
static size_t
enc(unsigned char *out, const char *s)
{
	size_t n = strlen(s);

	out[0] = (unsigned char)n;
	memcpy(out + 1, s, n);
	return n + 1;
}

/* The i-th key of a mixed population: every path, and near misses. */
static void
key_text(uint64_t i, char *buf, size_t cap)
{
	switch (i % 8) {
	case 0:
	case 1:
	case 2:
		snprintf(buf, cap, "%" PRIu64, i);		/* dense */
		break;
	case 3:
		snprintf(buf, cap, "%" PRId64, -(int64_t)i);	/* negative */
		break;
	case 4:
		snprintf(buf, cap, "%" PRIu64, (uint64_t)(i * 1000003 + ((uint64_t)1 << 40)));
		break;
	case 5:
		snprintf(buf, cap, "0%" PRIu64, i);	/* leading zero: text */
		break;
	case 6:
		snprintf(buf, cap, "key-%" PRIu64 "-\xc3\xa9", i);
		break;
	default:
		snprintf(buf, cap, "+%" PRIu64, i);		/* sign: text */
		break;
	}
}

static int
run(unsigned long long limit, const char *dir, uint64_t n)
{
	struct kmem *m = kmem_new(limit, dir);
	struct kdict d;
	unsigned char k[64], ibuf[KDICT_INTBUF];
	char txt[48];
	uint32_t id, *ids;
	uint64_t i;
	size_t len, glen;
	const unsigned char *g;
	int added, bad = 0;

	kdict_init(&d, m);
	ids = calloc(n, sizeof(*ids));
	for (i = 0; i < n; i++) {
		key_text(i, txt, sizeof(txt));
		len = enc(k, txt);
		if (kdict_intern(&d, k, len, &id, &added, NULL) == -1 ||
		    !added || id != (uint32_t)i)
			bad++;
		ids[i] = id;
	}
	ok(bad == 0, "limit %llu: %" PRIu64 " distinct keys, new ids in "
	    "order", limit, n);
	bad = 0;
	for (i = 0; i < n; i++) {
		key_text(i, txt, sizeof(txt));
		len = enc(k, txt);
		if (kdict_intern(&d, k, len, &id, &added, NULL) == -1 ||
		    added || id != ids[i] || kdict_find(&d, k, len) != ids[i])
			bad++;
		g = kdict_get(&d, ids[i], ibuf, &glen);
		if (glen != len || memcmp(g, k, len) != 0)
			bad++;
	}
	ok(bad == 0, "limit %llu: every key again: the same id, its bytes",
	    limit);
	/* Keys never added are absent, on every path. */
	bad = 0;
	for (i = n; i < n + 2000; i++) {
		key_text(i, txt, sizeof(txt));
		len = enc(k, txt);
		if (kdict_find(&d, k, len) != KV_NONE)
			bad++;
	}
	len = enc(k, "0");
	bad += kdict_find(&d, k, len) != 0;	/* key 0 is the first */
	len = enc(k, "-0");
	bad += kdict_find(&d, k, len) != KV_NONE;
	len = enc(k, "9223372036854775808");	/* past int64: text */
	bad += kdict_find(&d, k, len) != KV_NONE;
	ok(bad == 0, "limit %llu: absent keys are absent", limit);
	if (limit == 0)
		ok(kmem_spilled(m) > 0 && kmem_used(m) == 0, "limit 0: every "
		    "array spilled (%llu bytes in files)", kmem_spilled(m));
	kdict_free(&d);
	free(ids);
	kmem_free(m);
	return 0;
}

static void
bits(void)
{
	struct kmem *m = kmem_new(1 << 20, "/tmp");
	struct kvec v;
	uint64_t i;
	int bad = 0;

	kvec_init(&v, m);
	for (i = 0; i < 100000; i += 3)
		if (kbit_set(&v, i, NULL) != 1)
			bad++;
	for (i = 0; i < 100000; i++)
		if (kbit_get(&v, i) != (i % 3 == 0))
			bad++;
	bad += kbit_set(&v, 99999, NULL) != 0;
	bad += kbit_get(&v, 1ULL << 40) != 0;	/* past the end: clear */
	ok(bad == 0, "bitmap: set, get, set twice, past the end");
	kvec_free(&v);
	ok(kmem_used(m) == 0, "memory returned");
	kmem_free(m);
}

/* An array that grows past the budget keeps its contents in the file. */
static void
spill_growth(const char *dir)
{
	struct kmem *m = kmem_new(1 << 20, dir);
	struct kvec v;
	uint32_t i;
	int bad = 0;

	kvec_init(&v, m);
	for (i = 0; i < 3000000; i++) {
		if (kv32_push(&v, i * 7, NULL) == -1)
			bad++;
		if (i % 100000 == 0)
			kmem_tick(m);
	}
	for (i = 0; i < 3000000; i++)
		if (kv32(&v)[i] != i * 7)
			bad++;
	ok(bad == 0 && kmem_spilled(m) >= 12000000, "a 12 MB array past a "
	    "1 MB budget: spilled, contents intact");
	ok(kmem_peak(m) <= 1 << 20, "memory never passed the budget "
	    "(peak %llu)", kmem_peak(m));
	kvec_free(&v);
	ok(kmem_spilled(m) == 0, "freed: no file left");
	kmem_free(m);
}

int
main(void)
{
	char dir[] = "/tmp/test_keyset.XXXXXX";
	struct kmem *m;
	struct kvec v;
	struct df_error err;

	if (sodium_init() < 0)
		return 1;
	if (mkdtemp(dir) == NULL)
		return 1;
	run(1ULL << 30, dir, 200000);
	run(0, dir, 200000);
	run(1ULL << 30, dir, 3);
	bits();
	spill_growth(dir);
	/* Spilled files are unlinked at once: the directory stays empty. */
	ok(rmdir(dir) == 0, "no file left in the temporary directory");
	/* A directory that cannot take files: an error naming it. */
	m = kmem_new(0, "/nonexistent/dir");
	kvec_init(&v, m);
	memset(&err, 0, sizeof(err));
	ok(kvec_grow(&v, 100, &err) == -1 &&
	    strstr(err.msg, "/nonexistent/dir") != NULL,
	    "spilling into a missing directory fails, naming it: %s",
	    err.msg);
	kmem_free(m);
	return done_testing();
}
