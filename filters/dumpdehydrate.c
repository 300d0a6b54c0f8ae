/*
 * dumpdehydrate: a small dump whose every reference holds.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dehydrate.h"
#include "keyset.h"
#include "reader.h"
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
	const char	*schema;
	const char	*compress;
	const char	*report;
	const char	*tmpdir;
	enum dump_dialect dialect;
	int		 explain;
	int		 progress;
	size_t		 max_row;
	unsigned long long mem;
};

static void
usage(FILE *f, int code)
{
	fprintf(f,
"usage: dumpdehydrate [-hV] [--compress=none|gzip|zstd[:level]]\n"
"                     [--dialect=pg|mysql] [--explain] [--max-row=size]\n"
"                     [--mem=size] [-o file] [--progress] -r rules\n"
"                     [--report=file] [--schema=file] [--tmpdir=dir] [file]\n");
	if (f == stdout)
		fprintf(f,
"\n"
"Copy a pg_dump or mysqldump plain-text dump from file (or standard input)\n"
"to standard output, keeping only the rows the rules select and every row\n"
"they reference, so that the result restores with its constraints valid.\n"
"\n"
"  --compress=SPEC   compress the output: none, gzip[:1-9], zstd[:1-19]\n"
"  --dialect=NAME    the dump's dialect, pg or mysql (default: detected)\n"
"  --explain         show per table its class, rows in, rows kept and why;\n"
"                    no dump\n"
"  -h, --help        show this help and exit\n"
"  --max-row=SIZE    longest row or statement accepted (default 256M)\n"
"  --mem=SIZE        memory for key columns before they spill to files in\n"
"                    the temporary directory (default 1G)\n"
"  -o, --output=FILE write to FILE atomically (.gz, .zst: compressed)\n"
"  --progress        show progress on standard error\n"
"  -r, --rules=FILE  the rules file (dumprules(5)): truncate, keep,\n"
"                    relation, follow, others\n"
"  --report=FILE     write per table rows in, rows kept and why to FILE\n"
"  --schema=FILE     read table definitions from a schema-only dump\n"
"  --tmpdir=DIR      where a piped input is spooled and keys spill\n"
"                    (default: $TMPDIR, else /tmp)\n"
"  -V, --version     show the version and exit\n"
"\n"
"The input is read two or three times: a file is read again, a pipe is\n"
"first copied to a compressed temporary file (mode 0600, removed at exit).\n"
"Exit status: 0 ok, 1 data or runtime error, 2 usage or rules error.\n");
	exit(code);
}

static void
parse_args(int argc, char *argv[], struct opts *o)
{
	enum { OPT_COMPRESS = 256, OPT_DIALECT, OPT_EXPLAIN, OPT_MAX_ROW,
	    OPT_MEM, OPT_PROGRESS, OPT_REPORT, OPT_SCHEMA, OPT_TMPDIR };
	static const struct option longopts[] = {
		{ "compress",	required_argument, NULL, OPT_COMPRESS },
		{ "dialect",	required_argument, NULL, OPT_DIALECT },
		{ "explain",	no_argument,	   NULL, OPT_EXPLAIN },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "max-row",	required_argument, NULL, OPT_MAX_ROW },
		{ "mem",	required_argument, NULL, OPT_MEM },
		{ "output",	required_argument, NULL, 'o' },
		{ "progress",	no_argument,	   NULL, OPT_PROGRESS },
		{ "report",	required_argument, NULL, OPT_REPORT },
		{ "rules",	required_argument, NULL, 'r' },
		{ "schema",	required_argument, NULL, OPT_SCHEMA },
		{ "tmpdir",	required_argument, NULL, OPT_TMPDIR },
		{ "version",	no_argument,	   NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long v;
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:r:V", longopts, NULL)) != -1)
		switch (ch) {
		case OPT_COMPRESS:
			o->compress = optarg;
			break;
		case OPT_DIALECT:
			if (dump_dialect_parse(optarg, &o->dialect) == -1)
				df_die(DF_EXIT_USAGE, "--dialect: \"%s\": "
				    "expected pg or mysql", optarg);
			break;
		case OPT_EXPLAIN:
			o->explain = 1;
			break;
		case 'h':
			usage(stdout, DF_EXIT_OK);
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
		case OPT_TMPDIR:
			o->tmpdir = optarg;
			break;
		case 'V':
			printf("dumpdehydrate (%s) %s\n", PACKAGE_NAME,
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
	if (o->explain && (o->output != NULL || o->report != NULL))
		df_die(DF_EXIT_USAGE, "--explain writes no dump: -o and "
		    "--report do not apply");
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
new_catalog(const struct opts *o, enum dump_dialect *d, struct df_error *err)
{
	struct schema *sch = schema_new();
	enum dump_dialect sd = o->dialect;

	if (o->schema != NULL && dump_read_path(o->schema, &sd, sch,
	    o->max_row, err) == -1) {
		schema_free(sch);
		return NULL;
	}
	if (d != NULL)
		*d = sd;
	return sch;
}

/*
 * One reading of in with handler h, writing to out (NULL: nothing), into
 * the catalog cat, or a fresh one (NULL).  The first reading learns the
 * dialect, unless told.
 */
