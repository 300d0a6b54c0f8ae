/*
 * dumpscrub: anonymize a database dump as a stream.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "reader.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "scrub.h"
#include "stream.h"
#include "transform.h"
#include "util.h"

#define DEFAULT_MAX_ROW	(256ULL << 20)

struct opts {
	const char	*input;
	const char	*output;
	const char	*rules;
	const char	*schema;
	const char	*compress;
	const char	*key_file;
	const char	*report;
	enum dump_dialect dialect;
	int		 check;
	int		 inventory;
	int		 progress;
	int		 strict;
	size_t		 max_row;
};

static void
usage(FILE *f, int code)
{
	fprintf(f,
"usage: dumpscrub [-hV] [--check] [--compress=none|gzip|zstd[:level]]\n"
"                 [--dialect=pg|mysql] [--inventory] [--key-file=file]\n"
"                 [--max-row=size] [-o file] [--progress] [-r rules]\n"
"                 [--report=file] [--schema=file] [--strict] [file]\n");
	if (f == stdout)
		fprintf(f,
"\n"
"Copy a pg_dump or mysqldump plain-text dump from file (or standard input)\n"
"to standard output, anonymizing the columns the rules name.\n"
"\n"
"  --check           check the rules against the dump's schema, list\n"
"                    every column and the rule covering it; no dump\n"
"  --compress=SPEC   compress the output: none, gzip[:1-9], zstd[:1-19]\n"
"  --dialect=NAME    the dump's dialect, pg or mysql (default: detected)\n"
"  -h, --help        show this help and exit\n"
"  --inventory       write a TSV of tables, row counts, bytes and columns\n"
"                    instead of the dump\n"
"  --key-file=FILE   read the secret key from FILE\n"
"  --max-row=SIZE    longest row or statement accepted (default 256M)\n"
"  -o, --output=FILE write to FILE atomically (.gz, .zst: compressed)\n"
"  --progress        show progress on standard error\n"
"  -r, --rules=FILE  the rules file (dumprules(5))\n"
"  --report=FILE     write what was done per table and column to FILE\n"
"  --schema=FILE     read table definitions from a schema-only dump\n"
"  --strict          refuse sensitive columns and tables no rule names\n"
"  -V, --version     show the version and exit\n"
"\n"
"Input compressed with gzip or zstd is detected and decompressed.\n"
"Exit status: 0 ok, 1 data or runtime error, 2 usage or rules error.\n");
	exit(code);
}

static void
parse_args(int argc, char *argv[], struct opts *o)
{
	enum { OPT_CHECK = 256, OPT_COMPRESS, OPT_DIALECT, OPT_INVENTORY,
	    OPT_KEY_FILE, OPT_MAX_ROW, OPT_PROGRESS, OPT_REPORT, OPT_SCHEMA,
	    OPT_STRICT };
	static const struct option longopts[] = {
		{ "check",	no_argument,	   NULL, OPT_CHECK },
		{ "compress",	required_argument, NULL, OPT_COMPRESS },
		{ "dialect",	required_argument, NULL, OPT_DIALECT },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "inventory",	no_argument,	   NULL, OPT_INVENTORY },
		{ "key-file",	required_argument, NULL, OPT_KEY_FILE },
		{ "max-row",	required_argument, NULL, OPT_MAX_ROW },
		{ "output",	required_argument, NULL, 'o' },
		{ "progress",	no_argument,	   NULL, OPT_PROGRESS },
		{ "report",	required_argument, NULL, OPT_REPORT },
		{ "rules",	required_argument, NULL, 'r' },
		{ "schema",	required_argument, NULL, OPT_SCHEMA },
		{ "strict",	no_argument,	   NULL, OPT_STRICT },
		{ "version",	no_argument,	   NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long v;
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:r:V", longopts, NULL)) != -1)
		switch (ch) {
		case OPT_CHECK:
			o->check = 1;
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
		case OPT_INVENTORY:
			o->inventory = 1;
			break;
		case OPT_KEY_FILE:
			o->key_file = optarg;
			break;
		case OPT_MAX_ROW:
			if (df_parse_size(optarg, 1024, 1ULL << 40, &v) == -1)
				df_die(DF_EXIT_USAGE, "--max-row: \"%s\": "
				    "expected a size from 1K to 1T", optarg);
			o->max_row = (size_t)v;
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
		case 'V':
			printf("dumpscrub (%s) %s\n", PACKAGE_NAME,
			    PACKAGE_VERSION);
			exit(DF_EXIT_OK);
		default:
			usage(stderr, DF_EXIT_USAGE);
		}
	if (argc - optind > 1)
		usage(stderr, DF_EXIT_USAGE);
	if (argc - optind == 1)
		o->input = argv[optind];
	if (o->check && o->inventory)
		df_die(DF_EXIT_USAGE, "--check and --inventory exclude each "
		    "other");
	if ((o->check || o->strict) && o->rules == NULL)
		df_die(DF_EXIT_USAGE, "%s needs -r RULES", o->check ?
		    "--check" : "--strict");
}

static int
action_keyed(const struct rule_action *a)
{
	size_t i;

	switch (a->kind) {
	case ACT_KEEP:
	case ACT_NULL:
	case ACT_EMPTY:
	case ACT_SET:
	case ACT_REPLACE:
	case ACT_MAP:
	case ACT_PARTIAL:
	case ACT_RELINK:
		return 0;
	case ACT_JSON:
		for (i = 0; i < a->json->n; i++)
			if (action_keyed(&a->json->rules[i].act))
				return 1;
		return 0;
	default:
		return 1;
	}
}

/* Does any rule need the key?  Without one, no warning is due. */
static int
rules_keyed(const struct rules *rs)
{
	size_t i, k;

	for (i = 0; i < rs->ntables; i++)
		for (k = 0; k < rs->tables[i].ncols; k++)
			if (action_keyed(&rs->tables[i].cols[k].act))
				return 1;
	for (i = 0; i < rs->ncolumns; i++)
		if (action_keyed(&rs->columns[i].act))
			return 1;
	return 0;
}

