/*
 * html_read.c - the HTML reader's walk: libxml2's HTML parser in SAX
 * mode, events -> blocks with their evidence, and metadata candidates.
 *
 * Why libxml2 and SAX.  libxml2's HTML parser is the one lxml wraps, so
 * it builds the trees trafilatura, jusText and readability-lxml work on;
 * on the 92 scrapinghub dev pages it parses at about 100 MB/s in SAX mode
 * and 80 MB/s building a tree, where gumbo 0.10 (HTML5 tree building)
 * manages 20 MB/s, takes 35 s on 100,000 nested <div>s (libxml2: 20 ms)
 * and is no longer maintained.  SAX mode builds no tree: memory is the
 * parser's copy of the input plus our text, and nesting depth costs
 * nothing but our own bounded stack.
 *
 * The walk keeps a stack of open elements, each with what it passes down
 * (inside nav/aside/footer/article..., class/id/role kinds, whether it is
 * a link, whether its content is dropped).  Text goes into the current
 * block with white space collapsed; a block-level element opening or
 * closing, <br><br>, or a newline in <pre> ends the block, except that
 * the cells of a data table's row join into one block (see joins_row).
 * A block's evidence is taken from the stack when its first character
 * arrives; the statistics of the element holding it (its "box": text,
 * link text, elements, blocks) and the prose in the element its class
 * hint comes from are filled in when that element closes.  The page's
 * main box is scored as readability does, in one pass: every prose block
 * adds its length to its parent element and half of it to the
 * grandparent; the element with the highest score when it closes holds
 * the main box's blocks (NP_HTML_MAINBOX).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include "html.h"
#include "newsprep/lexicon.h"

NP_LEXICON_DATA(boilerplate_html);

#define MAX_DEPTH 4096		/* deeper elements are flattened into their parent */
#define PATH_ELEMS 6		/* elements shown in a tag path */
#define LABEL_MAX 40		/* bytes of one element's label in a path */

/* What an element does to the text. */
enum kind { K_INLINE, K_BLOCK, K_DROP, K_BR };

enum tag {
	T_OTHER, T_A, T_ARTICLE, T_ASIDE, T_BLOCKQUOTE, T_BODY, T_BR, T_CAPTION,
	T_DD, T_DT, T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_H1, T_H2, T_H3, T_H4,
	T_H5, T_H6, T_HEAD, T_HEADER, T_HTML, T_LI, T_LINK, T_MAIN, T_MENU, T_META,
	T_NAV, T_P, T_PRE, T_SCRIPT, T_TD, T_TH, T_TIME, T_TITLE, T_FIELDSET, T_TR
};

struct tagdef {
	const char *name;
	unsigned char tag, kind;
};

/* Known elements, sorted by name for bsearch. */
static const struct tagdef tags[] = {
	{ "a", T_A, K_INLINE }, { "address", T_OTHER, K_BLOCK },
	{ "applet", T_OTHER, K_DROP }, { "article", T_ARTICLE, K_BLOCK },
	{ "aside", T_ASIDE, K_BLOCK }, { "audio", T_OTHER, K_DROP },
	{ "blockquote", T_BLOCKQUOTE, K_BLOCK }, { "body", T_BODY, K_BLOCK },
	{ "br", T_BR, K_BR }, { "button", T_OTHER, K_DROP },
	{ "canvas", T_OTHER, K_DROP }, { "caption", T_CAPTION, K_BLOCK },
	{ "center", T_OTHER, K_BLOCK }, { "datalist", T_OTHER, K_DROP },
	{ "dd", T_DD, K_BLOCK }, { "details", T_OTHER, K_BLOCK },
	{ "dialog", T_OTHER, K_BLOCK }, { "dir", T_OTHER, K_BLOCK },
	{ "div", T_OTHER, K_BLOCK }, { "dl", T_OTHER, K_BLOCK },
	{ "dt", T_DT, K_BLOCK }, { "embed", T_OTHER, K_DROP },
	{ "fieldset", T_FIELDSET, K_BLOCK }, { "figcaption", T_FIGCAPTION, K_BLOCK },
	{ "figure", T_FIGURE, K_BLOCK }, { "footer", T_FOOTER, K_BLOCK },
	{ "form", T_FORM, K_BLOCK }, { "frameset", T_OTHER, K_DROP },
	{ "h1", T_H1, K_BLOCK }, { "h2", T_H2, K_BLOCK }, { "h3", T_H3, K_BLOCK },
	{ "h4", T_H4, K_BLOCK }, { "h5", T_H5, K_BLOCK }, { "h6", T_H6, K_BLOCK },
	{ "head", T_HEAD, K_BLOCK }, { "header", T_HEADER, K_BLOCK },
	{ "hgroup", T_OTHER, K_BLOCK }, { "hr", T_OTHER, K_BLOCK },
	{ "html", T_HTML, K_BLOCK }, { "iframe", T_OTHER, K_DROP },
	{ "legend", T_OTHER, K_BLOCK }, { "li", T_LI, K_BLOCK },
	{ "link", T_LINK, K_INLINE }, { "main", T_MAIN, K_BLOCK },
	{ "map", T_OTHER, K_DROP }, { "math", T_OTHER, K_DROP },
	{ "menu", T_MENU, K_BLOCK }, { "meta", T_META, K_INLINE },
	{ "nav", T_NAV, K_BLOCK }, { "noembed", T_OTHER, K_DROP },
	{ "noframes", T_OTHER, K_DROP }, { "noscript", T_OTHER, K_DROP },
	{ "object", T_OTHER, K_DROP }, { "ol", T_OTHER, K_BLOCK },
	{ "option", T_OTHER, K_DROP }, { "p", T_P, K_BLOCK },
	{ "picture", T_OTHER, K_DROP }, { "pre", T_PRE, K_BLOCK },
	{ "script", T_SCRIPT, K_DROP }, { "section", T_OTHER, K_BLOCK },
	{ "select", T_OTHER, K_DROP }, { "style", T_OTHER, K_DROP },
	{ "summary", T_OTHER, K_BLOCK }, { "svg", T_OTHER, K_DROP },
	{ "table", T_OTHER, K_BLOCK }, { "tbody", T_OTHER, K_BLOCK },
	{ "td", T_TD, K_BLOCK }, { "template", T_OTHER, K_DROP },
	{ "textarea", T_OTHER, K_DROP }, { "tfoot", T_OTHER, K_BLOCK },
	{ "th", T_TH, K_BLOCK }, { "thead", T_OTHER, K_BLOCK },
	{ "time", T_TIME, K_INLINE }, { "title", T_TITLE, K_DROP },
	{ "tr", T_TR, K_BLOCK }, { "ul", T_OTHER, K_BLOCK },
	{ "video", T_OTHER, K_DROP },
};

