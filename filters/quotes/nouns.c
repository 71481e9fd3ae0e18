/*
 * nouns.c - common nouns of a language that capitalises them (German):
 * a capitalised word is a noun, not a name, when a determiner or a
 * contracted preposition stands before it, alone or with adjectives
 * ("der Arzt", "zur Rede", "ein berühmter Arzt", "über sein unwürdiges
 * Treiben").  Such a noun may speak only when it names a person or a
 * speaking body or text (quotes-nouns-LANG.tsv class p; a compound or a feminine
 * in -in of one, a case form with -s, -es, -n, -en).  Reads the buffer
 * only, so that the speaker phrases (token windows) and the name table
 * (a pass over the document) share it.
 */
#include <string.h>

#include "newsprep/utf8.h"
#include "quotes_priv.h"

#define ADJ_MAX 3		/* adjectives between a determiner and its noun */

/* True when the document's language has a noun lexicon. */
int
np_q_nouns_on(const struct np_quotes *q)
{
	return q->lang > 0 && q->nouns[q->lang].lx != NULL;
}

/* The class-letter entry of w[0, n) in the noun lexicon, or NULL. */
static const struct np_lexentry *
noun_entry(const struct np_quotes *q, const char *w, size_t n, char cls)
{
	const struct np_lexentry *e;

	if (n == 0)
		return NULL;
	e = np_qlex_find(&q->nouns[q->lang], w, n);
	return e != NULL && e->valuelen > 0 && e->value[0] == cls ? e : NULL;
}

const struct np_lexentry *
np_q_noun_det(const struct np_quotes *q, const char *w, size_t n)
{
	if (!np_q_nouns_on(q))
		return NULL;
	return noun_entry(q, w, n, 'd');
}

/* Gender of a person entry ('m', 'f', '-'); *org 1 for a body, 2 for a
 * text. */
static char
entry_gender(const struct np_lexentry *e, int *org)
{
	*org = e->valuelen < 5 ? 0 : e->value[4] == 'o' ? 1 :
	    e->value[4] == 'w' ? 2 : 0;
	return e->valuelen >= 3 ? e->value[2] : '-';
}

/* The person entry for w[0, n) as written or with a case ending off
 * (Arztes, Pfarrers, Korrespondenten, Herrn). */
static const struct np_lexentry *
person_form(const struct np_quotes *q, const char *w, size_t n)
{
	const struct np_lexentry *e;

	if ((e = noun_entry(q, w, n, 'p')) != NULL)
		return e;
	if (n > 4 && w[n - 1] == 's' && (e = noun_entry(q, w, n - 1, 'p')) != NULL)
		return e;
	if (n > 4 && w[n - 1] == 'n' && (e = noun_entry(q, w, n - 1, 'p')) != NULL)
		return e;
	if (n > 5 && w[n - 2] == 'e' && (w[n - 1] == 's' || w[n - 1] == 'n') &&
	    (e = noun_entry(q, w, n - 2, 'p')) != NULL)
		return e;
	return NULL;
}

char
np_q_person_noun(const struct np_quotes *q, const char *w, size_t n, int *org)
{
	const struct np_lexentry *e;
	size_t k;

	*org = 0;
	if (!np_q_nouns_on(q) || n < 3)
		return 0;
	if ((e = person_form(q, w, n)) != NULL)
		return entry_gender(e, org);
	/* a feminine of a person noun: Sängerin, Lehrerinnen */
	if (n > 5 && memcmp(w + n - 2, "in", 2) == 0 &&
	    person_form(q, w, n - 2) != NULL)
		return 'f';
	if (n > 8 && memcmp(w + n - 5, "innen", 5) == 0 &&
	    person_form(q, w, n - 5) != NULL)
		return '-';
	/* a compound ending in one: Kammerdiener, Universitätsprofessor
	 * (the head at a character boundary, four bytes or more) */
	for (k = 3; k + 4 <= n; k++) {
		if (((unsigned char)w[k] & 0xC0) == 0x80)
			continue;
		if ((e = person_form(q, w + k, n - k)) != NULL)
			return entry_gender(e, org);
	}
	return 0;
}

