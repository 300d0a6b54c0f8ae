/*
 * fuzz_mysql_reader: the input as a mysqldump dump (--dialect=mysql);
 * the properties are those of fuzz_reader.c.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"
#include "reader.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_reader_one(data, size, DIALECT_MYSQL);
}
