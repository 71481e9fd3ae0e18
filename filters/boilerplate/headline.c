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
 * capital start, no sentence end. */
static int
heading_like(const struct bp_unit *u)
{
	return u->words >= 2 && u->words <= 30 && u->chars <= 250 && u->first_upper &&
	    !u->bracket && !u->caption && !u->ends_period &&
	    !u->ends_colon && !bp_date_only(u) && u->furn == NULL && !u->copyright &&
	    u->seps == 0 && !u->bullet &&
	    !(u->ends_term && u->terms >= 1 && u->words > 12);
}

/* Keeps the title: the nearest heading-like unit before the run, and a
 * heading-like unit right before each later stretch of kept units. */
void
np_bp_headline(struct np_boilerplate *bp, struct np_bp_result *res, size_t ra, size_t rb,
    const struct np_bp_hint *hints)
{
	size_t i, dist = 0;

	(void)hints;
	for (i = 0; i < res->n; i++)
		bp->u[i].heading = heading_like(&bp->u[i]) && !bp->u[i].dated;
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
			break;
		}
		dist += b->chars;
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
