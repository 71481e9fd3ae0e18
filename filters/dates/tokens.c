/*
 * tokens.c - the dates engine's token reader: lexicon lookup (with the
 * language options and a small word cache), the prefilter on a word's
 * first letters, the forward reader np_dt_lex and the backward step
 * np_dt_back_start behind F() and B() (dates-int.h).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "newsprep/utf8.h"
#include "dates-int.h"

/* The bit of a two-letter language code, 0 when unknown. */
int
np_dt_lang_bit(const char *s, size_t n)
{
	static const char *codes[] = { "en", "de", "fr", "es", "it", "pt",
	    "nl", "pl", "uk", "ru" };
	size_t i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (n == 2 && memcmp(s, codes[i], 2) == 0)
			return 1 << i;
	return 0;
}

/* Parses a comma list of language codes into a mask. */
unsigned
np_dt_lang_mask(const char *s, size_t n)
{
	unsigned m = 0;
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ',' && s[j] != ' '; j++)
			;
		m |= (unsigned)np_dt_lang_bit(s + i, j - i);
		i = j + 1;
		if (j < n && s[j] == ' ')
			break;
	}
	return m;
}

NP_LEXICON_DATA(dates_langs);
NP_LEXICON_DATA(dates_words);
NP_LEXICON_DATA(dates_classes);

/* Adds one word to a raw word table (the key as the data writes it). */
static struct np_tense_word *
wt_put(struct np_tense_word *tab, const char *k, size_t n, int v, unsigned langs,
    unsigned char *suf_last)
{
	unsigned h = 2166136261u;
	size_t i, probes;

	if (n == 0 || n >= sizeof(tab[0].w))
		return NULL;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	for (probes = 0, h &= NTENSE - 1; tab[h].w[0]; h = (h + 1) & (NTENSE - 1))
		if (++probes >= NTENSE || (strlen(tab[h].w) == n && memcmp(tab[h].w, k, n) == 0))
			return NULL;	/* full, or seen: the first entry stays */
	memcpy(tab[h].w, k, n);
	tab[h].w[n] = 0;
	tab[h].v = (signed char)v;
	tab[h].langs = (unsigned short)langs;
	if (k[0] == '-' && suf_last != NULL && n >= 3) {
		/* the last two bytes of an ending, as a bit of 64 Ki */
		unsigned b2 = (unsigned char)k[n - 2] << 8 | (unsigned char)k[n - 1];
		suf_last[b2 >> 3] |= (unsigned char)(1u << (b2 & 7));
	}
	return &tab[h];
}

/*
 * Loads TSV word data into a raw word table: "key<TAB>NUM LANGS"
 * (dates-tense.tsv) or "key<TAB>LANGS" (dates-langs.tsv).  Keys are not
 * folded: the tables compare the bytes of lower-cased words, accents
 * kept.  suf_last (8 KB, may be NULL) gets a bit for the last two bytes
 * of each "-ending" key (every ending has two bytes or more).
 */
void
np_dt_wt_load(struct np_tense_word *tab, const char *p, size_t len, unsigned char *suf_last,
    int only_high)
{
	const char *end = p + len, *nl, *tab_c, *v, *sp, *q;
	int val;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (p != nl && *p != '#' && (tab_c = memchr(p, '\t', (size_t)(nl - p))) != NULL) {
			for (q = p; only_high && q < tab_c && (unsigned char)*q < 0x80; q++)
				;
			if (only_high && q == tab_c)
				goto next;	/* an ASCII key */
			v = tab_c + 1;
			val = 0;
			if (v < nl && (*v == '-' || is_digit((unsigned char)*v))) {
				val = atoi(v);
				sp = memchr(v, ' ', (size_t)(nl - v));
				v = sp ? sp + 1 : nl;
			}
			wt_put(tab, p, (size_t)(tab_c - p), val, np_dt_lang_mask(v, (size_t)(nl - v)),
			    suf_last);
		}
next:
		if (nl == end)
			break;
	}
}

