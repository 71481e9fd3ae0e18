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
/*
 * The last word looked up and its folded form, shared by the engine's
 * lexicons: a word is probed in several of them in turn (title, stop
 * word, function word, cue...) and is folded once.  Keyed by the word's
 * address and length in the document; reset for each document.
 */
struct np_qfold {
	const char *s;
	size_t n;
	size_t kn;		/* folded length; > sizeof key: not cached */
	char key[128];
};

struct np_qlex {
	struct np_lexicon *lx;
	struct np_qfold *fold;	/* the engine's fold cache, or NULL */
	uint64_t bloom[64];	/* 4096 bits on (first two bytes, last byte,
				   length) of ASCII keys */
	int allbloom;		/* a key is not ASCII at those places: no
				   bit-set filtering */
	uint32_t mask[256];
	uint32_t multi[256];	/* the same for the first word of keys of
				   several words */
};

/* Loads TSV data into *l (adding to what *l holds when it is loaded
 * already: one lexicon from the files of several languages); returns
 * NP_OK or NP_ENOMEM. */
int np_qlex_load(struct np_qlex *l, const char *data, size_t len);
void np_qlex_free(struct np_qlex *l);
/* Looks up s[0..n) (folded) or returns NULL. */
const struct np_lexentry *np_qlex_find(const struct np_qlex *l,
    const char *s, size_t n);

#define NP_Q_NLANG 10
/* Codes of the languages lang.c tells apart: en first. */
extern const char *const np_q_lang_codes[NP_Q_NLANG];

