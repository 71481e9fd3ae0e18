/*
 * boilerplate.c - the strip-boilerplate engine: keep a page's article,
 * drop its furniture, from plain text alone.
 *
 * Method.
 *
 * 1. Units.  The page is cut into lines.  A blank-line separated block
 *    whose lines are the hard-wrapped lines of one paragraph (as lynx and
 *    w3m write them: no line is wider than the page's wrap width, and
 *    every line is too long to take the next line's first word) is one
 *    unit; any other block gives one unit per line, because pasted pages
 *    glue headlines, dates and bodies together line by line.
 *
 * 2. Features, in one pass over each unit's bytes that finds its words
 *    on the way (ASCII words are classified, folded and hashed without
 *    utf8proc): characters (white space runs count once, East Asian
 *    characters twice), words, stopword hits for every stoplist, date
 *    words, numbers, capitalised / lower-case / ALL CAPS words, commas,
 *    sentence ends, list separators, indentation, a hash of the
 *    normalised text, the furniture phrase it starts with or holds, and
 *    whether it starts with a dateline or ends with a photo credit.  The
 *    page's language is the stoplist with most hits (-L fixes it); a page
 *    no stoplist fits uses its own most frequent words instead.
 *
 * 3. First pass (jusText's classifier, extended).  Before length and
 *    stopword density decide good / near-good / short / bad as jusText
 *    does, plain-text evidence speaks: the site template (-T), the
 *    copyright sign, a furniture phrase from the multilingual lexicon
 *    (whole unit, start of a short unit, anywhere in a short unit),
 *    cookie notices, photo captions, date-only and dated lines, lists
 *    joined by separators, units repeated in the page (of a repeated
 *    paragraph the last copy is judged), one-word ALL CAPS lines, blocks
 *    of several lines none of which is a sentence.  Sentence-ness
 *    (terminal punctuation, commas, lower-case share) lifts prose the
 *    stoplist misses, a dateline marks a lede, scripts without spaces
 *    are judged by length and punctuation, and Title Case without a
 *    sentence end lowers headline-like lines.
 *
 * 4. Context pass: jusText's rules for short and near-good units by
 *    their nearest good/bad neighbours, looking through inline furniture
 *    (captions, advertisement marks, teasers).
 *
 * 5. The article is one contiguous run: the best-scoring run of units
 *    (kept characters count for it, dropped ones against it; date lines
 *    and "Related" / "Most popular" headings weigh heavily; prose that
 *    w3m indented counts less when the page has prose at the margin).  A
 *    "Comments" or "About the author" heading after real content ends a
 *    segment, and a later segment must be much stronger to win.  Kept
 *    units outside the run are dropped.
 *
 * 6. Title: the nearest heading-like unit before the run (and one glued
 *    right before each later stretch of kept text in its block) is kept.
 *
 * 7. Inline cuts: furniture glued to the start of a long kept unit (a
 *    newsletter prompt, "ADVERTISEMENT", a photo caption before a
 *    dateline) or to its end (a teaser, a support prompt, an agency
 *    signature) is cut off, and captions flattened into the middle of a
 *    long line are left out; the rest stays byte-identical.
 *
 * Documents larger than NP_BP_WINDOW are classified window by window
 * (see np_boilerplate_window) so that memory stays flat.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/lexicon.h"
#include "newsprep/re.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"
#include "bp.h"

NP_LEXICON_DATA(boilerplate_stop_en);
NP_LEXICON_DATA(boilerplate_stop_de);
NP_LEXICON_DATA(boilerplate_stop_fr);
NP_LEXICON_DATA(boilerplate_stop_es);
NP_LEXICON_DATA(boilerplate_stop_it);
NP_LEXICON_DATA(boilerplate_stop_pt);
NP_LEXICON_DATA(boilerplate_stop_nl);
NP_LEXICON_DATA(boilerplate_stop_pl);
NP_LEXICON_DATA(boilerplate_stop_uk);
NP_LEXICON_DATA(boilerplate_stop_ru);
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

/* where a furniture phrase may stand */
enum { BP_AT_LINE = 1, BP_AT_START, BP_AT_ANY, BP_AT_TAIL };

#define FOLD_CAP 64		/* longest folded word looked up */
#define MAX_PHRASE 8		/* longest furniture phrase in words */
#define DETECT_BYTES (256u * 1024)	/* language detection reads this much */
#define DERIVED_SCALE 0.65	/* see first_pass */
#define DERIVED_WORDS 32	/* size of a stoplist derived from a page */
#define DATED_WEIGHT 250	/* a date line's weight against the run */
#define SHORT_WORDS 40		/* units with at most this many words are
				   searched for furniture anywhere */

/* Per-unit features (parallel to the result's blocks). */
struct unit {
	size_t chars, words, stops, datew, digitw, capw, loww, capsw;
	size_t commas, terms, seps, letters;
	int ends_term;		/* ends with . ! ? (before closing quotes) */
	int ends_colon;		/* ends with ':' */
	int ends_period;	/* ends with a full stop */
	int first_upper;
	int bullet;		/* starts with a list marker */
	int bracket;		/* starts with '[' (w3m's image and form marks) */
	int copyright;		/* holds the copyright sign */
	uint64_t hash;		/* normalised text */
	const struct bp_word *furn;	/* furniture phrase matched */
	int furn_where;		/* BP_AT_* of the match */
	size_t furn_end;	/* byte offset after the matched phrase */
	int dup;		/* occurrences of the same text in the page */
	int dup_first;		/* this is the first of them */
	int dup_last;		/* this is the last of them */
	int heading;		/* heading-like (for the title step) */
	int is_template;	/* a line of the site's template (-T) */
	uint16_t lhits[NP_BP_NLANGS];	/* stopword hits per language */
	size_t indent;		/* leading spaces of its first line */
	int dated;		/* a date or a dated byline line */
	int caption;		/* ends with a photo credit */
	int dateline;		/* starts with a dateline: a news story's lede */
	int transparent;	/* inline furniture: the context pass looks
				   through it */
};

struct np_boilerplate {
	struct np_boilerplate_opts o;
	int lang;		/* fixed language index, or -1 for auto */
	struct bp_wordtab words;	/* stopwords and date words */
	struct bp_wordtab furn;		/* furniture phrases */
	struct bp_wordtab furn_first;	/* their first words */
	int max_phrase;
	struct np_re *re_dateline;	/* article start after glued furniture */
	struct np_re *re_tailcut;	/* furniture glued to the end */
	struct np_re *re_caption;	/* a unit ending with a photo credit */
	struct np_re *re_midcap;	/* a caption inside a long line */
	struct bp_wordtab docstop;	/* stopwords derived from the page */
	int derived;		/* the page's language has no stoplist */
	size_t fold_max;	/* longest word worth folding */
	struct litmap *tailcut_map;	/* for has_lit */
	struct unit *u;
	size_t ucap;
	/* page-internal repetition: hash -> count */
	uint64_t *rep_keys;
	uint32_t *rep_vals;
	size_t rep_n;
	/* templates across documents */
	uint64_t *tpl_keys;
	uint32_t *tpl_vals;
	size_t tpl_n, tpl_used, tpl_docs;
};

/* ------------------------------------------------------------------ */
/* hash counters (open addressing on 64-bit keys; 0 is never a key)    */

/* Returns the slot of key in keys[0..n) (n a power of two). */
static size_t
hc_slot(const uint64_t *keys, size_t n, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (n - 1);

	while (keys[i] != 0 && keys[i] != key)
		i = (i + 1) & (n - 1);
	return i;
}

/* Makes an empty counter of at least want slots; keeps memory when big
 * enough. */
static int
hc_reset(uint64_t **keys, uint32_t **vals, size_t *n, size_t want)
{
	size_t m = 64;

	while (m < want * 2)
		m *= 2;
	if (*n < m || *n > 4 * m) {
		uint64_t *k = calloc(m, sizeof *k);
		uint32_t *v = calloc(m, sizeof *v);

		if (k == NULL || v == NULL) {
			free(k);
			free(v);
			return NP_ENOMEM;
		}
		free(*keys);
		free(*vals);
		*keys = k;
		*vals = v;
		*n = m;
		return NP_OK;
	}
	memset(*keys, 0, *n * sizeof **keys);
	memset(*vals, 0, *n * sizeof **vals);
	return NP_OK;
}

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
	while (bp_next_word(key, n, &pos, &ws, &we, &ascii)) {
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
		a->rc = bp_wordtab_add(a->t, norm, n, a->flags);
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
	}
	if (where == 0)
		return;
	if ((a->rc = bp_wordtab_add(a->t, norm, n, 0)) != NP_OK)
		return;
	fw = memchr(norm, ' ', n);
	if ((a->rc = bp_wordtab_add(a->first, norm, fw ? (size_t)(fw - norm) : n, 0)) != NP_OK)
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

/* Article start after furniture glued to a line: a dateline such as
 * "WIESBADEN, Germany -", "TOKYO (AP) —", "LONDON (Reuters) -". */
static const char DATELINE_RE[] =
    "(?<![\\p{L}\\p{N}.])(\\p{Lu}[\\p{Lu}.'\\x{2019}]{2,}(?:[ -]\\p{Lu}[\\p{Lu}.'\\x{2019}]+){0,3}"
    "(?:, ?\\p{Lu}[\\p{L}.'\\x{2019}]*(?: \\p{Lu}[\\p{L}.'\\x{2019}]*){0,3})?"
    "(?: ?\\([^()\\n]{1,40}\\))? ?[-\\x{2013}\\x{2014}] ?)\\S";

/* Furniture glued to the end of a line: a trailing advertisement mark,
 * a teaser, a newsletter or support prompt, a bare agency signature
 * after the last sentence ("... imagery. REUTERS"). */
static const char TAILCUT_RE[] =
    "(?:\\s+(?:ADVERTISEMENT|Advertisement|Anzeige|ANZEIGE|Publicité|PUBLICITÉ|Publicidad|Pubblicità)"
    "|\\s+(?:Read more|READ MORE|Read also|See also|Lire aussi|Mehr zum Thema|Lesen Sie auch|"
    "Leia também|Leggi anche|Lees ook|Czytaj także|Читайте также|Читайте також|Lee también)"
    ":[^.!?\\n]{1,200}"
    "|\\s+(?:Sign up|Subscribe)\\b[^.!?\\n]{0,120}(?:newsletter|inbox)[^.!?\\n]{0,60}"
    "|(?<=[.!?\"\\x{201D}])\\s+(?:Support|Donate to|Subscribe to|Follow us|Join us)\\b[^.!?\\n]{0,60}[.!]?"
    "|(?<=[.!?\"\\x{201D}])\\s+(?:REUTERS|AFP|AP|dpa|DPA|EFE|ANSA|Xinhua|XINHUA|PAP|TASS|ТАСС|UNIAN|УНІАН))\\s*$";

