/*
 * stream: reading and writing dumps, plain or compressed.
 *
 * Block size.  Reads and writes move STREAM_BLOCK (256 KiB) at a time; the
 * measurements behind that figure are in tests/bench/blocksize.txt.
 * Compressed input is read in at least the size zstd recommends
 * (ZSTD_DStreamInSize()).
 *
 * Atomic output.  "-o FILE" writes FILE.XXXXXX beside FILE (same file
 * system, so rename(2) is atomic), fsync()s it, renames it over FILE and
 * fsync()s the directory.  Temporary paths are registered in a small table
 * that a signal handler can walk with only async-signal-safe calls.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "stream.h"
#include "util.h"

/*
 * Compressed input is decompressed by a thread of its own into a ring of
 * blocks, so that decompression (one core) and the reader's scanning
 * (the other) overlap, as zstd's own CLI overlaps decompression and I/O.
 * Only that thread touches the decompressor and the raw buffer while it
 * runs; the ring is the only shared state, under mu.
 */
#define DZ_SLOTS	4
/* zstd level of a spool: fast, since it only has to beat the disk. */
#define SPOOL_LEVEL	1

struct dz {
	pthread_t	 thr;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	unsigned char	*slot[DZ_SLOTS];
	size_t		 len[DZ_SLOTS];
	unsigned	 head, tail;	/* the reader takes head, thread fills tail */
	size_t		 off;		/* bytes of slot head handed out */
	int		 done, failed, stop;
	struct df_error	 err;
	unsigned long long rawpos;	/* compressed bytes consumed, published */
};

struct istream {
	struct dz	*dz;		/* NULL for plain input */
	int		 fd;
	char		*name;
	enum stream_comp comp;
	int		 seekable;
	int		 eof;		/* no more raw input */
	int		 done;		/* no more decompressed output */
	int		 checked;	/* archive magic looked at */
	unsigned long long rawpos, rawsize;
	/* raw (compressed) input */
	unsigned char	*raw;
	size_t		 rawcap, rawoff, rawlen;
	z_stream	 z;
	int		 zinit;
	int		 zmember;	/* inside a gzip member */
	ZSTD_DStream	*zd;
	size_t		 zret;		/* last ZSTD_decompressStream result */
	struct ostream	*tee;		/* a copy of what is read goes here */
};

struct ostream {
	int		 fd;
	char		*path;		/* target, NULL for stdout */
	char		*tmp;		/* temporary file, NULL for stdout */
	int		 tmpslot;
	enum stream_comp comp;
	unsigned long long pos;
	unsigned char	*buf;		/* uncompressed staging */
	size_t		 len, cap;
	unsigned char	*zbuf;		/* compressed output */
	size_t		 zcap;
	z_stream	 z;
	ZSTD_CStream	*zc;
	unsigned long long written;	/* bytes written to fd */
};

/* Temporary files to remove on a fatal signal. */
#define TMP_SLOTS	16
static char tmp_paths[TMP_SLOTS][PATH_MAX];
static volatile sig_atomic_t tmp_used[TMP_SLOTS];

static int
tmp_register(const char *path)
{
	int i;

	for (i = 0; i < TMP_SLOTS; i++)
		if (!tmp_used[i] && strlen(path) < PATH_MAX) {
			memcpy(tmp_paths[i], path, strlen(path) + 1);
			tmp_used[i] = 1;
			return i;
		}
	return -1;
}

static void
tmp_unregister(int slot)
{
	if (slot >= 0)
		tmp_used[slot] = 0;
}

