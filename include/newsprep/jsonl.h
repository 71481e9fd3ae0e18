/*
 * newsprep/jsonl.h - JSON Lines records in the CLI frame.
 *
 * A line is validated and its field decoded with jansson; the object is
 * written back byte for byte except for the field (or --to field) and the
 * keys the tool adds, found with a small scanner over the line's top
 * level, so numbers, key order and spacing of the other fields stay as
 * they were.
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
 * number; with --on-error=skip it is counted and NP_OK returned, else
 * cli->status is set and NP_EINVAL returned (the caller stops).
 */
int np_jsonl_line(struct np_cli *cli, const char *name, size_t lineno,
    const char *line, size_t len, np_doc_fn fn, void *arg);

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
 * split input can be split again).  Any bytes (NUL too) may be in the
 * values: parts are framed by length, not by a delimiter.  Returns NP_OK
 * or NP_ENOMEM.
 */
int np_jsonl_split_part(const struct np_jsonl_set *v, size_t n);

/* A top-level member of a JSON object line: key (inside its quotes, raw)
 * and value (raw bytes). */
struct np_json_member {
	struct np_span key;
	struct np_span value;
};

/*
 * Finds the top-level members of the object in line[0..len), up to max;
 * stores the offset of the closing brace in *close.  Returns the number
 * of members (which may exceed max), or -1 when the line is not an
 * object.  The line must already be valid JSON.
 */
int np_json_members(const char *line, size_t len, struct np_json_member *m,
    int max, size_t *close);

#ifdef __cplusplus
}
#endif

#endif
