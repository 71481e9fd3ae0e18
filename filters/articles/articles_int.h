/*
 * articles_int.h - what the split-articles engine's files share (private
 * to filters/articles/).
 *
 * The engine is one driver (articles.c) and one file per format
 * (fmt_*.c), each behind the same interface, struct np_art_format:
 *
 *   recognise   `line` is called, in the one detecting pass, on every
 *               line whose first non-blank byte is in `firsts`; it
 *               returns 1 when the line settles the format at once, and
 *               may keep its own counters in the scan's flags[].  After
 *               the pass `settle` (when not NULL) says whether the format
 *               was seen; the first format in np_art_formats[] order
 *               that says so wins.
 *   find ends   `end` returns the end of the record that starts at
 *               `from` (the partition is made of these ends).
 *   metadata    `meta` fills an article's metadata; the text span
 *               already holds the whole record.
 *   body        (container formats only) where a record's body starts:
 *               the driver detects the body's own format and, when it
 *               is one of many articles, cuts the body by it (one mail
 *               message that holds a digest).
 *
 * A new format is one new file with one such table, and one line in the
 * list of np_art_formats[] (articles.c).  Line classifiers every format
 * uses are in lines.c; metadata helpers (strings, dates, the generic
 * title/byline/dateline reader) in meta.c.
 */
#ifndef NP_ARTICLES_INT_H
#define NP_ARTICLES_INT_H

#include <stdint.h>
#include "newsprep/articles.h"
#include "newsprep/segment.h"

struct np_dates;
struct np_lexicon;
struct np_re;

/* Formats known (enum np_articles_format values are below this). */
#define NP_ART_NFORMATS 16

/* Per-document state of the formats that keep any (heads, listing,
 * markdown, feed, alerts); saved while the articles inside one record
 * are cut (struct np_art_inner). */
struct np_art_docstate {
	int teaser;			/* heads: a teaser heading was passed */
	int hc_valid, hc_teaser;	/* heads: the last head_candidate answer */
	int hc_lead;			/* its head opens with a dateline lead */
	size_t hc_from, hc_cand, hc_body, hc_prose;
	int pend_valid;			/* the head that will open the next record */
	size_t pend_head, pend_body;
	int md_level;			/* markdown: the stories' heading level */
	size_t run_width;		/* run: the text's width (0: not a run) */
	/* the document's own metadata, read once (feed title) */
	int doc_meta;
	struct np_articles_str doc_source;
	char doc_date[32];		/* the alert's issue date (alerts) */
};

/* A record of a container format (a mail message) whose body holds many
 * articles: the body's own format cuts it, in the body's coordinates. */
struct np_art_inner {
	const struct np_art_format *f;	/* the body's format; NULL: none */
	size_t base, end;		/* the body, in the document */
	struct np_art_docstate outer;	/* the container format's state */
	char date[32];			/* the container's date and source, */
	struct np_articles_str source;	/* for articles without their own */
};

struct np_articles {
	struct np_articles_opts o;
	struct np_dates *dates;		/* the normalize-dates engine */
	struct np_lexicon *keys;	/* LexisNexis header/trailer keys */
	struct np_lexicon *teasers;	/* teaser-list headings */
	struct np_lexicon *fields;	/* "Name: value" fields of mail, feeds */
	struct np_lexicon *trailers;	/* lines that end an article */
	unsigned char trailer_first[256];	/* bytes a trailer can open with */
	struct np_lexicon *counts;	/* words of "1 of 2 DOCUMENTS", "512 words" */
	struct np_lexicon *digest;	/* words of a digest's header */
	struct np_lexicon *footers;	/* certificate lines under an article */
	struct np_lexicon *proquest;	/* ProQuest field names */
	struct np_re *lead;		/* "CITY (Agency) -" dateline */
	struct np_arena arena;		/* metadata strings, per document */
	uint32_t firsts[256];		/* formats to ask, by a line's first byte */
	const char *buf;		/* the current document */
	size_t len;
	enum np_articles_format fmt;	/* its format */
	const struct np_art_format *f;	/* and its detector */
	size_t pos;			/* where the next record starts */
	size_t n;			/* records given so far */
	struct np_art_docstate st;	/* the format's state in this document */
	struct np_art_inner in;		/* the articles inside one record */
};

