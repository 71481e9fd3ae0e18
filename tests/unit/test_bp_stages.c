/*
 * test_bp_stages.c - the boilerplate engine's stage interface (bp.h), as
 * another reader uses it: units made elsewhere over a buffer, classified
 * by np_bp_classify_units with and without per-unit hints.  Every text
 * here was written for these tests.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "../../filters/boilerplate/bp.h"
#include "tap.h"

static const char page[] =
    "Home | Town | Sport | Weather\n\n"
    "New footbridge opens over the weir\n\n"
    "A new footbridge over the weir opened on Sunday, giving walkers a direct path between the two parks for the first time in forty years, the council said.\n\n"
    "The bridge was built by a local firm from steel made in the valley, and it cost less than the council had planned when the work began last spring.\n\n"
    "Walkers who crossed it on the first morning said the view of the old mill was the best in the town, and that the path would save them a long detour.\n\n"
    "Steel from the valley mill\n\n"
    "Read the council's report on the works and the plans for the other two crossings, which will be decided at the next meeting of the town council.\n";

/* The unit starting with prefix, or NULL. */
static const struct np_bp_block *
unit(const struct np_bp_result *res, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < res->n; i++)
		if (res->v[i].end - res->v[i].start >= n &&
		    memcmp(page + res->v[i].start, prefix, n) == 0)
			return &res->v[i];
	return NULL;
}

int
main(void)
{
	struct np_boilerplate_opts o;
	struct np_boilerplate *bp;
	struct np_bp_result a = { 0 }, b = { 0 };
	struct np_bp_hint *h;
	const struct np_bp_block *u;
	size_t i, n = strlen(page), same = 1;
	int err;

	np_boilerplate_opts_init(&o);
	if ((bp = np_boilerplate_new(&o, &err)) == NULL) {
		ok(0, "context: %s", np_strerror(err));
		return done_testing();
	}
	/* the text path is layout + the stage interface without hints */
	is_int(np_boilerplate_classify(bp, page, n, &a), NP_OK, "text mode classifies");
	is_int(np_bp_layout(page, n, &b), NP_OK, "layout alone");
	is_int((long long)b.n, (long long)a.n, "same units");
	is_int(np_bp_classify_units(bp, page, n, &b, NULL), NP_OK, "classify_units, no hints");
	for (i = 0; i < a.n && i < b.n; i++)
		if (a.v[i].cls != b.v[i].cls || strcmp(a.v[i].reason, b.v[i].reason) != 0)
			same = 0;
	ok(same, "no hints: the same classes and reasons as text mode");
	u = unit(&a, "Walkers who");
	ok(u != NULL && u->cls == NP_BP_GOOD, "text mode keeps the third paragraph");
	u = unit(&a, "Read the council");
	ok(u != NULL && u->cls == NP_BP_GOOD, "text mode keeps the last paragraph");

	/* hints: the same units, evidence from a reader */
	is_int(np_bp_layout(page, n, &b), NP_OK, "layout again");
	if ((h = calloc(b.n, sizeof *h)) == NULL)
		return done_testing();
	for (i = 0; i < b.n; i++) {
		h[i].flags = NP_BP_HINT_ARTICLE | NP_BP_HINT_PARA;
		if (memcmp(page + b.v[i].start, "Home", 4) == 0)
			h[i].flags = NP_BP_HINT_NAV;
		if (memcmp(page + b.v[i].start, "Walkers", 7) == 0)
			h[i].flags |= NP_BP_HINT_CAPTION;
		if (memcmp(page + b.v[i].start, "Read the", 8) == 0)
			h[i].link_density = 0.8f;
	}
	is_int(np_bp_classify_units(bp, page, n, &b, h), NP_OK, "classify_units with hints");
	u = unit(&b, "Home");
	ok(u != NULL && u->cls == NP_BP_BAD && strcmp(u->reason, "html: navigation or form") == 0,
	    "a nav hint drops the unit");
	u = unit(&b, "Walkers who");
	ok(u != NULL && u->cls == NP_BP_BAD, "a caption hint drops good prose");
	u = unit(&b, "Read the council");
	ok(u != NULL && u->cls == NP_BP_BAD, "a unit that is mostly links is bad");
	is_str(u ? u->reason : "", "html: mostly links", "reason: mostly links");
	u = unit(&b, "A new footbridge");
	ok(u != NULL && u->cls == NP_BP_GOOD, "the article stays");
	u = unit(&b, "New footbridge");
	ok(u != NULL && u->cls == NP_BP_GOOD && strcmp(u->reason, "title") == 0, "the title stays");

	free(h);
	np_bp_result_free(&a);
	np_bp_result_free(&b);
	np_boilerplate_free(bp);
	return done_testing();
}
