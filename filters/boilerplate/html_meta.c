/*
 * html_meta.c - the HTML reader's metadata stage: from what the walk
 * collected (meta tags, <title>, the article's <h1>, <time>, JSON-LD
 * scripts) to the page's title, author, date, url, lang and description,
 * the block that is the title, and the blocks the JSON-LD articleBody
 * vouches for.
 *
 * Precedence, most specific first: a date from the article's own meta
 * (article:published_time and kin), then JSON-LD datePublished, then the
 * first <time datetime>; only ISO 8601 dates (YYYY-MM-DD...) are given.
 * The title is the <h1> of the article when another source (og:title,
 * JSON-LD headline, <title>) agrees with it or there is no other, else
 * og:title, the JSON-LD headline, or <title> with the site's name cut
 * off ("Headline | Site", "Site - Headline").
 */
#define _GNU_SOURCE	/* memmem: linear time (glibc two-way) */
#include <ctype.h>
#include <string.h>
#include <jansson.h>
#include "html.h"

#define LD_DEPTH 8		/* levels of JSON-LD searched for an article */

/* JSON-LD fields of the page's article object. */
struct ld {
	const char *headline, *body, *date, *author, *desc, *url;
};

/* Whether a JSON-LD @type names an article. */
static int
is_article_type(json_t *t)
{
	size_t i;
	json_t *v;

	if (json_is_string(t)) {
		const char *s = json_string_value(t);

		return strstr(s, "Article") != NULL || strstr(s, "Posting") != NULL ||
		    strcmp(s, "Report") == 0;
	}
	if (json_is_array(t))
		json_array_foreach(t, i, v)
			if (is_article_type(v))
				return 1;
	return 0;
}

/* The name of a JSON-LD author value (a string, an object with name, or
 * an array of them: the first). */
static const char *
author_name(json_t *a)
{
	if (json_is_string(a))
		return json_string_value(a);
	if (json_is_object(a))
		return json_string_value(json_object_get(a, "name"));
	if (json_is_array(a) && json_array_size(a) > 0)
		return author_name(json_array_get(a, 0));
	return NULL;
}

/* Finds the first article object in v (through arrays and @graph). */
static json_t *
find_article(json_t *v, int depth)
{
	size_t i;
	json_t *x, *r;

	if (depth > LD_DEPTH)
		return NULL;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			if ((r = find_article(x, depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (is_article_type(json_object_get(v, "@type")) ||
	    json_object_get(v, "articleBody") != NULL)
		return v;
	return find_article(json_object_get(v, "@graph"), depth + 1);
}

/* Reads the article fields of the first JSON-LD script that has one.
 * The strings stay valid while *root is held. */
static void
read_ld(const struct np_buf *ld, struct ld *out, json_t **root)
{
	size_t at = 0;

	memset(out, 0, sizeof *out);
	*root = NULL;
	while (at < ld->len) {
		size_t n = strlen(ld->data + at);
		json_t *j = json_loadb(ld->data + at, n, JSON_DECODE_ANY, NULL), *a, *u;

		at += n + 1;
		if (j == NULL)
			continue;
		if ((a = find_article(j, 0)) == NULL) {
			json_decref(j);
			continue;
		}
		out->headline = json_string_value(json_object_get(a, "headline"));
		out->body = json_string_value(json_object_get(a, "articleBody"));
		out->date = json_string_value(json_object_get(a, "datePublished"));
		out->author = author_name(json_object_get(a, "author"));
		out->desc = json_string_value(json_object_get(a, "description"));
		u = json_object_get(a, "url");
		if (u == NULL && json_is_string(json_object_get(a, "mainEntityOfPage")))
			u = json_object_get(a, "mainEntityOfPage");
		out->url = json_string_value(u);
		*root = j;
		return;
	}
}

int
np_html_fold_words(const char *s, size_t n, struct np_buf *out)
{
	size_t i = 0;
	int sep = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 || isalnum(c)) {
			if (sep && out->len > 0 && np_buf_putc(out, ' ') != NP_OK)
				return NP_ENOMEM;
			sep = 0;
			if (np_buf_putc(out, c < 0x80 ? tolower(c) : c) != NP_OK)
				return NP_ENOMEM;
			if (c >= 0xE2 && c <= 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
				/* U+2000..U+206F punctuation (dashes, quotes): a separator */
				out->len--;
				out->data[out->len] = '\0';
				sep = 1;
				i += 3;
				continue;
			}
		} else
			sep = 1;
		i++;
	}
	return NP_OK;
}

/* Stores s (trimmed, one line, at most NP_HTML_CAND_MAX bytes) as a meta
 * string; returns its offset or SIZE_MAX. */
static size_t
put_meta(struct np_html_page *pg, const char *s, size_t n, int *err)
{
	size_t off = pg->meta.len, i;
	int space = 0;

	if (s == NULL)
		return SIZE_MAX;
	if (n > NP_HTML_CAND_MAX) {	/* cut on a character boundary */
		n = NP_HTML_CAND_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && pg->meta.len > off && np_buf_putc(&pg->meta, ' ') != NP_OK)
			*err = NP_ENOMEM;
		space = 0;
		if (np_buf_putc(&pg->meta, c) != NP_OK)
			*err = NP_ENOMEM;
	}
	if (pg->meta.len == off)
		return SIZE_MAX;
	if (np_buf_putc(&pg->meta, '\0') != NP_OK)
		*err = NP_ENOMEM;
	return off;
}