/* Literal text every match of TAILCUT_RE holds (one per alternative's
 * words), so that a unit holding none of it is not searched. */
static const char *const tailcut_lits[] = {
	"ADVERTISEMENT", "Advertisement", "Anzeige", "ANZEIGE", "Publicité", "PUBLICITÉ",
	"Publicidad", "Pubblicità",
	"Read more:", "READ MORE:", "Read also:", "See also:", "Lire aussi:", "Mehr zum Thema:",
	"Lesen Sie auch:", "Leia também:", "Leggi anche:", "Lees ook:", "Czytaj także:",
	"Читайте также:", "Читайте також:", "Lee también:",
	"newsletter", "inbox",
	"Support", "Donate to", "Subscribe to", "Follow us", "Join us",
	"REUTERS", "AFP", "AP", "dpa", "DPA", "EFE", "ANSA", "Xinhua", "XINHUA", "TASS",
	"ТАСС", "UNIAN", "УНІАН", NULL
};

static const char *const caption_marks[] = { ":", "/", "Getty", "Photo", "stock", "Alamy", NULL };
static const char *const midcap_marks[] = { "AP Photo", "Getty Images", "REUTERS/", "Photo: ",
	"Credit: ", "Foto: ", "Photograph: ", NULL };
static const char *const tail_marks[] = { ":", "newsletter", "inbox", "Support", "Donate",
	"Subscribe", "Follow us", "Join us", NULL };

/* First bytes of a NULL-terminated needle list, for has_lit: one bit per
 * one-byte needle and per first byte pair of a longer one. */
struct litmap {
	uint64_t single[4];
	uint64_t pairs[1024];
};

/* Fills m for needles. */
static void
litmap_init(struct litmap *m, const char *const *needles)
{
	memset(m, 0, sizeof *m);
	for (; *needles != NULL; needles++) {
		unsigned c = (unsigned char)(*needles)[0], p;

		if ((*needles)[1] == '\0') {
			m->single[c >> 6] |= 1ull << (c & 63);
			continue;
		}
		p = c << 8 | (unsigned char)(*needles)[1];
		m->pairs[p >> 6] |= 1ull << (p & 63);
	}
}

/* True when one of the needles (m made from them) occurs in buf[s, e):
 * has_any in one pass over the text, however many needles. */
static int
has_lit(const char *buf, size_t s, size_t e, const char *const *needles,
    const struct litmap *m)
{
	const char *const *l;
	size_t i, n;

	for (i = s; i < e; i++) {
		unsigned c = (unsigned char)buf[i], p;

		if (m->single[c >> 6] & (1ull << (c & 63)))
			return 1;
		if (i + 1 >= e)
			break;
		p = c << 8 | (unsigned char)buf[i + 1];
		if (!(m->pairs[p >> 6] & (1ull << (p & 63))))
			continue;
		for (l = needles; *l != NULL; l++)
			if ((*l)[0] == buf[i] && (*l)[1] != '\0' && (*l)[1] == buf[i + 1] &&
			    (n = strlen(*l)) <= e - i && memcmp(buf + i, *l, n) == 0)
				return 1;
	}
	return 0;
}

/* A photo caption inside a flattened paragraph: after a sentence end,
 * words without a sentence end of their own that finish with a credit,
 * and then the next sentence ("... standardisation. Ishiba speaks at a
 * press conference in Tokyo, 9 April, 2025 AP Photo They also ..."). */
static const char MIDCAP_RE[] =
    "(?<=[.!?\"\\x{201D}] )([^.!?\\n]{15,300}?\\b(?:AP Photo|AFP via Getty Images|Getty Images|"
    "REUTERS/\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,3}(?:/File Photo)?|"
    "(?:Photo|Credit|Foto|Photograph): [^.!?:\\n]{2,60}?) )(?=\\p{Lu})";

/* A photo caption: a unit that ends with its credit. */
static const char CAPTION_RE[] =
    "(?:(?:\\b|(?<=\\p{Ll}))(?:Credit|Credits|CREDIT|Photo|PHOTO|Photograph|Image|Picture|Pictured|Foto|FOTO|Bild|"
    "Bildquelle|Crédit|Crédit photo|Crédits|Créditos?|Fotografía|Imagen|Immagine|Zdjęcie|"
    "Фото|Источник|Джерело)\\s?:\\s?[^.!?:\\n]{2,60}"
    "|\\b(?:Getty Images|AP Photo|Shutterstock|iStock|Alamy)(?:/[\\p{L}\\p{N} .'-]{2,40}){0,2}"
    "|\\b(?:AFP|EPA|REUTERS|Reuters)(?:/[\\p{L}\\p{N} .'-]{2,40}){1,2}"
    "|\\(\\s?\\p{Lu}[\\p{Lu} .'-]{2,40}/\\p{Lu}[\\p{Lu} .'-]{2,40})(?:/File Photo)?"
    "\\s*\\)?\\s*$";

struct np_boilerplate *
np_boilerplate_new(const struct np_boilerplate_opts *o, int *err)
{
	struct np_boilerplate *bp;
	char ebuf[128];
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
	if (o->lang != NULL && strcmp(o->lang, "auto") != 0) {
		for (i = 0; i < NP_BP_NLANGS; i++)
			if (strcmp(o->lang, np_boilerplate_langs[i]) == 0)
				bp->lang = i;
		if (bp->lang < 0) {
			free(bp);
			*err = NP_EINVAL;
			return NULL;
		}
	}
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
			rc = bp_wordtab_add(&bp->words, bp->furn_first.slots[k].key,
			    bp->furn_first.slots[k].len, BP_W_FIRST);
	if (rc != NP_OK)
		goto fail;
	bp->max_phrase = 1;
	for (k = 0; k < bp->furn.nslots; k++)
		if (bp->furn.slots[k].key && bp->furn.slots[k].nwords > bp->max_phrase)
			bp->max_phrase = bp->furn.slots[k].nwords;
	if ((bp->tailcut_map = malloc(sizeof *bp->tailcut_map)) == NULL) {
		rc = NP_ENOMEM;
		goto fail;
	}
	litmap_init(bp->tailcut_map, tailcut_lits);
	bp->re_dateline = np_re_compile(DATELINE_RE, 0, ebuf, sizeof ebuf);
	bp->re_tailcut = np_re_compile(TAILCUT_RE, 0, ebuf, sizeof ebuf);
	bp->re_caption = np_re_compile(CAPTION_RE, 0, ebuf, sizeof ebuf);
	bp->re_midcap = np_re_compile(MIDCAP_RE, 0, ebuf, sizeof ebuf);
	if (bp->re_dateline == NULL || bp->re_tailcut == NULL || bp->re_caption == NULL ||
	    bp->re_midcap == NULL) {
		rc = NP_ENOMEM;
		goto fail;
	}
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
	bp_wordtab_free(&bp->words);
	bp_wordtab_free(&bp->furn);
	bp_wordtab_free(&bp->furn_first);
	bp_wordtab_free(&bp->docstop);
	np_re_free(bp->re_dateline);
	np_re_free(bp->re_tailcut);
	np_re_free(bp->re_caption);
	np_re_free(bp->re_midcap);
	free(bp->tailcut_map);
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
	memset(res, 0, sizeof *res);
}

/* ------------------------------------------------------------------ */
/* units                                                               */

/* Characters (code points) in buf[s, e). */
static size_t
count_chars(const char *buf, size_t s, size_t e)
{
	size_t n = 0, i = s, a;

	while (i < e) {
		a = np_ascii_run(buf + i, e - i);
		n += a;
		i += a;
		while (i < e && (unsigned char)buf[i] >= 0x80) {
			if (((unsigned char)buf[i] & 0xC0) != 0x80)
				n++;
			i++;
		}
	}
	return n;
}

/* Leading white space of buf[s, e) skipped; returns the new start. */
static size_t
skip_space(const char *buf, size_t s, size_t e)
{
	while (s < e) {
		unsigned char c = (unsigned char)buf[s];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f')
			s++;
		else if (c == 0xC2 && s + 1 < e && (unsigned char)buf[s + 1] == 0xA0)
			s += 2;
		else
			break;
	}
	return s;
}

/* Trailing white space of buf[s, e) dropped; returns the new end. */
static size_t
trim_end(const char *buf, size_t s, size_t e)
{
	while (e > s) {
		unsigned char c = (unsigned char)buf[e - 1];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f')
			e--;
		else if (c == 0xA0 && e - 1 > s && (unsigned char)buf[e - 2] == 0xC2)
			e -= 2;
		else
			break;
	}
	return e;
}

/* Appends a unit to the result. */
static int
push_unit(struct np_bp_result *res, size_t start, size_t end, size_t next, size_t para)
{
	struct np_bp_block *b;

	if (res->n == res->cap) {
		size_t nc = res->cap ? res->cap * 2 : 256;

		if ((b = realloc(res->v, nc * sizeof *b)) == NULL)
			return NP_ENOMEM;
		res->v = b;
		res->cap = nc;
	}
	b = &res->v[res->n++];
	memset(b, 0, sizeof *b);
	b->start = start;
	b->end = end;
	b->next = next;
	b->keep_start = start;
	b->keep_end = end;
	b->nholes = 0;
	b->para = para;
	return NP_OK;
}

/* First word's length in characters of line buf[s, e) (after indentation). */
static size_t
first_word_chars(const char *buf, size_t s, size_t e)
{
	size_t i = skip_space(buf, s, e), j = i;

	while (j < e && buf[j] != ' ' && buf[j] != '\t')
		j++;
	return count_chars(buf, i, j);
}

/* Length in characters of line l without trailing white space. */
static size_t
line_chars(const char *buf, const struct np_line *l)
{
	return count_chars(buf, l->start, trim_end(buf, l->start, l->end));
}

