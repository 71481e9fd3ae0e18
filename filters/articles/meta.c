/*
 * meta.c - the metadata of one article record: source, date, title,
 * byline, section, stated length and the body span.
 *
 * Method.  Each format lays out its header in its own order, so each has
 * a reader here that walks the first lines of the record:
 *
 *   lexisnexis  after the "N of M DOCUMENTS" marker: header lines up to
 *               the first key line (BYLINE:, SECTION:, LENGTH: ... from
 *               articles-keys.tsv).  The first line that is a date is
 *               the date; the line before it the source; the title is
 *               the block before the source (Nexis Uni: title first) or
 *               else the first block after the date's block that is not
 *               a copyright line.  Keys take their value from the rest
 *               of the line and the lines below it up to a blank line.
 *               The body runs from the block after the head keys (or the
 *               "Body" line) to the first tail key (LOAD-DATE: ...).
 *   factiva     the "N words" line anchors the header: before it the
 *               title and the "By" line, after it the date, (a time,)
 *               the source; the body opens after the copyright line and
 *               ends at the "Document ..." trailer.  An export with field
 *               codes (HD, BY, WC, PD, SN, SE, LP, TD) is read by code.
 *   listing     source / date / bullets (the first one that is not the
 *               source is the section) / title / body.
 *   others      the first line is the title when it looks like one; a
 *               "By" line is the byline; the dates engine's dateline
 *               reader gives the date.
 *
 * Every date value comes from the normalize-dates engine (np_dates_parse,
 * np_dates_dateline): the dateline logic lives there once.  Strings that
 * span lines are copied into the context's arena with white space folded.
 */
#include <stdint.h>
#include <string.h>
#include "newsprep/articles.h"
#include "newsprep/dates.h"
#include "newsprep/lexicon.h"
#include "newsprep/segment.h"
#include "articles_int.h"

/* Header lines considered at most. */
#define HEAD_LINES 40

/* A trimmed non-blank line and the number of its block. */
struct hline {
	size_t s, e;		/* trimmed content */
	size_t start, next;	/* the whole line */
	int block;
};

/* Sets *out to b[s, e), folding white space runs to one space (into the
 * arena) when the span holds a line break, tab or double space. */
static void
set_str(struct np_articles *c, struct np_articles_str *out, size_t s, size_t e)
{
	const char *b = c->buf;
	size_t i, n = 0;
	char *d;
	int sp = 0, plain = 1;

	art_trim(b, &s, &e);
	if (s >= e)
		return;
	for (i = s; i < e; i++)
		if (b[i] == '\n' || b[i] == '\r' || b[i] == '\t' ||
		    (b[i] == ' ' && i + 1 < e && b[i + 1] == ' ')) {
			plain = 0;
			break;
		}
	if (plain) {
		out->s = b + s;
		out->len = e - s;
		return;
	}
	if ((d = np_arena_alloc(&c->arena, e - s + 1)) == NULL)
		return;
	for (i = s; i < e; i++) {
		char ch = b[i];

		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			sp = 1;
			continue;
		}
		if (sp && n > 0)
			d[n++] = ' ';
		sp = 0;
		d[n++] = ch;
	}
	d[n] = '\0';
	out->s = d;
	out->len = n;
}

/* Reads up to max non-blank lines of [from, end) into h; returns how
 * many.  Blank lines start a new block. */
static int
read_lines(const char *b, size_t from, size_t end, struct hline *h, int max)
{
	struct np_line ln;
	size_t p = from;
	int n = 0, block = 0, blank = 1;

	while (n < max && np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s == e || np_is_blank(b, s, e)) {
			blank = 1;
			continue;
		}
		if (blank && n > 0)
			block++;
		blank = 0;
		h[n].s = s;
		h[n].e = e;
		h[n].start = ln.start;
		h[n].next = ln.next;
		h[n].block = block;
		n++;
	}
	return n;
}

