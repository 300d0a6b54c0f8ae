/*
 * report: counters per table and the inventory TSV.
 *
 * The inventory's counts come from splitting every row (DATA_COUNT), so
 * they equal SELECT count(*) on the server the dump came from: a COPY row
 * is a line, an INSERT row a parenthesised tuple, whatever its contents.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "reader.h"
#include "report.h"
#include "schema.h"
#include "stream.h"
#include "util.h"

struct tcount {
	const struct schema_table *table;
	unsigned long long rows, bytes;
	unsigned	 forms;		/* bit per enum data_form */
};

struct inventory {
	struct tcount	*t;
	size_t		 n, cap;
	struct tcount	*last;
};

struct inventory *
inventory_new(void)
{
	return xcalloc(1, sizeof(struct inventory));
}

void
inventory_free(struct inventory *inv)
{
	if (inv == NULL)
		return;
	free(inv->t);
	free(inv);
}

static struct tcount *
tcount(struct inventory *inv, const struct schema_table *t)
{
	size_t i;

	if (inv->last != NULL && inv->last->table == t)
		return inv->last;
	for (i = 0; i < inv->n; i++)
		if (inv->t[i].table == t)
			return inv->last = &inv->t[i];
	if (inv->n == inv->cap) {
		inv->cap = inv->cap ? inv->cap * 2 : 64;
		inv->t = xrealloc(inv->t, inv->cap * sizeof(*inv->t));
	}
	memset(&inv->t[inv->n], 0, sizeof(inv->t[0]));
	inv->t[inv->n].table = t;
	return inv->last = &inv->t[inv->n++];
}

static int
inv_data(void *ctx, const struct dump_data *d, struct df_error *err)
{
	(void)ctx;
	(void)d;
	(void)err;
	return DATA_COUNT;
}

static int
inv_data_end(void *ctx, const struct dump_data *d, unsigned long long rows,
    unsigned long long bytes, struct df_error *err)
{
	struct tcount *c;

	(void)err;
	c = tcount(ctx, d->table);
	c->rows += rows;
	c->bytes += bytes;
	c->forms |= 1u << d->form;
	return 0;
}

void
inventory_handler(struct inventory *inv, struct dump_handler *h)
{
	memset(h, 0, sizeof(*h));
	h->ctx = inv;
	h->on_data = inv_data;
	h->on_data_end = inv_data_end;
}

static const struct tcount *
find(const struct inventory *inv, const struct schema_table *t)
{
	size_t i;

	for (i = 0; i < inv->n; i++)
		if (inv->t[i].table == t)
			return &inv->t[i];
	return NULL;
}

void
report_tsv(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\\': buf_adds(b, "\\\\"); break;
		default: buf_addc(b, *s); break;
		}
	}
}

/*
 * A column name as the dialect would write it in SQL, so a name with a
 * space cannot be confused with its type: bare when it is a plain
 * identifier, else "quoted" (pg) or `quoted` (MySQL), quotes doubled.
 */
static void
ident(struct buf *b, const char *name, enum dump_dialect d)
{
	const char *s;
	int q = d == DIALECT_MYSQL ? '`' : '"', plain = *name != '\0' &&
	    !(*name >= '0' && *name <= '9');

	for (s = name; *s && plain; s++)
		plain = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || (d == DIALECT_MYSQL && ((*s >= 'A' &&
		    *s <= 'Z') || *s == '$'));
	if (plain) {
		report_tsv(b, name);
		return;
	}
	buf_addc(b, q);
	for (s = name; *s; s++) {
		if (*s == q)
			buf_addc(b, q);
		if (*s == '\t' || *s == '\n' || *s == '\r' || *s == '\\') {
			char one[2] = { *s, '\0' };

			report_tsv(b, one);
		} else
			buf_addc(b, *s);
	}
	buf_addc(b, q);
}

int
inventory_write(const struct inventory *inv, const struct schema *sch,
    enum dump_dialect dialect, struct ostream *out, struct df_error *err)
{
	const struct schema_table *t;
	const struct tcount *c;
	struct buf b;
	char num[64];
	size_t i, j;
	int f, nf, rc;

