/*
 * dumprows: a test tool.  Read a dump and print every data row as one line:
 * the table's name, then each field decoded from the dump's own escaping
 * and written again in PostgreSQL's COPY text escaping (\N for NULL), all
 * tab-separated.  For PostgreSQL this is exactly what "COPY t TO STDOUT"
 * prints on the server, whatever form the dump used, so tests can compare
 * the two byte for byte.
 *
 * usage: dumprows [--schema FILE] [FILE]
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pg.h"
#include "reader.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

static int
on_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	(void)ctx;
	(void)d;
	(void)err;
	return DATA_ROWS;
}

static int
on_row(void *ctx, const struct dump_row *row, struct buf *out,
    struct df_error *err)
{
	struct buf *line = ctx, val;
	size_t i;
	int rc;

	(void)out;
	buf_clear(line);
	buf_adds(line, row->data->table->display);
	buf_init(&val, 0);
	for (i = 0; i < row->nfields; i++) {
		buf_addc(line, '\t');
		buf_clear(&val);
		rc = dump_field_decode(row, i, &val);
		if (rc == -1) {
			buf_free(&val);
			return df_err(err, 1, row->data->file, row->line,
			    "%s: field %zu does not decode",
			    row->data->table->display, i + 1);
		}
		if (rc == 1)
			buf_adds(line, "\\N");
		else
			pg_copy_encode(val.p, val.len, line);
	}
	buf_free(&val);
	buf_addc(line, '\n');
	fwrite(line->p, 1, line->len, stdout);
	return ROW_KEEP;
}

static int
run(const char *path, struct schema *sch, const struct dump_handler *h,
    struct df_error *err)
{
	struct istream *in;
	struct dump_reader *r;
	int rc;

	in = istream_open(path, err);
	if (in == NULL)
		return -1;
	r = dump_reader_new(in, NULL, DIALECT_AUTO, sch, h, 256 << 20);
	rc = dump_reader_run(r, err);
	dump_reader_free(r);
	istream_close(in);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct df_error err = { 0 };
	struct dump_handler h = { 0 };
	struct schema *sch = schema_new();
	struct buf line;
	const char *schema = NULL, *input = NULL;
	int rc = 0;

	df_progname = "dumprows";
	if (argc > 2 && strcmp(argv[1], "--schema") == 0) {
		schema = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc > 2) {
		fprintf(stderr, "usage: dumprows [--schema FILE] [FILE]\n");
		schema_free(sch);
		return 2;
	}
	if (argc == 2)
		input = argv[1];
	buf_init(&line, 0);
	h.ctx = &line;
	h.on_data = on_data;
	h.on_row = on_row;
	if ((schema != NULL && run(schema, sch, NULL, &err) == -1) ||
	    run(input, sch, &h, &err) == -1) {
		df_err_print(&err);
		rc = 1;
	}
	buf_free(&line);
	schema_free(sch);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc;
}
