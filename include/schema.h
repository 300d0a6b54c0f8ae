/*
 * schema: what a dump says about its tables.  Column names, types and
 * lengths, NOT NULL, generated columns, primary keys, UNIQUE constraints and
 * indexes, and foreign keys, read from the CREATE TABLE, ALTER TABLE and
 * CREATE UNIQUE INDEX statements of either dialect as they stream past.
 *
 * The catalog owns every table; tables live until schema_free().  Other
 * modules attach their own per-table state through the user pointer.
 */
#ifndef DF_SCHEMA_H
#define DF_SCHEMA_H

#include <stddef.h>

#include "sqltok.h"

struct df_error;

#define COL_NOT_NULL	0x01
#define COL_GENERATED	0x02	/* computed; absent from COPY column lists */
#define COL_PRIMARY	0x04	/* part of the primary key */
#define COL_UNIQUE	0x08	/* alone forms a UNIQUE key (or the PK) */
#define COL_IDENTITY	0x10	/* identity / auto_increment */
#define COL_UNIQUE_EXPR	0x20	/* in a unique index over an expression, an
				   operator class or a WHERE: it may not
				   take every duplicate */

struct schema_col {
	char		*name;		/* unquoted */
	char		*type;		/* as declared, spacing normalised */
	long		 len;		/* (n) of char types, -1 if none */
	unsigned	 flags;
};

struct schema_key {
	size_t		 n;
	size_t		*cols;		/* indexes into the table's cols */
};

struct schema_fk {
	char		*name;		/* constraint name, may be NULL */
	struct schema_key cols;		/* referencing columns */
	char		*ref_schema;	/* NULL when unqualified */
	char		*ref_table;
	char	       **ref_cols;	/* names; NULL = the referenced PK */
	size_t		 nref;
};

struct schema_table {
	char		*schema;	/* NULL when unqualified */
	char		*name;
	char		*display;	/* the name as the dump writes it */
	struct schema_table *parent;	/* partitioned table, if a partition;
					   else the first INHERITS parent */
	int		 partition;	/* PARTITION OF / ATTACH PARTITION */
	int		 declared;	/* a CREATE TABLE was read */
	size_t		 ncols;
	struct schema_col *cols;
	struct schema_key pk;
	size_t		 nuniq;
	struct schema_key *uniq;
	size_t		 nfk;
	struct schema_fk *fks;
	unsigned long long line;	/* where it was first named */
	void		*user;		/* for the program's own use */
};

struct schema;

struct schema	*schema_new(void);
void		 schema_free(struct schema *);
size_t		 schema_count(const struct schema *);
struct schema_table *schema_at(const struct schema *, size_t);

/*
 * Find a table by schema (NULL: any, if only one table has that name) and
 * name, both unquoted.  Returns NULL if absent.
 */
struct schema_table *schema_find(struct schema *, const char *, const char *);
/*
 * Find or create the table a name refers to; display is how the dump
 * writes the name (copied).
 */
struct schema_table *schema_table(struct schema *, const char *,
		    const char *, const char *, unsigned long long);
/* Index of a column by unquoted name, or -1. */
long		 schema_col_index(const struct schema_table *, const char *);

/*
 * Parse a qualified table name at the tokenizer's position (pg:
 * [schema.]name; MySQL: [db.]name), filling *schema (may be NULL) and
 * *name, malloc'd, and the text span in *p, *len.  Returns -1 if the next
 * token is not a name.
 */
int		 schema_parse_name(struct sqltok *, char **, char **,
		    const char **, size_t *);

/*
 * The table named at the tokenizer's position, as schema_parse_name reads
 * it; a MySQL name without a database gets db.  Created when create is
 * set; otherwise NULL when unknown (pg_dump writes ALTER TABLE for
 * sequences and views, which are not tables with rows).  NULL also when
 * the next token is not a name.
 */
struct schema_table *schema_named_table(struct schema *, struct sqltok *,
		    const char *, unsigned long long, int);

/*
 * Read one statement of the given dialect if it describes a table (CREATE
 * TABLE, ALTER TABLE ... ADD CONSTRAINT / ATTACH PARTITION, CREATE UNIQUE
 * INDEX) and update the catalog.  db is the current database of a MySQL
 * dump (USE), or NULL.  Sets *table to the table touched, or NULL if the
 * statement is of another kind.  bs_quotes: whether '..' strings take
 * backslash escapes at this point of the dump (see sqltok.h).  Returns -1
 * with err filled when a table statement cannot be understood; line is
 * the statement's first line.
 */
int		 schema_statement(struct schema *, enum sql_dialect, int,
		    const char *, const char *, size_t, unsigned long long,
		    struct schema_table **, struct df_error *);

#endif
