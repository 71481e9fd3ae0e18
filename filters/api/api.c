/*
 * api.c - one call per tool, for bindings (include/newsprep/api.h).
 *
 * Each function runs one engine with the tool's defaults on one document
 * and copies what the tool reports into the flat structs of api.h, so a
 * binding depends on those structs only, never on the engines'.  The
 * text strip-boilerplate prints comes from the engine's own renderer
 * (np_boilerplate_render), window by window as the tool does it, so the
 * bytes are the tool's.  Contexts are made on first use and kept; the
 * dates context is remade when the reference or the languages change.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/api.h"
#include "newsprep/articles.h"
#include "newsprep/boilerplate.h"
#include "newsprep/dates.h"
#include "newsprep/quotes.h"

struct np_api {
	struct np_boilerplate *bp;
	struct np_bp_result bp_res;
	struct np_buf text;		/* strip_boilerplate's result */

	struct np_articles *art;
	struct np_api_article *arts;
	size_t narts, arts_cap;

	struct np_dates *dates;
	struct np_buf dates_key;	/* ref NUL langs of the current context */
	struct np_date_hits hits;
	struct np_api_date *dv;
	size_t dv_cap;

	struct np_quotes *quotes;
	struct np_api_quote *qv;
	size_t qv_cap;
};

struct np_api *
np_api_new(void)
{
	return calloc(1, sizeof(struct np_api));
}

void
np_api_free(struct np_api *a)
{
	if (a == NULL)
		return;
	np_boilerplate_free(a->bp);
	np_bp_result_free(&a->bp_res);
	np_buf_free(&a->text);
	np_articles_free(a->art);
	free(a->arts);
	np_dates_free(a->dates);
	np_buf_free(&a->dates_key);
	np_date_hits_free(&a->hits);
	free(a->dv);
	np_quotes_free(a->quotes);
	free(a->qv);
	free(a);
}

int
np_api_version(void)
{
	return NP_API_VERSION;
}

int
np_api_strip_boilerplate(struct np_api *a, const char *text, size_t len,
    const char **out, size_t *outlen)
{
	size_t off = 0, w;
	int rc, printed = 0, any;

	if (a->bp == NULL) {
		struct np_boilerplate_opts o;

		np_boilerplate_opts_init(&o);
		if ((a->bp = np_boilerplate_new(&o, &rc)) == NULL)
			return rc;
	}
	np_buf_clear(&a->text);
	if ((rc = np_buf_reserve(&a->text, 0)) != NP_OK)	/* never a NULL result */
		return rc;
	do {
		w = np_boilerplate_window(text + off, len - off);
		if ((rc = np_boilerplate_classify(a->bp, text + off, w, &a->bp_res)) != NP_OK ||
		    (rc = np_boilerplate_render(text + off, &a->bp_res, 0, printed,
		    &a->text, &any)) != NP_OK)
			return rc;
		printed |= any;
		off += w;
	} while (off < len);
	*out = a->text.data;
	*outlen = a->text.len;
	return NP_OK;
}

/* A metadata string of the articles engine as a counted string. */
static struct np_api_str
art_str(const struct np_articles_str *s)
{
	struct np_api_str r = { s->s, s->len };

	return r;
}

int
np_api_split_articles(struct np_api *a, const char *text, size_t len,
    const struct np_api_article **out, size_t *n)
{
	struct np_article art;
	int rc;

	if (a->art == NULL) {
		struct np_articles_opts o = { NP_ARTICLES_AUTO, 1 };

		if ((a->art = np_articles_new(&o)) == NULL)
			return NP_ENOMEM;
	}
	a->narts = 0;
	if ((rc = np_articles_begin(a->art, text, len)) != NP_OK)
		return rc;
	while ((rc = np_articles_next(a->art, &art)) == 1) {
		struct np_api_article *f;

		if (np_grow(&a->arts, &a->arts_cap, a->narts, sizeof *a->arts, 8) != NP_OK)
			return NP_ENOMEM;
		f = &a->arts[a->narts++];
		f->n = art.n;
		f->start = art.record.start;
		f->end = art.record.end;
		f->text_start = art.text.start;
		f->text_end = art.text.end;
		f->format = np_articles_format_name(np_articles_format(a->art));
		f->source = art_str(&art.source);
		f->title = art_str(&art.title);
		f->byline = art_str(&art.byline);
		f->section = art_str(&art.section);
		f->words = art.words;
		memcpy(f->date, art.date, sizeof f->date);
		f->date[sizeof f->date - 1] = '\0';
	}
	if (rc < 0)
		return rc;
	*out = a->arts;
	*n = a->narts;
	return NP_OK;
}

