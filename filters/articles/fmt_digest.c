/*
 * fmt_digest.c - digests of stories under plain headings, with no date
 * or dateline ("digest"): a newsletter's header, then per story a
 * heading line, a blank line and paragraphs; a box of one sentence under
 * its heading ("By the numbers") is a story too.
 *
 * A heading is a title-like line of at most 100 bytes standing alone
 * (blank lines around it, or the top) above a paragraph.  Recognise
 * (after the detecting pass, when no other format was seen): the text
 * before the first heading is a short header (under 300 bytes of prose,
 * at most six lines), and from the first heading on every block is a
 * heading or a paragraph that ends a sentence (a footer may follow the
 * last story).  When the header names itself a digest with a word of
 * articles-digest.tsv ("Briefing", "Newsletter", "Ausgabe", "édition"
 * ...) in its first two lines, two headings are enough: a single
 * article's subheadings come under its title and lede, never under such
 * a header.  Without such a word (no header, or a name and a date) the
 * header holds no line of prose (a page's own story and its lead come
 * before its subheadings) and the stories must look like a digest's:
 * three headlines at least (five words or more, not a label such as
 * "Read more: ..." or a caption, two in three of the headings) over
 * stories of at most three paragraphs, where an article's subheadings
 * are short labels ("The cost") far apart.  A web page's menus and link lists are neither
 * headings nor paragraphs.  Ends: a record runs to the next
 * heading; the header joins the first story and a footer the last.
 * Metadata: the heading is the title; a "By" line under it the byline.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/lexicon.h"
#include "articles_int.h"

/* Longest heading; the longest header scanned for the first heading. */
#define DIGEST_HEAD_MAX 100
#define DIGEST_HEADER_MAX 2000
/* Most lines in a digest's header (a web page's menus run longer). */
#define DIGEST_HEADER_LINES 6
/* A digest whose header names none (or that has no header): this many
 * headlines at least, of DIGEST_HEADLINE_WORDS words or more and two in
 * three of its headings, and no story of more than DIGEST_STORY_PARAS
 * paragraphs (an article's subheadings are short and far apart). */
#define DIGEST_BARE_MIN 3
#define DIGEST_HEADLINE_WORDS 5
#define DIGEST_STORY_PARAS 3

/* What all_stories counts. */
struct digest_shape {
	int heads;		/* headings */
	int headlines;		/* of them, DIGEST_HEADLINE_WORDS words or more */
	int paras;		/* most paragraphs under one heading */
};

/*
 * True when the line ln (after a blank line or at the top) is a heading:
 * title-like, short, a blank line under it, then a paragraph that ends a
 * sentence.
 */
static int
is_heading(struct np_articles *c, const struct np_line *ln)
{
	const char *b = c->buf;
	struct np_line x;
	size_t s = ln->start, e = ln->end, p = ln->next, xs, xe, q;

	np_art_trim(b, &s, &e);
	if (e - s > DIGEST_HEAD_MAX || !np_art_is_titlish(b, s, e) ||
	    strchr("?!;", b[e - 1]) != NULL)
		return 0;
	/* a blank line under it */
	if (!np_next_line(b, c->len, &p, &x) || !np_is_blank(b, x.start, x.end))
		return 0;
	q = p;
	if (!np_art_next_text_line(b, c->len, &q, &x, &xs, &xe))
		return 0;
	/* the paragraph: its last line ends a sentence */
	for (;;) {
		size_t ls = xs, le = xe;

		if (!np_next_line(b, c->len, &q, &x))
			return np_art_ends_sentence(b, ls, le);
		xs = x.start;
		xe = x.end;
		np_art_trim(b, &xs, &xe);
		if (xs == xe)
			return np_art_ends_sentence(b, ls, le);
	}
}

/* np_art_find_opening's test. */
static int
opens_story(struct np_articles *c, const struct np_line *ln, size_t s, size_t e,
    void *arg)
{
	(void)s;
	(void)e;
	(void)arg;
	return is_heading(c, ln);
}

/* The first heading at or after `from` and before `end`; see
 * np_art_find_opening. */
static size_t
digest_next(struct np_articles *c, size_t from, size_t end, int blank)
{
	return np_art_find_opening(c, from, end, blank, opens_story, NULL);
}

/* True when [s, e) holds a word of the digest lexicon. */
static int
names_digest(struct np_articles *c, size_t s, size_t e)
{
	const char *b = c->buf;
	size_t p = s, w;

	while (p < e) {
		while (p < e && !np_art_has_alnum(b, p, p + 1))
			p++;
		for (w = p; p < e && (np_art_has_alnum(b, p, p + 1) || b[p] == '-'); p++)
			;
		if (p > w && p - w <= 20 && np_lexicon_find(c->digest, b + w, p - w) != NULL)
			return 1;
	}
	return 0;
}

/* True for a heading that is a label and what it names ("Read more:
 * ...", "Image caption: ...", "Photo: ..."): a colon in its first 16
 * bytes, or a closing bracket at its end (a caption's credit). */