/* Longest line of a block of n lines (lc: their line_chars). */
static size_t
block_width(const size_t *lc, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (lc[i] > w)
			w = lc[i];
	return w;
}

/*
 * True when the n lines of a block are one paragraph hard-wrapped at
 * `width` columns: no line is longer, and every line but the last is too
 * long to take the next line's first word.
 */
static int
is_wrapped(const char *buf, const struct np_line *ln, const size_t *lc, size_t n, size_t width)
{
	size_t i, len, bw;

	if (n < 2 || width == 0)
		return 0;
	bw = block_width(lc, n);
	if (bw > width + 1 || bw + 12 < width)
		return 0;
	for (i = 0; i + 1 < n; i++) {
		size_t s = skip_space(buf, ln[i + 1].start, ln[i + 1].end);
		unsigned char c = s < ln[i + 1].end ? (unsigned char)buf[s] : ' ';

		/* a list marker starts a new item, not a wrapped line */
		if (c == '*' || c == '-' || c == '+' || (c == 0xE2 && s + 2 < ln[i + 1].end &&
		    (unsigned char)buf[s + 1] == 0x80 && (unsigned char)buf[s + 2] == 0xA2))
			return 0;
		len = lc[i];
		if (len + 1 + first_word_chars(buf, ln[i + 1].start, ln[i + 1].end) + 2 <= width)
			return 0;
	}
	return 1;
}

/*
 * The page's wrap width: lynx and w3m wrap every paragraph at the same
 * column, so the widest lines of multi-line blocks pile up just below it.
 * Returns the width (55..160) most multi-line blocks reach within 6
 * columns, or 0 when fewer than two blocks (or no block of 3 lines or
 * more) agree.
 */
static size_t
wrap_width(const size_t *lc, const size_t *bs, size_t nb)
{
	size_t hist[161] = { 0 }, i, w, best = 0, bestn = 0, big = 0;

	for (i = 0; i < nb; i++) {
		size_t n = bs[i + 1] - bs[i];

		if (n < 2)
			continue;
		w = block_width(lc + bs[i], n);
		if (w >= 55 && w <= 160) {
			hist[w]++;
			if (n >= 3)
				big++;
		}
	}
	for (w = 55; w <= 160; w++) {
		size_t k, c = 0;

		for (k = w >= 6 ? w - 6 : 0; k <= w; k++)
			c += hist[k];
		if (c > bestn) {
			bestn = c;
			best = w;
		}
	}
	if (bestn >= 2 || (bestn == 1 && big >= 1))
		return best;
	return 0;
}

/* Cuts buf into units (see the top of the file). */
static int
make_units(const char *buf, size_t len, struct np_bp_result *res)
{
	struct np_line *ln = NULL, l;
	size_t *lc = NULL;	/* line_chars of each line */
	size_t *bs = NULL;	/* block starts as indices into ln, plus the end */
	size_t nln = 0, cap = 0, nb = 0, bcap = 0, pos = 0, i, j, width;
	int rc = NP_OK, blank = 1;

	res->n = 0;
	while (np_next_line(buf, len, &pos, &l)) {
		if (np_is_blank(buf, l.start, l.end)) {
			blank = 1;
			continue;
		}
		if (nln == cap) {
			size_t nc = cap ? cap * 2 : 256;
			struct np_line *p = realloc(ln, nc * sizeof *p);

			if (p == NULL)
				goto nomem;
			ln = p;
			cap = nc;
		}
		if (blank) {
			if (nb + 2 > bcap) {
				size_t nc = bcap ? bcap * 2 : 128;
				size_t *p = realloc(bs, nc * sizeof *p);

				if (p == NULL)
					goto nomem;
				bs = p;
				bcap = nc;
			}
			bs[nb++] = nln;
			blank = 0;
		}
		ln[nln++] = l;
	}
	if (nb == 0)
		goto out;
	bs[nb] = nln;
	if ((lc = malloc(nln * sizeof *lc)) == NULL)
		goto nomem;
	for (i = 0; i < nln; i++)
		lc[i] = line_chars(buf, &ln[i]);
	width = wrap_width(lc, bs, nb);
	for (i = 0; i < nb && rc == NP_OK; i++) {
		size_t a = bs[i], n = bs[i + 1] - bs[i];

		if (is_wrapped(buf, ln + a, lc + a, n, width)) {
			rc = push_unit(res, ln[a].start, ln[a + n - 1].end, ln[a + n - 1].next, i);
			continue;
		}
		for (j = 0; j < n && rc == NP_OK; j++)
			rc = push_unit(res, ln[a + j].start, ln[a + j].end, ln[a + j].next, i);
	}
out:
	free(ln);
	free(lc);
	free(bs);
	return rc;
nomem:
	free(ln);
	free(lc);
	free(bs);
	return NP_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* features                                                            */

/* Upper / lower case of the first character of a word. */
static void
word_case(const char *w, size_t n, int *up, int *low)
{
	unsigned char c = (unsigned char)w[0];
	size_t adv;
	int32_t cp;

	if (c < 0x80) {
		*up = c >= 'A' && c <= 'Z';
		*low = c >= 'a' && c <= 'z';
		return;
	}
	cp = np_utf8_decode(w, n, &adv);
	*up = np_cp_is_upper(cp);
	*low = np_cp_is_lower(cp);
}

/* True when the word has two or more letters and no lower-case one. */
static int
word_all_caps(const char *w, size_t n)
{
	size_t i = 0, adv, letters = 0;
	int32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)w[i];

		if (c < 0x80) {
			if (c >= 'a' && c <= 'z')
				return 0;
			if (c >= 'A' && c <= 'Z')
				letters++;
			i++;
			continue;
		}
		cp = np_utf8_decode(w + i, n - i, &adv);
		if (np_cp_is_lower(cp))
			return 0;
		if (np_cp_is_letter(cp))
			letters++;
		i += adv;
	}
	return letters >= 2;
}

struct freq {
	const struct bp_word *w;
	uint32_t n;
};

