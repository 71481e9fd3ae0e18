/*
 * cuts.c - the inline-cut stage of the boilerplate engine: furniture
 * inside a kept unit.
 *
 * Furniture glued to the start of a long kept unit (a newsletter prompt,
 * "ADVERTISEMENT", a photo caption before a dateline) or to its end (a
 * teaser, a support prompt, an agency signature) is cut off, and
 * captions flattened into the middle of a long line are left out as
 * holes; the rest stays byte-identical.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/boilerplate.h"
#include "newsprep/re.h"
#include "newsprep/utf8.h"
#include "bp.h"

/* Furniture glued to the end of a line: a trailing advertisement mark,
 * a teaser, a newsletter or support prompt, a bare agency signature
 * after the last sentence ("... imagery. REUTERS"). */
static const char TAILCUT_RE[] =
    "(?:\\s+(?:ADVERTISEMENT|Advertisement|Anzeige|ANZEIGE|Publicité|PUBLICITÉ|Publicidad|Pubblicità)"
    "|\\s+(?:Read more|READ MORE|Read also|See also|Lire aussi|Mehr zum Thema|Lesen Sie auch|"
    "Leia também|Leggi anche|Lees ook|Czytaj także|Читайте также|Читайте також|Lee también)"
    ":[^.!?\\n]{1,200}"
    "|\\s+(?:Sign up|Subscribe)\\b[^.!?\\n]{0,120}(?:newsletter|inbox)[^.!?\\n]{0,60}"
    "|(?<=[.!?\"\\x{201D}])\\s+(?:Support|Donate to|Subscribe to|Follow us|Join us)\\b[^.!?\\n]{0,60}[.!]?"
    "|(?<=[.!?\"\\x{201D}])\\s+(?:REUTERS|AFP|AP|dpa|DPA|EFE|ANSA|Xinhua|XINHUA|PAP|TASS|ТАСС|UNIAN|УНІАН))\\s*$";

/* Literal text every match of TAILCUT_RE holds (one per alternative's
 * words), so that a unit holding none of it is not searched. */
static const char *const tailcut_lits[] = {
	"ADVERTISEMENT", "Advertisement", "Anzeige", "ANZEIGE", "Publicité", "PUBLICITÉ",
	"Publicidad", "Pubblicità",
	"Read more:", "READ MORE:", "Read also:", "See also:", "Lire aussi:", "Mehr zum Thema:",
	"Lesen Sie auch:", "Leia também:", "Leggi anche:", "Lees ook:", "Czytaj także:",
	"Читайте также:", "Читайте також:", "Lee también:",
	"newsletter", "inbox",
	"Support", "Donate to", "Subscribe to", "Follow us", "Join us",
	"REUTERS", "AFP", "AP", "dpa", "DPA", "EFE", "ANSA", "Xinhua", "XINHUA", "TASS",
	"ТАСС", "UNIAN", "УНІАН", NULL
};

static const char *const midcap_marks[] = { "AP Photo", "Getty Images", "REUTERS/", "Photo: ",
	"Credit: ", "Foto: ", "Photograph: ", NULL };
static const char *const tail_marks[] = { ":", "newsletter", "inbox", "Support", "Donate",
	"Subscribe", "Follow us", "Join us", NULL };

/* First bytes of a NULL-terminated needle list, for has_lit: one bit per
 * one-byte needle and per first byte pair of a longer one. */
struct bp_litmap {
	uint64_t single[4];
	uint64_t pairs[1024];
};

/* Fills m for needles. */
static void
litmap_init(struct bp_litmap *m, const char *const *needles)
{
	memset(m, 0, sizeof *m);
	for (; *needles != NULL; needles++) {
		unsigned c = (unsigned char)(*needles)[0], p;

		if ((*needles)[1] == '\0') {
			m->single[c >> 6] |= 1ull << (c & 63);
			continue;
		}
		p = c << 8 | (unsigned char)(*needles)[1];
		m->pairs[p >> 6] |= 1ull << (p & 63);
	}
}

/* True when one of the needles (m made from them) occurs in buf[s, e):
 * has_any in one pass over the text, however many needles. */
static int
has_lit(const char *buf, size_t s, size_t e, const char *const *needles,
    const struct bp_litmap *m)
{
	const char *const *l;
	size_t i, n;

	for (i = s; i < e; i++) {
		unsigned c = (unsigned char)buf[i], p;

		if (m->single[c >> 6] & (1ull << (c & 63)))
			return 1;
		if (i + 1 >= e)
			break;
		p = c << 8 | (unsigned char)buf[i + 1];
		if (!(m->pairs[p >> 6] & (1ull << (p & 63))))
			continue;
		for (l = needles; *l != NULL; l++)
			if ((*l)[0] == buf[i] && (*l)[1] != '\0' && (*l)[1] == buf[i + 1] &&
			    (n = strlen(*l)) <= e - i && memcmp(buf + i, *l, n) == 0)
				return 1;
	}
	return 0;
}

