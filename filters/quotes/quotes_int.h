/*
 * quotes_int.h - pieces shared by the files of the quotes engine (not
 * public API).
 */
#ifndef NP_QUOTES_INT_H
#define NP_QUOTES_INT_H

#include <stddef.h>
#include "newsprep/common.h"

#define NP_NOSPAN ((size_t)-1)

/* A quotation found by the mark scanner, before attribution. */
struct np_qcand {
	struct np_span open;
	struct np_span close;	/* {NP_NOSPAN, NP_NOSPAN} when unterminated */
	struct np_span content;
	int multipara;
};

struct np_qcands {
	struct np_qcand *v;
	size_t n;
	size_t cap;
	const char *buf;	/* the document the spans point into */
};

/* State of the open quotation (marks.c). */
struct np_qopen {
	int fam;		/* the family of its opening mark */
	int low;		/* opened with „ or ‚: “ or ‘ may close */
	int rev;		/* opened with » or ›: « or ‹ closes */
	int depth;
	struct np_span open;
	size_t line_start;	/* start of the line holding the opening mark */
	size_t weak;		/* a weak close (players'), or NP_NOSPAN */
	size_t weaklen;
	int multipara;
	int inner;		/* nested quotation of the other double style */
	int nested;		/* a nested quotation was closed inside */
};

/* Where the mark scanner stands in a document, so that it can hand out
 * quotations a batch at a time (memory stays bounded on dense marks). */
struct np_markscan {
	size_t i, line_start;
	struct np_qopen o;
	int done;		/* the whole document has been scanned */
};

/* Starts a scan of a new document. */
void np_quotes_marks_init(struct np_markscan *ms);
/*
 * Finds the quotations of buf[0..len) by pairing quotation marks (marks.c)
 * and appends them, outermost only, in document order, going on from
 * where the last call stopped, until out holds want of them or the
 * document ends (ms->done).  Returns NP_OK or NP_ENOMEM.
 */
int np_quotes_find_marks(const char *buf, size_t len, struct np_markscan *ms,
    struct np_qcands *out, size_t want);
/* The same until a quotation ends at or after upto (or the document
 * ends): what a scan of the text up to upto needs to know. */
int np_quotes_marks_until(const char *buf, size_t len, struct np_markscan *ms,
    struct np_qcands *out, size_t upto);

/* Length of the quotation mark at buf[i] (0 when none): any opening or
 * closing mark the scanner knows. */
size_t np_quotes_mark_len(const char *buf, size_t len, size_t i);

/* A token of the attribution step (tokens.c). */
enum np_tok_kind {
	NP_TOK_WORD, NP_TOK_PUNCT, NP_TOK_END, NP_TOK_MARK, NP_TOK_PARA
};
struct np_tok {
	size_t s, e;
	unsigned char kind;	/* enum np_tok_kind */
	unsigned char cap;	/* a word starting with a capital */
};

/*
 * Reads the token at *pos in buf[0..end), skipping white space, and
 * advances *pos.  abbr is the abbreviation list (a word in it keeps its
 * final period).  Returns 1 for a token, 0 at end.
 */
struct np_qlex;
int np_quotes_next_tok(const struct np_qlex *abbr, const char *buf,
    size_t end, size_t *pos, struct np_tok *t);

#endif
