/*
 * articles.c - the split-articles engine: format detectors, boundaries.
 *
 * Method.  A document is read as lines (np_next_line, memchr).  Each line
 * is first classified by its first non-blank byte, so the costly checks
 * (a date parse, a regular expression) run only on the few lines that can
 * be a signature:
 *
 *   lexisnexis  a start marker "N of M DOCUMENTS" / "DOCUMENT N OF M", or
 *               an "End of Document" trailer line
 *   factiva     a trailer line "Document " + a 16..40 character id
 *   listing     a short source line, a date line, then a "- Section"
 *               bullet line (an aggregator's tag page)
 *   separator   a line of * * *, ----, ====, # # #, ~~~ or a form feed
 *               (____ only when forced: agencies rule off sections of one
 *               story with it), not underlining a heading, where the text
 *               after it opens with a title and runs on
 *   heads       a title line after a blank line, then (after an optional
 *               "By" line) a date line or a "CITY (Agency) -" dateline,
 *               then a body of real paragraphs
 *
 * np_articles_begin makes one detecting pass (no memory proportional to
 * the input) and picks the first format, in the order above, whose
 * signature is present.  Heads, which needs a look ahead, gets a second
 * pass only when nothing else was found: it needs two accepted heads and
 * at most a page header before the first, so a single article with a
 * "Related stories" list of headline/date teasers (short blurbs, or after
 * a teaser heading from articles-teasers.tsv, or after the story's own
 * paragraphs) stays one record.  np_articles_next then finds the end of each record on demand:
 * start-marker formats (lexisnexis markers, listing, heads) cut at the
 * start of the next marker's line, so a header before the first article
 * joins the first record; trailer formats (End of Document, factiva,
 * separator) cut after the trailer line and the blank lines after it, so
 * the trailer belongs to the article it ends.  A remainder with no letter
 * or digit (or, for factiva, without another article) joins the last
 * record.  Metadata come from meta.c.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/articles.h"
#include "newsprep/dates.h"
#include "newsprep/lexicon.h"
#include "newsprep/re.h"
#include "newsprep/segment.h"
#include "articles_int.h"

NP_LEXICON_DATA(articles_keys);
NP_LEXICON_DATA(articles_teasers);

/* A dateline lead: an upper-case place, an optional ", Region, date", an
 * optional "(Agency)", then a dash after a blank or the agency, and a
 * sentence opening: "WIESBADEN, Germany (Reuters) -Fenced".  A caption
 * in capitals ("CITY, STATE - NOVEMBER 14: ...") is not one. */
static const char DATELINE_LEAD[] =
    "[ \\t]*\\p{Lu}[\\p{Lu}\\p{M}.'\\x{2019} ]{2,40}"
    "(?:,[^\\r\\n()\\x{2013}\\x{2014}]{1,60}?)?"
    "(?:[ \\t]*\\([^()\\r\\n]{1,40}\\)[ \\t]*|[ \\t]+)(?:--?|\\x{2013}|\\x{2014})"
    "[ \\t]?(?=[\"'\\x{201C}\\x{2018}]?\\p{Lu}\\p{Ll}|\\d)";

/* Minimum body (bytes in prose lines) of an article found by its head;
 * after a teaser heading the bar is higher. */
#define HEAD_BODY_MIN 300
#define HEAD_BODY_TEASER 1200
/* A prose line is at least this long. */
#define PROSE_LINE 50
/* Longest title, source or date line considered. */
#define TITLE_MAX 200
#define SOURCE_MAX 80
#define DATE_LINE_MAX 64

/* Creates the context: lexicons, the dateline pattern, the dates engine. */
struct np_articles *
np_articles_new(const struct np_articles_opts *opts)
{
	struct np_articles *c;
	char err[128];

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if (opts != NULL)
		c->o = *opts;
	c->dates = np_dates_new(NULL);
	c->keys = np_lexicon_new();
	c->teasers = np_lexicon_new();
	c->lead = np_re_compile(DATELINE_LEAD, 0, err, sizeof(err));
	if (c->dates == NULL || c->keys == NULL || c->teasers == NULL ||
	    c->lead == NULL ||
	    np_lexicon_load(c->keys, np_lex_articles_keys,
	    np_lex_articles_keys_len) != NP_OK ||
	    np_lexicon_load(c->teasers, np_lex_articles_teasers,
	    np_lex_articles_teasers_len) != NP_OK) {
		np_articles_free(c);
		return NULL;
	}
	return c;
}

