/*
 * bp.h - the boilerplate engine's internal interface between its stages
 * (not installed; the public API is include/newsprep/boilerplate.h).
 *
 * The stages, one file each, run in this order on one page:
 *
 *   layout.c     text -> units (struct np_bp_block in struct np_bp_result:
 *                byte ranges into the page buffer, `para` numbering the
 *                blank-line separated blocks)
 *   features.c   units -> struct bp_unit features, page language, repeats,
 *                site template
 *   classify.c   first pass, context pass, the article's run, thin pages
 *   headline.c   the title before the run, subheads inside it
 *   cuts.c       furniture cut off the start, end and middle of kept units
 *
 * boilerplate.c loads the lexicons, owns the context and chains the stages
 * (np_bp_classify_units); words.c is the word layer (tokenizer, folded-word
 * table) and small text helpers every stage uses.  A stage reads the
 * units, their features and the page buffer, and writes only its own
 * fields; stages never call each other.
 *
 * ANOTHER READER (the HTML reader) produces the same units over a buffer of
 * its own (the page's text as it extracted it, one unit per block element)
 * and calls np_bp_classify_units with one struct np_bp_hint per unit, so
 * that the same classifier and context pass decide, with its evidence
 * added.  Text mode passes hints == NULL.
 *
 * struct np_bp_hint - what a reader knows about a unit beyond its text.
 * Fill every field (zero = "no evidence"):
 *
 *   flags         NP_BP_HINT_* bits below: the unit's element and the
 *                 containers it is inside (nearest article/main wins over
 *                 an outer nav: set only what encloses the unit).
 *   link_density  characters inside links / characters of the unit, 0..1.
 *   heading       1..6 when the unit is an <h1>..<h6> (or role=heading
 *                 with aria-level), else 0.
 *   class_hint    from the class and id words of the unit and its
 *                 ancestors: > 0 article-like (article, content, story,
 *                 body, entry, post, text), < 0 furniture-like (nav, menu,
 *                 footer, sidebar, comment, share, social, related, promo,
 *                 ad, cookie, newsletter, breadcrumb), 0 none or both; the
 *                 nearest ancestor that says something decides.  Range
 *                 -3..3 (strength: how near the element that says it).
 *
 * How the stages use them: classify.c drops units inside nav, aside,
 * footer (outside an article), form and caption elements, units that are
 * mostly links, and units whose class hint is furniture-like unless they
 * are good prose inside an article; it keeps list items and table rows
 * inside an article through the context pass like prose; headline.c takes
 * a heading (or the unit flagged TITLE) as the title and headings inside
 * the run as subheads.
 */
#ifndef NP_BP_INTERNAL_H
#define NP_BP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "newsprep/common.h"
#include "newsprep/boilerplate.h"
#include "newsprep/re.h"
#include "newsprep/utf8.h"

#define NP_BP_HINT_NAV		(1u << 0)	/* inside <nav> / role=navigation */
#define NP_BP_HINT_ASIDE	(1u << 1)	/* inside <aside> / role=complementary */
#define NP_BP_HINT_FOOTER	(1u << 2)	/* inside <footer> / role=contentinfo */
#define NP_BP_HINT_HEADER	(1u << 3)	/* inside the page's <header> / role=banner */
#define NP_BP_HINT_ARTICLE	(1u << 4)	/* inside <article>, <main>, role=main or
						   itemprop=articleBody */
#define NP_BP_HINT_LIST		(1u << 5)	/* a list item (<li>, <dd>, <dt>) */
#define NP_BP_HINT_TABLE	(1u << 6)	/* a table row or cell */
#define NP_BP_HINT_TITLE	(1u << 7)	/* its text is the page's title
						   (<title>, og:title, h1 = title) */
#define NP_BP_HINT_FORM		(1u << 8)	/* inside <form>, <button>, <label>,
						   <select>, <option> */
