/*
 * window.c - the two windows of a quotation: the sentence after its
 * closing mark (`, CUE NP`, `, NP CUE`, a list's `- Name`) and the
 * sentence before its opening mark (`NP CUE: "..."`, `according to NP`,
 * `..., saying "..."`, a headline's `NAME: "..."`).  Tokenizes each
 * window once and reads cues (cues.c) and speaker phrases (speakers.c).
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/segment.h"
#include "quotes_priv.h"

/* Tokenizes buf[s, e) into q->tk; with `one`, stops after the first
 * sentence end, paragraph or quotation mark. */
static int
tokenize(struct np_quotes *q, size_t s, size_t e, int one)
{
	struct np_tok t;
	size_t pos = s;

	q->ntk = 0;
	while (np_quotes_next_tok(&q->abbr, q->buf, e, &pos, &t)) {
		if (one && q->ntk > 0 && (q->tk[q->ntk - 1].kind ==
		    NP_TOK_END || q->tk[q->ntk - 1].kind == NP_TOK_PARA ||
		    q->tk[q->ntk - 1].kind == NP_TOK_MARK))
			break;
		if (np_grow(&q->tk, &q->captk, q->ntk, sizeof *q->tk, 256) !=
		    NP_OK)
			return NP_ENOMEM;
		q->tk[q->ntk++] = t;
	}
	return NP_OK;
}

/* True when tokens [i, j) are one to three words of quotes-stop.tsv
 * ("so", "also", "dann"). */
static int
only_stops(const struct np_quotes *q, size_t i, size_t j)
{
	size_t k;

	if (j <= i || j - i > 3)
		return 0;
	for (k = i; k < j; k++)
		if (q->tk[k].kind != NP_TOK_WORD || !np_q_is_stop(q, k))
			return 0;
	return 1;
}

/* Takes the token t (a dash or a colon standing for a speech verb) as
 * the cue of a and the phrase p as its source, the two side by side. */
static void
take_mark_cue(const struct np_quotes *q, struct np_attrib *a, size_t t,
    const struct np_phrase *p)
{
	a->have_cue = 1;
	a->adjacent = 1;
	a->cue_s = q->tk[t].s;
	a->cue_e = q->tk[t].e;
	np_q_set_np(q, a, p);
}

/*
 * Reads the sentence after a closing mark: `, CUE NP` or `, NP CUE`.
 */
int
np_q_after(struct np_quotes *q, size_t from, size_t to, struct np_attrib *a)
{
	size_t i = 0, lim, j, n, k;
	int cls;
	struct np_phrase p;

	/* a cue may follow on the next line of a wrapped paragraph */
	while (from < to && (q->buf[from] == ' ' || q->buf[from] == '\r' ||
	    q->buf[from] == ','))
		from++;
	if (from < to && q->buf[from] == '\n' && !np_is_blank(q->buf, from + 1,
	    memchr(q->buf + from + 1, '\n', to - from - 1) != NULL ?
	    (size_t)((const char *)memchr(q->buf + from + 1, '\n',
	    to - from - 1) - q->buf) : to))
		from++;
	if (tokenize(q, from, to, 1) != NP_OK)
		return NP_ENOMEM;
	for (lim = 0; lim < q->ntk; lim++)
		if (q->tk[lim].kind == NP_TOK_END ||
		    q->tk[lim].kind == NP_TOK_PARA ||
		    q->tk[lim].kind == NP_TOK_MARK)
			break;
	/* a list's "..." ― Name: a dash, then only a name */
	if (lim >= 2 && np_q_dash(q, 0) && np_forward(q, 1, lim, &p) &&
	    p.kind == NP_SPEAKER_NAME && (p.t1 == lim ||
	    np_q_punct_is(q, p.t1, ','))) {
		take_mark_cue(q, a, 0, &p);
		return NP_OK;
	}
	while (i < lim && i < 2 && q->tk[i].kind == NP_TOK_PUNCT &&
	    !np_q_punct_is(q, i, '('))
		i++;
	if (i >= lim)
		return NP_OK;
	/* CUE NP: said Caddell / according to officials */
	if ((cls = np_q_cue_at(q, i, lim, &n)) != 0 && cls != 'g') {
		np_q_set_cue(q, a, i, n, cls, lim);
		a->adjacent = 1;
		if (np_after_cue(q, i + n, lim, &p))
			np_q_set_np(q, a, &p);
		return NP_OK;
	}
	/* NP [adverbs] CUE */
	for (j = i; j < lim && j - i < SUBJECT_GAP; j++) {
		if ((cls = np_q_cue_at(q, j, lim, &n)) == 0 || cls == 'g')
			continue;
		if (j == i)
			break;
		if (q->lang > 0 && only_stops(q, i, j) &&
		    np_after_cue(q, j + n, lim, &p)) {
			/* the subject after the verb: "..., so fuhr Frau
			 * Wolter fort, ...", "... Also schloß der Christ." */
			np_q_set_cue(q, a, j, n, cls, lim);
			a->adjacent = 1;
			np_q_set_np(q, a, &p);
			break;
		}
		k = np_q_skip_adverbs_back(q, i, j - 1);
		if (k == SIZE_MAX || k < i)
			break;
		if (np_backward(q, i, k, &p, 0) && np_q_descriptor(q, i, p.t0)) {
			struct np_phrase inv;

			np_q_set_cue(q, a, j, n, cls, lim);
			a->adjacent = 1;
			/* an object pronoun before the verb, the subject
			 * after it: "..., lui a répondu Claire Moreau" */
			if (p.kind == NP_SPEAKER_PRONOUN && q->lang > 0 &&
			    np_forward(q, j + n, lim, &inv) &&
			    inv.kind == NP_SPEAKER_NAME)
				p = inv;
			np_q_set_np(q, a, &p);
		}
		break;
	}
	return NP_OK;
}

