/*
 * classify.c - the classification stage of the boilerplate engine:
 * every unit good or bad, and the article's run.
 *
 * 1. First pass (jusText's classifier, extended).  Before length and
 *    stopword density decide good / near-good / short / bad as jusText
 *    does, plain-text evidence speaks: the site template (-T), the
 *    copyright sign, a furniture phrase from the multilingual lexicon
 *    (whole unit, start of a short unit, anywhere in a short unit),
 *    cookie notices and disclaimers, photo captions, date-only and dated lines, lists
 *    joined by separators, units repeated in the page, one-word ALL CAPS
 *    lines, blocks of several lines none of which is a sentence.
 *    Sentence-ness (terminal punctuation, commas, lower-case share) lifts
 *    prose the stoplist misses, a dateline marks a lede, scripts without
 *    spaces are judged by length and punctuation, and Title Case without
 *    a sentence end lowers headline-like lines.  A reader's hints (see
 *    bp.h), when given, add their evidence last.
 *
 * 2. Context pass: jusText's rules for short and near-good units by
 *    their nearest good/bad neighbours, looking through inline furniture
 *    (captions, advertisement marks, teasers).
 *
 * 3. The article is one contiguous run: the best-scoring run of units
 *    (kept characters count for it, dropped ones against it; date lines
 *    and "Related" / "Most popular" headings weigh heavily; prose that
 *    w3m indented counts less when the page has prose at the margin).  A
 *    "Comments" or "About the author" heading after real content ends a
 *    segment, and a later segment must be much stronger to win.  Kept
 *    units outside the run are dropped.  When nothing is kept (a thin
 *    page), the longest prose-like unit is.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "bp.h"

enum { BOX_UNITS = 24 };	/* units a box and the prose after it are looked for in */

/* Share of capitalised words among words with letters. */
static double
cap_share(const struct bp_unit *u)
{
	return u->letters ? (double)u->capw / (double)u->letters : 0;
}

/*
 * A reader's evidence about unit u (see bp.h) on top of its text's class
 * *c (reason *r): containers that hold no article (navigation, forms,
 * captions, asides, footers outside an article) and link lists are bad;
 * a furniture-like class or id drops what is not good prose inside an
 * article; an article's short list items and table rows go to the
 * context pass like short prose; a near-good paragraph inside an article
 * is good.
 */
static void
apply_hint(const struct np_boilerplate *bp, const struct bp_unit *u, const struct np_bp_hint *h,
    enum np_bp_class *c, const char **r)
{
	int article = (h->flags & NP_BP_HINT_ARTICLE) != 0;
	char r0 = strcmp(*r, "few stopwords") == 0 ? 'f' : 0;

	if (u->words == 0)
		return;
	if (h->flags & (NP_BP_HINT_NAV | NP_BP_HINT_FORM)) {
		*c = NP_BP_BAD;
		*r = "html: navigation or form";
	} else if (h->flags & NP_BP_HINT_CAPTION) {
		*c = NP_BP_BAD;
		*r = "html: caption";
	} else if ((h->flags & NP_BP_HINT_ASIDE) ||
	    (!article && (h->flags & (NP_BP_HINT_FOOTER | NP_BP_HINT_HEADER)) &&
	    !(h->flags & NP_BP_HINT_TITLE) && h->heading == 0)) {
		*c = NP_BP_BAD;
		*r = "html: aside, header or footer";
	} else if ((h->link_density > 0.5f || (h->link_density > 0.25f && *c != NP_BP_GOOD)) &&
	    !(article && (h->flags & NP_BP_HINT_PARA) && h->link_density <= 0.75f &&
	    u->ends_term && u->words >= 15 && u->loww * 2 > u->letters)) {
		*c = NP_BP_BAD;
		*r = "html: mostly links";
	} else if (h->class_hint < 0 && !(article && *c == NP_BP_GOOD && u->ends_term)) {
		*c = NP_BP_BAD;
		*r = "html: furniture class";
	} else if (article && *c == NP_BP_BAD && (h->flags & (NP_BP_HINT_LIST | NP_BP_HINT_TABLE)) &&
	    u->furn == NULL && !u->copyright && u->chars < bp->o.length_high) {
		*c = NP_BP_SHORT;
		*r = "html: article list item";
	} else if (article && *c == NP_BP_BAD && (h->flags & NP_BP_HINT_PARA) && r0 == 'f' &&
	    u->furn == NULL && !u->copyright && h->link_density < 0.1f) {
		*c = NP_BP_NEAR_GOOD;
		*r = "html: article paragraph, few stopwords";
	} else if (article && *c == NP_BP_NEAR_GOOD && (h->flags & NP_BP_HINT_PARA)) {
		*c = NP_BP_GOOD;
		*r = "html: article paragraph";
	}
}

