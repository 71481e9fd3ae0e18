/*
 * fmt_proquest.c - ProQuest exports: the "TXT - Text only" download
 * (records ruled off by a line of underscores), its PDF and the document
 * pages rendered from HTML ("Document 1 of 3" above each record).
 *
 * A record is the title alone on its first line, then "Name: value"
 * fields separated by blank lines: Author:, Publication info:, Abstract:,
 * "Full text:" (the text, over many paragraphs), then the details
 * (Subject:, Title:, Publication title:, Publication date:, Section:,
 * ..., "ProQuest document ID:", Document URL:, Database:).  The field
 * names, in the languages of ProQuest's interface, are data
 * (articles-proquest.tsv).
 *
 * Recognise: a "ProQuest document ID:" field settles the format.  Ends:
 * after an underscore rule and the blank lines under it, once the record
 * holds a field, or at the start of the next "Document N of M" marker;
 * only when another record follows (the download's closing copyright
 * lines join the last record).  Metadata: Title:, Author:, Publication
 * title:, Publication date:, Section: (the first line of the record when
 * it has no Title:); the text is the "Full text:" field.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/lexicon.h"
#include "articles_int.h"

/* Shortest underscore rule. */
#define RULE_MIN 20

/* The ProQuest field opening the trimmed line, with its value's start in
 * *val, or NULL. */
static const struct np_lexentry *
pq_field(struct np_articles *c, const char *b, size_t s, size_t e, size_t *val)
{
	size_t ne;

	if (!np_art_field_name(b, s, e, &ne, val))
		return NULL;
	return np_lexicon_find(c->proquest, b + s, ne - s);
}

/* True when the field entry k gives `what` (articles-proquest.tsv). */
static int
gives(const struct np_lexentry *k, const char *what)
{
	return k->valuelen == strlen(what) && memcmp(k->value, what, k->valuelen) == 0;
}

/* True for a trimmed line of RULE_MIN underscores or more, only. */
static int
is_rule(const char *b, size_t s, size_t e)
{
	size_t p;

	if (e - s < RULE_MIN)
		return 0;
	for (p = s; p < e; p++)
		if (b[p] != '_')
			return 0;
	return 1;
}

/* True for a ProQuest field or a marker: a record (a scan's test). */
static int
is_record(struct np_articles *c, size_t s, size_t e)
{
	size_t val;

	return pq_field(c, c->buf, s, e, &val) != NULL || np_art_is_ln_marker(c, c->buf, s, e);
}

/* True when a record follows `from`. */
static int
pq_more(struct np_articles *c, size_t from)
{
	struct np_line ln;

	return np_art_find_line(c, from, is_record, &ln);
}

/* ProQuest: after the rule that closes a record holding a field, or at
 * the next "Document N of M" marker after the record's own. */
static size_t
pq_end(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, s, e, val, cut;
	int marker = 0, field = 0;

	while (np_art_next_text_line(b, c->len, &p, &ln, &s, &e)) {
		if (np_art_is_ln_marker(c, b, s, e)) {
			if (marker && pq_more(c, ln.start))
				return ln.start;
			marker = 1;
		} else if (is_rule(b, s, e)) {
			if (!field)
				continue;
			cut = np_art_after_blanks(b, c->len, ln.next);
			return pq_more(c, cut) ? cut : c->len;
		} else if (!field && pq_field(c, b, s, e, &val) != NULL) {
			field = 1;
		}
	}
	return c->len;
}

/* ProQuest metadata: the fields, and the text of "Full text:". */
static void
meta_proquest(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = a->record.start, end = a->record.end, s, e, val;
	size_t ts = SIZE_MAX, te = end, cs = 0, ce = 0;
	const struct np_lexentry *k;
	int fields = 0, cand = 0, title = 0;

	while (np_art_next_text_line(b, end, &p, &ln, &s, &e)) {
		if (np_art_is_ln_marker(c, b, s, e) || is_rule(b, s, e)) {
			if (ts != SIZE_MAX && te == end)
				te = ln.start;
			if (fields == 0)
				cand = 0;
			continue;
		}
		if ((k = pq_field(c, b, s, e, &val)) == NULL) {
			/* the title: the first line after the last rule or
			 * marker above the first field */
			if (fields == 0 && !cand) {
				cs = s;
				ce = e;
				cand = 1;
			}
			continue;
		}
		fields++;
		if (ts != SIZE_MAX && te == end && !gives(k, "text"))
			te = ln.start;
		if (gives(k, "title") && !title) {
			np_art_set_str(c, &a->title, val, e);
			title = 1;
		} else if (gives(k, "byline") && a->byline.s == NULL) {
			np_art_set_str(c, &a->byline, val, e);
		} else if (gives(k, "source") && a->source.s == NULL) {
			np_art_set_str(c, &a->source, val, e);
		} else if (gives(k, "section") && a->section.s == NULL) {
			np_art_set_str(c, &a->section, val, e);
		} else if (gives(k, "date") && a->date[0] == '\0') {
			np_art_parse_date(c, b, val, e, a);
		} else if (gives(k, "text") && ts == SIZE_MAX) {
			ts = val;
		}
	}
	if (!title && cand)
		np_art_set_str(c, &a->title, cs, ce);
	if (ts != SIZE_MAX)
		np_art_set_text(a, b, ts, te);
}

/* Detecting pass: a "ProQuest document ID:" field settles it. */
static int
pq_line(struct np_articles *c, struct np_art_scan *sc)
{
	const struct np_lexentry *k;
	size_t val;

	return (k = pq_field(c, c->buf, sc->s, sc->e, &val)) != NULL && gives(k, "id");
}

const struct np_art_format np_art_proquest = {
	NP_ARTICLES_PROQUEST, "proquest", "PpIi",
	pq_line, NULL, pq_end, meta_proquest, NULL
};
