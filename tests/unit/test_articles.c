/*
 * test_articles.c - the split-articles engine on buffers: line
 * classifiers, format detection, cuts, the partition property on every
 * fixture and on generated input, and metadata.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/articles.h"
#include "newsprep/doc.h"
#include "../../filters/articles/articles_int.h"
#include "tap.h"

/* True when [s, e) of the string holds a classifier's line. */
#define LINE(f, str) f(str, 0, strlen(str))
/* The same for a classifier that reads the context's lexicons. */
#define CLINE(f, str) f(c, str, 0, strlen(str))

/* Checks that the records of buf partition it: contiguous, non-empty,
 * from 0 to len.  Returns the number of records or -1. */
static long
partition(struct np_articles *c, const char *buf, size_t len)
{
	struct np_article a;
	size_t at = 0;
	long n = 0;
	int r;

	if (np_articles_begin(c, buf, len) != NP_OK)
		return -1;
	while ((r = np_articles_next(c, &a)) == 1) {
		if (a.record.start != at || a.record.end <= a.record.start ||
		    a.record.end > len)
			return -1;
		if (a.text.start > a.text.end || a.text.end > len)
			return -1;
		at = a.record.end;
		n++;
	}
	if (r < 0 || at != len)
		return -1;
	return n;
}

/* Splits s and returns the record starts as "0,120,..." in out. */
static const char *
cuts(struct np_articles *c, const char *s, char *out, size_t cap)
{
	struct np_article_list l = { 0 };
	size_t i, n = 0;

	out[0] = '\0';
	if (np_articles_split(c, s, strlen(s), &l) < 0)
		return "error";
	for (i = 0; i < l.n && n < cap; i++)
		n += (size_t)snprintf(out + n, cap - n, "%s%zu", i ? "," : "", l.v[i].record.start);
	np_article_list_free(&l);
	return out;
}

/* "0,OFFSET" where OFFSET is where needle starts in s. */
static const char *
cut_at(const char *s, const char *needle, char *out, size_t cap)
{
	const char *p = strstr(s, needle);

	snprintf(out, cap, "0,%ld", p ? (long)(p - s) : -1L);
	return out;
}

/* The format detected for s. */
static const char *
format_of(struct np_articles *c, const char *s)
{
	np_articles_begin(c, s, strlen(s));
	return np_articles_format_name(np_articles_format(c));
}

/* A metadata string as a C string (static buffer). */
static const char *
str(const struct np_articles_str *v)
{
	static char b[4][256];
	static int k;

	if (v->s == NULL)
		return NULL;
	k = (k + 1) % 4;
	snprintf(b[k], sizeof(b[k]), "%.*s", (int)v->len, v->s);
	return b[k];
}

