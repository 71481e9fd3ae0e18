/*
 * marks.c - pairs quotation marks into quotations.
 *
 * Method.  One pass over the document looks only at the bytes that can
 * start a quotation mark (" ' ` and the lead bytes C2, E2, E3 of « » “ ”
 * „ ‘ ’ ‹ › 「 」) and at newlines while a quotation is open; a 256-entry
 * table skips everything else, so text without marks costs one table
 * lookup a byte.  Each mark is classified by its shape and by the
 * characters beside it:
 *
 *   - directional marks (“ ” „ « » ‹ › 「 」 ‘) open or close by shape; the
 *     same kind nested inside itself is counted, so “a “b” c” is one
 *     quotation; » and › before a word open too, closed by « and ‹
 *     (German and Danish order), and the inner spaces of « … » are not
 *     content;
 *   - the straight double mark " (and NYT/wire '' and ``) toggles;
 *   - the straight single mark ' and the right single mark ’ are
 *     apostrophes between letters (don't, Russia's); after a word ending
 *     in s and before a space (players' union) they close a single
 *     quotation only when no better close follows in the paragraph.
 *
 * While a quotation is open, marks of another family are nested quotations
 * and are ignored (only the outermost quotation is reported), except that a
 * double mark ends a single-quoted stretch that was probably an apostrophe,
 * and that sloppy text mixing the double styles is paired too: “..." and
 * "...” close when no nested quotation of the other style is open, and a
 * left mark after a word (“...,“) closes.  A straight mark after "=" opens
 * nothing (an attribute value).
 *
 * A newline inside an open quotation ends its paragraph.  When the next
 * paragraph starts with the same opening mark, the quotation continues
 * (the multi-paragraph convention); when the line merely wraps mid-sentence
 * it continues too; otherwise the quotation is unterminated and is kept,
 * up to the paragraph's end, only when it opened its paragraph.
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/utf8.h"
#include "quotes_int.h"

enum mark {
	M_NONE, M_DQ, M_DQ_OPEN, M_SQ, M_BQ, M_LDQ, M_RDQ, M_LOW,
	M_LSQ, M_RSQ, M_LOWS, M_LG, M_RG, M_LSG, M_RSG, M_LCJK, M_RCJK
};

enum family { F_NONE, F_DQ, F_CURLY, F_SQ, F_CSQ, F_G, F_SG, F_CJK };

/* Bytes that may start a mark, or a newline. */
static const unsigned char interesting[256] = {
	['\n'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1,
	[0xC2] = 1, [0xE2] = 1, [0xE3] = 1
};

/* Classifies the mark at buf[i]; stores its length in *mlen. */
static enum mark
mark_at(const char *buf, size_t len, size_t i, size_t *mlen)
{
	const unsigned char *s = (const unsigned char *)buf + i;
	size_t rest = len - i;

	*mlen = 1;
	switch (s[0]) {
	case '"':
		return M_DQ;
	case '\'':
		if (rest >= 2 && s[1] == '\'') {
			*mlen = 2;
			return M_DQ;
		}
		return M_SQ;
	case '`':
		if (rest >= 2 && s[1] == '`') {
			*mlen = 2;
			return M_DQ_OPEN;
		}
		return M_BQ;
	case 0xC2:
		if (rest >= 2 && (s[1] == 0xAB || s[1] == 0xBB)) {
			*mlen = 2;
			return s[1] == 0xAB ? M_LG : M_RG;
		}
		return M_NONE;
	case 0xE2:
		if (rest < 3 || s[1] != 0x80)
			return M_NONE;
		*mlen = 3;
		switch (s[2]) {
		case 0x9C: return M_LDQ;
		case 0x9D: return M_RDQ;
		case 0x9E: return M_LOW;
		case 0x98: return M_LSQ;
		case 0x99: return M_RSQ;
		case 0x9A: return M_LOWS;
		case 0xB9: return M_LSG;
		case 0xBA: return M_RSG;
		}
		return M_NONE;
	case 0xE3:
		if (rest < 3 || s[1] != 0x80)
			return M_NONE;
		*mlen = 3;
		if (s[2] == 0x8C || s[2] == 0x8E)
			return M_LCJK;
		if (s[2] == 0x8D || s[2] == 0x8F)
			return M_RCJK;
		return M_NONE;
	}
	return M_NONE;
}

size_t
np_quotes_mark_len(const char *buf, size_t len, size_t i)
{
	size_t n;

	if (i >= len || mark_at(buf, len, i, &n) == M_NONE)
		return 0;
	return n;
}

/* The code point before offset i (0 at the start). */
static int32_t
cp_before(const char *buf, size_t i)
{
	size_t st;

	return i == 0 ? 0 : np_utf8_decode_before(buf, i, &st);
}

/* The code point at offset i (0 at the end). */
static int32_t
cp_at(const char *buf, size_t len, size_t i)
{
	size_t adv;

	return i >= len ? 0 : np_utf8_decode(buf + i, len - i, &adv);
}

/* A letter or a digit. */
static int
is_alnum(int32_t c)
{
	return c > 0 && (np_cp_is_letter(c) || np_cp_is_digit(c));
}

/* True when a single mark at [i, i+n) sits where a quotation can open:
 * not after a letter or digit, before a letter, digit or mark, and not
 * an elision such as '90s, 'em, 'til, rock 'n' roll. */
static int
single_opens(const char *buf, size_t len, size_t i, size_t n)
{
	int32_t a = cp_before(buf, i), b = cp_at(buf, len, i + n);
	size_t j = i + n, w;

	if (is_alnum(a) || !(is_alnum(b) || b == '"' || b == 0x201C))
		return 0;
	if (np_cp_is_digit(b)) {
		/* '90s, '16 */
		if (j + 2 <= len && np_cp_is_digit((unsigned char)buf[j + 1]) &&
		    (j + 2 == len || !is_alnum(cp_at(buf, len, j + 2)) ||
		    buf[j + 2] == 's'))
			return 0;
	}
	for (w = j; w < len && w - j < 6 && ((buf[w] >= 'a' && buf[w] <= 'z') ||
	    (buf[w] >= 'A' && buf[w] <= 'Z')); w++)
		;
	if (w < len && is_alnum(cp_at(buf, len, w)))
		return 1;
	w -= j;
	if ((w == 2 && strncmp(buf + j, "em", 2) == 0) ||
	    (w == 3 && strncmp(buf + j, "til", 3) == 0) ||
	    (w == 3 && strncmp(buf + j, "tis", 3) == 0) ||
	    (w == 4 && strncmp(buf + j, "twas", 4) == 0) ||
	    (w == 5 && strncmp(buf + j, "cause", 5) == 0) ||
	    (w == 1 && buf[j] == 'n'))
		return 0;
	return 1;
}

/* Close strength of a single mark: 0 none (apostrophe inside a word or
 * mark after a space), 1 weak (after a word ending in s: players'), 2 a
 * plain close. */
static int
single_closes(const char *buf, size_t len, size_t i, size_t n)
{
	int32_t a = cp_before(buf, i), b = cp_at(buf, len, i + n);

	if (a == 0 || np_cp_is_space(a) || is_alnum(b))
		return 0;
	if ((a == 's' || a == 'S') && (b == 0 || np_cp_is_space(b)))
		return 1;
	return 2;
}

/* The family a mark opens, or F_NONE. */
static enum family
opens(enum mark m)
{
	switch (m) {
	case M_DQ: case M_DQ_OPEN: return F_DQ;
	case M_LDQ: case M_LOW: return F_CURLY;
	case M_SQ: case M_BQ: return F_SQ;
	case M_LSQ: case M_LOWS: return F_CSQ;
	case M_LG: return F_G;
	case M_LSG: return F_SG;
	case M_LCJK: return F_CJK;
	default: return F_NONE;
	}
}

/* True for the double families (a double mark ends a single stretch). */
static int
is_double(enum mark m)
{
	return m == M_DQ || m == M_DQ_OPEN || m == M_LDQ || m == M_RDQ ||
	    m == M_LOW || m == M_LG || m == M_RG;
}


/* Length of the white space (space, tab, no-break, thin or narrow
 * no-break space) at buf[i], or 0. */
static size_t
space_at(const char *buf, size_t i, size_t e)
{
	const unsigned char *s = (const unsigned char *)buf + i;

	if (i >= e)
		return 0;
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if (s[0] == 0xC2 && i + 1 < e && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && i + 2 < e && s[1] == 0x80 && (s[2] == 0xAF ||
	    s[2] == 0x89))
		return 3;
	return 0;
}

/* Trims the inner spaces of « … » from a content span. */
static void
trim_spaces(const char *buf, struct np_span *c)
{
	size_t n;

	while ((n = space_at(buf, c->start, c->end)) > 0)
		c->start += n;
	while (c->end > c->start) {
		size_t k = c->end - 1;

		while (k > c->start && ((unsigned char)buf[k] & 0xC0) == 0x80)
			k--;
		if ((n = space_at(buf, k, c->end)) == 0 || k + n != c->end)
			break;
		c->end = k;
	}
}

/* Appends the quotation *o closed by the mark at [cs, ce) (cs NP_NOSPAN:
 * unterminated, running to ce). */
static int
push(struct np_qcands *out, const struct np_qopen *o, size_t cs, size_t ce)
{
	struct np_qcand *c;

	if (np_grow(&out->v, &out->cap, out->n, sizeof *out->v, 32) != NP_OK)
		return NP_ENOMEM;
	c = &out->v[out->n++];
	c->open = o->open;
	c->close.start = cs == NP_NOSPAN ? NP_NOSPAN : cs;
	c->close.end = cs == NP_NOSPAN ? NP_NOSPAN : ce;
	c->content.start = o->open.end;
	c->content.end = cs == NP_NOSPAN ? ce : cs;
	c->multipara = o->multipara;
	if (o->fam == F_G || o->fam == F_SG)
		trim_spaces(out->buf, &c->content);
	return NP_OK;
}

/* True when the opening mark at `i` is the first non-space of its line. */
static int
at_line_start(const char *buf, size_t line_start, size_t i)
{
	size_t k;

	for (k = line_start; k < i; k++)
		if (buf[k] != ' ' && buf[k] != '\t' && buf[k] != '\r')
			return 0;
	return 1;
}

/* Does the mark m (at i, length n) continue family f at a paragraph
 * start? */
static int
reopens(const struct np_qopen *o, enum mark m)
{
	if (o->rev)
		return m == (o->fam == F_G ? M_RG : M_RSG);
	return m != M_NONE && (int)opens(m) == o->fam;
}

/*
 * Handles the end of the line at nl (buf[nl] == '\n') with quotation *o
 * open.  Returns the offset to go on scanning from; clears o->fam when
 * the quotation ended.
 */
static size_t
line_end(const char *buf, size_t len, size_t nl, struct np_qopen *o,
    struct np_qcands *out, int *err)
{
	size_t k = nl + 1, eol = nl, n, blank = 0;
	enum mark m;
	int32_t last;
	size_t st;

	if (eol > 0 && buf[eol - 1] == '\r')
		eol--;
	/* next non-blank line */
	while (k < len) {
		while (k < len && (buf[k] == ' ' || buf[k] == '\t' ||
		    buf[k] == '\r'))
			k++;
		if (k < len && buf[k] == '\n') {
			blank = 1;
			k++;
			continue;
		}
		break;
	}
	m = k < len ? mark_at(buf, len, k, &n) : M_NONE;
	if (reopens(o, m) && (o->fam != F_SQ ||
	    single_opens(buf, len, k, n))) {
		o->multipara = 1;
		o->inner = 0;
		o->weak = NP_NOSPAN;
		return k + n;
	}
	/* a line wrapped in mid-sentence continues the quotation */
	last = 0;
	st = eol;
	while (st > o->open.end) {
		last = np_utf8_decode_before(buf, st, &st);
		if (!np_cp_is_space(last))
			break;
	}
	if (!blank && k < len && st > o->open.end &&
	    (is_alnum(last) || last == ',' || last == ';' || last == '-'))
		return nl + 1;
	if (o->weak == NP_NOSPAN && o->fam == F_DQ && o->nested &&
	    !o->multipara) {
		/* a stray " opening a paragraph with curly quotations
		 * inside ("Trump walked on, chanting “U-S-A!”"): the
		 * paragraph is read again without it */
		o->fam = F_NONE;
		return o->open.end;
	}
	if (o->weak != NP_NOSPAN) {
		if (push(out, o, o->weak, o->weak + o->weaklen) != NP_OK)
			*err = NP_ENOMEM;
	} else if (o->fam != F_SQ && o->fam != F_CSQ &&
	    at_line_start(buf, o->line_start, o->open.start) &&
	    eol > o->open.end) {
		if (push(out, o, NP_NOSPAN, eol) != NP_OK)
			*err = NP_ENOMEM;
	}
	o->fam = F_NONE;
	return nl + 1;
}

static int scan(const char *buf, size_t len, struct np_markscan *ms,
    struct np_qcands *out, size_t want);

void
np_quotes_marks_init(struct np_markscan *ms)
{
	memset(ms, 0, sizeof *ms);
	ms->o.fam = F_NONE;
}

int
np_quotes_find_marks(const char *buf, size_t len, struct np_markscan *ms,
    struct np_qcands *out, size_t want)
{
	out->buf = buf;
	return ms->done ? NP_OK : scan(buf, len, ms, out, want);
}

int
np_quotes_marks_until(const char *buf, size_t len, struct np_markscan *ms,
    struct np_qcands *out, size_t upto)
{
	int r = NP_OK;

	while (r == NP_OK && !ms->done && (out->n == 0 ||
	    out->v[out->n - 1].content.end < upto))
		r = np_quotes_find_marks(buf, len, ms, out, out->n + 64);
	return r;
}

/*
 * Scans from ms->i until want quotations are in out or the input ends
 * (the end of input closes an open quotation like a paragraph end).
 */
static int
scan(const char *buf, size_t len, struct np_markscan *ms,
    struct np_qcands *out, size_t want)
{
	struct np_qopen o = ms->o;
	size_t i = ms->i, n, line_start = ms->line_start;
	enum mark m;
	int err = NP_OK, s;

	while (i < len) {
		const unsigned char *p = (const unsigned char *)buf;

		if (out->n >= want) {
			ms->o = o;
			ms->i = i;
			ms->line_start = line_start;
			return NP_OK;
		}

		while (i < len && !interesting[p[i]])
			i++;
		if (i >= len)
			break;
		if (buf[i] == '\n') {
			if (o.fam != F_NONE) {
				size_t nl = i;

				i = line_end(buf, len, i, &o, out, &err);
				if (err)
					return err;
				/* (read again from inside the line: its start
				 * stays) */
				if (o.fam == F_NONE)
					line_start = i > nl ? i : o.line_start;
			} else
				line_start = ++i;
			continue;
		}
		m = mark_at(buf, len, i, &n);
		if (m == M_NONE) {
			i++;
			continue;
		}
		if (o.fam == F_NONE) {
			enum family f = opens(m);

			if (f == F_DQ && m == M_DQ) {
				int32_t b = cp_at(buf, len, i + n);

				/* a stray closing mark (12" pipe), an
				 * attribute value (date="...") */
				if (b == 0 || np_cp_is_space(b) ||
				    cp_before(buf, i) == '=')
					f = F_NONE;
			}
			if ((f == F_SQ || f == F_CSQ) &&
			    !single_opens(buf, len, i, n))
				f = F_NONE;
			if (m == M_LDQ) {
				/* “ after a word and before a space closes a
				 * quotation whose „ is missing ("Aeußerung.“
				 * Bekanntlich"): it opens nothing */
				int32_t a = cp_before(buf, i), b = cp_at(buf,
				    len, i + n);

				if (a != 0 && !np_cp_is_space(a) && a != '(' &&
				    a != '[' && (b == 0 || np_cp_is_space(b)))
					f = F_NONE;
			}
			if (m == M_RDQ) {
				/* ”…” as an opening mark */
				int32_t a = cp_before(buf, i);

				if ((a == 0 || np_cp_is_space(a)) &&
				    is_alnum(cp_at(buf, len, i + n)))
					f = F_CURLY;
			}
			if ((m == M_RG || m == M_RSG) && !is_alnum(cp_before(buf,
			    i)) && is_alnum(cp_at(buf, len, i + n)))
				/* »…« and ›…‹: German and Danish order */
				f = m == M_RG ? F_G : F_SG;
			if (f != F_NONE) {
				o.fam = f;
				o.rev = m == M_RG || m == M_RSG;
				o.low = m == M_LOW || m == M_LOWS;
				o.depth = 1;
				o.open.start = i;
				o.open.end = i + n;
				o.line_start = line_start;
				o.weak = NP_NOSPAN;
				o.multipara = 0;
				o.inner = 0;
				o.nested = 0;
			}
			i += n;
			continue;
		}
		switch (o.fam) {
		case F_DQ:
			/* “…” nested in "…"; a ” with no “ closes: "…” */
			if (m == M_LDQ)
				o.inner++;
			else if (m == M_RDQ && o.inner > 0)
				o.nested |= --o.inner == 0;
			else if (m == M_RDQ &&
			    !np_cp_is_space(cp_before(buf, i))) {
				if (push(out, &o, i, i + n) != NP_OK)
					return NP_ENOMEM;
				o.fam = F_NONE;
			}
			if (m == M_DQ) {
				/* ''' closing: the last two are the mark */
				if (n == 2 && i + 2 < len && buf[i + 2] == '\'') {
					i++;
					continue;
				}
				if (push(out, &o, i, i + n) != NP_OK)
					return NP_ENOMEM;
				o.fam = F_NONE;
			}
			break;
		case F_CURLY:
			if (m == M_LDQ && !o.low && o.depth == 1 &&
			    !np_cp_is_space(cp_before(buf, i)) &&
			    !is_alnum(cp_at(buf, len, i + n)) &&
			    cp_before(buf, i) != 0x2018) {
				/* “…,“ a left mark used as the closing one */
				if (push(out, &o, i, i + n) != NP_OK)
					return NP_ENOMEM;
				o.fam = F_NONE;
			} else if (m == M_DQ && n == 1) {
				/* "…" nested in “…”, or “…" closed by a
				 * straight mark */
				int32_t a = cp_before(buf, i);
				int32_t b = cp_at(buf, len, i + n);

				if (a == 0 || np_cp_is_space(a))
					o.inner = 1;
				else if (o.inner)
					o.inner = 0;
				else if (o.depth == 1 && !is_alnum(b)) {
					if (push(out, &o, i, i + n) != NP_OK)
						return NP_ENOMEM;
					o.fam = F_NONE;
				}
			} else if (m == M_LDQ && !o.low) {
				o.depth++;
			} else if (m == M_RDQ || (m == M_LDQ && o.low)) {
				if (--o.depth == 0) {
					if (push(out, &o, i, i + n) != NP_OK)
						return NP_ENOMEM;
					o.fam = F_NONE;
				}
			}
			break;
		case F_G: case F_SG: case F_CJK: {
			enum mark om = o.fam == F_G ? M_LG :
			    o.fam == F_SG ? M_LSG : M_LCJK;
			enum mark cm = o.fam == F_G ? M_RG :
			    o.fam == F_SG ? M_RSG : M_RCJK;

			if (o.rev) {
				enum mark sw = om;

				om = cm;
				cm = sw;
			}

			if (m == om)
				o.depth++;
			else if (m == cm && --o.depth == 0) {
				if (push(out, &o, i, i + n) != NP_OK)
					return NP_ENOMEM;
				o.fam = F_NONE;
			}
			break;
		}
		case F_SQ: case F_CSQ:
			if (is_double(m)) {
				/* the single stretch was an apostrophe */
				o.fam = F_NONE;
				continue;	/* rescan this mark outside */
			}
			if ((o.fam == F_SQ && m == M_SQ) ||
			    (o.fam == F_CSQ && (m == M_RSQ ||
			    (o.low && m == M_LSQ)))) {
				s = single_closes(buf, len, i, n);
				if (s == 2) {
					if (push(out, &o, i, i + n) != NP_OK)
						return NP_ENOMEM;
					o.fam = F_NONE;
				} else if (s == 1 && o.weak == NP_NOSPAN) {
					o.weak = i;
					o.weaklen = n;
				} else if (s == 0 && o.weak != NP_NOSPAN &&
				    single_opens(buf, len, i, n)) {
					/* 'the Jones' and 'the ...: the weak
					 * close was the close */
					if (push(out, &o, o.weak,
					    o.weak + o.weaklen) != NP_OK)
						return NP_ENOMEM;
					o.fam = F_NONE;
					continue;
				}
			}
			break;
		default:
			break;
		}
		i += n;
	}
	if (o.fam != F_NONE) {
		/* end of input: like the end of a paragraph */
		if (o.weak != NP_NOSPAN) {
			if (push(out, &o, o.weak, o.weak + o.weaklen) != NP_OK)
				return NP_ENOMEM;
		} else if (o.fam != F_SQ && o.fam != F_CSQ &&
		    at_line_start(buf, o.line_start, o.open.start)) {
			size_t e = len;

			while (e > o.open.end && (buf[e - 1] == '\r' ||
			    buf[e - 1] == ' ' || buf[e - 1] == '\t'))
				e--;
			if (e > o.open.end && push(out, &o, NP_NOSPAN, e) != NP_OK)
				return NP_ENOMEM;
		}
	}
	o.fam = F_NONE;
	ms->o = o;
	ms->i = len;
	ms->done = 1;
	return NP_OK;
}