/* Parses a date at the start of a trimmed line into a->date. */
static int
parse_date(struct np_articles *c, const char *b, size_t s, size_t e,
    struct np_article *a)
{
	char v[NP_DATE_VALUE_MAX];

	if (e - s > 80 || !np_dates_parse(c->dates, b + s, e - s, v, sizeof(v)))
		return 0;
	strncpy(a->date, v, sizeof(a->date) - 1);
	return 1;
}

/* True for a line that holds a digit (dates hold one). */
static int
has_digit(const char *b, size_t s, size_t e)
{
	for (; s < e; s++)
		if (b[s] >= '0' && b[s] <= '9')
			return 1;
	return 0;
}

/* True for a copyright line. */
static int
is_copyright(const char *b, size_t s, size_t e)
{
	return art_word(b, s, e, "copyright") || art_word(b, s, e, "(c)") ||
	    art_word(b, s, e, "(copyright") || art_word(b, s, e, "all rights reserved") ||
	    (e - s >= 2 && (unsigned char)b[s] == 0xC2 && (unsigned char)b[s + 1] == 0xA9);
}

/*
 * When the trimmed line is "KEY: value" with KEY in the key lexicon,
 * returns its entry and the value's start in *val.
 */
static const struct np_lexentry *
key_line(struct np_articles *c, const char *b, size_t s, size_t e, size_t *val)
{
	size_t p;

	for (p = s; p < e && p - s < 24; p++) {
		char ch = b[p];

		if (ch == ':') {
			const struct np_lexentry *k;

			if (p == s || (k = np_lexicon_find(c->keys, b + s, p - s)) == NULL)
				return NULL;
			*val = p + 1;
			return k;
		}
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-'))
			return NULL;
	}
	/* Nexis Uni writes "Body" alone on the line before the text */
	if (e - s == 4 && art_word(b, s, e, "body")) {
		*val = e;
		return np_lexicon_find(c->keys, "body", 4);
	}
	return NULL;
}

/* True when a key entry is a tail key. */
static int
is_tail(const struct np_lexentry *k)
{
	return k->valuelen >= 4 && memcmp(k->value, "tail", 4) == 0;
}

/* The body: [s, e) trimmed of blank lines at both ends. */
static void
set_text(struct np_article *a, const char *b, size_t s, size_t e)
{
	while (s < e && (b[s] == '\n' || b[s] == '\r' || b[s] == ' ' || b[s] == '\t' ||
	    b[s] == '\f'))
		s++;
	while (e > s && (b[e - 1] == '\n' || b[e - 1] == '\r' || b[e - 1] == ' ' ||
	    b[e - 1] == '\t' || b[e - 1] == '\f'))
		e--;
	a->text.start = s;
	a->text.end = e;
}

