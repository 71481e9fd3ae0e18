/*
 * html.h - declarations shared by the HTML reader's stages (not
 * installed; the public API is include/newsprep/html.h):
 *
 *   html_charset.c  bytes -> clean UTF-8
 *   html_read.c     UTF-8 -> libxml2 SAX events -> blocks + candidates
 *   html_meta.c     candidates (meta tags, JSON-LD, <title>, <h1>) -> page
 *                   metadata, the title block, JSON-LD body evidence
 *   html_detect.c   is this document HTML at all?
 */
#ifndef NP_HTML_INTERNAL_H
#define NP_HTML_INTERNAL_H

#include <stddef.h>
#include "newsprep/common.h"
#include "newsprep/html.h"

/* The page as clean UTF-8: buf points into the input (when it was clean
 * already) or into own. */
struct np_html_text {
	const char *buf;
	size_t len;
	const char *charset;	/* static name */
	struct np_buf own, tmp;
};

/* Converts buf[0..len) to clean UTF-8 (see html_charset.c).  Returns
 * NP_OK or NP_ENOMEM. */
int np_html_to_utf8(const char *buf, size_t len, struct np_html_text *t);
void np_html_text_free(struct np_html_text *t);

/* What the walk saw that may become metadata; each a UTF-8 string,
 * bounded (see NP_HTML_CAND_MAX), empty when absent. */
enum np_html_cand {
	NP_HC_TITLE,		/* <title> */
	NP_HC_OG_TITLE,		/* og:title, twitter:title */
	NP_HC_SITE,		/* og:site_name, application-name */
	NP_HC_H1,		/* the first <h1> inside article/main, else the first */
	NP_HC_AUTHOR,		/* meta author, article:author, byline */
	NP_HC_DATE,		/* article:published_time and kin */
	NP_HC_TIME,		/* the first <time datetime> */
	NP_HC_CANONICAL,	/* link rel=canonical */
	NP_HC_OG_URL,		/* og:url */
	NP_HC_LANG,		/* html lang, og:locale, content-language */
	NP_HC_DESC,		/* description, og:description */
	NP_HC_N
};
#define NP_HTML_CAND_MAX 4096		/* bytes kept of one candidate */
#define NP_HTML_LD_MAX ((size_t)4 << 20) /* bytes kept of all JSON-LD */

struct np_html_cands {
	struct np_buf s[NP_HC_N];
	size_t h1_block;	/* block index of that <h1>, or SIZE_MAX */
	struct np_buf ld;	/* JSON-LD scripts, each followed by a NUL */
};

/* Turns the candidates into pg->m, marks the title block (NP_HTML_TITLE)
 * and the blocks whose text is in the JSON-LD articleBody
 * (NP_HTML_LD_BODY).  Returns NP_OK or NP_ENOMEM. */
int np_html_meta(struct np_html_cands *c, struct np_html_page *pg);

/* Normalises s[0..n) for comparing titles and bodies: words of letters
 * and digits, case-folded, one space between, appended to out. */
int np_html_fold_words(const char *s, size_t n, struct np_buf *out);

#endif