static void
test_classifiers(struct np_articles *c)
{
	ok(CLINE(np_art_is_ln_marker, "1 of 10 DOCUMENTS"), "ln marker: N of M DOCUMENTS");
	ok(CLINE(np_art_is_ln_marker, "12 of 383 DOCUMENTS"), "ln marker: big numbers");
	ok(CLINE(np_art_is_ln_marker, "1 of 1 DOCUMENT"), "ln marker: singular");
	ok(CLINE(np_art_is_ln_marker, "DOCUMENT 3 OF 20"), "ln marker: DOCUMENT N OF M");
	ok(!CLINE(np_art_is_ln_marker, "1 of 10 documents were missing"), "ln marker: prose is not one");
	ok(!CLINE(np_art_is_ln_marker, "one of 10 DOCUMENTS"), "ln marker: needs digits");
	ok(CLINE(np_art_is_ln_end, "End of Document"), "ln end line");
	ok(CLINE(np_art_is_ln_marker, "1 von 2 DOKUMENTEN"), "ln marker: German");
	ok(CLINE(np_art_is_ln_marker, "3 sur 12 DOCUMENTS"), "ln marker: French");
	ok(CLINE(np_art_is_ln_marker, "DOKUMENT 1 VON 2"), "ln marker: DOKUMENT N VON M");
	ok(!CLINE(np_art_is_ln_marker, "1 von 2 Dokumentenmappen"), "ln marker: a longer word is not one");
	is_int(CLINE(np_art_words_line, "412 W\xc3\xb6rter"), 412, "words line: German");
	is_int(CLINE(np_art_words_line, "1.385 mots"), 1385, "words line: French, dotted thousands");
	ok(LINE(np_art_is_fa_trailer, "Document CSTLDG0020190314ef3e0000b"), "factiva trailer");
	ok(!LINE(np_art_is_fa_trailer, "Document type: press release"), "factiva trailer: not prose");
	ok(!LINE(np_art_is_fa_trailer, "Document ABC"), "factiva trailer: id too short");
	ok(LINE(np_art_is_ep_number, "news\xc2\xb7" "20210309\xc2\xb7" "CV\xc2\xb7" "a0412_9931"), "europresse number");
	ok(LINE(np_art_is_ep_number, "Num\xc3\xa9ro de document : news\xc2\xb7" "20060315\xc2\xb7" "LM\xc2\xb7" "0q1503"), "europresse number: after its label");
	ok(!LINE(np_art_is_ep_number, "news\xc2\xb7" "2021\xc2\xb7" "CV\xc2\xb7x"), "europresse number: the date has 8 digits");
	ok(!LINE(np_art_is_ep_number, "The news\xc2\xb7" "20210309\xc2\xb7" "CV was read out to the council today"), "europresse number: not inside prose");
	is_int(CLINE(np_art_words_line, "512 words"), 512, "words line");
	is_int(CLINE(np_art_words_line, "2,968 words"), 2968, "words line with a comma");
	is_int(CLINE(np_art_words_line, "512 words later"), -1, "words line: prose");
	is_int(CLINE(np_art_words_line, "WC       356 words"), 356, "words line: WC field code");
	ok(LINE(np_art_is_fa_trailer, "AN       Document LKSGZT0020200902eg920000d"), "factiva trailer: AN field code");
	is_int(CLINE(np_art_words_line, ",12 words"), -1, "words line: leading comma");
	ok(LINE(np_art_is_separator, "* * *"), "separator * * *");
	ok(LINE(np_art_is_separator, "----------"), "separator ----");
	ok(LINE(np_art_is_separator, "  ====  "), "separator ==== with blanks");
	ok(LINE(np_art_is_separator, "\f"), "separator form feed");
	ok(!LINE(np_art_is_separator, "--"), "separator needs three marks");
	ok(!LINE(np_art_is_separator, "-=-"), "separator: one mark only");
	ok(!LINE(np_art_is_separator, "*** BREAKING ***"), "separator: no words");
	ok(LINE(np_art_is_titlish, "Choir wins regional contest"), "title-like line");
	ok(!LINE(np_art_is_titlish, "and then they left."), "lower-case clause is not a title");
	ok(!LINE(np_art_is_titlish, "The end of the story."), "a sentence is not a title");
	is_int(LINE(np_art_bullet, "- Business"), 2, "bullet -");
	is_int(LINE(np_art_bullet, "\xe2\x80\xa2 Politics"), 4, "bullet U+2022");
	is_int(LINE(np_art_bullet, "-Business"), 0, "no bullet without a space");
}

static const char LN[] =
    "Download Request: Selected Items: 1-2\n\n"
    "                 1 of 2 DOCUMENTS\n\n"
    "                 Riverton Herald\n\n"
    "            March 3, 2012 Saturday\n"
    "                 Final Edition\n\n"
    "Dam inspection finds\nno cracks\n\n"
    "BYLINE: Ines Maro\n\nSECTION: NEWS; Pg. 5\n\nLENGTH: 1,020 words\n\n"
    "Inspectors found no cracks in the dam after last month's tremor.\n\n"
    "LOAD-DATE: March 4, 2012\n\nLANGUAGE: ENGLISH\n\n"
    "          Copyright 2012 Riverton Herald\n\n"
    "                 2 of 2 DOCUMENTS\n\n"
    "                 Riverton Herald\n\n"
    "            March 5, 2012 Monday\n\n"
    "Night market opens\n\nLENGTH: 90 words\n\n"
    "The night market opened with forty stalls.\n\n"
    "LOAD-DATE: March 6, 2012\n";

