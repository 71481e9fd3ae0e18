/*
 * lang.c - the language of a document, guessed from the function words
 * of its first 4 KB (the stop lists of strip-boilerplate, one per
 * language).  Only the guessed language's function words and month
 * names then tell capitalised words that are not names ("Und", "Dans",
 * "März"): in English text "Los Angeles", "Van Susteren" and "Richard
 * Sabato" stay names.
 */
#include <string.h>

#include "quotes_priv.h"

const char *const np_q_lang_codes[NP_Q_NLANG] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "uk", "ru"
};

#define SAMPLE 1024		/* bytes of the document looked at */
#define ENOUGH 8		/* hits after which the leader is taken */
#define MIN_HITS 4		/* function words needed to name a language */

/* Byte c is part of a word (a letter, an apostrophe, or UTF-8). */
static int
word_byte(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* Sets o->langs from a list of codes; see quotes.h. */
int
np_quotes_opts_langs(struct np_quotes_opts *o, const char *list)
{
	unsigned m = 0;
	const char *p = list, *e;
	size_t l;

	if (strcmp(list, "all") == 0 || strcmp(list, "auto") == 0) {
		o->langs = 0;
		return NP_OK;
	}
	while (*p != '\0') {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		for (l = 0; l < NP_Q_NLANG; l++)
			if (strlen(np_q_lang_codes[l]) == (size_t)(e - p) &&
			    memcmp(np_q_lang_codes[l], p, (size_t)(e - p)) == 0)
				break;
		if (l == NP_Q_NLANG)
			return NP_EINVAL;
		m |= 1u << l;
		p = *e != '\0' ? e + 1 : e;
	}
	if (m == 0)
		return NP_EINVAL;
	o->langs = m;
	return NP_OK;
}

/*
 * Sets q->lang: the allowed language (q->langs, every one when 0) whose
 * function words are most frequent in the first bytes, the first allowed
 * one when too few are found; with one language allowed, that one.
 */
void
np_q_detect_lang(struct np_quotes *q)
{
	size_t hits[NP_Q_NLANG], i = 0, end, s, l, best;
	const unsigned char *b = (const unsigned char *)q->buf;
	unsigned m = q->langs != 0 ? q->langs : (1u << NP_Q_NLANG) - 1;

	for (best = 0; !(m & 1u << best); best++)
		;
	if ((m & (m - 1)) == 0) {
		q->lang = (int)best;
		return;
	}
	memset(hits, 0, sizeof hits);
	end = q->len < SAMPLE ? q->len : SAMPLE;
	while (i < end) {
		while (i < end && !word_byte(b[i]))
			i++;
		s = i;
		while (i < end && word_byte(b[i]))
			i++;
		if (i - s < 2 || i - s > 8)	/* function words are short */
			continue;
		for (l = 0; l < NP_Q_NLANG; l++)
			if ((m & 1u << l) &&
			    np_qlex_find(&q->langstop[l], q->buf + s, i - s) !=
			    NULL && ++hits[l] >= ENOUGH)
				end = i;	/* clear enough: stop here */
	}
	s = best;
	for (l = best + 1; l < NP_Q_NLANG; l++)
		if ((m & 1u << l) && hits[l] > hits[best])
			best = l;
	q->lang = hits[best] >= MIN_HITS ? (int)best : (int)s;
}

int
np_q_foreign_word(const struct np_quotes *q, const char *s, size_t n)
{
	const struct np_lexentry *e;
	const char *v, *end, *sp, *code;

	if (q->lang <= 0)
		return 0;
	if (np_qlex_find(&q->langstop[q->lang], s, n) != NULL)
		return 1;
	if ((e = np_qlex_find(&q->calendar, s, n)) == NULL)
		return 0;
	/* "3 M de,nl": number, class, languages */
	v = e->value;
	end = v + e->valuelen;
	if ((sp = memchr(v, ' ', (size_t)(end - v))) == NULL || sp + 3 > end ||
	    (sp[1] != 'M' && sp[1] != 'W'))
		return 0;
	code = np_q_lang_codes[q->lang];
	for (v = sp + 3; v + 2 <= end; v++)
		if (v[0] == code[0] && v[1] == code[1] && (v[-1] == ' ' ||
		    v[-1] == ',') && (v + 2 == end || v[2] == ',' ||
		    v[2] == ' '))
			return 1;
	return 0;
}
