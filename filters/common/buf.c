/* buf.c - a growable, always NUL-terminated byte buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/common.h"

/* Makes room for extra more bytes plus the terminating NUL; grows by
 * doubling so appends are amortised O(1). */
int
np_buf_reserve(struct np_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > SIZE_MAX - b->len - 1)
		return NP_ENOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return NP_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		return NP_ENOMEM;
	b->data = p;
	b->cap = cap;
	return NP_OK;
}

int
np_buf_append(struct np_buf *b, const void *p, size_t n)
{
	if (np_buf_reserve(b, n) != NP_OK)
		return NP_ENOMEM;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return NP_OK;
}

int
np_buf_putc(struct np_buf *b, int c)
{
	char ch = (char)c;

	return np_buf_append(b, &ch, 1);
}

/* printf-style append: formats once into the spare room, and again after
 * growing when it did not fit. */
int
np_buf_printf(struct np_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (np_buf_reserve(b, 64) != NP_OK)
		return NP_ENOMEM;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NP_EINVAL;
	if ((size_t)n >= b->cap - b->len) {
		if (np_buf_reserve(b, (size_t)n) != NP_OK)
			return NP_ENOMEM;
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
	return NP_OK;
}

void
np_buf_clear(struct np_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
np_buf_free(struct np_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
