/*
 * dumprelink: the target environment's external ids and kept tables in a
 * dump of the source.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "keymap.h"
#include "keyset.h"
#include "reader.h"
#include "relink.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

#define DEFAULT_MAX_ROW	(256ULL << 20)
#define DEFAULT_MEM	(1ULL << 30)

struct opts {
	const char	*input;
	const char	*output;
	const char	*rules;
	const char	*keymap;
	const char	*schema;
	const char	*compress;
	const char	*report;
	const char	*tmpdir;
	enum dump_dialect dialect;
	int		 capture;
	int		 progress;
	int		 strict;
	size_t		 max_row;
	unsigned long long mem;
};

static void
usage(FILE *f, int code)
{
	fprintf(f,
"usage: dumprelink --capture [-hV] [--dialect=pg|mysql] [--max-row=size]\n"
"                  [--mem=size] [-o keymap] [--progress] -r rules\n"
"                  [--schema=file] [--tmpdir=dir] [file]\n"
"       dumprelink [-hV] [--compress=none|gzip|zstd[:level]]\n"
"                  [--dialect=pg|mysql] -k keymap [--max-row=size]\n"
"                  [--mem=size] [-o file] [--progress] -r rules\n"
"                  [--report=file] [--schema=file] [--strict]\n"
"                  [--tmpdir=dir] [file]\n");
	if (f == stdout)
		fprintf(f,
"\n"
"With --capture, read a dump of the target environment and write a key\n"
"map: per pointer, natural key -> the target's value, and the rows of the\n"
"kept tables.  Without it, copy a dump of the source environment from file\n"
"(or standard input) to standard output with each pointer replaced by the\n"
"target's value and the kept tables' rows replaced by the target's.\n"
"\n"
"  --capture         read the target's dump and write the key map\n"
"  --compress=SPEC   compress the output: none, gzip[:1-9], zstd[:1-19]\n"
"  --dialect=NAME    the dump's dialect, pg or mysql (default: detected)\n"
"  -h, --help        show this help and exit\n"
"  -k, --keymap=FILE the key map --capture wrote\n"
"  --max-row=SIZE    longest row or statement accepted (default 256M)\n"
"  --mem=SIZE        memory for the key map and translations before they\n"
"                    spill to the temporary directory (default 1G)\n"
"  -o, --output=FILE write to FILE atomically (.gz, .zst: compressed; a\n"
"                    key map is always zstd-compressed)\n"
"  --progress        show progress on standard error\n"
"  -r, --rules=FILE  the rules file (dumprules(5)): relink, keep-table,\n"
"                    missing, import\n"
"  --report=FILE     write per relinked column and kept table what was\n"
"                    done to FILE\n"
"  --schema=FILE     read table definitions from a schema-only dump\n"
"  --strict          fail when a table or column the rules name is not in\n"
"                    the dump\n"
"  --tmpdir=DIR      where a piped input is spooled and memory spills\n"
"                    (default: $TMPDIR, else /tmp)\n"
"  -V, --version     show the version and exit\n"
"\n"
"A pointer relinked by value is translated through the rows its owners\n"
"were given: such a dump is read twice (a pipe is first copied to a\n"
"compressed temporary file, mode 0600, removed at exit).\n"
"Exit status: 0 ok, 1 data or runtime error, 2 usage or rules error.\n");
	exit(code);
}

static void
parse_args(int argc, char *argv[], struct opts *o)
{
	enum { OPT_CAPTURE = 256, OPT_COMPRESS, OPT_DIALECT, OPT_MAX_ROW,
	    OPT_MEM, OPT_PROGRESS, OPT_REPORT, OPT_SCHEMA, OPT_STRICT,
	    OPT_TMPDIR };
	static const struct option longopts[] = {
		{ "capture",	no_argument,	   NULL, OPT_CAPTURE },
		{ "compress",	required_argument, NULL, OPT_COMPRESS },
		{ "dialect",	required_argument, NULL, OPT_DIALECT },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "keymap",	required_argument, NULL, 'k' },
		{ "max-row",	required_argument, NULL, OPT_MAX_ROW },
		{ "mem",	required_argument, NULL, OPT_MEM },
		{ "output",	required_argument, NULL, 'o' },
		{ "progress",	no_argument,	   NULL, OPT_PROGRESS },
		{ "report",	required_argument, NULL, OPT_REPORT },
		{ "rules",	required_argument, NULL, 'r' },
		{ "schema",	required_argument, NULL, OPT_SCHEMA },
		{ "strict",	no_argument,	   NULL, OPT_STRICT },
		{ "tmpdir",	required_argument, NULL, OPT_TMPDIR },
		{ "version",	no_argument,	   NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long v;
	int ch;

	while ((ch = getopt_long(argc, argv, "hk:o:r:V", longopts, NULL)) !=
	    -1)
		switch (ch) {
		case OPT_CAPTURE:
			o->capture = 1;
			break;
		case OPT_COMPRESS:
			o->compress = optarg;
			break;
		case OPT_DIALECT:
			if (dump_dialect_parse(optarg, &o->dialect) == -1)
				df_die(DF_EXIT_USAGE, "--dialect: \"%s\": "
				    "expected pg or mysql", optarg);
			break;
		case 'h':
			usage(stdout, DF_EXIT_OK);
			break;
		case 'k':
			o->keymap = optarg;
			break;
		case OPT_MAX_ROW:
			if (df_parse_size(optarg, 1024, 1ULL << 40, &v) == -1)
				df_die(DF_EXIT_USAGE, "--max-row: \"%s\": "
				    "expected a size from 1K to 1T", optarg);
			o->max_row = (size_t)v;
			break;
		case OPT_MEM:
			if (df_parse_size(optarg, 1ULL << 20, 1ULL << 50,
			    &v) == -1)
				df_die(DF_EXIT_USAGE, "--mem: \"%s\": "
				    "expected a size of at least 1M", optarg);
			o->mem = v;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		case OPT_REPORT:
			o->report = optarg;
			break;
		case 'r':
			o->rules = optarg;
			break;
		case OPT_SCHEMA:
			o->schema = optarg;
			break;
		case OPT_STRICT:
			o->strict = 1;
			break;
		case OPT_TMPDIR:
			o->tmpdir = optarg;
			break;
		case 'V':
			printf("dumprelink (%s) %s\n", PACKAGE_NAME,
			    PACKAGE_VERSION);
			exit(DF_EXIT_OK);
		default:
			usage(stderr, DF_EXIT_USAGE);
		}
	if (argc - optind > 1)
		usage(stderr, DF_EXIT_USAGE);
	if (argc - optind == 1)
		o->input = argv[optind];
	if (o->rules == NULL) {
		df_warnx("-r RULES is required (see dumprules(5))");
		usage(stderr, DF_EXIT_USAGE);
	}
	if (o->capture) {
		if (o->keymap != NULL || o->compress != NULL ||
		    o->report != NULL || o->strict)
			df_die(DF_EXIT_USAGE, "--capture writes a key map: "
			    "-k, --compress, --report and --strict do not "
			    "apply");
		if ((o->output == NULL || strcmp(o->output, "-") == 0) &&
		    isatty(STDOUT_FILENO))
			df_die(DF_EXIT_USAGE, "--capture: the key map is "
			    "binary; give -o FILE or redirect the output");
	} else if (o->keymap == NULL) {
		df_warnx("-k KEYMAP is required (make one with --capture)");
		usage(stderr, DF_EXIT_USAGE);
	}
	if (o->tmpdir == NULL) {
		o->tmpdir = getenv("TMPDIR");
		if (o->tmpdir == NULL || *o->tmpdir == '\0')
			o->tmpdir = "/tmp";
	}
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A catalog for one reading: --schema's tables first, if given. */
static struct schema *
new_catalog(struct opts *o, struct df_error *err)
{
	struct schema *sch = schema_new();

	if (o->schema != NULL && dump_read_path(o->schema, &o->dialect, sch,
	    o->max_row, err) == -1) {
		schema_free(sch);
		return NULL;
	}
	return sch;
}

