/*
 * features.c - the feature stage of the boilerplate engine: what each
 * unit is made of, and what the page says about it.
 *
 * One pass over each unit's bytes finds its words on the way (ASCII
 * words are classified, folded and hashed without utf8proc) and counts:
 * characters (white space runs count once, East Asian characters twice),
 * words, stopword hits for every stoplist, date words, numbers,
 * capitalised / lower-case / ALL CAPS words, commas, sentence ends, list
 * separators, indentation, a hash of the normalised text, the furniture
 * phrase it starts with or holds, and whether it starts with a dateline
 * or ends with a photo credit.
 *
 * Then the page: its language is the stoplist with most hits (-L fixes
 * it); a page no stoplist fits uses its own most frequent words instead.
 * Units repeated in the page are counted (of a repeated paragraph the
 * last copy is judged), and units of the site's template (-T) marked.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/re.h"
#include "newsprep/utf8.h"
#include "bp.h"

/* Article start after furniture glued to a line: a dateline such as
 * "WIESBADEN, Germany -", "TOKYO (AP) —", "LONDON (Reuters) -". */
static const char DATELINE_RE[] =
    "(?<![\\p{L}\\p{N}.])(\\p{Lu}[\\p{Lu}.'\\x{2019}]{2,}(?:[ -]\\p{Lu}[\\p{Lu}.'\\x{2019}]+){0,3}"
    "(?:, ?\\p{Lu}[\\p{L}.'\\x{2019}]*(?: \\p{Lu}[\\p{L}.'\\x{2019}]*){0,3})?"
    "(?: ?\\([^()\\n]{1,40}\\))? ?[-\\x{2013}\\x{2014}] ?)\\S";

static const char *const caption_marks[] = { ":", "/", "Getty", "Photo", "stock", "Alamy", NULL };

/* A photo caption: a unit that ends with its credit. */
static const char CAPTION_RE[] =
    "(?:(?:\\b|(?<=\\p{Ll}))(?:Credit|Credits|CREDIT|Photo|PHOTO|Photograph|Image|Picture|Pictured|Foto|FOTO|Bild|"
    "Bildquelle|Crédit|Crédit photo|Crédits|Créditos?|Fotografía|Imagen|Immagine|Zdjęcie|"
    "Фото|Источник|Джерело)\\s?:\\s?[^.!?:\\n]{2,60}"
    "|\\b(?:Getty Images|AP Photo|Shutterstock|iStock|Alamy)(?:/[\\p{L}\\p{N} .'-]{2,40}){0,2}"
    "|\\b(?:AFP|EPA|REUTERS|Reuters)(?:/[\\p{L}\\p{N} .'-]{2,40}){1,2}"
    "|\\(\\s?\\p{Lu}[\\p{Lu} .'-]{2,40}/\\p{Lu}[\\p{Lu} .'-]{2,40})(?:/File Photo)?"
    "\\s*\\)?\\s*$";

/* Upper / lower case of the first character of a word. */
static void
word_case(const char *w, size_t n, int *up, int *low)
{
	unsigned char c = (unsigned char)w[0];
	size_t adv;
	int32_t cp;

	if (c < 0x80) {
		*up = c >= 'A' && c <= 'Z';
		*low = c >= 'a' && c <= 'z';
		return;
	}
	cp = np_utf8_decode(w, n, &adv);
	*up = np_cp_is_upper(cp);
	*low = np_cp_is_lower(cp);
}

/* True when the word has two or more letters and no lower-case one. */
static int
word_all_caps(const char *w, size_t n)
{
	size_t i = 0, adv, letters = 0;
	int32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)w[i];

		if (c < 0x80) {
			if (c >= 'a' && c <= 'z')
				return 0;
			if (c >= 'A' && c <= 'Z')
				letters++;
			i++;
			continue;
		}
		cp = np_utf8_decode(w + i, n - i, &adv);
		if (np_cp_is_lower(cp))
			return 0;
		if (np_cp_is_letter(cp))
			letters++;
		i += adv;
	}
	return letters >= 2;
}

struct freq {
	const struct bp_word *w;
	uint32_t n;
};