/* The entry of the key k[0..n) in a raw word table, NULL when none. */
const struct np_tense_word *
np_dt_wt_find(const struct np_tense_word *tab, const char *k, size_t n)
{
	unsigned h = 2166136261u;
	size_t i;

	if (n == 0 || n >= sizeof(tab[0].w))
		return NULL;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return np_dt_wt_find_h(tab, k, n, h);
}

/* np_dt_wt_find() with the key's hash h (word_hash()) already known:
 * the token reader hashes each ASCII word as it copies it. */
const struct np_tense_word *
np_dt_wt_find_h(const struct np_tense_word *tab, const char *k, size_t n, unsigned h)
{
	size_t probes;

	if (n == 0 || n >= sizeof(tab[0].w))
		return NULL;
	for (probes = 0, h &= NTENSE - 1; tab[h].w[0] && probes < NTENSE;
	    h = (h + 1) & (NTENSE - 1), probes++)
		if (tab[h].w[0] == k[0] && tab[h].w[n] == 0 && memcmp(tab[h].w, k, n) == 0)
			return &tab[h];
	return NULL;
}

/* The CL_* bit of a class letter of dates-classes.tsv, 0 when unknown. */
static unsigned
class_bit(int c)
{
	static const char letters[] = "OFVECHYNSRXALMGP";
	const char *p = c ? strchr(letters, c) : NULL;

	return p ? 1u << (p - letters) : 0;
}

/* Loads the closed word classes of the grammar (dates-classes.tsv). */
static void
classes_init(struct np_dates *d)
{
	const char *p = np_lex_dates_classes, *end = p + np_lex_dates_classes_len, *nl, *tab;
	struct np_tense_word *e;
	unsigned bits;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (p != nl && *p != '#' && (tab = memchr(p, '\t', (size_t)(nl - p))) != NULL) {
			const char *q;
			for (bits = 0, q = tab + 1; q < nl; q++)
				bits |= class_bit(*q);
			if ((e = wt_put(d->cw, p, (size_t)(tab - p), 0, 0, NULL)) != NULL) {
				unsigned h = word_hash(e->w) & 8191;
				e->bits = bits;
				d->cw_bloom[h >> 3] |= (unsigned char)(1u << (h & 7));
			}
		}
		if (nl == end)
			break;
	}
}

/* The bit of the bloom of non-ASCII word starts for the lower-cased
 * first two letters cp1 cp2 (cp2 0 when the word has one letter). */
static unsigned
hi_bit(int32_t cp1, int32_t cp2)
{
	return ((unsigned)cp1 * 2654435761u ^ (unsigned)cp2 * 40503u) & 0xffff;
}

/* The lower-cased first two letters of s[0..n) (0 for none). */
static void
first_two(const struct np_dates *d, const char *s, size_t n, int32_t *c1, int32_t *c2)
{
	size_t adv;
	int32_t cp = dt_decode(s, n, &adv);

	*c1 = *c2 = 0;
	if (cp == NP_UTF8_INVALID)
		return;
	*c1 = dt_tolower(d, cp);
	if (adv < n) {
		size_t a2;
		cp = dt_decode(s + adv, n - adv, &a2);
		if (cp != NP_UTF8_INVALID && dt_letter(d, cp))
			*c2 = dt_tolower(d, cp);
	}
}

/* Adds the start of a lexicon word (raw or folded) to the bloom. */
static void
hi_add(struct np_dates *d, const char *k, size_t n)
{
	int32_t c1, c2;
	unsigned b;

	if (n == 0 || (unsigned char)k[0] < 0x80)
		return;
	first_two(d, k, n, &c1, &c2);
	b = hi_bit(c1, c2);
	d->hi_bloom[b >> 3] |= (unsigned char)(1u << (b & 7));
	b = hi_bit(c1, 0);	/* the word may stop after one letter in text */
	d->hi_bloom[b >> 3] |= (unsigned char)(1u << (b & 7));
}

/* np_lexicon_each callback: the folded key's start. */
static void
hi_add_entry(const struct np_lexentry *e, void *arg)
{
	hi_add(arg, e->key, e->keylen);
}

/* Builds the bloom of non-ASCII word starts from dates-words.tsv, its
 * keys as written and as folded. */
