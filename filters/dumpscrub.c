/*
 * dumpscrub: anonymize a database dump as a stream.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "report.h"
#include "rules.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

#define DEFAULT_MAX_ROW	(256ULL << 20)

struct opts {
	const char	*input;
	const char	*output;
	const char	*rules;
	const char	*schema;
	const char	*compress;
	enum dump_dialect dialect;
	int		 inventory;
	size_t		 max_row;
};

static void
usage(FILE *f, int code)
{
	fprintf(f,
"usage: dumpscrub [-hV] [--compress=none|gzip|zstd[:level]]\n"
"                 [--dialect=pg|mysql] [--inventory] [--max-row=size]\n"
"                 [-o file] [-r rules] [--schema=file] [file]\n");
	if (f == stdout)
		fprintf(f,
"\n"
"Copy a pg_dump or mysqldump plain-text dump from file (or standard input)\n"
"to standard output, anonymizing the columns the rules name.\n"
"\n"
"  --compress=SPEC   compress the output: none, gzip[:1-9], zstd[:1-19]\n"
"  --dialect=NAME    the dump's dialect, pg or mysql (default: detected)\n"
"  -h, --help        show this help and exit\n"
"  --inventory       write a TSV of tables, row counts, bytes and columns\n"
"                    instead of the dump\n"
"  --max-row=SIZE    longest row or statement accepted (default 256M)\n"
"  -o, --output=FILE write to FILE atomically (.gz, .zst: compressed)\n"
"  -r, --rules=FILE  the rules file (dumprules(5))\n"
"  --schema=FILE     read table definitions from a schema-only dump\n"
"  -V, --version     show the version and exit\n"
"\n"
"Input compressed with gzip or zstd is detected and decompressed.\n"
"Exit status: 0 ok, 1 data or runtime error, 2 usage or rules error.\n");
	exit(code);
}

static void
parse_args(int argc, char *argv[], struct opts *o)
{
	enum { OPT_COMPRESS = 256, OPT_DIALECT, OPT_INVENTORY, OPT_MAX_ROW,
	    OPT_SCHEMA };
	static const struct option longopts[] = {
		{ "compress",	required_argument, NULL, OPT_COMPRESS },
		{ "dialect",	required_argument, NULL, OPT_DIALECT },
		{ "help",	no_argument,	   NULL, 'h' },
		{ "inventory",	no_argument,	   NULL, OPT_INVENTORY },
		{ "max-row",	required_argument, NULL, OPT_MAX_ROW },
		{ "output",	required_argument, NULL, 'o' },
		{ "rules",	required_argument, NULL, 'r' },
		{ "schema",	required_argument, NULL, OPT_SCHEMA },
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
			if (strcmp(optarg, "pg") == 0 ||
			    strcmp(optarg, "postgresql") == 0)
				o->dialect = DIALECT_PG;
			else if (strcmp(optarg, "mysql") == 0 ||
			    strcmp(optarg, "mariadb") == 0)
				o->dialect = DIALECT_MYSQL;
			else
				df_die(DF_EXIT_USAGE, "--dialect: \"%s\": "
				    "expected pg or mysql", optarg);
			break;
		case 'h':
			usage(stdout, DF_EXIT_OK);
			break;
		case OPT_INVENTORY:
			o->inventory = 1;
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
		case 'r':
			o->rules = optarg;
			break;
		case OPT_SCHEMA:
			o->schema = optarg;
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
}

/* Read a schema-only dump into sch; nothing is written. */
static int
read_schema(const struct opts *o, struct schema *sch, enum dump_dialect *d,
    struct df_error *err)
{
	struct dump_reader *r;
	struct istream *in;
	int rc;

	in = istream_open(o->schema, err);
	if (in == NULL)
		return -1;
	r = dump_reader_new(in, NULL, o->dialect, sch, NULL, o->max_row);
	rc = dump_reader_run(r, err);
	*d = dump_reader_dialect(r);
	dump_reader_free(r);
	istream_close(in);
	return rc;
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
	struct schema *sch;
	struct rules *rs = NULL;
	enum stream_comp comp;
	enum dump_dialect sd = DIALECT_AUTO;
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
	}
	stream_cleanup_on_signals();
	sch = schema_new();
	if (o.schema != NULL && read_schema(&o, sch, &sd, &err) == -1)
		goto fail;
	if (o.dialect == DIALECT_AUTO)
		o.dialect = sd;
	in = istream_open(o.input, &err);
	if (in == NULL)
		goto fail;
	out = ostream_open(o.output, comp, level, &err);
	if (out == NULL)
		goto fail;
	if (o.inventory) {
		inv = inventory_new();
		inventory_handler(inv, &h);
		hp = &h;
	}
	r = dump_reader_new(in, o.inventory ? NULL : out, o.dialect, sch, hp,
	    o.max_row);
	if (dump_reader_run(r, &err) == -1)
		goto fail;
	if (inv != NULL && inventory_write(inv, sch, dump_reader_dialect(r),
	    out, &err) == -1)
		goto fail;
	rc = ostream_close(out, &err) == -1 ? DF_EXIT_DATA : DF_EXIT_OK;
	out = NULL;
	if (rc != DF_EXIT_OK)
		goto fail;
	goto done;
fail:
	df_err_print(&err);
	rc = err.code ? err.code : DF_EXIT_DATA;
	ostream_abort(out);
done:
	dump_reader_free(r);
	istream_close(in);
	inventory_free(inv);
	schema_free(sch);
	if (rs != NULL)
		rules_free(rs);
	return rc;
}
