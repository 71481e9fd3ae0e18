/*
 * quotes.c - the quotes engine: finds direct quotations and who said them.
 *
 * Method: marks -> spans -> cues -> speakers.
 *
 *  1. marks.c pairs the document's quotation marks into quotations (one
 *     pass, table prefilter; split and multi-paragraph quotations).
 *  2. For each quotation the sentence after the closing mark is read
 *     first: `"...," CUE NP` ("said Caddell", "said a spokesman"),
 *     `"...," NP [adverbs] CUE` ("he said", "Mr. Garin, a pollster,
 *     added", "Huckabee spokeswoman Alice Stewart said") or a list's
 *     `"..." - Name`.  Then the sentence before the opening mark, back to
 *     the previous quotation in the paragraph (at most two sentences):
 *     its last cue and the subject before it (`NP CUE: "..."`, `NP CUE
 *     that "..."`), the phrase after it for `according to NP` and
 *     inverted `said NP:`, the clause's subject for participles (`...,
 *     saying "..."`) and for verb phrases (`NP shook her head and
 *     said`), a headline's `NAME: "..."`.  A quotation that opens a
 *     paragraph also reads the previous paragraph when that ends with a
 *     colon ("The New York Times reports:"); one that opens a sentence
 *     reads the sentence before ("Smith said Tuesday he was worried.
 *     "We are not ready."").  When both sides name a speaker the side
 *     after wins, unless the quotation ends with a full stop and the
 *     cue before is next to it.
 *  3. Cues come from quotes-cues.tsv (en, de, fr, es, it, uk, ru; several
 *     words such as "according to" or "a déclaré" match across single
 *     spaces).  A cue is lower-case (only source phrases such as
 *     "According to" may be capitalised).
 *  4. The speaker phrase is a pronoun (quotes-pronouns.tsv), a run of
 *     capitalised words (a name: titles from quotes-titles.tsv dropped; a
 *     one-word name mapped to the fullest form the document gives, see
 *     names.c) or a nominal phrase ("a campaign spokesman", "officials":
 *     reported as written).  A pronoun is resolved to the nearest earlier
 *     fitting source or sentence subject (see resolve()).
 *  5. A quotation with no cue of its own continues the previous
 *     quotation's speaker when it follows it within two paragraphs (at
 *     most four line breaks between them).
 *  6. A quotation of fewer than min_words words with no cue next to it is
 *     a scare quote or a name of a thing and is dropped, unless it is a
 *     whole sentence right after another quotation; a short phrase in
 *     title case ("Fox and Friends") is dropped unless a speaker is
 *     attributed right after it.
 *
 * Cost: one table lookup per byte for text without quotation marks; per
 * quotation, two short token windows; the document's names are collected
 * once, lazily and only up to the last place a pronoun or a one-word name
 * needed them.  Lexicon lookups go through prefilters (np_qlex) so that
 * most words are rejected without folding.
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/lexicon.h"
#include "newsprep/quotes.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"
#include "quotes_priv.h"

NP_LEXICON_DATA(quotes_cues);
NP_LEXICON_DATA(quotes_pronouns);
NP_LEXICON_DATA(quotes_titles);
NP_LEXICON_DATA(quotes_nominals);
NP_LEXICON_DATA(quotes_stop);
NP_LEXICON_DATA(quotes_given_names);
NP_LEXICON_DATA(quotes_orgs);
NP_LEXICON_DATA(abbreviations);
NP_LEXICON_DATA(quotes_function);
NP_LEXICON_DATA(quotes_nonperson);

#define WINDOW 600		/* bytes read after a closing mark */
#define BEFORE 500		/* bytes read before an opening mark */
#define SUBJECT_GAP 25		/* tokens between a speaker and its cue */
#define CUE_REACH 14		/* tokens from a cue to the quotation */

static int ensure_names(struct np_quotes *q, size_t upto);

/* A speaker phrase: tokens [t0, t1) of the window. */
struct phrase {
	size_t t0, t1;
	enum np_speaker_kind kind;
	char gender;
};

/* What attribution found for one quotation. */
struct attrib {
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

/* Signature of an ASCII word for the bit set: first two bytes, last byte
 * and length, ASCII letters folded.  Returns -1 when a byte is not
 * ASCII (no filtering then). */
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
	int sig = e->keylen > 0 ? signature(e->key, e->keylen) : -1;

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
	memset(l, 0, sizeof *l);
	if ((l->lx = np_lexicon_new()) == NULL ||
	    np_lexicon_load(l->lx, data, len) != NP_OK)
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
			return np_lexicon_find(l->lx, s, n);
	c = (unsigned char)s[0];
	if (c < 0x80 && !(l->mask[c] & (1u << (n < 31 ? n : 31))))
		return NULL;
	if (!l->allbloom) {
		int sig = signature(s, n);

		if (sig >= 0 && !(l->bloom[sig >> 6] &
		    ((uint64_t)1 << (sig & 63))))
			return NULL;
	}
	return np_lexicon_find(l->lx, s, n);
}

struct np_quotes *
np_quotes_new(const struct np_quotes_opts *opts)
{
	struct np_quotes *q = calloc(1, sizeof *q);

	if (q == NULL)
		return NULL;
	q->min_words = opts != NULL && opts->min_words > 0 ?
	    opts->min_words : NP_QUOTES_MIN_WORDS;
	const struct {
		struct np_qlex *lex;
		const char *data;
		size_t len;
	} lists[] = {
		{ &q->cues, np_lex_quotes_cues, np_lex_quotes_cues_len },
		{ &q->pron, np_lex_quotes_pronouns, np_lex_quotes_pronouns_len },
		{ &q->titles, np_lex_quotes_titles, np_lex_quotes_titles_len },
		{ &q->nominals, np_lex_quotes_nominals, np_lex_quotes_nominals_len },
		{ &q->stop, np_lex_quotes_stop, np_lex_quotes_stop_len },
		{ &q->given, np_lex_quotes_given_names, np_lex_quotes_given_names_len },
		{ &q->orgs, np_lex_quotes_orgs, np_lex_quotes_orgs_len },
		{ &q->abbr, np_lex_abbreviations, np_lex_abbreviations_len },
		{ &q->function, np_lex_quotes_function, np_lex_quotes_function_len },
		{ &q->nonperson, np_lex_quotes_nonperson, np_lex_quotes_nonperson_len },
	};
	size_t i;

	for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		if (np_qlex_load(lists[i].lex, lists[i].data, lists[i].len) != NP_OK) {
			np_quotes_free(q);
			return NULL;
		}
	}
	return q;
}

void
np_quotes_free(struct np_quotes *q)
{
	if (q == NULL)
		return;
	np_qlex_free(&q->cues);
	np_qlex_free(&q->pron);
	np_qlex_free(&q->titles);
	np_qlex_free(&q->nominals);
	np_qlex_free(&q->stop);
	np_qlex_free(&q->given);
	np_qlex_free(&q->orgs);
	np_qlex_free(&q->abbr);
	np_qlex_free(&q->function);
	np_qlex_free(&q->nonperson);
	free(q->cands.v);
	free(q->recs);
	free(q->tk);
	free(q->names);
	free(q->sur);
	free(q);
}

