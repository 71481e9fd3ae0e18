/*
 * fmt_listing.c - news-aggregator tag pages ("listing"): blocks of
 * source / date / "- Section" / "- Source" bullets / title / body.
 *
 * Recognise: a short source line, a date line, then a bullet line.
 * Ends: a record runs to the next such head after its own, so a page
 * header before the first block joins the first record.  Metadata:
 * source, date, the first bullet that is not the source as the section,
 * the title, the body after it.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/dates.h"
#include "articles_int.h"

/* True when the trimmed lines s0 (source), s1 (date) and s2 (bullet)
 * open a listing block. */
static int
listing_head(struct np_articles *c, size_t s0, size_t e0, size_t s1, size_t e1,
    size_t s2, size_t e2)
{
	const char *b = c->buf;

	return s2 < e2 && np_art_bullet(b, s2, e2) && e2 - s2 <= NP_ART_SOURCE_MAX &&
	    s0 < e0 && e0 - s0 <= NP_ART_SOURCE_MAX && !np_art_bullet(b, s0, e0) &&
	    !strchr(".,;:", b[e0 - 1]) && np_art_is_date_line(c, b, s1, e1, NULL, 0);
}

/*
 * Finds the next listing head whose source line starts at or after
 * `from`: a short source line, a date line, a bullet line.  Returns its
 * start or SIZE_MAX.
 */
static size_t
listing_next(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line l0 = { 0, 0, 0 }, l1 = { 0, 0, 0 }, l2;
	size_t p = from;
	int have = 0;

	/* window of three consecutive lines l0, l1, l2 */
	while (np_next_line(b, c->len, &p, &l2)) {
		if (have >= 2) {
			size_t s = l2.start, e = l2.end;

			np_art_trim(b, &s, &e);
			if (s < e && (b[s] == '-' || b[s] == '*' ||
			    (unsigned char)b[s] == 0xE2 || (unsigned char)b[s] == 0xC2)) {
				size_t s0 = l0.start, e0 = l0.end, s1 = l1.start, e1 = l1.end;

				np_art_trim(b, &s0, &e0);
				np_art_trim(b, &s1, &e1);
				if (listing_head(c, s0, e0, s1, e1, s, e))
					return l0.start;
			}
		}
		l0 = l1;
		l1 = l2;
		if (have < 2)
			have++;
	}
	return SIZE_MAX;
}

/* Listing (tag page) metadata. */
static void
meta_listing(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_art_hline h[NP_ART_HEAD_LINES];
	char v[NP_DATE_VALUE_MAX];
	int n, i, src = -1;
	size_t bl;

	n = np_art_read_lines(b, a->record.start, a->record.end, h, NP_ART_HEAD_LINES);
	for (i = 0; i + 2 < n; i++)
		if (np_art_bullet(b, h[i + 2].s, h[i + 2].e) &&
		    np_art_is_date_line(c, b, h[i + 1].s, h[i + 1].e, v, sizeof(v))) {
			src = i;
			break;
		}
	if (src < 0) {
		np_art_set_text(a, b, a->record.start, a->record.end);
		return;
	}
	np_art_set_str(c, &a->source, h[src].s, h[src].e);
	strncpy(a->date, v, sizeof(a->date) - 1);
	for (i = src + 2; i < n && (bl = np_art_bullet(b, h[i].s, h[i].e)) > 0; i++) {
		size_t s = h[i].s + bl, e = h[i].e;

		np_art_trim(b, &s, &e);
		if (a->section.s == NULL && !(e - s == a->source.len &&
		    memcmp(b + s, a->source.s, e - s) == 0))
			np_art_set_str(c, &a->section, s, e);
	}
	if (i < n) {
		np_art_set_str(c, &a->title, h[i].s, h[i].e);
		np_art_set_text(a, b, h[i].next, a->record.end);
	} else {
		np_art_set_text(a, b, a->record.end, a->record.end);
	}
}


/* The first start at or after `from`, for np_art_start_end. */
static size_t
listing_start(struct np_articles *c, size_t from, int blank)
{
	(void)blank;
	return listing_next(c, from);
}

/* The record runs to the head after its own. */
static size_t
listing_end(struct np_articles *c, size_t from)
{
	return np_art_start_end(c, from, listing_start);
}

/* Detecting pass: the bullet line under a source and a date line. */
static int
listing_line(struct np_articles *c, struct np_art_scan *sc)
{
	if (!sc->flags[NP_ARTICLES_LISTING] &&
	    listing_head(c, sc->s0, sc->e0, sc->s1, sc->e1, sc->s, sc->e))
		sc->flags[NP_ARTICLES_LISTING] = 1;
	return 0;
}

/* After the pass: a listing head was seen. */
static int
listing_settle(struct np_articles *c, struct np_art_scan *sc)
{
	(void)c;
	return sc->flags[NP_ARTICLES_LISTING] != 0;
}

const struct np_art_format np_art_listing = {
	NP_ARTICLES_LISTING, "listing", "-*\xc2\xe2",
	listing_line, listing_settle, listing_end, meta_listing, NULL
};
