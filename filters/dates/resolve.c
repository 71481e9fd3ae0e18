/*
 * resolve.c - the dates engine's resolution stage: the tense of the
 * clause around an expression (the nearest verb marker) and the choice
 * of the year, weekday or unit shift against the document's reference.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "newsprep/utf8.h"
#include "dates-int.h"

NP_LEXICON_DATA(dates_tense);

/* Lower-cases the word b[i..j) into w (cap bytes, NUL-terminated; a
 * longer word is cut at a character): ASCII by table, other letters by
 * utf8proc.  Returns the length. */
static int
copy_word(const char *b, size_t i, size_t j, char *w, size_t cap)
{
	size_t n = 0, adv;
	int32_t cp;
	char u[4];

	while (i < j) {
		unsigned char c = (unsigned char)b[i];
		if (c < 0x80) {
			if (n + 1 >= cap)
				break;
			w[n++] = (char)lc(c);
			i++;
			continue;
		}
		cp = np_utf8_decode(b + i, j - i, &adv);
		if (cp == NP_UTF8_INVALID)
			break;
		adv = np_utf8_encode(utf8proc_tolower(cp), u);
		if (n + adv >= cap)
			break;
		memcpy(w + n, u, adv);
		n += adv;
		i += (size_t)(np_utf8_decode(b + i, j - i, &adv), adv);
	}
	w[n] = 0;
	return (int)n;
}

/*
 * Builds the tense-marker table from dates-tense.tsv.  The keys are
 * kept as written (lower case, accents kept): folding would make French
 * "à" the past auxiliary "a" and Spanish "-ó" every word ending in "o".
 */
void
np_dt_tense_init(struct np_dates *d)
{
	size_t i, n;

	np_dt_wt_load(d->tw, np_lex_dates_tense, np_lex_dates_tense_len, d->suf_last, 0);
	/* the bloom of the markers' hashes, and the lengths the endings
	 * have: tense_word probes only what can be there */
	d->suf_lens = 0;
	for (i = 0; i < NTENSE; i++) {
		unsigned h = word_hash(d->tw[i].w) & 8191;

		if (d->tw[i].w[0] == 0)
			continue;
		d->tw_bloom[h >> 3] |= (unsigned char)(1u << (h & 7));
		if (d->tw[i].w[0] == '-' && (n = strlen(d->tw[i].w) - 1) < 32)
			d->suf_lens |= 1u << n;
	}
}

/* Characters (not bytes) of the UTF-8 text s[0..n). */
static size_t
nchars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/*
 * +1 for a future marker, -1 for a past one, 2 for a clause word, else
 * 0: the lower-cased word w (n bytes) as a whole, else its longest
 * ending in the table ("-ed", "-ront", "-ли") when the word is at least
 * three letters longer.  Only markers of the document's language count
 * (of English when it cannot be told).
 */
static int
tense_word(struct np_dates *d, const char *w, int n)
{
	const struct np_tense_word *t;
	unsigned g = np_dt_doc_lang(d);
	char k[16];
	int m;

	if (g == 0)
		g = (d->o.langs & NP_DATES_EN) ? NP_DATES_EN : d->o.langs;
	{
		/* most words are no marker: the bloom says so before a probe */
		unsigned h = 2166136261u;
		int q;

		for (q = 0; q < n; q++)
			h = (h ^ (unsigned char)w[q]) * 16777619u;
		t = (d->tw_bloom[(h & 8191) >> 3] >> (h & 7)) & 1 ?
		    np_dt_wt_find_h(d->tw, w, (size_t)n, h) : NULL;
	}
	if (t != NULL && (t->langs & g))
		return t->v;
	if (n < 3)
		return 0;
	{
		unsigned b2 = (unsigned char)w[n - 2] << 8 | (unsigned char)w[n - 1];
		if (!(d->suf_last[b2 >> 3] & (1u << (b2 & 7))))
			return 0;	/* no ending in the table ends so */
	}
	for (m = n - 1 < 10 ? n - 1 : 10; m >= 1; m--) {
		if (!(d->suf_lens & (1u << m)))
			continue;	/* no ending of that length */
		if (((unsigned char)w[n - m] & 0xc0) == 0x80)
			continue;	/* not a character start */
		k[0] = '-';
		memcpy(k + 1, w + n - m, (size_t)m);
		if ((t = np_dt_wt_find(d->tw, k, (size_t)m + 1)) != NULL && (t->langs & g) &&
		    nchars(w, (size_t)n) >= nchars(w + n - m, (size_t)m) + 3)
			return t->v;
	}
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
	return copy_word(b, i, j, w, 16);
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
	return copy_word(b, j, i, w, 16);
}

/* The tense of the marker w at b[i..j), corrected by its neighbours:
 * "next to" and "plans to"'s noun readings, "is/set/due to" as a strong
 * future, clause words (2) only to the right. */
