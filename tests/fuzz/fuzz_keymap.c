/*
 * fuzz_keymap: keymap_read() and keymap_write() of keymap.h, dumprelink's
 * key map file.
 *
 * The input's first byte chooses the file: odd, the rest of the input as
 * it is (mostly not zstd: the reader must say so, or cope with a broken
 * frame); even, the rest compressed with zstd, so the text parser sees
 * it.  Properties:
 *   - no crash; keymap_read returns a map, or NULL with a data error
 *     (code 1) that has a message and names the file;
 *   - a map read is consistent: every entry is found again by its key,
 *     at its own offset, and the entries walk to the end of the array;
 *     a pointer's key tuples have as many parts as it says;
 *   - writing it and reading that back gives a map that writes the same
 *     bytes: write(read(x)) is a fixed point;
 *   - a copy cut anywhere short of its end is refused.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "keymap.h"
#include "keyset.h"
#include "stream.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	path_in[600], path_out[600], path_out2[600], path_cut[600];

static void
paths(void)
{
	if (path_in[0] != '\0')
		return;
	fuzz_path(path_in, sizeof(path_in), "keymap.in");
	fuzz_path(path_out, sizeof(path_out), "keymap.out");
	fuzz_path(path_out2, sizeof(path_out2), "keymap.out2");
	fuzz_path(path_cut, sizeof(path_cut), "keymap.cut");
}

/* Write a zstd file of (p, n) through the library's own stream. */
static void
write_zstd(const char *path, const void *p, size_t n)
{
	struct df_error err = { 0 };
	struct ostream *out;

	out = ostream_open(path, STREAM_ZSTD, 1, &err);
	FUZZ_CHECK(out != NULL, "ostream_open: %s", err.msg);
	FUZZ_CHECK(ostream_write(out, p, n, &err) == 0, "write: %s",
	    err.msg);
	FUZZ_CHECK(ostream_close(out, &err) == 0, "close: %s", err.msg);
}

/* Write km to path; the decompressed text into text. */
static void
write_map(const struct keymap *km, const char *path, struct buf *text)
{
	struct df_error err = { 0 };
	struct ostream *out;
	struct istream *in;
	char b[4096];
	ssize_t got;

	out = ostream_open(path, STREAM_ZSTD, 1, &err);
	FUZZ_CHECK(out != NULL, "ostream_open: %s", err.msg);
	FUZZ_CHECK(keymap_write(km, out, &err) == 0, "keymap_write: %s",
	    err.msg);
	FUZZ_CHECK(ostream_close(out, &err) == 0, "close: %s", err.msg);
	in = istream_open(path, &err);
	FUZZ_CHECK(in != NULL, "istream_open: %s", err.msg);
	while ((got = istream_read(in, b, sizeof(b), &err)) > 0)
		FUZZ_CHECK(buf_add(text, b, (size_t)got) == 0, "buf_add");
	FUZZ_CHECK(got == 0, "reading the written map: %s", err.msg);
	istream_close(in);
}

/* Every entry is found by its key, at its own offset. */
static void
check_map(const struct keymap *km)
{
	const struct km_pointer *p;
	const unsigned char *k, *q;
	uint64_t off, next, n;
	size_t kn, parts, len, left, i;

	for (i = 0; i < km->np; i++) {
		p = km->p[i];
		n = 0;
		for (off = 0; off < p->map.ents.len; off = next) {
			k = kmap_key(&p->map, off, &kn, &next);
			FUZZ_CHECK(next > off && next <= p->map.ents.len,
			    "%s: entry at %llu runs past the end", p->name,
			    (unsigned long long)off);
			FUZZ_CHECK(kmap_find(&p->map, k, kn) == off,
			    "%s: entry at %llu not found by its key",
			    p->name, (unsigned long long)off);
			q = k;
			left = kn;
			for (parts = 0; left > 0; parts++) {
				len = kvarint_get(&q, &left);
				FUZZ_CHECK(len <= left, "%s: a key part is cut",
				    p->name);
				q += len;
				left -= len;
			}
			FUZZ_CHECK(parts == p->nkeys, "%s: a key of %zu parts,"
			    " the pointer says %zu", p->name, parts,
			    p->nkeys);
			n++;
		}
		FUZZ_CHECK(n == km_count(p), "%s: %llu entries walked, %llu "
		    "counted", p->name, (unsigned long long)n,
		    (unsigned long long)km_count(p));
	}
}

static void
check_refused(struct keymap *km, const struct df_error *err,
    const char *path)
{
	FUZZ_CHECK(km == NULL, "accepted");
	FUZZ_CHECK(err->code == DF_EXIT_DATA, "error code %d: %s", err->code,
	    err->msg);
	FUZZ_CHECK(err->msg[0] != '\0', "an error without a message");
	FUZZ_CHECK(strcmp(err->file, path) == 0, "the error names %s, not "
	    "%s", err->file, path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct df_error err = { 0 };
	struct keymap *km, *km2;
	struct kmem *m;
	struct buf t1, t2;
	size_t cut;

	paths();
	if (size == 0)
		return 0;
	if (data[0] & 1)
		fuzz_write_file(path_in, data + 1, size - 1);
	else
		write_zstd(path_in, data + 1, size - 1);
	m = kmem_new(1ULL << 30, fuzz_tmpdir());
	km = keymap_read(path_in, m, &err);
	if (km == NULL) {
		check_refused(km, &err, path_in);
		kmem_free(m);
		return 0;
	}
	check_map(km);
	buf_init(&t1, 0);
	buf_init(&t2, 0);
	write_map(km, path_out, &t1);
	memset(&err, 0, sizeof(err));
	km2 = keymap_read(path_out, m, &err);
	FUZZ_CHECK(km2 != NULL, "the map written is refused: %s", err.msg);
	check_map(km2);
	write_map(km2, path_out2, &t2);
	FUZZ_CHECK(fuzz_eq(t1.p, t1.len, t2.p, t2.len), "write(read(x)) is "
	    "no fixed point: differs at byte %zu",
	    fuzz_diff_at(t1.p, t1.len, t2.p, t2.len));
	/* A map cut short is refused (its end line is gone). */
	cut = t1.len > 1 ? (size_t)data[size - 1] * t1.len / 256 : 0;
	write_zstd(path_cut, t1.p, cut);
	memset(&err, 0, sizeof(err));
	keymap_free(km2);
	km2 = keymap_read(path_cut, m, &err);
	check_refused(km2, &err, path_cut);
	buf_free(&t1);
	buf_free(&t2);
	keymap_free(km);
	kmem_free(m);
	return 0;
}
