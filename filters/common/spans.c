/* spans.c - a growable array of byte spans. */
#include <stdlib.h>
#include "newsprep/common.h"

/* Appends [start, end); doubles the capacity when full. */
int
np_spans_push(struct np_spans *a, size_t start, size_t end)
{
	if (np_grow(&a->v, &a->cap, a->n, sizeof(*a->v), 16) != NP_OK)
		return NP_ENOMEM;
	a->v[a->n].start = start;
	a->v[a->n].end = end;
	a->n++;
	return NP_OK;
}

/* Forgets the spans, keeping the memory for the next document. */
void
np_spans_clear(struct np_spans *a)
{
	a->n = 0;
}

void
np_spans_free(struct np_spans *a)
{
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}
