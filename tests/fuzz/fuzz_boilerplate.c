/*
 * fuzz_boilerplate.c - the boilerplate classifier on hostile bytes.
 *
 * The first byte picks the options: the stoplist (auto or one of the
 * languages), --no-title, --no-cut, odd thresholds, and the template
 * signal (the input cut at NUL bytes is fed as the run's documents before
 * each is classified).  Checked: units in input order, inside the buffer,
 * not overlapping, kept parts inside their unit, classes GOOD or BAD with
 * a reason, paragraphs numbered in order.
 */
#include "fuzz.h"
#include "newsprep/boilerplate.h"

#define NLANG (NP_BP_NLANGS + 1)	/* auto, then each language */
#define NVAR 8				/* flag and threshold variants */
static struct np_boilerplate *ctx[NLANG * NVAR];

/* The context for an option byte, made on first use. */
static struct np_boilerplate *
context(unsigned sel)
{
	unsigned lang = sel % NLANG, var = (sel / NLANG) % NVAR;
	struct np_boilerplate_opts o;
	int err = 0;

	if (ctx[lang * NVAR + var] != NULL)
		return ctx[lang * NVAR + var];
	np_boilerplate_opts_init(&o);
	o.lang = lang == 0 ? "auto" : np_boilerplate_langs[lang - 1];
	o.no_title = var & 1;
	o.no_cut = (var >> 1) & 1;
	if (var & 4) {
		/* extreme but valid thresholds */
		o.length_low = 0;
		o.length_high = 1;
		o.stopwords_low = 0;
		o.stopwords_high = 0;
		o.max_heading_distance = 0;
		o.template_share = 0;
	}
	ctx[lang * NVAR + var] = np_boilerplate_new(&o, &err);
	if (ctx[lang * NVAR + var] == NULL) {
		/* extreme thresholds may be refused, never anything else */
		FUZZ_CHECK(err == NP_EINVAL && (var & 4));
		np_boilerplate_opts_init(&o);
		o.lang = lang == 0 ? "auto" : np_boilerplate_langs[lang - 1];
		FUZZ_CHECK((ctx[lang * NVAR + var] = np_boilerplate_new(&o, &err)) != NULL);
	}
	return ctx[lang * NVAR + var];
}

static void
check_result(const struct np_bp_result *r, const char *s, size_t len)
{
	size_t i, prev = 0, para = 0;
	unsigned sum = 0;

	FUZZ_CHECK(r->lang != NULL);
	for (i = 0; i < r->n; i++) {
		const struct np_bp_block *b = &r->v[i];

		FUZZ_CHECK(b->start >= prev);
		FUZZ_CHECK(b->start <= b->end && b->end <= b->next && b->next <= len);
		FUZZ_CHECK(b->cls == NP_BP_GOOD || b->cls == NP_BP_BAD);
		FUZZ_CHECK(b->first >= NP_BP_BAD && b->first <= NP_BP_GOOD);
		FUZZ_CHECK(b->reason != NULL);
		FUZZ_CHECK(b->para >= para);
		FUZZ_CHECK(b->words >= b->stops);
		para = b->para;
		if (b->cls == NP_BP_GOOD) {
			size_t k;

			FUZZ_CHECK(b->keep_start <= b->keep_end);
			FUZZ_CHECK(b->keep_start >= b->start && b->keep_end <= b->end);
			/* the kept bytes are readable */
			for (k = b->keep_start; k < b->keep_end; k++)
				sum += (unsigned char)s[k];
		}
		(void)strlen(b->reason);
		if (b->detail != NULL)
			(void)strlen(b->detail);
		(void)np_bp_class_name(b->cls);
		prev = b->next > b->end ? b->next : b->end;
	}
	(void)sum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct np_bp_result res;
	struct np_boilerplate *bp;
	char *s;
	size_t n, p, e;
	int templates;

	if (size == 0)
		return 0;
	bp = context(data[0]);
	templates = (data[0] & 0x80) != 0;
	n = size - 1;
	s = fuzz_copy(data + 1, n);

	np_boilerplate_template_clear(bp);
	if (templates) {
		for (p = 0; p <= n; p = e + 1) {
			const char *z = memchr(s + p, '\0', n - p);

			e = z ? (size_t)(z - s) : n;
			FUZZ_CHECK(np_boilerplate_template_add(bp, s + p, e - p) == NP_OK);
		}
		for (p = 0; p <= n; p = e + 1) {
			const char *z = memchr(s + p, '\0', n - p);
			char *doc;

			e = z ? (size_t)(z - s) : n;
			doc = fuzz_copy((const uint8_t *)s + p, e - p);
			FUZZ_CHECK(np_boilerplate_classify(bp, doc, e - p, &res) == NP_OK);
			check_result(&res, doc, e - p);
			free(doc);
		}
		np_boilerplate_template_clear(bp);
	}
	FUZZ_CHECK(np_boilerplate_classify(bp, s, n, &res) == NP_OK);
	check_result(&res, s, n);
	free(s);
	return 0;
}