/* Frees the context and everything it holds. */
void
np_articles_free(struct np_articles *c)
{
	if (c == NULL)
		return;
	np_dates_free(c->dates);
	np_lexicon_free(c->keys);
	np_lexicon_free(c->teasers);
	np_re_free(c->lead);
	np_arena_free(&c->arena);
	free(c);
}

/* ---- line classifiers ---- */

/* Trims blanks (space, tab, CR, NBSP) off both ends of [*s, *e). */
void
art_trim(const char *b, size_t *s, size_t *e)
{
	while (*s < *e) {
		unsigned char ch = (unsigned char)b[*s];

		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v')
			(*s)++;
		else if (ch == 0xC2 && *s + 1 < *e && (unsigned char)b[*s + 1] == 0xA0)
			*s += 2;
		else
			break;
	}
	while (*e > *s) {
		unsigned char ch = (unsigned char)b[*e - 1];

		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v')
			(*e)--;
		else if (ch == 0xA0 && *e - 1 > *s && (unsigned char)b[*e - 2] == 0xC2)
			*e -= 2;
		else
			break;
	}
}

/* ASCII case-insensitive comparison of b[s, s+n) with the lower-case
 * word w. */
int
art_word(const char *b, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w), i;

	if (e - s < n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)b[s + i];

		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		if (ch != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* Reads a run of digits at *p (at most 9); returns how many. */
static size_t
digits(const char *b, size_t *p, size_t e)
{
	size_t n = 0;

	while (*p < e && b[*p] >= '0' && b[*p] <= '9' && n < 9) {
		(*p)++;
		n++;
	}
	return n;
}

/* Skips spaces and tabs. */
static void
spaces(const char *b, size_t *p, size_t e)
{
	while (*p < e && (b[*p] == ' ' || b[*p] == '\t'))
		(*p)++;
}

/* True for a LexisNexis start marker, trimmed: "1 of 10 DOCUMENTS" or
 * "DOCUMENT 1 OF 2". */
int
art_is_ln_marker(const char *b, size_t s, size_t e)
{
	size_t p = s;

	if (e - s > 40 || e - s < 11)
		return 0;
	if (b[s] >= '0' && b[s] <= '9') {
		digits(b, &p, e);
		spaces(b, &p, e);
		if (!art_word(b, p, e, "of"))
			return 0;
		p += 2;
		spaces(b, &p, e);
		if (digits(b, &p, e) == 0)
			return 0;
		spaces(b, &p, e);
		if (!art_word(b, p, e, "document"))
			return 0;
		p += 8;
		if (p < e && (b[p] == 's' || b[p] == 'S'))
			p++;
		return p == e;
	}
	if (!art_word(b, s, e, "document"))
		return 0;
	p = s + 8;
	spaces(b, &p, e);
	if (digits(b, &p, e) == 0)
		return 0;
	spaces(b, &p, e);
	if (!art_word(b, p, e, "of"))
		return 0;
	p += 2;
	spaces(b, &p, e);
	if (digits(b, &p, e) == 0)
		return 0;
	return p == e;
}

/* True for the Nexis Uni trailer "End of Document". */
int
art_is_ln_end(const char *b, size_t s, size_t e)
{
	return e - s == 15 && art_word(b, s, e, "end of document");
}

/* True for a Factiva trailer: "Document " and an id of 16..40 letters and
 * digits ("Document WSJ0000020100111e61b0000m"), also after the "AN"
 * field code of an export with field codes. */
int
art_is_fa_trailer(const char *b, size_t s, size_t e)
{
	size_t p;

	if (e - s > 2 && b[s] == 'A' && b[s + 1] == 'N' && (b[s + 2] == ' ' || b[s + 2] == '\t')) {
		s += 2;
		spaces(b, &s, e);
	}
	if (e - s < 25 || e - s > 49 || memcmp(b + s, "Document ", 9) != 0)
		return 0;
	for (p = s + 9; p < e; p++) {
		unsigned char ch = (unsigned char)b[p];

		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= 'A' && ch <= 'Z')))
			return 0;
	}
	return 1;
}

