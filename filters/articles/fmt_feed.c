/*
 * fmt_feed.c - RSS and Atom feeds dumped as text by a feed reader
 * ("feed"): items of "Title:", "Link:", "Date:"/"Published:",
 * "Author:", "Summary:" fields (names from articles-fields.tsv, any
 * case), each item's text under its fields or in its Summary field.
 *
 * Recognise: two item starts, each at the top or after a blank line: a
 * title field in a block of fields that also holds a link or a date (and
 * no sender: that is mail).  Ends: a record runs to the next item start,
 * so the feed's own header joins the first record.
 *
 * Metadata: title, date (RFC 822 "Tue, 03 Mar 2021 10:02:00 +0000" or
 * ISO date-times, through the dates engine), author as the byline, the
 * item's Source field or else the feed's own title ("Feed:", "Channel:"
 * in the header) as the source; the text is the Summary field's value or
 * what follows the fields.
 */
#include <stdint.h>
#include <string.h>
#include "articles_int.h"

/* True when the trimmed line [s, e) opens a feed item. */
static int
item_start(struct np_articles *c, size_t start, size_t s, size_t e,
    struct np_art_fields *f)
{
	size_t val;

	if (np_art_field(c, c->buf, s, e, &val) != NP_ART_F_TITLE)
		return 0;
	return np_art_fields(c, start, f) >= 2 &&
	    (f->roles & ((1u << NP_ART_F_LINK) | (1u << NP_ART_F_DATE))) &&
	    !(f->roles & (1u << NP_ART_F_FROM));
}

/* np_art_find_opening's test. */
static int
opens_item(struct np_articles *c, const struct np_line *ln, size_t s, size_t e,
    void *arg)
{
	struct np_art_fields f;

	(void)arg;
	return item_start(c, ln->start, s, e, &f);
}

/* The first item start at or after `from` and before `end`; see
 * np_art_find_opening. */
static size_t
feed_next(struct np_articles *c, size_t from, size_t end, int blank)
{
	return np_art_find_opening(c, from, end, blank, opens_item, NULL);
}

/* The first start at or after `from`, for np_art_start_end. */
static size_t
feed_start(struct np_articles *c, size_t from, int blank)
{
	return feed_next(c, from, c->len, blank);
}

/* The record runs to the item start after its own. */
static size_t
feed_end(struct np_articles *c, size_t from)
{
	return np_art_start_end(c, from, feed_start);
}

/* Detecting pass: counts item starts (after a blank line). */
static int
feed_line(struct np_articles *c, struct np_art_scan *sc)
{
	struct np_art_fields f;

	if (sc->s1 == sc->e1 && sc->flags[NP_ARTICLES_FEED] < 2 &&
	    item_start(c, sc->ln.start, sc->s, sc->e, &f))
		sc->flags[NP_ARTICLES_FEED]++;
	return 0;
}

/* After the pass: two items. */
static int
feed_settle(struct np_articles *c, struct np_art_scan *sc)
{
	(void)c;
	return sc->flags[NP_ARTICLES_FEED] >= 2;
}

/* The feed's own title, from the field blocks before the first item
 * (read once per document). */
static void
feed_title(struct np_articles *c)
{
	struct np_art_fields f;
	struct np_line ln;
	size_t first, p = 0, s, e;

	c->st.doc_meta = 1;
	if ((first = feed_next(c, 0, c->len, 1)) == SIZE_MAX)
		return;
	while (np_art_next_text_line(c->buf, first, &p, &ln, &s, &e))
		if (np_art_fields(c, ln.start, &f) > 0) {
			if (f.roles & (1u << NP_ART_F_FEED)) {
				np_art_set_str(c, &c->st.doc_source, f.vs[NP_ART_F_FEED],
				    f.ve[NP_ART_F_FEED]);
				return;
			}
			p = f.end;
		}
}

/* Feed item metadata. */
static void
meta_feed(struct np_articles *c, struct np_article *a)
{
	struct np_art_fields f;
	size_t at;

	if (!c->st.doc_meta)
		feed_title(c);
	at = feed_next(c, a->record.start, a->record.end, 1);
	if (at == SIZE_MAX || !item_start(c, at, at, np_art_next_line_start(c->buf,
	    a->record.end, at), &f)) {
		np_art_meta_plain(c, a);
		return;
	}
	np_art_take_fields(c, &f, a);
	if (!(f.roles & (1u << NP_ART_F_SOURCE)))
		a->source = c->st.doc_source;
	if (f.roles & (1u << NP_ART_F_TEXT))
		np_art_set_text(a, c->buf, f.vs[NP_ART_F_TEXT], a->record.end);
	else
		np_art_set_text(a, c->buf, f.end, a->record.end);
}

const struct np_art_format np_art_feed = {
	NP_ARTICLES_FEED, "feed", "TtHh", feed_line, feed_settle, feed_end,
	meta_feed, NULL
};
