/*
 * headline.c - the headline stage of the boilerplate engine: the title
 * that goes with the article's run.
 *
 * The nearest heading-like unit before the run (a few words, a capital
 * start, no sentence end, not furniture) is kept as the title, and a
 * heading-like unit glued right before each later stretch of kept text
 * in its block is kept as a subhead.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "bp.h"

/* True when the unit reads like a heading or title: a few words, a
 * capital start, no sentence end, no furniture but a media label glued
 * before it ("Watch: ...", "Video: ..."). */
static int
heading_like(const struct bp_unit *u)
{
	int label = u->furn != NULL && u->furn_where == -BP_AT_LINE && u->words >= 4 &&
	    (strcmp(u->furn->kind, "teaser") == 0 || strcmp(u->furn->kind, "caption") == 0);

	return u->words >= 2 && u->words <= 30 && u->chars <= 250 && u->first_upper &&
	    !u->bracket && !u->caption && !u->ends_period &&
	    !u->ends_colon && !bp_date_only(u) && (u->furn == NULL || label) &&
	    !u->copyright && u->seps == 0 && !u->bullet && u->boxdraw * 4 < u->chars &&
	    !(u->ends_term && u->terms >= 1 && u->words > 12);
}

/* True when the unit is a byline: "By ...", "Von ...", "Par ..." and a
 * few words. */
static int
byline_like(const struct bp_unit *u)
{
	return u->furn != NULL && u->furn_where == BP_AT_START && u->words <= 12 &&
	    u->chars < 100 && strcmp(u->furn->kind, "byline") == 0 && !u->copyright;
}

/* True when the unit is a standfirst: one or two sentences of prose that
 * no furniture marks, and not a teaser's summary cut off by "...". */
static int
standfirst_like(const struct bp_unit *u)
{
	return u->furn == NULL && u->ends_term && !u->ends_ellipsis && u->words >= 8 &&
	    u->chars < 400 &&
	    u->loww * 2 > u->letters && !u->caption && !u->copyright && !u->dated &&
	    !u->is_template && u->seps == 0 && !(u->dup > 1 && !u->dup_last);
}

/*
 * Keeps the headline block: the nearest heading-like unit before the run
 * (a reader's title or heading hint first), then the byline and the
 * standfirst between it and the run; and a heading-like unit right before
 * each later stretch of kept units (a subhead).
 */
void
np_bp_headline(struct np_boilerplate *bp, struct np_bp_result *res, size_t ra, size_t rb,
    const struct np_bp_hint *hints)
{
	size_t i, dist = 0, t = SIZE_MAX;

	for (i = 0; i < res->n; i++) {
		bp->u[i].heading = heading_like(&bp->u[i]) && !bp->u[i].dated;
		if (hints != NULL && bp->u[i].words > 0 && (hints[i].heading > 0 ||
		    (hints[i].flags & NP_BP_HINT_TITLE)))
			bp->u[i].heading = 1;
	}
	if (bp->o.no_title || ra >= rb)
		return;
	/* before the run */
	for (i = ra; i-- > 0;) {
		struct bp_unit *u = &bp->u[i];
		struct np_bp_block *b = &res->v[i];

		if (dist > bp->o.max_heading_distance || ra - i > 6)
			break;
		if (u->heading && u->chars >= 10) {
			b->cls = NP_BP_GOOD;
			b->reason = "title";
			t = i;
			break;
		}
		dist += b->chars;
	}
	/* the byline and the standfirst under it */
	for (i = t + 1; t != SIZE_MAX && i < ra; i++) {
		struct bp_unit *u = &bp->u[i];

		if (u->words == 0 || u->dated)
			continue;
		if (byline_like(u)) {
			res->v[i].cls = NP_BP_GOOD;
			res->v[i].reason = "byline";
		} else if (standfirst_like(u)) {
			res->v[i].cls = NP_BP_GOOD;
			res->v[i].reason = "standfirst";
		} else {
			break;
		}
	}
	/* inside the run */
	for (i = ra + 1; i < rb; i++) {
		struct np_bp_block *p = &res->v[i - 1];

		if (res->v[i].cls != NP_BP_GOOD || p->cls == NP_BP_GOOD)
			continue;
		if (bp->u[i - 1].heading && !bp->u[i - 1].ends_term && p->para == res->v[i].para &&
		    strcmp(p->reason, "block without sentences") != 0 &&
		    bp->u[i - 1].chars >= 10 && res->v[i].first == NP_BP_GOOD) {
			p->cls = NP_BP_GOOD;
			p->reason = "heading";
		}
	}
}