static void
hi_init(struct np_dates *d)
{
	const char *p = np_lex_dates_words, *end = p + np_lex_dates_words_len, *nl, *tab;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (p != nl && *p != '#' && (tab = memchr(p, '\t', (size_t)(nl - p))) != NULL)
			hi_add(d, p, (size_t)(tab - p));
		if (nl == end)
			break;
	}
	np_lexicon_each(d->lx, hi_add_entry, d);
}

/* True when a lexicon word may start like the non-ASCII word at s (the
 * scan loop's prefilter for words outside ASCII). */
int
np_dt_hi_start(const struct np_dates *d, const char *s, size_t n)
{
	int32_t c1, c2;
	unsigned b;

	first_two(d, s, n, &c1, &c2);
	b = hi_bit(c1, c2);
	return (d->hi_bloom[b >> 3] >> (b & 7)) & 1;
}

/* Loads the function-word table of the language guess. */
void
np_dt_langs_init(struct np_dates *d)
{
	np_dt_wt_load(d->lw, np_lex_dates_langs, np_lex_dates_langs_len, NULL, 0);
	np_dt_wt_load(d->rw, np_lex_dates_words, np_lex_dates_words_len, NULL, 1);
	classes_init(d);
	hi_init(d);
}

/* Lower-cases s[0..n) into w (cap bytes): ASCII by table, other letters
 * by utf8proc.  Returns the length, 0 when it does not fit or s is not
 * valid UTF-8 or holds combining marks (NFD text is not compared). */
size_t
np_dt_lower(const struct np_dates *d, const char *s, size_t n, char *w, size_t cap)
{
	size_t i = 0, k = 0, adv;
	int32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (k + 4 >= cap)
			return 0;
		if (c < 0x80) {
			w[k++] = (char)lc(c);
			i++;
			continue;
		}
		if (c == 0xcc || c == 0xcd)
			return 0;
		cp = dt_decode(s + i, n - i, &adv);
		if (cp == NP_UTF8_INVALID)
			return 0;
		k += np_utf8_encode(dt_tolower(d, cp), w + k);
		i += adv;
	}
	w[k] = 0;
	return k;
}

/*
 * True when a non-ASCII word found in the lexicon is written as the
 * lexicon writes one of its words, up to case: folding strips accents,
 * so Spanish "marcó" (marked) would be Portuguese "março" (March).
 * A word written without accents ("decembre") is accepted as before.
 */
static int
same_accents(struct np_dates *d, const char *s, size_t n)
{
	char w[48];
	size_t i, k = np_dt_lower(d, s, n, w, sizeof(w));

	if (k == 0)
		return 1;
	for (i = 0; i < k; i++)
		if ((unsigned char)w[i] >= 0x80)
			return np_dt_wt_find(d->rw, w, k) != NULL;
	return 1;	/* no accent in the word */
}

/*
 * The language of the current document, guessed once from the function
 * words (dates-langs.tsv) of its first 512 bytes scanned: the language with
 * most hits, 0 when none has any.  Only words whose meaning depends on
 * the language ask for it ("hier"), so most documents never pay for it.
 */
unsigned
np_dt_doc_lang(struct np_dates *d)
{
	const char *b = d->cur_b;
	size_t len = d->cur_len < 512 ? d->cur_len : 512, i = 0, j;
	int score[10] = { 0 }, best = -1, k;

	if (d->doc_lang_done)
		return d->doc_lang;
	d->doc_lang_done = 1;
	d->doc_lang = 0;
	while (b != NULL && i < len) {
		unsigned char c = (unsigned char)b[i];
		if (!(is_alpha(c) || c >= 0x80)) {
			i++;
			continue;
		}
		for (j = i; j < len && (is_alpha((unsigned char)b[j]) ||
		    (unsigned char)b[j] >= 0x80); j++)
			;
		/* function words are short: at most 6 bytes (Cyrillic: 4 letters) */
		if (j - i <= ((unsigned char)b[i] < 0x80 ? 6u : 8u)) {
			char w[9];
			const struct np_tense_word *e;
			size_t q;
			for (q = 0; q < j - i; q++)
				w[q] = (char)lc((unsigned char)b[i + q]);
			if ((e = np_dt_wt_find(d->lw, w, j - i)) != NULL) {
				unsigned m = e->langs & d->o.langs;
				int lead = 1;
				for (k = 0; k < 10; k++)
					if (m & (1u << k))
						score[k]++;
				/* stop early once one language leads clearly */
				for (k = 0, best = 0; k < 10; k++)
					if (score[k] > score[best])
						best = k;
				for (k = 0; k < 10; k++)
					if (k != best && score[k] * 3 > score[best])
						lead = 0;
				if (lead && score[best] >= 6)
					break;
			}
		}
		i = j;
	}
	for (k = 0, best = -1; k < 10; k++)
		if (score[k] > 0 && (best < 0 || score[k] > score[best]))
			best = k;
	if (best >= 0)
		d->doc_lang = 1u << best;
	return d->doc_lang;
}

