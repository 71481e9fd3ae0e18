/*
 * test_html.c - the HTML reader's stages one by one: charset
 * (np_html_to_utf8), the walk and its evidence (np_html_read: blocks,
 * flags, table rows, class hints and their share, the main box, small
 * forms), the metadata (title, date, url, lang, author) and the hints
 * the classifier gets (np_boilerplate_classify_html).  Every page here
 * was written for these tests.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/html.h"
#include "../../filters/boilerplate/bp.h"
#include "../../filters/boilerplate/html.h"
#include "tap.h"

/* Converts s and compares the result with want. */
static void
charset_case(const char *s, size_t n, const char *want, const char *cs, const char *what)
{
	struct np_html_text t = { 0 };

	if (np_html_to_utf8(s, n, &t) != NP_OK) {
		ok(0, "%s: converts", what);
		return;
	}
	ok(t.len == strlen(want) && memcmp(t.buf, want, t.len) == 0, "%s: text", what);
	is_str(t.charset ? t.charset : "", cs, "%s: charset", what);
	np_html_text_free(&t);
}

/* The block whose text starts with prefix, or NULL. */
static const struct np_html_block *
block(const struct np_html_page *pg, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < pg->n; i++)
		if (pg->v[i].end - pg->v[i].start >= n &&
		    memcmp(pg->text.data + pg->v[i].start, prefix, n) == 0)
			return &pg->v[i];
	return NULL;
}

/* Whether the block starting with prefix is exactly text. */
static int
block_is(const struct np_html_page *pg, const char *prefix, const char *text)
{
	const struct np_html_block *b = block(pg, prefix);

	return b != NULL && b->end - b->start == strlen(text) &&
	    memcmp(pg->text.data + b->start, text, b->end - b->start) == 0;
}

static const char page[] =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Lock gates replaced at Marrow Point | The Kelby Courier</title>"
    "<meta property=\"og:site_name\" content=\"The Kelby Courier\">"
    "<meta property=\"article:published_time\" content=\"2024-05-02T09:30:00Z\">"
    "<meta name=\"author\" content=\"Ann Tarrant\">"
    "<link rel=\"canonical\" href=\"https://courier.example/locks\">"
    "<script>var x = '<p>not text</p>';</script><style>p { color: red }</style></head>"
    "<body class=\"page with-sidebar\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "<div class=\"story\"><h1>Lock gates replaced at Marrow Point</h1>"
    "<p>The old oak gates of the lock at Marrow Point were lifted out on Monday after ninety years, and the new steel gates went in before the evening tide came up the river.</p>"
    "<p>Boats that had waited below the lock since the morning passed through in the dark, and the keeper said the new gates opened with half the effort of the old ones.</p>"
    "<table><tr><th>Gate</th><th>Weight</th></tr><tr><td>Upper</td><td>4 t</td></tr></table>"
    "<div class=\"promo\"><p>Subscribers read every story first, and they get the printed paper at their door each morning before seven for less than the price at the shop.</p></div>"
    "<form action=\"/letters\"><p>Tell us what you think of the new gates.</p><input name=\"t\"></form>"
    "<p>The canal trust said the work cost less than planned because the stone walls of the lock were found in good order when the water was drained in the spring.</p>"
    "</div><footer>&copy; The Kelby Courier</footer></body></html>";

