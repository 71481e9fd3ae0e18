/*
 * boilerplate.c - the strip-boilerplate engine: keep a page's article,
 * drop its furniture, from plain text alone.
 *
 * This file loads the lexicons (stoplists in ten languages, date words,
 * the multilingual furniture phrases) once into the context, and chains
 * the stages, one file each (bp.h describes their interface):
 *
 *   layout.c    the page into units: lines, or whole hard-wrapped
 *               paragraphs
 *   features.c  each unit's counts, words, furniture phrase, caption and
 *               dateline marks; the page's language, repeats, template
 *   classify.c  jusText's first pass extended with plain-text evidence,
 *               its context pass, the article as one best-scoring run,
 *               the thin-page fallback
 *   headline.c  the title before the run, subheads inside it
 *   cuts.c      furniture cut off the start, end and middle of kept units
 *
 * An HTML reader makes its own units and calls np_bp_classify_units with
 * per-unit hints, so that both modes share the classifier.  The site
 * template (-T) is kept here too: hashes of unit texts counted across
 * documents.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/lexicon.h"
#include "bp.h"

NP_LEXICON_STOPLISTS;
NP_LEXICON_DATA(boilerplate_furniture);
NP_LEXICON_DATA(boilerplate_datewords);

const char *const np_boilerplate_langs[NP_BP_NLANGS] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "uk", "ru"
};

static const struct { const char *data; const size_t *len; } stoplists[NP_BP_NLANGS] = {
	{ np_lex_boilerplate_stop_en, &np_lex_boilerplate_stop_en_len },
	{ np_lex_boilerplate_stop_de, &np_lex_boilerplate_stop_de_len },
	{ np_lex_boilerplate_stop_fr, &np_lex_boilerplate_stop_fr_len },
	{ np_lex_boilerplate_stop_es, &np_lex_boilerplate_stop_es_len },
	{ np_lex_boilerplate_stop_it, &np_lex_boilerplate_stop_it_len },
	{ np_lex_boilerplate_stop_pt, &np_lex_boilerplate_stop_pt_len },
	{ np_lex_boilerplate_stop_nl, &np_lex_boilerplate_stop_nl_len },
	{ np_lex_boilerplate_stop_pl, &np_lex_boilerplate_stop_pl_len },
	{ np_lex_boilerplate_stop_uk, &np_lex_boilerplate_stop_uk_len },
	{ np_lex_boilerplate_stop_ru, &np_lex_boilerplate_stop_ru_len },
};

/* ------------------------------------------------------------------ */
/* setup                                                               */

void
np_boilerplate_opts_init(struct np_boilerplate_opts *o)
{
	memset(o, 0, sizeof *o);
	o->lang = "auto";
	o->length_low = 70;
	o->length_high = 200;
	o->stopwords_low = 0.30;
	o->stopwords_high = 0.32;
	o->max_heading_distance = 200;
	o->template_share = 0.5;
}

const char *
np_bp_class_name(enum np_bp_class c)
{
	switch (c) {
	case NP_BP_GOOD: return "good";
	case NP_BP_NEAR_GOOD: return "near-good";
	case NP_BP_SHORT: return "short";
	default: return "bad";
	}
}

struct load_arg {
	struct bp_wordtab *t;
	struct bp_wordtab *first;	/* first words of phrases */
	uint32_t flags;
	int rc;
};

/* Re-tokenises a folded key into words joined by one space (so keys are
 * compared the way page text is tokenised) into out; returns the length
 * and the word count in *nw. */
static size_t
normalise_key(const char *key, size_t n, char *out, size_t cap, int *nw)
{
	size_t pos = 0, ws, we, o = 0;
	int ascii;

	*nw = 0;
	while (np_bp_next_word(key, n, &pos, &ws, &we, &ascii)) {
		if (o + (we - ws) + 1 > cap)
			return 0;
		if (o > 0)
			out[o++] = ' ';
		memcpy(out + o, key + ws, we - ws);
		o += we - ws;
		(*nw)++;
	}
	return o;
}

