/*
 * fmt_europresse.c - Europresse (Cision, Eureka.cc) exports: the HTML
 * export rendered as text, and the text of its PDF export.
 *
 * Each article ends with a footer: a copyright line ("© 2021 Owner. Tous
 * droits réservés."), the document number ("news·20210309·CV·a0412",
 * alone or after "Numéro de document :"), and a certificate block ("Ce
 * certificat est émis à ... à des fins de visualisation personnelle et
 * temporaire.", "Date d'émission : ...", "Le présent document est
 * protégé ..."), in an order that differs between the HTML and the PDF
 * export.  The certificate lines' openings are data
 * (articles-footers.tsv).
 *
 * Recognise: a document-number line settles the format.  Ends: after the
 * first document number at or after the record's start, then the
 * certificate lines, the repeated number and the blank lines under it;
 * what comes before the first article (the PDF's "Documents sauvegardés"
 * page and summary) joins the first record, a page footer after the
 * last number the last record.
 *
 * Metadata: the article's header line ("Économie, mardi 13 octobre 2020
 * 842 mots, p. 15": section, date, length, page) is the anchor: the line
 * above it names the publication (source); below it, an optional rubric
 * in capitals, the title, an optional standfirst and the author ("Par"
 * dropped); the body runs to the copyright or document-number line.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/lexicon.h"
#include "articles_int.h"

/* Longest document-number line, prefix included. */
#define NUMBER_LINE_MAX 120
/* Longest author line. */
#define AUTHOR_MAX 60

/*
 * True for a trimmed document-number line: its last blank-separated
 * token is a collection of 2..8 lower-case letters, a middle dot, eight
 * digits (the date), a middle dot and a key ("news·20210309·CV·a0412"),
 * and what comes before it (a label, a logo's text) is short.
 */
int
np_art_is_ep_number(const char *b, size_t s, size_t e)
{
	size_t t = e, p, n;

	if (e - s < 16 || e - s > NUMBER_LINE_MAX)
		return 0;
	while (t > s && b[t - 1] != ' ' && b[t - 1] != '\t')
		t--;
	for (p = t; p < e && b[p] >= 'a' && b[p] <= 'z'; p++)
		;
	if (p - t < 2 || p - t > 8 || e - p < 14 ||
	    (unsigned char)b[p] != 0xC2 || (unsigned char)b[p + 1] != 0xB7)
		return 0;
	p += 2;
	n = np_art_digits(b, &p, e);
	return n == 8 && e - p > 2 && (unsigned char)b[p] == 0xC2 &&
	    (unsigned char)b[p + 1] == 0xB7;
}

/* True for a document-number line (a scan's test). */
static int
is_number(struct np_articles *c, size_t s, size_t e)
{
	return np_art_is_ep_number(c->buf, s, e);
}

/* The end of the word at p (letters, any non-ASCII byte, apostrophes). */
static size_t
word_end(const char *b, size_t p, size_t e)
{
	while (p < e && (((b[p] | 0x20) >= 'a' && (b[p] | 0x20) <= 'z') ||
	    (unsigned char)b[p] >= 0x80 || b[p] == '\''))
		p++;
	return p;
}

/* True for a line of the certificate block: its first word or its first
 * two words are in articles-footers.tsv. */
static int
is_footer(struct np_articles *c, const char *b, size_t s, size_t e)
{
	size_t w1 = word_end(b, s, e), w2;

	if (w1 == s)
		return 0;
	if (np_lexicon_find(c->footers, b + s, w1 - s) != NULL)
		return 1;
	if (w1 >= e || b[w1] != ' ')
		return 0;
	w2 = word_end(b, w1 + 1, e);
	return w2 > w1 + 1 && np_lexicon_find(c->footers, b + s, w2 - s) != NULL;
}

/*
 * Europresse: after the first document number at or after `from`, then
 * the footer lines under it (another number, certificate lines and
 * their wrapped continuations, lines with no letter) and blank lines.
 */
static size_t
ep_end(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, s, e, cut = SIZE_MAX;
	int open = 0;		/* a certificate sentence runs on */

	while (np_art_next_text_line(b, c->len, &p, &ln, &s, &e)) {
		if (cut == SIZE_MAX) {
			if (np_art_is_ep_number(b, s, e))
				cut = ln.next;
			continue;
		}
		if (np_art_is_ep_number(b, s, e) || !np_art_has_alnum(b, s, e) || open) {
			open = open && !np_art_ends_sentence(b, s, e);
		} else if (is_footer(c, b, s, e)) {
			open = !np_art_ends_sentence(b, s, e);
		} else {
			break;
		}
		cut = ln.next;
	}
	if (cut == SIZE_MAX)
		return c->len;
	cut = np_art_after_blanks(b, c->len, cut);
	/* the page's footer after the last article joins it */
	return np_art_find_line(c, cut, is_number, &ln) ? cut : c->len;
}

/* Reads the length ("842 mots", "512 words") anywhere on a header line. */
static long
line_words(struct np_articles *c, const char *b, size_t s, size_t e)
{
	size_t p;

	for (p = s; p < e; p++) {
		size_t q = p, n;

		if (b[p] < '0' || b[p] > '9' || (p > s && b[p - 1] != ' '))
			continue;
		n = np_art_digits(b, &q, e);
		if (n == 0 || q >= e || b[q] != ' ')
			continue;
		{
			size_t w = q + 1;
			long v = 0;

			if (np_art_count_word(c, b, &w, e, "words")) {
				for (; p < q; p++)
					v = v * 10 + (b[p] - '0');
				return v;
			}
		}
		p = q;
	}
	return -1;
}

/*
 * Reads a header line: the date at its start or after "Section, ";
 * fills the date, section and length and returns 1, or 0 when the line
 * holds no date there.
 */