/* True when unit u is a picture's caption or credit ("Image 2 of 5",
 * "(Image credit: ...)", a line ending in a photo credit). */
static int
photo_mark(const struct bp_unit *u)
{
	return u->caption || (u->furn != NULL && u->furn_where > 0 &&
	    (strcmp(u->furn->kind, "caption") == 0 || strcmp(u->furn->kind, "credit") == 0));
}

/* Whether a unit a reader's hint dropped inside the article is inline
 * furniture the context pass looks through (a caption, an ad or promo
 * box), as it does for such units in text.  Lines of links are not:
 * passing them cost .001 on l3s-dev. */
static int
html_inline_furniture(const struct np_bp_hint *h, const char *r)
{
	return (h->flags & NP_BP_HINT_ARTICLE) && (strcmp(r, "html: caption") == 0 ||
	    strcmp(r, "html: furniture class") == 0);
}

/* The first pass: sets first class and reason of every unit. */
void
np_bp_first_pass(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res,
    const struct np_bp_hint *hints)
{
	const struct np_boilerplate_opts *o = &bp->o;
	size_t i;

	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];
		struct bp_unit *u = &bp->u[i];
		/* stopword density among words that are not numbers (scores,
		 * results and figures are prose too) */
		size_t nw = u->words - u->digitw;
		double sd = nw ? (double)u->stops / (double)nw : 0;

		/* a page's own frequent words cover less of its prose than a
		 * stoplist does: its density counts for more */
		if (bp->derived)
			sd /= DERIVED_SCALE;
		enum np_bp_class c;
		const char *r;

		if (u->words == 0) {
			c = NP_BP_BAD;
			r = "no words";
		} else if (u->is_template) {
			c = NP_BP_BAD;
			r = "site template";
		} else if (u->boxdraw * 4 >= u->chars) {
			c = NP_BP_BAD;	/* a text browser's box around a menu */
			r = "frame";
		} else if (u->copyright && u->chars < 2 * o->length_high) {
			c = NP_BP_BAD;
			r = "copyright sign";
		} else if (u->furn != NULL && (u->furn_where == BP_AT_LINE ||
		    u->furn_where == BP_AT_TAIL)) {
			c = NP_BP_BAD;
			r = "furniture phrase";
			b->detail = u->furn->kind;
		} else if (u->furn != NULL && (u->furn_where == BP_AT_START ||
		    (u->furn_where == -BP_AT_LINE && u->furn_end < b->end &&
		    buf[u->furn_end] == ':')) && u->chars < o->length_high) {
			/* "Read more ...", "Related: Other story" */
			c = NP_BP_BAD;
			r = "starts with furniture";
			b->detail = u->furn->kind;
		} else if (u->furn != NULL && u->furn_where > 0 && u->chars < 3 * o->length_high &&
		    (strcmp(u->furn->kind, "cookie") == 0 ||
		    strcmp(u->furn->kind, "disclaimer") == 0)) {
			/* (a cookie banner, a medical or trademark disclaimer:
			 * prose, but the site's) */
			c = NP_BP_BAD;
			r = u->furn->kind[0] == 'c' ? "cookie notice" : "disclaimer";
			b->detail = u->furn->kind;
		} else if (u->furn != NULL && u->furn_where == BP_AT_ANY &&
		    u->chars < o->length_high) {
			c = NP_BP_BAD;
			r = "holds furniture";
			b->detail = u->furn->kind;
		} else if (u->caption) {
			c = NP_BP_BAD;
			r = "caption, ends with a credit";
		} else if (u->embed_sig) {
			/* "— Name (@handle) October 9, 2018" under a quoted post
			 * is the article's, not a dated teaser */
			c = NP_BP_SHORT;
			r = "embedded post's signature";
		} else if (u->image && bp_date_only(u)) {
			/* "[1-300x300]": a picture's file name, not a date */
			c = NP_BP_BAD;
			r = "picture mark";
		} else if (bp_date_only(u)) {
			c = NP_BP_BAD;
			r = "date only";
			u->dated = 1;
		} else if (u->chars < o->length_low && u->digitw >= 1 && u->datew >= 2 &&
		    u->words <= 14 && (u->ends_colon || u->seps > 0 || u->words - u->datew -
		    u->digitw <= 4)) {
			c = NP_BP_BAD;
			r = "dated line";
			u->dated = 1;
		} else if (u->seps >= 2 && u->seps * 4 >= u->words) {
			c = NP_BP_BAD;
			r = "separated list";
		} else if (u->dup > 1 && u->chars < o->length_low) {
			c = NP_BP_BAD;
			r = "repeated in page";
		} else if (u->dup > 1 && !u->dup_last) {
			/* of a paragraph printed twice (a summary, then the
			 * text) the last copy is judged */
			c = NP_BP_BAD;
			r = "repeated in page";
		} else if (u->chars < o->length_low) {
			if (u->capsw * 2 > u->letters && u->letters > 0 && u->words == 1) {
				c = NP_BP_BAD;
				r = "short, all caps";
			} else {
				c = NP_BP_SHORT;
				r = "short";
			}
		} else if (sd >= o->stopwords_high) {
			if (u->chars > o->length_high) {
				c = NP_BP_GOOD;
				r = "long, stopword-dense";
			} else {
				c = NP_BP_NEAR_GOOD;
				r = "medium, stopword-dense";
			}
		} else if (sd >= o->stopwords_low) {
			c = NP_BP_NEAR_GOOD;
			r = "some stopwords";
		} else {
			c = NP_BP_BAD;
			r = "few stopwords";
		}
		/* sentence-ness: real prose that the stoplist misses */
		if (c == NP_BP_BAD && r[0] == 'f' && u->chars > o->length_high &&
		    u->ends_term && ((u->loww * 2 > u->letters &&
		    (u->commas >= 1 || u->terms >= 2)) || (u->terms >= 2 && u->commas >= 2))) {
			c = sd >= o->stopwords_low / 2 || bp->derived ? NP_BP_GOOD :
			    NP_BP_NEAR_GOOD;
			r = "prose without stopwords";
		}
		/* "TOKYO (AP) — Prime Minister ...": a news story starts */
		if (u->dateline && u->chars >= o->length_low && c != NP_BP_GOOD &&
		    u->furn == NULL) {
			c = NP_BP_GOOD;
			r = "dateline lede";
		}
		/* a script written without spaces (Chinese, Japanese): words
		 * are clauses and stopwords cannot be counted; length and
		 * sentence punctuation decide */
		if ((c == NP_BP_BAD || c == NP_BP_SHORT) && (r[0] == 'f' || r[0] == 's') &&
		    u->words > 0 && u->chars / u->words > 12 && (u->ends_term || u->commas > 0) &&
		    u->boxdraw * 4 < u->chars) {
			c = u->chars > o->length_high ? NP_BP_GOOD : u->chars >= o->length_low ?
			    NP_BP_NEAR_GOOD : NP_BP_SHORT;
			r = "unspaced script, sentences";
		}
		/* long prose just under the good density */
		if (c == NP_BP_NEAR_GOOD && u->chars > o->length_high && u->ends_term &&
		    (u->terms >= 2 || u->commas >= 2) && r[0] == 's') {
			c = NP_BP_GOOD;
			r = "long prose, some stopwords";
		}
		/* medium prose: sentences with enough stopwords are as good
		 * as a long paragraph (pages of one-sentence paragraphs) */
		if (c == NP_BP_NEAR_GOOD && u->ends_term && u->loww * 2 > u->letters &&
		    u->chars >= o->length_low + 30 && sd >= o->stopwords_high) {
			c = NP_BP_GOOD;
			r = "medium prose";
		}
		/* a medium sentence with a few stopwords less than needed */
		if (c == NP_BP_BAD && r[0] == 'f' && u->chars >= o->length_low &&
		    u->ends_term && u->loww * 2 > u->letters &&
		    sd >= o->stopwords_low * 0.75) {
			c = NP_BP_NEAR_GOOD;
			r = "sentence, some stopwords";
		}
		/* headline-like: Title Case or caps, no sentence end */
		if ((c == NP_BP_NEAR_GOOD || c == NP_BP_GOOD) && !u->ends_term &&
		    u->chars < o->length_high && u->commas == 0 && cap_share(u) > 0.6) {
			c = NP_BP_SHORT;
			r = "title case";
		}
		/* a medium line without any sentence end and few lower-case
		 * words is a teaser or a menu */
		if (c == NP_BP_NEAR_GOOD && !u->ends_term && u->terms == 0 &&
		    u->loww * 2 < u->letters) {
			c = NP_BP_SHORT;
			r = "no sentence";
		}
		if (hints != NULL)
			apply_hint(bp, u, &hints[i], &c, &r);
		b->first = c;
		b->cls = c;
		b->reason = r;
		u->transparent = (u->furn != NULL && u->furn_where != BP_AT_TAIL &&
		    c == NP_BP_BAD && r[0] != 'f' && strcmp(u->furn->kind, "nav") != 0) ||
		    (u->caption && c == NP_BP_BAD) ||
		    /* a long text printed again and again (a blog photo's
		     * alt text between the sections) is seen through */
		    (c == NP_BP_BAD && u->dup > 1 && u->chars >= o->length_low) ||
		    (hints != NULL && c == NP_BP_BAD && html_inline_furniture(&hints[i], r));
		b->chars = u->chars;
		b->words = u->words;
		b->stops = u->stops;
		b->density = sd;
	}
	/* a gallery: text between a picture's marks ("Image 2 of 5", the
	 * caption, maybe twice, "(Image credit: ...)") is its caption */
	for (i = 1; i + 1 < res->n; i++) {
		struct bp_unit *u = &bp->u[i];
		size_t p = i - 1, q = i + 1;

		if (u->words == 0 || photo_mark(u) || res->v[i].first == NP_BP_GOOD)
			continue;
		/* (a few steps: empty lines and the caption's copy) */
		while (p > 0 && i - p < 4 && (bp->u[p].words == 0 || bp->u[p].hash == u->hash))
			p--;
		while (q + 1 < res->n && q - i < 4 && (bp->u[q].words == 0 ||
		    bp->u[q].hash == u->hash))
			q++;
		if (photo_mark(&bp->u[p]) && photo_mark(&bp->u[q]) && !u->bullet &&
		    u->listno == 0 && !u->table) {
			res->v[i].first = res->v[i].cls = NP_BP_BAD;
			res->v[i].reason = "caption between picture marks";
			u->transparent = 1;
		}
	}
	/* a text repeated in the page right under a picture's mark is its
	 * caption (a gallery's or a blog's photos) */
	for (i = 1; i < res->n; i++) {
		struct bp_unit *u = &bp->u[i];

		if (u->dup > 1 && u->words > 0 && res->v[i].first != NP_BP_GOOD &&
		    (bp->u[i - 1].image || (bp->u[i - 1].hash == u->hash &&
		    bp->u[i - 1].transparent))) {	/* (and its copy under it) */
			res->v[i].first = res->v[i].cls = NP_BP_BAD;
			res->v[i].reason = "caption under a picture";
			u->transparent = 1;
		}
	}
	/* a block of several lines none of which is a sentence or long:
	 * a teaser box, a menu, a headline list */
	for (i = 0; i < res->n;) {
		size_t j = i, k;
		int prose = 0;

		while (j < res->n && res->v[j].para == res->v[i].para) {
			struct bp_unit *u = &bp->u[j];

			if (u->ends_term || u->chars >= o->length_high || u->bullet)
				prose = 1;
			/* list items and table rows of an article are its content */
			if (hints != NULL && (hints[j].flags & NP_BP_HINT_ARTICLE) &&
			    (hints[j].flags & (NP_BP_HINT_LIST | NP_BP_HINT_TABLE)))
				prose = 1;
			j++;
		}
		if (j - i >= 2 && !prose) {
			for (k = i; k < j; k++) {
				if (res->v[k].first == NP_BP_SHORT ||
				    res->v[k].first == NP_BP_NEAR_GOOD) {
					res->v[k].first = res->v[k].cls = NP_BP_BAD;
					res->v[k].reason = "block without sentences";
				}
			}
		}
		i = j;
	}
}