/* Sorts by count, most frequent first. */
static int
freq_cmp(const void *a, const void *b)
{
	const struct freq *x = a, *y = b;

	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

/*
 * A page in a language without a stoplist: its most frequent short words
 * are its function words (Zipf), so they stand in for the stoplist.
 * Fills bp->docstop with the DERIVED_WORDS most frequent words (seen 3
 * times or more) of the page's first DETECT_BYTES.
 */
static int
derive_stoplist(struct np_boilerplate *bp, const char *buf, size_t len)
{
	struct bp_wordtab counts = { 0 };
	struct freq *fv = NULL;
	size_t pos = 0, ws, we, n, end = len < DETECT_BYTES ? len : DETECT_BYTES, i, nf = 0;
	int ascii, rc = NP_OK;
	char f[FOLD_CAP];

	np_bp_wordtab_free(&bp->docstop);
	while (np_bp_next_word(buf, end, &pos, &ws, &we, &ascii)) {
		if (we - ws > 24 || buf[ws] <= '9')
			continue;
		if ((n = np_bp_fold_word(buf + ws, we - ws, ascii, f, sizeof f)) == 0)
			continue;
		if ((rc = np_bp_wordtab_add(&counts, f, n, 0)) != NP_OK)
			goto out;
		((struct bp_word *)bp_wordtab_find(&counts, f, n,
		    bp_hash(BP_HASH_SEED, f, n)))->nwords++;
	}
	if (counts.used == 0)
		goto out;
	if ((fv = malloc(counts.used * sizeof *fv)) == NULL) {
		rc = NP_ENOMEM;
		goto out;
	}
	for (i = 0; i < counts.nslots; i++)
		if (counts.slots[i].key != NULL)
			fv[nf++] = (struct freq){ &counts.slots[i], (uint32_t)counts.slots[i].nwords };
	qsort(fv, nf, sizeof *fv, freq_cmp);
	for (i = 0; i < nf && i < DERIVED_WORDS && fv[i].n >= 3 && rc == NP_OK; i++)
		rc = np_bp_wordtab_add(&bp->docstop, fv[i].w->key, fv[i].w->len, 1);
out:
	free(fv);
	np_bp_wordtab_free(&counts);
	return rc;
}

/* The first words of a unit, folded, for the furniture lookup. */
struct fwords {
	size_t nw, flen;
	size_t off[SHORT_WORDS + 1];	/* where each word starts in fold */
	size_t wend[SHORT_WORDS + 1];	/* its end in the page */
	unsigned char alldig[SHORT_WORDS + 1];
	unsigned char first[SHORT_WORDS + 1];	/* can start a phrase */
	char fold[(FOLD_CAP + 1) * (SHORT_WORDS + 1) + 16];	/* + room for
				   fold_ascii_word's and bp_hash_pad's 8 bytes */
};

/* Where the next word's folding goes in fw (unit_features folds it there
 * directly). */
static char *
fwords_next(struct fwords *fw)
{
	return fw->fold + fw->flen + (fw->nw > 0);
}

/* Adds the word folded at fwords_next (n bytes, or n 0 when it is too
 * long for any phrase) to the unit's first words; first: it can start a
 * phrase. */
static void
fwords_add(struct fwords *fw, size_t n, int first, int alldig, size_t we)
{
	size_t k = fw->nw;

	if (k > 0)
		fw->fold[fw->flen++] = ' ';
	fw->off[k] = fw->flen;
	if (n == 0) {
		fw->fold[fw->flen++] = '\x01';	/* a word no phrase has */
		fw->first[k] = 0;
	} else {
		fw->flen += n;
		fw->first[k] = (unsigned char)first;
	}
	fw->alldig[k] = (unsigned char)alldig;
	fw->wend[k] = we;
	fw->nw++;
}

/* Looks the folded first words of a unit up in the furniture table:
 * phrase at the start (line/start/tail kinds), or anywhere for short
 * units. */
static void
match_furniture(struct np_boilerplate *bp, struct fwords *fw, struct bp_unit *u)
{
	size_t nw = fw->nw, flen = fw->flen, i, j;
	const size_t *off = fw->off, *wend = fw->wend;
	const unsigned char *alldig = fw->alldig, *first = fw->first;
	const char *fold = fw->fold;

	if (nw == 0)
		return;
	/* a count before a line phrase: "[ 167 comments ]" */
	if (nw >= 2 && nw == u->words && alldig[0]) {
		const struct bp_word *w = bp_wordtab_find(&bp->furn, fold + off[1],
		    flen - off[1], bp_hash(BP_HASH_SEED, fold + off[1], flen - off[1]));

		if (w != NULL && w->kind != NULL && (w->where == BP_AT_LINE ||
		    w->where == BP_AT_TAIL)) {
			u->furn = w;
			u->furn_where = w->where;
			u->furn_end = wend[nw - 1];
			return;
		}
	}
	/* phrases at the start; the longest wins */
	for (j = first[0] ? 1 : (size_t)bp->max_phrase + 1; j <= nw && j <= (size_t)bp->max_phrase; j++) {
		size_t kl = (j < nw ? off[j] - 1 : flen);
		const struct bp_word *w = bp_wordtab_find(&bp->furn, fold, kl,
		    bp_hash(BP_HASH_SEED, fold, kl));
		size_t rest;

		if (w == NULL || w->kind == NULL)
			continue;
		/* words after the phrase that are only numbers ("Comments 12") */
		for (rest = j; rest < nw && alldig[rest]; rest++)
			;
		if ((w->where == BP_AT_LINE || w->where == BP_AT_TAIL) &&
		    rest == nw && nw == u->words) {
			u->furn = w;
			u->furn_where = w->where;
			u->furn_end = wend[j - 1];
		} else if (w->where == BP_AT_TAIL && nw == u->words && nw <= j + 3 &&
		    u->chars < 60) {
			/* "Leave a Comment Cancel Reply" */
			u->furn = w;
			u->furn_where = w->where;
			u->furn_end = wend[j - 1];
		} else if (w->where == BP_AT_START && j == nw && nw == u->words &&
		    strcmp(w->kind, "teaser") == 0) {
			/* a teaser phrase alone on its line ("Read more", "Lesen
			 * Sie auch") heads a box of links: it weighs as a tail */
			u->furn = w;
			u->furn_where = BP_AT_TAIL;
			u->furn_end = wend[j - 1];
		} else if ((w->where == BP_AT_START && !(strcmp(w->kind, "byline") == 0 &&
		    u->words > 12 && u->ends_term && u->loww * 2 > u->letters)) ||
		    (w->where == BP_AT_NAME && u->words <= 10 && u->capw + 1 >= u->letters)) {
			/* (a sentence of prose is no byline: "By the end of
			 * the summer ...") */
			/* (a name phrase starts a byline: "Von Jonas Becker") */
			u->furn = w;
			u->furn_where = BP_AT_START;
			u->furn_end = wend[j - 1];
		} else if (w->where == BP_AT_ANY && (u->words <= SHORT_WORDS ||
		    (w->flags & BP_W_CONSENT))) {
			u->furn = w;
			u->furn_where = BP_AT_ANY;
			u->furn_end = wend[j - 1];
		} else if ((w->where == BP_AT_LINE || w->where == BP_AT_TAIL) && u->furn == NULL) {
			/* a line phrase glued to the start of a longer unit
			 * ("ADVERTISEMENT NATO chief...") */
			u->furn = w;
			u->furn_where = -BP_AT_LINE;
			u->furn_end = wend[j - 1];
		}
	}
	if (u->furn != NULL && u->furn_where > 0)
		return;
	/* anywhere in a short unit; a consent banner's or a disclaimer's
	 * phrases in the first words of a long one too */
	for (i = 1; i < nw; i++) {
		if (!first[i])
			continue;
		for (j = i + 1; j <= nw && j - i <= (size_t)bp->max_phrase; j++) {
			size_t kl = (j < nw ? off[j] - 1 : flen) - off[i];
			const struct bp_word *w = bp_wordtab_find(&bp->furn, fold + off[i], kl,
			    bp_hash(BP_HASH_SEED, fold + off[i], kl));

			if (w != NULL && w->kind != NULL && w->where == BP_AT_ANY &&
			    (u->words <= SHORT_WORDS || (w->flags & BP_W_CONSENT))) {
				u->furn = w;
				u->furn_where = BP_AT_ANY;
				u->furn_end = wend[j - 1];
				return;
			}
		}
	}
}


enum { BC_PLAIN, BC_SPACE, BC_CONT, BC_SPECIAL };

/* What unit_features' byte loop does with each byte value. */
static const unsigned char byte_class[256] = {
	['\t'] = BC_SPACE, ['\n'] = BC_SPACE, ['\r'] = BC_SPACE, ['\f'] = BC_SPACE,
	[' '] = BC_SPACE, [','] = BC_SPECIAL, ['.'] = BC_SPECIAL, ['!'] = BC_SPECIAL,
	['?'] = BC_SPECIAL, ['|'] = BC_SPECIAL, [':'] = BC_SPECIAL, ['@'] = BC_SPECIAL,
	[0x80] = BC_CONT, [0x81] = BC_CONT, [0x82] = BC_CONT, [0x83] = BC_CONT,
	[0x84] = BC_CONT, [0x85] = BC_CONT, [0x86] = BC_CONT, [0x87] = BC_CONT,
	[0x88] = BC_CONT, [0x89] = BC_CONT, [0x8A] = BC_CONT, [0x8B] = BC_CONT,
	[0x8C] = BC_CONT, [0x8D] = BC_CONT, [0x8E] = BC_CONT, [0x8F] = BC_CONT,
	[0x90] = BC_CONT, [0x91] = BC_CONT, [0x92] = BC_CONT, [0x93] = BC_CONT,
	[0x94] = BC_CONT, [0x95] = BC_CONT, [0x96] = BC_CONT, [0x97] = BC_CONT,
	[0x98] = BC_CONT, [0x99] = BC_CONT, [0x9A] = BC_CONT, [0x9B] = BC_CONT,
	[0x9C] = BC_CONT, [0x9D] = BC_CONT, [0x9E] = BC_CONT, [0x9F] = BC_CONT,
	[0xA0] = BC_CONT, [0xA1] = BC_CONT, [0xA2] = BC_CONT, [0xA3] = BC_CONT,
	[0xA4] = BC_CONT, [0xA5] = BC_CONT, [0xA6] = BC_CONT, [0xA7] = BC_CONT,
	[0xA8] = BC_CONT, [0xA9] = BC_CONT, [0xAA] = BC_CONT, [0xAB] = BC_CONT,
	[0xAC] = BC_CONT, [0xAD] = BC_CONT, [0xAE] = BC_CONT, [0xAF] = BC_CONT,
	[0xB0] = BC_CONT, [0xB1] = BC_CONT, [0xB2] = BC_CONT, [0xB3] = BC_CONT,
	[0xB4] = BC_CONT, [0xB5] = BC_CONT, [0xB6] = BC_CONT, [0xB7] = BC_CONT,
	[0xB8] = BC_CONT, [0xB9] = BC_CONT, [0xBA] = BC_CONT, [0xBB] = BC_CONT,
	[0xBC] = BC_CONT, [0xBD] = BC_CONT, [0xBE] = BC_CONT, [0xBF] = BC_CONT,
	[0xC2] = BC_SPECIAL, [0xE2] = BC_SPECIAL, [0xE3] = BC_SPECIAL,
	[0xE4] = BC_SPECIAL, [0xE5] = BC_SPECIAL, [0xE6] = BC_SPECIAL,
	[0xE7] = BC_SPECIAL, [0xE8] = BC_SPECIAL, [0xE9] = BC_SPECIAL,
	[0xEA] = BC_SPECIAL, [0xEB] = BC_SPECIAL, [0xEC] = BC_SPECIAL,
	[0xED] = BC_SPECIAL, [0xEF] = BC_SPECIAL,
};

/* How many characters a byte starts: none for continuation bytes, two
 * for the lead bytes of kana, CJK ideographs and Hangul. */
static const unsigned char char_weight[256] = {
#define X16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
	X16(1), X16(1), X16(1), X16(1), X16(1), X16(1), X16(1), X16(1),
	X16(0), X16(0), X16(0), X16(0),
	X16(1), X16(1),
	1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1,
	X16(1)
#undef X16
};

/* Word character classes (bits) for unit_features' ASCII fast path: the
 * same set as words.c's tokenizer.  Bytes >= 0x80 are 0 here and take
 * the general path. */
enum { WC_DIGIT = 1, WC_UPPER = 2, WC_LOWER = 4 };

static const unsigned char word_class[256] = {
#define R10(v) v, v, v, v, v, v, v, v, v, v
	['0'] = R10(WC_DIGIT),
	['A'] = R10(WC_UPPER), R10(WC_UPPER), WC_UPPER, WC_UPPER, WC_UPPER, WC_UPPER,
	WC_UPPER, WC_UPPER,
	['a'] = R10(WC_LOWER), R10(WC_LOWER), WC_LOWER, WC_LOWER, WC_LOWER, WC_LOWER,
	WC_LOWER, WC_LOWER,
#undef R10
};

/* Byte counters of a unit: characters (trimmed, a run of white space
 * counting as one since w3m pads form fields and tables with spaces,
 * East Asian characters counting twice since one says about what two
 * Latin letters say), commas, sentence ends, separators, the copyright
 * sign.  unit_features feeds it every byte of the unit once, in order. */
struct bytefeat {
	size_t n2;		/* characters so far */
	unsigned prev;		/* the last byte was white space */
	size_t ws2;		/* white space runs of two or more (gaps) */
};

/* Counts punctuation byte buf[i] (of class BC_SPECIAL) of unit
 * [start, end) into u. */
static void
byte_special(struct bp_unit *u, const char *buf, size_t i, size_t start, size_t end)
{
	unsigned char c = (unsigned char)buf[i];

	if (c == ',')
		u->commas++;
	else if ((c == '.' || c == '!' || c == '?') && (i + 1 == end ||
	    buf[i + 1] == ' ' || buf[i + 1] == '\n' || buf[i + 1] == '"'))
		u->terms++;
	else if (c == '|')
		u->seps++;
	else if (c == ':')
		u->marks |= BP_MARK_COLON;
	else if (c == '@')
		u->marks |= BP_MARK_AT;
	else if (c == 0xC2 && i + 1 < end && (unsigned char)buf[i + 1] == 0xA9)
		u->copyright = 1;
	else if (c == 0xE2 && i + 2 < end && (unsigned char)buf[i + 1] == 0x80 &&
	    (unsigned char)buf[i + 2] == 0xA2 && i > start + 4)
		u->seps++;	/* an inner bullet */
	else if (c == 0xE2 && i + 2 < end && (unsigned char)buf[i + 1] == 0x80 &&
	    ((unsigned char)buf[i + 2] == 0x93 || (unsigned char)buf[i + 2] == 0x94))
		u->marks |= BP_MARK_DASH;	/* – — */
	else if (c == 0xE2 && i + 1 < end && (unsigned char)buf[i + 1] >= 0x94 &&
	    (unsigned char)buf[i + 1] <= 0x96)
		u->boxdraw++;	/* U+2500..U+25BF: a text browser's frame */
	else if (c == 0xE3 && i + 2 < end && (unsigned char)buf[i + 1] == 0x80 &&
	    ((unsigned char)buf[i + 2] == 0x82 || (unsigned char)buf[i + 2] == 0x81)) {
		if ((unsigned char)buf[i + 2] == 0x82)
			u->terms++;	/* 。 */
		else
			u->commas++;	/* 、 */
	} else if (c == 0xEF && i + 2 < end && (unsigned char)buf[i + 1] == 0xBC &&
	    ((unsigned char)buf[i + 2] == 0x81 || (unsigned char)buf[i + 2] == 0x9F ||
	    (unsigned char)buf[i + 2] == 0x8C)) {
		if ((unsigned char)buf[i + 2] == 0x8C)
			u->commas++;	/* ， */
		else
			u->terms++;	/* ！ ？ */
	}
}

/* Counts byte buf[i] of unit [start, end) into bf and u. */
static inline void
byte_feature(struct bp_unit *u, struct bytefeat *bf, const char *buf, size_t i, size_t start,
    size_t end)
{
	unsigned char c = (unsigned char)buf[i];
	unsigned k = byte_class[c];
	unsigned ws = k == BC_SPACE;

	/* branch-free: a code point counts (East Asian twice), a white
	 * space byte after another does not */
	bf->n2 += char_weight[c] - (ws & bf->prev);
	bf->ws2 += ws & bf->prev;
	bf->prev = ws;
	if (k == BC_SPECIAL)
		byte_special(u, buf, i, start, end);
}

/* Folds ASCII word w[0..n) (letters and digits only) into out: setting
 * bit 0x20 lower-cases a letter and leaves a digit as it is, so eight
 * bytes are folded at a time.  pad: w may be read, and out written, up
 * to n rounded up to 8 (the bytes after n are then garbage). */
static inline void
fold_ascii_word(const char *w, size_t n, int pad, char *out)
{
	size_t j = 0;
	uint64_t v;

	if (pad) {
		for (; j < n; j += 8) {
			memcpy(&v, w + j, 8);
			v |= 0x2020202020202020ull;
			memcpy(out + j, &v, 8);
		}
		return;
	}
	for (; j + 8 <= n; j += 8) {
		memcpy(&v, w + j, 8);
		v |= 0x2020202020202020ull;
		memcpy(out + j, &v, 8);
	}
	for (; j < n; j++)
		out[j] = (char)(w[j] | 0x20);
}

/* np_utf8_decode (c = s[0] >= 0x80, len > 0) with the common two- and
 * three-byte sequences decoded inline; the rest goes to np_utf8_decode. */
static inline int32_t
decode_high(const char *str, size_t len, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];

	if (c >= 0xC2 && c < 0xE0 && len >= 2 && (s[1] & 0xC0) == 0x80) {
		*adv = 2;
		return (int32_t)((c & 0x1F) << 6 | (s[1] & 0x3F));
	}
	/* E0 (overlong forms) and ED (surrogates) take the long way */
	if (c > 0xE0 && c < 0xF0 && c != 0xED && len >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*adv = 3;
		return (int32_t)((c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F));
	}
	return np_utf8_decode(str, len, adv);
}

