/*
 * words.c - the word layer of the boilerplate engine: a tokenizer for
 * plain text and a small hash table from folded words to flags.
 *
 * A word is a run of ASCII letters and digits and of non-ASCII code
 * points that are not punctuation, symbols or spaces (decided from code
 * point ranges, without utf8proc: the tokenizer must run at memory speed).
 * Apostrophes and hyphens split words ("don't" is "don" + "t"), which is
 * how the stoplists and the furniture phrases are written too.
 *
 * The table maps a folded word to a 32-bit flag set (the stoplist
 * languages it belongs to, whether it can fill a date-only line) so one
 * lookup answers every question the classifier asks about a word.
 *
 * It also holds the small helpers every stage uses: counters keyed by
 * 64-bit hashes and literal searches (a cheap test before a pattern).
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/lexicon.h"
#include "newsprep/utf8.h"
#include "bp.h"

/* True when code point cp (non-ASCII) separates words. */
int
np_bp_cp_is_separator(int32_t cp)
{
	if (cp < 0)
		return 1;
	if (cp <= 0xBF)		/* C1, NBSP, Latin-1 punctuation and symbols */
		return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
	if (cp == 0xD7 || cp == 0xF7)
		return 1;
	if (cp >= 0x2000 && cp <= 0x2BFF)	/* punctuation, symbols, arrows, boxes */
		return 1;
	if (cp >= 0x3000 && cp <= 0x303F)
		return 1;
	if (cp >= 0xFE30 && cp <= 0xFE4F)
		return 1;
	if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return 1;
	if (cp >= 0x1F000)	/* emoji and pictographs */
		return 1;
	return 0;
}

/* ASCII letters and digits. */
static const unsigned char ascii_word_tab[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};
#define ascii_word(c) (ascii_word_tab[(c)])

/*
 * Finds the next word in buf[*pos, end).  Returns 1 and sets the word bounds, or
 * 0 when there is none.  The position moves past the word.  *ascii is set when the
 * word is pure ASCII.
 */
int
np_bp_next_word(const char *buf, size_t end, size_t *pos, size_t *ws, size_t *we, int *ascii)
{
	size_t i = *pos, adv;
	int32_t cp;

	/* skip separators */
	while (i < end) {
		unsigned char c = (unsigned char)buf[i];

		if (c < 0x80) {
			if (ascii_word(c))
				break;
			i++;
			continue;
		}
		cp = np_utf8_decode(buf + i, end - i, &adv);
		if (!np_bp_cp_is_separator(cp))
			break;
		i += adv;
	}
	if (i >= end) {
		*pos = end;
		return 0;
	}
	*ws = i;
	*ascii = 1;
	while (i < end) {
		unsigned char c = (unsigned char)buf[i];

		if (c < 0x80) {
			if (!ascii_word(c))
				break;
			i++;
			continue;
		}
		cp = np_utf8_decode(buf + i, end - i, &adv);
		if (np_bp_cp_is_separator(cp))
			break;
		*ascii = 0;
		i += adv;
	}
	*we = i;
	*pos = i;
	return 1;
}

/*
 * Folds word s[0..n) into out (cap bytes).  Returns the folded length, or
 * 0 when it does not fit (such a word is in no list).
 */
size_t
np_bp_fold_word(const char *s, size_t n, int ascii, char *out, size_t cap)
{
	size_t i, m;

	if (ascii) {
		if (n > cap)
			return 0;
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		return n;
	}
	m = np_fold(s, n, out, cap);
	return m <= cap ? m : 0;
}

/* ---- word table ---- */

/* Doubles the table. */
static int
wt_grow(struct bp_wordtab *t)
{
	size_t nn = t->nslots ? t->nslots * 2 : 1024, i;
	struct bp_word *old = t->slots, *nw;
	size_t oldn = t->nslots;

	if ((nw = calloc(nn, sizeof *nw)) == NULL)
		return NP_ENOMEM;
	t->slots = nw;
	t->nslots = nn;
	for (i = 0; i < oldn; i++)
		if (old[i].key != NULL)
			t->slots[bp_wt_slot(t, old[i].key, old[i].len, old[i].hash)] = old[i];
	free(old);
	return NP_OK;
}

