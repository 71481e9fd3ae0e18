/*
 * cues.c - what a token of a window is: speech cue (quotes-cues.tsv, up
 * to three words joined by single spaces), pronoun, title, determiner,
 * stop word, a capitalised word that may be part of a name, a dash.
 * Everything here reads q->tk and the lexicons; nothing else.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes_priv.h"

/* Looks token i up in a lexicon (words only). */
const struct np_lexentry *
np_q_find(const struct np_quotes *q, const struct np_qlex *lx, size_t i)
{
	const struct np_tok *t = &q->tk[i];

	if (t->kind != NP_TOK_WORD)
		return NULL;
	return np_qlex_find(lx, q->buf + t->s, t->e - t->s);
}

/* True when token i is the punctuation character c. */
int
np_q_punct_is(const struct np_quotes *q, size_t i, char c)
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
np_q_cue_word(const struct np_quotes *q, const struct np_tok *t)
{
	const struct np_lexentry *e;

	if (q->lang <= 0)	/* English: its stop list has "According" */
		return 0;
	e = np_qlex_find(&q->cues, q->buf + t->s, t->e - t->s);
	return e != NULL && e->valuelen > 0;
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
 * True when the particle of a separable verb (the third field of its
 * entry: "fügte ... hinzu") stands among tokens [i, lim) at the end of
 * a clause: before a comma, colon, full stop, quotation mark or lim.
 */
static int
particle_ends(const struct np_quotes *q, const struct np_lexentry *e,
    size_t i, size_t lim)
{
	const char *v = e->value, *end = e->value + e->valuelen, *pt;
	size_t n, j;

	/* "p de hinzu": the third field */
	if ((pt = memchr(v, ' ', (size_t)(end - v))) == NULL ||
	    (pt = memchr(pt + 1, ' ', (size_t)(end - pt - 1))) == NULL)
		return 0;
	pt++;
	n = (size_t)(end - pt);
	for (j = i; j < lim && j - i < 30; j++) {
		const struct np_tok *t = &q->tk[j];

		if (t->kind == NP_TOK_END || t->kind == NP_TOK_PARA)
			return 0;
		if (t->kind != NP_TOK_WORD || t->e - t->s != n ||
		    memcmp(q->buf + t->s, pt, n) != 0)
			continue;
		if (j + 1 >= lim || q->tk[j + 1].kind != NP_TOK_WORD)
			return 1;
	}
	return 0;
}


/*
 * The cue starting at token i (before lim): tries three, two and one
 * words joined by single spaces.  Returns its class ('v', 't', 'a', 'g')
 * and the number of tokens in *n, or 0.
 */
int
np_q_cue_at(const struct np_quotes *q, size_t i, size_t lim, size_t *n)
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
		if (e->value[0] == 'p' && !particle_ends(q, e, i + k, lim))
			continue;
		*n = k;
		return e->value[0] == 'p' ? 'v' : e->value[0];
	}
	{
		/* "déclare-t-elle", "dit-il": the verb before the clitic */
		size_t st;

		if (np_q_clitic(q, i, &st) && st > q->tk[i].s &&
		    (e = np_qlex_find(&q->cues, q->buf + q->tk[i].s,
		    st - q->tk[i].s)) != NULL && e->valuelen > 0 &&
		    (e->value[0] == 'v' || e->value[0] == 't') &&
		    !q->tk[i].cap) {
			*n = 1;
			return 'v';
		}
	}
	return 0;
}

/* Token i is in quotes-stop.tsv. */
int
np_q_is_stop(const struct np_quotes *q, size_t i)
{
	return np_q_find(q, &q->stop, i) != NULL;
}

/* Token i is a title or rank (quotes-titles.tsv). */
int
np_q_is_title(const struct np_quotes *q, size_t i)
{
	return np_q_find(q, &q->titles, i) != NULL;
}

/* Pronoun gender of token i, or 0 when it is not a pronoun. */
char
np_q_pronoun(const struct np_quotes *q, size_t i)
{
	const struct np_lexentry *e = np_q_find(q, &q->pron, i);
	size_t st;

	if (e != NULL && e->valuelen > 0)
		return e->value[0];
	return q->tk[i].kind == NP_TOK_WORD ? np_q_clitic(q, i, &st) : 0;
}