const char *
np_speaker_kind_name(enum np_speaker_kind k)
{
	switch (k) {
	case NP_SPEAKER_NAME: return "name";
	case NP_SPEAKER_PRONOUN: return "pronoun";
	case NP_SPEAKER_NOMINAL: return "nominal";
	default: return "none";
	}
}

/* ---- tokens of a window ---- */

/* Tokenizes buf[s, e) into q->tk; with `one`, stops after the first
 * sentence end, paragraph or quotation mark. */
static int
tokenize(struct np_quotes *q, size_t s, size_t e, int one)
{
	struct np_tok t;
	size_t pos = s;

	q->ntk = 0;
	while (np_quotes_next_tok(&q->abbr, q->buf, e, &pos, &t)) {
		if (one && q->ntk > 0 && (q->tk[q->ntk - 1].kind ==
		    NP_TOK_END || q->tk[q->ntk - 1].kind == NP_TOK_PARA ||
		    q->tk[q->ntk - 1].kind == NP_TOK_MARK))
			break;
		if (q->ntk == q->captk) {
			size_t cap = q->captk ? q->captk * 2 : 256;
			void *p = realloc(q->tk, cap * sizeof *q->tk);

			if (p == NULL)
				return NP_ENOMEM;
			q->tk = p;
			q->captk = cap;
		}
		q->tk[q->ntk++] = t;
	}
	return NP_OK;
}

/* Looks token i up in a lexicon (words only). */
static const struct np_lexentry *
find(const struct np_quotes *q, const struct np_qlex *lx, size_t i)
{
	const struct np_tok *t = &q->tk[i];

	if (t->kind != NP_TOK_WORD)
		return NULL;
	return np_qlex_find(lx, q->buf + t->s, t->e - t->s);
}

/* True when token i is the punctuation character c. */
static int
punct_is(const struct np_quotes *q, size_t i, char c)
{
	return q->tk[i].kind == NP_TOK_PUNCT && q->buf[q->tk[i].s] == c;
}

const struct np_lexentry *
np_quotes_cue(const struct np_quotes *q, const struct np_tok *t)
{
	const struct np_lexentry *e;

	e = np_qlex_find(&q->cues, q->buf + t->s, t->e - t->s);
	if (e == NULL || e->valuelen == 0 || (t->cap && e->value[0] != 'a'))
		return NULL;
	return e;
}

int
np_quotes_adverb(const struct np_quotes *q, const struct np_tok *t)
{
	const struct np_lexentry *e;

	e = np_qlex_find(&q->stop, q->buf + t->s, t->e - t->s);
	return e != NULL && e->valuelen > 0 && (e->value[0] == 'a' ||
	    (e->value[0] == 't' && t->cap));
}

/*
 * The cue starting at token i (before lim): tries three, two and one
 * words joined by single spaces.  Returns its class ('v', 't', 'a', 'g')
 * and the number of tokens in *n, or 0.
 */
static int
cue_at(const struct np_quotes *q, size_t i, size_t lim, size_t *n)
{
	const struct np_lexentry *e;
	size_t k, j;
	int multi;

	if (i >= lim || q->tk[i].kind != NP_TOK_WORD)
		return 0;
	{
		unsigned char c0 = (unsigned char)q->buf[q->tk[i].s];
		size_t l0 = q->tk[i].e - q->tk[i].s;

		multi = c0 >= 0x80 ||
		    (q->cues.multi[c0] & (1u << (l0 < 31 ? l0 : 31)));
	}
	for (k = multi ? 3 : 1; k >= 1; k--) {
		if (i + k > lim)
			continue;
		for (j = i; j + 1 < i + k; j++)
			if (q->tk[j + 1].kind != NP_TOK_WORD ||
			    q->tk[j + 1].s != q->tk[j].e + 1 ||
			    q->buf[q->tk[j].e] != ' ')
				break;
		if (j + 1 < i + k)
			continue;
		e = np_qlex_find(&q->cues, q->buf + q->tk[i].s,
		    q->tk[i + k - 1].e - q->tk[i].s);
		if (e == NULL || e->valuelen == 0)
			continue;
		if (q->tk[i].cap && e->value[0] != 'a')
			continue;
		*n = k;
		return e->value[0];
	}
	return 0;
}

/* Token i is in quotes-stop.tsv. */
static int
is_stop(const struct np_quotes *q, size_t i)
{
	return find(q, &q->stop, i) != NULL;
}

/* Token i is a title or rank (quotes-titles.tsv). */
static int
is_title(const struct np_quotes *q, size_t i)
{
	return find(q, &q->titles, i) != NULL;
}

/* Pronoun gender of token i, or 0 when it is not a pronoun. */
static char
pronoun(const struct np_quotes *q, size_t i)
{
	const struct np_lexentry *e = find(q, &q->pron, i);

	return e != NULL && e->valuelen > 0 ? e->value[0] : 0;
}

/* The class letter of token i in quotes-function.tsv ('d' determiner,
 * 'c' a word that ends a nominal phrase), or 0. */
static char
stop_class(const struct np_quotes *q, size_t i)
{
	const struct np_lexentry *e = find(q, &q->function, i);

	return e != NULL && e->valuelen > 0 ? e->value[0] : 0;
}

/* Token i is a determiner (a, the, his, one...). */
static int
is_det(const struct np_quotes *q, size_t i)
{
	return stop_class(q, i) == 'd';
}

/* A capitalised word that may be part of a name. */
static int
namey(const struct np_quotes *q, size_t i)
{
	const struct np_tok *t = &q->tk[i];

	return t->kind == NP_TOK_WORD && t->cap &&
	    (!is_stop(q, i) || is_title(q, i));
}

/* True when a name run of tokens [a, b) holds more than titles. */
static int
has_name(const struct np_quotes *q, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!is_title(q, a))
			return 1;
	return 0;
}

/* Words that end a nominal phrase read forward (who, that, in, and). */
static int
clause_word(const struct np_quotes *q, size_t i)
{
	return stop_class(q, i) == 'c';
}

/*
 * Reads a speaker phrase forward from token i (before lim): a pronoun, a
 * name run or a nominal phrase.  Returns 1 and fills *p.
 */