#define NP_BP_HINT_CAPTION	(1u << 9)	/* <figcaption> or <caption> */
#define NP_BP_HINT_QUOTE	(1u << 10)	/* <blockquote> */
#define NP_BP_HINT_PRE		(1u << 11)	/* <pre> or <code> */
#define NP_BP_HINT_BYLINE	(1u << 12)	/* rel=author, itemprop=author, class
						   byline/author */
#define NP_BP_HINT_DATE		(1u << 13)	/* <time>, itemprop=datePublished */
#define NP_BP_HINT_PARA		(1u << 14)	/* a <p> element */

struct np_bp_hint {
	uint32_t flags;		/* NP_BP_HINT_* */
	float link_density;	/* 0..1 */
	signed char heading;	/* 1..6, 0 not a heading */
	signed char class_hint;	/* -3..3, see above */
};

#define BP_HASH_SEED 14695981039346656037ull

/* word flags: bits 0..NP_BP_NLANGS-1 are stoplist languages */
#define BP_W_DATE	(1u << 16)	/* can fill a date-only line */
#define BP_W_FIRST	(1u << 17)	/* starts a furniture phrase */
#define BP_W_CONSENT	(1u << 18)	/* furniture table: a cookie, consent
					   or disclaimer phrase (searched in
					   long units too) */

struct bp_word {
	const char *key;	/* folded; NULL = empty slot */
	size_t len;
	uint64_t hash;
	uint32_t flags;
	const char *kind;	/* furniture table: kind name */
	int where;		/* furniture table: BP_AT_* */
	int nwords;		/* furniture table: words in the phrase */
};

#define BP_BLOOM_BITS 32768	/* a filter in front of the table */

struct bp_wordtab {
	uint64_t bloom[BP_BLOOM_BITS / 64];
	struct bp_word *slots;
	size_t nslots, used, maxlen;
	struct np_arena arena;
};

/* where a furniture phrase may stand */
enum { BP_AT_LINE = 1, BP_AT_START, BP_AT_ANY, BP_AT_TAIL, BP_AT_NAME };

#define FOLD_CAP 64		/* longest folded word looked up */
#define MAX_PHRASE 8		/* longest furniture phrase in words */
#define DETECT_BYTES (256u * 1024)	/* language detection reads this much */
#define DERIVED_SCALE 0.65	/* see first_pass */
#define DERIVED_WORDS 32	/* size of a stoplist derived from a page */
#define DATED_WEIGHT 250	/* a date line's weight against the run */
#define NEAR_RUN_LOOK 8		/* units a run of near-good ones is looked for in */
#define SHORT_WORDS 40		/* units with at most this many words are
				   searched for furniture anywhere */

/* field separators of a record line ("June 9 – Tampa, FL @ Arena") */
#define BP_MARK_COLON	1u
#define BP_MARK_AT	2u
#define BP_MARK_DASH	4u

/* Per-unit features (parallel to the result's blocks). */
struct bp_unit {
	size_t chars, words, stops, datew, digitw, capw, loww, capsw;
	size_t commas, terms, seps, letters;
	int ends_term;		/* ends with . ! ? (before closing quotes) */
	int ends_colon;		/* ends with ':' */
	int ends_period;	/* ends with a full stop */
	int ends_ellipsis;	/* ends with "..." or "…" (a cut summary) */
	int first_upper;
	int bullet;		/* starts with a list marker */
	unsigned listno;	/* the number of a "3." or "3)" item marker, 0 none */
	int table;		/* lines, when every line is cells split by wide
				   gaps or records with the same separators */
	unsigned marks;		/* BP_MARK_* field separators it holds */
	size_t boxdraw;		/* box-drawing characters (frames) */
	int bracket;		/* starts with '[' (w3m's image and form marks) */
	int image;		/* is one "[...]" mark (w3m's picture) */
	int url;		/* starts with a web address */
	int embed_sig;		/* "— Name (@handle) date" under an embedded post */
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
	size_t hole0;		/* cuts.c: its first hole in the result */
	int transparent;	/* inline furniture: the context pass looks
				   through it */
};

