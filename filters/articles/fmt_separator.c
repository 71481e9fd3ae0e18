/*
 * fmt_separator.c - concatenations with separator lines (* * *, ----,
 * ====, # # #, ~~~, form feeds; ____ only when forced: agencies rule off
 * sections of one story with it).
 *
 * Recognise: a separator line that is not a setext underline of a
 * heading, where the text after it opens with a title and runs on.
 * Ends: after the separator lines and blank lines that follow a cut,
 * so the separator belongs to the article it ends.  Metadata: the
 * generic reader (which drops a separator that ends the record).
 */
#include <string.h>
#include "newsprep/segment.h"
#include "articles_int.h"

/* True when the line before the one starting at q is blank. */
static int
line_blank_before(const char *b, size_t q)
{
	size_t r = q - 1;

	while (r > 0 && b[r - 1] != '\n')
		r--;
	return np_is_blank(b, r, q - 1);
}

/* True when [s, e) holds ". ", "! " or "? " followed by a capital
 * after a word that is not an abbreviation ("U.S. Media" is one
 * sentence): two sentences, so not a heading. */
static int
has_sentence_break(const char *b, size_t s, size_t e)
{
	size_t p;

	for (p = s; p + 2 < e; p++)
		if ((b[p] == '.' || b[p] == '!' || b[p] == '?') && b[p + 1] == ' ' &&
		    b[p + 2] >= 'A' && b[p + 2] <= 'Z' &&
		    (b[p] != '.' || !np_is_abbreviation(b, e, p)))
			return 1;
	return 0;
}

/*
 * True when the separator line ln is a cut: in auto mode the line above
 * is not a heading it underlines (setext), and the text after it opens
 * with a title (or a short line ending in a full stop that stands alone
 * as a paragraph) and runs on for a few lines.
 */
static int
separator_cuts(struct np_articles *c, const struct np_line *ln, int forced)
{
	const char *b = c->buf;
	struct np_line x;
	size_t p, s, e, q;
	int stop;

	if (forced)
		return 1;
	/* news agencies rule off sections of one story with ___ */
	s = ln->start;
	e = ln->end;
	np_art_trim(b, &s, &e);
	if (b[s] == '_')
		return 0;
	/* a setext underline: directly under a short non-blank line */
	if (b[ln->start] != '\f' && ln->start > 0) {
		size_t q = ln->start - 1, hs, he;

		while (q > 0 && b[q - 1] != '\n')
			q--;
		hs = q;
		he = ln->start - 1;
		np_art_trim(b, &hs, &he);
		if (hs < he && he - hs <= 80 && np_art_is_titlish(b, hs, he) &&
		    (q == 0 || line_blank_before(b, q))) {
			s = ln->start;
			e = ln->end;
			np_art_trim(b, &s, &e);
			if (b[s] == '=' || b[s] == '-')
				return 0;
		}
	}
	p = np_art_after_blanks(b, c->len, ln->next);
	if (!np_next_line(b, c->len, &p, &x))
		return 0;
	s = x.start;
	e = x.end;
	np_art_trim(b, &s, &e);
	/* a title (one sentence at most), or a short line standing alone as
	 * a heading */
	if (np_art_is_titlish(b, s, e) && has_sentence_break(b, s, e))
		return 0;
	if (!np_art_is_titlish(b, s, e) && !(e - s <= NP_ART_TITLE_MAX && b[e - 1] == '.' &&
	    np_art_is_titlish(b, s, e - 1) && !has_sentence_break(b, s, e - 1) &&
	    x.next < c->len && np_art_after_blanks(b, c->len, x.next) > x.next))
		return 0;
	/* prose follows before the next separator (which bounds the scan, so
	 * a run of separators costs one pass), and some line of it ends a
	 * sentence (a list of headlines ends none) */
	p = x.next;
	e = 0;
	stop = 0;
	while ((e < NP_ART_PROSE_LINE * 2 || !stop) && np_next_line(b, c->len, &p, &x)) {
		if (np_art_is_separator(b, x.start, x.end))
			break;
		if (np_art_is_prose(b, x.start, x.end)) {
			e += x.end - x.start;
			s = x.start;
			q = x.end;
			np_art_trim(b, &s, &q);
			stop |= np_art_ends_sentence(b, s, q);
		}
	}
	return e >= NP_ART_PROSE_LINE * 2 && stop;
}

/* The end of a record that ends at a separator: after the separator
 * lines and blank lines that follow it, or the document end when no text
 * follows. */
static size_t
sep_cut(struct np_articles *c, size_t p)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t q = p;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s < e && !(b[s] != '\f' && np_art_is_separator(b, ln.start, ln.end)) &&
		    !(b[s] == '\f' && !np_art_has_alnum(b, s, e)))
			break;
		q = p;
	}
	return np_art_has_alnum(b, q, c->len) ? q : c->len;
}

/* Separator: after the next separator line that cuts, once the record
 * holds some text. */
static size_t
sep_end(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from;
	int text = 0, forced = c->o.format == NP_ARTICLES_SEPARATOR;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		np_art_trim(b, &s, &e);
		if (s == e)
			continue;
		if (strchr("*-=_#~\f", b[s]) != NULL && np_art_is_separator(b, ln.start, ln.end)) {
			if (text && separator_cuts(c, &ln, forced)) {
				/* a form feed followed by text on its line: cut after it */
				if (b[s] == '\f' && s + 1 < e && np_art_has_alnum(b, s + 1, e))
					return s + 1;
				return sep_cut(c, ln.next);
			}
			continue;
		}
		if (np_art_has_alnum(b, s, e))
			text = 1;
	}
	return c->len;
}

/* Detecting pass: a separator line that cuts. */
static int
sep_line(struct np_articles *c, struct np_art_scan *sc)
{
	if (!sc->flags[NP_ARTICLES_SEPARATOR] &&
	    np_art_is_separator(c->buf, sc->ln.start, sc->ln.end) &&
	    separator_cuts(c, &sc->ln, 0))
		sc->flags[NP_ARTICLES_SEPARATOR] = 1;
	return 0;
}

/* After the pass: a separator that cuts was seen. */
static int
sep_settle(struct np_articles *c, struct np_art_scan *sc)
{
	(void)c;
	return sc->flags[NP_ARTICLES_SEPARATOR] != 0;
}

const struct np_art_format np_art_separator = {
	NP_ARTICLES_SEPARATOR, "separator", "*-=_#~\f",
	sep_line, sep_settle, sep_end, np_art_meta_plain, NULL
};
