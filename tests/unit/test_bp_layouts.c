/*
 * test_bp_layouts.c - the boilerplate engine scored on pages of every
 * plain-text layout: tests/cli/fixtures/layouts/CLASS-NAME.txt with its
 * NAME.gold.txt (title and article, one paragraph a line).  Every page
 * was written for these tests.
 *
 * The score is the scrapinghub benchmark's: multisets of 4-word shingles
 * of the output and the gold (words: runs of letters, digits and '_'),
 * F1 of their overlap.  A layout class (two-column, indented, flattened,
 * glued, thin, lynx, lang-xx) passes when the mean F1 of its pages is at
 * least .90; every page's figures are printed as diagnostics.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/utf8.h"
#include "tap.h"

#define DIR_FIX "tests/cli/fixtures/layouts"
#define MAX_CLASSES 32

struct tok {
	const char *s;
	size_t n;
};

/* Reads a whole file into a NUL-terminated buffer, or NULL. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (b = malloc((size_t)n + 1)) != NULL) {
		*len = fread(b, 1, (size_t)n, f);
		b[*len] = '\0';
	}
	fclose(f);
	return b;
}

/* True when the code point at s is a word character (\w). */
static int
word_char(const char *s, size_t n, size_t *adv)
{
	int32_t cp = np_utf8_decode(s, n, adv);

	return cp == '_' || np_cp_is_letter(cp) || (cp >= '0' && cp <= '9') ||
	    (cp >= 0x80 && !np_cp_is_punct(cp) && !np_cp_is_space(cp) && cp != 0xA9 &&
	    !(cp >= 0x2000 && cp <= 0x2BFF));
}

/* Splits s into words; returns their count (the array is malloc'd). */
static size_t
tokens(const char *s, size_t len, struct tok **out)
{
	size_t i = 0, n = 0, cap = 64, adv;
	struct tok *v = malloc(cap * sizeof *v);

	while (v != NULL && i < len) {
		size_t st;

		while (i < len && !word_char(s + i, len - i, &adv))
			i += adv;
		st = i;
		while (i < len && word_char(s + i, len - i, &adv))
			i += adv;
		if (i == st)
			break;
		if (n == cap) {
			struct tok *p = realloc(v, (cap *= 2) * sizeof *v);

			if (p == NULL) {
				free(v);
				v = NULL;
				break;
			}
			v = p;
		}
		v[n++] = (struct tok){ s + st, i - st };
	}
	*out = v;
	return v ? n : 0;
}

/* True when shingles a[i..i+k) and b[j..j+k) are equal. */
static int
same_shingle(const struct tok *a, size_t i, const struct tok *b, size_t j, size_t k)
{
	size_t m;

	for (m = 0; m < k; m++)
		if (a[i + m].n != b[j + m].n || memcmp(a[i + m].s, b[j + m].s, a[i + m].n) != 0)
			return 0;
	return 1;
}

/* Shingle F1 of output o against gold g (texts are small: quadratic). */
static double
shingle_f1(const char *o, size_t on, const char *g, size_t gn)
{
	struct tok *a, *b;
	size_t na = tokens(o, on, &a), nb = tokens(g, gn, &b), ka, kb, i, j, tp = 0;
	char *used;
	double p, r;

	ka = na >= 4 ? na - 3 : na > 0;
	kb = nb >= 4 ? nb - 3 : nb > 0;
	used = calloc(kb + 1, 1);
	for (i = 0; used != NULL && i < ka; i++)
		for (j = 0; j < kb; j++)
			if (!used[j] && same_shingle(a, i, b, j, na < 4 || nb < 4 ?
			    (na < nb ? na : nb) : 4)) {
				used[j] = 1;
				tp++;
				break;
			}
	free(used);
	free(a);
	free(b);
	if (ka == 0 || kb == 0)
		return ka == kb;
	p = (double)tp / (double)ka;
	r = (double)tp / (double)kb;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

int
main(void)
{
	struct np_boilerplate_opts o;
	struct np_boilerplate *bp;
	struct np_bp_result res = { 0 };
	struct np_buf out = { 0 };
	char cls[MAX_CLASSES][32];
	double sum[MAX_CLASSES] = { 0 };
	int cnt[MAX_CLASSES] = { 0 }, nc = 0, err, k, pages = 0;
	DIR *d;
	struct dirent *e;

	np_boilerplate_opts_init(&o);
	if ((bp = np_boilerplate_new(&o, &err)) == NULL || (d = opendir(DIR_FIX)) == NULL) {
		ok(0, "context and %s", DIR_FIX);
		return done_testing();
	}
	while ((e = readdir(d)) != NULL) {
		char path[512], c[32];
		size_t nl = strlen(e->d_name), len, glen;
		char *buf, *gold, *dash;
		double f;

		if (nl < 10 || strcmp(e->d_name + nl - 9, ".gold.txt") != 0 || nl > 400)
			continue;
		snprintf(path, sizeof path, "%s/%.*s.txt", DIR_FIX, (int)(nl - 9), e->d_name);
		buf = slurp(path, &len);
		snprintf(path, sizeof path, "%s/%s", DIR_FIX, e->d_name);
		gold = slurp(path, &glen);
		if (buf == NULL || gold == NULL) {
			ok(0, "read %s", e->d_name);
			free(buf);
			free(gold);
			continue;
		}
		np_buf_clear(&out);
		if (np_boilerplate_classify(bp, buf, len, &res) != NP_OK ||
		    np_boilerplate_render(buf, &res, 0, 0, &out, NULL) != NP_OK)
			f = 0;
		else
			f = shingle_f1(out.data ? out.data : "", out.len, gold, glen);
		/* the class: the name up to its last '-' */
		snprintf(c, sizeof c, "%.*s", (int)(nl - 9), e->d_name);
		if ((dash = strrchr(c, '-')) != NULL)
			*dash = '\0';
		for (k = 0; k < nc && strcmp(cls[k], c) != 0; k++)
			;
		if (k == nc && nc < MAX_CLASSES)
			snprintf(cls[nc++], sizeof cls[0], "%s", c);
		if (k < nc) {
			sum[k] += f;
			cnt[k]++;
		}
		printf("# %-32s shingle F1 %.3f\n", e->d_name, f);
		pages++;
		free(buf);
		free(gold);
	}
	closedir(d);
	is_int(pages >= 10, 1, "layout fixtures found (%d pages)", pages);
	for (k = 0; k < nc; k++)
		ok(sum[k] / cnt[k] >= 0.90, "layout class %s: shingle F1 %.3f over %d pages",
		    cls[k], sum[k] / cnt[k], cnt[k]);
	is_str(np_bp_class_name(NP_BP_GOOD), "good", "class names");
	np_buf_free(&out);
	np_bp_result_free(&res);
	np_boilerplate_free(bp);
	return done_testing();
}