/* Whether s starts with an ISO 8601 date (YYYY-MM-DD). */
static int
is_iso_date(const char *s)
{
	int i;

	if (s == NULL)
		return 0;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/* The candidate string c, or NULL when empty. */
static const char *
cand(const struct np_html_cands *c, int k)
{
	return c->s[k].len > 0 ? c->s[k].data : NULL;
}

/* Whether folded a equals folded b, or one holds the other and is at
 * least half its length. */
static int
titles_agree(const char *a, size_t an, const char *b, size_t bn, struct np_buf *tmp)
{
	size_t fa, fb;
	const char *x, *y;

	if (a == NULL || b == NULL)
		return 0;
	np_buf_clear(tmp);
	if (np_html_fold_words(a, an, tmp) != NP_OK || np_buf_putc(tmp, '\0') != NP_OK)
		return 0;
	fa = tmp->len - 1;
	if (np_html_fold_words(b, bn, tmp) != NP_OK)
		return 0;
	fb = tmp->len - fa - 1;
	x = tmp->data;
	y = tmp->data + fa + 1;
	if (fa == 0 || fb == 0)
		return 0;
	if (fa == fb)
		return memcmp(x, y, fa) == 0;
	if (fa < fb)
		return 2 * fa >= fb && memmem(y, fb, x, fa) != NULL;
	return 2 * fb >= fa && memmem(x, fa, y, fb) != NULL;
}

/* <title> without the site's name: the segments between " | ", " - ",
 * " – ", " — ", " :: ", " » ", " · " are weighed and the one that is not
 * the site name (og:site_name) and is longest wins.  Sets *n. */
static const char *
strip_site(const char *t, const char *site, size_t *n, struct np_buf *tmp)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		" :: ", " \xC2\xBB ", " \xC2\xB7 ", " : " };
	const char *best = t, *p = t;
	size_t bestn = strlen(t), len = bestn, i, nseg = 0;

	for (;;) {
		const char *q = NULL, *s;
		size_t sl = 0;

		for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
			if ((s = strstr(p, seps[i])) != NULL && (q == NULL || s < q)) {
				q = s;
				sl = strlen(seps[i]);
			}
		{
			size_t segn = q ? (size_t)(q - p) : (size_t)(t + len - p);

			if (nseg == 0 || ((site == NULL || !titles_agree(p, segn, site, strlen(site), tmp)) &&
			    (segn > bestn || (best == t && nseg == 1 && site != NULL &&
			    titles_agree(t, bestn, site, strlen(site), tmp))))) {
				best = p;
				bestn = segn;
			}
		}
		nseg++;
		if (q == NULL)
			break;
		p = q + sl;
	}
	*n = bestn;
	return best;
}

/* Marks the blocks whose words are all in the JSON-LD body, within a
 * work budget proportional to the page. */
static int
mark_ld_body(struct np_html_page *pg, const char *body, struct np_buf *tmp)
{
	size_t i, budget;

	np_buf_clear(&pg->ld_body);
	if (body == NULL || np_html_fold_words(body, strlen(body), &pg->ld_body) != NP_OK)
		return body == NULL ? NP_OK : NP_ENOMEM;
	if (pg->ld_body.len < 100)
		return NP_OK;
	budget = 64 * (pg->text.len + pg->ld_body.len) + (1u << 20);
	for (i = 0; i < pg->n; i++) {
		struct np_html_block *b = &pg->v[i];

		np_buf_clear(tmp);
		if (np_html_fold_words(pg->text.data + b->start, b->end - b->start, tmp) != NP_OK)
			return NP_ENOMEM;
		if (tmp->len < 24)
			continue;	/* too short to tell */
		if (budget < pg->ld_body.len)
			break;
		budget -= pg->ld_body.len;
		if (memmem(pg->ld_body.data, pg->ld_body.len, tmp->data, tmp->len) != NULL)
			b->flags |= NP_HTML_LD_BODY;
	}
	return NP_OK;
}

