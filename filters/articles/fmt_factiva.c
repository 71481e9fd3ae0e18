/*
 * fmt_factiva.c - Factiva exports.
 *
 * Recognise: a trailer line "Document " + a 16..40 character id settles
 * the format.  Ends: after the next trailer and the blank lines after
 * it, when another article (a trailer or an "N words" line) follows.
 *
 * Metadata: the "N words" line anchors the header: before it a section
 * line, the title and the "By" line, after it the date, (a time,) the
 * source (then the source code, a page, the language); the body opens
 * after the copyright line and ends at the "Document ..." trailer.  The
 * RTF export converted to text opens each article with a form feed and
 * closes with a "Search Summary" table, which joins the last article.
 * An export with field codes (SE, HD, BY, WC, PD, SN, SC, LA, CY, LP, TD,
 * then the indexing codes CO, IN, NS, RE, IPD, PUB and the trailer after
 * AN) is read by code.
 */
#include <stdint.h>
#include <string.h>
#include "articles_int.h"

/* Longest section line above a headline. */
#define SECTION_MAX 30

/* True for a Factiva trailer: "Document " and an id of 16..40 letters and
 * np_art_digits ("Document WSJ0000020100111e61b0000m"), also after the "AN"
 * field code of an export with field codes. */
int
np_art_is_fa_trailer(const char *b, size_t s, size_t e)
{
	size_t p;

	if (e - s > 2 && b[s] == 'A' && b[s + 1] == 'N' && (b[s + 2] == ' ' || b[s + 2] == '\t')) {
		s += 2;
		np_art_spaces(b, &s, e);
	}
	if (e - s < 25 || e - s > 49 || memcmp(b + s, "Document ", 9) != 0)
		return 0;
	for (p = s + 9; p < e; p++) {
		unsigned char ch = (unsigned char)b[p];

		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= 'A' && ch <= 'Z')))
			return 0;
	}
	return 1;
}

/* True for a trailer line (a scan's test). */
static int
is_trailer(struct np_articles *c, size_t s, size_t e)
{
	const char *b = c->buf;

	return (b[s] == 'D' || b[s] == 'A') && np_art_is_fa_trailer(b, s, e);
}

/* True for a trailer or a word-count line: another article. */
static int
is_article(struct np_articles *c, size_t s, size_t e)
{
	const char *b = c->buf;

	return (((b[s] >= '0' && b[s] <= '9') || b[s] == 'W') &&
	    np_art_words_line(c, b, s, e) >= 0) || is_trailer(c, s, e);
}

/* Factiva: after the next "Document ..." trailer, when another article
 * follows. */
static size_t
fa_end(struct np_articles *c, size_t from)
{
	struct np_line ln;
	size_t cut;

	if (!np_art_find_line(c, from, is_trailer, &ln))
		return c->len;
	cut = np_art_after_blanks(c->buf, c->len, ln.next);
	return np_art_find_line(c, cut, is_article, &ln) ? cut : c->len;
}

/* The field code opening a trimmed line of a Factiva export with field
 * codes ("HD", "WC", "IPD": 2 or 3 capitals, then blanks), as its length;
 * 0 when there is none. */
static size_t
field_code(const char *b, size_t s, size_t e)
{
	size_t p = s;

	while (p < e && p - s < 4 && b[p] >= 'A' && b[p] <= 'Z')
		p++;
	if (p - s < 2 || p - s > 3 || p >= e || (b[p] != ' ' && b[p] != '\t'))
		return 0;
	return p - s;
}

/*
 * Factiva metadata with field codes: HD headline, BY byline, WC words,
 * PD date, SN source, SE section, LP and TD the text; a field's value
 * runs on over the lines up to the next code.
 */
static void
meta_factiva_codes(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = a->record.start, end = a->record.end, vs = 0, ve = 0;
	size_t ts = SIZE_MAX, te = 0;
	char code[4] = "";

	for (;;) {
		int more = np_next_line(b, end, &p, &ln);
		size_t s = more ? ln.start : end, e = more ? ln.end : end, k = 0;

		np_art_trim(b, &s, &e);
		if (more && s == e)
			continue;
		if (more)
			k = field_code(b, s, e);
		if (!more || k > 0) {
			/* the field before ends here */
			if (strcmp(code, "HD") == 0)
				np_art_set_str(c, &a->title, vs, ve);
			else if (strcmp(code, "BY") == 0)
				np_art_set_str(c, &a->byline, np_art_word(b, vs, ve, "by ") ? vs + 3 : vs, ve);
			else if (strcmp(code, "SN") == 0)
				np_art_set_str(c, &a->source, vs, ve);
			else if (strcmp(code, "SE") == 0)
				np_art_set_str(c, &a->section, vs, ve);
			else if (strcmp(code, "WC") == 0)
				a->words = np_art_words_line(c, b, vs, ve);
			else if (strcmp(code, "PD") == 0)
				np_art_parse_date(c, b, vs, ve, a);
			else if (strcmp(code, "LP") == 0 || strcmp(code, "TD") == 0) {
				if (ts == SIZE_MAX)
					ts = vs;
				te = ve;
			}
			if (!more)
				break;
			memcpy(code, b + s, k);
			code[k] = '\0';
			vs = s + k;
			ve = e;
			while (vs < ve && (b[vs] == ' ' || b[vs] == '\t'))
				vs++;
		} else {
			ve = e;
		}
	}
	if (ts != SIZE_MAX)
		np_art_set_text(a, b, ts, te);
}