/* np_lexicon_each callback: adds a stopword or date word. */
static void
load_word(const struct np_lexentry *e, void *arg)
{
	struct load_arg *a = arg;
	char norm[256];
	size_t n;
	int nw;

	if (a->rc != NP_OK)
		return;
	n = normalise_key(e->key, e->keylen, norm, sizeof norm, &nw);
	if (nw == 1)
		a->rc = np_bp_wordtab_add(a->t, norm, n, a->flags);
}

/* np_lexicon_each callback: adds a furniture phrase. */
static void
load_phrase(const struct np_lexentry *e, void *arg)
{
	struct load_arg *a = arg;
	char norm[512];
	size_t n, i;
	int nw, where = 0;
	uint64_t h;
	struct bp_word *w;
	const char *v = e->value, *sp, *fw;
	char *kind;

	if (a->rc != NP_OK)
		return;
	n = normalise_key(e->key, e->keylen, norm, sizeof norm, &nw);
	if (nw == 0 || nw > MAX_PHRASE)
		return;
	sp = memchr(v, ' ', e->valuelen);
	if (sp == NULL)
		return;
	if (e->valuelen - (size_t)(sp + 1 - v) >= 3) {
		const char *wh = sp + 1;

		if (strncmp(wh, "line", 4) == 0)
			where = BP_AT_LINE;
		else if (strncmp(wh, "start", 5) == 0)
			where = BP_AT_START;
		else if (strncmp(wh, "any", 3) == 0)
			where = BP_AT_ANY;
		else if (strncmp(wh, "tail", 4) == 0)
			where = BP_AT_TAIL;
		else if (strncmp(wh, "name", 4) == 0)
			where = BP_AT_NAME;
	}
	if (where == 0)
		return;
	if ((a->rc = np_bp_wordtab_add(a->t, norm, n, 0)) != NP_OK)
		return;
	fw = memchr(norm, ' ', n);
	if ((a->rc = np_bp_wordtab_add(a->first, norm, fw ? (size_t)(fw - norm) : n, 0)) != NP_OK)
		return;
	h = bp_hash(BP_HASH_SEED, norm, n);
	w = (struct bp_word *)bp_wordtab_find(a->t, norm, n, h);
	if (w == NULL || w->kind != NULL)
		return;
	if ((kind = np_arena_strndup(&a->t->arena, v, (size_t)(sp - v))) == NULL) {
		a->rc = NP_ENOMEM;
		return;
	}
	for (i = 0; kind[i]; i++)
		;
	w->kind = kind;
	if (strcmp(kind, "cookie") == 0 || strcmp(kind, "disclaimer") == 0)
		w->flags |= BP_W_CONSENT;
	w->where = where;
	w->nwords = nw;
}

/* Loads TSV data through np_lexicon (which folds the keys) into t. */
static int
load_list(struct bp_wordtab *t, struct bp_wordtab *first, const char *data, size_t len,
    uint32_t flags, void (*fn)(const struct np_lexentry *, void *))
{
	struct np_lexicon *lx = np_lexicon_new();
	struct load_arg a = { t, first, flags, NP_OK };

	if (lx == NULL)
		return NP_ENOMEM;
	if ((a.rc = np_lexicon_load(lx, data, len)) == NP_OK)
		np_lexicon_each(lx, fn, &a);
	np_lexicon_free(lx);
	return a.rc;
}

/* The languages of an opts.lang list ("de,fr"; "auto" or NULL is all of
 * them) as bits of np_boilerplate_langs, or 0 for an unknown code. */
static unsigned
parse_langs(const char *list)
{
	unsigned m = 0;
	const char *p = list;
	size_t n;
	int i, found;

	if (list == NULL || strcmp(list, "auto") == 0 || strcmp(list, "all") == 0)
		return (1u << NP_BP_NLANGS) - 1;
	for (;;) {
		n = strcspn(p, ",");
		for (i = 0, found = 0; i < NP_BP_NLANGS && !found; i++)
			if (strlen(np_boilerplate_langs[i]) == n &&
			    memcmp(p, np_boilerplate_langs[i], n) == 0) {
				m |= 1u << i;
				found = 1;
			}
		if (!found)
			return 0;
		if (p[n] == '\0')
			return m;
		p += n + 1;
	}
}