static const char LN_BODY[] =
    "DOCUMENT 1 OF 1\n\nBay Times\n\nJuly 1, 2020\n\nFerry strike ends\n\n"
    "BYLINE: Sam Ode\nBODY:\nThe ferry crews went back to work on Tuesday.\nAll routes run again.\n\n"
    "LOAD-DATE: July 2, 2020\n";

static const char FACTIVA[] =
    "Port strike ends after nine days\nBy Lena Ruiz\n640 words\n"
    "8 October 2016\nHarbour Times\nHRBTMS\nEnglish\n"
    "Copyright 2016 Harbour Times\n\n"
    "Dock workers voted to return on Friday.\n\n"
    "Document HRBTMS0020161008eca80000a\n\n"
    "Ferry timetable changes\n210 words\n9 October 2016\nHarbour Times\n"
    "HRBTMS\nEnglish\nCopyright 2016 Harbour Times\n\n"
    "The winter timetable starts on Monday.\n\n"
    "Document HRBTMS0020161009eca90000b\n";

static const char LISTING[] =
    "Latest with #bridges\n\n"
    "Valley Post\n03-05-2022\n- Local\n- Valley Post\n"
    "Bridge reopens after repairs\nThe bridge reopened on Tuesday.\n\n"
    "River News\n04-05-2022\n- Politics\n- River News\n"
    "Council debates toll\nThe council debated a toll on Wednesday.\n";

static const char STARS[] =
    "Garden show opens\nThe garden show opened on Friday with more than two hundred exhibitors from across the region, and the organisers expect record crowds.\n\n"
    "* * *\n\n"
    "Marathon route changes\nThis year's marathon will avoid the old town, the organisers said on Monday, because of roadworks that will last until the summer.\n";

static const char SCENE[] =
    "The storm came in the night.\n\n* * *\n\n"
    "in the morning the harbour was full of broken boats, and nobody spoke of what had happened until the evening, when the bells rang again for the lost.\n";

static const char SETEXT[] =
    "Heading\n=======\n\nThe text under a heading in a markdown page is not a new article, whatever it says and however long it runs on the page.\n";

static const char HEADS[] =
    "Wind farm approved off the coast\n"
    "LOWESTON (Coastal Wire) - Ministers approved a wind farm of sixty turbines off the coast on Tuesday, overruling fishing groups.\n"
    "The developer said construction would begin next year and the turbines would power half a million homes.\n"
    "Fishing groups said they would study the decision before deciding whether to challenge it.\n\n"
    "Rail line to close for ten days\n"
    "HARTFIELD (Coastal Wire) - The main rail line will close for ten days next month while engineers replace a bridge.\n"
    "Replacement buses will run every twenty minutes, and the operator advised travellers to allow an extra hour.\n"
    "Freight trains will be diverted along the coastal route during the closure of the line.\n";

static const char TIGHT[] =
    "Library opens on Sundays\nMay 2, 2024\n"
    "The central library will open on Sundays from June, the council said on Thursday, after a survey of readers.\n"
    "Staff will work the extra day in turns, and the children's room will host a reading hour every week.\n"
    "The council said the cost would be met from the culture budget without cuts to other services.\n"
    "Tram fares frozen for a year\nMay 3, 2024\n"
    "Tram fares will not rise this year, the transport authority said on Friday, despite higher energy costs.\n"
    "The authority will cover the gap from reserves and expects passenger numbers to keep growing in the summer.\n"
    "Season tickets bought before the end of the month will also keep their old price until next spring.\n";

