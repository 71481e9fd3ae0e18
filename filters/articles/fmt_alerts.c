/*
 * fmt_alerts.c - alert e-mails ("alerts", Google Alerts style): units of
 * headline / source / a one-line snippet / a "Flag as irrelevant" line
 * (in the languages of articles-trailers.tsv), under a header naming the
 * alert and above a footer.
 *
 * Recognise: two trailer lines.  Ends: after a trailer line and the
 * blank lines under it, when another unit follows; the alert's header
 * joins the first unit and its footer the last.  Metadata: the unit is
 * the block that ends with the trailer: its first line is the title, its
 * second the source, the rest (snippet, link) the text.  A unit has no
 * date of its own: each gets the alert's issue date, the first date on a
 * line of the header ("Daily update - March 3, 2021", "Mise à jour
 * quotidienne - 12 mars 2021"), read at the line's start or after a
 * dash, a dot or a colon.
 */
#include <stdint.h>
#include <string.h>
#include "articles_int.h"

/* True for an alert unit's trailer line. */
static int
is_trailer(struct np_articles *c, size_t s, size_t e)
{
	return np_art_trailer(c, c->buf, s, e, "alerts");
}

/* The offset after the next trailer at or after `from` and the blank
 * lines under it, or SIZE_MAX. */
static size_t
next_cut(struct np_articles *c, size_t from)
{
	struct np_line ln;
	size_t p = from, s, e;

	while (np_art_next_text_line(c->buf, c->len, &p, &ln, &s, &e))
		if (is_trailer(c, s, e))
			return np_art_after_blanks(c->buf, c->len, ln.next);
	return SIZE_MAX;
}

/* The record ends after its trailer when another unit follows. */
static size_t
alerts_end(struct np_articles *c, size_t from)
{
	size_t cut = next_cut(c, from);

	return cut == SIZE_MAX || next_cut(c, cut) == SIZE_MAX ? c->len : cut;
}

/* Detecting pass: counts trailer lines. */
static int
alerts_line(struct np_articles *c, struct np_art_scan *sc)
{
	if (sc->flags[NP_ARTICLES_ALERTS] < 2 && is_trailer(c, sc->s, sc->e))
		sc->flags[NP_ARTICLES_ALERTS]++;
	return 0;
}

/* After the pass: two units. */
static int
alerts_settle(struct np_articles *c, struct np_art_scan *sc)
{
	(void)c;
	return sc->flags[NP_ARTICLES_ALERTS] >= 2;
}

/* Longest header line read for the issue date. */
#define ISSUE_LINE_MAX 80

/* Reads a date at the start of the trimmed line or after a separator
 * (" - ", " – ", " ⋅ ", " | ", ": ") into *a. */
static int
line_date(struct np_articles *c, const char *b, size_t s, size_t e, struct np_article *a)
{
	size_t p;

	if (np_art_parse_date(c, b, s, e, a))
		return 1;
	for (p = s; p + 1 < e; p++) {
		unsigned char ch = (unsigned char)b[p];
		size_t q = p + 1;

		if (ch == 0xE2 && p + 3 < e)	/* a dash or a dot operator */
			q = p + 3;
		else if (ch != '-' && ch != '|' && ch != ':')
			continue;
		if (ch != ':' && (p == s || b[p - 1] != ' '))
			continue;
		np_art_spaces(b, &q, e);
		if (q < e && b[q] >= '0' && b[q] <= '9' && np_art_parse_date(c, b, q, e, a))
			return 1;
		if (q < e && b[q] >= 'A' && np_art_parse_date(c, b, q, e, a))
			return 1;
	}
	return 0;
}

/* The alert's issue date, read once per document from the lines above
 * the first unit (the record that starts at 0 holds them) into
 * c->st.doc_date. */
static void
issue_date(struct np_articles *c)
{
	struct np_art_hline h[NP_ART_HEAD_LINES];
	struct np_article t;
	size_t first = next_cut(c, 0);
	int n, i;

	c->st.doc_meta = 1;
	n = np_art_read_lines(c->buf, 0, first == SIZE_MAX ? c->len : first, h, NP_ART_HEAD_LINES);
	/* the header is the blocks above the first unit's */
	for (i = 0; i < n && h[i].block < h[n - 1].block; i++) {
		if (h[i].e - h[i].s > ISSUE_LINE_MAX || !np_art_has_digit(c->buf, h[i].s, h[i].e))
			continue;
		memset(&t, 0, sizeof(t));
		if (line_date(c, c->buf, h[i].s, h[i].e, &t)) {
			memcpy(c->st.doc_date, t.date, sizeof(c->st.doc_date));
			return;
		}
	}
}

/* Unit metadata: the block that ends with the record's trailer. */
static void
meta_alerts(struct np_articles *c, struct np_article *a)
{
	struct np_art_hline h[NP_ART_HEAD_LINES];
	int n, i, j;

	if (!c->st.doc_meta)
		issue_date(c);
	memcpy(a->date, c->st.doc_date, sizeof(a->date));
	n = np_art_read_lines(c->buf, a->record.start, a->record.end, h, NP_ART_HEAD_LINES);
	for (i = 0; i < n && !is_trailer(c, h[i].s, h[i].e); i++)
		;
	if (i == n) {
		np_art_meta_plain(c, a);
		return;
	}
	for (j = i; j > 0 && h[j - 1].block == h[i].block; j--)
		;
	if (j == i)
		return;
	np_art_set_str(c, &a->title, h[j].s, h[j].e);
	if (j + 1 < i)
		np_art_set_str(c, &a->source, h[j + 1].s, h[j + 1].e);
	if (j + 2 < i)
		np_art_set_text(a, c->buf, h[j + 2].start, h[i].start);
	else
		np_art_set_text(a, c->buf, h[i].start, h[i].start);
}

const struct np_art_format np_art_alerts = {
	NP_ARTICLES_ALERTS, "alerts",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
	alerts_line, alerts_settle, alerts_end, meta_alerts, NULL
};
