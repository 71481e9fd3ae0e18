/*
 * gencorpus - write a reproducible news-like benchmark corpus.
 *
 * usage: gencorpus [-j] [-s SEED] [-S STATSFILE] MEGABYTES > corpus
 *        gencorpus -J < corpus > corpus.jsonl
 *
 * -j writes the same documents as JSON Lines, {"id":N,"text":"..."} a
 * line, for the --jsonl runs (MEGABYTES counts the documents' bytes, so
 * both forms hold the same documents); -J turns NUL-separated documents
 * (UTF-8) read from standard input into those JSON Lines.
 * Writes NUL-terminated documents until at least MEGABYTES * 10^6 bytes
 * are out (MEGABYTES may have a fraction: 0.25).  A smaller size with
 * the same seed gives a prefix of the larger corpus, so a slice for slow
 * peers is the start of the same input.  -S writes "documents N bytes B
 * largest L" (L: the longest document, NUL excluded) to STATSFILE.  Every word comes from the templates and word lists below
 * (written for this benchmark; no third-party text), chosen by a fixed
 * pseudo-random generator (SplitMix64), so the same seed and size give
 * the same bytes on every machine.
 *
 * The mix imitates what the newsprep tools are fed:
 *   - English web articles (most): navigation, headline, byline,
 *     dateline, paragraphs with dates and attributed quotations,
 *     advertisements, captions, newsletter prompts, teaser lists, footer;
 *   - German, French, Spanish, Italian and Russian articles with their
 *     own date forms and quotation marks;
 *   - multi-article dumps: an export with "N of M DOCUMENTS" headers and
 *     "End of Document" trailers, and digests cut by "* * *" lines;
 *   - a few documents with CRLF line ends.
 * Documents run from about 2 KB to about 25 KB.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- output buffer and random numbers ---- */

static char *ob;		/* the current document */
static size_t olen, ocap;
static uint64_t rs;		/* SplitMix64 state */