static int
np_forward(const struct np_quotes *q, size_t i, size_t lim, struct phrase *p)
{
	size_t j;
	char g;
	int head = 0;

	if (i >= lim || q->tk[i].kind != NP_TOK_WORD)
		return 0;
	if ((g = pronoun(q, i)) != 0 && !(q->tk[i].cap && i + 1 < lim &&
	    namey(q, i + 1))) {
		p->t0 = i;
		p->t1 = i + 1;
		p->kind = NP_SPEAKER_PRONOUN;
		p->gender = g;
		return 1;
	}
	if (namey(q, i)) {
		for (j = i; j < lim && j - i < 12; j++) {
			if (namey(q, j))
				continue;
			if (j + 1 < lim && q->tk[j].kind == NP_TOK_WORD &&
			    np_quotes_particle(q, &q->tk[j]) && namey(q, j + 1))
				continue;	/* particle: de, van, bin */
			break;
		}
		if (!has_name(q, i, j))
			return 0;
		/* "Trump's spokesman": the phrase is nominal, unless a
		 * name follows ("Huckabee spokeswoman Alice Stewart") */
		if (j < lim && q->tk[j].kind == NP_TOK_WORD && !q->tk[j].cap &&
		    find(q, &q->nominals, j) != NULL) {
			if (j + 1 < lim && namey(q, j + 1) &&
			    np_forward(q, j + 1, lim, p) &&
			    p->kind == NP_SPEAKER_NAME)
				return 1;
			p->t0 = i;
			p->t1 = j + 1;
			p->kind = NP_SPEAKER_NOMINAL;
			p->gender = 0;
			return 1;
		}
		p->t0 = i;
		p->t1 = j;
		p->kind = NP_SPEAKER_NAME;
		p->gender = 0;
		return 1;
	}
	if (q->tk[i].cap && !is_det(q, i))
		return 0;
	if (!is_det(q, i) && find(q, &q->nominals, i) == NULL)
		return 0;
	for (j = i; j < lim && j - i < 8; j++) {
		size_t n;

		if (q->tk[j].kind != NP_TOK_WORD)
			break;
		if (j > i && (cue_at(q, j, lim, &n) || clause_word(q, j) ||
		    np_quotes_adverb(q, &q->tk[j])))
			break;
		if (find(q, &q->nominals, j) != NULL)
			head = 1;
	}
	if (!head || j == i)
		return 0;
	p->t0 = i;
	p->t1 = j;
	p->kind = NP_SPEAKER_NOMINAL;
	p->gender = 0;
	return 1;
}

/*
 * Reads the speaker phrase after a cue: np_forward, or a name after a
 * short descriptor ("said Republican political consultant Chris
 * Russell", "said campaign manager Robby Mook").
 */
static int
np_after_cue(const struct np_quotes *q, size_t i, size_t lim, struct phrase *p)
{
	size_t j, n;
	int got = np_forward(q, i, lim, p);

	if (got && (p->kind != NP_SPEAKER_NOMINAL || is_det(q, i)))
		return 1;
	for (j = i; j < lim && j - i < 6; j++) {
		if (q->tk[j].kind != NP_TOK_WORD || clause_word(q, j) ||
		    (j > i && is_det(q, j)) || cue_at(q, j, lim, &n))
			break;
		if (j > i && namey(q, j) && !namey(q, j - 1)) {
			struct phrase nm;

			if (np_forward(q, j, lim, &nm) &&
			    nm.kind == NP_SPEAKER_NAME) {
				*p = nm;
				return 1;
			}
		}
	}
	if (got)
		return np_forward(q, i, lim, p);
	/* "said the designer, who ...": a determiner and a few words */
	if (i < lim && is_det(q, i) && !q->tk[i].cap) {
		for (j = i + 1; j < lim && j - i <= 4; j++)
			if (q->tk[j].kind != NP_TOK_WORD || clause_word(q, j))
				break;
		if (j > i + 1 && j - i <= 4 && (j >= lim ||
		    q->tk[j].kind != NP_TOK_WORD || clause_word(q, j))) {
			p->t0 = i;
			p->t1 = j;
			p->kind = NP_SPEAKER_NOMINAL;
			p->gender = 0;
			return 1;
		}
	}
	return 0;
}

/*
 * Reads a speaker phrase backward ending at token j (lo the first token
 * it may use): a pronoun, a name run, an appositive ("Garin, a
 * pollster,") or a nominal phrase.
 */
static int
np_backward(const struct np_quotes *q, size_t lo, size_t j, struct phrase *p,
    int depth)
{
	size_t k;
	char g;

	if (j < lo || j >= q->ntk)
		return 0;
	if (punct_is(q, j, ')')) {
		for (k = j; k > lo && !punct_is(q, k, '('); k--)
			;
		if (k <= lo)
			return 0;
		return np_backward(q, lo, k - 1, p, depth);
	}
	if (punct_is(q, j, ',') && depth == 0) {
		/* appositive: NAME, a pollster for X, CUE */
		for (k = j; k > lo && j - k < SUBJECT_GAP; k--)
			if (punct_is(q, k - 1, ',') || q->tk[k - 1].kind ==
			    NP_TOK_END || q->tk[k - 1].kind == NP_TOK_MARK)
				break;
		if (k > lo && punct_is(q, k - 1, ',') && k >= 2 &&
		    np_backward(q, lo, k - 2, p, 1) &&
		    p->kind != NP_SPEAKER_NOMINAL)
			return 1;
		/* "Clinton's campaign chairman, John Podesta, said" */
		if (j >= 1 && np_backward(q, k, j - 1, p, 1) &&
		    p->kind == NP_SPEAKER_NAME)
			return 1;
		if (k > lo && punct_is(q, k - 1, ',') && k >= 2 &&
		    np_backward(q, lo, k - 2, p, 1))
			return 1;
		if (j >= 1 && np_backward(q, k, j - 1, p, 1))
			return 1;
		return 0;
	}
	if (q->tk[j].kind != NP_TOK_WORD)
		return 0;
	if ((g = pronoun(q, j)) != 0) {
		p->t0 = j;
		p->t1 = j + 1;
		p->kind = NP_SPEAKER_PRONOUN;
		p->gender = g;
		return 1;
	}
	if (namey(q, j)) {
		for (k = j; k > lo; k--) {
			if (namey(q, k - 1))
				continue;
			if (k >= lo + 2 && q->tk[k - 1].kind == NP_TOK_WORD &&
			    np_quotes_particle(q, &q->tk[k - 1]) &&
			    namey(q, k - 2))
				continue;
			break;
		}
		if (!has_name(q, k, j + 1))
			return 0;
		p->t0 = k;
		p->t1 = j + 1;
		p->kind = NP_SPEAKER_NAME;
		p->gender = 0;
		return 1;
	}
	/* nominal: back to a determiner */
	if (q->tk[j].cap)
		return 0;
	for (k = j + 1; k > lo && j + 1 - k < 6; k--) {
		if (q->tk[k - 1].kind != NP_TOK_WORD)
			break;
		if (is_det(q, k - 1)) {
			k--;
			break;
		}
		if (k - 1 < j && (np_quotes_cue(q, &q->tk[k - 1]) != NULL ||
		    pronoun(q, k - 1)))
			break;
	}
	if (k > j)
		return 0;
	if (find(q, &q->nominals, j) == NULL && !is_det(q, k))
		return 0;
	if (find(q, &q->nominals, j) == NULL && j == k)
		return 0;
	p->t0 = k;
	p->t1 = j + 1;
	p->kind = NP_SPEAKER_NOMINAL;
	p->gender = 0;
	return 1;
}

/* Fills the attribution from a phrase. */
static void
set_np(const struct np_quotes *q, struct attrib *a, const struct phrase *p)
{
	size_t i = p->t0, e;

	a->have_np = 1;
	a->kind = p->kind;
	a->gender = p->gender;
	a->np_s = q->tk[p->t0].s;
	a->np_e = q->tk[p->t1 - 1].e;
	if (p->kind == NP_SPEAKER_NAME) {
		while (i + 1 < p->t1 && (is_title(q, i) || is_stop(q, i))) {
			const struct np_lexentry *t = find(q, &q->titles, i);

			if (t != NULL && t->valuelen > 0 &&
			    (t->value[0] == 'm' || t->value[0] == 'f'))
				a->gender = t->value[0];
			i++;
		}
		e = q->tk[p->t1 - 1].e;
		if (e - q->tk[p->t1 - 1].s > 2 && q->buf[e - 1] == 's' &&
		    q->buf[e - 2] == '\'')
			e -= 2;
		a->name_s = q->tk[i].s;
		a->name_e = e;
	}
}

