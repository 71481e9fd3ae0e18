/*
 * bp.h - internal declarations shared by the boilerplate engine's files
 * (not installed; the public API is include/newsprep/boilerplate.h).
 */
#ifndef NP_BP_INTERNAL_H
#define NP_BP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "newsprep/common.h"

#define BP_HASH_SEED 14695981039346656037ull

/* word flags: bits 0..NP_BP_NLANGS-1 are stoplist languages */
#define BP_W_DATE	(1u << 16)	/* can fill a date-only line */

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

int bp_next_word(const char *buf, size_t end, size_t *pos, size_t *ws, size_t *we, int *ascii);
uint64_t bp_hash(uint64_t h, const char *s, size_t n);
uint64_t bp_hash_combine(uint64_t h, uint64_t w);
size_t bp_fold_word(const char *s, size_t n, int ascii, char *out, size_t cap);
int bp_wordtab_add(struct bp_wordtab *t, const char *key, size_t n, uint32_t flags);
const struct bp_word *bp_wordtab_find(const struct bp_wordtab *t, const char *key, size_t n,
    uint64_t h);
void bp_wordtab_free(struct bp_wordtab *t);

#endif
