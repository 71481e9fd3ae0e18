/*
 * html_hints.c - the HTML reader's blocks handed to the boilerplate
 * classifier: one unit per block over the reader's text, with the
 * markup's evidence as the classifier's per-unit hints (bp.h), so that
 * the same first pass, context pass, run selection, headline and cuts
 * decide for HTML as for text.
 *
 * Mapping: container flags as they are (nav, aside, footer, header,
 * article or main, figure/caption, blockquote, pre; forms only when
 * small: 2008 ASP.NET pages wrap the whole page in one <form>, and
 * passing every form cost .03 on l3s-dev), the block's own element (list item, table cell, <p>,
 * heading), the title block, the link density, and the furniture kind
 * of the nearest element whose class, id or role names one
 * (html_read.c) when that element is a box, not a wrapper of the
 * article: it holds at most half of the page's prose (a comment thread
 * may hold more than the story, and still is one).  A block the
 * JSON-LD articleBody holds counts as inside the article, and so does a
 * block of the page's main box (html_read.c) unless its class names
 * furniture (a comment thread is not the article even inside <article>).
 * After the classifier, the main box overrules a run that missed it and
 * ends a run that kept it (box_bounds), and a JSON-LD articleBody the
 * page's blocks mostly hold bounds the article (ld_bounds).  Last, short units the context pass
 * dropped inside the article's markup, between its kept units or
 * between them and its furniture, are kept (gap_fill).
 */
#include <string.h>
#include "bp.h"
#include "newsprep/html.h"

/* A class or id names a box, not a wrapper of the article, when its
 * element holds at most this share of the page's prose: "sidebar" in
 * "and-w-sidebar" on the page's content wrapper, or a 2008 "leftcol" that
 * holds the story, says nothing about the blocks inside. */
#define CLASS_BOX_SHARE 0.5

/* The hint of one block; page_prose: the prose of the whole page. */
static void
hint_of(const struct np_html_block *b, size_t page_prose, struct np_bp_hint *h)
{
	uint32_t f = b->flags, o = 0;

	if (f & NP_HTML_NAV) o |= NP_BP_HINT_NAV;
	if (f & NP_HTML_ASIDE) o |= NP_BP_HINT_ASIDE;
	if (f & NP_HTML_FOOTER) o |= NP_BP_HINT_FOOTER;
	if (f & NP_HTML_HEADER) o |= NP_BP_HINT_HEADER;
	if (f & (NP_HTML_ARTICLE | NP_HTML_MAIN | NP_HTML_LD_BODY))
		o |= NP_BP_HINT_ARTICLE;
	if (f & NP_HTML_SMALLFORM) o |= NP_BP_HINT_FORM;
	if (f & NP_HTML_LI) o |= NP_BP_HINT_LIST;
	if (f & NP_HTML_CELL) o |= NP_BP_HINT_TABLE;
	if (f & NP_HTML_TITLE) o |= NP_BP_HINT_TITLE;
	if (f & NP_HTML_FIGURE) o |= NP_BP_HINT_CAPTION;
	if (f & NP_HTML_QUOTE) o |= NP_BP_HINT_QUOTE;
	if (f & NP_HTML_PRE) o |= NP_BP_HINT_PRE;
	if (f & NP_HTML_P) o |= NP_BP_HINT_PARA;
	if (b->near & NP_HTML_H_BYLINE) o |= NP_BP_HINT_BYLINE;
	h->flags = o;
	h->link_density = b->chars ? (float)b->link_chars / (float)b->chars : 0.0f;
	h->heading = (signed char)b->heading;
	h->class_hint = 0;
	if (b->class_hint < 0 && ((b->class_kinds & NP_HTML_H_COMMENT) ||
	    (double)b->class_prose <= CLASS_BOX_SHARE * (double)page_prose))
		h->class_hint = (signed char)b->class_hint;
	/* the main box counts as the article, but not for a box inside it
	 * whose class names furniture (a comment thread under the story) */
	if ((f & NP_HTML_MAINBOX) && h->class_hint >= 0)
		h->flags |= NP_BP_HINT_ARTICLE;
	/* nor is a comment thread that WordPress put inside <article> */
	if (h->class_hint < 0 && (b->class_kinds & NP_HTML_H_COMMENT))
		h->flags &= ~(uint32_t)NP_BP_HINT_ARTICLE;
}

