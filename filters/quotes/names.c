/*
 * names.c - the names a document gives, collected once, so that a short
 * mention ("Keller", "Mrs. Clinton") maps to the fullest form ("Maik
 * Keller", "Hillary Clinton") and a pronoun to an earlier person.
 *
 * Method.  One pass over the document (eight bytes at a time to the
 * next capital; resumable, so that only the part before the last pronoun
 * is read) collects runs of capitalised words (with dotted initials and
 * particles such as "de" or "van" inside), drops the titles before them
 * (quotes-titles.tsv: Mr., Sen., Major General; a title also tells a
 * gender and that the run is a person), a possessive 's after them, and
 * capitalised words that cannot be names (quotes-stop.tsv: But,
 * Tuesday).  A run whose first word is a known given name
 * (quotes-given-names.tsv) is a person with that name's usual gender; an
 * opener followed by a preposition ("During a", "According to") or an
 * upper-case dateline is not a name, nor is anything on a headline line.
 * A run followed or preceded by a speech cue ("Caddell said", "said
 * Caddell") is marked as a source, one that opens its sentence as a
 * subject.  A hash table on the last word keeps, per surname, the longest
 * name seen, overall and per gender, and whether any mention of that
 * surname was a person.
 */
#include <stdlib.h>
#include <string.h>

#include "newsprep/lexicon.h"
#include "newsprep/utf8.h"
#include "quotes_priv.h"

#define MAXRUN 12

/* FNV-1a over bytes. */
static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h ? h : 1;
}

/* The slot of the surname w[0, n) with hash h, or the empty slot where
 * it would go (the table is never full). */
static size_t
probe(const struct np_quotes *q, const char *w, size_t n, uint32_t h)
{
	size_t mask = q->capsur - 1, k;

	for (k = h & mask; q->sur[k].hash != 0; k = (k + 1) & mask) {
		const struct np_surname *o = &q->sur[k];
		const struct np_name *nm = &q->names[o->any];

		if (o->hash == h && nm->last_e - nm->last_s == n &&
		    memcmp(q->buf + nm->last_s, w, n) == 0)
			return k;
	}
	return k;
}

const struct np_surname *
np_quotes_surname_bytes(struct np_quotes *q, const char *w, size_t n)
{
	size_t k;

	if (q->nsur == 0)
		return NULL;
	k = probe(q, w, n, hash_bytes(w, n));
	return q->sur[k].hash != 0 ? &q->sur[k] : NULL;
}

/* Finds or adds the surname slot for buf[s, e). */
static struct np_surname *
surname_slot(struct np_quotes *q, size_t s, size_t e, int add)
{
	uint32_t h = hash_bytes(q->buf + s, e - s);
	size_t k;

	if (q->nsur == 0 && !add)
		return NULL;
	if (add && (q->nsur + 1) * 2 > q->capsur) {
		size_t cap = q->capsur ? q->capsur * 2 : 256, i;
		struct np_surname *v = calloc(cap, sizeof *v);

		if (v == NULL)
			return NULL;
		for (i = 0; i < q->capsur; i++) {
			struct np_surname *o = &q->sur[i];

			if (o->hash == 0)
				continue;
			for (k = o->hash & (cap - 1); v[k].hash != 0;
			    k = (k + 1) & (cap - 1))
				;
			v[k] = *o;
		}
		free(q->sur);
		q->sur = v;
		q->capsur = cap;
	}
	k = probe(q, q->buf + s, e - s, h);
	if (q->sur[k].hash != 0)
		return &q->sur[k];
	if (!add)
		return NULL;
	q->sur[k].hash = h;
	q->sur[k].any = q->sur[k].m = q->sur[k].f = SIZE_MAX;
	q->sur[k].fresh = 1;
	q->nsur++;
	return &q->sur[k];
}

/* True when the token is a lexicon word. */
static const struct np_lexentry *
tok_in(const struct np_quotes *q, const struct np_qlex *lx,
    const struct np_tok *t)
{
	return np_qlex_find(lx, q->buf + t->s, t->e - t->s);
}

/* Name particles: de, van, von, da, di, del, della, dei, degli, la, le,
 * du, bin, al, ter, dos, das (not der and den: German articles join nouns, "Vorsitzende
 * der Handelskammer"). */
