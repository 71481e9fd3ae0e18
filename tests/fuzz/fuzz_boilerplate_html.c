/*
 * fuzz_boilerplate_html.c - the HTML reader on hostile bytes.
 *
 * The input is read as an HTML page (charset detection and conversion,
 * the libxml2 walk, metadata, JSON-LD); the first byte, when it is odd,
 * wraps the rest in a doctype and a <meta charset> naming one of a few
 * charsets, so that the converters see the bytes too.  Checked: the page
 * text is valid UTF-8 without NUL bytes, blocks lie in order inside it
 * with their tag paths and counts consistent, meta strings are readable
 * and one line, and the detector answers on every input.
 */
#include "fuzz.h"
#include "newsprep/html.h"
#include "newsprep/utf8.h"

static struct np_html *reader;
static struct np_html_page page;

/* Checks that s[0..n) is valid UTF-8 without NUL. */
static void
check_utf8(const char *s, size_t n)
{
	size_t i = 0, adv;

	while (i < n) {
		FUZZ_CHECK(s[i] != '\0');
		FUZZ_CHECK(np_utf8_decode(s + i, n - i, &adv) != NP_UTF8_INVALID);
		i += adv;
	}
}

/* Checks a meta string: absent, or one non-empty line in the buffer. */
static void
check_meta(size_t off)
{
	const char *s;

	if (off == SIZE_MAX)
		return;
	FUZZ_CHECK(off < page.meta.len);
	s = page.meta.data + off;
	FUZZ_CHECK(*s != '\0' && strchr(s, '\n') == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cs[] = { "utf-8", "windows-1252", "shift_jis", "koi8-r" };
	char *s;
	size_t n, i, prev = 0;
	int err;

	if (size == 0)
		return 0;
	if (reader == NULL)
		FUZZ_CHECK((reader = np_html_new(&err)) != NULL);
	if (data[0] & 1) {
		char head[128];
		int h = snprintf(head, sizeof head, "<!DOCTYPE html><meta charset=\"%s\">",
		    cs[(data[0] >> 1) % 4]);

		n = (size_t)h + size - 1;
		s = malloc(n ? n : 1);
		FUZZ_CHECK(s != NULL);
		memcpy(s, head, (size_t)h);
		memcpy(s + h, data + 1, size - 1);
	} else {
		n = size - 1;
		s = fuzz_copy(data + 1, n);
	}
	(void)np_html_detect(s, n);
	FUZZ_CHECK(np_html_read(reader, s, n, &page) == NP_OK);
	FUZZ_CHECK(page.charset != NULL);
	check_utf8(page.text.data, page.text.len);
	for (i = 0; i < page.n; i++) {
		const struct np_html_block *b = &page.v[i];

		FUZZ_CHECK(b->start >= prev && b->start < b->end && b->end <= page.text.len);
		FUZZ_CHECK(b->chars > 0 && b->link_chars <= b->chars);
		FUZZ_CHECK(b->heading >= 0 && b->heading <= 6);
		FUZZ_CHECK(b->path < page.paths.len);
		(void)strlen(page.paths.data + b->path);
		FUZZ_CHECK(b->box_chars == 0 || b->box_link_chars <= b->box_chars);
		prev = b->end;
	}
	check_meta(page.m.title);
	check_meta(page.m.author);
	check_meta(page.m.date);
	check_meta(page.m.url);
	check_meta(page.m.lang);
	check_meta(page.m.description);
	free(s);
	return 0;
}
