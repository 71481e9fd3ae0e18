/*
 * keep.c - which quotations are kept: word counts, title-case names of
 * things ("Fox and Friends"), nicknames inside names, sentence tests
 * used by attribution to drop scare quotes.
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/utf8.h"
#include "quotes_priv.h"

/* Number of white-space separated words in buf[s, e). */
size_t
np_q_count_words(const char *buf, size_t s, size_t e)
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
	    "upon", "onto", "about", "than", "\xc3\xbc" "ber", "unter", "nach",
	    "durch", "gegen", "avec", "pour", "dans", "sous", "para", "sobre",
	    "entre", "desde", "della", "dalla", "nella", "voor", "naar" };
	size_t k;

	for (k = 0; k < sizeof small / sizeof small[0]; k++)
		if (small[k][0] == w[0] && strlen(small[k]) == n &&
		    memcmp(w, small[k], n) == 0)
			return 1;
	return 0;
}

/*
 * True when buf[s, e) reads as a name of a thing: two or more words (with
 * "I", two more capitalised: "Neither do I." is a sentence),
 * every word of four or more letters capitalised but for small_word()s,
 * no sentence end at its end ("Those Guys Have All the Fun", "Fox and
 * Friends").
 */
int
np_q_title_case(const char *buf, size_t s, size_t e)
{
	size_t words = 0, caps = 0, i = s;
	int pron = 0;

	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == ',' ||
	    buf[e - 1] == '.'))
		e--;
	if (e > s && (buf[e - 1] == '?' || buf[e - 1] == '!'))
		return 0;
	while (i < e) {
		size_t w = i, letters = 0, adv;
		int32_t first = 0;

		while (i < e && buf[i] != ' ' && buf[i] != '\n') {
			int32_t c = np_utf8_decode(buf + i, e - i, &adv);

			if (np_cp_is_letter(c)) {
				if (letters == 0)
					first = c;
				letters++;
			}
			i += adv > 0 ? adv : 1;
		}
		words++;
		if (letters == 1 && first == 'I')
			pron = 1;
		else if (np_cp_is_upper(first))
			caps++;
		/* a lower-case word of four letters or more (any script) */
		if (letters >= 4 && np_cp_is_lower(first) &&
		    np_cp_is_letter(np_utf8_decode(buf + w, i - w, &adv)) &&
		    !small_word(buf + w, i - w))
			return 0;
		while (i < e && (buf[i] == ' ' || buf[i] == '\n'))
			i++;
	}
	return words >= 2 && words <= 8 && !(pron && caps < 2);
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
int
np_q_after_preposition(const char *buf, size_t open)
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
		if (preps[k][0] == buf[e - n] && strlen(preps[k]) == n &&
		    memcmp(buf + e - n, preps[k], n) == 0)
			return 1;
	return 0;
}

/*
 * True when a one-word quotation stands between two capitalised words
 * (Marcia "Cia" Price, Dwayne "The Rock" Johnson is two words and not
 * caught): a nickname inside a name, not a quotation.
 */
int
np_q_nickname(const char *buf, size_t len, const struct np_qcand *c)
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
int
np_q_ends_sentence(const char *buf, size_t s, size_t e)
{
	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\n'))
		e--;
	return e > s && buf[e - 1] == '.';
}

/* True when buf[s, e) starts with a capital and ends a sentence. */
int
np_q_full_sentence(const char *buf, size_t s, size_t e)
{
	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == ','))
		e--;
	return e > s && (buf[s] >= 'A' && buf[s] <= 'Z') &&
	    (buf[e - 1] == '.' || buf[e - 1] == '?' || buf[e - 1] == '!');
}

/* True when the quotation follows the previous one in its paragraph
 * ("...," Clinton said. "Don't believe it."). */
int
np_q_follows_quote(const struct np_quotes *q, const struct np_qcand *c)
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
