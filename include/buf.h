/*
 * buf: a growable byte buffer with a hard cap.  Growing past the cap fails
 * (a data error for the caller to report) instead of exhausting memory.
 */
#ifndef DF_BUF_H
#define DF_BUF_H

#include <stddef.h>

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* hard cap on cap; 0 = SIZE_MAX */
};

void	buf_init(struct buf *, size_t max);
void	buf_free(struct buf *);
/* Make room for n more bytes; -1 if that would pass the cap. */
int	buf_reserve(struct buf *, size_t n);
/* Append bytes; -1 (and nothing appended) if the cap would be passed. */
int	buf_add(struct buf *, const void *, size_t);
int	buf_addc(struct buf *, int);
int	buf_adds(struct buf *, const char *);
static inline void
buf_clear(struct buf *b)
{
	b->len = 0;
}

#endif
