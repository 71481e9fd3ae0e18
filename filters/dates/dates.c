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
 *
 * One file per stage (dates-int.h holds what they share): dates.c the
 * options, context and hits; tokens.c the token reader; grammar.c the
 * expression grammar; resolve.c tense and resolution against the
 * reference; values.c values and their text; scan.c the scan loop;
 * dateline.c datelines and single expressions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dates-int.h"

NP_LEXICON_DATA(dates_words);

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
		if ((b = np_dt_lang_bit(p, (size_t)(q - p))) == 0)
			return NP_EINVAL;
		m |= (unsigned)b;
		p = *q ? q + 1 : q;
	}
	if (m == 0)
		return NP_EINVAL;
	o->langs = m;
	return NP_OK;
}

/* Adds an anchor word's first letters and length to the prefilter. */
static void
gram_add(const struct np_lexentry *e, void *arg)
{
	struct np_dates *d = arg;
	const char *v = e->value;
	size_t i, vl = e->valuelen, nc;
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
	for (i = 0, nc = 0; i < e->keylen; i++)
		nc += ((unsigned char)e->key[i] & 0xc0) != 0x80;
	if (nc != e->keylen)	/* "ł" stays two bytes: also its length in letters */
		mask |= nc >= 15 ? 1 << 15 : 1 << nc;
	if (memchr(e->key, '-', e->keylen) || memchr(e->key, '\'', e->keylen))
		mask = 0xffff;	/* joined words: the first part may be any length */
	d->gram_all[k] |= (uint16_t)mask;
	switch (cls) {
	case C_MONTH: case C_MABBR: case C_WDAY: case C_WABBR: case C_DEICTIC:
	case C_REF: case C_UNIT: case C_SEASON: case C_HOLIDAY:
		break;
	case C_MOD:
		anchor = e->num == X_PAST || e->num == X_CURRENT;	/* "the past", "current" */
		/* Spanish "próxima", "pasado" alone are FUTURE_REF/PAST_REF */
		if ((e->num == X_LAST || e->num == X_NEXT) && v[vl - 1] == '*')
			anchor = 1;	/* marked "*" in the lexicon */
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

/* Loads the lexicon and builds the prefilters: once per context. */
struct np_dates *
np_dates_new(const struct np_dates_opts *opts)
{
	struct np_dates *d = calloc(1, sizeof(*d));
	int i;

	if (d == NULL)
		return NULL;
	if (opts)
		d->o = *opts;
	else
		np_dates_opts_init(&d->o);
	if (d->o.langs == 0)
		d->o.langs = NP_DATES_ALL;
	/* letters below U+0800 as a bitmap: the word walks over Latin,
	 * Greek and Cyrillic text without a utf8proc call per letter */
	for (i = 0x80; i < 0x800; i++)
		if (np_cp_is_letter(i))
			d->letter_lo[i >> 3] |= (unsigned char)(1u << (i & 7));
	for (i = 0; i < 0x800; i++)
		d->lower_lo[i] = utf8proc_tolower(i);
	d->lx = np_lexicon_new();
	d->gram = calloc(27 * 27 * 27, sizeof(uint16_t));
	d->gram_all = calloc(27 * 27 * 27, sizeof(uint16_t));
	if (d->lx == NULL || d->gram == NULL ||
	    d->gram_all == NULL ||
	    np_lexicon_load(d->lx, np_lex_dates_words, np_lex_dates_words_len) != NP_OK) {
		np_dates_free(d);
		return NULL;
	}
	np_lexicon_each(d->lx, gram_add, d);
	np_dt_tense_init(d);
	np_dt_langs_init(d);
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
	d->doc_lang = 0;
	d->doc_lang_done = 0;
	d->cur_b = head;
	d->cur_len = len;
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
	d->cur_b = NULL;
	d->cur_len = 0;
}

/* A reference from a string: ISO first, else one full date the grammar
 * reads (a leading weekday and comma are skipped by the grammar). */
int
np_dates_set_reference(struct np_dates *d, const char *s, size_t len)
{
	char tmp[64], v[NP_DATE_VALUE_MAX];
	int y, m, dd;

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '"'))
		s++, len--;
	if (len == 0)
		return 0;
	if (len < sizeof(tmp)) {
		memcpy(tmp, s, len);
		tmp[len] = 0;
		if (read_iso(tmp, &y, &m, &dd) || (len > 10 && tmp[10] == 'T' &&
		    (tmp[10] = 0, read_iso(tmp, &y, &m, &dd)))) {
			set_ref(d, y, m, dd);
			return 1;
		}
	}
	if (np_dates_parse(d, s, len, v, sizeof(v)) && strlen(v) == 10 &&
	    read_iso(v, &y, &m, &dd)) {
		set_ref(d, y, m, dd);
		return 1;
	}
	return 0;
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