/* Parses "512 words" / "2,968 words" / "WC 512 words" (trimmed line);
 * returns the number or -1. */
long
art_words_line(const char *b, size_t s, size_t e)
{
	long v = 0;
	size_t p = s;
	int nd = 0;

	/* the WC field of an export with field codes */
	if (e - p > 2 && b[p] == 'W' && b[p + 1] == 'C' && (b[p + 2] == ' ' || b[p + 2] == '\t')) {
		p += 2;
		spaces(b, &p, e);
	}

	while (p < e && ((b[p] >= '0' && b[p] <= '9') || (b[p] == ',' && nd > 0))) {
		if (b[p] != ',') {
			if (v > 100000000L)
				return -1;
			v = v * 10 + (b[p] - '0');
			nd++;
		}
		p++;
	}
	if (nd == 0)
		return -1;
	spaces(b, &p, e);
	if (e - p == 5 && art_word(b, p, e, "words"))
		return v;
	return -1;
}

/*
 * When the line [s, e) (untrimmed content) is a separator line, returns
 * 1: a form feed as its first non-blank byte, or only repeats of one of
 * * - = _ # ~ (three or more, spaces allowed between).
 */
int
art_is_separator(const char *b, size_t s, size_t e)
{
	size_t p;
	unsigned char ch = 0;
	int n = 0;

	art_trim(b, &s, &e);
	if (s < e && b[s] == '\f')
		return 1;
	if (e - s < 3 || e - s > 120)
		return 0;
	for (p = s; p < e; p++) {
		unsigned char x = (unsigned char)b[p];

		if (x == ' ' || x == '\t')
			continue;
		if (n == 0) {
			if (!strchr("*-=_#~", x))
				return 0;
			ch = x;
		} else if (x != ch) {
			return 0;
		}
		n++;
	}
	return n >= 3;
}

/* True when the trimmed line can be a title: 2..TITLE_MAX bytes, opens
 * with a capital, a digit, a quote or a non-ASCII letter, and does not
 * end like a clause (. , :); a ';' may join a headline to its deck. */
int
art_is_titlish(const char *b, size_t s, size_t e)
{
	unsigned char f, l;
	int letters = 0;

	if (e - s < 2 || e - s > TITLE_MAX)
		return 0;
	f = (unsigned char)b[s];
	l = (unsigned char)b[e - 1];
	if (!((f >= 'A' && f <= 'Z') || (f >= '0' && f <= '9') || f == '"' ||
	    f == '\'' || f >= 0xC3))
		return 0;
	if (f == 0xE2)		/* bullets, dashes, typographic quotes */
		return e - s > 3 && (unsigned char)b[s + 1] == 0x80 &&
		    ((unsigned char)b[s + 2] == 0x9C || (unsigned char)b[s + 2] == 0x98) &&
		    !strchr(".,;:", l);
	if (strchr(".,:", l))
		return 0;
	/* words, not a number or a code: three letters at least */
	for (; s < e && letters < 3; s++)
		if (((unsigned char)b[s] | 0x20) >= 'a' && ((unsigned char)b[s] | 0x20) <= 'z')
			letters++;
		else if ((unsigned char)b[s] >= 0xC3)
			letters++;
	return letters >= 3;
}

/* Length of a bullet at the start of the trimmed line ("- ", "• ",
 * "– ", "* ", "· "), or 0. */
size_t
art_bullet(const char *b, size_t s, size_t e)
{
	if (e - s >= 2 && (b[s] == '-' || b[s] == '*') && b[s + 1] == ' ')
		return 2;
	if (e - s >= 4 && (unsigned char)b[s] == 0xE2 && (unsigned char)b[s + 1] == 0x80 &&
	    ((unsigned char)b[s + 2] == 0xA2 || (unsigned char)b[s + 2] == 0x93) &&
	    b[s + 3] == ' ')
		return 4;
	if (e - s >= 3 && (unsigned char)b[s] == 0xC2 && (unsigned char)b[s + 1] == 0xB7 &&
	    b[s + 2] == ' ')
		return 3;
	return 0;
}