int
np_quotes_particle(const struct np_quotes *q, const struct np_tok *t)
{
	const char *w = q->buf + t->s;
	size_t n = t->e - t->s;

	if (t->cap || n < 2 || n > 5)
		return 0;
	/* Italian della, dello, delle, degli, dei */
	if (n == 5)
		return memcmp(w, "de", 2) == 0 && (memcmp(w + 2, "lla", 3) == 0 ||
		    memcmp(w + 2, "llo", 3) == 0 || memcmp(w + 2, "lle", 3) == 0 ||
		    memcmp(w + 2, "gli", 3) == 0);
	if (n == 3 && memcmp(w, "dei", 3) == 0)
		return 1;
	if (n > 3)
		return 0;
	switch (w[0]) {
	case 'a': return n == 2 && w[1] == 'l';
	case 'b': return n == 3 && w[1] == 'i' && w[2] == 'n';
	case 'd': return (n == 2 && (w[1] == 'e' || w[1] == 'a' ||
	    w[1] == 'i' || w[1] == 'u')) || (n == 3 && ((w[1] == 'e' &&
	    w[2] == 'l') || (w[1] == 'o' &&
	    w[2] == 's') || (w[1] == 'a' && w[2] == 's')));
	case 'l': return n == 2 && (w[1] == 'a' || w[1] == 'e');
	case 't': return n == 3 && w[1] == 'e' && w[2] == 'r';
	case 'v': return n == 3 && ((w[1] == 'a' && w[2] == 'n') ||
	    (w[1] == 'o' && w[2] == 'n'));
	}
	return 0;
}

/*
 * The gender a determiner gives the one-word run after it (quotes-
 * function.tsv "d m" / "d f": "der Arzt", "Die Ministerin"), or 0.  The
 * determiner is run[i - 1] when it opens the run, else the word before.
 */
static char
det_gender(const struct np_quotes *q, const struct np_tok *run, size_t i)
{
	const struct np_lexentry *le;
	size_t e, s;

	if (i > 0)
		le = tok_in(q, &q->function, &run[i - 1]);
	else {
		e = run[0].s;
		if (e == 0 || q->buf[e - 1] != ' ')
			return 0;
		e--;
		for (s = e; s > 0 && s > e - 8 && q->buf[s - 1] != ' ' &&
		    q->buf[s - 1] != '\n'; s--)
			;
		if (s == e)
			return 0;
		le = np_qlex_find(&q->function, q->buf + s, e - s);
	}
	if (le == NULL || le->valuelen < 3 || le->value[0] != 'd')
		return 0;
	return le->value[2] == 'm' || le->value[2] == 'f' ? le->value[2] : 0;
}

/* A word that starts or ends no name: quotes-stop.tsv, or a function
 * word or month of the document's language. */
static int
stopish(const struct np_quotes *q, const struct np_tok *t)
{
	return tok_in(q, &q->stop, t) != NULL ||
	    np_q_foreign_word(q, q->buf + t->s, t->e - t->s) ||
	    np_q_cue_word(q, t);
}

/* Appends a name built from the run tokens run[0..n); noun is the
 * gender ('m', 'f', '-') of a person noun that the run is ("der Arzt"),
 * else 0. */
