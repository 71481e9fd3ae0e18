/*
 * newsprep/utf8.h - UTF-8 walking that tolerates invalid bytes.
 *
 * Scraped text holds invalid sequences; they must pass through untouched.
 * The decoder reports them as NP_UTF8_INVALID with an advance of one byte,
 * so a caller can step over them and keep every byte's offset.
 */
#ifndef NEWSPREP_UTF8_H
#define NEWSPREP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NP_UTF8_INVALID (-1)

/*
 * Decodes the code point at s[0..len).  Returns it and stores its length in
 * *adv (1..4); on an invalid, overlong, surrogate or truncated sequence
 * returns NP_UTF8_INVALID with *adv = 1.  len must be > 0.
 */
int32_t np_utf8_decode(const char *s, size_t len, size_t *adv);

/*
 * Decodes the code point that ends just before s[pos] (for walking
 * backwards).  Stores its start in *start.  Invalid bytes come back one at
 * a time as NP_UTF8_INVALID.  pos must be > 0.
 */
int32_t np_utf8_decode_before(const char *s, size_t pos, size_t *start);

/* Writes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t np_utf8_encode(int32_t cp, char *out);

/* Length of the leading run of ASCII bytes (< 0x80), checked a word at a
 * time: the fast path that lets callers skip Unicode work. */
size_t np_ascii_run(const char *s, size_t len);

/* Character classes over code points (Unicode general categories through
 * utf8proc; ASCII answered without it).  Invalid bytes are none of these. */
int np_cp_is_letter(int32_t cp);
int np_cp_is_upper(int32_t cp);
int np_cp_is_lower(int32_t cp);
int np_cp_is_digit(int32_t cp);		/* ASCII 0-9 only */
int np_cp_is_space(int32_t cp);		/* Unicode white space, incl. NBSP */
int np_cp_is_punct(int32_t cp);		/* Unicode P* categories */

/* True when the byte offset pos is at a word boundary in s[0..len): the
 * characters on either side are not both letters/digits. */
int np_is_word_boundary(const char *s, size_t len, size_t pos);

#ifdef __cplusplus
}
#endif

#endif