/* Sorts by count, most frequent first. */
static int
freq_cmp(const void *a, const void *b)
{
	const struct freq *x = a, *y = b;

	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

/*
 * A page in a language without a stoplist: its most frequent short words
 * are its function words (Zipf), so they stand in for the stoplist.
 * Fills bp->docstop with the DERIVED_WORDS most frequent words (seen 3
 * times or more) of the page's first DETECT_BYTES.
 */
static int
derive_stoplist(struct np_boilerplate *bp, const char *buf, size_t len)
{
	struct bp_wordtab counts = { 0 };
	struct freq *fv = NULL;
	size_t pos = 0, ws, we, n, end = len < DETECT_BYTES ? len : DETECT_BYTES, i, nf = 0;
	int ascii, rc = NP_OK;
	char f[FOLD_CAP];

	bp_wordtab_free(&bp->docstop);
	while (bp_next_word(buf, end, &pos, &ws, &we, &ascii)) {
		if (we - ws > 24 || buf[ws] <= '9')
			continue;
		if ((n = bp_fold_word(buf + ws, we - ws, ascii, f, sizeof f)) == 0)
			continue;
		if ((rc = bp_wordtab_add(&counts, f, n, 0)) != NP_OK)
			goto out;
		((struct bp_word *)bp_wordtab_find(&counts, f, n,
		    bp_hash(BP_HASH_SEED, f, n)))->nwords++;
	}
	if (counts.used == 0)
		goto out;
	if ((fv = malloc(counts.used * sizeof *fv)) == NULL) {
		rc = NP_ENOMEM;
		goto out;
	}
	for (i = 0; i < counts.nslots; i++)
		if (counts.slots[i].key != NULL)
			fv[nf++] = (struct freq){ &counts.slots[i], (uint32_t)counts.slots[i].nwords };
	qsort(fv, nf, sizeof *fv, freq_cmp);
	for (i = 0; i < nf && i < DERIVED_WORDS && fv[i].n >= 3 && rc == NP_OK; i++)
		rc = bp_wordtab_add(&bp->docstop, fv[i].w->key, fv[i].w->len, 1);
out:
	free(fv);
	bp_wordtab_free(&counts);
	return rc;
}

/* The first words of a unit, folded, for the furniture lookup. */
struct fwords {
	size_t nw, flen;
	size_t off[SHORT_WORDS + 1];	/* where each word starts in fold */
	size_t wend[SHORT_WORDS + 1];	/* its end in the page */
	unsigned char alldig[SHORT_WORDS + 1];
	unsigned char first[SHORT_WORDS + 1];	/* can start a phrase */
	char fold[(FOLD_CAP + 1) * (SHORT_WORDS + 1) + 16];	/* + room for
				   fold_ascii_word's and bp_hash_pad's 8 bytes */
};

/* Where the next word's folding goes in fw (unit_features folds it there
 * directly). */
static char *
fwords_next(struct fwords *fw)
{
	return fw->fold + fw->flen + (fw->nw > 0);
}

/* Adds the word folded at fwords_next (n bytes, or n 0 when it is too
 * long for any phrase) to the unit's first words; first: it can start a
 * phrase. */
static void
fwords_add(struct fwords *fw, size_t n, int first, int alldig, size_t we)
{
	size_t k = fw->nw;

	if (k > 0)
		fw->fold[fw->flen++] = ' ';
	fw->off[k] = fw->flen;
	if (n == 0) {
		fw->fold[fw->flen++] = '\x01';	/* a word no phrase has */
		fw->first[k] = 0;
	} else {
		fw->flen += n;
		fw->first[k] = (unsigned char)first;
	}
	fw->alldig[k] = (unsigned char)alldig;
	fw->wend[k] = we;
	fw->nw++;
}

/* Looks the folded first words of a unit up in the furniture table:
 * phrase at the start (line/start/tail kinds), or anywhere for short
 * units. */
static void
match_furniture(struct np_boilerplate *bp, struct fwords *fw, struct unit *u)
{
	size_t nw = fw->nw, flen = fw->flen, i, j;
	const size_t *off = fw->off, *wend = fw->wend;
	const unsigned char *alldig = fw->alldig, *first = fw->first;
	const char *fold = fw->fold;

	if (nw == 0)
		return;
	/* a count before a line phrase: "[ 167 comments ]" */
	if (nw >= 2 && nw == u->words && alldig[0]) {
		const struct bp_word *w = bp_wordtab_find(&bp->furn, fold + off[1],
		    flen - off[1], bp_hash(BP_HASH_SEED, fold + off[1], flen - off[1]));

		if (w != NULL && w->kind != NULL && (w->where == BP_AT_LINE ||
		    w->where == BP_AT_TAIL)) {
			u->furn = w;
			u->furn_where = w->where;
			u->furn_end = wend[nw - 1];
			return;
		}
	}
	/* phrases at the start; the longest wins */
	for (j = first[0] ? 1 : (size_t)bp->max_phrase + 1; j <= nw && j <= (size_t)bp->max_phrase; j++) {
		size_t kl = (j < nw ? off[j] - 1 : flen);
		const struct bp_word *w = bp_wordtab_find(&bp->furn, fold, kl,
		    bp_hash(BP_HASH_SEED, fold, kl));
		size_t rest;

		if (w == NULL || w->kind == NULL)
			continue;
		/* words after the phrase that are only numbers ("Comments 12") */
		for (rest = j; rest < nw && alldig[rest]; rest++)
			;
		if ((w->where == BP_AT_LINE || w->where == BP_AT_TAIL) &&
		    rest == nw && nw == u->words) {
			u->furn = w;
			u->furn_where = w->where;
			u->furn_end = wend[j - 1];
		} else if (w->where == BP_AT_TAIL && nw == u->words && nw <= j + 3 &&
		    u->chars < 60) {
			/* "Leave a Comment Cancel Reply" */
			u->furn = w;
			u->furn_where = w->where;
			u->furn_end = wend[j - 1];
		} else if (w->where == BP_AT_START) {
			u->furn = w;
			u->furn_where = BP_AT_START;
			u->furn_end = wend[j - 1];
		} else if (w->where == BP_AT_ANY && u->words <= SHORT_WORDS) {
			u->furn = w;
			u->furn_where = BP_AT_ANY;
			u->furn_end = wend[j - 1];
		} else if ((w->where == BP_AT_LINE || w->where == BP_AT_TAIL) && u->furn == NULL) {
			/* a line phrase glued to the start of a longer unit
			 * ("ADVERTISEMENT NATO chief...") */
			u->furn = w;
			u->furn_where = -BP_AT_LINE;
			u->furn_end = wend[j - 1];
		}
	}
	if (u->furn != NULL && u->furn_where > 0)
		return;
	if (u->words > SHORT_WORDS)
		return;
	/* anywhere in a short unit */
	for (i = 1; i < nw; i++) {
		if (!first[i])
			continue;
		for (j = i + 1; j <= nw && j - i <= (size_t)bp->max_phrase; j++) {
			size_t kl = (j < nw ? off[j] - 1 : flen) - off[i];
			const struct bp_word *w = bp_wordtab_find(&bp->furn, fold + off[i], kl,
			    bp_hash(BP_HASH_SEED, fold + off[i], kl));

			if (w != NULL && w->kind != NULL && w->where == BP_AT_ANY) {
				u->furn = w;
				u->furn_where = BP_AT_ANY;
				u->furn_end = wend[j - 1];
				return;
			}
		}
	}
}

/* Finds needle (m bytes, m > 0) in hay[0..n): memchr on its first byte,
 * then a compare (memmem is not in POSIX). */
static const char *
find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
	const char *p = hay, *end = hay + n;

	while ((size_t)(end - p) >= m && (p = memchr(p, needle[0], (size_t)(end - p) - m + 1)) != NULL) {
		if (memcmp(p, needle, m) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* True when one of the NULL-terminated needles occurs in buf[s, e): a
 * cheap test (memchr runs at memory speed) before a pattern is tried. */
static int
has_any(const char *buf, size_t s, size_t e, const char *const *needles)
{
	for (; *needles != NULL; needles++)
		if (e > s && find_bytes(buf + s, e - s, *needles, strlen(*needles)) != NULL)
			return 1;
	return 0;
}

/* First offset >= s where one of the needles occurs in buf[s, e), or e. */
static size_t
first_of(const char *buf, size_t s, size_t e, const char *const *needles)
{
	size_t best = e;
	const char *p;

	for (; *needles != NULL; needles++)
		if (e > s && (p = find_bytes(buf + s, e - s, *needles, strlen(*needles))) != NULL &&
		    (size_t)(p - buf) < best)
			best = (size_t)(p - buf);
	return best;
}

enum { BC_PLAIN, BC_SPACE, BC_CONT, BC_SPECIAL };

/* What unit_features' byte loop does with each byte value. */
static const unsigned char byte_class[256] = {
	['\t'] = BC_SPACE, ['\n'] = BC_SPACE, ['\r'] = BC_SPACE, ['\f'] = BC_SPACE,
	[' '] = BC_SPACE, [','] = BC_SPECIAL, ['.'] = BC_SPECIAL, ['!'] = BC_SPECIAL,
	['?'] = BC_SPECIAL, ['|'] = BC_SPECIAL,
	[0x80] = BC_CONT, [0x81] = BC_CONT, [0x82] = BC_CONT, [0x83] = BC_CONT,
	[0x84] = BC_CONT, [0x85] = BC_CONT, [0x86] = BC_CONT, [0x87] = BC_CONT,
	[0x88] = BC_CONT, [0x89] = BC_CONT, [0x8A] = BC_CONT, [0x8B] = BC_CONT,
	[0x8C] = BC_CONT, [0x8D] = BC_CONT, [0x8E] = BC_CONT, [0x8F] = BC_CONT,
	[0x90] = BC_CONT, [0x91] = BC_CONT, [0x92] = BC_CONT, [0x93] = BC_CONT,
	[0x94] = BC_CONT, [0x95] = BC_CONT, [0x96] = BC_CONT, [0x97] = BC_CONT,
	[0x98] = BC_CONT, [0x99] = BC_CONT, [0x9A] = BC_CONT, [0x9B] = BC_CONT,
	[0x9C] = BC_CONT, [0x9D] = BC_CONT, [0x9E] = BC_CONT, [0x9F] = BC_CONT,
	[0xA0] = BC_CONT, [0xA1] = BC_CONT, [0xA2] = BC_CONT, [0xA3] = BC_CONT,
	[0xA4] = BC_CONT, [0xA5] = BC_CONT, [0xA6] = BC_CONT, [0xA7] = BC_CONT,
	[0xA8] = BC_CONT, [0xA9] = BC_CONT, [0xAA] = BC_CONT, [0xAB] = BC_CONT,
	[0xAC] = BC_CONT, [0xAD] = BC_CONT, [0xAE] = BC_CONT, [0xAF] = BC_CONT,
	[0xB0] = BC_CONT, [0xB1] = BC_CONT, [0xB2] = BC_CONT, [0xB3] = BC_CONT,
	[0xB4] = BC_CONT, [0xB5] = BC_CONT, [0xB6] = BC_CONT, [0xB7] = BC_CONT,
	[0xB8] = BC_CONT, [0xB9] = BC_CONT, [0xBA] = BC_CONT, [0xBB] = BC_CONT,
	[0xBC] = BC_CONT, [0xBD] = BC_CONT, [0xBE] = BC_CONT, [0xBF] = BC_CONT,
	[0xC2] = BC_SPECIAL, [0xE2] = BC_SPECIAL, [0xE3] = BC_SPECIAL,
	[0xE4] = BC_SPECIAL, [0xE5] = BC_SPECIAL, [0xE6] = BC_SPECIAL,
	[0xE7] = BC_SPECIAL, [0xE8] = BC_SPECIAL, [0xE9] = BC_SPECIAL,
	[0xEA] = BC_SPECIAL, [0xEB] = BC_SPECIAL, [0xEC] = BC_SPECIAL,
	[0xED] = BC_SPECIAL, [0xEF] = BC_SPECIAL,
};

/* How many characters a byte starts: none for continuation bytes, two
 * for the lead bytes of kana, CJK ideographs and Hangul. */
static const unsigned char char_weight[256] = {
#define X16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
	X16(1), X16(1), X16(1), X16(1), X16(1), X16(1), X16(1), X16(1),
	X16(0), X16(0), X16(0), X16(0),
	X16(1), X16(1),
	1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1,
	X16(1)
#undef X16
};

/* Word character classes (bits) for unit_features' ASCII fast path: the
 * same set as words.c's tokenizer.  Bytes >= 0x80 are 0 here and take
 * the general path. */
enum { WC_DIGIT = 1, WC_UPPER = 2, WC_LOWER = 4 };

static const unsigned char word_class[256] = {
#define R10(v) v, v, v, v, v, v, v, v, v, v
	['0'] = R10(WC_DIGIT),
	['A'] = R10(WC_UPPER), R10(WC_UPPER), WC_UPPER, WC_UPPER, WC_UPPER, WC_UPPER,
	WC_UPPER, WC_UPPER,
	['a'] = R10(WC_LOWER), R10(WC_LOWER), WC_LOWER, WC_LOWER, WC_LOWER, WC_LOWER,
	WC_LOWER, WC_LOWER,
#undef R10
};

/* Byte counters of a unit: characters (trimmed, a run of white space
 * counting as one since w3m pads form fields and tables with spaces,
 * East Asian characters counting twice since one says about what two
 * Latin letters say), commas, sentence ends, separators, the copyright
 * sign.  unit_features feeds it every byte of the unit once, in order. */
struct bytefeat {
	size_t n2;		/* characters so far */
	unsigned prev;		/* the last byte was white space */
};

/* Counts punctuation byte buf[i] (of class BC_SPECIAL) of unit
 * [start, end) into u. */
static void
byte_special(struct unit *u, const char *buf, size_t i, size_t start, size_t end)
{
	unsigned char c = (unsigned char)buf[i];

	if (c == ',')
		u->commas++;
	else if ((c == '.' || c == '!' || c == '?') && (i + 1 == end ||
	    buf[i + 1] == ' ' || buf[i + 1] == '\n' || buf[i + 1] == '"'))
		u->terms++;
	else if (c == '|')
		u->seps++;
	else if (c == 0xC2 && i + 1 < end && (unsigned char)buf[i + 1] == 0xA9)
		u->copyright = 1;
	else if (c == 0xE2 && i + 2 < end && (unsigned char)buf[i + 1] == 0x80 &&
	    (unsigned char)buf[i + 2] == 0xA2 && i > start + 4)
		u->seps++;	/* an inner bullet */
	else if (c == 0xE3 && i + 2 < end && (unsigned char)buf[i + 1] == 0x80 &&
	    ((unsigned char)buf[i + 2] == 0x82 || (unsigned char)buf[i + 2] == 0x81)) {
		if ((unsigned char)buf[i + 2] == 0x82)
			u->terms++;	/* 。 */
		else
			u->commas++;	/* 、 */
	} else if (c == 0xEF && i + 2 < end && (unsigned char)buf[i + 1] == 0xBC &&
	    ((unsigned char)buf[i + 2] == 0x81 || (unsigned char)buf[i + 2] == 0x9F ||
	    (unsigned char)buf[i + 2] == 0x8C)) {
		if ((unsigned char)buf[i + 2] == 0x8C)
			u->commas++;	/* ， */
		else
			u->terms++;	/* ！ ？ */
	}
}

/* Counts byte buf[i] of unit [start, end) into bf and u. */
static inline void
byte_feature(struct unit *u, struct bytefeat *bf, const char *buf, size_t i, size_t start,
    size_t end)
{
	unsigned char c = (unsigned char)buf[i];
	unsigned k = byte_class[c];
	unsigned ws = k == BC_SPACE;

	/* branch-free: a code point counts (East Asian twice), a white
	 * space byte after another does not */
	bf->n2 += char_weight[c] - (ws & bf->prev);
	bf->prev = ws;
	if (k == BC_SPECIAL)
		byte_special(u, buf, i, start, end);
}

/* Folds ASCII word w[0..n) (letters and digits only) into out: setting
 * bit 0x20 lower-cases a letter and leaves a digit as it is, so eight
 * bytes are folded at a time.  pad: w may be read, and out written, up
 * to n rounded up to 8 (the bytes after n are then garbage). */
static inline void
fold_ascii_word(const char *w, size_t n, int pad, char *out)
{
	size_t j = 0;
	uint64_t v;

	if (pad) {
		for (; j < n; j += 8) {
			memcpy(&v, w + j, 8);
			v |= 0x2020202020202020ull;
			memcpy(out + j, &v, 8);
		}
		return;
	}
	for (; j + 8 <= n; j += 8) {
		memcpy(&v, w + j, 8);
		v |= 0x2020202020202020ull;
		memcpy(out + j, &v, 8);
	}
	for (; j < n; j++)
		out[j] = (char)(w[j] | 0x20);
}

/* np_utf8_decode (c = s[0] >= 0x80, len > 0) with the common two- and
 * three-byte sequences decoded inline; the rest goes to np_utf8_decode. */
static inline int32_t
decode_high(const char *str, size_t len, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];

	if (c >= 0xC2 && c < 0xE0 && len >= 2 && (s[1] & 0xC0) == 0x80) {
		*adv = 2;
		return (int32_t)((c & 0x1F) << 6 | (s[1] & 0x3F));
	}
	/* E0 (overlong forms) and ED (surrogates) take the long way */
	if (c > 0xE0 && c < 0xF0 && c != 0xED && len >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*adv = 3;
		return (int32_t)((c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F));
	}
	return np_utf8_decode(str, len, adv);
}

/* True when ASCII word w[0..n) has two or more capital letters. */
static int
two_capitals(const char *w, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < 2; i++)
		k += w[i] >= 'A' && w[i] <= 'Z';
	return k >= 2;
}

/*
 * Computes the features of unit b into u: counts, stoplist hits per
 * language (the page's language is chosen afterwards), hash, furniture.
 * One pass over the bytes finds the words (words.c's rule, with a fast
 * path for ASCII: classified, folded and hashed without utf8proc) and
 * counts the byte features on the way.
 */
static void
unit_features(struct np_boilerplate *bp, const char *buf, const struct np_bp_block *b,
    struct unit *u)
{
	size_t pos, ws, we, n, i, s, e, end = b->end, adv, j;
	int ascii, up, low;
	char fbuf[FOLD_CAP + 8], *f;	/* + room for fold_ascii_word's 8 bytes */
	uint64_t h = BP_HASH_SEED;
	size_t maxlen = bp->fold_max;
	struct fwords fw;
	struct bytefeat bf = { 0, 1 };	/* a white space run before the start */

	memset(u, 0, sizeof *u);
	fw.nw = fw.flen = 0;
	if (bp->derived && bp->docstop.maxlen > maxlen)
		maxlen = bp->docstop.maxlen;
	pos = b->start;
	for (;;) {
		const struct bp_word *w = NULL;
		size_t wl;
		unsigned k, wc = 0;

		/* skip separators */
		while (pos < end) {
			unsigned char c = (unsigned char)buf[pos];

			if (c < 0x80) {
				unsigned kb = byte_class[c];

				if (word_class[c] != 0)
					break;
				if (kb == BC_SPACE) {
					/* a white space run counts once */
					bf.n2 += !bf.prev;
					bf.prev = 1;
					while (++pos < end &&
					    byte_class[(unsigned char)buf[pos]] == BC_SPACE)
						;
					continue;
				}
				bf.n2++;	/* an ASCII character counts one */
				bf.prev = 0;
				if (kb == BC_SPECIAL)
					byte_special(u, buf, pos, b->start, end);
				pos++;
				continue;
			}
			if (!bp_cp_is_separator(decode_high(buf + pos, end - pos, &adv)))
				break;
			for (j = pos; j < pos + adv; j++)
				byte_feature(u, &bf, buf, j, b->start, end);
			pos += adv;
		}
		if (pos >= end)
			break;
		/* the word: its ASCII run first (plain characters) */
		ws = pos;
		while (pos < end && (k = word_class[(unsigned char)buf[pos]]) != 0) {
			wc |= k;
			pos++;
		}
		if (pos > ws) {
			bf.n2 += pos - ws;
			bf.prev = 0;
		}
		ascii = 1;
		if (pos < end && (unsigned char)buf[pos] >= 0x80) {
			/* it may go on with other scripts (bp_next_word's rule) */
			while (pos < end) {
				unsigned char c = (unsigned char)buf[pos];

				if (c < 0x80) {
					if (word_class[c] == 0)
						break;
					byte_feature(u, &bf, buf, pos, b->start, end);
					pos++;
					continue;
				}
				if (bp_cp_is_separator(decode_high(buf + pos, end - pos, &adv)))
					break;
				ascii = 0;
				for (j = pos; j < pos + adv; j++)
					byte_feature(u, &bf, buf, j, b->start, end);
				pos += adv;
			}
		}
		we = pos;
		wl = we - ws;
		u->words++;
		n = 0;
		f = fw.nw <= SHORT_WORDS ? fwords_next(&fw) : fbuf;
		if (wl <= maxlen) {
			if (!ascii)
				n = bp_fold_word(buf + ws, wl, 0, f, FOLD_CAP);
			else if (wl <= FOLD_CAP) {
				fold_ascii_word(buf + ws, wl, ws + ((wl + 7) & ~(size_t)7) <= end, f);
				n = wl;
			}
		}
		if (n > 0) {
			uint64_t wh = bp_hash_pad(BP_HASH_SEED, f, n);

			w = bp_wordtab_find(&bp->words, f, n, wh);
			h = bp_hash_combine(h, wh);
			if (bp->derived && bp_wordtab_find(&bp->docstop, f, n, wh) != NULL)
				u->stops++;
			if (fw.nw <= SHORT_WORDS)
				fwords_add(&fw, n, w != NULL && (w->flags & BP_W_FIRST),
				    ascii && wc == WC_DIGIT, we);
		} else {
			h = bp_hash_combine(h, bp_hash(BP_HASH_SEED, buf + ws, wl));
			if (fw.nw <= SHORT_WORDS)
				fwords_add(&fw, 0, 0, ascii && wc == WC_DIGIT, we);
		}
		if (w != NULL) {
			uint32_t lf = w->flags & ((1u << NP_BP_NLANGS) - 1);

			while (lf) {
				int l = __builtin_ctz(lf);

				if (u->lhits[l] < UINT16_MAX)
					u->lhits[l]++;
				lf &= lf - 1;
			}
			if (w->flags & BP_W_DATE)
				u->datew++;
		}
		if (buf[ws] >= '0' && buf[ws] <= '9') {
			u->digitw++;	/* numbers, "19th", "38mm" */
			continue;
		}
		if (ascii)
			up = word_class[(unsigned char)buf[ws]] == WC_UPPER;
		else
			word_case(buf + ws, wl, &up, &low);
		u->letters++;
		if (up) {
			u->capw++;
			if (u->words == 1)
				u->first_upper = 1;
			if (b->end - b->start < 800 && (ascii ? !(wc & WC_LOWER) &&
			    two_capitals(buf + ws, wl) : word_all_caps(buf + ws, wl)))
				u->capsw++;
		} else {
			u->loww++;	/* lower case, or a caseless script */
		}
	}
	u->hash = h == BP_HASH_SEED ? 1 : h;
	/* a leading white space run counted nothing; a trailing run one */
	u->chars = bf.n2 > 0 && bf.prev ? bf.n2 - 1 : bf.n2;
	/* how it ends and starts */
	e = trim_end(buf, b->start, b->end);
	while (e > b->start) {
		unsigned char c = (unsigned char)buf[e - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']')
			e--;
		else if (e - b->start >= 3 && (unsigned char)buf[e - 3] == 0xE2 &&
		    (unsigned char)buf[e - 2] == 0x80 && ((unsigned char)buf[e - 1] == 0x9D ||
		    (unsigned char)buf[e - 1] == 0x99))
			e -= 3;	/* ” ’ */
		else if (e - b->start >= 2 && (unsigned char)buf[e - 2] == 0xC2 &&
		    (unsigned char)buf[e - 1] == 0xBB)
			e -= 2;	/* » */
		else
			break;
	}
	if (e > b->start) {
		unsigned char c = (unsigned char)buf[e - 1];

		u->ends_term = c == '.' || c == '!' || c == '?' ||
		    (e - b->start >= 3 && (unsigned char)buf[e - 3] == 0xE2 &&
		    (unsigned char)buf[e - 2] == 0x80 && c == 0xA6) ||
		    (e - b->start >= 3 && (unsigned char)buf[e - 3] == 0xE3 &&
		    (unsigned char)buf[e - 2] == 0x80 && c == 0x82) ||
		    (e - b->start >= 3 && (unsigned char)buf[e - 3] == 0xEF &&
		    (unsigned char)buf[e - 2] == 0xBC && (c == 0x81 || c == 0x9F));
		u->ends_colon = c == ':';
		u->ends_period = c == '.';
	}
	s = skip_space(buf, b->start, b->end);
	u->indent = s - b->start;
	if (s < b->end) {
		unsigned char c = (unsigned char)buf[s];

		u->bracket = c == '[';
		u->bullet = c == '*' || c == '-' || c == '+' || (c == 0xE2 && s + 2 < b->end &&
		    (unsigned char)buf[s + 1] == 0x80 && (unsigned char)buf[s + 2] == 0xA2);
	}
	if (u->words >= 4 && s + 1 < b->end && (unsigned char)buf[s] >= 'A' &&
	    (unsigned char)buf[s] <= 'Z' && ((buf[s + 1] >= 'A' && buf[s + 1] <= 'Z') ||
	    buf[s + 1] == '.')) {
		struct np_span g[2];
		size_t lim = b->end < s + 120 ? b->end : s + 120;

		u->dateline = np_re_match_at(bp->re_dateline, buf, lim, s, g, 2) == 1;
		/* "WASHINGTON, DC - NOVEMBER 19: ..." is an agency photo caption */
		for (i = u->dateline ? g[1].end : lim; i < lim && i < g[1].end + 24; i++)
			if (buf[i] == ':' && i > 0 && buf[i - 1] >= '0' && buf[i - 1] <= '9') {
				u->dateline = 0;
				u->caption = u->chars < 600;
			}
	}
	if (u->words >= 2 && !u->ends_term && u->chars < 600) {
		struct np_span g[1];
		size_t from = e > b->start + 120 ? e - 120 : b->start;

		while (from > b->start && ((unsigned char)buf[from] & 0xC0) == 0x80)
			from--;
		if (has_any(buf, from, b->end, caption_marks))
			u->caption |= np_re_search(bp->re_caption, buf,
			    trim_end(buf, b->start, b->end), from, g, 1) == 1 &&
			    g[0].start > b->start;
	}
	if (u->words > 0) {
		size_t keep = u->words > SHORT_WORDS ? (size_t)bp->max_phrase : SHORT_WORDS;

		if (fw.nw > keep) {	/* only the start counts */
			fw.nw = keep;
			fw.flen = fw.off[keep] - 1;
		}
		match_furniture(bp, &fw, u);
	}
}

/* ------------------------------------------------------------------ */
/* classification                                                      */

/* True when the unit has only date words, numbers and punctuation. */
static int
date_only(const struct unit *u)
{
	return u->words > 0 && u->words <= 14 && u->datew + u->digitw >= u->words &&
	    (u->digitw > 0 || u->datew >= 2) && u->words - u->digitw <= 8;
}

/* True when the unit reads like a heading or title: a few words, a
 * capital start, no sentence end. */
static int
heading_like(const struct unit *u)
{
	return u->words >= 2 && u->words <= 30 && u->chars <= 250 && u->first_upper &&
	    !u->bracket && !u->caption && !u->ends_period &&
	    !u->ends_colon && !date_only(u) && u->furn == NULL && !u->copyright &&
	    u->seps == 0 && !u->bullet &&
	    !(u->ends_term && u->terms >= 1 && u->words > 12);
}

/* Share of capitalised words among words with letters. */
static double
cap_share(const struct unit *u)
{
	return u->letters ? (double)u->capw / (double)u->letters : 0;
}

/* The first pass: sets first class and reason of every unit. */
static void
first_pass(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res)
{
	const struct np_boilerplate_opts *o = &bp->o;
	size_t i;

	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];
		struct unit *u = &bp->u[i];
		/* stopword density among words that are not numbers (scores,
		 * results and figures are prose too) */
		size_t nw = u->words - u->digitw;
		double sd = nw ? (double)u->stops / (double)nw : 0;

		/* a page's own frequent words cover less of its prose than a
		 * stoplist does: its density counts for more */
		if (bp->derived)
			sd /= DERIVED_SCALE;
		enum np_bp_class c;
		const char *r;

		if (u->words == 0) {
			c = NP_BP_BAD;
			r = "no words";
		} else if (u->is_template) {
			c = NP_BP_BAD;
			r = "site template";
		} else if (u->copyright && u->chars < 2 * o->length_high) {
			c = NP_BP_BAD;
			r = "copyright sign";
		} else if (u->furn != NULL && (u->furn_where == BP_AT_LINE ||
		    u->furn_where == BP_AT_TAIL)) {
			c = NP_BP_BAD;
			r = "furniture phrase";
			b->detail = u->furn->kind;
		} else if (u->furn != NULL && (u->furn_where == BP_AT_START ||
		    (u->furn_where == -BP_AT_LINE && u->furn_end < b->end &&
		    buf[u->furn_end] == ':')) && u->chars < o->length_high) {
			/* "Read more ...", "Related: Other story" */
			c = NP_BP_BAD;
			r = "starts with furniture";
			b->detail = u->furn->kind;
		} else if (u->furn != NULL && u->furn_where > 0 && u->chars < 3 * o->length_high &&
		    strcmp(u->furn->kind, "cookie") == 0) {
			c = NP_BP_BAD;
			r = "cookie notice";
			b->detail = u->furn->kind;
		} else if (u->furn != NULL && u->furn_where == BP_AT_ANY &&
		    u->chars < o->length_high) {
			c = NP_BP_BAD;
			r = "holds furniture";
			b->detail = u->furn->kind;
		} else if (u->caption) {
			c = NP_BP_BAD;
			r = "caption, ends with a credit";
		} else if (date_only(u)) {
			c = NP_BP_BAD;
			r = "date only";
			u->dated = 1;
		} else if (u->chars < o->length_low && u->digitw >= 1 && u->datew >= 2 &&
		    u->words <= 14 && (u->ends_colon || u->seps > 0 || u->words - u->datew -
		    u->digitw <= 4)) {
			c = NP_BP_BAD;
			r = "dated line";
			u->dated = 1;
		} else if (u->seps >= 2 && u->seps * 4 >= u->words) {
			c = NP_BP_BAD;
			r = "separated list";
		} else if (u->dup > 1 && u->chars < o->length_low) {
			c = NP_BP_BAD;
			r = "repeated in page";
		} else if (u->dup > 1 && !u->dup_last) {
			/* of a paragraph printed twice (a summary, then the
			 * text) the last copy is judged */
			c = NP_BP_BAD;
			r = "repeated in page";
		} else if (u->chars < o->length_low) {
			if (u->capsw * 2 > u->letters && u->letters > 0 && u->words == 1) {
				c = NP_BP_BAD;
				r = "short, all caps";
			} else {
				c = NP_BP_SHORT;
				r = "short";
			}
		} else if (sd >= o->stopwords_high) {
			if (u->chars > o->length_high) {
				c = NP_BP_GOOD;
				r = "long, stopword-dense";
			} else {
				c = NP_BP_NEAR_GOOD;
				r = "medium, stopword-dense";
			}
		} else if (sd >= o->stopwords_low) {
			c = NP_BP_NEAR_GOOD;
			r = "some stopwords";
		} else {
			c = NP_BP_BAD;
			r = "few stopwords";
		}
		/* sentence-ness: real prose that the stoplist misses */
		if (c == NP_BP_BAD && r[0] == 'f' && u->chars > o->length_high &&
		    u->ends_term && ((u->loww * 2 > u->letters &&
		    (u->commas >= 1 || u->terms >= 2)) || (u->terms >= 2 && u->commas >= 2))) {
			c = sd >= o->stopwords_low / 2 || bp->derived ? NP_BP_GOOD :
			    NP_BP_NEAR_GOOD;
			r = "prose without stopwords";
		}
		/* "TOKYO (AP) — Prime Minister ...": a news story starts */
		if (u->dateline && u->chars >= o->length_low && c != NP_BP_GOOD &&
		    u->furn == NULL) {
			c = NP_BP_GOOD;
			r = "dateline lede";
		}
		/* a script written without spaces (Chinese, Japanese): words
		 * are clauses and stopwords cannot be counted; length and
		 * sentence punctuation decide */
		if ((c == NP_BP_BAD || c == NP_BP_SHORT) && (r[0] == 'f' || r[0] == 's') &&
		    u->words > 0 && u->chars / u->words > 12 && (u->ends_term || u->commas > 0)) {
			c = u->chars > o->length_high ? NP_BP_GOOD : u->chars >= o->length_low ?
			    NP_BP_NEAR_GOOD : NP_BP_SHORT;
			r = "unspaced script, sentences";
		}
		/* long prose just under the good density */
		if (c == NP_BP_NEAR_GOOD && u->chars > o->length_high && u->ends_term &&
		    (u->terms >= 2 || u->commas >= 2) && r[0] == 's') {
			c = NP_BP_GOOD;
			r = "long prose, some stopwords";
		}
		/* medium prose: sentences with enough stopwords are as good
		 * as a long paragraph (pages of one-sentence paragraphs) */
		if (c == NP_BP_NEAR_GOOD && u->ends_term && u->loww * 2 > u->letters &&
		    u->chars >= o->length_low + 30 && sd >= o->stopwords_high) {
			c = NP_BP_GOOD;
			r = "medium prose";
		}
		/* a medium sentence with a few stopwords less than needed */
		if (c == NP_BP_BAD && r[0] == 'f' && u->chars >= o->length_low &&
		    u->ends_term && u->loww * 2 > u->letters &&
		    sd >= o->stopwords_low * 0.75) {
			c = NP_BP_NEAR_GOOD;
			r = "sentence, some stopwords";
		}
		/* headline-like: Title Case or caps, no sentence end */
		if ((c == NP_BP_NEAR_GOOD || c == NP_BP_GOOD) && !u->ends_term &&
		    u->chars < o->length_high && u->commas == 0 && cap_share(u) > 0.6) {
			c = NP_BP_SHORT;
			r = "title case";
		}
		/* a medium line without any sentence end and few lower-case
		 * words is a teaser or a menu */
		if (c == NP_BP_NEAR_GOOD && !u->ends_term && u->terms == 0 &&
		    u->loww * 2 < u->letters) {
			c = NP_BP_SHORT;
			r = "no sentence";
		}
		b->first = c;
		b->cls = c;
		b->reason = r;
		u->transparent = (u->furn != NULL && u->furn_where != BP_AT_TAIL &&
		    c == NP_BP_BAD && r[0] != 'f' && strcmp(u->furn->kind, "nav") != 0) ||
		    (u->caption && c == NP_BP_BAD);
		b->chars = u->chars;
		b->words = u->words;
		b->stops = u->stops;
		b->density = sd;
		u->heading = heading_like(u) && !u->dated;
	}
	/* a block of several lines none of which is a sentence or long:
	 * a teaser box, a menu, a headline list */
	for (i = 0; i < res->n;) {
		size_t j = i, k;
		int prose = 0;

		while (j < res->n && res->v[j].para == res->v[i].para) {
			struct unit *u = &bp->u[j];

			if (u->ends_term || u->chars >= o->length_high || u->bullet)
				prose = 1;
			j++;
		}
		if (j - i >= 2 && !prose) {
			for (k = i; k < j; k++) {
				if (res->v[k].first == NP_BP_SHORT ||
				    res->v[k].first == NP_BP_NEAR_GOOD) {
					res->v[k].first = res->v[k].cls = NP_BP_BAD;
					res->v[k].reason = "block without sentences";
				}
			}
		}
		i = j;
	}
}