/* Adds flags to the already folded key (inserting it when new). */
int
np_bp_wordtab_add(struct bp_wordtab *t, const char *key, size_t n, uint32_t flags)
{
	uint64_t h;
	size_t s;
	char *k;

	if (n == 0)
		return NP_OK;
	if ((t->used + 1) * 2 > t->nslots && wt_grow(t) != NP_OK)
		return NP_ENOMEM;
	h = bp_hash(BP_HASH_SEED, key, n);
	s = bp_wt_slot(t, key, n, h);
	if (t->slots[s].key != NULL) {
		t->slots[s].flags |= flags;
		return NP_OK;
	}
	if ((k = np_arena_strndup(&t->arena, key, n)) == NULL)
		return NP_ENOMEM;
	t->bloom[(h >> 20) & (BP_BLOOM_BITS / 64 - 1)] |= 1ull << ((h >> 40) & 63);
	t->slots[s].key = k;
	t->slots[s].len = n;
	t->slots[s].hash = h;
	t->slots[s].flags = flags;
	t->slots[s].kind = NULL;
	t->used++;
	if (n > t->maxlen)
		t->maxlen = n;
	return NP_OK;
}

void
np_bp_wordtab_free(struct bp_wordtab *t)
{
	free(t->slots);
	np_arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------ */
/* hash counters (open addressing on 64-bit keys; 0 is never a key)    */

/* Returns the slot of key in keys[0..n) (n a power of two). */
size_t
np_bp_hc_slot(const uint64_t *keys, size_t n, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (n - 1);

	while (keys[i] != 0 && keys[i] != key)
		i = (i + 1) & (n - 1);
	return i;
}

/* Makes an empty counter of at least want slots; keeps memory when big
 * enough. */
int
np_bp_hc_reset(uint64_t **keys, uint32_t **vals, size_t *n, size_t want)
{
	size_t m = 64;

	while (m < want * 2)
		m *= 2;
	if (*n < m || *n > 4 * m) {
		uint64_t *k = calloc(m, sizeof *k);
		uint32_t *v = calloc(m, sizeof *v);

		if (k == NULL || v == NULL) {
			free(k);
			free(v);
			return NP_ENOMEM;
		}
		free(*keys);
		free(*vals);
		*keys = k;
		*vals = v;
		*n = m;
		return NP_OK;
	}
	memset(*keys, 0, *n * sizeof **keys);
	memset(*vals, 0, *n * sizeof **vals);
	return NP_OK;
}

/* ------------------------------------------------------------------ */
/* literal search                                                      */

/* Finds needle (m bytes, m > 0) in hay[0..n): memchr on its first byte,
 * then a compare (memmem is not in POSIX). */
static const char *
find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
	const char *p = hay, *end = hay + n;

	while ((size_t)(end - p) >= m && (p = memchr(p, needle[0], (size_t)(end - p) - m + 1)) != NULL) {
		if (memcmp(p, needle, m) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* True when one of the NULL-terminated needles occurs in buf[s, e): a
 * cheap test (memchr runs at memory speed) before a pattern is tried. */
int
np_bp_has_any(const char *buf, size_t s, size_t e, const char *const *needles)
{
	for (; *needles != NULL; needles++)
		if (e > s && find_bytes(buf + s, e - s, *needles, strlen(*needles)) != NULL)
			return 1;
	return 0;
}

/* First offset >= s where one of the needles occurs in buf[s, e), or e. */
size_t
np_bp_first_of(const char *buf, size_t s, size_t e, const char *const *needles)
{
	size_t best = e;
	const char *p;

	for (; *needles != NULL; needles++)
		if (e > s && (p = find_bytes(buf + s, e - s, *needles, strlen(*needles))) != NULL &&
		    (size_t)(p - buf) < best)
			best = (size_t)(p - buf);
	return best;
}