/* Next 64 random bits (SplitMix64: tiny, fast, same everywhere). */
static uint64_t
rnd64(void)
{
	uint64_t z = (rs += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static unsigned
rnd(unsigned n)
{
	return (unsigned)(rnd64() % n);
}

/* True with probability pct/100. */
static int
chance(unsigned pct)
{
	return rnd(100) < pct;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rnd(NELEM(a))])

/* Appends n bytes to the document. */
static void
put(const char *s, size_t n)
{
	if (olen + n + 1 > ocap) {
		size_t nc = ocap ? ocap : 65536;

		while (olen + n + 1 > nc)
			nc *= 2;
		if ((ob = realloc(ob, nc)) == NULL) {
			perror("gencorpus");
			exit(1);
		}
		ocap = nc;
	}
	memcpy(ob + olen, s, n);
	olen += n;
}

/* Appends a C string. */
static void
puts_(const char *s)
{
	put(s, strlen(s));
}

/* printf into the document (short pieces only). */
static void
putf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void
putf(const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Upper-cases the first letter of what was written from `from` on
 * (ASCII only: used on English and Latin-script starts). */
static void
cap_from(size_t from)
{
	if (from < olen && ob[from] >= 'a' && ob[from] <= 'z')
		ob[from] -= 32;
}

/* ---- English word lists ---- */

static const char *const given[] = {
	"James", "Maria", "Robert", "Linda", "David", "Susan", "Daniel", "Karen",
	"Thomas", "Nancy", "Andrew", "Laura", "Kevin", "Helen", "Brian", "Sarah",
	"Peter", "Angela", "Samuel", "Rachel", "Omar", "Priya", "Kenji", "Amara",
	"Lucas", "Elena", "Tomasz", "Ingrid", "Mateo", "Fatima", "Noah", "Claire",
	"Victor", "Grace", "Hassan", "Olga", "Felix", "Naomi", "Arjun", "Leila",
};
static const char *const surname[] = {
	"Whitfield", "Okafor", "Brennan", "Castellano", "Lindqvist", "Moreau",
	"Harrington", "Nakamura", "Delgado", "Kowalczyk", "Abernathy", "Petrov",
	"Sandoval", "Fairbanks", "Oyelaran", "Marchetti", "Thornbury", "Vasquez",
	"Holloway", "Rasmussen", "Achebe", "Blackwood", "Ferreira", "Gallagher",
	"Ishikawa", "Mendelsohn", "Quinlan", "Sorensen", "Tremblay", "Wexford",
	"Yilmaz", "Zielinski", "Ashworth", "Bergström", "Coutinho", "Dunmore",
};
static const char *const title_[] = {
	"the finance minister", "the prime minister", "a spokeswoman for the ministry",
	"the company's chief executive", "a senior analyst at the bank",
	"the mayor", "a professor of economics", "the union's general secretary",
	"the opposition leader", "a police spokesman", "the head of the agency",
	"a senior official", "the chairman of the committee", "the governor",
	"a researcher at the institute", "the team's coach", "the defence secretary",
};
static const char *const org[] = {
	"the Central Bank", "Harbour Freight Lines", "the Ministry of Health",
	"Northgate Energy", "the Port Authority", "Meridian Motors",
	"the National Statistics Office", "Bluewater Capital", "the city council",
	"the World Trade Forum", "Crestline Pharmaceuticals", "the Senate committee",
	"Solway Telecom", "the electoral commission", "Granite Mining Group",
	"the weather service", "Pinecrest University", "the transport union",
};
static const char *const agency[] = {
	"Newswire", "Global Press", "Continental News Service", "Metro Wire",
	"Daily Ledger", "Capital Times",
};
static const char *const city[] = {
	"LONDON", "NEW YORK", "WASHINGTON", "TOKYO", "NAIROBI", "SYDNEY",
	"TORONTO", "MUMBAI", "BRUSSELS", "SAO PAULO", "CHICAGO", "SINGAPORE",
	"JOHANNESBURG", "DUBLIN", "MEXICO CITY", "SEOUL",
};
static const char *const place[] = {
	"the capital", "the northern provinces", "the coastal region", "the city centre",
	"rural districts", "the eastern suburbs", "the border towns", "the river valley",
	"the industrial belt", "the southern states", "the port", "the old town",
};
static const char *const noun[] = {
	"government", "economy", "market", "proposal", "budget", "investigation",
	"election", "agreement", "strike", "committee", "report", "inflation rate",
	"factory", "hospital", "court", "council", "survey", "shipment", "storm",
	"bridge", "pipeline", "merger", "tariff", "vaccine programme", "harvest",
	"railway", "school board", "housing plan", "trade deal", "police inquiry",
	"wage offer", "oil price", "interest rate", "water supply", "peace talks",
};
static const char *const nouns[] = {
	"workers", "investors", "residents", "officials", "voters", "farmers",
	"doctors", "analysts", "shareholders", "teachers", "commuters", "lawmakers",
	"families", "exporters", "students", "drivers", "nurses", "tenants",
};
static const char *const adj[] = {
	"new", "sharp", "unexpected", "long-awaited", "modest", "controversial",
	"record", "temporary", "major", "local", "regional", "fragile", "steady",
	"bitter", "cautious", "ambitious", "widespread", "preliminary", "final",
};
static const char *const vpast[] = {
	"approved", "rejected", "announced", "delayed", "criticised", "welcomed",
	"expanded", "suspended", "reviewed", "blocked", "revised", "confirmed",
	"postponed", "launched", "questioned", "cut", "raised", "extended",
};
static const char *const vinf[] = {
	"support", "reduce", "protect", "review", "finish", "defend", "change",
	"explain", "rebuild", "fund", "stop", "accept", "improve", "challenge",
};
static const char *const adverb[] = {
	"quickly", "carefully", "quietly", "openly", "repeatedly", "finally",
	"largely", "partly", "sharply", "slowly",
};
static const char *const said[] = {
	"said", "said", "said", "told reporters", "added", "warned", "explained",
	"said in a statement", "wrote in a letter", "told Newswire",
};
static const char *const month_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const mon_abbr[] = {
	"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
	"Sept.", "Oct.", "Nov.", "Dec.",
};
static const char *const weekday_en[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const relative_en[] = {
	"last week", "next month", "earlier this year", "last year", "this week",
	"next year", "two weeks ago", "three days ago", "last month", "yesterday",
	"this summer", "last autumn", "next spring", "later this year", "today",
	"in recent years", "the following day", "last weekend", "next Tuesday",
};
static const char *const section[] = {
	"Home", "World", "Business", "Politics", "Tech", "Science", "Sport",
	"Culture", "Opinion", "Health", "Travel", "Climate", "Markets",
};
static const char *const number_word[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"a dozen", "dozens of", "hundreds of", "several",
};

/* ---- English pieces ---- */

/* A day of month valid for month m (0-based). */
static int
mday(int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return 1 + (int)rnd((unsigned)len[m]);
}

/* One English date expression of a random kind. */
static void
en_date(void)
{
	int m = (int)rnd(12), y = 1995 + (int)rnd(31), d = mday(m);

	switch (rnd(16)) {
	case 0: case 1: case 2:
		putf("%s %d, %d", month_en[m], d, y);
		break;
	case 3:
		putf("%d %s %d", d, month_en[m], y);
		break;
	case 4:
		putf("%s %d", mon_abbr[m], d);
		break;
	case 5:
		putf("%s %d", month_en[m], y);
		break;
	case 6:
		putf("%04d-%02d-%02d", y, m + 1, d);
		break;
	case 7:
		putf("%s", PICK(weekday_en));
		break;
	case 8: case 9: case 10:
		putf("%s", PICK(relative_en));
		break;
	case 11:
		putf("in %d", y);
		break;
	case 12:
		putf("the %d0s", 193 + (int)rnd(8));
		break;
	case 13:
		putf("the %s quarter of %d", rnd(2) ? "first" : "third", y);
		break;
	case 14:
		putf("%s, %s %d", PICK(weekday_en), month_en[m], d);
		break;
	default:
		putf("%d/%d/%d", m + 1, d, y);
		break;
	}
}

/* A given name and a surname. */
static void
person(void)
{
	putf("%s %s", PICK(given), PICK(surname));
}

/* A clause someone might say, without final punctuation. */
static void
en_said_clause(void)
{
	switch (rnd(8)) {
	case 0:
		putf("we are %s that the %s will %s %s",
		    rnd(2) ? "confident" : "worried", PICK(noun), PICK(vinf),
		    PICK(nouns));
		break;
	case 1:
		putf("this %s is not what %s were promised", PICK(noun), PICK(nouns));
		break;
	case 2:
		putf("nobody expected the %s to move so %s", PICK(noun), PICK(adverb));
		break;
	case 3:
		putf("I have spoken to %s %s and they want answers", PICK(number_word),
		    PICK(nouns));
		break;
	case 4:
		putf("the %s has to %s the %s before anything else", PICK(noun),
		    PICK(vinf), PICK(noun));
		break;
	case 5:
		putf("it is a %s step, but %s still need to see the %s", PICK(adj),
		    PICK(nouns), PICK(noun));
		break;
	case 6:
		putf("our %s will %s the %s", PICK(nouns), PICK(vinf), PICK(noun));
		break;
	default:
		putf("there is no plan to %s the %s %s", PICK(vinf), PICK(noun),
		    PICK(relative_en));
		break;
	}
}

/* One sentence of reporting prose (ends with ". "). */
static void
en_sentence(void)
{
	size_t s = olen;

	switch (rnd(19)) {
	case 12:
		putf("The %s had been %s by %s in %s, and %s were %s about it.",
		    PICK(noun), PICK(vpast), PICK(org), PICK(place), PICK(nouns),
		    rnd(2) ? "divided" : "uneasy");
		break;
	case 13:
		putf("Many %s %s the move, while %s %s that it went too far.",
		    PICK(nouns), PICK(vpast), PICK(nouns), rnd(2) ? "argued" : "complained");
		break;
	case 14:
		putf("It was not clear how the %s would affect %s in %s.", PICK(noun),
		    PICK(nouns), PICK(place));
		break;
	case 15:
		putf("The %s %s is part of a wider effort to %s the %s and %s the %s.",
		    PICK(adj), PICK(noun), PICK(vinf), PICK(noun), PICK(vinf), PICK(noun));
		break;
	case 16:
		putf("%s have %s %s the %s for its handling of the %s.", PICK(nouns),
		    PICK(adverb), PICK(vpast), PICK(org), PICK(noun));
		break;
	case 17:
		putf("Under the %s, %s in %s would pay about %u percent more for the %s.",
		    PICK(noun), PICK(nouns), PICK(place), 2 + rnd(30), PICK(noun));
		break;
	case 18:
		putf("%s %s %s the %s %s, but %s say the %s is still %s.", PICK(org),
		    PICK(adverb), PICK(vpast), PICK(adj), PICK(noun), PICK(nouns),
		    PICK(noun), rnd(2) ? "open" : "uncertain");
		break;
	case 0:
		putf("%s %s the %s %s ", PICK(org), PICK(vpast), PICK(adj), PICK(noun));
		en_date();
		puts_(".");
		break;
	case 1:
		putf("The %s %s %s, according to figures published by %s.",
		    PICK(noun), rnd(2) ? "rose" : "fell",
		    rnd(2) ? "3.2 percent" : "by 14 percent", PICK(org));
		break;
	case 2:
		putf("%s %s gathered in %s ", PICK(number_word), PICK(nouns), PICK(place));
		en_date();
		putf(" to protest against the %s.", PICK(noun));
		break;
	case 3:
		en_date();
		putf(", the %s %s a plan to %s the %s.", PICK(noun) ,PICK(vpast),
		    PICK(vinf), PICK(noun));
		break;
	case 4:
		putf("The %s was first proposed on %s %d, %d, and has been %s %s since.",
		    PICK(noun), PICK(month_en), 1 + rnd(28), 2000 + rnd(24),
		    PICK(vpast), PICK(adverb));
		break;
	case 5:
		putf("Officials in %s said the %s would %s about %u %s.", PICK(place),
		    PICK(noun), PICK(vinf), 100 + rnd(9000), PICK(nouns));
		break;
	case 6:
		putf("Critics say the %s %s %s in %s than %s had hoped.", PICK(adj),
		    PICK(noun), rnd(2) ? "moved faster" : "did less", PICK(place),
		    PICK(nouns));
		break;
	case 7:
		putf("%s, who has led %s since %d, declined to comment on the %s.",
		    PICK(given), PICK(org), 1998 + rnd(25), PICK(noun));
		break;
	case 8:
		putf("A %s %s is expected ", PICK(adj), PICK(noun));
		en_date();
		puts_(", and markets have already priced it in.");
		break;
	case 9:
		putf("The figures cover the period from %s to %s %d.",
		    PICK(month_en), PICK(month_en), 2005 + rnd(20));
		break;
	case 10:
		putf("Talks between %s and %s %s %s after %s hours of negotiation.",
		    PICK(org), PICK(nouns), PICK(vpast), PICK(adverb), PICK(number_word));
		break;
	default:
		putf("In %s, %s %s the %s, saying it would hurt %s.", PICK(place),
		    PICK(nouns), PICK(vpast), PICK(noun), PICK(nouns));
		break;
	}
	cap_from(s);
	puts_(" ");
}

/* A sentence holding a quotation with its attribution. */
static void
en_quote(void)
{
	size_t s;

	switch (rnd(6)) {
	case 0:		/* “Clause,” Name said. */
		puts_("\xe2\x80\x9c");
		s = olen;
		en_said_clause();
		cap_from(s);
		puts_(",\xe2\x80\x9d ");
		person();
		putf(", %s, %s.", PICK(title_), PICK(said));
		break;
	case 1:		/* "Clause," he said. */
		puts_("\"");
		s = olen;
		en_said_clause();
		cap_from(s);
		putf(",\" %s %s.", rnd(2) ? "he" : "she", PICK(said));
		break;
	case 2:		/* Name said: "Clause. Clause." */
		person();
		putf(" %s on %s: \xe2\x80\x9c", "said", PICK(weekday_en));
		s = olen;
		en_said_clause();
		cap_from(s);
		puts_(". ");
		s = olen;
		en_said_clause();
		cap_from(s);
		puts_(".\xe2\x80\x9d");
		break;
	case 3:		/* split quote */
		puts_("\xe2\x80\x9c");
		s = olen;
		en_said_clause();
		cap_from(s);
		putf(",\xe2\x80\x9d said %s %s. \xe2\x80\x9c", PICK(given), PICK(surname));
		s = olen;
		en_said_clause();
		cap_from(s);
		puts_(".\xe2\x80\x9d");
		break;
	case 4:		/* scare quotes, not a quotation */
		putf("The so-called \"%s\" plan was %s %s.", PICK(adj), PICK(vpast),
		    PICK(relative_en));
		break;
	default:	/* According to Name, "clause." */
		puts_("According to ");
		person();
		putf(", %s, \"", PICK(title_));
		en_said_clause();
		puts_(".\"");
		break;
	}
	puts_(" ");
}

/* A paragraph of 2-5 sentences, one in six with a quotation (about the
 * density of quotations and dates in wire copy). */
static void
en_paragraph(void)
{
	int n = 2 + (int)rnd(4);

	for (int i = 0; i < n; i++) {
		if (rnd(6) == 0)
			en_quote();
		else
			en_sentence();
	}
	olen--;			/* the last space */
	puts_("\n\n");
}

/* A headline in title case. */
static void
en_headline(void)
{
	static const char *const h[] = {
		"%s Faces Pressure Over %s Plan",
		"Why the %s Matters for %s",
		"%s Braces for Vote on %s",
		"Inside the Fight Over the %s in %s",
		"%s Says %s Will Not Change Course",
	};
	static const char *const big[] = {
		"Budget", "Election", "Strike", "Merger", "Harbour", "Pipeline",
		"Housing", "Tariff", "Rail Link", "Water Supply", "Health Service",
	};
	putf(PICK(h), PICK(big), PICK(big));
}

/* The navigation bar at the top of a page. */
static void
en_nav(void)
{
	int n = 5 + (int)rnd(6);

	for (int i = 0; i < n; i++)
		putf("%s%s", i ? " | " : "", PICK(section));
	puts_("\n");
	if (chance(50))
		puts_("Subscribe  Sign in  Search\n");
	puts_("\n");
}

/* A furniture block between paragraphs. */
static void
en_furniture(void)
{
	switch (rnd(9)) {
	case 0:
		puts_("ADVERTISEMENT\n\n");
		break;
	case 1:
		puts_("Advertisement\n\n");
		break;
	case 2:
		puts_("Sign up for our morning newsletter and get the day's top stories "
		    "in your inbox.\n\n");
		break;
	case 3:
		puts_("Read more: ");
		en_headline();
		puts_("\n\n");
		break;
	case 4:
		putf("A %s %s in %s. (Photo: ", PICK(adj), PICK(noun), PICK(place));
		person();
		putf(" / %s)\n\n", PICK(agency));
		break;
	case 5:
		puts_("Share this article\nFacebook Twitter Email\n\n");
		break;
	case 6:
		puts_("Related stories\n");
		for (int i = 0; i < 3 + (int)rnd(3); i++) {
			puts_("- ");
			en_headline();
			puts_("\n");
		}
		puts_("\n");
		break;
	case 7:
		puts_("Story continues below advertisement\n\n");
		break;
	default:
		puts_("Image caption: ");
		person();
		putf(" speaking in %s %s\n\n", PICK(place), PICK(relative_en));
		break;
	}
}

/* "Most read" list, copyright and links at the bottom of a page. */
static void
en_footer(void)
{
	int y = 2015 + (int)rnd(11);

	if (chance(60)) {
		puts_("Most read\n");
		for (int i = 0; i < 5; i++) {
			putf("%d. ", i + 1);
			en_headline();
			puts_("\n");
		}
		puts_("\n");
	}
	putf("\xc2\xa9 %d %s. All rights reserved.\n", y, PICK(agency));
	puts_("Terms of Use | Privacy Policy | Cookie Settings | Contact Us\n");
}

/* A dateline line near the top. */
static void
en_dateline(void)
{
	int m = (int)rnd(12), y = 2005 + (int)rnd(21), d = mday(m);

	switch (rnd(4)) {
	case 0:
		putf("Published %s %d, %d %d:%02d %s ET\n", month_en[m], d, y,
		    1 + rnd(12), rnd(60), rnd(2) ? "AM" : "PM");
		break;
	case 1:
		putf("Updated %d:%02d GMT, %s %d %s %d\n", rnd(24), rnd(60),
		    PICK(weekday_en), d, month_en[m], y);
		break;
	case 2:
		putf("%s, %s %d, %d\n", weekday_en[rnd(7)], month_en[m], d, y);
		break;
	default:
		putf("%04d-%02d-%02d\n", y, m + 1, d);
		break;
	}
}

/* An English web article of about `target` bytes. */
static void
en_article(size_t target)
{
	size_t start = olen;

	en_nav();
	en_headline();
	puts_("\n\n");
	puts_("By ");
	person();
	puts_("\n");
	en_dateline();
	puts_("\n");
	putf("%s (%s) \xe2\x80\x94 ", PICK(city), PICK(agency));
	while (olen - start < target) {
		en_paragraph();
		if (chance(25))
			en_furniture();
	}
	en_footer();
}

/* ---- other languages ---- */

struct lang {
	const char *const *month;	/* 12 month names as used after a day */
	const char *const *weekday;	/* 7 */
	const char *const *rel;		/* relative expressions */
	size_t nrel;
	const char *const *sent;	/* sentence templates (%D date, %N noun) */
	size_t nsent;
	const char *const *nounl;	/* nouns */
	size_t nnoun;
	const char *const *said;	/* "sagte", ... */
	size_t nsaid;
	const char *const *furn;	/* furniture lines */
	size_t nfurn;
	const char *qo, *qc;		/* quotation marks */
	const char *datefmt;		/* %d day, %s month, %d year */
	const char *yearword;		/* "im Jahr", ... */
};

static const char *const de_month[] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember" };
static const char *const de_wd[] = {
	"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" };
static const char *const de_rel[] = {
	"letzte Woche", "nächsten Monat", "vor drei Tagen", "gestern", "heute",
	"im vergangenen Jahr", "Anfang des Jahres" };
static const char *const de_sent[] = {
	"Die Regierung hat %D die Pläne für die %N vorgestellt.",
	"Nach Angaben der Behörden wurde die %N %D verschoben.",
	"Viele Bürger kritisieren die %N, die %D beschlossen wurde.",
	"Die %N soll %D im Landtag beraten werden.",
	"Experten erwarten, dass die %N %D deutlich teurer wird.",
};
static const char *const de_noun[] = {
	"Reform", "Steuer", "Brücke", "Wahl", "Klinik", "Bahnstrecke", "Mietpreisbremse" };
static const char *const de_said[] = { "sagte", "erklärte", "betonte", "sagte am Montag" };
static const char *const de_furn[] = {
	"Anzeige", "Mehr zum Thema", "Newsletter abonnieren",
	"Alle Rechte vorbehalten. Impressum | Datenschutz | Kontakt" };

static const char *const fr_month[] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre" };
static const char *const fr_wd[] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" };
static const char *const fr_rel[] = {
	"la semaine dernière", "le mois prochain", "il y a trois jours", "hier",
	"aujourd'hui", "l'année dernière", "en début d'année" };
static const char *const fr_sent[] = {
	"Le gouvernement a présenté %D le projet de %N.",
	"Selon les autorités, la %N a été reportée %D.",
	"De nombreux habitants critiquent la %N adoptée %D.",
	"La %N sera examinée %D par les députés.",
	"Les experts estiment que la %N coûtera plus cher %D.",
};
static const char *const fr_noun[] = {
	"réforme", "taxe", "élection", "grève", "ligne ferroviaire", "loi", "enquête" };
static const char *const fr_said[] = { "a déclaré", "a affirmé", "a expliqué", "a ajouté" };
static const char *const fr_furn[] = {
	"Publicité", "Lire aussi", "Abonnez-vous à notre newsletter",
	"Tous droits réservés. Mentions légales | Contact" };

static const char *const es_month[] = {
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	"septiembre", "octubre", "noviembre", "diciembre" };
static const char *const es_wd[] = {
	"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo" };
static const char *const es_rel[] = {
	"la semana pasada", "el próximo mes", "hace tres días", "ayer", "hoy",
	"el año pasado", "a principios de año" };
static const char *const es_sent[] = {
	"El gobierno presentó %D el proyecto de %N.",
	"Según las autoridades, la %N se aplazó %D.",
	"Muchos vecinos critican la %N aprobada %D.",
	"La %N será debatida %D en el Congreso.",
	"Los expertos creen que la %N costará más %D.",
};
static const char *const es_noun[] = {
	"reforma", "huelga", "elección", "ley", "investigación", "autopista", "tarifa" };
static const char *const es_said[] = { "dijo", "afirmó", "explicó", "aseguró" };
static const char *const es_furn[] = {
	"Publicidad", "Te puede interesar", "Suscríbete a nuestro boletín",
	"Todos los derechos reservados. Aviso legal | Contacto" };

static const char *const it_month[] = {
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
	"agosto", "settembre", "ottobre", "novembre", "dicembre" };
static const char *const it_wd[] = {
	"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica" };
static const char *const it_rel[] = {
	"la settimana scorsa", "il mese prossimo", "tre giorni fa", "ieri", "oggi",
	"l'anno scorso" };
static const char *const it_sent[] = {
	"Il governo ha presentato %D il progetto di %N.",
	"Secondo le autorità, la %N è stata rinviata %D.",
	"Molti cittadini criticano la %N approvata %D.",
	"La %N sarà discussa %D in Parlamento.",
};
static const char *const it_noun[] = {
	"riforma", "legge", "elezione", "inchiesta", "ferrovia", "tassa" };
static const char *const it_said[] = { "ha detto", "ha dichiarato", "ha spiegato" };
static const char *const it_furn[] = {
	"Pubblicità", "Leggi anche", "Iscriviti alla newsletter",
	"Riproduzione riservata. Privacy | Contatti" };

static const char *const ru_month[] = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
	"сентября", "октября", "ноября", "декабря" };
static const char *const ru_wd[] = {
	"понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье" };
static const char *const ru_rel[] = {
	"на прошлой неделе", "в следующем месяце", "три дня назад", "вчера",
	"сегодня", "в прошлом году" };
static const char *const ru_sent[] = {
	"Правительство %D представило проект: %N.",
	"По данным властей, %N перенесли %D.",
	"Многие жители критикуют %N, принятую %D.",
	"Депутаты рассмотрят %N %D.",
};
static const char *const ru_noun[] = {
	"реформу", "закон", "выборы", "расследование", "налог", "бюджет" };
static const char *const ru_said[] = { "сказал", "заявил", "отметил", "сообщила" };
static const char *const ru_furn[] = {
	"Реклама", "Читайте также", "Подпишитесь на рассылку",
	"Все права защищены. Контакты | Политика конфиденциальности" };

#define LANG(p, qo, qc, fmt, yw) { p##_month, p##_wd, p##_rel, NELEM(p##_rel), \
	p##_sent, NELEM(p##_sent), p##_noun, NELEM(p##_noun), p##_said, \
	NELEM(p##_said), p##_furn, NELEM(p##_furn), qo, qc, fmt, yw }

static const struct lang langs[] = {
	LANG(de, "\xe2\x80\x9e", "\xe2\x80\x9c", "%d. %s %d", "im Jahr"),
	LANG(fr, "\xc2\xab\xc2\xa0", "\xc2\xa0\xc2\xbb", "%d %s %d", "en"),
	LANG(es, "\xc2\xab", "\xc2\xbb", "%d de %s de %d", "en"),
	LANG(it, "\xc2\xab", "\xc2\xbb", "%d %s %d", "nel"),
	LANG(ru, "\xc2\xab", "\xc2\xbb", "%d %s %d года", "в"),
};

/* A date in language L. */
static void
l_date(const struct lang *L)
{
	int m = (int)rnd(12), d = mday(m), y = 1995 + (int)rnd(31);

	switch (rnd(5)) {
	case 0: case 1:
		putf(L->datefmt, d, L->month[m], y);
		break;
	case 2:
		putf("%s", L->rel[rnd((unsigned)L->nrel)]);
		break;
	case 3:
		putf("%02d.%02d.%d", d, m + 1, y);
		break;
	default:
		putf("%s %d", L->yearword, y);
		break;
	}
}

/* One sentence in language L: its template's %D becomes a date, %N a
 * noun. */
static void
l_sentence(const struct lang *L)
{
	const char *t = L->sent[rnd((unsigned)L->nsent)], *p;

	while ((p = strchr(t, '%')) != NULL) {
		put(t, (size_t)(p - t));
		if (p[1] == 'D')
			l_date(L);
		else
			puts_(L->nounl[rnd((unsigned)L->nnoun)]);
		t = p + 2;
	}
	puts_(t);
	puts_(" ");
}

/* A quotation in language L. */
static void
l_quote(const struct lang *L)
{
	puts_(L->qo);
	l_sentence(L);
	olen--;			/* the space */
	do			/* and the full stop, a whole character */
		olen--;
	while (olen > 0 && (ob[olen] & 0xC0) == 0x80);
	puts_(L->qc);
	putf(", %s %s %s. ", L->said[rnd((unsigned)L->nsaid)], PICK(given),
	    PICK(surname));
}

/* An article in language L of about `target` bytes. */
static void
l_article(const struct lang *L, size_t target)
{
	size_t start = olen;
	int m = (int)rnd(12), y = 2005 + (int)rnd(21);

	putf("%s\n\n", L->furn[rnd((unsigned)L->nfurn - 1)]);
	l_sentence(L);
	olen--;
	puts_("\n\n");
	putf("%s %s\n", PICK(given), PICK(surname));
	putf("%s, ", L->weekday[rnd(7)]);
	putf(L->datefmt, mday(m), L->month[m], y);
	puts_("\n\n");
	while (olen - start < target) {
		int n = 2 + (int)rnd(4);

		for (int i = 0; i < n; i++) {
			if (rnd(4) == 0)
				l_quote(L);
			else
				l_sentence(L);
		}
		olen--;
		puts_("\n\n");
		if (chance(15))
			putf("%s\n\n", L->furn[rnd((unsigned)L->nfurn - 1)]);
	}
	putf("\xc2\xa9 %d %s\n", y, L->furn[L->nfurn - 1]);
}

/* ---- dumps ---- */

/* The body of a plain article (paragraphs only). */
static void
en_body(size_t target)
{
	size_t start = olen;

	while (olen - start < target)
		en_paragraph();
}

/* An export of several articles with numbered headers and trailers. */
static void
export_dump(void)
{
	int n = 3 + (int)rnd(8);

	for (int i = 1; i <= n; i++) {
		int m = (int)rnd(12), y = 2005 + (int)rnd(21);
		size_t words = 300 + rnd(900);

		putf("%d of %d DOCUMENTS\n\n%s\n\n", i, n, PICK(agency));
		putf("%s %d, %d %s\n\n", month_en[m], mday(m), y, PICK(weekday_en));
		putf("SECTION: %s; Pg. %u\n\nLENGTH: %zu words\n\n", PICK(section),
		    1 + rnd(30), words);
		en_headline();
		puts_("\n\nBYLINE: ");
		person();
		puts_("\n\n");
		en_body(words * 6);
		putf("LOAD-DATE: %s %d, %d\n\nLANGUAGE: ENGLISH\n\nEnd of Document\n\n\n",
		    month_en[m], mday(m), y);
	}
}

/* A digest: short articles separated by "* * *" lines. */
static void
digest_dump(void)
{
	int n = 3 + (int)rnd(6);

	for (int i = 0; i < n; i++) {
		if (i)
			puts_("* * *\n\n");
		en_headline();
		puts_("\n");
		en_dateline();
		puts_("\n");
		en_body(800 + rnd(2500));
	}
}

/* ---- wire copy: surname and pronoun speakers, apostrophes ---- */

static const char *const en_contraction[] = {
	"don't", "won't", "can't", "it's", "we're", "they've", "isn't", "wasn't",
	"we'll", "that's", "there's", "I'm", "you'd", "hasn't", "couldn't",
};
static const char *const en_irish[] = {
	"O'Brien", "O'Neill", "D'Souza", "O'Connor", "Dell'Orto", "N'Diaye",
};

/* A clause with contractions and possessives, as people speak. */
static void
en_spoken_clause(void)
{
	switch (rnd(6)) {
	case 0:
		putf("%s going to %s the %s's plan", PICK(en_contraction), PICK(vinf),
		    PICK(noun));
		break;
	case 1:
		putf("the %s %s what we asked for, and %s ready to %s it", PICK(noun),
		    rnd(2) ? "isn't" : "wasn't", rnd(2) ? "we're" : "they're", PICK(vinf));
		break;
	case 2:
		putf("%s about the %s; %s about %s", rnd(2) ? "it's not" : "this isn't",
		    PICK(noun), rnd(2) ? "it's" : "that's", PICK(nouns));
		break;
	case 3:
		putf("we %s %s the %s until the '%02u election", rnd(2) ? "won't" : "can't",
		    PICK(vinf), PICK(noun), rnd(30));
		break;
	case 4:
		putf("%s, and %s %s", rnd(2) ? "I'm not worried" : "I'm worried",
		    PICK(nouns), rnd(2) ? "shouldn't be either" : "know it");
		break;
	default:
		en_said_clause();
		break;
	}
}

/* A wire story: a first mention with full name and title, then the
 * surname, pronouns and "said Surname", curly and straight marks, single
 * quotation marks in headlines, many apostrophes. */
static void
en_wire(size_t target, int lede)
{
	size_t start = olen, s;
	const char *sur[3], *giv[3];
	int fem[3];

	for (int i = 0; i < 3; i++) {
		sur[i] = rnd(6) == 0 ? PICK(en_irish) : PICK(surname);
		giv[i] = PICK(given);
		fem[i] = (int)rnd(2);
	}
	if (lede) {
		putf("%s's %s faces '%s' test\n\n", PICK(city), rnd(2) ? "mayor" : "council",
		    PICK(adj));
		putf("%s, %s %d (%s) - ", PICK(city), PICK(mon_abbr), 1 + rnd(28), PICK(agency));
	}
	putf("%s %s, %s, said on %s that %s's %s %s %s.\n\n", giv[0], sur[0],
	    PICK(title_), PICK(weekday_en), PICK(org), PICK(noun),
	    rnd(2) ? "wasn't" : "isn't", rnd(2) ? "finished" : "settled");
	while (olen - start < target) {
		int k = (int)rnd(3), n = 1 + (int)rnd(3);

		for (int i = 0; i < n; i++) {
			switch (rnd(9)) {
			case 0:		/* "Clause," Surname said. */
				puts_("\xe2\x80\x9c");
				s = olen;
				en_spoken_clause();
				cap_from(s);
				putf(",\xe2\x80\x9d %s said.", sur[k]);
				break;
			case 1:		/* "Clause," she said. */
				puts_("\"");
				s = olen;
				en_spoken_clause();
				cap_from(s);
				putf(",\" %s %s.", fem[k] ? "she" : "he", PICK(said));
				break;
			case 2:		/* "Clause," said Surname, who ... */
				puts_("\xe2\x80\x9c");
				s = olen;
				en_spoken_clause();
				cap_from(s);
				putf(",\xe2\x80\x9d said %s, who %s the %s in %d.", sur[k],
				    PICK(vpast), PICK(noun), 1990 + rnd(34));
				break;
			case 3:		/* He said the ... 'scare' ... */
				putf("%s said %s's '%s' %s %s %s.", fem[k] ? "She" : "He",
				    PICK(org), PICK(adj), PICK(noun), PICK(en_contraction),
				    PICK(vpast));
				break;
			case 4:		/* Ms Surname added: "..." */
				putf("%s %s added: \xe2\x80\x9c", fem[k] ? "Ms." : "Mr.", sur[k]);
				s = olen;
				en_spoken_clause();
				cap_from(s);
				puts_(".\xe2\x80\x9d");
				break;
			case 5:		/* a paraphrase with a date */
				putf("%s told reporters the %s would be %s ", sur[k], PICK(noun),
				    PICK(vpast));
				en_date();
				puts_(".");
				break;
			default:
				en_sentence();
				olen--;
				break;
			}
			puts_(" ");
		}
		olen--;
		puts_("\n\n");
	}
}

/* ---- rendered pages: w3m -dump of a news site ---- */

/* Rewraps what was written from `from` on at `width` columns, each line
 * indented by `indent` spaces (as a text browser renders a block); a
 * newline in the text ends a line. */
static void
rewrap(size_t from, int width, int indent)
{
	size_t n = olen - from, i = 0, col = 0;
	char *t = malloc(n + 1);

	if (t == NULL) {
		perror("gencorpus");
		exit(1);
	}
	memcpy(t, ob + from, n);
	olen = from;
	while (i < n) {
		size_t j = i;

		if (t[i] == '\n') {
			puts_("\n");
			col = 0;
			i++;
			continue;
		}
		while (j < n && t[j] != ' ' && t[j] != '\n')
			j++;
		if (col > 0 && col + 1 + (j - i) > (size_t)width) {
			puts_("\n");
			col = 0;
		}
		if (col == 0) {
			for (int k = 0; k < indent; k++)
				puts_(" ");
			col = (size_t)indent;
		} else {
			puts_(" ");
			col++;
		}
		put(t + i, j - i);
		col += j - i;
		i = j < n && t[j] == ' ' ? j + 1 : j;
	}
	free(t);
}

/* A page as w3m renders it: link lists as short indented lines, a
 * search form, the article hard-wrapped at 72-78 columns, some blocks
 * indented, footnote-style link numbers, a footer of short lines. */
static void
rendered_page(size_t target)
{
	size_t start = olen, s;
	int width = 72 + (int)rnd(7), n = 6 + (int)rnd(8), ref = 1;

	putf("[%d]Skip to main content\n\n", ref++);
	for (int i = 0; i < n; i++)
		putf("   %s [%d]%s\n", rnd(3) ? "*" : "\xe2\x80\xa2", ref++, PICK(section));
	putf("\n   [%d]Sign in    [%d]Subscribe\n   Search: [%-20s] [Go]\n\n", ref,
	    ref + 1, "");
	ref += 2;
	s = olen;
	en_headline();
	rewrap(s, width, 0);
	puts_("\n\n");
	putf("   By [%d]", ref++);
	person();
	puts_("\n   ");
	en_dateline();
	puts_("\n");
	while (olen - start < target) {
		int indent = rnd(5) == 0 ? 3 : 0;

		s = olen;
		if (rnd(3) == 0)
			en_wire(300, 0);
		else
			en_paragraph();
		while (olen > s && ob[olen - 1] == '\n')
			olen--;
		rewrap(s, width - indent, indent);
		puts_("\n\n");
		if (chance(20)) {
			putf("   [%d]", ref++);
			en_headline();
			putf("\n   [%d]", ref++);
			en_headline();
			puts_("\n\n");
		}
		if (chance(10))
			puts_("   Advertisement\n\n");
	}
	puts_("   Related\n");
	for (int i = 0; i < 4; i++) {
		putf("     * [%d]", ref++);
		en_headline();
		puts_("\n");
	}
	putf("\n   [%d]About us  [%d]Contact  [%d]Privacy  [%d]Terms\n", ref, ref + 1,
	    ref + 2, ref + 3);
	putf("   \xc2\xa9 %d %s\n", 2010 + rnd(16), PICK(agency));
}

/* ---- more scripts: Greek, Arabic, Chinese, Japanese, Hindi, Ukrainian ---- */

static const char *const el_month[] = {
	"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
	"Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου" };
static const char *const el_wd[] = {
	"Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο", "Κυριακή" };
static const char *const el_rel[] = { "χθες", "σήμερα", "την περασμένη εβδομάδα", "πέρυσι" };
static const char *const el_sent[] = {
	"Η κυβέρνηση παρουσίασε %D το σχέδιο για την %N.",
	"Σύμφωνα με τις αρχές, η %N αναβλήθηκε %D.",
	"Πολλοί πολίτες επικρίνουν την %N που ψηφίστηκε %D.",
	"Η %N θα συζητηθεί στη Βουλή %D.",
};
static const char *const el_noun[] = { "μεταρρύθμιση", "απεργία", "εκλογή", "γέφυρα", "φορολογία" };
static const char *const el_said[] = { "δήλωσε", "είπε", "τόνισε" };
static const char *const el_furn[] = { "Διαφήμιση", "Διαβάστε επίσης",
	"Όλα τα δικαιώματα διατηρούνται. Επικοινωνία | Όροι χρήσης" };

static const char *const ar_month[] = {
	"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
	"سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" };
static const char *const ar_wd[] = {
	"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد" };
static const char *const ar_rel[] = { "أمس", "اليوم", "الأسبوع الماضي", "العام الماضي" };
static const char *const ar_sent[] = {
	"أعلنت الحكومة %D خطة جديدة بشأن %N.",
	"قالت السلطات إن %N تأجلت %D.",
	"انتقد كثير من المواطنين %N التي أقرت %D.",
	"سيناقش البرلمان %N %D.",
};
static const char *const ar_noun[] = { "الإصلاحات", "الانتخابات", "الميزانية", "الضرائب", "الإضراب" };
static const char *const ar_said[] = { "قال", "صرح", "أكد" };
static const char *const ar_furn[] = { "إعلان", "اقرأ أيضا", "جميع الحقوق محفوظة. اتصل بنا | سياسة الخصوصية" };

static const char *const zh_month[] = {
	"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" };
static const char *const zh_wd[] = { "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日" };
static const char *const zh_rel[] = { "昨天", "今天", "上周", "去年" };
static const char *const zh_sent[] = {
	"政府%D公布了关于%N的新计划。",
	"据当局称，%N已于%D推迟。",
	"许多市民批评%D通过的%N。",
	"议会将于%D讨论%N。",
};
static const char *const zh_noun[] = { "改革", "选举", "预算", "税收", "罢工" };
static const char *const zh_said[] = { "说", "表示", "指出" };
static const char *const zh_furn[] = { "广告", "相关阅读", "版权所有 联系我们 | 隐私政策" };

static const char *const ja_month[] = {
	"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" };
static const char *const ja_wd[] = { "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日" };
static const char *const ja_rel[] = { "昨日", "今日", "先週", "昨年" };
static const char *const ja_sent[] = {
	"政府は%D、%Nに関する新たな計画を発表した。",
	"当局によると、%Nは%D延期された。",
	"多くの市民が%D可決された%Nを批判している。",
};
static const char *const ja_noun[] = { "改革", "選挙", "予算", "税制", "ストライキ" };
static const char *const ja_said[] = { "と述べた", "と語った", "と強調した" };
static const char *const ja_furn[] = { "広告", "関連記事", "無断転載禁止 お問い合わせ | プライバシー" };

static const char *const hi_month[] = {
	"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
	"सितंबर", "अक्टूबर", "नवंबर", "दिसंबर" };
static const char *const hi_wd[] = { "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार" };
static const char *const hi_rel[] = { "कल", "आज", "पिछले सप्ताह", "पिछले साल" };
static const char *const hi_sent[] = {
	"सरकार ने %D %N पर नई योजना की घोषणा की।",
	"अधिकारियों के अनुसार %N को %D टाल दिया गया।",
	"कई नागरिकों ने %D पारित %N की आलोचना की।",
};
static const char *const hi_noun[] = { "सुधार", "चुनाव", "बजट", "कर", "हड़ताल" };
static const char *const hi_said[] = { "ने कहा", "ने बताया" };
static const char *const hi_furn[] = { "विज्ञापन", "यह भी पढ़ें", "सर्वाधिकार सुरक्षित। संपर्क करें | गोपनीयता नीति" };

static const char *const uk_month[] = {
	"січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
	"серпня", "вересня", "жовтня", "листопада", "грудня" };
static const char *const uk_wd[] = {
	"понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю" };
static const char *const uk_rel[] = { "вчора", "сьогодні", "минулого тижня", "торік" };
static const char *const uk_sent[] = {
	"Уряд %D представив проєкт: %N.",
	"За даними влади, %N перенесли %D.",
	"Багато мешканців критикують %N, ухвалену %D.",
	"Депутати розглянуть %N %D.",
};
static const char *const uk_noun[] = { "реформу", "закон", "вибори", "бюджет", "податок" };
static const char *const uk_said[] = { "сказав", "заявила", "зазначив" };
static const char *const uk_furn[] = { "Реклама", "Читайте також",
	"Усі права захищені. Контакти | Політика конфіденційності" };

static const struct lang scripts[] = {
	LANG(el, "\xc2\xab", "\xc2\xbb", "%d %s %d", "το"),
	LANG(ar, "\xc2\xab", "\xc2\xbb", "%d %s %d", "عام"),
	LANG(zh, "\xe2\x80\x9c", "\xe2\x80\x9d", "%3$d年%2$s%1$d日", ""),
	LANG(ja, "\xe3\x80\x8c", "\xe3\x80\x8d", "%3$d年%2$s%1$d日", ""),
	LANG(hi, "\xe2\x80\x9c", "\xe2\x80\x9d", "%d %s %d", "वर्ष"),
	LANG(uk, "\xc2\xab", "\xc2\xbb", "%d %s %d року", "у"),
};

/* Rewrites the document's LF line ends as CRLF. */
static void
to_crlf(size_t from)
{
	size_t nl = 0;

	for (size_t i = from; i < olen; i++)
		nl += ob[i] == '\n';
	put("", 0);
	if (olen + nl + 1 > ocap) {
		ocap = olen + nl + 1;
		if ((ob = realloc(ob, ocap)) == NULL) {
			perror("gencorpus");
			exit(1);
		}
	}
	for (size_t i = olen, j = olen + nl; i > from;) {
		ob[--j] = ob[--i];
		if (ob[i] == '\n')
			ob[--j] = '\r';
	}
	olen += nl;
}

/* Writes one document. */
static void
document(void)
{
	unsigned k = rnd(100);

	olen = 0;
	if (k < 30)
		en_article(2000 + rnd(rnd(4) == 0 ? 16000 : 6000));
	else if (k < 50)
		en_wire(1500 + rnd(5000), 1);
	else if (k < 70)
		rendered_page(2500 + rnd(rnd(4) == 0 ? 14000 : 5000));
	else if (k < 75)
		export_dump();
	else if (k < 79)
		digest_dump();
	else if (k < 91)
		l_article(&langs[k % NELEM(langs)], 2000 + rnd(6000));
	else
		l_article(&scripts[k % NELEM(scripts)], 2000 + rnd(5000));
	if (chance(3))
		to_crlf(0);
	put("", 1);		/* the NUL */
}

/* Writes the document (NUL excluded) as one JSON Lines object
 * {"id":N,"text":"..."} (-j): the same documents for the --jsonl runs.
 * The text is valid UTF-8, so only quotes, backslashes and control
 * characters need escapes. */
static int
write_json(unsigned long long id)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	if (printf("{\"id\":%llu,\"text\":\"", id) < 0)
		return -1;
	for (i = 0; i + 1 < olen; i++) {
		unsigned char c = (unsigned char)ob[i];
		char e[7];
		size_t n = 0;

		if (c == '"' || c == '\\') {
			e[0] = '\\', e[1] = (char)c, n = 2;
		} else if (c < 0x20) {
			e[0] = '\\';
			if (c == '\n' || c == '\r' || c == '\t') {
				e[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't', n = 2;
			} else {
				memcpy(e + 1, "u00", 3);
				e[4] = hex[c >> 4], e[5] = hex[c & 15], n = 6;
			}
		}
		if (n == 0)
			continue;
		if (fwrite(ob + run, 1, i - run, stdout) != i - run || fwrite(e, 1, n, stdout) != n)
			return -1;
		run = i + 1;
	}
	if (fwrite(ob + run, 1, i - run, stdout) != i - run || fputs("\"}\n", stdout) < 0)
		return -1;
	return 0;
}

/* -J: NUL-separated documents on stdin to JSON Lines on stdout. */
static int
convert(void)
{
	unsigned long long id = 0;
	int c;

	olen = 0;
	while ((c = getchar()) != EOF) {
		char ch = (char)c;

		put(&ch, 1);
		if (c == '\0') {
			if (write_json(++id) != 0)
				return 1;
			olen = 0;
		}
	}
	if (olen > 0) {
		put("", 1);
		if (write_json(++id) != 0)
			return 1;
	}
	return ferror(stdin) || fflush(stdout) != 0;
}

int
main(int argc, char **argv)
{
	unsigned long long seed = 20231018, target, done = 0, ndocs = 0;
	size_t largest = 0;
	const char *stats = NULL;
	double mb;
	char *end;
	int c, json = 0;

	while ((c = getopt(argc, argv, "jJs:S:")) != -1) {
		if (c == 'J')
			return convert();
		if (c == 's')
			seed = strtoull(optarg, NULL, 10);
		else if (c == 'S')
			stats = optarg;
		else if (c == 'j')
			json = 1;
		else
			goto usage;
	}
	if (optind + 1 != argc)
		goto usage;
	mb = strtod(argv[optind], &end);
	if (*end != '\0' || !(mb > 0) || mb > 1e6)
		goto usage;
	target = (unsigned long long)(mb * 1e6);
	rs = seed;
	while (done < target) {
		document();
		if (json ? write_json(ndocs + 1) != 0 : fwrite(ob, 1, olen, stdout) != olen) {
			perror("gencorpus: write");
			return 1;
		}
		done += olen;
		ndocs++;
		if (olen - 1 > largest)
			largest = olen - 1;
	}
	if (fflush(stdout) != 0) {
		perror("gencorpus: write");
		return 1;
	}
	if (stats != NULL) {
		FILE *f = fopen(stats, "w");

		if (f == NULL || fprintf(f, "documents %llu bytes %llu largest %zu\n",
		    ndocs, done, largest) < 0 || fclose(f) != 0) {
			perror(stats);
			return 1;
		}
	}
	return 0;
usage:
	fputs("usage: gencorpus [-j] [-s SEED] [-S STATSFILE] MEGABYTES\n"
	    "       gencorpus -J < CORPUS\n", stderr);
	return 2;
}
