/*
 * quotes.c - the quotes engine: finds direct quotations and who said them.
 *
 * Method: marks -> spans -> cues -> speakers -> coreference.  One file
 * per stage, each using only the stages below it (quotes_priv.h is the
 * interface):
 *
 *   qlex.c     lexicons with prefilters
 *   marks.c    quotation marks paired into quotations (spans)
 *   tokens.c   the tokens of a window
 *   cues.c     what a token is: cue, pronoun, title, determiner...
 *   speakers.c speaker phrases read forward and backward from a token
 *   window.c   the sentences after and before a quotation
 *   nouns.c    common nouns of a language that capitalises them
 *   names.c    the document's name table
 *   coref.c    pronouns and short names resolved over the table
 *   keep.c     which quotations are kept (scare quotes, titles)
 *   quotes.c   the context, the choice between the windows, records
 *
 *  1. marks.c pairs the document's quotation marks into quotations (one
 *     pass, table prefilter; split and multi-paragraph quotations).
 *  2. For each quotation the sentence after the closing mark is read
 *     first: `"...," CUE NP` ("said Caddell", "said a spokesman"),
 *     `"...," NP [adverbs] CUE` ("he said", "Mr. Garin, a pollster,
 *     added", "Huckabee spokeswoman Alice Stewart said") or a list's
 *     `"..." - Name`.  Then the sentence before the opening mark, back to
 *     the previous quotation in the paragraph (at most two sentences):
 *     its last cue and the subject before it (`NP CUE: "..."`, `NP CUE
 *     that "..."`), the phrase after it for `according to NP` and
 *     inverted `said NP:`, the clause's subject for participles (`...,
 *     saying "..."`) and for verb phrases (`NP shook her head and
 *     said`), a headline's `NAME: "..."`.  A quotation that opens a
 *     paragraph also reads the previous paragraph when that ends with a
 *     colon ("The New York Times reports:"); one that opens a sentence
 *     reads the sentence before ("Smith said Tuesday he was worried.
 *     "We are not ready."").  When both sides name a speaker the side
 *     after wins, unless the quotation ends with a full stop and the
 *     cue before is next to it.
 *  3. Cues come from quotes-cues.tsv (en, de, fr, es, it, uk, ru; several
 *     words such as "according to" or "a déclaré" match across single
 *     spaces).  A cue is lower-case (only source phrases such as
 *     "According to" may be capitalised).
 *  4. The speaker phrase is a pronoun (quotes-pronouns.tsv), a run of
 *     capitalised words (a name: titles from quotes-titles.tsv dropped; a
 *     one-word name mapped to the fullest form the document gives, see
 *     names.c) or a nominal phrase ("a campaign spokesman", "officials":
 *     reported as written).  A pronoun is resolved to the nearest earlier
 *     fitting source or sentence subject (see np_q_resolve()).
 *  5. A quotation with no cue of its own continues the previous
 *     quotation's speaker when it follows it within two paragraphs (at
 *     most four line breaks between them).
 *  6. A quotation of fewer than min_words words with no cue next to it is
 *     a scare quote or a name of a thing and is dropped, unless it is a
 *     whole sentence right after another quotation; a short phrase in
 *     title case ("Fox and Friends") is dropped unless a speaker is
 *     attributed right after it.  In a language that capitalises its
 *     nouns (nouns.c) title case tells nothing: a quotation after a noun
 *     naming a work or a name right after an article is a title, one
 *     after a colon is kept.
 *  7. In such a language a capitalised word after an article is a common
 *     noun; it speaks, and enters the name table, only when it names a
 *     person, a body or a text ("ein berühmter Arzt ... sagte er").
 *  8. A nominal outside English is linked to the name introduced with
 *     its head, else to the indefinite phrase that introduced it ("le
 *     porte-parole" -> "Un porte-parole de la SNCF"), else resolved like
 *     a pronoun; a body named with an article loses the article.
 *
 * Every lexicon lookup of the engine shares one fold of the word (struct
 * np_qfold): a capitalised word is probed in up to ten lexicons in turn.
 *
 * Cost: one table lookup per byte for text without quotation marks; per
 * quotation, two short token windows; the document's names are collected
 * once, lazily and only up to the last place a pronoun or a one-word name
 * needed them.  Lexicon lookups go through prefilters (np_qlex) so that
 * most words are rejected without folding.
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/lexicon.h"
#include "newsprep/quotes.h"
#include "newsprep/segment.h"
#include "newsprep/utf8.h"
#include "quotes_priv.h"

NP_LEXICON_DATA(quotes_cues_en);
NP_LEXICON_DATA(quotes_cues_de);
NP_LEXICON_DATA(quotes_cues_fr);
NP_LEXICON_DATA(quotes_cues_es);
NP_LEXICON_DATA(quotes_cues_it);
NP_LEXICON_DATA(quotes_cues_pt);
NP_LEXICON_DATA(quotes_cues_nl);
NP_LEXICON_DATA(quotes_cues_pl);
NP_LEXICON_DATA(quotes_cues_uk);
NP_LEXICON_DATA(quotes_cues_ru);
NP_LEXICON_STOPLISTS;
NP_LEXICON_DATA(dates_words);
NP_LEXICON_DATA(quotes_pronouns);
NP_LEXICON_DATA(quotes_titles);
NP_LEXICON_DATA(quotes_nominals);
NP_LEXICON_DATA(quotes_stop);
NP_LEXICON_DATA(quotes_given_names);
NP_LEXICON_DATA(quotes_orgs);
NP_LEXICON_DATA(abbreviations);
NP_LEXICON_DATA(quotes_function);
NP_LEXICON_DATA(quotes_nonperson);
NP_LEXICON_DATA(quotes_nouns_de);

#define WINDOW 600		/* bytes read after a closing mark */
#define BEFORE 500		/* bytes read before an opening mark */
#define MARK_BATCH 256		/* quotations asked of the mark scanner at a time */


