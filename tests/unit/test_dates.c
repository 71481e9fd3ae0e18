/*
 * test_dates.c - the dates engine on buffers: every form the issue lists,
 * the negatives, resolution against a reference, languages, the
 * dateline and np_dates_parse, numeric order and the options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "newsprep/dates.h"

/* Scans text as one document and returns "TEXT=VALUE;..." of its hits
 * (an unresolved hit is marked with a trailing '?'). */
static const char *
scan(struct np_dates *d, const char *text)
{
	static char out[4096];
	struct np_date_hits h = { 0 };
	size_t i, n = 0, len = strlen(text);

	out[0] = 0;
	np_dates_begin(d, text, len);
	if (np_dates_scan(d, text, len, &h) != NP_OK)
		return "(error)";
	for (i = 0; i < h.n && n < sizeof(out) - 200; i++)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%.*s=%s%s;",
		    (int)(h.v[i].span.end - h.v[i].span.start), text + h.v[i].span.start,
		    h.v[i].value, (h.v[i].flags & NP_DATE_UNRESOLVED) ? "?" : "");
	np_date_hits_free(&h);
	return out;
}

/* A context with a fixed reference (Friday 22 March 2013). */
static struct np_dates *
ctx(const char *ref, const char *order, const char *langs)
{
	struct np_dates_opts o;

	np_dates_opts_init(&o);
	if (ref && np_dates_opts_ref(&o, ref) != NP_OK)
		return NULL;
	if (order && np_dates_opts_order(&o, order) != NP_OK)
		return NULL;
	if (langs && np_dates_opts_langs(&o, langs) != NP_OK)
		return NULL;
	return np_dates_new(&o);
}