/* LexisNexis and Nexis Uni metadata. */
static void
meta_lexisnexis(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct hline h[HEAD_LINES];
	const struct np_lexentry *k;
	size_t from = a->record.start, end = a->record.end, val, body = 0, p;
	struct np_line ln;
	int n, i, date = -1, nkey = -1, tb = -1, lastkey = -1;

	/* start after this record's marker when it has one near the top */
	n = read_lines(b, from, end, h, HEAD_LINES);
	for (i = 0; i < n; i++) {
		if (key_line(c, b, h[i].s, h[i].e, &val) != NULL)
			break;
		if (art_is_ln_marker(b, h[i].s, h[i].e)) {
			from = h[i].next;
			n = read_lines(b, from, end, h, HEAD_LINES);
			break;
		}
	}
	for (i = 0; i < n; i++) {
		if (key_line(c, b, h[i].s, h[i].e, &val) != NULL) {
			nkey = i;
			break;
		}
		if (date < 0 && h[i].e - h[i].s <= 60 && has_digit(b, h[i].s, h[i].e) &&
		    parse_date(c, b, h[i].s, h[i].e, a))
			date = i;
	}
	if (nkey < 0)
		nkey = n;
	if (date > 0)
		set_str(c, &a->source, h[date - 1].s, h[date - 1].e);
	if (date > 1) {
		/* Nexis Uni: the title block comes first */
		for (i = 1; i < date - 1 && h[i].block == h[0].block; i++)
			;
		set_str(c, &a->title, h[0].s, h[i - 1].e);
	} else if (date >= 0) {
		for (i = date + 1; i < nkey; i++) {
			if (h[i].block == h[date].block || is_copyright(b, h[i].s, h[i].e))
				continue;
			if (tb < 0)
				tb = i;
			else if (h[i].block != h[tb].block)
				break;
		}
		if (tb >= 0)
			set_str(c, &a->title, h[tb].s, h[i - 1].e);
	}
	/* the keys, each with its value lines, up to the body */
	p = nkey < n ? h[nkey].start : end;
	while (nkey < n && np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end, vs, ve;
		const char *f;

		art_trim(b, &s, &e);
		if (s == e)
			continue;
		if ((k = key_line(c, b, s, e, &val)) == NULL || is_tail(k)) {
			body = ln.start;
			break;
		}
		lastkey = 1;
		/* "Body" / "BODY:" opens the text on the next line */
		if (k->keylen == 4 && memcmp(k->key, "body", 4) == 0) {
			body = p;
			break;
		}
		vs = val;
		ve = e;
		/* the value runs on over the following non-blank lines */
		while (p < end) {
			size_t q = p, s2, e2, v2;

			if (!np_next_line(b, end, &q, &ln))
				break;
			s2 = ln.start;
			e2 = ln.end;
			art_trim(b, &s2, &e2);
			if (s2 == e2 || key_line(c, b, s2, e2, &v2) != NULL)
				break;
			ve = e2;
			p = q;
		}
		f = k->valuelen > 5 ? k->value + 5 : "-";
		if (strncmp(f, "byline", 6) == 0)
			set_str(c, &a->byline, vs, ve);
		else if (strncmp(f, "section", 7) == 0)
			set_str(c, &a->section, vs, ve);
		else if (strncmp(f, "length", 6) == 0) {
			art_trim(b, &vs, &ve);
			a->words = art_words_line(b, vs, ve);
		}
	}
	if (lastkey < 0 || body == 0)
		return;
	/* the body ends at the first tail key or the end-of-document line */
	p = body;
	while (np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s == e)
			continue;
		if (((k = key_line(c, b, s, e, &val)) != NULL && is_tail(k)) ||
		    art_is_ln_end(b, s, e) || art_is_ln_marker(b, s, e)) {
			end = ln.start;
			break;
		}
	}
	set_text(a, b, body, end);
}

/* The field code opening a trimmed line of a Factiva export with field
 * codes ("HD", "WC", "IPD": 2 or 3 capitals, then blanks), as its length;
 * 0 when there is none. */
static size_t
field_code(const char *b, size_t s, size_t e)
{
	size_t p = s;

	while (p < e && p - s < 4 && b[p] >= 'A' && b[p] <= 'Z')
		p++;
	if (p - s < 2 || p - s > 3 || p >= e || (b[p] != ' ' && b[p] != '\t'))
		return 0;
	return p - s;
}

/*
 * Factiva metadata with field codes: HD headline, BY byline, WC words,
 * PD date, SN source, SE section, LP and TD the text; a field's value
 * runs on over the lines up to the next code.
 */
