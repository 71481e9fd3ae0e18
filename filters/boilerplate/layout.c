/*
 * layout.c - the layout stage of the boilerplate engine: plain text into
 * units.
 *
 * The page is cut into lines.  A blank-line separated block whose lines
 * are the hard-wrapped lines of one paragraph (as lynx and w3m write
 * them: no line is wider than the page's wrap width, and every line is
 * too long to take the next line's first word) is one unit; any other
 * block gives one unit per line, because pasted pages glue headlines,
 * dates and bodies together line by line.
 *
 * Documents larger than NP_BP_WINDOW are classified window by window
 * (np_boilerplate_window) so that memory stays flat.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"
#include "bp.h"

/* Appends a unit to the result. */
static int
push_unit(struct np_bp_result *res, size_t start, size_t end, size_t next, size_t para)
{
	struct np_bp_block *b;

	if (res->n == res->cap) {
		size_t nc = res->cap ? res->cap * 2 : 256;

		if ((b = realloc(res->v, nc * sizeof *b)) == NULL)
			return NP_ENOMEM;
		res->v = b;
		res->cap = nc;
	}
	b = &res->v[res->n++];
	memset(b, 0, sizeof *b);
	b->start = start;
	b->end = end;
	b->next = next;
	b->keep_start = start;
	b->keep_end = end;
	b->holes = NULL;
	b->nholes = 0;
	b->para = para;
	return NP_OK;
}

/* First word's length in characters of line buf[s, e) (after indentation). */
static size_t
first_word_chars(const char *buf, size_t s, size_t e)
{
	size_t i = bp_skip_space(buf, s, e), j = i;

	while (j < e && buf[j] != ' ' && buf[j] != '\t')
		j++;
	return bp_count_chars(buf, i, j);
}

/* Length in characters of line l without trailing white space. */
static size_t
line_chars(const char *buf, const struct np_line *l)
{
	return bp_count_chars(buf, l->start, bp_trim_end(buf, l->start, l->end));
}

/* Longest line of a block of n lines (lc: their line_chars). */
static size_t
block_width(const size_t *lc, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (lc[i] > w)
			w = lc[i];
	return w;
}

/*
 * True when the n lines of a block are one paragraph hard-wrapped at
 * `width` columns: no line is longer, and every line but the last is too
 * long to take the next line's first word.
 */
static int
is_wrapped(const char *buf, const struct np_line *ln, const size_t *lc, size_t n, size_t width)
{
	size_t i, len, bw;

	if (n < 2 || width == 0)
		return 0;
	bw = block_width(lc, n);
	if (bw > width + 1 || bw + 12 < width)
		return 0;
	for (i = 0; i + 1 < n; i++) {
		size_t s = bp_skip_space(buf, ln[i + 1].start, ln[i + 1].end);
		unsigned char c = s < ln[i + 1].end ? (unsigned char)buf[s] : ' ';

		/* a list marker starts a new item, not a wrapped line */
		if (c == '*' || c == '-' || c == '+' || (c == 0xE2 && s + 2 < ln[i + 1].end &&
		    (unsigned char)buf[s + 1] == 0x80 && (unsigned char)buf[s + 2] == 0xA2))
			return 0;
		len = lc[i];
		if (len + 1 + first_word_chars(buf, ln[i + 1].start, ln[i + 1].end) + 2 <= width)
			return 0;
	}
	return 1;
}

/*
 * The page's wrap width: lynx and w3m wrap every paragraph at the same
 * column, so the widest lines of multi-line blocks pile up just below it.
 * Returns the width (55..160) most multi-line blocks reach within 6
 * columns, or 0 when fewer than two blocks (or no block of 3 lines or
 * more) agree.
 */
static size_t
wrap_width(const size_t *lc, const size_t *bs, size_t nb)
{
	size_t hist[161] = { 0 }, i, w, best = 0, bestn = 0, big = 0;

	for (i = 0; i < nb; i++) {
		size_t n = bs[i + 1] - bs[i];

		if (n < 2)
			continue;
		w = block_width(lc + bs[i], n);
		if (w >= 55 && w <= 160) {
			hist[w]++;
			if (n >= 3)
				big++;
		}
	}
	for (w = 55; w <= 160; w++) {
		size_t k, c = 0;

		for (k = w >= 6 ? w - 6 : 0; k <= w; k++)
			c += hist[k];
		if (c > bestn) {
			bestn = c;
			best = w;
		}
	}
	if (bestn >= 2 || (bestn == 1 && big >= 1))
		return best;
	return 0;
}