/* A photo caption inside a flattened paragraph: after a sentence end,
 * words without a sentence end of their own that finish with a credit,
 * and then the next sentence ("... standardisation. Ishiba speaks at a
 * press conference in Tokyo, 9 April, 2025 AP Photo They also ..."). */
static const char MIDCAP_RE[] =
    "(?<=[.!?\"\\x{201D}] )([^.!?\\n]{15,300}?\\b(?:AP Photo|AFP via Getty Images|Getty Images|"
    "REUTERS/\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,3}(?:/File Photo)?|"
    "(?:Photo|Credit|Foto|Photograph): [^.!?:\\n]{2,60}?) )(?=\\p{Lu})";

/* Compiles this stage's patterns and literal maps. */
int
np_bp_cuts_init(struct np_boilerplate *bp)
{
	char ebuf[128];

	if ((bp->tailcut_map = malloc(sizeof *bp->tailcut_map)) == NULL)
		return NP_ENOMEM;
	litmap_init(bp->tailcut_map, tailcut_lits);
	bp->re_tailcut = np_re_compile(TAILCUT_RE, 0, ebuf, sizeof ebuf);
	bp->re_midcap = np_re_compile(MIDCAP_RE, 0, ebuf, sizeof ebuf);
	return bp->re_tailcut != NULL && bp->re_midcap != NULL ? NP_OK : NP_ENOMEM;
}

/* True when the phrase that ends at `from` is a mark glued before the
 * text ("ADVERTISEMENT NATO chief", "Advertisement: The ..."), not the
 * text's first words ("Advertising executives said"): punctuation or a
 * capital follows it. */
static int
glued_mark(const char *buf, const struct np_bp_block *b, size_t from)
{
	size_t i = bp_skip_space(buf, from, b->end), adv;
	int32_t cp;

	if (i >= b->end)
		return 0;
	if (buf[i] == ':' || buf[i] == '|' || buf[i] == '-')
		return 1;
	if (i == from)
		return 0;	/* no space after it */
	cp = np_utf8_decode(buf + i, b->end - i, &adv);
	return np_cp_is_upper(cp) || cp == '"' || cp == 0x201C;
}

/* True when the last word of buf[s, e) starts with a capital
 * ("... next year. REUTERS", "... ADVERTISEMENT"). */
static int
last_word_capital(const char *buf, size_t s, size_t e)
{
	size_t i = e;

	while (i > s && (buf[i - 1] == ' ' || buf[i - 1] == '\t' || buf[i - 1] == '\r'))
		i--;
	while (i > s && buf[i - 1] != ' ' && buf[i - 1] != '\t')
		i--;
	return i < e && (((unsigned char)buf[i] >= 'A' && (unsigned char)buf[i] <= 'Z') ||
	    (unsigned char)buf[i] >= 0xC0);
}

/* Appends a hole to the result's storage. */
static int
add_hole(struct np_bp_result *res, struct np_span h)
{
	if (np_grow(&res->hole_v, &res->hole_cap, res->hole_n, sizeof *res->hole_v, 16) != NP_OK)
		return NP_ENOMEM;
	res->hole_v[res->hole_n++] = h;
	return NP_OK;
}

/* Length of a lynx link mark "[12]" at buf[i] (before end), glued to the
 * word it marks; 0 when there is none. */
static size_t
lynx_mark(const char *buf, size_t i, size_t end)
{
	size_t j = i + 1;

	while (j < end && j - i <= 5 && buf[j] >= '0' && buf[j] <= '9')
		j++;
	if (j == i + 1 || j >= end || buf[j] != ']' || j + 1 >= end)
		return 0;
	return buf[j + 1] != ' ' && buf[j + 1] != '\n' && buf[j + 1] != '\r' ? j + 1 - i : 0;
}

/* True when the page is a lynx dump: three or more link marks glued to
 * their words. */
static int
lynx_page(const char *buf, size_t len)
{
	const char *p = buf, *e = buf + len;
	int n = 0;

	while (n < 3 && (p = memchr(p, '[', (size_t)(e - p))) != NULL) {
		n += lynx_mark(buf, (size_t)(p - buf), len) > 0;
		p++;
	}
	return n >= 3;
}

/* Leaves the lynx link marks inside the kept part of b out (after its
 * caption holes, merged in order). */