/* Kind names of the class/id lexicon, in NP_HTML_H_* bit order. */
static const char *const kind_names[NP_HTML_H_NKINDS] = {
	"nav", "footer", "sidebar", "related", "comment", "share", "ad",
	"newsletter", "cookie", "caption", "byline", "meta", "hidden", "header",
	"article"
};

/* What an open element passes to its content. */
struct elem {
	unsigned char tag, kind;
	unsigned char link;	/* an <a href> is open at or above */
	unsigned char drop;	/* content dropped */
	uint32_t flags;		/* NP_HTML_* container flags, inherited */
	uint32_t hints;		/* NP_HTML_H_* on the path, inherited */
	uint32_t own;		/* NP_HTML_H_* of this element */
	size_t chars0, links0, tags0, blocks0, prose0;	/* counters when it opened */
	size_t pending;		/* first block it is the box of, + 1 (0: none) */
	size_t named;		/* first block whose class hint it gives, + 1 */
	size_t score;		/* prose of its child blocks, half of its grandchildren's */
	size_t label;		/* its label in labels */
	unsigned char label_len;
};

struct np_html {
	struct np_lexicon *lex;	/* class/id token -> kind */
	struct elem *st;
	size_t depth, cap, overflow;
	struct np_buf labels;
	struct np_html_text src;
	struct np_html_cands cands;
	size_t *pend_next;	/* per block: next block with the same box, + 1 */
	size_t pend_cap;
	size_t *named_next;	/* per block: next block with the same class element, + 1 */
	size_t named_cap;
	size_t cur_named;	/* stack index of the block's class element, + 1 */
	size_t cur_named_id;	/* its tags0 (it may have closed since) */
	size_t best_score, best_first, best_end;	/* the main box so far: its blocks */
	/* the walk of the current page */
	struct np_html_page *pg;
	int err;
	int in_block;		/* a block is being built */
	int space;		/* white space pending before the next text */
	int brs;		/* <br>s since the last text */
	int capture;		/* -1 none, else an NP_HC_* that takes the text */
	int capture_ld;		/* inside a JSON-LD script */
	size_t chars, links, ntags;	/* counters over the page */
	struct np_html_block cur;
	size_t cur_box;		/* stack index of the block's box */
	size_t cur_row;		/* tags0 of the <tr> the block began in, + 1 (0: none) */
	int cur_br;		/* a <br> inside the block */
};

/* A data table's row is one block: its cells join, a space between, while
 * the row so far is short and has no <br> (layout tables, whose cells hold
 * paragraphs, navigation or a whole article, keep a block per cell). */
#define ROW_JOIN_MAX 160
/* A block of prose, for the class hint's share: this long, under a
 * quarter links. */
#define PROSE_MIN 100
#define SMALL_FORM_BLOCKS 64	/* blocks of a form flagged as a small one */
#define SMALL_FORM_PROSE 400	/* code points of prose a small form may hold */	/* code points of a row that still takes a cell */

