/*
 * speakers.c - speaker candidates: reads a speaker phrase forward (after
 * a cue) or backward (before a cue) from a token of the window: a
 * pronoun, a run of capitalised words (a name, titles kept for now), an
 * appositive ("Garin, a pollster,") or a nominal phrase ("a campaign
 * spokesman").  Fills the attribution of a quotation from a phrase.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes_priv.h"

/* Fills a speaker phrase. */
static void
phrase(struct np_phrase *p, size_t t0, size_t t1, enum np_speaker_kind kind,
    char gender)
{
	p->t0 = t0;
	p->t1 = t1;
	p->kind = kind;
	p->gender = gender;
}

/* Fills *p with the noun phrase of tokens [i, j] opened by the
 * determiner d: nominal, or for a body after a definite determiner its
 * name without the determiner.  Returns 1. */
static int
noun_phrase(const struct np_quotes *q, const struct np_lexentry *d, size_t i,
    size_t j, char g, int org, struct np_phrase *p)
{
	if (g == '-' && d->valuelen >= 3)
		g = d->value[2];
	if (org && i < j && np_q_noun_det(q, q->buf + q->tk[i].s,
	    q->tk[i].e - q->tk[i].s) != NULL && !(np_q_is_det(q, i) &&
	    np_q_find(q, &q->function, i)->valuelen >= 5)) {
		phrase(p, i + 1, j + 1, NP_SPEAKER_NAME, 0);
		return 1;
	}
	phrase(p, i, j + 1, NP_SPEAKER_NOMINAL, g == '-' ? 0 : g);
	return 1;
}

/*
 * A noun phrase of a language that capitalises its nouns, read forward
 * from token i: a determiner, adjectives, the noun ("der abergläubische
 * Müller", "ein berühmter Arzt"), or the noun alone when the determiner
 * stands before i.  A person noun gives a nominal phrase, a body with a
 * definite determiner its name ("das Justizministerium"); a name after
 * the noun ("der Dichter Hebbel") or a run of capitalised words ("die
 * Augsburger Allgemeine Zeitung") a name.  Returns 1 with *p filled, 0
 * when the phrase names nobody, -1 when token i opens no such phrase.
 */
static int
noun_forward(const struct np_quotes *q, size_t i, size_t lim,
    struct np_phrase *p)
{
	const struct np_lexentry *d;
	const struct np_tok *t = &q->tk[i];
	size_t j = i;
	char g;
	int org;

	if ((d = np_q_noun_det(q, q->buf + t->s, t->e - t->s)) != NULL) {
		for (j = i + 1; j < lim && j - i <= 6; j++) {
			if (np_q_punct_is(q, j, ','))
				continue;
			if (q->tk[j].kind != NP_TOK_WORD || q->tk[j].cap)
				break;
		}
		if (j >= lim || q->tk[j].kind != NP_TOK_WORD || !q->tk[j].cap)
			return 0;
	} else if (!t->cap || (d = np_q_noun_after(q, t->s)) == NULL)
		return -1;
	g = np_q_person_noun(q, q->buf + q->tk[j].s, q->tk[j].e - q->tk[j].s,
	    &org);
	if (j + 1 < lim && np_q_namey(q, j + 1)) {
		size_t k;

		for (k = j + 1; k < lim && k - j < 8 && np_q_namey(q, k); k++)
			;
		phrase(p, g && !org ? j + 1 : j, k, NP_SPEAKER_NAME, 0);
		return 1;
	}
	if (!g)
		return 0;
	return noun_phrase(q, d, i, j, g, org, p);
}

/*
 * The same read backward from a capitalised noun at token j: back over
 * adjectives to its determiner (not before lo); a noun that names nobody
 * may still be the genitive after one that does ("Ein Sprecher der
 * Bahn").  Returns as noun_forward.
 */
static int
noun_backward(const struct np_quotes *q, size_t lo, size_t j,
    struct np_phrase *p)
{
	const struct np_tok *t = &q->tk[j];
	const struct np_lexentry *d;
	size_t k;
	char g;
	int org;

