/*
 * dates.c - the normalize-dates engine: find date expressions and give
 * their TIMEX3 value.
 *
 * Method.  A scan walks the buffer word by word.  Almost every word is
 * dropped by a prefilter: a digit run is always a candidate, a letter
 * word only when its first three (ASCII, lower-cased) letters and its
 * length match an anchor of the lexicon (dates-words.tsv: months,
 * weekdays, "today", units such as "week", "now"...); non-ASCII words go
 * to the folded lexicon directly.  At an anchor a small hand-written
 * grammar reads tokens to the right ("October 18, 2023", "18 октября
 * 2023 г.") and to the left for modifiers ("the", "last", "early",
 * "three ... ago"), so most text never leaves the byte loop.
 *
 * A parse gives a structured value (a day, month, year, week, quarter,
 * half, season, decade, century or a PRESENT/PAST/FUTURE_REF) and,
 * for relative and year-less expressions, is resolved against the
 * document's reference date.  Where the reference is needed to choose
 * between past and future ("Friday", "August", "Nov. 6"), the tense of
 * the nearest verb marker in the sentence decides ("will", "'ll", "is
 * to" versus "was", "said", irregular past forms, -ed words; a marker
 * past a clause word such as "that" or "when" belongs to another
 * clause); without one, the nearest occurrence wins.  A weekday written
 * with a year-less date moves it to the year that has that weekday.
 * Without a reference the value keeps X's ("XXXX-02-07").
 *
 * All-numeric dates (2/7/2025) are read day-first unless the options say
 * otherwise or, under -o auto, another numeric date of the document with
 * the same separator has a component above 12 that settles the order;
 * their values are filled in when a chunk's scan is complete.
 *
 * No PCRE2 here: date grammar is mostly lexicon lookups and small
 * token sequences, which a hand-written token reader does with one pass
 * and no backtracking; a regex alternation of some 700 inflected month,
 * weekday and unit words would be slower and harder to resolve.
 * Calendar arithmetic is in calendar.c (dates-calendar.h).
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/dates.h"
#include "newsprep/lexicon.h"
#include "newsprep/utf8.h"
#include "newsprep/segment.h"
#include "dates-calendar.h"

NP_LEXICON_DATA(dates_words);

/* Word classes of the lexicon (the letter in its value). */
enum cls {
	C_NONE = 0, C_MONTH = 'M', C_MABBR = 'A', C_WDAY = 'W', C_WABBR = 'w',
	C_DEICTIC = 'D', C_REF = 'R', C_UNIT = 'U', C_NUMW = 'N', C_ORD = 'O',
	C_SEASON = 'S', C_AGO = 'G', C_PREP = 'P', C_MOD = 'X', C_YEARW = 'Y',
	C_PART = 'H', C_FISCAL = 'F', C_HOLIDAY = 'I'
};

/* Units (C_UNIT numbers). */
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_HALF, U_DECADE,
	U_CENTURY, U_WEEKEND, U_FORTNIGHT, U_PERIOD };

/* Modifiers (C_MOD numbers). */
enum { X_LAST = 1, X_NEXT, X_THIS, X_EARLY, X_LATE, X_MID, X_EARLIER,
	X_LATER, X_THE, X_PAST, X_COMING, X_CURRENT, X_THAT, X_SAME, X_NEAR,
	X_LATEST, X_EDGE };

/* Value kinds. */
enum vkind { V_NONE, V_DAY, V_MONTH, V_YEAR, V_WEEK, V_WEEKEND, V_QUARTER,
	V_HALF, V_SEASON, V_DECADE, V_CENTURY, V_REF };

/* A value under construction; y/m/d of 0 (or -1 for y) mean unknown. */
struct val {
	enum vkind k;
	int y, m, d;
	int n;		/* week, quarter, half, season, decade, century, ref */
	int unres;	/* needed a reference that was missing */
	char pod[3];	/* part of day for a day value: "NI", "EV" or "" */
};

enum tkind { TK_END, TK_NUM, TK_WORD, TK_PUNCT };

/* One token. */
struct tok {
	size_t s, e;
	enum tkind k;
	long num;		/* TK_NUM value (saturated) */
	int nd;			/* TK_NUM digits */
	int ord;		/* TK_NUM with st/nd/rd/th/er/º suffix */
	int dec;		/* TK_NUM with an "s" suffix (1990s) */
	int glued;		/* TK_NUM with another letter suffix (3pm) */
	int cls, val;		/* lexicon class and number (TK_WORD) */
	int cap;		/* first letter upper case */
	int lower;		/* all letters lower case */
	int c;			/* TK_PUNCT: the byte (or 0x80+ for non-ASCII) */
	int brk;		/* a blank line (or start) lies before it */
	int nl;			/* white space before it holds a newline */
	size_t ws;		/* start of the white space before it */
	char w[16];		/* ASCII word, lower case (truncated) */
	int wlen;
	unsigned wh;		/* word_hash(w), filled by lex */
};

#define NFWD 14
#define NBACK 6

/* Scan state for one buffer. */
struct scan {
	struct np_dates *d;
	const char *b;
	size_t len;
	size_t min;		/* left bound for a new hit (end of last hit) */
	struct tok f[NFWD];	/* tokens from the anchor on */
	int nf;
	struct tok bk[NBACK + 1];	/* bk[1] is the token before the anchor */
	int nb;
	size_t anchor;
};

struct pending {
	size_t hit;		/* index in the output */
	int a, b, c;		/* components as written */
	int cdig;		/* digits of c */
	int sep;
};

#define NTENSE 512	/* slots of the tense-word table (a power of two) */
#define TENSE_WEIGHT 2	/* a tense doubles the distance of the other side */
#define NWCACHE 1024	/* slots of the word-lookup cache (a power of two) */

/* A cached lexicon answer for a word (lower-cased ASCII or raw bytes). */
struct wcache {
	char w[16];
	signed char cls;
	unsigned char used;
	int val;
};

/* Byte classes of the scan loop. */
enum { CT_OTHER = 0, CT_ALPHA, CT_DIGIT, CT_QUOTE, CT_HIGH };

struct np_dates {
	struct np_dates_opts o;
	struct np_lexicon *lx;
	uint16_t *gram;		/* 27^3 length masks of anchor words */
	uint16_t *gram_all;	/* the same for every word of the lexicon */
	/* per document */
	int has_ref;
	int ry, rm, rd;
	long rz;		/* reference day number */
	int order_dmy[3], order_mdy[3];	/* evidence per separator / - . */
	int last_q, last_qy;	/* last quarter mentioned */
	int last_y;		/* last year written out */
	struct pending *pend;
	size_t npend, cappend;
	int no_ref_ok;		/* parse mode: no reference wanted */
	struct { char w[12]; signed char v; } tw[NTENSE];	/* tense words */
	unsigned char ctab[256];	/* byte classes for the scan loop */
	unsigned char gtab[256];	/* gidx() of every byte */
	struct wcache wc[NWCACHE];	/* lexicon answers for ASCII words */
};

/* ---------------------------------------------------------------- */
/* small helpers */

/* The bit of a two-letter language code, 0 when unknown. */
static int
lang_bit(const char *s, size_t n)
{
	static const char *codes[] = { "en", "de", "fr", "es", "it", "pt",
	    "nl", "pl", "uk", "ru" };
	size_t i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (n == 2 && memcmp(s, codes[i], 2) == 0)
			return 1 << i;
	return 0;
}

/* Parses a comma list of language codes into a mask. */
static unsigned
lang_mask(const char *s, size_t n)
{
	unsigned m = 0;
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ',' && s[j] != ' '; j++)
			;
		m |= (unsigned)lang_bit(s + i, j - i);
		i = j + 1;
		if (j < n && s[j] == ' ')
			break;
	}
	return m;
}

/* Index of an ASCII letter for the prefilter (0 for anything else). */
static int
gidx(unsigned char c)
{
	c |= 0x20;
	return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
}

/* ASCII lower case without the locale. */
static int
lc(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* ASCII letter. */
static int
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* ASCII digit. */
static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ---------------------------------------------------------------- */
/* options */

/* Defaults: reference from the dateline, order auto, all languages. */
void
np_dates_opts_init(struct np_dates_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->ref_mode = NP_DATES_REF_AUTO;
	o->order = NP_DATES_ORDER_AUTO;
	o->langs = NP_DATES_ALL;
}

/* Reads "YYYY-MM-DD" (optionally followed by T...) or "YYYYMMDD". */
static int
read_iso(const char *s, int *y, int *m, int *d)
{
	size_t n = strlen(s);
	int i;

	for (i = 0; i < 4; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	if (n >= 10 && s[4] == '-' && s[7] == '-' && is_digit((unsigned char)s[5]) &&
	    is_digit((unsigned char)s[6]) && is_digit((unsigned char)s[8]) &&
	    is_digit((unsigned char)s[9]) && (n == 10 || s[10] == 'T' || s[10] == ' ')) {
		*y = atoi(s);
		*m = (s[5] - '0') * 10 + s[6] - '0';
		*d = (s[8] - '0') * 10 + s[9] - '0';
	} else if (n == 8 && strspn(s, "0123456789") == 8) {
		*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
		*m = (s[4] - '0') * 10 + s[5] - '0';
		*d = (s[6] - '0') * 10 + s[7] - '0';
	} else
		return 0;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= np_cal_mdays(*y, *m);
}

/* -r: "auto", "none" or a date. */
int
np_dates_opts_ref(struct np_dates_opts *o, const char *arg)
{
	int y, m, d;

	if (strcmp(arg, "auto") == 0)
		o->ref_mode = NP_DATES_REF_AUTO;
	else if (strcmp(arg, "none") == 0)
		o->ref_mode = NP_DATES_REF_NONE;
	else if (read_iso(arg, &y, &m, &d)) {
		o->ref_mode = NP_DATES_REF_FIXED;
		o->ref_year = y;
		o->ref_month = m;
		o->ref_day = d;
	} else
		return NP_EINVAL;
	return NP_OK;
}

/* -o: dmy, mdy, ymd or auto. */
int
np_dates_opts_order(struct np_dates_opts *o, const char *arg)
{
	if (strcmp(arg, "auto") == 0)
		o->order = NP_DATES_ORDER_AUTO;
	else if (strcmp(arg, "dmy") == 0)
		o->order = NP_DATES_ORDER_DMY;
	else if (strcmp(arg, "mdy") == 0)
		o->order = NP_DATES_ORDER_MDY;
	else if (strcmp(arg, "ymd") == 0)
		o->order = NP_DATES_ORDER_YMD;
	else
		return NP_EINVAL;
	return NP_OK;
}

/* -L: a comma list of language codes, or "all". */
int
np_dates_opts_langs(struct np_dates_opts *o, const char *arg)
{
	unsigned m = 0;
	const char *p = arg, *q;
	int b;

	if (strcmp(arg, "all") == 0) {
		o->langs = NP_DATES_ALL;
		return NP_OK;
	}
	while (*p) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		if ((b = lang_bit(p, (size_t)(q - p))) == 0)
			return NP_EINVAL;
		m |= (unsigned)b;
		p = *q ? q + 1 : q;
	}
	if (m == 0)
		return NP_EINVAL;
	o->langs = m;
	return NP_OK;
}

/* ---------------------------------------------------------------- */
/* context */

/* Adds an anchor word's first letters and length to the prefilter. */
static void
gram_add(const struct np_lexentry *e, void *arg)
{
	struct np_dates *d = arg;
	const char *v = e->value;
	size_t i, vl = e->valuelen;
	int cls = 0, k, mask, anchor = 1;

	for (i = 0; i < vl && v[i] != ' '; i++)
		;
	if (i + 1 < vl)
		cls = (unsigned char)v[i + 1];
	for (i = 0; i < 3 && i < e->keylen; i++)
		if ((unsigned char)e->key[i] >= 0x80)
			return;		/* non-ASCII words skip the prefilter */
	k = gidx((unsigned char)e->key[0]) * 729;
	if (e->keylen > 1)
		k += gidx((unsigned char)e->key[1]) * 27;
	if (e->keylen > 2)
		k += gidx((unsigned char)e->key[2]);
	mask = e->keylen >= 15 ? 1 << 15 : 1 << e->keylen;
	if (memchr(e->key, '-', e->keylen) || memchr(e->key, '\'', e->keylen))
		mask = 0xffff;	/* joined words: the first part may be any length */
	d->gram_all[k] |= (uint16_t)mask;
	switch (cls) {
	case C_MONTH: case C_MABBR: case C_WDAY: case C_WABBR: case C_DEICTIC:
	case C_REF: case C_UNIT: case C_SEASON: case C_HOLIDAY:
		break;
	case C_MOD:
		anchor = e->num == X_PAST || e->num == X_CURRENT;	/* "the past", "current" */
		break;
	case C_NUMW:
		anchor = e->num == 19;	/* "nineteen ninety-six" */
		break;
	default:
		anchor = 0;
	}
	if (anchor)
		d->gram[k] |= (uint16_t)mask;
}

static void tense_init(struct np_dates *d);

/* Loads the lexicon and builds the prefilters: once per context. */
struct np_dates *
np_dates_new(const struct np_dates_opts *opts)
{
	struct np_dates *d = calloc(1, sizeof(*d));
	int i;
	static const char extra[] =
	    "\xd0\xb3\t0 Y ru\n"	/* г. */
	    "\xd1\x80\t0 Y uk\n"	/* р. */
	    "r\t0 Y pl\n";

	if (d == NULL)
		return NULL;
	if (opts)
		d->o = *opts;
	else
		np_dates_opts_init(&d->o);
	if (d->o.langs == 0)
		d->o.langs = NP_DATES_ALL;
	d->lx = np_lexicon_new();
	d->gram = calloc(27 * 27 * 27, sizeof(uint16_t));
	d->gram_all = calloc(27 * 27 * 27, sizeof(uint16_t));
	if (d->lx == NULL || d->gram == NULL || d->gram_all == NULL ||
	    np_lexicon_load(d->lx, np_lex_dates_words, np_lex_dates_words_len) != NP_OK ||
	    np_lexicon_load(d->lx, extra, sizeof(extra) - 1) != NP_OK) {
		np_dates_free(d);
		return NULL;
	}
	np_lexicon_each(d->lx, gram_add, d);
	tense_init(d);
	for (i = 0; i < 256; i++) {
		d->ctab[i] = is_alpha((unsigned char)i) ? CT_ALPHA : is_digit((unsigned char)i) ?
		    CT_DIGIT : i == '\'' ? CT_QUOTE : i >= 0x80 ? CT_HIGH : CT_OTHER;
		d->gtab[i] = (unsigned char)gidx((unsigned char)i);
	}
	np_dates_begin(d, NULL, 0);
	return d;
}

/* Frees a context (NULL is fine). */
void
np_dates_free(struct np_dates *d)
{
	if (d == NULL)
		return;
	np_lexicon_free(d->lx);
	free(d->gram);
	free(d->gram_all);
	free(d->pend);
	free(d);
}

/* Sets the reference date of the current document. */
static void
set_ref(struct np_dates *d, int y, int m, int dd)
{
	d->has_ref = 1;
	d->ry = y;
	d->rm = m;
	d->rd = dd;
	d->rz = np_cal_days(y, m, dd);
}

/* Resets the per-document state and finds the reference. */
void
np_dates_begin(struct np_dates *d, const char *head, size_t len)
{
	char v[NP_DATE_VALUE_MAX];
	struct np_span sp;
	int y, m, dd;

	d->has_ref = 0;
	memset(d->order_dmy, 0, sizeof(d->order_dmy));
	memset(d->order_mdy, 0, sizeof(d->order_mdy));
	d->last_q = 0;
	d->last_qy = 0;
	d->last_y = 0;
	d->npend = 0;
	if (d->o.ref_mode == NP_DATES_REF_FIXED)
		set_ref(d, d->o.ref_year, d->o.ref_month, d->o.ref_day);
	else if (d->o.ref_mode == NP_DATES_REF_AUTO && head != NULL && len > 0 &&
	    np_dates_dateline(d, head, len, v, sizeof(v), &sp) && read_iso(v, &y, &m, &dd))
		set_ref(d, y, m, dd);
}

/* The current reference as YYYY-MM-DD. */
int
np_dates_reference(const struct np_dates *d, char *value, size_t cap)
{
	if (!d->has_ref)
		return 0;
	snprintf(value, cap, "%04d-%02d-%02d", d->ry, d->rm, d->rd);
	return 1;
}

/* ---------------------------------------------------------------- */
/* hits */

/* Appends a hit, growing the array by doubling. */
int
np_date_hits_push(struct np_date_hits *h, const struct np_date_hit *hit)
{
	if (np_grow(&h->v, &h->cap, h->n, sizeof(*h->v), 64) != NP_OK)
		return NP_ENOMEM;
	h->v[h->n++] = *hit;
	return NP_OK;
}

/* Forgets the hits, keeps the memory. */
void
np_date_hits_clear(struct np_date_hits *h)
{
	h->n = 0;
}

/* Frees the array. */
void
np_date_hits_free(struct np_date_hits *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}

/* ---------------------------------------------------------------- */
/* tokens */

/* True when the word is allowed by the language options. */
static int
lang_ok(const struct np_dates *d, const struct np_lexentry *e, int *cls, int *val)
{
	const char *v = e->value, *end = e->value + e->valuelen, *p, *q;
	unsigned langs, excl = 0;

	p = memchr(v, ' ', e->valuelen);
	if (p == NULL || p + 1 >= end)
		return 0;
	*cls = (unsigned char)p[1];
	*val = (int)e->num;
	p += 2;
	if (p >= end || *p != ' ')
		return 0;
	p++;
	q = memchr(p, ' ', (size_t)(end - p));
	langs = lang_mask(p, (size_t)((q ? q : end) - p));
	if (q)
		excl = lang_mask(q + 1, (size_t)(end - q - 1));
	return (langs & d->o.langs) != 0 && (excl & d->o.langs) == 0;
}

static unsigned word_hash(const char *w);

/*
 * Looks a word up; fills t->cls/val when it is in the lexicon.  Plain
 * ASCII words go through a small direct-mapped cache first: the same
 * few words ("the", "in", "last") are asked for again and again.
 */
static int
lookup(struct np_dates *d, const char *s, size_t n, struct tok *t)
{
	const struct np_lexentry *e;
	struct wcache *c = NULL;
	int cls = 0, val = 0, found;

	char key[16];

	if (n == 0 || n > 40)
		return 0;
	/* the cache key: the lower-cased ASCII word, else the raw bytes
	 * (the answer depends on the bytes only, so either key is safe) */
	key[0] = 0;
	if (t->wlen > 0 && (size_t)t->wlen == n)
		memcpy(key, t->w, n + 1);
	else if (n < sizeof(key)) {
		memcpy(key, s, n);
		key[n] = 0;
		if (memchr(key, 0, n) != NULL)
			key[0] = 0;	/* a NUL byte: no caching */
	}
	if (key[0]) {
		c = &d->wc[(t->wlen > 0 && (size_t)t->wlen == n ? t->wh : word_hash(key)) &
		    (NWCACHE - 1)];
		if (c->used && strcmp(c->w, key) == 0) {
			t->cls = c->cls;
			t->val = c->val;
			return c->cls != 0;
		}
	}
	e = np_lexicon_find(d->lx, s, n);
	found = e != NULL && lang_ok(d, e, &cls, &val);
	if (c != NULL) {
		memcpy(c->w, key, strlen(key) + 1);
		c->cls = (signed char)(found ? cls : 0);
		c->val = found ? val : 0;
		c->used = 1;
	}
	if (!found)
		return 0;
	t->cls = cls;
	t->val = val;
	return 1;
}

/* Length of the run of ASCII letters at u[0..max), eight bytes at a
 * time where the byte order allows (the scan loop's inner step). */
static size_t
alpha_run(const unsigned char *u, size_t max)
{
	size_t n = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
	const uint64_t h = 0x8080808080808080ull;
	uint64_t v, y, non;

	while (n + 8 <= max) {
		memcpy(&v, u + n, 8);
		y = (v | 0x2020202020202020ull) & 0x7f7f7f7f7f7f7f7full;
		/* a letter: below 0x80, and 'a' <= y <= 'z' once folded */
		non = ~(((y + 0x1f1f1f1f1f1f1f1full) & h) & ~((y + 0x0505050505050505ull) & h) &
		    ~(v & h)) & h;
		if (non)
			return n + ((size_t)__builtin_ctzll(non) >> 3);
		n += 8;
	}
#endif
	while (n < max && is_alpha(u[n]))
		n++;
	return n;
}

/* Length of the letter run at s[0..len) (ASCII letters, non-ASCII
 * letters and combining marks). */
static size_t
letters(const char *s, size_t len)
{
	size_t i = 0, adv;
	int32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (!is_alpha(c))
				break;
			i++;
			continue;
		}
		cp = np_utf8_decode(s + i, len - i, &adv);
		if (cp == NP_UTF8_INVALID || !(np_cp_is_letter(cp) ||
		    (cp >= 0x300 && cp <= 0x36f)))
			break;
		i += adv;
	}
	return i;
}

