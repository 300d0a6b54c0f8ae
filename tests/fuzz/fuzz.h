/*
 * fuzz: helpers shared by the libFuzzer targets in tests/fuzz/ and by the
 * corpus replay driver (replay.c).  Each target is one file fuzz_<name>.c
 * defining LLVMFuzzerTestOneInput(); it checks properties with FUZZ_CHECK,
 * which prints what failed and calls abort(), so that libFuzzer (or the
 * replay driver under make check) reports the input as a crash.
 *
 * Nothing here is part of the library; the targets link against its
 * sources.
 */
#ifndef DF_FUZZ_H
#define DF_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "reader.h"

struct buf;
struct schema;
struct schema_table;

/* The input being run, named in failure reports (set by replay.c). */
extern const char *fuzz_current_input;

/* Report a failed property and abort(). */
void	fuzz_fail(const char *, int, const char *, const char *, ...)
	    __attribute__((format(printf, 4, 5), noreturn));

#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond))							\
		fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);	\
} while (0)

/*
 * A private directory for the targets' files, made on first use under
 * $FUZZ_TMPDIR, /dev/shm (when writable: no disk I/O per run), $TMPDIR or
 * /tmp, and removed with everything in it at exit.  Never NULL: failing
 * to make it is fatal.
 */
const char *fuzz_tmpdir(void);
/* A path name in that directory: dst gets "<dir>/<name>". */
void	fuzz_path(char *, size_t, const char *);
/* Replace the file path with the given bytes; fatal on failure. */
void	fuzz_write_file(const char *, const void *, size_t);
/* Append the file's bytes to b (no cap); fatal on failure. */
void	fuzz_read_file(const char *, struct buf *);

/* Is a[0, n) equal to b[0, m)?  Is it a prefix of b[0, m)? */
int	fuzz_eq(const void *, size_t, const void *, size_t);
int	fuzz_is_prefix(const void *, size_t, const void *, size_t);
/* A hex dump of at most 64 bytes of p around off, for messages. */
const char *fuzz_show(const void *, size_t, size_t);
/* The first offset where a and b differ (the shorter length if none). */
size_t	fuzz_diff_at(const void *, size_t, const void *, size_t);

/*
 * Check the internal consistency of a table and of a whole catalog:
 * names present, key and foreign-key column indexes inside the column
 * array, flags that keys imply, the table findable by its own name.
 */
void	fuzz_check_table(struct schema *, const struct schema_table *);
void	fuzz_check_schema(struct schema *);

/* The reader properties of fuzz_reader.c for one dialect. */
int	fuzz_reader_one(const uint8_t *, size_t, enum dump_dialect);

#endif