int
main(void)
{
	static const char bom[] = "\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
	static const char latin1[] = "<meta charset=\"iso-8859-1\"><p>caf\xE9</p>";
	static const char cp1251[] =
	    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xCC\xEE\xF1\xEA\xE2\xE0</p>";
	static const char undeclared[] = "<p>ter\xE7" "a \x93" "x\x94</p>";
	static const char wrong[] = "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>";
	struct np_html *h;
	struct np_html_page pg = { 0 };
	struct np_boilerplate_opts o;
	struct np_boilerplate *bp;
	struct np_bp_result res = { 0 };
	const struct np_html_block *b;
	const char *s;
	size_t i;
	int err;

	/* charsets */
	charset_case(bom, sizeof bom - 1, "<p>caf\xC3\xA9</p>", "UTF-8", "BOM");
	charset_case(latin1, sizeof latin1 - 1, "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>",
	    "WINDOWS-1252", "meta charset ISO-8859-1, read as windows-1252");
	charset_case(cp1251, sizeof cp1251 - 1,
	    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>"
	    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0</p>", "windows-1251", "http-equiv");
	charset_case(undeclared, sizeof undeclared - 1,
	    "<p>ter\xC3\xA7" "a \xE2\x80\x9C" "x\xE2\x80\x9D</p>", "WINDOWS-1252", "undeclared, not UTF-8");
	charset_case(wrong, sizeof wrong - 1, "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>",
	    "UTF-8", "declared latin-1, valid UTF-8");

	/* the walk */
	if ((h = np_html_new(&err)) == NULL) {
		ok(0, "reader: %s", np_strerror(err));
		return done_testing();
	}
	is_int(np_html_read(h, page, sizeof page - 1, &pg), NP_OK, "reads the page");
	ok(block(&pg, "not text") == NULL && block(&pg, "p { color") == NULL, "script and style dropped");
	b = block(&pg, "Home");
	ok(b != NULL && (b->flags & NP_HTML_NAV) && b->link_chars == b->chars, "nav: flag, all links");
	b = block(&pg, "Lock gates");
	ok(b != NULL && b->heading == 1 && (b->flags & NP_HTML_TITLE), "h1: heading 1, the title block");
	ok(block_is(&pg, "Gate", "Gate Weight") && block_is(&pg, "Upper", "Upper 4 t"),
	    "a table row is one block");
	b = block(&pg, "Upper");
	ok(b != NULL && (b->flags & NP_HTML_CELL), "a row's block is a cell");
	b = block(&pg, "Subscribers");
	ok(b != NULL && b->class_hint < 0 && (b->class_kinds & NP_HTML_H_AD), "promo: an ad class hint");
	ok(b != NULL && b->class_prose == b->chars, "promo: its element holds its own prose only");
	b = block(&pg, "The old oak");
	ok(b != NULL && b->class_hint < 0 && (b->class_kinds & NP_HTML_H_SIDEBAR),
	    "body.with-sidebar: the nearest named element for the story");
	ok(b != NULL && 2 * b->class_prose > pg.prose_chars, "with-sidebar: it holds most of the prose");
	ok(b != NULL && (b->flags & NP_HTML_MAINBOX), "the story's paragraphs: main box");
	b = block(&pg, "Tell us");
	ok(b != NULL && (b->flags & NP_HTML_SMALLFORM), "a letters form: small");
	b = block(&pg, "\xC2\xA9 The Kelby");
	ok(b != NULL && (b->flags & NP_HTML_FOOTER) && !(b->flags & NP_HTML_MAINBOX),
	    "footer: flag, outside the main box");

	/* the metadata */
	s = np_html_meta_str(&pg, pg.m.title);
	is_str(s ? s : "", "Lock gates replaced at Marrow Point", "title: the h1 that <title> agrees with");
	s = np_html_meta_str(&pg, pg.m.date);
	is_str(s ? s : "", "2024-05-02T09:30:00Z", "date: article:published_time");
	s = np_html_meta_str(&pg, pg.m.url);
	is_str(s ? s : "", "https://courier.example/locks", "url: canonical");
	s = np_html_meta_str(&pg, pg.m.lang);
	ok(s != NULL && strncmp(s, "en", 2) == 0, "lang: from <html lang>");
	s = np_html_meta_str(&pg, pg.m.author);
	is_str(s ? s : "", "Ann Tarrant", "author: meta author");
	s = np_html_shown_title(&pg);
	ok(s != NULL, "the title is shown: a block says it");

	/* the hints the classifier gets, and what it makes of them */
	np_boilerplate_opts_init(&o);
	if ((bp = np_boilerplate_new(&o, &err)) == NULL) {
		ok(0, "boilerplate context: %s", np_strerror(err));
		return done_testing();
	}
	is_int(np_boilerplate_classify_html(bp, &pg, &res), NP_OK, "classifies the page");
	for (i = 0; i < pg.n; i++) {
		const char *t = pg.text.data + pg.v[i].start;

		if (strncmp(t, "Subscribers", 11) == 0)
			ok(pg.hints[i].class_hint < 0 && res.v[i].cls == NP_BP_BAD,
			    "promo box: its class hint passed on, dropped");
		if (strncmp(t, "The old oak", 11) == 0)
			ok(pg.hints[i].class_hint == 0 && (pg.hints[i].flags & NP_BP_HINT_ARTICLE) &&
			    res.v[i].cls == NP_BP_GOOD, "story: the wrapper's hint not passed on, kept");
		if (strncmp(t, "Tell us", 7) == 0)
			ok((pg.hints[i].flags & NP_BP_HINT_FORM) && res.v[i].cls == NP_BP_BAD,
			    "small form: a form hint, dropped");
		if (strncmp(t, "Home", 4) == 0)
			ok(res.v[i].cls == NP_BP_BAD, "nav: dropped");
	}

	/* the same reader again: no state left from the last page */
	is_int(np_html_read(h, "<p>Only this.</p>", 17, &pg), NP_OK, "reads a second page");
	is_int((long long)pg.n, 1, "one block");
	ok(pg.m.title == SIZE_MAX && np_html_shown_title(&pg) == NULL, "no title");
	ok(!(pg.v[0].flags & NP_HTML_TITLE), "no title flag");

	np_bp_result_free(&res);
	np_boilerplate_free(bp);
	np_html_page_free(&pg);
	np_html_free(h);
	return done_testing();
}