/* Sets the cue span; a hearer after "told" joins the cue. */
static void
set_cue(const struct np_quotes *q, struct attrib *a, size_t c, size_t n,
    int cls, size_t lim)
{
	struct phrase obj;

	a->have_cue = 1;
	a->cue_s = q->tk[c].s;
	a->cue_e = q->tk[c + n - 1].e;
	if (cls == 't' && np_forward(q, c + n, lim, &obj))
		a->cue_e = q->tk[obj.t1 - 1].e;
}

/* Last token index before lim that is not an adverb between a subject and
 * its cue; returns SIZE_MAX when none is left. */
static size_t
skip_adverbs_back(const struct np_quotes *q, size_t lo, size_t j)
{
	int n = 0;

	while (j >= lo && j != SIZE_MAX && n < 3 &&
	    np_quotes_adverb(q, &q->tk[j])) {
		j = j == 0 ? SIZE_MAX : j - 1;
		n++;
	}
	return j;
}

/* True when token i is a dash: - – — ―. */
static int
dash(const struct np_quotes *q, size_t i)
{
	const unsigned char *b = (const unsigned char *)q->buf + q->tk[i].s;
	size_t n = q->tk[i].e - q->tk[i].s;

	if (q->tk[i].kind != NP_TOK_PUNCT)
		return 0;
	return (n == 1 && b[0] == '-') || (n == 3 && b[0] == 0xE2 &&
	    b[1] == 0x80 && (b[2] == 0x93 || b[2] == 0x94 || b[2] == 0x95));
}

/* True when tokens [i, t0) may stand before a speaker's name: nothing,
 * or a few words ("DoubleLine Capital portfolio manager"). */
static int
descriptor(const struct np_quotes *q, size_t i, size_t t0)
{
	size_t k;

	if (t0 < i || t0 - i > 6)
		return 0;
	for (k = i; k < t0; k++)
		if ((q->tk[k].kind != NP_TOK_WORD && !punct_is(q, k, ',')) ||
		    pronoun(q, k) || (is_stop(q, k) && !is_det(q, k)))
			return 0;
	return 1;
}

/*
 * Reads the sentence after a closing mark: `, CUE NP` or `, NP CUE`.
 */
static int
after(struct np_quotes *q, size_t from, size_t to, struct attrib *a)
{
	size_t i = 0, lim, j, n, k;
	int cls;
	struct phrase p;

	/* a cue may follow on the next line of a wrapped paragraph */
	while (from < to && (q->buf[from] == ' ' || q->buf[from] == '\r' ||
	    q->buf[from] == ','))
		from++;
	if (from < to && q->buf[from] == '\n' && !np_is_blank(q->buf, from + 1,
	    memchr(q->buf + from + 1, '\n', to - from - 1) != NULL ?
	    (size_t)((const char *)memchr(q->buf + from + 1, '\n',
	    to - from - 1) - q->buf) : to))
		from++;
	if (tokenize(q, from, to, 1) != NP_OK)
		return NP_ENOMEM;
	for (lim = 0; lim < q->ntk; lim++)
		if (q->tk[lim].kind == NP_TOK_END ||
		    q->tk[lim].kind == NP_TOK_PARA ||
		    q->tk[lim].kind == NP_TOK_MARK)
			break;
	/* a list's "..." ― Name: a dash, then only a name */
	if (lim >= 2 && dash(q, 0) && np_forward(q, 1, lim, &p) &&
	    p.kind == NP_SPEAKER_NAME && (p.t1 == lim ||
	    punct_is(q, p.t1, ','))) {
		a->have_cue = 1;
		a->adjacent = 1;
		a->cue_s = q->tk[0].s;
		a->cue_e = q->tk[0].e;
		set_np(q, a, &p);
		return NP_OK;
	}
	while (i < lim && i < 2 && q->tk[i].kind == NP_TOK_PUNCT &&
	    !punct_is(q, i, '('))
		i++;
	if (i >= lim)
		return NP_OK;
	/* CUE NP: said Caddell / according to officials */
	if ((cls = cue_at(q, i, lim, &n)) != 0 && cls != 'g') {
		set_cue(q, a, i, n, cls, lim);
		a->adjacent = 1;
		if (np_after_cue(q, i + n, lim, &p))
			set_np(q, a, &p);
		return NP_OK;
	}
	/* NP [adverbs] CUE */
	for (j = i; j < lim && j - i < SUBJECT_GAP; j++) {
		if ((cls = cue_at(q, j, lim, &n)) == 0 || cls == 'g')
			continue;
		if (j == i)
			break;
		k = skip_adverbs_back(q, i, j - 1);
		if (k == SIZE_MAX || k < i)
			break;
		if (np_backward(q, i, k, &p, 0) && descriptor(q, i, p.t0)) {
			set_cue(q, a, j, n, cls, lim);
			a->adjacent = 1;
			set_np(q, a, &p);
		}
		break;
	}
	return NP_OK;
}

/*
 * A quotation that starts a sentence: the sentence before it in the same
 * paragraph (tokens before s0) may hold its speaker ("Smith said
 * Tuesday he was worried.  "We are not ready."").  Only a subject and
 * its cue count here; nothing is adjacent.
 */
static int
earlier(struct np_quotes *q, size_t s0, struct attrib *a)
{
	size_t e = s0, b = 0, c, n, k;
	int cls;
	struct phrase p;

	if (e == 0 || q->tk[e - 1].kind != NP_TOK_END)
		return NP_OK;
	e--;
	for (k = e; k > 0; k--)
		if (q->tk[k - 1].kind != NP_TOK_WORD &&
		    q->tk[k - 1].kind != NP_TOK_PUNCT) {
			b = k;
			break;
		}
	for (c = b; c < e; c++) {
		if ((cls = cue_at(q, c, e, &n)) == 0 || cls == 'g' ||
		    cls == 'a')
			continue;
		if (c == b)
			break;
		k = skip_adverbs_back(q, b, c - 1);
		if (k != SIZE_MAX && k >= b && np_backward(q, b, k, &p, 0) &&
		    p.kind != NP_SPEAKER_NOMINAL) {
			set_cue(q, a, c, n, cls, e);
			set_np(q, a, &p);
		}
		break;
	}
	return NP_OK;
}

/* The first speaker phrase of the sentence tokens [s0, c): its
 * subject, past opening conjunctions and adverbs. */
static int
sentence_subject(const struct np_quotes *q, size_t s0, size_t c,
    struct phrase *p)
{
	size_t k;

