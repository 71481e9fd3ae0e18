/*
 * resolve.c - the dates engine's resolution stage: the tense of the
 * clause around an expression (the nearest verb marker) and the choice
 * of the year, weekday or unit shift against the document's reference.
 */
#include <string.h>
#include "dates-int.h"

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
void
np_dt_tense_init(struct np_dates *d)
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
int
np_dt_tense(struct scan *S, size_t s, size_t e)
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