char
np_q_clitic(const struct np_quotes *q, size_t i, size_t *stem_e)
{
	const struct np_tok *t = &q->tk[i];
	const char *b = q->buf;
	size_t k;

	/* the last hyphen of the word */
	for (k = t->e; k > t->s && b[k - 1] != '-'; k--)
		;
	if (k <= t->s + 1 || t->e - k > 5)
		return 0;
	*stem_e = k - 1;
	/* "a-t-il": the stem ends before "-t" */
	if (k - 1 >= t->s + 3 && b[k - 2] == 't' && b[k - 3] == '-')
		*stem_e = k - 3;
	if (t->e - k == 2 && memcmp(b + k, "il", 2) == 0)
		return 'm';
	if (t->e - k == 4 && memcmp(b + k, "elle", 4) == 0)
		return 'f';
	if ((t->e - k == 3 && memcmp(b + k, "ils", 3) == 0) ||
	    (t->e - k == 5 && memcmp(b + k, "elles", 5) == 0))
		return 'p';
	return 0;
}

/* The class letter of token i in quotes-function.tsv ('d' determiner,
 * 'c' a word that ends a nominal phrase), or 0. */
char
np_q_stop_class(const struct np_quotes *q, size_t i)
{
	const struct np_lexentry *e = np_q_find(q, &q->function, i);

	return e != NULL && e->valuelen > 0 ? e->value[0] : 0;
}

/* Token i is a determiner (a, the, his, one...). */
int
np_q_is_det(const struct np_quotes *q, size_t i)
{
	return np_q_stop_class(q, i) == 'd';
}

/* A capitalised word that may be part of a name. */
int
np_q_namey(const struct np_quotes *q, size_t i)
{
	const struct np_tok *t = &q->tk[i];

	if (t->kind != NP_TOK_WORD || !t->cap)
		return 0;
	if (np_q_is_title(q, i))
		return 1;
	return !np_q_is_stop(q, i) && !np_q_foreign_word(q, q->buf + t->s,
	    t->e - t->s) && !np_q_cue_word(q, t) &&
	    np_q_noun_after(q, t->s) == NULL;
}

/* True when a name run of tokens [a, b) holds more than titles; a word
 * after an honorific is a surname even when it is a title too ("Mr.
 * King", "Ms. Major"). */
int
np_q_has_name(const struct np_quotes *q, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if (!np_q_is_title(q, i))
			return 1;
	return b - a >= 2 && np_q_honorific(q, b - 2);
}

/* Token i is an honorific that only stands before a name (Mr., Mrs.,
 * Ms., Dr.: quotes-titles.tsv entries ending in a full stop). */
int
np_q_honorific(const struct np_quotes *q, size_t i)
{
	const struct np_tok *t = &q->tk[i];

	return t->kind == NP_TOK_WORD && t->e - t->s >= 3 &&
	    q->buf[t->e - 1] == '.' && np_q_is_title(q, i);
}

/* Words that end a nominal phrase read forward (who, that, in, and). */
int
np_q_clause_word(const struct np_quotes *q, size_t i)
{
	return np_q_stop_class(q, i) == 'c';
}

/* Last token index before lim that is not an adverb between a subject and
 * its cue; returns SIZE_MAX when none is left. */
size_t
np_q_skip_adverbs_back(const struct np_quotes *q, size_t lo, size_t j)
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
int
np_q_dash(const struct np_quotes *q, size_t i)
{
	const unsigned char *b = (const unsigned char *)q->buf + q->tk[i].s;
	size_t n = q->tk[i].e - q->tk[i].s;

	if (q->tk[i].kind != NP_TOK_PUNCT)
		return 0;
	return (n == 1 && b[0] == '-') || (n == 3 && b[0] == 0xE2 &&
	    b[1] == 0x80 && (b[2] == 0x93 || b[2] == 0x94 || b[2] == 0x95));
}