static const char RELATED[] =
    "Orchards count the cost of frost\n"
    "VALLEYTON (Farm Wire) - A late frost destroyed much of the apple blossom in the valley last week, and growers expect to lose half the crop.\n"
    "Growers asked the regional government for help with the cost of frost protection next spring.\n\n"
    "Related stories\n\n"
    "Cider makers look abroad\nApril 20, 2023\n\nSmall producers may import fruit after two poor harvests.\n\n"
    "Farmers try new crops\nMarch 2, 2023\n\nA group of farmers is testing lavender and hazelnuts.\n";

static const char AGENCY[] =
    "Ski resorts open early\n\nHeavy snow let three resorts open a fortnight early this year, and operators expect a busy season.\n\n"
    "___\n\n"
    "Follow the snow reports at the regional tourism office website for daily updates on every slope.\n";

static const char CAPTION[] =
    "Harbour fire under control\n"
    "PORTSEA, STATE - NOVEMBER 14: Firefighters spray water on a burning warehouse at the harbour on November 14 in Portsea.\n"
    "Firefighters brought the blaze under control after six hours, and nobody was hurt, the fire service said on Friday.\n"
    "The cause of the fire is not yet known, and investigators will visit the site on Monday morning.\n\n"
    "Second fire in a month\n"
    "PORTSEA, STATE - NOVEMBER 15: A fire engine leaves the harbour after the blaze was put out late on Thursday night.\n"
    "It was the second fire at the harbour this month; the first destroyed a boat shed and two small fishing boats.\n"
    "Harbour managers said they would review safety rules for the storage of fuel near the warehouses.\n";

static const char LATE_HEADS[] =
    "The long story opens with paragraphs of text before anything that looks like a title, as a page often does.\n"
    "It goes on for a while, telling readers about the council meeting and what each member said about the budget.\n"
    "Then it tells them what happens next, when the budget goes to a vote at the end of the month.\n\n"
    "Budget vote set for May\nApril 2, 2024\n\n"
    "The vote will take place on the last Tuesday of May, after two public hearings in the town hall, officials said.\n"
    "Residents can send written comments until the middle of May, and the council will publish all of them online.\n\n"
    "Town hall roof repaired\nMarch 1, 2024\n\n"
    "The roof of the town hall was repaired in March after a storm, at a cost lower than the council had feared.\n"
    "The builders finished a week early and the main hall reopened for concerts and meetings straight away.\n";

static const char DECK[] =
    "Council approves budget;\nSpending on roads rises by a tenth\n\n"
    "The council approved next year's budget on Tuesday, with more money for roads and less for new offices.\n\n"
    "* * *\n\n"
    "Bridge repairs begin;\nTraffic diverted for six weeks\n\n"
    "Work on the old bridge started on Monday, and drivers will be sent through the town centre until the summer.\n";

static const char DOTTED[] =
    "The first story ends here, after a long paragraph that says what happened and who said what about it.\n"
    "----------\n"
    "U.S. Envoy Visits The Harbour.\n\n"
    "The envoy toured the harbour on Wednesday and met fishermen and the port authority to discuss new quotas.\n";

static void
test_formats(struct np_articles *c)
{
	char b[256], w[64];

	is_str(format_of(c, LN), "lexisnexis", "LexisNexis detected");
	is_str(cuts(c, LN, b, sizeof(b)), cut_at(LN, "                 2 of 2", w, sizeof(w)), "LexisNexis cut at the second marker");
	is_str(format_of(c, FACTIVA), "factiva", "Factiva detected");
	is_str(format_of(c, LISTING), "listing", "listing detected");
	is_str(cuts(c, LISTING, b, sizeof(b)), cut_at(LISTING, "River News", w, sizeof(w)), "listing: page header joins the first record");
	is_str(format_of(c, STARS), "separator", "separator detected");
	is_str(cuts(c, STARS, b, sizeof(b)), cut_at(STARS, "Marathon", w, sizeof(w)), "separator belongs to the article it ends");
	is_str(format_of(c, SCENE), "single", "a scene break before lower-case prose does not cut");
	is_str(format_of(c, SETEXT), "single", "a setext underline does not cut");
	is_str(format_of(c, HEADS), "heads", "title + dateline heads detected");
	is_str(cuts(c, HEADS, b, sizeof(b)), cut_at(HEADS, "Rail line", w, sizeof(w)), "heads cut at the second title");
	is_str(format_of(c, RELATED), "single", "related-stories teasers stay in one article");
	is_str(format_of(c, TIGHT), "heads", "heads right after the last sentence, no blank line");
	is_str(cuts(c, TIGHT, b, sizeof(b)), cut_at(TIGHT, "Tram fares", w, sizeof(w)),
	    "tight heads cut at the title");
	is_str(format_of(c, "Just one short article.\n"), "single", "plain text is single");
	is_str(format_of(c, AGENCY), "single", "___ rules inside an agency story do not cut");
	is_str(format_of(c, CAPTION), "single", "a caption in capitals is not a dateline");
	is_str(format_of(c, LATE_HEADS), "single", "heads after a long story are teasers");
	is_str(format_of(c, DECK), "separator", "a title may end in ';' before its deck");
	is_str(format_of(c, DOTTED), "separator", "a one-sentence heading with U.S. and a full stop");
	is_str(cuts(c, "", b, sizeof(b)), "", "empty document has no record");
}