/*
 * True when the trimmed line is only a date ("02-07-2025", "January 11,
 * 2010 Monday", "Updated March 4, 2024 10:00"), as the dates engine's
 * dateline logic reads it; the ISO value goes to value when non-NULL.
 */
int
art_is_date_line(struct np_articles *c, const char *b, size_t s, size_t e,
    char *value, size_t cap)
{
	char v[NP_DATE_VALUE_MAX];
	struct np_span where;
	size_t p;
	int digit = 0;

	if (e - s < 6 || e - s > DATE_LINE_MAX)
		return 0;
	for (p = s; p < e; p++)
		if (b[p] >= '0' && b[p] <= '9') {
			digit = 1;
			break;
		}
	if (!digit)
		return 0;
	if (!np_dates_dateline(c->dates, b + s, e - s, v, sizeof(v), &where))
		return 0;
	/* the date must be the line's substance, not a year in a headline */
	if (where.end - where.start < (e - s) / 2 || strlen(v) < 7)
		return 0;
	if (value != NULL && cap > 0) {
		strncpy(value, v, cap - 1);
		value[cap - 1] = '\0';
	}
	return 1;
}

/* True when the trimmed line opens with a "CITY (Agency) -" dateline. */
int
art_is_lead(struct np_articles *c, const char *b, size_t s, size_t e)
{
	unsigned char f = (unsigned char)b[s];

	if (e - s < 8 || !((f >= 'A' && f <= 'Z') || f >= 0xC3))
		return 0;
	return np_re_match_at(c->lead, b, e - s > 200 ? s + 200 : e, s, NULL, 0) == 1;
}

/* True when [s, e) holds a letter or digit (ASCII, or any non-ASCII
 * byte). */
static int
has_alnum(const char *b, size_t s, size_t e)
{
	for (; s < e; s++) {
		unsigned char ch = (unsigned char)b[s];

		if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
		    ch >= 0xC3)
			return 1;
	}
	return 0;
}

/* Returns the offset after the line at pos and the blank lines after it. */
static size_t
after_blanks(const char *b, size_t len, size_t pos)
{
	struct np_line ln;
	size_t p = pos, q;

	while (q = p, np_next_line(b, len, &p, &ln)) {
		if (!np_is_blank(b, ln.start, ln.end))
			return q;
	}
	return len;
}

/* ---- listing heads ---- */