/* Compares a tag name with a table entry (bsearch). */
static int
tagcmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tagdef *)e)->name);
}

/* Looks up an element name (libxml2 gives them lower case). */
static const struct tagdef *
find_tag(const char *name)
{
	static const struct tagdef other = { "", T_OTHER, K_INLINE };
	const struct tagdef *d = bsearch(name, tags, sizeof tags / sizeof tags[0],
	    sizeof tags[0], tagcmp);

	return d ? d : &other;
}

struct np_html *
np_html_new(int *err)
{
	struct np_html *h = calloc(1, sizeof *h);
	size_t i;

	*err = NP_ENOMEM;
	if (h == NULL)
		return NULL;
	for (i = 1; i < sizeof tags / sizeof tags[0]; i++)
		if (strcmp(tags[i - 1].name, tags[i].name) >= 0)
			abort();	/* the table must stay sorted */
	xmlInitParser();
	if ((h->lex = np_lexicon_new()) == NULL ||
	    np_lexicon_load(h->lex, np_lex_boilerplate_html, np_lex_boilerplate_html_len) != NP_OK) {
		np_html_free(h);
		return NULL;
	}
	*err = NP_OK;
	return h;
}

void
np_html_free(struct np_html *h)
{
	size_t i;

	if (h == NULL)
		return;
	np_lexicon_free(h->lex);
	free(h->st);
	free(h->pend_next);
	free(h->named_next);
	np_buf_free(&h->labels);
	np_html_text_free(&h->src);
	for (i = 0; i < NP_HC_N; i++)
		np_buf_free(&h->cands.s[i]);
	np_buf_free(&h->cands.ld);
	free(h);
}

void
np_html_page_free(struct np_html_page *pg)
{
	np_buf_free(&pg->text);
	np_buf_free(&pg->paths);
	np_buf_free(&pg->meta);
	np_buf_free(&pg->ld_body);
	free(pg->v);
	free(pg->hints);
	memset(pg, 0, sizeof *pg);
}

/* Kind bits of one class/id token (folded lookup). */
static uint32_t
token_kinds(struct np_html *h, const char *s, size_t n)
{
	const struct np_lexentry *e;
	size_t i;

	while (n > 0 && s[n - 1] >= '0' && s[n - 1] <= '9')
		n--;	/* "sidebar2" is "sidebar" */
	if (n < 2 || (e = np_lexicon_find(h->lex, s, n)) == NULL)
		return 0;
	for (i = 0; i < NP_HTML_H_NKINDS; i++)
		if (strlen(kind_names[i]) == e->valuelen &&
		    memcmp(kind_names[i], e->value, e->valuelen) == 0)
			return 1u << i;
	return 0;
}

/* Whether c is a letter or digit of an ASCII identifier. */
static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c >= 0x80;
}

/* Class and id values of WordPress-style taxonomy classes ("tag-foo",
 * "category-news", "post-123") name the page's topics, not the element's
 * part in the layout: only the whole token counts there. */
