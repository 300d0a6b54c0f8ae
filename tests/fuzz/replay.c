/*
 * replay: the regression driver of the fuzz targets, without libFuzzer.
 * Linked with one target (fuzz_<name>.c), it calls LLVMFuzzerTestOneInput()
 * on every file named on the command line and on every regular file in
 * every directory named (not recursively, in name order), so that
 * "make check" runs the corpus, the crash reproducers included, with
 * whatever sanitizers the build has.  A failed property aborts (the
 * report names the input); a sanitizer reports and exits.
 *
 * usage: replay [-v] FILE|DIR ...
 * Exit 0 when every input ran, 1 on an unreadable file, 2 on bad usage.
 */
#include <config.h>

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int verbose;
static unsigned long ninputs;

/* Read path whole; -1 with a message on failure. */
static int
slurp(const char *path, struct buf *b)
{
	char chunk[65536];
	size_t n;
	FILE *f;

	buf_clear(b);
	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

static int
run_file(const char *path, struct buf *b)
{
	uint8_t *copy;

	if (slurp(path, b) == -1)
		return -1;
	if (verbose) {
		printf("replay: %s (%zu bytes)\n", path, b->len);
		fflush(stdout);
	}
	/* An exact-size copy, as libFuzzer gives, so overreads are caught. */
	copy = xmalloc(b->len ? b->len : 1);
	if (b->len > 0)
		memcpy(copy, b->p, b->len);
	fuzz_current_input = path;
	LLVMFuzzerTestOneInput(copy, b->len);
	fuzz_current_input = NULL;
	free(copy);
	ninputs++;
	return 0;
}

static int
skip_dot(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static int
run_dir(const char *dir, struct buf *b)
{
	struct dirent **ents;
	struct stat st;
	char *path;
	size_t len;
	int i, n, rc = 0;

	n = scandir(dir, &ents, skip_dot, alphasort);
	if (n == -1) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		len = strlen(dir) + strlen(ents[i]->d_name) + 2;
		path = xmalloc(len);
		snprintf(path, len, "%s/%s", dir, ents[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    run_file(path, b) == -1)
			rc = -1;
		free(path);
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct stat st;
	struct buf b;
	int i, rc = 0;

	df_progname = "replay";
	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		verbose = 1;
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: replay [-v] FILE|DIR ...\n");
		return 2;
	}
	buf_init(&b, 0);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (run_dir(argv[i], &b) == -1)
				rc = 1;
		} else if (run_file(argv[i], &b) == -1) {
			rc = 1;
		}
	}
	buf_free(&b);
	printf("replay: %lu inputs\n", ninputs);
	return rc;
}
