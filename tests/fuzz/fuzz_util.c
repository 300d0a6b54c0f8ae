/*
 * fuzz_util: the helpers of fuzz.h.  Files go to one private directory per
 * process, on tmpfs when there is one, because the reader targets open,
 * write and read back several files per input and libFuzzer runs
 * thousands of inputs a second.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fuzz.h"
#include "schema.h"
#include "util.h"

static char tmpdir[512];
const char *fuzz_current_input;

void
fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\nFUZZ CHECK FAILED at %s:%d: %s\n", file, line,
	    cond);
	if (fuzz_current_input != NULL)
		fprintf(stderr, "  input: %s\n", fuzz_current_input);
	fputs("  ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

/* Remove the directory and the files in it (it has no subdirectories). */
static void
tmpdir_remove(void)
{
	char path[1024];
	struct dirent *e;
	DIR *d;

	if (tmpdir[0] == '\0')
		return;
	d = opendir(tmpdir);
	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", tmpdir,
			    e->d_name);
			(void)unlink(path);
		}
		closedir(d);
	}
	(void)rmdir(tmpdir);
	tmpdir[0] = '\0';
}

static int
try_dir(const char *base)
{
	struct stat st;
	int n;

	if (base == NULL || base[0] == '\0' || stat(base, &st) == -1 ||
	    !S_ISDIR(st.st_mode) || access(base, W_OK | X_OK) == -1)
		return -1;
	n = snprintf(tmpdir, sizeof(tmpdir), "%s/dffuzz.XXXXXX", base);
	if (n < 0 || (size_t)n >= sizeof(tmpdir) || mkdtemp(tmpdir) == NULL) {
		tmpdir[0] = '\0';
		return -1;
	}
	return 0;
}

const char *
fuzz_tmpdir(void)
{
	if (tmpdir[0] != '\0')
		return tmpdir;
	if (try_dir(getenv("FUZZ_TMPDIR")) == -1 &&
	    try_dir("/dev/shm") == -1 && try_dir(getenv("TMPDIR")) == -1 &&
	    try_dir("/tmp") == -1) {
		fprintf(stderr, "fuzz: cannot make a temporary directory\n");
		abort();
	}
	atexit(tmpdir_remove);
	return tmpdir;
}

void
fuzz_path(char *dst, size_t n, const char *name)
{
	int k;

	k = snprintf(dst, n, "%s/%s", fuzz_tmpdir(), name);
	FUZZ_CHECK(k > 0 && (size_t)k < n, "path too long: %s", name);
}

void
fuzz_write_file(const char *path, const void *p, size_t n)
{
	const char *s = p;
	ssize_t w;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FUZZ_CHECK(fd != -1, "open %s: %s", path, strerror(errno));
	while (n > 0) {
		w = write(fd, s, n);
		if (w == -1 && errno == EINTR)
			continue;
		FUZZ_CHECK(w > 0, "write %s: %s", path, strerror(errno));
		s += w;
		n -= (size_t)w;
	}
	FUZZ_CHECK(close(fd) == 0, "close %s: %s", path, strerror(errno));
}

void
fuzz_read_file(const char *path, struct buf *b)
{
	ssize_t r;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	FUZZ_CHECK(fd != -1, "open %s: %s", path, strerror(errno));
	for (;;) {
		FUZZ_CHECK(buf_reserve(b, 65536) == 0, "buffer cap");
		r = read(fd, b->p + b->len, b->cap - b->len);
		if (r == -1 && errno == EINTR)
			continue;
		FUZZ_CHECK(r >= 0, "read %s: %s", path, strerror(errno));
		if (r == 0)
			break;
		b->len += (size_t)r;
	}
	close(fd);
}

int
fuzz_eq(const void *a, size_t n, const void *b, size_t m)
{
	return n == m && (n == 0 || memcmp(a, b, n) == 0);
}

int
fuzz_is_prefix(const void *a, size_t n, const void *b, size_t m)
{
	return n <= m && (n == 0 || memcmp(a, b, n) == 0);
}

size_t
fuzz_diff_at(const void *a, size_t n, const void *b, size_t m)
{
	const unsigned char *x = a, *y = b;
	size_t i;

	for (i = 0; i < n && i < m; i++)
		if (x[i] != y[i])
			break;
	return i;
}

const char *
fuzz_show(const void *p, size_t n, size_t off)
{
	static char s[64 * 3 + 64];
	const unsigned char *b = p;
	size_t i, from, to, k = 0;

	from = off > 16 ? off - 16 : 0;
	to = from + 64 < n ? from + 64 : n;
	k += (size_t)snprintf(s + k, sizeof(s) - k, "@%zu:", from);
	for (i = from; i < to && k + 4 < sizeof(s); i++)
		k += (size_t)snprintf(s + k, sizeof(s) - k, " %02x", b[i]);
	return s;
}

