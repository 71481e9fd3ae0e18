/*
 * bp.h - internal declarations shared by the boilerplate engine's files
 * (not installed; the public API is include/newsprep/boilerplate.h).
 */
#ifndef NP_BP_INTERNAL_H
#define NP_BP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "newsprep/common.h"

#define BP_HASH_SEED 14695981039346656037ull

/* word flags: bits 0..NP_BP_NLANGS-1 are stoplist languages */
#define BP_W_DATE	(1u << 16)	/* can fill a date-only line */
#define BP_W_FIRST	(1u << 17)	/* starts a furniture phrase */

struct bp_word {
	const char *key;	/* folded; NULL = empty slot */
	size_t len;
	uint64_t hash;
	uint32_t flags;
	const char *kind;	/* furniture table: kind name */
	int where;		/* furniture table: BP_AT_* */
	int nwords;		/* furniture table: words in the phrase */
};

#define BP_BLOOM_BITS 32768	/* a filter in front of the table */

struct bp_wordtab {
	uint64_t bloom[BP_BLOOM_BITS / 64];
	struct bp_word *slots;
	size_t nslots, used, maxlen;
	struct np_arena arena;
};

int bp_cp_is_separator(int32_t cp);
int bp_next_word(const char *buf, size_t end, size_t *pos, size_t *ws, size_t *we, int *ascii);
size_t bp_fold_word(const char *s, size_t n, int ascii, char *out, size_t cap);
int bp_wordtab_add(struct bp_wordtab *t, const char *key, size_t n, uint32_t flags);
void bp_wordtab_free(struct bp_wordtab *t);

/*
 * The functions below run once or more per word of every page, so they
 * are inline here rather than calls into words.c.
 */

/* Final mixing of a 64-bit hash (so that low bits index tables well). */
static inline uint64_t
bp_mix64(uint64_t x)
{
	x ^= x >> 32;
	x *= 0xd6e8feb86659fd93ull;
	x ^= x >> 32;
	x *= 0xd6e8feb86659fd93ull;
	x ^= x >> 32;
	return x;
}

/* Hashes s[0..n) continuing from h, eight bytes at a time.  Never
 * returns 0. */
static inline uint64_t
bp_hash(uint64_t h, const char *s, size_t n)
{
	uint64_t v;

	h ^= (uint64_t)n * 0x9E3779B97F4A7C15ull;
	while (n >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		const unsigned char *p = (const unsigned char *)s;

		v = 0;
		switch (n) {	/* the tail, without a memcpy call */
		case 7: v |= (uint64_t)p[6] << 48;	/* FALLTHROUGH */
		case 6: v |= (uint64_t)p[5] << 40;	/* FALLTHROUGH */
		case 5: v |= (uint64_t)p[4] << 32;	/* FALLTHROUGH */
		case 4: v |= (uint64_t)p[3] << 24;	/* FALLTHROUGH */
		case 3: v |= (uint64_t)p[2] << 16;	/* FALLTHROUGH */
		case 2: v |= (uint64_t)p[1] << 8;	/* FALLTHROUGH */
		default: v |= p[0];
		}
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ull;
	h ^= h >> 32;
	return h ? h : 1;
}

/* bp_hash for s readable up to n rounded up to 8 (the bytes after n may
 * be anything): the tail is one load and a mask. */
static inline uint64_t
bp_hash_pad(uint64_t h, const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;

	h ^= (uint64_t)n * 0x9E3779B97F4A7C15ull;
	while (n >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		memcpy(&v, s, 8);
		v &= ~0ull >> (64 - 8 * n);	/* as bp_hash's tail, little-endian */
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ull;
	h ^= h >> 32;
	return h ? h : 1;
#else
	return bp_hash(h, s, n);
#endif
}

/* Combines a running hash with the next word's hash. */
static inline uint64_t
bp_hash_combine(uint64_t h, uint64_t w)
{
	h = bp_mix64((h ^ w) + 0x632BE59BD9B4E019ull);
	return h ? h : 1;
}

/* Finds the slot of key (or the empty slot where it would go). */
static inline size_t
bp_wt_slot(const struct bp_wordtab *t, const char *key, size_t n, uint64_t h)
{
	size_t mask = t->nslots - 1, i = (size_t)h & mask;

	for (;;) {
		const struct bp_word *w = &t->slots[i];

		if (w->key == NULL || (w->hash == h && w->len == n &&
		    memcmp(w->key, key, n) == 0))
			return i;
		i = (i + 1) & mask;
	}
}

/* Returns the entry of the folded key (hash h), or NULL. */
static inline const struct bp_word *
bp_wordtab_find(const struct bp_wordtab *t, const char *key, size_t n, uint64_t h)
{
	size_t s;

	if (t->nslots == 0)
		return NULL;
	if (!(t->bloom[(h >> 20) & (BP_BLOOM_BITS / 64 - 1)] & (1ull << ((h >> 40) & 63))))
		return NULL;	/* surely not in the table */
	s = bp_wt_slot(t, key, n, h);
	return t->slots[s].key != NULL ? &t->slots[s] : NULL;
}

#endif
