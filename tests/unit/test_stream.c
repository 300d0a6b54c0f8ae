/*
 * test_stream: the stream module against files made in a temporary
 * directory.  Input: plain, multi-member gzip and multi-frame zstd read
 * back in many chunk sizes; truncated and corrupt compressed data; the
 * archives and directories istream_open() refuses.  Output: the atomic
 * temporary-file-and-rename protocol, abort, compressed output, the file
 * mode.  And the compression spec parser.
 *
 * Compressed inputs are made with the gzip and zstd programs (this test
 * stays out of zlib and zstd, like every module but stream.c); checks that
 * need a missing program are skipped.  Every read runs in a child process
 * with an alarm, so a hang or a crash in the library is reported as a
 * failed check instead of stopping the test.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "stream.h"
#include "tap.h"
#include "util.h"

/* Seconds a guarded read may take; $TEST_TIMEOUT for slow sanitizers. */
static unsigned child_timeout = 10;

static char tmp[1024];		/* the test's directory */
static char child_data[1100];	/* what a guarded read returned */
static char child_meta[1100];	/* and its status and error */
static int have_gzip, have_zstd, have_tar;

/* xorshift64*: fixed seed, same data on every run. */
static uint64_t prng_state = 0x2545f4914f6cdd1dULL;

static uint64_t
prng(void)
{
	prng_state ^= prng_state >> 12;
	prng_state ^= prng_state << 25;
	prng_state ^= prng_state >> 27;
	return prng_state * 2685821657736338717ULL;
}

/* "dir/name" in a static buffer; a second slot for a second path. */
static const char *
path_in(int slot, const char *name)
{
	static char p[2][4096];

	snprintf(p[slot], sizeof(p[slot]), "%s/%s", tmp, name);
	return p[slot];
}

static void
die(const char *what)
{
	printf("Bail out! %s: %s\n", what, strerror(errno));
	exit(1);
}

