/*
 * test_boilerplate.c - the boilerplate engine on buffers: units, classes,
 * kept ranges, languages, furniture, inline cuts, templates.  Every text
 * here was written for these tests.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "tap.h"

static struct np_boilerplate *bp;
static struct np_bp_result res;
static char kept[8192];

/* Classifies s and joins the kept ranges with '|' into kept[]. */
static const char *
keep(const char *s)
{
	size_t i, k = 0;

	if (np_boilerplate_classify(bp, s, strlen(s), &res) != NP_OK)
		return "(error)";
	for (i = 0; i < res.n; i++) {
		const struct np_bp_block *b = &res.v[i];
		size_t n = b->keep_end - b->keep_start;

		if (b->cls != NP_BP_GOOD)
			continue;
		if (k > 0 && k < sizeof kept - 1)
			kept[k++] = '|';
		if (k + n >= sizeof kept)
			n = sizeof kept - 1 - k;
		memcpy(kept + k, s + b->keep_start, n);
		k += n;
	}
	kept[k] = '\0';
	return kept;
}

/* The class and reason of the unit that starts with prefix. */
static const struct np_bp_block *
unit(const char *s, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < res.n; i++)
		if (res.v[i].end - res.v[i].start >= n &&
		    memcmp(s + res.v[i].start, prefix, n) == 0)
			return &res.v[i];
	return NULL;
}

/* A page in one language: a title, furniture, two paragraphs. */
struct langpage {
	const char *lang;
	const char *furniture;
	const char *p1, *p2;
};

static const struct langpage pages[] = {
	{ "en", "Advertisement",
	  "The new school opened its doors on Monday morning, and the children who had waited all summer for it were the first to walk through the gates with their parents.",
	  "Teachers said that the building was warmer and brighter than the old one, and that the library would be open to everyone in the village after lessons." },
	{ "de", "Anzeige",
	  "Die neue Schule hat am Montagmorgen ihre Türen geöffnet, und die Kinder, die den ganzen Sommer darauf gewartet hatten, waren die ersten, die mit ihren Eltern durch das Tor gingen.",
	  "Die Lehrer sagten, dass das Gebäude wärmer und heller sei als das alte und dass die Bibliothek nach dem Unterricht für alle im Dorf geöffnet werde." },
	{ "fr", "Publicité",
	  "La nouvelle école a ouvert ses portes lundi matin, et les enfants qui l'avaient attendue tout l'été ont été les premiers à passer le portail avec leurs parents.",
	  "Les enseignants ont dit que le bâtiment était plus chaud et plus clair que l'ancien, et que la bibliothèque serait ouverte à tous les habitants après les cours." },
	{ "es", "Publicidad",
	  "La nueva escuela abrió sus puertas el lunes por la mañana, y los niños que la habían esperado todo el verano fueron los primeros en cruzar la puerta con sus padres.",
	  "Los profesores dijeron que el edificio era más cálido y luminoso que el antiguo, y que la biblioteca estará abierta para todos los vecinos después de las clases." },
	{ "it", "Pubblicità",
	  "La nuova scuola ha aperto le sue porte lunedì mattina, e i bambini che l'avevano aspettata per tutta l'estate sono stati i primi a entrare con i loro genitori.",
	  "Gli insegnanti hanno detto che l'edificio è più caldo e luminoso di quello vecchio, e che la biblioteca sarà aperta a tutti gli abitanti dopo le lezioni." },
	{ "pt", "Publicidade",
	  "A nova escola abriu as suas portas na segunda de manhã, e as crianças que a tinham esperado todo o verão foram as primeiras a entrar com os seus pais.",
	  "Os professores disseram que o edifício é mais quente e mais claro do que o antigo, e que a biblioteca vai estar aberta para todos os moradores depois das aulas." },
	{ "nl", "Advertentie",
	  "De nieuwe school heeft maandagochtend haar deuren geopend, en de kinderen die er de hele zomer op hadden gewacht waren de eersten die met hun ouders door het hek liepen.",
	  "De leraren zeiden dat het gebouw warmer en lichter is dan het oude, en dat de bibliotheek na de lessen voor iedereen in het dorp open zal zijn." },
	{ "pl", "Reklama",
	  "Nowa szkoła otworzyła swoje drzwi w poniedziałek rano, a dzieci, które czekały na nią przez całe lato, jako pierwsze weszły do niej razem z rodzicami.",
	  "Nauczyciele powiedzieli, że budynek jest cieplejszy i jaśniejszy niż stary, a biblioteka będzie po lekcjach otwarta dla wszystkich mieszkańców wsi." },
	{ "uk", "Реклама",
	  "Нова школа відчинила свої двері в понеділок вранці, і діти, які чекали на неї все літо, першими пройшли через ворота разом зі своїми батьками.",
	  "Вчителі сказали, що будівля тепліша і світліша за стару, а бібліотека буде відкрита для всіх мешканців села після уроків, як і обіцяли." },
	{ "ru", "Реклама",
	  "Новая школа открыла свои двери в понедельник утром, и дети, которые ждали её всё лето, первыми прошли через ворота вместе со своими родителями.",
	  "Учителя сказали, что здание теплее и светлее старого, а библиотека будет открыта для всех жителей деревни после уроков, как и было обещано." },
};

