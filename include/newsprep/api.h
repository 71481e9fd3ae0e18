/*
 * newsprep/api.h - one call per tool, for bindings.
 *
 * The engines' own interfaces (boilerplate.h, articles.h, dates.h,
 * quotes.h) give a program every knob and every detail.  This interface
 * gives what each tool gives with its defaults, for one document at a
 * time, in flat structs of byte offsets and counted strings that a
 * foreign-function layer (the Python module newsprep, through ctypes)
 * can read without knowing the engines' structs, which change as the
 * engines grow.  See newsprep(3).
 *
 * A handle holds the engine contexts, made the first time each is used;
 * results belong to the handle and stay valid until its next call of the
 * same function or np_api_free.  Strings are not NUL-terminated (use
 * the lengths) and may point into the caller's text, which must then
 * outlive the result.  A handle is not safe to share between threads:
 * use one per thread.
 */
#ifndef NEWSPREP_API_H
#define NEWSPREP_API_H

#include <stddef.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NP_API_VERSION 1	/* changes when a struct below changes */
#define NP_API_NONE ((size_t)-1)	/* an absent offset */

/* A counted string; s is NULL when there is none. */
struct np_api_str {
	const char *s;
	size_t len;
};

/* A quotation, as extract-quotes reports it. */
struct np_api_quote {
	size_t start, end;			/* inside the marks */
	size_t speaker_start, speaker_end;	/* the mention, or NP_API_NONE */
	size_t cue_start, cue_end;		/* the cue, or NP_API_NONE */
	struct np_api_str speaker;		/* resolved speaker */
	struct np_api_str cue;
	const char *kind;	/* "name", "pronoun", "nominal", "none" */
	int multipara;
};

/* A date expression, as normalize-dates --list reports it. */
struct np_api_date {
	size_t start, end;
	const char *value;	/* NUL-terminated ISO 8601 / TIMEX3 value */
	int unresolved;		/* needed a reference it did not have */
};

/* An article, as split-articles --jsonl reports it. */
struct np_api_article {
	size_t n;			/* 1-based */
	size_t start, end;		/* the record */
	size_t text_start, text_end;	/* the body */
	const char *format;		/* "lexisnexis", "single", ... */
	struct np_api_str source, title, byline, section;
	long words;			/* stated length, -1 when none */
	char date[32];			/* ISO 8601 value, "" when unknown */
};

struct np_api;

/* Returns a new handle, or NULL when out of memory. */
struct np_api *np_api_new(void);
void np_api_free(struct np_api *a);

/* NP_API_VERSION of the library (a binding checks it at load time). */
int np_api_version(void);

/*
 * The text strip-boilerplate prints for text[0..len) (its defaults,
 * language auto): *out and *outlen, owned by the handle.  Returns NP_OK
 * or an np_status.
 */
int np_api_strip_boilerplate(struct np_api *a, const char *text, size_t len,
    const char **out, size_t *outlen);

/* The articles of text[0..len), as split-articles finds them. */
int np_api_split_articles(struct np_api *a, const char *text, size_t len,
    const struct np_api_article **out, size_t *n);

/*
 * The date expressions of text[0..len).  ref is a reference date
 * ("YYYY-MM-DD", also with a time), "auto" (the document's dateline, the
 * tool's default) or "none"; NULL means "auto".  langs is a list such as
 * "en,de" or NULL for all.  Returns NP_EINVAL for a bad ref or langs.
 */
int np_api_find_dates(struct np_api *a, const char *text, size_t len,
    const char *ref, const char *langs, const struct np_api_date **out, size_t *n);

/* The quotations of text[0..len), as extract-quotes finds them. */
int np_api_extract_quotes(struct np_api *a, const char *text, size_t len,
    const struct np_api_quote **out, size_t *n);

#ifdef __cplusplus
}
#endif

#endif
