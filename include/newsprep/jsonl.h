/*
 * newsprep/jsonl.h - JSON Lines records in the CLI frame.
 *
 * A line is checked and its field found by a validating scan (json.h)
 * that builds nothing; the object is written back byte for byte except
 * for the value the tool's output goes to and the members the frame
 * adds, so numbers of any size, key order, spacing, escapes and the
 * other fields stay as they were.  --field and --to take dotted paths
 * ("metadata.text").
 */
#ifndef NEWSPREP_JSONL_H
#define NEWSPREP_JSONL_H

#include "newsprep/out.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Handles one line of JSON Lines input: runs fn on the field's text with
 * output captured, then writes the object back as cli->jsonl_kind says.
 * A blank line is passed through.  A malformed line is reported with its
 * number; with --on-error=skip it is counted and NP_OK returned, with
 * pass it is also copied through unchanged, else cli->status is set and
 * NP_EINVAL returned (the caller stops).  Out of memory ends the run.
 * The line's bytes are lent to fn in place when the field holds no
 * escape (the byte after the text is made a NUL meanwhile).
 */
int np_jsonl_line(struct np_cli *cli, const char *name, size_t lineno,
    const char *line, size_t len, np_doc_fn fn, void *arg);

/*
 * While fn runs on a JSON Lines object: the decoded string at the path
 * cli->jsonl_aux (normalize-dates --ref-field) in *s, *n (valid until
 * fn returns).  Returns 1, or 0 when the object has no string there.
 */
int np_jsonl_aux(const struct np_cli *cli, const char **s, size_t *n);

/* One member a split tool sets on an output object: name and its value
 * as raw JSON (a string already escaped, a number). */
struct np_jsonl_set {
	const char *name;
	const char *json;
	size_t len;
};

/*
 * NP_JSONL_SPLIT: called by the tool, once per part, while its output is
 * captured (cli->jsonl_in).  The part's object is the input object with
 * each member of v[0..n) replaced in place or, when absent, added before
 * the closing brace, then "part":N (replacing a "part" already there, so
 * split input can be split again).  A member named as --field stands for
 * the output path (--to, or the field; nested paths too).  Any bytes (NUL
 * too) may be in the values: parts are framed by length, not by a
 * delimiter.  Returns NP_OK or NP_ENOMEM.
 */
int np_jsonl_split_part(const struct np_jsonl_set *v, size_t n);

/*
 * NP_JSONL_REPLACE: called by the tool while fn runs on an object, to set
 * members beside the output field (strip-boilerplate's page metadata):
 * each is replaced in place or added, as np_jsonl_split_part does; calls
 * add up.  The values are copied.  Returns NP_OK or NP_ENOMEM.
 */
int np_jsonl_extra(const struct np_jsonl_set *v, size_t n);

#ifdef __cplusplus
}
#endif

#endif