	if (!t->cap || np_q_is_title(q, j) ||
	    (d = np_q_noun_after(q, t->s)) == NULL)
		return -1;
	for (k = j; k > lo && j - k <= 6; k--) {
		const struct np_tok *u = &q->tk[k - 1];

		if (u->kind == NP_TOK_WORD && np_q_noun_det(q, q->buf + u->s,
		    u->e - u->s) != NULL) {
			k--;
			break;
		}
		if (u->kind != NP_TOK_WORD && !np_q_punct_is(q, k - 1, ','))
			break;
	}
	if (k > lo && k < j && q->tk[k - 1].kind == NP_TOK_WORD &&
	    q->tk[k - 1].cap && noun_backward(q, lo, k - 1, p) == 1 &&
	    p->kind == NP_SPEAKER_NOMINAL) {
		p->t1 = j + 1;
		return 1;
	}
	if ((g = np_q_person_noun(q, q->buf + t->s, t->e - t->s, &org)) == 0)
		return 0;
	return noun_phrase(q, d, k, j, g, org, p);
}

/*
 * Reads a speaker phrase forward from token i (before lim): a pronoun, a
 * name run or a nominal phrase.  Returns 1 and fills *p.
 */
int
np_forward(const struct np_quotes *q, size_t i, size_t lim, struct np_phrase *p)
{
	size_t j, n;
	char g;
	int head = 0, r;

	if (i >= lim || q->tk[i].kind != NP_TOK_WORD)
		return 0;
	/* (a determiner folded like a pronoun, "el" for "él", opens a
	 * phrase when a word follows) */
	if ((g = np_q_pronoun(q, i)) != 0 && !(q->tk[i].cap && i + 1 < lim &&
	    np_q_namey(q, i + 1)) && !(np_q_is_det(q, i) && i + 1 < lim &&
	    q->tk[i + 1].kind == NP_TOK_WORD)) {
		phrase(p, i, i + 1, NP_SPEAKER_PRONOUN, g);
		return 1;
	}
	if (np_q_nouns_on(q) && (r = noun_forward(q, i, lim, p)) >= 0)
		return r;
	if (np_q_namey(q, i)) {
		for (j = i; j < lim && j - i < 12; j++) {
			if (np_q_namey(q, j))
				continue;
			if (j + 1 < lim && q->tk[j].kind == NP_TOK_WORD &&
			    np_quotes_particle(q, &q->tk[j]) && np_q_namey(q, j + 1))
				continue;	/* particle: de, van, bin */
			break;
		}
		if (!np_q_has_name(q, i, j))
			return 0;
		/* a body's name with its complement in lower case, the
		 * genitive of Slavic languages ("Міністерство юстиції") */
		if (q->lang > 0 && j == i + 1 && j < lim &&
		    q->tk[j].kind == NP_TOK_WORD && !q->tk[j].cap &&
		    np_q_find(q, &q->orgs, i) != NULL && !np_q_is_stop(q, j) &&
		    np_q_stop_class(q, j) == 0 && !np_q_cue_at(q, j, lim, &n) &&
		    !np_q_foreign_word(q, q->buf + q->tk[j].s,
		    q->tk[j].e - q->tk[j].s)) {
			phrase(p, i, j + 1, NP_SPEAKER_NAME, 0);
			return 1;
		}
		/* "Trump's spokesman": the phrase is nominal, unless a
		 * name follows ("Huckabee spokeswoman Alice Stewart") */
		if (j < lim && q->tk[j].kind == NP_TOK_WORD && !q->tk[j].cap &&
		    np_q_find(q, &q->nominals, j) != NULL) {
			if (j + 1 < lim && np_q_namey(q, j + 1) &&
			    np_forward(q, j + 1, lim, p) &&
			    p->kind == NP_SPEAKER_NAME)
				return 1;
			phrase(p, i, j + 1, NP_SPEAKER_NOMINAL, 0);
			return 1;
		}
		phrase(p, i, j, NP_SPEAKER_NAME, 0);
		return 1;
	}
	if (q->tk[i].cap && !np_q_is_det(q, i))
		return 0;
	if (!np_q_is_det(q, i) && np_q_find(q, &q->nominals, i) == NULL)
		return 0;
	for (j = i; j < lim && j - i < 8; j++) {
		if (q->tk[j].kind != NP_TOK_WORD)
			break;
		if (j > i && (np_q_cue_at(q, j, lim, &n) || np_q_clause_word(q, j) ||
		    np_quotes_adverb(q, &q->tk[j])))
			break;
		/* a lower-case word ending the clause after a name is the
		 * particle of a split verb ("liet het ministerie van
		 * Justitie weten") */
		if (q->lang > 0 && j > i + 1 && j + 1 == lim && !q->tk[j].cap &&
		    q->tk[j - 1].cap && np_q_find(q, &q->nominals, j) == NULL)
			break;
		if (np_q_find(q, &q->nominals, j) != NULL)
			head = 1;
	}
	if (!head || j == i)
		return 0;
	phrase(p, i, j, NP_SPEAKER_NOMINAL, 0);
	return 1;
}