/* Makes the dates context for ref and langs unless the current one is
 * for them. */
static int
dates_context(struct np_api *a, const char *ref, const char *langs)
{
	struct np_dates_opts o;
	size_t rl = strlen(ref), ll = strlen(langs);

	if (a->dates != NULL && a->dates_key.len == rl + 1 + ll &&
	    memcmp(a->dates_key.data, ref, rl + 1) == 0 &&
	    memcmp(a->dates_key.data + rl + 1, langs, ll) == 0)
		return NP_OK;
	np_dates_free(a->dates);
	a->dates = NULL;
	np_buf_clear(&a->dates_key);
	np_dates_opts_init(&o);
	if (np_dates_opts_ref(&o, ref) != NP_OK ||
	    (*langs != '\0' && np_dates_opts_langs(&o, langs) != NP_OK))
		return NP_EINVAL;
	if ((a->dates = np_dates_new(&o)) == NULL)
		return NP_ENOMEM;
	if (np_buf_append(&a->dates_key, ref, rl + 1) != NP_OK ||
	    np_buf_append(&a->dates_key, langs, ll) != NP_OK) {
		np_dates_free(a->dates);
		a->dates = NULL;
		return NP_ENOMEM;
	}
	return NP_OK;
}

int
np_api_find_dates(struct np_api *a, const char *text, size_t len,
    const char *ref, const char *langs, const struct np_api_date **out, size_t *n)
{
	size_t i;
	int rc;

	if ((rc = dates_context(a, ref ? ref : "auto", langs ? langs : "")) != NP_OK)
		return rc;
	np_dates_begin(a->dates, text, len);
	np_date_hits_clear(&a->hits);
	if ((rc = np_dates_scan(a->dates, text, len, &a->hits)) != NP_OK)
		return rc;
	if (a->hits.n > a->dv_cap) {
		struct np_api_date *v = realloc(a->dv, a->hits.n * sizeof *v);

		if (v == NULL)
			return NP_ENOMEM;
		a->dv = v;
		a->dv_cap = a->hits.n;
	}
	for (i = 0; i < a->hits.n; i++) {
		const struct np_date_hit *h = &a->hits.v[i];

		a->dv[i].start = h->span.start;
		a->dv[i].end = h->span.end;
		a->dv[i].value = h->value;
		a->dv[i].unresolved = (h->flags & NP_DATE_UNRESOLVED) != 0;
	}
	*out = a->dv;
	*n = a->hits.n;
	return NP_OK;
}

int
np_api_extract_quotes(struct np_api *a, const char *text, size_t len,
    const struct np_api_quote **out, size_t *n)
{
	const struct np_quote *v;
	size_t i, k;
	int rc;

	if (a->quotes == NULL && (a->quotes = np_quotes_new(NULL)) == NULL)
		return NP_ENOMEM;
	if ((rc = np_quotes_scan(a->quotes, text, len, &v, &k)) != NP_OK)
		return rc;
	if (k > a->qv_cap) {
		struct np_api_quote *q = realloc(a->qv, k * sizeof *q);

		if (q == NULL)
			return NP_ENOMEM;
		a->qv = q;
		a->qv_cap = k;
	}
	for (i = 0; i < k; i++) {
		struct np_api_quote *q = &a->qv[i];

		q->start = v[i].content.start;
		q->end = v[i].content.end;
		q->speaker_start = v[i].mention.start;
		q->speaker_end = v[i].mention.end;
		q->cue_start = v[i].cue_span.start;
		q->cue_end = v[i].cue_span.end;
		q->speaker.s = v[i].speaker_len > 0 ? v[i].speaker : NULL;
		q->speaker.len = v[i].speaker_len;
		q->cue.s = v[i].cue_len > 0 ? v[i].cue : NULL;
		q->cue.len = v[i].cue_len;
		q->kind = np_speaker_kind_name(v[i].kind);
		q->multipara = v[i].multipara;
	}
	*out = a->qv;
	*n = k;
	return NP_OK;
}