static void
on_signal(int sig)
{
	int i;

	for (i = 0; i < TMP_SLOTS; i++)
		if (tmp_used[i])
			(void)unlink(tmp_paths[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
stream_cleanup_on_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* read(2) that retries on EINTR and fills as much of dst as it can. */
static ssize_t
read_full(int fd, void *dst, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(fd, (char *)dst + got, n - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static int
write_full(int fd, const void *src, size_t n)
{
	ssize_t r;

	while (n > 0) {
		r = write(fd, src, n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			return -1;
		if (r == 0) {
			/* No progress and no error: take it for a full disk. */
			errno = ENOSPC;
			return -1;
		}
		src = (const char *)src + r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * A pipe holds 64 KiB by default: the writer then sleeps after every
 * quarter block while the reader drains it.  A pipe the size of a block
 * lets both sides run a whole block at a time (best effort: the limit in
 * /proc/sys/fs/pipe-max-size may refuse it).
 */
static void
grow_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
		(void)fcntl(fd, F_SETPIPE_SZ, STREAM_BLOCK * 4);
#else
	(void)fd;
#endif
}

static int	dz_start(struct istream *, struct df_error *);
static void	dz_free(struct istream *);

static const char archive_hint[] =
    "write a plain dump with: pg_restore -f - ARCHIVE | ...";

static int
refuse_archive(const struct istream *in, const unsigned char *p, size_t n,
    struct df_error *err)
{
	if (n >= 5 && memcmp(p, "PGDMP", 5) == 0)
		return df_err(err, 1, in->name, 0,
		    "a pg_dump custom-format archive, not a plain dump; %s",
		    archive_hint);
	if (n >= 262 && memcmp(p + 257, "ustar", 5) == 0)
		return df_err(err, 1, in->name, 0,
		    "a tar archive (pg_dump -Ft?), not a plain dump; %s",
		    archive_hint);
	return 0;
}

/*
 * On the decompression thread, wait for a pipe to have input, checking
 * every 100 ms whether dz_stop() was called: a writer that stays silent
 * (pg_dump waiting for a lock) must not hold up the exit after an error.
 * Returns -1 when told to stop.
 */
static int
dz_wait_input(struct istream *in)
{
	struct pollfd pfd;
	int r, stop;

	pfd.fd = in->fd;
	pfd.events = POLLIN;
	for (;;) {
		r = poll(&pfd, 1, 100);
		if (r != 0 && !(r == -1 && errno == EINTR))
			return 0;	/* input, end of input or error: read */
		pthread_mutex_lock(&in->dz->mu);
		stop = in->dz->stop;
		pthread_mutex_unlock(&in->dz->mu);
		if (stop)
			return -1;
	}
}

static int
raw_fill(struct istream *in, struct df_error *err)
{
	ssize_t r;

	if (in->rawoff > 0 && in->rawoff < in->rawlen)
		memmove(in->raw, in->raw + in->rawoff, in->rawlen - in->rawoff);
	in->rawlen -= in->rawoff;
	in->rawoff = 0;
	if (in->dz != NULL && !in->seekable) {
		/* The thread on a pipe: one read(2) of what is there. */
		if (dz_wait_input(in) == -1)
			return df_err(err, 1, in->name, 0, "stopped");
		do
			r = read(in->fd, in->raw + in->rawlen,
			    in->rawcap - in->rawlen);
		while (r == -1 && errno == EINTR);
	} else
		r = read_full(in->fd, in->raw + in->rawlen,
		    in->rawcap - in->rawlen);
	if (r == -1)
		return df_err(err, 1, in->name, 0, "read: %s", strerror(errno));
	if (r == 0)
		in->eof = 1;
	in->rawlen += (size_t)r;
	in->rawpos += (unsigned long long)r;
	return 0;
}

static int
detect(struct istream *in, struct df_error *err)
{
	const unsigned char *p = in->raw;

	if (raw_fill(in, err) == -1)
		return -1;
	if (in->rawlen >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
		in->comp = STREAM_GZIP;
		if (inflateInit2(&in->z, 15 + 16) != Z_OK)
			return df_err(err, 1, in->name, 0, "zlib init failed");
		in->zinit = 1;
		in->zmember = 1;
	} else if (in->rawlen >= 4 && ((p[0] == 0x28 && p[1] == 0xb5 &&
	    p[2] == 0x2f && p[3] == 0xfd) || ((p[0] & 0xf0) == 0x50 &&
	    p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18))) {
		/* A zstd frame, or a skippable frame (pzstd writes one). */
		in->comp = STREAM_ZSTD;
		in->zd = ZSTD_createDStream();
		if (in->zd == NULL)
			return df_err(err, 1, in->name, 0, "zstd init failed");
		ZSTD_initDStream(in->zd);
	} else {
		in->comp = STREAM_PLAIN;
		in->checked = 1;
		return refuse_archive(in, p, in->rawlen, err);
	}
	return 0;
}

struct istream *
istream_fdopen(int fd, const char *name, struct df_error *err)
{
	struct istream *in;
	struct stat st;
	size_t cap;

	in = xcalloc(1, sizeof(*in));
	in->fd = fd;
	in->name = xstrdup(name);
	if (fstat(in->fd, &st) == -1) {
		df_seterr(err, 1, in->name, 0, "%s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		df_seterr(err, 1, in->name, 0, "a directory (pg_dump -Fd?), "
		    "not a plain dump; %s", archive_hint);
		goto fail;
	}
	if (S_ISREG(st.st_mode)) {
		in->seekable = 1;
		in->rawsize = (unsigned long long)st.st_size;
	}
	grow_pipe(in->fd);
	cap = ZSTD_DStreamInSize();
	in->rawcap = cap > STREAM_BLOCK ? cap : STREAM_BLOCK;
	in->raw = xmalloc(in->rawcap);
	if (detect(in, err) == -1)
		goto fail;
	if (in->comp != STREAM_PLAIN && dz_start(in, err) == -1)
		goto fail;
	return in;
fail:
	istream_close(in);
	return NULL;
}

struct istream *
istream_open(const char *path, struct df_error *err)
{
	int fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return istream_fdopen(STDIN_FILENO, "(stdin)", err);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		df_seterr(err, 1, path, 0, "%s", strerror(errno));
		return NULL;
	}
	return istream_fdopen(fd, path, err);
}

void
istream_tee(struct istream *in, struct ostream *tee)
{
	in->tee = tee;
}

/* Decompress gzip into dst; multi-member files continue after each end. */
static ssize_t
gz_read(struct istream *in, unsigned char *dst, size_t n,
    struct df_error *err)
{
	size_t got = 0;
	int rc;

	while (got < n && !in->done) {
		if (in->rawoff == in->rawlen && !in->eof &&
		    raw_fill(in, err) == -1)
			return -1;
		if (!in->zmember) {
			/* Between members: more data must be another member. */
			if (in->rawoff == in->rawlen && in->eof) {
				in->done = 1;
				break;
			}
			if (in->rawlen - in->rawoff < 2 && !in->eof) {
				/* Need both magic bytes: read more. */
				if (raw_fill(in, err) == -1)
					return -1;
				continue;
			}
			if (in->rawlen - in->rawoff < 2 ||
			    in->raw[in->rawoff] != 0x1f ||
			    in->raw[in->rawoff + 1] != 0x8b)
				return df_err(err, 1, in->name, 0,
				    "trailing garbage after gzip data "
				    "(at compressed byte %llu)",
				    in->rawpos - (in->rawlen - in->rawoff));
			inflateReset(&in->z);
			in->zmember = 1;
		}
		in->z.next_in = in->raw + in->rawoff;
		in->z.avail_in = (uInt)(in->rawlen - in->rawoff);
		in->z.next_out = dst + got;
		in->z.avail_out = (uInt)(n - got);
		rc = inflate(&in->z, Z_NO_FLUSH);
		in->rawoff = in->rawlen - in->z.avail_in;
		got = n - in->z.avail_out;
		if (rc == Z_STREAM_END) {
			in->zmember = 0;
			continue;
		}
		if (rc == Z_BUF_ERROR && in->eof && in->rawoff == in->rawlen)
			return df_err(err, 1, in->name, 0,
			    "truncated gzip data (input ends inside a "
			    "compressed member)");
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			return df_err(err, 1, in->name, 0,
			    "corrupt gzip data: %s",
			    in->z.msg ? in->z.msg : "inflate failed");
	}
	return (ssize_t)got;
}

/* Decompress zstd into dst; concatenated frames are decoded in turn. */
static ssize_t
zst_read(struct istream *in, unsigned char *dst, size_t n,
    struct df_error *err)
{
	ZSTD_inBuffer ib;
	ZSTD_outBuffer ob;
	size_t rc;

	ob.dst = dst;
	ob.size = n;
	ob.pos = 0;
	while (ob.pos < n && !in->done) {
		if (in->rawoff == in->rawlen) {
			if (in->eof) {
				if (in->zret != 0)
					return df_err(err, 1, in->name, 0,
					    "truncated zstd data (input ends "
					    "inside a frame)");
				in->done = 1;
				break;
			}
			if (raw_fill(in, err) == -1)
				return -1;
			continue;
		}
		ib.src = in->raw + in->rawoff;
		ib.size = in->rawlen - in->rawoff;
		ib.pos = 0;
		rc = ZSTD_decompressStream(in->zd, &ob, &ib);
		in->rawoff += ib.pos;
		if (ZSTD_isError(rc))
			return df_err(err, 1, in->name, 0,
			    "corrupt zstd data: %s", ZSTD_getErrorName(rc));
		in->zret = rc;
	}
	return (ssize_t)ob.pos;
}

static ssize_t
decompress(struct istream *in, unsigned char *dst, size_t n,
    struct df_error *err)
{
	if (in->comp == STREAM_GZIP)
		return gz_read(in, dst, n, err);
	return zst_read(in, dst, n, err);
}

static void *
dz_main(void *arg)
{
	struct istream *in = arg;
	struct dz *z = in->dz;
	struct df_error e;
	unsigned t;
	ssize_t r;
	int fin;

	for (;;) {
		pthread_mutex_lock(&z->mu);
		while (z->tail - z->head == DZ_SLOTS && !z->stop)
			pthread_cond_wait(&z->cv, &z->mu);
		fin = z->stop;
		t = z->tail % DZ_SLOTS;
		pthread_mutex_unlock(&z->mu);
		if (fin)
			break;
		r = decompress(in, z->slot[t], STREAM_BLOCK, &e);
		pthread_mutex_lock(&z->mu);
		if (r < 0) {
			z->err = e;
			z->failed = z->done = 1;
		} else if (r == 0)
			z->done = 1;
		else {
			z->len[t] = (size_t)r;
			z->tail++;
		}
		z->rawpos = in->rawpos - (in->rawlen - in->rawoff);
		fin = z->done;
		pthread_cond_broadcast(&z->cv);
		pthread_mutex_unlock(&z->mu);
		if (fin)
			break;
	}
	return NULL;
}

static int
dz_start(struct istream *in, struct df_error *err)
{
	struct dz *z = in->dz;
	int i;

	if (z == NULL) {
		z = in->dz = xcalloc(1, sizeof(*z));
		for (i = 0; i < DZ_SLOTS; i++)
			z->slot[i] = xmalloc(STREAM_BLOCK);
		pthread_mutex_init(&z->mu, NULL);
		pthread_cond_init(&z->cv, NULL);
	}
	z->head = z->tail = 0;
	z->off = 0;
	z->done = z->failed = z->stop = 0;
	if (pthread_create(&z->thr, NULL, dz_main, in) != 0)
		return df_err(err, 1, in->name, 0, "cannot start the "
		    "decompression thread");
	return 0;
}

static void
dz_stop(struct istream *in)
{
	struct dz *z = in->dz;

	pthread_mutex_lock(&z->mu);
	z->stop = 1;
	pthread_cond_broadcast(&z->cv);
	pthread_mutex_unlock(&z->mu);
	pthread_join(z->thr, NULL);
}

static void
dz_free(struct istream *in)
{
	struct dz *z = in->dz;
	int i;

	dz_stop(in);
	for (i = 0; i < DZ_SLOTS; i++)
		free(z->slot[i]);
	pthread_mutex_destroy(&z->mu);
	pthread_cond_destroy(&z->cv);
	free(z);
	in->dz = NULL;
}

/* Take decompressed bytes from the ring. */
static ssize_t
dz_read(struct istream *in, unsigned char *dst, size_t n,
    struct df_error *err)
{
	struct dz *z = in->dz;
	size_t got = 0, k;
	unsigned h;

	while (got < n) {
		pthread_mutex_lock(&z->mu);
		while (z->head == z->tail && !z->done)
			pthread_cond_wait(&z->cv, &z->mu);
		if (z->head == z->tail) {
			/* An error is reported once what came before it is out. */
			if (z->failed && got == 0) {
				if (err != NULL)
					*err = z->err;
				pthread_mutex_unlock(&z->mu);
				return -1;
			}
			pthread_mutex_unlock(&z->mu);
			break;
		}
		h = z->head % DZ_SLOTS;
		pthread_mutex_unlock(&z->mu);
		k = z->len[h] - z->off;
		if (k > n - got)
			k = n - got;
		memcpy(dst + got, z->slot[h] + z->off, k);
		z->off += k;
		got += k;
		if (z->off == z->len[h]) {
			pthread_mutex_lock(&z->mu);
			z->head++;
			z->off = 0;
			pthread_cond_broadcast(&z->cv);
			pthread_mutex_unlock(&z->mu);
		}
	}
	return (ssize_t)got;
}

ssize_t
istream_read(struct istream *in, void *dst, size_t n, struct df_error *err)
{
	size_t got = 0, k;
	ssize_t r;

	switch (in->comp) {
	case STREAM_PLAIN:
		/* Hand out what detect() buffered, then read directly. */
		if (in->rawoff < in->rawlen) {
			k = in->rawlen - in->rawoff;
			if (k > n)
				k = n;
			memcpy(dst, in->raw + in->rawoff, k);
			in->rawoff += k;
			got = k;
		}
		if (got < n && !in->eof) {
			r = read_full(in->fd, (char *)dst + got, n - got);
			if (r == -1)
				return df_err(err, 1, in->name, 0, "read: %s",
				    strerror(errno));
			if ((size_t)r < n - got)
				in->eof = 1;
			in->rawpos += (unsigned long long)r;
			got += (size_t)r;
		}
		r = (ssize_t)got;
		goto tee;
	case STREAM_GZIP:
	case STREAM_ZSTD:
		r = dz_read(in, dst, n, err);
		break;
	default:
		return df_err(err, 1, in->name, 0, "bad stream");
	}
	if (r > 0 && !in->checked) {
		in->checked = 1;
		if (refuse_archive(in, dst, (size_t)r, err) == -1)
			return -1;
	}
tee:
	if (r > 0 && in->tee != NULL &&
	    ostream_write(in->tee, dst, (size_t)r, err) == -1)
		return -1;
	return r;
}

int
istream_rewind(struct istream *in, struct df_error *err)
{
	if (!in->seekable)
		return df_err(err, 1, in->name, 0, "cannot rewind a pipe");
	if (in->dz != NULL)
		dz_stop(in);
	if (lseek(in->fd, 0, SEEK_SET) == -1)
		return df_err(err, 1, in->name, 0, "lseek: %s",
		    strerror(errno));
	in->eof = in->done = 0;
	in->rawoff = in->rawlen = 0;
	in->rawpos = 0;
	in->zret = 0;
	if (in->zinit) {
		inflateReset(&in->z);
		in->zmember = 1;
	}
	if (in->zd != NULL)
		ZSTD_DCtx_reset(in->zd, ZSTD_reset_session_only);
	if (raw_fill(in, err) == -1)
		return -1;
	return in->dz != NULL ? dz_start(in, err) : 0;
}

int
istream_seekable(const struct istream *in)
{
	return in->seekable;
}

const char *
istream_name(const struct istream *in)
{
	return in->name;
}

enum stream_comp
istream_comp(const struct istream *in)
{
	return in->comp;
}

unsigned long long
istream_raw_pos(const struct istream *in)
{
	unsigned long long pos;

	if (in->dz == NULL)
		return in->rawpos - (in->rawlen - in->rawoff);
	pthread_mutex_lock(&in->dz->mu);
	pos = in->dz->rawpos;
	pthread_mutex_unlock(&in->dz->mu);
	return pos;
}

unsigned long long
istream_raw_size(const struct istream *in)
{
	return in->rawsize;
}

void
istream_close(struct istream *in)
{
	if (in == NULL)
		return;
	if (in->dz != NULL)
		dz_free(in);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	if (in->zinit)
		inflateEnd(&in->z);
	ZSTD_freeDStream(in->zd);
	free(in->raw);
	free(in->name);
	free(in);
}

int
stream_parse_comp(const char *spec, enum stream_comp *comp, int *level)
{
	const char *colon;
	size_t n;
	char *end;
	long lv = 0;

	colon = strchr(spec, ':');
	n = colon ? (size_t)(colon - spec) : strlen(spec);
	if (df_slice_eq(spec, n, "none") || df_slice_eq(spec, n, "plain"))
		*comp = STREAM_PLAIN;
	else if (df_slice_eq(spec, n, "gzip") || df_slice_eq(spec, n, "gz"))
		*comp = STREAM_GZIP;
	else if (df_slice_eq(spec, n, "zstd") || df_slice_eq(spec, n, "zst"))
		*comp = STREAM_ZSTD;
	else
		return -1;
	if (colon != NULL) {
		if (*comp == STREAM_PLAIN || colon[1] == '\0')
			return -1;
		errno = 0;
		lv = strtol(colon + 1, &end, 10);
		if (errno != 0 || *end != '\0')
			return -1;
		if (*comp == STREAM_GZIP && (lv < 1 || lv > 9))
			return -1;
		/* 20..22 need --ultra's window sizes: not offered. */
		if (*comp == STREAM_ZSTD && (lv < 1 || lv > 19))
			return -1;
	}
	*level = (int)lv;
	return 0;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && strcmp(s + n - m, suf) == 0;
}

enum stream_comp
stream_comp_for_path(const char *path)
{
	if (path == NULL)
		return STREAM_PLAIN;
	if (has_suffix(path, ".gz"))
		return STREAM_GZIP;
	if (has_suffix(path, ".zst"))
		return STREAM_ZSTD;
	return STREAM_PLAIN;
}

static int
open_temp(struct ostream *out, struct df_error *err)
{
	const char *slash;
	size_t dlen;
	char *tmp;
	mode_t mask;
	int fd;

	slash = strrchr(out->path, '/');
	dlen = slash ? (size_t)(slash - out->path) + 1 : 0;
	tmp = xmalloc(strlen(out->path) + 16);
	memcpy(tmp, out->path, dlen);
	snprintf(tmp + dlen, strlen(out->path) + 16 - dlen, ".%s.XXXXXX",
	    out->path + dlen);
	fd = mkstemp(tmp);
	if (fd == -1) {
		df_seterr(err, 1, out->path, 0, "cannot create temporary file: "
		    "%s", strerror(errno));
		free(tmp);
		return -1;
	}
	out->tmpslot = tmp_register(tmp);
	/* The file a plain open(2) would have made: 0666 less umask. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	out->fd = fd;
	out->tmp = tmp;
	return 0;
}

/* The descriptor /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N name. */
static int
std_fd(const char *path)
{
	const char *p = NULL;
	char *end;
	long n;

	if (strcmp(path, "/dev/stdout") == 0)
		return STDOUT_FILENO;
	if (strcmp(path, "/dev/stderr") == 0)
		return STDERR_FILENO;
	if (strncmp(path, "/dev/fd/", 8) == 0)
		p = path + 8;
	else if (strncmp(path, "/proc/self/fd/", 14) == 0)
		p = path + 14;
	if (p == NULL || *p < '0' || *p > '9')
		return -1;
	n = strtol(p, &end, 10);
	return *end == '\0' && n >= 0 && n < 1024 ? (int)n : -1;
}

struct ostream *
ostream_open(const char *path, enum stream_comp comp, int level,
    struct df_error *err)
{
	struct ostream *out;
	struct stat st;
	int n;

	out = xcalloc(1, sizeof(*out));
	out->comp = comp;
	out->tmpslot = -1;
	out->fd = STDOUT_FILENO;
	if (path != NULL && strcmp(path, "-") != 0 && (std_fd(path) >= 0 ||
	    (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)))) {
		/*
		 * A device, a FIFO, or a name such as /dev/stdout: there is
		 * no file to replace atomically, and renaming a temporary
		 * file over it would destroy it (a regular file in /dev).
		 * Write to it as to standard output.
		 */
		out->path = xstrdup(path);
		n = std_fd(path);
		/*
		 * /dev/stdout and the like: write to the descriptor itself,
		 * at its offset; opening the name again would start a
		 * redirected file over at byte 0.
		 */
		out->fd = n >= 0 ? dup(n) : open(path, O_WRONLY | O_CLOEXEC);
		if (out->fd == -1) {
			df_seterr(err, 1, path, 0, "%s", strerror(errno));
			free(out->path);
			free(out);
			return NULL;
		}
	} else if (path != NULL && strcmp(path, "-") != 0) {
		/* Through a symbolic link, replace the file it names. */
		out->path = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ?
		    realpath(path, NULL) : NULL;
		if (out->path == NULL)
			out->path = xstrdup(path);
		if (open_temp(out, err) == -1) {
			free(out->path);
			free(out);
			return NULL;
		}
	}
	out->cap = STREAM_BLOCK;
	out->buf = xmalloc(out->cap);
	grow_pipe(out->fd);
	if (comp == STREAM_GZIP) {
		out->zcap = STREAM_BLOCK;
		out->zbuf = xmalloc(out->zcap);
		if (deflateInit2(&out->z, level ? level : 6, Z_DEFLATED,
		    15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
			df_seterr(err, 1, NULL, 0, "zlib init failed");
			ostream_abort(out);
			return NULL;
		}
	} else if (comp == STREAM_ZSTD) {
		out->zcap = ZSTD_CStreamOutSize();
		out->zbuf = xmalloc(out->zcap);
		out->zc = ZSTD_createCStream();
		if (out->zc == NULL || ZSTD_isError(ZSTD_CCtx_setParameter(
		    out->zc, ZSTD_c_compressionLevel, level ? level : 3))) {
			df_seterr(err, 1, NULL, 0, "zstd init failed");
			ostream_abort(out);
			return NULL;
		}
		ZSTD_CCtx_setParameter(out->zc, ZSTD_c_checksumFlag, 1);
	}
	return out;
}

struct ostream *
ostream_spool(const char *dir, int *rfd_out, struct df_error *err)
{
	struct ostream *out;
	char *path;
	size_t n;
	int fd, rfd;

	n = strlen(dir) + 32;
	path = xmalloc(n);
	snprintf(path, n, "%s/dumpfilters.spool.XXXXXX", dir);
	fd = mkstemp(path);		/* mode 0600 */
	if (fd == -1) {
		df_seterr(err, 1, dir, 0, "cannot create the spool file: %s",
		    strerror(errno));
		free(path);
		return NULL;
	}
	rfd = open(path, O_RDONLY | O_CLOEXEC);
	(void)unlink(path);
	free(path);
	if (rfd == -1) {
		df_seterr(err, 1, dir, 0, "cannot open the spool file: %s",
		    strerror(errno));
		close(fd);
		return NULL;
	}
	out = xcalloc(1, sizeof(*out));
	out->comp = STREAM_ZSTD;
	out->tmpslot = -1;
	out->fd = fd;
	n = strlen(dir) + 16;
	out->path = xmalloc(n);
	snprintf(out->path, n, "%s (spool)", dir);
	out->cap = STREAM_BLOCK;
	out->buf = xmalloc(out->cap);
	out->zcap = ZSTD_CStreamOutSize();
	out->zbuf = xmalloc(out->zcap);
	out->zc = ZSTD_createCStream();
	if (out->zc == NULL || ZSTD_isError(ZSTD_CCtx_setParameter(out->zc,
	    ZSTD_c_compressionLevel, SPOOL_LEVEL)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(out->zc, ZSTD_c_checksumFlag,
	    1))) {
		df_seterr(err, 1, NULL, 0, "zstd init failed");
		ostream_abort(out);
		close(rfd);
		return NULL;
	}
	*rfd_out = rfd;
	return out;
}

unsigned long long
ostream_bytes(const struct ostream *out)
{
	return out->written;
}

static const char *
oname(const struct ostream *out)
{
	return out->path ? out->path : "(stdout)";
}

static int
sink(struct ostream *out, const void *p, size_t n, struct df_error *err)
{
	if (write_full(out->fd, p, n) == -1)
		return df_err(err, 1, oname(out), 0, "write: %s",
		    strerror(errno));
	out->written += n;
	return 0;
}

/* Compress n bytes of p (or finish the frame when end) and write. */
static int
compress_out(struct ostream *out, const void *p, size_t n, int end,
    struct df_error *err)
{
	ZSTD_inBuffer ib;
	ZSTD_outBuffer ob;
	size_t rc;
	int zrc;

	if (out->comp == STREAM_GZIP) {
		out->z.next_in = (Bytef *)(uintptr_t)p;
		out->z.avail_in = (uInt)n;
		do {
			out->z.next_out = out->zbuf;
			out->z.avail_out = (uInt)out->zcap;
			zrc = deflate(&out->z, end ? Z_FINISH : Z_NO_FLUSH);
			if (zrc == Z_STREAM_ERROR)
				return df_err(err, 1, oname(out), 0,
				    "gzip compression failed");
			if (sink(out, out->zbuf,
			    out->zcap - out->z.avail_out, err) == -1)
				return -1;
		} while (out->z.avail_in > 0 ||
		    (end && zrc != Z_STREAM_END));
		return 0;
	}
	ib.src = p;
	ib.size = n;
	ib.pos = 0;
	do {
		ob.dst = out->zbuf;
		ob.size = out->zcap;
		ob.pos = 0;
		rc = ZSTD_compressStream2(out->zc, &ob, &ib,
		    end ? ZSTD_e_end : ZSTD_e_continue);
		if (ZSTD_isError(rc))
			return df_err(err, 1, oname(out), 0,
			    "zstd compression failed: %s",
			    ZSTD_getErrorName(rc));
		if (sink(out, out->zbuf, ob.pos, err) == -1)
			return -1;
	} while (ib.pos < ib.size || (end && rc != 0));
	return 0;
}

static int
flush_buf(struct ostream *out, struct df_error *err)
{
	int rc;

	if (out->len == 0)
		return 0;
	if (out->comp == STREAM_PLAIN)
		rc = sink(out, out->buf, out->len, err);
	else
		rc = compress_out(out, out->buf, out->len, 0, err);
	out->len = 0;
	return rc;
}

int
ostream_write(struct ostream *out, const void *p, size_t n,
    struct df_error *err)
{
	/* Nothing, maybe from NULL (an empty buf): memcpy may not see it. */
	if (n == 0)
		return 0;
	out->pos += n;
	/* Half a block or more with nothing staged: write it as it is. */
	if (out->comp == STREAM_PLAIN && out->len == 0 && n >= out->cap / 2)
		return sink(out, p, n, err);
	if (n <= out->cap - out->len) {
		memcpy(out->buf + out->len, p, n);
		out->len += n;
		return 0;
	}
	if (flush_buf(out, err) == -1)
		return -1;
	if (n >= out->cap) {
		/* Large slices skip the staging copy. */
		if (out->comp == STREAM_PLAIN)
			return sink(out, p, n, err);
		return compress_out(out, p, n, 0, err);
	}
	memcpy(out->buf, p, n);
	out->len = n;
	return 0;
}

unsigned long long
ostream_pos(const struct ostream *out)
{
	return out->pos;
}

static void
ostream_free(struct ostream *out)
{
	if (out->comp == STREAM_GZIP)
		deflateEnd(&out->z);
	ZSTD_freeCStream(out->zc);
	free(out->buf);
	free(out->zbuf);
	free(out->path);
	free(out->tmp);
	free(out);
}

static int
sync_dir(const char *path)
{
	const char *slash;
	char *dir;
	int fd, rc;

	slash = strrchr(path, '/');
	dir = slash ? xstrndup(path, slash == path ? 1 :
	    (size_t)(slash - path)) : xstrdup(".");
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
ostream_close(struct ostream *out, struct df_error *err)
{
	int rc = -1;

	if (flush_buf(out, err) == -1)
		goto out;
	if (out->comp != STREAM_PLAIN &&
	    compress_out(out, NULL, 0, 1, err) == -1)
		goto out;
	if (out->tmp == NULL) {
		/*
		 * Standard output: not synced (a pipe cannot be), but closed
		 * and checked, since NFS and full disks report late.
		 */
		if (close(out->fd) == -1 && errno != EINTR) {
			df_seterr(err, 1, oname(out), 0, "close: %s",
			    strerror(errno));
			goto out;
		}
		rc = 0;
		goto out;
	}
	if (fsync(out->fd) == -1) {
		df_seterr(err, 1, out->path, 0, "fsync: %s", strerror(errno));
		goto out;
	}
	if (close(out->fd) == -1) {
		out->fd = -1;
		df_seterr(err, 1, out->path, 0, "close: %s", strerror(errno));
		goto out;
	}
	out->fd = -1;
	if (rename(out->tmp, out->path) == -1) {
		df_seterr(err, 1, out->path, 0, "rename: %s", strerror(errno));
		goto out;
	}
	tmp_unregister(out->tmpslot);
	free(out->tmp);
	out->tmp = NULL;
	(void)sync_dir(out->path);
	rc = 0;
out:
	if (rc == -1) {
		ostream_abort(out);
		return -1;
	}
	ostream_free(out);
	return rc;
}

void
ostream_abort(struct ostream *out)
{
	if (out == NULL)
		return;
	if (out->tmp != NULL) {
		if (out->fd != -1)
			close(out->fd);
		(void)unlink(out->tmp);
		tmp_unregister(out->tmpslot);
	}
	ostream_free(out);
}
