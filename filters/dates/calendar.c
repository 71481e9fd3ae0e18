/*
 * calendar.c - proleptic Gregorian day arithmetic for the dates engine.
 *
 * Days are counted from 1970-01-01 (Howard Hinnant's civil-from-days
 * method, written out here), which makes "three days ago", "last
 * Thursday" and ISO weeks plain integer arithmetic.  Declared in
 * dates-calendar.h beside this file; nothing here allocates.
 */
#include "dates-calendar.h"

/* Day number of y-m-d (days since 1970-01-01). */
long
np_cal_days(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The y-m-d of a day number (inverse of np_cal_days). */
void
np_cal_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday of a day number: 1 Monday .. 7 Sunday. */
int
np_cal_weekday(long z)
{
	long w = (z + 3) % 7;	/* 1970-01-01 was a Thursday */

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

/* Days in month m of year y. */
int
np_cal_mdays(int y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* ISO 8601 week-numbering year and week of a day number. */
void
np_cal_isoweek(long z, int *wy, int *wk)
{
	long thu = z - np_cal_weekday(z) + 4;	/* the Thursday of z's week */
	int y, m, d;

	np_cal_civil(thu, &y, &m, &d);
	*wy = y;
	*wk = (int)((thu - np_cal_days(y, 1, 1)) / 7 + 1);
}
