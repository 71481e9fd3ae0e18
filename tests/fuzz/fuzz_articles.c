/*
 * fuzz_articles.c - the article splitter on hostile bytes.
 *
 * The first byte picks the format (auto or forced) and whether metadata
 * is read.  Checked: the records partition the document (the first starts
 * at 0, each starts where the previous ended, the last ends at len, none
 * is empty), they are numbered 1, 2, ..., the metadata strings are
 * readable and the body lies inside its record; np_articles_split gives
 * the same records as the iterator.  The format parser gets the first
 * line.
 */
#include "fuzz.h"
#include "newsprep/articles.h"

#define NFMT 7		/* NP_ARTICLES_AUTO .. NP_ARTICLES_HEADS */
static struct np_articles *ctx[NFMT * 2];

static struct np_articles *
context(unsigned sel)
{
	unsigned fmt = sel % NFMT, meta = (sel / NFMT) % 2;
	struct np_articles_opts o;

	if (ctx[meta * NFMT + fmt] != NULL)
		return ctx[meta * NFMT + fmt];
	o.format = (enum np_articles_format)fmt;
	o.meta = (int)meta;
	FUZZ_CHECK((ctx[meta * NFMT + fmt] = np_articles_new(&o)) != NULL);
	return ctx[meta * NFMT + fmt];
}

/* Reads every byte of a metadata string (AddressSanitizer checks). */
static unsigned
touch(const struct np_articles_str *v)
{
	unsigned sum = 0;
	size_t i;

	if (v->s == NULL)
		return 0;
	for (i = 0; i < v->len; i++)
		sum += (unsigned char)v->s[i];
	return sum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct np_article_list list;
	struct np_articles *c;
	struct np_article a;
	struct np_span *rec = NULL;
	size_t n, end = 0, count = 0, i;
	enum np_articles_format f;
	char *s, arg[64];
	int rc;

	if (size == 0)
		return 0;
	c = context(data[0]);
	n = size - 1;
	s = fuzz_copy(data + 1, n);

	FUZZ_CHECK(np_articles_begin(c, s, n) == NP_OK);
	FUZZ_CHECK(np_articles_format(c) != NP_ARTICLES_AUTO);
	(void)np_articles_format_name(np_articles_format(c));
	while ((rc = np_articles_next(c, &a)) == 1) {
		count++;
		FUZZ_CHECK(a.n == count);
		FUZZ_CHECK(a.record.start == end);
		FUZZ_CHECK(a.record.start < a.record.end && a.record.end <= n);
		end = a.record.end;
		FUZZ_CHECK(memchr(a.date, '\0', sizeof(a.date)) != NULL);
		FUZZ_CHECK(a.words >= -1);
		if (data[0] / NFMT % 2) {
			FUZZ_CHECK(a.text.start <= a.text.end);
			FUZZ_CHECK(a.text.start >= a.record.start && a.text.end <= a.record.end);
			(void)(touch(&a.source) + touch(&a.title) + touch(&a.byline) +
			    touch(&a.section));
		}
		FUZZ_CHECK((rec = realloc(rec, count * sizeof(*rec))) != NULL);
		rec[count - 1] = a.record;
	}
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(end == n);
	FUZZ_CHECK(n > 0 || count == 0);

	list.n = 0;
	FUZZ_CHECK(np_articles_split(c, s, n, &list) == NP_OK);
	FUZZ_CHECK(list.n == count);
	for (i = 0; i < count; i++)
		FUZZ_CHECK(list.v[i].record.start == rec[i].start &&
		    list.v[i].record.end == rec[i].end);

	/* the format parser on the first line */
	for (i = 0; i < n && i < sizeof(arg) - 1 && s[i] != '\n'; i++)
		arg[i] = s[i];
	arg[i] = '\0';
	rc = np_articles_format_parse(arg, &f);
	FUZZ_CHECK(rc == NP_OK || rc == NP_EINVAL);
	free(rec);
	free(s);
	return 0;
}