static int
header_line(struct np_articles *c, const char *b, size_t s, size_t e,
    struct np_article *a, int fill)
{
	struct np_article t;
	const char *comma = NULL;
	size_t ds = s;

	if (e - s < 8 || e - s > NP_ART_TITLE_MAX || !np_art_has_digit(b, s, e))
		return 0;
	memset(&t, 0, sizeof(t));
	if (!np_art_parse_date(c, b, s, e, &t)) {
		comma = memchr(b + s, ',', e - s);
		if (comma == NULL || (size_t)(comma - b) - s > 40)
			return 0;
		ds = (size_t)(comma - b) + 1;
		np_art_spaces(b, &ds, e);
		if (!np_art_parse_date(c, b, ds, e, &t))
			return 0;
	}
	if (fill) {
		memcpy(a->date, t.date, sizeof(a->date));
		if (ds > s)
			np_art_set_str(c, &a->section, s, (size_t)(comma - b));
		a->words = line_words(c, b, ds, e);
	}
	return 1;
}

/* True when the trimmed line states a page (", p. 15"). */
static int
has_page(const char *b, size_t s, size_t e)
{
	for (; s + 5 <= e; s++)
		if (b[s] == ',' && b[s + 1] == ' ' && b[s + 2] == 'p' && b[s + 3] == '.' &&
		    b[s + 4] == ' ')
			return 1;
	return 0;
}

/*
 * The header line of the record, found before its first document number:
 * the first line with a date that also states a length or a page, else
 * the first line with a date under a short line.  Returns the start of
 * the line above it (the source), or SIZE_MAX.  The walk is not bounded
 * by a count of lines: the PDF's summary page may list many articles
 * above the first one.
 */
static size_t
find_header(struct np_articles *c, size_t from, size_t end, struct np_article *a)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, s, e, ps = 0, pe = 0, pstart = SIZE_MAX, first = SIZE_MAX;

	while (np_art_next_text_line(b, end, &p, &ln, &s, &e)) {
		if (np_art_is_ep_number(b, s, e))
			break;
		if (pstart != SIZE_MAX && pe - ps <= NP_ART_SOURCE_MAX &&
		    header_line(c, b, s, e, a, 0)) {
			if (line_words(c, b, s, e) >= 0 || has_page(b, s, e))
				return pstart;
			if (first == SIZE_MAX)
				first = pstart;
		}
		ps = s;
		pe = e;
		pstart = ln.start;
	}
	return first;
}

/* True for an author line: 2..6 words, the first and the last opening
 * with a capital (or "Par", "By" before them), no digit, not a
 * sentence. */
static int
is_author(const char *b, size_t s, size_t e)
{
	size_t p, last = s;
	int words = 1;

	if (e - s > AUTHOR_MAX || np_art_ends_sentence(b, s, e) || np_art_has_digit(b, s, e) ||
	    !np_art_is_titlish(b, s, e))
		return 0;
	for (p = s; p < e; p++)
		if (b[p] == ' ') {
			words++;
			last = p + 1;
		}
	return words >= 2 && words <= 6 && last < e &&
	    ((b[last] >= 'A' && b[last] <= 'Z') || (unsigned char)b[last] >= 0xC3);
}

/* Europresse metadata, from the header line down. */
static void
meta_europresse(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_art_hline h[NP_ART_HEAD_LINES];
	size_t body, end = a->record.end, p, top;
	struct np_line ln;
	int n, t, j, k, last;

	top = find_header(c, a->record.start, end, a);
	n = top == SIZE_MAX ? 0 : np_art_read_lines(b, top, end, h, NP_ART_HEAD_LINES);
	if (n < 2) {
		np_art_meta_plain(c, a);
		return;
	}
	np_art_set_str(c, &a->source, h[0].s, h[0].e);
	header_line(c, b, h[1].s, h[1].e, a, 1);
	/* a rubric in capitals ("RÉGION", "FESTIVAL") above the title */
	t = 2;
	if (t + 1 < n && !np_art_has_lower(b, h[t].s, h[t].e) &&
	    np_art_has_lower(b, h[t + 1].s, h[t + 1].e))
		t++;
	if (t >= n)
		return;
	np_art_set_str(c, &a->title, h[t].s, h[t].e);
	body = h[t].next;
	/* the author: a one-line block under the title, or under a
	 * standfirst (a block that ends a sentence) */
	for (j = t + 1, k = 0; j + 1 < n && k < 2; j = last + 1, k++) {
		for (last = j; last + 1 < n && h[last + 1].block == h[j].block; last++)
			;
		if (last == j && is_author(b, h[j].s, h[j].e)) {
			size_t s = h[j].s;

			if (np_art_word(b, s, h[j].e, "par ") || np_art_word(b, s, h[j].e, "by "))
				s = word_end(b, s, h[j].e) + 1;
			np_art_set_str(c, &a->byline, s, h[j].e);
			body = h[j].next;
			break;
		}
		if (!np_art_ends_sentence(b, h[last].s, h[last].e))
			break;
	}
	/* the body ends at the copyright line or the document number */
	p = body;
	while (np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s < e && (np_art_is_copyright(b, s, e) || np_art_is_ep_number(b, s, e))) {
			end = ln.start;
			break;
		}
	}
	np_art_set_text(a, b, body, end);
}

/* Detecting pass: a document-number line settles it. */
static int
ep_line(struct np_articles *c, struct np_art_scan *sc)
{
	return np_art_is_ep_number(c->buf, sc->s, sc->e);
}

const struct np_art_format np_art_europresse = {
	NP_ARTICLES_EUROPRESSE, "europresse", "nNDp[",
	ep_line, NULL, ep_end, meta_europresse, NULL
};