/* True when ASCII word w[0..n) has two or more capital letters. */
static int
two_capitals(const char *w, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < 2; i++)
		k += w[i] >= 'A' && w[i] <= 'Z';
	return k >= 2;
}

static const char *const embed_marks[] = { "(@", NULL };

/* The number of an item marker at buf[s..e): one to three digits, then
 * '.' or ')' and a space ("3. Radishes", "12) Roger Waters"); 0 when
 * there is none. */
static unsigned
item_number(const char *buf, size_t s, size_t e)
{
	unsigned v = 0;
	size_t i = s;

	while (i < e && i - s < 3 && buf[i] >= '0' && buf[i] <= '9')
		v = v * 10 + (unsigned)(buf[i++] - '0');
	if (i == s || i + 1 >= e || (buf[i] != '.' && buf[i] != ')') || buf[i + 1] != ' ')
		return 0;
	return v;
}

/* When every line of buf[s..e) holds two or more cells (text, a run of
 * two or more spaces, text: a table row as a text browser lays it out;
 * a single line needs three cells), returns the number of lines, else 0. */
static int
table_lines(const char *buf, size_t s, size_t e)
{
	size_t i, lines = 0, gaps = 0, mingaps = SIZE_MAX, run = 0;
	int text = 0;
	char last = 0;

	for (i = s; i <= e; i++) {
		if (i == e || buf[i] == '\n') {
			if (text) {
				lines++;
				if (gaps < mingaps)
					mingaps = gaps;
				if (gaps == 0)
					return 0;
			}
			gaps = run = 0;
			text = 0;
		} else if (buf[i] == ' ') {
			run++;
		} else {
			/* (two spaces after a full stop are typing, not a cell) */
			if (text && run >= 2 && last != '.' && last != '!' && last != '?')
				gaps++;
			run = 0;
			text = 1;
			last = buf[i];
		}
	}
	return lines >= 2 || (lines == 1 && mingaps >= 2) ? (int)lines : 0;
}