static void
test_forced(void)
{
	struct np_articles_opts o = { NP_ARTICLES_SEPARATOR, 0 };
	struct np_articles *c = np_articles_new(&o);
	char b[256];

	is_str(cuts(c, SCENE, b, sizeof(b)), "0,37", "-F separator cuts at a scene break");
	is_str(cuts(c, "a\n---\n---\n\nb\n", b, sizeof(b)), "0,11", "empty segments merge");
	is_str(cuts(c, "x\n\fy\n", b, sizeof(b)), "0,3", "form feed before text: cut after it");
	np_articles_free(c);
	o.format = NP_ARTICLES_SINGLE;
	c = np_articles_new(&o);
	is_str(cuts(c, LN, b, sizeof(b)), "0", "-F single keeps one record");
	np_articles_free(c);
	o.format = NP_ARTICLES_HEADS;
	c = np_articles_new(&o);
	is_str(cuts(c, LN, b, sizeof(b)), "0", "-F heads finds no heads in LexisNexis");
	np_articles_free(c);
}

static void
test_meta(void)
{
	struct np_articles_opts o = { NP_ARTICLES_AUTO, 1 };
	struct np_articles *c = np_articles_new(&o);
	struct np_article a;

	np_articles_begin(c, LN, strlen(LN));
	ok(np_articles_next(c, &a) == 1, "ln: first record");
	is_str(str(&a.source), "Riverton Herald", "ln: source");
	is_str(a.date, "2012-03-03", "ln: date through the dates engine");
	is_str(str(&a.title), "Dam inspection finds no cracks", "ln: two-line title folded");
	is_str(str(&a.byline), "Ines Maro", "ln: byline");
	is_str(str(&a.section), "NEWS; Pg. 5", "ln: section");
	is_int(a.words, 1020, "ln: length");
	ok(a.text.end > a.text.start && memcmp(LN + a.text.start, "Inspectors", 10) == 0 &&
	    LN[a.text.end - 1] == '.', "ln: body span");
	ok(np_articles_next(c, &a) == 1, "ln: second record");
	is_str(str(&a.title), "Night market opens", "ln: second title");
	ok(a.byline.s == NULL && a.section.s == NULL, "ln: absent fields stay absent");
	is_int(a.words, 90, "ln: second length");
	is_int(np_articles_next(c, &a), 0, "ln: two records");

	np_articles_begin(c, LN_BODY, strlen(LN_BODY));
	np_articles_next(c, &a);
	ok(a.text.end > a.text.start && memcmp(LN_BODY + a.text.start, "The ferry", 9) == 0,
	    "ln: BODY: key opens the text on the next line");
	is_str(str(&a.byline), "Sam Ode", "ln: byline before BODY:");

	np_articles_begin(c, FACTIVA, strlen(FACTIVA));
	ok(np_articles_next(c, &a) == 1, "factiva: first record");
	is_str(str(&a.title), "Port strike ends after nine days", "factiva: title");
	is_str(str(&a.byline), "Lena Ruiz", "factiva: byline");
	is_int(a.words, 640, "factiva: words");
	is_str(a.date, "2016-10-08", "factiva: date");
	is_str(str(&a.source), "Harbour Times", "factiva: source");
	is_int(np_articles_next(c, &a), 1, "factiva: second record");
	is_str(str(&a.title), "Ferry timetable changes", "factiva: second title");

	np_articles_begin(c, LISTING, strlen(LISTING));
	np_articles_next(c, &a);
	is_str(str(&a.source), "Valley Post", "listing: source");
	is_str(a.date, "2022-05-03", "listing: dd-mm-yyyy date");
	is_str(str(&a.section), "Local", "listing: section");
	is_str(str(&a.title), "Bridge reopens after repairs", "listing: title");
	np_articles_free(c);
}