/*
 * The key: --key-file, else the rules' key statement, else the variable
 * DUMPFILTERS_KEY; with none, a random key and a warning.
 */
static int
load_key(const struct opts *o, const struct rules *rs, struct xf_key *key,
    struct df_error *err)
{
	const char *var = "DUMPFILTERS_KEY";
	int rc;

	if (o->key_file != NULL)
		return xf_key_file(key, o->key_file, err);
	if (rs->key == KEY_FILE) {
		if (xf_key_file(key, rs->key_arg, err) == 0)
			return 0;
		/* Say which statement named the file. */
		df_err_file(err, NULL);
		df_err_prefix(err, "%s:%lu: key file %s: ", rs->key_pos.file,
		    rs->key_pos.line, rs->key_arg);
		return -1;
	}
	if (rs->key == KEY_ENV)
		var = rs->key_arg;
	rc = xf_key_env(key, var, err);
	if (rc != 1)
		return rc;
	/*
	 * The rules named a variable: its absence is a mistake (a random key
	 * would silently break joins between runs), unless nothing is
	 * scrubbed.
	 */
	if (rs->key == KEY_ENV && !o->check && !o->inventory &&
	    rules_keyed(rs))
		return df_err(err, DF_EXIT_USAGE, NULL, 0, "%s:%lu: key env "
		    "%s: the variable is not set", rs->key_pos.file,
		    rs->key_pos.line, var);
	xf_key_random(key);
	if (!o->check && !o->inventory && rules_keyed(rs))
		df_warnx("no key (%s is not set): using a random key; output "
		    "will differ from run to run", var);
	return 0;
}

/* Read a dump for its schema only into sch; nothing is written. */
static int
read_schema(const struct opts *o, struct istream *in, struct schema *sch,
    enum dump_dialect *d, struct df_error *err)
{
	enum dump_dialect sd = o->dialect;
	int rc;

	rc = dump_read(in, NULL, &sd, sch, NULL, o->max_row, err);
	if (d != NULL)
		*d = sd;
	return rc;
}

static int
read_schema_file(const struct opts *o, struct schema *sch,
    enum dump_dialect *d, struct df_error *err)
{
	struct istream *in;
	int rc;

	in = istream_open(o->schema, err);
	if (in == NULL)
		return -1;
	rc = read_schema(o, in, sch, d, err);
	istream_close(in);
	return rc;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct ahead {
	int		 strict;
	int		 stopped;
};

/*
 * The read-ahead of a MySQL dump ends at its first data statement unless
 * --strict needs every table: mysqldump declares a table's keys in its
 * CREATE TABLE, before its rows, so the rules are checked as each table
 * streams past.  pg_dump adds keys after all the data: read it all.
 */
static int
ahead_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	struct ahead *a = ctx;

	if (d->dialect != DIALECT_MYSQL || a->strict)
		return DATA_PASS;
	a->stopped = 1;
	return df_err(err, DF_EXIT_OK, NULL, 0, "read-ahead done");
}

static int
read_ahead(const struct opts *o, struct istream *in, struct schema *pre,
    struct df_error *err)
{
	struct ahead a = { o->strict, 0 };
	struct dump_handler h;
	struct dump_reader *r;
	int rc;

	memset(&h, 0, sizeof(h));
	h.ctx = &a;
	h.on_data = ahead_data;
	r = dump_reader_new(in, NULL, o->dialect, pre, &h, o->max_row);
	rc = dump_reader_run(r, err);
	dump_reader_free(r);
	if (rc == -1 && a.stopped) {
		memset(err, 0, sizeof(*err));
		rc = 0;
	}
	return rc;
}

