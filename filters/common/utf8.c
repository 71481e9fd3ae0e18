/*
 * utf8.c - UTF-8 decoding that tolerates invalid bytes, and character
 * classes.
 *
 * The decoder follows RFC 3629: overlong forms, surrogates, code points
 * above U+10FFFF and truncated sequences are invalid and come back one
 * byte at a time, so every byte keeps its offset and passes through.
 * Classes answer ASCII from a table and ask utf8proc only above U+007F.
 */
#include <string.h>
#include <utf8proc.h>
#include "newsprep/utf8.h"

/* Decodes one code point at s; see utf8.h. */
int32_t
np_utf8_decode(const char *str, size_t len, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	int32_t cp;
	size_t n, i;

	*adv = 1;
	if (c < 0x80)
		return (int32_t)c;
	if (c < 0xC2)
		return NP_UTF8_INVALID;	/* continuation byte or overlong lead */
	if (c < 0xE0) {
		n = 2;
		cp = c & 0x1F;
	} else if (c < 0xF0) {
		n = 3;
		cp = c & 0x0F;
	} else if (c < 0xF5) {
		n = 4;
		cp = c & 0x07;
	} else
		return NP_UTF8_INVALID;
	if (len < n)
		return NP_UTF8_INVALID;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return NP_UTF8_INVALID;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return NP_UTF8_INVALID;
	*adv = n;
	return cp;
}

/* Decodes the code point ending before s[pos]: steps back over at most
 * three continuation bytes and checks that the sequence found there
 * decodes to exactly the bytes up to pos. */
int32_t
np_utf8_decode_before(const char *s, size_t pos, size_t *start)
{
	size_t i = pos - 1, k, adv;
	int32_t cp;

	for (k = 0; k < 3 && i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; k++)
		i--;
	if (i < pos - 1 || ((unsigned char)s[i] & 0xC0) != 0x80) {
		cp = np_utf8_decode(s + i, pos - i, &adv);
		if (cp != NP_UTF8_INVALID && i + adv == pos) {
			*start = i;
			return cp;
		}
	}
	*start = pos - 1;
	if ((unsigned char)s[pos - 1] < 0x80)
		return (int32_t)(unsigned char)s[pos - 1];
	return NP_UTF8_INVALID;
}

/* Encodes cp as UTF-8 (cp must be a valid scalar value). */
size_t
np_utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the leading ASCII run, eight bytes at a time. */
size_t
np_ascii_run(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

static utf8proc_category_t
category(int32_t cp)
{
	if (cp < 0 || !utf8proc_codepoint_valid(cp))
		return UTF8PROC_CATEGORY_CN;
	return utf8proc_category(cp);
}

int
np_cp_is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 0 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	c = category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int
np_cp_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return category(cp) == UTF8PROC_CATEGORY_LU ||
	    category(cp) == UTF8PROC_CATEGORY_LT;
}

int
np_cp_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

int
np_cp_is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

int
np_cp_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
		return 1;
	return cp >= 0x2000 && cp <= 0x200A;
}

int
np_cp_is_punct(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp > 0 && strchr("!\"#%&'()*,-./:;?@[\\]_{}", cp) != NULL;
	c = category(cp);
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

/* Letters and digits are word characters. */
static int
is_word_cp(int32_t cp)
{
	return np_cp_is_letter(cp) || np_cp_is_digit(cp) ||
	    (cp >= 0x80 && category(cp) == UTF8PROC_CATEGORY_ND) ||
	    (cp >= 0x80 && category(cp) == UTF8PROC_CATEGORY_MN);
}

/* True when pos is not inside a word. */
int
np_is_word_boundary(const char *s, size_t len, size_t pos)
{
	size_t st, adv;
	int before, after;

	if (pos == 0 || pos >= len)
		return 1;
	before = is_word_cp(np_utf8_decode_before(s, pos, &st));
	after = is_word_cp(np_utf8_decode(s + pos, len - pos, &adv));
	return !(before && after);
}