/* Nearest class among GOOD/BAD (and NEAR_GOOD unless ignored) before i;
 * the document edge counts as bad.  Uses `first` classes, or `cls` when
 * use_final. */
static enum np_bp_class
neighbour(const struct np_boilerplate *bp, const struct np_bp_result *res, size_t i, int dir,
    int ignore_near, int use_final)
{
	size_t j = i;

	for (;;) {
		enum np_bp_class c;

		if (dir < 0) {
			if (j == 0)
				return NP_BP_BAD;
			j--;
		} else {
			if (j + 1 >= res->n)
				return NP_BP_BAD;
			j++;
		}
		if (bp->u[j].transparent)
			continue;
		c = use_final ? res->v[j].cls : res->v[j].first;
		if (c == NP_BP_GOOD || c == NP_BP_BAD)
			return c;
		if (c == NP_BP_NEAR_GOOD && !ignore_near)
			return c;
	}
}

/*
 * True when near-good unit i is one of three or more paragraphs in a row
 * that end sentences, two of them near-good, the others short sentences
 * (empty and inline furniture units between them are looked through),
 * with at least 1.5 length_high characters together: an article of
 * short paragraphs whose stopword share falls just short (jusText drops
 * it between bad neighbours).  Looks at most NEAR_RUN_LOOK units each way.
 */
