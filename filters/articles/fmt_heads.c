/*
 * fmt_heads.c - concatenations with nothing but a title and a dateline
 * between stories ("heads").
 *
 * A head is a title line after a blank line, then (after an optional
 * "By" line) a date line or a "CITY (Agency) -" dateline, then a body of
 * real paragraphs.  Recognise (after the detecting pass, as it needs a
 * look ahead): two accepted heads and at most a page header before the
 * first, so a single article with a "Related stories" list of
 * headline/date teasers (short blurbs, or after a teaser heading from
 * articles-teasers.tsv, or after the story's own paragraphs) stays one
 * record.  Ends: a record runs to the next accepted head, so a header
 * before the first joins the first record.  Metadata: the generic reader.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/lexicon.h"
#include "articles_int.h"

/* Minimum body (bytes in prose lines) of an article found by its head;
 * after a teaser heading the bar is higher. */
#define HEAD_BODY_MIN 300
#define HEAD_BODY_TEASER 1200
/* A head whose body opens with a "CITY (Agency) -" lead is surer: a
 * short wire item under it is a story. */
#define HEAD_BODY_LEAD 120

/*
 * Checks a head at line ln (preceded by a blank line): a title, then an
 * optional "By" line and at most one blank line, then a date line or a
 * dateline lead.  Strict (the title follows the last sentence of the
 * story before without a blank line, as wire runs come): no blank line,
 * and a date line or a lead directly under the title.
 * Returns 1 (2 when a dateline lead follows) and the offset where the
 * body starts.
 */
static int
head_at(struct np_articles *c, const struct np_line *ln, size_t *body, int strict)
{
	const char *b = c->buf;
	struct np_line x;
	size_t s = ln->start, e = ln->end, p = ln->next;
	int k, blanks = 0;

	np_art_trim(b, &s, &e);
	if (!np_art_is_titlish(b, s, e))
		return 0;
	for (k = 0; k < 4 && np_next_line(b, c->len, &p, &x); k++) {
		size_t xs = x.start, xe = x.end;

		np_art_trim(b, &xs, &xe);
		if (xs == xe) {
			if (strict || ++blanks > 1)
				return 0;
			continue;
		}
		if (np_art_word(b, xs, xe, "by ") && xe - xs <= NP_ART_SOURCE_MAX)
			continue;
		if (np_art_is_date_line(c, b, xs, xe, NULL, 0))
			*body = x.next;
		else if ((!strict || k == 0) && np_art_is_lead(c, b, xs, xe))
			*body = x.start;
		else
			return 0;
		/* the title itself must not be a date; a lead is the stronger
		 * sign (2) */
		if (np_art_is_date_line(c, b, s, e, NULL, 0))
			return 0;
		return *body == x.start ? 2 : 1;
	}
	return 0;
}

/*
 * Finds the next head candidate starting at or after `from` (a line after
 * a blank line or at the start of the document).  Returns its line start
 * (SIZE_MAX for none); *body gets where its body starts, *teaser is set
 * when a teaser heading was passed on the way and *prose counts the bytes
 * of prose lines passed.  The last answer is remembered: iterating calls
 * it twice on the same `from`, and this keeps the scan to one pass.
 */
static size_t
head_candidate(struct np_articles *c, size_t from, size_t *body, int *teaser,
    size_t *prose)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, n = 0, found = SIZE_MAX, fbody = 0;
	int prev_blank = 1, prev_stop = 0, t = 0, h;

	if (c->st.hc_valid && c->st.hc_from == from) {
		*body = c->st.hc_body;
		*teaser |= c->st.hc_teaser;
		*prose = c->st.hc_prose;
		return c->st.hc_cand;
	}
	/* `from` is a line start; a blank line must precede a head */
	if (from > 0) {
		size_t q = from - 1;

		while (q > 0 && b[q - 1] != '\n')
			q--;
		prev_blank = np_is_blank(b, q, from - 1);
	}
	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e) {
			prev_blank = 1;
			continue;
		}
		if (prev_blank) {
			if (e - s <= 40 && ((b[s] | 0x20) >= 'a' && (b[s] | 0x20) <= 'z') &&
			    np_lexicon_find(c->teasers, b + s, e - s) != NULL)
				t = 1;
			else if ((h = head_at(c, &ln, &fbody, 0)) > 0) {
				found = ln.start;
				c->st.hc_lead = h == 2;
				break;
			}
		} else if (prev_stop && (h = head_at(c, &ln, &fbody, 1)) > 0) {
			found = ln.start;
			c->st.hc_lead = h == 2;
			break;
		}
		/* prose counts up to the highest bar only */
		if (n < HEAD_BODY_TEASER && np_art_is_prose(b, s, e))
			n += e - s;
		prev_blank = 0;
		prev_stop = np_art_ends_sentence(b, s, e);
	}
	c->st.hc_valid = 1;
	c->st.hc_from = from;
	c->st.hc_cand = found;
	c->st.hc_body = fbody;
	c->st.hc_teaser = t;
	c->st.hc_prose = n;
	*body = fbody;
	*teaser |= t;
	*prose = n;
	return found;
}