static int
labelled(const char *b, size_t s, size_t e)
{
	return memchr(b + s, ':', e - s > 16 ? 16 : e - s) != NULL || b[e - 1] == ')';
}

/*
 * True when, from the first heading on, every block is a heading or a
 * paragraph that ends a sentence, up to the last heading's paragraph (a
 * footer may follow): a web page's menus, captions and link lists are
 * blocks of neither kind.  Counts the headings, headlines and paragraphs
 * into *d; for a `bare` digest, stops (false) at a story of more than
 * DIGEST_STORY_PARAS paragraphs.
 */
static int
all_stories(struct np_articles *c, size_t first, struct digest_shape *d, int bare)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = first, ls = 0, le = 0;
	int in_block = 0, heads = 0, junk_after = 0, blank = 1, paras = 0;

	memset(d, 0, sizeof(*d));
	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e) {
			/* a paragraph ends: it must end a sentence */
			if (in_block && !np_art_ends_sentence(b, ls, le))
				junk_after = heads;
			else if (in_block && ++paras > d->paras)
				d->paras = paras;
			/* a bare digest's stories are short: stop at a long one */
			if (bare && d->paras > DIGEST_STORY_PARAS)
				return 0;
			in_block = 0;
			blank = 1;
			continue;
		}
		if (blank && is_heading(c, &ln)) {
			if (junk_after != 0 && junk_after == heads)
				return 0;	/* junk between two stories */
			heads++;
			d->headlines += np_art_count_words(b, s, e) >= DIGEST_HEADLINE_WORDS && !labelled(b, s, e);
			paras = 0;
			blank = 0;
			/* the heading's own line is not a paragraph */
			continue;
		}
		in_block = 1;
		blank = 0;
		ls = s;
		le = e;
	}
	if (in_block && np_art_ends_sentence(b, ls, le) && ++paras > d->paras)
		d->paras = paras;
	d->heads = heads;
	return 1;
}

/*
 * After the pass: a short header (at most DIGEST_HEADER_LINES lines,
 * little prose), then stories with nothing but stories between them:
 * two when the header names a digest, else (a bare digest, or a header
 * of a name and a date) DIGEST_BARE_MIN headlines of short stories.
 */
static int
digest_settle(struct np_articles *c, struct np_art_scan *sc)
{
	struct np_art_hline h[8];
	struct digest_shape d;
	size_t first, lim = c->len < DIGEST_HEADER_MAX ? c->len : DIGEST_HEADER_MAX;
	int n = 0, named;

	(void)sc;
	if ((first = digest_next(c, 0, lim, 1)) == SIZE_MAX ||
	    (first > 0 && (n = np_art_read_lines(c->buf, 0, first, h, 8)) > DIGEST_HEADER_LINES) ||
	    np_art_prose_bytes(c->buf, 0, first, 300) >= 300)
		return 0;
	named = n > 0 && names_digest(c, h[0].s, h[n > 1 ? 1 : 0].e);
	if (!all_stories(c, first, &d, !named))
		return 0;
	if (named)
		return d.heads >= 2;
	/* a bare digest's header is a name and a date, not a story's lead */
	if (first > 0 && np_art_prose_bytes(c->buf, 0, first, 1) > 0)
		return 0;
	return d.headlines >= DIGEST_BARE_MIN && 3 * d.headlines >= 2 * d.heads &&
	    d.paras <= DIGEST_STORY_PARAS;
}

/* The first start at or after `from`, for np_art_start_end. */
static size_t
digest_start(struct np_articles *c, size_t from, int blank)
{
	return digest_next(c, from, c->len, blank);
}

/* The record runs to the heading after its own. */
static size_t
digest_end(struct np_articles *c, size_t from)
{
	return np_art_start_end(c, from, digest_start);
}

/* Digest story metadata: the heading, a "By" line under it. */
static void
meta_digest(struct np_articles *c, struct np_article *a)
{
	struct np_art_hline h[2];
	size_t at = digest_next(c, a->record.start, a->record.end, 1);
	int n;

	if (at == SIZE_MAX) {
		np_art_meta_plain(c, a);
		return;
	}
	n = np_art_read_lines(c->buf, at, a->record.end, h, 2);
	np_art_set_str(c, &a->title, h[0].s, h[0].e);
	np_art_set_text(a, c->buf, h[0].next, a->record.end);
	if (n > 1 && np_art_word(c->buf, h[1].s, h[1].e, "by ") &&
	    h[1].e - h[1].s <= NP_ART_SOURCE_MAX) {
		np_art_set_str(c, &a->byline, h[1].s + 3, h[1].e);
		np_art_set_text(a, c->buf, h[1].next, a->record.end);
	}
}

const struct np_art_format np_art_digest = {
	NP_ARTICLES_DIGEST, "digest", NULL, NULL, digest_settle, digest_end,
	meta_digest, NULL
};