/* Start of the word that ends at e in buf (letters of any script), or e
 * when none does. */
static size_t
word_start(const char *buf, size_t e)
{
	size_t s = e, st;

	while (s > 0) {
		int32_t c = np_utf8_decode_before(buf, s, &st);

		if (!np_cp_is_letter(c))
			break;
		s = st;
	}
	return s;
}

const struct np_lexentry *
np_q_noun_after(const struct np_quotes *q, size_t pos)
{
	const char *b = q->buf;
	size_t e = pos, s, k;
	int adj = 0;

	if (!np_q_nouns_on(q))
		return NULL;
	for (;;) {
		const struct np_lexentry *d;
		size_t st;
		int32_t c;

		k = e;
		while (k > 0 && b[k - 1] == ' ')
			k--;
		if (k == e)
			return NULL;
		if (adj > 0 && k > 0 && b[k - 1] == ',') {
			/* "der häßliche, dicke, rothe ..." */
			k--;
			while (k > 0 && b[k - 1] == ' ')
				k--;
		}
		s = word_start(b, k);
		if (s == k || k - s > 40)
			return NULL;
		if (s > 0 && b[s - 1] != ' ' && b[s - 1] != '\n' &&
		    b[s - 1] != '(' && b[s - 1] != '\t')
			return NULL;
		if ((d = noun_entry(q, b + s, k - s, 'd')) != NULL)
			return d;
		/* an adjective: a lower-case word with an adjective's ending */
		c = np_utf8_decode_before(b, k, &st);
		if (adj >= ADJ_MAX || np_cp_is_upper(np_utf8_decode(b + s,
		    k - s, &st)) || (c != 'e' && c != 'n' && c != 'r' &&
		    c != 's' && c != 'm'))
			return NULL;
		adj++;
		e = s;
	}
}

/* True when the words of buf[s, e) (one to three) all start with a
 * capital: a name ("Globe", "Kreuzzeitung"). */
static int
capital_words(const char *buf, size_t s, size_t e)
{
	size_t words = 0, adv;

	while (s < e) {
		while (s < e && buf[s] == ' ')
			s++;
		if (s >= e)
			break;
		if (!np_cp_is_upper(np_utf8_decode(buf + s, e - s, &adv)))
			return 0;
		words++;
		while (s < e && buf[s] != ' ')
			s++;
	}
	return words >= 1 && words <= 3;
}

int
np_q_work_title(const struct np_quotes *q, const struct np_qcand *c)
{
	const char *b = q->buf;
	size_t e = c->open.start, s, k;

	if (!np_q_nouns_on(q))
		return 0;
	while (e > 0 && (b[e - 1] == ' ' || b[e - 1] == ':'))
		e--;
	s = word_start(b, e);
	if (s == e)
		return 0;
	/* "der „Globe“", "Weiter sagt die „Kreuzzeitung“" */
	if (noun_entry(q, b + s, e - s, 'd') != NULL &&
	    capital_words(b, c->content.start, c->content.end))
		return 1;
	{
		size_t adv;

		if (!np_cp_is_upper(np_utf8_decode(b + s, e - s, &adv)))
			return 0;
	}
	/* "die Operette", "eins seiner Hauptwerke" */
	for (k = s; k + 4 <= e; k++)
		if ((((unsigned char)b[k] & 0xC0) != 0x80) &&
		    noun_entry(q, b + k, e - k, 't') != NULL)
			return 1;
	return 0;
}

int
np_q_title_phrase(const struct np_quotes *q, const struct np_qcand *c)
{
	const char *b = q->buf;
	size_t s = c->content.start, e = s, adv;

	if (!np_q_nouns_on(q) || s >= c->content.end ||
	    !np_cp_is_upper(np_utf8_decode(b + s, c->content.end - s, &adv)))
		return 0;
	while (e < c->content.end && b[e] != ' ')
		e++;
	return noun_entry(q, b + s, e - s, 'd') != NULL &&
	    np_q_count_words(b, c->content.start, c->content.end) <= 5;
}
