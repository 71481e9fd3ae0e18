/*
 * newsprep/articles.h - cut a dump of many articles into one record per
 * article, losing no byte, and read each article's metadata.
 *
 * Formats recognised (each by its own signature, one file each in
 * filters/articles/fmt_*.c; see split-articles(1) for their shapes):
 *   lexisnexis  "1 of 10 DOCUMENTS" / "1 von 2 DOKUMENTEN" / "1 sur 3
 *               DOCUMENTS" / "Document 1 of 3" markers and the "End of
 *               Document" trailer, with header keys or fields
 *   factiva     title / By / "512 words" / date / source ... body and a
 *               "Document XXXXXXXX..." trailer line
 *   mail        mbox envelopes or e-mail header blocks
 *   feed        RSS/Atom items dumped as Title:/Link:/Date: fields
 *   markdown    "## Story" headings of a Markdown digest
 *   alerts      alert e-mail units ending "Flag as irrelevant"
 *   listing     news-aggregator tag pages: blocks of source / date /
 *               "- Section" / "- Source" / title / body
 *   separator   concatenations with separator lines (* * *, ----, ====,
 *               ____, # # #, form feeds)
 *   heads       concatenations with nothing but a title and a dateline
 *               between stories (wire runs too)
 *   digest      newsletters of stories under plain headings
 *   single      none of the above: the whole document is one article
 *
 * The records partition the document: record k runs from the end of
 * record k-1 to its own end, the first starts at 0 and the last ends at
 * len.  Text before the first article belongs to the first record; a
 * trailer (copyright, "Document ..." line, separator) and the blank lines
 * after it belong to the article they end.
 *
 * Use: np_articles_new once; per document np_articles_begin (detects the
 * format; no memory proportional to the document) and np_articles_next
 * until it returns 0; np_articles_free.  np_articles_split collects all
 * records of a document into an array (tests, small documents).
 */
#ifndef NEWSPREP_ARTICLES_H
#define NEWSPREP_ARTICLES_H

#include <stddef.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

enum np_articles_format {
	NP_ARTICLES_AUTO = 0,	/* detect (only as an option) */
	NP_ARTICLES_SINGLE,
	NP_ARTICLES_LISTING,
	NP_ARTICLES_LEXISNEXIS,
	NP_ARTICLES_FACTIVA,
	NP_ARTICLES_SEPARATOR,
	NP_ARTICLES_HEADS,
	NP_ARTICLES_MAIL,
	NP_ARTICLES_FEED,
	NP_ARTICLES_MARKDOWN,
	NP_ARTICLES_ALERTS,
	NP_ARTICLES_DIGEST,
	NP_ARTICLES_EUROPRESSE,
	NP_ARTICLES_PROQUEST,
	NP_ARTICLES_RUN
};

struct np_articles_opts {
	enum np_articles_format format;	/* NP_ARTICLES_AUTO or forced */
	int meta;			/* fill the metadata fields */
};

/* A metadata string: points into the document or into the context's
 * memory (valid until the next np_articles_begin or np_articles_free);
 * white space runs are folded to one space when it spans several lines.
 * s is NULL when the article has no such field. */
struct np_articles_str {
	const char *s;
	size_t len;
};

/* One article. */
struct np_article {
	size_t n;			/* 1-based number within the document */
	struct np_span record;		/* the record: what the partition holds */
	/* Metadata (filled when opts.meta is set): */
	struct np_span text;		/* the article text (body) */
	struct np_articles_str source, title, byline, section;
	char date[32];			/* ISO 8601 value, "" when unknown */
	long words;			/* stated length in words, -1 when none */
};

/* All records of a document (np_articles_split); zero-initialise. */
struct np_article_list {
	struct np_article *v;
	size_t n;
	size_t cap;
};

struct np_articles;

/* Returns a new context (opts may be NULL: auto, no metadata), or NULL
 * when out of memory or a pattern fails to compile. */
struct np_articles *np_articles_new(const struct np_articles_opts *opts);
void np_articles_free(struct np_articles *ctx);

/*
 * Starts a document: buf[0..len) must stay valid until the last
 * np_articles_next call for it.  Detects the format (unless forced).
 * Returns NP_OK or NP_ELIMIT/NP_ENOMEM.
 */
int np_articles_begin(struct np_articles *ctx, const char *buf, size_t len);

/* The format of the current document (after np_articles_begin). */
enum np_articles_format np_articles_format(const struct np_articles *ctx);

/*
 * Fills *a with the next record of the current document.  Returns 1, or
 * 0 when the document has no more records (an empty document has none),
 * or a negative np_status.
 */
int np_articles_next(struct np_articles *ctx, struct np_article *a);

/*
 * Convenience: begins buf and appends every record to *out.  Metadata
 * strings stay valid until the next np_articles_begin on the context.
 * Returns 0 or a negative np_status.
 */
int np_articles_split(struct np_articles *ctx, const char *buf, size_t len,
    struct np_article_list *out);
void np_article_list_free(struct np_article_list *l);

/* "listing", "lexisnexis", ... for a format; "auto" for NP_ARTICLES_AUTO. */
const char *np_articles_format_name(enum np_articles_format f);

/* Parses a -F argument (a format name); returns NP_OK or NP_EINVAL. */
int np_articles_format_parse(const char *s, enum np_articles_format *f);

#ifdef __cplusplus
}
#endif

#endif