/* --report FILE, written atomically like -o. */
static int
write_report(const struct opts *o, const struct scrub *s,
    struct schema *sch, const struct istream *in,
    unsigned long long out_bytes, double secs, struct df_error *err)
{
	struct ostream *os;

	os = ostream_open(o->report, STREAM_PLAIN, 0, err);
	if (os == NULL)
		return -1;
	if (scrub_report(s, sch, istream_raw_pos(in), out_bytes, secs, os,
	    err) == -1) {
		ostream_abort(os);
		return -1;
	}
	return ostream_close(os, err);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .max_row = DEFAULT_MAX_ROW };
	struct df_error err = { 0 };
	struct dump_handler h, *hp = NULL;
	struct inventory *inv = NULL;
	struct dump_reader *r = NULL;
	struct istream *in = NULL;
	struct ostream *out = NULL;
	struct schema *sch, *pre = NULL;
	struct rules *rs = NULL;
	struct scrub *s = NULL;
	struct progress *pg = NULL;
	struct xf_key key;
	enum stream_comp comp;
	enum dump_dialect sd = DIALECT_AUTO;
	unsigned long long out_bytes = 0;
	double t0 = seconds();
	int level = 0, rc = DF_EXIT_DATA;

	df_progname = "dumpscrub";
	parse_args(argc, argv, &o);
	comp = stream_comp_for_path(o.output);
	if (o.compress != NULL &&
	    stream_parse_comp(o.compress, &comp, &level) == -1)
		df_die(DF_EXIT_USAGE, "--compress: \"%s\": expected none, "
		    "gzip[:1-9] or zstd[:1-19]", o.compress);
	if (o.rules != NULL) {
		rs = rules_load(o.rules, &err);
		if (rs == NULL) {
			df_err_print(&err);
			return DF_EXIT_USAGE;
		}
		if (load_key(&o, rs, &key, &err) == -1) {
			df_err_print(&err);
			rules_free(rs);
			return DF_EXIT_USAGE;
		}
	}
	stream_cleanup_on_signals();
	sch = schema_new();
	if (o.schema != NULL && read_schema_file(&o, sch, &sd, &err) == -1)
		goto fail;
	if (o.dialect == DIALECT_AUTO)
		o.dialect = sd;
	in = istream_open(o.input, &err);
	if (in == NULL)
		goto fail;
	if (o.check) {
		/* Read the whole dump's schema, then check every table. */
		if (read_schema(&o, in, sch, NULL, &err) == -1)
			goto fail;
		s = scrub_new(rs, &key, NULL, o.strict);
		out = ostream_open(NULL, STREAM_PLAIN, 0, &err);
		if (out == NULL)
			goto fail;
		rc = scrub_check_all(s, sch, out, &err) == -1 ? err.code :
		    DF_EXIT_OK;
		if (ostream_close(out, &err) == -1) {
			out = NULL;
			goto fail;
		}
		out = NULL;
		if (rc != DF_EXIT_OK)
			goto fail;
		goto done;
	}
	if (rs != NULL && !o.inventory) {
		/*
		 * Keys and tables known before the first row: from --schema
		 * (kept apart from the live catalog, which a CREATE TABLE in
		 * the dump resets), else by reading a file ahead.
		 */
		pre = schema_new();
		if (o.schema != NULL) {
			if (read_schema_file(&o, pre, NULL, &err) == -1)
				goto fail;
		} else if (istream_seekable(in)) {
			if (read_ahead(&o, in, pre, &err) == -1 ||
			    istream_rewind(in, &err) == -1)
				goto fail;
		} else {
			schema_free(pre);
			pre = NULL;
		}
	}
	out = ostream_open(o.output, comp, level, &err);
	if (out == NULL)
		goto fail;
	/* Progress when asked, or by default when a person is watching. */
	if (o.progress || (isatty(STDERR_FILENO) && !o.inventory))
		pg = progress_new(in);
	if (o.inventory) {
		inv = inventory_new();
		inventory_handler(inv, &h);
		hp = &h;
	} else if (rs != NULL) {
		s = scrub_new(rs, &key, pre, o.strict);
		if (pre != NULL && scrub_check_all(s, pre, NULL, &err) == -1)
			goto fail;
		scrub_handler(s, pg, &h);
		hp = &h;
	}
	r = dump_reader_new(in, o.inventory ? NULL : out, o.dialect, sch, hp,
	    o.max_row);
	if (dump_reader_run(r, &err) == -1)
		goto fail;
	if (inv != NULL && inventory_write(inv, sch, dump_reader_dialect(r),
	    out, &err) == -1)
		goto fail;
	/*
	 * The report before the output is committed: a run whose report
	 * cannot be written fails whole, leaving no -o file behind.
	 */
	out_bytes = ostream_pos(out);
	if (o.report != NULL && s != NULL && write_report(&o, s, sch, in,
	    out_bytes, seconds() - t0, &err) == -1)
		goto fail;
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
done:
	dump_reader_free(r);
	istream_close(in);
	inventory_free(inv);
	scrub_free(s);
	schema_free(sch);
	schema_free(pre);
	rules_free(rs);
	return rc;
}