/* The BP_MARK_* separators in buf[s..e). */
static unsigned
line_marks(const char *buf, size_t s, size_t e)
{
	unsigned m = 0;
	size_t i;

	for (i = s; i < e; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == ':')
			m |= BP_MARK_COLON;
		else if (c == '@')
			m |= BP_MARK_AT;
		else if (c == 0xE2 && i + 2 < e && (unsigned char)buf[i + 1] == 0x80 &&
		    ((unsigned char)buf[i + 2] == 0x93 || (unsigned char)buf[i + 2] == 0x94))
			m |= BP_MARK_DASH;
	}
	return m;
}

/* When buf[s..e) is two or more lines of records (each holds the same
 * field separators and none ends a sentence: "June 9 – Cork, Opera
 * House"), returns the number of lines, else 0. */
static int
record_lines(const char *buf, size_t s, size_t e, unsigned marks)
{
	size_t ls = s, n = 0;

	while (ls < e) {
		const char *nl = memchr(buf + ls, '\n', e - ls);
		size_t le = nl ? (size_t)(nl - buf) : e, t = bp_trim_end(buf, ls, le);

		if (t > ls) {
			if (line_marks(buf, ls, t) != marks || buf[t - 1] == '.')
				return 0;
			n++;
		}
		ls = le + 1;
	}
	return n >= 2 ? (int)n : 0;
}