/* JSON-LD articleBody as the article's bounds: when the page's blocks
 * hold most of it (LD_COVER of its folded length), the blocks it holds
 * are kept and the kept blocks before the first or after the last of
 * them are dropped, but for the headings just above the first (the
 * title, a standfirst's heading). */
#define LD_COVER 0.6
#define LD_HEAD_UNITS 4		/* units above the body that may be its head */

static void
ld_bounds(const struct np_html_page *pg, struct np_bp_result *res)
{
	size_t i, first = SIZE_MAX, last = 0, held = 0;

	if (pg->ld_body.len < 200)
		return;
	for (i = 0; i < res->n; i++)
		if (pg->v[i].flags & NP_HTML_LD_BODY) {
			held += pg->v[i].end - pg->v[i].start;
			if (first == SIZE_MAX)
				first = i;
			last = i;
		}
	if (first == SIZE_MAX || (double)held < LD_COVER * (double)pg->ld_body.len)
		return;
	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];

		if (pg->v[i].flags & NP_HTML_LD_BODY) {
			if (b->cls != NP_BP_GOOD) {
				b->cls = NP_BP_GOOD;
				b->reason = "html: in the JSON-LD articleBody";
				b->keep_start = b->start;
				b->keep_end = b->end;
				b->nholes = 0;
			}
		} else if (b->cls == NP_BP_GOOD && (i > last || (i < first &&
		    !(first - i <= LD_HEAD_UNITS && (pg->v[i].heading > 0 ||
		    (pg->v[i].flags & NP_HTML_TITLE)))))) {
			b->cls = NP_BP_BAD;
			b->reason = "html: outside the JSON-LD articleBody";
		}
	}
}

/* The main box against the classifier's run: when the run kept less than
 * half of the prose the main box holds and the main box's good prose
 * outweighs what the run kept outside it, the run was a teaser list or a
 * sidebar: the main box's good units are kept instead and the kept units
 * outside it dropped, but for headings just above it.  When the run kept
 * the main box and at least half as much as it kept outside, the kept
 * units after the box are a list of other stories (their teasers'
 * descriptions are prose) and are dropped. */
static void
box_bounds(const struct np_html_page *pg, struct np_bp_result *res)
{
	size_t i, first = SIZE_MAX, g_in = 0, k_in = 0, k_out = 0;

	for (i = 0; i < res->n; i++) {
		const struct np_bp_block *b = &res->v[i];

		if (pg->v[i].flags & NP_HTML_MAINBOX) {
			if (first == SIZE_MAX)
				first = i;
			if (b->first == NP_BP_GOOD)
				g_in += b->chars;
			if (b->cls == NP_BP_GOOD)
				k_in += b->chars;
		} else if (b->cls == NP_BP_GOOD)
			k_out += b->chars;
	}
	/* the run kept the main box: what it kept after the box is a list
	 * of other stories, unless it outweighs the box twice over */
	if (first != SIZE_MAX && 2 * k_in >= g_in && 2 * k_in >= k_out) {
		size_t last = first;

		for (i = first; i < res->n; i++)
			if (pg->v[i].flags & NP_HTML_MAINBOX)
				last = i;
		for (i = last + 1; i < res->n; i++)
			if (res->v[i].cls == NP_BP_GOOD) {
				res->v[i].cls = NP_BP_BAD;
				res->v[i].reason = "html: after the page's main box";
			}
		return;
	}
	if (first == SIZE_MAX || 2 * k_in >= g_in || g_in <= k_out)
		return;
	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];

		if (pg->v[i].flags & NP_HTML_MAINBOX) {
			if (b->first == NP_BP_GOOD && b->cls != NP_BP_GOOD) {
				b->cls = NP_BP_GOOD;
				b->reason = "html: the page's main box";
				b->keep_start = b->start;
				b->keep_end = b->end;
				b->nholes = 0;
			}
		} else if (b->cls == NP_BP_GOOD && !(i < first && first - i <= LD_HEAD_UNITS &&
		    (pg->v[i].heading > 0 || (pg->v[i].flags & NP_HTML_TITLE)))) {
			b->cls = NP_BP_BAD;
			b->reason = "html: outside the page's main box";
		}
	}
}

