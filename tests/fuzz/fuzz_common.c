/*
 * fuzz_common.c - the shared layer on hostile bytes: UTF-8 walking both
 * ways, lines, blocks, sentences, abbreviations, folding and lexicons,
 * and JSON escaping (checked by parsing the result back with jansson).
 * The JSON Lines frame has its own target (fuzz_common_jsonl.c), and so
 * has the reader (fuzz_common_reader.c).
 *
 * Every function is run on the whole input and its promises checked; a
 * broken promise aborts (FUZZ_CHECK).
 */
#include <jansson.h>
#include <stdio.h>
#include "fuzz.h"
#include "newsprep/common.h"
#include "newsprep/json.h"
#include "newsprep/lexicon.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"

/* Forward and backward walks see the same code points at the same
 * offsets, and every valid one re-encodes to its bytes. */
static void
check_utf8(const char *s, size_t n)
{
	size_t i = 0, adv, st, count = 0, back = 0, pos;
	int32_t cp;
	char enc[4];

	FUZZ_CHECK(np_ascii_run(s, n) <= n);
	for (pos = 0; pos < n && (unsigned char)s[pos] < 0x80; pos++)
		;
	FUZZ_CHECK(np_ascii_run(s, n) == pos);
	while (i < n) {
		cp = np_utf8_decode(s + i, n - i, &adv);
		FUZZ_CHECK(adv >= 1 && adv <= 4 && i + adv <= n);
		if (cp == NP_UTF8_INVALID) {
			FUZZ_CHECK(adv == 1);
		} else {
			FUZZ_CHECK(cp >= 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
			FUZZ_CHECK(np_utf8_encode(cp, enc) == adv);
			FUZZ_CHECK(memcmp(enc, s + i, adv) == 0);
		}
		(void)np_cp_is_letter(cp);
		(void)np_cp_is_upper(cp);
		(void)np_cp_is_lower(cp);
		(void)np_cp_is_digit(cp);
		(void)np_cp_is_space(cp);
		(void)np_cp_is_punct(cp);
		(void)np_is_word_boundary(s, n, i);
		i += adv;
		count++;
	}
	(void)np_is_word_boundary(s, n, n);
	/* the backward walk: same number of steps, each landing on a start
	 * the forward walk also found */
	pos = n;
	while (pos > 0) {
		cp = np_utf8_decode_before(s, pos, &st);
		FUZZ_CHECK(st < pos && pos - st <= 4);
		if (cp != NP_UTF8_INVALID) {
			size_t a2;
			int32_t f = np_utf8_decode(s + st, n - st, &a2);

			FUZZ_CHECK(f == cp && st + a2 == pos);
		}
		pos = st;
		back++;
	}
	FUZZ_CHECK(back == count);
}

/* Lines partition the buffer; blocks and sentences are ordered spans
 * inside it, blocks start and end on non-blank bytes, sentences are
 * trimmed. */
static void
check_segment(const char *s, size_t n)
{
	struct np_spans blocks = { 0 }, sents = { 0 };
	struct np_line ln;
	size_t pos = 0, prev = 0, i, j, adv, st;

	while (np_next_line(s, n, &pos, &ln)) {
		FUZZ_CHECK(ln.start == prev && ln.start <= ln.end && ln.end <= ln.next);
		FUZZ_CHECK(ln.next <= n && ln.next > ln.start);
		FUZZ_CHECK(memchr(s + ln.start, '\n', ln.end - ln.start) == NULL);
		FUZZ_CHECK(ln.next == n || s[ln.next - 1] == '\n');
		prev = ln.next;
		FUZZ_CHECK(pos == ln.next);
	}
	FUZZ_CHECK(prev == n);

	FUZZ_CHECK(np_blocks(s, n, &blocks) == NP_OK);
	for (i = 0, prev = 0; i < blocks.n; i++) {
		struct np_span b = blocks.v[i];

		FUZZ_CHECK(b.start >= prev && b.start < b.end && b.end <= n);
		FUZZ_CHECK(!np_is_blank(s, b.start, b.end));
		FUZZ_CHECK(b.start == 0 || s[b.start - 1] == '\n');
		prev = b.end;
		np_spans_clear(&sents);
		FUZZ_CHECK(np_sentences(s, b.start, b.end, &sents) == NP_OK);
		for (j = 0; j < sents.n; j++) {
			struct np_span t = sents.v[j];

			FUZZ_CHECK(t.start < t.end && t.start >= b.start && t.end <= b.end);
			FUZZ_CHECK(j == 0 || t.start >= sents.v[j - 1].end);
			FUZZ_CHECK(!np_cp_is_space(np_utf8_decode(s + t.start, t.end - t.start, &adv)));
			FUZZ_CHECK(!np_cp_is_space(np_utf8_decode_before(s, t.end, &st)));
		}
	}
	/* the whole buffer as one span, too */
	np_spans_clear(&sents);
	FUZZ_CHECK(np_sentences(s, 0, n, &sents) == NP_OK);
	for (j = 0, prev = 0; j < sents.n; j++) {
		FUZZ_CHECK(sents.v[j].start >= prev && sents.v[j].start < sents.v[j].end);
		FUZZ_CHECK(sents.v[j].end <= n);
		prev = sents.v[j].end;
	}
	for (i = 0; i < n; i++)
		if (s[i] == '.')
			(void)np_is_abbreviation(s, n, i);
	np_spans_free(&blocks);
	np_spans_free(&sents);
}

/* np_fold reports the same length whatever the room it is given, and the
 * lines of the input, loaded as a lexicon, are all found again. */
static void
check_fold_lexicon(const char *s, size_t n)
{
	size_t full = np_fold(s, n, NULL, 0), got, p, e;
	char *out = malloc(full + 1), small[7];
	struct np_lexicon *lx;

	FUZZ_CHECK(out != NULL);
	got = np_fold(s, n, out, full);
	FUZZ_CHECK(got == full);
	FUZZ_CHECK(np_fold(s, n, small, sizeof(small)) == full);
	free(out);

	FUZZ_CHECK((lx = np_lexicon_new()) != NULL);
	FUZZ_CHECK(np_lexicon_load(lx, s, n) == NP_OK);
	for (p = 0; p < n; p = e + 1) {
		const char *nl = memchr(s + p, '\n', n - p);
		const char *tab;
		size_t klen;

		e = nl ? (size_t)(nl - s) : n;
		klen = e - p;
		if ((tab = memchr(s + p, '\t', klen)) != NULL)
			klen = (size_t)(tab - (s + p));
		else if (klen > 0 && s[p + klen - 1] == '\r')
			klen--;
		if (e == p || s[p] == '#' || klen > 64 ||
		    (tab == NULL && klen == 0))
			continue;
		FUZZ_CHECK(np_lexicon_find(lx, s + p, klen) != NULL);
	}
	np_lexicon_free(lx);
}

/* What np_json_escape should decode back to: the input with each invalid
 * byte replaced by U+FFFD. */
static void
check_json_escape(const char *s, size_t n)
{
	struct np_buf b = { 0 }, want = { 0 };
	json_t *j;
	json_error_t err;
	size_t i = 0, adv;

	FUZZ_CHECK(np_json_escape(&b, s, n) == NP_OK);
	j = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (j == NULL)
		fprintf(stderr, "jansson: %s\n", err.text);
	FUZZ_CHECK(j != NULL && json_is_string(j));
	while (i < n) {
		if (np_utf8_decode(s + i, n - i, &adv) == NP_UTF8_INVALID)
			FUZZ_CHECK(np_buf_append(&want, "\xEF\xBF\xBD", 3) == NP_OK);
		else
			FUZZ_CHECK(np_buf_append(&want, s + i, adv) == NP_OK);
		i += adv;
	}
	FUZZ_CHECK(json_string_length(j) == want.len);
	FUZZ_CHECK(want.len == 0 || memcmp(json_string_value(j), want.data, want.len) == 0);
	json_decref(j);
	np_buf_free(&b);
	np_buf_free(&want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy(data, size);

	check_utf8(s, size);
	check_segment(s, size);
	check_fold_lexicon(s, size);
	check_json_escape(s, size);
	free(s);
	return 0;
}