int
np_html_meta(struct np_html_cands *c, struct np_html_page *pg)
{
	struct ld ld;
	json_t *root;
	struct np_buf tmp = { 0 };
	const char *title = NULL, *h1 = NULL, *t, *date;
	size_t titlen = 0, h1n = 0, i;
	int err = NP_OK;

	read_ld(&c->ld, &ld, &root);
	if (c->h1_block != SIZE_MAX) {
		h1 = pg->text.data + pg->v[c->h1_block].start;
		h1n = pg->v[c->h1_block].end - pg->v[c->h1_block].start;
	}
	/* the title */
	if (h1 != NULL && (titles_agree(h1, h1n, cand(c, NP_HC_OG_TITLE), c->s[NP_HC_OG_TITLE].len, &tmp) ||
	    (ld.headline && titles_agree(h1, h1n, ld.headline, strlen(ld.headline), &tmp)) ||
	    titles_agree(h1, h1n, cand(c, NP_HC_TITLE), c->s[NP_HC_TITLE].len, &tmp) ||
	    (cand(c, NP_HC_OG_TITLE) == NULL && ld.headline == NULL &&
	    (pg->v[c->h1_block].flags & (NP_HTML_ARTICLE | NP_HTML_MAIN))))) {
		title = h1;
		titlen = h1n;
	} else if ((t = cand(c, NP_HC_OG_TITLE)) != NULL)
		title = strip_site(t, cand(c, NP_HC_SITE), &titlen, &tmp);
	else if (ld.headline != NULL) {
		title = ld.headline;
		titlen = strlen(title);
	} else if ((t = cand(c, NP_HC_TITLE)) != NULL)
		title = strip_site(t, cand(c, NP_HC_SITE), &titlen, &tmp);
	else if (h1 != NULL) {
		title = h1;
		titlen = h1n;
	}
	pg->m.title = put_meta(pg, title, titlen, &err);
	/* the block that is the title: the first heading that agrees, else
	 * the first block that says the same */
	if (pg->m.title != SIZE_MAX) {
		const char *mt = pg->meta.data + pg->m.title;
		size_t found = SIZE_MAX, pass;

		for (pass = 0; pass < 2 && found == SIZE_MAX; pass++)
			for (i = 0; i < pg->n && found == SIZE_MAX; i++) {
				struct np_html_block *b = &pg->v[i];

				if (pass == 0 && b->heading == 0 && i != c->h1_block)
					continue;
				if (pass == 1 && b->chars > 2 * strlen(mt) + 8)
					continue;
				if (titles_agree(pg->text.data + b->start, b->end - b->start, mt,
				    strlen(mt), &tmp))
					found = i;
			}
		if (found != SIZE_MAX)
			pg->v[found].flags |= NP_HTML_TITLE;
	}
	/* the rest */
	t = cand(c, NP_HC_AUTHOR);
	pg->m.author = put_meta(pg, t ? t : ld.author, strlen(t ? t : ld.author ? ld.author : ""), &err);
	date = is_iso_date(cand(c, NP_HC_DATE)) ? cand(c, NP_HC_DATE) :
	    is_iso_date(ld.date) ? ld.date :
	    is_iso_date(cand(c, NP_HC_TIME)) ? cand(c, NP_HC_TIME) : NULL;
	pg->m.date = put_meta(pg, date, date ? strlen(date) : 0, &err);
	t = cand(c, NP_HC_CANONICAL) ? cand(c, NP_HC_CANONICAL) :
	    cand(c, NP_HC_OG_URL) ? cand(c, NP_HC_OG_URL) : ld.url;
	pg->m.url = put_meta(pg, t, t ? strlen(t) : 0, &err);
	if ((t = cand(c, NP_HC_LANG)) != NULL) {
		size_t off = put_meta(pg, t, strlen(t), &err), k;

		for (k = off; off != SIZE_MAX && pg->meta.data[k]; k++)
			if (pg->meta.data[k] == '_')
				pg->meta.data[k] = '-';	/* og:locale en_US */
		pg->m.lang = off;
	} else
		pg->m.lang = SIZE_MAX;
	t = cand(c, NP_HC_DESC) ? cand(c, NP_HC_DESC) : ld.desc;
	pg->m.description = put_meta(pg, t, t ? strlen(t) : 0, &err);
	if (err == NP_OK)
		err = mark_ld_body(pg, ld.body, &tmp);
	if (root != NULL)
		json_decref(root);
	np_buf_free(&tmp);
	return err;
}