static int
reading(struct opts *o, struct istream *in, struct ostream *out,
    const struct dump_handler *h, struct schema *cat, struct df_error *err)
{
	struct schema *own = NULL;
	int rc;

	if (cat == NULL && (cat = own = new_catalog(o, NULL, err)) == NULL)
		return -1;
	rc = dump_read(in, out, &o->dialect, cat, h, o->max_row, err);
	schema_free(own);
	return rc;
}

static struct progress *
progress_for(const struct opts *o, const struct istream *in)
{
	if (o->progress || (isatty(STDERR_FILENO) && !o->explain))
		return progress_new(in);
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct opts o = { .max_row = DEFAULT_MAX_ROW, .mem = DEFAULT_MEM };
	struct df_error err = { 0 };
	struct dump_handler h;
	struct istream *in = NULL;
	struct ostream *out = NULL, *spool = NULL, *rep = NULL;
	struct schema *sch = NULL;
	struct rules *rs = NULL;
	struct dehydrate *dh = NULL;
	struct kmem *m = NULL;
	struct progress *pg = NULL;
	enum stream_comp comp;
	enum dump_dialect sd = DIALECT_AUTO;
	unsigned long long inbytes;
	double t0 = seconds();
	int level = 0, rc = DF_EXIT_DATA, rfd = -1, closure, planned;

	df_progname = "dumpdehydrate";
	parse_args(argc, argv, &o);
	comp = stream_comp_for_path(o.output);
	if (o.compress != NULL &&
	    stream_parse_comp(o.compress, &comp, &level) == -1)
		df_die(DF_EXIT_USAGE, "--compress: \"%s\": expected none, "
		    "gzip[:1-9] or zstd[:1-19]", o.compress);
	rs = rules_load(o.rules, &err);
	if (rs == NULL) {
		df_err_print(&err);
		return DF_EXIT_USAGE;
	}
	stream_cleanup_on_signals();
	if (o.schema != NULL) {
		/* Its dialect, unless told, is the dump's. */
		sch = new_catalog(&o, &sd, &err);
		if (sch == NULL)
			goto fail;
		schema_free(sch);
		sch = NULL;
		if (o.dialect == DIALECT_AUTO)
			o.dialect = sd;
	}
	in = istream_open(o.input, &err);
	if (in == NULL)
		goto fail;
	if (!istream_seekable(in)) {
		spool = ostream_spool(o.tmpdir, &rfd, &err);
		if (spool == NULL)
			goto fail;
		istream_tee(in, spool);
	}
	m = kmem_new(o.mem, o.tmpdir);
	dh = dh_new(rs, m);

	/*
	 * Pass 1: the schema, and the keys where the dump declares them
	 * before the rows.  Every reading costs a copy of the whole input,
	 * and a decompression if it is compressed: measured on 1.1 GB, this
	 * beats a quick scan for the schema and a reading of only the keys
	 * the plan needs, though it reads keys that no reference turns out
	 * to need (tests/bench/run.sh).
	 */
	pg = progress_for(&o, in);
	sch = new_catalog(&o, NULL, &err);
	if (sch == NULL)
		goto fail;
	(void)dh_begin(dh, sch, DH_LIVE, o.schema != NULL, &err);
	dh_collect_handler(dh, pg, &h);
	if (reading(&o, in, NULL, &h, sch, &err) == -1)
		goto fail;
	progress_done(pg);
	pg = NULL;
	inbytes = istream_raw_pos(in);
	if (spool != NULL) {
		istream_tee(in, NULL);
		if (ostream_close(spool, &err) == -1) {
			spool = NULL;
			goto fail;
		}
		spool = NULL;
		istream_close(in);
		in = istream_fdopen(rfd, "(stdin)", &err);
		rfd = -1;
		if (in == NULL)
			goto fail;
	} else if (istream_rewind(in, &err) == -1) {
		goto fail;
	}
	planned = dh_plan(dh, &err);
	if (planned == 1) {
		/* Pass 2: the keys pass 1 could not know it would need. */
		dh_free(dh);
		dh = dh_new(rs, m);
		if (dh_begin(dh, sch, DH_FULL, 1, &err) == -1)
			goto fail;
		pg = progress_for(&o, in);
		dh_collect_handler(dh, pg, &h);
		if (reading(&o, in, NULL, &h, NULL, &err) == -1)
			goto fail;
		progress_done(pg);
		pg = NULL;
		if (istream_rewind(in, &err) == -1)
			goto fail;
		planned = dh_plan(dh, &err);
		if (planned == 1) {
			df_seterr(&err, DF_EXIT_DATA, NULL, 0, "internal error: "
			    "keys missing after the second reading");
			goto fail;
		}
	}
	if (planned == -1)
		goto fail;
	closure = dh_closure(dh, &err);
	if (closure == -1 && err.file[0] == '\0')
		df_err_file(&err, istream_name(in));
	if (o.explain) {
		out = ostream_open(NULL, STREAM_PLAIN, 0, &err);
		if (out == NULL || dh_explain(dh, out, &err) == -1)
			goto fail;
		rc = ostream_close(out, &err) == -1 ? DF_EXIT_DATA : DF_EXIT_OK;
		out = NULL;
		if (rc != DF_EXIT_OK || closure == -1)
			goto fail;
		goto done;
	}
	if (closure == -1)
		goto fail;

	/* Pass 3: the output. */
	out = ostream_open(o.output, comp, level, &err);
	if (out == NULL)
		goto fail;
	pg = progress_for(&o, in);
	dh_write_handler(dh, pg, &h);
	if (reading(&o, in, out, &h, NULL, &err) == -1 ||
	    dh_write_done(dh, &err) == -1)
		goto fail;
	/* The report before the output is committed, as dumpscrub does. */
	if (o.report != NULL) {
		rep = ostream_open(o.report, STREAM_PLAIN, 0, &err);
		if (rep == NULL || dh_report(dh, inbytes, ostream_pos(out),
		    seconds() - t0, rep, &err) == -1)
			goto fail;
		rc = ostream_close(rep, &err);
		rep = NULL;
		if (rc == -1)
			goto fail;
	}
	rc = ostream_close(out, &err) == -1 ? DF_EXIT_DATA : DF_EXIT_OK;
	out = NULL;
	if (rc != DF_EXIT_OK)
		goto fail;
	progress_done(pg);
	pg = NULL;
	goto done;
fail:
	if (pg != NULL) {
		progress_done(pg);
		pg = NULL;
	}
	df_err_print(&err);
	rc = err.code ? err.code : DF_EXIT_DATA;
	ostream_abort(out);
	ostream_abort(rep);
	ostream_abort(spool);
done:
	if (rfd >= 0)
		close(rfd);
	dh_free(dh);
	kmem_free(m);
	istream_close(in);
	schema_free(sch);
	rules_free(rs);
	return rc;
}