/*
 * A quotation that starts a sentence: the sentence before it in the same
 * paragraph (tokens before s0) may hold its speaker ("Smith said
 * Tuesday he was worried.  "We are not ready."").  Only a subject and
 * its cue count here; nothing is adjacent.
 */
static int
earlier(struct np_quotes *q, size_t s0, struct np_attrib *a)
{
	size_t e = s0, b = 0, c, n, k;
	int cls;
	struct np_phrase p;

	if (e == 0 || q->tk[e - 1].kind != NP_TOK_END)
		return NP_OK;
	e--;
	for (k = e; k > 0; k--)
		if (q->tk[k - 1].kind != NP_TOK_WORD &&
		    q->tk[k - 1].kind != NP_TOK_PUNCT) {
			b = k;
			break;
		}
	for (c = b; c < e; c++) {
		if ((cls = np_q_cue_at(q, c, e, &n)) == 0 || cls == 'g' ||
		    cls == 'a')
			continue;
		if (c == b)
			break;
		k = np_q_skip_adverbs_back(q, b, c - 1);
		if (k != SIZE_MAX && k >= b && np_backward(q, b, k, &p, 0) &&
		    (p.kind != NP_SPEAKER_NOMINAL || (np_q_nouns_on(q) &&
		    np_q_nominal_head(q, &p)))) {
			np_q_set_cue(q, a, c, n, cls, e);
			np_q_set_np(q, a, &p);
		}
		break;
	}
	return NP_OK;
}

/* The first speaker phrase of the sentence tokens [s0, c): its
 * subject, past opening conjunctions and adverbs. */
static int
sentence_subject(const struct np_quotes *q, size_t s0, size_t c,
    struct np_phrase *p)
{
	size_t k;

	/* an opening phrase: "During a speech in Ohio, Trump said" */
	if (s0 < c && (np_q_stop_class(q, s0) == 'c' || (np_q_is_stop(q, s0) &&
	    !np_q_is_det(q, s0) && !np_q_pronoun(q, s0))))
		for (k = s0; k < c && k - s0 < 12; k++)
			if (np_q_punct_is(q, k, ',')) {
				s0 = k + 1;
				break;
			}
	for (k = s0; k < c; k++) {
		if (q->tk[k].kind != NP_TOK_WORD)
			continue;
		if ((np_q_is_stop(q, k) || np_q_stop_class(q, k) == 'c') &&
		    !np_q_is_det(q, k) && !np_q_pronoun(q, k))
			continue;
		return np_forward(q, k, c, p);
	}
	return 0;
}

/*
 * Reads the sentence before an opening mark (tokens of buf[from, to)):
 * its last cue and the speaker around it.
 */
