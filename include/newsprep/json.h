/*
 * newsprep/json.h - JSON string escaping.
 *
 * Any bytes become a valid JSON string: control characters as \uXXXX (or
 * \n \t ...), quotes and backslashes escaped, invalid UTF-8 bytes as
 * U+FFFD (JSON cannot carry them).  JSON Lines input is parsed with
 * jansson in the CLI layer.
 */
#ifndef NEWSPREP_JSON_H
#define NEWSPREP_JSON_H

#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Appends s[0..n) to b as a JSON string literal with its quotes. */
int np_json_escape(struct np_buf *b, const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
