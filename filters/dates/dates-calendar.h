/*
 * dates-calendar.h - private to the dates engine: Gregorian day numbers.
 */
#ifndef NP_DATES_CALENDAR_H
#define NP_DATES_CALENDAR_H

long np_cal_days(int y, int m, int d);
void np_cal_civil(long z, int *y, int *m, int *d);
int np_cal_weekday(long z);
int np_cal_mdays(int y, int m);
void np_cal_isoweek(long z, int *wy, int *wk);

#endif
