/*
 * lines.c - the line classifiers every format of the split-articles
 * engine uses: trimming, words, separators, titles, bullets, date lines
 * (through the normalize-dates engine), datelines, blank runs.
 *
 * Each takes the document and a line's byte span ([s, e), usually
 * trimmed by np_art_trim) and looks at nothing else, so a detector can
 * call them on any line in any order; none allocates.
 */
#include <string.h>
#include "newsprep/dates.h"
#include "newsprep/lexicon.h"
#include "newsprep/re.h"
#include "articles_int.h"

/* Longest line read as a date line. */
#define DATE_LINE_MAX 64

/* ASCII case-insensitive comparison of b[s, s+n) with the lower-case
 * word w. */
int
np_art_word(const char *b, size_t s, size_t e, const char *w)
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

/* Reads a run of np_art_digits at *p (at most 9); returns how many. */
size_t
np_art_digits(const char *b, size_t *p, size_t e)
{
	size_t n = 0;

	while (*p < e && b[*p] >= '0' && b[*p] <= '9' && n < 9) {
		(*p)++;
		n++;
	}
	return n;
}

/* Skips np_art_spaces and tabs. */
void
np_art_spaces(const char *b, size_t *p, size_t e)
{
	while (*p < e && (b[*p] == ' ' || b[*p] == '\t'))
		(*p)++;
}

/*
 * Reads the word at *p (letters, any non-ASCII byte) and, when it is of
 * the given part in articles-counts.tsv ("of", "doc", "words"), moves *p
 * past it and returns 1.
 */