	/* an opening phrase: "During a speech in Ohio, Trump said" */
	if (s0 < c && (stop_class(q, s0) == 'c' || (is_stop(q, s0) &&
	    !is_det(q, s0) && !pronoun(q, s0))))
		for (k = s0; k < c && k - s0 < 12; k++)
			if (punct_is(q, k, ',')) {
				s0 = k + 1;
				break;
			}
	for (k = s0; k < c; k++) {
		if (q->tk[k].kind != NP_TOK_WORD)
			continue;
		if ((is_stop(q, k) || stop_class(q, k) == 'c') &&
		    !is_det(q, k) && !pronoun(q, k))
			continue;
		return np_forward(q, k, c, p);
	}
	return 0;
}

/*
 * Reads the sentence before an opening mark (tokens of buf[from, to)):
 * its last cue and the speaker around it.
 */
static int
before(struct np_quotes *q, size_t from, size_t to, struct attrib *a)
{
	size_t s0 = 0, c, n = 0, k, end;
	int cls = 0;
	struct phrase p;

	if (tokenize(q, from, to, 0) != NP_OK)
		return NP_ENOMEM;
	end = q->ntk;
	for (k = end; k > 0; k--)
		if (q->tk[k - 1].kind == NP_TOK_END ||
		    q->tk[k - 1].kind == NP_TOK_PARA ||
		    q->tk[k - 1].kind == NP_TOK_MARK) {
			s0 = k;
			break;
		}
	if (s0 >= end)
		return earlier(q, s0, a);
	for (c = end; c > s0; c--) {
		if (end - c > CUE_REACH)
			return NP_OK;
		if ((cls = cue_at(q, c - 1, end, &n)) != 0)
			break;
	}
	if (c == s0) {
		/* a headline's NAME: "..." */
		if (punct_is(q, end - 1, ':') && end >= 2 &&
		    np_backward(q, s0, end - 2, &p, 0) &&
		    p.kind == NP_SPEAKER_NAME && p.t0 == s0) {
			/* "Trump Addresses Attack:": the longest start of
			 * the run that the article names elsewhere */
			if (p.t1 - p.t0 > 3 && ensure_names(q, q->len) == NP_OK) {
				size_t j;

				for (j = p.t0 + 3; j > p.t0; j--)
					if (np_quotes_surname(q, q->tk[j - 1].s,
					    q->tk[j - 1].e) != NULL) {
						p.t1 = j;
						break;
					}
			}
			a->have_cue = 1;
			a->adjacent = 1;
			a->headline = 1;
			a->cue_s = q->tk[end - 1].s;
			a->cue_e = q->tk[end - 1].e;
			set_np(q, a, &p);
		}
		return NP_OK;
	}
	c--;
	set_cue(q, a, c, n, cls, end);
	a->adjacent = end - (c + n) <= 6 ||
	    (end > 0 && punct_is(q, end - 1, ':'));
	if (cls == 'a') {
		if (np_after_cue(q, c + n, end, &p))
			set_np(q, a, &p);
		return NP_OK;
	}
	if (cls == 'g') {
		/* ..., saying: the subject of the clause */
		if (sentence_subject(q, s0, c, &p))
			set_np(q, a, &p);
		return NP_OK;
	}
	if (c > s0) {
		k = skip_adverbs_back(q, s0, c - 1);
		if (k != SIZE_MAX && k >= s0 && np_backward(q, s0, k, &p, 0) &&
		    (p.kind != NP_SPEAKER_NOMINAL ||
		    find(q, &q->nominals, p.t1 - 1) != NULL)) {
			set_np(q, a, &p);
			return NP_OK;
		}
		/* "Mrs. Clinton shook her head and said" */
		if (sentence_subject(q, s0, c, &p) &&
		    p.kind != NP_SPEAKER_NOMINAL) {
			set_np(q, a, &p);
			return NP_OK;
		}
	}
	/* inverted: said Caddell: "..." */
	if (np_after_cue(q, c + n, end, &p) && p.kind != NP_SPEAKER_PRONOUN)
		set_np(q, a, &p);
	return NP_OK;
}

/* ---- speakers ---- */

