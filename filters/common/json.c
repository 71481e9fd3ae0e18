/*
 * json.c - JSON text: a validating scanner that finds a few members of an
 * object line without building it, string decoding, escaping by runs, and
 * the byte to code point offset map of JSON output.
 *
 * The scanner walks the line once, checks it against the JSON grammar
 * (RFC 8259, with one extension: a lone surrogate escape such as \ud800,
 * which Python's json.dumps writes, is accepted), and notes where the
 * members it was asked for are: the raw span of each one's value, or,
 * when a member is missing, the closing brace of the deepest object on
 * its path, where it can be added.  Nothing is converted (numbers of any
 * size stay text), so the frame can write the line back byte for byte
 * and splice in only what changed.  Strings, the bulk of a news line, are
 * skipped 16 bytes at a time (SSE2 where the compiler has it, else 8 with
 * word arithmetic) up to the next quote, backslash, control or non-ASCII
 * byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/json.h"
#include "newsprep/utf8.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- the run scanner ---- */

#ifdef __SSE2__
/* Bit i set when p[i] (of 16) needs a look in a JSON string: '"', '\\',
 * a control byte or a byte >= 0x80. */
static inline unsigned
special16(const char *p)
{
	const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
	const __m128i sp = _mm_set1_epi8(0x20);
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	/* signed: bytes >= 0x80 are negative, so less than 0x20 too */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q),
	    _mm_cmpeq_epi8(v, bs)), _mm_cmplt_epi8(v, sp)));
}
#endif

/* The same for the 8 bytes of w: the high bit of each byte that needs a
 * look.  A borrow can flag a byte after a special one, never one before
 * it, so the lowest flag is exact. */
static inline uint64_t
special8(uint64_t w)
{
	return ((w - 0x2020202020202020ull) | w |
	    ((w ^ 0x2222222222222222ull) - 0x0101010101010101ull) |
	    ((w ^ 0x5c5c5c5c5c5c5c5cull) - 0x0101010101010101ull)) & 0x8080808080808080ull;
}

/* Length of the run at s[0..n) of bytes that are plain in a JSON string:
 * printable ASCII other than '"' and '\\'. */
static inline size_t
plain_run(const char *s, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		unsigned bits = special16(s + i);

		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#else
	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (special8(w) != 0)
			break;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
			break;
	}
	return i;
}

/* Hex digit values plus one, 0 for any other byte (a table: \u escapes
 * are common, every non-ASCII character of a Python-written line is
 * one). */
static const unsigned char hexv[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16
};

/* Reads the four hex digits at s[i..i+4); -1 when they are not. */
static long
hex4(const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s + i;
	int a, b, c, d;

	if (i + 4 > n)
		return -1;
	a = hexv[u[0]] - 1;
	b = hexv[u[1]] - 1;
	c = hexv[u[2]] - 1;
	d = hexv[u[3]] - 1;
	if ((a | b | c | d) < 0)
		return -1;
	return (long)((a << 12) | (b << 8) | (c << 4) | d);
}

/* Length of the valid UTF-8 sequence at s[0..n) whose lead byte is >=
 * 0x80, or 0 when it is not one (overlong forms, surrogates and code
 * points past U+10FFFF are not valid).  Inline: it runs once per
 * non-ASCII character of every string. */
static inline size_t
utf8_len(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	unsigned c = s[0];

	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;

		return n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;

		return n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
		    (s[3] & 0xC0) == 0x80 ? 4 : 0;
	}
	return 0;
}

/*
 * Length of the run at s[0..n) that a JSON string holds as it is:
 * printable ASCII other than '"' and '\\', and valid UTF-8 sequences
 * (not the three-byte form of a surrogate).  The ASCII is skipped 16
 * bytes at a time; non-ASCII sequences are checked in the same loop, one
 * after another, so text in other scripts costs no call per character.
 * The run stops at the first byte a caller must look at.
 */
static size_t
text_run(const char *s, size_t n)
{
	size_t i = 0, adv;

	for (;;) {
		i += plain_run(s + i, n - i);
		if (i >= n || (unsigned char)s[i] < 0x80)
			return i;
		do {
			if ((adv = utf8_len(s + i, n - i)) == 0)
				return i;
			i += adv;
		} while (i < n && (unsigned char)s[i] >= 0x80);
	}
}