int
np_q_before(struct np_quotes *q, size_t from, size_t to, struct np_attrib *a)
{
	size_t s0 = 0, c, n = 0, k, end;
	int cls = 0;
	struct np_phrase p;

	if (tokenize(q, from, to, 0) != NP_OK)
		return NP_ENOMEM;
	end = q->ntk;
	for (k = end; k > 0; k--)
		if (q->tk[k - 1].kind == NP_TOK_END ||
		    q->tk[k - 1].kind == NP_TOK_PARA ||
		    q->tk[k - 1].kind == NP_TOK_MARK) {
			s0 = k;
			break;
		}
	if (s0 >= end) {
		/* a play's or a dialogue's turn: `Rudolph. "..."` */
		if (end >= 2 && q->buf[q->tk[end - 1].s] == '.' &&
		    q->tk[end - 1].e - q->tk[end - 1].s == 1 &&
		    np_q_namey(q, end - 2) && (end == 2 ||
		    q->tk[end - 3].kind == NP_TOK_MARK ||
		    q->tk[end - 3].kind == NP_TOK_PARA) &&
		    np_backward(q, 0, end - 2, &p, 0) &&
		    p.kind == NP_SPEAKER_NAME && p.t0 == end - 2) {
			take_mark_cue(q, a, end - 1, &p);
			return NP_OK;
		}
		return earlier(q, s0, a);
	}
	for (c = end; c > s0; c--) {
		if (end - c > CUE_REACH) {
			/* no cue near the mark: a colon may still close a
			 * clause whose subject speaks */
			c = s0;
			break;
		}
		/* (a source word right before the colon is an adverb:
		 * "rief laut:") */
		if ((cls = np_q_cue_at(q, c - 1, end, &n)) != 0 &&
		    !(cls == 'a' && c - 1 + n + 1 == end &&
		    np_q_punct_is(q, end - 1, ':')))
			break;
		cls = 0;
	}
	if (c == s0) {
		/* a headline's NAME: "..." */
		if (np_q_punct_is(q, end - 1, ':') && end >= 2 &&
		    np_backward(q, s0, end - 2, &p, 0) &&
		    p.kind == NP_SPEAKER_NAME && p.t0 == s0) {
			/* "Trump Addresses Attack:": the longest start of
			 * the run that the article names elsewhere */
			if (p.t1 - p.t0 > 3 && np_quotes_ensure_names(q, q->len) == NP_OK) {
				size_t j;

				for (j = p.t0 + 3; j > p.t0; j--)
					if (np_quotes_surname(q, q->tk[j - 1].s,
					    q->tk[j - 1].e) != NULL) {
						p.t1 = j;
						break;
					}
			}
			a->headline = 1;
			take_mark_cue(q, a, end - 1, &p);
		} else if (np_q_punct_is(q, end - 1, ':') && end >= 2 &&
		    sentence_subject(q, s0, end - 1, &p) &&
		    ((p.kind == NP_SPEAKER_NAME && p.t1 - p.t0 >= 2) ||
		    p.kind == NP_SPEAKER_PRONOUN) &&
		    (q->lang > 0 || np_q_punct_is(q, p.t1, ','))) {
			/* no speech verb: the subject of the clause the colon
			 * closes ("Marcos León, indignado:", "Олег Петров, не
			 * согласен:"); a short quotation after it is still
			 * taken for a title ("Singspiel: "Die goldene Tochter"") */
			take_mark_cue(q, a, end - 1, &p);
		}
		return NP_OK;
	}
	c--;
	/* the scan back met the last word of a cue of several words first
	 * ("a confirmé" found as "confirmé") */
	if (c > s0) {
		size_t n2;
		int c2 = np_q_cue_at(q, c - 1, end, &n2);

		if (c2 != 0 && n2 >= 2 && c - 1 + n2 >= c + n) {
			c--;
			n = n2;
			cls = c2;
		}
	}
	np_q_set_cue(q, a, c, n, cls, end);
	a->adjacent = end - (c + n) <= 6 ||
	    (end > 0 && np_q_punct_is(q, end - 1, ':'));
	if (cls == 'a') {
		if (np_after_cue(q, c + n, end, &p))
			np_q_set_np(q, a, &p);
		return NP_OK;
	}
	if (cls == 'g') {
		/* ..., saying: the subject of the clause */
		if (sentence_subject(q, s0, c, &p))
			np_q_set_np(q, a, &p);
		return NP_OK;
	}
	if (c > s0) {
		struct np_phrase inv;
		/* a subject pronoun right after the verb (German and Dutch
		 * word order: "Am 3. März sagte sie:", "Nach einer Weile
		 * fuhr er fort:"): what stands before the verb is no subject */
		int v2 = np_forward(q, c + n, end, &inv) &&
		    inv.kind == NP_SPEAKER_PRONOUN && inv.t0 == c + n;

		k = np_q_skip_adverbs_back(q, s0, c - 1);
		if (k != SIZE_MAX && k >= s0 && np_backward(q, s0, k, &p, 0) &&
		    (p.kind != NP_SPEAKER_NOMINAL || np_q_nominal_head(q, &p)) &&
		    (!v2 || p.kind == NP_SPEAKER_PRONOUN) &&
		    !(p.t0 > s0 && np_q_stop_class(q, p.t0 - 1) == 'o')) {
			np_q_set_np(q, a, &p);
			return NP_OK;
		}
		if (v2) {
			np_q_set_np(q, a, &inv);
			return NP_OK;
		}
		/* "Mrs. Clinton shook her head and said" */
		if (sentence_subject(q, s0, c, &p) &&
		    p.kind != NP_SPEAKER_NOMINAL) {
			np_q_set_np(q, a, &p);
			return NP_OK;
		}
	}
	/* inverted: said Caddell: "..." */
	if (np_after_cue(q, c + n, end, &p) && p.kind != NP_SPEAKER_PRONOUN)
		np_q_set_np(q, a, &p);
	return NP_OK;
}