/* Nearest class among GOOD/BAD (and NEAR_GOOD unless ignored) before i;
 * the document edge counts as bad.  Uses `first` classes, or `cls` when
 * use_final. */
static enum np_bp_class
neighbour(const struct np_boilerplate *bp, const struct np_bp_result *res, size_t i, int dir,
    int ignore_near, int use_final)
{
	size_t j = i;

	for (;;) {
		enum np_bp_class c;

		if (dir < 0) {
			if (j == 0)
				return NP_BP_BAD;
			j--;
		} else {
			if (j + 1 >= res->n)
				return NP_BP_BAD;
			j++;
		}
		if (bp->u[j].transparent)
			continue;
		c = use_final ? res->v[j].cls : res->v[j].first;
		if (c == NP_BP_GOOD || c == NP_BP_BAD)
			return c;
		if (c == NP_BP_NEAR_GOOD && !ignore_near)
			return c;
	}
}

/* jusText's context pass (see /work/shared/README.md): short units by
 * their neighbours, then near-good ones. */
static void
context_pass(const struct np_boilerplate *bp, struct np_bp_result *res)
{
	size_t i;

	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];
		enum np_bp_class p, n;

		if (b->first != NP_BP_SHORT)
			continue;
		p = neighbour(bp, res, i, -1, 1, 0);
		n = neighbour(bp, res, i, +1, 1, 0);
		if (p == NP_BP_BAD && n == NP_BP_BAD) {
			b->cls = NP_BP_BAD;
			b->reason = "short, between bad";
		} else if (p == NP_BP_GOOD && n == NP_BP_GOOD) {
			b->cls = NP_BP_GOOD;
			b->reason = "short, between good";
		} else if (p == NP_BP_BAD) {
			b->cls = neighbour(bp, res, i, -1, 0, 0) == NP_BP_NEAR_GOOD ?
			    NP_BP_GOOD : NP_BP_BAD;
			b->reason = b->cls == NP_BP_GOOD ? "short, near-good before" :
			    "short, after bad";
		} else {
			b->cls = neighbour(bp, res, i, +1, 0, 0) == NP_BP_NEAR_GOOD ?
			    NP_BP_GOOD : NP_BP_BAD;
			b->reason = b->cls == NP_BP_GOOD ? "short, near-good after" :
			    "short, before bad";
		}
	}
	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];

		if (b->first != NP_BP_NEAR_GOOD)
			continue;
		if (neighbour(bp, res, i, -1, 1, 1) == NP_BP_BAD &&
		    neighbour(bp, res, i, +1, 1, 1) == NP_BP_BAD) {
			b->cls = NP_BP_BAD;
			b->reason = "near-good, between bad";
		} else {
			b->cls = NP_BP_GOOD;
			b->reason = "near-good, by good";
		}
	}
}

