/*
 * fuzz_quotes.c - the quotation finder on hostile bytes.
 *
 * The first byte picks --min-words (default, 1, 2, 1000); the rest is the
 * document, scanned twice with the same context (results must not depend
 * on the previous scan).  Checked: quotations in document order, each
 * content span inside the buffer with its opening mark before and its
 * closing mark (when present) after, speaker and cue strings readable,
 * mention and cue spans absent or inside the buffer.
 */
#include "fuzz.h"
#include "newsprep/quotes.h"

static struct np_quotes *ctx[4];

static struct np_quotes *
context(unsigned sel)
{
	static const size_t words[4] = { 0, 1, 2, 1000 };
	struct np_quotes_opts o;

	sel %= 4;
	if (ctx[sel] == NULL) {
		o.min_words = words[sel];
		FUZZ_CHECK((ctx[sel] = np_quotes_new(&o)) != NULL);
	}
	return ctx[sel];
}

/* Checks the records; returns a digest of them for the rescan. */
static size_t
check(const struct np_quote *v, size_t nq, const char *s, size_t len)
{
	size_t i, k, digest = nq, prev = 0;
	unsigned sum = 0;

	for (i = 0; i < nq; i++) {
		const struct np_quote *q = &v[i];

		FUZZ_CHECK(FUZZ_SPAN_OK(q->content, len));
		FUZZ_CHECK(q->content.start >= prev);
		prev = q->content.start;
		FUZZ_CHECK(FUZZ_SPAN_OK(q->open, len) && q->open.start < q->open.end);
		FUZZ_CHECK(q->open.end <= q->content.start);
		FUZZ_CHECK(FUZZ_SPAN_OK_OR_ABSENT(q->close, len));
		if (q->close.start != SIZE_MAX)
			FUZZ_CHECK(q->close.start >= q->content.end &&
			    q->close.start < q->close.end);
		FUZZ_CHECK(FUZZ_SPAN_OK_OR_ABSENT(q->mention, len));
		FUZZ_CHECK(FUZZ_SPAN_OK_OR_ABSENT(q->cue_span, len));
		FUZZ_CHECK(q->kind >= NP_SPEAKER_NONE && q->kind <= NP_SPEAKER_NOMINAL);
		FUZZ_CHECK(q->speaker != NULL || q->speaker_len == 0);
		FUZZ_CHECK(q->cue != NULL || q->cue_len == 0);
		for (k = 0; k < q->speaker_len; k++)
			sum += (unsigned char)q->speaker[k];
		for (k = 0; k < q->cue_len; k++)
			sum += (unsigned char)q->cue[k];
		for (k = q->content.start; k < q->content.end; k++)
			sum += (unsigned char)s[k];
		(void)np_speaker_kind_name(q->kind);
		digest = digest * 31 + q->content.start * 7 + q->content.end +
		    q->speaker_len * 3 + (size_t)q->kind;
	}
	return digest + (sum & 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct np_quotes *q;
	const struct np_quote *v;
	size_t n, nq, d1, d2;
	char *s;

	if (size == 0)
		return 0;
	q = context(data[0]);
	n = size - 1;
	s = fuzz_copy(data + 1, n);
	FUZZ_CHECK(np_quotes_scan(q, s, n, &v, &nq) == NP_OK);
	d1 = check(v, nq, s, n);
	FUZZ_CHECK(np_quotes_scan(q, s, n, &v, &nq) == NP_OK);
	d2 = check(v, nq, s, n);
	FUZZ_CHECK(d1 == d2);
	free(s);
	return 0;
}