static int
near_good_run(const struct np_boilerplate *bp, const struct np_bp_result *res, size_t i)
{
	size_t n = 0, near = 0, chars = 0, j, steps;
	int dir;

	for (dir = -1; dir <= 1; dir += 2) {
		for (j = i, steps = 0; steps < NEAR_RUN_LOOK; steps++) {
			const struct bp_unit *u;

			if (dir < 0 ? j == 0 : j + 1 >= res->n)
				break;
			j = dir < 0 ? j - 1 : j + 1;
			u = &bp->u[j];
			if (u->words == 0 || u->transparent)
				continue;
			if (!u->ends_term || (res->v[j].first != NP_BP_NEAR_GOOD &&
			    !(res->v[j].first == NP_BP_SHORT && u->words >= 5 && u->furn == NULL)))
				break;
			n++;
			near += res->v[j].first == NP_BP_NEAR_GOOD;
			chars += u->chars;
		}
	}
	return bp->u[i].ends_term && n + 1 >= 3 && near >= 1 &&
	    2 * (chars + bp->u[i].chars) >= 3 * bp->o.length_high;
}

/* jusText's context pass (see /work/shared/README.md): short units by
 * their neighbours, then near-good ones. */
void
np_bp_context_pass(const struct np_boilerplate *bp, struct np_bp_result *res)
{
	size_t i;

	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];
		enum np_bp_class p, n;

		if (b->first != NP_BP_SHORT)
			continue;
		p = neighbour(bp, res, i, -1, 1, 0);
		n = neighbour(bp, res, i, +1, 1, 0);
		if (p == NP_BP_BAD && n == NP_BP_BAD) {
			b->cls = NP_BP_BAD;
			b->reason = "short, between bad";
		} else if (p == NP_BP_GOOD && n == NP_BP_GOOD) {
			b->cls = NP_BP_GOOD;
			b->reason = "short, between good";
		} else if (p == NP_BP_BAD) {
			b->cls = neighbour(bp, res, i, -1, 0, 0) == NP_BP_NEAR_GOOD ?
			    NP_BP_GOOD : NP_BP_BAD;
			b->reason = b->cls == NP_BP_GOOD ? "short, near-good before" :
			    "short, after bad";
		} else {
			b->cls = neighbour(bp, res, i, +1, 0, 0) == NP_BP_NEAR_GOOD ?
			    NP_BP_GOOD : NP_BP_BAD;
			b->reason = b->cls == NP_BP_GOOD ? "short, near-good after" :
			    "short, before bad";
		}
	}
	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];

		if (b->first != NP_BP_NEAR_GOOD)
			continue;
		if (neighbour(bp, res, i, -1, 1, 1) == NP_BP_BAD &&
		    neighbour(bp, res, i, +1, 1, 1) == NP_BP_BAD) {
			if (near_good_run(bp, res, i)) {
				b->cls = NP_BP_GOOD;
				b->reason = "near-good, in a run of them";
			} else {
				b->cls = NP_BP_BAD;
				b->reason = "near-good, between bad";
			}
		} else {
			b->cls = NP_BP_GOOD;
			b->reason = "near-good, by good";
		}
	}
}

