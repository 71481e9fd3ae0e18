/*
 * columns.c - the first half of the boilerplate engine's layout stage:
 * pages that a text browser laid out side by side, read column by column.
 *
 * lynx and w3m render an HTML table layout as physical lines that hold
 * several cells: the article column wrapped at 50-80 columns, a menu on
 * its left and a sidebar on its right, separated by runs of spaces
 * ("...the council voted   Celebrity weds in secret | Email this video").
 * Read line by line, every line mixes article and furniture.
 *
 * Method.  Each line is cut into segments at runs of two or more spaces,
 * each with its display columns.  A column boundary is a display column p
 * such that, over a run of consecutive lines, no segment covers the two
 * columns before p (a vertical gutter) while three or more lines have
 * text on both sides of it; of all such (p, run) pairs the one splitting
 * most lines wins, its lines are cut at p into a left and a right part,
 * and each part, and the lines before and after the run, are searched
 * again (three columns are two boundaries).  Gaps inside one paragraph's
 * lines fall at different columns on every line, so prose never forms a
 * gutter.  The parts are then written out one column after another: the
 * cells of a column in line order, a line where the column is empty
 * becoming a blank line (a paragraph break), each cell's text
 * byte-identical with its indentation inside the column kept.  The
 * second half of the stage (layout.c) cuts that text into units.
 *
 * A page without such a gutter is left alone (the units index the
 * caller's buffer); only pages with one are rebuilt, into the context's
 * own buffer.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/segment.h"
#include "bp.h"

#define COL_MAX_LINE 4000	/* wider lines are one segment */
#define COL_MIN_SPLIT 3		/* lines with text on both sides of a gutter */
#define COL_MAX_CANDS 256	/* boundary candidates tried per part */
#define COL_MAX_DEPTH 12	/* nested splits */
#define COL_MAX_INDENT 32	/* indentation kept inside a column */
#define COL_PROSE 30		/* a cell this wide can hold prose */

/* A segment of a line: text between runs of two or more spaces. */
struct seg {
	size_t bs, be;		/* bytes (trimmed) */
	uint32_t cs, ce;	/* display columns, ce exclusive */
};

/* A row of a part: the segments [s0, s1) of line `line`. */
struct row {
	uint32_t line, s0, s1;
};

/* A line of the page and its segments [s0, s1). */
struct cline {
	size_t start, end;
	uint32_t s0, s1;
};

static int has_gap(const char *s, size_t n);

struct colstate {
	const char *buf;
	struct cline *lines;
	struct seg *segs;
	size_t nsegs, segcap;
	struct np_buf *out;
	int splits;
};

/* Display width of the character starting at s[0] (>= 0x80): East Asian
 * wide characters take two columns, as text browsers draw them. */
static uint32_t
wide_width(const char *s, size_t n, size_t *adv)
{
	int32_t cp = np_utf8_decode(s, n, adv);

	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

/* Appends segment g to st->segs. */
static int
push_seg(struct colstate *st, struct seg g)
{
	if (np_grow(&st->segs, &st->segcap, st->nsegs, sizeof *st->segs, 256) != NP_OK)
		return NP_ENOMEM;
	st->segs[st->nsegs++] = g;
	return NP_OK;
}

/* Cuts line buf[s, e) into segments appended to st->segs. */
static int
line_segments(struct colstate *st, size_t s, size_t e)
{
	const char *buf = st->buf;
	size_t i = s, adv;
	uint32_t col = 0;
	int in = 0, spaces = 0;
	struct seg cur = { 0, 0, 0, 0 };

	while (i < e) {
		unsigned char c = (unsigned char)buf[i];

		if (c == ' ' || c == '\t' || c == '\r') {
			col = c == '\t' ? (col / 8 + 1) * 8 : col + 1;
			spaces++;
			i++;
			if (in && spaces >= 2) {
				if (push_seg(st, cur) != NP_OK)
					return NP_ENOMEM;
				in = 0;
			}
			continue;
		}
		if (col >= COL_MAX_LINE && in) {
			/* a very wide line: the rest is one segment */
			cur.be = e;
			cur.ce = col + 1;
			while (cur.be > cur.bs && (buf[cur.be - 1] == ' ' ||
			    buf[cur.be - 1] == '\t' || buf[cur.be - 1] == '\r'))
				cur.be--;
			i = e;
			break;
		}
		if (!in) {
			cur.bs = i;
			cur.cs = col;
			in = 1;
		}
		spaces = 0;
		if (c < 0x80) {
			adv = 1;
			col++;
		} else {
			col += wide_width(buf + i, e - i, &adv);
		}
		i += adv;
		cur.be = i;
		cur.ce = col;
	}
	return in ? push_seg(st, cur) : NP_OK;
}

/* line_segments for most lines: one without a gap inside is one
 * segment, and an ASCII one needs no column counting. */
static int
line_segments_fast(struct colstate *st, size_t s, size_t e)
{
	const char *buf = st->buf;
	size_t s0 = s;
	uint32_t col = 0;

	if (has_gap(buf + s, e - s))
		return line_segments(st, s, e);
	while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
		col = buf[s] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		s++;
	}
	while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r'))
		e--;
	if (s == e)
		return NP_OK;
	if (np_ascii_run(buf + s, e - s) != e - s || e - s >= COL_MAX_LINE)
		return line_segments(st, s0, e);	/* (from the line start: columns) */
	return push_seg(st, (struct seg){ s, e, col, col + (uint32_t)(e - s) });
}