/* Short units the context pass dropped inside the article: a run of at
 * most GAP_UNITS units whose first pass did not call them bad (a
 * subhead, a lead-in, short list items), inside the article's markup
 * with no class naming furniture and no nav, aside, header, footer or
 * form around them, between two kept units of the article, or between
 * one and the furniture on the other side (the share tools above the
 * body, the tags under it: a unit the first pass called bad), is the
 * story's own.  The text classifier drops such units for their bad
 * neighbours; the markup says they are in the body.  Picture marks stay
 * out: they are judged with the text around them, but are not text;
 * and so do date lines (a dateline under the headline is metadata). */
#define GAP_UNITS 12
#define GAP_BAR (NP_BP_HINT_NAV | NP_BP_HINT_ASIDE | NP_BP_HINT_FOOTER | \
    NP_BP_HINT_HEADER | NP_BP_HINT_FORM)

#define KEPT_AT(bp, pg, res, k) ((res)->v[k].cls == NP_BP_GOOD && gap_unit(&(pg)->hints[k]))

static int
gap_unit(const struct np_bp_hint *h)
{
	return (h->flags & NP_BP_HINT_ARTICLE) && !(h->flags & GAP_BAR) &&
	    h->class_hint >= 0;
}

static void
gap_fill(const struct np_boilerplate *bp, const struct np_html_page *pg,
    struct np_bp_result *res)
{
	size_t i, j, k;
	int left_kept, left_bad, right_kept, right_bad;

	for (i = 0; i < res->n; i = j > i ? j : i + 1) {
		/* a run of units the context pass dropped */
		for (j = i; j < res->n && res->v[j].cls != NP_BP_GOOD &&
		    j - i < GAP_UNITS && gap_unit(&pg->hints[j]) &&
		    res->v[j].first != NP_BP_BAD && !bp->u[j].image &&
		    bp->u[j].datew + bp->u[j].digitw < bp->u[j].words; j++)
			;
		if (j == i)
			continue;
		/* between kept units of the article, leading it after its
		 * furniture, or ending it before its furniture */
		left_kept = i > 0 && KEPT_AT(bp, pg, res, i - 1);
		left_bad = i == 0 || (res->v[i - 1].cls != NP_BP_GOOD &&
		    res->v[i - 1].first == NP_BP_BAD);
		right_kept = j < res->n && KEPT_AT(bp, pg, res, j);
		right_bad = j < res->n && res->v[j].cls != NP_BP_GOOD &&
		    res->v[j].first == NP_BP_BAD;
		if (!(right_kept && (left_kept || left_bad)) &&
		    !(left_kept && right_bad))
			continue;
		for (k = i; k < j; k++) {
			struct np_bp_block *b = &res->v[k];

			b->cls = NP_BP_GOOD;
			b->reason = "html: between kept units of the article";
			b->keep_start = b->start;
			b->keep_end = b->end;
			b->nholes = 0;
		}
	}
}

int
np_boilerplate_classify_html(struct np_boilerplate *bp, struct np_html_page *pg,
    struct np_bp_result *res)
{
	size_t i;
	int rc;

	res->n = 0;
	res->text = pg->text.data;
	res->text_len = pg->text.len;
	for (i = 0; i < pg->n; i++) {
		struct np_bp_block *u;

		if (np_grow(&res->v, &res->cap, i, sizeof *res->v, 256) != NP_OK ||
		    np_grow(&pg->hints, &pg->hints_cap, i, sizeof *pg->hints, 256) != NP_OK)
			return NP_ENOMEM;
		u = &res->v[i];
		memset(u, 0, sizeof *u);
		u->start = pg->v[i].start;
		u->end = pg->v[i].end;
		u->keep_start = u->start;
		u->keep_end = u->end;
		u->next = u->end + 1;	/* the reader ends each block with "\n\n" */
		u->para = i;
		hint_of(&pg->v[i], pg->prose_chars, &pg->hints[i]);
		res->n++;
	}
	if ((rc = np_bp_classify_units(bp, pg->text.data, pg->text.len, res, pg->hints)) != NP_OK)
		return rc;
	box_bounds(pg, res);
	ld_bounds(pg, res);
	gap_fill(bp, pg, res);
	return NP_OK;
}