static void
meta_factiva_codes(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct np_line ln;
	size_t p = a->record.start, end = a->record.end, vs = 0, ve = 0;
	size_t ts = SIZE_MAX, te = 0;
	char code[4] = "";

	for (;;) {
		int more = np_next_line(b, end, &p, &ln);
		size_t s = more ? ln.start : end, e = more ? ln.end : end, k = 0;

		art_trim(b, &s, &e);
		if (more && s == e)
			continue;
		if (more)
			k = field_code(b, s, e);
		if (!more || k > 0) {
			/* the field before ends here */
			if (strcmp(code, "HD") == 0)
				set_str(c, &a->title, vs, ve);
			else if (strcmp(code, "BY") == 0)
				set_str(c, &a->byline, art_word(b, vs, ve, "by ") ? vs + 3 : vs, ve);
			else if (strcmp(code, "SN") == 0)
				set_str(c, &a->source, vs, ve);
			else if (strcmp(code, "SE") == 0)
				set_str(c, &a->section, vs, ve);
			else if (strcmp(code, "WC") == 0)
				a->words = art_words_line(b, vs, ve);
			else if (strcmp(code, "PD") == 0)
				parse_date(c, b, vs, ve, a);
			else if (strcmp(code, "LP") == 0 || strcmp(code, "TD") == 0) {
				if (ts == SIZE_MAX)
					ts = vs;
				te = ve;
			}
			if (!more)
				break;
			memcpy(code, b + s, k);
			code[k] = '\0';
			vs = s + k;
			ve = e;
			while (vs < ve && (b[vs] == ' ' || b[vs] == '\t'))
				vs++;
		} else {
			ve = e;
		}
	}
	if (ts != SIZE_MAX)
		set_text(a, b, ts, te);
}

/* Factiva metadata. */
static void
meta_factiva(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct hline h[HEAD_LINES];
	size_t end = a->record.end, body;
	struct np_line ln;
	size_t p;
	int n, i, w = -1, j;

	n = read_lines(b, a->record.start, end, h, 20);
	if (n > 0 && field_code(b, h[0].s, h[0].e) > 0) {
		for (i = 0; i < n; i++)
			if (art_word(b, h[i].s, h[i].e, "hd ") || art_word(b, h[i].s, h[i].e, "hd\t")) {
				meta_factiva_codes(c, a);
				return;
			}
	}
	for (i = 0; i < n; i++)
		if ((a->words = art_words_line(b, h[i].s, h[i].e)) >= 0) {
			w = i;
			break;
		}
	if (w < 0) {
		a->words = -1;
		set_text(a, b, a->record.start, end);
		return;
	}
	for (i = 0; i < w; i++) {
		if (art_word(b, h[i].s, h[i].e, "by ")) {
			if (a->byline.s == NULL)
				set_str(c, &a->byline, h[i].s + 3, h[i].e);
		} else if (a->title.s == NULL) {
			set_str(c, &a->title, h[i].s, h[i].e);
		}
	}
	j = w + 1;
	if (j < n && parse_date(c, b, h[j].s, h[j].e, a))
		j++;
	/* a time of day ("12:30 GMT") may follow the date */
	if (j < n && h[j].e - h[j].s <= 12 && has_digit(b, h[j].s, h[j].e) &&
	    memchr(b + h[j].s, ':', h[j].e - h[j].s) != NULL)
		j++;
	if (j < n)
		set_str(c, &a->source, h[j].s, h[j].e);
	/* the body opens after the copyright line, else after the header block */
	body = j + 1 < n ? h[j + 1].start : end;
	for (i = j + 1; i < n && i < j + 8; i++)
		if (is_copyright(b, h[i].s, h[i].e)) {
			body = h[i].next;
			break;
		}
	if (i == n || i == j + 8) {
		for (i = j + 1; i < n && h[i].block == h[j].block; i++)
			;
		body = i < n ? h[i].start : end;
	}
	p = body;
	while (np_next_line(b, end, &p, &ln)) {
		size_t s = ln.start, e = ln.end;

		art_trim(b, &s, &e);
		if (s < e && (b[s] == 'D' || b[s] == 'A') && art_is_fa_trailer(b, s, e)) {
			end = ln.start;
			break;
		}
	}
	set_text(a, b, body, end);
}