/* True when no segment of row r covers the gutter columns [p - 2, p). */
static int
row_fits(const struct colstate *st, const struct row *r, uint32_t p)
{
	uint32_t k;

	for (k = r->s0; k < r->s1; k++) {
		const struct seg *g = &st->segs[k];

		if (g->cs >= p)
			return 1;	/* segments are in column order */
		if (g->ce + 2 > p)
			return 0;
	}
	return 1;
}

/* True when row r has text on both sides of boundary p and a cell as
 * wide as a column of prose on one of them (a data table's cells are
 * short: it is content, not a layout). */
static int
row_split(const struct colstate *st, const struct row *r, uint32_t p)
{
	uint32_t k, ls = UINT32_MAX, le = 0, rs = UINT32_MAX, re = 0;

	if (r->s1 == r->s0 || st->segs[r->s0].cs >= p || st->segs[r->s1 - 1].cs < p)
		return 0;
	for (k = r->s0; k < r->s1; k++) {
		const struct seg *g = &st->segs[k];

		if (g->cs < p) {
			ls = ls < g->cs ? ls : g->cs;
			le = g->ce;
		} else {
			rs = rs < g->cs ? rs : g->cs;
			re = g->ce;
		}
	}
	return le - ls >= COL_PROSE || re - rs >= COL_PROSE;
}

/* The first segment of row r on the side of p given (left: < p). */
static const struct seg *
side_first(const struct colstate *st, const struct row *r, uint32_t p, int left)
{
	uint32_t k;

	for (k = r->s0; k < r->s1; k++)
		if ((st->segs[k].cs < p) == left)
			return &st->segs[k];
	return NULL;
}

/* True when a cell of row r as wide as prose goes on in row n below it,
 * on the same side of p at the same column, with a lower-case word: a
 * paragraph wrapped inside a column, which a data table's cells never
 * are. */
static int
wraps_on(const struct colstate *st, const struct row *r, const struct row *n, uint32_t p)
{
	int left;

	for (left = 0; left < 2; left++) {
		const struct seg *a = side_first(st, r, p, left), *b = side_first(st, n, p, left);
		size_t adv;

		if (a == NULL || b == NULL || a->ce - a->cs < COL_PROSE || b->cs != a->cs)
			continue;
		if (np_cp_is_lower(np_utf8_decode(st->buf + b->bs, b->be - b->bs, &adv)))
			return 1;
	}
	return 0;
}