/* The end of buf[s, e) before its closing quotes and brackets: " ' ) ]
 * ” ’ ». */
static size_t
strip_closers(const char *buf, size_t s, size_t e)
{
	while (e > s) {
		unsigned char c = (unsigned char)buf[e - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']')
			e--;
		else if (e - s >= 3 && (unsigned char)buf[e - 3] == 0xE2 &&
		    (unsigned char)buf[e - 2] == 0x80 && ((unsigned char)buf[e - 1] == 0x9D ||
		    (unsigned char)buf[e - 1] == 0x99))
			e -= 3;	/* ” ’ */
		else if (e - s >= 2 && (unsigned char)buf[e - 2] == 0xC2 &&
		    (unsigned char)buf[e - 1] == 0xBB)
			e -= 2;	/* » */
		else
			break;
	}
	return e;
}

/* True when buf[s, e) ends with a sentence end: . ! ? … 。 ！ ？ */
static int
is_term(const char *buf, size_t s, size_t e)
{
	unsigned char c;

	if (e <= s)
		return 0;
	c = (unsigned char)buf[e - 1];
	return c == '.' || c == '!' || c == '?' ||
	    (e - s >= 3 && (unsigned char)buf[e - 3] == 0xE2 &&
	    (unsigned char)buf[e - 2] == 0x80 && c == 0xA6) ||
	    (e - s >= 3 && (unsigned char)buf[e - 3] == 0xE3 &&
	    (unsigned char)buf[e - 2] == 0x80 && c == 0x82) ||
	    (e - s >= 3 && (unsigned char)buf[e - 3] == 0xEF &&
	    (unsigned char)buf[e - 2] == 0xBC && (c == 0x81 || c == 0x9F));
}