/* ---- the scanner ---- */

struct scan {
	const char *s;
	size_t n, i;
	const char *why;		/* the error, or NULL */
	const struct np_json_path *paths;
	struct np_json_hit *hits;
	int npaths;
	int on[NP_JSON_MAX_PATHS];	/* open containers that lie on path p */
	int escaped;			/* the last string scanned had an escape */
	struct np_buf key;		/* a key decoded for comparison */
	struct np_json_member *mem;	/* the top-level members */
	size_t nmem, memcap;
	int nomem;
};

static void
fail(struct scan *sc, const char *why)
{
	if (sc->why == NULL)
		sc->why = why;
}

static void
skip_ws(struct scan *sc)
{
	while (sc->i < sc->n) {
		char c = sc->s[sc->i];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		sc->i++;
	}
}

/* Scans the string whose opening quote is at sc->i; leaves sc->i after
 * the closing quote.  Checks escapes and UTF-8. */
static void
scan_string(struct scan *sc)
{
	const char *s = sc->s;
	size_t n = sc->n, i = sc->i + 1;

	sc->escaped = 0;
	for (;;) {
		unsigned char c;

		i += text_run(s + i, n - i);
		if (i >= n) {
			fail(sc, "unterminated string");
			sc->i = n;
			return;
		}
		c = (unsigned char)s[i];
		if (c == '"') {
			sc->i = i + 1;
			return;
		}
		if (c == '\\') {
			sc->escaped = 1;
			if (i + 1 >= n) {
				fail(sc, "unterminated string");
				sc->i = n;
				return;
			}
			switch (s[i + 1]) {
			case '"': case '\\': case '/': case 'b': case 'f':
			case 'n': case 'r': case 't':
				i += 2;
				continue;
			case 'u':
				if (hex4(s, i + 2, n) < 0) {
					fail(sc, "invalid \\u escape");
					sc->i = i;
					return;
				}
				i += 6;
				continue;
			default:
				fail(sc, "invalid escape");
				sc->i = i;
				return;
			}
		}
		if (c < 0x20) {
			fail(sc, "control character in a string");
			sc->i = i;
			return;
		}
		/* text_run stopped at a byte >= 0x80: not valid UTF-8 */
		fail(sc, "invalid UTF-8 in a string");
		sc->i = i;
		return;
	}
}

/* Scans a number at sc->i (the grammar only: any size is fine). */
static void
scan_number(struct scan *sc)
{
	const char *s = sc->s;
	size_t n = sc->n, i = sc->i, d;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else {
		fail(sc, "invalid number");
		return;
	}
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d) {
			fail(sc, "invalid number");
			sc->i = i;
			return;
		}
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d) {
			fail(sc, "invalid number");
			sc->i = i;
			return;
		}
	}
	sc->i = i;
}

/* True when the key whose raw text (between its quotes) is k[0..kn)
 * means seg[0..sn): equal bytes, or equal once decoded. */
static int
key_equals(struct scan *sc, const char *k, size_t kn, int escaped,
    const char *seg, size_t sn)
{
	if (!escaped)
		return kn == sn && memcmp(k, seg, sn) == 0;
	np_buf_clear(&sc->key);
	if (np_json_decode(&sc->key, k, kn) != NP_OK)
		return 0;
	return sc->key.len == sn && memcmp(sc->key.data, seg, sn) == 0;
}

/* A member key at container depth `depth` (1: the top-level object)
 * whose value starts at sc->i: notes it for the paths it lies on.
 * Returns a bit set of the paths whose next object this value is. */