/* The detecting pass's view of the current line. */
struct np_art_scan {
	struct np_line ln;		/* the line */
	size_t s, e;			/* its trimmed content (s == e: blank) */
	size_t s0, e0, s1, e1;		/* the two lines before it, trimmed */
	unsigned flags[NP_ART_NFORMATS];	/* each format's own counters */
};

/* One format's detector; see the top of this file. */
struct np_art_format {
	enum np_articles_format id;
	const char *name;		/* as -F and --jsonl spell it */
	const char *firsts;		/* first bytes `line` wants; NULL: none */
	int (*line)(struct np_articles *c, struct np_art_scan *sc);
	int (*settle)(struct np_articles *c, struct np_art_scan *sc);
	size_t (*end)(struct np_articles *c, size_t from);
	void (*meta)(struct np_articles *c, struct np_article *a);
	/* container formats (mail): where the body of the record [from,
	 * end) starts; the body is a document of its own, whose format cuts
	 * it when it holds many articles.  NULL for the others. */
	size_t (*body)(struct np_articles *c, size_t from, size_t end);
};

extern const struct np_art_format np_art_lexisnexis, np_art_factiva,
    np_art_listing, np_art_separator, np_art_heads, np_art_mail, np_art_feed,
    np_art_markdown, np_art_alerts, np_art_digest, np_art_europresse,
    np_art_proquest, np_art_run;

/* A trimmed non-blank line and the number of its block (meta.c). */
struct np_art_hline {
	size_t s, e;		/* trimmed content */
	size_t start, next;	/* the whole line */
	int block;
};

/* Longest title, source or date line considered. */
#define NP_ART_TITLE_MAX 200
#define NP_ART_SOURCE_MAX 80
/* A prose line is at least this long. */
#define NP_ART_PROSE_LINE 50
/* Header lines a metadata reader considers at most. */
#define NP_ART_HEAD_LINES 40

/* What a "Name: value" field gives (articles-fields.tsv). */
enum np_art_role {
	NP_ART_NOFIELD = 0, NP_ART_F_TITLE, NP_ART_F_DATE, NP_ART_F_FROM,
	NP_ART_F_BYLINE, NP_ART_F_SOURCE, NP_ART_F_LINK, NP_ART_F_FEED,
	NP_ART_F_HEADER, NP_ART_F_TEXT, NP_ART_F_OTHER
};

/* A block of "Name: value" fields (np_art_fields): each role's first
 * value, continuation lines included. */
struct np_art_fields {
	size_t end;			/* after the block's last line */
	unsigned roles;			/* 1 << role for each role seen */
	int lines;			/* field lines read */
	size_t vs[NP_ART_F_OTHER + 1], ve[NP_ART_F_OTHER + 1];
};

/* ---- line classifiers (lines.c); [s, e) is a trimmed line ---- */
/* Trims blanks (space, tab, CR, VT, NBSP) off both ends of [*s, *e).
 * Inline: every pass over the lines trims each one, and a call per line
 * cost more than the trim. */