static int
add_name(struct np_quotes *q, const struct np_tok *run, size_t n, int subject,
    char noun)
{
	size_t i = 0, e;
	char gender = 0;
	int person = 0;
	const struct np_lexentry *le;
	struct np_name *nm;
	struct np_surname *sl;

	for (; i < n; i++) {
		if ((le = tok_in(q, &q->titles, &run[i])) != NULL) {
			if (le->valuelen > 0 && le->value[0] != '-') {
				person = 1;
				if (le->value[0] == 'm' || le->value[0] == 'f')
					gender = le->value[0];
			}
		} else if (!stopish(q, &run[i]))
			break;
	}
	while (n > i && (np_quotes_particle(q, &run[n - 1]) ||
	    stopish(q, &run[n - 1])))
		n--;
	if (i >= n)
		return NP_OK;
	{
		/* a title inside the run: the name after it ("Ohio
		 * Democratic Party Chairman David Pepper") */
		size_t k;

		for (k = n - 1; k > i + 1 && n - k <= 3; k--)
			if ((le = tok_in(q, &q->titles, &run[k - 1])) != NULL &&
			    le->valuelen > 0 && le->value[0] != '-' &&
			    tok_in(q, &q->given, &run[k]) != NULL) {
				person = 1;
				if (le->value[0] == 'm' || le->value[0] == 'f')
					gender = le->value[0];
				i = k;
				break;
			}
	}
	e = run[n - 1].e;
	{
		/* drop a possessive 's / ’s */
		const char *b = q->buf;
		size_t s0 = run[n - 1].s;

		if (e - s0 > 2 && b[e - 1] == 's' && b[e - 2] == '\'')
			e -= 2;
		else if (e - s0 > 4 && b[e - 1] == 's' &&
		    (unsigned char)b[e - 2] == 0x99 &&
		    (unsigned char)b[e - 3] == 0x80 &&
		    (unsigned char)b[e - 4] == 0xE2)
			e -= 4;
	}
	/* "Burmistrz Dębiny Paweł Kowalski", "Мэр Вербовки Павел Смирнов":
	 * after a title, the name starts at its given name */
	if (i > 0 && n - i >= 3 && tok_in(q, &q->given, &run[i]) == NULL) {
		size_t j;

		for (j = i + 1; j + 1 < n; j++)
			if (tok_in(q, &q->given, &run[j]) != NULL) {
				i = j;
				break;
			}
	}
	if ((le = tok_in(q, &q->given, &run[i])) != NULL && n - i >= 2) {
		person = 1;
		if (gender == 0 && le->valuelen > 0 && (le->value[0] == 'm' ||
		    le->value[0] == 'f'))
			gender = le->value[0];
	}
	if (noun != 0) {
		person = 1;
		if (gender == 0 && noun != '-')
			gender = noun;
	}
	if (gender == 0 && n - i == 1)
		gender = det_gender(q, run, i);
	if (q->nname == q->capname) {
		size_t cap = q->capname ? q->capname * 2 : 64;
		void *p = realloc(q->names, cap * sizeof *q->names);

		if (p == NULL)
			return NP_ENOMEM;
		q->names = p;
		q->capname = cap;
	}
	nm = &q->names[q->nname];
	memset(nm, 0, sizeof *nm);
	nm->ms = run[0].s;
	nm->s = run[i].s;
	nm->e = e;
	nm->first_e = run[i].e < e ? run[i].e : e;
	nm->last_s = run[n - 1].s;
	nm->last_e = e;
	nm->ntok = (unsigned short)(n - i);
	nm->gender = gender;
	nm->possessive = e != run[n - 1].e;
	nm->person = (unsigned char)person;
	nm->subject = (unsigned char)(subject && !nm->possessive);
	q->nname++;
	sl = surname_slot(q, nm->last_s, nm->last_e, 1);
	if (sl == NULL)
		return NP_ENOMEM;
	{
		size_t idx = q->nname - 1;

		if (sl->fresh || q->names[sl->any].ntok < nm->ntok)
			sl->any = idx;
		if (gender == 'm' && (sl->m == SIZE_MAX ||
		    q->names[sl->m].ntok < nm->ntok))
			sl->m = idx;
		if (gender == 'f' && (sl->f == SIZE_MAX ||
		    q->names[sl->f].ntok < nm->ntok))
			sl->f = idx;
		sl->person |= (unsigned char)person;
		sl->fresh = 0;
	}
	return NP_OK;
}

/* True when the line at buf[s..] looks like a headline: three or more
 * words and none of more than three letters in lower case ("Ted Cruz
 * Hints Trump Is Next").  Names are not collected from such lines. */
static int
headline(const char *buf, size_t len, size_t s)
{
	size_t words = 0, wl;

	while (s < len && buf[s] != '\n') {
		while (s < len && (buf[s] == ' ' || buf[s] == '\t'))
			s++;
		if (s >= len || buf[s] == '\n')
			break;
		wl = 0;
		{
			/* a lower-case word of four letters or more, in any
			 * script ("міст", "the" is short) */
			size_t k = s, adv;
			int32_t c = np_utf8_decode(buf + k, len - k, &adv);

			if (np_cp_is_lower(c)) {
				while (k < len && np_cp_is_letter(c = np_utf8_decode(
				    buf + k, len - k, &adv))) {
					wl++;
					k += adv > 0 ? adv : 1;
				}
				if (wl > 3)
					return 0;
			}
		}
		words++;
		while (s < len && buf[s] != ' ' && buf[s] != '\n')
			s++;
	}
	return words >= 3;
}