/* True when the prefilter lets an ASCII word of n bytes through. */
static int
gram_pass(const struct np_dates *d, const uint16_t *gram, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int k, mask;

	if (u[0] >= 0x80 || (n > 1 && u[1] >= 0x80) || (n > 2 && u[2] >= 0x80))
		return 1;
	k = d->gtab[u[0]] * 729;
	if (n > 1)
		k += d->gtab[u[1]] * 27;
	if (n > 2)
		k += d->gtab[u[2]];
	mask = n >= 15 ? 1 << 15 : 1 << n;
	return (gram[k] & mask) != 0;
}

/*
 * Reads the token at or after pos.  full: look every word up (not only
 * anchors that pass the prefilter).  Returns the token's end.
 */
static size_t
lex(struct np_dates *d, const char *b, size_t len, size_t pos,
    struct tok *t, int full)
{
	size_t i = pos, n, j, adv;
	int nls = 0;
	int32_t cp;
	unsigned wh;

	memset(t, 0, sizeof(*t));
	t->ws = pos;
	/* white space: blanks, NBSP, one line end */
	while (i < len) {
		unsigned char c = (unsigned char)b[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f')
			i++;
		else if (c == '\n') {
			nls++;
			i++;
		} else if (c == 0xc2 && i + 1 < len && (unsigned char)b[i + 1] == 0xa0)
			i += 2;
		else
			break;
	}
	t->nl = nls > 0;
	t->brk = nls > 1;
	t->s = i;
	if (i >= len) {
		t->k = TK_END;
		t->e = i;
		return i;
	}
	if (is_digit((unsigned char)b[i])) {
		t->k = TK_NUM;
		for (j = i; j < len && is_digit((unsigned char)b[j]); j++) {
			if (t->num < 100000000L)
				t->num = t->num * 10 + (b[j] - '0');
			t->nd++;
		}
		n = letters(b + j, len - j);
		if (n > 0) {
			char a0 = (char)lc((unsigned char)b[j]);
			char a1 = n > 1 ? (char)lc((unsigned char)b[j + 1]) : 0;
			if (n == 2 && ((a0 == 's' && a1 == 't') || (a0 == 'n' && a1 == 'd') ||
			    (a0 == 'r' && a1 == 'd') || (a0 == 't' && a1 == 'h') ||
			    (a0 == 'e' && a1 == 'r')))
				t->ord = 1;
			else if (n == 1 && a0 == 's')
				t->dec = 1;
			else if (n == 1 && a0 == 'e')	/* 1e (fr), rare */
				t->ord = 1;
			else if (n == 2 && (unsigned char)b[j] == 0xc2 &&
			    ((unsigned char)b[j + 1] == 0xba || (unsigned char)b[j + 1] == 0xaa))
				t->ord = 1;	/* 1º 1ª */
			else
				t->glued = 1;
			j += n;
		} else if (j + 1 < len && (unsigned char)b[j] == 0xc2 &&
		    ((unsigned char)b[j + 1] == 0xba || (unsigned char)b[j + 1] == 0xaa)) {
			t->ord = 1;
			j += 2;
		}
		t->e = j;
		return j;
	}
	/* ASCII letters are measured, lower-cased and copied in one pass;
	 * letters() (and utf8proc) only past a non-ASCII byte */
	t->lower = 1;
	wh = 2166136261u;
	for (j = i; j < len && is_alpha((unsigned char)b[j]); j++) {
		unsigned char c = (unsigned char)b[j];
		if (c <= 'Z')
			t->lower = 0;
		if (t->wlen < (int)sizeof(t->w) - 1) {
			t->w[t->wlen++] = (char)(c | 0x20);
			wh = (wh ^ (unsigned char)(c | 0x20)) * 16777619u;
		}
	}
	t->wh = wh;
	n = j - i;
	if (j < len && (unsigned char)b[j] >= 0x80) {
		n += letters(b + j, len - j);
		for (; j < i + n; j++) {
			unsigned char c = (unsigned char)b[j];
			if (c >= 'A' && c <= 'Z')
				t->lower = 0;
			if (c >= 0x80)
				t->wlen = (int)sizeof(t->w);	/* not plain ASCII */
		}
	}
	if (n > 0) {
		t->k = TK_WORD;
		t->e = i + n;
		if ((unsigned char)b[i] < 0x80)
			t->cap = b[i] >= 'A' && b[i] <= 'Z';
		else {
			cp = np_utf8_decode(b + i, len - i, &adv);
			t->cap = np_cp_is_upper(cp);
		}
		if (t->cap)
			t->lower = 0;
		if (t->wlen >= (int)sizeof(t->w))
			t->wlen = 0, t->w[0] = 0;
		else
			t->w[t->wlen] = 0;
		if (!gram_pass(d, full ? d->gram_all : d->gram, b + i, n))
			return t->e;
		/* joined words: avant-hier, aujourd'hui, п'ятниця, segunda-feira */
		j = i + n;
		if (j + 1 < len && (b[j] == '-' || b[j] == '\'' ||
		    ((unsigned char)b[j] == 0xe2 && j + 3 < len &&
		    (unsigned char)b[j + 1] == 0x80 && (unsigned char)b[j + 2] == 0x99) ||
		    ((unsigned char)b[j] == 0xca && (unsigned char)b[j + 1] == 0xbc))) {
			size_t k = j + ((unsigned char)b[j] == 0xe2 ? 3 :
			    (unsigned char)b[j] == 0xca ? 2 : 1);
			size_t m = letters(b + k, len - k);
			if (m > 0 && lookup(d, b + i, k + m - i, t)) {
				t->e = k + m;
				return t->e;
			}
		}
		lookup(d, b + i, n, t);
		return t->e;
	}
	t->k = TK_PUNCT;
	cp = np_utf8_decode(b + i, len - i, &adv);
	t->c = (unsigned char)b[i] < 0x80 ? b[i] : 0x80;
	if (cp == 0x2013 || cp == 0x2014)	/* en/em dash */
		t->c = '-';
	else if (cp == 0x2019 || cp == 0x2018)
		t->c = '\'';
	t->e = i + adv;
	return t->e;
}

/* Forward token i (0 = the anchor), read on demand; TK_END past a
 * blank line or the end. */
static const struct tok *
F(struct scan *S, int i)
{
	static const struct tok end = { .k = TK_END };

	if (i >= NFWD)
		return &end;
	while (S->nf <= i) {
		struct tok *t = &S->f[S->nf];
		size_t from = S->nf ? S->f[S->nf - 1].e : S->anchor;
		if (S->nf && S->f[S->nf - 1].k == TK_END) {
			*t = S->f[S->nf - 1];
			S->nf++;
			continue;
		}
		lex(S->d, S->b, S->len, from, t, 1);
		if (S->nf && t->brk)
			t->k = TK_END;
		S->nf++;
	}
	return &S->f[i];
}

/* Start of the token that ends just before pos (skipping white space
 * within one line break), or SIZE_MAX. */
static size_t
back_start(const char *b, size_t pos, size_t min)
{
	size_t i = pos, st;
	int nls = 0;
	int32_t cp;

	while (i > min) {
		unsigned char c = (unsigned char)b[i - 1];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f')
			i--;
		else if (c == '\n') {
			if (++nls > 1)
				return SIZE_MAX;
			i--;
		} else if (c == 0xa0 && i >= min + 2 && (unsigned char)b[i - 2] == 0xc2)
			i -= 2;
		else
			break;
	}
	if (i <= min)
		return SIZE_MAX;
	if (is_digit((unsigned char)b[i - 1])) {
		while (i > min && is_digit((unsigned char)b[i - 1]))
			i--;
		return i;
	}
	/* an ASCII word or character without decoding */
	if ((unsigned char)b[i - 1] < 0x80) {
		if (!is_alpha((unsigned char)b[i - 1]))
			return i - 1;
		while (i > min && is_alpha((unsigned char)b[i - 1]))
			i--;
		if (i > min && (unsigned char)b[i - 1] >= 0x80) {
			cp = np_utf8_decode_before(b, i, &st);
			if (cp != NP_UTF8_INVALID && (np_cp_is_letter(cp) ||
			    (cp >= 0x300 && cp <= 0x36f)))
				goto utf8;	/* non-ASCII letters before */
		}
		while (i > min && is_digit((unsigned char)b[i - 1]))
			i--;
		return i;
	}
utf8:
	/* a word (ASCII or UTF-8 letters), else one character */
	cp = np_utf8_decode_before(b, i, &st);
	if (cp != NP_UTF8_INVALID && (np_cp_is_letter(cp) || (cp >= 0x300 && cp <= 0x36f))) {
		while (i > min) {
			cp = np_utf8_decode_before(b, i, &st);
			if (cp == NP_UTF8_INVALID || !(np_cp_is_letter(cp) ||
			    (cp >= 0x300 && cp <= 0x36f)))
				break;
			i = st;
		}
		/* a number glued before letters ("18th"): start at the digits */
		while (i > min && is_digit((unsigned char)b[i - 1]))
			i--;
		return i;
	}
	return st >= min ? st : SIZE_MAX;
}

/* Backward token i (1 = just before the anchor), read on demand. */
static const struct tok *
B(struct scan *S, int i)
{
	static const struct tok end = { .k = TK_END };
	size_t from, st;

	if (i > NBACK)
		return &end;
	while (S->nb < i) {
		struct tok *t = &S->bk[S->nb + 1];
		from = S->nb ? S->bk[S->nb].s : S->anchor;
		if (S->nb && S->bk[S->nb].k == TK_END) {
			*t = S->bk[S->nb];
			S->nb++;
			continue;
		}
		st = from == SIZE_MAX ? SIZE_MAX : back_start(S->b, from, S->min);
		if (st == SIZE_MAX) {
			memset(t, 0, sizeof(*t));
			t->k = TK_END;
			t->s = t->e = from;
		} else {
			lex(S->d, S->b, S->len, st, t, 1);
			if (t->e > from)
				t->e = from;
		}
		S->nb++;
	}
	return &S->bk[i];
}

/* Token helpers. */
static int
is_word(const struct tok *t, const char *w)
{
	return t->k == TK_WORD && strcmp(t->w, w) == 0;
}

static int
is_p(const struct tok *t, int c)
{
	return t->k == TK_PUNCT && t->c == c;
}

/* Adjacent: no white space between a and b. */
static int
adj(const struct tok *a, const struct tok *b)
{
	return a->e == b->s;
}

static int
is_cls(const struct tok *t, int cls)
{
	return t->k == TK_WORD && t->cls == cls;
}

static int
is_mod(const struct tok *t, int x)
{
	return t->k == TK_WORD && t->cls == C_MOD && t->val == x;
}

/* ---------------------------------------------------------------- */
/* tense */

/* Future markers. */
static const char *const future_words[] = { "will", "shall", "ll", "wont", "tomorrow",
	    "next", "upcoming", "scheduled", "planned", "plans", "plan",
	    "expected", "expects", "expect", "intends", "due", "might", "could",
	    "may", "planning", "would", "soon", "slated", "until", NULL };

/* Past markers besides -ed words. */
static const char *const past_words[] = { "was", "were", "had", "did", "said", "told",
	    "went", "came", "took", "left", "met", "saw", "made", "began",
	    "fell", "rose", "won", "lost", "gave", "got", "sent", "held",
	    "ago", "last", "yesterday", "earlier", "thought", "knew", "found",
	    "wrote", "spoke", "ran", "struck", "broke", "became", "paid",
	    "sold", "bought", "led", "put", "hit", "shot", "killed",
	    "been", "since", "spent", "tore", "brought", "fought", "caught",
	    "taught", "sought", "felt", "kept", "heard", "stood", "built",
	    "meant", "chose", "drove", "flew", "threw", "wore", "swore",
	    "forgot", "hid", "sat", "rode", "shook", "sang", "drew", "grew",
	    "blew", "hung", "fled", "slid", "sank", "stole", "stuck", "swept",
	    "swung", "woke", "withdrew", "overthrew", "undertook", "arose",
	    "froze", "dealt", "lent", "bent", "fed", "sped", "ate",
	    "forgave", "foresaw", "oversaw", "underwent", "wound", "weren",
	    "wasn", "didn", "hadn", "ended", NULL };

/* Words that end the clause of a date to its right: a tense marker
 * beyond them belongs to another clause ("met Friday, when they
 * will ...", "warned Thursday that strikes could ..."). */
static const char *const clause_words[] = { "that", "which", "who", "whom",
	    "whose", "when", "where", "while", "because", "although", "though",
	    "if", "unless", "but", "whether", NULL };

/* Hash of a short lower-case word. */
static unsigned
word_hash(const char *w)
{
	unsigned h = 2166136261u;

	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* Adds a word list to the tense table with value v (+1 future, -1 past). */
static void
tense_add(struct np_dates *d, const char *const *w, int v)
{
	unsigned h;

	for (; *w; w++) {
		if (strlen(*w) >= sizeof(d->tw[0].w))
			continue;
		for (h = word_hash(*w) & (NTENSE - 1); d->tw[h].w[0]; h = (h + 1) & (NTENSE - 1))
			;
		strcpy(d->tw[h].w, *w);
		d->tw[h].v = (signed char)v;
	}
}

/* Builds the tense-word table. */
static void
tense_init(struct np_dates *d)
{
	tense_add(d, future_words, 1);
	tense_add(d, past_words, -1);
	tense_add(d, clause_words, 2);
}

/* +1 for a future marker, -1 for a past one ("said", -ed words), else 0. */
static int
tense_word(const struct np_dates *d, const char *w, int n)
{
	unsigned h;

	for (h = word_hash(w) & (NTENSE - 1); d->tw[h].w[0]; h = (h + 1) & (NTENSE - 1))
		if (strcmp(d->tw[h].w, w) == 0)
			return d->tw[h].v;
	if (n > 4 && w[n - 1] == 'd' && w[n - 2] == 'e' && strcmp(w, "indeed") != 0 &&
	    strcmp(w, "speed") != 0)
		return -1;
	return 0;
}

/* Verbs of saying. */
static int
reporting_word(const char *w)
{
	return strcmp(w, "said") == 0 || strcmp(w, "told") == 0 || strcmp(w, "added") == 0 ||
	    strcmp(w, "according") == 0 || strcmp(w, "reported") == 0;
}

/* A sentence end at b[i] ('.', '!' or '?' then maybe closing quotes,
 * then white space). */
static int
sent_end_at(const char *b, size_t len, size_t i)
{
	unsigned char c = (unsigned char)b[i];
	size_t j = i + 1;

	if (c != '.' && c != '!' && c != '?')
		return 0;
	while (j < len && (b[j] == '\'' || b[j] == '"' || b[j] == ')'))
		j++;
	if (j < len && (unsigned char)b[j] == 0xe2 && j + 2 < len)
		j += 3;		/* a closing curly quote */
	return j < len && (b[j] == ' ' || b[j] == '\n');
}

/* A cheap abbreviation test for the tense window: the '.' at b[dot]
 * ends a single letter or a short capitalised word ("Mr.", "Oct.",
 * "U.S.").  Wrong now and then, which only widens the window. */
static int
abbrev_before(const char *b, size_t lo, size_t dot)
{
	size_t i = dot;

	while (i > lo && is_alpha((unsigned char)b[i - 1]) && dot - i < 6)
		i--;
	if (i == dot)
		return 0;
	if (i > lo && is_alpha((unsigned char)b[i - 1]))
		return 0;	/* a long word */
	if (dot - i == 2 && b[i] == 'v' && b[i + 1] == 's')
		return 1;	/* "vs." */
	return dot - i == 1 || (dot - i <= 4 && b[i] >= 'A' && b[i] <= 'Z');
}

/* Copies the ASCII word b[i..j) lower-cased into w (at most 15 bytes). */
static int
copy_word(const char *b, size_t i, size_t j, char *w)
{
	int n = 0;

	for (; i < j && n < 15; i++)
		w[n++] = (char)lc((unsigned char)b[i]);
	w[n] = 0;
	return n;
}

/* Copies the ASCII word after position i (skipping blanks) into w;
 * returns its length, 0 when none. */
static int
next_word(const char *b, size_t len, size_t i, char *w)
{
	size_t j;

	while (i < len && b[i] == ' ')
		i++;
	for (j = i; j < len && is_alpha((unsigned char)b[j]); j++)
		;
	return copy_word(b, i, j, w);
}

/* Copies the ASCII word ending before position i (skipping blanks) into
 * w; returns its length, 0 when none. */
static int
prev_word(const char *b, size_t lo, size_t i, char *w)
{
	size_t j;

	while (i > lo && b[i - 1] == ' ')
		i--;
	for (j = i; j > lo && is_alpha((unsigned char)b[j - 1]); j--)
		;
	return copy_word(b, j, i, w);
}

/* The tense of the marker w at b[i..j), corrected by its neighbours:
 * "next to" and "plans to"'s noun readings, "is/set/due to" as a strong
 * future, clause words (2) only to the right. */
static int
marker(const struct np_dates *d, const char *b, size_t len, size_t lo,
    size_t i, size_t j, const char *w, int n, int *strong)
{
	char x[16];
	int v = tense_word(d, w, n);

	*strong = 0;
	if (v == 0 && strcmp(w, "to") != 0)
		return 0;
	if (strcmp(w, "next") == 0 || strcmp(w, "plans") == 0 || strcmp(w, "plan") == 0) {
		next_word(b, len, j, x);
		if (strcmp(w, "next") == 0 ? strcmp(x, "to") == 0 : strcmp(x, "to") != 0)
			return 0;
	}
	if (strcmp(w, "until") == 0) {
		/* "postponed until Friday", not "Until Friday, they had" */
		if (prev_word(b, lo, i, x) == 0 || strcmp(x, "up") == 0)
			return 0;
	}
	if (strcmp(w, "to") == 0) {
		prev_word(b, lo, i, x);
		if (strcmp(x, "is") == 0 || strcmp(x, "are") == 0 || strcmp(x, "am") == 0 ||
		    strcmp(x, "set") == 0 || strcmp(x, "due") == 0 || strcmp(x, "going") == 0 ||
		    strcmp(x, "slated") == 0 || strcmp(x, "scheduled") == 0)
			*strong = 1;
		return *strong;
	}
	return v;
}

/* Weak future markers count at double distance. */
static int
weak_word(const char *w)
{
	return strcmp(w, "to") == 0 || strcmp(w, "would") == 0;
}

/*
 * Tense around [s, e): +1 future, -1 past, 0 unknown.  The nearest
 * marker in the sentence wins; a future marker before the expression
 * counts at half its distance ("said it will meet Friday"), a reporting
 * verb after a comma not at all ("..., he said").  Words are walked
 * outward from the expression, so the cost is the distance to the
 * nearest marker, not the sentence.
 */
static int
tense(struct scan *S, size_t s, size_t e)
{
	const char *b = S->b;
	size_t len = S->len, i, j, lo = s > 200 ? s - 200 : 0;
	size_t hi = e + 200 < len ? e + 200 : len, best = SIZE_MAX, dist;
	int res = 0, v, n, comma = 0, strong;
	char w[16];

	/* to the right, up to the first marker or the sentence end */
	for (i = e; i < hi; ) {
		unsigned char c = (unsigned char)b[i];
		if (!is_alpha(c)) {
			if (c == ',' || c == '`' || c == '"' || c == '\'')
				comma = 1;
			if (c == '\n' && i + 1 < len && b[i + 1] == '\n')
				break;
			if ((c == '.' || c == '!' || c == '?') && sent_end_at(b, len, i) &&
			    !(c == '.' && abbrev_before(b, e, i)))
				break;
			i++;
			continue;
		}
		for (j = i; j < hi && is_alpha((unsigned char)b[j]); j++)
			;
		n = copy_word(b, i, j, w);
		v = marker(S->d, b, len, lo, i, j, w, n, &strong);
		if (v == 2)
			break;
		if (v > 0 && strcmp(w, "ll") == 0 && !(b[i - 1] == '\'' ||
		    (unsigned char)b[i - 1] == 0x99))
			v = 0;
		if (v < 0 && comma && reporting_word(w))
			v = 0;
		if (v) {
			best = (i - e) * (v > 0 && weak_word(w) && !strong ? 2 : 1);
			res = v;
			break;
		}
		i = j;
	}
	/* to the left, while a marker there could still be nearer */
	for (i = s; i > lo; ) {
		unsigned char c = (unsigned char)b[i - 1];
		if (!is_alpha(c)) {
			if (c == '\n' && i >= 2 && b[i - 2] == '\n')
				break;
			if ((c == '.' || c == '!' || c == '?') && sent_end_at(b, len, i - 1) &&
			    !(c == '.' && abbrev_before(b, lo, i - 1)))
				break;
			i--;
			continue;
		}
		for (j = i; j > lo && is_alpha((unsigned char)b[j - 1]); j--)
			;
		dist = s - i;
		if (best != SIZE_MAX && dist / 2 >= best)
			break;
		n = copy_word(b, j, i, w);
		v = marker(S->d, b, len, lo, j, i, w, n, &strong);
		if (v == 2)
			v = 0;
		if (v > 0 && strcmp(w, "ll") == 0 && !(j > 0 && (b[j - 1] == '\'' ||
		    (unsigned char)b[j - 1] == 0x99)))
			v = 0;
		if (v) {
			if (v > 0)
				dist = weak_word(w) && !strong ? dist : dist / 2;
			if (dist < best) {
				best = dist;
				res = v;
			}
		}
		i = j;
	}
	return res;
}

/* ---------------------------------------------------------------- */
/* values */

/* Appends s to t at n (t has room: values are short). */
static size_t
put_str(char *t, size_t n, const char *s)
{
	while (*s && n < 39)
		t[n++] = *s++;
	return n;
}

/* Appends x (0 <= x, clamped to 99999) zero-padded to w digits. */
static size_t
put_num(char *t, size_t n, int x, int w)
{
	char d[8];
	int k = 0;

	if (x < 0)
		x = 0;
	if (x > 99999)
		x = 99999;
	do {
		d[k++] = (char)('0' + x % 10);
		x /= 10;
	} while (x > 0);
	while (k < w && k < 8)
		d[k++] = '0';
	while (k > 0 && n < 39)
		t[n++] = d[--k];
	return n;
}

/* Writes a value as TIMEX3 text without stdio (it runs once per hit). */
static void
format_value(const struct val *v, char *out, size_t cap)
{
	char t[40];
	size_t n = 0;

	if (cap == 0)
		return;
	switch (v->k) {
	case V_DECADE:
		if (v->n >= 0)
			n = put_num(t, n, v->n, 3);
		else
			n = put_str(t, n, "XXX");
		break;
	case V_CENTURY:
		n = put_num(t, n, v->n, 2);
		break;
	case V_REF:
		n = put_str(t, n, v->n == 0 ? "PRESENT_REF" : v->n == 1 ? "PAST_REF" :
		    "FUTURE_REF");
		break;
	default:
		if (v->y >= 0)
			n = put_num(t, n, v->y % 10000, 4);
		else
			n = put_str(t, n, "XXXX");
	}
	switch (v->k) {
	case V_DAY:
		if (v->m > 0) {
			n = put_str(t, n, "-");
			n = put_num(t, n, v->m, 2);
			n = put_str(t, n, "-");
			n = put_num(t, n, v->d, 2);
			if (v->pod[0]) {
				n = put_str(t, n, "T");
				n = put_str(t, n, v->pod);
			}
		} else
			n = put_str(t, n, "-XX-XX");
		break;
	case V_MONTH:
		if (v->m > 0) {
			n = put_str(t, n, "-");
			n = put_num(t, n, v->m, 2);
		} else
			n = put_str(t, n, "-XX");
		break;
	case V_WEEK:
	case V_WEEKEND:
		if (v->n > 0) {
			n = put_str(t, n, "-W");
			n = put_num(t, n, v->n, 2);
		} else
			n = put_str(t, n, "-WXX");
		if (v->k == V_WEEKEND)
			n = put_str(t, n, "-WE");
		break;
	case V_QUARTER:
	case V_HALF:
		n = put_str(t, n, v->k == V_QUARTER ? "-Q" : "-H");
		if (v->n > 0)
			n = put_num(t, n, v->n, 1);
		else
			n = put_str(t, n, "X");
		break;
	case V_SEASON: {
		static const char *sn[] = { "-SP", "-SU", "-FA", "-WI" };
		n = put_str(t, n, sn[(v->n - 1) & 3]);
		break;
	}
	default:
		break;
	}
	if (n >= cap)
		n = cap - 1;
	memcpy(out, t, n);
	out[n] = 0;
}

/* Sets a day value from a day number. */
static void
val_day(struct val *v, long z)
{
	v->k = V_DAY;
	np_cal_civil(z, &v->y, &v->m, &v->d);
}

/* Sets a week value from a day number. */
static void
val_week(struct val *v, long z)
{
	v->k = V_WEEK;
	np_cal_isoweek(z, &v->y, &v->n);
}

/* A value that needs the reference it does not have. */
static void
val_unres(struct val *v, enum vkind k)
{
	memset(v, 0, sizeof(*v));
	v->k = k;
	v->y = -1;
	v->unres = 1;
}

/* Shifts the reference by n units and sets v at that unit's granularity. */
static void
rel_unit(struct np_dates *d, struct val *v, int unit, int n)
{
	int y, m, q;

	if (!d->has_ref) {
		val_unres(v, unit == U_DAY ? V_DAY : unit == U_WEEK ? V_WEEK :
		    unit == U_WEEKEND ? V_WEEKEND : unit == U_MONTH ? V_MONTH :
		    unit == U_QUARTER ? V_QUARTER : unit == U_HALF ? V_HALF : V_YEAR);
		return;
	}
	memset(v, 0, sizeof(*v));
	switch (unit) {
	case U_DAY:
		val_day(v, d->rz + n);
		break;
	case U_WEEK:
	case U_FORTNIGHT:
		val_week(v, d->rz + 7L * n * (unit == U_FORTNIGHT ? 2 : 1));
		break;
	case U_WEEKEND:
		val_week(v, d->rz + 7L * n);
		v->k = V_WEEKEND;
		break;
	case U_MONTH:
		m = d->rm - 1 + n;
		y = d->ry + (m >= 0 ? m / 12 : -((11 - m) / 12));
		m = ((m % 12) + 12) % 12;
		v->k = V_MONTH;
		v->y = y;
		v->m = m + 1;
		break;
	case U_QUARTER:
		q = (d->rm - 1) / 3 + n;
		v->k = V_QUARTER;
		v->y = d->ry + (q >= 0 ? q / 4 : -((3 - q) / 4));
		v->n = ((q % 4) + 4) % 4 + 1;
		break;
	case U_HALF:
		q = (d->rm - 1) / 6 + n;
		v->k = V_HALF;
		v->y = d->ry + (q >= 0 ? q / 2 : -((1 - q) / 2));
		v->n = ((q % 2) + 2) % 2 + 1;
		break;
	case U_DECADE:
		v->k = V_DECADE;
		v->n = d->ry / 10 + n;
		break;
	case U_CENTURY:
		v->k = V_CENTURY;
		v->n = d->ry / 100 + n;
		break;
	default:
		v->k = V_YEAR;
		v->y = d->ry + n;
	}
}

/*
 * The quarter a report's "a year ago", "year-earlier" and "year-ago
 * period" step back from: the last quarter mentioned, unless it lies
 * after the reference ("through the third quarter of 1990" in a 1989
 * story), then the latest quarter completed before the reference.
 * Sets v to that quarter a year back.
 */
static void
year_back_quarter(struct np_dates *d, struct val *v)
{
	int q = d->last_q, qy = d->last_qy;

	if (d->has_ref && (qy > d->ry || (qy == d->ry && q > (d->rm - 1) / 3 + 1))) {
		rel_unit(d, v, U_QUARTER, -1);
		q = v->n;
		qy = v->y;
	}
	memset(v, 0, sizeof(*v));
	v->k = V_QUARTER;
	v->n = q;
	v->y = qy - 1;
}

/*
 * Chooses the year of a year-less month (and day): dir -1 the latest on
 * or before the reference, +1 the first on or after it, 0 by tense or
 * else the nearest.
 */
static void
resolve_year(struct scan *S, struct val *v, int dir, size_t s, size_t e)
{
	struct np_dates *d = S->d;
	long z, zp, zn;
	int dd;

	if (!d->has_ref) {
		v->y = -1;
		v->unres = 1;
		return;
	}
	dd = v->k == V_DAY ? v->d : 15;
	if (v->k != V_DAY && v->m == d->rm) {
		v->y = d->ry;
		return;
	}
	z = np_cal_days(d->ry, v->m, dd > np_cal_mdays(d->ry, v->m) ? np_cal_mdays(d->ry, v->m) : dd);
	if (z <= d->rz) {
		zp = z;
		zn = np_cal_days(d->ry + 1, v->m, 1) + dd - 1;
	} else {
		zn = z;
		zp = np_cal_days(d->ry - 1, v->m, 1) + dd - 1;
	}
	if (dir < 0)
		z = zp;
	else if (dir > 0)
		z = zn;
	else {
		/* the nearest occurrence; the tense doubles the distance
		 * of the side it speaks against */
		long dp = d->rz - zp, dn = zn - d->rz;
		int t = tense(S, s, e);
		if (t < 0)
			dn *= TENSE_WEIGHT;
		else if (t > 0)
			dp *= TENSE_WEIGHT;
		z = dp <= dn ? zp : zn;
	}
	{
		int y, m, x;
		np_cal_civil(z, &y, &m, &x);
		v->y = y;
		/* keep the day: np_cal_civil may have rolled a 29 Feb */
		if (m != v->m)
			v->y = y - (m < v->m ? 1 : 0);
	}
}

/* Resolves a weekday: dir -1 on/before, +1 on/after, -2 strictly before
 * ("last"), +2 strictly after ("next"), 3 this week. */
static void
resolve_weekday(struct scan *S, struct val *v, int wd, int dir, size_t s, size_t e)
{
	struct np_dates *d = S->d;
	int rw, diff;
	long z;

	if (!d->has_ref) {
		val_unres(v, V_DAY);
		return;
	}
	if (dir == 0) {
		dir = tense(S, s, e);
		if (dir == 0) {
			/* no tense: the nearest, the past on a tie */
			int back = (np_cal_weekday(d->rz) - wd + 7) % 7;
			dir = back <= 3 ? -1 : 1;
		}
	}
	rw = np_cal_weekday(d->rz);
	diff = wd - rw;
	if (dir == 3)
		z = d->rz + diff;
	else if (dir < 0) {
		if (diff > 0 || (diff == 0 && dir == -2))
			diff -= 7;
		z = d->rz + diff;
	} else {
		if (diff < 0 || (diff == 0 && dir == 2))
			diff += 7;
		z = d->rz + diff;
	}
	memset(v, 0, sizeof(*v));
	val_day(v, z);
}

/* ---------------------------------------------------------------- */
/* grammar */

/* A parse result. */
struct res {
	size_t s, e;
	struct val v;
	int pending;		/* numeric date waiting for the order */
	int yexp;		/* the year was written out: later "that year" */
	struct pending p;
};

/* A day number 1..31 token (optionally ordinal). */
static int
is_daynum(const struct tok *t)
{
	return t->k == TK_NUM && t->nd <= 2 && t->num >= 1 && t->num <= 31 && !t->glued && !t->dec;
}

/* A year token: 4 digits, 1000..2199, nothing glued. */
static int
is_year(const struct tok *t)
{
	return t->k == TK_NUM && t->nd == 4 && t->num >= 1000 && t->num <= 2199 &&
	    !t->glued && !t->ord && !t->dec;
}

/* Two-digit year to four, by a pivot near the reference. */
static int
year2(struct np_dates *d, int yy)
{
	int base = d->has_ref ? d->ry : 2000;
	int c = base / 100 * 100;
	int y = c + yy;

	if (y > base + 20)
		y -= 100;
	else if (y < base - 80)
		y += 100;
	return y;
}

/* The token after t is a digit run continuing a number ("2,024", "3.5"). */
static int
num_continues(struct scan *S, const struct tok *t)
{
	const char *b = S->b;
	size_t e = t->e;

	if (e + 1 < S->len && (b[e] == ',' || b[e] == '.' || b[e] == ':') &&
	    is_digit((unsigned char)b[e + 1]))
		return 1;
	if (e < S->len && (b[e] == '%'))
		return 1;
	return 0;
}

/* The number t is preceded by a digit group or a currency sign. */
static int
num_preceded(struct scan *S, const struct tok *t)
{
	const char *b = S->b;
	size_t s = t->s;

	if (s >= 2 && (b[s - 1] == ',' || b[s - 1] == '.' || b[s - 1] == ':' ||
	    b[s - 1] == '/' || b[s - 1] == '-') && is_digit((unsigned char)b[s - 2]))
		return 1;
	if (s >= 1 && (b[s - 1] == '$' || b[s - 1] == '#' || b[s - 1] == '+'))
		return 1;
	if (s >= 2 && (unsigned char)b[s - 2] == 0xc2 && (unsigned char)b[s - 1] == 0xa3)
		return 1;	/* £ */
	if (s >= 3 && (unsigned char)b[s - 3] == 0xe2 && (unsigned char)b[s - 2] == 0x82)
		return 1;	/* € and other currency signs */
	return 0;
}

/* True when the token's word is one of the NULL-terminated list w: the
 * one loop behind the small closed word classes below. */
static int
word_in(const struct tok *t, const char *const *w)
{
	for (; *w != NULL; w++)
		if (strcmp(t->w, *w) == 0)
			return 1;
	return 0;
}

/* Words before a bare year that make it a date ("in 2024"). */
static int
year_context_word(const struct tok *t)
{
	static const char *w[] = { "in", "since", "of", "by", "until", "till",
	    "from", "before", "after", "around", "circa", "during", "through",
	    "year", "fiscal", "early", "late", "mid", "to", "and", "between",
	    "im", "seit", "bis", "en", "depuis", "desde", "nel", "dal", "em",
	    "sinds", "w", "od", "do", "у", "в", "з", "с", "до", NULL };

	if (t->k != TK_WORD)
		return 0;
	return word_in(t, w);
}

/* A lower-case word that counts things: "2000 troops". */
static int
count_noun(const struct tok *t)
{
	static const char *w[] = { "people", "men", "women", "children", "feet",
	    "police", "staff", "personnel", "head", "cattle", "residents",
	    NULL };

	if (t->k != TK_WORD || !t->lower || t->wlen == 0)
		return 0;
	if (t->cls == C_UNIT || t->cls == C_MONTH || t->cls == C_ORD)
		return 0;
	if (t->wlen > 3 && t->w[t->wlen - 1] == 's' && t->w[t->wlen - 2] != 's' &&
	    strcmp(t->w, "levels") != 0)
		return 1;
	return word_in(t, w);
}

/* Street words after a house number. */
static int
street_word(const struct tok *t)
{
	static const char *w[] = { "street", "st", "avenue", "ave", "road", "rd",
	    "boulevard", "blvd", "lane", "drive", "way", "place", "square",
	    "highway", "court", "strasse", "straße", "rue", "calle", "via", NULL };

	if (t->k != TK_WORD)
		return 0;
	return word_in(t, w);
}

/* Extends r->s to the left over "early/late/mid", "the end of", "the". */
static void
extend_edges(struct scan *S, struct res *r, int allow_the)
{
	const struct tok *t1 = B(S, 1), *t2 = B(S, 2), *t3 = B(S, 3);
	int i = 1;

	/* "mid-", "late-" glued with a hyphen */
	if (is_p(t1, '-') && adj(t1, &S->f[0]) && (is_mod(t2, X_MID) ||
	    is_mod(t2, X_EARLY) || is_mod(t2, X_LATE)) && adj(t2, t1)) {
		r->s = t2->s;
		i = 3;
	} else if (is_mod(t1, X_EARLY) || is_mod(t1, X_LATE) || is_mod(t1, X_MID)) {
		r->s = t1->s;
		i = 2;
	} else if (is_word(t1, "of") && is_mod(t2, X_EDGE) && is_mod(t3, X_THE)) {
		r->s = t3->s;
		return;
	}
	if (allow_the && is_mod(B(S, i), X_THE))
		r->s = B(S, i)->s;
}

/* A spelled year at f[i] ("nineteen ninety-six", "nineteen eighty"):
 * returns the index after it and sets *y, or returns i. */
static int
spelled_year(struct scan *S, int i, int *y)
{
	const struct tok *t0 = F(S, i), *t1 = F(S, i + 1), *t2 = F(S, i + 2), *t3 = F(S, i + 3);

	if (!is_cls(t0, C_NUMW) || t0->val != 19 || !is_cls(t1, C_NUMW) ||
	    t1->val < 10 || (t1->val >= 20 && t1->val % 10 != 0))
		return i;
	*y = 1900 + t1->val;
	if (t1->val >= 20 && is_p(t2, '-') && adj(t1, t2) && adj(t2, t3) &&
	    is_cls(t3, C_NUMW) && t3->val >= 1 && t3->val <= 9) {
		*y += t3->val;
		return i + 4;
	}
	return i + 2;
}

/* Reads an optional year after a day/month at f[i]: ", 2023", "2023",
 * "de 2023", "'98", "2023 г.".  Returns the next index; sets *y. */
static int
read_year_after(struct scan *S, int i, int *y)
{
	const struct tok *t = F(S, i);
	int j = i;

	*y = -1;
	/* "10-August-2012", "09/JAN/17": the separator joins a year */
	if ((is_p(t, '-') || is_p(t, '/')) && adj(F(S, i - 1), t) && F(S, i + 1)->k == TK_NUM &&
	    adj(t, F(S, i + 1)) && (F(S, i + 1)->nd == 4 || F(S, i + 1)->nd == 2) &&
	    !F(S, i + 1)->glued && !num_continues(S, F(S, i + 1))) {
		t = F(S, i + 1);
		*y = t->nd == 4 ? (int)t->num : year2(S->d, (int)t->num);
		return i + 2;
	}
	if (is_p(t, ',') || is_word(t, "de") || is_word(t, "del") || is_word(t, "of"))
		j++;
	t = F(S, j);
	if (is_year(t) && !num_continues(S, t) && t->num >= 1000) {
		*y = (int)t->num;
		j++;
	} else if (t->k == TK_NUM && t->nd == 2 && !t->glued && !t->ord && !t->dec &&
	    !t->nl && (F(S, j + 1)->k == TK_END || F(S, j + 1)->nl ||
	    (F(S, j + 1)->k == TK_PUNCT && strchr(".,;)!?", F(S, j + 1)->c) &&
	    !num_continues(S, t)))) {
		/* "3 Aug 96", "Aug 9, 96" at the end of a phrase */
		*y = year2(S->d, (int)t->num);
		j++;
	} else if (spelled_year(S, j, y) > j) {
		j = spelled_year(S, j, y);
	} else if (is_p(t, '\'') && F(S, j + 1)->k == TK_NUM && F(S, j + 1)->nd == 2 &&
	    adj(t, F(S, j + 1)) && !F(S, j + 1)->glued) {
		*y = year2(S->d, (int)F(S, j + 1)->num);
		j += 2;
	} else
		return i;
	/* "2023 г.", "2023 року", "2023 r." */
	t = F(S, j);
	if (is_cls(t, C_YEARW) || (is_cls(t, C_UNIT) && t->val == U_YEAR &&
	    (t->w[0] == 0))) {
		j++;
		if (is_p(F(S, j), '.') && adj(F(S, j - 1), F(S, j)) && F(S, j - 1)->e - F(S, j - 1)->s <= 2)
			j++;	/* "г.", "р.", "r." */
	}
	return j;
}

/* Validity of y-m-d. */
static int
valid_ymd(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= np_cal_mdays(y < 0 ? 2000 : y, m);
}

/* Finishes a day-month(-year) parse. */
static void
set_dm(struct scan *S, struct res *r, int y, int m, int dd, int dir)
{
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_DAY;
	r->v.m = m;
	r->v.d = dd;
	if (y >= 0) {
		r->v.y = y;
		r->yexp = 1;
	} else if (S->d->no_ref_ok) {
		r->v.y = -1;
		r->v.unres = 1;
	} else
		resolve_year(S, &r->v, dir, r->s, r->e);
}

/* Direction from a "last/next/this" modifier before the anchor. */
static int
mod_dir(const struct tok *t)
{
	if (is_mod(t, X_LAST) || is_mod(t, X_PAST))
		return -2;
	if (is_mod(t, X_NEXT) || is_mod(t, X_COMING))
		return 2;
	if (is_mod(t, X_THIS) || is_mod(t, X_CURRENT))
		return 3;
	return 0;
}

/* A trailing weekday after a date ("January 11, 2010 Monday"). */
static int
trailing_weekday(struct scan *S, int i)
{
	int j = i;

	if (is_p(F(S, j), ','))
		j++;
	if (is_cls(F(S, j), C_WDAY) && !F(S, j)->nl)
		return j + 1;
	if (is_p(F(S, j), '(') && is_cls(F(S, j + 1), C_WDAY) && is_p(F(S, j + 2), ')'))
		return j + 3;
	return i;
}


/* A lower-case content word after "the May": "the May elections" (a
 * month used as an adjective), not "the March for Science". */
static int
attributive(const struct tok *t)
{
	static const char *fn[] = { "for", "of", "to", "on", "in", "at", "by",
	    "with", "and", "or", "was", "is", "will", "has", "had", NULL };
	int i;

	if (t->k != TK_WORD || !t->lower || t->wlen < 3 || t->nl)
		return 0;
	for (i = 0; fn[i]; i++)
		if (strcmp(t->w, fn[i]) == 0)
			return 0;
	return 1;
}

/* A month name at f[i0]: "October 18, 2023", "Oct. 18", "February 2024",
 * "June last year", "early March", or the month alone where it is one. */
static int
p_month(struct scan *S, int i0, struct res *r)
{
	const struct tok *m = F(S, i0), *t, *t1;
	const char *b = S->b;
	int i = i0 + 1, y, mon = m->val, dd, en = 0, j, dir;

	/* English words are capitalised; "may", "march" lower case are not dates */
	if (m->k != TK_WORD)
		return 0;
	if (m->lower && (m->w[0] != 0)) {
		/* ASCII lower-case month: only languages writing months in lower case */
		static const char *lc[] = { "mars", "mai", "juin", "juillet", "avril",
		    "janvier", "octobre", "novembre", "septembre", "enero", "febrero",
		    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
		    "setiembre", "octubre", "noviembre", "diciembre", "gennaio",
		    "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre",
		    "ottobre", "dicembre", "janeiro", "fevereiro", "maio", "junho",
		    "julho", "setembro", "outubro", "dezembro", "januari", "februari",
		    "maart", "mei", "juni", "juli", "augustus", "oktober",
		    "maj", "luty", "lutego", "marca", "maja", "lipca", "listopad",
		    "listopada", "kwietnia", "czerwca", "sierpnia", "grudnia", "marzec",
		    "lipiec", "marcu", "maju", "lipcu", "lutym", "stycznia",
		    "janv", "avr", "juil", "oct", "nov", "sept", "sep", "ene", "abr",
		    "dic", "gen", "mag", "giu", "lug", "sett", "ott", "fev", "set",
		    "out", "dez", "mrt", "okt", "dec", "jan", "feb", "apr", "jun",
		    "jul", "aug", "november", "december", "september", "april",
		    "january", "february", "june", "july", "october",
		    "agosto", NULL };
		int k, okl = 0;
		for (k = 0; lc[k]; k++)
			if (strcmp(m->w, lc[k]) == 0)
				okl = 1;
		/* English-only names ("may", "march") in lower case are words */
		if (!okl)
			return 0;
		/* lower-case English abbreviations and shared names need a number next */
		en = 1;
	}
	if (m->cls == C_MABBR) {
		t = F(S, i);
		if (is_p(t, '.') && adj(m, t))
			i++;
		else if (F(S, i)->k != TK_NUM)
			return 0;	/* "Mar", "Jan" alone: names */
		if (m->cap && m->wlen >= 3 && !m->lower && m->w[0] && (b[m->s + 1] & 0x20) == 0 &&
		    m->e - m->s > 1)
			return 0;	/* "JAN" in capitals: leave */
	}
	r->s = m->s;
	r->e = F(S, i - 1)->e;
	t = F(S, i);
	/* Month Day[-Day][,] [Year] */
	if (is_daynum(t) && !num_continues(S, t) &&
	    !(is_p(F(S, i + 1), '-') && adj(t, F(S, i + 1)) && F(S, i + 2)->k == TK_NUM &&
	    F(S, i + 2)->nd > 2)) {
		dd = (int)t->num;
		j = i + 1;
		t1 = F(S, j);
		if ((is_p(t1, '-') || is_word(t1, "to")) && is_daynum(F(S, j + 1)) &&
		    F(S, j + 1)->num > dd)
			j += 2;	/* range: the start */
		j = read_year_after(S, j, &y);
		if (y < 0 && (is_p(F(S, j), '-') || is_word(F(S, j), "to")) &&
		    (is_cls(F(S, j + 1), C_MONTH) || is_cls(F(S, j + 1), C_MABBR))) {
			/* "Aug 10 - Nov 12, 2013": the year at the end */
			int y2, k = j + 2;
			if (is_p(F(S, k), '.'))
				k++;
			if (is_daynum(F(S, k)) && (k = read_year_after(S, k + 1, &y2)) > 0 && y2 >= 0) {
				y = F(S, j + 1)->val >= mon ? y2 : y2 - 1;
				j = k;
			}
		}
		j = trailing_weekday(S, j);
		if (!valid_ymd(y, mon, dd))
			return 0;
		r->e = F(S, j - 1)->e;
		extend_edges(S, r, 0);
		set_dm(S, r, y, mon, dd, mod_dir(B(S, 1)) > 0 ? 1 : 0);
		return 1;
	}
	/* Month [,|of] Year */
	j = read_year_after(S, i, &y);
	if (y >= 0) {
		r->e = F(S, j - 1)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_MONTH;
		r->v.y = y;
		r->v.m = mon;
		r->yexp = 1;
		extend_edges(S, r, 1);
		return 1;
	}
	if (en)
		return 0;
	/* Month last/this/next year */
	t = F(S, i);
	if ((is_mod(t, X_LAST) || is_mod(t, X_THIS) || is_mod(t, X_NEXT)) &&
	    is_cls(F(S, i + 1), C_UNIT) && F(S, i + 1)->val == U_YEAR) {
		struct val yv;
		rel_unit(S->d, &yv, U_YEAR, is_mod(t, X_LAST) ? -1 : is_mod(t, X_NEXT) ? 1 : 0);
		r->e = F(S, i + 1)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_MONTH;
		r->v.m = mon;
		r->v.y = yv.y;
		r->v.unres = yv.unres;
		extend_edges(S, r, 1);
		return 1;
	}
	/* Month alone */
	t1 = B(S, 1);
	dir = mod_dir(t1);
	if (m->val == 5 || m->val == 3 || m->cls == C_MABBR) {
		/* "May", "March": only after a preposition or modifier */
		if (!(year_context_word(t1) || dir || is_word(t1, "on") ||
		    is_word(t1, "at") || is_word(t1, "for") || is_word(t1, "next") ||
		    is_mod(t1, X_EARLY) || is_mod(t1, X_LATE) || is_mod(t1, X_MID) ||
		    (is_p(t1, '-') && (is_mod(B(S, 2), X_MID) || is_mod(B(S, 2), X_LATE) ||
		    is_mod(B(S, 2), X_EARLY))) ||
		    (t1->k == TK_WORD && !t1->cap && t1->cls == C_MOD && t1->val != X_THE) ||
		    (is_mod(t1, X_THE) && attributive(F(S, i)))))
			return 0;
		if (m->cls == C_MABBR && !is_p(F(S, i0 + 1), '.'))
			return 0;
	}
	if (t1->k == TK_WORD && t1->cap && !t1->lower && t1->cls == 0 &&
	    !year_context_word(t1) && !(t1->w[0] == 0))
		return 0;	/* "Theresa May", "Brian August" */
	if ((is_p(F(S, i), '\'') && m->val == 5) || (F(S, i)->k == TK_WORD && F(S, i)->cap &&
	    F(S, i)->cls == 0 && !F(S, i)->nl && m->val != 8))
		return 0;	/* "May's" (Theresa May's), "March Madness" */
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_MONTH;
	r->v.m = mon;
	if (dir)
		r->s = t1->s;
	else	/* "the" stays out of "the May elections" */
		extend_edges(S, r, !(is_mod(t1, X_THE) && attributive(F(S, i))));
	if (dir == 3) {
		if (S->d->has_ref)
			r->v.y = S->d->ry;
		else
			r->v.y = -1, r->v.unres = 1;
	} else if (S->d->no_ref_ok) {
		r->v.y = -1;
		r->v.unres = 1;
	} else {
		resolve_year(S, &r->v, dir < 0 ? -1 : dir > 0 ? 1 : 0, r->s, r->e);
		if (dir == -2 && S->d->has_ref && r->v.y == S->d->ry && mon == S->d->rm)
			r->v.y--;
		if (dir == 2 && S->d->has_ref && r->v.y == S->d->ry && mon == S->d->rm)
			r->v.y++;
	}
	return 1;
}

/* Registers numeric-order evidence and returns the separator index. */
static int
sep_index(int c)
{
	return c == '/' ? 0 : c == '-' ? 1 : 2;
}

static int unit_plural(const struct tok *t);

/* Numbers: ISO dates, numeric dates, day-month, years, decades,
 * centuries, "N units ago". */
static int
p_number(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	static const struct tok none = { .k = TK_END };
	const struct tok *t0 = F(S, 0), *t1, *t2, *t3, *t4, *t5, *b1;
	int y, j, i;

	if (t0->glued)
		return 0;
	/* digit runs after a digit group belong to that number */
	if (num_preceded(S, t0))
		return 0;
	t1 = F(S, 1);
	t2 = t3 = t4 = &none;
	if (t1->k == TK_PUNCT && adj(t0, t1)) {
		t2 = F(S, 2);
		t3 = F(S, 3);
		t4 = F(S, 4);
	}
	/* ISO and year-first: 2023-10-18, 2023/10/18, 2023.10.18 */
	if (t0->nd == 4 && !t0->ord && !t0->dec && t1->k == TK_PUNCT &&
	    (t1->c == '-' || t1->c == '/' || t1->c == '.') && adj(t0, t1) &&
	    t2->k == TK_NUM && t2->nd <= 2 && adj(t1, t2) && is_p(t3, t1->c) &&
	    adj(t2, t3) && t4->k == TK_NUM && t4->nd <= 2 && adj(t3, t4) &&
	    (!t4->glued || (S->b[t4->s + t4->nd] == 'T' && t4->s + t4->nd + 1 < S->len &&
	    is_digit((unsigned char)S->b[t4->s + t4->nd + 1])))) {
		t5 = F(S, 5);
		if (!(t5->k == TK_PUNCT && (t5->c == t1->c || t5->c == ':') && adj(t4, t5) &&
		    F(S, 6)->k == TK_NUM && adj(t5, F(S, 6))) &&
		    valid_ymd((int)t0->num, (int)t2->num, (int)t4->num)) {
			r->s = t0->s;
			r->e = t4->s + t4->nd;
			memset(&r->v, 0, sizeof(r->v));
			r->v.k = V_DAY;
			r->v.y = (int)t0->num;
			r->v.m = (int)t2->num;
			r->v.d = (int)t4->num;
			/* "2023-10-18T10:00" keeps just the date */
			return 1;
		}
		return 0;
	}
	/* year first with a month name: "2012/Aug/10", "2018 March 18" */
	if (t0->nd == 4 && is_year(t0) && !num_continues(S, t0)) {
		const struct tok *m = F(S, 1), *dy = F(S, 2);
		int k = 3;
		if ((is_p(m, '/') || is_p(m, '-')) && adj(t0, m)) {
			m = F(S, 2);
			dy = F(S, 4);
			k = 5;
			if (!(adj(F(S, 1), m) && is_p(F(S, 3), F(S, 1)->c) && adj(m, F(S, 3)) &&
			    adj(F(S, 3), dy)))
				m = &none;
		}
		if ((is_cls(m, C_MONTH) || is_cls(m, C_MABBR)) && !m->nl && is_daynum(dy) &&
		    !num_continues(S, dy) && !is_p(F(S, k), ':') &&
		    !(F(S, k)->k == TK_WORD && is_cls(F(S, k), C_UNIT)) &&
		    valid_ymd((int)t0->num, m->val, (int)dy->num) &&
		    !(m->lower && m->w[0] && (strcmp(m->w, "may") == 0 || strcmp(m->w, "march") == 0))) {
			r->s = t0->s;
			r->e = dy->e;
			memset(&r->v, 0, sizeof(r->v));
			r->v.k = V_DAY;
			r->v.y = (int)t0->num;
			r->v.m = m->val;
			r->v.d = (int)dy->num;
			r->yexp = 1;
			return 1;
		}
	}
	/* all-numeric: d/m/y or m/d/y */
	if (t0->nd <= 2 && !t0->ord && t1->k == TK_PUNCT &&
	    (t1->c == '-' || t1->c == '/' || t1->c == '.') && adj(t0, t1) &&
	    t2->k == TK_NUM && t2->nd <= 2 && adj(t1, t2) && is_p(t3, t1->c) &&
	    adj(t2, t3) && t4->k == TK_NUM && (t4->nd == 2 || t4->nd == 4) &&
	    adj(t3, t4) && !t4->glued && !t4->ord) {
		int a = (int)t0->num, bb = (int)t2->num, c = (int)t4->num;
		int sep = t1->c, yy, mm, dd;
		t5 = F(S, 5);
		if (t5->k == TK_PUNCT && (t5->c == sep || t5->c == '.' || t5->c == ':') &&
		    adj(t4, t5) && F(S, 6)->k == TK_NUM && adj(t5, F(S, 6)))
			return 0;	/* 1.2.10.4, an address, a longer number */
		if (sep == '.' && t4->nd != 4 && (t0->nd != 2 || t2->nd != 2))
			return 0;	/* version numbers 2.10.30 */
		yy = t4->nd == 2 ? year2(d, c) : c;
		r->s = t0->s;
		r->e = t4->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DAY;
		r->v.y = yy;
		if (d->o.order == NP_DATES_ORDER_YMD) {
			/* yy/mm/dd */
			if (t0->nd != 2 || !valid_ymd(year2(d, a), bb, c))
				return 0;
			r->v.y = year2(d, a);
			r->v.m = bb;
			r->v.d = c;
			return 1;
		}
		if (!valid_ymd(yy, a, bb) && !valid_ymd(yy, bb, a))
			return 0;
		if (a > 12 || d->o.order == NP_DATES_ORDER_DMY) {
			mm = bb;
			dd = a;
		} else if (bb > 12 || d->o.order == NP_DATES_ORDER_MDY) {
			mm = a;
			dd = bb;
		} else {
			mm = bb;
			dd = a;
			if (a != bb) {
				r->pending = 1;
				r->p.a = a;
				r->p.b = bb;
				r->p.c = yy;
				r->p.sep = sep;
			}
		}
		if (a > 12 && bb <= 12)
			d->order_dmy[sep_index(sep)]++;
		else if (bb > 12 && a <= 12)
			d->order_mdy[sep_index(sep)]++;
		if (!valid_ymd(yy, mm, dd))
			return 0;
		r->v.m = mm;
		r->v.d = dd;
		return 1;
	}
	/* Day [.|th] [of|de] Month [Year], and ranges "17-19 October 2022" */
	if (is_daynum(t0) || (t0->ord && t0->nd <= 2 && t0->num >= 1 && t0->num <= 31)) {
		i = 1;
		if ((is_p(F(S, i), '-') || is_word(F(S, i), "to")) && is_daynum(F(S, i + 1)) &&
		    F(S, i + 1)->num > t0->num)
			i += 2;
		if (is_p(F(S, i), '.') && adj(F(S, i - 1), F(S, i)))
			i++;
		else if ((is_p(F(S, i), '-') || is_p(F(S, i), '/')) && adj(F(S, i - 1), F(S, i)) &&
		    (is_cls(F(S, i + 1), C_MONTH) || is_cls(F(S, i + 1), C_MABBR)) &&
		    adj(F(S, i), F(S, i + 1)))
			i++;	/* "10-August-2012", "09/JAN/2017" */
		if (is_word(F(S, i), "of") || is_word(F(S, i), "de"))
			i++;
		t2 = F(S, i);
		if ((is_cls(t2, C_MONTH) || is_cls(t2, C_MABBR)) && !t2->nl) {
			int mon = t2->val;
			if (is_cls(t2, C_MONTH) && t2->lower && t2->w[0]) {
				/* ASCII lower-case: "12 may" is no English date */
				if (strcmp(t2->w, "may") == 0 || strcmp(t2->w, "march") == 0)
					return 0;
			}
			i++;
			if (is_cls(t2, C_MABBR) && is_p(F(S, i), '.') && adj(t2, F(S, i)))
				i++;
			j = read_year_after(S, i, &y);
			if (is_p(F(S, i), ',') && y < 0)
				j = i;
			if (y < 0 && (is_p(F(S, j), '-') || is_word(F(S, j), "to")) &&
			    is_daynum(F(S, j + 1)) && (is_cls(F(S, j + 2), C_MONTH) ||
			    is_cls(F(S, j + 2), C_MABBR))) {
				/* "10 August - 12 September 2013": the year at the end */
				int y2, k = read_year_after(S, j + 3, &y2);
				if (y2 >= 0) {
					y = F(S, j + 2)->val >= mon ? y2 : y2 - 1;
					j = k;
				}
			}
			j = trailing_weekday(S, j);
			if (!valid_ymd(y, mon, (int)t0->num))
				return 0;
			r->s = t0->s;
			r->e = F(S, j - 1)->e;
			/* "le 18", "el 18", "am 18." stay outside the span */
			set_dm(S, r, y, mon, (int)t0->num, 0);
			return 1;
		}
	}
	/* ordinal century: "20th century", "the 21st century" */
	if (t0->ord && is_cls(t1, C_UNIT) && t1->val == U_CENTURY && t0->num >= 1 && t0->num <= 30) {
		r->s = t0->s;
		r->e = t1->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_CENTURY;
		r->v.n = (int)t0->num - 1;
		extend_edges(S, r, 1);
		return 1;
	}
	/* N units ago / in N units: handled from the unit */
	if (is_cls(t1, C_UNIT) && t0->nd <= 3 && !t0->ord)
		return 0;
	/* decade: 1990s, 1990's */
	if (t0->nd == 4 && t0->num % 10 == 0 && t0->num >= 1000 && t0->num <= 2190 &&
	    (t0->dec || (is_p(t1, '\'') && adj(t0, t1) && is_word(t2, "s") && adj(t1, t2)))) {
		r->s = t0->s;
		r->e = t0->dec ? t0->e : t2->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DECADE;
		r->v.n = (int)t0->num / 10;
		extend_edges(S, r, 1);
		return 1;
	}
	/* a year */
	if (is_year(t0) && !num_continues(S, t0)) {
		int ctx;
		b1 = B(S, 1);
		ctx = year_context_word(b1) || is_cls(b1, C_FISCAL) || is_cls(b1, C_MONTH) ||
		    (is_p(b1, '-') && (is_mod(B(S, 2), X_MID) || is_mod(B(S, 2), X_LATE) ||
		    is_mod(B(S, 2), X_EARLY)));
		/* 1998-99, 2009-2010: the first year */
		if (is_p(t1, '-') && adj(t0, t1) && t2->k == TK_NUM && adj(t1, t2) &&
		    !(t2->nd == 2 || t2->nd == 4))
			return 0;
		if (is_p(t1, '-') && adj(t0, t1) && t2->k == TK_WORD && adj(t1, t2))
			return 0;	/* "2000-strong", "1,000-year" */
		if (t0->num < 1900 && !ctx)
			return 0;
		if (t0->num >= 2100 && !ctx)
			return 0;
		if (!ctx && count_noun(t1))
			return 0;
		if (!ctx && (street_word(t1) || (t1->k == TK_WORD && t1->cap && street_word(F(S, 2)))))
			return 0;	/* "2000 Main Street" */
		/* "the 1988 second quarter" */
		if (is_cls(t1, C_ORD) && is_cls(F(S, 2), C_UNIT) && (F(S, 2)->val == U_QUARTER || F(S, 2)->val == U_HALF))
			return 0;	/* done from the unit */
		r->s = t0->s;
		r->e = t0->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_YEAR;
		r->v.y = (int)t0->num;
		r->yexp = 1;
		if (is_mod(b1, X_THE) && is_cls(t1, C_UNIT) && (t1->val == U_PERIOD ||
		    t1->val == U_QUARTER) && !unit_plural(t1)) {
			/* "the 1988 period": the quarter in view, that year */
			r->s = b1->s;
			r->e = t1->e;
			if (d->last_q) {
				r->v.k = V_QUARTER;
				r->v.n = d->last_q;
			}
			return 1;
		}
		if (is_cls(b1, C_FISCAL))
			r->s = b1->s;
		else
			extend_edges(S, r, 0);
		return 1;
	}
	return 0;
}

/* "'80s", "'98" */
static int
p_apos(struct scan *S, struct res *r)
{
	const struct tok *t1 = F(S, 1);

	if (t1->k != TK_NUM || t1->nd != 2 || !adj(F(S, 0), t1))
		return 0;
	if (t1->dec && t1->num % 10 == 0) {
		r->s = F(S, 0)->s;
		r->e = t1->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DECADE;
		r->v.n = 190 + (int)t1->num / 10;
		extend_edges(S, r, 1);
		return 1;
	}
	return 0;
}

/* A year-less date with its weekday ("Friday, January 17"): when the
 * year chosen by tense does not give that weekday and the year before
 * or after does, on the same side of the reference (the tense still
 * holds), take that one. */
static void
weekday_year(const struct np_dates *d, struct val *v, int wd)
{
	int k, best = 0;
	long bd = LONG_MAX, z0;

	if (!valid_ymd(v->y, v->m, v->d))
		return;
	z0 = np_cal_days(v->y, v->m, v->d);
	if (np_cal_weekday(z0) == wd)
		return;
	for (k = -1; k <= 1; k += 2) {
		long z, dist;
		if (!valid_ymd(v->y + k, v->m, v->d))
			continue;
		z = np_cal_days(v->y + k, v->m, v->d);
		if (np_cal_weekday(z) != wd || (z < d->rz) != (z0 < d->rz))
			continue;
		dist = z > d->rz ? z - d->rz : d->rz - z;
		if (dist < bd) {
			bd = dist;
			best = k;
		}
	}
	v->y += best;
}

/* Weekdays: with a date after them, or alone resolved by tense. */
static int
p_weekday(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *t1, *b1;
	int i = 1, dir;
	struct scan sub;

	/* weekday names are no other English word: any case will do */
	if (w->cls == C_WABBR) {
		if (is_p(F(S, 1), '.') && adj(w, F(S, 1)))
			i++;
		if (is_p(F(S, i), ','))
			i++;
		if (w->lower)
			return 0;
	} else {
		if (is_p(F(S, i), ','))
			i++;
	}
	/* a date after the weekday: parse it from there */
	t1 = F(S, i);
	if (t1->k == TK_NUM || is_cls(t1, C_MONTH) || is_cls(t1, C_MABBR)) {
		sub = *S;
		sub.anchor = t1->s;
		sub.nf = 0;
		sub.nb = 0;
		sub.min = w->s;
		if ((t1->k == TK_NUM ? p_number(&sub, r) : p_month(&sub, 0, r)) &&
		    r->v.k == V_DAY) {
			if (r->pending) {
				/* the weekday tells the order of 12/7/2014 */
				int dmy = valid_ymd(r->p.c, r->p.b, r->p.a) &&
				    np_cal_weekday(np_cal_days(r->p.c, r->p.b, r->p.a)) == w->val;
				int mdy = valid_ymd(r->p.c, r->p.a, r->p.b) &&
				    np_cal_weekday(np_cal_days(r->p.c, r->p.a, r->p.b)) == w->val;
				if (dmy == mdy) {
					memset(r, 0, sizeof(*r));
					goto alone;
				}
				r->pending = 0;
				r->v.m = mdy ? r->p.a : r->p.b;
				r->v.d = mdy ? r->p.b : r->p.a;
			}
			if (!r->yexp && r->v.y > 0 && r->v.m > 0 && S->d->has_ref)
				weekday_year(S->d, &r->v, w->val);
			r->s = w->s;
			return 1;
		}
		memset(r, 0, sizeof(*r));
	}
alone:
	if (w->cls == C_WABBR)
		return 0;
	r->s = w->s;
	r->e = w->e;
	/* "Tuesday of next week" */
	if (is_word(F(S, 1), "of") && (is_mod(F(S, 2), X_LAST) || is_mod(F(S, 2), X_NEXT) ||
	    is_mod(F(S, 2), X_THIS)) && is_cls(F(S, 3), C_UNIT) && F(S, 3)->val == U_WEEK) {
		long mon;
		r->e = F(S, 3)->e;
		memset(&r->v, 0, sizeof(r->v));
		if (!S->d->has_ref || S->d->no_ref_ok) {
			val_unres(&r->v, V_DAY);
			return 1;
		}
		mon = S->d->rz - np_cal_weekday(S->d->rz) + 1 +
		    (is_mod(F(S, 2), X_LAST) ? -7 : is_mod(F(S, 2), X_NEXT) ? 7 : 0);
		val_day(&r->v, mon + w->val - 1);
		return 1;
	}
	/* "Sunday night", "Tuesday morning" */
	t1 = F(S, 1);
	if (is_cls(t1, C_PART) && !t1->nl)
		r->e = t1->e;
	b1 = B(S, 1);
	dir = mod_dir(b1);
	if (is_mod(b1, X_COMING) && is_mod(B(S, 2), X_THIS)) {
		dir = 2;
		r->s = B(S, 2)->s;
	} else if (dir) {
		r->s = b1->s;
		if (is_mod(b1, X_PAST) && is_mod(B(S, 2), X_THE))
			r->s = B(S, 2)->s;
	} else if (is_mod(b1, X_EARLIER) || is_mod(b1, X_LATER) || is_mod(b1, X_EARLY) ||
	    is_mod(b1, X_LATE)) {
		r->s = b1->s;
	}
	if (is_mod(b1, X_EARLIER))
		dir = -1;
	else if (!dir && is_p(F(S, 1), '\'') && adj(w, F(S, 1)) && is_word(F(S, 2), "s"))
		dir = -1;	/* "Wednesday's ruling" happened */
	else if (is_mod(b1, X_LATER))
		dir = 0;
	if (S->d->no_ref_ok) {
		val_unres(&r->v, V_DAY);
		return 1;
	}
	resolve_weekday(S, &r->v, w->val, dir, r->s, r->e);
	return 1;
}

/* today, yesterday, tomorrow and their kin. */
static int
p_deictic(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *b2, *b3;
	int off = w->val;

	if (strcmp(w->w, "morgen") == 0 && w->cap)
		return 0;	/* "Morgen": morning */
	if (strcmp(w->w, "hier") == 0 && w->cap)
		return 0;
	if (w->w[0] == 0 && w->cap && strcmp(w->w, "manana") == 0)
		return 0;
	if (is_word(b1, "la") || is_word(b1, "de") || is_word(b1, "esta"))
		if (w->wlen == 0)	/* "por la mañana" */
			return 0;
	r->s = w->s;
	r->e = w->e;
	b2 = B(S, 2);
	b3 = B(S, 3);
	/* the day before yesterday / after tomorrow */
	if ((is_word(b1, "before") || is_word(b1, "after")) && is_cls(b2, C_UNIT) &&
	    b2->val == U_DAY && is_word(b2, "day")) {
		off += is_word(b1, "before") ? -1 : 1;
		r->s = is_mod(b3, X_THE) ? b3->s : b2->s;
	} else if (is_mod(b1, X_EARLIER) || is_mod(b1, X_LATER) || is_mod(b1, X_EARLY) ||
	    is_mod(b1, X_LATE))
		r->s = b1->s;
	if (S->d->no_ref_ok || !S->d->has_ref) {
		val_unres(&r->v, V_DAY);
		return 1;
	}
	memset(&r->v, 0, sizeof(r->v));
	val_day(&r->v, S->d->rz + off);
	return 1;
}

/* now, currently, recently, the future... */
static int
p_ref(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *t1 = F(S, 1);

	r->s = w->s;
	r->e = w->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_REF;
	r->v.n = w->val;
	if (strcmp(w->w, "recent") == 0 || strcmp(w->w, "future") == 0) {
		/* "recent years", "the future", "the near future", "future quarters" */
		if (is_cls(t1, C_UNIT) && unit_plural(t1) && !t1->nl)
			r->e = t1->e;
		else if (!(strcmp(w->w, "future") == 0 && (is_mod(b1, X_THE) ||
		    (is_mod(b1, X_NEAR) && is_mod(B(S, 2), X_THE)))))
			return 0;
		if (is_mod(b1, X_THE))
			r->s = b1->s;
		else if (is_mod(b1, X_NEAR) && is_mod(B(S, 2), X_THE))
			r->s = B(S, 2)->s;
		return 1;
	}
	if (strcmp(w->w, "now") == 0) {
		if (is_word(t1, "that") || is_word(b1, "right") || is_word(b1, "by") ||
		    is_word(b1, "until") || is_word(b1, "from"))
			return strcmp(b1->w, "right") == 0 ? (r->s = b1->s, 1) : 1;
	}
	if (strcmp(w->w, "past") == 0) {
		/* "the past" (not "the past year": the unit does that) */
		if (!is_mod(b1, X_THE) || t1->k == TK_NUM || is_cls(t1, C_UNIT) ||
		    is_cls(t1, C_NUMW) || is_word(t1, "few") || is_word(t1, "several") ||
		    is_word(t1, "couple"))
			return 0;
		r->s = b1->s;
		r->v.n = 1;
		return 1;
	}
	return 1;
}

/* A number before a unit: digits or a number word; returns its value
 * (or -2 for vague "few", 0 for none). */
static long
unit_count(const struct tok *t)
{
	if (t->k == TK_NUM && !t->ord && !t->glued && t->nd <= 3)
		return t->num;
	if (is_cls(t, C_NUMW))
		return t->val;
	return 0;
}

/* Is the unit token plural (English "years", others by lexicon)? */
static int
unit_plural(const struct tok *t)
{
	return t->wlen > 0 && t->w[t->wlen - 1] == 's';
}

/*
 * "the weekend", "this weekend", "last weekend": the ISO week of its
 * Saturday.  Early in the week (Monday, Tuesday) and not looking ahead,
 * "the weekend" is the one just past.
 */
static void
weekend(struct scan *S, struct res *r, int dir)
{
	struct np_dates *d = S->d;
	long sat;
	int wd;

	if (!d->has_ref) {
		val_unres(&r->v, V_WEEKEND);
		return;
	}
	wd = np_cal_weekday(d->rz);
	sat = d->rz - wd + 6;	/* Saturday of the reference week */
	if (dir == 0) {
		int t = tense(S, r->s, r->e);
		if (t < 0 || (t == 0 && wd <= 2))
			dir = -1;	/* the weekend just past */
	}
	if (dir < 0 && sat > d->rz)
		sat -= 7;
	else if (dir > 0)
		sat += 7;
	memset(&r->v, 0, sizeof(r->v));
	val_week(&r->v, sat);
	r->v.k = V_WEEKEND;
}

/* Units: "last week", "three days ago", "this year", "the third quarter". */
static int
p_unit(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	const struct tok *u = F(S, 0), *t1 = F(S, 1), *b1 = B(S, 1), *b2 = B(S, 2), *b3 = B(S, 3);
	const struct tok *m1, *m2;
	int unit = u->val, k, dir, y;
	long n;

	r->s = u->s;
	r->e = u->e;
	memset(&r->v, 0, sizeof(r->v));
	if (unit == U_FORTNIGHT)
		unit = U_WEEK;
	/* N units ago / vor N Tagen / il y a N jours / in N days */
	n = unit_count(b1);
	k = 2;
	if (n == 0 && (is_word(b1, "few") || is_word(b1, "several") || is_word(b1, "couple"))) {
		n = -2;
		if (is_word(b1, "couple") && is_word(B(S, 2), "a"))
			k = 3;
		else if (is_word(B(S, 2), "a"))
			k = 3;
	} else if (n == 0 && is_word(b1, "of") && is_word(b2, "couple") && is_word(b3, "a")) {
		n = -2;
		k = 4;
	}
	if (n != 0 && unit != U_QUARTER && unit != U_HALF && unit != U_WEEKEND) {
		const struct tok *pre = B(S, k), *pre2 = B(S, k + 1), *pre3 = B(S, k + 2);
		int sign = 0;
		size_t s = n == -2 ? B(S, k - 1)->s : b1->s, e = u->e;
		if (is_cls(t1, C_AGO) || (is_word(t1, "earlier") && unit >= U_MONTH)) {
			sign = -1;
			e = t1->e;
		} else if (is_word(t1, "from") && is_word(F(S, 2), "now")) {
			sign = 1;	/* "five days from now" */
			e = F(S, 2)->e;
		} else if (is_word(t1, "hence")) {
			sign = 1;
			e = t1->e;
		} else if (is_cls(pre, C_PREP)) {
			sign = pre->val;
			s = pre->s;
			if (is_word(pre, "in") && !(n > 0))
				sign = 0;
			if (sign > 0 && (is_word(t1, "time") || is_mod(B(S, k + 1), X_THE)))
				sign = 0;
		} else if (is_word(pre, "a") && is_word(pre2, "y") && is_word(pre3, "il")) {
			sign = -1;	/* il y a trois jours */
			s = pre3->s;
		}
		if (sign == 0)
			return 0;
		if (sign < 0 && (is_word(pre, "about") || is_word(pre, "nearly") ||
		    is_word(pre, "almost") || is_word(pre, "some") || is_word(pre, "around") ||
		    is_word(pre, "roughly") || is_word(pre, "just") || is_word(pre, "only")))
			s = pre->s;
		r->s = s;
		r->e = e;
		if (n == -2) {
			if (unit == U_YEAR && d->has_ref) {
				r->v.k = V_DECADE;
				r->v.n = d->ry / 10 - (d->ry % 10 < 3 ? 1 : 0);
			} else {
				r->v.k = V_REF;
				r->v.n = sign < 0 ? 1 : 2;
			}
			return 1;
		}
		if (unit == U_YEAR && n == 1 && sign < 0 && d->last_q && d->has_ref) {
			/* "a year ago" in a quarterly report: that quarter */
			year_back_quarter(d, &r->v);
			return 1;
		}
		if (unit == U_PERIOD)
			return 0;
		if ((unit == U_WEEK && n <= 2) || (unit == U_FORTNIGHT && n == 1))
			/* near: the day ("a week ago"); far: the week ("six weeks ago") */
			rel_unit(d, &r->v, U_DAY, (int)(sign * n * 7 * (unit == U_WEEK ? 1 : 2)));
		else if (unit == U_DECADE)
			rel_unit(d, &r->v, U_YEAR, (int)(sign * n * 10));
		else if (unit == U_CENTURY)
			rel_unit(d, &r->v, U_YEAR, (int)(sign * n * 100));
		else
			rel_unit(d, &r->v, unit, (int)(sign * n));
		return 1;
	}
	/* plural: "recent years", "the coming weeks", "the past few months" */
	if (unit_plural(u)) {
		if (is_mod(b1, X_COMING) || (is_mod(b1, X_NEXT) && is_mod(b2, X_THE))) {
			r->s = is_mod(b2, X_THE) ? b2->s : b1->s;
			r->v.k = V_REF;
			r->v.n = 2;
			return 1;
		}
		if ((is_word(b1, "few") || is_word(b1, "several")) && (is_mod(b2, X_PAST) ||
		    is_mod(b2, X_LAST)) && is_mod(b3, X_THE)) {
			r->s = b3->s;
			r->v.k = V_REF;
			r->v.n = 1;
			return 1;
		}
		return 0;
	}
	/* ordinal quarters and halves: "the third quarter", "third-quarter",
	 * "the first half of 2010", "the 1988 second quarter" */
	if (unit == U_QUARTER || unit == U_HALF) {
		const struct tok *o = b1;
		int oi = 1;
		if (is_p(b1, '-') && adj(b1, u))
			o = b2, oi = 2;
		if (is_cls(o, C_ORD) && o->val > 0 && o->val <= (unit == U_QUARTER ? 4 : 2)) {
			const struct tok *bb = B(S, oi + 1), *bb2 = B(S, oi + 2);
			r->s = o->s;
			y = -1;
			if (is_cls(bb, C_FISCAL)) {
				r->s = bb->s;
				bb = B(S, oi + 2);
				bb2 = B(S, oi + 3);
			}
			if (is_year(bb)) {
				y = (int)bb->num;
				r->s = bb->s;
				bb = bb2;
			} else if (is_word(bb, "s") && is_p(bb2, '\'') && is_cls(B(S, oi + 3), C_UNIT) &&
			    B(S, oi + 3)->val == U_YEAR) {
				/* this year's / last year's third quarter */
				const struct tok *m = B(S, oi + 4);
				struct val yv;
				rel_unit(d, &yv, U_YEAR, is_mod(m, X_LAST) ? -1 : is_mod(m, X_NEXT) ? 1 : 0);
				y = yv.y;
				if (mod_dir(m))
					r->s = m->s;
				bb = B(S, oi + 5);
			}
			if (is_mod(bb, X_THE))
				r->s = bb->s;
			/* "of 2010", "2010" after */
			k = 1;
			if (is_word(t1, "of") || is_p(t1, ','))
				k = 2;
			if (y < 0 && is_year(F(S, k)) && !num_continues(S, F(S, k))) {
				y = (int)F(S, k)->num;
				r->e = F(S, k)->e;
			}
			r->v.k = unit == U_QUARTER ? V_QUARTER : V_HALF;
			r->v.n = o->val;
			if (y < 0) {
				if (d->has_ref)
					y = d->ry;
				else
					r->v.unres = 1;
			}
			r->v.y = y;
			if (unit == U_QUARTER) {
				d->last_q = o->val;
				d->last_qy = y;
			}
			return 1;
		}
	}
	/* anaphora: "that year", "later that year", "the following year",
	 * "the previous year", "that quarter" follow the last one written */
	if ((unit == U_YEAR && d->last_y && (is_mod(b1, X_THAT) || ((is_word(b1, "following") ||
	    is_word(b1, "previous") || is_word(b1, "prior") || is_word(b1, "preceding")) &&
	    is_mod(b2, X_THE)))) || (unit == U_QUARTER && d->last_q && is_mod(b1, X_THAT))) {
		r->s = is_mod(b1, X_THAT) ? b1->s : b2->s;
		if (is_mod(b1, X_THAT) && (is_mod(b2, X_LATER) || is_mod(b2, X_EARLIER)))
			r->s = b2->s;
		memset(&r->v, 0, sizeof(r->v));
		if (unit == U_QUARTER) {
			r->v.k = V_QUARTER;
			r->v.n = d->last_q;
			r->v.y = d->last_qy;
		} else {
			r->v.k = V_YEAR;
			r->v.y = d->last_y + (is_word(b1, "following") ? 1 : is_mod(b1, X_THAT) ? 0 : -1);
		}
		return 1;
	}
	/* last/next/this unit, early this year, the past year; "fiscal" and
	 * "full" may stand between ("the current fiscal year") */
	k = 1;
	if (is_cls(b1, C_FISCAL) || is_word(b1, "full") || is_word(b1, "calendar"))
		k = 2;
	m1 = B(S, k);
	m2 = B(S, k + 1);
	dir = 0;
	if (is_mod(m1, X_LAST) || is_mod(m1, X_PAST))
		dir = -1;
	else if (is_mod(m1, X_NEXT) || is_mod(m1, X_COMING))
		dir = 1;
	if (unit == U_DAY)
		return 0;	/* "the next day": relative to the story, not the reference */
	if (unit == U_YEAR && dir && is_p(t1, '\'') && adj(u, t1) && is_word(F(S, 2), "s") &&
	    is_cls(F(S, 3), C_ORD) && is_cls(F(S, 4), C_UNIT) &&
	    (F(S, 4)->val == U_QUARTER || F(S, 4)->val == U_HALF))
		return 0;	/* "next year's first quarter": the quarter takes it */
	if ((dir || is_mod(m1, X_THIS) || is_mod(m1, X_CURRENT) || is_mod(m1, X_LATEST)) &&
	    (unit != U_PERIOD || is_mod(m1, X_LATEST))) {
		if (is_mod(m1, X_LATEST)) {
			if (unit != U_QUARTER && unit != U_PERIOD)
				return 0;
			rel_unit(d, &r->v, U_QUARTER, -1);	/* the last one completed */
		} else if (unit == U_HALF && is_word(m1, "last") && is_mod(m2, X_THE)) {
			r->v.k = V_HALF;	/* "the last half": the second */
			r->v.n = 2;
			r->v.y = d->has_ref ? d->ry : -1;
			r->v.unres = !d->has_ref;
		} else if (unit == U_WEEKEND)
			weekend(S, r, dir);
		else
			rel_unit(d, &r->v, unit, dir);
		r->s = m1->s;
		if (is_mod(m2, X_THE) && !is_mod(m1, X_THIS))
			r->s = m2->s;
		else if (is_mod(m2, X_EARLIER) || is_mod(m2, X_LATER) || is_mod(m2, X_EARLY) ||
		    is_mod(m2, X_LATE) || is_mod(m2, X_MID))
			r->s = m2->s;
		else if (is_mod(m2, X_THIS) && is_mod(m1, X_PAST))
			r->s = m2->s;	/* "this past week" */
		if ((unit == U_HALF || unit == U_QUARTER) && is_word(t1, "of") &&
		    is_year(F(S, 2)) && !num_continues(S, F(S, 2))) {
			r->v.y = (int)F(S, 2)->num;
			r->e = F(S, 2)->e;
		}
		if (r->v.k == V_QUARTER && unit == U_QUARTER) {
			d->last_q = r->v.n;
			d->last_qy = r->v.y;
		}
		if (unit == U_DECADE && dir < 0 && d->has_ref) {
			r->v.k = V_DECADE;
			r->v.n = d->ry / 10 - 1;
		}
		return 1;
	}
	/* "year-ago", "year-earlier" (the same period a year back) */
	if (unit == U_YEAR && is_p(t1, '-') && adj(u, t1) && (is_word(F(S, 2), "ago") ||
	    is_word(F(S, 2), "earlier"))) {
		const struct tok *t3 = F(S, 3);
		r->e = F(S, 2)->e;
		if (is_cls(t3, C_ORD) && is_cls(F(S, 4), C_UNIT) && (F(S, 4)->val == U_QUARTER ||
		    F(S, 4)->val == U_HALF) && t3->val > 0 && d->has_ref) {
			r->e = F(S, 4)->e;
			r->v.k = F(S, 4)->val == U_QUARTER ? V_QUARTER : V_HALF;
			r->v.n = t3->val;
			r->v.y = d->ry - 1;
		} else if (((is_cls(t3, C_UNIT) && t3->val == U_QUARTER) || is_word(t3, "period")) &&
		    d->last_q) {
			r->e = t3->e;
			year_back_quarter(d, &r->v);
		} else
			rel_unit(d, &r->v, U_YEAR, -1);
		if (is_mod(b1, X_THE))
			r->s = b1->s;
		else if (is_word(b1, "comparable") && is_mod(b2, X_THE))
			r->s = b2->s;
		return 1;
	}
	/* "the year two thousand (and five)": a spoken year */
	if (unit == U_YEAR && is_mod(b1, X_THE) && is_cls(t1, C_NUMW) && t1->val >= 1 &&
	    t1->val <= 9 && is_word(F(S, 2), "thousand")) {
		int k2 = 3;
		r->s = b1->s;
		r->e = F(S, 2)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_YEAR;
		r->v.y = 1000 * t1->val;
		if (is_word(F(S, 3), "and"))
			k2 = 4;
		if (is_cls(F(S, k2), C_NUMW) && F(S, k2)->val >= 1 && F(S, k2)->val <= 20) {
			r->v.y += F(S, k2)->val;
			r->e = F(S, k2)->e;
		}
		d->last_y = r->v.y;
		return 1;
	}
	/* "the year", "the quarter", "the week", "the fiscal year" */
	if (is_mod(m1, X_THE) && (unit == U_YEAR || unit == U_QUARTER || unit == U_WEEK ||
	    unit == U_WEEKEND)) {
		if (is_word(t1, "before") || is_word(t1, "after") || is_word(t1, "earlier") ||
		    is_word(t1, "ago") || is_word(t1, "later") || is_word(t1, "of") ||
		    is_p(t1, '-') || is_word(t1, "that") || is_word(t1, "when") ||
		    is_word(t1, "in") || is_word(t1, "before"))
			return 0;
		r->s = m1->s;
		if (unit == U_QUARTER) {
			if (d->last_q) {
				r->v.k = V_QUARTER;
				r->v.n = d->last_q;
				r->v.y = d->last_qy;
			} else
				rel_unit(d, &r->v, U_QUARTER, -1);
		} else if (unit == U_WEEKEND)
			weekend(S, r, 0);
		else
			rel_unit(d, &r->v, unit, 0);
		return 1;
	}
	return 0;
}

/* Seasons: "this summer", "the fall of 1990", "spring 2010". */
static int
p_season(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *t1 = F(S, 1);
	int dir = mod_dir(b1), y = -1, i = 1;

	if (is_word(t1, "of") && is_year(F(S, 2)))
		y = (int)F(S, 2)->num, i = 3;
	else if (is_year(t1) && !num_continues(S, t1))
		y = (int)t1->num, i = 2;
	if (y < 0 && !dir && !is_mod(b1, X_THE) && !is_mod(b1, X_EARLY) && !is_mod(b1, X_LATE))
		return 0;
	if (y < 0 && is_mod(b1, X_THE) && (is_word(t1, "of") || is_word(t1, "season")))
		return 0;
	if (y < 0 && strcmp(w->w, "fall") == 0 && !dir && !is_mod(b1, X_THE))
		return 0;
	r->s = (dir || is_mod(b1, X_THE) || is_mod(b1, X_EARLY) || is_mod(b1, X_LATE)) ? b1->s : w->s;
	if (is_mod(b1, X_PAST) && is_mod(B(S, 2), X_THIS))
		r->s = B(S, 2)->s;
	if ((is_mod(b1, X_EARLY) || is_mod(b1, X_LATE)) && is_mod(B(S, 2), X_THE))
		r->s = B(S, 2)->s;
	r->e = F(S, i - 1)->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_SEASON;
	r->v.n = w->val;
	if (y < 0) {
		if (!d->has_ref) {
			r->v.y = -1;
			r->v.unres = 1;
			return 1;
		}
		/* seasons by their last month: spring May, summer August,
		 * fall November, winter February (named by the year it began) */
		static const int endm[5] = { 0, 5, 8, 11, 14 };
		int em = endm[w->val & 3 ? w->val : 4];
		int cur = d->rm + (w->val == 4 && d->rm <= 2 ? 12 : 0);
		y = d->ry - (w->val == 4 && d->rm <= 2 ? 1 : 0);
		if (dir == -2 || (is_mod(b1, X_PAST) && dir))
			y -= cur > em ? 0 : 1;	/* the last one completed */
		else if (dir == 2)
			y += cur >= em - 2 ? 1 : 0;	/* the next one to begin */
	}
	r->v.y = y;
	return 1;
}

/* The day number of the n-th weekday wd (1 Monday) of y-m. */
static long
nth_weekday(int y, int m, int wd, int n)
{
	long z = np_cal_days(y, m, 1);

	return z + ((wd - np_cal_weekday(z)) + 7) % 7 + 7L * (n - 1);
}

/* Christmas, Thanksgiving (US), Election Day (US). */
static int
p_holiday(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	const struct tok *w = F(S, 0), *t1 = F(S, 1), *b1 = B(S, 1);
	int dd = 25, dir, y;
	long z;

	if (!w->cap)
		return 0;
	r->s = w->s;
	r->e = w->e;
	if (w->val == 2 || w->val == 3) {
		/* Thanksgiving: fourth Thursday of November; Election Day:
		 * the Tuesday after the first Monday of November */
		if (w->val == 3 && !is_word(t1, "day"))
			return 0;
		if (is_word(t1, "day"))
			r->e = t1->e;
		dir = mod_dir(b1);
		if (dir)
			r->s = b1->s;
		memset(&r->v, 0, sizeof(r->v));
		if (!d->has_ref || d->no_ref_ok) {
			val_unres(&r->v, V_DAY);
			return 1;
		}
		for (y = d->ry - 1; y <= d->ry + 1; y++) {
			z = w->val == 2 ? nth_weekday(y, 11, 4, 4) : nth_weekday(y, 11, 1, 1) + 1;
			/* the latest one before (past) or the next one */
			if (dir < 0 ? (z < d->rz && nth_weekday(y + 1, 11, 4, 4) >= d->rz) :
			    dir > 0 ? z > d->rz : (z >= d->rz - 180 && z < d->rz + 186)) {
				val_day(&r->v, z);
				return 1;
			}
		}
		return 0;
	}
	if (is_word(t1, "eve")) {
		dd = 24;
		r->e = t1->e;
	} else if (is_word(t1, "day"))
		r->e = t1->e;
	set_dm(S, r, -1, 12, dd, mod_dir(B(S, 1)) > 0 ? 1 : mod_dir(B(S, 1)) < 0 ? -1 : 0);
	if (mod_dir(B(S, 1)))
		r->s = B(S, 1)->s;
	return 1;
}

/* Tries a parse at the anchor token already read into S->f[0]. */
/*
 * "current" before a noun is a PRESENT_REF ("the current weakness",
 * "its current chief"), "then current" a PAST_REF (TimeML).  Before a
 * unit, month or season the unit's own parse does it ("the current
 * quarter"); as a noun ("the current carried it") it is no date.
 */
static int
p_current(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *t1 = F(S, 1);

	if (t1->k != TK_WORD || !t1->lower || t1->nl || t1->cls == C_UNIT ||
	    t1->cls == C_SEASON || t1->cls == C_MONTH || t1->cls == C_FISCAL ||
	    t1->cls == C_MOD || is_word(t1, "of") || is_word(t1, "and") ||
	    is_word(t1, "is") || is_word(t1, "was") || is_word(t1, "flows") ||
	    is_word(t1, "account") || is_word(t1, "accounts"))
		return 0;
	r->s = w->s;
	r->e = w->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_REF;
	r->v.n = 0;
	if (is_word(b1, "then") && !b1->nl) {
		r->s = b1->s;
		r->v.n = 1;
	}
	return 1;
}

static int
parse_anchor(struct scan *S, struct res *r)
{
	const struct tok *t = F(S, 0);

	memset(r, 0, sizeof(*r));
	if (t->k == TK_NUM)
		return p_number(S, r);
	if (t->k == TK_PUNCT)
		return t->c == '\'' ? p_apos(S, r) : 0;
	switch (t->cls) {
	case C_MONTH:
	case C_MABBR:
		return p_month(S, 0, r);
	case C_WDAY:
	case C_WABBR:
		return p_weekday(S, r);
	case C_DEICTIC:
		return p_deictic(S, r);
	case C_REF:
		return p_ref(S, r);
	case C_MOD:
		if (t->val == X_CURRENT && strcmp(t->w, "current") == 0)
			return p_current(S, r);
		return t->val == X_PAST && strcmp(t->w, "past") == 0 ? p_ref(S, r) : 0;
	case C_UNIT:
		return p_unit(S, r);
	case C_SEASON:
		return p_season(S, r);
	case C_HOLIDAY:
		return p_holiday(S, r);
	case C_NUMW: {
		int y = -1, j = spelled_year(S, 0, &y);
		if (j == 0)
			return 0;
		r->s = t->s;
		r->e = F(S, j - 1)->e;
		r->v.k = V_YEAR;
		r->v.y = y;
		extend_edges(S, r, 0);
		return 1;
	}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* scanning */

/* Sets the order of the pending numeric dates of this chunk. */
static void
settle_pending(struct np_dates *d, struct np_date_hits *out)
{
	size_t i;

	for (i = 0; i < d->npend; i++) {
		struct pending *p = &d->pend[i];
		int si = sep_index(p->sep), mdy;
		struct val v;

		if (p->hit >= out->n)
			continue;
		mdy = d->order_mdy[si] > d->order_dmy[si];
		memset(&v, 0, sizeof(v));
		v.k = V_DAY;
		v.y = p->c;
		v.m = mdy ? p->a : p->b;
		v.d = mdy ? p->b : p->a;
		if (valid_ymd(v.y, v.m, v.d))
			format_value(&v, out->v[p->hit].value, NP_DATE_VALUE_MAX);
	}
	d->npend = 0;
}

/* Records a pending numeric date. */
static int
add_pending(struct np_dates *d, const struct pending *p)
{
	if (np_grow(&d->pend, &d->cappend, d->npend, sizeof(*d->pend), 16) != NP_OK)
		return NP_ENOMEM;
	d->pend[d->npend++] = *p;
	return NP_OK;
}

/* Emits a parse result as a hit. */
static int
emit(struct scan *S, struct res *r, struct np_date_hits *out)
{
	struct np_date_hit h;
	int rc;

	if (r->s < S->min)
		r->s = S->min;
	/* trim white space at the edges */
	while (r->s < r->e && (S->b[r->s] == ' ' || S->b[r->s] == '\n'))
		r->s++;
	memset(&h, 0, sizeof(h));
	h.span.start = r->s;
	h.span.end = r->e;
	format_value(&r->v, h.value, sizeof(h.value));
	h.flags = r->v.unres ? NP_DATE_UNRESOLVED : 0;
	if ((rc = np_date_hits_push(out, &h)) != NP_OK)
		return rc;
	if (r->pending) {
		r->p.hit = out->n - 1;
		if ((rc = add_pending(S->d, &r->p)) != NP_OK)
			return rc;
	}
	if (r->yexp && r->v.y > 0)
		S->d->last_y = r->v.y;
	S->min = r->e;
	return NP_OK;
}


/* Sets up a scan of b[0..len).  The token arrays are left as they are:
 * F() and B() fill them before reading (nf, nb), and clearing 2 KB per
 * call showed in profiles of short documents. */
static void
scan_init(struct scan *S, struct np_dates *d, const char *b, size_t len)
{
	S->d = d;
	S->b = b;
	S->len = len;
	S->min = 0;
	S->nf = 0;
	S->nb = 0;
	S->anchor = 0;
}

/* True when the ASCII word u[0..n) (n < 16) is in the lookup cache as
 * no date word: the prefilter's second stage, without a token. */
static int
known_other(const struct np_dates *d, const unsigned char *u, size_t n)
{
	char key[16];
	const struct wcache *c;
	size_t j;

	for (j = 0; j < n; j++)
		key[j] = (char)lc(u[j]);
	key[n] = 0;
	c = &d->wc[word_hash(key) & (NWCACHE - 1)];
	return c->used && c->cls == 0 && strcmp(c->w, key) == 0;
}

/* The scan loop: prefilter each word and digit run, parse at anchors. */
int
np_dates_scan(struct np_dates *d, const char *buf, size_t len, struct np_date_hits *out)
{
	struct scan S;
	struct res r;
	size_t i = 0, n;
	int rc;

	scan_init(&S, d, buf, len);
	d->npend = 0;
	while (i < len) {
		unsigned char c = (unsigned char)buf[i];
		int k = d->ctab[c];
		if (k == 0) {
			i++;
			continue;
		}
		if (k == CT_ALPHA) {
			/* an ASCII word: prefilter on its first letters and length */
			const unsigned char *u = (const unsigned char *)buf + i;
			int g = d->gtab[u[0]] * 729;
			n = 1 + alpha_run(u + 1, len - i - 1);
			if (n > 1)
				g += d->gtab[u[1]] * 27;
			if (n > 2)
				g += d->gtab[u[2]];
			if ((i > 0 && d->ctab[u[-1]] == CT_DIGIT) ||
			    (!(i + n < len && u[n] >= 0x80) &&
			    !(d->gram[g] & (n >= 15 ? 1 << 15 : 1 << n)))) {
				i += n;
				continue;
			}
			if (n < 16 && !(i + n < len && (u[n] >= 0x80 || u[n] == '-' ||
			    u[n] == '\'')) && known_other(d, u, n)) {
				i += n;	/* looked up before: not a date word */
				continue;
			}
		} else if (k == CT_DIGIT) {
			size_t m = 1;
			if (i > 0 && (d->ctab[(unsigned char)buf[i - 1]] == CT_ALPHA ||
			    d->ctab[(unsigned char)buf[i - 1]] == CT_DIGIT)) {
				i++;
				continue;
			}
			while (i + m < len && is_digit((unsigned char)buf[i + m]))
				m++;
			if (m > 4 || (m == 3 && !(i + m < len && buf[i + m] == ' '))) {
				i += m;	/* no date has such a number */
				continue;
			}
		} else if (c == '\'') {
			if (!(i + 2 < len && is_digit((unsigned char)buf[i + 1]) &&
			    is_digit((unsigned char)buf[i + 2]))) {
				i++;
				continue;
			}
		} else {
			/* non-ASCII: skip bytes that are not a letter start */
			size_t adv;
			int32_t cp = np_utf8_decode(buf + i, len - i, &adv);
			if (cp == NP_UTF8_INVALID || !np_cp_is_letter(cp)) {
				i += adv;
				continue;
			}
			if (i > 0) {
				size_t st;
				int32_t pc = np_utf8_decode_before(buf, i, &st);
				if (pc != NP_UTF8_INVALID && np_cp_is_letter(pc)) {
					i += adv;
					continue;
				}
			}
		}
		S.anchor = i;
		S.nf = 0;
		S.nb = 0;
		lex(d, buf, len, i, &S.f[0], 0);
		S.nf = 1;
		if (S.f[0].k == TK_WORD && S.f[0].cls == 0) {
			i = S.f[0].e > i ? S.f[0].e : i + 1;
			continue;
		}
		if (parse_anchor(&S, &r) && r.e > r.s && r.s >= S.min) {
			if ((rc = emit(&S, &r, out)) != NP_OK)
				return rc;
			i = r.e;
			continue;
		}
		i = S.f[0].e > i ? S.f[0].e : i + 1;
	}
	settle_pending(d, out);
	return NP_OK;
}

/* ---------------------------------------------------------------- */
/* datelines and single expressions */

/* Is the rest of a dateline only times, zones and separators? */
static int
dateline_rest_ok(const char *b, size_t s, size_t e)
{
	size_t i = s, n, letters_run = 0;

	if (e - s > 60)
		return 0;
	while (i < e) {
		unsigned char c = (unsigned char)b[i];
		if (is_alpha(c)) {
			for (n = 0; i + n < e && is_alpha((unsigned char)b[i + n]); n++)
				;
			if (n > 7)
				return 0;
			letters_run += n;
			i += n;
			continue;
		}
		if (c >= 0x80 && c != 0xc2 && c != 0xe2 && c != 0xc3)
			return 0;
		i++;
	}
	return letters_run <= 24;
}

/* Leading words a dateline may carry ("Updated", "Published:"). */
static size_t
skip_dateline_prefix(const char *b, size_t s, size_t e)
{
	static const char *w[] = { "updated", "published", "posted", "last updated",
	    "date", "dated", "first published", "modified", "created", "on", NULL };
	size_t i, n;
	int k;

	for (k = 0; w[k]; k++) {
		n = strlen(w[k]);
		if (e - s > n && strncasecmp(b + s, w[k], n) == 0 && !is_alpha((unsigned char)b[s + n])) {
			i = s + n;
			while (i < e && (b[i] == ':' || b[i] == ' ' || b[i] == '-' || b[i] == '\t'))
				i++;
			return i;
		}
	}
	return s;
}

/* Parses one expression at pos; returns 1 with *r filled. */
static int
parse_one(struct np_dates *d, const char *b, size_t len, size_t pos, struct res *r)
{
	struct scan S;
	size_t i = pos;

	scan_init(&S, d, b, len);
	S.min = pos;
	while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	S.anchor = i;
	lex(d, b, len, i, &S.f[0], 1);
	S.nf = 1;
	if (S.f[0].k == TK_END)
		return 0;
	return parse_anchor(&S, r) && r->s == i;
}

/* A line near the top that is only a full date (see dates.h). */
int
np_dates_dateline(struct np_dates *d, const char *buf, size_t len,
    char *value, size_t cap, struct np_span *where)
{
	struct np_line ln;
	size_t pos = 0, s, lim = len < 600 ? len : 600;
	int nonblank = 0, saved = d->no_ref_ok, ok;
	struct res r;

	/* a document may begin with a BOM */
	if (lim >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	d->no_ref_ok = 1;
	while (nonblank < 5 && pos < lim && np_next_line(buf, lim, &pos, &ln)) {
		if (np_is_blank(buf, ln.start, ln.end))
			continue;
		nonblank++;
		s = ln.start;
		while (s < ln.end && (buf[s] == ' ' || buf[s] == '\t'))
			s++;
		s = skip_dateline_prefix(buf, s, ln.end);
		ok = parse_one(d, buf, ln.end, s, &r);
		if (ok && r.v.k == V_DAY && r.v.y > 0 && r.v.m > 0 && r.v.d > 0 && !r.pending &&
		    dateline_rest_ok(buf, r.e, ln.end)) {
			format_value(&r.v, value, cap);
			if (where) {
				where->start = r.s;
				where->end = r.e;
			}
			d->no_ref_ok = saved;
			return 1;
		}
		if (ok && r.pending && dateline_rest_ok(buf, r.e, ln.end)) {
			/* numeric date: day first by default */
			struct val v = r.v;
			if (d->o.order == NP_DATES_ORDER_MDY) {
				v.m = r.p.a;
				v.d = r.p.b;
			}
			format_value(&v, value, cap);
			if (where) {
				where->start = r.s;
				where->end = r.e;
			}
			d->no_ref_ok = saved;
			return 1;
		}
	}
	d->no_ref_ok = saved;
	return 0;
}

/* One expression at the start of s, without a reference. */
int
np_dates_parse(struct np_dates *d, const char *s, size_t len, char *value, size_t cap)
{
	struct res r;
	int saved = d->no_ref_ok, has = d->has_ref, ok;

	d->no_ref_ok = 1;
	d->has_ref = 0;
	ok = parse_one(d, s, len, 0, &r);
	d->no_ref_ok = saved;
	d->has_ref = has;
	if (!ok)
		return 0;
	if (r.pending && d->o.order == NP_DATES_ORDER_MDY) {
		r.v.m = r.p.a;
		r.v.d = r.p.b;
	}
	format_value(&r.v, value, cap);
	return 1;
}