/* True when the unit is one web address (a list's link line). */
static int
url_only(const struct bp_unit *u)
{
	return u->url && u->words <= 12 && !u->ends_term;
}

/* What a unit can be inside an article besides prose: 'i' a list item,
 * 'r' a table row or a record (prev and next: the lines of its block
 * before and after it, or NULL), 'h' a subhead or a list's lead-in
 * ("Sowing dates", "What you need:"), 'u' a link or picture line and 's'
 * a short sentence among items, 0 none.  Furniture, repeats (but a
 * table's head row), captions, menus and date-only lines are none. */
enum { bp_record_max = 200 };
static int
content_kind(const struct np_bp_block *b, const struct bp_unit *u, const struct bp_unit *prev,
    const struct bp_unit *next)
{
	if (u->words == 0 || u->furn != NULL || u->copyright || u->is_template ||
	    u->caption || u->seps >= 2 || b->cls == NP_BP_GOOD)
		return 0;
	if (u->table)
		return 'r';	/* (a table's head row comes again over each table) */
	if (u->image || url_only(u))
		return 'u';
	if (u->dup > 1 || bp_date_only(u))
		return 0;
	if (u->bullet || u->listno > 0)
		return 'i';
	/* a short sentence among the items */
	if (b->first == NP_BP_SHORT && u->ends_term && u->words >= 3 && u->loww * 2 > u->letters)
		return 's';
	/* a record: a line of a block whose lines share their separators */
	if (u->marks != 0 && !u->ends_term && u->chars < bp_record_max &&
	    ((prev != NULL && prev->marks == u->marks) || (next != NULL && next->marks == u->marks)))
		return 'r';
	if (u->words <= 12 && u->chars < 100 && !u->ends_period && !u->bracket &&
	    (u->first_upper || u->ends_colon))
		return 'h';
	return 0;
}

