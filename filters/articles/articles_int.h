/*
 * articles_int.h - what the split-articles engine's files share (private
 * to filters/articles/).
 */
#ifndef NP_ARTICLES_INT_H
#define NP_ARTICLES_INT_H

#include "newsprep/articles.h"

struct np_dates;
struct np_lexicon;
struct np_re;

struct np_articles {
	struct np_articles_opts o;
	struct np_dates *dates;		/* the normalize-dates engine */
	struct np_lexicon *keys;	/* LexisNexis header/trailer keys */
	struct np_lexicon *teasers;	/* teaser-list headings */
	struct np_re *lead;		/* "CITY (Agency) -" dateline */
	struct np_arena arena;		/* metadata strings, per document */
	const char *buf;		/* the current document */
	size_t len;
	enum np_articles_format fmt;	/* its format */
	size_t pos;			/* where the next record starts */
	size_t n;			/* records given so far */
	int teaser;			/* heads: a teaser heading was passed */
	/* heads: the last head_candidate answer */
	int hc_valid, hc_teaser;
	size_t hc_from, hc_cand, hc_body, hc_prose;
	/* heads: the head that will open the next record */
	int pend_valid;
	size_t pend_head, pend_body;
};

/* Line classifiers (articles.c); [s, e) is a trimmed line. */
void art_trim(const char *b, size_t *s, size_t *e);
int art_word(const char *b, size_t s, size_t e, const char *w);
int art_is_ln_marker(const char *b, size_t s, size_t e);
int art_is_ln_end(const char *b, size_t s, size_t e);
int art_is_fa_trailer(const char *b, size_t s, size_t e);
long art_words_line(const char *b, size_t s, size_t e);
int art_is_separator(const char *b, size_t s, size_t e);
int art_is_titlish(const char *b, size_t s, size_t e);
size_t art_bullet(const char *b, size_t s, size_t e);
int art_is_date_line(struct np_articles *c, const char *b, size_t s, size_t e,
    char *value, size_t cap);
int art_is_lead(struct np_articles *c, const char *b, size_t s, size_t e);

/* Fills the metadata of a (meta.c); returns 1 or a negative status. */
int art_meta(struct np_articles *c, struct np_article *a);

#endif