struct np_quotes *
np_quotes_new(const struct np_quotes_opts *opts)
{
	struct np_quotes *q = calloc(1, sizeof *q);

	if (q == NULL)
		return NULL;
	q->min_words = opts != NULL && opts->min_words > 0 ?
	    opts->min_words : NP_QUOTES_MIN_WORDS;
	q->langs = opts != NULL ? opts->langs : 0;
	const struct {
		struct np_qlex *lex;
		const char *data;
		size_t len;
	} lists[] = {
#define L(lex, name) { lex, np_lex_##name, np_lex_##name##_len }
		L(&q->cues, quotes_cues_en), L(&q->cues, quotes_cues_de),
		L(&q->cues, quotes_cues_fr), L(&q->cues, quotes_cues_es),
		L(&q->cues, quotes_cues_it), L(&q->cues, quotes_cues_pt),
		L(&q->cues, quotes_cues_nl), L(&q->cues, quotes_cues_pl),
		L(&q->cues, quotes_cues_uk), L(&q->cues, quotes_cues_ru),
		L(&q->langstop[0], boilerplate_stop_en),
		L(&q->langstop[1], boilerplate_stop_de),
		L(&q->langstop[2], boilerplate_stop_fr),
		L(&q->langstop[3], boilerplate_stop_es),
		L(&q->langstop[4], boilerplate_stop_it),
		L(&q->langstop[5], boilerplate_stop_pt),
		L(&q->langstop[6], boilerplate_stop_nl),
		L(&q->langstop[7], boilerplate_stop_pl),
		L(&q->langstop[8], boilerplate_stop_uk),
		L(&q->langstop[9], boilerplate_stop_ru),
		L(&q->calendar, dates_words),
		L(&q->nouns[1], quotes_nouns_de),
#undef L
		{ &q->pron, np_lex_quotes_pronouns, np_lex_quotes_pronouns_len },
		{ &q->titles, np_lex_quotes_titles, np_lex_quotes_titles_len },
		{ &q->nominals, np_lex_quotes_nominals, np_lex_quotes_nominals_len },
		{ &q->stop, np_lex_quotes_stop, np_lex_quotes_stop_len },
		{ &q->given, np_lex_quotes_given_names, np_lex_quotes_given_names_len },
		{ &q->orgs, np_lex_quotes_orgs, np_lex_quotes_orgs_len },
		{ &q->abbr, np_lex_abbreviations, np_lex_abbreviations_len },
		{ &q->function, np_lex_quotes_function, np_lex_quotes_function_len },
		{ &q->nonperson, np_lex_quotes_nonperson, np_lex_quotes_nonperson_len },
	};
	size_t i;

	for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		if (np_qlex_load(lists[i].lex, lists[i].data, lists[i].len) != NP_OK) {
			np_quotes_free(q);
			return NULL;
		}
	}
	/* one fold of a word for all the lexicons */
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
		lists[i].lex->fold = &q->fold;
	return q;
}