/* Index of the last name starting before pos, or SIZE_MAX. */
static size_t
name_before(const struct np_quotes *q, size_t pos)
{
	size_t lo = 0, hi = q->nname;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (q->names[mid].s < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? SIZE_MAX : lo - 1;
}

/* Index of the name that starts at s, or SIZE_MAX. */
static size_t
name_at(const struct np_quotes *q, size_t s)
{
	size_t i = name_before(q, s + 1);

	return i != SIZE_MAX && q->names[i].s == s ? i : SIZE_MAX;
}

/* Gender of a name: its own, else for a one-word name what its
 * surname's mentions say. */
static char
name_gender(const struct np_name *nm,
    const struct np_surname *sl)
{
	if (nm->gender)
		return nm->gender;
	/* a full name of unknown gender may be another person of the
	 * surname (Rita Okafor beside Tom Okafor) */
	if (sl == NULL || nm->ntok >= 2)
		return 0;
	if (sl->m != SIZE_MAX && sl->f == SIZE_MAX)
		return 'm';
	if (sl->f != SIZE_MAX && sl->m == SIZE_MAX)
		return 'f';
	return 0;
}

/*
 * The fullest form of the name buf[s, e) (its last word looked up among
 * the document's names; gender picks Mr. from Mrs. Clinton).  Stores the
 * span in *os and *oe.
 */
static void
fullest(struct np_quotes *q, size_t s, size_t e, char gender, size_t *os,
    size_t *oe)
{
	size_t ls = e, idx;
	const struct np_surname *sl;
	const struct np_name *best;
	int words = 1;

	*os = s;
	*oe = e;
	while (ls > s && q->buf[ls - 1] != ' ')
		ls--;
	for (idx = s; idx < e; idx++)
		if (q->buf[idx] == ' ')
			words++;
	if ((sl = np_quotes_surname(q, ls, e)) == NULL)
		return;
	idx = gender == 'm' && sl->m != SIZE_MAX ? sl->m :
	    gender == 'f' && sl->f != SIZE_MAX ? sl->f : sl->any;
	best = &q->names[idx];
	if (best->ntok <= words)
		return;
	if (words >= 2) {
		size_t fe = s;

		while (fe < e && q->buf[fe] != ' ')
			fe++;
		if (best->first_e - best->s != fe - s ||
		    memcmp(q->buf + s, q->buf + best->s, fe - s) != 0)
			return;
	}
	*os = best->s;
	*oe = best->e;
}

/*
 * True when a one-word name is written in lower case nearby too
 * ("Phone video shows..." and "...on his phone"): a common word that
 * opened a sentence, not a name.  Looks 16 KB around it; the answer is
 * kept in the name.
 */
static int
common_word(struct np_quotes *q, struct np_name *nm)
{
	char w[32];
	size_t n = nm->e - nm->s, k, lo, hi;
	const char *p, *end;

	if (nm->common_known)
		return nm->common;
	nm->common_known = 1;
	if (nm->ntok != 1 || n < 2 || n >= sizeof w)
		return 0;
	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)q->buf[nm->s + k];

		if (c >= 0x80)
			return 0;
		w[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	lo = nm->s > 16384 ? nm->s - 16384 : 0;
	hi = nm->e + 16384 < q->len ? nm->e + 16384 : q->len;
	p = q->buf + lo;
	end = q->buf + hi;
	while (p + n <= end && (p = memchr(p, w[0], (size_t)(end - p) -
	    n + 1)) != NULL) {
		size_t at = (size_t)(p - q->buf);
		unsigned char a = at > 0 ? (unsigned char)q->buf[at - 1] : ' ';
		unsigned char z = at + n < q->len ?
		    (unsigned char)q->buf[at + n] : ' ';

		if (memcmp(p, w, n) == 0 &&
		    !((a | 0x20) >= 'a' && (a | 0x20) <= 'z') &&
		    !((z | 0x20) >= 'a' && (z | 0x20) <= 'z') && a < 0x80) {
			nm->common = 1;
			break;
		}
		p++;
	}
	return nm->common;
}

/*
 * True when a name without a title or given name cannot be a he or a
 * she: a place or a sentence-opening word (quotes-nonperson.tsv), a
 * single letter ("Y."), or one word ending in -ly or -ing ("Speaking").
 */
static int
not_person(const struct np_quotes *q, const struct np_name *nm)
{
	const char *b = q->buf + nm->s;
	size_t n = nm->e - nm->s;

	if (n <= 2 || np_qlex_find(&q->nonperson, b, n) != NULL)
		return 1;
	if (nm->ntok != 1)
		return 0;
	return (n > 4 && b[n - 2] == 'l' && b[n - 1] == 'y') ||
	    (n > 5 && b[n - 3] == 'i' && b[n - 2] == 'n' && b[n - 1] == 'g');
}

/*
 * True when a one-word name with no title or given name is met only at
 * sentence starts: no longer name ends with it and, 16 KB around it, it
 * never follows a lower-case word or a comma ("Debates over ..." is a
 * common word, "... said Okafor" is a name).  Kept in the name.
 */
static int
lone_word(struct np_quotes *q, struct np_name *nm)
{
	const struct np_surname *sl;
	size_t n = nm->e - nm->s, lo, hi;
	const char *p, *end, *w = q->buf + nm->s;

	if (nm->lone_known)
		return nm->lone;
	nm->lone_known = 1;
	if (nm->ntok != 1 || nm->person || nm->source || n < 2)
		return 0;
	sl = np_quotes_surname(q, nm->last_s, nm->last_e);
	if (sl != NULL && (sl->person || q->names[sl->any].ntok >= 2))
		return 0;
	lo = nm->s > 16384 ? nm->s - 16384 : 0;
	hi = nm->e + 16384 < q->len ? nm->e + 16384 : q->len;
	p = q->buf + lo;
	end = q->buf + hi;
	while (p + n <= end && (p = memchr(p, w[0], (size_t)(end - p) -
	    n + 1)) != NULL) {
		size_t at = (size_t)(p - q->buf);

		if (at >= 2 && memcmp(p, w, n) == 0 && q->buf[at - 1] == ' ' &&
		    ((q->buf[at - 2] >= 'a' && q->buf[at - 2] <= 'z') ||
		    q->buf[at - 2] == ','))
			return 0;
		p++;
	}
	nm->lone = 1;
	return 1;
}

/*
 * Resolves a pronoun at pos of the given gender to an earlier name:
 * the nearest fitting source (a name followed by a cue or already a
 * speaker) or sentence subject, else the nearest fitting person.  A name
 * is a person when a title or given name says so, when it has two words
 * and no organisation word, or when it is a source or subject.  Returns
 * a name index or SIZE_MAX.
 */
static size_t
resolve(struct np_quotes *q, size_t pos, char gender)
{
	size_t i = name_before(q, pos), seen = 0, nearest = SIZE_MAX;

	for (; i != SIZE_MAX && seen < 400; i = i == 0 ? SIZE_MAX : i - 1,
	    seen++) {
		struct np_name *nm = &q->names[i];

		const struct np_surname *sl;
		int person;
		char g;

		if (nm->inquote || nm->possessive)
			continue;
		if ((gender == 'm' || gender == 'f') && !nm->person &&
		    (not_person(q, nm) || lone_word(q, nm)))
			continue;
		sl = np_quotes_surname(q, nm->last_s, nm->last_e);
		person = !np_quotes_is_org(q, nm) && (nm->person ||
		    (sl != NULL && sl->person) || nm->ntok >= 2 ||
		    ((nm->source || nm->subject) && !common_word(q, nm)));
		g = name_gender(nm, sl);
		if (gender == 'm' || gender == 'f') {
			if (!person || (g != 0 && g != gender))
				continue;
		} else if (person)
			continue;
		if (nm->source || nm->subject)
			return i;
		if (nearest == SIZE_MAX)
			nearest = i;
	}
	return nearest;
}

/* Number of newlines in buf[s, e), stopping once it exceeds max. */
static int
newlines(const char *buf, size_t s, size_t e, int max)
{
	int n = 0;

	for (; s < e && n <= max; s++)
		if (buf[s] == '\n')
			n++;
	return n;
}

/*
 * Collects the document's names the first time they are needed (a
 * pronoun to resolve, a one-word name to complete), and marks the
 * speakers of the records so far as sources.
 */
static int
ensure_names(struct np_quotes *q, size_t upto)
{
	size_t k, i, first = q->nname, before = q->names_upto;
	int r;

	if (upto <= q->names_upto)
		return NP_OK;
	q->names_upto = upto;
	if ((r = np_quotes_collect_names(q, upto)) != NP_OK)
		return r;
	if (first == q->nname)
		return NP_OK;
	/*
	 * New names all start at or after `before`, so a record whose
	 * mention ends by then can never name one of them: skip the leading
	 * run of such records for good, which keeps this linear in the
	 * document (records come in document order).
	 */
	while (q->names_rec < q->nrec && (q->recs[q->names_rec].kind != NP_SPEAKER_NAME ||
	    q->recs[q->names_rec].mention.end == NP_NOSPAN ||
	    q->recs[q->names_rec].mention.end <= before))
		q->names_rec++;
	for (k = q->names_rec; k < q->nrec; k++) {
		const struct np_quote *pr = &q->recs[k];

		if (pr->kind != NP_SPEAKER_NAME || pr->mention.end == NP_NOSPAN)
			continue;
		i = name_before(q, pr->mention.end);
		if (i != SIZE_MAX && i >= first &&
		    q->names[i].s >= pr->mention.start)
			q->names[i].source = 1;
	}
	return NP_OK;
}

/* Appends a record; its strings point into the document (or are ""). */
static int
add_record(struct np_quotes *q, const struct np_qcand *c,
    enum np_speaker_kind kind, const char *spk, size_t spklen, size_t ms, size_t me, const char *cue,
    size_t cuelen, size_t cs, size_t ce)
{
	struct np_quote *r;

	if (np_grow(&q->recs, &q->caprec, q->nrec, sizeof *q->recs, 32) != NP_OK)
		return NP_ENOMEM;
	r = &q->recs[q->nrec];
	memset(r, 0, sizeof *r);
	r->content = c->content;
	r->open = c->open;
	r->close = c->close;
	r->multipara = c->multipara;
	r->kind = kind;
	r->speaker = spk;
	r->speaker_len = spklen;
	r->mention.start = ms;
	r->mention.end = me;
	r->cue = cue;
	r->cue_len = cuelen;
	r->cue_span.start = cs;
	r->cue_span.end = ce;
	q->nrec++;
	return NP_OK;
}

/* Number of white-space separated words in buf[s, e). */
static size_t
count_words(const char *buf, size_t s, size_t e)
{
	size_t n = 0;
	int in = 0;

	for (; s < e; s++) {
		unsigned char c = (unsigned char)buf[s];
		int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* True for a preposition that titles leave in lower case although it
 * has four letters or more ("This Week with George Stephanopoulos"). */
static int
small_word(const char *w, size_t n)
{
	static const char *const small[] = { "with", "from", "into", "over",
	    "upon", "onto", "about", "than" };
	size_t k;

	for (k = 0; k < sizeof small / sizeof small[0]; k++)
		if (strlen(small[k]) == n && memcmp(w, small[k], n) == 0)
			return 1;
	return 0;
}

/*
 * True when buf[s, e) reads as a name of a thing: two or more words,
 * every word of four or more letters capitalised but for small_word()s,
 * no sentence end at its end ("Those Guys Have All the Fun", "Fox and
 * Friends").
 */
static int
title_case(const char *buf, size_t s, size_t e)
{
	size_t words = 0, i = s;

	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == ',' ||
	    buf[e - 1] == '.'))
		e--;
	if (e > s && (buf[e - 1] == '?' || buf[e - 1] == '!'))
		return 0;
	while (i < e) {
		size_t w = i, letters = 0;

		while (i < e && buf[i] != ' ' && buf[i] != '\n')
			i++;
		words++;
		for (size_t k = w; k < i; k++)
			if ((buf[k] >= 'a' && buf[k] <= 'z') ||
			    (buf[k] >= 'A' && buf[k] <= 'Z'))
				letters++;
		if (letters >= 4 && buf[w] >= 'a' && buf[w] <= 'z' &&
		    !small_word(buf + w, i - w))
			return 0;
		while (i < e && (buf[i] == ' ' || buf[i] == '\n'))
			i++;
	}
	return words >= 2 && words <= 8;
}

/* Length of the word that ends at buf[e) (ASCII letters only). */
static size_t
word_back(const char *buf, size_t lo, size_t e)
{
	size_t w = e;

	while (w > lo && ((buf[w - 1] | 0x20) >= 'a' && (buf[w - 1] | 0x20) <=
	    'z'))
		w--;
	return e - w;
}

/*
 * True when the quotation opening at open is the object of a
 * preposition, follows a possessive or names a kind of work ("the
 * broadcast of "Fox News Sunday"", "ABC's "This Week"", "his book,
 * "Title""): with a title-case content it names a show, book or song
 * even when a speaker follows.
 */
static int
after_preposition(const char *buf, size_t open)
{
	static const char *const preps[] = { "of", "on", "in", "at", "from",
	    "to", "by", "for", "with", "about", "titled", "called", "named",
	    "dubbed", "book", "song", "anthem", "film", "movie", "show",
	    "album", "novel", "memoir", "play", "series", "program",
	    "documentary", "column", "essay", "headline" };
	size_t e = open, n, k;

	if (e == 0 || buf[e - 1] != ' ')
		return 0;
	e--;
	/* a possessive: on ABC's "This Week" */
	if ((e >= 3 && buf[e - 1] == 's' && buf[e - 2] == '\'') ||
	    (e >= 5 && buf[e - 1] == 's' && memcmp(buf + e - 4,
	    "\xe2\x80\x99", 3) == 0))
		return 1;
	if (e > 0 && buf[e - 1] == ',')	/* his book, "Title" */
		e--;
	if ((n = word_back(buf, 0, e)) == 0)
		return 0;
	for (k = 0; k < sizeof preps / sizeof preps[0]; k++)
		if (strlen(preps[k]) == n &&
		    memcmp(buf + e - n, preps[k], n) == 0)
			return 1;
	return 0;
}

/*
 * True when a one-word quotation stands between two capitalised words
 * (Marcia "Cia" Price, Dwayne "The Rock" Johnson is two words and not
 * caught): a nickname inside a name, not a quotation.
 */
static int
nickname(const char *buf, size_t len, const struct np_qcand *c)
{
	size_t s = c->content.start, e = c->content.end, o = c->open.start;
	size_t z = c->close.end, n;

	if (c->close.end == NP_NOSPAN || e <= s || memchr(buf + s, ' ',
	    e - s) != NULL || !(buf[s] >= 'A' && buf[s] <= 'Z'))
		return 0;
	if (o < 3 || buf[o - 1] != ' ' || (n = word_back(buf, 0, o - 1)) <
	    2 || !(buf[o - 1 - n] >= 'A' && buf[o - 1 - n] <= 'Z'))
		return 0;
	return z + 2 < len && buf[z] == ' ' && buf[z + 1] >= 'A' &&
	    buf[z + 1] <= 'Z' && buf[z + 2] >= 'a' && buf[z + 2] <= 'z';
}

/* True when buf[s, e) ends with a full stop (then what follows the
 * closing mark is a new sentence). */
static int
ends_sentence(const char *buf, size_t s, size_t e)
{
	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\n'))
		e--;
	return e > s && buf[e - 1] == '.';
}

/* True when buf[s, e) starts with a capital and ends a sentence. */
static int
full_sentence(const char *buf, size_t s, size_t e)
{
	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == ','))
		e--;
	return e > s && (buf[s] >= 'A' && buf[s] <= 'Z') &&
	    (buf[e - 1] == '.' || buf[e - 1] == '?' || buf[e - 1] == '!');
}