/* Kept units' score for the run search.  flat: the page has prose at
 * the left margin, where w3m puts an article's paragraphs (indented
 * prose is then in lists, tables and sidebars: teasers, comments). */
static double
unit_weight(const struct np_bp_block *b, const struct unit *u, int flat)
{
	if (b->cls == NP_BP_GOOD) {
		double w = (double)(b->chars < 3000 ? b->chars : 3000);

		if (flat && u->indent > 0 && !(u->bullet && u->indent <= 2))
			w *= 0.25;	/* (a list item of the text is at 2) */
		return b->first == NP_BP_GOOD ? w : w * 0.5;
	}
	if (u->words == 0)
		return -2;
	if (u->dated)
		return -DATED_WEIGHT;	/* comment and teaser lists carry dates */
	if (u->furn != NULL && u->furn_where == BP_AT_TAIL)
		return -300;	/* "Related", "Most popular": a box or the end */
	return -((double)(b->chars < 600 ? b->chars : 600) * 0.5 + 20);
}

/* How much a segment after a tail phrase of this kind is worth. */
static double
tail_factor(const char *kind)
{
	if (strcmp(kind, "comments") == 0)
		return 0.05;
	if (strcmp(kind, "author") == 0)
		return 0.1;
	return 1;	/* other tails only weigh against the run */
}

