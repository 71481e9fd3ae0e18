/*
 * fmt_markdown.c - Markdown digests ("markdown"): "# Page title", then a
 * "## Story title" heading per story, often an emphasised "*By NAME,
 * date*" line under it, the story's paragraphs, and a footer after a
 * `---` rule.
 *
 * Recognise: the stories' level is 2 when two or more "## " headings
 * exist, else 1; the document is a digest when two story headings carry
 * a "By" line, or when a page title stands above three or more stories
 * (a single article's "## Background" sections carry no bylines and
 * have no page title over them in the same file).  Ends: a record runs
 * to the next heading of the stories' level; the page header joins the
 * first story and the footer the last.  Metadata: the heading's text is
 * the title; the "By" line gives the byline and, after its last comma or
 * bar, the date.
 */
#include <stdint.h>
#include <string.h>
#include "articles_int.h"

/* The level of an ATX heading ("## Title": 1..6 '#', a blank, a word),
 * or 0; *ts gets where its text starts. */
static int
heading(const char *b, size_t s, size_t e, size_t *ts)
{
	size_t p = s;

	while (p < e && b[p] == '#' && p - s < 7)
		p++;
	if (p == s || p - s > 6 || p >= e || b[p] != ' ')
		return 0;
	*ts = p;
	np_art_spaces(b, ts, e);
	if (*ts >= e || b[*ts] == '#' || !np_art_has_alnum(b, *ts, e))
		return 0;
	return (int)(p - s);
}

/* The heading's title, without closing '#'s. */
static void
heading_text(const char *b, size_t *ts, size_t *te)
{
	while (*te > *ts && b[*te - 1] == '#')
		(*te)--;
	np_art_trim(b, ts, te);
}

/* When the trimmed line is an emphasised "By" line ("*By NAME, date*",
 * "_By NAME | date_"), returns 1 with its inside in [*is, *ie). */
static int
by_line(const char *b, size_t s, size_t e, size_t *is, size_t *ie)
{
	size_t p = s, q = e;

	while (p < e && (b[p] == '*' || b[p] == '_') && p - s < 2)
		p++;
	while (q > p && (b[q - 1] == '*' || b[q - 1] == '_') && e - q < 2)
		q--;
	if (p == s || q == e || q - p < 5 || !np_art_word(b, p, q, "by "))
		return 0;
	*is = p + 3;
	*ie = q;
	return 1;
}

/* Detecting pass: counts level-1 and level-2 headings and "By" lines,
 * four bits each. */
static int
md_line(struct np_articles *c, struct np_art_scan *sc)
{
	unsigned *f = &sc->flags[NP_ARTICLES_MARKDOWN];
	size_t ts, is, ie;
	int lv;

	if (c->buf[sc->s] == '#') {
		lv = heading(c->buf, sc->s, sc->e, &ts);
		if (lv == 1 && (*f & 0xF) < 0xF)
			*f += 1;
		else if (lv == 2 && ((*f >> 4) & 0xF) < 0xF)
			*f += 1u << 4;
	} else if (by_line(c->buf, sc->s, sc->e, &is, &ie) && ((*f >> 8) & 0xF) < 0xF) {
		*f += 1u << 8;
	}
	return 0;
}

/* After the pass: two stories with bylines, or a page title over three. */
static int
md_settle(struct np_articles *c, struct np_art_scan *sc)
{
	unsigned f = sc->flags[NP_ARTICLES_MARKDOWN];
	unsigned h1 = f & 0xF, h2 = (f >> 4) & 0xF, by = (f >> 8) & 0xF;

	c->st.md_level = h2 >= 2 ? 2 : 1;
	if ((c->st.md_level == 2 ? h2 : h1) < 2)
		return 0;
	return by >= 2 || (h1 >= 1 && h2 >= 3);
}

/* The first story heading at or after `from`, or SIZE_MAX. */
static size_t
md_next(struct np_articles *c, size_t from)
{
	struct np_line ln;
	size_t p = from, s, e, ts;

	while (np_art_next_text_line(c->buf, c->len, &p, &ln, &s, &e))
		if (c->buf[s] == '#' && heading(c->buf, s, e, &ts) == c->st.md_level)
			return ln.start;
	return SIZE_MAX;
}

/* The record runs to the story heading after its own. */
static size_t
md_end(struct np_articles *c, size_t from)
{
	size_t own, next;

	if (c->st.md_level == 0)
		c->st.md_level = 2;	/* forced with -F markdown */
	own = md_next(c, from);
	if (own == SIZE_MAX)
		return c->len;
	next = md_next(c, np_art_next_line_start(c->buf, c->len, own));
	return next == SIZE_MAX ? c->len : next;
}

/* Markdown story metadata: heading, "By" line. */
static void
meta_md(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = a->record.start, s, e, ts, te, is, ie, k;
	int seen = 0;

	while (np_art_next_text_line(b, a->record.end, &p, &ln, &s, &e)) {
		if (!seen) {
			if (b[s] != '#' || heading(b, s, e, &ts) != c->st.md_level)
				continue;
			te = e;
			heading_text(b, &ts, &te);
			np_art_set_str(c, &a->title, ts, te);
			np_art_set_text(a, b, ln.next, a->record.end);
			seen = 1;
			continue;
		}
		if (by_line(b, s, e, &is, &ie)) {
			/* "NAME, date" / "NAME | date": the first mark a date follows */
			for (k = is; k < ie; k++)
				if ((b[k] == ',' || b[k] == '|') &&
				    np_art_parse_date(c, b, k + 1 + (k + 1 < ie && b[k + 1] == ' '), ie, a)) {
					ie = k;
					break;
				}
			np_art_set_str(c, &a->byline, is, ie);
			np_art_set_text(a, b, ln.next, a->record.end);
		}
		break;
	}
	if (!seen)
		np_art_meta_plain(c, a);
}

const struct np_art_format np_art_markdown = {
	NP_ARTICLES_MARKDOWN, "markdown", "#*_", md_line, md_settle, md_end,
	meta_md, NULL
};