/* content_kind of unit k, with the lines of its block around it. */
static int
kind_at(const struct np_boilerplate *bp, const struct np_bp_result *res, size_t k)
{
	const struct bp_unit *prev = k > 0 && res->v[k - 1].para == res->v[k].para ?
	    &bp->u[k - 1] : NULL;
	const struct bp_unit *next = k + 1 < res->n && res->v[k + 1].para == res->v[k].para ?
	    &bp->u[k + 1] : NULL;

	return content_kind(&res->v[k], &bp->u[k], prev, next);
}

/*
 * Article content that is not prose: after a kept unit, a stretch of list
 * items, table rows and subheads is kept when it is introduced (the unit
 * before ends with a colon) or closed (a kept unit follows).  A numbered
 * list must count up by one.  Runs after the context pass, before the
 * run search, so that the kept stretch joins the article's run.
 */
void
np_bp_article_lists(const struct np_boilerplate *bp, struct np_bp_result *res)
{
	size_t i = 0;

	while (i < res->n) {
		size_t j, k, items = 0, heads = 0, rows = 0;
		unsigned last_no = 0;
		int intro, closed, head_first = 0;

		if (res->v[i].cls != NP_BP_GOOD) {
			i++;
			continue;
		}
		intro = bp->u[i].ends_colon;
		for (k = i + 1; k < res->n; k++) {
			const struct bp_unit *u = &bp->u[k];
			int kind;

			if (u->words == 0 && u->chars > 2)
				break;	/* a rule or a form field ends a section */
			if (u->words == 0)
				continue;
			kind = kind_at(bp, res, k);
			/* (far to the right of the text is another column) */
			if (kind == 0 || u->indent > bp->u[i].indent + (kind == 'r' ? 24 : 8))
				break;
			if (kind == 'u' || kind == 's')
				continue;	/* links, pictures, short sentences go along */
			if (u->listno > 0) {
				if (last_no > 0 && u->listno != last_no + 1)
					break;
				last_no = u->listno;
			}
			if (kind == 'h') {
				/* two lead-ins in a row are a menu */
				if (heads > 0 && k > i + 1 && kind_at(bp, res, k - 1) == 'h')
					break;
				if (items == 0 && heads == 0)
					head_first = 1;
				heads++;
			} else {
				items++;
				rows += u->table > 1 ? (size_t)u->table : kind == 'r' || u->listno > 0;
			}
		}
		/* a heading over three or more rows or numbered items
		 * introduces them too ("Tour dates", then the dates) */
		intro |= head_first && rows >= 3;
		/* closed by prose of its own (not another list's item kept by
		 * the context pass); lead-ins left at the stretch's end are
		 * dropped unless prose follows */
		closed = k < res->n && res->v[k].cls == NP_BP_GOOD && !bp->u[k].bullet &&
		    bp->u[k].listno == 0 && res->v[k].first != NP_BP_SHORT;
		if (items > 0 && (closed || intro)) {
			size_t end = k;

			if (!closed)
				while (end > i + 1 && (bp->u[end - 1].words == 0 ||
				    kind_at(bp, res, end - 1) == 'h'))
					end--;
			for (j = i + 1; j < end; j++) {
				int kind = kind_at(bp, res, j);

				if (kind == 0 || (kind == 'u' && bp->u[j].image))
					continue;
				res->v[j].cls = NP_BP_GOOD;
				res->v[j].reason = kind == 'i' ? "list item in the article" :
				    kind == 'r' ? "table row in the article" :
				    kind == 'u' ? "link in the article" :
				    kind == 's' ? "sentence in the article" :
				    "subhead in the article";
			}
		}
		i = k > i + 1 ? k : i + 1;
	}
}

/*
 * A "Related" or "Most popular" heading heads a box: the short lines and
 * the teasers kept by the context pass under it, up to the first
 * paragraph (good on its own, or 150 characters long), are the box's,
 * not the article's.
 */