static inline void
np_art_trim(const char *b, size_t *s, size_t *e)
{
	size_t p = *s, q = *e;

	while (p < q) {
		unsigned char ch = (unsigned char)b[p];

		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v')
			p++;
		else if (ch == 0xC2 && p + 1 < q && (unsigned char)b[p + 1] == 0xA0)
			p += 2;
		else
			break;
	}
	while (q > p) {
		unsigned char ch = (unsigned char)b[q - 1];

		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v')
			q--;
		else if (ch == 0xA0 && q - 1 > p && (unsigned char)b[q - 2] == 0xC2)
			q -= 2;
		else
			break;
	}
	*s = p;
	*e = q;
}
int np_art_word(const char *b, size_t s, size_t e, const char *w);
int np_art_count_words(const char *b, size_t s, size_t e);
size_t np_art_digits(const char *b, size_t *p, size_t e);
void np_art_spaces(const char *b, size_t *p, size_t e);
long np_art_words_line(struct np_articles *c, const char *b, size_t s, size_t e);
int np_art_count_word(struct np_articles *c, const char *b, size_t *p, size_t e,
    const char *part);
int np_art_is_separator(const char *b, size_t s, size_t e);
int np_art_is_titlish(const char *b, size_t s, size_t e);
size_t np_art_bullet(const char *b, size_t s, size_t e);
int np_art_is_date_line(struct np_articles *c, const char *b, size_t s, size_t e,
    char *value, size_t cap);
int np_art_is_lead(struct np_articles *c, const char *b, size_t s, size_t e);
int np_art_has_alnum(const char *b, size_t s, size_t e);
int np_art_has_lower(const char *b, size_t s, size_t e);
size_t np_art_after_blanks(const char *b, size_t len, size_t pos);
size_t np_art_next_line_start(const char *b, size_t len, size_t pos);
size_t np_art_trailer_cut(struct np_articles *c, const struct np_line *ln);
int np_art_ends_sentence(const char *b, size_t s, size_t e);
int np_art_is_prose(const char *b, size_t s, size_t e);
size_t np_art_prose_bytes(const char *b, size_t s, size_t e, size_t enough);
int np_art_find_line(struct np_articles *c, size_t from,
    int (*is)(struct np_articles *, size_t, size_t), struct np_line *ln);
int np_art_field_name(const char *b, size_t s, size_t e, size_t *ne, size_t *val);
enum np_art_role np_art_field(struct np_articles *c, const char *b, size_t s,
    size_t e, size_t *val);
int np_art_fields(struct np_articles *c, size_t p, struct np_art_fields *f);
int np_art_trailer(struct np_articles *c, const char *b, size_t s, size_t e,
    const char *fmt);
size_t np_art_start_end(struct np_articles *c, size_t from,
    size_t (*next)(struct np_articles *, size_t, int));
size_t np_art_find_opening(struct np_articles *c, size_t from, size_t end,
    int blank, int (*is)(struct np_articles *, const struct np_line *, size_t,
    size_t, void *), void *arg);
int np_art_next_text_line(const char *b, size_t end, size_t *p, struct np_line *ln,
    size_t *s, size_t *e);

/* ---- format signatures other files test (unit tests, meta) ---- */
int np_art_is_ln_marker(struct np_articles *c, const char *b, size_t s, size_t e);
int np_art_is_ln_end(struct np_articles *c, const char *b, size_t s, size_t e);
int np_art_is_fa_trailer(const char *b, size_t s, size_t e);
int np_art_is_ep_number(const char *b, size_t s, size_t e);

/* ---- metadata helpers (meta.c) ---- */
void np_art_set_str(struct np_articles *c, struct np_articles_str *out,
    size_t s, size_t e);
int np_art_read_lines(const char *b, size_t from, size_t end,
    struct np_art_hline *h, int max);
int np_art_parse_date(struct np_articles *c, const char *b, size_t s, size_t e,
    struct np_article *a);
void np_art_take_fields(struct np_articles *c, const struct np_art_fields *f,
    struct np_article *a);
int np_art_has_digit(const char *b, size_t s, size_t e);
int np_art_is_copyright(const char *b, size_t s, size_t e);
void np_art_set_text(struct np_article *a, const char *b, size_t s, size_t e);
void np_art_meta_plain(struct np_articles *c, struct np_article *a);

#endif