static int listing_head(struct np_articles *, size_t, size_t, size_t, size_t,
    size_t, size_t);

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

			art_trim(b, &s, &e);
			if (s < e && (b[s] == '-' || b[s] == '*' ||
			    (unsigned char)b[s] == 0xE2 || (unsigned char)b[s] == 0xC2)) {
				size_t s0 = l0.start, e0 = l0.end, s1 = l1.start, e1 = l1.end;

				art_trim(b, &s0, &e0);
				art_trim(b, &s1, &e1);
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

/* ---- heads ---- */

/*
 * Checks a head at line ln (preceded by a blank line): a title, then an
 * optional "By" line and at most one blank line, then a date line or a
 * dateline lead.  Strict (the title follows the last sentence of the
 * story before without a blank line): no blank line, and a date line.
 * Returns 1 and the offset where the body starts.
 */
static int
head_at(struct np_articles *c, const struct np_line *ln, size_t *body, int strict)
{
	const char *b = c->buf;
	struct np_line x;
	size_t s = ln->start, e = ln->end, p = ln->next;
	int k, blanks = 0;

	art_trim(b, &s, &e);
	if (!art_is_titlish(b, s, e))
		return 0;
	for (k = 0; k < 4 && np_next_line(b, c->len, &p, &x); k++) {
		size_t xs = x.start, xe = x.end;

		art_trim(b, &xs, &xe);
		if (xs == xe) {
			if (strict || ++blanks > 1)
				return 0;
			continue;
		}
		if (art_word(b, xs, xe, "by ") && xe - xs <= SOURCE_MAX)
			continue;
		if (art_is_date_line(c, b, xs, xe, NULL, 0))
			*body = x.next;
		else if (!strict && art_is_lead(c, b, xs, xe))
			*body = x.start;
		else
			return 0;
		/* the title itself must not be a date */
		return !art_is_date_line(c, b, s, e, NULL, 0);
	}
	return 0;
}

/* True when the trimmed line ends a sentence: . ! ? or a closing quote
 * or bracket after one. */
static int
ends_sentence(const char *b, size_t s, size_t e)
{
	while (e > s && (b[e - 1] == '"' || b[e - 1] == '\'' || b[e - 1] == ')' ||
	    ((unsigned char)b[e - 1] >= 0x80 && (unsigned char)b[e - 1] <= 0xBF &&
	    e - s >= 3 && (unsigned char)b[e - 3] == 0xE2)))
		e -= (unsigned char)b[e - 1] >= 0x80 ? 3 : 1;
	return e > s && (b[e - 1] == '.' || b[e - 1] == '!' || b[e - 1] == '?');
}

/* Bytes of prose (lines of PROSE_LINE bytes or more) in [s, e); stops
 * counting once over `enough`. */
static size_t
prose_bytes(const char *b, size_t s, size_t e, size_t enough)
{
	struct np_line ln;
	size_t p = s, n = 0;

	while (n < enough && np_next_line(b, e, &p, &ln))
		if (ln.end - ln.start >= PROSE_LINE)
			n += ln.end - ln.start;
	return n;
}

/*
 * Finds the next head candidate starting at or after `from` (a line after
 * a blank line or at the start of the document).  Returns its line start
 * (SIZE_MAX for none); *body gets where its body starts, *teaser is set
 * when a teaser heading was passed on the way and *prose counts the bytes
 * of prose lines passed.  The last answer is remembered: iterating calls
 * it twice on the same `from`, and this keeps the scan to one pass.
 */
static size_t
head_candidate(struct np_articles *c, size_t from, size_t *body, int *teaser,
    size_t *prose)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, n = 0, found = SIZE_MAX, fbody = 0;
	int prev_blank = 1, prev_stop = 0, t = 0;

	if (c->hc_valid && c->hc_from == from) {
		*body = c->hc_body;
		*teaser |= c->hc_teaser;
		*prose = c->hc_prose;
		return c->hc_cand;
	}
	/* `from` is a line start; a blank line must precede a head */
	if (from > 0) {
		size_t q = from - 1;

		while (q > 0 && b[q - 1] != '\n')
			q--;
		prev_blank = np_is_blank(b, q, from - 1);
	}
	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s == e) {
			prev_blank = 1;
			continue;
		}
		if (prev_blank) {
			if (e - s <= 40 && ((b[s] | 0x20) >= 'a' && (b[s] | 0x20) <= 'z') &&
			    np_lexicon_find(c->teasers, b + s, e - s) != NULL)
				t = 1;
			else if (head_at(c, &ln, &fbody, 0)) {
				found = ln.start;
				break;
			}
		} else if (prev_stop && head_at(c, &ln, &fbody, 1)) {
			found = ln.start;
			break;
		}
		if (e - s >= PROSE_LINE)
			n += e - s;
		prev_blank = 0;
		prev_stop = ends_sentence(b, s, e);
	}
	c->hc_valid = 1;
	c->hc_from = from;
	c->hc_cand = found;
	c->hc_body = fbody;
	c->hc_teaser = t;
	c->hc_prose = n;
	*body = fbody;
	*teaser |= t;
	*prose = n;
	return found;
}

/*
 * Finds the next accepted head at or after `from`: a candidate whose body,
 * up to the next candidate, holds enough prose.  A teaser heading seen
 * before it (since `teaser` was last cleared) raises the bar.  *bodyp
 * gets where the accepted head's body starts.
 */
static size_t
heads_next(struct np_articles *c, size_t from, int *teaser, size_t *bodyp)
{
	size_t cand, body, next, nbody, need, prose;
	int t2;

	cand = head_candidate(c, from, &body, teaser, &prose);
	while (cand != SIZE_MAX) {
		t2 = *teaser;
		next = head_candidate(c, body, &nbody, &t2, &prose);
		need = *teaser ? HEAD_BODY_TEASER : HEAD_BODY_MIN;
		if (prose >= need) {
			*bodyp = body;
			return cand;
		}
		*teaser = t2;
		cand = next;
		body = nbody;
	}
	return SIZE_MAX;
}

/* ---- separators ---- */