/* True when the quotation follows the previous one in its paragraph
 * ("...," Clinton said. "Don't believe it."). */
static int
follows_quote(const struct np_quotes *q, const struct np_qcand *c)
{
	const struct np_quote *pr;
	size_t k;

	if (q->nrec == 0)
		return 0;
	pr = &q->recs[q->nrec - 1];
	if (pr->close.end == NP_NOSPAN || pr->close.end > c->open.start ||
	    c->open.start - pr->close.end > 300)
		return 0;
	for (k = pr->close.end; k < c->open.start; k++)
		if (q->buf[k] == '\n')
			return 0;
	return 1;
}

/* Start of the line holding pos. */
static size_t
line_start(const char *buf, size_t pos)
{
	while (pos > 0 && buf[pos - 1] != '\n')
		pos--;
	return pos;
}


/*
 * The window before a quotation's opening mark: back to the previous
 * quotation's close in the same line, else the line start; a quotation
 * that opens its paragraph reads the previous paragraph when it ends
 * with a colon.
 */
static void
before_window(struct np_quotes *q, size_t k, size_t *ws, size_t *we)
{
	const struct np_qcand *c = &q->cands.v[k];
	size_t os = c->open.start, lo = os > BEFORE ? os - BEFORE : 0, ls, p;
	int ends = 0;

	/* the line start, but no further back than the window can reach
	 * (a long line with many quotations is not rescanned for each) nor
	 * than the last two sentences */
	for (ls = os; ls > lo && q->buf[ls - 1] != '\n'; ls--)
		if (ls >= 2 && q->buf[ls - 1] == ' ' && (q->buf[ls - 2] == '.' ||
		    q->buf[ls - 2] == '?' || q->buf[ls - 2] == '!') &&
		    ++ends == 2)
			break;
	*we = os;
	*ws = ls;
	if (k > 0) {
		const struct np_qcand *pc = &q->cands.v[k - 1];
		size_t pe = pc->close.end != NP_NOSPAN ? pc->close.end :
		    pc->content.end;

		if (pe > *ws)
			*ws = pe;
	}
	if (*we - *ws > BEFORE)
		*ws = *we - BEFORE;
	/* only blanks between the line start and the mark? */
	for (p = os; p > 0 && (q->buf[p - 1] == ' ' || q->buf[p - 1] == '\t'); p--)
		;
	if (p > 0 && q->buf[p - 1] != '\n')
		return;
	/* the quotation opens its line (p): previous non-blank line */
	while (p > 0) {
		size_t e = p - 1, s;

		while (e > 0 && (q->buf[e - 1] == '\r' || q->buf[e - 1] == ' '))
			e--;
		s = line_start(q->buf, e);
		if (e > s) {
			const char *b = q->buf;
			size_t t = e;

			while (t > s && (b[t - 1] == ' ' || b[t - 1] == '\t'))
				t--;
			if (t > s && (b[t - 1] == ':' || b[t - 1] == ',')) {
				*ws = e - s > BEFORE ? e - BEFORE : s;
				*we = t;
			}
			return;
		}
		p = s;
		if (p == 0)
			break;
	}
}

