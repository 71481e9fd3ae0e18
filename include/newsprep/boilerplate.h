/*
 * newsprep/boilerplate.h - tell a page's article from its furniture.
 *
 * Input is a page as plain text (copied from a browser, dumped by lynx or
 * w3m).  The engine cuts it into units - a line, or a whole blank-line
 * separated block when that block is one hard-wrapped paragraph - and
 * classifies each unit as article (good) or furniture (bad), jusText
 * style, with further plain-text evidence (see boilerplate.c).  Results
 * are byte ranges into the caller's buffer, so a tool prints kept text
 * byte-identically.
 */
#ifndef NEWSPREP_BOILERPLATE_H
#define NEWSPREP_BOILERPLATE_H

#include <stddef.h>
#include <stdint.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Languages with a built-in stoplist, in this order (bit i of a mask). */
#define NP_BP_NLANGS 10
extern const char *const np_boilerplate_langs[NP_BP_NLANGS];

struct np_boilerplate_opts {
	const char *lang;	/* "auto" (default), or a comma-separated list of
				   np_boilerplate_langs: one is used on every page,
				   of several each page takes the one it fits */
	size_t length_low;	/* 70: shorter units are "short" */
	size_t length_high;	/* 200: longer stopword-rich units are "good" */
	double stopwords_low;	/* .30: density at or above makes "near-good" */
	double stopwords_high;	/* .32: density at or above can make "good" */
	size_t max_heading_distance;	/* 200: chars between a heading and
					   the article it may title */
	double template_share;	/* .5: with templates, a unit seen in at
				   least this share of the run's documents
				   (and in 2 or more) is the site's template */
	int no_title;		/* do not look for the title line */
	int no_cut;		/* do not cut furniture off long lines */
	int unwrap;		/* np_boilerplate_render: each kept unit (a
				   paragraph) on one line, its line breaks
				   and indentation one space */
};

/* At most this many captions are cut from inside one unit (lynx link
 * marks are not counted). */
#define NP_BP_HOLES 4

/* Final and first-pass classes of a unit. */
enum np_bp_class {
	NP_BP_BAD = 0,
	NP_BP_SHORT,
	NP_BP_NEAR_GOOD,
	NP_BP_GOOD
};

/* One unit of the page. */
struct np_bp_block {
	size_t start, end;	/* the unit: first byte of its first line to the
				   end of its last line's content */
	size_t next;		/* where the following line starts (end plus the
				   line ending) */
	size_t keep_start, keep_end;	/* kept part when cls == GOOD (equal
					   to start/end unless furniture was
					   cut off an end) */
	const struct np_span *holes;	/* pieces left out of the kept part
					   (photo captions, lynx link marks
					   such as "[12]"), in order; they
					   point into the result's own array */
	int nholes;
	size_t para;		/* number of its blank-line separated block */
	enum np_bp_class first;	/* class after the first pass */
	enum np_bp_class cls;	/* final class: NP_BP_GOOD (kept) or NP_BP_BAD */
	const char *reason;	/* static text: why it got its final class */
	const char *detail;	/* furniture kind or NULL */
	size_t chars;		/* characters (code points) */
	size_t words, stops;	/* words, stopwords among them */
	double density;		/* stopwords per word that is not a number */
};

struct np_bp_result {
	struct np_bp_block *v;	/* units in input order */
	size_t n;
	size_t cap;
	const char *lang;	/* language used for the stoplist */
	const char *text;	/* the text the units' offsets index: the
				   caller's buffer, or (a page laid out in
				   columns, read column by column) the
				   context's own copy, valid until the next
				   call on the context */
	size_t text_len;
	int unwrap;		/* the context's unwrap option (for render) */
	struct np_span *hole_v;	/* storage of the units' holes */
	size_t hole_n, hole_cap;
};

struct np_boilerplate;

/* Sets the defaults above. */
void np_boilerplate_opts_init(struct np_boilerplate_opts *o);

/*
 * Returns a new context (stoplists, furniture phrases and patterns
 * loaded once), or NULL with *err set to an np_status (NP_EINVAL for an
 * unknown language or a bad threshold, NP_ENOMEM).
 */
struct np_boilerplate *np_boilerplate_new(const struct np_boilerplate_opts *o, int *err);
void np_boilerplate_free(struct np_boilerplate *bp);

/*
 * Classifies buf[0..len) into *res (zero-initialise it once; it is reused
 * and grown across calls).  Returns NP_OK, NP_ENOMEM or NP_ELIMIT.
 */
int np_boilerplate_classify(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res);
void np_bp_result_free(struct np_bp_result *res);

/*
 * A page is classified as a whole, but a huge document (a dump of many
 * pages) is classified in windows so that memory stays flat: returns the
 * length of the first window of buf[0..len): all of it when len is at
 * most NP_BP_WINDOW, else up to a blank line near NP_BP_WINDOW bytes (or
 * a line end when there is no blank line).  The caller classifies each
 * window as a document of its own.
 */
#define NP_BP_WINDOW ((size_t)1 << 20)
size_t np_boilerplate_window(const char *buf, size_t len);

/*
 * The site-template signal (the tool's -T): before classifying, feed
 * every document of the run to np_boilerplate_template_add; units whose
 * normalised text recurs in many documents (see template_share) are then
 * classified as template.  Only hashes and counts are kept.
 */
int np_boilerplate_template_add(struct np_boilerplate *bp, const char *buf, size_t len);
/* Forgets the counts. */
void np_boilerplate_template_clear(struct np_boilerplate *bp);

/*
 * The text strip-boilerplate prints for one classified document (or
 * window of one): the kept units, or with invert what was removed, with
 * their line endings and a blank line between units of different
 * paragraphs; with after set (an earlier window printed text) a newline
 * first.  Appends to *out; sets *printed (when not NULL) to whether any
 * unit was written.  The units are read from res->text when it is set
 * (buf is then not used).  Returns NP_OK or NP_ENOMEM.
 */
int np_boilerplate_render(const char *buf, const struct np_bp_result *res, int invert,
    int after, struct np_buf *out, int *printed);

/* Printable name of a class ("good", "bad", "short", "near-good"). */
const char *np_bp_class_name(enum np_bp_class c);

#ifdef __cplusplus
}
#endif

#endif
