/*
 * newsprep/html.h - the HTML reader of the boilerplate engine.
 *
 * strip-boilerplate reads a page either as plain text or as HTML.  The
 * HTML reader parses the page (libxml2's HTML parser, as lxml and hence
 * trafilatura, jusText and readability-lxml do), converts it to UTF-8
 * and turns the tree into the same units the text reader makes: one block
 * per paragraph-like element (p, div text, headings, list items, table
 * cells, <br><br> breaks, <pre> lines), with script, style, noscript,
 * template, svg and comments dropped and entities decoded.  Each block
 * carries what the markup says about it (struct np_html_block); the page
 * carries what it states about itself (struct np_html_meta).
 *
 * The text of all blocks lives in one buffer, one block per paragraph
 * with a blank line between blocks, so the plain-text classifier reads it
 * unchanged; block i is page->text.data[blocks[i].start .. end).
 */
#ifndef NEWSPREP_HTML_H
#define NEWSPREP_HTML_H

#include <stddef.h>
#include <stdint.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

struct np_bp_result;
struct np_bp_hint;

/* Tag-path evidence of a block (struct np_html_block.flags): it lies
 * inside such an element (or one whose role says so). */
#define NP_HTML_NAV	(1u << 0)	/* nav, menu, role=navigation/menu */
#define NP_HTML_HEADER	(1u << 1)	/* header, role=banner */
#define NP_HTML_FOOTER	(1u << 2)	/* footer, role=contentinfo */
#define NP_HTML_ASIDE	(1u << 3)	/* aside, role=complementary */
#define NP_HTML_FORM	(1u << 4)	/* form, role=search, fieldset */
#define NP_HTML_FIGURE	(1u << 5)	/* figure, figcaption, caption */
#define NP_HTML_ARTICLE	(1u << 6)	/* article, role=article */
#define NP_HTML_MAIN	(1u << 7)	/* main, role=main */
#define NP_HTML_LI	(1u << 8)	/* the block is a list item */
#define NP_HTML_CELL	(1u << 9)	/* the block is a table cell */
#define NP_HTML_PRE	(1u << 10)	/* a line of <pre> */
#define NP_HTML_QUOTE	(1u << 11)	/* blockquote */
#define NP_HTML_LINKLIST (1u << 12)	/* a list item that is mostly a link */
#define NP_HTML_TITLE	(1u << 13)	/* the block is the page's title */
#define NP_HTML_LD_BODY	(1u << 14)	/* its text is in JSON-LD articleBody */
#define NP_HTML_P	(1u << 15)	/* the block is a <p> */
#define NP_HTML_SMALLFORM (1u << 17)	/* inside a form that holds little
					   prose (a search box, a sign-up box;
					   not a 2008 page-wide ASP.NET form) */
#define NP_HTML_MAINBOX	(1u << 16)	/* inside the page's main box: the element
					   whose child blocks (and, at half
					   weight, grandchild blocks) hold the
					   most prose, as readability scores */

/* Kinds named by class, id and role tokens on the block's path
 * (struct np_html_block.hints), from filters/lexicons/boilerplate-html.tsv. */
#define NP_HTML_H_NAV		(1u << 0)	/* nav, menu, breadcrumb, pagination */
#define NP_HTML_H_FOOTER	(1u << 1)	/* footer, copyright, legal */
#define NP_HTML_H_SIDEBAR	(1u << 2)	/* sidebar, widget, rail */
#define NP_HTML_H_RELATED	(1u << 3)	/* related, recommended, popular, more */
#define NP_HTML_H_COMMENT	(1u << 4)	/* comments, replies, discussion */
#define NP_HTML_H_SHARE		(1u << 5)	/* share, social, follow */
#define NP_HTML_H_AD		(1u << 6)	/* ad, promo, sponsor, banner */
#define NP_HTML_H_NEWSLETTER	(1u << 7)	/* newsletter, subscribe, signup */
#define NP_HTML_H_COOKIE	(1u << 8)	/* cookie, consent, gdpr */
#define NP_HTML_H_CAPTION	(1u << 9)	/* caption, credit, photo */
#define NP_HTML_H_BYLINE	(1u << 10)	/* byline, author, dateline */
#define NP_HTML_H_META		(1u << 11)	/* tags, date, meta, toolbar */
#define NP_HTML_H_HIDDEN	(1u << 12)	/* hidden, sr-only, display:none */
#define NP_HTML_H_HEADER	(1u << 13)	/* masthead, header, topbar */
#define NP_HTML_H_ARTICLE	(1u << 14)	/* article-body, story, entry-content */
#define NP_HTML_H_NKINDS	15

