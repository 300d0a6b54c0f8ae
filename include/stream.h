/*
 * stream: buffered byte streams over file descriptors with transparent
 * compression.  Input compression (gzip, including multi-member files, and
 * zstd, including concatenated frames) is recognised by magic bytes; output
 * compression is chosen by the caller.  Output to a named file is atomic: it
 * goes to a temporary file in the same directory that is fsync()ed and
 * renamed over the target only by a successful ostream_close().
 *
 * This is the only module that sees zlib and zstd.
 */
#ifndef DF_STREAM_H
#define DF_STREAM_H

#include <sys/types.h>

#include <stddef.h>

struct df_error;

enum stream_comp {
	STREAM_PLAIN = 0,
	STREAM_GZIP,
	STREAM_ZSTD
};

/* Block size of reads and writes; see the table in stream.c. */
#ifndef STREAM_BLOCK
#define STREAM_BLOCK	(256 * 1024)	/* tests/bench/blocksize.txt */
#endif

struct istream;
struct ostream;

/*
 * Open path for reading ("-" or NULL: standard input).  Refuses directories,
 * PostgreSQL custom-format archives and tar archives with a message that
 * says how to get a plain dump.  Returns NULL and fills err on failure.
 */
struct istream	*istream_open(const char *, struct df_error *);
/*
 * The istream of an open descriptor, named name in messages; it takes fd
 * (closed by istream_close, or here on failure).
 */
struct istream	*istream_fdopen(int, const char *, struct df_error *);
/*
 * From now on, write a copy of every decompressed byte read to tee (a
 * spool, below); a failing write fails the read.
 */
void		 istream_tee(struct istream *, struct ostream *);
/*
 * Read up to n decompressed bytes into dst.  Returns the count, 0 at the
 * end of the input, -1 on error (read failure, corrupt or truncated
 * compressed data).  Never returns a short count except at the end.
 */
ssize_t		 istream_read(struct istream *, void *, size_t,
		    struct df_error *);
/*
 * Start over from the first byte; only possible when the input is a
 * regular file.  Returns -1 (err filled) otherwise.
 */
int		 istream_rewind(struct istream *, struct df_error *);
int		 istream_seekable(const struct istream *);
/* Name for messages: the path, or "(stdin)". */
const char	*istream_name(const struct istream *);
enum stream_comp istream_comp(const struct istream *);
/* Compressed bytes consumed so far, and the file size (0 if unknown). */
unsigned long long istream_raw_pos(const struct istream *);
unsigned long long istream_raw_size(const struct istream *);
void		 istream_close(struct istream *);

/*
 * Parse "none", "gzip[:LEVEL]" or "zstd[:LEVEL]".  Level 0 means the
 * library's default.  Returns -1 on a bad spec.
 */
int		 stream_parse_comp(const char *, enum stream_comp *, int *);
/* The compression a file name's suffix asks for (.gz, .zst). */
enum stream_comp stream_comp_for_path(const char *);

/*
 * Open path for writing ("-" or NULL: standard output) with the given
 * compression and level.  A named file is written to a temporary file in
 * the same directory first.
 */
struct ostream	*ostream_open(const char *, enum stream_comp, int,
		    struct df_error *);
int		 ostream_write(struct ostream *, const void *, size_t,
		    struct df_error *);
/* Bytes handed to ostream_write so far (before compression). */
unsigned long long ostream_pos(const struct ostream *);
/*
 * Finish: flush, end the compressed frame, fsync and rename a named file
 * into place, close.  On any failure the temporary file is removed, the
 * target is untouched, and -1 is returned.  Frees the stream either way.
 */
int		 ostream_close(struct ostream *, struct df_error *);
/* Give up: remove the temporary file, leave the target untouched. */
void		 ostream_abort(struct ostream *);

/*
 * A spool: a temporary file in dir, zstd-compressed, for a second reading
 * of a pipe.  It is made with mode 0600 and unlinked at once, so that it
 * is gone however the process ends; *rfd is a descriptor that reads it
 * from its start (for istream_fdopen once the spool is closed).
 */
struct ostream	*ostream_spool(const char *, int *, struct df_error *);
/* Bytes written to the file so far (after compression). */
unsigned long long ostream_bytes(const struct ostream *);

/*
 * Install SIGINT, SIGTERM and SIGHUP handlers that remove every temporary
 * file this module has open, then die of the signal.
 */
void		 stream_cleanup_on_signals(void);

#endif
