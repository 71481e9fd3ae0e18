/*
 * re.c - PCRE2 patterns compiled once, JIT-matched with limits.
 *
 * Options: UTF, UCP and MATCH_INVALID_UTF, so that scraped text with
 * broken bytes is searched without a validity pass and without errors.
 * Each np_re owns its match data and match context (match and depth
 * limits), so matching allocates nothing; an np_re belongs to one engine
 * context and is not shared between threads.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include "newsprep/re.h"

struct np_re {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	int groups;
	int jit;		/* JIT compilation succeeded */
};

/* Compiles, JIT-compiles and prepares matching; see re.h. */
struct np_re *
np_re_compile(const char *pattern, uint32_t options, char *err, size_t errlen)
{
	struct np_re *re;
	int errcode;
	PCRE2_SIZE erroff;
	uint32_t ncap = 0;

	if ((re = calloc(1, sizeof(*re))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    options | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
	    &errcode, &erroff, NULL);
	if (re->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		snprintf(err, errlen, "offset %zu: %s", (size_t)erroff, (char *)msg);
		free(re);
		return NULL;
	}
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
	re->groups = (int)ncap + 1;
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	if (re->md == NULL || re->mctx == NULL) {
		snprintf(err, errlen, "out of memory");
		np_re_free(re);
		return NULL;
	}
	pcre2_set_match_limit(re->mctx, NP_RE_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, NP_RE_DEPTH_LIMIT);
	return re;
}

void
np_re_free(struct np_re *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	free(re);
}

/* Runs one match and copies the groups out. */
static int
run(struct np_re *re, const char *buf, size_t len, size_t start,
    uint32_t options, struct np_span *groups, int ngroups)
{
	PCRE2_SIZE *ov;
	int rc, i;

	if (start > len)
		return 0;
	rc = pcre2_match(re->code, (PCRE2_SPTR)buf, len, start, options, re->md, re->mctx);
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return NP_ELIMIT;
	if (rc < 0)
		return NP_EINVAL;
	ov = pcre2_get_ovector_pointer(re->md);
	for (i = 0; i < ngroups; i++) {
		if (i < re->groups && ov[2 * i] != PCRE2_UNSET) {
			groups[i].start = ov[2 * i];
			groups[i].end = ov[2 * i + 1];
		} else {
			groups[i].start = groups[i].end = SIZE_MAX;
		}
	}
	return 1;
}

int
np_re_search(struct np_re *re, const char *buf, size_t len, size_t start,
    struct np_span *groups, int ngroups)
{
	return run(re, buf, len, start, 0, groups, ngroups);
}

int
np_re_match_at(struct np_re *re, const char *buf, size_t len, size_t start,
    struct np_span *groups, int ngroups)
{
	return run(re, buf, len, start, PCRE2_ANCHORED, groups, ngroups);
}

int
np_re_groups(const struct np_re *re)
{
	return re->groups;
}
