/*
 * html_charset.c - the first stage of the HTML reader: find a page's
 * character set and turn its bytes into clean UTF-8 for the parser.
 *
 * The order is the one browsers use, with one correction for the pages
 * scrapers meet: a byte-order mark wins; then a charset declared in the
 * first bytes (<meta charset>, <meta http-equiv content="...;
 * charset=...">); without one, UTF-8 when the bytes are valid UTF-8, else
 * windows-1252.  The correction: a page whose bytes are valid UTF-8 and
 * hold multi-byte sequences is UTF-8 whatever it declares (a valid
 * multi-byte sequence is very unlikely in a single-byte charset, while
 * mislabelled UTF-8 is common), and a page declared UTF-8 whose bytes are
 * mostly invalid as UTF-8 is read as windows-1252.  ISO-8859-1 and ASCII
 * labels mean windows-1252, as in the WHATWG encoding standard.
 *
 * The output is valid UTF-8 without NUL bytes or C0 controls other than
 * tab, newline and carriage return (libxml2's HTML parser takes a NUL for
 * the end of input and stops at some controls): invalid bytes and NUL
 * become U+FFFD, controls a space.  When the input is already clean UTF-8
 * no copy is made.  Conversion from other charsets goes through iconv;
 * bytes iconv cannot convert become U+FFFD one at a time.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include "html.h"
#include "newsprep/utf8.h"

/* How many bytes of the page are searched for a declared charset: more
 * than the 1024 of the HTML standard, since 2008 pages put long scripts
 * and comments before their <meta>. */
#define PRESCAN 16384

/* ASCII lower case of c. */
static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Finds the ASCII word w (lower case) in s[0..n) ignoring case; returns
 * its offset or n. */
static size_t
find_ci(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w), i, k;

	for (i = 0; i + wl <= n; i++) {
		for (k = 0; k < wl && lower((unsigned char)s[i + k]) == w[k]; k++)
			;
		if (k == wl)
			return i;
	}
	return n;
}

/* Reads a charset label after "charset" at s[0..n): optional spaces, '=',
 * optional quote, the name.  Copies it lower-cased into out (cap bytes);
 * returns its length or 0. */
static size_t
read_label(const char *s, size_t n, char *out, size_t cap)
{
	size_t i = 0, k = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i >= n || s[i] != '=')
		return 0;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '"' || s[i] == '\'' || s[i] == '\t'))
		i++;
	while (i < n && k + 1 < cap) {
		int c = (unsigned char)s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == ':'))
			break;
		out[k++] = (char)lower(c);
		i++;
	}
	out[k] = '\0';
	return k;
}

/*
 * Looks for a declared charset in the <meta> tags among the first PRESCAN
 * bytes.  Copies the label into out (lower case) and returns its length,
 * or 0 when none is declared.
 */
static size_t
declared_charset(const char *buf, size_t len, char *out, size_t cap)
{
	size_t n = len < PRESCAN ? len : PRESCAN, at = 0, m, e, c;

	while (at < n) {
		m = find_ci(buf + at, n - at, "<meta");
		if (m == n - at)
			return 0;
		m += at + 5;
		for (e = m; e < n && buf[e] != '>'; e++)
			;
		c = find_ci(buf + m, e - m, "charset");
		if (c < e - m) {
			size_t k = read_label(buf + m + c + 7, e - m - c - 7, out, cap);

			if (k > 0)
				return k;
		}
		at = e;
	}
	return 0;
}

/* Counts what the bytes look like as UTF-8: valid multi-byte sequences,
 * invalid bytes, and bytes that must be cleaned (NUL, C0 controls). */
static void
utf8_census(const char *buf, size_t len, size_t *multi, size_t *invalid, size_t *dirty)
{
	size_t i = 0, adv;

	*multi = *invalid = *dirty = 0;
	while (i < len) {
		unsigned char c = (unsigned char)buf[i];

		if (c < 0x80) {
			size_t r = np_ascii_run(buf + i, len - i), k;

			for (k = 0; k < r; k++) {
				unsigned char d = (unsigned char)buf[i + k];

				if (d < 0x20 && d != '\t' && d != '\n' && d != '\r')
					(*dirty)++;
			}
			i += r;
			continue;
		}
		if (np_utf8_decode(buf + i, len - i, &adv) == NP_UTF8_INVALID)
			(*invalid)++;
		else
			(*multi)++;
		i += adv;
	}
}

/* Appends U+FFFD. */
static int
put_fffd(struct np_buf *b)
{
	return np_buf_append(b, "\xEF\xBF\xBD", 3);
}

/* Copies UTF-8 buf[0..len) into out, replacing invalid bytes and NUL by
 * U+FFFD and other C0 controls by a space. */
static int
clean_utf8(const char *buf, size_t len, struct np_buf *out)
{
	size_t i = 0, adv;

	if (np_buf_reserve(out, len + 16) != NP_OK)
		return NP_ENOMEM;
	while (i < len) {
		unsigned char c = (unsigned char)buf[i];

		if (c >= 0x20 && c < 0x80) {
			size_t r = np_ascii_run(buf + i, len - i), k;

			for (k = 0; k < r && (unsigned char)buf[i + k] >= 0x20; k++)
				;
			if (np_buf_append(out, buf + i, k) != NP_OK)
				return NP_ENOMEM;
			i += k;
			continue;
		}
		if (c < 0x20) {
			int rc;

			if (c == 0)
				rc = put_fffd(out);
			else
				rc = np_buf_putc(out, c == '\t' || c == '\n' || c == '\r' ? c : ' ');
			if (rc != NP_OK)
				return NP_ENOMEM;
			i++;
			continue;
		}
		if (np_utf8_decode(buf + i, len - i, &adv) == NP_UTF8_INVALID) {
			if (put_fffd(out) != NP_OK)
				return NP_ENOMEM;
		} else if (np_buf_append(out, buf + i, adv) != NP_OK)
			return NP_ENOMEM;
		i += adv;
	}
	return NP_OK;
}