static unsigned
member(struct scan *sc, int depth, size_t ks, size_t ke, int escaped)
{
	unsigned into = 0;
	int p;

	if (depth == 1) {
		if (np_grow(&sc->mem, &sc->memcap, sc->nmem, sizeof(*sc->mem), 32) != NP_OK) {
			sc->nomem = 1;
			fail(sc, "out of memory");
		} else {
			struct np_json_member *m = &sc->mem[sc->nmem++];

			m->key.start = ks;
			m->key.end = ke;
			m->escaped = escaped;
			m->value.start = m->value.end = sc->i;
		}
	}
	for (p = 0; p < sc->npaths; p++) {
		const struct np_json_path *pa = &sc->paths[p];
		struct np_json_hit *h = &sc->hits[p];
		int seg = depth - 1;

		if (sc->on[p] != depth || seg >= pa->n ||
		    !key_equals(sc, sc->s + ks, ke - ks, escaped, pa->seg[seg], pa->len[seg]))
			continue;
		/* a later member of the same name wins, as in every parser
		 * that keeps the last: forget what the earlier one held */
		h->found = 0;
		h->blocked = 0;
		h->depth = seg;
		if (seg == pa->n - 1) {
			h->found = 1;
			h->value.start = sc->i;
			h->string = sc->i < sc->n && sc->s[sc->i] == '"';
		} else if (sc->i < sc->n && sc->s[sc->i] == '{')
			into |= 1u << p;
		else
			h->blocked = 1;
	}
	return into;
}

/* Closes the span of each found member whose value ends at sc->i. */
static void
value_end(struct scan *sc, size_t start)
{
	int p;

	if (sc->nmem > 0 && sc->mem[sc->nmem - 1].value.start == start)
		sc->mem[sc->nmem - 1].value.end = sc->i;
	for (p = 0; p < sc->npaths; p++)
		if (sc->hits[p].found && sc->hits[p].value.start == start) {
			sc->hits[p].value.end = sc->i;
			if (sc->hits[p].string)
				sc->hits[p].escaped = sc->escaped;
		}
}

/*
 * The scan proper: an explicit stack of open containers (no recursion, so
 * nesting is bounded by NP_JSON_MAX_DEPTH, not by the C stack).  For each
 * open object it keeps its start and the paths it lies on.
 */
static struct scan the_scan;

static struct scan *
scan_state(void)
{
	return &the_scan;
}

int
np_json_scan(const char *s, size_t len, const struct np_json_path *paths,
    struct np_json_hit *hits, int npaths, struct np_json_error *err)
{
	struct scan *scp = scan_state();
#define sc (*scp)
	static unsigned char kind[NP_JSON_MAX_DEPTH];	/* '{' or '[' */
	static unsigned char nmem[NP_JSON_MAX_DEPTH];	/* members so far (0, 1 = some) */
	static size_t vstart[NP_JSON_MAX_DEPTH];	/* where the container's value began */
	int depth = 0, p;
	size_t ks = 0, ke = 0, start;
	int kesc = 0;