/* Every fixture of the CLI tests: the records partition it. */
static void
test_fixtures(struct np_articles *c)
{
	glob_t g;
	size_t i;
	struct np_buf b = { 0 };

	if (glob("tests/cli/fixtures/split-*", 0, NULL, &g) != 0) {
		ok(0, "fixtures found");
		return;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		np_buf_clear(&b);
		if (np_read_file(g.gl_pathv[i], &b) != NP_OK) {
			ok(0, "read %s", g.gl_pathv[i]);
			continue;
		}
		ok(partition(c, b.data ? b.data : "", b.len) >= 1, "lossless partition: %s",
		    g.gl_pathv[i]);
	}
	np_buf_free(&b);
	globfree(&g);
}

/* Generated documents made of signature-like lines, invalid bytes, NULs,
 * CRs and form feeds: always a partition, never a crash. */
static void
test_generated(void)
{
	static const char *const parts[] = {
		"1 of 3 DOCUMENTS\n", "End of Document\n", "Document ABCDEFGHIJ0123456789xyz\n",
		"* * *\n", "----\n", "\f", "\n", "\r\n", "512 words\n", "Valley Post\n",
		"03-05-2022\n", "- Local\n", "Title Line Here\n", "BYLINE: X\n",
		"LENGTH: 12 words\n", "LOAD-DATE: May 1, 2020\n", "\xff\xfe", "\0",
		"The body of the story runs on for a while, long enough to count as prose here.\n",
		"HARTFIELD (Wire) - text\n", "March 3, 2012\n", "Related stories\n", "=====\n",
	};
	struct np_articles_opts o = { NP_ARTICLES_AUTO, 1 };
	struct np_articles *c;
	char *buf = malloc(4096);
	unsigned seed = 12345;
	int f, i, bad = 0;

	for (f = 0; f <= NP_ARTICLES_HEADS; f++) {
		o.format = (enum np_articles_format)f;
		c = np_articles_new(&o);
		for (i = 0; i < 300; i++) {
			size_t n = 0;

			while (n < 3000) {
				const char *p;
				size_t k;

				seed = seed * 1103515245u + 12345u;
				k = (seed >> 16) % (sizeof(parts) / sizeof(parts[0]));
				p = parts[k];
				if (k == 17) {
					buf[n++] = '\0';
					continue;
				}
				memcpy(buf + n, p, strlen(p));
				n += strlen(p);
			}
			if (partition(c, buf, n) < 1)
				bad++;
		}
		np_articles_free(c);
	}
	is_int(bad, 0, "generated documents always partition (every format)");
	free(buf);
}

int
main(void)
{
	struct np_articles *c = np_articles_new(NULL);
	enum np_articles_format f;

	ok(c != NULL, "context created");
	test_classifiers(c);
	test_formats(c);
	test_forced();
	test_meta();
	test_fixtures(c);
	test_generated();
	ok(np_articles_format_parse("factiva", &f) == NP_OK && f == NP_ARTICLES_FACTIVA,
	    "format names parse");
	ok(np_articles_format_parse("bogus", &f) == NP_EINVAL, "bad format name rejected");
	np_articles_free(c);
	return done_testing();
}