void
np_quotes_free(struct np_quotes *q)
{
	size_t i;

	if (q == NULL)
		return;
	np_qlex_free(&q->cues);
	np_qlex_free(&q->pron);
	np_qlex_free(&q->titles);
	np_qlex_free(&q->nominals);
	np_qlex_free(&q->stop);
	np_qlex_free(&q->given);
	np_qlex_free(&q->orgs);
	np_qlex_free(&q->abbr);
	np_qlex_free(&q->function);
	np_qlex_free(&q->nonperson);
	for (i = 0; i < NP_Q_NLANG; i++)
		np_qlex_free(&q->langstop[i]);
	np_qlex_free(&q->calendar);
	for (i = 0; i < NP_Q_NLANG; i++)
		np_qlex_free(&q->nouns[i]);
	free(q->cands.v);
	free(q->recs);
	free(q->tk);
	free(q->names);
	free(q->sur);
	free(q);
}

const char *
np_speaker_kind_name(enum np_speaker_kind k)
{
	switch (k) {
	case NP_SPEAKER_NAME: return "name";
	case NP_SPEAKER_PRONOUN: return "pronoun";
	case NP_SPEAKER_NOMINAL: return "nominal";
	default: return "none";
	}
}

/* Number of newlines in buf[s, e), stopping once it exceeds max. */
static int
newlines(const char *buf, size_t s, size_t e, int max)
{
	int n = 0;

	for (; s < e && n <= max; s++)
		if (buf[s] == '\n')
			n++;
	return n;
}

/* True when a sentence ends just before the opening mark at open
 * ('..." the president added. "We're America."'): what follows is a
 * sentence of its own, not a title. */
static int
after_sentence(const char *buf, size_t open)
{
	while (open > 0 && (buf[open - 1] == ' ' || buf[open - 1] == '\t'))
		open--;
	return open > 0 && (buf[open - 1] == '.' || buf[open - 1] == '?' ||
	    buf[open - 1] == '!');
}

/* Reads a definite determiner opening buf[ms, me) and the word after
 * it into *u ("le ministère", "o autarca").  Returns 1, or 0. */
static int
definite_head(const struct np_quotes *q, size_t ms, size_t me,
    struct np_tok *u)
{
	struct np_tok t;
	size_t pos = ms;
	const struct np_lexentry *d;

	return np_quotes_next_tok(&q->abbr, q->buf, me, &pos, &t) &&
	    t.kind == NP_TOK_WORD &&
	    (d = np_qlex_find(&q->function, q->buf + t.s, t.e - t.s)) != NULL &&
	    d->valuelen > 0 && d->value[0] == 'd' &&
	    !(d->valuelen >= 5 && d->value[4] == 'i') &&
	    np_quotes_next_tok(&q->abbr, q->buf, me, &pos, u) &&
	    u->kind == NP_TOK_WORD;
}

