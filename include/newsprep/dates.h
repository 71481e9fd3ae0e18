/*
 * newsprep/dates.h - find date expressions and give their TIMEX3 value.
 *
 * The engine finds date expressions in text ("October 18, 2023",
 * "18. Oktober 2023", "last week", "three days ago", "the 1990s") and
 * gives each an ISO 8601 / TIMEX3 DATE value as TempEval-3 writes them:
 * "2023-10-18", "2023-10", "2023", "2013-W11", "2013-Q1", "2013-SU",
 * "199", "PRESENT_REF", "PAST_REF", "FUTURE_REF".  Relative and year-less
 * expressions are resolved against a reference date; without one their
 * value keeps X's for what is unknown ("XXXX-02-07") and the hit carries
 * NP_DATE_UNRESOLVED.
 *
 * Use: np_dates_new once; for each document np_dates_begin (with the
 * document's first bytes, which may hold its dateline) and np_dates_scan
 * on its buffer or on each streamed chunk in order; np_dates_free.
 * Offsets in hits are bytes into the buffer given to np_dates_scan.
 */
#ifndef NEWSPREP_DATES_H
#define NEWSPREP_DATES_H

#include <stddef.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Languages (bits of np_dates_opts.langs; 0 means all). */
enum np_dates_lang {
	NP_DATES_EN = 1 << 0,
	NP_DATES_DE = 1 << 1,
	NP_DATES_FR = 1 << 2,
	NP_DATES_ES = 1 << 3,
	NP_DATES_IT = 1 << 4,
	NP_DATES_PT = 1 << 5,
	NP_DATES_NL = 1 << 6,
	NP_DATES_PL = 1 << 7,
	NP_DATES_UK = 1 << 8,
	NP_DATES_RU = 1 << 9,
	NP_DATES_ALL = (1 << 10) - 1
};

/* Day/month order of all-numeric dates. */
enum np_dates_order {
	NP_DATES_ORDER_AUTO = 0,	/* settled per document, else dmy */
	NP_DATES_ORDER_DMY,
	NP_DATES_ORDER_MDY,
	NP_DATES_ORDER_YMD
};

/* Where the reference date comes from. */
enum np_dates_refmode {
	NP_DATES_REF_AUTO = 0,		/* the document's dateline, else none */
	NP_DATES_REF_NONE,		/* no reference: relative dates keep X's */
	NP_DATES_REF_FIXED		/* ref_year/ref_month/ref_day */
};

struct np_dates_opts {
	enum np_dates_refmode ref_mode;
	int ref_year, ref_month, ref_day;	/* with NP_DATES_REF_FIXED */
	enum np_dates_order order;
	unsigned langs;				/* NP_DATES_* bits; 0 = all */
};

/* Longest value written, NUL included ("XXXX-XX-XX", "PRESENT_REF"). */
#define NP_DATE_VALUE_MAX 24

/* Hit flags. */
#define NP_DATE_UNRESOLVED 0x1	/* needed a reference it did not have */

/* One date expression: its span and value.  A range of days ("March
 * 3-5, 2021", "from 3 to 5 March") has the first day as its value and
 * the last in end_value ("" for anything else). */
struct np_date_hit {
	struct np_span span;
	char value[NP_DATE_VALUE_MAX];
	unsigned flags;
	char end_value[NP_DATE_VALUE_MAX];
};

/* A growable array of hits; zero-initialise before use. */
struct np_date_hits {
	struct np_date_hit *v;
	size_t n;
	size_t cap;
};

struct np_dates;

/* Sets *opts to the defaults (reference auto, order auto, all languages). */
void np_dates_opts_init(struct np_dates_opts *opts);

/*
 * Parses a -r argument: "auto", "none" or a date "YYYY-MM-DD" (also
 * "YYYY-MM-DDThh:mm..." and "YYYYMMDD").  Returns NP_OK or NP_EINVAL.
 */
int np_dates_opts_ref(struct np_dates_opts *opts, const char *arg);

/* Parses a -o argument: "dmy", "mdy", "ymd" or "auto". */
int np_dates_opts_order(struct np_dates_opts *opts, const char *arg);

/*
 * Parses a -L argument: a comma-separated list of language codes
 * (en,de,fr,es,it,pt,nl,pl,uk,ru; "all").  Returns NP_OK or NP_EINVAL.
 */
int np_dates_opts_langs(struct np_dates_opts *opts, const char *arg);

/* Returns a new context (opts may be NULL for defaults), or NULL when out
 * of memory.  Patterns and lexicons are compiled here, once. */
struct np_dates *np_dates_new(const struct np_dates_opts *opts);
void np_dates_free(struct np_dates *d);

/*
 * Starts a new document.  head/len are its first bytes (the whole
 * document or its first chunk): under NP_DATES_REF_AUTO a dateline found
 * there becomes the reference.  Resets the per-document state (the
 * learned day/month order).
 */
void np_dates_begin(struct np_dates *d, const char *head, size_t len);

/*
 * Appends the date expressions of buf[0..len) to *out, in order, with
 * offsets into buf.  Call after np_dates_begin, once per chunk of the
 * document in order.  Returns NP_OK or NP_ENOMEM.
 */
int np_dates_scan(struct np_dates *d, const char *buf, size_t len,
    struct np_date_hits *out);

/* The current document's reference as "YYYY-MM-DD" into value (cap
 * bytes); returns 1, or 0 when it has none. */
int np_dates_reference(const struct np_dates *d, char *value, size_t cap);

/*
 * Finds a dateline in the header region of buf (its first 40 non-blank
 * lines / 4 KB, where pages put it under navigation and the headline): a
 * line that is only a date, possibly with weekday, time, zone,
 * "Updated", "Published", "Publié le"... or "By NAME |" before it.  On success returns 1, writes the ISO
 * value ("2010-01-11") into value (cap bytes) and the dateline's date
 * span into *where; else 0.  Does not depend on np_dates_begin.
 */
int np_dates_dateline(struct np_dates *d, const char *buf, size_t len,
    char *value, size_t cap, struct np_span *where);

/*
 * Parses a string that is (or starts with) one date expression, e.g.
 * "January 11, 2010 Monday", "02-07-2025" or "11 January 2010"; writes
 * its value (no reference: year-less dates get X's) and returns 1 if one
 * was found, else 0.
 */
int np_dates_parse(struct np_dates *d, const char *s, size_t len,
    char *value, size_t cap);

/*
 * Sets the current document's reference from a string (after
 * np_dates_begin): an ISO date or date-time ("2021-03-03",
 * "2021-03-03T11:02:00Z", "20210303") or any full date the engine reads
 * ("March 3, 2021", "3 mars 2021", "Wed, 03 Mar 2021 11:02 GMT").  For
 * a reference kept in a field of a JSON Lines record (--ref-field).
 * Returns 1 when set, 0 when s holds no full date (the reference stays).
 */
int np_dates_set_reference(struct np_dates *d, const char *s, size_t len);

/* Appends one hit; returns NP_OK or NP_ENOMEM. */
int np_date_hits_push(struct np_date_hits *h, const struct np_date_hit *hit);
void np_date_hits_clear(struct np_date_hits *h);
void np_date_hits_free(struct np_date_hits *h);

#ifdef __cplusplus
}
#endif

#endif
