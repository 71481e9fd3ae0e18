/*
 * fmt_lexisnexis.c - LexisNexis and Nexis Uni exports.
 *
 * Recognise: a start marker "N of M DOCUMENTS" / "DOCUMENT N OF M"
 * settles the format; else an "End of Document" trailer together with a
 * LENGTH: or LOAD-DATE: key line.  Ends: a record runs to the next start
 * marker after its own, or to the end of the blank lines after an "End
 * of Document" line.
 *
 * Metadata: after the marker, header lines up to the first key line
 * (BYLINE:, SECTION:, LENGTH: ... from articles-keys.tsv).  The first
 * line that is a date is the date; the line before it the source; the
 * title is the block before the source (Nexis Uni: title first) or else
 * the first block after the date's block that is not a copyright line.
 * Keys take their value from the rest of the line and the lines below it
 * up to a blank line.  The body runs from the block after the head keys
 * (or the "Body" line) to the first tail key (LOAD-DATE: ...).
 */
#include <string.h>
#include "newsprep/lexicon.h"
#include "articles_int.h"

/* Reads "N of M" (the words of articles-counts.tsv) at *p. */
static int
n_of_m(struct np_articles *c, const char *b, size_t *p, size_t e)
{
	if (np_art_digits(b, p, e) == 0)
		return 0;
	np_art_spaces(b, p, e);
	if (!np_art_count_word(c, b, p, e, "of"))
		return 0;
	np_art_spaces(b, p, e);
	return np_art_digits(b, p, e) > 0;
}

/* True for a LexisNexis start marker, trimmed: "1 of 10 DOCUMENTS",
 * "DOCUMENT 1 OF 2", "1 von 2 DOKUMENTEN", "1 sur 3 DOCUMENTS". */
int
np_art_is_ln_marker(struct np_articles *c, const char *b, size_t s, size_t e)
{
	size_t p = s;

	if (e - s > 40 || e - s < 11)
		return 0;
	if (b[s] >= '0' && b[s] <= '9') {
		if (!n_of_m(c, b, &p, e))
			return 0;
		np_art_spaces(b, &p, e);
		return np_art_count_word(c, b, &p, e, "doc") && p == e;
	}
	if (!np_art_count_word(c, b, &p, e, "doc"))
		return 0;
	np_art_spaces(b, &p, e);
	return n_of_m(c, b, &p, e) && p == e;
}

/* True for the Nexis Uni trailer "End of Document" (and its German and
 * French forms, articles-trailers.tsv). */
int
np_art_is_ln_end(struct np_articles *c, const char *b, size_t s, size_t e)
{
	return np_art_trailer(c, b, s, e, "lexisnexis");
}

/* LexisNexis: up to the next start marker after this record's own, or
 * after an "End of Document" line. */
static size_t
ln_end(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from;
	int seen = 0;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e)
			continue;
		if (np_art_is_ln_marker(c, b, s, e)) {
			if (seen)
				return ln.start;
			seen = 1;
		} else if (np_art_is_ln_end(c, b, s, e)) {
			return np_art_trailer_cut(c, &ln);
		}
	}
	return c->len;
}

/*
 * When the trimmed line is "KEY: value" with KEY in the key lexicon,
 * returns its entry and the value's start in *val.
 */
static const struct np_lexentry *
key_line(struct np_articles *c, const char *b, size_t s, size_t e, size_t *val)
{
	size_t p;

	for (p = s; p < e && p - s < 24; p++) {
		char ch = b[p];

		if (ch == ':') {
			const struct np_lexentry *k;

			if (p == s || (k = np_lexicon_find(c->keys, b + s, p - s)) == NULL)
				return NULL;
			*val = p + 1;
			return k;
		}
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-' ||
		    (unsigned char)ch >= 0x80 || (ch == ' ' && p > s && b[p - 1] != ' ')))
			return NULL;
	}
	/* Nexis Uni writes "Body" alone on the line before the text */
	if (e - s == 4 && np_art_word(b, s, e, "body")) {
		*val = e;
		return np_lexicon_find(c->keys, "body", 4);
	}
	return NULL;
}