/* Factiva metadata. */
static void
meta_factiva(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_art_hline h[NP_ART_HEAD_LINES];
	size_t end = a->record.end, body;
	struct np_line ln;
	size_t p;
	int n, i, w = -1, j, ts, te, k;

	n = np_art_read_lines(b, a->record.start, end, h, 20);
	/* an RTF export converted to text puts a form feed before each
	 * article */
	for (i = 0; i < n; i++)
		while (h[i].s < h[i].e && b[h[i].s] == '\f')
			h[i].s++;
	if (n > 0 && field_code(b, h[0].s, h[0].e) > 0) {
		for (i = 0; i < n; i++)
			if (np_art_word(b, h[i].s, h[i].e, "hd ") || np_art_word(b, h[i].s, h[i].e, "hd\t")) {
				meta_factiva_codes(c, a);
				return;
			}
	}
	for (i = 0; i < n; i++)
		if ((a->words = np_art_words_line(c, b, h[i].s, h[i].e)) >= 0) {
			w = i;
			break;
		}
	if (w < 0) {
		a->words = -1;
		np_art_set_text(a, b, a->record.start, end);
		return;
	}
	/* the header is the block of the words line: a page header above it
	 * (a rendered page's menus) is not the title.  Its lines other than
	 * the "By" line are the title, after a short section line ("Business",
	 * "Opinion") when two or more come before the title's end. */
	for (i = 0, ts = -1, te = -1, k = 0; i < w; i++) {
		if (h[i].block != h[w].block)
			continue;
		if (np_art_word(b, h[i].s, h[i].e, "by ")) {
			if (a->byline.s == NULL)
				np_art_set_str(c, &a->byline, h[i].s + 3, h[i].e);
			continue;
		}
		if (ts < 0)
			ts = i;
		te = i;
		k++;
	}
	if (k >= 2 && h[ts].e - h[ts].s <= SECTION_MAX && !np_art_ends_sentence(b, h[ts].s, h[ts].e)) {
		np_art_set_str(c, &a->section, h[ts].s, h[ts].e);
		for (ts++; h[ts].block != h[w].block || np_art_word(b, h[ts].s, h[ts].e, "by "); ts++)
			;
	}
	if (ts >= 0)
		np_art_set_str(c, &a->title, h[ts].s, h[te].e);
	j = w + 1;
	if (j < n && np_art_parse_date(c, b, h[j].s, h[j].e, a))
		j++;
	/* a time of day ("12:30 GMT") may follow the date */
	if (j < n && h[j].e - h[j].s <= 12 && np_art_has_digit(b, h[j].s, h[j].e) &&
	    memchr(b + h[j].s, ':', h[j].e - h[j].s) != NULL)
		j++;
	if (j < n)
		np_art_set_str(c, &a->source, h[j].s, h[j].e);
	/* the body opens after the copyright line, else after the header block */
	body = j + 1 < n ? h[j + 1].start : end;
	for (i = j + 1; i < n && i < j + 8; i++)
		if (np_art_is_copyright(b, h[i].s, h[i].e)) {
			body = h[i].next;
			break;
		}
	if (i == n || i == j + 8) {
		for (i = j + 1; i < n && h[i].block == h[j].block; i++)
			;
		body = i < n ? h[i].start : end;
	}
	p = body;
	while (np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s < e && (b[s] == 'D' || b[s] == 'A') && np_art_is_fa_trailer(b, s, e)) {
			end = ln.start;
			break;
		}
	}
	np_art_set_text(a, b, body, end);
}

/* Detecting pass: a trailer line settles it. */
static int
fa_line(struct np_articles *c, struct np_art_scan *sc)
{
	return np_art_is_fa_trailer(c->buf, sc->s, sc->e);
}

const struct np_art_format np_art_factiva = {
	NP_ARTICLES_FACTIVA, "factiva", "DA", fa_line, NULL, fa_end, meta_factiva, NULL
};