/* True when line l starts (after its indentation) with a list marker or
 * a lower-case letter: what it can continue or not. */
static int
starts_bullet(const char *buf, const struct np_line *l)
{
	size_t s = bp_skip_space(buf, l->start, l->end);
	unsigned char c = s < l->end ? (unsigned char)buf[s] : ' ';

	return c == '*' || c == '-' || c == '+' || (c == 0xE2 && s + 2 < l->end &&
	    (unsigned char)buf[s + 1] == 0x80 && (unsigned char)buf[s + 2] == 0xA2);
}

/* True when line l starts with a lower-case letter (it goes on a
 * sentence of the line above). */
static int
starts_lower(const char *buf, const struct np_line *l)
{
	size_t s = bp_skip_space(buf, l->start, l->end), adv;

	return s < l->end && np_cp_is_lower(np_utf8_decode(buf + s, l->end - s, &adv));
}

/* True when line l ends with a sentence end (before closing quotes). */
static int
ends_sentence(const char *buf, const struct np_line *l)
{
	size_t e = bp_trim_end(buf, l->start, l->end);

	while (e > l->start && (buf[e - 1] == '"' || buf[e - 1] == '\'' || buf[e - 1] == ')'))
		e--;
	return e > l->start && (buf[e - 1] == '.' || buf[e - 1] == '!' || buf[e - 1] == '?');
}

/*
 * Pushes the units of a block that is not one paragraph wrapped at the
 * page's width: it may hold paragraphs wrapped at its own width (a column
 * narrower than the page, a text whose paragraphs are marked by a
 * first-line indent instead of a blank line).  A paragraph ends after a
 * line that is not full (the next line's first word would have fitted
 * on it, or it is much shorter than the block), before a line indented
 * deeper than the one above, and before a list item; a paragraph of four
 * lines or more, of three whose first two end no sentence, or of two
 * when the second goes on a sentence in lower case, is one unit, any
 * other line a unit of its own.  The
 * block's width must be a wrap width: another multi-line block of the
 * page is as wide (hist: multi-line blocks per width) or three of its
 * lines are, or the paragraph has four lines or more.  Blocks wider than a text browser wraps (one
 * paragraph a line) keep a unit per line.
 */
static int
push_paragraphs(const char *buf, const struct np_line *ln, const size_t *lc, size_t n,
    size_t para, const size_t *hist, struct np_bp_result *res)
{
	size_t w = block_width(lc, n), slack, a = 0, i, j, same = 0, base = SIZE_MAX, mw = 0;
	int rc = NP_OK;

	if (w >= 30 && w <= 160) {
		size_t full = 0;

		for (j = w - 6; j <= w; j++)
			same += hist[j];
		for (j = 0; j < n; j++)
			full += lc[j] + 6 >= w;
		if (full >= 3)
			same = 2;	/* the block's own lines agree */
		/* a first line indented deeper than the rest may stick out:
		 * the width is that of the lines at the block's margin */
		for (j = 0; j < n; j++) {
			size_t in = bp_skip_space(buf, ln[j].start, ln[j].end) - ln[j].start;

			base = in < base ? in : base;
		}
		for (j = 0; j < n; j++)
			if (bp_skip_space(buf, ln[j].start, ln[j].end) - ln[j].start == base &&
			    lc[j] > mw)
				mw = lc[j];
		if (mw >= 30)
			w = mw;
	}
	slack = w / 3 > 12 ? w / 3 : 12;
	if (n < 2 || w < 30 || w > 160 || (same < 2 && n < 4)) {
		/* (a paragraph of an unconfirmed width needs four lines) */
		for (j = 0; j < n && rc == NP_OK; j++)
			rc = push_unit(res, ln[j].start, ln[j].end, ln[j].next, para);
		return rc;
	}
	for (i = 1; i <= n && rc == NP_OK; i++) {
		if (i < n) {
			size_t in0 = bp_skip_space(buf, ln[i - 1].start, ln[i - 1].end) - ln[i - 1].start;
			size_t in1 = bp_skip_space(buf, ln[i].start, ln[i].end) - ln[i].start;

			if (!starts_bullet(buf, &ln[i]) && in1 <= in0 && lc[i - 1] + slack >= w &&
			    lc[i - 1] + 1 + first_word_chars(buf, ln[i].start, ln[i].end) > w)
				continue;	/* the paragraph goes on */
		}
		if (i - a >= 4 || (same >= 2 && ((i - a == 3 && !ends_sentence(buf, &ln[a]) &&
		    !ends_sentence(buf, &ln[a + 1])) || (i - a == 2 && starts_lower(buf, &ln[a + 1]))))) {
			rc = push_unit(res, ln[a].start, ln[i - 1].end, ln[i - 1].next, para);
		} else {
			for (j = a; j < i && rc == NP_OK; j++)
				rc = push_unit(res, ln[j].start, ln[j].end, ln[j].next, para);
		}
		a = i;
	}
	return rc;
}

