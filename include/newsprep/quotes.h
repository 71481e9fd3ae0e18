/*
 * newsprep/quotes.h - direct quotations and who said them.
 *
 * np_quotes_scan finds the quotations of a document (straight, curly,
 * doubled-apostrophe, guillemet, low-high and corner-bracket marks; split
 * and multi-paragraph quotations), drops scare quotes and names of things,
 * and attributes each quotation to a speaker through a lexicon of speech
 * cues in English, German, French, Spanish, Italian, Ukrainian and
 * Russian.  Speakers are reported as the fullest name the document gives,
 * pronouns resolved to an earlier person, nominal speakers as written.
 *
 * All offsets are byte offsets into the buffer passed to np_quotes_scan.
 * The records belong to the context and stay valid until the next scan
 * or np_quotes_free; their speaker and cue strings point into that
 * buffer (they are not NUL-terminated: use the lengths), so the buffer
 * must outlive the records.
 */
#ifndef NEWSPREP_QUOTES_H
#define NEWSPREP_QUOTES_H

#include <stddef.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NP_QUOTES_MIN_WORDS 4	/* default of --min-words */

struct np_quotes_opts {
	/* A quotation shorter than this many words is kept only when a
	 * speech cue is next to it (0 means NP_QUOTES_MIN_WORDS). */
	size_t min_words;
	/* The languages a document may be in: bit l for the l-th code of
	 * NP_QUOTES_LANGS ("en" is bit 0); 0 means every one.  With one
	 * bit set the language is taken, not guessed. */
	unsigned langs;
};

/* The language codes extract-quotes knows, in the order of their bits. */
#define NP_QUOTES_LANGS "en,de,fr,es,it,pt,nl,pl,uk,ru"

/* Sets o->langs from a comma-separated list of codes ("de,fr") or "all";
 * returns NP_OK or NP_EINVAL for an unknown code or an empty list. */
int np_quotes_opts_langs(struct np_quotes_opts *o, const char *list);

/* How the speaker was named in the text. */
enum np_speaker_kind {
	NP_SPEAKER_NONE = 0,	/* nobody can be named */
	NP_SPEAKER_NAME,	/* a person's or organisation's name */
	NP_SPEAKER_PRONOUN,	/* a pronoun, resolved to an earlier name */
	NP_SPEAKER_NOMINAL	/* "a campaign spokesman", "officials" */
};

/* One quotation.  An absent span is {SIZE_MAX, SIZE_MAX}. */
struct np_quote {
	struct np_span content;	/* inside the marks, marks excluded */
	struct np_span open;	/* the opening mark */
	struct np_span close;	/* the closing mark (absent when the
				   quotation runs to its paragraph's end) */
	enum np_speaker_kind kind;
	const char *speaker;	/* resolved speaker, speaker_len bytes (a
				   name may come from another mention) */
	size_t speaker_len;
	struct np_span mention;	/* where the speaker is mentioned for this
				   quotation (the pronoun, name or phrase) */
	const char *cue;	/* "said", "told Reuters", "according to" */
	size_t cue_len;
	struct np_span cue_span;	/* the cue in the text */
	int multipara;		/* runs over several paragraphs */
};

struct np_quotes;

/* Returns a new context (opts may be NULL), or NULL when out of memory. */
struct np_quotes *np_quotes_new(const struct np_quotes_opts *opts);
void np_quotes_free(struct np_quotes *q);

/*
 * Scans buf[0..len) and stores the quotations in document order in
 * *out and *n (owned by the context).  Returns NP_OK or NP_ENOMEM.
 */
int np_quotes_scan(struct np_quotes *q, const char *buf, size_t len,
    const struct np_quote **out, size_t *n);

/* Returns the name of a speaker kind ("name", "pronoun", ...). */
const char *np_speaker_kind_name(enum np_speaker_kind k);

#ifdef __cplusplus
}
#endif

#endif
