/*
 * buf: a growable byte buffer with a hard cap.  Growing past the cap fails
 * (a data error for the caller to report) instead of exhausting memory.
 */
#ifndef DF_BUF_H
#define DF_BUF_H

#include <stddef.h>
#include <string.h>

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
/* buf_add's path when the buffer must grow. */
int	buf_add_grow(struct buf *, const void *, size_t);
int	buf_adds(struct buf *, const char *);

/*
 * Append bytes; -1 (and nothing appended) if the cap would be passed.
 * Inline because the scrub engine appends a few bytes at a time, per
 * field; the common case is a bounds check and a memcpy.
 */
static inline int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n > b->cap - b->len)
		return buf_add_grow(b, p, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	return 0;
}

static inline int
buf_addc(struct buf *b, int c)
{
	if (b->len == b->cap)
		return buf_add_grow(b, &(char){ (char)c }, 1);
	b->p[b->len++] = (char)c;
	return 0;
}
static inline void
buf_clear(struct buf *b)
{
	b->len = 0;
}

#endif