/* Listing (tag page) metadata. */
static void
meta_listing(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct hline h[HEAD_LINES];
	char v[NP_DATE_VALUE_MAX];
	int n, i, src = -1;
	size_t bl;

	n = read_lines(b, a->record.start, a->record.end, h, HEAD_LINES);
	for (i = 0; i + 2 < n; i++)
		if (art_bullet(b, h[i + 2].s, h[i + 2].e) &&
		    art_is_date_line(c, b, h[i + 1].s, h[i + 1].e, v, sizeof(v))) {
			src = i;
			break;
		}
	if (src < 0) {
		set_text(a, b, a->record.start, a->record.end);
		return;
	}
	set_str(c, &a->source, h[src].s, h[src].e);
	strncpy(a->date, v, sizeof(a->date) - 1);
	for (i = src + 2; i < n && (bl = art_bullet(b, h[i].s, h[i].e)) > 0; i++) {
		size_t s = h[i].s + bl, e = h[i].e;

		art_trim(b, &s, &e);
		if (a->section.s == NULL && !(e - s == a->source.len &&
		    memcmp(b + s, a->source.s, e - s) == 0))
			set_str(c, &a->section, s, e);
	}
	if (i < n) {
		set_str(c, &a->title, h[i].s, h[i].e);
		set_text(a, b, h[i].next, a->record.end);
	} else {
		set_text(a, b, a->record.end, a->record.end);
	}
}

/* Generic metadata: title, byline and dateline from the first lines. */
static void
meta_plain(struct np_articles *c, struct np_article *a)
{
	const char *b = c->buf;
	struct hline h[8];
	struct np_span where;
	char v[NP_DATE_VALUE_MAX];
	size_t s = a->record.start, e = a->record.end, top;
	int n, i = 0;

	/* drop a separator line that ends the record */
	n = read_lines(b, s, e, h, 8);
	while (i < n && art_is_separator(b, h[i].s, h[i].e))
		i++;
	/* a dateline above the title */
	if (i < n && art_is_date_line(c, b, h[i].s, h[i].e, a->date, sizeof(a->date)))
		i++;
	if (i < n && art_is_titlish(b, h[i].s, h[i].e) &&
	    !art_is_date_line(c, b, h[i].s, h[i].e, NULL, 0)) {
		set_str(c, &a->title, h[i].s, h[i].e);
		i++;
	}
	if (i < n && art_word(b, h[i].s, h[i].e, "by ") && h[i].e - h[i].s <= 80)
		set_str(c, &a->byline, h[i].s + 3, h[i].e);
	top = n > 0 ? h[0].start : s;
	if (a->date[0] == '\0' && np_dates_dateline(c->dates, b + top, e - top > 600 ? 600 : e - top, v,
	    sizeof(v), &where))
		strncpy(a->date, v, sizeof(a->date) - 1);
	/* the text without a separator that ends the record */
	{
		struct np_line ln;
		size_t p = s, last = e;

		while (np_next_line(b, e, &p, &ln)) {
			size_t ls = ln.start, le = ln.end;

			art_trim(b, &ls, &le);
			if (ls == le)
				continue;
			last = art_is_separator(b, ln.start, ln.end) ? ln.start : e;
		}
		set_text(a, b, s, last);
	}
}

/* Fills a's metadata for the current format. */
int
art_meta(struct np_articles *c, struct np_article *a)
{
	/* the whole record unless the format's reader finds the body */
	set_text(a, c->buf, a->record.start, a->record.end);
	switch (c->fmt) {
	case NP_ARTICLES_LEXISNEXIS:
		meta_lexisnexis(c, a);
		break;
	case NP_ARTICLES_FACTIVA:
		meta_factiva(c, a);
		break;
	case NP_ARTICLES_LISTING:
		meta_listing(c, a);
		break;
	default:
		meta_plain(c, a);
		break;
	}
	return 1;
}