static void
absolute_forms(struct np_dates *d)
{
	static const char *cases[][2] = {
		{ "It ended on October 18, 2023.", "October 18, 2023=2023-10-18;" },
		{ "It ended on Oct. 18, 2023.", "Oct. 18, 2023=2023-10-18;" },
		{ "It ended on 18 October 2023.", "18 October 2023=2023-10-18;" },
		{ "It ended on the 18th of October, 2023.", "18th of October, 2023=2023-10-18;" },
		{ "It opened on 9 April, 2025.", "9 April, 2025=2025-04-09;" },
		{ "Monday, January 11, 2010 was cold.", "Monday, January 11, 2010=2010-01-11;" },
		{ "January 11, 2010 Monday was cold.", "January 11, 2010 Monday=2010-01-11;" },
		{ "Filed 2023-10-18 at noon.", "2023-10-18=2023-10-18;" },
		{ "Filed 02-07-2025.", "02-07-2025=2025-07-02;" },
		{ "Filed 2/7/2025.", "2/7/2025=2025-07-02;" },
		{ "Filed 02.07.2025.", "02.07.2025=2025-07-02;" },
		{ "Filed 2/7/25.", "2/7/25=2025-07-02;" },
		{ "Prices rose in February 2024.", "February 2024=2024-02;" },
		{ "The law passed in 2024.", "2024=2024;" },
		{ "It was a hit in the 1990s.", "the 1990s=199;" },
		{ "The fair ran 17-19 October 2022.", "17-19 October 2022=2022-10-17;" },
		{ "The Oct. 9, '98 vote.", "Oct. 9, '98=1998-10-09;" },
		{ "Profit fell in the first quarter.", "the first quarter=2013-Q1;" },
		{ "Profit fell in the third-quarter report.", "the third-quarter=2013-Q3;" },
		{ "Sales in the second half of 2012 grew.", "the second half of 2012=2012-H2;" },
		{ "It grew in the 1988 second quarter.", "the 1988 second quarter=1988-Q2;" },
		{ "The flood came in the summer of 1990.", "the summer of 1990=1990-SU;" },
		{ "The talks are now over.", "now=PRESENT_REF;" },
		{ "She recently moved.", "recently=PAST_REF;" },
		{ "It may change in the future.", "the future=FUTURE_REF;" },
		{ "Markets fell in the past.", "the past=PAST_REF;" },
		{ "Sales have grown in recent years.", "recent years=PAST_REF;" },
		{ "It happened in nineteen ninety-six.", "nineteen ninety-six=1996;" },
		{ "They met at Christmas.", "Christmas=2012-12-25;" },
		{ "It was in the 20th century.", "the 20th century=19;" },
		{ "Logged 1994-11-05T13:15:30Z.", "1994-11-05=1994-11-05;" },
		{ "Due 10-August-2012.", "10-August-2012=2012-08-10;" },
		{ "Due 09/JAN/17.", "09/JAN/17=2017-01-09;" },
		{ "Born 3 Aug 96.", "3 Aug 96=1996-08-03;" },
		{ "Open 10 August - 12 September 2013.", "10 August - 12 September 2013=2013-08-10;" },
		{ "Open Aug 10 - Nov 12, 2013.", "Aug 10 - Nov 12, 2013=2013-08-10;" },
		{ "Open 10 to 22 August 2012.", "10 to 22 August 2012=2012-08-10;" },
		{ "Sunday 12/7/2014 was hot.", "Sunday 12/7/2014=2014-12-07;" },
		{ "Due 2012/Aug/10.", "2012/Aug/10=2012-08-10;" },
		{ "Due 2018 March 18.", "2018 March 18=2018-03-18;" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(scan(d, cases[i][0]), cases[i][1], "absolute: %s", cases[i][0]);
}

static void
relative_forms(struct np_dates *d)
{
	static const char *cases[][2] = {
		{ "The vote is today.", "today=2013-03-22;" },
		{ "They voted yesterday.", "yesterday=2013-03-21;" },
		{ "They vote tomorrow.", "tomorrow=2013-03-23;" },
		{ "They voted the day before yesterday.", "the day before yesterday=2013-03-20;" },
		{ "The council met on Thursday.", "Thursday=2013-03-21;" },
		{ "The council will meet on Thursday.", "Thursday=2013-03-28;" },
		{ "The council met last Friday.", "last Friday=2013-03-15;" },
		{ "The council meets next Monday.", "next Monday=2013-03-25;" },
		{ "The storm hit three days ago.", "three days ago=2013-03-19;" },
		{ "The storm hit 10 days ago.", "10 days ago=2013-03-12;" },
		{ "The storm hit two weeks ago.", "two weeks ago=2013-03-08;" },
		{ "The storm hit five months ago.", "five months ago=2012-10;" },
		{ "The storm hit two years ago.", "two years ago=2011;" },
		{ "The storm hit a year ago.", "a year ago=2012;" },
		{ "The fair opens in 3 days.", "in 3 days=2013-03-25;" },
		{ "Prices fell last week.", "last week=2013-W11;" },
		{ "Prices rise next week.", "next week=2013-W13;" },
		{ "Prices fell this week.", "this week=2013-W12;" },
		{ "Prices fell last month.", "last month=2013-02;" },
		{ "Prices rise next month.", "next month=2013-04;" },
		{ "Prices fell this month.", "this month=2013-03;" },
		{ "Prices fell earlier this month.", "earlier this month=2013-03;" },
		{ "Prices fell last year.", "last year=2012;" },
		{ "Prices rise next year.", "next year=2014;" },
		{ "Prices fell this year.", "this year=2013;" },
		{ "Prices fell in the past year.", "the past year=2012;" },
		{ "Prices fell in August, the report said.", "August=2012-08;" },
		{ "The plant will open in May.", "May=2013-05;" },
		{ "Sales jumped in June last year.", "June last year=2012-06;" },
		{ "The pier was wrecked last summer.", "last summer=2012-SU;" },
		{ "The pier opens this spring.", "this spring=2013-SP;" },
		{ "The deal closed Sept. 30.", "Sept. 30=2012-09-30;" },
		{ "Prices rise in the coming weeks.", "the coming weeks=FUTURE_REF;" },
		{ "Traffic was light over the weekend.", "the weekend=2013-W11-WE;" },
		{ "We meet on Tuesday of next week.", "Tuesday of next week=2013-03-26;" },
		{ "We meet five days from now.", "five days from now=2013-03-27;" },
		{ "The monday meeting was short.", "monday=2013-03-18;" },
		{ "The March accession will follow.", "March=2013-03;" },
		{ "It opened in 1995 and closed the following year.", "1995=1995;the following year=1996;" },
		{ "It opened in 1995; later that year it closed.", "1995=1995;later that year=1995;" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(scan(d, cases[i][0]), cases[i][1], "relative: %s", cases[i][0]);
}

static void
languages(struct np_dates *d)
{
	static const char *cases[][2] = {
		{ "Der Rat tagte am 18. Oktober 2023.", "18. Oktober 2023=2023-10-18;" },
		{ "Le conseil a siégé le 18 octobre 2023.", "18 octobre 2023=2023-10-18;" },
		{ "El consejo se reunió el 18 de octubre de 2023.", "18 de octubre de 2023=2023-10-18;" },
		{ "Il consiglio si è riunito il 18 ottobre 2023.", "18 ottobre 2023=2023-10-18;" },
		{ "O conselho reuniu-se em 18 de outubro de 2023.", "18 de outubro de 2023=2023-10-18;" },
		{ "De raad vergaderde op 18 oktober 2023.", "18 oktober 2023=2023-10-18;" },
		{ "Rada obradowała 18 października 2023.", "18 października 2023=2023-10-18;" },
		{ "Рада зібралася 18 жовтня 2023 року.", "18 жовтня 2023 року=2023-10-18;" },
		{ "Совет собрался 18 октября 2023 г. в Москве.", "18 октября 2023 г.=2023-10-18;" },
		{ "Der Rat tagte gestern.", "gestern=2013-03-21;" },
		{ "El consejo se reunió ayer.", "ayer=2013-03-21;" },
		{ "Il consiglio si è riunito ieri.", "ieri=2013-03-21;" },
		{ "O conselho reuniu-se ontem.", "ontem=2013-03-21;" },
		{ "De raad vergaderde gisteren.", "gisteren=2013-03-21;" },
		{ "Rada obradowała wczoraj.", "wczoraj=2013-03-21;" },
		{ "Рада зібралася вчора.", "вчора=2013-03-21;" },
		{ "Совет собрался вчера.", "вчера=2013-03-21;" },
		{ "Le conseil siège aujourd'hui.", "aujourd'hui=2013-03-22;" },
		{ "Der Rat tagt morgen.", "morgen=2013-03-23;" },
		{ "Der Rat tagte vor drei Tagen.", "vor drei Tagen=2013-03-19;" },
		{ "Le conseil a siégé il y a trois jours.", "il y a trois jours=2013-03-19;" },
		{ "El consejo se reunió hace tres días.", "hace tres días=2013-03-19;" },
		{ "Il consiglio si è riunito tre giorni fa.", "tre giorni fa=2013-03-19;" },
		{ "O conselho reuniu-se há três dias.", "há três dias=2013-03-19;" },
		{ "De raad vergaderde drie dagen geleden.", "drie dagen geleden=2013-03-19;" },
		{ "Rada obradowała trzy dni temu.", "trzy dni temu=2013-03-19;" },
		{ "Рада зібралася три дні тому.", "три дні тому=2013-03-19;" },
		{ "Совет собрался три дня назад.", "три дня назад=2013-03-19;" },
		{ "Der Rat tagte am Dienstag.", "Dienstag=2013-03-19;" },
		{ "Le conseil a siégé mardi.", "mardi=2013-03-19;" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(scan(d, cases[i][0]), cases[i][1], "language: %s", cases[i][0]);
}

static void
negatives(struct np_dates *d)
{
	static const char *cases[] = {
		"Ukraine may receive more aid.",
		"They will march to the capital.",
		"The March for Science drew crowds.",
		"Theresa May said no.",
		"Prime Minister May spoke.",
		"The home side won 3-1.",
		"Install version 2.10.3 first.",
		"Call 555-123-4567 or +44 20 7946 0958.",
		"It costs $2,024 or $1999.",
		"The shop is open 24/7.",
		"Add 1/2 cup of flour.",
		"Meet me at 10:30.",
		"They live at 1600 Pennsylvania Avenue.",
		"The office is at 2000 Main Street.",
		"About 2,024 soldiers were sent.",
		"Some 2000 soldiers were sent.",
		"The ratio was 3.5 to 12.25.",
		"Jan and Sun were friends.",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(scan(d, cases[i]), "", "not a date: %s", cases[i]);
}

static void
no_reference(void)
{
	struct np_dates *d = ctx("none", NULL, NULL);

	is_str(scan(d, "They voted yesterday."), "yesterday=XXXX-XX-XX?;", "no ref: yesterday");
	is_str(scan(d, "It closed on February 7."), "February 7=XXXX-02-07?;", "no ref: year-less");
	is_str(scan(d, "Prices fell last week."), "last week=XXXX-WXX?;", "no ref: last week");
	is_str(scan(d, "It closed on February 7, 2013."), "February 7, 2013=2013-02-07;",
	    "no ref: absolute dates still resolve");
	np_dates_free(d);
	/* auto: the document's own dateline is the reference */
	d = ctx("auto", NULL, NULL);
	is_str(scan(d, "October 18, 2023\n\nThe council met yesterday."),
	    "October 18, 2023=2023-10-18;yesterday=2023-10-17;", "auto: dateline as reference");
	is_str(scan(d, "Straits Times\n02-07-2025\nThe port reopened yesterday.\n"),
	    "02-07-2025=2025-07-02;yesterday=2025-07-01;", "auto: aggregator dateline");
	is_str(scan(d, "The council met yesterday."), "yesterday=XXXX-XX-XX?;",
	    "auto without dateline behaves as none");
	np_dates_free(d);
}

static void
orders(void)
{
	struct np_dates *d = ctx("2013-03-22", NULL, NULL);

	is_str(scan(d, "Filed 02/07/2025 and 12/25/2025."),
	    "02/07/2025=2025-02-07;12/25/2025=2025-12-25;", "auto: a day > 12 settles mdy");
	is_str(scan(d, "Filed 02/07/2025 and 25/12/2025."),
	    "02/07/2025=2025-07-02;25/12/2025=2025-12-25;", "auto: a day > 12 settles dmy");
	is_str(scan(d, "Filed 02/07/2025 and 12-25-2025."),
	    "02/07/2025=2025-07-02;12-25-2025=2025-12-25;", "auto: evidence is per separator");
	np_dates_free(d);
	d = ctx("2013-03-22", "mdy", NULL);
	is_str(scan(d, "Filed 02/07/2025."), "02/07/2025=2025-02-07;", "-o mdy");
	np_dates_free(d);
	d = ctx("2013-03-22", "ymd", NULL);
	is_str(scan(d, "Filed 25/02/07."), "25/02/07=2025-02-07;", "-o ymd");
	np_dates_free(d);
}

static void
dateline_and_parse(void)
{
	struct np_dates *d = np_dates_new(NULL);
	struct np_span sp;
	char v[NP_DATE_VALUE_MAX];
	const char *t;

	t = "October 18, 2023\n\nThe council met.";
	ok(np_dates_dateline(d, t, strlen(t), v, sizeof(v), &sp) == 1, "dateline found");
	is_str(v, "2023-10-18", "dateline value");
	ok(sp.start == 0 && sp.end == 16, "dateline span");
	t = "Straits Times\n02-07-2025\nText.";
	ok(np_dates_dateline(d, t, strlen(t), v, sizeof(v), &sp) == 1, "aggregator dateline found");
	is_str(v, "2025-07-02", "aggregator dateline value");
	ok(sp.start == 14 && sp.end == 24, "aggregator dateline span");
	t = "Updated: Monday, January 11, 2010 10:30 AM EST\nText.";
	ok(np_dates_dateline(d, t, strlen(t), v, sizeof(v), &sp) == 1, "dateline with prefix and time");
	is_str(v, "2010-01-11", "dateline with prefix and time: value");
	t = "The council met on October 18, 2023 to vote.\n";
	is_int(np_dates_dateline(d, t, strlen(t), v, sizeof(v), &sp), 0, "a sentence is no dateline");
	t = "a\nb\nc\nd\ne\nf\nOctober 18, 2023\n";
	is_int(np_dates_dateline(d, t, strlen(t), v, sizeof(v), &sp), 1,
	    "a dateline under navigation lines counts");
	{
		char many[400];
		size_t k;
		for (k = 0; k < 41; k++)
			memcpy(many + 2 * k, "a\n", 2);
		strcpy(many + 82, "October 18, 2023\n");
		is_int(np_dates_dateline(d, many, strlen(many), v, sizeof(v), &sp), 0,
		    "only the header region counts (40 lines)");
	}
	t = "Menu\nBy Jane Doe | March 3, 2021\nText.";
	ok(np_dates_dateline(d, t, strlen(t), v, sizeof(v), &sp) == 1, "'By NAME |' dateline");
	is_str(v, "2021-03-03", "'By NAME |' dateline value");
	np_dates_begin(d, NULL, 0);
	ok(np_dates_set_reference(d, "2021-03-03T11:02:00Z", 20) == 1, "reference from a date-time");
	ok(np_dates_reference(d, v, sizeof(v)) && strcmp(v, "2021-03-03") == 0, "... is that day");
	ok(np_dates_set_reference(d, "Wed, 10 Mar 2021 09:00 GMT", 26) == 1, "reference from a mail date");
	ok(np_dates_reference(d, v, sizeof(v)) && strcmp(v, "2021-03-10") == 0, "... is that day");
	ok(np_dates_set_reference(d, "3 mars 2021", 11) == 1, "reference from French text");
	ok(np_dates_set_reference(d, "soon", 4) == 0, "no reference from a word");
	ok(np_dates_reference(d, v, sizeof(v)) && strcmp(v, "2021-03-03") == 0, "... which keeps the last one");

	ok(np_dates_parse(d, "January 11, 2010 Monday", 23, v, sizeof(v)) == 1, "parse: date + weekday");
	is_str(v, "2010-01-11", "parse: date + weekday value");
	ok(np_dates_parse(d, "02-07-2025", 10, v, sizeof(v)) == 1, "parse: numeric");
	is_str(v, "2025-07-02", "parse: numeric value (dmy)");
	ok(np_dates_parse(d, "11 January 2010", 15, v, sizeof(v)) == 1, "parse: day month year");
	is_str(v, "2010-01-11", "parse: day month year value");
	ok(np_dates_parse(d, "March 5", 7, v, sizeof(v)) == 1, "parse: year-less");
	is_str(v, "XXXX-03-05", "parse: year-less value");
	is_int(np_dates_parse(d, "hello world", 11, v, sizeof(v)), 0, "parse: no date");
	is_int(np_dates_parse(d, "", 0, v, sizeof(v)), 0, "parse: empty");
	np_dates_free(d);
}

static void
options(void)
{
	struct np_dates_opts o;
	struct np_dates *d;

	np_dates_opts_init(&o);
	is_int(np_dates_opts_ref(&o, "2013-03-22"), NP_OK, "ref: ISO date");
	is_int(np_dates_opts_ref(&o, "20130322"), NP_OK, "ref: compact date");
	is_int(np_dates_opts_ref(&o, "2013-02-30"), NP_EINVAL, "ref: invalid day");
	is_int(np_dates_opts_ref(&o, "soon"), NP_EINVAL, "ref: junk");
	is_int(np_dates_opts_order(&o, "mdy"), NP_OK, "order: mdy");
	is_int(np_dates_opts_order(&o, "xyz"), NP_EINVAL, "order: junk");
	is_int(np_dates_opts_langs(&o, "en,de"), NP_OK, "langs: list");
	is_int(np_dates_opts_langs(&o, "en,xx"), NP_EINVAL, "langs: unknown code");
	/* -L restricts: French "hier" only when German and Dutch are off */
	d = ctx("2013-03-22", NULL, "fr");
	is_str(scan(d, "Le conseil a siégé hier."), "hier=2013-03-21;", "-L fr: hier");
	is_str(scan(d, "Der Rat tagte gestern."), "", "-L fr: no German");
	np_dates_free(d);
	d = ctx("2013-03-22", NULL, NULL);
	is_str(scan(d, "Ich bin hier."), "", "all languages: German 'hier' is no date");
	np_dates_free(d);
}

/* Hits stay inside the buffer, in order, without overlap, on any bytes. */
static void
robustness(void)
{
	struct np_dates *d = ctx("2013-03-22", NULL, NULL);
	struct np_date_hits h = { 0 };
	char buf[4096];
	size_t i, j, prev;
	unsigned seed = 7;
	int good = 1;

	for (j = 0; j < 200; j++) {
		for (i = 0; i < sizeof(buf); i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = "0123456789 /.-,'May March 2023 Oct. \xd0\xb3\n"[(seed >> 16) % 40];
		}
		np_date_hits_clear(&h);
		np_dates_begin(d, buf, sizeof(buf));
		if (np_dates_scan(d, buf, sizeof(buf), &h) != NP_OK)
			good = 0;
		for (i = 0, prev = 0; i < h.n; i++) {
			if (h.v[i].span.start < prev || h.v[i].span.end <= h.v[i].span.start ||
			    h.v[i].span.end > sizeof(buf))
				good = 0;
			prev = h.v[i].span.end;
		}
	}
	ok(good, "random bytes: hits ordered, inside, not overlapping");
	np_date_hits_free(&h);
	np_dates_free(d);
}

/* The tense rules that pick a weekday's week (reference Friday 22 March
 * 2013): irregular past verbs, "next to", clause words, "is to",
 * "until"; a weekday given with a year-less date picks the year. */
static void
tense_rules(struct np_dates *d)
{
	static const char *cases[][2] = {
		{ "Crowds gathered next to the station on Tuesday.", "Tuesday=2013-03-19;" },
		{ "She spent Saturday in the archive.", "Saturday=2013-03-16;" },
		{ "The minister warned reporters at the ministry on Saturday that prices could rise.",
		    "Saturday=2013-03-16;" },
		{ "Trading is to resume on Thursday in the capital.", "Thursday=2013-03-28;" },
		{ "Officials postponed the vote until Thursday.", "Thursday=2013-03-28;" },
		{ "Until Thursday, they had refused to talk.", "Thursday=2013-03-21;" },
		{ "It will close on Monday, April 14.", "Monday, April 14=2014-04-14;" },
		{ "Rain ruined the holiday plans on Saturday.",
		    "Saturday=2013-03-16;" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(scan(d, cases[i][0]), cases[i][1], "tense: %s", cases[i][0]);
}

/* TimeML references and report periods: "current", "then current",
 * "next year's first quarter", a spoken year, and "a year ago" against
 * the quarter being reported rather than a future one. */
static void
references_and_periods(struct np_dates *d)
{
	static const char *cases[][2] = {
		{ "The current system was built long ago.", "current=PRESENT_REF;" },
		{ "Shares at the then current price were sold.", "then current=PAST_REF;" },
		{ "The current of the river was strong.", "" },
		{ "Profit will rise in next year's first quarter.",
		    "next year's first quarter=2014-Q1;" },
		{ "Costs fell in last year's second half.", "last year's second half=2012-H2;" },
		{ "By the year two thousand the mill had closed.", "the year two thousand=2000;" },
		{ "The plan runs through the third quarter of 2014. Net fell from $5 million a year ago.",
		    "the third quarter of 2014=2014-Q3;a year ago=2011-Q4;" },
		{ "Net rose in the third quarter of 2012 from $5 million a year ago.",
		    "the third quarter of 2012=2012-Q3;a year ago=2011-Q3;" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(scan(d, cases[i][0]), cases[i][1], "reference: %s", cases[i][0]);
}

int
main(void)
{
	struct np_dates *d = ctx("2013-03-22", NULL, NULL);

	ok(d != NULL, "context");
	absolute_forms(d);
	relative_forms(d);
	languages(d);
	negatives(d);
	tense_rules(d);
	references_and_periods(d);
	np_dates_free(d);
	no_reference();
	orders();
	dateline_and_parse();
	options();
	robustness();
	return done_testing();
}