void
np_bp_heading_boxes(const struct np_boilerplate *bp, struct np_bp_result *res)
{
	size_t i, j;

	for (i = 0; i < res->n; i++) {
		const struct bp_unit *u = &bp->u[i];

		if (u->furn == NULL || u->furn_where != BP_AT_TAIL ||
		    (strcmp(u->furn->kind, "related") != 0 && strcmp(u->furn->kind, "popular") != 0))
			continue;
		for (j = i + 1; j < res->n && j - i <= BOX_UNITS; j++) {
			struct np_bp_block *b = &res->v[j];

			if (bp->u[j].words == 0)
				continue;
			if (b->first == NP_BP_GOOD || (bp->u[j].furn != NULL &&
			    bp->u[j].furn_where == BP_AT_TAIL) ||
			    bp->u[j].chars >= 150)
				break;	/* (a paragraph, not a teaser) */
			if (b->cls == NP_BP_GOOD) {
				b->cls = NP_BP_BAD;
				b->reason = "in a related box";
			}
		}
	}
}

/* Kept units' score for the run search.  flat: the page has prose at
 * the left margin, where w3m puts an article's paragraphs (indented
 * prose is then in lists, tables and sidebars: teasers, comments).
 * inbox: the unit heads a box inside the article (see in_article_box).
 * photo: it belongs to a picture or a gallery (see photo_text), which
 * costs the run little: articles carry pictures in their middle. */
static double
unit_weight(const struct np_bp_block *b, const struct bp_unit *u, int flat, int inbox,
    int photo)
{
	if (b->cls == NP_BP_GOOD) {
		double w = (double)(b->chars < 3000 ? b->chars : 3000);

		if (flat && u->indent > 0 && !(u->bullet && u->indent <= 2))
			w *= 0.25;	/* (a list item of the text is at 2) */
		return b->first == NP_BP_GOOD ? w : w * 0.5;
	}
	if (u->words == 0)
		return -2;
	if (photo)
		return -10;	/* a picture's caption or credit, a gallery's text */
	if (u->dated)
		return -DATED_WEIGHT;	/* comment and teaser lists carry dates */
	if (u->furn != NULL && u->furn_where == BP_AT_TAIL && !inbox)
		return -300;	/* "Related", "Most popular": a box or the end */
	return -((double)(b->chars < 600 ? b->chars : 600) * 0.5 + 20);
}

/*
 * True when the "Related" or "Most popular" heading at i heads a box in
 * the middle of the article: a few short lines, then the article's prose
 * again (two paragraphs in a row, the first good on its own, together at
 * least length_high characters).  Such a box costs the run what its
 * lines cost, not what an article's end does.
 */
static int
in_article_box(const struct np_boilerplate *bp, const struct np_bp_result *res, size_t i)
{
	size_t j, lines = 0, kept = 0;

	for (j = i + 1; j < res->n; j++) {
		const struct bp_unit *u = &bp->u[j];

		if (j - i > BOX_UNITS)
			return 0;
		if (u->words == 0)
			continue;
		if (res->v[j].cls == NP_BP_GOOD)
			break;
		if (u->chars >= bp->o.length_low || u->dated || ++lines > 6 ||
		    (u->furn != NULL && u->furn_where == BP_AT_TAIL))
			return 0;
	}
	if (j >= res->n || res->v[j].first != NP_BP_GOOD || lines == 0)
		return 0;
	/* two paragraphs in a row (a box of teasers alternates a headline
	 * and a summary) */
	for (lines = 0, i = j; j < res->n && lines < 2; j++) {
		const struct bp_unit *u = &bp->u[j];

		if (j - i > BOX_UNITS)
			return 0;
		if (u->words == 0 || u->transparent || (u->furn != NULL &&
		    u->furn_where == BP_AT_LINE && strcmp(u->furn->kind, "ad") == 0))
			continue;	/* (an "Advertisement" line between them) */
		if (res->v[j].cls != NP_BP_GOOD || res->v[j].first == NP_BP_SHORT ||
		    res->v[j].first == NP_BP_BAD)
			return 0;
		kept += u->chars;
		lines++;
	}
	return lines == 2 && kept >= bp->o.length_high;
}

/* True when unit i is text of a picture: its mark, its caption mark, or
 * a repeated text next to one (a gallery prints each caption twice). */