/* True when the run starting at p opens a sentence: only spaces, opening
 * marks or brackets stand between it and a sentence end, a newline or the
 * start of the document. */
static int
starts_sentence(const char *buf, size_t p)
{
	const unsigned char *b = (const unsigned char *)buf;

	while (p > 0) {
		unsigned char c = b[p - 1];

		if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '[' ||
		    c == '\'' || c == '`') {
			p--;
			continue;
		}
		if (p >= 3 && b[p - 3] == 0xE2 && b[p - 2] == 0x80 &&
		    (c == 0x9C || c == 0x98)) {
			p -= 3;
			continue;
		}
		return c == '\n' || c == '.' || c == '!' || c == '?' ||
		    c == '\r';
	}
	return 1;
}

/* True when the word just before p (across spaces) is a lower-case speech
 * cue: "said Caddell". */
static int
cue_before(const struct np_quotes *q, size_t p)
{
	const char *b = q->buf;
	size_t e = p, w;
	struct np_tok t;
	const struct np_lexentry *le;

	int k;

	/* the word before, or one or two lower-case words further back
	 * ("said 9/11 widow Terry Strada") */
	for (k = 0; k < 3; k++) {
		while (e > 0 && b[e - 1] == ' ')
			e--;
		if (e == p || e == 0)
			return 0;
		for (w = e; w > 0 && e - w < 16 && ((b[w - 1] >= 'a' &&
		    b[w - 1] <= 'z') || (unsigned char)b[w - 1] >= 0x80 ||
		    (k > 0 && ((b[w - 1] >= '0' && b[w - 1] <= '9') ||
		    b[w - 1] == '/' || b[w - 1] == '-'))); w--)
			;
		if (w == e || (w > 0 && b[w - 1] != ' ' && b[w - 1] != '\n'))
			return 0;
		t.s = w;
		t.e = e;
		t.kind = NP_TOK_WORD;
		t.cap = 0;
		/* "told Reuters": a hearer, not a source */
		if ((le = np_quotes_cue(q, &t)) != NULL)
			return le->value[0] != 't';
		if (tok_in(q, &q->function, &t) != NULL ||
		    tok_in(q, &q->stop, &t) != NULL ||
		    tok_in(q, &q->langstop[q->lang], &t) != NULL ||
		    np_quotes_adverb(q, &t))
			return 0;
		e = w;
	}
	return 0;
}

/*
 * Handles a capitalised pronoun ("He said"): it is not a name, but when
 * it opens a sentence shortly after a name of unknown gender, that name
 * takes the pronoun's gender ("Tom Reyes runs the dock.  He said...").
 * Returns 1 when the token is a pronoun.
 */
static int
pronoun_gender(struct np_quotes *q, const struct np_tok *t)
{
	const struct np_lexentry *e = tok_in(q, &q->pron, t);
	struct np_name *nm;
	struct np_surname *sl;
	char g;

	if (e == NULL)
		return 0;
	g = e->valuelen > 0 ? e->value[0] : 0;
	if ((g != 'm' && g != 'f') || q->nname == 0 ||
	    !starts_sentence(q->buf, t->s))
		return 1;
	nm = &q->names[q->nname - 1];
	if (nm->gender != 0 || nm->inquote || t->s - nm->e > 400 ||
	    !(nm->subject || nm->source || nm->person))
		return 1;
	nm->gender = g;
	sl = surname_slot(q, nm->last_s, nm->last_e, 0);
	if (sl != NULL) {
		size_t idx = q->nname - 1;

		if (g == 'm' && sl->m == SIZE_MAX)
			sl->m = idx;
		if (g == 'f' && sl->f == SIZE_MAX)
			sl->f = idx;
	}
	return 1;
}

/*
 * True when a one-word run is a capitalised common word, not a name:
 * a sentence opener followed by a preposition or article ("During a",
 * "According to", "Many of") or an upper-case dateline ("CHARLOTTE,").
 */