static void
write_file(const char *path, const void *p, size_t n)
{
	FILE *f;

	f = fopen(path, "wb");
	if (f == NULL || (n > 0 && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		die(path);
}

/* The whole file into b (unbounded); -1 if it cannot be read. */
static int
read_file(const char *path, struct buf *b)
{
	char blk[65536];
	size_t n;
	FILE *f;

	buf_init(b, 0);
	f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	while ((n = fread(blk, 1, sizeof(blk), f)) > 0)
		buf_add(b, blk, n);
	fclose(f);
	return 0;
}

static int
file_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Run a shell command; 0 if it exited 0. */
static int
sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int
sh(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	return rc == 0 ? 0 : -1;
}

/* Names in dir other than . and .., joined by spaces, into out. */
static size_t
list_dir(const char *dir, char *out, size_t cap)
{
	struct dirent *de;
	size_t n = 0, len = 0;
	DIR *d;

	out[0] = '\0';
	d = opendir(dir);
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n++;
		len += (size_t)snprintf(out + len, len < cap ? cap - len : 0,
		    "%s%s", n > 1 ? " " : "", de->d_name);
		if (len >= cap)
			len = cap - 1;
	}
	closedir(d);
	return n;
}

/*
 * The result of reading a file through istream in a guarded child: the
 * decompressed bytes, and on failure the error's message and file.
 */
struct rd_result {
	int		 status;	/* 0 read to the end, 1 open failed,
					   2 read failed, -1 crashed or hung */
	struct buf	 data;
	char		 msg[512];
	char		 file[256];	/* err.file as the caller sees it */
	enum stream_comp comp;
};

/* In the child: read path in chunks of n; report through files. */
static int
child_read(const char *path, size_t chunk, int rewind_after)
{
	struct df_error err;
	struct istream *in;
	FILE *out, *meta;
	char *b;
	ssize_t r;
	int status = 0, rewound = 0;

	memset(&err, 0, sizeof(err));
	out = fopen(child_data, "wb");
	meta = fopen(child_meta, "wb");
	if (out == NULL || meta == NULL)
		return 3;
	b = xmalloc(chunk);
	in = istream_open(path, &err);
	if (in == NULL) {
		status = 1;
		goto out;
	}
again:
	while ((r = istream_read(in, b, chunk, &err)) > 0) {
		fwrite(b, 1, (size_t)r, out);
		if (rewind_after && !rewound && ftell(out) >= rewind_after) {
			/* Start over: the data must come out twice. */
			rewound = 1;
			if (istream_rewind(in, &err) == -1) {
				status = 2;
				break;
			}
			goto again;
		}
	}
	if (r == -1)
		status = 2;
	fprintf(meta, "%d\n", (int)istream_comp(in));
	istream_close(in);
out:
	if (status != 0)
		fprintf(meta, "%s\n%s\n", err.file, err.msg);
	free(b);
	fclose(out);
	fclose(meta);
	return status;
}

static void
guarded_read(const char *path, size_t chunk, int rewind_after,
    struct rd_result *res)
{
	struct buf meta;
	char *nl, *nl2;
	pid_t pid;
	int st;

	memset(res, 0, sizeof(*res));
	buf_init(&res->data, 0);
	fflush(stdout);
	pid = fork();
	if (pid == -1)
		die("fork");
	if (pid == 0) {
		alarm(child_timeout);
		_exit(child_read(path, chunk, rewind_after));
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			die("waitpid");
	if (WIFSIGNALED(st)) {
		res->status = -1;
		snprintf(res->msg, sizeof(res->msg), "child %s by signal %d",
		    WTERMSIG(st) == SIGALRM ? "hung: killed" : "crashed",
		    WTERMSIG(st));
		return;
	}
	res->status = WEXITSTATUS(st);
	buf_free(&res->data);
	read_file(child_data, &res->data);
	read_file(child_meta, &meta);
	buf_addc(&meta, '\0');
	if (res->status == 0 || res->status == 2)
		res->comp = (enum stream_comp)strtol(meta.p, NULL, 10);
	nl = strchr(meta.p, '\n');
	if (res->status != 0) {
		/* The last two lines are file and message. */
		char *p = meta.p;

		if (res->status == 2 && nl != NULL)
			p = nl + 1;
		nl2 = strchr(p, '\n');
		if (nl2 != NULL) {
			*nl2 = '\0';
			snprintf(res->file, sizeof(res->file), "%s", p);
			p = nl2 + 1;
			nl2 = strchr(p, '\n');
			if (nl2 != NULL)
				*nl2 = '\0';
			snprintf(res->msg, sizeof(res->msg), "%s", p);
		}
	}
	buf_free(&meta);
}

/* Reading path gives want exactly, in every chunk size. */
static void
check_reads(const char *path, const char *what, const struct buf *want,
    enum stream_comp comp)
{
	static const size_t chunks[] = { 1, 4093, 65536, STREAM_BLOCK,
	    3 * STREAM_BLOCK + 17 };
	struct rd_result res;
	char name[256];
	size_t i;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		/* One-byte reads only of small files: it is slow. */
		if (chunks[i] == 1 && want->len > 300000)
			continue;
		guarded_read(path, chunks[i], 0, &res);
		snprintf(name, sizeof(name), "%s: read back in chunks of %zu "
		    "equals the original", what, chunks[i]);
		if (res.status != 0) {
			ok(0, "%s", name);
			diag("status %d: %s", res.status, res.msg);
		} else
			is_mem(res.data.p, res.data.len, want->p, want->len,
			    name);
		if (i == 2)
			is_int(res.comp, comp, "istream_comp() names the "
			    "compression");
		buf_free(&res.data);
	}
}

/* Reading path fails with a message that contains needle. */
static void
check_read_error(const char *path, const char *what, const char *needle,
    int at_open)
{
	struct rd_result res;

	guarded_read(path, STREAM_BLOCK, 0, &res);
	if (!ok(res.status == (at_open ? 1 : 2), "%s: %s fails", what,
	    at_open ? "istream_open" : "istream_read"))
		diag("status %d (0 ok, 1 open failed, 2 read failed, -1 "
		    "crash/hang): %s", res.status, res.msg);
	if (!ok(strstr(res.msg, needle) != NULL,
	    "%s: the message mentions \"%s\"", what, needle))
		diag("message: \"%s\"", res.msg);
	if (res.status > 0 && !ok(strcmp(res.file, path) == 0,
	    "%s: err.file names the input", what))
		diag("err.file is \"%s\", expected \"%s\"", res.file, path);
	buf_free(&res.data);
}

/* Text that looks like a dump, n bytes, from the generator. */
static void
make_text(struct buf *b, size_t n)
{
	static const char *const words[] = { "alpha", "beta", "\\N", "42",
	    "O'Reilly", "x\\ty", "\xc3\xa9t\xc3\xa9", "2024-01-01", "-- c" };
	char line[256];
	size_t k;

	buf_init(b, 0);
	buf_adds(b, "COPY public.t (a, b, c) FROM stdin;\n");
	while (b->len < n) {
		k = (size_t)snprintf(line, sizeof(line), "%llu\t%s\t%s\n",
		    (unsigned long long)(prng() % 1000000),
		    words[prng() % 9], words[prng() % 9]);
		buf_add(b, line, k);
	}
	b->len = n;
}

static void
test_input(void)
{
	struct buf a, b, ab, junk;
	struct rd_result res;
	const char *pa = path_in(0, "a.sql");
	char p[4096];
	size_t i;

	make_text(&a, 1500000);
	make_text(&b, 70000);
	buf_init(&ab, 0);
	buf_add(&ab, a.p, a.len);
	buf_add(&ab, b.p, b.len);

	write_file(pa, a.p, a.len);
	check_reads(pa, "plain", &a, STREAM_PLAIN);
	write_file(path_in(0, "b.sql"), b.p, b.len);
	guarded_read(path_in(0, "b.sql"), 4096, 30000, &res);
	if (res.status == 0 && res.data.len >= 30000) {
		struct buf twice;

		/* What was read before the rewind, then all of it. */
		buf_init(&twice, 0);
		buf_add(&twice, b.p, res.data.len - b.len);
		buf_add(&twice, b.p, b.len);
		is_mem(res.data.p, res.data.len, twice.p, twice.len,
		    "plain: istream_rewind starts over");
		buf_free(&twice);
	} else {
		ok(0, "plain: istream_rewind starts over");
		diag("status %d: %s", res.status, res.msg);
	}
	buf_free(&res.data);

	write_file(path_in(0, "empty.sql"), "", 0);
	guarded_read(path_in(0, "empty.sql"), 4096, 0, &res);
	ok(res.status == 0 && res.data.len == 0,
	    "an empty file opens and reads as end of input");
	buf_free(&res.data);

	guarded_read(path_in(0, "no-such-file.sql"), 4096, 0, &res);
	ok(res.status == 1 && strstr(res.msg, strerror(ENOENT)) != NULL,
	    "a missing file: istream_open fails with the system's message");
	if (!is_str(res.file, path_in(1, "no-such-file.sql"),
	    "a missing file: err.file names it"))
		diag("message: %s", res.msg);
	buf_free(&res.data);

	/* gzip: two members concatenated, as "gzip -c a; gzip -c b" makes. */
	if (!have_gzip)
		diag("skipping gzip checks: no gzip program");
	if (have_gzip) {
		write_file(path_in(0, "b.sql"), b.p, b.len);
		sh("cd '%s' && gzip -n -c a.sql > ab.gz && gzip -n -c b.sql "
		    ">> ab.gz", tmp);
		check_reads(path_in(0, "ab.gz"), "gzip (two members)", &ab,
		    STREAM_GZIP);
		guarded_read(path_in(0, "ab.gz"), 65536, 200000, &res);
		ok(res.status == 0 && res.data.len > ab.len && memcmp(
		    res.data.p + res.data.len - ab.len, ab.p, ab.len) == 0,
		    "gzip: istream_rewind starts over");
		buf_free(&res.data);

		/* Truncated: half the compressed bytes. */
		sh("cd '%s' && head -c 300000 ab.gz > trunc.gz", tmp);
		check_read_error(path_in(0, "trunc.gz"), "truncated gzip",
		    "truncated", 0);
		/* Cut inside the 8-byte trailer of the last member. */
		sh("cd '%s' && gzip -n -c b.sql > t2.gz && "
		    "head -c $(( $(wc -c < t2.gz) - 3 )) t2.gz > trunc2.gz",
		    tmp);
		check_read_error(path_in(0, "trunc2.gz"),
		    "gzip cut in its trailer", "truncated", 0);
		/* Only the first header bytes. */
		write_file(path_in(0, "hdr.gz"), "\x1f\x8b\x08\x00", 4);
		check_read_error(path_in(0, "hdr.gz"), "gzip header only",
		    "truncated", 0);

		/* Trailing garbage: several bytes, then a single byte. */
		sh("cd '%s' && cp t2.gz garbage.gz && printf 'garbage\\n' "
		    ">> garbage.gz && cp t2.gz garbage1.gz && "
		    "printf 'X' >> garbage1.gz", tmp);
		check_read_error(path_in(0, "garbage.gz"),
		    "gzip + trailing garbage", "garbage", 0);
		check_read_error(path_in(0, "garbage1.gz"),
		    "gzip + one trailing garbage byte", "garbage", 0);

		/* Corrupt deflate data. */
		sh("cd '%s' && cp t2.gz corrupt.gz && printf '\\377\\377"
		    "\\377\\377\\377\\377\\377\\377' | dd of=corrupt.gz bs=1 "
		    "seek=20 conv=notrunc 2>/dev/null", tmp);
		guarded_read(path_in(0, "corrupt.gz"), 65536, 0, &res);
		ok(res.status == 2, "corrupt gzip data: istream_read fails "
		    "(%s)", res.msg);
		buf_free(&res.data);

		/*
		 * A valid two-member file whose first member ends one byte
		 * before the end of the raw input buffer (STREAM_BLOCK bytes
		 * as istream_open sizes it): the header's FNAME field pads
		 * the first member to exactly STREAM_BLOCK - 1 bytes.
		 */
		{
			struct buf m, m1, pad;
			size_t fill;

			write_file(path_in(0, "small.sql"), "first\n", 6);
			sh("cd '%s' && gzip -n -c small.sql > small.gz", tmp);
			read_file(path_in(0, "small.gz"), &m1);
			buf_init(&m, 0);
			buf_init(&pad, 0);
			fill = STREAM_BLOCK - 1 - m1.len - 1;
			buf_add(&m, m1.p, 10);
			m.p[3] |= 0x08;		/* FLG.FNAME */
			for (i = 0; i < fill; i++)
				buf_addc(&m, 'n');
			buf_addc(&m, '\0');
			buf_add(&m, m1.p + 10, m1.len - 10);
			ok(m.len == STREAM_BLOCK - 1, "made a gzip member of "
			    "%zu bytes", m.len);
			buf_add(&m, m1.p, m1.len);
			write_file(path_in(0, "aligned.gz"), m.p, m.len);
			buf_adds(&pad, "first\nfirst\n");
			if (sh("gzip -dc '%s' > /dev/null", path_in(0,
			    "aligned.gz")) == -1)
				diag("gzip itself rejects aligned.gz");
			guarded_read(path_in(0, "aligned.gz"), STREAM_BLOCK,
			    0, &res);
			if (res.status != 0) {
				ok(0, "gzip member ending 1 byte before a "
				    "raw buffer boundary, then another");
				diag("status %d: %s", res.status, res.msg);
			} else
				is_mem(res.data.p, res.data.len, pad.p,
				    pad.len, "gzip member ending 1 byte "
				    "before a raw buffer boundary, then "
				    "another");
			buf_free(&res.data);
			buf_free(&m);
			buf_free(&m1);
			buf_free(&pad);
		}

		/* A compressed custom-format archive is refused on read. */
		write_file(path_in(0, "arch.dump"), "PGDMP\001\016\000junk",
		    12);
		sh("cd '%s' && gzip -n -c arch.dump > arch.dump.gz", tmp);
		check_read_error(path_in(0, "arch.dump.gz"),
		    "gzip'd PGDMP archive", "pg_restore", 0);
	}

	if (!have_zstd)
		diag("skipping zstd checks: no zstd program");
	if (have_zstd) {
		sh("cd '%s' && zstd -q -c a.sql > ab.zst && zstd -q -c b.sql "
		    ">> ab.zst", tmp);
		check_reads(path_in(0, "ab.zst"), "zstd (two frames)", &ab,
		    STREAM_ZSTD);
		/* Frames without a checksum end differently. */
		sh("cd '%s' && zstd -q --no-check -c a.sql > nc.zst && "
		    "zstd -q --no-check -c b.sql >> nc.zst", tmp);
		check_reads(path_in(0, "nc.zst"), "zstd (no checksums)", &ab,
		    STREAM_ZSTD);
		guarded_read(path_in(0, "ab.zst"), 65536, 200000, &res);
		ok(res.status == 0 && res.data.len > ab.len && memcmp(
		    res.data.p + res.data.len - ab.len, ab.p, ab.len) == 0,
		    "zstd: istream_rewind starts over");
		buf_free(&res.data);

		sh("cd '%s' && head -c 100000 ab.zst > trunc.zst", tmp);
		check_read_error(path_in(0, "trunc.zst"), "truncated zstd",
		    "truncated", 0);
		sh("cd '%s' && zstd -q -c b.sql > t2.zst && "
		    "head -c $(( $(wc -c < t2.zst) - 2 )) t2.zst > trunc2.zst",
		    tmp);
		check_read_error(path_in(0, "trunc2.zst"),
		    "zstd cut in its checksum", "truncated", 0);
		write_file(path_in(0, "magic.zst"), "\x28\xb5\x2f\xfd", 4);
		check_read_error(path_in(0, "magic.zst"), "zstd magic only",
		    "truncated", 0);
		sh("cd '%s' && cp t2.zst garbage.zst && printf 'garbage\\n' "
		    ">> garbage.zst", tmp);
		guarded_read(path_in(0, "garbage.zst"), 65536, 0, &res);
		ok(res.status == 2, "zstd + trailing garbage: istream_read "
		    "fails (%s)", res.msg);
		buf_free(&res.data);
	}

	/* Archives and directories are refused with a pg_restore hint. */
	write_file(path_in(0, "custom.dump"), "PGDMP\001\016\000\004\010\001"
	    "\001junkjunkjunk", 23);
	check_read_error(path_in(0, "custom.dump"), "PGDMP custom archive",
	    "pg_restore", 1);
	if (have_tar) {
		sh("cd '%s' && tar cf archive.tar a.sql", tmp);
		check_read_error(path_in(0, "archive.tar"), "tar archive",
		    "pg_restore", 1);
	} else
		diag("skipping the tar check: no tar program");
	snprintf(p, sizeof(p), "%s/adir", tmp);
	if (mkdir(p, 0700) == -1)
		die(p);
	check_read_error(p, "directory", "pg_restore", 1);

	/* Bytes that only start like gzip or zstd. */
	buf_init(&junk, 0);
	buf_add(&junk, "\x1f", 1);
	write_file(path_in(0, "onebyte"), junk.p, junk.len);
	guarded_read(path_in(0, "onebyte"), 4096, 0, &res);
	is_mem(res.data.p, res.data.len, "\x1f", 1,
	    "a 1-byte file of 0x1f is plain data");
	buf_free(&res.data);
	buf_free(&junk);

	buf_free(&a);
	buf_free(&b);
	buf_free(&ab);
}

/* The files in dir other than keep. */
static int
only_file(const char *dir, const char *keep, const char *what)
{
	char names[4096];
	size_t n;

	n = list_dir(dir, names, sizeof(names));
	if (!ok((keep == NULL && n == 0) || (keep != NULL && n == 1 &&
	    strcmp(names, keep) == 0), "%s: the directory holds %s", what,
	    keep ? keep : "nothing"))
		diag("directory holds: %s", names);
	return 0;
}

/* The names of temporary files for target in dir (".target.XXXXXX"). */
static int
has_temp(const char *dir, const char *target)
{
	char names[4096], pre[512];

	list_dir(dir, names, sizeof(names));
	snprintf(pre, sizeof(pre), ".%s.", target);
	return strstr(names, pre) != NULL;
}

static void
test_output(void)
{
	struct df_error err;
	struct ostream *out;
	struct buf data, got;
	struct stat st;
	char dir[2048], target[4096], old[] = "old content\n";
	size_t i;
	mode_t mask;

	make_text(&data, 800000);

	/* Plain output appears only at ostream_close(). */
	snprintf(dir, sizeof(dir), "%s/out1", tmp);
	snprintf(target, sizeof(target), "%s/dump.sql", dir);
	if (mkdir(dir, 0700) == -1)
		die(dir);
	memset(&err, 0, sizeof(err));
	out = ostream_open(target, STREAM_PLAIN, 0, &err);
	ok(out != NULL, "ostream_open to a path");
	if (out == NULL)
		diag("%s", err.msg);
	if (out != NULL) {
		ok(has_temp(dir, "dump.sql"), "a .dump.sql.XXXXXX temporary "
		    "file exists while writing");
		/* Small writes, then one larger than the staging buffer. */
		for (i = 0; i < 1000; i++)
			ostream_write(out, data.p + i * 7, 7, &err);
		ostream_write(out, data.p + 7000, data.len - 7000, &err);
		is_int((long long)ostream_pos(out), (long long)data.len,
		    "ostream_pos counts the bytes written");
		ok(!file_exists(target), "the target does not exist before "
		    "ostream_close");
		ok(ostream_close(out, &err) == 0, "ostream_close succeeds");
		ok(file_exists(target), "the target exists after "
		    "ostream_close");
		read_file(target, &got);
		is_mem(got.p, got.len, data.p, data.len,
		    "the target holds what was written");
		buf_free(&got);
		only_file(dir, "dump.sql", "after close");
	}

	/* Replacing an existing file. */
	write_file(target, old, sizeof(old) - 1);
	out = ostream_open(target, STREAM_PLAIN, 0, &err);
	if (out != NULL) {
		ostream_write(out, "new\n", 4, &err);
		read_file(target, &got);
		is_mem(got.p, got.len, old, sizeof(old) - 1,
		    "an existing target is untouched while writing");
		buf_free(&got);
		ok(ostream_close(out, &err) == 0, "ostream_close replaces "
		    "an existing target");
		read_file(target, &got);
		is_mem(got.p, got.len, "new\n", 4, "the target was replaced");
		buf_free(&got);
	}

	/* ostream_abort keeps the old target, removes the temporary. */
	write_file(target, old, sizeof(old) - 1);
	out = ostream_open(target, STREAM_GZIP, 0, &err);
	ok(out != NULL, "ostream_open (gzip) for the abort check");
	if (out != NULL) {
		ostream_write(out, data.p, data.len, &err);
		ostream_abort(out);
		read_file(target, &got);
		is_mem(got.p, got.len, old, sizeof(old) - 1,
		    "ostream_abort leaves the existing target untouched");
		buf_free(&got);
		only_file(dir, "dump.sql", "after abort");
	}
	unlink(target);
	out = ostream_open(target, STREAM_PLAIN, 0, &err);
	if (out != NULL) {
		ostream_write(out, "x", 1, &err);
		ostream_abort(out);
		ok(!file_exists(target), "ostream_abort without a target "
		    "creates none");
		only_file(dir, NULL, "after abort without a target");
	}

	/* Compressed output decompresses to the input. */
	if (have_gzip) {
		int lv;

		for (lv = 0; lv <= 9; lv += 9) {
			snprintf(target, sizeof(target), "%s/out.gz", dir);
			out = ostream_open(target, STREAM_GZIP, lv, &err);
			if (out == NULL) {
				ok(0, "ostream_open gzip:%d", lv);
				continue;
			}
			for (i = 0; i < data.len; i += 100000)
				ostream_write(out, data.p + i, data.len - i <
				    100000 ? data.len - i : 100000, &err);
			ok(ostream_close(out, &err) == 0, "gzip:%d output "
			    "closes", lv);
			read_file(target, &got);
			ok(got.len > 2 && (unsigned char)got.p[0] == 0x1f &&
			    (unsigned char)got.p[1] == 0x8b, "gzip:%d output "
			    "starts with the gzip magic", lv);
			ok(got.len < data.len, "gzip:%d output is smaller "
			    "(%zu < %zu)", lv, got.len, data.len);
			buf_free(&got);
			sh("gzip -dc '%s' > '%s/out.plain'", target, dir);
			read_file(path_in(0, "out1/out.plain"), &got);
			is_mem(got.p, got.len, data.p, data.len, lv ?
			    "gzip -dc of gzip:9 output is the input" :
			    "gzip -dc of gzip output is the input");
			buf_free(&got);
			unlink(path_in(0, "out1/out.plain"));
			unlink(target);
		}
	}
	if (have_zstd) {
		int lv;

		for (lv = 0; lv <= 19; lv += 19) {
			snprintf(target, sizeof(target), "%s/out.zst", dir);
			out = ostream_open(target, STREAM_ZSTD, lv, &err);
			if (out == NULL) {
				ok(0, "ostream_open zstd:%d", lv);
				continue;
			}
			ostream_write(out, data.p, 10, &err);
			ostream_write(out, data.p + 10, data.len - 10, &err);
			ok(ostream_close(out, &err) == 0, "zstd:%d output "
			    "closes", lv);
			read_file(target, &got);
			ok(got.len > 4 && memcmp(got.p, "\x28\xb5\x2f\xfd",
			    4) == 0, "zstd:%d output starts with the zstd "
			    "magic", lv);
			buf_free(&got);
			sh("zstd -q -dc '%s' > '%s/out.plain'", target, dir);
			read_file(path_in(0, "out1/out.plain"), &got);
			is_mem(got.p, got.len, data.p, data.len, lv ?
			    "zstd -dc of zstd:19 output is the input" :
			    "zstd -dc of zstd output is the input");
			buf_free(&got);
			unlink(path_in(0, "out1/out.plain"));
			/* And our own reader agrees. */
			{
				struct rd_result res;

				guarded_read(target, 65536, 0, &res);
				ok(res.status == 0 && res.data.len ==
				    data.len && memcmp(res.data.p, data.p,
				    data.len) == 0, "istream reads zstd:%d "
				    "output back", lv);
				buf_free(&res.data);
			}
			unlink(target);
		}
	}

	/* Mode: what open(2) with 0666 would give under the umask. */
	snprintf(target, sizeof(target), "%s/mode.sql", dir);
	mask = umask(027);
	out = ostream_open(target, STREAM_PLAIN, 0, &err);
	if (out != NULL) {
		ostream_write(out, "m\n", 2, &err);
		ostream_close(out, &err);
	}
	umask(mask);
	if (stat(target, &st) == 0)
		is_int(st.st_mode & 07777, 0640, "mode is 0666 & ~umask "
		    "(umask 027)");
	else
		ok(0, "mode.sql exists");
	unlink(target);
	mask = umask(0);
	out = ostream_open(target, STREAM_PLAIN, 0, &err);
	if (out != NULL)
		ostream_close(out, &err);
	umask(mask);
	if (stat(target, &st) == 0)
		is_int(st.st_mode & 07777, 0666, "mode is 0666 & ~umask "
		    "(umask 0)");
	else
		ok(0, "mode.sql exists");
	unlink(target);

	/* A directory that does not exist. */
	snprintf(target, sizeof(target), "%s/no/such/dir/out.sql", tmp);
	memset(&err, 0, sizeof(err));
	ok(ostream_open(target, STREAM_PLAIN, 0, &err) == NULL,
	    "ostream_open into a missing directory fails: \"%s\"", err.msg);
	is_str(err.file, target, "ostream_open into a missing directory: "
	    "err.file names the target");
	buf_free(&data);
}

static void
test_specs(void)
{
	static const struct {
		const char	*spec;
		int		 ok;
		enum stream_comp comp;
		int		 level;
	} specs[] = {
		{ "none", 1, STREAM_PLAIN, 0 },
		{ "gzip", 1, STREAM_GZIP, 0 },
		{ "gzip:1", 1, STREAM_GZIP, 1 },
		{ "gzip:9", 1, STREAM_GZIP, 9 },
		{ "zstd", 1, STREAM_ZSTD, 0 },
		{ "zstd:1", 1, STREAM_ZSTD, 1 },
		{ "zstd:19", 1, STREAM_ZSTD, 19 },
		{ "gzip:0", 0, 0, 0 },
		{ "gzip:10", 0, 0, 0 },
		{ "gzip:-1", 0, 0, 0 },
		{ "gzip:", 0, 0, 0 },
		{ "gzip:x", 0, 0, 0 },
		{ "gzip:9x", 0, 0, 0 },
		{ "zstd:0", 0, 0, 0 },
		{ "zstd:20", 0, 0, 0 },
		{ "zstd:23", 0, 0, 0 },
		{ "bogus", 0, 0, 0 },
		{ "", 0, 0, 0 },
		{ "none:3", 0, 0, 0 },
		{ "gzipx", 0, 0, 0 },
		{ "GZIP", 0, 0, 0 },
	};
	enum stream_comp comp;
	size_t i;
	int level, rc;

	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		comp = (enum stream_comp)99;
		level = 99;
		rc = stream_parse_comp(specs[i].spec, &comp, &level);
		if (specs[i].ok) {
			if (!ok(rc == 0 && comp == specs[i].comp &&
			    level == specs[i].level,
			    "stream_parse_comp accepts \"%s\"", specs[i].spec))
				diag("rc %d comp %d level %d", rc, (int)comp,
				    level);
		} else
			ok(rc == -1, "stream_parse_comp rejects \"%s\"",
			    specs[i].spec);
	}
	is_int(stream_comp_for_path("dump.sql.gz"), STREAM_GZIP,
	    "stream_comp_for_path .gz");
	is_int(stream_comp_for_path("/a/b/dump.zst"), STREAM_ZSTD,
	    "stream_comp_for_path .zst");
	is_int(stream_comp_for_path("dump.sql"), STREAM_PLAIN,
	    "stream_comp_for_path .sql");
	is_int(stream_comp_for_path("dump.gz.sql"), STREAM_PLAIN,
	    "stream_comp_for_path .gz.sql");
	is_int(stream_comp_for_path("dump.tgz"), STREAM_PLAIN,
	    "stream_comp_for_path .tgz");
	is_int(stream_comp_for_path(NULL), STREAM_PLAIN,
	    "stream_comp_for_path NULL (stdout)");
}

int
main(void)
{
	const char *t = getenv("TMPDIR"), *to = getenv("TEST_TIMEOUT");

	snprintf(tmp, sizeof(tmp), "%s/dftest_stream.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmp) == NULL)
		die("mkdtemp");
	snprintf(child_data, sizeof(child_data), "%s/child.data", tmp);
	snprintf(child_meta, sizeof(child_meta), "%s/child.meta", tmp);
	if (to != NULL && strtoul(to, NULL, 10) > 0)
		child_timeout = (unsigned)strtoul(to, NULL, 10);
	have_gzip = sh("gzip --version > /dev/null 2>&1") == 0;
	have_zstd = sh("zstd --version > /dev/null 2>&1") == 0;
	have_tar = sh("tar --version > /dev/null 2>&1") == 0;

	test_specs();
	test_input();
	test_output();

	if (getenv("KEEP_TMP") == NULL)
		sh("rm -rf '%s'", tmp);
	else
		diag("kept %s", tmp);
	return done_testing();
}