int
main(void)
{
	struct np_boilerplate_opts o;
	int err;
	size_t i;
	char buf[4096];
	const char *s;
	const struct np_bp_block *b;

	np_boilerplate_opts_init(&o);
	is_int((long long)o.length_low, 70, "default length_low");
	is_int((long long)o.length_high, 200, "default length_high");
	ok(o.stopwords_low == 0.30 && o.stopwords_high == 0.32, "default stopword thresholds");
	is_str(o.lang, "auto", "default language auto");

	o.lang = "xx";
	ok(np_boilerplate_new(&o, &err) == NULL && err == NP_EINVAL, "unknown language refused");
	o.lang = "auto";
	o.stopwords_low = 0.5;
	ok(np_boilerplate_new(&o, &err) == NULL && err == NP_EINVAL, "low above high refused");
	np_boilerplate_opts_init(&o);
	if ((bp = np_boilerplate_new(&o, &err)) == NULL) {
		ok(0, "context: %s", np_strerror(err));
		return done_testing();
	}

	/* empty and furniture-only input */
	is_str(keep(""), "", "empty input: nothing");
	is_int((long long)res.n, 0, "empty input: no units");
	is_str(keep("Menu\nSearch\nHome | News | Sport\n"), "", "navigation only: nothing kept");

	/* every language: its stoplist is picked, its furniture goes, its
	 * article stays */
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		const struct langpage *p = &pages[i];
		char want[2048];

		snprintf(buf, sizeof buf, "Menu\n\nSchool opens\n\n%s\n\n%s\n\n%s\n",
		    p->p1, p->furniture, p->p2);
		snprintf(want, sizeof want, "School opens|%s|%s", p->p1, p->p2);
		is_str(keep(buf), want, "%s: title and paragraphs kept, furniture dropped", p->lang);
		is_str(res.lang, p->lang, "%s: stoplist detected", p->lang);
		b = unit(buf, p->furniture);
		ok(b != NULL && b->cls == NP_BP_BAD, "%s: '%s' is bad", p->lang, p->furniture);
	}

	/* a fixed language is used as it is */
	np_boilerplate_free(bp);
	o.lang = "de";
	bp = np_boilerplate_new(&o, &err);
	keep("The council met on Monday and agreed that the new road would be built.\n");
	is_str(res.lang, "de", "-L de is used even for English text");
	np_boilerplate_free(bp);
	np_boilerplate_opts_init(&o);
	bp = np_boilerplate_new(&o, &err);

	/* furniture kinds, each as its own line between paragraphs */
	{
		static const char *const furn[] = {
			"Sign up now: Get our newsletters delivered to your inbox",
			"ADVERTISEMENT",
			"FILE PHOTO: The old bridge seen from the river. REUTERS/Jane Roe",
			"Image Source : Jane Roe",
			"The mayor speaks to reporters on Monday. AP Photo",
			"Read more: Council to vote on parking fees",
			"Lire aussi : Le conseil vote le budget",
			"Mehr zum Thema: Der Rat stimmt ab",
			"(Reporting by Jane Roe; Editing by John Doe)",
			"Privacy Policy",
			"© 2024 The Valley News",
			"Follow us on Twitter",
			"We use cookies to improve your experience",
			"Share on Facebook",
			"All rights reserved",
		};
		const char *p1 = pages[0].p1, *p2 = pages[0].p2;
		char want[2048];

		for (i = 0; i < sizeof furn / sizeof furn[0]; i++) {
			snprintf(buf, sizeof buf, "%s\n\n%s\n\n%s\n", p1, furn[i], p2);
			snprintf(want, sizeof want, "%s|%s", p1, p2);
			is_str(keep(buf), want, "furniture dropped: %s", furn[i]);
		}
		/* dates and section ends before the article */
		snprintf(buf, sizeof buf, "12 March 2024\n\n%s\n\n%s\n", p1, p2);
		snprintf(want, sizeof want, "%s|%s", p1, p2);
		is_str(keep(buf), want, "date line before the article dropped");
		/* a section end after the article closes it */
		snprintf(buf, sizeof buf, "%s\n\n%s\n\nMost popular\n\n%s\n", p1, p2,
		    pages[1].p1);
		snprintf(want, sizeof want, "%s|%s", p1, p2);
		is_str(keep(buf), want, "after 'Most popular' nothing is kept");
	}

	/* a title printed twice is kept once; a teaser list with dates goes */
	s = "Bridge to reopen in May\n\nBridge to reopen in May\n\n"
	    "The old bridge over the river will reopen to traffic in May after a year of repairs, the county said on Friday, and buses will return to their old route through the town centre.\n\n"
	    "Engineers found that the steel frame was in better condition than expected, which allowed the work to finish two months early and under the planned budget.\n\n"
	    "You might also like\n\nNew car park for the station\n4 March 2024\n\nTown hall clock repaired\n1 March 2024\n";
	keep(s);
	is_int((long long)strlen(kept) > 0, 1, "bridge page kept");
	ok(strstr(kept, "Bridge to reopen in May|The old bridge") == kept, "title once, then the article");
	ok(strstr(kept, "car park") == NULL && strstr(kept, "March") == NULL, "teaser list dropped");

	/* hard-wrapped paragraphs are one unit each */
	s = "   The ferry service between the mainland and the three small islands\n"
	    "   resumed on Thursday morning after a break of almost a week, during\n"
	    "   which high winds and heavy seas made the crossing too dangerous.\n\n"
	    "   Islanders had been warned that the shops might run short of fresh\n"
	    "   food, but the operator said that the first crossing had carried a\n"
	    "   full load of bread, milk and vegetables for the island shops.\n";
	keep(s);
	is_int((long long)res.n, 2, "two wrapped paragraphs, two units");
	ok(res.n == 2 && res.v[0].cls == NP_BP_GOOD && res.v[1].cls == NP_BP_GOOD,
	    "wrapped paragraphs kept");
	ok(res.n == 2 && memchr(s + res.v[0].keep_start, '\n',
	    res.v[0].keep_end - res.v[0].keep_start) != NULL, "kept with their line breaks");

	/* furniture glued to the start and end of a long line is cut */
	s = "Sign up now: Get our newsletters delivered to your inbox FILE PHOTO: A crane at the port, June 3, 2023. REUTERS/John Smith DOVER, England - Dock workers at the port voted on Friday to end a three-week strike after their union and the operator agreed a new pay deal for this year and the next. REUTERS\n";
	keep(s);
	ok(strncmp(kept, "DOVER, England - Dock workers", 29) == 0, "cut before the dateline");
	ok(strlen(kept) > 5 && strcmp(kept + strlen(kept) - 5, "next.") == 0,
	    "agency signature cut from the end");
	b = unit(s, "Sign up");
	ok(b != NULL && b->keep_start > b->start && b->keep_end < b->end,
	    "the unit keeps its bytes, the kept range is inside");
	s = "ADVERTISEMENT The regional airport said on Monday that it would add four new routes next spring, bringing the number of destinations served from the terminal to more than twenty.";
	is_str(keep(s), s + strlen("ADVERTISEMENT "), "ADVERTISEMENT cut");

	/* a furniture word that begins a paragraph's text is not cut */
	s = "Latest figures show that the town has grown by a tenth in ten years, and that most of the people who moved here came from the city to find cheaper homes.";
	is_str(keep(s), s, "'Latest figures show...' kept whole");
	/* a caption inside a flattened paragraph is left out */
	s = "The harbour master said on Tuesday that the old lighthouse would be painted before the summer, after visitors complained about its walls. A painter works on the wall in Eastwick, 4 May, 2024 AP Photo The work will take about three weeks, and the lighthouse will stay open on weekends.";
	keep(s);
	ok(res.n == 1 && res.v[0].nholes == 1, "one caption found inside");
	ok(res.n == 1 && res.v[0].nholes == 1 &&
	    strncmp(s + res.v[0].holes[0].start, "A painter works", 15) == 0 &&
	    strncmp(s + res.v[0].holes[0].end, "The work will", 13) == 0, "caption range");

	/* a clean article: every unit kept */
	snprintf(buf, sizeof buf, "Village school opens\n\n%s\n\n%s\n", pages[0].p1, pages[0].p2);
	keep(buf);
	for (i = 0, err = 0; i < res.n; i++)
		err += res.v[i].cls != NP_BP_GOOD;
	is_int(err, 0, "clean article: nothing dropped");

	/* invalid UTF-8 and NUL bytes: no crash, ranges stay in bounds */
	{
		char raw[400];
		size_t n;

		memset(raw, 'a', sizeof raw);
		for (n = 0; n < sizeof raw; n += 7)
			raw[n] = (char)(n % 3 == 0 ? 0xff : n % 3 == 1 ? 0 : ' ');
		ok(np_boilerplate_classify(bp, raw, sizeof raw, &res) == NP_OK, "garbage: ok");
		for (i = 0, err = 0; i < res.n; i++)
			err += res.v[i].keep_end > sizeof raw || res.v[i].keep_start > res.v[i].keep_end;
		is_int(err, 0, "garbage: ranges in bounds");
	}

	/* templates: a line in every document of the run */
	{
		const char *docs[3] = {
			"The Valley News is printed on recycled paper by a cooperative owned by the readers who buy it every week.\n\nThe old bridge over the river will reopen to traffic in May after a year of repairs, the county said on Friday.\n",
			"The Valley News is printed on recycled paper by a cooperative owned by the readers who buy it every week.\n\nThe weekly market will move to the main square for the summer months, the council said on Tuesday afternoon.\n",
			"The Valley News is printed on recycled paper by a cooperative owned by the readers who buy it every week.\n\nA new footbridge over the weir opened on Sunday, giving walkers a direct path between the two parks.\n",
		};

		keep(docs[0]);
		ok(strstr(kept, "recycled") != NULL, "no templates: the line stays");
		for (i = 0; i < 3; i++)
			np_boilerplate_template_add(bp, docs[i], strlen(docs[i]));
		keep(docs[0]);
		ok(strstr(kept, "recycled") == NULL && strstr(kept, "bridge") != NULL,
		    "templates: the line goes, the article stays");
		b = unit(docs[0], "The Valley");
		ok(b != NULL && strcmp(b->reason, "site template") == 0, "reason: site template");
		np_boilerplate_template_clear(bp);
		keep(docs[0]);
		ok(strstr(kept, "recycled") != NULL, "cleared: the line stays again");
	}

	is_str(np_bp_class_name(NP_BP_NEAR_GOOD), "near-good", "class names");
	np_bp_result_free(&res);
	np_boilerplate_free(bp);
	return done_testing();
}