	buf_init(&b, 0);
	buf_adds(&b, "# table\tdialect\tform\trows\tbytes\tcolumns\n");
	for (i = 0; i < schema_count(sch); i++) {
		t = schema_at(sch, i);
		c = find(inv, t);
		report_tsv(&b, t->display);
		buf_adds(&b, dialect == DIALECT_MYSQL ? "\tmysql\t" :
		    "\tpg\t");
		nf = 0;
		for (f = FORM_COPY; f <= FORM_REPLACE; f++)
			if (c != NULL && (c->forms & (1u << f))) {
				if (nf++)
					buf_addc(&b, ',');
				buf_adds(&b, dump_form_name(dialect, f));
			}
		if (nf == 0)
			buf_addc(&b, '-');
		snprintf(num, sizeof(num), "\t%llu\t%llu",
		    c ? c->rows : 0, c ? c->bytes : 0);
		buf_adds(&b, num);
		for (j = 0; j < t->ncols; j++) {
			buf_addc(&b, '\t');
			ident(&b, t->cols[j].name, dialect);
			buf_addc(&b, ' ');
			report_tsv(&b, t->cols[j].type);
		}
		buf_addc(&b, '\n');
	}
	rc = ostream_write(out, b.p, b.len, err);
	buf_free(&b);
	return rc;
}

/* ---- --progress ---------------------------------------------------------- */

struct progress {
	const struct istream *in;
	double		 start, last;
	char		 table[128];
	int		 drawn;
	int		 tty;		/* redraw one line; else a line each */
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bytes in a human unit: "512 MB". */
static void
human(char *b, size_t n, double v)
{
	static const char *const unit[] = { "B", "KB", "MB", "GB", "TB" };
	int i = 0;

	while (v >= 1000 && i < 4) {
		v /= 1000;
		i++;
	}
	snprintf(b, n, i == 0 ? "%.0f %s" : "%.1f %s", v, unit[i]);
}

struct progress *
progress_new(const struct istream *in)
{
	struct progress *p = xcalloc(1, sizeof(*p));

	p->in = in;
	p->start = p->last = now();
	p->tty = isatty(STDERR_FILENO);
	return p;
}

static void
draw(struct progress *p, double t)
{
	unsigned long long pos = istream_raw_pos(p->in);
	unsigned long long size = istream_raw_size(p->in);
	double secs = t - p->start, rate = secs > 0 ? pos / secs : 0;
	char a[32], b[32], r[32], eta[96] = "";

	human(a, sizeof(a), (double)pos);
	human(r, sizeof(r), rate);
	if (size > 0 && rate > 0 && pos <= size) {
		double left = (double)(size - pos) / rate;

		human(b, sizeof(b), (double)size);
		snprintf(eta, sizeof(eta), " of %s (%.0f%%), ETA %d:%02d", b,
		    100.0 * (double)pos / (double)size, (int)(left / 60) % 100000,
		    (int)left % 60);
	}
	/* A terminal gets one line redrawn; a log gets plain lines. */
	fprintf(stderr, "%s%s: %s%s, %s/s%s%s%s", p->tty ? "\r" : "",
	    df_progname, a, eta, r, p->table[0] ? ", " : "", p->table,
	    p->tty ? "\033[K" : "\n");
	p->drawn = 1;
}

void
progress_tick(struct progress *p)
{
	double t = now();

	if (t - p->last < (p->tty ? 0.25 : 5.0))
		return;
	p->last = t;
	draw(p, t);
}

void
progress_table(struct progress *p, const char *name)
{
	snprintf(p->table, sizeof(p->table), "%s", name);
	progress_tick(p);
}

void
progress_done(struct progress *p)
{
	if (p == NULL)
		return;
	p->table[0] = '\0';
	draw(p, now());
	if (p->tty)
		fputc('\n', stderr);
	free(p);
}