/* One block of the page. */
struct np_html_block {
	size_t start, end;	/* its text in np_html_page.text */
	uint32_t flags;		/* NP_HTML_* */
	uint32_t hints;		/* NP_HTML_H_* on the whole path */
	uint32_t near;		/* NP_HTML_H_* on its own element and the two
				   around it */
	int heading;		/* 1..6 for h1..h6, else 0 */
	int class_hint;		/* what the nearest element whose class, id or
				   role names a kind says: -3..-1 furniture
				   (-3 the block's own element or its parent,
				   -2 up to 4 levels up, -1 further), 1..3 the
				   article body, 0 nothing */
	uint32_t class_kinds;	/* NP_HTML_H_* that element names */
	size_t class_prose;	/* code points of prose blocks in that element
				   (its share of the page's prose tells a
				   wrapper of the article from a box) */
	size_t chars;		/* code points */
	size_t link_chars;	/* code points inside <a href> */
	size_t path;		/* its tag path ("body>div#main>article>p"),
				   NUL-terminated at np_html_page.paths.data + path */
	/* the element that holds the block (its parent): text, link text,
	   elements and blocks in it */
	size_t box_chars, box_link_chars, box_tags, box_blocks;
};

/* What the page states about itself; each is a NUL-terminated string in
 * np_html_page.meta.data at the offset, or SIZE_MAX when absent. */
struct np_html_meta {
	size_t title;		/* the headline chosen (see np_html_read) */
	size_t author;
	size_t date;		/* ISO 8601 as the page gives it */
	size_t url;		/* canonical or og:url */
	size_t lang;		/* <html lang> */
	size_t description;
};

struct np_html_page {
	struct np_buf text;	/* block texts, a blank line between */
	struct np_html_block *v;
	size_t n, cap;
	struct np_buf paths;	/* tag paths of the blocks */
	struct np_buf meta;	/* strings of the meta fields */
	struct np_html_meta m;
	const char *charset;	/* the charset the page was read in */
	struct np_buf ld_body;	/* JSON-LD articleBody, folded to its words */
	size_t prose_chars;	/* code points of its prose blocks (long, few links) */
	struct np_bp_hint *hints;	/* the classifier's per-unit hints */
	size_t hints_cap;
};

struct np_html;

/* Returns a new reader (lexicon of class/id tokens loaded), or NULL with
 * *err set to NP_ENOMEM. */
struct np_html *np_html_new(int *err);
void np_html_free(struct np_html *h);

/*
 * Reads the HTML page buf[0..len) into *pg (zero-initialise it once; it
 * is reused across calls).  Never fails on bad markup; returns NP_OK or
 * NP_ENOMEM.
 */
int np_html_read(struct np_html *h, const char *buf, size_t len, struct np_html_page *pg);
void np_html_page_free(struct np_html_page *pg);

/* Whether buf[0..len) looks like HTML: its first non-blank bytes (after
 * a BOM) open <!DOCTYPE, <html, <head, <body, a comment followed by one of
 * these, or more than a third of its first 64 KiB lies inside tags of
 * known HTML elements. */
int np_html_detect(const char *buf, size_t len);

/* The block whose text starts at byte off of pg->text, or NULL. */
const struct np_html_block *np_html_block_at(const struct np_html_page *pg, size_t off);

struct np_boilerplate;
/*
 * Classifies the page's blocks with the boilerplate classifier, each as
 * one unit with the markup's evidence as its hints, into *res (offsets
 * into pg->text).  Returns NP_OK, NP_ENOMEM or NP_ELIMIT.
 */
int np_boilerplate_classify_html(struct np_boilerplate *bp, struct np_html_page *pg,
    struct np_bp_result *res);

/*
 * Appends to *out what strip-boilerplate prints for the page once res
 * holds the classes of its units: the title first, once, then the kept
 * units with a blank line between; with invert what was removed.
 * Returns NP_OK or NP_ENOMEM.
 */
int np_html_render(const struct np_html_page *pg, struct np_bp_result *res, int invert,
    struct np_buf *out);

/* The title line the text starts with: the page's title when a block of
 * the page says it (NP_HTML_TITLE), else NULL (it stays metadata). */
const char *np_html_shown_title(const struct np_html_page *pg);

/* Meta field string or NULL. */
static inline const char *
np_html_meta_str(const struct np_html_page *pg, size_t off)
{
	return off == SIZE_MAX ? NULL : pg->meta.data + off;
}

#ifdef __cplusplus
}
#endif

#endif
