/*
 * fuzz_dates.c - the dates engine on hostile bytes.
 *
 * The first byte picks the options (reference auto, none or fixed; day/
 * month order; all languages or a few), the rest is the document.  It is
 * scanned whole, then again streamed in pieces cut at newlines (each
 * piece its own exact-size copy, so a read past a piece is caught), and
 * handed to the dateline finder and the one-expression parser; the first
 * line also goes through the option parsers.  Checked: hits in order,
 * inside their buffer, not overlapping, with a NUL-terminated non-empty
 * value; no pattern hits its match limit.
 */
#include "fuzz.h"
#include "newsprep/dates.h"

#define NREF 3
#define NORDER 4
#define NLANGS 2
static struct np_dates *ctx[NREF * NORDER * NLANGS];

/* The context for an option byte, made on first use. */
static struct np_dates *
context(unsigned sel)
{
	unsigned ref = sel % NREF, order = (sel / NREF) % NORDER,
	    langs = (sel / (NREF * NORDER)) % NLANGS,
	    i = (langs * NORDER + order) * NREF + ref;
	struct np_dates_opts o;

	if (ctx[i] != NULL)
		return ctx[i];
	np_dates_opts_init(&o);
	o.ref_mode = ref == 0 ? NP_DATES_REF_AUTO : ref == 1 ? NP_DATES_REF_NONE :
	    NP_DATES_REF_FIXED;
	if (ref == 2) {
		o.ref_year = 2023;
		o.ref_month = 10;
		o.ref_day = 18;
	}
	o.order = (enum np_dates_order)order;
	o.langs = langs ? NP_DATES_EN | NP_DATES_DE | NP_DATES_RU : 0;
	FUZZ_CHECK((ctx[i] = np_dates_new(&o)) != NULL);
	return ctx[i];
}

/* Hits are ordered, inside [0, len), disjoint and carry a value. */
static void
check_hits(const struct np_date_hits *h, size_t from, size_t len)
{
	size_t i, prev = 0;

	for (i = from; i < h->n; i++) {
		const struct np_date_hit *t = &h->v[i];

		FUZZ_CHECK(t->span.start < t->span.end && t->span.end <= len);
		FUZZ_CHECK(t->span.start >= prev);
		prev = t->span.end;
		FUZZ_CHECK(memchr(t->value, '\0', NP_DATE_VALUE_MAX) != NULL);
		FUZZ_CHECK(t->value[0] != '\0');
		FUZZ_CHECK((t->flags & ~(unsigned)NP_DATE_UNRESOLVED) == 0);
	}
}

/* The option parsers on a NUL-terminated copy of the first line. */
static void
check_opts(const char *s, size_t n)
{
	struct np_dates_opts o;
	const char *nl = memchr(s, '\n', n);
	size_t l = nl ? (size_t)(nl - s) : n;
	char *arg = malloc(l + 1);
	int rc;

	FUZZ_CHECK(arg != NULL);
	memcpy(arg, s, l);
	arg[l] = '\0';
	np_dates_opts_init(&o);
	rc = np_dates_opts_ref(&o, arg);
	FUZZ_CHECK(rc == NP_OK || rc == NP_EINVAL);
	if (rc == NP_OK && o.ref_mode == NP_DATES_REF_FIXED)
		FUZZ_CHECK(o.ref_month >= 1 && o.ref_month <= 12 &&
		    o.ref_day >= 1 && o.ref_day <= 31);
	rc = np_dates_opts_order(&o, arg);
	FUZZ_CHECK(rc == NP_OK || rc == NP_EINVAL);
	rc = np_dates_opts_langs(&o, arg);
	FUZZ_CHECK(rc == NP_OK || rc == NP_EINVAL);
	free(arg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct np_date_hits hits = { 0 };
	struct np_dates *d;
	struct np_span where;
	char value[NP_DATE_VALUE_MAX + 8], ref[16];
	char *s;
	size_t n, pos, cut, step;
	int rc;

	if (size == 0)
		return 0;
	d = context(data[0]);
	n = size - 1;
	s = fuzz_copy(data + 1, n);

	/* whole */
	np_dates_begin(d, s, n);
	if (np_dates_reference(d, ref, sizeof(ref)))
		FUZZ_CHECK(memchr(ref, '\0', sizeof(ref)) != NULL);
	rc = np_dates_scan(d, s, n, &hits);
	FUZZ_CHECK(rc == NP_OK);
	check_hits(&hits, 0, n);

	/* streamed: pieces ending after a newline, sizes set by the data */
	np_date_hits_clear(&hits);
	step = 1 + (data[0] % 61);
	for (pos = 0; pos < n; pos = cut) {
		const char *nl;
		char *piece;

		cut = pos + step < n ? pos + step : n;
		if ((nl = memchr(s + cut, '\n', n - cut)) != NULL && cut < n)
			cut = (size_t)(nl - s) + 1;
		else
			cut = n;
		piece = fuzz_copy((const uint8_t *)s + pos, cut - pos);
		if (pos == 0)
			np_dates_begin(d, piece, cut - pos);
		np_date_hits_clear(&hits);
		FUZZ_CHECK(np_dates_scan(d, piece, cut - pos, &hits) == NP_OK);
		check_hits(&hits, 0, cut - pos);
		free(piece);
		step = step * 2 + 1;
	}

	memset(value, 0x55, sizeof(value));
	if (np_dates_dateline(d, s, n, value, NP_DATE_VALUE_MAX, &where)) {
		FUZZ_CHECK(memchr(value, '\0', NP_DATE_VALUE_MAX) != NULL);
		FUZZ_CHECK(where.start <= where.end && where.end <= n);
	}
	memset(value, 0x55, sizeof(value));
	if (np_dates_parse(d, s, n < 300 ? n : 300, value, NP_DATE_VALUE_MAX))
		FUZZ_CHECK(memchr(value, '\0', NP_DATE_VALUE_MAX) != NULL);
	/* a small value buffer must not be overrun */
	memset(value, 0x55, sizeof(value));
	if (np_dates_parse(d, s, n < 300 ? n : 300, value, 5))
		FUZZ_CHECK(memchr(value, '\0', 5) != NULL && value[5] == 0x55);
	check_opts(s, n);
	np_date_hits_free(&hits);
	free(s);
	return 0;
}