/*
 * A body named with a definite article ("le ministère de la Justice",
 * "het ministerie van Justitie"): its name is the phrase without the
 * article.  Stores the name's start in *s and returns 1, or 0.
 */
static int
body_name(const struct np_quotes *q, size_t ms, size_t me, size_t *s)
{
	struct np_tok u;

	if (!definite_head(q, ms, me, &u) ||
	    np_qlex_find(&q->orgs, q->buf + u.s, u.e - u.s) == NULL)
		return 0;
	*s = u.s;
	return 1;
}

/* True when buf[ms, me) is a definite determiner and a singular head of
 * quotes-nominals.tsv ("o autarca", "la portavoz"). */
static int
definite_person(const struct np_quotes *q, size_t ms, size_t me)
{
	struct np_tok u;
	const struct np_lexentry *h;

	if (!definite_head(q, ms, me, &u) || u.e != me ||
	    (h = np_qlex_find(&q->nominals, q->buf + u.s, u.e - u.s)) == NULL)
		return 0;
	return h->valuelen == 0 || h->value[0] != 'p';
}

/* True when a colon stands just before the opening mark at open. */
static int
after_colon(const char *buf, size_t open)
{
	while (open > 0 && (buf[open - 1] == ' ' || buf[open - 1] == '\t'))
		open--;
	return open > 0 && buf[open - 1] == ':';
}

/* Appends a record; its strings point into the document (or are ""). */
static int
add_record(struct np_quotes *q, const struct np_qcand *c,
    enum np_speaker_kind kind, const char *spk, size_t spklen, size_t ms, size_t me, const char *cue,
    size_t cuelen, size_t cs, size_t ce)
{
	struct np_quote *r;

	if (np_grow(&q->recs, &q->caprec, q->nrec, sizeof *q->recs, 32) != NP_OK)
		return NP_ENOMEM;
	r = &q->recs[q->nrec];
	memset(r, 0, sizeof *r);
	r->content = c->content;
	r->open = c->open;
	r->close = c->close;
	r->multipara = c->multipara;
	r->kind = kind;
	r->speaker = spk;
	r->speaker_len = spklen;
	r->mention.start = ms;
	r->mention.end = me;
	r->cue = cue;
	r->cue_len = cuelen;
	r->cue_span.start = cs;
	r->cue_span.end = ce;
	q->nrec++;
	return NP_OK;
}

/* Start of the line holding pos. */
static size_t
line_start(const char *buf, size_t pos)
{
	while (pos > 0 && buf[pos - 1] != '\n')
		pos--;
	return pos;
}


/*
 * The window before a quotation's opening mark: back to the previous
 * quotation's close in the same line, else the line start; a quotation
 * that opens its paragraph reads the previous paragraph when it ends
 * with a colon.
 */
static void
before_window(struct np_quotes *q, size_t k, size_t *ws, size_t *we)
{
	const struct np_qcand *c = &q->cands.v[k];
	size_t os = c->open.start, lo = os > BEFORE ? os - BEFORE : 0, ls, p;
	int ends = 0;

	/* the line start, but no further back than the window can reach
	 * (a long line with many quotations is not rescanned for each) nor
	 * than the last two sentences */
	for (ls = os; ls > lo && q->buf[ls - 1] != '\n'; ls--)
		if (ls >= 2 && q->buf[ls - 1] == ' ' && (q->buf[ls - 2] == '.' ||
		    q->buf[ls - 2] == '?' || q->buf[ls - 2] == '!') &&
		    ++ends == 2)
			break;
	*we = os;
	*ws = ls;
	if (k > 0) {
		const struct np_qcand *pc = &q->cands.v[k - 1];
		size_t pe = pc->close.end != NP_NOSPAN ? pc->close.end :
		    pc->content.end;

		if (pe > *ws)
			*ws = pe;
	}
	if (*we - *ws > BEFORE)
		*ws = *we - BEFORE;
	/* only blanks between the line start and the mark? */
	for (p = os; p > 0 && (q->buf[p - 1] == ' ' || q->buf[p - 1] == '\t'); p--)
		;
	if (p > 0 && q->buf[p - 1] != '\n')
		return;
	/* the quotation opens its line (p): previous non-blank line */
	while (p > 0) {
		size_t e = p - 1, s;

		while (e > 0 && (q->buf[e - 1] == '\r' || q->buf[e - 1] == ' '))
			e--;
		s = line_start(q->buf, e);
		if (e > s) {
			const char *b = q->buf;
			size_t t = e;

			while (t > s && (b[t - 1] == ' ' || b[t - 1] == '\t'))
				t--;
			if (t > s && (b[t - 1] == ':' || b[t - 1] == ',')) {
				*ws = e - s > BEFORE ? e - BEFORE : s;
				*we = t;
			}
			return;
		}
		p = s;
		if (p == 0)
			break;
	}
}