/* Finds the article's run and drops kept units outside it.  Returns the
 * run in *ra, *rb (rb exclusive; ra == rb when nothing is kept). */
static void
select_run(struct np_boilerplate *bp, struct np_bp_result *res, size_t *ra, size_t *rb)
{
	size_t i, cur_a = 0, best_a = 0, best_b = 0;
	double cur = 0, best = 0, best_score = 0, kept_before = 0, factor = 1.0, next_factor = 1.0;
	size_t flat_chars = 0;
	int flat;

	for (i = 0; i < res->n; i++)
		if (res->v[i].cls == NP_BP_GOOD && (bp->u[i].indent == 0 ||
		    (bp->u[i].bullet && bp->u[i].indent <= 2)))
			flat_chars += res->v[i].chars;
	flat = flat_chars >= 2 * bp->o.length_high;
	*ra = *rb = 0;
	for (i = 0; i <= res->n; i++) {
		int barrier = 0;

		if (i < res->n) {
			struct unit *u = &bp->u[i];

			barrier = u->furn != NULL && u->furn_where == BP_AT_TAIL &&
			    kept_before >= (double)bp->o.length_high &&
			    tail_factor(u->furn->kind) < 0.2;
		}
		if (i == res->n || barrier) {
			/* close the segment that ends here */
			if (best * factor > best_score) {
				best_score = best * factor;
				*ra = best_a;
				*rb = best_b;
			}
			if (i == res->n)
				break;
			next_factor *= tail_factor(bp->u[i].furn->kind);
			factor = next_factor;
			cur = best = 0;
			cur_a = i + 1;
			continue;
		}
		{
			double w = unit_weight(&res->v[i], &bp->u[i], flat);

			if (res->v[i].cls == NP_BP_GOOD)
				kept_before += (double)res->v[i].chars;
			if (cur <= 0) {
				cur = 0;
				cur_a = i;
			}
			cur += w;
			if (cur > best) {
				best = cur;
				best_a = cur_a;
				best_b = i + 1;
			}
		}
	}
	for (i = 0; i < res->n; i++) {
		if ((i < *ra || i >= *rb) && res->v[i].cls == NP_BP_GOOD) {
			res->v[i].cls = NP_BP_BAD;
			res->v[i].reason = "outside the article";
		}
	}
}

/* Keeps the title: the nearest heading-like unit before the run, and a
 * heading-like unit right before each later stretch of kept units. */
static void
rescue_titles(struct np_boilerplate *bp, struct np_bp_result *res, size_t ra, size_t rb)
{
	size_t i, dist = 0;

	if (bp->o.no_title || ra >= rb)
		return;
	/* before the run */
	for (i = ra; i-- > 0;) {
		struct unit *u = &bp->u[i];
		struct np_bp_block *b = &res->v[i];

		if (dist > bp->o.max_heading_distance || ra - i > 6)
			break;
		if (u->heading && u->chars >= 10) {
			b->cls = NP_BP_GOOD;
			b->reason = "title";
			break;
		}
		dist += b->chars;
	}
	/* inside the run */
	for (i = ra + 1; i < rb; i++) {
		struct np_bp_block *p = &res->v[i - 1];

		if (res->v[i].cls != NP_BP_GOOD || p->cls == NP_BP_GOOD)
			continue;
		if (bp->u[i - 1].heading && !bp->u[i - 1].ends_term && p->para == res->v[i].para &&
		    strcmp(p->reason, "block without sentences") != 0 &&
		    bp->u[i - 1].chars >= 10 && res->v[i].first == NP_BP_GOOD) {
			p->cls = NP_BP_GOOD;
			p->reason = "heading";
		}
	}
}

/* True when the phrase that ends at `from` is a mark glued before the
 * text ("ADVERTISEMENT NATO chief", "Advertisement: The ..."), not the
 * text's first words ("Advertising executives said"): punctuation or a
 * capital follows it. */
static int
glued_mark(const char *buf, const struct np_bp_block *b, size_t from)
{
	size_t i = skip_space(buf, from, b->end), adv;
	int32_t cp;

	if (i >= b->end)
		return 0;
	if (buf[i] == ':' || buf[i] == '|' || buf[i] == '-')
		return 1;
	if (i == from)
		return 0;	/* no space after it */
	cp = np_utf8_decode(buf + i, b->end - i, &adv);
	return np_cp_is_upper(cp) || cp == '"' || cp == 0x201C;
}

/* True when the last word of buf[s, e) starts with a capital
 * ("... next year. REUTERS", "... ADVERTISEMENT"). */
static int
last_word_capital(const char *buf, size_t s, size_t e)
{
	size_t i = e;

	while (i > s && (buf[i - 1] == ' ' || buf[i - 1] == '\t' || buf[i - 1] == '\r'))
		i--;
	while (i > s && buf[i - 1] != ' ' && buf[i - 1] != '\t')
		i--;
	return i < e && (((unsigned char)buf[i] >= 'A' && (unsigned char)buf[i] <= 'Z') ||
	    (unsigned char)buf[i] >= 0xC0);
}