/* True when the line before the one starting at q is blank. */
static int
line_blank_before(const char *b, size_t q)
{
	size_t r = q - 1;

	while (r > 0 && b[r - 1] != '\n')
		r--;
	return np_is_blank(b, r, q - 1);
}

/* True when [s, e) holds ". " followed by a capital after a word that is
 * not an abbreviation ("U.S. Media" is one sentence): two sentences, so
 * not a heading. */
static int
has_sentence_break(const char *b, size_t s, size_t e)
{
	const char *p = b + s, *end = b + e;

	while ((p = memchr(p, '.', (size_t)(end - p))) != NULL && p + 2 < end) {
		if (p[1] == ' ' && p[2] >= 'A' && p[2] <= 'Z' &&
		    !np_is_abbreviation(b, e, (size_t)(p - b)))
			return 1;
		p++;
	}
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
	size_t p, s, e;

	if (forced)
		return 1;
	/* news agencies rule off sections of one story with ___ */
	s = ln->start;
	e = ln->end;
	art_trim(b, &s, &e);
	if (b[s] == '_')
		return 0;
	/* a setext underline: directly under a short non-blank line */
	if (b[ln->start] != '\f' && ln->start > 0) {
		size_t q = ln->start - 1, hs, he;

		while (q > 0 && b[q - 1] != '\n')
			q--;
		hs = q;
		he = ln->start - 1;
		art_trim(b, &hs, &he);
		if (hs < he && he - hs <= 80 && art_is_titlish(b, hs, he) &&
		    (q == 0 || line_blank_before(b, q))) {
			s = ln->start;
			e = ln->end;
			art_trim(b, &s, &e);
			if (b[s] == '=' || b[s] == '-')
				return 0;
		}
	}
	p = after_blanks(b, c->len, ln->next);
	if (!np_next_line(b, c->len, &p, &x))
		return 0;
	s = x.start;
	e = x.end;
	art_trim(b, &s, &e);
	/* a title, or a short line standing alone as a heading */
	if (!art_is_titlish(b, s, e) && !(e - s <= TITLE_MAX && b[e - 1] == '.' &&
	    art_is_titlish(b, s, e - 1) && !has_sentence_break(b, s, e - 1) &&
	    x.next < c->len && after_blanks(b, c->len, x.next) > x.next))
		return 0;
	/* prose follows before the next separator (which bounds the scan, so
	 * a run of separators costs one pass) */
	p = x.next;
	e = 0;
	while (e < PROSE_LINE * 2 && np_next_line(b, c->len, &p, &x)) {
		if (art_is_separator(b, x.start, x.end))
			break;
		if (x.end - x.start >= PROSE_LINE)
			e += x.end - x.start;
	}
	return e >= PROSE_LINE * 2;
}

/* ---- detection ---- */

/* True when the trimmed lines s0 (source), s1 (date) and s2 (bullet)
 * open a listing block. */
static int
listing_head(struct np_articles *c, size_t s0, size_t e0, size_t s1, size_t e1,
    size_t s2, size_t e2)
{
	const char *b = c->buf;

	return s2 < e2 && art_bullet(b, s2, e2) && e2 - s2 <= SOURCE_MAX &&
	    s0 < e0 && e0 - s0 <= SOURCE_MAX && !art_bullet(b, s0, e0) &&
	    !strchr(".,;:", b[e0 - 1]) && art_is_date_line(c, b, s1, e1, NULL, 0);
}

/* One pass over the lines: the format whose signature appears first in
 * the order of precedence (heads, which needs a look ahead, last). */