/*
 * A cue with no subject in a language that leaves it out ("...",
 * afirmó; "Dodała: ..."): the nearest earlier source or subject that is
 * a person.  Stores its fullest form; returns 0 when none fits.
 */
static int
zero_subject(struct np_quotes *q, const struct np_attrib *a,
    const char **spk, size_t *spklen)
{
	size_t ni, s, e;

	if (np_quotes_ensure_names(q, a->cue_s) != NP_OK)
		return 0;
	if ((ni = np_q_resolve(q, a->cue_s, 'a')) == SIZE_MAX)
		return 0;
	np_q_fullest(q, q->names[ni].s, q->names[ni].e, q->names[ni].gender,
	    &s, &e);
	*spk = q->buf + s;
	*spklen = e - s;
	return 1;
}

/* Attributes quotation k and appends its record when it is kept. */
static int
attribute(struct np_quotes *q, size_t k)
{
	/* a copy: filling the name table may scan more marks and move
	 * q->cands */
	const struct np_qcand cand = q->cands.v[k], *c = &cand;
	struct np_attrib a, b;
	const struct np_attrib *use = NULL;
	size_t to, ws, we, words, ce;
	int r, colon;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	ce = c->close.end != NP_NOSPAN ? c->close.end : c->content.end;
	to = ce + WINDOW < q->len ? ce + WINDOW : q->len;
	if (k + 1 < q->cands.n && q->cands.v[k + 1].open.start < to)
		to = q->cands.v[k + 1].open.start;
	if ((r = np_q_after(q, ce, to, &a)) != NP_OK)
		return r;
	before_window(q, k, &ws, &we);
	if ((r = np_q_before(q, ws, we, &b)) != NP_OK)
		return r;
	if (a.have_cue && a.have_np && !(b.have_cue && b.have_np &&
	    b.adjacent && np_q_ends_sentence(q->buf, c->content.start,
	    c->content.end)))
		use = &a;
	else if (b.have_cue && b.have_np)
		use = &b;
	else if (a.have_cue)
		use = &a;
	else if (b.have_cue && b.adjacent)
		use = &b;
	words = np_q_count_words(q->buf, c->content.start, c->content.end);
	/* a colon announces a quotation in a language that capitalises
	 * its nouns ("das Wort: „Eiserne Hand im Samthandschuh“"), where
	 * title case tells nothing; but a short phrase opened by an article
	 * is a title there ("Donnerstag: „Die schöne Helena“") */
	colon = np_q_nouns_on(q) && after_colon(q->buf, c->open.start) &&
	    !np_q_title_phrase(q, c);
	if (!colon && np_q_title_case(q->buf, c->content.start, c->content.end) &&
	    ((!(a.have_cue && a.adjacent && a.have_np) && !b.headline &&
	    !(np_q_full_sentence(q->buf, c->content.start, c->content.end) &&
	    np_q_follows_quote(q, c) && after_sentence(q->buf, c->open.start))) ||
	    np_q_after_preposition(q->buf, c->open.start)))
		return NP_OK;
	if (np_q_nickname(q->buf, q->len, c) || np_q_work_title(q, c))
		return NP_OK;
	if (words < q->min_words && !((a.have_cue && a.adjacent) ||
	    (b.have_cue && b.adjacent)) && !(colon && words >= 2) &&
	    !(words >= 2 &&
	    np_q_full_sentence(q->buf, c->content.start, c->content.end) &&
	    np_q_follows_quote(q, c)))
		return NP_OK;
	{
		const char *spk = "", *cue = "";
		size_t spklen = 0, ms = NP_NOSPAN, me = NP_NOSPAN;
		size_t cs = NP_NOSPAN, cend = NP_NOSPAN, cuelen = 0;
		enum np_speaker_kind kind = NP_SPEAKER_NONE;

		if (use != NULL) {
			cue = q->buf + use->cue_s;
			cs = use->cue_s;
			cend = use->cue_e;
			cuelen = cend - cs;
		}
		if (use != NULL && use->have_np) {
			size_t s = use->np_s, e = use->np_e, ni;

			ms = use->np_s;
			me = use->np_e;
			kind = use->kind;
			if (kind == NP_SPEAKER_NAME) {
				/* a one-word name maps to the fullest form */
				s = use->name_s;
				e = use->name_e;
				if (memchr(q->buf + use->name_s, ' ',
				    use->name_e - use->name_s) == NULL ||
				    q->lang > 0) {
					/* the full form may follow soon
					 * (a headline's "Lee:") */
					if ((r = np_quotes_ensure_names(q, c->content.end +
					    2000 < q->len ? c->content.end +
					    2000 : q->len)) != NP_OK)
						return r;
					np_q_fullest(q, use->name_s, use->name_e,
					    use->gender, &s, &e);
				}
				if ((ni = np_q_name_at(q,
				    use->name_s)) != SIZE_MAX)
					q->names[ni].source = 1;
			} else if (kind == NP_SPEAKER_NOMINAL && q->lang > 0) {
				/* "la ministra" -> the minister named before
				 * (English keeps nominals as written) */
				if ((r = np_quotes_ensure_names(q, use->np_s)) !=
				    NP_OK)
					return r;
				int link = np_q_nominal_name(q, use->np_s,
				    use->np_e, &s, &e);

				/* (2: the nominal that introduced it, "le
				 * porte-parole" -> "Un porte-parole de la
				 * SNCF") */
				if (link == 1 || (link == 0 && body_name(q,
				    use->np_s, use->np_e, &s)))
					kind = NP_SPEAKER_NAME;
				else if (link == 0 && !np_q_nouns_on(q) &&
				    definite_person(q, use->np_s, use->np_e) &&
				    (ni = np_q_resolve(q, use->np_s, 'a')) !=
				    SIZE_MAX) {
					/* "insistiu o autarca": the person the
					 * text is about, as a pronoun would */
					np_q_fullest(q, q->names[ni].s,
					    q->names[ni].e, q->names[ni].gender,
					    &s, &e);
					kind = NP_SPEAKER_NAME;
				}
			} else if (kind == NP_SPEAKER_PRONOUN) {
				if ((r = np_quotes_ensure_names(q, use->np_s)) != NP_OK)
					return r;
				ni = np_q_resolve(q, use->np_s, use->gender);
				if (ni == SIZE_MAX && use->gender == 'p' &&
				    q->nrec > 0 && q->recs[q->nrec - 1].kind ==
				    NP_SPEAKER_NOMINAL) {
					const struct np_quote *pr =
					    &q->recs[q->nrec - 1];

					spk = pr->speaker;
					spklen = pr->speaker_len;
					s = e = 0;
				} else if (ni == SIZE_MAX && q->nrec > 0 &&
				    q->recs[q->nrec - 1].speaker_len > 0 &&
				    newlines(q->buf, q->recs[q->nrec - 1].content.end,
				    use->np_s, 4) <= 4) {
					/* no name fits: the speaker of the
					 * quotation before ("Der Arzt sagte: ...
					 * Dann fuhr er fort: ...") */
					const struct np_quote *pr =
					    &q->recs[q->nrec - 1];

					spk = pr->speaker;
					spklen = pr->speaker_len;
					s = e = 0;
				} else if (ni == SIZE_MAX) {
					s = e = 0;
					kind = NP_SPEAKER_NONE;
				} else {
					const struct np_name *nm = &q->names[ni];

					np_q_fullest(q, nm->s, nm->e, nm->gender,
					    &s, &e);
				}
			}
			if (e > s) {
				spk = q->buf + s;
				spklen = e - s;
			}
		} else if (use != NULL && use->have_cue && !use->headline &&
		    q->lang > 0 && zero_subject(q, use, &spk, &spklen)) {
			kind = NP_SPEAKER_PRONOUN;
			ms = use->cue_s;
			me = use->cue_e;
		} else if (q->nrec > 0) {
			/* no speaker of its own: continue the previous one */
			const struct np_quote *pr = &q->recs[q->nrec - 1];
			size_t pe = pr->close.end != NP_NOSPAN ?
			    pr->close.end : pr->content.end;

			/* (a play's turn, `Rudolph. "..."`, names one
			 * quotation only) */
			if (pr->speaker_len > 0 && !(pr->cue_len == 1 &&
			    pr->cue[0] == '.') &&
			    newlines(q->buf, pe, c->open.start, 4) <= 4) {
				spk = pr->speaker;
				spklen = pr->speaker_len;
				kind = pr->kind;
				ms = pr->mention.start;
				me = pr->mention.end;
				if (use == NULL) {
					cue = pr->cue;
					cuelen = pr->cue_len;
					cs = pr->cue_span.start;
					cend = pr->cue_span.end;
				}
			}
		}
		return add_record(q, c, kind, spk, spklen, ms, me, cue,
		    cuelen, cs, cend);
	}
}

