/*
 * dates-int.h - private to the dates engine: the types its stages share
 * (tokens, values, the scan state, the context), small inline helpers
 * and the functions one stage calls in another.  The stages:
 *   dates.c     options, context, hits (the public entry points)
 *   tokens.c    lexicon lookup, the forward and backward token reader
 *   grammar.c   the expression grammar at an anchor (parse results)
 *   resolve.c   tense and resolution against the reference date
 *   values.c    value construction and TIMEX3 text
 *   scan.c      the scan loop: prefilter, parse, emit, numeric order
 *   dateline.c  datelines and single expressions
 *   calendar.c  Gregorian day numbers (dates-calendar.h)
 */
#ifndef NP_DATES_INT_H
#define NP_DATES_INT_H

#include <stdint.h>
#include <string.h>
#include "newsprep/dates.h"
#include "newsprep/lexicon.h"
#include <utf8proc.h>
#include "newsprep/utf8.h"
#include "dates-calendar.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Word classes of the lexicon (the letter in its value). */
enum cls {
	C_NONE = 0, C_MONTH = 'M', C_MABBR = 'A', C_WDAY = 'W', C_WABBR = 'w',
	C_DEICTIC = 'D', C_REF = 'R', C_UNIT = 'U', C_NUMW = 'N', C_ORD = 'O',
	C_SEASON = 'S', C_AGO = 'G', C_PREP = 'P', C_MOD = 'X', C_YEARW = 'Y',
	C_PART = 'H', C_FISCAL = 'F', C_HOLIDAY = 'I'
};

/* Units (C_UNIT numbers). */
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_HALF, U_DECADE,
	U_CENTURY, U_WEEKEND, U_FORTNIGHT, U_PERIOD };

/* Modifiers (C_MOD numbers). */
enum { X_LAST = 1, X_NEXT, X_THIS, X_EARLY, X_LATE, X_MID, X_EARLIER,
	X_LATER, X_THE, X_PAST, X_COMING, X_CURRENT, X_THAT, X_SAME, X_NEAR,
	X_LATEST, X_EDGE };

/* Value kinds. */
enum vkind { V_NONE, V_DAY, V_MONTH, V_YEAR, V_WEEK, V_WEEKEND, V_QUARTER,
	V_HALF, V_SEASON, V_DECADE, V_CENTURY, V_REF };

/* A value under construction; y/m/d of 0 (or -1 for y) mean unknown. */
struct val {
	enum vkind k;
	int y, m, d;
	int n;		/* week, quarter, half, season, decade, century, ref */
	int unres;	/* needed a reference that was missing */
	char pod[3];	/* part of day for a day value: "NI", "EV" or "" */
	int set;	/* a weekday repeated ("every Monday"): XXXX-WXX-d */
};

enum tkind { TK_END, TK_NUM, TK_WORD, TK_PUNCT };

/* One token. */
struct tok {
	size_t s, e;
	enum tkind k;
	long num;		/* TK_NUM value (saturated) */
	int nd;			/* TK_NUM digits */
	int ord;		/* TK_NUM with st/nd/rd/th/er/º suffix */
	int dec;		/* TK_NUM with an "s" suffix (1990s) */
	int glued;		/* TK_NUM with another letter suffix (3pm) */
	int cls, val;		/* lexicon class and number (TK_WORD) */
	int cap;		/* first letter upper case */
	int lower;		/* all letters lower case */
	int c;			/* TK_PUNCT: the byte (or 0x80+ for non-ASCII) */
	int brk;		/* a blank line (or start) lies before it */
	int nl;			/* white space before it holds a newline */
	size_t ws;		/* start of the white space before it */
	char w[16];		/* ASCII word, lower case (truncated) */
	int wlen;
	unsigned wh;		/* word_hash(w), filled by lex */
	const char *raw;	/* TK_WORD: its bytes (s..e), for non-ASCII words */
	int alone;		/* a modifier TimeML also tags alone (lexicon "*") */
	unsigned wbits;		/* TK_WORD: its CL_* classes */
};