/* Attributes quotation k and appends its record when it is kept. */
static int
attribute(struct np_quotes *q, size_t k)
{
	const struct np_qcand *c = &q->cands.v[k];
	struct attrib a, b;
	const struct attrib *use = NULL;
	size_t to, ws, we, words, ce;
	int r;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	ce = c->close.end != NP_NOSPAN ? c->close.end : c->content.end;
	to = ce + WINDOW < q->len ? ce + WINDOW : q->len;
	if (k + 1 < q->cands.n && q->cands.v[k + 1].open.start < to)
		to = q->cands.v[k + 1].open.start;
	if ((r = after(q, ce, to, &a)) != NP_OK)
		return r;
	before_window(q, k, &ws, &we);
	if ((r = before(q, ws, we, &b)) != NP_OK)
		return r;
	if (a.have_cue && a.have_np && !(b.have_cue && b.have_np &&
	    b.adjacent && ends_sentence(q->buf, c->content.start,
	    c->content.end)))
		use = &a;
	else if (b.have_cue && b.have_np)
		use = &b;
	else if (a.have_cue)
		use = &a;
	else if (b.have_cue && b.adjacent)
		use = &b;
	words = count_words(q->buf, c->content.start, c->content.end);
	if (title_case(q->buf, c->content.start, c->content.end) &&
	    ((!(a.have_cue && a.adjacent && a.have_np) && !b.headline) ||
	    after_preposition(q->buf, c->open.start)))
		return NP_OK;
	if (nickname(q->buf, q->len, c))
		return NP_OK;
	if (words < q->min_words && !((a.have_cue && a.adjacent) ||
	    (b.have_cue && b.adjacent)) && !(words >= 2 &&
	    full_sentence(q->buf, c->content.start, c->content.end) &&
	    follows_quote(q, c)))
		return NP_OK;
	{
		const char *spk = "", *cue = "";
		size_t spklen = 0, ms = NP_NOSPAN, me = NP_NOSPAN;
		size_t cs = NP_NOSPAN, cend = NP_NOSPAN, cuelen = 0;
		enum np_speaker_kind kind = NP_SPEAKER_NONE;

		if (use != NULL) {
			cue = q->buf + use->cue_s;
			cs = use->cue_s;
			cend = use->cue_e;
			cuelen = cend - cs;
		}
		if (use != NULL && use->have_np) {
			size_t s = use->np_s, e = use->np_e, ni;

			ms = use->np_s;
			me = use->np_e;
			kind = use->kind;
			if (kind == NP_SPEAKER_NAME) {
				/* a one-word name maps to the fullest form */
				s = use->name_s;
				e = use->name_e;
				if (memchr(q->buf + use->name_s, ' ',
				    use->name_e - use->name_s) == NULL) {
					/* the full form may follow soon
					 * (a headline's "Lee:") */
					if ((r = ensure_names(q, c->content.end +
					    2000 < q->len ? c->content.end +
					    2000 : q->len)) != NP_OK)
						return r;
					fullest(q, use->name_s, use->name_e,
					    use->gender, &s, &e);
				}
				if ((ni = name_at(q,
				    use->name_s)) != SIZE_MAX)
					q->names[ni].source = 1;
			} else if (kind == NP_SPEAKER_PRONOUN) {
				if ((r = ensure_names(q, use->np_s)) != NP_OK)
					return r;
				ni = resolve(q, use->np_s, use->gender);
				if (ni == SIZE_MAX && use->gender == 'p' &&
				    q->nrec > 0 && q->recs[q->nrec - 1].kind ==
				    NP_SPEAKER_NOMINAL) {
					const struct np_quote *pr =
					    &q->recs[q->nrec - 1];

					spk = pr->speaker;
					spklen = pr->speaker_len;
					s = e = 0;
				} else if (ni == SIZE_MAX) {
					s = e = 0;
					kind = NP_SPEAKER_NONE;
				} else {
					const struct np_name *nm = &q->names[ni];

					fullest(q, nm->s, nm->e, nm->gender,
					    &s, &e);
				}
			}
			if (e > s) {
				spk = q->buf + s;
				spklen = e - s;
			}
		} else if (q->nrec > 0) {
			/* no speaker of its own: continue the previous one */
			const struct np_quote *pr = &q->recs[q->nrec - 1];
			size_t pe = pr->close.end != NP_NOSPAN ?
			    pr->close.end : pr->content.end;

			if (pr->speaker_len > 0 &&
			    newlines(q->buf, pe, c->open.start, 4) <= 4) {
				spk = pr->speaker;
				spklen = pr->speaker_len;
				kind = pr->kind;
				ms = pr->mention.start;
				me = pr->mention.end;
				if (use == NULL) {
					cue = pr->cue;
					cuelen = pr->cue_len;
					cs = pr->cue_span.start;
					cend = pr->cue_span.end;
				}
			}
		}
		return add_record(q, c, kind, spk, spklen, ms, me, cue,
		    cuelen, cs, cend);
	}
}

int
np_quotes_scan(struct np_quotes *q, const char *buf, size_t len,
    const struct np_quote **out, size_t *n)
{
	size_t k;
	int r;

	q->buf = buf;
	q->len = len;
	q->cands.n = 0;
	q->nrec = 0;
	np_quotes_reset_names(q);
	q->names_upto = 0;
	q->names_rec = 0;
	*out = NULL;
	*n = 0;
	if ((r = np_quotes_find_marks(buf, len, &q->cands)) != NP_OK)
		return r;
	for (k = 0; k < q->cands.n; k++)
		if ((r = attribute(q, k)) != NP_OK)
			return r;
	*out = q->recs;
	*n = q->nrec;
	return NP_OK;
}