/* Cuts buf into units (see the top of the file); res->n is set. */
int
np_bp_layout(const char *buf, size_t len, struct np_bp_result *res)
{
	struct np_line *ln = NULL, l;
	size_t *lc = NULL;	/* line_chars of each line */
	size_t *bs = NULL;	/* block starts as indices into ln, plus the end */
	size_t nln = 0, cap = 0, nb = 0, bcap = 0, pos = 0, i, j, width;
	size_t hist[161] = { 0 };	/* multi-line blocks by width */
	int rc = NP_OK, blank = 1;

	res->n = 0;
	while (np_next_line(buf, len, &pos, &l)) {
		if (np_is_blank(buf, l.start, l.end)) {
			blank = 1;
			continue;
		}
		if (nln == cap) {
			size_t nc = cap ? cap * 2 : 256;
			struct np_line *p = realloc(ln, nc * sizeof *p);

			if (p == NULL)
				goto nomem;
			ln = p;
			cap = nc;
		}
		if (blank) {
			if (nb + 2 > bcap) {
				size_t nc = bcap ? bcap * 2 : 128;
				size_t *p = realloc(bs, nc * sizeof *p);

				if (p == NULL)
					goto nomem;
				bs = p;
				bcap = nc;
			}
			bs[nb++] = nln;
			blank = 0;
		}
		ln[nln++] = l;
	}
	if (nb == 0)
		goto out;
	bs[nb] = nln;
	if ((lc = malloc(nln * sizeof *lc)) == NULL)
		goto nomem;
	for (i = 0; i < nln; i++)
		lc[i] = line_chars(buf, &ln[i]);
	width = wrap_width(lc, bs, nb);
	for (i = 0; i < nb; i++)
		if (bs[i + 1] - bs[i] >= 2 && (j = block_width(lc + bs[i], bs[i + 1] - bs[i])) <= 160)
			hist[j]++;
	for (i = 0; i < nb && rc == NP_OK; i++) {
		size_t a = bs[i], n = bs[i + 1] - bs[i];

		if (is_wrapped(buf, ln + a, lc + a, n, width)) {
			rc = push_unit(res, ln[a].start, ln[a + n - 1].end, ln[a + n - 1].next, i);
			continue;
		}
		rc = push_paragraphs(buf, ln + a, lc + a, n, i, hist, res);
	}
	(void)j;
out:
	free(ln);
	free(lc);
	free(bs);
	return rc;
nomem:
	free(ln);
	free(lc);
	free(bs);
	return NP_ENOMEM;
}


size_t
np_boilerplate_window(const char *buf, size_t len)
{
	size_t pos = NP_BP_WINDOW, lim;
	const char *nl;

	if (len <= NP_BP_WINDOW + NP_BP_WINDOW / 4)
		return len;
	/* the first blank line after NP_BP_WINDOW, within another window */
	lim = 2 * NP_BP_WINDOW < len ? 2 * NP_BP_WINDOW : len;
	while (pos < lim && (nl = memchr(buf + pos, '\n', lim - pos)) != NULL) {
		size_t e = (size_t)(nl - buf) + 1, f = e;

		while (f < len && (buf[f] == ' ' || buf[f] == '\t' || buf[f] == '\r'))
			f++;
		if (f < len && buf[f] == '\n')
			return f + 1;
		pos = e;
	}
	/* no blank line: a line end after NP_BP_WINDOW */
	nl = memchr(buf + NP_BP_WINDOW, '\n', len - NP_BP_WINDOW);
	return nl != NULL ? (size_t)(nl - buf) + 1 : len;
}