static int
lynx_marks(const char *buf, struct np_bp_result *res, struct np_bp_block *b)
{
	size_t i = b->keep_start, first = res->hole_n - (size_t)b->nholes, k, m;
	const char *p;
	int rc;

	while (i < b->keep_end && (p = memchr(buf + i, '[', b->keep_end - i)) != NULL) {
		size_t at = (size_t)(p - buf);

		if ((m = lynx_mark(buf, at, b->keep_end)) == 0) {
			i = at + 1;
			continue;
		}
		for (k = first; k < res->hole_n; k++)
			if (res->hole_v[k].start <= at && at < res->hole_v[k].end)
				break;
		if (k == res->hole_n) {
			if ((rc = add_hole(res, (struct np_span){ at, at + m })) != NP_OK)
				return rc;
			b->nholes++;
			/* keep the unit's holes in order (few: insertion) */
			for (k = res->hole_n - 1; k > first &&
			    res->hole_v[k - 1].start > res->hole_v[k].start; k--) {
				struct np_span t = res->hole_v[k];

				res->hole_v[k] = res->hole_v[k - 1];
				res->hole_v[k - 1] = t;
			}
		}
		i = at + m;
	}
	return NP_OK;
}

/* True when the sentence buf[s, e) is furniture: it starts with a
 * furniture phrase of two words or more, or is all of a line phrase
 * ("Advertisement."); bylines and credits do not count ("By then ..." is
 * prose, "(Reporting by ...)" belongs to the story), or it holds the
 * copyright sign. */
static int
furniture_clause(const struct np_boilerplate *bp, const char *buf, size_t s, size_t e)
{
	char key[(FOLD_CAP + 1) * MAX_PHRASE + 16];
	size_t pos = s, ws, we, kl = 0, nw = 0, n, i;
	int ascii;

	for (i = s; i + 1 < e; i++)
		if ((unsigned char)buf[i] == 0xC2 && (unsigned char)buf[i + 1] == 0xA9)
			return 1;
	while (nw < (size_t)bp->max_phrase && np_bp_next_word(buf, e, &pos, &ws, &we, &ascii)) {
		const struct bp_word *w;

		if (kl > 0)
			key[kl++] = ' ';
		if ((n = np_bp_fold_word(buf + ws, we - ws, ascii, key + kl, FOLD_CAP)) == 0)
			return 0;
		kl += n;
		nw++;
		w = bp_wordtab_find(&bp->furn, key, kl, bp_hash(BP_HASH_SEED, key, kl));
		if (w == NULL || w->kind == NULL || strcmp(w->kind, "byline") == 0 ||
		    strcmp(w->kind, "credit") == 0)
			continue;
		if (w->where != BP_AT_LINE && nw >= 2)
			return 1;
		/* a line phrase: nothing but punctuation may follow */
		for (i = we; i < e; i++)
			if (buf[i] != '.' && buf[i] != ' ' && buf[i] != '!' && buf[i] != '\r')
				break;
		if (i == e)
			return 1;
	}
	return 0;
}

/*
 * Furniture sentences at the end of a long kept unit (a flattened page's
 * footer: "... a good rye. Share this article Facebook Twitter. Related
 * stories: ... Copyright 2024 ..."): walking back over its sentences,
 * furniture ones and short ones (the items of a teaser list) may end the
 * unit; the first prose sentence stops the walk.  Returns where the cut
 * starts (the first furniture sentence), or e for none.
 */
static size_t
trailing_clauses(const struct np_boilerplate *bp, const char *buf, size_t s, size_t e)
{
	size_t end = bp_trim_end(buf, s, e), cut = e, i = end, steps = 0;

	while (i > s && steps++ < 40 && end - i < 2400) {
		size_t st = i, words = 1, k;

		/* the start of the sentence that ends at `end` */
		while (st > s + 1 && !(buf[st - 1] == ' ' && (buf[st - 2] == '.' ||
		    buf[st - 2] == '!' || buf[st - 2] == '?') && st < end))
			st--;
		if (st <= s + 1)
			st = s;
		for (k = st; k < end; k++)
			words += buf[k] == ' ';
		if (furniture_clause(bp, buf, st, end))
			cut = st;
		else if (words > 8 || st == s)
			break;
		if (st == s)
			break;
		end = st - 1;
		i = end;
		while (end > s && buf[end - 1] == ' ')
			end--;
	}
	return cut;
}