/*
 * Finds the next accepted head at or after `from`: a candidate whose body,
 * up to the next candidate, holds enough prose.  A teaser heading seen
 * before it (since `teaser` was last cleared) raises the bar.  *bodyp
 * gets where the accepted head's body starts.
 */
static size_t
heads_next(struct np_articles *c, size_t from, int *teaser, size_t *bodyp)
{
	size_t cand, body, next, nbody, need, prose;
	int t2, lead;

	cand = head_candidate(c, from, &body, teaser, &prose);
	while (cand != SIZE_MAX) {
		t2 = *teaser;
		lead = c->st.hc_lead;
		next = head_candidate(c, body, &nbody, &t2, &prose);
		need = *teaser ? HEAD_BODY_TEASER : lead ? HEAD_BODY_LEAD : HEAD_BODY_MIN;
		if (prose >= need) {
			*bodyp = body;
			return cand;
		}
		*teaser = t2;
		cand = next;
		body = nbody;
	}
	return SIZE_MAX;
}

/* The record runs to the accepted head after its own. */
static size_t
heads_end(struct np_articles *c, size_t from)
{
	size_t own, next, body;

	/* the head that ended the last record opens this one */
	if (c->st.pend_valid && c->st.pend_head == from) {
		own = from;
		body = c->st.pend_body;
	} else {
		own = heads_next(c, from, &c->st.teaser, &body);
	}
	if (own == SIZE_MAX)
		return c->len;
	next = heads_next(c, body, &c->st.teaser, &body);
	c->st.pend_valid = next != SIZE_MAX;
	c->st.pend_head = next;
	c->st.pend_body = body;
	return next == SIZE_MAX ? c->len : next;
}

/*
 * After the pass: two heads, and before the first no more than a page
 * header (a story that runs for paragraphs before any head is one
 * article whose later "heads" are teasers).
 */
static int
heads_settle(struct np_articles *c, struct np_art_scan *sc)
{
	size_t lp, body;
	int teaser = 0;

	(void)sc;
	return (lp = heads_next(c, 0, &teaser, &body)) != SIZE_MAX &&
	    np_art_prose_bytes(c->buf, 0, lp, HEAD_BODY_MIN) < HEAD_BODY_MIN &&
	    heads_next(c, body, &teaser, &body) != SIZE_MAX;
}

/* When the trimmed line opens with a dateline lead naming its agency,
 * "CITY (Agency) -", sets *as, *ae to the agency. */
static int
lead_agency(struct np_articles *c, size_t s, size_t e, size_t *as, size_t *ae)
{
	const char *b = c->buf;
	const char *o, *x;
	size_t lim = e - s > 120 ? s + 120 : e;

	if (!np_art_is_lead(c, b, s, e) || (o = memchr(b + s, '(', lim - s)) == NULL ||
	    (x = memchr(o, ')', (size_t)(b + lim - o))) == NULL || x - o < 3)
		return 0;
	*as = (size_t)(o - b) + 1;
	*ae = (size_t)(x - b);
	return 1;
}

/* Heads metadata: the generic reader from the record's head (a page
 * header or banner before the first head is not its title), and the
 * agency of a "CITY (Agency) -" lead as the source. */
static void
meta_heads(struct np_articles *c, struct np_article *a)
{
	struct np_art_hline h[4];
	size_t start = a->record.start, body, as, ae;
	int teaser = 0, n, i;

	if (start == 0 && (start = heads_next(c, 0, &teaser, &body)) == SIZE_MAX)
		start = 0;
	a->record.start = start;
	np_art_meta_plain(c, a);
	a->record.start = a->n == 1 ? 0 : a->record.start;
	n = np_art_read_lines(c->buf, start, a->record.end, h, 4);
	for (i = 0; i < n && a->source.s == NULL; i++)
		if (lead_agency(c, h[i].s, h[i].e, &as, &ae))
			np_art_set_str(c, &a->source, as, ae);
}

const struct np_art_format np_art_heads = {
	NP_ARTICLES_HEADS, "heads", NULL, NULL, heads_settle, heads_end,
	meta_heads, NULL
};