static int
photo_text(const struct np_boilerplate *bp, const struct np_bp_result *res, size_t i)
{
	const struct bp_unit *u = &bp->u[i];

	if (res->v[i].cls == NP_BP_GOOD)
		return 0;
	if (photo_mark(u) || u->image)
		return 1;
	/* a repeated text right under a picture's mark is its caption */
	if (u->dup > 1 && i > 0 && bp->u[i - 1].image)
		return 1;
	return u->dup > 1 && ((i > 0 && (photo_mark(&bp->u[i - 1]) ||
	    (bp->u[i - 1].hash == u->hash && i > 1 && photo_mark(&bp->u[i - 2])))) ||
	    (i + 1 < res->n && (photo_mark(&bp->u[i + 1]) ||
	    (bp->u[i + 1].hash == u->hash && i + 2 < res->n && photo_mark(&bp->u[i + 2])))));
}

/* How much a segment after a tail phrase of this kind is worth. */
static double
tail_factor(const char *kind)
{
	if (strcmp(kind, "comments") == 0)
		return 0.05;
	if (strcmp(kind, "author") == 0)
		return 0.1;
	return 1;	/* other tails only weigh against the run */
}

/* Finds the article's run and drops kept units outside it.  Returns the
 * run in *ra, *rb (rb exclusive; ra == rb when nothing is kept). */
void
np_bp_select_run(struct np_boilerplate *bp, struct np_bp_result *res, size_t *ra, size_t *rb)
{
	size_t i, cur_a = 0, best_a = 0, best_b = 0;
	double cur = 0, best = 0, best_score = 0, kept_before = 0, factor = 1.0, next_factor = 1.0;
	size_t flat_chars = 0;
	int flat;

	for (i = 0; i < res->n; i++)
		if (res->v[i].cls == NP_BP_GOOD && (bp->u[i].indent == 0 ||
		    (bp->u[i].bullet && bp->u[i].indent <= 2)))
			flat_chars += res->v[i].chars;
	flat = flat_chars >= 2 * bp->o.length_high;
	*ra = *rb = 0;
	for (i = 0; i <= res->n; i++) {
		int barrier = 0;

		if (i < res->n) {
			struct bp_unit *u = &bp->u[i];

			barrier = u->furn != NULL && u->furn_where == BP_AT_TAIL &&
			    kept_before >= (double)bp->o.length_high &&
			    tail_factor(u->furn->kind) < 0.2;
		}
		if (i == res->n || barrier) {
			/* close the segment that ends here */
			if (best * factor > best_score) {
				best_score = best * factor;
				*ra = best_a;
				*rb = best_b;
			}
			if (i == res->n)
				break;
			next_factor *= tail_factor(bp->u[i].furn->kind);
			factor = next_factor;
			cur = best = 0;
			cur_a = i + 1;
			continue;
		}
		{
			const struct bp_unit *u = &bp->u[i];
			double w = unit_weight(&res->v[i], u, flat, u->furn != NULL &&
			    u->furn_where == BP_AT_TAIL && in_article_box(bp, res, i),
			    photo_text(bp, res, i));

			if (res->v[i].cls == NP_BP_GOOD)
				kept_before += (double)res->v[i].chars;
			if (cur <= 0) {
				cur = 0;
				cur_a = i;
			}
			cur += w;
			if (cur > best) {
				best = cur;
				best_a = cur_a;
				best_b = i + 1;
			}
		}
	}
	for (i = 0; i < res->n; i++) {
		if ((i < *ra || i >= *rb) && res->v[i].cls == NP_BP_GOOD) {
			res->v[i].cls = NP_BP_BAD;
			res->v[i].reason = "outside the article";
		} else if (res->v[i].cls == NP_BP_GOOD && bp->u[i].image) {
			/* judged with the text around it, but not text */
			res->v[i].cls = NP_BP_BAD;
			res->v[i].reason = "picture mark";
		}
	}
}

/* When nothing is kept (a thin page), keeps the longest prose-like unit
 * and makes it the run. */
void
np_bp_thin_page(struct np_boilerplate *bp, struct np_bp_result *res, size_t *ra, size_t *rb)
{
	size_t i, best = SIZE_MAX;

	for (i = 0; i < res->n; i++)
		if (res->v[i].cls == NP_BP_GOOD)
			return;
	for (i = 0; i < res->n; i++) {
		struct bp_unit *u = &bp->u[i];

		if (u->words < 5 || u->furn != NULL || u->copyright || bp_date_only(u) ||
		    u->is_template || (u->dup > 1 && !u->dup_last))
			continue;
		if (u->loww * 3 < u->letters && !u->ends_term)
			continue;
		if (best == SIZE_MAX || res->v[i].chars > res->v[best].chars)
			best = i;
	}
	if (best != SIZE_MAX) {
		res->v[best].cls = NP_BP_GOOD;
		res->v[best].reason = "thin page, longest prose";
		*ra = best;
		*rb = best + 1;
	}
}
