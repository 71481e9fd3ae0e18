/*
 * values.c - the dates engine's values: building day and week values
 * from day numbers and writing any value as TIMEX3 text.
 */
#include <string.h>
#include "dates-int.h"

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
	/* the common cases, a month or day and a year, without a loop */
	if (w == 2 && x < 100 && n + 2 < 40) {
		t[n] = (char)('0' + x / 10);
		t[n + 1] = (char)('0' + x % 10);
		return n + 2;
	}
	if (w == 4 && x < 10000 && n + 4 < 40) {
		t[n] = (char)('0' + x / 1000);
		t[n + 1] = (char)('0' + x / 100 % 10);
		t[n + 2] = (char)('0' + x / 10 % 10);
		t[n + 3] = (char)('0' + x % 10);
		return n + 4;
	}
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
void
np_dt_format_value(const struct val *v, char *out, size_t cap)
{
	char t[40];
	size_t n = 0;

	if (cap == 0)
		return;
	if (v->set > 0) {
		/* TIMEX3 SET value of a weekday: XXXX-WXX-1 */
		n = put_str(t, n, "XXXX-WXX-");
		n = put_num(t, n, v->set, 1);
		if (n >= cap)
			n = cap - 1;
		memcpy(out, t, n);
		out[n] = 0;
		return;
	}
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
void
np_dt_val_day(struct val *v, long z)
{
	v->k = V_DAY;
	np_cal_civil(z, &v->y, &v->m, &v->d);
}

/* Sets a week value from a day number. */
void
np_dt_val_week(struct val *v, long z)
{
	v->k = V_WEEK;
	np_cal_isoweek(z, &v->y, &v->n);
}

/* A value that needs the reference it does not have. */
void
np_dt_val_unres(struct val *v, enum vkind k)
{
	memset(v, 0, sizeof(*v));
	v->k = k;
	v->y = -1;
	v->unres = 1;
}

/* Validity of y-m-d. */
int
np_dt_valid_ymd(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= np_cal_mdays(y < 0 ? 2000 : y, m);
}