struct np_boilerplate *
np_boilerplate_new(const struct np_boilerplate_opts *o, int *err)
{
	struct np_boilerplate *bp;
	int i, rc = NP_OK;
	size_t k;

	*err = NP_OK;
	if (o->length_low > o->length_high || o->stopwords_low > o->stopwords_high ||
	    o->stopwords_low < 0 || o->stopwords_high > 1 || o->template_share < 0 ||
	    o->template_share > 1) {
		*err = NP_EINVAL;
		return NULL;
	}
	if ((bp = calloc(1, sizeof *bp)) == NULL) {
		*err = NP_ENOMEM;
		return NULL;
	}
	bp->o = *o;
	bp->lang = -1;
	if ((bp->langs = parse_langs(o->lang)) == 0) {
		free(bp);
		*err = NP_EINVAL;
		return NULL;
	}
	/* one language is fixed; of several, each page picks its own */
	for (i = 0; i < NP_BP_NLANGS; i++)
		if (bp->langs == 1u << i)
			bp->lang = i;
	for (i = 0; i < NP_BP_NLANGS && rc == NP_OK; i++)
		rc = load_list(&bp->words, NULL, stoplists[i].data, *stoplists[i].len,
		    1u << i, load_word);
	if (rc == NP_OK)
		rc = load_list(&bp->words, NULL, np_lex_boilerplate_datewords,
		    np_lex_boilerplate_datewords_len, BP_W_DATE, load_word);
	if (rc == NP_OK)
		rc = load_list(&bp->furn, &bp->furn_first, np_lex_boilerplate_furniture,
		    np_lex_boilerplate_furniture_len, 0, load_phrase);
	if (rc != NP_OK)
		goto fail;
	bp->fold_max = bp->words.maxlen > bp->furn_first.maxlen ? bp->words.maxlen :
	    bp->furn_first.maxlen;
	/* one lookup per word answers "can it start a phrase?" too */
	for (k = 0; k < bp->furn_first.nslots && rc == NP_OK; k++)
		if (bp->furn_first.slots[k].key != NULL)
			rc = np_bp_wordtab_add(&bp->words, bp->furn_first.slots[k].key,
			    bp->furn_first.slots[k].len, BP_W_FIRST);
	if (rc != NP_OK)
		goto fail;
	bp->max_phrase = 1;
	for (k = 0; k < bp->furn.nslots; k++)
		if (bp->furn.slots[k].key && bp->furn.slots[k].nwords > bp->max_phrase)
			bp->max_phrase = bp->furn.slots[k].nwords;
	if ((rc = np_bp_features_init(bp)) != NP_OK || (rc = np_bp_cuts_init(bp)) != NP_OK)
		goto fail;
	return bp;
fail:
	np_boilerplate_free(bp);
	*err = rc;
	return NULL;
}

void
np_boilerplate_free(struct np_boilerplate *bp)
{
	if (bp == NULL)
		return;
	np_bp_wordtab_free(&bp->words);
	np_bp_wordtab_free(&bp->furn);
	np_bp_wordtab_free(&bp->furn_first);
	np_bp_wordtab_free(&bp->docstop);
	np_re_free(bp->re_dateline);
	np_re_free(bp->re_tailcut);
	np_re_free(bp->re_caption);
	np_re_free(bp->re_midcap);
	free(bp->tailcut_map);
	np_buf_free(&bp->coltext);
	free(bp->u);
	free(bp->rep_keys);
	free(bp->rep_vals);
	free(bp->tpl_keys);
	free(bp->tpl_vals);
	free(bp);
}