/* Sorts column numbers. */
static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts 64-bit keys. */
static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Writes a part as one column: rows in order, an empty row a blank line. */
static int
emit_part(struct colstate *st, const struct row *rows, size_t n)
{
	size_t i;
	uint32_t left = UINT32_MAX;
	int rc = NP_OK, blank = 1;

	for (i = 0; i < n; i++)
		if (rows[i].s1 > rows[i].s0 && st->segs[rows[i].s0].cs < left)
			left = st->segs[rows[i].s0].cs;
	for (i = 0; i < n && rc == NP_OK; i++) {
		const struct row *r = &rows[i];
		uint32_t ind;

		if (r->s1 == r->s0) {
			if (!blank)
				rc = np_buf_putc(st->out, '\n');
			blank = 1;
			continue;
		}
		if (r->s0 == st->lines[r->line].s0 && r->s1 == st->lines[r->line].s1 && left == 0) {
			/* a whole line: as it was */
			rc = np_buf_append(st->out, st->buf + st->lines[r->line].start,
			    st->lines[r->line].end - st->lines[r->line].start);
			if (rc == NP_OK)
				rc = np_buf_putc(st->out, '\n');
			blank = 0;
			continue;
		}
		ind = st->segs[r->s0].cs - left;
		if (ind > COL_MAX_INDENT)
			ind = COL_MAX_INDENT;
		while (ind-- > 0 && rc == NP_OK)
			rc = np_buf_putc(st->out, ' ');
		if (rc == NP_OK)
			rc = np_buf_append(st->out, st->buf + st->segs[r->s0].bs,
			    st->segs[r->s1 - 1].be - st->segs[r->s0].bs);
		if (rc == NP_OK)
			rc = np_buf_putc(st->out, '\n');
		blank = 0;
	}
	if (rc == NP_OK && !blank)
		rc = np_buf_putc(st->out, '\n');	/* parts are paragraphs apart */
	return rc;
}

/*
 * Finds the boundary that splits most rows of rows[0..n): *p and the run
 * [*ra, *rb).  Returns the number of split rows (0: none good enough).
 */
static size_t
best_boundary(const struct colstate *st, const struct row *rows, size_t n, uint32_t *p,
    size_t *ra, size_t *rb)
{
	uint32_t *cand;
	size_t nc = 0, i, k, best = 0, ncap = 0;

	for (i = 0; i < n; i++)
		if (rows[i].s1 > rows[i].s0 + 1)
			ncap += rows[i].s1 - rows[i].s0 - 1;
	if (ncap < COL_MIN_SPLIT)
		return 0;
	if ((cand = malloc(ncap * sizeof *cand)) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		for (k = rows[i].s0 + 1; k < rows[i].s1; k++)
			cand[nc++] = st->segs[k].cs;
	qsort(cand, nc, sizeof *cand, u32_cmp);
	{
		/* distinct columns that start a segment twice or more, most
		 * frequent first (at most COL_MAX_CANDS of them) */
		size_t j = 0, m = 0;
		uint64_t *cc = malloc(nc * sizeof *cc);

		if (cc == NULL) {
			free(cand);
			return 0;
		}
		while (j < nc) {
			size_t e = j;

			while (e < nc && cand[e] == cand[j])
				e++;
			if (e - j >= 2)
				cc[m++] = (uint64_t)(UINT32_MAX - (e - j)) << 32 | cand[j];
			j = e;
		}
		qsort(cc, m, sizeof *cc, u64_cmp);
		for (j = 0; j < m && j < COL_MAX_CANDS; j++) {
			uint32_t q = (uint32_t)cc[j];
			size_t a = 0;

			while (a < n) {
				size_t b = a, split = 0, cont = 0;

				while (b < n && row_fits(st, &rows[b], q)) {
					split += row_split(st, &rows[b], q);
					if (b > a && wraps_on(st, &rows[b - 1], &rows[b], q))
						cont++;
					b++;
				}
				if (split > best && cont > 0) {
					best = split;
					*p = q;
					*ra = a;
					*rb = b;
				}
				a = b + 1;
			}
		}
		free(cc);
	}
	free(cand);
	return best >= COL_MIN_SPLIT ? best : 0;
}

/*
 * Writes rows[0..n) column by column: the best boundary's run is cut into
 * a left and a right part, each searched again, as are the rows before
 * and after the run.
 */
static int
split_part(struct colstate *st, const struct row *rows, size_t n, int depth)
{
	uint32_t p = 0;
	size_t ra = 0, rb = 0, i, m;
	struct row *lr;
	int rc = NP_OK;

	if (n == 0)
		return NP_OK;
	if (depth >= COL_MAX_DEPTH || st->splits >= 64 ||
	    best_boundary(st, rows, n, &p, &ra, &rb) == 0)
		return emit_part(st, rows, n);
	st->splits++;
	if ((rc = split_part(st, rows, ra, depth)) != NP_OK)
		return rc;
	m = rb - ra;
	if ((lr = malloc(2 * m * sizeof *lr)) == NULL)
		return NP_ENOMEM;
	for (i = 0; i < m; i++) {
		const struct row *r = &rows[ra + i];
		uint32_t k = r->s0;

		while (k < r->s1 && st->segs[k].cs < p)
			k++;
		lr[i] = (struct row){ r->line, r->s0, k };
		lr[m + i] = (struct row){ r->line, k, r->s1 };
	}
	rc = split_part(st, lr, m, depth + 1);
	if (rc == NP_OK)
		rc = split_part(st, lr + m, m, depth + 1);
	free(lr);
	if (rc == NP_OK)
		rc = split_part(st, rows + rb, n - rb, depth);
	return rc;
}

/* True when line s[0..n) has a gap (a tab, or a run of two or more
 * spaces) with text after it (the test runs eight bytes at a time: most
 * lines have none). */
static int
has_gap(const char *s, size_t n)
{
	size_t i = 0, k, lim;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;	/* indentation is no gap */
	while (i < n) {
		/* skip eight bytes at a time while no pair of spaces and no tab
		 * starts in them */
		for (; i + 9 <= n; i += 8) {
			uint64_t v, w, t, b;

			memcpy(&v, s + i, 8);
			memcpy(&w, s + i + 1, 8);
			t = (v ^ 0x2020202020202020ull) | (w ^ 0x2020202020202020ull);
			b = v ^ 0x0909090909090909ull;	/* tabs */
			if ((((t - 0x0101010101010101ull) & ~t) |
			    ((b - 0x0101010101010101ull) & ~b)) & 0x8080808080808080ull)
				break;
		}
		/* then look at those eight bytes (or the tail) one by one */
		lim = i + 8 < n ? i + 8 : n;
		for (k = i; k < lim; k++) {
			if (s[k] != '\t' && (s[k] != ' ' || k + 1 >= n ||
			    (s[k + 1] != ' ' && s[k + 1] != '\t')))
				continue;
			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < n && s[k] != '\r')
				return 1;
			return 0;	/* white space to the end */
		}
		i = lim;
	}
	return 0;
}