static void
check_key(const struct schema_table *t, const struct schema_key *k,
    const char *what)
{
	size_t i;

	FUZZ_CHECK(k->n == 0 || k->cols != NULL, "%s: %s: %zu columns, no "
	    "array", t->display, what, k->n);
	for (i = 0; i < k->n; i++)
		FUZZ_CHECK(k->cols[i] < t->ncols, "%s: %s: column %zu is "
		    "index %zu of %zu", t->display, what, i, k->cols[i],
		    t->ncols);
}

void
fuzz_check_table(struct schema *s, const struct schema_table *t)
{
	const struct schema_fk *fk;
	const struct schema_col *c;
	size_t i, j;

	FUZZ_CHECK(t != NULL, "no table");
	FUZZ_CHECK(t->name != NULL && t->display != NULL, "table without "
	    "a name");
	FUZZ_CHECK(schema_find(s, t->schema, t->name) == t, "table %s "
	    "(schema %s) is not found by its own name", t->name,
	    t->schema ? t->schema : "NULL");
	FUZZ_CHECK(t->declared || t->ncols == 0, "%s: %zu columns but "
	    "never declared", t->display, t->ncols);
	FUZZ_CHECK(t->ncols == 0 || t->cols != NULL, "%s: %zu columns, no "
	    "array", t->display, t->ncols);
	for (i = 0; i < t->ncols; i++) {
		c = &t->cols[i];
		FUZZ_CHECK(c->name != NULL && c->type != NULL, "%s: column "
		    "%zu without name or type", t->display, i);
		FUZZ_CHECK(c->len >= -1, "%s.%s: length %ld", t->display,
		    c->name, c->len);
		FUZZ_CHECK((c->flags & ~(unsigned)(COL_NOT_NULL |
		    COL_GENERATED | COL_PRIMARY | COL_UNIQUE |
		    COL_IDENTITY | COL_UNIQUE_EXPR)) == 0, "%s.%s: flags %#x",
		    t->display,
		    c->name, c->flags);
	}
	check_key(t, &t->pk, "primary key");
	for (i = 0; i < t->pk.n; i++)
		FUZZ_CHECK((t->cols[t->pk.cols[i]].flags &
		    (COL_PRIMARY | COL_NOT_NULL)) ==
		    (COL_PRIMARY | COL_NOT_NULL), "%s.%s: in the primary key "
		    "without PRIMARY and NOT NULL flags (%#x)", t->display,
		    t->cols[t->pk.cols[i]].name,
		    t->cols[t->pk.cols[i]].flags);
	if (t->pk.n == 1)
		FUZZ_CHECK(t->cols[t->pk.cols[0]].flags & COL_UNIQUE,
		    "%s.%s: the one-column primary key is not UNIQUE",
		    t->display, t->cols[t->pk.cols[0]].name);
	FUZZ_CHECK(t->nuniq == 0 || t->uniq != NULL, "%s: %zu unique keys, "
	    "no array", t->display, t->nuniq);
	for (i = 0; i < t->nuniq; i++) {
		FUZZ_CHECK(t->uniq[i].n > 0, "%s: empty unique key %zu",
		    t->display, i);
		check_key(t, &t->uniq[i], "unique key");
		if (t->uniq[i].n == 1)
			FUZZ_CHECK(t->cols[t->uniq[i].cols[0]].flags &
			    COL_UNIQUE, "%s.%s: a one-column unique key "
			    "without the UNIQUE flag", t->display,
			    t->cols[t->uniq[i].cols[0]].name);
	}
	FUZZ_CHECK(t->nfk == 0 || t->fks != NULL, "%s: %zu foreign keys, no "
	    "array", t->display, t->nfk);
	for (i = 0; i < t->nfk; i++) {
		fk = &t->fks[i];
		FUZZ_CHECK(fk->cols.n > 0, "%s: foreign key %zu has no "
		    "columns", t->display, i);
		check_key(t, &fk->cols, "foreign key");
		FUZZ_CHECK(fk->ref_table != NULL, "%s: foreign key %zu "
		    "references no table", t->display, i);
		FUZZ_CHECK(fk->ref_cols != NULL || fk->nref == 0, "%s: "
		    "foreign key %zu: %zu referenced names, no array",
		    t->display, i, fk->nref);
		FUZZ_CHECK(fk->ref_cols == NULL || fk->nref == fk->cols.n,
		    "%s: foreign key %zu: %zu columns reference %zu",
		    t->display, i, fk->cols.n, fk->nref);
		for (j = 0; j < fk->nref; j++)
			FUZZ_CHECK(fk->ref_cols[j] != NULL, "%s: foreign key "
			    "%zu: referenced name %zu missing", t->display,
			    i, j);
	}
}

void
fuzz_check_schema(struct schema *s)
{
	size_t i, n = schema_count(s);

	for (i = 0; i < n; i++) {
		FUZZ_CHECK(schema_at(s, i) != NULL, "table %zu of %zu is "
		    "NULL", i, n);
		fuzz_check_table(s, schema_at(s, i));
	}
	FUZZ_CHECK(schema_at(s, n) == NULL, "a table past the count");
}