/* When buf[s, te) ends with a short bracketed group on its last line
 * holding a number ("[Al Maa-idah 8]", "[1]") that follows a sentence
 * end, the end before that group's opening bracket; else e unchanged.  A citation in
 * square brackets after the last sentence does not make the paragraph
 * a heading. */
static size_t
before_citation(const char *buf, size_t s, size_t te, size_t e)
{
	size_t i, lim, p, open = SIZE_MAX;
	int digit = 0;

	if (te <= s + 2 || buf[te - 1] != ']')
		return e;
	lim = te - s > 80 ? te - 80 : s;
	/* buf[i - 1] for i from te - 1 down to lim + 1: no index below s
	 * (the loop once stepped to i = SIZE_MAX when s was 0) */
	for (i = te - 1; i > lim; i--) {
		if (buf[i - 1] == '\n' || buf[i - 1] == ']')
			return e;
		if (buf[i - 1] == '[') {
			open = i - 1;
			break;
		}
		digit |= buf[i - 1] >= '0' && buf[i - 1] <= '9';
	}
	/* (a citation has its verse, page or note number; a link's label,
	 * "[Add News Headlines To Your Site]", none) */
	if (open == SIZE_MAX || open <= lim || !digit)
		return e;
	p = strip_closers(buf, s, bp_trim_end(buf, s, open));
	return is_term(buf, s, p) ? p : e;
}

/*
 * Computes the features of unit b into u: counts, stoplist hits per
 * language (the page's language is chosen afterwards), hash, furniture.
 * One pass over the bytes finds the words (words.c's rule, with a fast
 * path for ASCII: classified, folded and hashed without utf8proc) and
 * counts the byte features on the way.
 */
static void
unit_features(struct np_boilerplate *bp, const char *buf, const struct np_bp_block *b,
    struct bp_unit *u)
{
	size_t pos, ws, we, n, i, s, e, end = b->end, adv, j;
	int ascii, up, low;
	char fbuf[FOLD_CAP + 8], *f;	/* + room for fold_ascii_word's 8 bytes */
	uint64_t h = BP_HASH_SEED;
	size_t maxlen = bp->fold_max;
	struct fwords fw;
	struct bytefeat bf = { 0, 1, 0 };	/* a white space run before the start */