int
np_art_count_word(struct np_articles *c, const char *b, size_t *p, size_t e,
    const char *part)
{
	const struct np_lexentry *k;
	size_t q = *p;

	while (q < e && q - *p < 24 && (((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z') ||
	    (unsigned char)b[q] >= 0x80))
		q++;
	if (q == *p || (q < e && (((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z') ||
	    (unsigned char)b[q] >= 0x80)))
		return 0;
	if ((k = np_lexicon_find(c->counts, b + *p, q - *p)) == NULL ||
	    k->valuelen != strlen(part) || memcmp(k->value, part, k->valuelen) != 0)
		return 0;
	*p = q;
	return 1;
}

/* Parses "512 words" / "2,968 words" / "WC 512 words" / "412 Wörter"
 * (trimmed line); returns the number or -1. */
long
np_art_words_line(struct np_articles *c, const char *b, size_t s, size_t e)
{
	long v = 0;
	size_t p = s;
	int nd = 0;

	/* the WC field of an export with field codes */
	if (e - p > 2 && b[p] == 'W' && b[p + 1] == 'C' && (b[p + 2] == ' ' || b[p + 2] == '\t')) {
		p += 2;
		np_art_spaces(b, &p, e);
	}

	while (p < e && ((b[p] >= '0' && b[p] <= '9') || ((b[p] == ',' || b[p] == '.') && nd > 0))) {
		if (b[p] != ',' && b[p] != '.') {
			if (v > 100000000L)
				return -1;
			v = v * 10 + (b[p] - '0');
			nd++;
		}
		p++;
	}
	if (nd == 0 || p == e || (b[p] != ' ' && b[p] != '\t'))
		return -1;
	np_art_spaces(b, &p, e);
	if (np_art_count_word(c, b, &p, e, "words") && p == e)
		return v;
	return -1;
}

/*
 * When the line [s, e) (untrimmed content) is a separator line, returns
 * 1: a form feed as its first non-blank byte, or only repeats of one of
 * * - = _ # ~ (three or more, np_art_spaces allowed between).
 */
int
np_art_is_separator(const char *b, size_t s, size_t e)
{
	size_t p;
	unsigned char ch = 0;
	int n = 0;

	np_art_trim(b, &s, &e);
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

/* True when [s, e) holds a run of three spaces (columns that w3m lays
 * out side by side).  Any such run covers a position p with p - s = 2
 * (mod 3), so one byte in three is looked at. */
static int
blank_run(const char *b, size_t s, size_t e)
{
	size_t p, l, r;

	for (p = s + 2; p < e; p += 3) {
		if (b[p] != ' ')
			continue;
		for (l = p; l > s && b[l - 1] == ' ' && p - l < 2; l--)
			;
		for (r = p + 1; r < e && b[r] == ' ' && r - l < 3; r++)
			;
		if (r - l >= 3)
			return 1;
	}
	return 0;
}

/* True when the trimmed line can be a title: 2..NP_ART_TITLE_MAX bytes, opens
 * with a capital, a digit, a quote or a non-ASCII letter, and does not
 * end like a clause (. , :); a ';' may join a headline to its deck. */
int
np_art_is_titlish(const char *b, size_t s, size_t e)
{
	unsigned char f, l;
	int letters = 0;
	size_t p;

	if (e - s < 2 || e - s > NP_ART_TITLE_MAX)
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
	for (p = s; p < e && letters < 3; p++)
		if (((unsigned char)b[p] | 0x20) >= 'a' && ((unsigned char)b[p] | 0x20) <= 'z')
			letters++;
		else if ((unsigned char)b[p] >= 0xC3)
			letters++;
	/* columns laid out side by side (w3m tables) are not a title */
	return letters >= 3 && !blank_run(b, s, e);
}

/* Length of a bullet at the start of the trimmed line ("- ", "• ",
 * "– ", "* ", "· "), or 0. */
size_t
np_art_bullet(const char *b, size_t s, size_t e)
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
np_art_is_date_line(struct np_articles *c, const char *b, size_t s, size_t e,
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
np_art_is_lead(struct np_articles *c, const char *b, size_t s, size_t e)
{
	unsigned char f = (unsigned char)b[s];
	int i;

	if (e - s < 8 || !((f >= 'A' && f <= 'Z') || f >= 0xC3))
		return 0;
	/* the place is in capitals: an ASCII byte other than a capital, a
	 * full stop, an apostrophe or a blank among the two after the first
	 * (most lines: "The ...") rules the pattern out without running it */
	for (i = 1; i <= 2 && f < 0x80; i++) {
		unsigned char ch = (unsigned char)b[s + i];

		if (ch < 0x80 && !(ch >= 'A' && ch <= 'Z') && ch != '.' && ch != '\'' &&
		    ch != ' ')
			return 0;
		if (ch >= 0x80)
			break;
	}
	return np_re_match_at(c->lead, b, e - s > 200 ? s + 200 : e, s, NULL, 0) == 1;
}

/* True when [s, e) holds a letter or digit (ASCII, or any non-ASCII
 * byte). */
int
np_art_has_alnum(const char *b, size_t s, size_t e)
{
	for (; s < e; s++) {
		unsigned char ch = (unsigned char)b[s];

		if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
		    ch >= 0xC3)
			return 1;
	}
	return 0;
}

/* True when [s, e) holds a lower-case ASCII letter (a line in capitals
 * holds none). */
int
np_art_has_lower(const char *b, size_t s, size_t e)
{
	for (; s < e; s++)
		if (b[s] >= 'a' && b[s] <= 'z')
			return 1;
	return 0;
}

/* Returns the offset after the line at pos and the blank lines after it. */
size_t
np_art_after_blanks(const char *b, size_t len, size_t pos)
{
	struct np_line ln;
	size_t p = pos, q;

	while (q = p, np_next_line(b, len, &p, &ln)) {
		if (!np_is_blank(b, ln.start, ln.end))
			return q;
	}
	return len;
}

/* The start of the line after the one at pos. */
size_t
np_art_next_line_start(const char *b, size_t len, size_t pos)
{
	const char *nl = memchr(b + pos, '\n', len - pos);

	return nl == NULL ? len : (size_t)(nl - b) + 1;
}

/* The end of a record that ends at a trailer line: after it and the
 * blank lines that follow, or the document end when nothing follows. */
size_t
np_art_trailer_cut(struct np_articles *c, const struct np_line *ln)
{
	size_t cut = np_art_after_blanks(c->buf, c->len, ln->next);

	return np_art_has_alnum(c->buf, cut, c->len) ? cut : c->len;
}

/* True when the trimmed line ends a sentence: . ! ? or a closing quote
 * or bracket after one. */
int
np_art_ends_sentence(const char *b, size_t s, size_t e)
{
	while (e > s && (b[e - 1] == '"' || b[e - 1] == '\'' || b[e - 1] == ')' ||
	    ((unsigned char)b[e - 1] >= 0x80 && (unsigned char)b[e - 1] <= 0xBF &&
	    e - s >= 3 && (unsigned char)b[e - 3] == 0xE2)))
		e -= (unsigned char)b[e - 1] >= 0x80 ? 3 : 1;
	return e > s && (b[e - 1] == '.' || b[e - 1] == '!' || b[e - 1] == '?');
}

/*
 * True when the line [s, e) is a line of prose: NP_ART_PROSE_LINE bytes
 * or more once trimmed, without a run of three blanks in its first 160
 * bytes (the columns of a table or a menu that w3m lays out side by
 * side).
 */
int
np_art_is_prose(const char *b, size_t s, size_t e)
{
	np_art_trim(b, &s, &e);
	/* columns show in a line's first bytes: look no further (a long
	 * paragraph line costs no more than a short one) */
	return e - s >= NP_ART_PROSE_LINE && !blank_run(b, s, e - s > 160 ? s + 160 : e);
}

/* Bytes of prose (np_art_is_prose lines) in [s, e); stops counting once
 * over `enough`. */
size_t
np_art_prose_bytes(const char *b, size_t s, size_t e, size_t enough)
{
	struct np_line ln;
	size_t p = s, n = 0;

	while (n < enough && np_next_line(b, e, &p, &ln))
		if (np_art_is_prose(b, ln.start, ln.end))
			n += ln.end - ln.start;
	return n;
}

/* Reads the next line at *p that is not blank (np_next_line, then
 * np_art_trim): fills *ln and its trimmed content [*s, *e) and returns
 * 1, or 0 at `end`.  The walk every format's scans make. */
int
np_art_next_text_line(const char *b, size_t end, size_t *p, struct np_line *ln,
    size_t *s, size_t *e)
{
	while (np_next_line(b, end, p, ln)) {
		*s = ln->start;
		*e = ln->end;
		np_art_trim(b, s, e);
		if (*s < *e)
			return 1;
	}
	return 0;
}

/* The number of blank-separated words of [s, e): the headline tests of
 * the digest and run formats count words this way. */
int
np_art_count_words(const char *b, size_t s, size_t e)
{
	int n = 0, in = 0;

	for (; s < e; s++) {
		int sp = b[s] == ' ' || b[s] == '\t';

		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* The first non-blank line at or after `from` that is(c, trimmed start,
 * end) accepts: fills *ln and returns 1, or 0 at the document end.  The
 * scan by which the trailer formats find their next trailer or check
 * that another article follows. */
int
np_art_find_line(struct np_articles *c, size_t from,
    int (*is)(struct np_articles *, size_t, size_t), struct np_line *ln)
{
	size_t p = from, s, e;

	while (np_art_next_text_line(c->buf, c->len, &p, ln, &s, &e))
		if (is(c, s, e))
			return 1;
	return 0;
}

/*
 * When the trimmed line opens with a field name and a colon ("Subject:
 * ...", French "De : ", "Pub Date:"), sets [s, *ne) to the name, *val to
 * where the value starts and returns 1; else 0.  A name is 1..30 bytes
 * of letters, digits, '-', '_', ':' inside ("dc:creator") and single
 * spaces.
 */
int
np_art_field_name(const char *b, size_t s, size_t e, size_t *ne, size_t *val)
{
	size_t p;

	/* most lines have no ':' near their start: one memchr says so */
	if (memchr(b + s, ':', e - s > 32 ? 32 : e - s) == NULL)
		return 0;
	for (p = s; p < e && p - s <= 30; p++) {
		unsigned char ch = (unsigned char)b[p];

		if (ch == ':' && (p + 1 == e || b[p + 1] == ' ' || b[p + 1] == '\t'))
			break;
		if (!(((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '_' || ch == ':' || ch >= 0x80 ||
		    (ch == ' ' && p > s && b[p - 1] != ' ')))
			return 0;
	}
	if (p == s || p >= e || b[p] != ':' || p - s > 30)
		return 0;
	*ne = p;
	while (*ne > s && b[*ne - 1] == ' ')	/* French "De : " */
		(*ne)--;
	*val = p + 1;
	np_art_spaces(b, val, e);
	return *ne > s;
}

/*
 * When the trimmed line is a "Name: value" field whose name is in
 * articles-fields.tsv, returns its role and sets *val to where the value
 * starts; else NP_ART_NOFIELD.
 */
enum np_art_role
np_art_field(struct np_articles *c, const char *b, size_t s, size_t e, size_t *val)
{
	static const struct { const char *name; enum np_art_role role; } roles[] = {
		{ "title", NP_ART_F_TITLE }, { "date", NP_ART_F_DATE },
		{ "from", NP_ART_F_FROM }, { "byline", NP_ART_F_BYLINE },
		{ "source", NP_ART_F_SOURCE }, { "link", NP_ART_F_LINK },
		{ "feed", NP_ART_F_FEED }, { "header", NP_ART_F_HEADER },
		{ "text", NP_ART_F_TEXT }
	};
	const struct np_lexentry *k;
	size_t ne, v, i;

	if (!np_art_field_name(b, s, e, &ne, &v) ||
	    (k = np_lexicon_find(c->fields, b + s, ne - s)) == NULL)
		return NP_ART_NOFIELD;
	*val = v;
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (k->valuelen == strlen(roles[i].name) &&
		    memcmp(k->value, roles[i].name, k->valuelen) == 0)
			return roles[i].role;
	return NP_ART_F_OTHER;
}

/* True for an unknown header line "X-Name: value": a name without
 * blanks, then ':' (e-mail headers the lexicon does not list). */
static int
other_header(const char *b, size_t s, size_t e)
{
	size_t p;

	for (p = s; p < e && p - s < 40; p++) {
		if (b[p] == ':')
			return p > s && p + 1 < e && b[p + 1] == ' ';
		if (b[p] == ' ' || b[p] == '\t')
			return 0;
	}
	return 0;
}

/*
 * Reads the block of field lines starting at the line at p (a message's
 * or a feed item's header): field lines, the lines indented under them
 * (a value that runs on) and unknown "Name: value" headers, up to a
 * blank line or any other line.  Fills *f; returns the number of known
 * field lines (0: no block).
 */
int
np_art_fields(struct np_articles *c, size_t p, struct np_art_fields *f)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t s, e, val, q = p;
	enum np_art_role r;
	int ext = -1;		/* the role whose first value the last line set */

	memset(f, 0, sizeof(*f));
	f->end = p;
	while (f->lines < 64 && np_next_line(b, c->len, &q, &ln)) {
		s = ln.start;
		e = ln.end;
		np_art_trim(b, &s, &e);
		if (s == e)
			break;
		if ((r = np_art_field(c, b, s, e, &val)) != NP_ART_NOFIELD) {
			ext = -1;
			if (!(f->roles & (1u << r))) {
				f->vs[r] = val;
				f->ve[r] = e;
				ext = (int)r;
			}
			f->roles |= 1u << r;
			f->lines++;
		} else if (f->lines > 0 && (b[ln.start] == ' ' || b[ln.start] == '\t')) {
			/* a value that runs on */
			if (ext >= 0)
				f->ve[ext] = e;
		} else if (f->lines > 0 && other_header(b, s, e)) {
			ext = -1;
		} else {
			break;
		}
		f->end = ln.next;
	}
	return f->lines;
}

/* True when the trimmed line is, as a whole, a trailer of format fmt in
 * articles-trailers.tsv ("Flag as irrelevant", "End of Document"). */
int
np_art_trailer(struct np_articles *c, const char *b, size_t s, size_t e,
    const char *fmt)
{
	const struct np_lexentry *k;

	if (e - s < 8 || e - s > 48 || !c->trailer_first[(unsigned char)b[s]] ||
	    (k = np_lexicon_find(c->trailers, b + s, e - s)) == NULL)
		return 0;
	return k->valuelen == strlen(fmt) && memcmp(k->value, fmt, k->valuelen) == 0;
}

/*
 * The end of the record that starts at `from` in a start-marker format:
 * the start after the record's own (found by next(c, pos, blank): the
 * first start at or after pos, `blank` when the line above pos may open
 * one).  The start that ended one record is remembered as the next one's
 * own, so each is looked for once.
 */
size_t
np_art_start_end(struct np_articles *c, size_t from,
    size_t (*next)(struct np_articles *, size_t, int))
{
	size_t own, n;

	own = c->st.pend_valid && c->st.pend_head == from ? from : next(c, from, 1);
	if (own == SIZE_MAX)
		return c->len;
	n = next(c, np_art_next_line_start(c->buf, c->len, own), 0);
	c->st.pend_valid = n != SIZE_MAX;
	c->st.pend_head = n;
	return n == SIZE_MAX ? c->len : n;
}

/*
 * The start of the first line at or after `from` and before `end` that
 * opens a paragraph (a blank line above it, or `from` itself when
 * `blank`) and that is(c, line, trimmed start, trimmed end, arg)
 * accepts, or SIZE_MAX: the walk of the formats whose articles open
 * after a blank line (messages, feed items, headings).
 */
size_t
np_art_find_opening(struct np_articles *c, size_t from, size_t end, int blank,
    int (*is)(struct np_articles *, const struct np_line *, size_t, size_t, void *),
    void *arg)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = from, s, e;

	while (p < end && np_next_line(b, c->len, &p, &ln)) {
		s = ln.start;
		e = ln.end;
		np_art_trim(b, &s, &e);
		if (s == e) {
			blank = 1;
			continue;
		}
		if (blank && is(c, &ln, s, e, arg))
			return ln.start;
		blank = 0;
	}
	return SIZE_MAX;
}