#define NFWD 14
#define NBACK 6

/* Scan state for one buffer. */
struct scan {
	struct np_dates *d;
	const char *b;
	size_t len;
	size_t min;		/* left bound for a new hit (end of last hit) */
	struct tok f[NFWD];	/* tokens from the anchor on */
	int nf;
	struct tok bk[NBACK + 1];	/* bk[1] is the token before the anchor */
	int nb;
	size_t anchor;
};

struct pending {
	size_t hit;		/* index in the output */
	int a, b, c;		/* components as written */
	int cdig;		/* digits of c */
	int sep;
};

#define TENSE_WEIGHT 2	/* a tense doubles the distance of the other side */
#define NWCACHE 4096	/* slots of the word-lookup cache (a power of two) */

/* Longest key of the word-lookup cache: raw words up to this many bytes
 * are cached (a Cyrillic or Greek word of 8 letters already takes 16). */
#define NP_DT_WKEY 48

/* A cached lexicon answer for a word (lower-cased ASCII or raw bytes). */
struct wcache {
	char w[NP_DT_WKEY];
	signed char cls;
	unsigned char used;
	unsigned char alone;
	int val;
};

#define NTENSE 1024	/* slots of the tense-marker table (a power of two) */

/* A word of a raw word table: a tense marker (a word or, with a leading
 * '-', a word ending) or a function word of the language guess. */
struct np_tense_word {
	char w[24];
	signed char v;		/* +1 future, -1 past, 2 clause word, 0 none */
	unsigned short langs;	/* NP_DATES_* bits */
	unsigned bits;		/* CL_* word classes (dates-classes.tsv) */
};

/* Closed word classes of the grammar (letters of dates-classes.tsv). */
enum {
	CL_OF = 1 << 0, CL_FUNC = 1 << 1, CL_VERSION = 1 << 2, CL_EVERY = 1 << 3,
	CL_CALL = 1 << 4, CL_HEDGE = 1 << 5, CL_YEARCTX = 1 << 6, CL_COUNT = 1 << 7,
	CL_STREET = 1 << 8, CL_RANGE = 1 << 9, CL_ENMOD = 1 << 10, CL_ATTR = 1 << 11,
	CL_LCMONTH = 1 << 12, CL_ENMONTH = 1 << 13, CL_GENMONTH = 1 << 14,
	CL_MOMENTPRE = 1 << 15
};

/* Byte classes of the scan loop. */
enum { CT_OTHER = 0, CT_ALPHA, CT_DIGIT, CT_QUOTE, CT_HIGH };

struct np_dates {
	struct np_dates_opts o;
	struct np_lexicon *lx;
	uint16_t *gram;		/* 27^3 length masks of anchor words */
	uint16_t *gram_all;	/* the same for every word of the lexicon */
	/* per document */
	int has_ref;
	int ry, rm, rd;
	long rz;		/* reference day number */
	int order_dmy[3], order_mdy[3];	/* evidence per separator / - . */
	int last_q, last_qy;	/* last quarter mentioned */
	int last_y;		/* last year written out */
	struct pending *pend;
	size_t npend, cappend;
	int no_ref_ok;		/* parse mode: no reference wanted */
	struct np_tense_word tw[NTENSE];	/* tense markers (dates-tense.tsv) */
	unsigned char suf_last[8192];	/* last two bytes of the marker endings */
	unsigned suf_lens;	/* bit m: some marker ending has m bytes */
	unsigned char tw_bloom[1024];	/* word_hash() bits of the tense markers */
	struct np_tense_word lw[NTENSE];	/* function words (dates-langs.tsv) */
	struct np_tense_word rw[NTENSE];	/* non-ASCII lexicon words as written */
	struct np_tense_word cw[NTENSE];	/* word classes (dates-classes.tsv) */
	unsigned char cw_bloom[1024];	/* word_hash() bits of the class words */
	unsigned char hi_bloom[8192];	/* starts of the non-ASCII lexicon words */
	unsigned doc_lang;	/* the document's language guess (NP_DATES_* bit) */
	int doc_lang_done;	/* doc_lang has been guessed */
	const char *cur_b;	/* the buffer being scanned (for the guess) */
	size_t cur_len;
	unsigned char ctab[256];	/* byte classes for the scan loop */
	unsigned char gtab[256];	/* gidx() of every byte */
	unsigned char letter_lo[0x800 / 8];	/* np_cp_is_letter() below U+0800 */
	int32_t lower_lo[0x800];	/* utf8proc_tolower() below U+0800 */
	struct wcache wc[NWCACHE];	/* lexicon answers for ASCII words */
};