/* Cuts furniture glued to the start or end of long kept units. */
static int
inline_cuts(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res)
{
	size_t i;
	struct np_span g[2];

	if (bp->o.no_cut)
		return NP_OK;
	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];
		struct unit *u = &bp->u[i];
		size_t lim;
		int rc;

		if (b->cls != NP_BP_GOOD || b->chars < bp->o.length_low)
			continue;
		if (u->furn != NULL && (u->furn_where == BP_AT_START ||
		    u->furn_where == -BP_AT_LINE || u->furn_where == BP_AT_ANY)) {
			size_t cut = 0, from = u->furn_end;

			lim = from + 800 < b->end ? from + 800 : b->end;
			rc = np_re_search(bp->re_dateline, buf, lim, from, g, 2);
			if (rc < 0)
				return rc;
			if (rc == 1)
				cut = g[1].start;
			else if (u->furn_where == -BP_AT_LINE && glued_mark(buf, b, from))
				cut = skip_space(buf, from, b->end);
			if (cut > b->start && cut < b->end &&
			    count_chars(buf, cut, b->end) >= bp->o.length_low) {
				while (cut < b->end && (buf[cut] == ':' || buf[cut] == ' '))
					cut++;
				b->keep_start = cut;
				b->detail = u->furn->kind;
				b->reason = "good, furniture cut from start";
			}
		}
		/* the longest tail the pattern takes is about 260 bytes */
		lim = b->end > b->keep_start + 280 ? b->end - 280 : b->keep_start;
		while (lim > b->keep_start && ((unsigned char)buf[lim] & 0xC0) == 0x80)
			lim--;	/* start on a character */
		rc = 0;
		if ((last_word_capital(buf, lim, b->end) || has_any(buf, lim, b->end, tail_marks)) &&
		    has_lit(buf, lim, b->end, tailcut_lits, bp->tailcut_map))
			rc = np_re_search(bp->re_tailcut, buf, b->end, lim, g, 1);
		if (rc < 0)
			return rc;
		if (rc == 1 && g[0].start > b->keep_start &&
		    count_chars(buf, b->keep_start, g[0].start) >= bp->o.length_low) {
			b->keep_end = g[0].start;
			b->reason = "good, furniture cut from end";
		}
		/* captions inside a long flattened paragraph */
		if (b->keep_end - b->keep_start > bp->o.length_high) {
			size_t from = b->keep_start, mark;

			while (b->nholes < NP_BP_HOLES &&
			    (mark = first_of(buf, from, b->keep_end, midcap_marks)) < b->keep_end) {
				/* a caption is at most about 300 bytes before its credit */
				size_t st = mark > from + 320 ? mark - 320 : from;

				while (st > from && ((unsigned char)buf[st] & 0xC0) == 0x80)
					st--;
				rc = np_re_search(bp->re_midcap, buf, b->keep_end, st, g, 2);
				if (rc < 0)
					return rc;
				if (rc != 1 || g[1].start <= b->keep_start || g[1].end >= b->keep_end) {
					from = mark + 1;
					continue;
				}
				b->holes[b->nholes++] = g[1];
				b->reason = "good, caption cut from inside";
				from = g[1].end;
			}
		}
	}
	return NP_OK;
}

/* Counts repeated units of the page (by normalised hash). */
static int
count_repeats(struct np_boilerplate *bp, struct np_bp_result *res)
{
	size_t i;
	int rc;

	if ((rc = hc_reset(&bp->rep_keys, &bp->rep_vals, &bp->rep_n, res->n)) != NP_OK)
		return rc;
	for (i = 0; i < res->n; i++) {
		size_t s;

		if (bp->u[i].words == 0)
			continue;
		s = hc_slot(bp->rep_keys, bp->rep_n, bp->u[i].hash);
		bp->rep_keys[s] = bp->u[i].hash;
		bp->u[i].dup_first = bp->rep_vals[s] == 0;
		bp->rep_vals[s]++;
	}
	for (i = res->n; i-- > 0;) {	/* backwards: the last copy first */
		size_t sl;

		if (bp->u[i].words == 0)
			continue;
		sl = hc_slot(bp->rep_keys, bp->rep_n, bp->u[i].hash);
		bp->u[i].dup = (int)(bp->rep_vals[sl] & 0x7fffffffu);
		bp->u[i].dup_last = !(bp->rep_vals[sl] & 0x80000000u);
		bp->rep_vals[sl] |= 0x80000000u;
	}
	return NP_OK;
}

/* When nothing is kept (a thin page), keeps the longest prose-like unit
 * and makes it the run. */
static void
thin_page(struct np_boilerplate *bp, struct np_bp_result *res, size_t *ra, size_t *rb)
{
	size_t i, best = SIZE_MAX;

	for (i = 0; i < res->n; i++)
		if (res->v[i].cls == NP_BP_GOOD)
			return;
	for (i = 0; i < res->n; i++) {
		struct unit *u = &bp->u[i];

		if (u->words < 5 || u->furn != NULL || u->copyright || date_only(u) ||
		    u->is_template || (u->dup > 1 && !u->dup_last))
			continue;
		if (u->loww * 3 < u->letters && !u->ends_term)
			continue;
		if (best == SIZE_MAX || res->v[i].chars > res->v[best].chars)
			best = i;
	}
	if (best != SIZE_MAX) {
		res->v[best].cls = NP_BP_GOOD;
		res->v[best].reason = "thin page, longest prose";
		*ra = best;
		*rb = best + 1;
	}
}

/* Template lookup: true when the unit's text is in enough documents. */
static int
is_template(const struct np_boilerplate *bp, uint64_t h)
{
	size_t s;
	double need;

	if (bp->tpl_docs < 2 || bp->tpl_n == 0)
		return 0;
	s = hc_slot(bp->tpl_keys, bp->tpl_n, h);
	if (bp->tpl_keys[s] != h)
		return 0;
	need = bp->o.template_share * (double)bp->tpl_docs;
	if (need < 2)
		need = 2;
	return (double)bp->tpl_vals[s] >= need;
}

size_t
np_boilerplate_window(const char *buf, size_t len)
{
	size_t pos = NP_BP_WINDOW, lim;
	const char *nl;

	if (len <= NP_BP_WINDOW + NP_BP_WINDOW / 4)
		return len;
	/* the first blank line after NP_BP_WINDOW, within another window */
	lim = 2 * NP_BP_WINDOW < len ? 2 * NP_BP_WINDOW : len;
	while (pos < lim && (nl = memchr(buf + pos, '\n', lim - pos)) != NULL) {
		size_t e = (size_t)(nl - buf) + 1, f = e;

		while (f < len && (buf[f] == ' ' || buf[f] == '\t' || buf[f] == '\r'))
			f++;
		if (f < len && buf[f] == '\n')
			return f + 1;
		pos = e;
	}
	/* no blank line: a line end after NP_BP_WINDOW */
	nl = memchr(buf + NP_BP_WINDOW, '\n', len - NP_BP_WINDOW);
	return nl != NULL ? (size_t)(nl - buf) + 1 : len;
}

int
np_boilerplate_classify(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res)
{
	size_t i, ra, rb;
	int rc, lang;

	if ((rc = make_units(buf, len, res)) != NP_OK)
		return rc;
	if (res->n > bp->ucap) {
		struct unit *p = realloc(bp->u, res->n * sizeof *p);

		if (p == NULL)
			return NP_ENOMEM;
		bp->u = p;
		bp->ucap = res->n;
	}
	bp->derived = 0;
	for (i = 0; i < res->n; i++)
		unit_features(bp, buf, &res->v[i], &bp->u[i]);
	if (bp->lang >= 0) {
		lang = bp->lang;
	} else {
		/* the stoplist with most hits in the first DETECT_BYTES */
		size_t hits[NP_BP_NLANGS] = { 0 }, words = 0;
		int k;

		for (i = 0; i < res->n && res->v[i].start < DETECT_BYTES; i++) {
			words += bp->u[i].words;
			for (k = 0; k < NP_BP_NLANGS; k++)
				hits[k] += bp->u[i].lhits[k];
		}
		lang = 0;
		for (k = 1; k < NP_BP_NLANGS; k++)
			if (hits[k] > hits[lang])
				lang = k;
		if (words >= 50 && (double)hits[lang] < 0.08 * (double)words) {
			/* no stoplist fits: the page's own frequent words */
			if ((rc = derive_stoplist(bp, buf, len)) != NP_OK)
				return rc;
			bp->derived = bp->docstop.used > 0;
			for (i = 0; bp->derived && i < res->n; i++)
				unit_features(bp, buf, &res->v[i], &bp->u[i]);
		}
	}
	if (!bp->derived)
		for (i = 0; i < res->n; i++)
			bp->u[i].stops = bp->u[i].lhits[lang];
	res->lang = bp->derived ? "page" : np_boilerplate_langs[lang];
	for (i = 0; i < res->n; i++)
		bp->u[i].is_template = bp->u[i].words > 0 && is_template(bp, bp->u[i].hash);
	if ((rc = count_repeats(bp, res)) != NP_OK)
		return rc;
	first_pass(bp, buf, res);
	context_pass(bp, res);
	select_run(bp, res, &ra, &rb);
	thin_page(bp, res, &ra, &rb);
	rescue_titles(bp, res, ra, rb);
	for (i = 0; i < res->n; i++)
		if (res->v[i].cls != NP_BP_GOOD)
			res->v[i].cls = NP_BP_BAD;
	return inline_cuts(bp, buf, res);
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
			size_t s = hc_slot(k, nn, bp->tpl_keys[i]);

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

	if ((rc = make_units(buf, len, &res)) != NP_OK)
		goto out;
	if (res.n > bp->ucap) {
		struct unit *p = realloc(bp->u, res.n * sizeof *p);

		if (p == NULL) {
			rc = NP_ENOMEM;
			goto out;
		}
		bp->u = p;
		bp->ucap = res.n;
	}
	bp->derived = 0;
	for (i = 0; i < res.n; i++)
		unit_features(bp, buf, &res.v[i], &bp->u[i]);
	/* count each text once per document */
	if ((rc = count_repeats(bp, &res)) != NP_OK)
		goto out;
	for (i = 0; i < res.n; i++) {
		size_t s;

		if (bp->u[i].words == 0 || !bp->u[i].dup_first)
			continue;
		if ((bp->tpl_used + 1) * 2 > bp->tpl_n && (rc = tpl_grow(bp)) != NP_OK)
			goto out;
		s = hc_slot(bp->tpl_keys, bp->tpl_n, bp->u[i].hash);
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