/* True when the word is allowed by the language options.  A word with
 * an exclusion list ("hier" is off in German and Dutch) follows the
 * document's language when it can be guessed; *guessed says the answer
 * depends on the document (so it is not cached). */
static int
lang_ok(struct np_dates *d, const struct np_lexentry *e, int *cls, int *val,
    int *guessed)
{
	const char *v = e->value, *end = e->value + e->valuelen, *p, *q;
	unsigned langs, excl = 0;

	p = memchr(v, ' ', e->valuelen);
	if (p == NULL || p + 1 >= end)
		return 0;
	*cls = (unsigned char)p[1];
	*val = (int)e->num;
	p += 2;
	if (p >= end || *p != ' ')
		return 0;
	p++;
	q = memchr(p, ' ', (size_t)(end - p));
	langs = np_dt_lang_mask(p, (size_t)((q ? q : end) - p));
	if (q)
		excl = np_dt_lang_mask(q + 1, (size_t)(end - q - 1));
	if ((langs & d->o.langs) == 0)
		return 0;
	if ((excl & d->o.langs) == 0)
		return 1;
	*guessed = 1;
	if (np_dt_doc_lang(d) != 0)
		return (excl & d->doc_lang) == 0;
	return 0;
}

/* True when the first 16 bytes of a and b are equal (cache keys and
 * token words are zero-filled past their end). */
static inline int
wkey16_eq(const char *a, const char *b)
{
	uint64_t x[2], y[2];

	memcpy(x, a, 16);
	memcpy(y, b, 16);
	return x[0] == y[0] && x[1] == y[1];
}

/*
 * Looks a word up; fills t->cls/val when it is in the lexicon.  Plain
 * ASCII words go through a small direct-mapped cache first: the same
 * few words ("the", "in", "last") are asked for again and again.
 */
static int
lookup(struct np_dates *d, const char *s, size_t n, struct tok *t)
{
	const struct np_lexentry *e;
	struct wcache *c = NULL;
	int cls = 0, val = 0, found, guessed = 0, alone = 0;

	char key[NP_DT_WKEY];

	if (n == 0 || n > 40)
		return 0;
	/* the cache key: the lower-cased ASCII word, else the raw bytes
	 * (the answer depends on the bytes only, so either key is safe) */
	key[0] = 0;
	if (t->wlen > 0 && (size_t)t->wlen == n)
		memcpy(key, t->w, n + 1);
	else if (n < sizeof(key)) {
		memcpy(key, s, n);
		key[n] = 0;
		if (memchr(key, 0, n) != NULL)
			key[0] = 0;	/* a NUL byte: no caching */
	}
	if (key[0]) {
		int ascii = t->wlen > 0 && (size_t)t->wlen == n;

		c = &d->wc[(ascii ? t->wh : word_hash(key)) & (NWCACHE - 1)];
		/* an ASCII key is t->w, zero-filled to 16 bytes as the slots
		 * are: two word compares */
		if (c->used && (ascii ? wkey16_eq(c->w, t->w) :
		    c->w[n] == 0 && memcmp(c->w, key, n) == 0)) {
			t->cls = c->cls;
			t->val = c->val;
			t->alone = c->alone;
			return c->cls != 0;
		}
	}
	e = np_lexicon_find(d->lx, s, n);
	found = e != NULL && lang_ok(d, e, &cls, &val, &guessed);
	if (found && t->wlen == 0 && !same_accents(d, s, n))
		found = 0;
	alone = found && cls == C_MOD && e->valuelen > 0 && e->value[e->valuelen - 1] == '*';
	if (c != NULL && !guessed) {
		memset(c->w, 0, sizeof(c->w));
		memcpy(c->w, key, n + 1);
		c->cls = (signed char)(found ? cls : 0);
		c->val = found ? val : 0;
		c->alone = (unsigned char)alone;
		c->used = 1;
	}
	if (!found)
		return 0;
	t->cls = cls;
	t->val = val;
	t->alone = alone;
	return 1;
}