/* A parse result. */
struct res {
	size_t s, e;
	struct val v;
	int pending;		/* numeric date waiting for the order */
	int yexp;		/* the year was written out: later "that year" */
	struct pending p;
	int rng_m, rng_d;	/* a range's last day (month 0: no range) */
	int rng_y;		/* its year when written, else -1 (the start's) */
};

/* Index of an ASCII letter for the prefilter (0 for anything else). */
static inline int
gidx(unsigned char c)
{
	c |= 0x20;
	return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
}

/* ASCII lower case without the locale. */
static inline int
lc(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* ASCII letter. */
static inline int
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* ASCII digit. */
static inline int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Hash of a short lower-case word. */
static inline unsigned
word_hash(const char *w)
{
	unsigned h = 2166136261u;

	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* Length of the run of ASCII letters at u[0..max), eight bytes at a
 * time where the byte order allows (the scan loop's inner step). */
static inline size_t
alpha_run(const unsigned char *u, size_t max)
{
	size_t n = 0;
#ifdef __SSE2__
	/* b | 0x20 in 'a'..'z', moved to the bottom of the signed range so
	 * one signed compare finds them (bytes >= 0x80 land elsewhere) */
	const __m128i lo = _mm_set1_epi8(0x20), shift = _mm_set1_epi8((char)(0x80 - 'a'));
	const __m128i top = _mm_set1_epi8((char)(0x80 + 26));

	while (n + 16 <= max) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + n));
		__m128i x = _mm_add_epi8(_mm_or_si128(v, lo), shift);
		unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, top)) ^ 0xffffu;

		if (bits)
			return n + (size_t)__builtin_ctz(bits);
		n += 16;
	}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
	const uint64_t h = 0x8080808080808080ull;
	uint64_t v, y, non;

	while (n + 8 <= max) {
		memcpy(&v, u + n, 8);
		y = (v | 0x2020202020202020ull) & 0x7f7f7f7f7f7f7f7full;
		/* a letter: below 0x80, and 'a' <= y <= 'z' once folded */
		non = ~(((y + 0x1f1f1f1f1f1f1f1full) & h) & ~((y + 0x0505050505050505ull) & h) &
		    ~(v & h)) & h;
		if (non)
			return n + ((size_t)__builtin_ctzll(non) >> 3);
		n += 8;
	}
#endif
	while (n < max && is_alpha(u[n]))
		n++;
	return n;
}

/* np_utf8_decode() with the two-byte sequences (Latin, Greek, Cyrillic)
 * decoded in line: the same answer, without a call. */
static inline int32_t
dt_decode(const char *s, size_t len, size_t *adv)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= 0xc2 && u[0] < 0xe0 && len >= 2 && (u[1] & 0xc0) == 0x80) {
		*adv = 2;
		return (int32_t)(((u[0] & 0x1f) << 6) | (u[1] & 0x3f));
	}
	return np_utf8_decode(s, len, adv);
}