/*
 * Forgets the first d quotations of q->cands (attribution is past them).
 * The name table is first filled over their text, since it tells names
 * inside quotations by them.
 */
static int
drop_cands(struct np_quotes *q, size_t d)
{
	int r;

	if ((r = np_quotes_ensure_names(q, q->cands.v[d - 1].content.end)) !=
	    NP_OK)
		return r;
	memmove(q->cands.v, q->cands.v + d, (q->cands.n - d) *
	    sizeof *q->cands.v);
	q->cands.n -= d;
	q->ns.qi = q->ns.qi > d ? q->ns.qi - d : 0;
	return NP_OK;
}

int
np_quotes_scan(struct np_quotes *q, const char *buf, size_t len,
    const struct np_quote **out, size_t *n)
{
	size_t k;
	int r;

	q->buf = buf;
	q->len = len;
	q->fold.s = NULL;	/* the cache is keyed by addresses in buf */
	q->cands.n = 0;
	q->nrec = 0;
	np_quotes_reset_names(q);
	np_q_detect_lang(q);
	q->names_upto = 0;
	q->names_rec = 0;
	*out = NULL;
	*n = 0;
	/*
	 * Quotations come from the mark scanner a batch at a time; only the
	 * one before the current one is kept from earlier batches (attribute
	 * reads its neighbours), so memory does not grow with their number.
	 */
	np_quotes_marks_init(&q->ms);
	for (k = 0;; k++) {
		if (k + 1 >= q->cands.n && !q->ms.done) {
			if (k > 1 && (r = drop_cands(q, k - 1)) != NP_OK)
				return r;
			if (k > 1)
				k = 1;
			if ((r = np_quotes_find_marks(buf, len, &q->ms,
			    &q->cands, q->cands.n + MARK_BATCH)) != NP_OK)
				return r;
		}
		if (k >= q->cands.n)
			break;
		if ((r = attribute(q, k)) != NP_OK)
			return r;
	}
	*out = q->recs;
	*n = q->nrec;
	return NP_OK;
}