static struct progress *
progress_for(const struct opts *o, const struct istream *in)
{
	if (o->progress || isatty(STDERR_FILENO))
		return progress_new(in);
	return NULL;
}

/* Close *o (set to NULL: ostream_close frees it either way). */
static int
close_out(struct ostream **o, struct df_error *err)
{
	struct ostream *s = *o;

	*o = NULL;
	return ostream_close(s, err);
}

/* --capture: the target's dump into a key map. */
static int
capture(struct opts *o, struct relink *rl, struct kmem *m,
    struct df_error *err)
{
	struct keymap *km = keymap_new(m);
	struct dump_handler h;
	struct istream *in;
	struct ostream *out = NULL;
	struct schema *sch = NULL;
	struct progress *pg = NULL;
	int rc = -1;

	relink_capture_begin(rl, km);
	in = istream_open(o->input, err);
	if (in == NULL || (sch = new_catalog(o, err)) == NULL)
		goto out;
	pg = progress_for(o, in);
	relink_handler(rl, RL_CAPTURE, sch, NULL, pg, &h);
	if (dump_read(in, NULL, &o->dialect, sch, &h, o->max_row, err) == -1 ||
	    relink_capture_end(rl, sch, err) == -1)
		goto out;
	progress_done(pg);
	pg = NULL;
	out = ostream_open(o->output, STREAM_ZSTD, 0, err);
	if (out == NULL || keymap_write(km, out, err) == -1)
		goto out;
	rc = close_out(&out, err);
out:
	if (pg != NULL)
		progress_done(pg);
	ostream_abort(out);
	if (in != NULL)
		istream_close(in);
	schema_free(sch);
	keymap_free(km);
	return rc;
}