	sc.s = s;
	sc.n = len;
	sc.i = 0;
	sc.why = NULL;
	sc.paths = paths;
	sc.hits = hits;
	sc.npaths = npaths < NP_JSON_MAX_PATHS ? npaths : NP_JSON_MAX_PATHS;
	sc.nmem = 0;
	sc.nomem = 0;
	for (p = 0; p < sc.npaths; p++) {
		memset(&hits[p], 0, sizeof(hits[p]));
		sc.on[p] = 0;
	}
	skip_ws(&sc);
	if (sc.i >= len || s[sc.i] != '{') {
		fail(&sc, "not a JSON object");
		goto out;
	}
	for (;;) {
		/* here a value starts at sc.i (the top-level object first) */
		unsigned into = 0;

		if (depth == 0)
			into = (1u << sc.npaths) - 1;
		else if (kind[depth - 1] == '{')
			into = member(&sc, depth, ks, ke, kesc);
		start = sc.i;
		if (sc.i >= len) {
			fail(&sc, "expected a value");
			goto out;
		}
		switch (s[sc.i]) {
		case '{':
		case '[':
			if (depth == NP_JSON_MAX_DEPTH) {
				fail(&sc, "nesting too deep");
				goto out;
			}
			kind[depth] = (unsigned char)s[sc.i];
			nmem[depth] = 0;
			vstart[depth] = start;
			depth++;
			if (s[sc.i] == '{')
				for (p = 0; p < sc.npaths; p++)
					if (into & (1u << p)) {
						sc.on[p] = depth;
						hits[p].depth = depth - 1;
					}
			sc.i++;
			goto first_in_container;
		case '"':
			scan_string(&sc);
			break;
		case 't':
			if (len - sc.i >= 4 && memcmp(s + sc.i, "true", 4) == 0)
				sc.i += 4;
			else
				fail(&sc, "invalid literal");
			break;
		case 'f':
			if (len - sc.i >= 5 && memcmp(s + sc.i, "false", 5) == 0)
				sc.i += 5;
			else
				fail(&sc, "invalid literal");
			break;
		case 'n':
			if (len - sc.i >= 4 && memcmp(s + sc.i, "null", 4) == 0)
				sc.i += 4;
			else
				fail(&sc, "invalid literal");
			break;
		default:
			scan_number(&sc);
		}
		if (sc.why)
			goto out;
		value_end(&sc, start);
		/* after a value: a comma or the end of its container */
		for (;;) {
			skip_ws(&sc);
			if (sc.i >= len) {
				fail(&sc, depth ? "unexpected end of line" : "expected a value");
				goto out;
			}
			if (s[sc.i] == ',') {
				sc.i++;
				skip_ws(&sc);
				break;
			}
			if (s[sc.i] != (kind[depth - 1] == '{' ? '}' : ']')) {
				fail(&sc, kind[depth - 1] == '{' ? "expected ',' or '}'" :
				    "expected ',' or ']'");
				goto out;
			}
close_container:
			/* the container at depth closes at sc.i */
			if (kind[depth - 1] == '{')
				for (p = 0; p < sc.npaths; p++)
					if (sc.on[p] == depth) {
						if (hits[p].depth == depth - 1) {
							hits[p].close = sc.i;
							hits[p].empty = nmem[depth - 1] == 0;
						}
						sc.on[p] = depth - 1;
					}
			sc.i++;
			depth--;
			start = vstart[depth];
			value_end(&sc, start);
			if (depth == 0) {
				/* only white space may follow */
				skip_ws(&sc);
				if (sc.i != len)
					fail(&sc, "text after the object");
				goto out;
			}
		}
		goto next_in_container;
first_in_container:
		skip_ws(&sc);
		if (sc.i < len && s[sc.i] == (kind[depth - 1] == '{' ? '}' : ']'))
			goto close_container;
next_in_container:
		nmem[depth - 1] = 1;
		if (kind[depth - 1] == '{') {
			if (sc.i >= len || s[sc.i] != '"') {
				fail(&sc, "expected a string key");
				goto out;
			}
			ks = sc.i + 1;
			scan_string(&sc);
			if (sc.why)
				goto out;
			ke = sc.i - 1;
			kesc = sc.escaped;
			skip_ws(&sc);
			if (sc.i >= len || s[sc.i] != ':') {
				fail(&sc, "expected ':'");
				goto out;
			}
			sc.i++;
			skip_ws(&sc);
		}
	}
out:
	if (sc.nomem)
		return NP_ENOMEM;
	if (sc.why != NULL) {
		if (err != NULL) {
			err->why = sc.why;
			err->at = sc.i;
		}
		return NP_EINVAL;
	}
	return NP_OK;
#undef sc
}

/* The top-level members of the line np_json_scan checked last. */
const struct np_json_member *
np_json_scan_members(size_t *n)
{
	*n = scan_state()->nmem;
	return scan_state()->mem;
}

/* True when the raw key k of line means name (decoded when escaped). */
int
np_json_key_is(const char *line, const struct np_json_member *m, const char *name, size_t nl)
{
	return key_equals(scan_state(), line + m->key.start, m->key.end - m->key.start,
	    m->escaped, name, nl);
}

/* Splits "a.b.c" into a path; see json.h. */
int
np_json_path_parse(struct np_json_path *p, const char *dotted)
{
	const char *s = dotted, *dot;

	p->n = 0;
	for (;;) {
		if (p->n == NP_JSON_MAX_SEGS)
			return NP_EINVAL;
		dot = strchr(s, '.');
		p->seg[p->n] = s;
		p->len[p->n] = dot ? (size_t)(dot - s) : strlen(s);
		if (p->len[p->n] == 0)
			return NP_EINVAL;
		p->n++;
		if (dot == NULL)
			return NP_OK;
		s = dot + 1;
	}
}

/* A one-segment path for the key k. */
void
np_json_path_key(struct np_json_path *p, const char *k)
{
	p->n = 1;
	p->seg[0] = k;
	p->len[0] = strlen(k);
}

