/*
 * meta.c - the metadata helpers of the split-articles engine, and the
 * generic reader the formats without a header of their own use.
 *
 * Every date value comes from the normalize-dates engine (np_dates_parse,
 * np_dates_dateline): the dateline logic lives there once.  Strings that
 * span lines are copied into the context's arena with white space folded.
 * Each format's own header reader is in its file (fmt_*.c); the generic
 * one here takes the first line as the title when it looks like one, a
 * "By" line as the byline and the dates engine's dateline reader for the
 * date.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/articles.h"
#include "newsprep/dates.h"
#include "articles_int.h"

/* Sets *out to b[s, e), folding white space runs to one space (into the
 * arena) when the span holds a line break, tab or double space. */
void
np_art_set_str(struct np_articles *c, struct np_articles_str *out, size_t s, size_t e)
{
	const char *b = c->buf;
	size_t i, n = 0;
	char *d;
	int sp = 0, plain = 1;

	np_art_trim(b, &s, &e);
	if (s >= e)
		return;
	for (i = s; i < e; i++)
		if (b[i] == '\n' || b[i] == '\r' || b[i] == '\t' ||
		    (b[i] == ' ' && i + 1 < e && b[i + 1] == ' ')) {
			plain = 0;
			break;
		}
	if (plain) {
		out->s = b + s;
		out->len = e - s;
		return;
	}
	if ((d = np_arena_alloc(&c->arena, e - s + 1)) == NULL)
		return;
	for (i = s; i < e; i++) {
		char ch = b[i];

		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			sp = 1;
			continue;
		}
		if (sp && n > 0)
			d[n++] = ' ';
		sp = 0;
		d[n++] = ch;
	}
	d[n] = '\0';
	out->s = d;
	out->len = n;
}

/* Reads up to max non-blank lines of [from, end) into h; returns how
 * many.  Blank lines start a new block. */
int
np_art_read_lines(const char *b, size_t from, size_t end, struct np_art_hline *h, int max)
{
	struct np_line ln;
	size_t p = from;
	int n = 0, block = 0, blank = 1;

	while (n < max && np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e || np_is_blank(b, s, e)) {
			blank = 1;
			continue;
		}
		if (blank && n > 0)
			block++;
		blank = 0;
		h[n].s = s;
		h[n].e = e;
		h[n].start = ln.start;
		h[n].next = ln.next;
		h[n].block = block;
		n++;
	}
	return n;
}

/* Parses a date at the start of a trimmed line into a->date. */
int
np_art_parse_date(struct np_articles *c, const char *b, size_t s, size_t e,
    struct np_article *a)
{
	char v[NP_DATE_VALUE_MAX];

	if (e - s > 80 || !np_dates_parse(c->dates, b + s, e - s, v, sizeof(v)))
		return 0;
	strncpy(a->date, v, sizeof(a->date) - 1);
	return 1;
}

/* True for a line that holds a digit (dates hold one). */
int
np_art_has_digit(const char *b, size_t s, size_t e)
{
	for (; s < e; s++)
		if (b[s] >= '0' && b[s] <= '9')
			return 1;
	return 0;
}

/* True for a copyright line. */
int
np_art_is_copyright(const char *b, size_t s, size_t e)
{
	return np_art_word(b, s, e, "copyright") || np_art_word(b, s, e, "(c)") ||
	    np_art_word(b, s, e, "(copyright") || np_art_word(b, s, e, "all rights reserved") ||
	    (e - s >= 2 && (unsigned char)b[s] == 0xC2 && (unsigned char)b[s + 1] == 0xA9);
}

/* The body: [s, e) trimmed of blank lines at both ends. */
void
np_art_set_text(struct np_article *a, const char *b, size_t s, size_t e)
{
	while (s < e && (b[s] == '\n' || b[s] == '\r' || b[s] == ' ' || b[s] == '\t' ||
	    b[s] == '\f'))
		s++;
	while (e > s && (b[e - 1] == '\n' || b[e - 1] == '\r' || b[e - 1] == ' ' ||
	    b[e - 1] == '\t' || b[e - 1] == '\f'))
		e--;
	a->text.start = s;
	a->text.end = e;
}

/* Generic metadata: title, byline and dateline from the first lines. */
void
np_art_meta_plain(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_art_hline h[8];
	struct np_span where;
	char v[NP_DATE_VALUE_MAX];
	size_t s = a->record.start, e = a->record.end, top;
	int n, i = 0;

	/* drop a separator line that ends the record */
	n = np_art_read_lines(b, s, e, h, 8);
	while (i < n && np_art_is_separator(b, h[i].s, h[i].e))
		i++;
	/* a dateline above the title */
	if (i < n && np_art_is_date_line(c, b, h[i].s, h[i].e, a->date, sizeof(a->date)))
		i++;
	if (i < n && np_art_is_titlish(b, h[i].s, h[i].e) &&
	    !np_art_is_date_line(c, b, h[i].s, h[i].e, NULL, 0)) {
		np_art_set_str(c, &a->title, h[i].s, h[i].e);
		i++;
	}
	if (i < n && np_art_word(b, h[i].s, h[i].e, "by ") && h[i].e - h[i].s <= 80)
		np_art_set_str(c, &a->byline, h[i].s + 3, h[i].e);
	top = n > 0 ? h[0].start : s;
	if (a->date[0] == '\0' && np_dates_dateline(c->dates, b + top, e - top > 600 ? 600 : e - top, v,
	    sizeof(v), &where))
		strncpy(a->date, v, sizeof(a->date) - 1);
	/* the text without a separator that ends the record */
	{
		struct np_line ln;
		size_t p = s, last = e;

		while (np_next_line(b, e, &p, &ln)) {
			size_t ls = ln.start, le = ln.end;

			np_art_trim(b, &ls, &le);
			if (ls == le)
				continue;
			last = np_art_is_separator(b, ln.start, ln.end) ? ln.start : e;
		}
		np_art_set_text(a, b, s, last);
	}
}

/* Takes the title, date, byline and source a field block names (an
 * empty value leaves its field as it was): the step the feed and
 * LexisNexis readers share. */
void
np_art_take_fields(struct np_articles *c, const struct np_art_fields *f,
    struct np_article *a)
{
	np_art_set_str(c, &a->title, f->vs[NP_ART_F_TITLE], f->ve[NP_ART_F_TITLE]);
	if (f->roles & (1u << NP_ART_F_DATE))
		np_art_parse_date(c, c->buf, f->vs[NP_ART_F_DATE],
		    f->ve[NP_ART_F_DATE], a);
	if (f->roles & (1u << NP_ART_F_BYLINE))
		np_art_set_str(c, &a->byline, f->vs[NP_ART_F_BYLINE],
		    f->ve[NP_ART_F_BYLINE]);
	if (f->roles & (1u << NP_ART_F_SOURCE))
		np_art_set_str(c, &a->source, f->vs[NP_ART_F_SOURCE],
		    f->ve[NP_ART_F_SOURCE]);
}
