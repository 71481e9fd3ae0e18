/*
 * tokens.c - the small word tokenizer the attribution step reads
 * sentences with.
 *
 * A word is a run of letters and digits, with apostrophes and hyphens
 * between letters (don't, Holtz-Eakin), dotted initials (U.S., J.F.K.) and
 * a final period when the word is in the shared abbreviation list
 * (abbreviations.tsv, the one segment.h uses: Mr., Gen.) or is a single
 * capital (Laurence H. Tribe).  A period, ! ? or …
 * that is not part of a word ends a sentence; a quotation mark is a token
 * of its own; a newline is a paragraph token.  ASCII is handled without
 * decoding; other bytes go through np_utf8_decode.
 */
#include "newsprep/segment.h"
#include "newsprep/utf8.h"
#include "quotes_priv.h"

/* An ASCII letter or digit. */
#define WORDASCII(c) ((unsigned)(((c) | 0x20) - 'a') < 26u || \
	(unsigned)((c) - '0') < 10u)

/* Decodes the code point at i (ASCII fast path). */
static int32_t
cp(const char *buf, size_t len, size_t i, size_t *adv)
{
	unsigned char c = (unsigned char)buf[i];

	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	return np_utf8_decode(buf + i, len - i, adv);
}

static inline int
alnum(int32_t c)
{
	if (c < 0x80)
		return (unsigned)((c | 0x20) - 'a') < 26u ||
		    (unsigned)(c - '0') < 10u;
	return np_cp_is_letter(c) || np_cp_is_digit(c);
}

/* True when buf[i] starts a letter or digit. */
static int
alnum_at(const char *buf, size_t len, size_t i)
{
	size_t adv;

	return i < len && alnum(cp(buf, len, i, &adv));
}

/* True when the full stop at buf[i] ends an ordinal number of one or
 * two digits before a word ("des 23. Corps", "am 3. März"). */
static int
ordinal(const char *buf, size_t end, size_t i)
{
	size_t d = i;

	while (d > 0 && buf[d - 1] >= '0' && buf[d - 1] <= '9')
		d--;
	if (d == i || i - d > 2 || (d > 0 && buf[d - 1] != ' ') ||
	    i + 2 >= end || buf[i + 1] != ' ')
		return 0;
	return (unsigned char)buf[i + 2] >= 0x80 ||
	    ((buf[i + 2] | 0x20) >= 'a' && (buf[i + 2] | 0x20) <= 'z');
}

int
np_quotes_next_tok(const struct np_qlex *abbr, const char *buf, size_t end,
    size_t *pos, struct np_tok *t)
{
	size_t i = *pos, adv, seg;
	int32_t c;

	for (;;) {
		if (i >= end)
			return 0;
		if (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r') {
			i++;
			continue;
		}
		c = cp(buf, end, i, &adv);
		if (c == '\n') {
			t->s = i;
			t->e = i + 1;
			t->kind = NP_TOK_PARA;
			t->cap = 0;
			*pos = i + 1;
			return 1;
		}
		if (!np_cp_is_space(c) && c != NP_UTF8_INVALID)
			break;
		i += adv;
	}
	t->s = i;
	t->cap = 0;
	if (alnum(c)) {
		t->kind = NP_TOK_WORD;
		t->cap = np_cp_is_upper(c) ? 1 : 0;
		seg = 0;
		for (;;) {
			size_t r = i;

			/* a run of ASCII letters and digits */
			while (r < end && WORDASCII((unsigned char)buf[r]))
				r++;
			seg += r - i;
			i = r;
			if (i >= end)
				break;
			c = cp(buf, end, i, &adv);
			if (c >= 0x80 && alnum(c)) {
				i += adv;
				seg++;
				continue;
			}
			if ((c == '\'' || c == 0x2019 || c == '-') &&
			    alnum_at(buf, end, i + adv)) {
				i += adv;
				seg++;
				continue;
			}
			if (c == '.' && seg == 1 && i + 1 < end &&
			    alnum_at(buf, end, i + 1)) {
				/* U.S.: a one-letter segment before a dot */
				size_t a2;

				(void)cp(buf, end, i + 1, &a2);
				if (i + 1 + a2 < end && buf[i + 1 + a2] == '.') {
					i++;
					seg = 0;
					continue;
				}
			}
			break;
		}
		if (i < end && buf[i] == '.' && ((seg == 1 && t->cap) ||
		    (i - t->s <= 8 &&
		    np_qlex_find(abbr, buf + t->s, i - t->s) != NULL)))
			i++;
		t->e = i;
		*pos = i;
		return 1;
	}
	if ((c == '\'' || c == 0x2019) && i > 0 && (i + adv >= end ||
	    buf[i + adv] != '\'') && (unsigned char)buf[i - 1] >= 'A' &&
	    alnum(np_utf8_decode_before(buf, i, &seg))) {
		/* players' Sanders': an apostrophe, not a mark */
		t->kind = NP_TOK_PUNCT;
		t->e = i + adv;
		*pos = t->e;
		return 1;
	}
	if (c == '\'' && (i == 0 || buf[i - 1] == ' ') && i + 2 < end &&
	    buf[i + 1] == 's' && (buf[i + 2] == ' ' || buf[i + 2] == '-')) {
		/* Dutch 's ("'s avonds", "'s-Hertogenbosch"): a word */
		t->kind = NP_TOK_WORD;
		t->e = i + 2;
		*pos = t->e;
		return 1;
	}
	if (np_quotes_mark_len(buf, end, i) > 0) {
		t->kind = NP_TOK_MARK;
		t->e = i + np_quotes_mark_len(buf, end, i);
		*pos = t->e;
		return 1;
	}
	/* a full stop before a comma, a bracket or a semicolon ends no
	 * sentence ("McCaskill (D-Mo.) said", "McConnell, R-Ky., said") */
	t->kind = (c == '.' || c == '!' || c == '?' || c == 0x2026) &&
	    !(c == '.' && i + 1 < end && (buf[i + 1] == ',' ||
	    buf[i + 1] == ')' || buf[i + 1] == ';')) && !(c == '.' &&
	    ordinal(buf, end, i)) ? NP_TOK_END : NP_TOK_PUNCT;
	t->e = i + adv;
	*pos = t->e;
	return 1;
}
