/*
 * segment.c - lines, blocks and sentences as byte spans.
 *
 * Lines are found with memchr, so a 50 MB line costs one scan.  A block
 * is a run of non-blank lines.  Sentences end at . ! ? … (and the
 * full-width 。！？) followed, after any closing quotes or brackets, by
 * white space and a character that can start a sentence: not a lower-case
 * letter.  A full stop does not end a sentence after an abbreviation from
 * filters/lexicons/abbreviations.tsv or a single capital initial, and a
 * dot between digits never does because no white space follows it.
 */
#include <string.h>
#include "newsprep/lexicon.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"

NP_LEXICON_DATA(abbreviations);

/* Reads the line at *pos; see segment.h. */
int
np_next_line(const char *buf, size_t len, size_t *pos, struct np_line *line)
{
	const char *nl;
	size_t p = *pos;

	if (p >= len)
		return 0;
	line->start = p;
	nl = memchr(buf + p, '\n', len - p);
	if (nl == NULL) {
		line->end = line->next = len;
	} else {
		line->end = (size_t)(nl - buf);
		line->next = line->end + 1;
		if (line->end > p && buf[line->end - 1] == '\r')
			line->end--;
	}
	*pos = line->next;
	return 1;
}

/* White space here: ASCII blanks, form feed, CR, and NBSP (C2 A0). */
int
np_is_blank(const char *buf, size_t start, size_t end)
{
	size_t i = start;

	while (i < end) {
		unsigned char c = (unsigned char)buf[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n')
			i++;
		else if (c == 0xC2 && i + 1 < end && (unsigned char)buf[i + 1] == 0xA0)
			i += 2;
		else
			return 0;
	}
	return 1;
}

/* Groups non-blank lines into blocks. */
int
np_blocks(const char *buf, size_t len, struct np_spans *out)
{
	struct np_line ln;
	size_t pos = 0, bstart = 0, bend = 0;
	int open = 0;

	while (np_next_line(buf, len, &pos, &ln)) {
		if (np_is_blank(buf, ln.start, ln.end)) {
			if (open && np_spans_push(out, bstart, bend) != NP_OK)
				return NP_ENOMEM;
			open = 0;
			continue;
		}
		if (!open) {
			bstart = ln.start;
			open = 1;
		}
		bend = ln.end;
	}
	if (open && np_spans_push(out, bstart, bend) != NP_OK)
		return NP_ENOMEM;
	return NP_OK;
}

/* True when key (folded, ASCII or UTF-8) is a line of the abbreviation
 * list.  A linear scan of a small embedded list: it runs only at a full
 * stop followed by white space, and keeps the splitter free of state. */
static int
in_abbreviations(const char *key, size_t n)
{
	const char *p = np_lex_abbreviations, *end = p + np_lex_abbreviations_len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (l == n && memcmp(p, key, n) == 0)
			return 1;
		p += l + 1;
	}
	return 0;
}

/* See segment.h: looks at the word (letters and inner dots) before the
 * dot at buf[dot]. */
int
np_is_abbreviation(const char *buf, size_t len, size_t dot)
{
	size_t start = dot, st, letters = 0;
	char folded[64];
	size_t n;
	int32_t cp;

	if (dot >= len || buf[dot] != '.')
		return 0;
	while (start > 0) {
		cp = np_utf8_decode_before(buf, start, &st);
		if (np_cp_is_letter(cp))
			letters++;
		else if (cp != '.')
			break;
		start = st;
		if (dot - start > 24)
			return 0;
	}
	while (start < dot && buf[start] == '.')
		start++;
	if (letters == 0 || start == dot)
		return 0;
	/* a single capital letter: an initial ("Charles Q. Brown") */
	cp = np_utf8_decode(buf + start, dot - start, &st);
	if (start + st == dot && np_cp_is_upper(cp))
		return 1;
	n = np_fold(buf + start, dot - start, folded, sizeof(folded));
	if (n > sizeof(folded))
		return 0;
	return in_abbreviations(folded, n);
}

/* Characters that may close a sentence after its terminator. */
static int
is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
	    cp == 0x2019 || cp == 0xBB || cp == 0x203A || cp == 0x300D || cp == 0x201C;
}

static int
is_terminator(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
	    cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

/* Pushes buf[s, e) trimmed of white space, when anything is left. */
static int
push_trimmed(const char *buf, size_t s, size_t e, struct np_spans *out)
{
	size_t adv, st;

	while (s < e && np_cp_is_space(np_utf8_decode(buf + s, e - s, &adv)))
		s += adv;
	while (e > s && np_cp_is_space(np_utf8_decode_before(buf, e, &st)))
		e = st;
	if (s < e)
		return np_spans_push(out, s, e);
	return NP_OK;
}

/* Splits buf[start, end) into sentences; see the comment at the top. */
int
np_sentences(const char *buf, size_t start, size_t end, struct np_spans *out)
{
	size_t i = start, sent = start, adv, j, k;
	int32_t cp, next;
	int sawspace;

	while (i < end) {
		size_t a = np_ascii_run(buf + i, end - i);
		size_t q;

		/* skip quickly to the next possible terminator */
		for (q = i; q < i + a; q++) {
			char c = buf[q];

			if (c == '.' || c == '!' || c == '?')
				break;
		}
		if (q < i + a) {
			i = q;
		} else if (a > 0) {
			i += a;
			continue;
		}
		cp = np_utf8_decode(buf + i, end - i, &adv);
		if (!is_terminator(cp)) {
			i += adv;
			continue;
		}
		j = i + adv;
		/* more terminators and closing marks belong to this sentence */
		while (j < end) {
			next = np_utf8_decode(buf + j, end - j, &adv);
			if (!is_terminator(next) && !is_closer(next))
				break;
			j += adv;
		}
		k = j;
		sawspace = 0;
		while (k < end) {
			next = np_utf8_decode(buf + k, end - k, &adv);
			if (!np_cp_is_space(next))
				break;
			sawspace = 1;
			k += adv;
		}
		if (!sawspace && k < end) {
			i = j;
			continue;
		}
		if (k < end) {
			next = np_utf8_decode(buf + k, end - k, &adv);
			if (np_cp_is_lower(next) ||
			    (cp == '.' && np_is_abbreviation(buf, end, i))) {
				i = j;
				continue;
			}
		}
		if (push_trimmed(buf, sent, j, out) != NP_OK)
			return NP_ENOMEM;
		sent = k;
		i = k;
	}
	return push_trimmed(buf, sent, end, out);
}
