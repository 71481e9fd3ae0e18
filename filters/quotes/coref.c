/*
 * coref.c - coreference over the document's name table (names.c): a
 * pronoun resolved to the nearest fitting earlier source or subject, a
 * one-word name completed to the fullest form the document gives.  The
 * table is filled lazily (np_quotes_ensure_names) only as far as needed.
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/lexicon.h"
#include "newsprep/utf8.h"
#include "quotes_priv.h"

/* Index of the last name starting before pos, or SIZE_MAX. */
static size_t
name_before(const struct np_quotes *q, size_t pos)
{
	size_t lo = 0, hi = q->nname;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (q->names[mid].s < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? SIZE_MAX : lo - 1;
}

/* Index of the name that starts at s, or SIZE_MAX. */
size_t
np_q_name_at(const struct np_quotes *q, size_t s)
{
	size_t i = name_before(q, s + 1);

	return i != SIZE_MAX && q->names[i].s == s ? i : SIZE_MAX;
}

/* Gender of a name: its own, else for a one-word name what its
 * surname's mentions say. */
static char
name_gender(const struct np_name *nm,
    const struct np_surname *sl)
{
	if (nm->gender)
		return nm->gender;
	/* a full name of unknown gender may be another person of the
	 * surname (Rita Okafor beside Tom Okafor) */
	if (sl == NULL || nm->ntok >= 2)
		return 0;
	if (sl->m != SIZE_MAX && sl->f == SIZE_MAX)
		return 'm';
	if (sl->f != SIZE_MAX && sl->m == SIZE_MAX)
		return 'f';
	return 0;
}

/*
 * The surname a case form of a Slavic surname stands for: up to three
 * final letters replaced by a nominative ending ("Kowalskiego" ->
 * Kowalski, "Wiśniewskiej" -> Wiśniewska, "Коваленка" -> Коваленко,
 * "Петровой" -> Петрова), looked up among the document's surnames.
 * Feminine case endings try -a first.  Returns NULL when none is known.
 */
static const struct np_surname *
inflected(struct np_quotes *q, size_t s, size_t e)
{
	static const char *const masc[] = { "", "i", "y", "o", "a",
	    "\xd0\xbe", "\xd0\xb0", "\xd0\xb8\xd0\xb9", "\xd1\x8b\xd0\xb9",
	    "\xd0\xbe\xd0\xb9", "\xd0\xb8", NULL };
	static const char *const fem[] = { "a", "\xd0\xb0", "", "i", "y",
	    "o", "\xd0\xbe", NULL };
	const char *w = q->buf + s, *const *ends;
	char tmp[96];
	size_t n = e - s, cut = n, st, k, len;
	const struct np_surname *sl;
	int strip, fm;

	if (n < 4 || n + 8 > sizeof tmp || q->lang <= 0)
		return NULL;
	/* feminine case endings: -ej -ą (pl), -ой -ою -ей (ru), -ої -ою (uk) */
	fm = (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'j') ||
	    (n > 2 && memcmp(w + n - 2, "\xc4\x85", 2) == 0) ||
	    (n > 4 && (memcmp(w + n - 4, "\xd0\xbe\xd0\xb9", 4) == 0 ||
	    memcmp(w + n - 4, "\xd0\xbe\xd1\x8e", 4) == 0 ||
	    memcmp(w + n - 4, "\xd0\xb5\xd0\xb9", 4) == 0 ||
	    memcmp(w + n - 4, "\xd0\xbe\xd1\x97", 4) == 0));
	ends = fm ? fem : masc;
	for (strip = 1; strip <= 3; strip++) {
		/* one more letter off the end (UTF-8 aware) */
		np_utf8_decode_before(w, cut, &st);
		cut = st;
		for (k = 0, len = 0; k < cut; k++)
			len += ((unsigned char)w[k] & 0xC0) != 0x80;
		if (len < 3)
			break;
		for (k = 0; ends[k] != NULL; k++) {
			len = strlen(ends[k]);
			memcpy(tmp, w, cut);
			memcpy(tmp + cut, ends[k], len);
			if (cut + len == n && memcmp(tmp, w, n) == 0)
				continue;
			if ((sl = np_quotes_surname_bytes(q, tmp, cut + len)) !=
			    NULL)
				return sl;
		}
	}
	return NULL;
}

/* End of the first word of buf[s, e). */
static size_t
word_end(const struct np_quotes *q, size_t s, size_t e)
{
	while (s < e && q->buf[s] != ' ')
		s++;
	return s;
}

/* True when the words at a and b differ but share their first three
 * letters and differ in length by at most two letters (a case form of a
 * given name: "Софії" and "Софія", "Zofii" and "Zofia"). */
static int
same_stem(const struct np_quotes *q, size_t a, size_t b)
{
	size_t ae = word_end(q, a, q->len), be = word_end(q, b, q->len), i, l;
	size_t na = 0, nb = 0;

	if (ae - a == be - b && memcmp(q->buf + a, q->buf + b, ae - a) == 0)
		return 0;
	for (i = a; i < ae; i++)
		na += ((unsigned char)q->buf[i] & 0xC0) != 0x80;
	for (i = b; i < be; i++)
		nb += ((unsigned char)q->buf[i] & 0xC0) != 0x80;
	if (na < 4 || nb < 4 || (na > nb ? na - nb : nb - na) > 2)
		return 0;
	/* three letters in bytes */
	for (i = 0, l = 0; a + i < ae && l < 3; i++)
		if ((((unsigned char)q->buf[a + i + 1]) & 0xC0) != 0x80)
			l++;
	return a + i <= ae && b + i <= be &&
	    memcmp(q->buf + a, q->buf + b, i) == 0;
}


/*
 * The fullest form of the name buf[s, e) (its last word looked up among
 * the document's names; gender picks Mr. from Mrs. Clinton).  Stores the
 * span in *os and *oe.
 */
void
np_q_fullest(struct np_quotes *q, size_t s, size_t e, char gender, size_t *os,
    size_t *oe)
{
	size_t ls = e, idx;
	const struct np_surname *sl;
	const struct np_name *best;
	int words = 1, infl = 0;

	*os = s;
	*oe = e;
	while (ls > s && q->buf[ls - 1] != ' ')
		ls--;
	for (idx = s; idx < e; idx++)
		if (q->buf[idx] == ' ')
			words++;
	sl = np_quotes_surname(q, ls, e);
	if (sl == NULL || (words == 1 && q->names[sl->any].ntok == 1) ||
	    (words >= 2 && q->names[sl->any].ntok <= words &&
	    np_qlex_find(&q->given, q->buf + s, word_end(q, s, e) - s) ==
	    NULL)) {
		/* "Kowalskiego", "Петровой": the case form of a surname the
		 * document gives ("Paweł Kowalski", "Ольга Петрова") */
		const struct np_surname *is = inflected(q, ls, e);

		if (is != NULL) {
			sl = is;
			infl = 1;
		} else if (sl == NULL)
			return;
	}
	idx = gender == 'm' && sl->m != SIZE_MAX ? sl->m :
	    gender == 'f' && sl->f != SIZE_MAX ? sl->f : sl->any;
	best = &q->names[idx];
	if (best->ntok < words)
		return;
	if (words >= 2 && !infl && best->ntok == words &&
	    np_qlex_find(&q->given, q->buf + s, word_end(q, s, e) - s) ==
	    NULL && np_qlex_find(&q->given, q->buf + best->s, best->first_e -
	    best->s) != NULL && same_stem(q, s, best->s)) {
		/* "Софії Бондар" -> "Софія Бондар": the given name inflected */
		*os = best->s;
		*oe = best->e;
		return;
	}
	if (best->ntok <= words && !infl)
		return;
	if (words >= 2 && !infl) {
		size_t fe = s;

		while (fe < e && q->buf[fe] != ' ')
			fe++;
		if (best->first_e - best->s != fe - s ||
		    memcmp(q->buf + s, q->buf + best->s, fe - s) != 0)
			return;
	}
	*os = best->s;
	*oe = best->e;
}

/* True when the word w[0, n) occurs within 16 KB of the name at a place
 * where fits() holds. */
static int
seen_near(const struct np_quotes *q, const struct np_name *nm, const char *w,
    size_t n, int (*fits)(const struct np_quotes *, size_t, size_t))
{
	size_t lo = nm->s > 16384 ? nm->s - 16384 : 0;
	size_t hi = nm->e + 16384 < q->len ? nm->e + 16384 : q->len;
	const char *p = q->buf + lo, *end = q->buf + hi;

	while (p + n <= end && (p = memchr(p, w[0], (size_t)(end - p) -
	    n + 1)) != NULL) {
		size_t at = (size_t)(p - q->buf);

		if (memcmp(p, w, n) == 0 && fits(q, at, n))
			return 1;
		p++;
	}
	return 0;
}

/* A whole word at buf[at, at + n): no ASCII letter on either side. */
static int
lower_word(const struct np_quotes *q, size_t at, size_t n)
{
	unsigned char a = at > 0 ? (unsigned char)q->buf[at - 1] : ' ';
	unsigned char z = at + n < q->len ? (unsigned char)q->buf[at + n] : ' ';

	return !((a | 0x20) >= 'a' && (a | 0x20) <= 'z') &&
	    !((z | 0x20) >= 'a' && (z | 0x20) <= 'z') && a < 0x80;
}

/* The word at buf[at) follows a lower-case word or a comma. */
static int
after_word(const struct np_quotes *q, size_t at, size_t n)
{
	(void)n;
	return at >= 2 && q->buf[at - 1] == ' ' &&
	    ((q->buf[at - 2] >= 'a' && q->buf[at - 2] <= 'z') ||
	    q->buf[at - 2] == ',');
}

/*
 * True when a one-word name is written in lower case nearby too
 * ("Phone video shows..." and "...on his phone"): a common word that
 * opened a sentence, not a name.  Looks 16 KB around it; the answer is
 * kept in the name.
 */
static int
common_word(struct np_quotes *q, struct np_name *nm)
{
	char w[32];
	size_t n = nm->e - nm->s, k;

	if (nm->common_known)
		return nm->common;
	nm->common_known = 1;
	if (nm->ntok != 1 || n < 2 || n >= sizeof w)
		return 0;
	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)q->buf[nm->s + k];

		if (c >= 0x80)
			return 0;
		w[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	nm->common = seen_near(q, nm, w, n, lower_word);
	return nm->common;
}

/*
 * True when a name without a title or given name cannot be a he or a
 * she: a place or a sentence-opening word (quotes-nonperson.tsv), a
 * single letter ("Y."), an acronym ("U.N."), or one word ending in -ly
 * or -ing ("Speaking").
 */
static int
not_person(const struct np_quotes *q, const struct np_name *nm)
{
	const char *b = q->buf + nm->s;
	size_t n = nm->e - nm->s;

	size_t k, caps = 0;

	if (n <= 2 || np_qlex_find(&q->nonperson, b, n) != NULL)
		return 1;
	if (nm->ntok != 1)
		return 0;
	/* an acronym with full stops: "U.N.", "F.B.I." */
	for (k = 0; k < n && ((b[k] >= 'A' && b[k] <= 'Z') || b[k] == '.'); k++)
		caps += b[k] != '.';
	if (k == n && caps >= 2 && caps * 2 >= n - 1)
		return 1;
	return (n > 4 && b[n - 2] == 'l' && b[n - 1] == 'y') ||
	    (n > 5 && b[n - 3] == 'i' && b[n - 2] == 'n' && b[n - 1] == 'g');
}

/*
 * True when a one-word name with no title or given name is met only at
 * sentence starts: no longer name ends with it and, 16 KB around it, it
 * never follows a lower-case word or a comma ("Debates over ..." is a
 * common word, "... said Okafor" is a name).  Kept in the name.
 */
static int
lone_word(struct np_quotes *q, struct np_name *nm)
{
	const struct np_surname *sl;
	size_t n = nm->e - nm->s;
	const char *w = q->buf + nm->s;

	if (nm->lone_known)
		return nm->lone;
	nm->lone_known = 1;
	if (nm->ntok != 1 || nm->person || nm->source || n < 2)
		return 0;
	sl = np_quotes_surname(q, nm->last_s, nm->last_e);
	if (sl != NULL && (sl->person || q->names[sl->any].ntok >= 2))
		return 0;
	if (seen_near(q, nm, w, n, after_word))
		return 0;
	nm->lone = 1;
	return 1;
}

/*
 * Resolves a pronoun at pos of the given gender to an earlier name:
 * the nearest fitting source (a name followed by a cue or already a
 * speaker) or sentence subject, else the nearest fitting person.  A name
 * is a person when a title or given name says so, when it has two words
 * and no organisation word, or when it is a source or subject.  Gender
 * 'a' asks for a person of either gender (the unnamed subject of a verb
 * in Spanish or Polish: "..., afirmó").  Returns a name index or SIZE_MAX.
 */
size_t
np_q_resolve(struct np_quotes *q, size_t pos, char gender)
{
	size_t i = name_before(q, pos), seen = 0, nearest = SIZE_MAX;

	for (; i != SIZE_MAX && seen < 400; i = i == 0 ? SIZE_MAX : i - 1,
	    seen++) {
		struct np_name *nm = &q->names[i];

		const struct np_surname *sl;
		int person;
		char g;

		if (nm->inquote || nm->possessive)
			continue;
		if ((gender == 'm' || gender == 'f' || gender == 'a') &&
		    !nm->person &&
		    (not_person(q, nm) || lone_word(q, nm)))
			continue;
		sl = np_quotes_surname(q, nm->last_s, nm->last_e);
		person = !np_quotes_is_org(q, nm) && (nm->person ||
		    (sl != NULL && sl->person) || nm->ntok >= 2 ||
		    ((nm->source || nm->subject) && !common_word(q, nm)));
		g = name_gender(nm, sl);
		if (gender == 'm' || gender == 'f' || gender == 'a') {
			if (!person || (g != 0 && g != gender && gender != 'a'))
				continue;
		} else if (person)
			continue;
		if (nm->source || nm->subject || gender == 'a')
			return i;
		if (nearest == SIZE_MAX)
			nearest = i;
	}
	return nearest;
}

/*
 * Collects the document's names the first time they are needed (a
 * pronoun to resolve, a one-word name to complete), and marks the
 * speakers of the records so far as sources.
 */
int
np_quotes_ensure_names(struct np_quotes *q, size_t upto)
{
	size_t k, i, first = q->nname, before = q->names_upto;
	int r;

	if (upto <= q->names_upto)
		return NP_OK;
	q->names_upto = upto;
	if ((r = np_quotes_collect_names(q, upto)) != NP_OK)
		return r;
	if (first == q->nname)
		return NP_OK;
	/*
	 * New names all start at or after `before`, so a record whose
	 * mention ends by then can never name one of them: skip the leading
	 * run of such records for good, which keeps this linear in the
	 * document (records come in document order).
	 */
	while (q->names_rec < q->nrec && (q->recs[q->names_rec].kind != NP_SPEAKER_NAME ||
	    q->recs[q->names_rec].mention.end == NP_NOSPAN ||
	    q->recs[q->names_rec].mention.end <= before))
		q->names_rec++;
	for (k = q->names_rec; k < q->nrec; k++) {
		const struct np_quote *pr = &q->recs[k];

		if (pr->kind != NP_SPEAKER_NAME || pr->mention.end == NP_NOSPAN)
			continue;
		i = name_before(q, pr->mention.end);
		if (i != SIZE_MAX && i >= first &&
		    q->names[i].s >= pr->mention.start)
			q->names[i].source = 1;
	}
	return NP_OK;
}

/* Folds the word buf[s, e) into out (cap bytes); returns its length or 0. */
static size_t
fold_word(const struct np_quotes *q, size_t s, size_t e, char *out,
    size_t cap)
{
	size_t n = np_fold(q->buf + s, e - s, out, cap);

	return n < cap ? n : 0;
}

/* End of a nominal phrase introduced after its head ending at e: up to
 * four more words, before a cue, a capital-less verb after a name, or
 * punctuation ("porte-parole de la SNCF| a confirmé"). */
static size_t
indefinite_end(const struct np_quotes *q, size_t e, size_t lim)
{
	struct np_tok u;
	size_t pos = e, end = e;
	int k;

	for (k = 0; k < 4; k++) {
		const struct np_lexentry *c;

		if (!np_quotes_next_tok(&q->abbr, q->buf, lim, &pos, &u) ||
		    u.kind != NP_TOK_WORD)
			break;
		c = np_qlex_find(&q->cues, q->buf + u.s, u.e - u.s);
		if ((c != NULL && c->valuelen > 0) ||
		    np_qlex_find(&q->pron, q->buf + u.s, u.e - u.s) != NULL)
			break;
		end = u.e;
		/* a name closes the phrase ("van de NS", "de Renfe") */
		if (u.cap && !np_qlex_find(&q->function, q->buf + u.s,
		    u.e - u.s))
			break;
	}
	return end;
}

int
np_q_nominal_name(struct np_quotes *q, size_t ms, size_t me, size_t *os,
    size_t *oe)
{
	struct np_tok t, run[8];
	char head[64], w[64];
	size_t pos = ms, hl = 0, lo, n, found_s = 0, found_e = 0, k, i, wl;
	size_t nom_s = NP_NOSPAN, nom_e = 0;
	struct np_tok prev;
	int first = 1, found = 0;
	const struct np_lexentry *le;

	/* the head of the phrase; an indefinite one ("un porte-parole")
	 * names nobody met before */
	while (np_quotes_next_tok(&q->abbr, q->buf, me, &pos, &t)) {
		if (t.kind != NP_TOK_WORD)
			continue;
		if (first && (le = np_qlex_find(&q->function, q->buf + t.s,
		    t.e - t.s)) != NULL && le->valuelen >= 5 &&
		    le->value[4] == 'i')
			return 0;
		first = 0;
		if (np_qlex_find(&q->nominals, q->buf + t.s, t.e - t.s) != NULL) {
			hl = fold_word(q, t.s, t.e, head, sizeof head);
			break;
		}
	}
	if (hl == 0)
		return 0;
	/* the nearest earlier mention of the head followed, in its
	 * sentence, by a name of two words or more ("La ministra dei
	 * Trasporti, Giulia Ferri", "Мэр Вербовки Павел Смирнов") */
	lo = ms > 3000 ? ms - 3000 : 0;
	while (lo > 0 && q->buf[lo - 1] != ' ' && q->buf[lo - 1] != '\n')
		lo--;
	pos = lo;
	prev.kind = NP_TOK_END;
	prev.s = prev.e = lo;
	while (np_quotes_next_tok(&q->abbr, q->buf, ms, &pos, &t)) {
		size_t p2;
		struct np_tok before = prev;

		prev = t;
		if (t.kind != NP_TOK_WORD || t.e - t.s + 8 < hl ||
		    (wl = fold_word(q, t.s, t.e, w, sizeof w)) < hl ||
		    memcmp(w + wl - hl, head, hl) != 0)
			continue;	/* the head, or a compound ending in it
				   ("Verkehrsministerin" for "Ministerin") */
		if (before.kind == NP_TOK_WORD &&
		    (le = np_qlex_find(&q->function, q->buf + before.s,
		    before.e - before.s)) != NULL && le->valuelen >= 5 &&
		    le->value[4] == 'i') {
			/* "Un porte-parole de la SNCF", met first with an
			 * indefinite article: the phrase, up to its verb */
			nom_s = before.s;
			nom_e = indefinite_end(q, t.e, ms);
		}
		p2 = t.e;
		n = 0;
		for (k = 0; k < 10; k++) {
			struct np_tok u;

			if (!np_quotes_next_tok(&q->abbr, q->buf, ms, &p2, &u) ||
			    u.kind == NP_TOK_END || u.kind == NP_TOK_PARA ||
			    u.kind == NP_TOK_MARK)
				break;
			if (u.kind == NP_TOK_WORD && u.cap && n < 8) {
				run[n++] = u;
				continue;
			}
			if (n >= 2)
				break;
			n = 0;
		}
		if (n < 2)
			continue;
		/* start at a given name when there is one */
		for (i = 0; i + 1 < n; i++)
			if (np_qlex_find(&q->given, q->buf + run[i].s,
			    run[i].e - run[i].s) != NULL)
				break;
		if (i + 1 >= n)
			i = n - 2;
		found_s = run[i].s;
		found_e = run[n - 1].e;
		found = 1;
		pos = p2;
	}
	if (!found && nom_s != NP_NOSPAN) {
		/* no name: the phrase that introduced the nominal */
		*os = nom_s;
		*oe = nom_e;
		return 2;
	}
	if (!found)
		return 0;
	np_q_fullest(q, found_s, found_e, 0, os, oe);
	return 1;
}
