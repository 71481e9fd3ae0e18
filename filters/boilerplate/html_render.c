/*
 * html_render.c - the text strip-boilerplate prints for a classified
 * HTML page: the page's title first, once, then the kept units one
 * paragraph a line with a blank line between (np_boilerplate_render on
 * the reader's text); inverted, what was removed.  The unit that is the
 * title is left to the title line, so it is neither printed twice nor
 * listed as removed.  A title no block of the page says (a <title> that
 * is the site's name, or junk a broken <head> let in) is metadata only:
 * the headline stage's title, if any, stands in the text instead.
 */
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/html.h"

/* The block whose text starts at byte off of pg->text, or NULL:
 * a binary search, the blocks being in text order. */
const struct np_html_block *
np_html_block_at(const struct np_html_page *pg, size_t off)
{
	size_t lo = 0, hi = pg->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pg->v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < pg->n && pg->v[lo].start == off ? &pg->v[lo] : NULL;
}

const char *
np_html_shown_title(const struct np_html_page *pg)
{
	size_t i;

	for (i = 0; i < pg->n; i++)
		if (pg->v[i].flags & NP_HTML_TITLE)
			return np_html_meta_str(pg, pg->m.title);
	return NULL;
}

int
np_html_render(const struct np_html_page *pg, struct np_bp_result *res, int invert,
    struct np_buf *out)
{
	const char *title = np_html_shown_title(pg);
	struct np_bp_block saved, *tb = NULL;
	size_t i;
	int rc;

	for (i = 0; title != NULL && i < res->n; i++) {
		const struct np_html_block *hb = np_html_block_at(pg, res->v[i].start);

		if (hb != NULL && (hb->flags & NP_HTML_TITLE)) {
			tb = &res->v[i];
			break;
		}
	}
	if (tb != NULL) {
		/* out of the way: dropped when printing the kept text, kept
		 * whole when printing what was removed */
		saved = *tb;
		tb->cls = invert ? NP_BP_GOOD : NP_BP_BAD;
		tb->keep_start = tb->start;
		tb->keep_end = tb->end;
		tb->nholes = 0;
	}
	if (title != NULL && !invert && (np_buf_append(out, title, strlen(title)) != NP_OK ||
	    np_buf_putc(out, '\n') != NP_OK))
		rc = NP_ENOMEM;
	else
		rc = np_boilerplate_render(pg->text.data, res, invert, title != NULL && !invert,
		    out, NULL);
	if (tb != NULL)
		*tb = saved;
	return rc;
}