/*
 * Reads the speaker phrase after a cue: np_forward, or a name after a
 * short descriptor ("said Republican political consultant Chris
 * Russell", "said campaign manager Robby Mook").
 */
int
np_after_cue(const struct np_quotes *q, size_t i, size_t lim, struct np_phrase *p)
{
	size_t j, n;
	int got = np_forward(q, i, lim, p);

	if (got && (p->kind != NP_SPEAKER_NOMINAL || np_q_is_det(q, i))) {
		/* "le maire Paul Girard": the name in the phrase */
		for (j = p->t0 + 1; p->kind == NP_SPEAKER_NOMINAL && j < p->t1;
		    j++)
			if (np_q_namey(q, j))
				break;
		if (p->kind != NP_SPEAKER_NOMINAL || j >= p->t1)
			return 1;
	}
	for (j = i; j < lim && j - i < 6; j++) {
		if (q->tk[j].kind != NP_TOK_WORD || np_q_clause_word(q, j) ||
		    (j > i && np_q_is_det(q, j)) || np_q_cue_at(q, j, lim, &n))
			break;
		/* (not the name after "van" inside a phrase: "het
		 * ministerie van Justitie") */
		if (j > i && np_q_namey(q, j) && !np_q_namey(q, j - 1) &&
		    !(j - 1 > i && np_quotes_particle(q, &q->tk[j - 1]))) {
			struct np_phrase nm;

			if (np_forward(q, j, lim, &nm) &&
			    nm.kind == NP_SPEAKER_NAME) {
				*p = nm;
				return 1;
			}
		}
	}
	if (got)
		return np_forward(q, i, lim, p);
	/* "said the designer, who ...": a determiner and a few words */
	if (i < lim && np_q_is_det(q, i) && !q->tk[i].cap) {
		for (j = i + 1; j < lim && j - i <= 4; j++)
			if (q->tk[j].kind != NP_TOK_WORD || np_q_clause_word(q, j))
				break;
		if (j > i + 1 && j - i <= 4 && (j >= lim ||
		    q->tk[j].kind != NP_TOK_WORD || np_q_clause_word(q, j))) {
			phrase(p, i, j, NP_SPEAKER_NOMINAL, 0);
			return 1;
		}
	}
	return 0;
}

/*
 * A name run [k, j] after a nominal head and one or two short words:
 * "Un portavoz de Renfe", "Ein Sprecher der Bahn", "Een woordvoerder van
 * de NS" are the spokesperson, not the company.  Fills *p with the whole
 * phrase (from its determiner) and returns 1.
 */
static int
nominal_of(const struct np_quotes *q, size_t lo, size_t k, size_t j,
    struct np_phrase *p)
{
	size_t b = k, w = 0, h;

	while (b > lo && w < 2 && q->tk[b - 1].kind == NP_TOK_WORD &&
	    !q->tk[b - 1].cap && q->tk[b - 1].e - q->tk[b - 1].s <= 5) {
		b--;
		w++;
	}
	if (w == 0 || b <= lo || np_q_find(q, &q->nominals, b - 1) == NULL)
		return 0;
	h = b - 1;
	if (h > lo && np_q_is_det(q, h - 1))
		h--;
	phrase(p, h, j + 1, NP_SPEAKER_NOMINAL, 0);
	return 1;
}