/* Cuts furniture glued to the start or end of long kept units. */
int
np_bp_inline_cuts(struct np_boilerplate *bp, const char *buf, struct np_bp_result *res)
{
	size_t i;
	struct np_span g[2];

	int lynx;

	res->hole_n = 0;
	if (bp->o.no_cut)
		return NP_OK;
	lynx = lynx_page(buf, res->n > 0 ? res->v[res->n - 1].next : 0);
	for (i = 0; i < res->n; i++) {
		struct np_bp_block *b = &res->v[i];
		struct bp_unit *u = &bp->u[i];
		size_t lim;
		int rc;

		u->hole0 = res->hole_n;
		b->nholes = 0;

		if (b->cls != NP_BP_GOOD)
			continue;
		if (b->chars < bp->o.length_low) {
			if (lynx && (rc = lynx_marks(buf, res, b)) != NP_OK)
				return rc;
			continue;
		}
		if (u->furn != NULL && (u->furn_where == BP_AT_START ||
		    u->furn_where == -BP_AT_LINE || u->furn_where == BP_AT_ANY)) {
			size_t cut = 0, from = u->furn_end;

			lim = from + 800 < b->end ? from + 800 : b->end;
			rc = np_re_search(bp->re_dateline, buf, lim, from, g, 2);
			if (rc < 0)
				return rc;
			if (rc == 1)
				cut = g[1].start;
			else if (u->furn_where == -BP_AT_LINE && glued_mark(buf, b, from))
				cut = bp_skip_space(buf, from, b->end);
			if (cut > b->start && cut < b->end &&
			    bp_count_chars(buf, cut, b->end) >= bp->o.length_low) {
				while (cut < b->end && (buf[cut] == ':' || buf[cut] == ' '))
					cut++;
				b->keep_start = cut;
				b->detail = u->furn->kind;
				b->reason = "good, furniture cut from start";
			}
		}
		/* a picture's mark glued before the text: "[ps4dualsho]The price" */
		{
			size_t at = bp_skip_space(buf, b->keep_start, b->end), j;

			if (at < b->end && buf[at] == '[') {
				for (j = at + 1; j < b->end && j < at + 48 && buf[j] != ']' &&
				    buf[j] != ' ' && buf[j] != '\n' && buf[j] != '['; j++)
					;
				if (j > at + 1 && j + 1 < b->end && buf[j] == ']' &&
				    buf[j + 1] != ' ' && buf[j + 1] != '[' && buf[j + 1] != '\n' &&
				    bp_count_chars(buf, j + 1, b->end) >= bp->o.length_low) {
					b->keep_start = j + 1;
					b->reason = "good, picture mark cut from start";
				}
			}
		}
		/* the longest tail the pattern takes is about 260 bytes */
		lim = b->end > b->keep_start + 280 ? b->end - 280 : b->keep_start;
		while (lim > b->keep_start && ((unsigned char)buf[lim] & 0xC0) == 0x80)
			lim--;	/* start on a character */
		rc = 0;
		if ((last_word_capital(buf, lim, b->end) || np_bp_has_any(buf, lim, b->end, tail_marks)) &&
		    has_lit(buf, lim, b->end, tailcut_lits, bp->tailcut_map))
			rc = np_re_search(bp->re_tailcut, buf, b->end, lim, g, 1);
		if (rc < 0)
			return rc;
		if (rc == 1 && g[0].start > b->keep_start &&
		    bp_count_chars(buf, b->keep_start, g[0].start) >= bp->o.length_low) {
			b->keep_end = g[0].start;
			b->reason = "good, furniture cut from end";
		}
		/* furniture sentences ending a long flattened paragraph */
		if (b->keep_end - b->keep_start > bp->o.length_high) {
			size_t cut = trailing_clauses(bp, buf, b->keep_start, b->keep_end);

			if (cut < b->keep_end && cut > b->keep_start &&
			    bp_count_chars(buf, b->keep_start, cut) >= bp->o.length_high) {
				b->keep_end = bp_trim_end(buf, b->keep_start, cut);
				b->reason = "good, furniture sentences cut from end";
			}
		}
		/* captions inside a long flattened paragraph */
		if (b->keep_end - b->keep_start > bp->o.length_high) {
			size_t from = b->keep_start, mark;

			while (b->nholes < NP_BP_HOLES &&
			    (mark = np_bp_first_of(buf, from, b->keep_end, midcap_marks)) < b->keep_end) {
				/* a caption is at most about 300 bytes before its credit */
				size_t st = mark > from + 320 ? mark - 320 : from;

				while (st > from && ((unsigned char)buf[st] & 0xC0) == 0x80)
					st--;
				rc = np_re_search(bp->re_midcap, buf, b->keep_end, st, g, 2);
				if (rc < 0)
					return rc;
				if (rc != 1 || g[1].start <= b->keep_start || g[1].end >= b->keep_end) {
					from = mark + 1;
					continue;
				}
				if ((rc = add_hole(res, g[1])) != NP_OK)
					return rc;
				b->nholes++;
				b->reason = "good, caption cut from inside";
				from = g[1].end;
			}
		}
		if (lynx && (rc = lynx_marks(buf, res, b)) != NP_OK)
			return rc;
	}
	/* the holes' storage is complete: point the units at theirs */
	for (i = 0; i < res->n; i++) {
		res->v[i].holes = res->v[i].nholes > 0 ? res->hole_v + bp->u[i].hole0 : NULL;
	}
	return NP_OK;
}