/* np_cp_is_letter(), from the context's bitmap below U+0800. */
static inline int
dt_letter(const struct np_dates *d, int32_t cp)
{
	if (cp >= 0x80 && cp < 0x800)
		return (d->letter_lo[cp >> 3] >> (cp & 7)) & 1;
	return np_cp_is_letter(cp);
}

/* utf8proc_tolower(), from the context's table below U+0800 (Latin,
 * Greek, Cyrillic, Arabic words are lower-cased without a call). */
static inline int32_t
dt_tolower(const struct np_dates *d, int32_t cp)
{
	if (cp >= 0 && cp < 0x800)
		return d->lower_lo[cp];
	return utf8proc_tolower(cp);
}

/* tokens.c: lexicon lookup and the token reader */
int np_dt_lang_bit(const char *s, size_t n);
unsigned np_dt_lang_mask(const char *s, size_t n);
unsigned np_dt_doc_lang(struct np_dates *d);
void np_dt_langs_init(struct np_dates *d);
size_t np_dt_lower(const struct np_dates *d, const char *s, size_t n, char *w, size_t cap);
int np_dt_hi_start(const struct np_dates *d, const char *s, size_t n);
void np_dt_wt_load(struct np_tense_word *tab, const char *p, size_t len,
    unsigned char *suf_last, int only_high);
const struct np_tense_word *np_dt_wt_find(const struct np_tense_word *tab,
    const char *k, size_t n);
const struct np_tense_word *np_dt_wt_find_h(const struct np_tense_word *tab,
    const char *k, size_t n, unsigned h);
size_t np_dt_lex(struct np_dates *d, const char *b, size_t len, size_t pos,
    struct tok *t, int full);
size_t np_dt_back_start(const char *b, size_t pos, size_t min);

/* values.c: values and their TIMEX3 text */
void np_dt_format_value(const struct val *v, char *out, size_t cap);
void np_dt_val_day(struct val *v, long z);
void np_dt_val_week(struct val *v, long z);
void np_dt_val_unres(struct val *v, enum vkind k);
int np_dt_valid_ymd(int y, int m, int d);

/* resolve.c: tense and resolution against the reference */
void np_dt_tense_init(struct np_dates *d);
int np_dt_tense(struct scan *S, size_t s, size_t e);
void np_dt_rel_unit(struct np_dates *d, struct val *v, int unit, int n);
void np_dt_year_back_quarter(struct np_dates *d, struct val *v);
void np_dt_resolve_year(struct scan *S, struct val *v, int dir, size_t s,
    size_t e);
void np_dt_resolve_weekday(struct scan *S, struct val *v, int wd, int dir,
    size_t s, size_t e);

/* grammar.c: the expression grammar */
int np_dt_parse_anchor(struct scan *S, struct res *r);

/* scan.c: the scan loop */
void np_dt_scan_init(struct scan *S, struct np_dates *d, const char *b,
    size_t len);

/* True when the token is a word of the closed class(es) bits. */
static inline int
word_class(const struct tok *t, unsigned bits)
{
	return t->k == TK_WORD && (t->wbits & bits) != 0;
}

/* Token tests: a word, a punctuation byte, adjacency, a class, a modifier. */
static inline int
is_word(const struct tok *t, const char *w)
{
	return t->k == TK_WORD && strcmp(t->w, w) == 0;
}

static inline int
is_p(const struct tok *t, int c)
{
	return t->k == TK_PUNCT && t->c == c;
}

/* Adjacent: no white space between a and b. */
static inline int
adj(const struct tok *a, const struct tok *b)
{
	return a->e == b->s;
}

static inline int
is_cls(const struct tok *t, int cls)
{
	return t->k == TK_WORD && t->cls == cls;
}

static inline int
is_mod(const struct tok *t, int x)
{
	return t->k == TK_WORD && t->cls == C_MOD && t->val == x;
}

/* The slot of a numeric date's separator in the order evidence. */
static inline int
sep_index(int c)
{
	return c == '/' ? 0 : c == '-' ? 1 : 2;
}

#endif
