/*
 * html_detect.c - tells an HTML page from plain text, per document, so
 * that strip-boilerplate reads either without being told.
 *
 * A page is HTML when its first non-blank bytes (after a byte-order mark,
 * an XML declaration or comments) open one of <!DOCTYPE html, <html,
 * <head or <body; or, for fragments, when at least 10 tags start within
 * the first 64 KiB and more than a third of those bytes lie inside tags.
 * Text that quotes a few tags stays text.
 */
#define _GNU_SOURCE	/* memmem: linear time (glibc two-way) */
#include <string.h>
#include <strings.h>
#include "html.h"

#define SNIFF ((size_t)64 << 10)

/* Skips blanks from i. */
static size_t
skip_blanks(const char *b, size_t n, size_t i)
{
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f'))
		i++;
	return i;
}

/* Whether b[i..n) starts with the ASCII word w, ignoring case. */
static int
starts(const char *b, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);

	return n - i >= k && strncasecmp(b + i, w, k) == 0;
}

/* Whether the byte after a tag name ends it. */
static int
name_end(const char *b, size_t n, size_t i)
{
	return i >= n || b[i] == '>' || b[i] == ' ' || b[i] == '\t' || b[i] == '\n' ||
	    b[i] == '\r' || b[i] == '/';
}

/* Share of the first SNIFF bytes inside tags, as tags and tag bytes. */
static void
tag_share(const char *b, size_t n, size_t *ntags, size_t *inside)
{
	size_t i = 0, e;

	*ntags = *inside = 0;
	if (n > SNIFF)
		n = SNIFF;
	while (i < n) {
		const char *p = memchr(b + i, '<', n - i);

		if (p == NULL)
			break;
		i = (size_t)(p - b) + 1;
		if (i >= n)
			break;
		if (!((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z') ||
		    b[i] == '/' || b[i] == '!'))
			continue;
		for (e = i; e < n && e - i < 4096 && b[e] != '>' && b[e] != '<'; e++)
			;
		if (e >= n || b[e] != '>')
			continue;
		(*ntags)++;
		*inside += e - i + 2;
		i = e + 1;
	}
}

int
np_html_detect(const char *b, size_t n)
{
	size_t i = 0, ntags, inside, lim = n < SNIFF ? n : SNIFF;

	if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		i = skip_blanks(b, lim, i);
		if (starts(b, lim, i, "<!--")) {
			const char *e = i + 4 <= lim ? memmem(b + i + 4, lim - i - 4, "-->", 3) : NULL;

			if (e == NULL)
				break;
			i = (size_t)(e - b) + 3;
			continue;
		}
		if (starts(b, lim, i, "<?xml")) {
			const char *e = memchr(b + i, '>', lim - i);

			if (e == NULL)
				break;
			i = (size_t)(e - b) + 1;
			continue;
		}
		break;
	}
	if (starts(b, lim, i, "<!doctype") && (starts(b, lim, skip_blanks(b, lim, i + 9), "html")))
		return 1;
	if ((starts(b, lim, i, "<html") && name_end(b, lim, i + 5)) ||
	    (starts(b, lim, i, "<head") && name_end(b, lim, i + 5)) ||
	    (starts(b, lim, i, "<body") && name_end(b, lim, i + 5)))
		return 1;
	tag_share(b, n, &ntags, &inside);
	return ntags >= 10 && inside * 3 > lim;
}