/* True when a key entry is a tail key. */
static int
is_tail(const struct np_lexentry *k)
{
	return k->valuelen >= 4 && memcmp(k->value, "tail", 4) == 0;
}

/* Reads a field block at p (a rendered database page's "Title:",
 * "Author:", "Publication title:", "Publication date:", "Full text:"
 * fields); returns 1 when it had a title. */
static int
meta_fields(struct np_articles *c, struct np_article *a, size_t p)
{
	struct np_art_fields f;

	if (np_art_fields(c, p, &f) < 2 || !(f.roles & (1u << NP_ART_F_TITLE)))
		return 0;
	np_art_take_fields(c, &f, a);
	np_art_set_text(a, c->buf, f.end, a->record.end);
	return 1;
}

/* LexisNexis and Nexis Uni metadata. */
static void
meta_lexisnexis(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_art_hline h[NP_ART_HEAD_LINES];
	const struct np_lexentry *k;
	size_t from = a->record.start, end = a->record.end, val, body = 0, p;
	struct np_line ln;
	int n, i, date = -1, nkey = -1, tb = -1, lastkey = -1;

	/* start after this record's marker when it has one near the top */
	n = np_art_read_lines(b, from, end, h, NP_ART_HEAD_LINES);
	for (i = 0; i < n; i++) {
		if (key_line(c, b, h[i].s, h[i].e, &val) != NULL)
			break;
		if (np_art_is_ln_marker(c, b, h[i].s, h[i].e)) {
			from = h[i].next;
			n = np_art_read_lines(b, from, end, h, NP_ART_HEAD_LINES);
			break;
		}
	}
	/* a field block ("Title:", "Author:", "Publication title:" ... of a
	 * rendered database page) under the marker */
	if (n > 0 && meta_fields(c, a, h[0].start))
		return;
	for (i = 0; i < n; i++) {
		if (key_line(c, b, h[i].s, h[i].e, &val) != NULL) {
			nkey = i;
			break;
		}
		if (date < 0 && h[i].e - h[i].s <= 60 && np_art_has_digit(b, h[i].s, h[i].e) &&
		    np_art_parse_date(c, b, h[i].s, h[i].e, a))
			date = i;
	}
	if (nkey < 0)
		nkey = n;
	if (date > 0)
		np_art_set_str(c, &a->source, h[date - 1].s, h[date - 1].e);
	if (date > 1) {
		/* Nexis Uni: the title block comes first */
		for (i = 1; i < date - 1 && h[i].block == h[0].block; i++)
			;
		np_art_set_str(c, &a->title, h[0].s, h[i - 1].e);
	} else if (date >= 0) {
		for (i = date + 1; i < nkey; i++) {
			if (h[i].block == h[date].block || np_art_is_copyright(b, h[i].s, h[i].e))
				continue;
			if (tb < 0)
				tb = i;
			else if (h[i].block != h[tb].block)
				break;
		}
		if (tb >= 0)
			np_art_set_str(c, &a->title, h[tb].s, h[i - 1].e);
	}
	/* the keys, each with its value lines, up to the body */
	p = nkey < n ? h[nkey].start : end;
	while (nkey < n && np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end, vs, ve;
		const char *f;

		np_art_trim(b, &s, &e);
		if (s == e)
			continue;
		if ((k = key_line(c, b, s, e, &val)) == NULL || is_tail(k)) {
			body = ln.start;
			break;
		}
		lastkey = 1;
		/* "Body" / "BODY:" opens the text on the next line */
		if (k->keylen == 4 && memcmp(k->key, "body", 4) == 0) {
			body = p;
			break;
		}
		vs = val;
		ve = e;
		/* the value runs on over the following non-blank lines */
		while (p < end) {
			size_t q = p, s2, e2, v2;

			if (!np_next_line(b, end, &q, &ln))
				break;
			s2 = ln.start;
			e2 = ln.end;
			np_art_trim(b, &s2, &e2);
			if (s2 == e2 || key_line(c, b, s2, e2, &v2) != NULL)
				break;
			ve = e2;
			p = q;
		}
		f = k->valuelen > 5 ? k->value + 5 : "-";
		if (strncmp(f, "byline", 6) == 0)
			np_art_set_str(c, &a->byline, vs, ve);
		else if (strncmp(f, "section", 7) == 0)
			np_art_set_str(c, &a->section, vs, ve);
		else if (strncmp(f, "length", 6) == 0) {
			np_art_trim(b, &vs, &ve);
			a->words = np_art_words_line(c, b, vs, ve);
		}
	}
	if (lastkey < 0 || body == 0)
		return;
	/* the body ends at the first tail key or the end-of-document line */
	p = body;
	while (np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e)
			continue;
		if (((k = key_line(c, b, s, e, &val)) != NULL && is_tail(k)) ||
		    np_art_is_ln_end(c, b, s, e) || np_art_is_ln_marker(c, b, s, e)) {
			end = ln.start;
			break;
		}
	}
	np_art_set_text(a, b, body, end);
}