static int
marker(struct np_dates *d, const char *b, size_t len, size_t lo,
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

/* Bytes of the character at b[i] (1 for an invalid byte). */
static size_t
utf8_len(const char *b, size_t hi, size_t i)
{
	size_t adv;

	if (np_utf8_decode(b + i, hi - i, &adv) == NP_UTF8_INVALID || adv == 0)
		return 1;
	return adv;
}

/* A letter (or combining mark) starts at b[i]. */
static int
letter_at(const char *b, size_t hi, size_t i)
{
	size_t adv;
	int32_t cp;

	if ((unsigned char)b[i] < 0x80)
		return is_alpha((unsigned char)b[i]);
	cp = np_utf8_decode(b + i, hi - i, &adv);
	return cp != NP_UTF8_INVALID && (np_cp_is_letter(cp) || (cp >= 0x300 && cp <= 0x36f));
}

/* The end of the word (letters, any script) that starts at b[i]. */
static size_t
word_end(const char *b, size_t hi, size_t i)
{
	while (i < hi && letter_at(b, hi, i))
		i += (unsigned char)b[i] < 0x80 ? 1 : utf8_len(b, hi, i);
	return i;
}

/* The start of the word (letters, any script) that ends before b[i]. */
static size_t
word_start(const char *b, size_t lo, size_t i)
{
	size_t st;
	int32_t cp;

	while (i > lo) {
		if ((unsigned char)b[i - 1] < 0x80) {
			if (!is_alpha((unsigned char)b[i - 1]))
				break;
			i--;
			continue;
		}
		cp = np_utf8_decode_before(b, i, &st);
		if (cp == NP_UTF8_INVALID || st < lo || !(np_cp_is_letter(cp) ||
		    (cp >= 0x300 && cp <= 0x36f)))
			break;
		i = st;
	}
	return i;
}

/*
 * Tense around [s, e): +1 future, -1 past, 0 unknown.  The nearest
 * marker in the sentence wins; a future marker before the expression
 * counts at half its distance ("said it will meet Friday"), a reporting
 * verb after a comma not at all ("..., he said").  Words are walked
 * outward from the expression, so the cost is the distance to the
 * nearest marker, not the sentence.
 */
int
np_dt_tense(struct scan *S, size_t s, size_t e)
{
	const char *b = S->b;
	size_t len = S->len, i, j, lo = s > 200 ? s - 200 : 0;
	size_t hi = e + 200 < len ? e + 200 : len, best = SIZE_MAX, dist;
	int res = 0, v, n, comma = 0, strong;
	char w[48];

	/* to the right, up to the first marker or the sentence end */
	for (i = e; i < hi; ) {
		unsigned char c = (unsigned char)b[i];
		if (c >= 0x80 && !letter_at(b, hi, i)) {
			i += utf8_len(b, hi, i);
			continue;
		}
		if (c < 0x80 && !is_alpha(c)) {
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
		j = word_end(b, hi, i);
		n = copy_word(b, i, j, w, sizeof(w));
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
		if (c >= 0x80) {
			size_t st;
			int32_t cp = np_utf8_decode_before(b, i, &st);
			if (cp == NP_UTF8_INVALID || st < lo || !(np_cp_is_letter(cp) ||
			    (cp >= 0x300 && cp <= 0x36f))) {
				i = st < lo || st >= i ? i - 1 : st;
				continue;
			}
		} else if (!is_alpha(c)) {
			if (c == '\n' && i >= 2 && b[i - 2] == '\n')
				break;
			if ((c == '.' || c == '!' || c == '?') && sent_end_at(b, len, i - 1) &&
			    !(c == '.' && abbrev_before(b, lo, i - 1)))
				break;
			i--;
			continue;
		}
		j = word_start(b, lo, i);
		dist = s - i;
		if (best != SIZE_MAX && dist / 2 >= best)
			break;
		n = copy_word(b, j, i, w, sizeof(w));
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

/* Shifts the reference by n units and sets v at that unit's granularity. */
void
np_dt_rel_unit(struct np_dates *d, struct val *v, int unit, int n)
{
	int y, m, q;

	if (!d->has_ref) {
		np_dt_val_unres(v, unit == U_DAY ? V_DAY : unit == U_WEEK ? V_WEEK :
		    unit == U_WEEKEND ? V_WEEKEND : unit == U_MONTH ? V_MONTH :
		    unit == U_QUARTER ? V_QUARTER : unit == U_HALF ? V_HALF : V_YEAR);
		return;
	}
	memset(v, 0, sizeof(*v));
	switch (unit) {
	case U_DAY:
		np_dt_val_day(v, d->rz + n);
		break;
	case U_WEEK:
	case U_FORTNIGHT:
		np_dt_val_week(v, d->rz + 7L * n * (unit == U_FORTNIGHT ? 2 : 1));
		break;
	case U_WEEKEND:
		np_dt_val_week(v, d->rz + 7L * n);
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
void
np_dt_year_back_quarter(struct np_dates *d, struct val *v)
{
	int q = d->last_q, qy = d->last_qy;

	if (d->has_ref && (qy > d->ry || (qy == d->ry && q > (d->rm - 1) / 3 + 1))) {
		np_dt_rel_unit(d, v, U_QUARTER, -1);
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
void
np_dt_resolve_year(struct scan *S, struct val *v, int dir, size_t s, size_t e)
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
		int t = np_dt_tense(S, s, e);
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
void
np_dt_resolve_weekday(struct scan *S, struct val *v, int wd, int dir, size_t s, size_t e)
{
	struct np_dates *d = S->d;
	int rw, diff;
	long z;

	if (!d->has_ref) {
		np_dt_val_unres(v, V_DAY);
		return;
	}
	if (dir == 0) {
		dir = np_dt_tense(S, s, e);
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
	np_dt_val_day(v, z);
}