/* Converts buf[0..len) from charset cs into out with iconv, then cleans
 * it.  Returns NP_OK, NP_ENOMEM, or NP_EINVAL when iconv does not know
 * cs. */
static int
convert(const char *cs, const char *buf, size_t len, struct np_buf *tmp, struct np_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	char *in = (char *)buf;
	size_t left = len;
	int rc = NP_OK;

	if (cd == (iconv_t)-1)
		return NP_EINVAL;
	np_buf_clear(tmp);
	while (left > 0) {
		char *o;
		size_t room, r;

		if (np_buf_reserve(tmp, left * 2 + 64) != NP_OK) {
			rc = NP_ENOMEM;
			break;
		}
		o = tmp->data + tmp->len;
		room = tmp->cap - tmp->len - 1;
		r = iconv(cd, &in, &left, &o, &room);
		tmp->len = (size_t)(o - tmp->data);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (truncated at the end): one byte is lost */
		if ((rc = put_fffd(tmp)) != NP_OK)
			break;
		in++;
		left--;
	}
	iconv_close(cd);
	if (rc == NP_OK) {
		tmp->data[tmp->len] = '\0';
		np_buf_clear(out);
		rc = clean_utf8(tmp->data, tmp->len, out);
	}
	return rc;
}

/* Maps a label to the charset iconv should use (WHATWG aliases). */
static const char *
canonical(const char *label)
{
	if (strcmp(label, "utf8") == 0 || strcmp(label, "utf-8") == 0 ||
	    strcmp(label, "unicode-1-1-utf-8") == 0)
		return "UTF-8";
	if (strcmp(label, "iso-8859-1") == 0 || strcmp(label, "iso8859-1") == 0 ||
	    strcmp(label, "latin1") == 0 || strcmp(label, "latin-1") == 0 ||
	    strcmp(label, "us-ascii") == 0 || strcmp(label, "ascii") == 0 ||
	    strcmp(label, "iso_8859-1") == 0 || strcmp(label, "cp1252") == 0 ||
	    strcmp(label, "windows-1252") == 0 || strcmp(label, "x-cp1252") == 0)
		return "WINDOWS-1252";
	if (strcmp(label, "gb2312") == 0 || strcmp(label, "gbk") == 0)
		return "GB18030";
	if (strcmp(label, "shift_jis") == 0 || strcmp(label, "sjis") == 0 ||
	    strcmp(label, "x-sjis") == 0)
		return "CP932";
	if (strcmp(label, "euc-kr") == 0 || strcmp(label, "ks_c_5601-1987") == 0)
		return "CP949";
	if (strcmp(label, "iso-8859-9") == 0)
		return "WINDOWS-1254";
	if (strcmp(label, "tis-620") == 0 || strcmp(label, "iso-8859-11") == 0)
		return "CP874";
	return label;
}

int
np_html_to_utf8(const char *buf, size_t len, struct np_html_text *t)
{
	char label[64];
	const char *cs = NULL;
	size_t multi, invalid, dirty;
	int rc;

	t->charset = "UTF-8";
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;	/* a UTF-8 BOM */
		len -= 3;
	} else if (len >= 2 && ((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE)) {
		cs = "UTF-16LE";
		buf += 2;
		len -= 2;
	} else if (len >= 2 && ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF)) {
		cs = "UTF-16BE";
		buf += 2;
		len -= 2;
	}
	if (cs == NULL) {
		utf8_census(buf, len, &multi, &invalid, &dirty);
		label[0] = '\0';
		if (declared_charset(buf, len, label, sizeof label) > 0 &&
		    strncmp(label, "utf-16", 6) != 0)	/* UTF-16 on ASCII bytes lies */
			cs = canonical(label);
		if (invalid == 0 && (multi > 0 || cs == NULL))
			cs = "UTF-8";	/* valid UTF-8 with non-ASCII: UTF-8 */
		else if (cs == NULL || strcmp(cs, "UTF-8") == 0)
			cs = invalid > multi ? "WINDOWS-1252" : "UTF-8";
		/* UTF-8, or ASCII under an ASCII-compatible label: no iconv */
		if (strcmp(cs, "UTF-8") == 0 || (invalid == 0 && multi == 0 &&
		    strcmp(cs, "WINDOWS-1252") == 0)) {
			t->charset = cs;
			if (invalid == 0 && dirty == 0) {
				t->buf = buf;	/* already clean: no copy */
				t->len = len;
				return NP_OK;
			}
			np_buf_clear(&t->own);
			if ((rc = clean_utf8(buf, len, &t->own)) != NP_OK)
				return rc;
			t->buf = t->own.data;
			t->len = t->own.len;
			return NP_OK;
		}
	}
	t->charset = cs;
	rc = convert(cs, buf, len, &t->tmp, &t->own);
	if (rc == NP_EINVAL) {
		/* a label iconv does not know: what the bytes say */
		t->charset = "WINDOWS-1252";
		rc = convert("WINDOWS-1252", buf, len, &t->tmp, &t->own);
	}
	if (rc != NP_OK)
		return rc;
	t->buf = t->own.data;
	t->len = t->own.len;
	return NP_OK;
}

void
np_html_text_free(struct np_html_text *t)
{
	np_buf_free(&t->own);
	np_buf_free(&t->tmp);
}