/*
 * Reads a speaker phrase backward ending at token j (lo the first token
 * it may use): a pronoun, a name run, an appositive ("Garin, a
 * pollster,") or a nominal phrase.
 */
int
np_backward(const struct np_quotes *q, size_t lo, size_t j, struct np_phrase *p,
    int depth)
{
	size_t k;
	char g;

	if (j < lo || j >= q->ntk)
		return 0;
	if (np_q_punct_is(q, j, ')')) {
		for (k = j; k > lo && !np_q_punct_is(q, k, '('); k--)
			;
		if (k <= lo)
			return 0;
		return np_backward(q, lo, k - 1, p, depth);
	}
	if (np_q_punct_is(q, j, ',') && depth == 0) {
		/* appositive: NAME, a pollster for X, CUE */
		for (k = j; k > lo && j - k < SUBJECT_GAP; k--)
			if (np_q_punct_is(q, k - 1, ',') || q->tk[k - 1].kind ==
			    NP_TOK_END || q->tk[k - 1].kind == NP_TOK_MARK)
				break;
		if (k > lo && np_q_punct_is(q, k - 1, ',') && k >= 2 &&
		    np_backward(q, lo, k - 2, p, 1) &&
		    p->kind != NP_SPEAKER_NOMINAL)
			return 1;
		/* "Clinton's campaign chairman, John Podesta, said" */
		if (j >= 1 && np_backward(q, k, j - 1, p, 1) &&
		    p->kind == NP_SPEAKER_NAME)
			return 1;
		if (k > lo && np_q_punct_is(q, k - 1, ',') && k >= 2 &&
		    np_backward(q, lo, k - 2, p, 1))
			return 1;
		if (j >= 1 && np_backward(q, k, j - 1, p, 1))
			return 1;
		return 0;
	}
	if (q->tk[j].kind != NP_TOK_WORD)
		return 0;
	if ((g = np_q_pronoun(q, j)) != 0) {
		phrase(p, j, j + 1, NP_SPEAKER_PRONOUN, g);
		return 1;
	}
	if (np_q_nouns_on(q)) {
		int r = noun_backward(q, lo, j, p);

		if (r >= 0)
			return r;
	}
	if (np_q_namey(q, j)) {
		for (k = j; k > lo; k--) {
			if (np_q_namey(q, k - 1))
				continue;
			if (k >= lo + 2 && q->tk[k - 1].kind == NP_TOK_WORD &&
			    np_quotes_particle(q, &q->tk[k - 1]) &&
			    np_q_namey(q, k - 2))
				continue;
			break;
		}
		if (!np_q_has_name(q, k, j + 1))
			return 0;
		if (nominal_of(q, lo, k, j, p))
			return 1;
		phrase(p, k, j + 1, NP_SPEAKER_NAME, 0);
		return 1;
	}
	/* nominal: back to a determiner */
	if (q->tk[j].cap)
		return 0;
	/* or to a head without one ("Rzecznik kolei", "Представитель
	 * железной дороги") */
	for (k = j; k > lo && j - k < 3; k--) {
		if (q->tk[k - 1].kind != NP_TOK_WORD || np_q_is_det(q, k - 1))
			break;
		if (np_q_find(q, &q->nominals, k - 1) != NULL &&
		    (k - 1 == lo || q->tk[k - 2].kind != NP_TOK_WORD)) {
			phrase(p, k - 1, j + 1, NP_SPEAKER_NOMINAL, 0);
			return 1;
		}
	}
	for (k = j + 1; k > lo && j + 1 - k < 6; k--) {
		if (q->tk[k - 1].kind != NP_TOK_WORD)
			break;
		if (np_q_is_det(q, k - 1)) {
			k--;
			break;
		}
		if (k - 1 < j && (np_quotes_cue(q, &q->tk[k - 1]) != NULL ||
		    np_q_pronoun(q, k - 1)))
			break;
	}
	if (k > j)
		return 0;
	if (np_q_find(q, &q->nominals, j) == NULL && !np_q_is_det(q, k))
		return 0;
	if (np_q_find(q, &q->nominals, j) == NULL && j == k)
		return 0;
	phrase(p, k, j + 1, NP_SPEAKER_NOMINAL, 0);
	return 1;
}