/* Length of the letter run at s[0..len) (ASCII letters, non-ASCII
 * letters and combining marks). */
static size_t
letters(const struct np_dates *d, const char *s, size_t len)
{
	size_t i = 0, adv;
	int32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (!is_alpha(c))
				break;
			i++;
			continue;
		}
		cp = dt_decode(s + i, len - i, &adv);
		if (cp == NP_UTF8_INVALID || !(dt_letter(d, cp) ||
		    (cp >= 0x300 && cp <= 0x36f)))
			break;
		i += adv;
	}
	return i;
}

/* True when the prefilter lets an ASCII word of n bytes through. */
static int
gram_pass(const struct np_dates *d, const uint16_t *gram, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int k, mask;

	if (u[0] >= 0x80 || (n > 1 && u[1] >= 0x80) || (n > 2 && u[2] >= 0x80))
		return 1;
	k = d->gtab[u[0]] * 729;
	if (n > 1)
		k += d->gtab[u[1]] * 27;
	if (n > 2)
		k += d->gtab[u[2]];
	mask = n >= 15 ? 1 << 15 : 1 << n;
	return (gram[k] & mask) != 0;
}

/* Sets t->wbits, the closed classes of the word s[0..n) (one probe of the
 * class table); only for words the grammar looks at. */
static void
word_classes(const struct np_dates *d, struct tok *t, const char *s, size_t n)
{
	const struct np_tense_word *ce;
	char lw[48];
	size_t ln = t->wlen > 0 ? (size_t)t->wlen : np_dt_lower(d, s, n, lw, sizeof(lw));

	if (t->wlen > 0 && !((d->cw_bloom[(t->wh & 8191) >> 3] >> (t->wh & 7)) & 1)) {
		t->wbits = 0;	/* the bloom says no class word has this hash */
		return;
	}
	ce = t->wlen > 0 ? np_dt_wt_find_h(d->cw, t->w, ln, t->wh) : np_dt_wt_find(d->cw, lw, ln);
	t->wbits = ce ? ce->bits : 0;
}

/*
 * Reads the token at or after pos.  full: look every word up (not only
 * anchors that pass the prefilter).  Returns the token's end.
 */
size_t
np_dt_lex(struct np_dates *d, const char *b, size_t len, size_t pos,
    struct tok *t, int full)
{
	size_t i = pos, n, j, adv;
	int nls = 0;
	int32_t cp;
	unsigned wh;