static enum np_articles_format
detect(struct np_articles *c)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = 0, lp, body, s0 = 0, e0 = 0, s1 = 0, e1 = 0;
	int ln_end = 0, ln_key = 0, seps = 0, listing = 0, teaser = 0;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;
		unsigned char f;

		art_trim(b, &s, &e);
		f = s < e ? (unsigned char)b[s] : 0;
		if (f >= '0' && f <= '9') {
			if (art_is_ln_marker(b, s, e))
				return NP_ARTICLES_LEXISNEXIS;
		} else if (f == 'D' || f == 'd' || f == 'A') {
			if (art_is_ln_marker(b, s, e))
				return NP_ARTICLES_LEXISNEXIS;
			if (art_is_fa_trailer(b, s, e))
				return NP_ARTICLES_FACTIVA;
		} else if (f == 'E' || f == 'e') {
			if (art_is_ln_end(b, s, e))
				ln_end++;
		} else if (f == 'L' || f == 'l') {
			if (art_word(b, s, e, "length:") || art_word(b, s, e, "load-date:"))
				ln_key++;
		} else if (f != 0 && strchr("*-=_#~\f\xc2\xe2", f) != NULL) {
			if (!listing && listing_head(c, s0, e0, s1, e1, s, e))
				listing = 1;
			else if (!seps && art_is_separator(b, ln.start, ln.end) &&
			    separator_cuts(c, &ln, 0))
				seps = 1;
		}
		s0 = s1;
		e0 = e1;
		s1 = s;
		e1 = e;
	}
	if (ln_end && ln_key)
		return NP_ARTICLES_LEXISNEXIS;
	if (listing)
		return NP_ARTICLES_LISTING;
	if (seps)
		return NP_ARTICLES_SEPARATOR;
	/* two heads, and before the first no more than a page header: a
	 * story that runs for paragraphs before any head is one article
	 * whose later "heads" are teasers */
	if ((lp = heads_next(c, 0, &teaser, &body)) != SIZE_MAX &&
	    prose_bytes(b, 0, lp, HEAD_BODY_MIN) < HEAD_BODY_MIN &&
	    heads_next(c, body, &teaser, &body) != SIZE_MAX)
		return NP_ARTICLES_HEADS;
	return NP_ARTICLES_SINGLE;
}

/* Starts a document: remembers it and settles its format. */
int
np_articles_begin(struct np_articles *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->pos = 0;
	c->n = 0;
	c->teaser = 0;
	c->hc_valid = 0;
	c->pend_valid = 0;
	np_arena_reset(&c->arena);
	c->fmt = c->o.format != NP_ARTICLES_AUTO ? c->o.format : detect(c);
	return NP_OK;
}

/* The format settled by np_articles_begin. */
enum np_articles_format
np_articles_format(const struct np_articles *c)
{
	return c->fmt;
}

/* ---- boundaries ---- */

/* The end of a record that ends at a trailer line: after it and the
 * blank lines that follow, or the document end when nothing follows. */
static size_t
trailer_cut(struct np_articles *c, const struct np_line *ln)
{
	size_t cut = after_blanks(c->buf, c->len, ln->next);

	return has_alnum(c->buf, cut, c->len) ? cut : c->len;
}

/* LexisNexis: up to the next start marker after this record's own, or
 * after an "End of Document" line. */
static size_t
ln_end(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from;
	int seen = 0;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s == e)
			continue;
		if (art_is_ln_marker(b, s, e)) {
			if (seen)
				return ln.start;
			seen = 1;
		} else if (art_is_ln_end(b, s, e)) {
			return trailer_cut(c, &ln);
		}
	}
	return c->len;
}

/* True when [from, len) holds another Factiva article: a trailer or a
 * word-count line. */
static int
fa_more(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s < e && ((((b[s] >= '0' && b[s] <= '9') || b[s] == 'W') &&
		    art_words_line(b, s, e) >= 0) ||
		    ((b[s] == 'D' || b[s] == 'A') && art_is_fa_trailer(b, s, e))))
			return 1;
	}
	return 0;
}

/* Factiva: after the next "Document ..." trailer. */
static size_t
fa_end(struct np_articles *c, size_t from)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from;

	while (np_next_line(b, c->len, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s < e && (b[s] == 'D' || b[s] == 'A') && art_is_fa_trailer(b, s, e)) {
			size_t cut = after_blanks(b, c->len, ln.next);

			return fa_more(c, cut) ? cut : c->len;
		}
	}
	return c->len;
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

		art_trim(b, &s, &e);
		if (s < e && !(b[s] != '\f' && art_is_separator(b, ln.start, ln.end)) &&
		    !(b[s] == '\f' && !has_alnum(b, s, e)))
			break;
		q = p;
	}
	return has_alnum(b, q, c->len) ? q : c->len;
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

		art_trim(b, &s, &e);
		if (s == e)
			continue;
		if (strchr("*-=_#~\f", b[s]) != NULL && art_is_separator(b, ln.start, ln.end)) {
			if (text && separator_cuts(c, &ln, forced)) {
				/* a form feed followed by text on its line: cut after it */
				if (b[s] == '\f' && s + 1 < e && has_alnum(b, s + 1, e))
					return s + 1;
				return sep_cut(c, ln.next);
			}
			continue;
		}
		if (has_alnum(b, s, e))
			text = 1;
	}
	return c->len;
}