struct np_boilerplate {
	struct np_boilerplate_opts o;
	int lang;		/* fixed language index, or -1 for auto */
	unsigned langs;		/* bits of the languages auto may pick */
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
	struct bp_litmap *tailcut_map;	/* cuts.c: first bytes of its literals */
	struct np_buf coltext;	/* columns.c: a page rebuilt column by column */
	struct bp_unit *u;
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

/* words.c: the word layer and helpers every stage uses */
int np_bp_cp_is_separator(int32_t cp);
int np_bp_next_word(const char *buf, size_t end, size_t *pos, size_t *ws, size_t *we, int *ascii);
size_t np_bp_fold_word(const char *s, size_t n, int ascii, char *out, size_t cap);
int np_bp_wordtab_add(struct bp_wordtab *t, const char *key, size_t n, uint32_t flags);
void np_bp_wordtab_free(struct bp_wordtab *t);

size_t np_bp_hc_slot(const uint64_t *keys, size_t n, uint64_t key);
int np_bp_hc_reset(uint64_t **keys, uint32_t **vals, size_t *n, size_t want);
int np_bp_has_any(const char *buf, size_t s, size_t e, const char *const *needles);
size_t np_bp_first_of(const char *buf, size_t s, size_t e, const char *const *needles);

/* columns.c: when buf[0..len) is laid out in columns, writes it column by
 * column into bp->coltext and returns 1; 0 when it is not (an np_status
 * below 0 on error). */
int np_bp_columns(struct np_boilerplate *bp, const char *buf, size_t len);

/* layout.c: cuts buf[0..len) into units (res->n of them). */
int np_bp_layout(const char *buf, size_t len, struct np_bp_result *res);

/* features.c */
int np_bp_features_init(struct np_boilerplate *bp);
int np_bp_unit_features(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res);
int np_bp_page_features(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res);
int np_bp_count_repeats(struct np_boilerplate *bp, struct np_bp_result *res);

/* classify.c */
void np_bp_first_pass(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res,
    const struct np_bp_hint *hints);
void np_bp_context_pass(const struct np_boilerplate *bp, struct np_bp_result *res);
void np_bp_article_lists(const struct np_boilerplate *bp, struct np_bp_result *res);
void np_bp_heading_boxes(const struct np_boilerplate *bp, struct np_bp_result *res);
void np_bp_select_run(struct np_boilerplate *bp, struct np_bp_result *res, size_t *ra,
    size_t *rb);
void np_bp_thin_page(struct np_boilerplate *bp, struct np_bp_result *res, size_t *ra,
    size_t *rb);

/* headline.c */
void np_bp_headline(struct np_boilerplate *bp, struct np_bp_result *res, size_t ra, size_t rb,
    const struct np_bp_hint *hints);

/* cuts.c */
int np_bp_cuts_init(struct np_boilerplate *bp);
int np_bp_inline_cuts(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res);

/*
 * The stage interface: classifies the res->n units already in res (start,
 * end, next and para set, the rest zero; their text in buf[0..len)) with
 * the optional per-unit hints (NULL, or res->n of them).  Runs features,
 * first pass, context pass, run, title and cuts; returns an np_status.
 */
int np_bp_classify_units(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res, const struct np_bp_hint *hints);

/*
 * The functions below run once or more per word of every page, so they
 * are inline here rather than calls into words.c.
 */

/* Final mixing of a 64-bit hash (so that low bits index tables well). */
static inline uint64_t
bp_mix64(uint64_t x)
{
	x ^= x >> 32;
	x *= 0xd6e8feb86659fd93ull;
	x ^= x >> 32;
	x *= 0xd6e8feb86659fd93ull;
	x ^= x >> 32;
	return x;
}

/* Hashes s[0..n) continuing from h, eight bytes at a time.  Never
 * returns 0. */
static inline uint64_t
bp_hash(uint64_t h, const char *s, size_t n)
{
	uint64_t v;

	h ^= (uint64_t)n * 0x9E3779B97F4A7C15ull;
	while (n >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		const unsigned char *p = (const unsigned char *)s;

		v = 0;
		switch (n) {	/* the tail, without a memcpy call */
		case 7: v |= (uint64_t)p[6] << 48;	/* FALLTHROUGH */
		case 6: v |= (uint64_t)p[5] << 40;	/* FALLTHROUGH */
		case 5: v |= (uint64_t)p[4] << 32;	/* FALLTHROUGH */
		case 4: v |= (uint64_t)p[3] << 24;	/* FALLTHROUGH */
		case 3: v |= (uint64_t)p[2] << 16;	/* FALLTHROUGH */
		case 2: v |= (uint64_t)p[1] << 8;	/* FALLTHROUGH */
		default: v |= p[0];
		}
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ull;
	h ^= h >> 32;
	return h ? h : 1;
}

/* bp_hash for s readable up to n rounded up to 8 (the bytes after n may
 * be anything): the tail is one load and a mask. */
static inline uint64_t
bp_hash_pad(uint64_t h, const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;

	h ^= (uint64_t)n * 0x9E3779B97F4A7C15ull;
	while (n >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		memcpy(&v, s, 8);
		v &= ~0ull >> (64 - 8 * n);	/* as bp_hash's tail, little-endian */
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ull;
	h ^= h >> 32;
	return h ? h : 1;
#else
	return bp_hash(h, s, n);
#endif
}

/* Combines a running hash with the next word's hash: one multiply a
 * word (the word hashes are mixed already; bp_mix64 finishes the unit's
 * hash once, at its end). */
static inline uint64_t
bp_hash_combine(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 29);
}

/* Finds the slot of key (or the empty slot where it would go). */
static inline size_t
bp_wt_slot(const struct bp_wordtab *t, const char *key, size_t n, uint64_t h)
{
	size_t mask = t->nslots - 1, i = (size_t)h & mask;

	for (;;) {
		const struct bp_word *w = &t->slots[i];

		if (w->key == NULL || (w->hash == h && w->len == n &&
		    memcmp(w->key, key, n) == 0))
			return i;
		i = (i + 1) & mask;
	}
}

/* Returns the entry of the folded key (hash h), or NULL. */
static inline const struct bp_word *
bp_wordtab_find(const struct bp_wordtab *t, const char *key, size_t n, uint64_t h)
{
	size_t s;

	if (t->nslots == 0)
		return NULL;
	if (!(t->bloom[(h >> 20) & (BP_BLOOM_BITS / 64 - 1)] & (1ull << ((h >> 40) & 63))))
		return NULL;	/* surely not in the table */
	/* a lookup trusts the 64-bit hash and the length (no memcmp per
	 * word: a false match is a 2^-64 event per probe); adding a key
	 * compares bytes (bp_wt_slot) */
	(void)key;
	for (s = (size_t)h & (t->nslots - 1);; s = (s + 1) & (t->nslots - 1)) {
		const struct bp_word *w = &t->slots[s];

		if (w->key == NULL)
			return NULL;
		if (w->hash == h && w->len == n)
			return w;
	}
}


/* Small text helpers (inline: they run per line). */

/* Characters (code points) in buf[s, e). */
static inline size_t
bp_count_chars(const char *buf, size_t s, size_t e)
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
static inline size_t
bp_skip_space(const char *buf, size_t s, size_t e)
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
static inline size_t
bp_trim_end(const char *buf, size_t s, size_t e)
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

/* True when the unit has only date words, numbers and punctuation. */
static inline int
bp_date_only(const struct bp_unit *u)
{
	return u->words > 0 && u->words <= 14 && u->datew + u->digitw >= u->words &&
	    (u->digitw > 0 || u->datew >= 2) && u->words - u->digitw <= 8;
}

#endif
