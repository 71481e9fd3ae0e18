/*
 * newsprep/json.h - JSON text: a validating scanner that locates members
 * of an object line, string decoding, escaping, and the byte to code
 * point map for offsets in JSON output.
 *
 * Any bytes become a valid JSON string: control characters as \uXXXX (or
 * \n \t ...), quotes and backslashes escaped, invalid UTF-8 bytes as
 * U+FFFD (JSON cannot carry them).
 */
#ifndef NEWSPREP_JSON_H
#define NEWSPREP_JSON_H

#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Appends s[0..n) to b as a JSON string literal with its quotes. */
int np_json_escape(struct np_buf *b, const char *s, size_t n);

/*
 * A streaming escaper: text written in pieces (cut anywhere, even inside
 * a UTF-8 sequence) comes out as one escaped string body, without quotes.
 * With NP_JSON_SURROGATES in flags, the three-byte form of a UTF-16
 * surrogate (what np_json_decode makes of a lone \ud800) is written back
 * as its escape, so such a string round-trips as it was written.
 * Zero-initialise, set flags; np_json_esc_end after the last piece.
 */
enum { NP_JSON_SURROGATES = 1 };
struct np_json_esc {
	int flags;
	char carry[4];
	size_t ncarry;
};
int np_json_esc_write(struct np_json_esc *e, struct np_buf *b, const char *s, size_t n);
int np_json_esc_end(struct np_json_esc *e, struct np_buf *b);

/*
 * Appends the decoded inside of a valid JSON string (s[0..n), between its
 * quotes) to b.  A surrogate pair becomes its code point; a lone
 * surrogate becomes its three-byte form (see above).  Returns NP_OK,
 * NP_EINVAL or NP_ENOMEM.
 */
int np_json_decode(struct np_buf *b, const char *s, size_t n);

/* ---- the scanner ---- */

#define NP_JSON_MAX_DEPTH 2048	/* nesting of objects and arrays */
#define NP_JSON_MAX_SEGS 8	/* keys in a path */
#define NP_JSON_MAX_PATHS 16	/* paths one scan looks for */

/* A member path: "metadata.text" is { "metadata", "text" }. */
struct np_json_path {
	int n;
	const char *seg[NP_JSON_MAX_SEGS];
	size_t len[NP_JSON_MAX_SEGS];
};

/* Splits a dotted name into a path.  Returns NP_EINVAL for an empty
 * segment or too many. */
int np_json_path_parse(struct np_json_path *p, const char *dotted);
/* The path of one top-level key (dots and all). */
void np_json_path_key(struct np_json_path *p, const char *key);

/* Where a path is in a line. */
struct np_json_hit {
	int found;		/* the member is there: value is its raw span */
	struct np_span value;	/* raw value (a string with its quotes) */
	int string;		/* the value is a string */
	int escaped;		/* that string holds a backslash escape */
	int depth;		/* keys of the path whose objects are there:
				   0 = only the top-level object */
	size_t close;		/* the closing brace of that deepest object */
	int empty;		/* that object has no members */
	int blocked;		/* a key on the path holds a non-object */
};

/* A top-level member of an object line: its raw key (between the quotes)
 * and raw value. */
struct np_json_member {
	struct np_span key;
	struct np_span value;
	int escaped;		/* the key holds an escape */
};

/* Why a line is not valid: a short phrase and the byte offset. */
struct np_json_error {
	const char *why;
	size_t at;
};

/*
 * Checks that s[0..len) is one JSON object (white space around it
 * allowed) and fills hits[i] for paths[i] (i < npaths <=
 * NP_JSON_MAX_PATHS).  When a key repeats, the last one counts.  Returns
 * NP_OK, NP_EINVAL (err filled) or NP_ENOMEM.  Not reentrant (static
 * scratch).
 */
int np_json_scan(const char *s, size_t len, const struct np_json_path *paths,
    struct np_json_hit *hits, int npaths, struct np_json_error *err);

/* The top-level members the last np_json_scan found (offsets into its
 * s), in order; valid until the next scan. */
const struct np_json_member *np_json_scan_members(size_t *n);

/* True when member m of line s has the key name[0..nl) (compared decoded). */
int np_json_key_is(const char *s, const struct np_json_member *m, const char *name,
    size_t nl);

/* ---- code point offsets ---- */

/*
 * JSON output gives offsets as code points of the decoded string (what
 * Python's str indexes); the engines give bytes.  A map over the document
 * turns byte offsets into code points in one pass when they come in
 * order, and at most NP_CPMAP_STEP bytes of extra walking for each step
 * back.  A unit is a valid UTF-8 sequence or one invalid byte (which
 * JSON output writes as one U+FFFD).  Zero-initialise; reset per
 * document; free at the end.
 */
#define NP_CPMAP_STEP 256
struct np_cpmap {
	const char *s;
	size_t len;
	size_t byte, cp;	/* where the walk is */
	size_t *ck;		/* (byte, code point) notes, one per step */
	size_t nck, ckcap;
};
void np_cpmap_reset(struct np_cpmap *m, const char *s, size_t len);
size_t np_cpmap_get(struct np_cpmap *m, size_t byte);
void np_cpmap_free(struct np_cpmap *m);

#ifdef __cplusplus
}
#endif

#endif
