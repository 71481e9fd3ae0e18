/*
 * lexicon.c - folded word lists in an open-addressing hash table.
 *
 * Folding (np_fold) lower-cases ASCII from a table and sends each
 * non-ASCII code point through utf8proc with case folding, canonical
 * decomposition and mark stripping, so "Octóber", "OCTOBER" and "october"
 * meet, as do "ОКТЯБРЯ" and "октября".  Keys and values live in the
 * lexicon's arena; the table holds indices into the entry vector, which
 * keeps load order for np_lexicon_each.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "newsprep/lexicon.h"
#include "newsprep/common.h"
#include "newsprep/utf8.h"

#define FOLD_MAX 512	/* longest key a lookup folds; longer text is no key */

struct np_lexicon {
	struct np_lexentry *entries;
	size_t n, cap;
	uint32_t *slots;	/* 0 = empty, else entry index + 1 */
	size_t nslots;		/* a power of two */
	struct np_arena arena;
};

/* Folds s into out; see lexicon.h. */
size_t
np_fold(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0, adv, k;
	utf8proc_int32_t dst[8];
	utf8proc_ssize_t nd;
	int last_boundclass = 0;
	char enc[4];

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if (o < cap)
				out[o] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			o++;
			i++;
			continue;
		}
		int32_t cp = np_utf8_decode(s + i, len - i, &adv);
		if (cp == NP_UTF8_INVALID) {
			if (o < cap)
				out[o] = (char)c;
			o++;
			i++;
			continue;
		}
		nd = utf8proc_decompose_char(cp, dst, 8,
		    UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK,
		    &last_boundclass);
		if (nd < 0 || nd > 8) {
			dst[0] = cp;
			nd = 1;
		}
		for (k = 0; k < (size_t)nd; k++) {
			size_t el = np_utf8_encode(dst[k], enc);

			if (o + el <= cap)
				memcpy(out + o, enc, el);
			o += el;
		}
		i += adv;
	}
	return o;
}

/* FNV-1a over the folded key. */
static uint32_t
hash_key(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct np_lexicon *
np_lexicon_new(void)
{
	struct np_lexicon *lx = calloc(1, sizeof(*lx));

	if (lx == NULL)
		return NULL;
	lx->nslots = 64;
	if ((lx->slots = calloc(lx->nslots, sizeof(*lx->slots))) == NULL) {
		free(lx);
		return NULL;
	}
	return lx;
}

void
np_lexicon_free(struct np_lexicon *lx)
{
	if (lx == NULL)
		return;
	free(lx->entries);
	free(lx->slots);
	np_arena_free(&lx->arena);
	free(lx);
}

/* Finds the slot of a folded key: the one holding it or the empty one
 * where it would go. */
static size_t
find_slot(const struct np_lexicon *lx, const char *key, size_t n)
{
	size_t mask = lx->nslots - 1, i = hash_key(key, n) & mask;

	while (lx->slots[i] != 0) {
		const struct np_lexentry *e = &lx->entries[lx->slots[i] - 1];

		if (e->keylen == n && memcmp(e->key, key, n) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* Doubles the table and re-inserts every entry. */
static int
grow_table(struct np_lexicon *lx)
{
	uint32_t *old = lx->slots;
	size_t oldn = lx->nslots, i;

	if ((lx->slots = calloc(oldn * 2, sizeof(*lx->slots))) == NULL) {
		lx->slots = old;
		return NP_ENOMEM;
	}
	lx->nslots = oldn * 2;
	for (i = 0; i < lx->n; i++)
		lx->slots[find_slot(lx, lx->entries[i].key, lx->entries[i].keylen)] =
		    (uint32_t)(i + 1);
	free(old);
	return NP_OK;
}

/* Adds one entry, folding its key; a repeated key keeps its first entry. */
int
np_lexicon_add(struct np_lexicon *lx, const char *key, size_t keylen,
    const char *value, size_t valuelen)
{
	struct np_lexentry *e;
	size_t n, slot;
	char *k;

	n = np_fold(key, keylen, NULL, 0);
	if ((k = np_arena_alloc(&lx->arena, n + 1)) == NULL)
		return NP_ENOMEM;
	np_fold(key, keylen, k, n);
	k[n] = '\0';
	slot = find_slot(lx, k, n);
	if (lx->slots[slot] != 0)
		return NP_OK;
	if (lx->n == lx->cap) {
		size_t cap = lx->cap ? lx->cap * 2 : 64;
		struct np_lexentry *v = realloc(lx->entries, cap * sizeof(*v));

		if (v == NULL)
			return NP_ENOMEM;
		lx->entries = v;
		lx->cap = cap;
	}
	e = &lx->entries[lx->n];
	e->key = k;
	e->keylen = n;
	if ((e->value = np_arena_strndup(&lx->arena, value, valuelen)) == NULL)
		return NP_ENOMEM;
	e->valuelen = valuelen;
	e->num = strtol(e->value, NULL, 10);
	lx->slots[slot] = (uint32_t)(++lx->n);
	if (lx->n * 2 > lx->nslots)
		return grow_table(lx);
	return NP_OK;
}

/* Parses TSV data: key, TAB, value; '#' comments and blank lines skipped;
 * a CR before the newline is dropped. */
int
np_lexicon_load(struct np_lexicon *lx, const char *data, size_t len)
{
	const char *p = data, *end = data + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *tab;
		int rc;

		if (le > p && le[-1] == '\r')
			le--;
		if (le > p && *p != '#') {
			tab = memchr(p, '\t', (size_t)(le - p));
			if (tab == NULL)
				rc = np_lexicon_add(lx, p, (size_t)(le - p), "", 0);
			else
				rc = np_lexicon_add(lx, p, (size_t)(tab - p), tab + 1,
				    (size_t)(le - tab - 1));
			if (rc != NP_OK)
				return rc;
		}
		p = nl ? nl + 1 : end;
	}
	return NP_OK;
}

/* Folds s into a bounded stack buffer and looks it up. */
const struct np_lexentry *
np_lexicon_find(const struct np_lexicon *lx, const char *s, size_t len)
{
	char key[FOLD_MAX];
	size_t n, slot;

	if (len > FOLD_MAX)
		return NULL;
	n = np_fold(s, len, key, sizeof(key));
	if (n > sizeof(key))
		return NULL;
	slot = find_slot(lx, key, n);
	return lx->slots[slot] ? &lx->entries[lx->slots[slot] - 1] : NULL;
}

const struct np_lexentry *
np_lexicon_find_folded(const struct np_lexicon *lx, const char *key, size_t n)
{
	size_t slot = find_slot(lx, key, n);

	return lx->slots[slot] ? &lx->entries[lx->slots[slot] - 1] : NULL;
}

size_t
np_lexicon_size(const struct np_lexicon *lx)
{
	return lx->n;
}

void
np_lexicon_each(const struct np_lexicon *lx,
    void (*fn)(const struct np_lexentry *e, void *arg), void *arg)
{
	size_t i;

	for (i = 0; i < lx->n; i++)
		fn(&lx->entries[i], arg);
}