static int
not_a_name(const struct np_quotes *q, const struct np_tok *run, size_t n,
    const struct np_tok *next)
{
	static const char *const preps[] = { "of", "to", "a", "an", "the",
	    "by", "for", "in", "on", "at", "with", "from", "as", "that",
	    "this", "these", "those", "is", "are", "was", "were", "his",
	    "her", "their", "its", "our", "my", "into", "than", "about",
	    "over", "under", "through", "since", "because", "and", "or",
	    "not", "percent", NULL };
	const char *b = q->buf;
	size_t i, len = run[0].e - run[0].s;

	if (n != 1 || !starts_sentence(b, run[0].s))
		return 0;
	/* a quantifier or determiner ("Fifteen", "More"), an adverb or a
	 * participle opening the sentence ("Finally", "Walking") */
	if (tok_in(q, &q->function, &run[0]) != NULL ||
	    (len > 5 && b[run[0].e - 1] == 'y' && b[run[0].e - 2] == 'l') ||
	    (len > 5 && b[run[0].e - 1] == 'g' && b[run[0].e - 2] == 'n' &&
	    b[run[0].e - 3] == 'i'))
		return 1;
	if (next->kind == NP_TOK_WORD && !next->cap) {
		size_t nl = next->e - next->s;

		for (i = 0; preps[i] != NULL; i++)
			if (preps[i][0] == b[next->s] &&
			    strlen(preps[i]) == nl &&
			    memcmp(b + next->s, preps[i], nl) == 0)
				return 1;
		return 0;
	}
	if (len >= 3 && next->kind == NP_TOK_PUNCT) {
		for (i = run[0].s; i < run[0].e; i++)
			if (b[i] < 'A' || b[i] > 'Z')
				return 0;
		return 1;
	}
	return 0;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* Byte c may start a capitalised word (A-Z or a UTF-8 lead byte). */
#define CAPSTART(c) ((unsigned char)((c) - 'A') < 26u || (c) >= 0xC3)
/* Byte c is part of a word (ASCII letter or digit, or non-ASCII). */
#define WORDBYTE(c) ((unsigned char)(((c) | 0x20) - 'a') < 26u || \
	(unsigned char)((c) - '0') < 10u || (c) >= 0x80)

/* True when the run at p follows a short opening phrase of its sentence
 * and a comma ("Ultimately, Mr. Clarke hopes"): up to four words, no
 * other punctuation, back to a sentence end or a line start; with bare,
 * up to two words and no comma (a language that puts its subject after
 * an adverbial: "У березні Ольга Петренко повернеться"). */
static int
after_opener(const char *buf, size_t p, int bare)
{
	size_t words = 0, most = 4, run = p;

	while (p > 0 && buf[p - 1] == ' ')
		p--;
	if (p == 0)
		return 0;
	if (buf[p - 1] == ',')
		p--;
	else if (bare)
		most = 2;	/* "У березні Ольга Петренко повернеться" */
	else
		return 0;
	while (p > 0) {
		unsigned char c = (unsigned char)buf[p - 1];

		if (c == ' ') {
			p--;
			continue;
		}
		if (c == '\n' || ((c == '.' || c == '!' || c == '?') && p < 2) ||
		    ((c == '.' || c == '!' || c == '?') && buf[p] == ' '))
			return words >= 1;
		if (!WORDBYTE(c) && c != '-')
			return 0;
		while (p > 0 && (WORDBYTE((unsigned char)buf[p - 1]) ||
		    buf[p - 1] == '-'))
			p--;
		if (++words > most)
			return 0;
		/* only the opener's first word is capitalised ("In April,",
		 * not "... of Mr. Tribe's client,") */
		{
			size_t adv;

			if (np_cp_is_upper(np_utf8_decode(buf + p, run - p,
			    &adv)) &&
			    !starts_sentence(buf, p))
				return 0;
		}
	}
	return words >= 1;
}

/* True when name b follows name a with only " of ", " on " or " for "
 * between them and a holds an organisation word: the rest of a body's
 * name ("Commission on Presidential Debates", "Bank of America"). */
static int
of_body(struct np_quotes *q, struct np_name *a, const struct np_name *b)
{
	const char *g = q->buf + a->e;
	size_t n = b->ms - a->e;

	if (n != 4 && n != 5)
		return 0;
	if (!(memcmp(g, " of ", 4) == 0 || memcmp(g, " on ", 4) == 0 ||
	    (n == 5 && memcmp(g, " for ", 5) == 0)) || (n == 4 && g[3] != ' '))
		return 0;
	return np_quotes_is_org(q, a);
}

