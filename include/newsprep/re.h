/*
 * newsprep/re.h - PCRE2 wrappers: compile once, JIT, bounded matching.
 *
 * Every pattern is compiled with PCRE2_UTF | PCRE2_UCP |
 * PCRE2_MATCH_INVALID_UTF (invalid bytes never match a character but do
 * not stop the search), JIT-compiled when the platform allows, and matched
 * with one reused match block and a match context whose match and depth
 * limits keep any input from running a pattern away.
 */
#ifndef NEWSPREP_RE_H
#define NEWSPREP_RE_H

#include <stdint.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

struct np_re;

/* Default limits (PCRE2 match_limit, depth_limit). */
#define NP_RE_MATCH_LIMIT 1000000u
#define NP_RE_DEPTH_LIMIT 10000u

/*
 * Compiles pattern (NUL-terminated) with the options above plus `options`
 * (e.g. PCRE2_CASELESS).  On error returns NULL and writes
 * "offset N: reason" into err (errlen bytes).
 */
struct np_re *np_re_compile(const char *pattern, uint32_t options,
    char *err, size_t errlen);
void np_re_free(struct np_re *re);

/*
 * Searches buf[0..len) from byte offset start.  On a match returns 1 and
 * fills groups[0..ngroups) (group 0 is the whole match; an unset group is
 * {SIZE_MAX, SIZE_MAX}); returns 0 for no match, NP_ELIMIT when a limit
 * was hit, NP_EINVAL on other matcher errors.  Lookbehind may see bytes
 * before start.
 */
int np_re_search(struct np_re *re, const char *buf, size_t len, size_t start,
    struct np_span *groups, int ngroups);

/* Anchored variant: the match must begin exactly at start. */
int np_re_match_at(struct np_re *re, const char *buf, size_t len,
    size_t start, struct np_span *groups, int ngroups);

/* Number of capture groups in the pattern. */
int np_re_groups(const struct np_re *re);

#ifdef __cplusplus
}
#endif

#endif