/* True when a word of five letters or more of the trimmed line holds a
 * small letter: "Document 1 of 3", not "1 of 10 DOCUMENTS". */
static int
small_noun(const char *b, size_t s, size_t e)
{
	size_t p, w;

	for (p = s; p < e; p = w + 1) {
		for (w = p; w < e && b[w] != ' '; w++)
			;
		if (w - p >= 5 && np_art_has_lower(b, p, w))
			return 1;
	}
	return 0;
}

/* Detecting pass: a marker settles it; a trailer and a key are noted. */
static int
ln_line(struct np_articles *c, struct np_art_scan *sc)
{
	const char *b = c->buf;
	const struct np_lexentry *k;
	unsigned char f = (unsigned char)b[sc->s];
	size_t val;

	if ((f >= '0' && f <= '9') || f == 'D' || f == 'd') {
		if (!np_art_is_ln_marker(c, b, sc->s, sc->e))
			return 0;
		/* LexisNexis writes the document noun in capitals;
		 * "Document 1 of 3" (a rendered database page) waits for the
		 * pass to end, so a format with a signature of its own
		 * (ProQuest) wins */
		if (!small_noun(b, sc->s, sc->e))
			return 1;
		sc->flags[NP_ARTICLES_LEXISNEXIS] |= 4;
		return 0;
	}
	if (f == 'E' || f == 'e' || f == 'F' || f == 'f') {
		if (np_art_is_ln_end(c, b, sc->s, sc->e))
			sc->flags[NP_ARTICLES_LEXISNEXIS] |= 1;
	} else if ((k = key_line(c, b, sc->s, sc->e, &val)) != NULL &&
	    (is_tail(k) || (k->valuelen == 11 && memcmp(k->value, "head length", 11) == 0))) {
		sc->flags[NP_ARTICLES_LEXISNEXIS] |= 2;	/* LENGTH:, LOAD-DATE: */
	}
	return 0;
}

/* After the pass: a marker in small letters, or an "End of Document"
 * trailer and a key line. */
static int
ln_settle(struct np_articles *c, struct np_art_scan *sc)
{
	(void)c;
	return (sc->flags[NP_ARTICLES_LEXISNEXIS] & 4) ||
	    (sc->flags[NP_ARTICLES_LEXISNEXIS] & 3) == 3;
}

const struct np_art_format np_art_lexisnexis = {
	NP_ARTICLES_LEXISNEXIS, "lexisnexis", "0123456789DdEeFfLl",
	ln_line, ln_settle, ln_end, meta_lexisnexis, NULL
};
