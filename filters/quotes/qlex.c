/*
 * qlex.c - lexicons with prefilters for the quotes engine: most words are
 * rejected by a bit test on their first byte and length and a bit set on
 * a signature, before any folding and hashing.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes_priv.h"

static int
signature(const char *s, size_t n)
{
	unsigned a = (unsigned char)s[0], b = n > 1 ? (unsigned char)s[1] : 0;
	unsigned z = (unsigned char)s[n - 1];

	if ((a | b | z) >= 0x80)
		return -1;
	if (a - 'A' < 26u)
		a |= 0x20;
	if (b - 'A' < 26u)
		b |= 0x20;
	if (z - 'A' < 26u)
		z |= 0x20;
	return (int)((((a * 31u + b) * 31u + z) * 31u + (unsigned)n) & 4095u);
}

/* Adds one key's first byte and length to the prefilter. */
static void
mask_key(const struct np_lexentry *e, void *arg)
{
	struct np_qlex *l = arg;
	unsigned char c = e->keylen > 0 ? (unsigned char)e->key[0] : 0;
	size_t n = e->keylen < 31 ? e->keylen : 31;

	const char *sp = memchr(e->key, ' ', e->keylen);
	int sig;
	size_t i;

	/* A folded key with a byte that is not ASCII can only match a query
	 * that is not ASCII either, and those skip the filters: leave the
	 * filters to the ASCII keys (but for the first word of a key of
	 * several words, which cue_at tests on its own). */
	for (i = 0; i < e->keylen; i++)
		if ((unsigned char)e->key[i] >= 0x80)
			break;
	if (i < e->keylen && c < 0x80) {
		if (sp != NULL) {
			n = (size_t)(sp - e->key) < 31 ? (size_t)(sp - e->key) : 31;
			l->multi[c] |= 1u << n;
			if (c >= 'a' && c <= 'z')
				l->multi[c - 'a' + 'A'] |= 1u << n;
		}
		return;
	}
	sig = e->keylen > 0 ? signature(e->key, e->keylen) : -1;
	if (sig < 0)
		l->allbloom = 1;
	else
		l->bloom[sig >> 6] |= (uint64_t)1 << (sig & 63);

	if (c >= 0x80) {
		/* folding may change a non-ASCII word's length */
		l->mask[c] = 0xFFFFFFFFu;
		if (sp != NULL)
			l->multi[c] = 0xFFFFFFFFu;
		return;
	}
	l->mask[c] |= 1u << n;
	if (c >= 'a' && c <= 'z')
		l->mask[c - 'a' + 'A'] |= 1u << n;
	if (sp != NULL) {
		/* the first word of a key of several words */
		n = (size_t)(sp - e->key) < 31 ? (size_t)(sp - e->key) : 31;
		l->multi[c] |= 1u << n;
		if (c >= 'a' && c <= 'z')
			l->multi[c - 'a' + 'A'] |= 1u << n;
	}
}

int
np_qlex_load(struct np_qlex *l, const char *data, size_t len)
{
	if (l->lx == NULL) {
		memset(l, 0, sizeof *l);
		if ((l->lx = np_lexicon_new()) == NULL)
			return NP_ENOMEM;
	}
	if (np_lexicon_load(l->lx, data, len) != NP_OK)
		return NP_ENOMEM;
	np_lexicon_each(l->lx, mask_key, l);
	return NP_OK;
}

void
np_qlex_free(struct np_qlex *l)
{
	np_lexicon_free(l->lx);
	l->lx = NULL;
}

/* Looks s[0, n) up in l, folding it once for all the engine's lexicons
 * (the fold cache). */
static const struct np_lexentry *
folded_find(const struct np_qlex *l, const char *s, size_t n)
{
	struct np_qfold *f = l->fold;

	if (f == NULL)
		return np_lexicon_find(l->lx, s, n);
	if (f->s != s || f->n != n) {
		f->s = s;
		f->n = n;
		f->kn = n > sizeof f->key ? sizeof f->key + 1 :
		    np_fold(s, n, f->key, sizeof f->key);
	}
	if (f->kn > sizeof f->key)
		return np_lexicon_find(l->lx, s, n);
	return np_lexicon_find_folded(l->lx, f->key, f->kn);
}

const struct np_lexentry *
np_qlex_find(const struct np_qlex *l, const char *s, size_t n)
{
	unsigned char c;
	size_t i;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			/* may fold to a key of another length (déclaré) */
			return folded_find(l, s, n);
	c = (unsigned char)s[0];
	if (c < 0x80 && !(l->mask[c] & (1u << (n < 31 ? n : 31))))
		return NULL;
	if (!l->allbloom) {
		int sig = signature(s, n);

		if (sig >= 0 && !(l->bloom[sig >> 6] &
		    ((uint64_t)1 << (sig & 63))))
			return NULL;
	}
	return folded_find(l, s, n);
}