/* Apply: the source's dump with the key map's values. */
static int
apply(struct opts *o, struct relink *rl, struct kmem *m, struct df_error *err)
{
	struct dump_handler h;
	struct keymap *km;
	struct istream *in = NULL;
	struct ostream *out = NULL, *spool = NULL, *rep = NULL;
	struct schema *sch = NULL;
	struct progress *pg = NULL;
	enum stream_comp comp;
	unsigned long long inbytes;
	double t0 = seconds();
	int level = 0, rc = -1, rfd = -1, learn;

	comp = stream_comp_for_path(o->output);
	if (o->compress != NULL &&
	    stream_parse_comp(o->compress, &comp, &level) == -1)
		df_die(DF_EXIT_USAGE, "--compress: \"%s\": expected none, "
		    "gzip[:1-9] or zstd[:1-19]", o->compress);
	km = keymap_read(o->keymap, m, err);
	if (km == NULL)
		return -1;
	learn = relink_apply_begin(rl, km, err);
	if (learn == -1)
		goto out;
	in = istream_open(o->input, err);
	if (in == NULL)
		goto out;
	if (learn) {
		/* The owners' translations, wherever they are in the dump. */
		if (!istream_seekable(in)) {
			spool = ostream_spool(o->tmpdir, &rfd, err);
			if (spool == NULL)
				goto out;
			istream_tee(in, spool);
		}
		if ((sch = new_catalog(o, err)) == NULL)
			goto out;
		pg = progress_for(o, in);
		relink_handler(rl, RL_LEARN, sch, NULL, pg, &h);
		if (dump_read(in, NULL, &o->dialect, sch, &h, o->max_row,
		    err) == -1)
			goto out;
		progress_done(pg);
		pg = NULL;
		schema_free(sch);
		sch = NULL;
		if (spool != NULL) {
			istream_tee(in, NULL);
			if (close_out(&spool, err) == -1)
				goto out;
			istream_close(in);
			in = istream_fdopen(rfd, "(stdin)", err);
			rfd = -1;
			if (in == NULL)
				goto out;
		} else if (istream_rewind(in, err) == -1) {
			goto out;
		}
	}
	out = ostream_open(o->output, comp, level, err);
	if (out == NULL || (sch = new_catalog(o, err)) == NULL)
		goto out;
	pg = progress_for(o, in);
	relink_handler(rl, RL_WRITE, sch, out, pg, &h);
	if (dump_read(in, out, &o->dialect, sch, &h, o->max_row,
	    err) == -1)
		goto out;
	inbytes = istream_raw_pos(in);
	if (relink_write_end(rl, sch, o->dialect, err) == -1)
		goto out;
	/* The report before the output is committed, as the others do. */
	if (o->report != NULL) {
		rep = ostream_open(o->report, STREAM_PLAIN, 0, err);
		if (rep == NULL || relink_report(rl, inbytes, ostream_pos(out),
		    seconds() - t0, rep, err) == -1 ||
		    close_out(&rep, err) == -1)
			goto out;
	}
	rc = close_out(&out, err);
out:
	if (pg != NULL)
		progress_done(pg);
	if (rfd >= 0)
		close(rfd);
	ostream_abort(out);
	ostream_abort(rep);
	ostream_abort(spool);
	if (in != NULL)
		istream_close(in);
	schema_free(sch);
	keymap_free(km);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct opts o = { .max_row = DEFAULT_MAX_ROW, .mem = DEFAULT_MEM };
	struct df_error err = { 0 };
	struct rules *rs;
	struct relink *rl;
	struct kmem *m;
	int rc;

	df_progname = "dumprelink";
	parse_args(argc, argv, &o);
	rs = rules_load(o.rules, &err);
	if (rs == NULL) {
		df_err_print(&err);
		return DF_EXIT_USAGE;
	}
	m = kmem_new(o.mem, o.tmpdir);
	rl = relink_new(rs, m, o.strict, &err);
	if (rl == NULL) {
		df_err_print(&err);
		kmem_free(m);
		rules_free(rs);
		return err.code ? err.code : DF_EXIT_USAGE;
	}
	stream_cleanup_on_signals();
	if (o.capture)
		rc = capture(&o, rl, m, &err);
	else
		rc = apply(&o, rl, m, &err);
	if (rc == -1) {
		df_err_print(&err);
		rc = err.code ? err.code : DF_EXIT_DATA;
	} else {
		rc = DF_EXIT_OK;
	}
	relink_free(rl);
	kmem_free(m);
	rules_free(rs);
	return rc;
}