	memset(u, 0, sizeof *u);
	fw.nw = fw.flen = 0;
	if (bp->derived && bp->docstop.maxlen > maxlen)
		maxlen = bp->docstop.maxlen;
	pos = b->start;
	for (;;) {
		const struct bp_word *w = NULL;
		size_t wl;
		unsigned k, wc = 0;

		/* skip separators */
		while (pos < end) {
			unsigned char c = (unsigned char)buf[pos];

			if (c < 0x80) {
				unsigned kb = byte_class[c];

				if (word_class[c] != 0)
					break;
				if (kb == BC_SPACE) {
					size_t from = pos;

					/* a white space run counts once */
					bf.n2 += !bf.prev;
					bf.prev = 1;
					while (++pos < end &&
					    byte_class[(unsigned char)buf[pos]] == BC_SPACE)
						;
					bf.ws2 += pos - from >= 2;
					continue;
				}
				bf.n2++;	/* an ASCII character counts one */
				bf.prev = 0;
				if (kb == BC_SPECIAL)
					byte_special(u, buf, pos, b->start, end);
				pos++;
				continue;
			}
			if (!np_bp_cp_is_separator(decode_high(buf + pos, end - pos, &adv)))
				break;
			for (j = pos; j < pos + adv; j++)
				byte_feature(u, &bf, buf, j, b->start, end);
			pos += adv;
		}
		if (pos >= end)
			break;
		/* the word: its ASCII run first (plain characters) */
		ws = pos;
		while (pos < end && (k = word_class[(unsigned char)buf[pos]]) != 0) {
			wc |= k;
			pos++;
		}
		if (pos > ws) {
			bf.n2 += pos - ws;
			bf.prev = 0;
		}
		ascii = 1;
		if (pos < end && (unsigned char)buf[pos] >= 0x80) {
			/* it may go on with other scripts (np_bp_next_word's rule) */
			while (pos < end) {
				unsigned char c = (unsigned char)buf[pos];

				if (c < 0x80) {
					if (word_class[c] == 0)
						break;
					byte_feature(u, &bf, buf, pos, b->start, end);
					pos++;
					continue;
				}
				if (np_bp_cp_is_separator(decode_high(buf + pos, end - pos, &adv)))
					break;
				ascii = 0;
				for (j = pos; j < pos + adv; j++)
					byte_feature(u, &bf, buf, j, b->start, end);
				pos += adv;
			}
		}
		we = pos;
		wl = we - ws;
		u->words++;
		n = 0;
		f = fw.nw <= SHORT_WORDS ? fwords_next(&fw) : fbuf;
		if (wl <= maxlen) {
			if (!ascii)
				n = np_bp_fold_word(buf + ws, wl, 0, f, FOLD_CAP);
			else if (wl <= FOLD_CAP) {
				fold_ascii_word(buf + ws, wl, ws + ((wl + 7) & ~(size_t)7) <= end, f);
				n = wl;
			}
		}
		if (n > 0) {
			uint64_t wh = bp_hash_pad(BP_HASH_SEED, f, n);

			w = bp_wordtab_find(&bp->words, f, n, wh);
			h = bp_hash_combine(h, wh);
			if (bp->derived && bp_wordtab_find(&bp->docstop, f, n, wh) != NULL)
				u->stops++;
			if (fw.nw <= SHORT_WORDS)
				fwords_add(&fw, n, w != NULL && (w->flags & BP_W_FIRST),
				    ascii && wc == WC_DIGIT, we);
		} else {
			h = bp_hash_combine(h, bp_hash(BP_HASH_SEED, buf + ws, wl));
			if (fw.nw <= SHORT_WORDS)
				fwords_add(&fw, 0, 0, ascii && wc == WC_DIGIT, we);
		}
		if (w != NULL) {
			uint32_t lf = w->flags & ((1u << NP_BP_NLANGS) - 1);

			while (lf) {
				int l = __builtin_ctz(lf);

				if (u->lhits[l] < UINT16_MAX)
					u->lhits[l]++;
				lf &= lf - 1;
			}
			if (w->flags & BP_W_DATE)
				u->datew++;
		}
		if (buf[ws] >= '0' && buf[ws] <= '9') {
			u->digitw++;	/* numbers, "19th", "38mm" */
			continue;
		}
		if (ascii)
			up = word_class[(unsigned char)buf[ws]] == WC_UPPER;
		else
			word_case(buf + ws, wl, &up, &low);
		u->letters++;
		if (up) {
			u->capw++;
			if (u->words == 1)
				u->first_upper = 1;
			if (b->end - b->start < 800 && (ascii ? !(wc & WC_LOWER) &&
			    two_capitals(buf + ws, wl) : word_all_caps(buf + ws, wl)))
				u->capsw++;
		} else {
			u->loww++;	/* lower case, or a caseless script */
		}
	}
	u->hash = h == BP_HASH_SEED ? 1 : bp_mix64(h) | 1;
	/* a leading white space run counted nothing; a trailing run one */
	u->chars = bf.n2 > 0 && bf.prev ? bf.n2 - 1 : bf.n2;
	/* how it ends and starts */
	e = strip_closers(buf, b->start, bp_trim_end(buf, b->start, b->end));
	/* "... takwa.” [Al Maa-idah 8]": a bracketed citation after the
	 * sentence end hides it */
	if (e > b->start && !is_term(buf, b->start, e))
		e = before_citation(buf, b->start, bp_trim_end(buf, b->start, b->end), e);
	if (e > b->start) {
		unsigned char c = (unsigned char)buf[e - 1];

		u->ends_term = is_term(buf, b->start, e);
		u->ends_colon = c == ':';
		u->ends_period = c == '.';
		u->ends_ellipsis = e - b->start >= 3 && (memcmp(buf + e - 3, "...", 3) == 0 ||
		    memcmp(buf + e - 3, "\xE2\x80\xA6", 3) == 0);
	}
	s = bp_skip_space(buf, b->start, b->end);
	u->indent = s - b->start;
	if (s < b->end) {
		unsigned char c = (unsigned char)buf[s];

		u->bracket = c == '[';
		/* "— Name (@handle) date": an embedded post's signature */
		u->embed_sig = b->end - s > 4 && c == 0xE2 && (unsigned char)buf[s + 1] == 0x80 &&
		    (unsigned char)buf[s + 2] == 0x94 && u->chars < 120 &&
		    np_bp_has_any(buf, s, b->end, embed_marks);
		u->url = (b->end - s > 7 && memcmp(buf + s, "http://", 7) == 0) ||
		    (b->end - s > 8 && memcmp(buf + s, "https://", 8) == 0);
		u->bullet = c == '*' || c == '-' || c == '+' || (c == 0xE2 && s + 2 < b->end &&
		    (unsigned char)buf[s + 1] == 0x80 && (unsigned char)buf[s + 2] == 0xA2);
		u->listno = item_number(buf, s, b->end);
		if (u->listno > 0 && u->digitw > 0)
			u->digitw--;	/* the marker is not a figure of the text */
	}
	if (u->chars < 2000) {
		/* (only a unit with a run of white space can be a table) */
		if (bf.ws2 > 0)
			u->table = table_lines(buf, s, b->end);
		if (u->table == 0 && u->marks != 0 && memchr(buf + s, '\n', b->end - s) != NULL)
			u->table = record_lines(buf, s, b->end, u->marks);
	}
	/* w3m's mark of a picture: "[alt text]" alone on one line */
	if (u->bracket) {
		size_t te = bp_trim_end(buf, s, b->end);

		u->image = te > s + 1 && te - s < 200 && buf[te - 1] == ']' &&
		    memchr(buf + s + 1, '[', te - s - 1) == NULL &&
		    memchr(buf + s + 1, '\n', te - s - 1) == NULL &&
		    memchr(buf + s + 1, ']', te - s - 2) == NULL;
	}
	if (u->words >= 4 && s + 1 < b->end && (unsigned char)buf[s] >= 'A' &&
	    (unsigned char)buf[s] <= 'Z' && ((buf[s + 1] >= 'A' && buf[s + 1] <= 'Z') ||
	    buf[s + 1] == '.')) {
		struct np_span g[2];
		size_t lim = b->end < s + 120 ? b->end : s + 120;

		u->dateline = np_re_match_at(bp->re_dateline, buf, lim, s, g, 2) == 1;
		/* "WASHINGTON, DC - NOVEMBER 19: ..." is an agency photo caption */
		for (i = u->dateline ? g[1].end : lim; i < lim && i < g[1].end + 24; i++)
			if (buf[i] == ':' && i > 0 && buf[i - 1] >= '0' && buf[i - 1] <= '9') {
				u->dateline = 0;
				u->caption = u->chars < 600;
			}
	}
	if (u->words >= 2 && !u->ends_term && u->chars < 600) {
		struct np_span g[1];
		size_t from = e > b->start + 120 ? e - 120 : b->start;

		while (from > b->start && ((unsigned char)buf[from] & 0xC0) == 0x80)
			from--;
		if (np_bp_has_any(buf, from, b->end, caption_marks))
			u->caption |= np_re_search(bp->re_caption, buf,
			    bp_trim_end(buf, b->start, b->end), from, g, 1) == 1 &&
			    g[0].start > b->start;
	}
	if (u->words > 0) {
		if (fw.nw > SHORT_WORDS) {	/* only the start counts */
			fw.nw = SHORT_WORDS;
			fw.flen = fw.off[SHORT_WORDS] - 1;
		}
		match_furniture(bp, &fw, u);
	}
}