/* ---- decoding ---- */

/* Writes the code point cp as UTF-8 at d; returns the length.  A
 * surrogate (lone, from an escape) goes in as its three-byte form
 * (WTF-8), so it can be written back as the escape it was. */
static size_t
put_cp(char *d, long cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | (cp >> 6));
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | (cp >> 12));
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | (cp >> 18));
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decodes the inside of a valid JSON string; see json.h.  The decoded
 * text is never longer than the escaped one, so the room is made once
 * (with 16 bytes to spare for the stores of the scan) and filled without
 * checks. */
int
np_json_decode(struct np_buf *b, const char *s, size_t n)
{
	size_t i = 0, run;
	char *d;

	if (np_buf_reserve(b, n + 16) != NP_OK)
		return NP_ENOMEM;
	d = b->data + b->len;
	while (i < n) {
		long cp, lo;
		char c;

		/* copied as it is scanned: 16 bytes stored, kept up to the
		 * next backslash */
		run = 0;
#ifdef __SSE2__
		for (;; run += 16) {
			__m128i v;
			int bits;

			if (i + run + 16 > n) {
				const char *bs = memchr(s + i + run, '\\', n - i - run);
				size_t k = bs ? (size_t)(bs - (s + i + run)) : n - i - run;

				memcpy(d + run, s + i + run, k);
				run += k;
				break;
			}
			v = _mm_loadu_si128((const __m128i *)(const void *)(s + i + run));
			bits = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
			_mm_storeu_si128((__m128i *)(void *)(d + run), v);
			if (bits != 0) {
				run += (size_t)__builtin_ctz((unsigned)bits);
				break;
			}
		}
#else
		{
			const char *bs = memchr(s + i, '\\', n - i);

			run = bs ? (size_t)(bs - (s + i)) : n - i;
			memcpy(d, s + i, run);
		}
#endif
		d += run;
		i += run;
		if (i + 1 >= n)
			break;
		switch ((c = s[i + 1])) {
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u':
			if ((cp = hex4(s, i + 2, n)) < 0)
				return NP_EINVAL;
			i += 6;
			if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n && s[i] == '\\' &&
			    s[i + 1] == 'u' && (lo = hex4(s, i + 2, n)) >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
			d += put_cp(d, cp);
			continue;
		}
		*d++ = c;
		i += 2;
	}
	b->len = (size_t)(d - b->data);
	b->data[b->len] = '\0';
	return NP_OK;
}

/* ---- escaping ---- */

/* The escape of an ASCII byte that needs one, into u (7 bytes). */
static size_t
ascii_escape(unsigned char c, char *u)
{
	static const char hex[] = "0123456789abcdef";

	u[0] = '\\';
	switch (c) {
	case '"': u[1] = '"'; return 2;
	case '\\': u[1] = '\\'; return 2;
	case '\n': u[1] = 'n'; return 2;
	case '\t': u[1] = 't'; return 2;
	case '\r': u[1] = 'r'; return 2;
	}
	u[1] = 'u'; u[2] = '0'; u[3] = '0';
	u[4] = hex[c >> 4]; u[5] = hex[c & 15];
	return 6;
}

/* Input bytes escaped per reservation of output room: each can become
 * at most 6 bytes, so 4096 of them need 24 KB however long the text. */
#define ESC_BLOCK 4096
/* Room past the worst case: the loop stores 16 bytes at a time. */
#define ESC_SLACK 16

/* Copies the plain run at s[0..n) (as plain_run) to d and returns its
 * length: 16 bytes are stored at a time and d moves on by the part that
 * is plain, so d needs 16 bytes of room past the run. */
static inline size_t
copy_run(const char *s, size_t n, char *d)
{
	size_t i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		unsigned bits = special16(s + i);

		memcpy(d + i, s + i, 16);
		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
	/* the tail (short pieces are common) 8 bytes at a time */
	for (; i + 8 <= n; i += 8) {
		uint64_t w, t;

		memcpy(&w, s + i, 8);
		t = special8(w);
		memcpy(d + i, &w, 8);
		if (t != 0)
			return i + ((size_t)__builtin_ctzll(t) >> 3);
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
			break;
		d[i] = (char)c;
	}
	return i;
}

