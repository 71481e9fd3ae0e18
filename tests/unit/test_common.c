/* test_common.c - unit tests of the shared engine layer. */
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "newsprep/common.h"
#include "newsprep/json.h"
#include "newsprep/lexicon.h"
#include "newsprep/re.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"

/* Decodes s[0..n) at offset 0 and returns "cp/adv". */
static const char *
dec(const char *s, size_t n)
{
	static char out[32];
	size_t adv;
	int32_t cp = np_utf8_decode(s, n, &adv);

	snprintf(out, sizeof(out), "%ld/%zu", (long)cp, adv);
	return out;
}

static void
test_utf8(void)
{
	char enc[4];
	size_t st;

	is_str(dec("A", 1), "65/1", "ASCII");
	is_str(dec("\xC3\xA9", 2), "233/2", "two-byte é");
	is_str(dec("\xE2\x80\x9C", 3), "8220/3", "three-byte left quote");
	is_str(dec("\xF0\x9F\x98\x80", 4), "128512/4", "four-byte emoji");
	is_str(dec("\xC0\xAF", 2), "-1/1", "overlong two-byte rejected");
	is_str(dec("\xE0\x80\xAF", 3), "-1/1", "overlong three-byte rejected");
	is_str(dec("\xED\xA0\x80", 3), "-1/1", "surrogate rejected");
	is_str(dec("\xF4\x90\x80\x80", 4), "-1/1", "above U+10FFFF rejected");
	is_str(dec("\xE2\x80", 2), "-1/1", "truncated sequence rejected");
	is_str(dec("\x80", 1), "-1/1", "lone continuation rejected");
	is_str(dec("\xFF", 1), "-1/1", "0xFF rejected");
	is_int(np_utf8_decode_before("a\xC3\xA9", 3, &st), 0xE9, "decode before: é");
	is_int((long long)st, 1, "decode before: start of é");
	is_int(np_utf8_decode_before("a\x80", 2, &st), NP_UTF8_INVALID, "decode before: lone continuation");
	is_int((long long)st, 1, "decode before: steps one byte over invalid");
	is_int((long long)np_utf8_encode(0x20AC, enc), 3, "encode euro sign: 3 bytes");
	ok(memcmp(enc, "\xE2\x82\xAC", 3) == 0, "encode euro sign: bytes");
	is_int((long long)np_ascii_run("hello world, this is ascii\xC3\xA9", 28), 26, "ASCII run stops at first non-ASCII byte");
	ok(np_cp_is_upper(0x41A) && np_cp_is_lower(0x43A), "Cyrillic case classes");
	ok(np_cp_is_space(0xA0) && !np_cp_is_space('x'), "NBSP is space");
	ok(np_cp_is_punct(0x201C) && np_cp_is_punct('"') && !np_cp_is_punct('$'), "punctuation classes");
	ok(np_is_word_boundary("ab cd", 5, 2) && !np_is_word_boundary("abcd", 4, 2), "word boundary");
	ok(!np_is_word_boundary("\xD0\xBA\xD0\xB8", 4, 2), "no boundary inside a Cyrillic word");
}

