/*
 * mysql: the MySQL / MariaDB dialect.  The statement scanner for mysqldump
 * and mariadb-dump output (INSERT/REPLACE, DELIMITER blocks, executable
 * comments) and the escape codec of MySQL string literals.
 */
#ifndef DF_MYSQL_H
#define DF_MYSQL_H

#include <stddef.h>

struct buf;
struct dump_reader;
struct df_error;

/* Read a MySQL dump to its end; see reader.h. */
int	mysql_run(struct dump_reader *, struct df_error *);

/*
 * String literals '..' or ".." (quotes included, an optional _charset
 * introducer skipped by the caller): backslash escapes \0 \' \" \b \n \r \t
 * \Z \\, \% and \_ kept as two characters, any other \c is c, and a doubled
 * quote is one quote.  encode writes '..' the way mysqldump does
 * (mysql_real_escape_string: \0 \n \r \\ \' \" \Z).
 */
int	mysql_string_decode(const char *, size_t, struct buf *);
int	mysql_string_encode(const char *, size_t, struct buf *);
/*
 * The same under sql_mode NO_BACKSLASH_ESCAPES: a doubled quote is the
 * only escape; encode doubles single quotes and writes every other byte
 * as it is.
 */
int	mysql_string_decode_nobs(const char *, size_t, struct buf *);
int	mysql_string_encode_nobs(const char *, size_t, struct buf *);
/* 0xHEX, X'HEX' and b'BITS' literals to bytes. */
int	mysql_hex_decode(const char *, size_t, struct buf *);
int	mysql_bits_decode(const char *, size_t, struct buf *);

#endif
