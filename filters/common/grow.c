/* grow.c - room for one more element in a growable array. */
#include <stdlib.h>
#include "newsprep/common.h"

/*
 * Makes room for element n in the array *vp of *cap elements of elem
 * bytes each, doubling it (first capacity `first`) when full.  One helper
 * for every typed array the engines keep (spans, date hits, quotation
 * records), so the overflow check is written once.
 */
int
np_grow(void *vp, size_t *cap, size_t n, size_t elem, size_t first)
{
	void **v = vp;
	size_t ncap;
	void *p;

	if (n < *cap)
		return NP_OK;
	ncap = *cap ? *cap * 2 : first;
	if (ncap < *cap || ncap > SIZE_MAX / elem)
		return NP_ENOMEM;
	if ((p = realloc(*v, ncap * elem)) == NULL)
		return NP_ENOMEM;
	*v = p;
	*cap = ncap;
	return NP_OK;
}