static void
test_fold_lexicon(void)
{
	static const char data[] =
	    "# months\n"
	    "october\t10\n"
	    "октября\t10\r\n"
	    "\n"
	    "según\tcue\n"
	    "mai\t5 extra words\n";
	struct np_lexicon *lx = np_lexicon_new();
	const struct np_lexentry *e;
	char out[64];
	size_t n;

	n = np_fold("OCTÓBER", strlen("OCTÓBER"), out, sizeof(out));
	out[n] = '\0';
	is_str(out, "october", "fold strips case and accents");
	n = np_fold("ОКТЯБРЯ", strlen("ОКТЯБРЯ"), out, sizeof(out));
	out[n] = '\0';
	is_str(out, "октября", "fold lower-cases Cyrillic");
	n = np_fold("a\xFF" "B", 3, out, sizeof(out));
	ok(n == 3 && memcmp(out, "a\xFF" "b", 3) == 0, "fold copies invalid bytes");
	ok(np_fold("Straße", strlen("Straße"), out, 2) > 2, "fold reports the needed length");

	ok(lx != NULL && np_lexicon_load(lx, data, sizeof(data) - 1) == NP_OK, "lexicon loads");
	is_int((long long)np_lexicon_size(lx), 4, "four entries, comments and blanks skipped");
	e = np_lexicon_find(lx, "OCTOBER", 7);
	ok(e != NULL && e->num == 10, "upper-case lookup finds october");
	e = np_lexicon_find(lx, "ОКТЯБРЯ", strlen("ОКТЯБРЯ"));
	ok(e != NULL && e->num == 10 && e->valuelen == 2, "Cyrillic upper-case lookup, CR dropped");
	e = np_lexicon_find(lx, "Segun", 5);
	ok(e != NULL && strcmp(e->value, "cue") == 0, "accent-less lookup finds según");
	e = np_lexicon_find(lx, "Mai", 3);
	ok(e != NULL && e->num == 5 && strcmp(e->value, "5 extra words") == 0, "value keeps the rest of the line");
	ok(np_lexicon_find(lx, "novem", 5) == NULL, "missing key");
	n = np_fold("SEGÚN", strlen("SEGÚN"), out, sizeof(out));
	e = np_lexicon_find_folded(lx, out, n);
	ok(e != NULL && strcmp(e->value, "cue") == 0, "a folded key is found as it is");
	ok(np_lexicon_find_folded(lx, "SEGUN", 5) == NULL,
	    "find_folded does not fold again");
	np_lexicon_free(lx);

	lx = np_lexicon_new();
	{
		char key[16];
		int i, all = 1;

		for (i = 0; i < 5000; i++) {
			snprintf(key, sizeof(key), "k%d", i);
			np_lexicon_add(lx, key, strlen(key), "", 0);
		}
		for (i = 0; i < 5000; i += 7) {
			snprintf(key, sizeof(key), "K%d", i);
			all &= np_lexicon_find(lx, key, strlen(key)) != NULL;
		}
		ok(all && np_lexicon_size(lx) == 5000, "table grows to 5000 keys");
	}
	np_lexicon_free(lx);
}

/* Joins the spans as "[text]" pieces. */
static const char *
spans_text(const char *buf, const struct np_spans *s)
{
	static char out[1024];
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < s->n && o < sizeof(out) - 3; i++)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "[%.*s]",
		    (int)(s->v[i].end - s->v[i].start), buf + s->v[i].start);
	return out;
}

static void
test_segment(void)
{
	struct np_spans s = { 0 };
	struct np_line ln;
	size_t pos = 0;
	const char *t;

	t = "one\r\ntwo\nthree";
	np_next_line(t, strlen(t), &pos, &ln);
	ok(ln.start == 0 && ln.end == 3 && ln.next == 5, "CRLF line: CR not in content");
	np_next_line(t, strlen(t), &pos, &ln);
	ok(ln.start == 5 && ln.end == 8, "second line");
	np_next_line(t, strlen(t), &pos, &ln);
	ok(ln.end == 14 && ln.next == 14, "last line without newline");
	ok(!np_next_line(t, strlen(t), &pos, &ln), "no more lines");

	t = "\n\nTitle line\nsecond line\n \t\n\xC2\xA0\nPara two\n";
	np_blocks(t, strlen(t), &s);
	is_str(spans_text(t, &s), "[Title line\nsecond line][Para two]", "blocks split at blank and NBSP lines");

#define SENT(text, want, desc) do { \
	np_spans_clear(&s); \
	np_sentences((text), 0, strlen(text), &s); \
	is_str(spans_text((text), &s), (want), desc); \
} while (0)
	SENT("Mr. Smith went to Washington. He stayed.",
	    "[Mr. Smith went to Washington.][He stayed.]", "title abbreviation");
	SENT("Gen. Charles Q. Brown spoke. Troops left.",
	    "[Gen. Charles Q. Brown spoke.][Troops left.]", "rank and initial");
	SENT("Prices rose 3.5 percent. Then fell.",
	    "[Prices rose 3.5 percent.][Then fell.]", "decimal");
	SENT("He moved to the U.S. in 1990. She did not.",
	    "[He moved to the U.S. in 1990.][She did not.]", "U.S. before a lower-case word");
	SENT("\"We will win.\" She smiled. (It rained.) End",
	    "[\"We will win.\"][She smiled.][(It rained.)][End]", "quotes and brackets close sentences");
	SENT("\xE2\x80\x9CReally?\xE2\x80\x9D he asked. Yes!",
	    "[\xE2\x80\x9CReally?\xE2\x80\x9D he asked.][Yes!]", "curly quote before lower case does not split");
	SENT("Он приехал в 5 ч. утра. Она нет.",
	    "[Он приехал в 5 ч. утра.][Она нет.]", "lower-case after a Cyrillic abbreviation");
	SENT("Wait... what? No.", "[Wait... what?][No.]", "ellipsis before lower case");
	SENT("  lone fragment  ", "[lone fragment]", "trimmed fragment");
	ok(np_is_abbreviation("see Jan. 5", 10, 7), "Jan. is an abbreviation");
	ok(!np_is_abbreviation("the end.", 8, 7), "end. is not");
	np_spans_free(&s);
}