/* Counts repeated units of the page (by normalised hash). */
int
np_bp_count_repeats(struct np_boilerplate *bp, struct np_bp_result *res)
{
	size_t i;
	int rc;

	if ((rc = np_bp_hc_reset(&bp->rep_keys, &bp->rep_vals, &bp->rep_n, res->n)) != NP_OK)
		return rc;
	for (i = 0; i < res->n; i++) {
		size_t s;

		if (bp->u[i].words == 0)
			continue;
		s = np_bp_hc_slot(bp->rep_keys, bp->rep_n, bp->u[i].hash);
		bp->rep_keys[s] = bp->u[i].hash;
		bp->u[i].dup_first = bp->rep_vals[s] == 0;
		bp->rep_vals[s]++;
	}
	for (i = res->n; i-- > 0;) {	/* backwards: the last copy first */
		size_t sl;

		if (bp->u[i].words == 0)
			continue;
		sl = np_bp_hc_slot(bp->rep_keys, bp->rep_n, bp->u[i].hash);
		bp->u[i].dup = (int)(bp->rep_vals[sl] & 0x7fffffffu);
		bp->u[i].dup_last = !(bp->rep_vals[sl] & 0x80000000u);
		bp->rep_vals[sl] |= 0x80000000u;
	}
	return NP_OK;
}

/* Template lookup: true when the unit's text is in enough documents. */
static int
is_template(const struct np_boilerplate *bp, uint64_t h)
{
	size_t s;
	double need;

	if (bp->tpl_docs < 2 || bp->tpl_n == 0)
		return 0;
	s = np_bp_hc_slot(bp->tpl_keys, bp->tpl_n, h);
	if (bp->tpl_keys[s] != h)
		return 0;
	need = bp->o.template_share * (double)bp->tpl_docs;
	if (need < 2)
		need = 2;
	return (double)bp->tpl_vals[s] >= need;
}

/* Compiles the patterns this stage uses (the dateline one is also used by
 * cuts.c). */
int
np_bp_features_init(struct np_boilerplate *bp)
{
	char ebuf[128];

	bp->re_dateline = np_re_compile(DATELINE_RE, 0, ebuf, sizeof ebuf);
	bp->re_caption = np_re_compile(CAPTION_RE, 0, ebuf, sizeof ebuf);
	return bp->re_dateline != NULL && bp->re_caption != NULL ? NP_OK : NP_ENOMEM;
}

/* Computes the features of every unit of res into bp->u (grown to fit),
 * with the built-in stoplists. */
int
np_bp_unit_features(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res)
{
	size_t i;

	if (res->n > bp->ucap) {
		struct bp_unit *p = realloc(bp->u, res->n * sizeof *p);

		if (p == NULL)
			return NP_ENOMEM;
		bp->u = p;
		bp->ucap = res->n;
	}
	bp->derived = 0;
	for (i = 0; i < res->n; i++)
		unit_features(bp, buf, &res->v[i], &bp->u[i]);
	return NP_OK;
}

/* The page-level features after np_bp_unit_features: the language (and
 * the stopword count of every unit in it; a page no stoplist fits derives
 * its own and is measured again), site template, repeats. */
int
np_bp_page_features(struct np_boilerplate *bp, const char *buf, size_t len,
    struct np_bp_result *res)
{
	size_t i;
	int rc, lang;

	if (bp->lang >= 0) {
		lang = bp->lang;
	} else {
		/* the stoplist with most hits in the first DETECT_BYTES */
		size_t hits[NP_BP_NLANGS] = { 0 }, words = 0;
		int k;

		for (i = 0; i < res->n && res->v[i].start < DETECT_BYTES; i++) {
			words += bp->u[i].words;
			for (k = 0; k < NP_BP_NLANGS; k++)
				hits[k] += bp->u[i].lhits[k];
		}
		lang = -1;
		for (k = 0; k < NP_BP_NLANGS; k++)
			if ((bp->langs & 1u << k) && (lang < 0 || hits[k] > hits[lang]))
				lang = k;
		if (words >= 50 && (double)hits[lang] < 0.08 * (double)words) {
			/* no stoplist fits: the page's own frequent words */
			if ((rc = derive_stoplist(bp, buf, len)) != NP_OK)
				return rc;
			bp->derived = bp->docstop.used > 0;
			for (i = 0; bp->derived && i < res->n; i++)
				unit_features(bp, buf, &res->v[i], &bp->u[i]);
		}
	}
	if (!bp->derived)
		for (i = 0; i < res->n; i++)
			bp->u[i].stops = bp->u[i].lhits[lang];
	res->lang = bp->derived ? "page" : np_boilerplate_langs[lang];
	for (i = 0; i < res->n; i++)
		bp->u[i].is_template = bp->u[i].words > 0 && is_template(bp, bp->u[i].hash);
	if ((rc = np_bp_count_repeats(bp, res)) != NP_OK)
		return rc;
	return NP_OK;
}