static int
taxonomy_prefix(const char *s, size_t n)
{
	static const char *const pre[] = { "tag-", "tags-", "category-", "post-", "type-",
		"status-", "format-", "has-", "author-", "page-", "single-", "is-" };
	size_t i, k;

	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		k = strlen(pre[i]);
		if (n > k && strncasecmp(s, pre[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Kind bits of a class, id or role value: each space-separated token is
 * looked up whole ("article-body"), then by its parts split at '-', '_'
 * and lower-to-upper case changes ("articleBody" -> "article", "body").
 */
static uint32_t
attr_kinds(struct np_html *h, const char *v)
{
	uint32_t k = 0;
	size_t i = 0, n = strlen(v);

	if (n > 1024)
		n = 1024;
	while (i < n) {
		size_t s, e, p;

		while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'))
			i++;
		s = i;
		while (i < n && !(v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'))
			i++;
		e = i;
		if (e == s)
			break;
		k |= token_kinds(h, v + s, e - s);
		if (taxonomy_prefix(v + s, e - s))
			continue;
		for (p = s; p < e;) {
			size_t q = p;

			while (q < e && is_alnum((unsigned char)v[q]) &&
			    !(q > p && v[q] >= 'A' && v[q] <= 'Z' && v[q - 1] >= 'a' && v[q - 1] <= 'z'))
				q++;
			if (q > p && (q - p) < e - s)
				k |= token_kinds(h, v + p, q - p);
			p = q;
			while (p < e && !is_alnum((unsigned char)v[p]))
				p++;
		}
	}
	return k;
}

/* Flags of an ARIA role. */
static uint32_t
role_flags(const char *r)
{
	if (strcmp(r, "navigation") == 0 || strcmp(r, "menu") == 0 || strcmp(r, "menubar") == 0)
		return NP_HTML_NAV;
	if (strcmp(r, "banner") == 0)
		return NP_HTML_HEADER;
	if (strcmp(r, "contentinfo") == 0)
		return NP_HTML_FOOTER;
	if (strcmp(r, "complementary") == 0)
		return NP_HTML_ASIDE;
	if (strcmp(r, "search") == 0)
		return NP_HTML_FORM;
	if (strcmp(r, "main") == 0)
		return NP_HTML_MAIN;
	if (strcmp(r, "article") == 0)
		return NP_HTML_ARTICLE;
	return 0;
}

/* Container flags an element sets for its content. */
static uint32_t
tag_flags(int tag)
{
	switch (tag) {
	case T_NAV: case T_MENU: return NP_HTML_NAV;
	case T_HEADER: return NP_HTML_HEADER;
	case T_FOOTER: return NP_HTML_FOOTER;
	case T_ASIDE: return NP_HTML_ASIDE;
	case T_FORM: case T_FIELDSET: return NP_HTML_FORM;
	case T_FIGURE: case T_FIGCAPTION: case T_CAPTION: return NP_HTML_FIGURE;
	case T_ARTICLE: return NP_HTML_ARTICLE;
	case T_MAIN: return NP_HTML_MAIN;
	case T_BLOCKQUOTE: return NP_HTML_QUOTE;
	case T_PRE: return NP_HTML_PRE;
	default: return 0;
	}
}

/* Sets candidate c to s when it is still empty (or always with force). */
static void
set_cand(struct np_html *h, int c, const char *s, int force)
{
	struct np_buf *b = &h->cands.s[c];
	size_t n;

	if (s == NULL || (b->len > 0 && !force))
		return;
	n = strlen(s);
	if (n > NP_HTML_CAND_MAX) {	/* cut on a character boundary */
		n = NP_HTML_CAND_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	while (n > 0 && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	if (n == 0)
		return;
	np_buf_clear(b);
	if (np_buf_append(b, s, n) != NP_OK)
		h->err = NP_ENOMEM;
}

/* Looks at a <meta> element for metadata. */
static void
meta_tag(struct np_html *h, const char *key, const char *content)
{
	static const struct { const char *key; int cand; } keys[] = {
		{ "og:title", NP_HC_OG_TITLE }, { "twitter:title", NP_HC_OG_TITLE },
		{ "og:site_name", NP_HC_SITE }, { "application-name", NP_HC_SITE },
		{ "author", NP_HC_AUTHOR }, { "article:author", NP_HC_AUTHOR },
		{ "dc.creator", NP_HC_AUTHOR }, { "byl", NP_HC_AUTHOR },
		{ "parsely-author", NP_HC_AUTHOR }, { "sailthru.author", NP_HC_AUTHOR },
		{ "article:published_time", NP_HC_DATE }, { "datepublished", NP_HC_DATE },
		{ "og:article:published_time", NP_HC_DATE }, { "pubdate", NP_HC_DATE },
		{ "publishdate", NP_HC_DATE }, { "parsely-pub-date", NP_HC_DATE },
		{ "sailthru.date", NP_HC_DATE }, { "dc.date", NP_HC_DATE },
		{ "dc.date.issued", NP_HC_DATE }, { "dcterms.created", NP_HC_DATE },
		{ "date", NP_HC_DATE }, { "og:url", NP_HC_OG_URL },
		{ "description", NP_HC_DESC }, { "og:description", NP_HC_DESC },
		{ "twitter:description", NP_HC_DESC }, { "og:locale", NP_HC_LANG },
		{ "content-language", NP_HC_LANG }, { "dc.language", NP_HC_LANG },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcasecmp(key, keys[i].key) != 0)
			continue;
		if (keys[i].cand == NP_HC_AUTHOR && strncmp(content, "http", 4) == 0)
			return;	/* article:author is often a profile URL */
		set_cand(h, keys[i].cand, content, 0);
		return;
	}
}

/* Ends the block being built: records it, or forgets it when it holds
 * no text. */
static void
end_block(struct np_html *h)
{
	struct np_html_page *pg = h->pg;
	struct elem *box;

	h->space = 0;
	if (!h->in_block)
		return;
	h->in_block = 0;
	h->cur.end = pg->text.len;
	if (h->cur.chars == 0) {
		pg->text.len = h->cur.start;
		pg->text.data[pg->text.len] = '\0';
		return;
	}
	if (np_grow(&pg->v, &pg->cap, pg->n, sizeof *pg->v, 256) != NP_OK ||
	    np_grow(&h->pend_next, &h->pend_cap, pg->n, sizeof *h->pend_next, 256) != NP_OK ||
	    np_grow(&h->named_next, &h->named_cap, pg->n, sizeof *h->named_next, 256) != NP_OK ||
	    np_buf_append(&pg->text, "\n\n", 2) != NP_OK) {
		h->err = NP_ENOMEM;
		return;
	}
	if (h->cur.heading == 1 && (h->cands.h1_block == SIZE_MAX ||
	    (!(pg->v[h->cands.h1_block].flags & (NP_HTML_ARTICLE | NP_HTML_MAIN)) &&
	    (h->cur.flags & (NP_HTML_ARTICLE | NP_HTML_MAIN)))))
		h->cands.h1_block = pg->n;
	/* queue it for its box's statistics */
	box = &h->st[h->cur_box < h->depth ? h->cur_box : h->depth - 1];
	h->pend_next[pg->n] = box->pending;
	box->pending = pg->n + 1;
	/* and for its class element's size */
	h->named_next[pg->n] = 0;
	if (h->cur_named != 0 && h->cur_named <= h->depth &&
	    h->st[h->cur_named - 1].tags0 == h->cur_named_id) {
		struct elem *ne = &h->st[h->cur_named - 1];

		h->named_next[pg->n] = ne->named;
		ne->named = pg->n + 1;
	}
	if (h->cur.chars >= PROSE_MIN && h->cur.link_chars * 4 < h->cur.chars) {
		pg->prose_chars += h->cur.chars;
		box->score += h->cur.chars;
		if (box > h->st)
			box[-1].score += h->cur.chars / 2;
	}
	pg->v[pg->n++] = h->cur;
}

/* Starts a block at the current stack top (the first character of text
 * arrived): takes its evidence and tag path from the stack. */
static void
start_block(struct np_html *h)
{
	struct np_html_page *pg = h->pg;
	struct np_html_block *b = &h->cur;
	size_t d = h->depth, bd, i, first;
	const struct elem *e;

	memset(b, 0, sizeof *b);
	b->start = pg->text.len;
	e = &h->st[d - 1];
	b->flags = e->flags;
	b->hints = e->hints;
	/* the block element: the innermost block-level element open */
	for (bd = d - 1; bd > 0 && h->st[bd].kind != K_BLOCK; bd--)
		;
	switch (h->st[bd].tag) {
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
		b->heading = h->st[bd].tag - T_H1 + 1;
		break;
	case T_LI: case T_DD: case T_DT:
		b->flags |= NP_HTML_LI;
		break;
	case T_TD: case T_TH:
		b->flags |= NP_HTML_CELL;
		break;
	case T_P:
		b->flags |= NP_HTML_P;
		break;
	default:
		break;
	}
	/* the nearest element that names a kind */
	h->cur_named = 0;
	for (i = d; i-- > 1;) {
		uint32_t k = h->st[i].own & ~(uint32_t)(NP_HTML_H_CAPTION | NP_HTML_H_BYLINE);
		size_t up = d - 1 - i;
		int strength = up <= 2 ? 3 : up <= 4 ? 2 : 1;

		if (k == 0)
			continue;
		b->class_hint = (k & ~(uint32_t)NP_HTML_H_ARTICLE) ? -strength : strength;
		b->class_kinds = k;
		h->cur_named = i + 1;
		h->cur_named_id = h->st[i].tags0;
		break;
	}
	/* near: its element, the two around it, the inline ones inside */
	for (i = bd >= 2 ? bd - 2 : 0; i < d; i++)
		b->near |= h->st[i].own;
	h->cur_box = bd > 0 ? bd - 1 : 0;
	h->cur_row = (h->st[bd].tag == T_TD || h->st[bd].tag == T_TH) && bd > 0 &&
	    h->st[bd - 1].tag == T_TR ? h->st[bd - 1].tags0 + 1 : 0;
	h->cur_br = 0;
	/* the tag path: the last PATH_ELEMS labels */
	b->path = pg->paths.len;
	first = d > PATH_ELEMS + 1 ? d - PATH_ELEMS : 1;	/* not the root entry */
	if (first > 1 && np_buf_append(&pg->paths, "...>", 4) != NP_OK)
		h->err = NP_ENOMEM;
	for (i = first; i < d; i++) {
		if (i > first && np_buf_putc(&pg->paths, '>') != NP_OK)
			h->err = NP_ENOMEM;
		if (np_buf_append(&pg->paths, h->labels.data + h->st[i].label,
		    h->st[i].label_len) != NP_OK)
			h->err = NP_ENOMEM;
	}
	if (np_buf_putc(&pg->paths, '\0') != NP_OK)
		h->err = NP_ENOMEM;
	h->in_block = 1;
	h->space = 0;
}

/* Appends text (UTF-8, NBSP already a space) to the current block,
 * collapsing white space; in <pre> newlines end blocks. */
static void
add_text(struct np_html *h, const char *s, size_t n)
{
	struct np_html_page *pg = h->pg;
	const struct elem *top = &h->st[h->depth - 1];
	int pre = (top->flags & NP_HTML_PRE) != 0;
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t j, cps;

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			if (pre && c == '\n')
				end_block(h);
			else if (h->in_block)
				h->space = 1;
			i++;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			if (h->in_block)
				h->space = 1;	/* no-break space */
			i += 2;
			continue;
		}
		for (j = i, cps = 0; j < n; j++) {
			unsigned char d = (unsigned char)s[j];

			if (d == ' ' || d == '\n' || d == '\t' || d == '\r' || d == '\f' ||
			    (d == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
				break;
			cps += (d & 0xC0) != 0x80;
		}
		if (!h->in_block)
			start_block(h);
		h->brs = 0;
		if (h->space && np_buf_putc(&pg->text, ' ') != NP_OK)
			h->err = NP_ENOMEM;
		cps += h->space;
		h->space = 0;
		if (np_buf_append(&pg->text, s + i, j - i) != NP_OK)
			h->err = NP_ENOMEM;
		h->cur.chars += cps;
		h->chars += cps;
		if (top->link) {
			h->cur.link_chars += cps;
			h->links += cps;
		}
		i = j;
	}
}

/* SAX: text. */
static void
on_text(void *ctx, const xmlChar *ch, int len)
{
	struct np_html *h = ctx;
	const struct elem *top;

	if (h->err || len <= 0 || h->depth == 0)
		return;
	if (h->capture_ld) {
		if (h->cands.ld.len + (size_t)len < NP_HTML_LD_MAX &&
		    np_buf_append(&h->cands.ld, ch, (size_t)len) != NP_OK)
			h->err = NP_ENOMEM;
		return;
	}
	if (h->capture >= 0) {
		struct np_buf *b = &h->cands.s[h->capture];

		if (b->len + (size_t)len <= NP_HTML_CAND_MAX &&
		    np_buf_append(b, ch, (size_t)len) != NP_OK)
			h->err = NP_ENOMEM;
		return;
	}
	top = &h->st[h->depth - 1];
	if (top->drop)
		return;
	add_text(h, (const char *)ch, (size_t)len);
}

/* The label of an element in tag paths: name, then #id or .class. */
static void
push_label(struct np_html *h, struct elem *e, const char *name, const char *id,
    const char *cls)
{
	char lab[LABEL_MAX + 1];
	size_t n = strlen(name), k;
	const char *v = id != NULL && *id ? id : cls;

	if (n > 16)
		n = 16;
	memcpy(lab, name, n);
	if (v != NULL) {
		while (*v == ' ')
			v++;
		if (*v) {
			lab[n++] = v == id ? '#' : '.';
			for (k = 0; v[k] && v[k] != ' ' && n < LABEL_MAX; k++)
				lab[n++] = (v[k] == '>' || v[k] == '\t' || v[k] == '\n') ? '_' : v[k];
		}
	}
	e->label = h->labels.len;
	e->label_len = (unsigned char)n;
	if (np_buf_append(&h->labels, lab, n) != NP_OK)
		h->err = NP_ENOMEM;
}

/* Whether a style attribute hides the element. */
static int
style_hides(const char *s)
{
	const char *p;

	for (p = s; (p = strstr(p, "display")) != NULL; p++) {
		const char *q = p + 7;

		while (*q == ' ' || *q == ':')
			q++;
		if (strncmp(q, "none", 4) == 0)
			return 1;
	}
	return strstr(s, "visibility:hidden") != NULL || strstr(s, "visibility: hidden") != NULL;
}

/* Whether a cell opening now joins the block being built: the block
 * began in a cell of the same row (the stack top), is short and has no
 * <br>. */
static int
joins_row(const struct np_html *h)
{
	const struct elem *top = &h->st[h->depth - 1];

	return h->in_block && h->cur_row != 0 && top->tag == T_TR &&
	    top->tags0 + 1 == h->cur_row && !h->cur_br && h->cur.chars < ROW_JOIN_MAX;
}

/* SAX: an element opens. */
static void
on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct np_html *h = ctx;
	const char *name = (const char *)xname;
	const struct tagdef *td = find_tag(name);
	const char *id = NULL, *cls = NULL, *role = NULL, *href = NULL, *content = NULL;
	const char *mkey = NULL, *rel = NULL, *type = NULL, *lang = NULL, *datetime = NULL;
	const char *itemprop = NULL;
	struct elem *e, *up;
	int hidden = 0;
	size_t i;

	if (h->err)
		return;
	h->ntags++;
	if ((td->tag == T_TD || td->tag == T_TH) && joins_row(h))
		h->space = 1;
	else if (td->kind == K_BLOCK)
		end_block(h);
	if (td->kind == K_BR) {
		if (++h->brs >= 2)
			end_block(h);
		else if (h->in_block)
			h->space = h->cur_br = 1;
	}
	for (i = 0; atts != NULL && atts[i] != NULL; i += 2) {
		const char *a = (const char *)atts[i], *v = (const char *)atts[i + 1];

		if (v == NULL)
			v = "";
		if (strcmp(a, "id") == 0) id = v;
		else if (strcmp(a, "class") == 0) cls = v;
		else if (strcmp(a, "role") == 0) role = v;
		else if (strcmp(a, "href") == 0) href = v;
		else if (strcmp(a, "content") == 0) content = v;
		else if (strcmp(a, "name") == 0 || strcmp(a, "property") == 0 ||
		    strcmp(a, "http-equiv") == 0) mkey = v;
		else if (strcmp(a, "itemprop") == 0) itemprop = v;
		else if (strcmp(a, "rel") == 0) rel = v;
		else if (strcmp(a, "type") == 0) type = v;
		else if (strcmp(a, "lang") == 0) lang = v;
		else if (strcmp(a, "datetime") == 0) datetime = v;
		else if (strcmp(a, "hidden") == 0) hidden = 1;
		else if (strcmp(a, "aria-hidden") == 0 && strcmp(v, "true") == 0) hidden = 1;
		else if (strcmp(a, "style") == 0 && style_hides(v)) hidden = 1;
	}
	/* metadata */
	if (td->tag == T_META && content != NULL) {
		if (mkey != NULL)
			meta_tag(h, mkey, content);
		if (itemprop != NULL)
			meta_tag(h, itemprop, content);
	} else if (td->tag == T_LINK && rel != NULL && href != NULL &&
	    strcasecmp(rel, "canonical") == 0)
		set_cand(h, NP_HC_CANONICAL, href, 0);
	else if (td->tag == T_HTML && lang != NULL)
		set_cand(h, NP_HC_LANG, lang, 1);
	if (datetime != NULL && (td->tag == T_TIME || (itemprop != NULL &&
	    strcasecmp(itemprop, "datePublished") == 0)))
		set_cand(h, itemprop != NULL ? NP_HC_DATE : NP_HC_TIME, datetime, 0);
	else if (itemprop != NULL && content != NULL && strcasecmp(itemprop, "datePublished") == 0)
		set_cand(h, NP_HC_DATE, content, 0);
	if (h->depth >= MAX_DEPTH) {
		h->overflow++;	/* flattened into its parent */
		return;
	}
	if (h->depth == h->cap) {
		size_t nc = h->cap ? h->cap * 2 : 64;
		struct elem *ns = realloc(h->st, nc * sizeof *ns);

		if (ns == NULL) {
			h->err = NP_ENOMEM;
			return;
		}
		h->st = ns;
		h->cap = nc;
	}
	up = h->depth > 0 ? &h->st[h->depth - 1] : NULL;
	e = &h->st[h->depth++];
	memset(e, 0, sizeof *e);
	e->tag = td->tag;
	e->kind = td->kind;
	e->link = up ? up->link : 0;
	e->drop = up ? up->drop : 0;
	e->flags = (up ? up->flags & ~(uint32_t)0 : 0) | tag_flags(td->tag);
	if (role != NULL)
		e->flags |= role_flags(role);
	if (td->kind == K_DROP || hidden)
		e->drop = 1;
	if (td->tag == T_A && href != NULL)
		e->link = 1;
	if (id != NULL)
		e->own |= attr_kinds(h, id);
	if (cls != NULL)
		e->own |= attr_kinds(h, cls);
	if (itemprop != NULL)
		e->own |= attr_kinds(h, itemprop);
	if (e->own & ~NP_HTML_H_ARTICLE & ~NP_HTML_H_CAPTION)
		e->own &= ~NP_HTML_H_ARTICLE;	/* "article-related": related */
	e->hints = (up ? up->hints : 0) | e->own;
	e->chars0 = h->chars;
	e->links0 = h->links;
	e->tags0 = h->ntags;
	e->blocks0 = h->pg->n;
	e->prose0 = h->pg->prose_chars;
	push_label(h, e, name, id, cls);
	if (td->tag == T_TITLE && h->cands.s[NP_HC_TITLE].len == 0 && !(up && up->drop))
		h->capture = NP_HC_TITLE;
	if (td->tag == T_SCRIPT && type != NULL && strcasecmp(type, "application/ld+json") == 0)
		h->capture_ld = 1;
}

/* Fills in the box statistics of the blocks whose box is e. */
static void
close_box(struct np_html *h, const struct elem *e)
{
	size_t k = e->pending;

	while (k != 0) {
		struct np_html_block *b = &h->pg->v[k - 1];

		b->box_chars = h->chars - e->chars0;
		b->box_link_chars = h->links - e->links0;
		b->box_tags = h->ntags - e->tags0;
		b->box_blocks = h->pg->n - e->blocks0;
		k = h->pend_next[k - 1];
	}
	for (k = e->named; k != 0; k = h->named_next[k - 1])
		h->pg->v[k - 1].class_prose = h->pg->prose_chars - e->prose0;
	/* a form with little prose (search, sign-up, letters), not a
	 * page-wide one */
	if (e->tag == T_FORM && h->pg->prose_chars - e->prose0 <= SMALL_FORM_PROSE &&
	    h->pg->n - e->blocks0 <= SMALL_FORM_BLOCKS)
		for (k = e->blocks0; k < h->pg->n; k++)
			h->pg->v[k].flags |= NP_HTML_SMALLFORM;
	if (e->score > h->best_score) {
		h->best_score = e->score;
		h->best_first = e->blocks0;
		h->best_end = h->pg->n;
	}
}

/* SAX: an element closes. */
static void
on_end(void *ctx, const xmlChar *xname)
{
	struct np_html *h = ctx;
	const struct tagdef *td = find_tag((const char *)xname);
	struct elem *e;
	size_t d;

	if (h->err)
		return;
	if (h->overflow > 0) {
		h->overflow--;
		return;
	}
	if (h->depth == 0)
		return;
	/* libxml2 balances its events; stay safe if it did not */
	for (d = h->depth; d > 0 && h->depth - d < 16 && h->st[d - 1].tag != td->tag; d--)
		;
	if (d == 0 || h->st[d - 1].tag != td->tag)
		return;
	while (h->depth >= d) {
		e = &h->st[--h->depth];
		if (e->kind == K_BLOCK && (e->tag == T_TD || e->tag == T_TH) && h->cur_row != 0 &&
		    h->depth > 0 && h->st[h->depth - 1].tag == T_TR &&
		    h->st[h->depth - 1].tags0 + 1 == h->cur_row)
			h->space = h->in_block;	/* the row's next cell may join */
		else if (e->kind == K_BLOCK)
			end_block(h);
		close_box(h, e);
		h->labels.len = e->label;
		if (e->tag == T_TITLE)
			h->capture = -1;
		if (e->tag == T_SCRIPT && h->capture_ld) {
			h->capture_ld = 0;
			if (np_buf_putc(&h->cands.ld, '\0') != NP_OK)
				h->err = NP_ENOMEM;
		}
		if (h->depth == 0)
			break;
	}
}

/* Swallows libxml2's messages (errors in pages are the normal case). */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
np_html_read(struct np_html *h, const char *buf, size_t len, struct np_html_page *pg)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;
	struct elem *root;
	size_t i;
	int rc;

	np_buf_clear(&pg->text);
	np_buf_clear(&pg->paths);
	np_buf_clear(&pg->meta);
	np_buf_clear(&pg->ld_body);
	pg->n = 0;
	pg->prose_chars = 0;
	if (np_buf_reserve(&pg->text, 64) != NP_OK || np_buf_reserve(&pg->paths, 64) != NP_OK ||
	    np_buf_reserve(&pg->meta, 64) != NP_OK)
		return NP_ENOMEM;
	for (i = 0; i < NP_HC_N; i++)
		np_buf_clear(&h->cands.s[i]);
	np_buf_clear(&h->cands.ld);
	h->cands.h1_block = SIZE_MAX;
	if ((rc = np_html_to_utf8(buf, len, &h->src)) != NP_OK)
		return rc;
	pg->charset = h->src.charset;
	h->pg = pg;
	h->err = NP_OK;
	h->depth = h->overflow = 0;
	h->in_block = h->space = h->brs = h->capture_ld = 0;
	h->capture = -1;
	h->chars = h->links = h->ntags = 0;
	h->best_score = h->best_first = h->best_end = 0;
	np_buf_clear(&h->labels);
	/* a root entry so that text outside any element has a stack top */
	if (h->cap == 0 && (h->st = malloc(64 * sizeof *h->st)) != NULL)
		h->cap = 64;
	if (h->st == NULL)
		return NP_ENOMEM;
	root = &h->st[h->depth++];
	memset(root, 0, sizeof *root);
	root->kind = K_BLOCK;
	root->tag = T_OTHER;
	root->label = 0;
	root->label_len = 0;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.warning = quiet;
	sax.error = quiet;
	sax.fatalError = quiet;
	xmlSetGenericErrorFunc(NULL, quiet);
	if (h->src.len > INT_MAX)
		h->src.len = INT_MAX;	/* libxml2 takes an int; over max-doc-size anyway */
	if (h->src.len > 0) {
		if ((ctxt = htmlCreateMemoryParserCtxt(h->src.buf, (int)h->src.len)) == NULL)
			return NP_ENOMEM;
		memcpy(ctxt->sax, &sax, sizeof sax);
		ctxt->userData = h;
		xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
		htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
		htmlParseDocument(ctxt);
		htmlFreeParserCtxt(ctxt);
	}
	/* close what is still open */
	end_block(h);
	while (h->depth > 0)
		close_box(h, &h->st[--h->depth]);
	if (h->capture_ld && np_buf_putc(&h->cands.ld, '\0') != NP_OK)
		h->err = NP_ENOMEM;
	if (h->err != NP_OK)
		return h->err;
	for (i = h->best_first; i < h->best_end && i < pg->n; i++)
		pg->v[i].flags |= NP_HTML_MAINBOX;
	return np_html_meta(&h->cands, pg);
}