static void
test_re(void)
{
	char err[128];
	struct np_span g[3];
	struct np_re *re = np_re_compile("(\\d{4})-(\\d\\d)", 0, err, sizeof(err));
	const char *t = "on 2023-10 and \xFF 2024-01";

	ok(re != NULL, "pattern compiles");
	is_int(np_re_search(re, t, strlen(t), 0, g, 3), 1, "search finds a match");
	ok(g[1].start == 3 && g[1].end == 7 && g[2].start == 8, "groups");
	is_int(np_re_search(re, t, strlen(t), 10, g, 3), 1, "match after an invalid byte");
	ok(g[0].start == 17, "offset of second match");
	is_int(np_re_match_at(re, t, strlen(t), 2, g, 3), 0, "anchored match fails off position");
	is_int(np_re_groups(re), 3, "group count");
	np_re_free(re);
	ok(np_re_compile("(unclosed", 0, err, sizeof(err)) == NULL && strstr(err, "offset") != NULL,
	    "compile error message");
	re = np_re_compile("(a+)+b", 0, err, sizeof(err));
	{
		char *as = malloc(5001);
		int rc;

		memset(as, 'a', 5000);
		as[5000] = '\0';
		rc = np_re_search(re, as, 5000, 0, g, 1);
		ok(rc == 0 || rc == NP_ELIMIT, "catastrophic pattern ends (rc %d)", rc);
		free(as);
	}
	np_re_free(re);
}

static void
test_json_buf_arena(void)
{
	struct np_buf b = { 0 };
	struct np_arena a = { 0 };
	int i, good = 1;
	char *p;

	np_json_escape(&b, "a\"b\\c\n\t\x01\xFF\xC3\xA9", 11);
	is_str(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\xEF\xBF\xBD\xC3\xA9\"", "JSON escaping");
	np_buf_clear(&b);
	np_buf_printf(&b, "%s-%d", "x", 42);
	for (i = 0; i < 100; i++)
		np_buf_printf(&b, "%0100d", i);
	ok(b.len == 4 + 100 * 100 && strncmp(b.data, "x-42", 4) == 0, "buf printf grows");
	np_buf_free(&b);
	for (i = 0; i < 20000; i++) {
		p = np_arena_alloc(&a, (size_t)(i % 100) + 1);
		good &= p != NULL && ((uintptr_t)p % 16) == 0;
	}
	p = np_arena_alloc(&a, 1 << 20);
	ok(good && p != NULL, "arena: aligned small and large allocations");
	np_arena_reset(&a);
	p = np_arena_strndup(&a, "hello world", 5);
	is_str(p, "hello", "arena strndup after reset");
	np_arena_free(&a);
	is_str(np_strerror(NP_ETOOBIG), "document larger than --max-doc-size", "strerror");
}

int
main(void)
{
	test_utf8();
	test_fold_lexicon();
	test_segment();
	test_re();
	test_json_buf_arena();
	return done_testing();
}
