/*
 * coref.c - coreference over the document's name table (names.c): a
 * pronoun resolved to the nearest fitting earlier source or subject, a
 * one-word name completed to the fullest form the document gives.  The
 * table is filled lazily (np_quotes_ensure_names) only as far as needed.
 */
#include <stdlib.h>
#include <string.h>

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
	int words = 1;

	*os = s;
	*oe = e;
	while (ls > s && q->buf[ls - 1] != ' ')
		ls--;
	for (idx = s; idx < e; idx++)
		if (q->buf[idx] == ' ')
			words++;
	if ((sl = np_quotes_surname(q, ls, e)) == NULL)
		return;
	idx = gender == 'm' && sl->m != SIZE_MAX ? sl->m :
	    gender == 'f' && sl->f != SIZE_MAX ? sl->f : sl->any;
	best = &q->names[idx];
	if (best->ntok <= words)
		return;
	if (words >= 2) {
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
 * single letter ("Y."), or one word ending in -ly or -ing ("Speaking").
 */
static int
not_person(const struct np_quotes *q, const struct np_name *nm)
{
	const char *b = q->buf + nm->s;
	size_t n = nm->e - nm->s;

	if (n <= 2 || np_qlex_find(&q->nonperson, b, n) != NULL)
		return 1;
	if (nm->ntok != 1)
		return 0;
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
 * and no organisation word, or when it is a source or subject.  Returns
 * a name index or SIZE_MAX.
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
		if ((gender == 'm' || gender == 'f') && !nm->person &&
		    (not_person(q, nm) || lone_word(q, nm)))
			continue;
		sl = np_quotes_surname(q, nm->last_s, nm->last_e);
		person = !np_quotes_is_org(q, nm) && (nm->person ||
		    (sl != NULL && sl->person) || nm->ntok >= 2 ||
		    ((nm->source || nm->subject) && !common_word(q, nm)));
		g = name_gender(nm, sl);
		if (gender == 'm' || gender == 'f') {
			if (!person || (g != 0 && g != gender))
				continue;
		} else if (person)
			continue;
		if (nm->source || nm->subject)
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