/*
 * Escapes s[0..n) into out by runs: the input goes in blocks, for each
 * the worst case of room is made once, and the text is copied as it is
 * scanned: 16 bytes are stored and the output moves on by the length of
 * their plain run, so a run costs no call and no second pass.  Valid
 * UTF-8 is copied (checked where it is met, one sequence after another);
 * with NP_JSON_SURROGATES the three-byte form of a surrogate is written
 * as its \uXXXX escape; any other invalid byte becomes U+FFFD.  A
 * sequence cut by the end of s is left unwritten when `partial`: the
 * return value is the number of bytes consumed.
 */
static size_t
escape_runs(struct np_buf *out, const char *s, size_t n, int flags, int partial, int *rc)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, bend, adv;
	char *d;

	*rc = NP_OK;
	while (i < n) {
		bend = n - i > ESC_BLOCK ? i + ESC_BLOCK : n;
		if (np_buf_reserve(out, 6 * (bend - i) + ESC_SLACK) != NP_OK) {
			*rc = NP_ENOMEM;
			return i;
		}
		d = out->data + out->len;
		while (i < bend) {
			unsigned char c;

			adv = copy_run(s + i, bend - i, d);
			i += adv;
			d += adv;
			if (i >= bend)
				break;
			c = (unsigned char)s[i];
			if (c < 0x80) {
				d += ascii_escape(c, d);
				i++;
				continue;
			}
			if ((adv = utf8_len(s + i, bend - i)) != 0) {
				/* valid UTF-8 is copied */
				d[0] = (char)c;
				if (adv > 1)
					d[1] = s[i + 1];
				if (adv > 2)
					d[2] = s[i + 2];
				if (adv > 3)
					d[3] = s[i + 3];
				d += adv;
				i += adv;
				continue;
			}
			/* a sequence the block cut: the next block reads it */
			if (bend < n && bend - i < 4)
				break;
			/* an invalid byte, a surrogate, or a sequence cut by the end */
			if (partial && n - i < 4) {
				size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0, k;

				for (k = 1; k < n - i && ((unsigned char)s[i + k] & 0xC0) == 0x80; k++)
					;
				if (need > n - i && k == n - i) {
					out->len = (size_t)(d - out->data);
					out->data[out->len] = '\0';
					return i;
				}
			}
			if ((flags & NP_JSON_SURROGATES) && c == 0xED && n - i >= 3 &&
			    ((unsigned char)s[i + 1] & 0xE0) == 0xA0 &&
			    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
				unsigned cp = 0xD000 | (((unsigned char)s[i + 1] & 0x3F) << 6) |
				    ((unsigned char)s[i + 2] & 0x3F);

				d[0] = '\\'; d[1] = 'u';
				d[2] = hex[(cp >> 12) & 15]; d[3] = hex[(cp >> 8) & 15];
				d[4] = hex[(cp >> 4) & 15]; d[5] = hex[cp & 15];
				d += 6;
				i += 3;
				continue;
			}
			memcpy(d, "\xEF\xBF\xBD", 3);
			d += 3;
			i++;
		}
		out->len = (size_t)(d - out->data);
		out->data[out->len] = '\0';
	}
	return n;
}

/* Appends s as a JSON string literal with its quotes; see json.h. */
int
np_json_escape(struct np_buf *b, const char *s, size_t n)
{
	int rc;

	if (np_buf_putc(b, '"') != NP_OK)
		return NP_ENOMEM;
	escape_runs(b, s, n, 0, 0, &rc);
	if (rc != NP_OK)
		return rc;
	return np_buf_putc(b, '"');
}

/* Appends s escaped, without quotes, keeping a cut sequence back in the
 * escaper; see json.h. */
int
np_json_esc_write(struct np_json_esc *e, struct np_buf *b, const char *s, size_t n)
{
	size_t used;
	int rc;

	/* first complete a sequence the last piece cut */
	while (e->ncarry > 0 && n > 0 && e->ncarry < sizeof(e->carry) &&
	    ((unsigned char)*s & 0xC0) == 0x80) {
		e->carry[e->ncarry++] = *s++;
		n--;
	}
	if (e->ncarry > 0) {
		used = escape_runs(b, e->carry, e->ncarry, e->flags, n > 0 ? 0 : 1, &rc);
		if (rc != NP_OK)
			return rc;
		memmove(e->carry, e->carry + used, e->ncarry - used);
		e->ncarry -= used;
		if (n == 0)
			return NP_OK;
	}
	used = escape_runs(b, s, n, e->flags, 1, &rc);
	if (rc != NP_OK)
		return rc;
	memcpy(e->carry, s + used, n - used);
	e->ncarry = n - used;
	return NP_OK;
}

