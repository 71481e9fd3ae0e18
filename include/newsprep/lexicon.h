/*
 * newsprep/lexicon.h - case- and accent-insensitive word lists.
 *
 * Keys are folded (NFC, case fold, marks stripped: "OCTOBER", "October",
 * "Octóber" all fold to "october"; "ОКТЯБРЯ" to "октября") and kept in an
 * open-addressing hash table.  Pure-ASCII text is folded with a table
 * lookup, without calling utf8proc.
 *
 * Lexicon data are TSV files in filters/lexicons/, compiled into the
 * binary at build time: `NAME.tsv` becomes the byte array np_lex_NAME
 * (declare it with NP_LEXICON_DATA(NAME)).  Format: one entry a line,
 * `key<TAB>value`, the value optional and free-form (the rest of the
 * line); blank lines and lines starting with '#' are ignored.
 */
#ifndef NEWSPREP_LEXICON_H
#define NEWSPREP_LEXICON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Declares the embedded data of filters/lexicons/NAME.tsv. */
#define NP_LEXICON_DATA(name) \
	extern const char np_lex_##name[]; \
	extern const size_t np_lex_##name##_len

/* Declares the ten stoplists (filters/lexicons/boilerplate-stop-LANG.tsv),
 * which strip-boilerplate scores with and extract-quotes guesses the
 * language from. */
#define NP_LEXICON_STOPLISTS \
	NP_LEXICON_DATA(boilerplate_stop_en); NP_LEXICON_DATA(boilerplate_stop_de); \
	NP_LEXICON_DATA(boilerplate_stop_fr); NP_LEXICON_DATA(boilerplate_stop_es); \
	NP_LEXICON_DATA(boilerplate_stop_it); NP_LEXICON_DATA(boilerplate_stop_pt); \
	NP_LEXICON_DATA(boilerplate_stop_nl); NP_LEXICON_DATA(boilerplate_stop_pl); \
	NP_LEXICON_DATA(boilerplate_stop_uk); NP_LEXICON_DATA(boilerplate_stop_ru)

/* One entry.  key is the folded key; value is the text after the first
 * TAB (empty when none); num is the leading integer of value (0 when it
 * has none). */
struct np_lexentry {
	const char *key;
	size_t keylen;
	const char *value;
	size_t valuelen;
	long num;
};

struct np_lexicon;

/* Returns a new empty lexicon, or NULL when out of memory. */
struct np_lexicon *np_lexicon_new(void);
void np_lexicon_free(struct np_lexicon *lx);

/* Adds every line of TSV data (see above).  A key seen twice keeps its
 * first entry.  Returns NP_OK or NP_ENOMEM. */
int np_lexicon_load(struct np_lexicon *lx, const char *data, size_t len);

/* Adds one entry; key is folded here. */
int np_lexicon_add(struct np_lexicon *lx, const char *key, size_t keylen,
    const char *value, size_t valuelen);

/* Looks up s[0..len) folded.  Returns the entry or NULL. */
const struct np_lexentry *np_lexicon_find(const struct np_lexicon *lx,
    const char *s, size_t len);

/* Looks up key[0..n), already folded by np_fold() (a caller that probes
 * several lexicons with one word folds it once).  Returns the entry or
 * NULL. */
const struct np_lexentry *np_lexicon_find_folded(const struct np_lexicon *lx,
    const char *key, size_t n);

/* Number of entries. */
size_t np_lexicon_size(const struct np_lexicon *lx);

/* Calls fn for every entry, in load order (for building regex
 * alternations from a word list). */
void np_lexicon_each(const struct np_lexicon *lx,
    void (*fn)(const struct np_lexentry *e, void *arg), void *arg);

/*
 * Folds s[0..len) into out (capacity cap).  Returns the folded length,
 * which may exceed cap (then out holds a truncated prefix and the caller
 * should retry with a larger buffer).  Invalid UTF-8 bytes are copied as
 * they are.
 */
size_t np_fold(const char *s, size_t len, char *out, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
