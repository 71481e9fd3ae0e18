/*
 * quotes_priv.h - the context of the quotes engine, shared by its files
 * (not public API).
 */
#ifndef NP_QUOTES_PRIV_H
#define NP_QUOTES_PRIV_H

#include <stdint.h>
#include "newsprep/common.h"
#include "newsprep/lexicon.h"
#include "newsprep/quotes.h"
#include "quotes_int.h"

/* A capitalised run of the document (names.c). */
struct np_name {
	size_t ms;		/* mention start, titles included */
	size_t s, e;		/* the name without titles */
	size_t first_e;		/* end of the first word */
	size_t last_s, last_e;	/* the last word */
	unsigned short ntok;
	char gender;		/* 'm', 'f' or 0 */
	unsigned char person;	/* a title or given name says so */
	unsigned char source;	/* followed by a speech cue */
	unsigned char inquote;	/* inside a quotation */
	unsigned char possessive;
	unsigned char org;	/* holds an organisation word */
	unsigned char org_known;	/* org has been computed */
	unsigned char common;	/* a one-word name also written in lower
				   case nearby: a common word */
	unsigned char common_known;
	unsigned char lone;	/* a one-word name only ever seen opening a
				   sentence ("Debates", "Phone") */
	unsigned char lone_known;
	unsigned char subject;	/* starts its sentence */
};

/* Per surname: the longest names seen (indices into names). */
struct np_surname {
	uint32_t hash;		/* 0: empty slot */
	size_t any, m, f;
	unsigned char person;
	unsigned char fresh;
};

/*
 * A lexicon with prefilters, so that most words are rejected without
 * folding and hashing: a bit set on a signature of each ASCII key (its
 * first two bytes, last byte and length, letters folded), and for each
 * first byte a bit per key length in bytes (lengths of 31 and more share
 * the last bit).
 */
struct np_qlex {
	struct np_lexicon *lx;
	uint64_t bloom[64];	/* 4096 bits on (first two bytes, last byte,
				   length) of ASCII keys */
	int allbloom;		/* a key is not ASCII at those places: no
				   bit-set filtering */
	uint32_t mask[256];
	uint32_t multi[256];	/* the same for the first word of keys of
				   several words */
};

/* Loads TSV data into *l; returns NP_OK or NP_ENOMEM. */
int np_qlex_load(struct np_qlex *l, const char *data, size_t len);
void np_qlex_free(struct np_qlex *l);
/* Looks up s[0..n) (folded) or returns NULL. */
const struct np_lexentry *np_qlex_find(const struct np_qlex *l,
    const char *s, size_t n);

struct np_quotes {
	size_t min_words;
	struct np_qlex cues, pron, titles, nominals, stop, given, orgs, function;
	struct np_qlex nonperson;	/* not a person: "Soon", "Nevada" */
	struct np_qlex abbr;	/* the shared abbreviations.tsv */
	/* per document */
	const char *buf;
	size_t len;
	struct np_qcands cands;
	struct np_quote *recs;
	size_t nrec, caprec;
	struct np_tok *tk;	/* tokens of the current window */
	size_t ntk, captk;
	struct np_name *names;
	size_t nname, capname;
	struct np_surname *sur;
	size_t nsur, capsur;
	struct {		/* where the name scan stopped (names.c) */
		size_t p, qi, line_s, line_e;
		int skipline;
	} ns;
	size_t names_upto;	/* names are collected before this offset */
	size_t names_rec;	/* records before this one can match no new name */
};

/* The cue entry for a single-word token, or NULL (quotes.c). */
const struct np_lexentry *np_quotes_cue(const struct np_quotes *q,
    const struct np_tok *t);
/* True when the token may stand between a speaker and a cue (also,
 * later, has). */
int np_quotes_adverb(const struct np_quotes *q, const struct np_tok *t);

/* True for a name particle: de, van, von, der, bin, al... (names.c). */
int np_quotes_particle(const struct np_quotes *q, const struct np_tok *t);
/* Forgets the names of the previous document (names.c). */
void np_quotes_reset_names(struct np_quotes *q);
/* Collects the document's names up to offset upto, going on from where
 * the last call stopped.  Returns NP_OK or NP_ENOMEM. */
int np_quotes_collect_names(struct np_quotes *q, size_t upto);
/* True when a name holds an organisation word (computed once). */
int np_quotes_is_org(struct np_quotes *q, struct np_name *nm);
/* The surname entry for the word buf[s, e), or NULL. */
const struct np_surname *np_quotes_surname(struct np_quotes *q, size_t s,
    size_t e);

#endif