/* The start of the line after the one at pos. */
static size_t
next_line_start(const char *b, size_t len, size_t pos)
{
	const char *nl = memchr(b + pos, '\n', len - pos);

	return nl == NULL ? len : (size_t)(nl - b) + 1;
}

/* Start-marker formats: the record runs to the marker after its own. */
static size_t
marker_end(struct np_articles *c, size_t from)
{
	size_t own, next;

	if (c->fmt == NP_ARTICLES_LISTING) {
		/* the head that ended the last record opens this one */
		own = c->pend_valid && c->pend_head == from ? from : listing_next(c, from);
		if (own == SIZE_MAX)
			return c->len;
		next = listing_next(c, next_line_start(c->buf, c->len, own));
		c->pend_valid = next != SIZE_MAX;
		c->pend_head = next;
	} else {
		size_t body;

		/* the head that ended the last record opens this one */
		if (c->pend_valid && c->pend_head == from) {
			own = from;
			body = c->pend_body;
		} else {
			own = heads_next(c, from, &c->teaser, &body);
		}
		if (own == SIZE_MAX)
			return c->len;
		next = heads_next(c, body, &c->teaser, &body);
		c->pend_valid = next != SIZE_MAX;
		c->pend_head = next;
		c->pend_body = body;
	}
	return next == SIZE_MAX ? c->len : next;
}

/* Fills *a with the next record; see articles.h. */
int
np_articles_next(struct np_articles *c, struct np_article *a)
{
	size_t end;

	if (c->pos >= c->len)
		return 0;
	switch (c->fmt) {
	case NP_ARTICLES_LEXISNEXIS:
		end = ln_end(c, c->pos);
		break;
	case NP_ARTICLES_FACTIVA:
		end = fa_end(c, c->pos);
		break;
	case NP_ARTICLES_SEPARATOR:
		end = sep_end(c, c->pos);
		break;
	case NP_ARTICLES_LISTING:
	case NP_ARTICLES_HEADS:
		end = marker_end(c, c->pos);
		break;
	default:
		end = c->len;
		break;
	}
	if (end <= c->pos || end > c->len)
		end = c->len;
	memset(a, 0, sizeof(*a));
	a->n = ++c->n;
	a->record.start = c->pos;
	a->record.end = end;
	a->words = -1;
	c->pos = end;
	if (c->o.meta)
		return art_meta(c, a);
	return 1;
}

/* Collects every record of buf. */
int
np_articles_split(struct np_articles *c, const char *buf, size_t len,
    struct np_article_list *out)
{
	struct np_article a;
	int r;

	if ((r = np_articles_begin(c, buf, len)) != NP_OK)
		return r;
	while ((r = np_articles_next(c, &a)) == 1) {
		if (out->n == out->cap) {
			size_t nc = out->cap ? out->cap * 2 : 16;
			struct np_article *v = realloc(out->v, nc * sizeof(*v));

			if (v == NULL)
				return NP_ENOMEM;
			out->v = v;
			out->cap = nc;
		}
		out->v[out->n++] = a;
	}
	return r;
}

/* Frees the array of np_articles_split. */
void
np_article_list_free(struct np_article_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Indexed by enum np_articles_format. */
static const char *const format_names[] = {
	"auto", "single", "listing", "lexisnexis", "factiva", "separator", "heads"
};

/* The name of a format, as -F and the JSON output spell it. */
const char *
np_articles_format_name(enum np_articles_format f)
{
	if ((unsigned)f >= sizeof(format_names) / sizeof(format_names[0]))
		return "?";
	return format_names[f];
}

/* Parses a format name (-F). */
int
np_articles_format_parse(const char *s, enum np_articles_format *f)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum np_articles_format)i;
			return NP_OK;
		}
	return NP_EINVAL;
}