void
np_bp_result_free(struct np_bp_result *res)
{
	free(res->v);
	free(res->hole_v);
	memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------------ */
/* the stages chained                                                  */

int
np_bp_classify_units(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res, const struct np_bp_hint *hints)
{
	size_t i, ra, rb;
	int rc;

	if ((rc = np_bp_unit_features(bp, buf, res)) != NP_OK)
		return rc;
	if ((rc = np_bp_page_features(bp, buf, len, res)) != NP_OK)
		return rc;
	np_bp_first_pass(bp, buf, res, hints);
	np_bp_context_pass(bp, res);
	np_bp_heading_boxes(bp, res);
	np_bp_article_lists(bp, res);
	np_bp_select_run(bp, res, &ra, &rb);
	np_bp_thin_page(bp, res, &ra, &rb);
	np_bp_headline(bp, res, ra, rb, hints);
	for (i = 0; i < res->n; i++)
		if (res->v[i].cls != NP_BP_GOOD)
			res->v[i].cls = NP_BP_BAD;
	return np_bp_inline_cuts(bp, buf, res);
}

int
np_boilerplate_classify(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res)
{
	int rc;

	/* a page laid out in columns is read from its rebuilt copy */
	if ((rc = np_bp_columns(bp, buf, len)) < 0)
		return rc;
	if (rc == 1) {
		buf = bp->coltext.data;
		len = bp->coltext.len;
	}
	res->text = buf;
	res->text_len = len;
	res->unwrap = bp->o.unwrap;
	if ((rc = np_bp_layout(buf, len, res)) != NP_OK)
		return rc;
	return np_bp_classify_units(bp, buf, len, res, NULL);
}

/* ------------------------------------------------------------------ */
/* templates                                                           */

/* Grows the template table when it is half full. */
static int
tpl_grow(struct np_boilerplate *bp)
{
	size_t nn = bp->tpl_n ? bp->tpl_n * 2 : 4096, i;
	uint64_t *k = calloc(nn, sizeof *k);
	uint32_t *v = calloc(nn, sizeof *v);

	if (k == NULL || v == NULL) {
		free(k);
		free(v);
		return NP_ENOMEM;
	}
	for (i = 0; i < bp->tpl_n; i++) {
		if (bp->tpl_keys[i] != 0) {
			size_t s = np_bp_hc_slot(k, nn, bp->tpl_keys[i]);

			k[s] = bp->tpl_keys[i];
			v[s] = bp->tpl_vals[i];
		}
	}
	free(bp->tpl_keys);
	free(bp->tpl_vals);
	bp->tpl_keys = k;
	bp->tpl_vals = v;
	bp->tpl_n = nn;
	return NP_OK;
}

int
np_boilerplate_template_add(struct np_boilerplate *bp, const char *buf, size_t len)
{
	struct np_bp_result res = { 0 };
	size_t i;
	int rc;

	if ((rc = np_bp_columns(bp, buf, len)) < 0)
		goto out;
	if (rc == 1) {
		buf = bp->coltext.data;
		len = bp->coltext.len;
	}
	if ((rc = np_bp_layout(buf, len, &res)) != NP_OK)
		goto out;
	if ((rc = np_bp_unit_features(bp, buf, &res)) != NP_OK)
		goto out;
	/* count each text once per document */
	if ((rc = np_bp_count_repeats(bp, &res)) != NP_OK)
		goto out;
	for (i = 0; i < res.n; i++) {
		size_t s;

		if (bp->u[i].words == 0 || !bp->u[i].dup_first)
			continue;
		if ((bp->tpl_used + 1) * 2 > bp->tpl_n && (rc = tpl_grow(bp)) != NP_OK)
			goto out;
		s = np_bp_hc_slot(bp->tpl_keys, bp->tpl_n, bp->u[i].hash);
		if (bp->tpl_keys[s] == 0) {
			bp->tpl_keys[s] = bp->u[i].hash;
			bp->tpl_used++;
		}
		if (bp->tpl_vals[s] < UINT32_MAX)
			bp->tpl_vals[s]++;
	}
	bp->tpl_docs++;
out:
	np_bp_result_free(&res);
	return rc;
}

void
np_boilerplate_template_clear(struct np_boilerplate *bp)
{
	free(bp->tpl_keys);
	free(bp->tpl_vals);
	bp->tpl_keys = NULL;
	bp->tpl_vals = NULL;
	bp->tpl_n = bp->tpl_used = bp->tpl_docs = 0;
}
