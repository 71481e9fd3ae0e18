/*
 * fmt_run.c - wire runs with nothing between stories but the title
 * ("run"): no blank line, no date line, no "CITY (Agency) -" lead; each
 * story is its title line, then its text wrapped to a fixed width.
 *
 * A title is a line that can be a title, of RUN_WORDS words or more (a
 * headline, not a label), shorter than RUN_SHORT of the text's width (a
 * wrapped line of text runs to the width; the last line of a paragraph,
 * which may be short, ends a sentence), under a line that ends a
 * sentence or is not prose (a header), or at the top, and above a line
 * of prose.
 *
 * Recognise (after the pass, when no other format was seen): the text is
 * wrapped (its widest line RUN_WIDTH_MIN bytes or more), a title opens
 * it within its first RUN_HEADER_LINES lines, no blank line comes before
 * the last title, and there are RUN_MIN titles at least, each over a
 * story of RUN_BODY_MIN bytes or more.  A document with blank lines is
 * left to the formats that cut at them, which keeps the cost on single
 * articles to the scan of the first blank line.  Ends: a record runs to
 * the next title.  Metadata: the generic reader (the title is the first
 * line).
 */
#include <stdint.h>
#include <string.h>
#include "articles_int.h"

#define RUN_WORDS 5
#define RUN_SHORT_NUM 3		/* a title is under 3/4 of the width */
#define RUN_SHORT_DEN 4
#define RUN_WIDTH_MIN 60
#define RUN_HEADER_LINES 3
#define RUN_MIN 3
#define RUN_BODY_MIN 150
/* Lines read for the width. */
#define RUN_WIDTH_LINES 200

/*
 * True when the line ln (trimmed [s, e)) is a title: see the top.  `top`
 * says the line above ended a sentence or was not prose (or there is
 * none).
 */
static int
is_title(struct np_articles *c, const struct np_line *ln, size_t s, size_t e, int top)
{
	const char *b = c->buf;
	struct np_line x;
	size_t p = ln->next;

	if (!top || c->st.run_width == 0 ||
	    (e - s) * RUN_SHORT_DEN >= c->st.run_width * RUN_SHORT_NUM ||
	    !np_art_is_titlish(b, s, e) || strchr("?!;", b[e - 1]) != NULL ||
	    np_art_count_words(b, s, e) < RUN_WORDS)
		return 0;
	return np_next_line(b, c->len, &p, &x) && np_art_is_prose(b, x.start, x.end);
}

/* The start of the first title at or after `from`; `blank`: the line
 * above `from` may be taken as ending a sentence. */
static size_t
run_next(struct np_articles *c, size_t from, int blank)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, s, e;
	int top = blank;

	while (np_next_line(b, c->len, &p, &ln)) {
		s = ln.start;
		e = ln.end;
		np_art_trim(b, &s, &e);
		if (s == e) {
			top = 1;
			continue;
		}
		if (is_title(c, &ln, s, e, top))
			return ln.start;
		top = np_art_ends_sentence(b, s, e) || !np_art_is_prose(b, ln.start, ln.end);
	}
	return SIZE_MAX;
}

/* The widest of the first RUN_WIDTH_LINES lines, or 0 when a blank line
 * comes first. */
static size_t
width(struct np_articles *c)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = 0, w = 0;
	int n = 0, seen = 0;

	while (n < RUN_WIDTH_LINES && np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e) {
			if (seen)
				return 0;
			continue;
		}
		seen = 1;
		if (ln.end - ln.start > w)
			w = ln.end - ln.start;
		n++;
	}
	return w;
}

/* After the pass: see the top. */
static int
run_settle(struct np_articles *c, struct np_art_scan *sc)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = 0, s, e, story = 0;
	int lines = 0, titles = 0, top = 1, blank = 0;

	(void)sc;
	if ((c->st.run_width = width(c)) < RUN_WIDTH_MIN) {
		c->st.run_width = 0;
		return 0;
	}
	while (np_next_line(b, c->len, &p, &ln)) {
		s = ln.start;
		e = ln.end;
		np_art_trim(b, &s, &e);
		if (s == e) {
			blank = titles > 0;
			top = 1;
			continue;
		}
		if (titles == 0 && ++lines > RUN_HEADER_LINES)
			break;
		if (is_title(c, &ln, s, e, top)) {
			if (blank || (titles > 0 && story < RUN_BODY_MIN))
				break;
			titles++;
			story = 0;
		} else {
			story += e - s;
		}
		top = np_art_ends_sentence(b, s, e) || !np_art_is_prose(b, ln.start, ln.end);
	}
	if (titles >= RUN_MIN && story >= RUN_BODY_MIN && (p >= c->len || blank))
		return 1;
	c->st.run_width = 0;
	return 0;
}

/* The record runs to the title after its own. */
static size_t
run_end(struct np_articles *c, size_t from)
{
	return np_art_start_end(c, from, run_next);
}

const struct np_art_format np_art_run = {
	NP_ARTICLES_RUN, "run", NULL, NULL, run_settle, run_end,
	np_art_meta_plain, NULL
};