	*t = (struct tok){ .ws = pos };	/* stores in line, no memset call */
	/* white space: blanks, NBSP, one line end */
	while (i < len) {
		unsigned char c = (unsigned char)b[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f')
			i++;
		else if (c == '\n') {
			nls++;
			i++;
		} else if (c == 0xc2 && i + 1 < len && (unsigned char)b[i + 1] == 0xa0)
			i += 2;
		else
			break;
	}
	t->nl = nls > 0;
	t->brk = nls > 1;
	t->s = i;
	if (i >= len) {
		t->k = TK_END;
		t->e = i;
		return i;
	}
	if (is_digit((unsigned char)b[i])) {
		t->k = TK_NUM;
		for (j = i; j < len && is_digit((unsigned char)b[j]); j++) {
			if (t->num < 100000000L)
				t->num = t->num * 10 + (b[j] - '0');
			t->nd++;
		}
		/* most numbers end at a blank or a punctuation mark */
		n = j < len && (is_alpha((unsigned char)b[j]) || (unsigned char)b[j] >= 0x80) ?
		    letters(d, b + j, len - j) : 0;
		if (n > 0) {
			char a0 = (char)lc((unsigned char)b[j]);
			char a1 = n > 1 ? (char)lc((unsigned char)b[j + 1]) : 0;
			if (n == 2 && ((a0 == 's' && a1 == 't') || (a0 == 'n' && a1 == 'd') ||
			    (a0 == 'r' && a1 == 'd') || (a0 == 't' && a1 == 'h') ||
			    (a0 == 'e' && a1 == 'r')))
				t->ord = 1;
			else if (n == 1 && a0 == 's')
				t->dec = 1;
			else if (n == 1 && a0 == 'e')	/* 1e (fr), rare */
				t->ord = 1;
			else if (n == 2 && (unsigned char)b[j] == 0xc2 &&
			    ((unsigned char)b[j + 1] == 0xba || (unsigned char)b[j + 1] == 0xaa))
				t->ord = 1;	/* 1º 1ª */
			else
				t->glued = 1;
			j += n;
		} else if (j + 1 < len && (unsigned char)b[j] == 0xc2 &&
		    ((unsigned char)b[j + 1] == 0xba || (unsigned char)b[j + 1] == 0xaa)) {
			t->ord = 1;
			j += 2;
		}
		t->e = j;
		return j;
	}
	/* ASCII letters are measured, lower-cased and copied in one pass;
	 * letters() (and utf8proc) only past a non-ASCII byte */
	t->lower = 1;
	wh = 2166136261u;
	n = alpha_run((const unsigned char *)b + i, len - i);
	{
		/* the first 15 letters are kept (lower case) and hashed */
		size_t k, m = n < sizeof(t->w) - 1 ? n : sizeof(t->w) - 1;
		unsigned upper = 0;

		for (k = 0; k < m; k++) {
			unsigned char c = (unsigned char)b[i + k];
			upper |= c <= 'Z';
			t->w[k] = (char)(c | 0x20);
			wh = (wh ^ (unsigned char)(c | 0x20)) * 16777619u;
		}
		for (; k < n; k++)
			upper |= (unsigned char)b[i + k] <= 'Z';
		t->wlen = (int)m;
		if (upper)
			t->lower = 0;
	}
	j = i + n;
	t->wh = wh;
	if (j < len && (unsigned char)b[j] >= 0x80) {
		n += letters(d, b + j, len - j);
		for (; j < i + n; j++) {
			unsigned char c = (unsigned char)b[j];
			if (c >= 'A' && c <= 'Z')
				t->lower = 0;
			if (c >= 0x80)
				t->wlen = (int)sizeof(t->w);	/* not plain ASCII */
		}
	}
	if (n > 0) {
		t->k = TK_WORD;
		t->e = i + n;
		if ((unsigned char)b[i] < 0x80)
			t->cap = b[i] >= 'A' && b[i] <= 'Z';
		else {
			cp = np_utf8_decode(b + i, len - i, &adv);
			t->cap = np_cp_is_upper(cp);
		}
		if (t->cap)
			t->lower = 0;
		if (t->wlen >= (int)sizeof(t->w))
			t->wlen = 0, t->w[0] = 0;
		else
			t->w[t->wlen] = 0;
		t->raw = b + i;
		if (full)
			word_classes(d, t, b + i, n);	/* the grammar reads it */
		if (t->wlen > 0) {
			if (!gram_pass(d, full ? d->gram_all : d->gram, b + i, n))
				return t->e;
		} else {
			/* accented Latin letters fold to one ASCII letter each: the
			 * prefilter takes the word's length in characters */
			size_t nc = 0;
			for (j = i; j < i + n; j++)
				nc += ((unsigned char)b[j] & 0xc0) != 0x80;
			if (!gram_pass(d, full ? d->gram_all : d->gram, b + i, nc))
				return t->e;
		}
		/* joined words: avant-hier, aujourd'hui, п'ятниця, segunda-feira */
		j = i + n;
		if (j + 1 < len && (b[j] == '-' || b[j] == '\'' ||
		    ((unsigned char)b[j] == 0xe2 && j + 3 < len &&
		    (unsigned char)b[j + 1] == 0x80 && (unsigned char)b[j + 2] == 0x99) ||
		    ((unsigned char)b[j] == 0xca && (unsigned char)b[j + 1] == 0xbc))) {
			size_t k = j + ((unsigned char)b[j] == 0xe2 ? 3 :
			    (unsigned char)b[j] == 0xca ? 2 : 1);
			size_t m = letters(d, b + k, len - k);
			if (m > 0 && lookup(d, b + i, k + m - i, t)) {
				t->e = k + m;
				if (!full)
					word_classes(d, t, b + i, n);
				return t->e;
			}
		}
		if (lookup(d, b + i, n, t) && !full)
			word_classes(d, t, b + i, n);	/* an anchor */
		return t->e;
	}
	t->k = TK_PUNCT;
	cp = np_utf8_decode(b + i, len - i, &adv);
	t->c = (unsigned char)b[i] < 0x80 ? b[i] : 0x80;
	if (cp == 0x2013 || cp == 0x2014)	/* en/em dash */
		t->c = '-';
	else if (cp == 0x2019 || cp == 0x2018)
		t->c = '\'';
	t->e = i + adv;
	return t->e;
}

/* Start of the token that ends just before pos (skipping white space
 * within one line break), or SIZE_MAX. */
size_t
np_dt_back_start(const char *b, size_t pos, size_t min)
{
	size_t i = pos, st;
	int nls = 0;
	int32_t cp;

	while (i > min) {
		unsigned char c = (unsigned char)b[i - 1];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f')
			i--;
		else if (c == '\n') {
			if (++nls > 1)
				return SIZE_MAX;
			i--;
		} else if (c == 0xa0 && i >= min + 2 && (unsigned char)b[i - 2] == 0xc2)
			i -= 2;
		else
			break;
	}
	if (i <= min)
		return SIZE_MAX;
	if (is_digit((unsigned char)b[i - 1])) {
		while (i > min && is_digit((unsigned char)b[i - 1]))
			i--;
		return i;
	}
	/* an ASCII word or character without decoding */
	if ((unsigned char)b[i - 1] < 0x80) {
		if (!is_alpha((unsigned char)b[i - 1]))
			return i - 1;
		while (i > min && is_alpha((unsigned char)b[i - 1]))
			i--;
		if (i > min && (unsigned char)b[i - 1] >= 0x80) {
			cp = np_utf8_decode_before(b, i, &st);
			if (cp != NP_UTF8_INVALID && (np_cp_is_letter(cp) ||
			    (cp >= 0x300 && cp <= 0x36f)))
				goto utf8;	/* non-ASCII letters before */
		}
		while (i > min && is_digit((unsigned char)b[i - 1]))
			i--;
		return i;
	}
utf8:
	/* a word (ASCII or UTF-8 letters), else one character */
	cp = np_utf8_decode_before(b, i, &st);
	if (cp != NP_UTF8_INVALID && (np_cp_is_letter(cp) || (cp >= 0x300 && cp <= 0x36f))) {
		while (i > min) {
			cp = np_utf8_decode_before(b, i, &st);
			if (cp == NP_UTF8_INVALID || !(np_cp_is_letter(cp) ||
			    (cp >= 0x300 && cp <= 0x36f)))
				break;
			i = st;
		}
		/* a word joined by an apostrophe ("п'ять", "aujourd'hui") */
		if (i > min + 1 && b[i - 1] == '\'' && (unsigned char)b[i - 2] >= 0x80) {
			cp = np_utf8_decode_before(b, i - 1, &st);
			if (cp != NP_UTF8_INVALID && st >= min && np_cp_is_letter(cp)) {
				i--;
				while (i > min) {
					cp = np_utf8_decode_before(b, i, &st);
					if (cp == NP_UTF8_INVALID || st < min || !np_cp_is_letter(cp))
						break;
					i = st;
				}
			}
		}
		/* a number glued before letters ("18th"): start at the digits */
		while (i > min && is_digit((unsigned char)b[i - 1]))
			i--;
		return i;
	}
	return st >= min ? st : SIZE_MAX;
}