int
np_bp_columns(struct np_boilerplate *bp, const char *buf, size_t len)
{
	struct colstate st;
	struct np_line l;
	struct row *rows = NULL;
	size_t pos = 0, gaps = 0, nl = 0, lcap = 0, i;
	int rc = NP_OK;

	memset(&st, 0, sizeof st);
	while (np_next_line(buf, len, &pos, &l) && gaps < COL_MIN_SPLIT)
		gaps += has_gap(buf + l.start, l.end - l.start);
	if (gaps < COL_MIN_SPLIT)
		return 0;
	st.buf = buf;
	st.out = &bp->coltext;
	np_buf_clear(st.out);
	pos = 0;
	while (np_next_line(buf, len, &pos, &l)) {
		if (np_grow(&st.lines, &lcap, nl, sizeof *st.lines, 256) != NP_OK)
			goto nomem;
		st.lines[nl].start = l.start;
		st.lines[nl].end = l.end;
		st.lines[nl].s0 = (uint32_t)st.nsegs;
		if (line_segments_fast(&st, l.start, l.end) != NP_OK)
			goto nomem;
		st.lines[nl].s1 = (uint32_t)st.nsegs;
		nl++;
	}
	if ((rows = malloc((nl ? nl : 1) * sizeof *rows)) == NULL)
		goto nomem;
	for (i = 0; i < nl; i++)
		rows[i] = (struct row){ (uint32_t)i, st.lines[i].s0, st.lines[i].s1 };
	rc = split_part(&st, rows, nl, 0);
	if (rc == NP_OK && st.splits == 0)
		rc = 0;		/* no gutter: the page stays as it is */
	else if (rc == NP_OK)
		rc = 1;
	free(rows);
	free(st.lines);
	free(st.segs);
	return rc;
nomem:
	free(rows);
	free(st.lines);
	free(st.segs);
	return NP_ENOMEM;
}