/* True when a nominal phrase's head is a known one: quotes-nominals.tsv
 * (its last, first or second word) or a person noun of the language. */
int
np_q_nominal_head(const struct np_quotes *q, const struct np_phrase *p)
{
	const struct np_tok *h = &q->tk[p->t1 - 1];
	int org;

	return np_q_find(q, &q->nominals, p->t1 - 1) != NULL ||
	    np_q_find(q, &q->nominals, p->t0) != NULL ||
	    (p->t0 + 1 < p->t1 && np_q_find(q, &q->nominals, p->t0 + 1) != NULL) ||
	    (h->cap && np_q_person_noun(q, q->buf + h->s, h->e - h->s, &org));
}

/* Fills the attribution from a phrase. */
void
np_q_set_np(const struct np_quotes *q, struct np_attrib *a, const struct np_phrase *p)
{
	size_t i = p->t0, e;

	a->have_np = 1;
	a->kind = p->kind;
	a->gender = p->gender;
	a->np_s = q->tk[p->t0].s;
	a->np_e = q->tk[p->t1 - 1].e;
	if (p->kind == NP_SPEAKER_NAME) {
		while (i + 1 < p->t1 && (np_q_is_title(q, i) || np_q_is_stop(q, i))) {
			const struct np_lexentry *t = np_q_find(q, &q->titles, i);

			if (t != NULL && t->valuelen > 0 &&
			    (t->value[0] == 'm' || t->value[0] == 'f'))
				a->gender = t->value[0];
			i++;
		}
		/* after a title, a name starts at its given name ("Мэр
		 * Вербовки Павел Смирнов") */
		if (i > p->t0 && p->t1 - i >= 3 &&
		    np_q_find(q, &q->given, i) == NULL) {
			size_t j;

			for (j = i + 1; j + 1 < p->t1; j++)
				if (np_q_find(q, &q->given, j) != NULL) {
					i = j;
					break;
				}
		}
		e = q->tk[p->t1 - 1].e;
		if (e - q->tk[p->t1 - 1].s > 2 && q->buf[e - 1] == 's' &&
		    q->buf[e - 2] == '\'')
			e -= 2;
		a->name_s = q->tk[i].s;
		a->name_e = e;
	}
}

/* Sets the cue span; a hearer after "told" joins the cue. */
void
np_q_set_cue(const struct np_quotes *q, struct np_attrib *a, size_t c, size_t n,
    int cls, size_t lim)
{
	struct np_phrase obj;

	a->have_cue = 1;
	a->cue_s = q->tk[c].s;
	a->cue_e = q->tk[c + n - 1].e;
	if (cls == 't' && np_forward(q, c + n, lim, &obj))
		a->cue_e = q->tk[obj.t1 - 1].e;
}

/* True when tokens [i, t0) may stand before a speaker's name: nothing,
 * or a few words ("DoubleLine Capital portfolio manager"). */
int
np_q_descriptor(const struct np_quotes *q, size_t i, size_t t0)
{
	size_t k;

	if (t0 < i || t0 - i > 6)
		return 0;
	/* an auxiliary before an inverted subject: "hatte er hinzugefügt" */
	if (t0 == i + 1 && q->tk[i].kind == NP_TOK_WORD &&
	    np_quotes_adverb(q, &q->tk[i]))
		return 1;
	for (k = i; k < t0; k++)
		if ((q->tk[k].kind != NP_TOK_WORD && !np_q_punct_is(q, k, ',')) ||
		    np_q_pronoun(q, k) || (np_q_is_stop(q, k) && !np_q_is_det(q, k)))
			return 0;
	return 1;
}