/* Writes out what the escaper still holds (a cut sequence: U+FFFD). */
int
np_json_esc_end(struct np_json_esc *e, struct np_buf *b)
{
	int rc;

	if (e->ncarry > 0)
		escape_runs(b, e->carry, e->ncarry, e->flags, 0, &rc);
	else
		rc = NP_OK;
	e->ncarry = 0;
	return rc;
}

/* ---- code point offsets ---- */

/* Starts a map over s[0..len), keeping the memory of an earlier one. */
void
np_cpmap_reset(struct np_cpmap *m, const char *s, size_t len)
{
	m->s = s;
	m->len = len;
	m->byte = 0;
	m->cp = 0;
	m->nck = 0;
}

void
np_cpmap_free(struct np_cpmap *m)
{
	free(m->ck);
	memset(m, 0, sizeof(*m));
}

/* Length of the run of ASCII bytes at s[0..n), 16 at a time. */
static inline size_t
ascii_run16(const char *s, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		int bits = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));

		if (bits != 0)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
#endif
	return i + np_ascii_run(s + i, n - i);
}

/* Steps over one unit at s[0..n) whose lead byte is >= 0x80: a valid
 * UTF-8 sequence (a surrogate's three-byte form included: one code point
 * in the JSON string) or one invalid byte (one U+FFFD). */
static inline size_t
unit_len(const char *s, size_t n)
{
	size_t adv;
	unsigned char c = (unsigned char)s[0];

	if (c == 0xED && n >= 3 && ((unsigned char)s[1] & 0xE0) == 0xA0 &&
	    ((unsigned char)s[2] & 0xC0) == 0x80)
		return 3;
	adv = utf8_len(s, n);
	return adv ? adv : 1;
}

/*
 * Maps a byte offset to code points; see json.h.  Walking forward it
 * notes (byte, code point) at the first unit boundary of every
 * NP_CPMAP_STEP bytes, so a step back restarts from the nearest note, not
 * from the start: offsets in any order cost their distance plus at most
 * one step each.
 */
size_t
np_cpmap_get(struct np_cpmap *m, size_t byte)
{
	if (byte > m->len)
		byte = m->len;
	if (byte < m->byte) {
		size_t k = byte / NP_CPMAP_STEP;

		while (k > 0 && (k >= m->nck || m->ck[2 * k] > byte))
			k--;
		if (k < m->nck && m->ck[2 * k] <= byte) {
			m->byte = m->ck[2 * k];
			m->cp = m->ck[2 * k + 1];
		} else {
			m->byte = 0;
			m->cp = 0;
		}
	}
	while (m->byte < byte) {
		size_t stop = (m->nck + 1) * NP_CPMAP_STEP, run, adv;

		if (m->byte >= m->nck * NP_CPMAP_STEP && m->nck * NP_CPMAP_STEP <= m->len) {
			/* note the first boundary past each step */
			if (np_grow(&m->ck, &m->ckcap, 2 * m->nck + 1, sizeof(size_t), 64) == NP_OK) {
				m->ck[2 * m->nck] = m->byte;
				m->ck[2 * m->nck + 1] = m->cp;
				m->nck++;
			} else
				stop = SIZE_MAX;	/* no notes: still right, only slower */
		}
		if (stop > byte)
			stop = byte;
		if (stop <= m->byte)
			stop = m->byte + 1;
		/* ASCII runs, then the units that follow one another */
		while (m->byte < stop) {
			run = ascii_run16(m->s + m->byte, stop - m->byte);
			m->byte += run;
			m->cp += run;
			while (m->byte < stop && (unsigned char)m->s[m->byte] >= 0x80) {
				adv = unit_len(m->s + m->byte, m->len - m->byte);
				m->byte += adv;
				m->cp++;
			}
		}
	}
	return m->cp;
}