/* True when, after a name and its comma at pos, an appositive or a
 * relative clause ends with a comma and a speech cue ("Aparna Mathur,
 * who studies tax policy, said"). */
static int
appositive_cue(const struct np_quotes *q, size_t pos)
{
	struct np_tok t;
	int k;

	for (k = 0; k < 25; k++) {
		if (!np_quotes_next_tok(&q->abbr, q->buf, q->len, &pos, &t) ||
		    t.kind == NP_TOK_END || t.kind == NP_TOK_PARA ||
		    t.kind == NP_TOK_MARK)
			return 0;
		if (t.kind == NP_TOK_PUNCT && q->buf[t.s] == ',') {
			if (!np_quotes_next_tok(&q->abbr, q->buf, q->len, &pos,
			    &t) || t.kind != NP_TOK_WORD || t.cap)
				return 0;
			return np_quotes_cue(q, &t) != NULL;
		}
	}
	return 0;
}

void
np_quotes_reset_names(struct np_quotes *q)
{
	q->nname = 0;
	q->nsur = 0;
	if (q->capsur > 0)
		memset(q->sur, 0, q->capsur * sizeof *q->sur);
	memset(&q->ns, 0, sizeof q->ns);
}

int
np_quotes_collect_names(struct np_quotes *q, size_t upto)
{
	const unsigned char *b = (const unsigned char *)q->buf;
	struct np_tok run[MAXRUN], t;
	size_t len = q->len, p = q->ns.p, pos, n, qi = q->ns.qi;
	size_t line_s = q->ns.line_s, line_e = q->ns.line_e;
	int r, skipline = q->ns.skipline, skip, subj;
	char noun;
	int org;

	/* the quotations up to there, to tell names inside them */
	if ((r = np_quotes_marks_until(q->buf, len, &q->ms, &q->cands,
	    upto)) != NP_OK)
		return r;
	while (p < len && p < upto) {
		struct np_name *nm;
		size_t before;
		int32_t c;

		/* jump to the next word that may be capitalised: eight
		 * ASCII bytes at a time while none is a capital */
		for (;;) {
			size_t lim;

			while (p + 8 <= len) {
				uint64_t w;

				memcpy(&w, b + p, 8);
				if ((w & HIGH) != 0 || ((w + 0x3F * ONES) &
				    ~(w + 0x25 * ONES) & HIGH) != 0)
					break;
				p += 8;
			}
			lim = p + 8 < len ? p + 8 : len;
			while (p < lim && !CAPSTART(b[p]))
				p++;
			if (p >= len)
				break;
			if (p == lim)
				continue;
			if (p == 0 || !WORDBYTE(b[p - 1]))
				break;
			p++;	/* a capital inside a word: McCain */
		}
		if (p >= len)
			break;
		if (b[p] >= 0x80) {
			size_t adv;

			c = np_utf8_decode(q->buf + p, len - p, &adv);
			if (!np_cp_is_upper(c)) {
				p += adv;
				continue;
			}
		}
		if (p >= line_e) {
			const char *nl;

			line_s = p;
			while (line_s > line_e && b[line_s - 1] != '\n')
				line_s--;
			nl = memchr(q->buf + p, '\n', len - p);
			line_e = nl == NULL ? len : (size_t)(nl - q->buf) + 1;
			skipline = headline(q->buf, len, line_s);
		}
		/* the run of capitalised words (particles inside) */
		pos = p;
		n = 0;
		while (np_quotes_next_tok(&q->abbr, q->buf, len, &pos, &t)) {
			if (t.kind == NP_TOK_WORD && n < MAXRUN && (t.cap ?
			    n == 0 || tok_in(q, &q->stop, &t) == NULL ||
			    tok_in(q, &q->titles, &t) != NULL :
			    n > 0 && np_quotes_particle(q, &t))) {
				run[n++] = t;
				continue;
			}
			break;
		}
		if (n == 0) {
			p = pos > p ? pos : p + 1;
			continue;
		}
		p = run[n - 1].e;
		if (n == 1 && pronoun_gender(q, &run[0]))
			continue;
		if (skipline || not_a_name(q, run, n, &t))
			continue;
		subj = starts_sentence(q->buf, run[0].s);
		noun = 0;
		if (np_q_nouns_on(q)) {
			/* a capitalised common noun: a name only when it
			 * names a person ("der Pfarrer"), a title before a
			 * name ("der Dichter Hebbel") */
			const struct np_lexentry *d = NULL, *d2;
			size_t i0 = 0;

			while (i0 < n && (d2 = np_q_noun_det(q, q->buf +
			    run[i0].s, run[i0].e - run[i0].s)) != NULL) {
				d = d2;
				i0++;
			}
			if (i0 == 0)
				d = np_q_noun_after(q, run[0].s);
			if (d != NULL && i0 < n) {
				noun = np_q_person_noun(q, q->buf + run[i0].s,
				    run[i0].e - run[i0].s, &org);
				/* bodies and texts speak but are no he or
				 * she: not in the table */
				if (n - i0 == 1 && (noun == 0 || org != 0))
					continue;
				if (noun == '-' && d->valuelen >= 3)
					noun = d->value[2];
				if (n - i0 >= 2 && noun != 0) {
					i0++;
					noun = '-';
				} else if (n - i0 >= 2) {
					/* "ein Volk von Männern" names nobody;
					 * "die Stätte Ulrich Zwingli" from the
					 * given name; "die Augsburger Allgemeine
					 * Zeitung" as a whole */
					size_t k;

					for (k = i0 + 1; k < n; k++)
						if (tok_in(q, &q->given, &run[k]) ||
						    tok_in(q, &q->titles, &run[k]))
							break;
					if (k < n)
						i0 = k;
					else if (np_q_person_noun(q, q->buf +
					    run[n - 1].s, run[n - 1].e -
					    run[n - 1].s, &org) == 0 || org == 2)
						continue;
					noun = 0;
				}
				/* a subject: der, ein, die opening it */
				subj = d->valuelen >= 5 && d->value[4] == 's';
				if (i0 > 0) {
					memmove(run, run + i0, (n - i0) *
					    sizeof *run);
					n -= i0;
				}
			}
		}
		before = q->nname;
		if ((r = add_name(q, run, n, subj, noun)) != NP_OK)
			break;
		if (q->nname == before)
			continue;
		nm = &q->names[q->nname - 1];
		while (qi < q->cands.n && q->cands.v[qi].content.end <= nm->s)
			qi++;
		nm->inquote = qi < q->cands.n &&
		    q->cands.v[qi].content.start <= nm->s;
		if (cue_before(q, run[0].s))
			nm->source = 1;
		if (!subj && after_opener(q->buf, run[0].s, q->lang > 0 &&
		    !np_q_nouns_on(q)))
			nm->subject = !nm->possessive;
		if (q->nname >= 2 && of_body(q, &q->names[q->nname - 2], nm)) {
			nm->org = 1;
			nm->org_known = 1;
		}
		if (nm->possessive)
			continue;
		if (t.kind == NP_TOK_PUNCT && q->buf[t.s] == ',' &&
		    appositive_cue(q, pos))
			nm->source = 1;
		/* NAME [adverbs] CUE */
		for (skip = 0; skip < 3; skip++) {
			if (t.kind != NP_TOK_WORD || t.cap)
				break;
			if (np_quotes_cue(q, &t) != NULL) {
				nm->source = 1;
				break;
			}
			if (!np_quotes_adverb(q, &t) ||
			    !np_quotes_next_tok(&q->abbr, q->buf, len, &pos, &t))
				break;
		}
	}
	q->ns.p = p;
	q->ns.qi = qi;
	q->ns.line_s = line_s;
	q->ns.line_e = line_e;
	q->ns.skipline = skipline;
	return r;
}

int
np_quotes_is_org(struct np_quotes *q, struct np_name *nm)
{
	size_t s = nm->s, w;

	if (nm->org_known)
		return nm->org;
	nm->org_known = 1;
	while (s < nm->e) {
		for (w = s; w < nm->e && q->buf[w] != ' '; w++)
			;
		if (np_qlex_find(&q->orgs, q->buf + s, w - s) != NULL) {
			nm->org = 1;
			break;
		}
		s = w + 1;
	}
	return nm->org;
}

const struct np_surname *
np_quotes_surname(struct np_quotes *q, size_t s, size_t e)
{
	return surname_slot(q, s, e, 0);
}