struct np_quotes {
	size_t min_words;
	unsigned langs;		/* the languages allowed (opts), 0 all */
	struct np_qfold fold;	/* see struct np_qfold */
	struct np_qlex cues, pron, titles, nominals, stop, given, orgs, function;
	struct np_qlex nonperson;	/* not a person: "Soon", "Nevada" */
	struct np_qlex langstop[NP_Q_NLANG];	/* function words per language */
	struct np_qlex calendar;	/* month and weekday names (dates-words) */
	struct np_qlex nouns[NP_Q_NLANG];	/* determiners and person nouns of
					   a language that capitalises nouns */
	int lang;		/* the document's language (lang.c), 0 English
				   or unknown */
	struct np_qlex abbr;	/* the shared abbreviations.tsv */
	/* per document */
	const char *buf;
	size_t len;
	struct np_qcands cands;	/* the quotations around the current one */
	struct np_markscan ms;	/* where the mark scanner stands */
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

#define SUBJECT_GAP 25		/* tokens between a speaker and its cue */
#define CUE_REACH 14		/* tokens from a cue to the quotation */

/* A speaker phrase: tokens [t0, t1) of the window. */
struct np_phrase {
	size_t t0, t1;
	enum np_speaker_kind kind;
	char gender;
};

/* What attribution found for one quotation. */
struct np_attrib {
	int have_cue;
	int adjacent;		/* the cue is next to the quotation */
	int headline;		/* a headline's NAME: "..." */
	size_t cue_s, cue_e;
	int have_np;
	enum np_speaker_kind kind;
	size_t np_s, np_e;	/* speaker phrase in the text */
	size_t name_s, name_e;	/* for NAME: the name without titles */
	char gender;
};

/* ---- lang.c: the document's language ---- */

/* Guesses q->lang from the function words of the document's start. */
void np_q_detect_lang(struct np_quotes *q);
/* True when s[0, n) is a function word or a month or weekday name of the
 * document's language (not English): capitalised, it starts no name. */
int np_q_foreign_word(const struct np_quotes *q, const char *s, size_t n);

/* ---- nouns.c: common nouns of a language that capitalises them ---- */

/* True when the document's language capitalises its nouns (it has a
 * noun lexicon). */
int np_q_nouns_on(const struct np_quotes *q);
/* The determiner entry of w[0, n) ("d GENDER ROLE"), or NULL. */
const struct np_lexentry *np_q_noun_det(const struct np_quotes *q,
    const char *w, size_t n);
/* The gender ('m', 'f', '-') when w[0, n) is a noun naming a person, a
 * speaking body (*org 1) or a text that speaks (*org 2), else 0. */
char np_q_person_noun(const struct np_quotes *q, const char *w, size_t n,
    int *org);
/* The determiner that makes the capitalised word at pos a common noun
 * ("der", "ein berühmter", "zur"), or NULL. */
const struct np_lexentry *np_q_noun_after(const struct np_quotes *q,
    size_t pos);
/* True when quotation c is the title of the work or body named just
 * before it ("die Operette „...“", a name after a determiner: "der
 * „Globe“"). */
int np_q_work_title(const struct np_quotes *q, const struct np_qcand *c);
/* True when quotation c is a short phrase opened by a capitalised
 * determiner ("Die schöne Helena"): a title in such a language. */
int np_q_title_phrase(const struct np_quotes *q, const struct np_qcand *c);

/* ---- cues.c: what a token of the window q->tk is ---- */

/* Looks token i up in a lexicon (words only). */
const struct np_lexentry *np_q_find(const struct np_quotes *q,
    const struct np_qlex *lx, size_t i);
/* True when token i is the punctuation character c. */
int np_q_punct_is(const struct np_quotes *q, size_t i, char c);
/* The cue entry for a single-word token, or NULL. */
const struct np_lexentry *np_quotes_cue(const struct np_quotes *q,
    const struct np_tok *t);
/* True when the token may stand between a speaker and a cue (also,
 * later, has). */
int np_quotes_adverb(const struct np_quotes *q, const struct np_tok *t);
/* True when a capitalised word is a cue, so no name, in a document not
 * in English: a source phrase ("Según", "Laut") or a speech verb opening
 * a sentence ("Dodała:"); in English "Said" may be a name. */
int np_q_cue_word(const struct np_quotes *q, const struct np_tok *t);
/* The cue starting at token i (before lim): its class ('v', 't', 'a',
 * 'g') and its number of tokens in *n, or 0. */
int np_q_cue_at(const struct np_quotes *q, size_t i, size_t lim, size_t *n);
int np_q_is_stop(const struct np_quotes *q, size_t i);
int np_q_is_title(const struct np_quotes *q, size_t i);
/* The subject pronoun a word carries as a clitic ("a-t-il", "dit-elle"):
 * its gender, and in *stem_e the end of the verb before it; or 0. */
char np_q_clitic(const struct np_quotes *q, size_t i, size_t *stem_e);
/* Pronoun gender of token i ('m', 'f', 'p', 'n'), clitics included, or 0. */
char np_q_pronoun(const struct np_quotes *q, size_t i);
/* Class letter of token i in quotes-function.tsv, or 0. */
char np_q_stop_class(const struct np_quotes *q, size_t i);
int np_q_is_det(const struct np_quotes *q, size_t i);
/* A capitalised word that may be part of a name. */
int np_q_namey(const struct np_quotes *q, size_t i);
/* Tokens [a, b) hold more than titles. */
int np_q_has_name(const struct np_quotes *q, size_t a, size_t b);
int np_q_honorific(const struct np_quotes *q, size_t i);
/* A word that ends a nominal phrase read forward (who, that, in). */
int np_q_clause_word(const struct np_quotes *q, size_t i);
/* Last token at or before j that is not an adverb, or SIZE_MAX. */
size_t np_q_skip_adverbs_back(const struct np_quotes *q, size_t lo, size_t j);
int np_q_dash(const struct np_quotes *q, size_t i);

/* ---- speakers.c: speaker phrases ---- */

int np_forward(const struct np_quotes *q, size_t i, size_t lim,
    struct np_phrase *p);
int np_after_cue(const struct np_quotes *q, size_t i, size_t lim,
    struct np_phrase *p);
int np_backward(const struct np_quotes *q, size_t lo, size_t j,
    struct np_phrase *p, int depth);
void np_q_set_np(const struct np_quotes *q, struct np_attrib *a,
    const struct np_phrase *p);
void np_q_set_cue(const struct np_quotes *q, struct np_attrib *a, size_t c,
    size_t n, int cls, size_t lim);
int np_q_nominal_head(const struct np_quotes *q, const struct np_phrase *p);
int np_q_descriptor(const struct np_quotes *q, size_t i, size_t t0);

/* ---- window.c: the sentences after and before a quotation ---- */

int np_q_after(struct np_quotes *q, size_t from, size_t to,
    struct np_attrib *a);
int np_q_before(struct np_quotes *q, size_t from, size_t to,
    struct np_attrib *a);

/* ---- names.c: the document's name table ---- */

/* True for a name particle: de, van, von, der, bin, al... */
int np_quotes_particle(const struct np_quotes *q, const struct np_tok *t);
/* Forgets the names of the previous document. */
void np_quotes_reset_names(struct np_quotes *q);
/* Collects the document's names up to offset upto, going on from where
 * the last call stopped.  Returns NP_OK or NP_ENOMEM. */
int np_quotes_collect_names(struct np_quotes *q, size_t upto);
/* True when a name holds an organisation word (computed once). */
int np_quotes_is_org(struct np_quotes *q, struct np_name *nm);
/* The surname entry for the word w[0, n) (not in the text), or NULL. */
const struct np_surname *np_quotes_surname_bytes(struct np_quotes *q,
    const char *w, size_t n);
/* The surname entry for the word buf[s, e), or NULL. */
const struct np_surname *np_quotes_surname(struct np_quotes *q, size_t s,
    size_t e);

/* ---- coref.c: pronouns and short names resolved over the table ---- */

/* Fills the name table up to upto and marks earlier speakers as
 * sources.  Returns NP_OK or NP_ENOMEM. */
int np_quotes_ensure_names(struct np_quotes *q, size_t upto);
/* Index of the name that starts at s, or SIZE_MAX. */
size_t np_q_name_at(const struct np_quotes *q, size_t s);
/* The fullest form of the name buf[s, e) in *os, *oe. */
void np_q_fullest(struct np_quotes *q, size_t s, size_t e, char gender,
    size_t *os, size_t *oe);
/* The name a pronoun at pos of the given gender refers to, or SIZE_MAX. */
size_t np_q_resolve(struct np_quotes *q, size_t pos, char gender);

/* A nominal speaker buf[ms, me) with a definite head ("la ministra",
 * "мер") linked to the person introduced with that head earlier: stores
 * the name's span, returns 1; or to the indefinite phrase that
 * introduced the head ("Un porte-parole de la SNCF"): returns 2; 0 when
 * none is found. */
int np_q_nominal_name(struct np_quotes *q, size_t ms, size_t me, size_t *os,
    size_t *oe);

/* ---- keep.c: which quotations are kept ---- */

size_t np_q_count_words(const char *buf, size_t s, size_t e);
int np_q_title_case(const char *buf, size_t s, size_t e);
int np_q_after_preposition(const char *buf, size_t open);
int np_q_nickname(const char *buf, size_t len, const struct np_qcand *c);
int np_q_ends_sentence(const char *buf, size_t s, size_t e);
int np_q_full_sentence(const char *buf, size_t s, size_t e);
int np_q_follows_quote(const struct np_quotes *q, const struct np_qcand *c);

#endif
