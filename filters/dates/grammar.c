/*
 * grammar.c - the dates engine's grammar: at an anchor token (a month,
 * weekday, number, unit, deictic or reference word) read the tokens to
 * the right and the modifiers to the left, and give a parse result (its
 * span and value).  np_dt_parse_anchor is the entry.
 */
#include <limits.h>
#include <string.h>
#include "dates-int.h"

/* Forward token i (0 = the anchor), read on demand; TK_END past a
 * blank line or the end.  F() answers a token already read in line; the
 * grammar asks for the same few tokens again and again. */
static const struct tok *
F_read(struct scan *S, int i)
{
	static const struct tok end = { .k = TK_END };

	if (i >= NFWD)
		return &end;
	while (S->nf <= i) {
		struct tok *t = &S->f[S->nf];
		size_t from = S->nf ? S->f[S->nf - 1].e : S->anchor;
		if (S->nf && S->f[S->nf - 1].k == TK_END) {
			*t = S->f[S->nf - 1];
			S->nf++;
			continue;
		}
		np_dt_lex(S->d, S->b, S->len, from, t, 1);
		if (S->nf && t->brk)
			t->k = TK_END;
		S->nf++;
	}
	return &S->f[i];
}

static inline const struct tok *
F(struct scan *S, int i)
{
	return i < S->nf ? &S->f[i] : F_read(S, i);
}

/* Backward token i (1 = just before the anchor), read on demand; B()
 * answers a token already read in line. */
static const struct tok *
B_read(struct scan *S, int i)
{
	static const struct tok end = { .k = TK_END };
	size_t from, st;

	if (i > NBACK)
		return &end;
	while (S->nb < i) {
		struct tok *t = &S->bk[S->nb + 1];
		from = S->nb ? S->bk[S->nb].s : S->anchor;
		if (S->nb && S->bk[S->nb].k == TK_END) {
			*t = S->bk[S->nb];
			S->nb++;
			continue;
		}
		st = from == SIZE_MAX ? SIZE_MAX : np_dt_back_start(S->b, from, S->min);
		if (st == SIZE_MAX) {
			memset(t, 0, sizeof(*t));
			t->k = TK_END;
			t->s = t->e = from;
		} else {
			np_dt_lex(S->d, S->b, S->len, st, t, 1);
			if (t->e > from)
				t->e = from;
		}
		S->nb++;
	}
	return &S->bk[i];
}

static inline const struct tok *
B(struct scan *S, int i)
{
	return i >= 1 && i <= S->nb ? &S->bk[i] : B_read(S, i);
}

/* A day number 1..31 token (optionally ordinal). */
static int
is_daynum(const struct tok *t)
{
	return t->k == TK_NUM && t->nd <= 2 && t->num >= 1 && t->num <= 31 && !t->glued && !t->dec;
}

/* A year token: 4 digits, 1000..2199, nothing glued. */
static int
is_year(const struct tok *t)
{
	return t->k == TK_NUM && t->nd == 4 && t->num >= 1000 && t->num <= 2199 &&
	    !t->glued && !t->ord && !t->dec;
}

/* Two-digit year to four, by a pivot near the reference. */
static int
year2(struct np_dates *d, int yy)
{
	int base = d->has_ref ? d->ry : 2000;
	int c = base / 100 * 100;
	int y = c + yy;

	if (y > base + 20)
		y -= 100;
	else if (y < base - 80)
		y += 100;
	return y;
}

/* The token after t is a digit run continuing a number ("2,024", "3.5"). */
static int
num_continues(struct scan *S, const struct tok *t)
{
	const char *b = S->b;
	size_t e = t->e;

	if (e + 1 < S->len && (b[e] == ',' || b[e] == '.' || b[e] == ':') &&
	    is_digit((unsigned char)b[e + 1]))
		return 1;
	if (e < S->len && (b[e] == '%'))
		return 1;
	return 0;
}

/* The number t is preceded by a digit group or a currency sign. */
static int
num_preceded(struct scan *S, const struct tok *t)
{
	const char *b = S->b;
	size_t s = t->s;

	if (s >= 2 && (b[s - 1] == ',' || b[s - 1] == '.' || b[s - 1] == ':' ||
	    b[s - 1] == '/' || b[s - 1] == '-') && is_digit((unsigned char)b[s - 2]))
		return 1;
	if (s >= 1 && (b[s - 1] == '$' || b[s - 1] == '#' || b[s - 1] == '+'))
		return 1;
	if (s >= 2 && (unsigned char)b[s - 2] == 0xc2 && (unsigned char)b[s - 1] == 0xa3)
		return 1;	/* £ */
	if (s >= 3 && (unsigned char)b[s - 3] == 0xe2 && (unsigned char)b[s - 2] == 0x82)
		return 1;	/* € and other currency signs */
	return 0;
}


/* "of" and its kin between a unit or season and a year ("the fall of
 * 1990", "la primavera de 1983", "il primo trimestre del 2010"). */
static int
is_of(const struct tok *t)
{
	return word_class(t, CL_OF);
}

/* Capitalised function words that start a sentence before a year
 * ("For 1988, ..."), not the name a year belongs to ("Euro 2024"). */
static int
function_word(const struct tok *t)
{
	return t->k == TK_WORD && t->w[0] && word_class(t, CL_FUNC);
}

/* Words before a version number written like a date ("firmware
 * 10.11.12", "v 2.10.2020", "Version 2010"). */
static int
version_word(const struct tok *t)
{
	return word_class(t, CL_VERSION);
}

/* "every", "each" and their kin before a weekday: a recurring set. */
static int
every_word(const struct tok *t)
{
	return word_class(t, CL_EVERY);
}

/* Verbs of a call to action before "now" ("Sign up now", "Buy now"). */
static int
call_word(const struct tok *t)
{
	return word_class(t, CL_CALL);
}

/* Hedges between "hace"/"vor"/"il y a" and a number ("hace más de 30
 * años", "vor fast drei Jahren"). */
static int
hedge_word(const struct tok *t)
{
	return word_class(t, CL_HEDGE);
}

/* Words before a bare year that make it a date ("in 2024"). */
static int
year_context_word(const struct tok *t)
{
	return word_class(t, CL_YEARCTX);
}

/* A lower-case word that counts things: "2000 troops". */
static int
count_noun(const struct tok *t)
{
	if (t->k != TK_WORD || !t->lower || t->wlen == 0)
		return 0;
	if (t->cls == C_UNIT || t->cls == C_MONTH || t->cls == C_ORD)
		return 0;
	if (t->wlen > 3 && t->w[t->wlen - 1] == 's' && t->w[t->wlen - 2] != 's' &&
	    strcmp(t->w, "levels") != 0)
		return 1;
	return word_class(t, CL_COUNT);
}

/* Street words after a house number. */
static int
street_word(const struct tok *t)
{
	return word_class(t, CL_STREET);
}

/* Extends r->s to the left over "early/late/mid", "the end of", "the".
 * The tokens before the first are read only when a test needs them (B()
 * lexes backwards on demand; most anchors stop at the first). */
static void
extend_edges(struct scan *S, struct res *r, int allow_the)
{
	const struct tok *t1 = B(S, 1), *t2;
	int i = 1;

	/* "mid-", "late-" glued with a hyphen */
	if (is_p(t1, '-') && adj(t1, &S->f[0]) && (t2 = B(S, 2), is_mod(t2, X_MID) ||
	    is_mod(t2, X_EARLY) || is_mod(t2, X_LATE)) && adj(t2, t1)) {
		r->s = t2->s;
		i = 3;
	} else if (is_mod(t1, X_EARLY) || is_mod(t1, X_LATE) || is_mod(t1, X_MID)) {
		r->s = t1->s;
		i = 2;
	} else if (is_word(t1, "of") && is_mod(B(S, 2), X_EDGE) && is_mod(B(S, 3), X_THE)) {
		r->s = B(S, 3)->s;
		return;
	}
	if (allow_the && is_mod(B(S, i), X_THE))
		r->s = B(S, i)->s;
}

/* A spelled year at f[i] ("nineteen ninety-six", "nineteen eighty"):
 * returns the index after it and sets *y, or returns i.  Each token is
 * read only once the ones before it match (read_year_after() asks after
 * every day and month). */
static int
spelled_year(struct scan *S, int i, int *y)
{
	const struct tok *t0 = F(S, i), *t1, *t2, *t3;

	if (!is_cls(t0, C_NUMW) || t0->val != 19)
		return i;
	t1 = F(S, i + 1);
	if (!is_cls(t1, C_NUMW) || t1->val < 10 || (t1->val >= 20 && t1->val % 10 != 0))
		return i;
	*y = 1900 + t1->val;
	if (t1->val >= 20 && (t2 = F(S, i + 2), is_p(t2, '-')) && adj(t1, t2) &&
	    (t3 = F(S, i + 3), adj(t2, t3)) &&
	    is_cls(t3, C_NUMW) && t3->val >= 1 && t3->val <= 9) {
		*y += t3->val;
		return i + 4;
	}
	return i + 2;
}

/* Reads an optional year after a day/month at f[i]: ", 2023", "2023",
 * "de 2023", "'98", "2023 г.".  Returns the next index; sets *y. */
static int
read_year_after(struct scan *S, int i, int *y)
{
	const struct tok *t = F(S, i);
	int j = i;

	*y = -1;
	/* "10-August-2012", "09/JAN/17": the separator joins a year */
	if ((is_p(t, '-') || is_p(t, '/')) && adj(F(S, i - 1), t) && F(S, i + 1)->k == TK_NUM &&
	    adj(t, F(S, i + 1)) && (F(S, i + 1)->nd == 4 || F(S, i + 1)->nd == 2) &&
	    !F(S, i + 1)->glued && !num_continues(S, F(S, i + 1))) {
		t = F(S, i + 1);
		*y = t->nd == 4 ? (int)t->num : year2(S->d, (int)t->num);
		return i + 2;
	}
	if (is_p(t, ',') || is_word(t, "de") || is_word(t, "del") || is_word(t, "of"))
		j++;
	t = F(S, j);
	if (is_year(t) && !num_continues(S, t) && t->num >= 1000) {
		*y = (int)t->num;
		j++;
	} else if (t->k == TK_NUM && t->nd == 2 && !t->glued && !t->ord && !t->dec &&
	    !t->nl && (F(S, j + 1)->k == TK_END || F(S, j + 1)->nl ||
	    (F(S, j + 1)->k == TK_PUNCT && strchr(".,;)!?", F(S, j + 1)->c) &&
	    !num_continues(S, t)))) {
		/* "3 Aug 96", "Aug 9, 96" at the end of a phrase */
		*y = year2(S->d, (int)t->num);
		j++;
	} else if (spelled_year(S, j, y) > j) {
		j = spelled_year(S, j, y);
	} else if (is_p(t, '\'') && F(S, j + 1)->k == TK_NUM && F(S, j + 1)->nd == 2 &&
	    adj(t, F(S, j + 1)) && !F(S, j + 1)->glued) {
		*y = year2(S->d, (int)F(S, j + 1)->num);
		j += 2;
	} else
		return i;
	/* "2023 г.", "2023 року", "2023 r." */
	t = F(S, j);
	if (is_cls(t, C_YEARW) || (is_cls(t, C_UNIT) && t->val == U_YEAR &&
	    !is_word(t, "year") && !is_word(t, "years") && !t->nl)) {
		j++;
		if (is_p(F(S, j), '.') && adj(F(S, j - 1), F(S, j)) && F(S, j - 1)->e - F(S, j - 1)->s <= 2)
			j++;	/* "г.", "р.", "r." */
	}
	return j;
}

/* Finishes a day-month(-year) parse. */
static void
set_dm(struct scan *S, struct res *r, int y, int m, int dd, int dir)
{
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_DAY;
	r->v.m = m;
	r->v.d = dd;
	if (y >= 0) {
		r->v.y = y;
		r->yexp = 1;
	} else if (S->d->no_ref_ok) {
		r->v.y = -1;
		r->v.unres = 1;
	} else
		np_dt_resolve_year(S, &r->v, dir, r->s, r->e);
}

/* Direction from a "last/next/this" modifier before the anchor. */
static int
mod_dir(const struct tok *t)
{
	if (is_mod(t, X_LAST) || is_mod(t, X_PAST))
		return -2;
	if (is_mod(t, X_NEXT) || is_mod(t, X_COMING))
		return 2;
	if (is_mod(t, X_THIS) || is_mod(t, X_CURRENT))
		return 3;
	return 0;
}

/* A word between the two days of a range ("to", "au", "al", "bis"). */
static int
is_range_word(const struct tok *t)
{
	return word_class(t, CL_RANGE);
}

/*
 * Direction from a "last/next" modifier written after the word, as the
 * Romance languages do ("vendredi dernier", "el año pasado", "anno
 * scorso"): -1 or +1, 0 when t is none.  English "last" after a word
 * starts another expression ("the same week last year").
 */
static int
post_dir(const struct tok *t)
{

	if (t->k != TK_WORD || t->nl || t->cls != C_MOD || word_class(t, CL_ENMOD))
		return 0;
	if (t->val == X_LAST || t->val == X_PAST)
		return -1;
	if (t->val == X_NEXT || t->val == X_COMING)
		return 1;
	return 0;
}

/* A trailing weekday after a date ("January 11, 2010 Monday"). */
static int
trailing_weekday(struct scan *S, int i)
{
	int j = i;

	if (is_p(F(S, j), ','))
		j++;
	if (is_cls(F(S, j), C_WDAY) && !F(S, j)->nl)
		return j + 1;
	if (is_p(F(S, j), '(') && is_cls(F(S, j + 1), C_WDAY) && is_p(F(S, j + 2), ')'))
		return j + 3;
	return i;
}


/* A lower-case content word after "the May": "the May elections" (a
 * month used as an adjective), not "the March for Science". */
static int
attributive(const struct tok *t)
{
	if (t->k != TK_WORD || !t->lower || t->wlen < 3 || t->nl)
		return 0;
	if (word_class(t, CL_ATTR))
		return 0;
	return 1;
}

/* A month name at f[i0]: "October 18, 2023", "Oct. 18", "February 2024",
 * "June last year", "early March", or the month alone where it is one. */
static int
p_month(struct scan *S, int i0, struct res *r)
{
	const struct tok *m = F(S, i0), *t, *t1;
	const char *b = S->b;
	int i = i0 + 1, y, mon = m->val, dd, en = 0, j, dir, pd;
	size_t post = 0;

	/* English words are capitalised; "may", "march" lower case are not dates */
	if (m->k != TK_WORD)
		return 0;
	if (m->lower && (m->w[0] != 0)) {
		/* ASCII lower-case month: only languages writing months in lower case */
		int okl = 0;
		okl = word_class(m, CL_LCMONTH);
		/* English-only names ("may", "march") in lower case are words */
		if (!okl)
			return 0;
		/* lower-case English abbreviations and shared names need a number next */
		en = word_class(m, CL_ENMONTH);
	}
	if (m->cls == C_MABBR) {
		t = F(S, i);
		if (is_p(t, '.') && adj(m, t))
			i++;
		else if (F(S, i)->k != TK_NUM)
			return 0;	/* "Mar", "Jan" alone: names */
		if (m->cap && m->wlen >= 3 && !m->lower && m->w[0] && (b[m->s + 1] & 0x20) == 0 &&
		    m->e - m->s > 1)
			return 0;	/* "JAN" in capitals: leave */
	}
	r->s = m->s;
	r->e = F(S, i - 1)->e;
	t = F(S, i);
	/* Month Day[-Day][,] [Year] */
	if (is_daynum(t) && !num_continues(S, t) &&
	    !(is_p(F(S, i + 1), '-') && adj(t, F(S, i + 1)) && F(S, i + 2)->k == TK_NUM &&
	    F(S, i + 2)->nd > 2)) {
		dd = (int)t->num;
		j = i + 1;
		t1 = F(S, j);
		if ((is_p(t1, '-') || is_range_word(t1)) && is_daynum(F(S, j + 1)) &&
		    F(S, j + 1)->num > dd) {
			r->rng_m = mon;	/* range: the start, and its end */
			r->rng_d = (int)F(S, j + 1)->num;
			r->rng_y = -1;
			j += 2;
		}
		j = read_year_after(S, j, &y);
		if (y < 0 && (is_p(F(S, j), '-') || is_range_word(F(S, j))) &&
		    (is_cls(F(S, j + 1), C_MONTH) || is_cls(F(S, j + 1), C_MABBR))) {
			/* "Aug 10 - Nov 12, 2013": the year at the end */
			int y2, k = j + 2, kd;
			if (is_p(F(S, k), '.'))
				k++;
			kd = k;
			if (is_daynum(F(S, k)) && (k = read_year_after(S, k + 1, &y2)) > 0 && y2 >= 0) {
				y = F(S, j + 1)->val >= mon ? y2 : y2 - 1;
				r->rng_m = F(S, j + 1)->val;
				r->rng_d = (int)F(S, kd)->num;
				r->rng_y = y2;
				j = k;
			}
		}
		if (y < 0 && post_dir(F(S, j)))
			j++;	/* "le 9 mars dernier": the modifier is the span's */
		j = trailing_weekday(S, j);
		if (!np_dt_valid_ymd(y, mon, dd))
			return 0;
		r->e = F(S, j - 1)->e;
		extend_edges(S, r, 0);
		set_dm(S, r, y, mon, dd, mod_dir(B(S, 1)) > 0 ? 1 :
		    post_dir(F(S, j - 1)) ? post_dir(F(S, j - 1)) : 0);
		return 1;
	}
	/* Month [,|of] Year */
	j = read_year_after(S, i, &y);
	if (y >= 0) {
		r->e = F(S, j - 1)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_MONTH;
		r->v.y = y;
		r->v.m = mon;
		r->yexp = 1;
		extend_edges(S, r, 1);
		return 1;
	}
	if (en)
		return 0;
	/* Month last/this/next year, "noviembre de este año" */
	if ((is_word(F(S, i), "de") || is_word(F(S, i), "del")) && (mod_dir(F(S, i + 1)) ||
	    post_dir(F(S, i + 2))) && is_cls(F(S, i + 1 + !post_dir(F(S, i + 2))), C_UNIT))
		i++;
	t = F(S, i);
	if (!mod_dir(t) && post_dir(F(S, i + 1)) && is_cls(t, C_UNIT) && t->val == U_YEAR) {
		/* "mayo del año pasado" */
		struct val yv;
		np_dt_rel_unit(S->d, &yv, U_YEAR, post_dir(F(S, i + 1)));
		r->e = F(S, i + 1)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_MONTH;
		r->v.m = mon;
		r->v.y = yv.y;
		r->v.unres = yv.unres;
		extend_edges(S, r, 1);
		return 1;
	}
	if ((is_mod(t, X_LAST) || is_mod(t, X_THIS) || is_mod(t, X_NEXT)) &&
	    is_cls(F(S, i + 1), C_UNIT) && F(S, i + 1)->val == U_YEAR) {
		struct val yv;
		np_dt_rel_unit(S->d, &yv, U_YEAR, is_mod(t, X_LAST) ? -1 : is_mod(t, X_NEXT) ? 1 : 0);
		r->e = F(S, i + 1)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_MONTH;
		r->v.m = mon;
		r->v.y = yv.y;
		r->v.unres = yv.unres;
		extend_edges(S, r, 1);
		return 1;
	}
	/* "el primero de mayo", "el uno de agosto": the first */
	if (is_word(B(S, 1), "de") && ((is_cls(B(S, 2), C_ORD) && B(S, 2)->val == 1) ||
	    is_word(B(S, 2), "uno")) && !B(S, 2)->nl) {
		j = read_year_after(S, i, &y);
		r->s = B(S, 2)->s;
		r->e = F(S, j - 1)->e;
		set_dm(S, r, y, mon, 1, 0);
		return 1;
	}
	/* Month alone; the Polish genitives ("marca", "maja") only follow a
	 * day, and are Spanish and Italian words alone ("marca": brand) */
	{
		if (word_class(m, CL_GENMONTH))
			return 0;
	}
	t1 = B(S, 1);
	dir = mod_dir(t1);
	if (!dir && (pd = post_dir(F(S, i))) != 0) {
		dir = 2 * pd;	/* "juin prochain", "octubre pasado" */
		post = F(S, i)->e;
	}
	if (!dir && (is_word(t1, "de") || is_word(t1, "del")) && is_cls(B(S, 2), C_UNIT) &&
	    B(S, 2)->val == U_MONTH && mod_dir(B(S, 3))) {
		/* "el pasado mes de mayo": the modifier of "mes" */
		dir = mod_dir(B(S, 3));
		t1 = B(S, 3);
	}
	if ((m->w[0] && (strcmp(m->w, "may") == 0 || strcmp(m->w, "march") == 0 ||
	    strcmp(m->w, "mars") == 0)) || m->cls == C_MABBR) {
		/* "May", "March": only after a preposition or modifier */
		if (!(year_context_word(t1) || dir || is_word(t1, "on") ||
		    is_word(t1, "at") || is_word(t1, "for") || is_word(t1, "next") ||
		    is_mod(t1, X_EARLY) || is_mod(t1, X_LATE) || is_mod(t1, X_MID) ||
		    (is_p(t1, '-') && (is_mod(B(S, 2), X_MID) || is_mod(B(S, 2), X_LATE) ||
		    is_mod(B(S, 2), X_EARLY))) ||
		    (t1->k == TK_WORD && !t1->cap && t1->cls == C_MOD && t1->val != X_THE) ||
		    (is_mod(t1, X_THE) && attributive(F(S, i)))))
			return 0;
		if (m->cls == C_MABBR && !is_p(F(S, i0 + 1), '.'))
			return 0;
	}
	if (t1->k == TK_WORD && t1->cap && !t1->lower && (t1->cls == 0 ||
	    ((t1->cls == C_MONTH || t1->cls == C_MABBR) && !t1->nl)) &&
	    !year_context_word(t1) && !function_word(t1))
		return 0;	/* "Theresa May", "Brian August", "Jan Mei", "Иван Май" */
	if (m->cap && F(S, i)->k == TK_WORD && F(S, i)->cap && !F(S, i)->nl &&
	    (F(S, i)->cls == C_MONTH || F(S, i)->cls == C_MABBR) && F(S, i + 1)->k != TK_NUM)
		return 0;	/* "Marco Maggio": a name, not two months */
	if ((is_p(F(S, i), '\'') && m->val == 5) || (F(S, i)->k == TK_WORD && F(S, i)->cap &&
	    F(S, i)->cls == 0 && !F(S, i)->nl && m->val != 8))
		return 0;	/* "May's" (Theresa May's), "March Madness" */
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_MONTH;
	r->v.m = mon;
	if (post)
		r->e = post;
	if (dir && !post)
		r->s = t1->s;
	else	/* "the" stays out of "the May elections" */
		extend_edges(S, r, !(is_mod(t1, X_THE) && attributive(F(S, i))));
	if (dir == 3) {
		if (S->d->has_ref)
			r->v.y = S->d->ry;
		else
			r->v.y = -1, r->v.unres = 1;
	} else if (S->d->no_ref_ok) {
		r->v.y = -1;
		r->v.unres = 1;
	} else {
		np_dt_resolve_year(S, &r->v, dir < 0 ? -1 : dir > 0 ? 1 : 0, r->s, r->e);
		if (dir == -2 && S->d->has_ref && r->v.y == S->d->ry && mon == S->d->rm)
			r->v.y--;
		if (dir == 2 && S->d->has_ref && r->v.y == S->d->ry && mon == S->d->rm)
			r->v.y++;
	}
	return 1;
}

static int unit_plural(const struct tok *t);

/* Numbers: ISO dates, numeric dates, day-month, years, decades,
 * centuries, "N units ago". */
static int
p_number(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	static const struct tok none = { .k = TK_END };
	const struct tok *t0 = F(S, 0), *t1, *t2, *t3, *t4, *t5, *b1;
	int y, j, i;

	if (t0->glued)
		return 0;
	/* digit runs after a digit group belong to that number */
	if (num_preceded(S, t0))
		return 0;
	t1 = F(S, 1);
	t2 = &none;
	/* t3 and t4 are read (in the tests below) only once t0, t1 and t2
	 * look like a numeric date: most numbers end at "," or "." */
	if (t1->k == TK_PUNCT && adj(t0, t1))
		t2 = F(S, 2);
	/* ISO and year-first: 2023-10-18, 2023/10/18, 2023.10.18 */
	if (t0->nd == 4 && !t0->ord && !t0->dec && t1->k == TK_PUNCT &&
	    (t1->c == '-' || t1->c == '/' || t1->c == '.') && adj(t0, t1) &&
	    t2->k == TK_NUM && t2->nd <= 2 && adj(t1, t2) && is_p(t3 = F(S, 3), t1->c) &&
	    adj(t2, t3) && (t4 = F(S, 4))->k == TK_NUM && t4->nd <= 2 && adj(t3, t4) &&
	    (!t4->glued || (S->b[t4->s + t4->nd] == 'T' && t4->s + t4->nd + 1 < S->len &&
	    is_digit((unsigned char)S->b[t4->s + t4->nd + 1])))) {
		t5 = F(S, 5);
		if (!(t5->k == TK_PUNCT && (t5->c == t1->c || t5->c == ':') && adj(t4, t5) &&
		    F(S, 6)->k == TK_NUM && adj(t5, F(S, 6))) &&
		    np_dt_valid_ymd((int)t0->num, (int)t2->num, (int)t4->num)) {
			r->s = t0->s;
			r->e = t4->s + t4->nd;
			memset(&r->v, 0, sizeof(r->v));
			r->v.k = V_DAY;
			r->v.y = (int)t0->num;
			r->v.m = (int)t2->num;
			r->v.d = (int)t4->num;
			/* "2023-10-18T10:00" keeps just the date */
			return 1;
		}
		return 0;
	}
	/* year first with a month name: "2012/Aug/10", "2018 March 18" */
	if (t0->nd == 4 && is_year(t0) && !num_continues(S, t0)) {
		const struct tok *m = F(S, 1), *dy = F(S, 2);
		int k = 3;
		if ((is_p(m, '/') || is_p(m, '-')) && adj(t0, m)) {
			m = F(S, 2);
			dy = F(S, 4);
			k = 5;
			if (!(adj(F(S, 1), m) && is_p(F(S, 3), F(S, 1)->c) && adj(m, F(S, 3)) &&
			    adj(F(S, 3), dy)))
				m = &none;
		}
		if ((is_cls(m, C_MONTH) || is_cls(m, C_MABBR)) && !m->nl && is_daynum(dy) &&
		    !num_continues(S, dy) && !is_p(F(S, k), ':') &&
		    !(F(S, k)->k == TK_WORD && is_cls(F(S, k), C_UNIT)) &&
		    np_dt_valid_ymd((int)t0->num, m->val, (int)dy->num) &&
		    !(m->lower && m->w[0] && (strcmp(m->w, "may") == 0 || strcmp(m->w, "march") == 0))) {
			r->s = t0->s;
			r->e = dy->e;
			memset(&r->v, 0, sizeof(r->v));
			r->v.k = V_DAY;
			r->v.y = (int)t0->num;
			r->v.m = m->val;
			r->v.d = (int)dy->num;
			r->yexp = 1;
			return 1;
		}
	}
	/* all-numeric: d/m/y or m/d/y */
	if (t0->nd <= 2 && !t0->ord && t1->k == TK_PUNCT &&
	    (t1->c == '-' || t1->c == '/' || t1->c == '.') && adj(t0, t1) &&
	    t2->k == TK_NUM && t2->nd <= 2 && adj(t1, t2) && is_p(t3 = F(S, 3), t1->c) &&
	    adj(t2, t3) && (t4 = F(S, 4))->k == TK_NUM && (t4->nd == 2 || t4->nd == 4) &&
	    adj(t3, t4) && !t4->glued && !t4->ord) {
		int a = (int)t0->num, bb = (int)t2->num, c = (int)t4->num;
		int sep = t1->c, yy, mm, dd;
		t5 = F(S, 5);
		if (t5->k == TK_PUNCT && (t5->c == sep || t5->c == '.' || t5->c == ':') &&
		    adj(t4, t5) && F(S, 6)->k == TK_NUM && adj(t5, F(S, 6)))
			return 0;	/* 1.2.10.4, an address, a longer number */
		if (sep == '.' && t4->nd != 4 && (t0->nd != 2 || t2->nd != 2))
			return 0;	/* version numbers 2.10.30 */
		if (version_word(B(S, 1)))
			return 0;	/* "firmware 10.11.12", "v 1.2.2020" */
		yy = t4->nd == 2 ? year2(d, c) : c;
		r->s = t0->s;
		r->e = t4->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DAY;
		r->v.y = yy;
		if (d->o.order == NP_DATES_ORDER_YMD) {
			/* yy/mm/dd */
			if (t0->nd != 2 || !np_dt_valid_ymd(year2(d, a), bb, c))
				return 0;
			r->v.y = year2(d, a);
			r->v.m = bb;
			r->v.d = c;
			return 1;
		}
		if (!np_dt_valid_ymd(yy, a, bb) && !np_dt_valid_ymd(yy, bb, a))
			return 0;
		if (a > 12 || d->o.order == NP_DATES_ORDER_DMY) {
			mm = bb;
			dd = a;
		} else if (bb > 12 || d->o.order == NP_DATES_ORDER_MDY) {
			mm = a;
			dd = bb;
		} else {
			mm = bb;
			dd = a;
			if (a != bb) {
				r->pending = 1;
				r->p.a = a;
				r->p.b = bb;
				r->p.c = yy;
				r->p.sep = sep;
			}
		}
		if (a > 12 && bb <= 12)
			d->order_dmy[sep_index(sep)]++;
		else if (bb > 12 && a <= 12)
			d->order_mdy[sep_index(sep)]++;
		if (!np_dt_valid_ymd(yy, mm, dd))
			return 0;
		r->v.m = mm;
		r->v.d = dd;
		return 1;
	}
	/* Day [.|th] [of|de] Month [Year], and ranges "17-19 October 2022" */
	if (is_daynum(t0) || (t0->ord && t0->nd <= 2 && t0->num >= 1 && t0->num <= 31)) {
		int rd = 0;
		i = 1;
		if (is_p(F(S, 1), '.') && adj(t0, F(S, 1)) && is_range_word(F(S, 2)) &&
		    is_daynum(F(S, 3)) && F(S, 3)->num > t0->num && is_p(F(S, 4), '.')) {
			rd = (int)F(S, 3)->num;	/* "3. bis 5. März" */
			i = 4;
		}
		if ((is_p(F(S, i), '-') || is_range_word(F(S, i))) && is_daynum(F(S, i + 1)) &&
		    F(S, i + 1)->num > t0->num) {
			rd = (int)F(S, i + 1)->num;
			i += 2;
		}
		if (is_p(F(S, i), '.') && adj(F(S, i - 1), F(S, i)))
			i++;
		else if ((is_p(F(S, i), '-') || is_p(F(S, i), '/')) && adj(F(S, i - 1), F(S, i)) &&
		    (is_cls(F(S, i + 1), C_MONTH) || is_cls(F(S, i + 1), C_MABBR)) &&
		    adj(F(S, i), F(S, i + 1)))
			i++;	/* "10-August-2012", "09/JAN/2017" */
		if (is_word(F(S, i), "of") || is_word(F(S, i), "de"))
			i++;
		t2 = F(S, i);
		if ((is_cls(t2, C_MONTH) || is_cls(t2, C_MABBR)) && !t2->nl) {
			int mon = t2->val;
			if (is_cls(t2, C_MONTH) && t2->lower && t2->w[0]) {
				/* ASCII lower-case: "12 may" is no English date */
				if (strcmp(t2->w, "may") == 0 || strcmp(t2->w, "march") == 0)
					return 0;
			}
			i++;
			if (is_cls(t2, C_MABBR) && is_p(F(S, i), '.') && adj(t2, F(S, i)))
				i++;
			j = read_year_after(S, i, &y);
			if (is_p(F(S, i), ',') && y < 0)
				j = i;
			if (rd) {
				r->rng_m = mon;
				r->rng_d = rd;
				r->rng_y = -1;
			}
			if (y < 0 && (is_p(F(S, j), '-') || is_range_word(F(S, j))) &&
			    is_daynum(F(S, j + 1)) && (is_cls(F(S, j + 2), C_MONTH) ||
			    is_cls(F(S, j + 2), C_MABBR))) {
				/* "10 August - 12 September 2013": the year at the end */
				int y2, k = read_year_after(S, j + 3, &y2);
				if (y2 >= 0) {
					y = F(S, j + 2)->val >= mon ? y2 : y2 - 1;
					r->rng_m = F(S, j + 2)->val;
					r->rng_d = (int)F(S, j + 1)->num;
					r->rng_y = y2;
					j = k;
				}
			}
			j = trailing_weekday(S, j);
			if (y < 0 && post_dir(F(S, j)))
				j++;	/* "le 9 mars dernier" */
			if (!np_dt_valid_ymd(y, mon, (int)t0->num))
				return 0;
			r->s = t0->s;
			r->e = F(S, j - 1)->e;
			/* "le 18", "el 18", "am 18." stay outside the span */
			set_dm(S, r, y, mon, (int)t0->num, post_dir(F(S, j - 1)));
			return 1;
		}
	}
	/* "the 18th": a day of the reference month (the nearest such day) */
	if (t0->ord && t0->nd <= 2 && t0->num >= 1 && t0->num <= 31 && is_mod(B(S, 1), X_THE) &&
	    !(t1->k == TK_WORD && !t1->nl && !word_class(t1, CL_ATTR)) && !is_of(t1) &&
	    !(t1->k == TK_NUM)) {
		/* (a word after it makes it an adjective: "the 3rd floor",
		 * "the 11th Circuit") */
		r->s = B(S, 1)->s;
		r->e = t0->e;
		memset(&r->v, 0, sizeof(r->v));
		if (!d->has_ref || d->no_ref_ok) {
			np_dt_val_unres(&r->v, V_DAY);
			return 1;
		}
		{
			/* this month, the last or the next: the nearest valid one,
			 * the tense choosing as for a year-less date */
			int k, best = 0, t = np_dt_tense(S, r->s, r->e);
			long bd = LONG_MAX;
			for (k = -1; k <= 1; k++) {
				int m0 = d->rm - 1 + k, yy = d->ry + (m0 < 0 ? -1 : m0 > 11 ? 1 : 0);
				int mm = ((m0 % 12) + 12) % 12 + 1;
				long z, dist;
				if (!np_dt_valid_ymd(yy, mm, (int)t0->num))
					continue;
				z = np_cal_days(yy, mm, (int)t0->num);
				dist = z >= d->rz ? (z - d->rz) * (t < 0 ? 2 : 1) : (d->rz - z) * (t > 0 ? 2 : 1);
				if (dist < bd) {
					bd = dist;
					best = k;
				}
			}
			{
				int m0 = d->rm - 1 + best;
				r->v.k = V_DAY;
				r->v.y = d->ry + (m0 < 0 ? -1 : m0 > 11 ? 1 : 0);
				r->v.m = ((m0 % 12) + 12) % 12 + 1;
				r->v.d = (int)t0->num;
			}
		}
		return 1;
	}
	/* ordinal century: "20th century", "the 21st century" */
	if (t0->ord && is_cls(t1, C_UNIT) && t1->val == U_CENTURY && t0->num >= 1 && t0->num <= 30) {
		r->s = t0->s;
		r->e = t1->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_CENTURY;
		r->v.n = (int)t0->num - 1;
		extend_edges(S, r, 1);
		return 1;
	}
	/* N units ago / in N units: handled from the unit */
	if (is_cls(t1, C_UNIT) && t0->nd <= 3 && !t0->ord)
		return 0;
	/* decade: 1990s, 1990's */
	if (t0->nd == 4 && t0->num % 10 == 0 && t0->num >= 1000 && t0->num <= 2190 &&
	    (t0->dec || (is_p(t1, '\'') && adj(t0, t1) && is_word(t2, "s") && adj(t1, t2)))) {
		r->s = t0->s;
		r->e = t0->dec ? t0->e : t2->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DECADE;
		r->v.n = (int)t0->num / 10;
		extend_edges(S, r, 1);
		return 1;
	}
	/* a year */
	if (is_year(t0) && !num_continues(S, t0)) {
		int ctx;
		b1 = B(S, 1);
		ctx = year_context_word(b1) || is_cls(b1, C_FISCAL) || is_cls(b1, C_MONTH) ||
		    (is_p(b1, '-') && (is_mod(B(S, 2), X_MID) || is_mod(B(S, 2), X_LATE) ||
		    is_mod(B(S, 2), X_EARLY)));
		/* 1998-99, 2009-2010: the first year */
		if (is_p(t1, '-') && adj(t0, t1) && t2->k == TK_NUM && adj(t1, t2) &&
		    !(t2->nd == 2 || t2->nd == 4))
			return 0;
		if (is_p(t1, '-') && adj(t0, t1) && t2->k == TK_WORD && adj(t1, t2))
			return 0;	/* "2000-strong", "1,000-year" */
		if (t0->num < 1900 && !ctx)
			return 0;
		if (version_word(b1))
			return 0;	/* "version 2010" */
		if (t0->num >= 2100 && !ctx)
			return 0;
		if (!ctx && count_noun(t1) && !(is_mod(b1, X_THE) && t0->num >= 1900))
			return 0;	/* "2000 troops", not "the 2024 elections" */
		if (!ctx && b1->k == TK_WORD && b1->cap && b1->cls == 0 && !b1->nl &&
		    B(S, 2)->k != TK_NUM && !function_word(b1))
			return 0;	/* a name with a year: "Euro 2024", "Windows 2000" */
		if (!ctx && (street_word(t1) || (t1->k == TK_WORD && t1->cap && street_word(F(S, 2)))))
			return 0;	/* "2000 Main Street" */
		/* "the 1988 second quarter" */
		if (is_cls(t1, C_ORD) && is_cls(F(S, 2), C_UNIT) && (F(S, 2)->val == U_QUARTER || F(S, 2)->val == U_HALF))
			return 0;	/* done from the unit */
		r->s = t0->s;
		r->e = t0->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_YEAR;
		r->v.y = (int)t0->num;
		r->yexp = 1;
		if (is_mod(b1, X_THE) && is_cls(t1, C_UNIT) && (t1->val == U_PERIOD ||
		    t1->val == U_QUARTER) && !unit_plural(t1)) {
			/* "the 1988 period": the quarter in view, that year */
			r->s = b1->s;
			r->e = t1->e;
			if (d->last_q) {
				r->v.k = V_QUARTER;
				r->v.n = d->last_q;
			}
			return 1;
		}
		if (is_cls(b1, C_FISCAL))
			r->s = b1->s;
		else
			extend_edges(S, r, 0);
		return 1;
	}
	return 0;
}

/* "'80s", "'98" */
static int
p_apos(struct scan *S, struct res *r)
{
	const struct tok *t1 = F(S, 1);

	if (t1->k != TK_NUM || t1->nd != 2 || !adj(F(S, 0), t1))
		return 0;
	if (t1->dec && t1->num % 10 == 0) {
		r->s = F(S, 0)->s;
		r->e = t1->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DECADE;
		r->v.n = 190 + (int)t1->num / 10;
		extend_edges(S, r, 1);
		return 1;
	}
	return 0;
}

/* A year-less date with its weekday ("Friday, January 17"): when the
 * year chosen by tense does not give that weekday and the year before
 * or after does, on the same side of the reference (the tense still
 * holds), take that one. */
static void
weekday_year(const struct np_dates *d, struct val *v, int wd)
{
	int k, best = 0;
	long bd = LONG_MAX, z0;

	if (!np_dt_valid_ymd(v->y, v->m, v->d))
		return;
	z0 = np_cal_days(v->y, v->m, v->d);
	if (np_cal_weekday(z0) == wd)
		return;
	for (k = -1; k <= 1; k += 2) {
		long z, dist;
		if (!np_dt_valid_ymd(v->y + k, v->m, v->d))
			continue;
		z = np_cal_days(v->y + k, v->m, v->d);
		if (np_cal_weekday(z) != wd || (z < d->rz) != (z0 < d->rz))
			continue;
		dist = z > d->rz ? z - d->rz : d->rz - z;
		if (dist < bd) {
			bd = dist;
			best = k;
		}
	}
	v->y += best;
}

/* Length of the line holding b[pos] up to pos (bytes back to its start). */
static size_t
line_len(const char *b, size_t pos)
{
	size_t i = pos;

	while (i > 0 && b[i - 1] != '\n' && pos - i < 200)
		i--;
	return pos - i;
}

/* Weekdays: with a date after them, or alone resolved by tense. */
static int
p_weekday(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *t1, *b1;
	int i = 1, dir;
	struct scan sub;

	/* weekday names are no other English word: any case will do */
	if (w->cls == C_WABBR) {
		if (is_p(F(S, 1), '.') && adj(w, F(S, 1)))
			i++;
		if (is_p(F(S, i), ','))
			i++;
		if (w->lower)
			return 0;
	} else {
		if (is_p(F(S, i), ','))
			i++;
	}
	/* a date after the weekday: parse it from there (not from the line
	 * under a short line: a title ending in "Tuesday" over its dateline) */
	t1 = F(S, i);
	if ((t1->k == TK_NUM || is_cls(t1, C_MONTH) || is_cls(t1, C_MABBR)) &&
	    !(t1->nl && line_len(S->b, w->s) < 60)) {
		sub = *S;
		sub.anchor = t1->s;
		sub.nf = 0;
		sub.nb = 0;
		sub.min = w->s;
		if ((t1->k == TK_NUM ? p_number(&sub, r) : p_month(&sub, 0, r)) &&
		    r->v.k == V_DAY) {
			if (r->pending) {
				/* the weekday tells the order of 12/7/2014 */
				int dmy = np_dt_valid_ymd(r->p.c, r->p.b, r->p.a) &&
				    np_cal_weekday(np_cal_days(r->p.c, r->p.b, r->p.a)) == w->val;
				int mdy = np_dt_valid_ymd(r->p.c, r->p.a, r->p.b) &&
				    np_cal_weekday(np_cal_days(r->p.c, r->p.a, r->p.b)) == w->val;
				if (dmy == mdy) {
					memset(r, 0, sizeof(*r));
					goto alone;
				}
				r->pending = 0;
				r->v.m = mdy ? r->p.a : r->p.b;
				r->v.d = mdy ? r->p.b : r->p.a;
			}
			if (!r->yexp && r->v.y > 0 && r->v.m > 0 && S->d->has_ref)
				weekday_year(S->d, &r->v, w->val);
			r->s = w->s;
			return 1;
		}
		memset(r, 0, sizeof(*r));
	}
alone:
	if (w->cls == C_WABBR)
		return 0;
	r->s = w->s;
	r->e = w->e;
	b1 = B(S, 1);
	t1 = F(S, 1);
	if (t1->k == TK_WORD && t1->cap && t1->cls == 0 && !t1->nl && (is_mod(b1, X_THE) ||
	    (b1->k == TK_WORD && b1->cap && b1->cls == 0)))
		return 0;	/* a name: "The Sunday Times", "Good Friday Agreement" */
	if (every_word(b1) || (is_mod(b1, X_THE) && every_word(B(S, 2)))) {
		/* "every Monday", "chaque lundi", "tous les lundis": a set */
		r->s = every_word(b1) ? b1->s : B(S, 2)->s;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_DAY;
		r->v.set = w->val;
		return 1;
	}
	/* "Tuesday of next week" */
	if (is_word(F(S, 1), "of") && (is_mod(F(S, 2), X_LAST) || is_mod(F(S, 2), X_NEXT) ||
	    is_mod(F(S, 2), X_THIS)) && is_cls(F(S, 3), C_UNIT) && F(S, 3)->val == U_WEEK) {
		long mon;
		r->e = F(S, 3)->e;
		memset(&r->v, 0, sizeof(r->v));
		if (!S->d->has_ref || S->d->no_ref_ok) {
			np_dt_val_unres(&r->v, V_DAY);
			return 1;
		}
		mon = S->d->rz - np_cal_weekday(S->d->rz) + 1 +
		    (is_mod(F(S, 2), X_LAST) ? -7 : is_mod(F(S, 2), X_NEXT) ? 7 : 0);
		np_dt_val_day(&r->v, mon + w->val - 1);
		return 1;
	}
	/* "Sunday night", "Tuesday morning" */
	t1 = F(S, 1);
	if (is_cls(t1, C_PART) && !t1->nl)
		r->e = t1->e;
	b1 = B(S, 1);
	dir = mod_dir(b1);
	if (is_mod(b1, X_COMING) && is_mod(B(S, 2), X_THIS)) {
		dir = 2;
		r->s = B(S, 2)->s;
	} else if (dir) {
		r->s = b1->s;
		if (is_mod(b1, X_PAST) && is_mod(B(S, 2), X_THE))
			r->s = B(S, 2)->s;
	} else if (is_mod(b1, X_EARLIER) || is_mod(b1, X_LATER) || is_mod(b1, X_EARLY) ||
	    is_mod(b1, X_LATE)) {
		r->s = b1->s;
	}
	if (!dir && post_dir(F(S, 1))) {
		/* "vendredi dernier", "el jueves venidero" */
		dir = 2 * post_dir(F(S, 1));
		r->e = F(S, 1)->e;
		if (is_mod(b1, X_THE))
			r->s = b1->s;
	}
	if (is_mod(b1, X_EARLIER))
		dir = -1;
	else if (!dir && is_p(F(S, 1), '\'') && adj(w, F(S, 1)) && is_word(F(S, 2), "s"))
		dir = -1;	/* "Wednesday's ruling" happened */
	else if (is_mod(b1, X_LATER))
		dir = 0;
	if (S->d->no_ref_ok) {
		np_dt_val_unres(&r->v, V_DAY);
		return 1;
	}
	np_dt_resolve_weekday(S, &r->v, w->val, dir, r->s, r->e);
	return 1;
}

/* today, yesterday, tomorrow and their kin. */
static int
p_deictic(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *b2, *b3;
	int off = w->val;

	if (strcmp(w->w, "morgen") == 0 && w->cap)
		return 0;	/* "Morgen": morning */
	if (every_word(b1))
		return 0;	/* "cada mañana": every morning */
	if (strcmp(w->w, "hier") == 0 && w->cap)
		return 0;
	if (w->w[0] == 0 && w->cap && strcmp(w->w, "manana") == 0)
		return 0;
	if (is_word(b1, "la") || is_word(b1, "de") || is_word(b1, "esta"))
		if (w->wlen == 0)	/* "por la mañana" */
			return 0;
	r->s = w->s;
	r->e = w->e;
	b2 = B(S, 2);
	b3 = B(S, 3);
	if (w->val == 0 && ((is_word(F(S, 1), "por") && F(S, 2)->k == TK_WORD &&
	    F(S, 2)->cls == C_DEICTIC && F(S, 2)->val == 0) || (is_word(F(S, 1), "en") &&
	    is_cls(F(S, 2), C_UNIT) && F(S, 2)->val == U_DAY))) {
		/* "hoy por hoy", "hoy en día": nowadays */
		r->e = F(S, 2)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_REF;
		return 1;
	}
	/* the day before yesterday / after tomorrow */
	if ((is_word(b1, "before") || is_word(b1, "after")) && is_cls(b2, C_UNIT) &&
	    b2->val == U_DAY && is_word(b2, "day")) {
		off += is_word(b1, "before") ? -1 : 1;
		r->s = is_mod(b3, X_THE) ? b3->s : b2->s;
	} else if (is_mod(b1, X_EARLIER) || is_mod(b1, X_LATER) || is_mod(b1, X_EARLY) ||
	    is_mod(b1, X_LATE))
		r->s = b1->s;
	if (S->d->no_ref_ok || !S->d->has_ref) {
		np_dt_val_unres(&r->v, V_DAY);
		return 1;
	}
	memset(&r->v, 0, sizeof(r->v));
	np_dt_val_day(&r->v, S->d->rz + off);
	return 1;
}

/* now, currently, recently, the future... */
static int
p_ref(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *t1 = F(S, 1);

	r->s = w->s;
	r->e = w->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_REF;
	r->v.n = w->val;
	if (strcmp(w->w, "recent") == 0 || strcmp(w->w, "future") == 0 ||
	    strcmp(w->w, "futuro") == 0) {
		/* "recent years", "the future", "the near future", "future quarters" */
		if (is_cls(t1, C_UNIT) && unit_plural(t1) && !t1->nl)
			r->e = t1->e;
		else if (!(strcmp(w->w, "recent") != 0 && (is_mod(b1, X_THE) ||
		    (is_mod(b1, X_NEAR) && is_mod(B(S, 2), X_THE)))))
			return 0;
		if (is_mod(b1, X_THE))
			r->s = b1->s;
		else if (is_mod(b1, X_NEAR) && is_mod(B(S, 2), X_THE))
			r->s = B(S, 2)->s;
		return 1;
	}
	if (strcmp(w->w, "momento") == 0 || strcmp(w->w, "momentos") == 0) {
		/* "en este momento", "hasta el momento", "estos momentos" */
		if (is_mod(b1, X_THIS)) {
			r->s = b1->s;
			return 1;
		}
		if (is_word(b1, "el") && word_class(B(S, 2), CL_MOMENTPRE)) {
			r->s = b1->s;
			return 1;
		}
		return 0;
	}
	if (strcmp(w->w, "now") == 0 && call_word(b1) &&
	    (t1->k == TK_END || t1->nl || is_p(t1, '!') || is_p(t1, '.') || is_p(t1, '>')))
		return 0;	/* "Sign up now", "Subscribe now!": a call, no date */
	if (strcmp(w->w, "now") == 0) {
		if (is_word(t1, "that") || is_word(b1, "right") || is_word(b1, "by") ||
		    is_word(b1, "until") || is_word(b1, "from"))
			return strcmp(b1->w, "right") == 0 ? (r->s = b1->s, 1) : 1;
	}
	if (strcmp(w->w, "past") == 0) {
		/* "the past" (not "the past year": the unit does that) */
		if (!is_mod(b1, X_THE) || t1->k == TK_NUM || is_cls(t1, C_UNIT) ||
		    is_cls(t1, C_NUMW) || is_word(t1, "few") || is_word(t1, "several") ||
		    is_word(t1, "couple"))
			return 0;
		r->s = b1->s;
		r->v.n = 1;
		return 1;
	}
	return 1;
}

/* A number before a unit: digits or a number word; returns its value
 * (or -2 for vague "few", 0 for none). */
static long
unit_count(const struct tok *t)
{
	if (t->k == TK_NUM && !t->ord && !t->glued && t->nd <= 3)
		return t->num;
	if (is_cls(t, C_NUMW))
		return t->val;
	return 0;
}

/* Is the unit token plural (English "years", others by lexicon)? */
static int
unit_plural(const struct tok *t)
{
	return t->wlen > 0 && t->w[t->wlen - 1] == 's' && strcmp(t->w, "mes") != 0 &&
	    strcmp(t->w, "mois") != 0;
}

/*
 * "the weekend", "this weekend", "last weekend": the ISO week of its
 * Saturday.  Early in the week (Monday, Tuesday) and not looking ahead,
 * "the weekend" is the one just past.
 */
static void
weekend(struct scan *S, struct res *r, int dir)
{
	struct np_dates *d = S->d;
	long sat;
	int wd;

	if (!d->has_ref) {
		np_dt_val_unres(&r->v, V_WEEKEND);
		return;
	}
	wd = np_cal_weekday(d->rz);
	sat = d->rz - wd + 6;	/* Saturday of the reference week */
	if (dir == 0) {
		int t = np_dt_tense(S, r->s, r->e);
		if (t < 0 || (t == 0 && wd <= 2))
			dir = -1;	/* the weekend just past */
	}
	if (dir < 0 && sat > d->rz)
		sat -= 7;
	else if (dir > 0)
		sat += 7;
	memset(&r->v, 0, sizeof(r->v));
	np_dt_val_week(&r->v, sat);
	r->v.k = V_WEEKEND;
}

/* Units: "last week", "three days ago", "this year", "the third quarter". */
static int
p_unit(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	const struct tok *u = F(S, 0), *t1 = F(S, 1), *b1 = B(S, 1), *b2 = B(S, 2), *b3 = B(S, 3);
	const struct tok *m1, *m2;
	int unit = u->val, k, dir, y, fort = 1;
	long n;

	r->s = u->s;
	r->e = u->e;
	memset(&r->v, 0, sizeof(r->v));
	if (unit == U_FORTNIGHT)
		unit = U_WEEK, fort = 2;	/* "a fortnight ago": two weeks */
	if (unit == U_MONTH && (is_word(t1, "de") || is_word(t1, "del")) &&
	    (is_cls(F(S, 2), C_MONTH) || is_cls(F(S, 2), C_MABBR)))
		return 0;	/* "el pasado mes de mayo": the month reads it */
	if (unit == U_YEAR && (is_mod(b1, X_THE) || is_of(b1)) && t1->k == TK_NUM && !t1->nl &&
	    !t1->glued && !num_continues(S, t1) && (t1->nd == 4 || (t1->nd == 2 &&
	    t1->num % 10 == 0 && unit_plural(u)))) {
		/* "el año 2006", "los años 30", "los años 1980" */
		r->s = is_mod(b1, X_THE) ? b1->s : u->s;
		r->e = t1->e;
		if (t1->nd == 2 || (unit_plural(u) && t1->num % 10 == 0)) {
			r->v.k = V_DECADE;
			r->v.n = t1->nd == 2 ? 190 + (int)t1->num / 10 : (int)t1->num / 10;
		} else {
			r->v.k = V_YEAR;
			r->v.y = (int)t1->num;
			r->yexp = 1;
		}
		return 1;
	}
	/* N units ago / vor N Tagen / il y a N jours / in N days */
	n = unit_count(b1);
	k = 2;
	if (n == 0 && (is_word(b1, "few") || is_word(b1, "several") || is_word(b1, "couple"))) {
		n = -2;
		if (is_word(b1, "couple") && is_word(B(S, 2), "a"))
			k = 3;
		else if (is_word(B(S, 2), "a"))
			k = 3;
	} else if (n == 0 && is_word(b1, "of") && is_word(b2, "couple") && is_word(b3, "a")) {
		n = -2;
		k = 4;
	}
	if (n == 0 && is_cls(t1, C_AGO) && !unit_plural(u) && !is_word(t1, "ago")) {
		n = 1;	/* "Месяц назад", "Tydzień temu": one */
		k = 1;
	}
	if (n == 0 && is_word(b1, "de") && is_word(b2, "par") && unit_count(b3) == 1) {
		n = 2;	/* "hace un par de meses" */
		k = 4;
	}
	while (n != 0 && k < 5 && hedge_word(B(S, k)))
		k++;	/* "hace más de 30 años", "hace casi 100 días" */
	if (n != 0 && unit != U_QUARTER && unit != U_HALF && unit != U_WEEKEND) {
		const struct tok *pre = B(S, k), *pre2 = B(S, k + 1), *pre3 = B(S, k + 2);
		int sign = 0;
		size_t s = n == -2 ? B(S, k - 1)->s : k == 1 ? u->s : b1->s, e = u->e;
		if (is_cls(t1, C_AGO) || (is_word(t1, "earlier") && unit >= U_MONTH)) {
			sign = -1;
			e = t1->e;
		} else if (is_word(t1, "from") && is_word(F(S, 2), "now")) {
			sign = 1;	/* "five days from now" */
			e = F(S, 2)->e;
		} else if (is_word(t1, "hence")) {
			sign = 1;
			e = t1->e;
		} else if (is_cls(pre, C_PREP)) {
			sign = pre->val;
			s = pre->s;
			if (is_word(pre, "in") && !(n > 0))
				sign = 0;
			if (sign > 0 && (unit == U_DECADE || unit == U_CENTURY))
				sign = 0;	/* "in a decade": a duration */
			if (sign > 0 && (is_word(t1, "time") || is_mod(B(S, k + 1), X_THE)))
				sign = 0;
		} else if (is_word(pre, "a") && is_word(pre2, "y") && is_word(pre3, "il")) {
			sign = -1;	/* il y a trois jours */
			s = pre3->s;
		}
		if (sign == 0)
			return 0;
		if (sign < 0 && (is_word(pre, "about") || is_word(pre, "nearly") ||
		    is_word(pre, "almost") || is_word(pre, "some") || is_word(pre, "around") ||
		    is_word(pre, "roughly") || is_word(pre, "just") || is_word(pre, "only")))
			s = pre->s;
		r->s = s;
		r->e = e;
		if (n == -2) {
			if (unit == U_YEAR && d->has_ref) {
				r->v.k = V_DECADE;
				r->v.n = d->ry / 10 - (d->ry % 10 < 3 ? 1 : 0);
			} else {
				r->v.k = V_REF;
				r->v.n = sign < 0 ? 1 : 2;
			}
			return 1;
		}
		if (sign < 0 && n > 0 && (unit == U_YEAR || unit == U_MONTH) &&
		    is_cls(F(S, 2), C_DEICTIC) && F(S, 2)->val == 0 && !F(S, 2)->nl &&
		    is_cls(t1, C_AGO)) {
			/* "80 years ago today": that day, n years back */
			r->e = F(S, 2)->e;
			memset(&r->v, 0, sizeof(r->v));
			if (!d->has_ref) {
				np_dt_val_unres(&r->v, V_DAY);
				return 1;
			}
			r->v.k = V_DAY;
			r->v.y = d->ry - (unit == U_YEAR ? (int)n : 0);
			r->v.m = d->rm;
			r->v.d = d->rd;
			if (unit == U_MONTH) {
				int m0 = d->rm - 1 - (int)n;
				r->v.y = d->ry + (m0 >= 0 ? 0 : -((11 - m0) / 12));
				r->v.m = ((m0 % 12) + 12) % 12 + 1;
			}
			if (!np_dt_valid_ymd(r->v.y, r->v.m, r->v.d))
				r->v.d = np_cal_mdays(r->v.y, r->v.m);
			return 1;
		}
		if (unit == U_YEAR && n == 1 && sign < 0 && d->last_q && d->has_ref) {
			/* "a year ago" in a quarterly report: that quarter */
			np_dt_year_back_quarter(d, &r->v);
			return 1;
		}
		if (unit == U_PERIOD)
			return 0;
		if (unit == U_WEEK && n * fort <= 4)
			/* near: the day ("a week ago", "3 weeks ago", "a fortnight
			 * ago"); far: the week ("six weeks ago") */
			np_dt_rel_unit(d, &r->v, U_DAY, (int)(sign * n * fort * 7));
		else if (unit == U_WEEK)
			np_dt_rel_unit(d, &r->v, U_WEEK, (int)(sign * n * fort));
		else if (unit == U_DECADE)
			np_dt_rel_unit(d, &r->v, U_YEAR, (int)(sign * n * 10));
		else if (unit == U_CENTURY)
			np_dt_rel_unit(d, &r->v, U_YEAR, (int)(sign * n * 100));
		else
			np_dt_rel_unit(d, &r->v, unit, (int)(sign * n));
		return 1;
	}
	/* plural: "recent years", "the coming weeks", "the past few months" */
	if (unit_plural(u) && unit == U_DAY && is_mod(b1, X_THIS)) {
		r->s = b1->s;	/* "these days", "estos días": now */
		r->v.k = V_REF;
		r->v.n = 0;
		return 1;
	}
	if (unit_plural(u)) {
		if (is_mod(b1, X_COMING) || (is_mod(b1, X_NEXT) && is_mod(b2, X_THE))) {
			r->s = is_mod(b2, X_THE) ? b2->s : b1->s;
			r->v.k = V_REF;
			r->v.n = 2;
			return 1;
		}
		if ((is_word(b1, "few") || is_word(b1, "several")) && (is_mod(b2, X_PAST) ||
		    is_mod(b2, X_LAST)) && is_mod(b3, X_THE)) {
			r->s = b3->s;
			r->v.k = V_REF;
			r->v.n = 1;
			return 1;
		}
		return 0;
	}
	/* ordinal quarters and halves: "the third quarter", "third-quarter",
	 * "the first half of 2010", "the 1988 second quarter" */
	if (unit == U_QUARTER || unit == U_HALF) {
		const struct tok *o = b1;
		int oi = 1;
		if (is_p(b1, '-') && adj(b1, u))
			o = b2, oi = 2;
		if (is_cls(o, C_ORD) && o->val > 0 && o->val <= (unit == U_QUARTER ? 4 : 2)) {
			const struct tok *bb = B(S, oi + 1), *bb2 = B(S, oi + 2);
			r->s = o->s;
			y = -1;
			if (is_cls(bb, C_FISCAL)) {
				r->s = bb->s;
				bb = B(S, oi + 2);
				bb2 = B(S, oi + 3);
			}
			if (is_year(bb)) {
				y = (int)bb->num;
				r->s = bb->s;
				bb = bb2;
			} else if (is_word(bb, "s") && is_p(bb2, '\'') && is_cls(B(S, oi + 3), C_UNIT) &&
			    B(S, oi + 3)->val == U_YEAR) {
				/* this year's / last year's third quarter */
				const struct tok *m = B(S, oi + 4);
				struct val yv;
				np_dt_rel_unit(d, &yv, U_YEAR, is_mod(m, X_LAST) ? -1 : is_mod(m, X_NEXT) ? 1 : 0);
				y = yv.y;
				if (mod_dir(m))
					r->s = m->s;
				bb = B(S, oi + 5);
			}
			if (is_mod(bb, X_THE))
				r->s = bb->s;
			/* "of 2010", "2010" after */
			k = 1;
			if (is_of(t1) || is_p(t1, ','))
				k = 2;
			if (y < 0 && is_year(F(S, k)) && !num_continues(S, F(S, k))) {
				y = (int)F(S, k)->num;
				r->e = F(S, k)->e;
			} else if (y < 0 && is_of(t1) && is_mod(F(S, 2), X_THE) &&
			    F(S, 3)->k == TK_WORD && !is_cls(F(S, 3), C_UNIT) &&
			    !is_cls(F(S, 3), C_FISCAL))
				return 0;	/* "the second half of the game" */
			r->v.k = unit == U_QUARTER ? V_QUARTER : V_HALF;
			r->v.n = o->val;
			if (y < 0) {
				if (d->has_ref)
					y = d->ry;
				else
					r->v.unres = 1;
			}
			r->v.y = y;
			if (unit == U_QUARTER) {
				d->last_q = o->val;
				d->last_qy = y;
			}
			return 1;
		}
	}
	/* anaphora: "that year", "later that year", "the following year",
	 * "the previous year", "that quarter" follow the last one written */
	if ((unit == U_YEAR && d->last_y && (is_mod(b1, X_THAT) || ((is_word(b1, "following") ||
	    is_word(b1, "previous") || is_word(b1, "prior") || is_word(b1, "preceding")) &&
	    is_mod(b2, X_THE)))) || (unit == U_QUARTER && d->last_q && is_mod(b1, X_THAT))) {
		r->s = is_mod(b1, X_THAT) ? b1->s : b2->s;
		if (is_mod(b1, X_THAT) && (is_mod(b2, X_LATER) || is_mod(b2, X_EARLIER)))
			r->s = b2->s;
		memset(&r->v, 0, sizeof(r->v));
		if (unit == U_QUARTER) {
			r->v.k = V_QUARTER;
			r->v.n = d->last_q;
			r->v.y = d->last_qy;
		} else {
			r->v.k = V_YEAR;
			r->v.y = d->last_y + (is_word(b1, "following") ? 1 : is_mod(b1, X_THAT) ? 0 : -1);
		}
		return 1;
	}
	/* last/next/this unit, early this year, the past year; "fiscal" and
	 * "full" may stand between ("the current fiscal year") */
	k = 1;
	if (is_cls(b1, C_FISCAL) || is_word(b1, "full") || is_word(b1, "calendar"))
		k = 2;
	else if (is_p(b1, '\'') && adj(b1, u) && adj(b2, b1) && b2->k == TK_WORD)
		k = 2;	/* "quest'anno", "l'année": the word before the apostrophe */
	m1 = B(S, k);
	m2 = B(S, k + 1);
	dir = 0;
	if (is_mod(m1, X_LAST) || is_mod(m1, X_PAST))
		dir = -1;
	else if (is_mod(m1, X_NEXT) || is_mod(m1, X_COMING))
		dir = 1;
	if (!dir && !is_mod(m1, X_THIS) && !is_mod(m1, X_CURRENT) && unit != U_DAY &&
	    unit != U_PERIOD && (k = post_dir(t1)) != 0) {
		/* "el año pasado", "la semaine prochaine", "anno scorso" */
		if (unit == U_WEEKEND)
			weekend(S, r, k);
		else
			np_dt_rel_unit(d, &r->v, unit, k);
		if (unit == U_DECADE && k < 0 && d->has_ref) {
			r->v.k = V_DECADE;
			r->v.n = d->ry / 10 - 1;
		}
		r->s = is_mod(m1, X_THE) ? m1->s : u->s;
		r->e = t1->e;
		return 1;
	}
	if (unit == U_DAY)
		return 0;	/* "the next day": relative to the story, not the reference */
	if (unit == U_YEAR && dir && is_p(t1, '\'') && adj(u, t1) && is_word(F(S, 2), "s") &&
	    is_cls(F(S, 3), C_ORD) && is_cls(F(S, 4), C_UNIT) &&
	    (F(S, 4)->val == U_QUARTER || F(S, 4)->val == U_HALF))
		return 0;	/* "next year's first quarter": the quarter takes it */
	if ((dir || is_mod(m1, X_THIS) || is_mod(m1, X_CURRENT) || is_mod(m1, X_LATEST)) &&
	    (unit != U_PERIOD || is_mod(m1, X_LATEST))) {
		if (is_mod(m1, X_LATEST)) {
			if (unit != U_QUARTER && unit != U_PERIOD)
				return 0;
			np_dt_rel_unit(d, &r->v, U_QUARTER, -1);	/* the last one completed */
		} else if (unit == U_HALF && is_word(m1, "last") && is_mod(m2, X_THE)) {
			r->v.k = V_HALF;	/* "the last half": the second */
			r->v.n = 2;
			r->v.y = d->has_ref ? d->ry : -1;
			r->v.unres = !d->has_ref;
		} else if (unit == U_WEEKEND)
			weekend(S, r, dir);
		else
			np_dt_rel_unit(d, &r->v, unit, dir);
		r->s = m1->s;
		if (is_mod(m2, X_THE) && !is_mod(m1, X_THIS))
			r->s = m2->s;
		else if (is_mod(m2, X_EARLIER) || is_mod(m2, X_LATER) || is_mod(m2, X_EARLY) ||
		    is_mod(m2, X_LATE) || is_mod(m2, X_MID))
			r->s = m2->s;
		else if (is_mod(m2, X_THIS) && is_mod(m1, X_PAST))
			r->s = m2->s;	/* "this past week" */
		if ((unit == U_HALF || unit == U_QUARTER) && is_of(t1) &&
		    is_year(F(S, 2)) && !num_continues(S, F(S, 2))) {
			r->v.y = (int)F(S, 2)->num;
			r->e = F(S, 2)->e;
		}
		if (r->v.k == V_QUARTER && unit == U_QUARTER) {
			d->last_q = r->v.n;
			d->last_qy = r->v.y;
		}
		if (unit == U_DECADE && dir < 0 && d->has_ref) {
			r->v.k = V_DECADE;
			r->v.n = d->ry / 10 - 1;
		}
		return 1;
	}
	/* "year-ago", "year-earlier" (the same period a year back) */
	if (unit == U_YEAR && is_p(t1, '-') && adj(u, t1) && (is_word(F(S, 2), "ago") ||
	    is_word(F(S, 2), "earlier"))) {
		const struct tok *t3 = F(S, 3);
		r->e = F(S, 2)->e;
		if (is_cls(t3, C_ORD) && is_cls(F(S, 4), C_UNIT) && (F(S, 4)->val == U_QUARTER ||
		    F(S, 4)->val == U_HALF) && t3->val > 0 && d->has_ref) {
			r->e = F(S, 4)->e;
			r->v.k = F(S, 4)->val == U_QUARTER ? V_QUARTER : V_HALF;
			r->v.n = t3->val;
			r->v.y = d->ry - 1;
		} else if (((is_cls(t3, C_UNIT) && t3->val == U_QUARTER) || is_word(t3, "period")) &&
		    d->last_q) {
			r->e = t3->e;
			np_dt_year_back_quarter(d, &r->v);
		} else
			np_dt_rel_unit(d, &r->v, U_YEAR, -1);
		if (is_mod(b1, X_THE))
			r->s = b1->s;
		else if (is_word(b1, "comparable") && is_mod(b2, X_THE))
			r->s = b2->s;
		return 1;
	}
	/* "the year two thousand (and five)": a spoken year */
	if (unit == U_YEAR && is_mod(b1, X_THE) && is_cls(t1, C_NUMW) && t1->val >= 1 &&
	    t1->val <= 9 && is_word(F(S, 2), "thousand")) {
		int k2 = 3;
		r->s = b1->s;
		r->e = F(S, 2)->e;
		memset(&r->v, 0, sizeof(r->v));
		r->v.k = V_YEAR;
		r->v.y = 1000 * t1->val;
		if (is_word(F(S, 3), "and"))
			k2 = 4;
		if (is_cls(F(S, k2), C_NUMW) && F(S, k2)->val >= 1 && F(S, k2)->val <= 20) {
			r->v.y += F(S, k2)->val;
			r->e = F(S, k2)->e;
		}
		d->last_y = r->v.y;
		return 1;
	}
	/* "the year", "the quarter", "the week", "the fiscal year" */
	if (is_mod(m1, X_THE) && (unit == U_YEAR || unit == U_QUARTER || unit == U_WEEK ||
	    unit == U_WEEKEND)) {
		if (is_word(t1, "before") || is_word(t1, "after") || is_word(t1, "earlier") ||
		    is_word(t1, "ago") || is_word(t1, "later") || is_word(t1, "of") ||
		    is_p(t1, '-') || is_word(t1, "that") || is_word(t1, "when") ||
		    is_word(t1, "in") || is_word(t1, "before"))
			return 0;
		r->s = m1->s;
		if (unit == U_QUARTER) {
			if (d->last_q) {
				r->v.k = V_QUARTER;
				r->v.n = d->last_q;
				r->v.y = d->last_qy;
			} else
				np_dt_rel_unit(d, &r->v, U_QUARTER, -1);
		} else if (unit == U_WEEKEND)
			weekend(S, r, 0);
		else
			np_dt_rel_unit(d, &r->v, unit, 0);
		return 1;
	}
	return 0;
}

/* Seasons: "this summer", "the fall of 1990", "spring 2010". */
static int
p_season(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *t1 = F(S, 1);
	int dir = mod_dir(b1), y = -1, i = 1, pd = post_dir(t1);

	if (is_of(t1) && is_year(F(S, 2)))
		y = (int)F(S, 2)->num, i = 3;
	else if (is_year(t1) && !num_continues(S, t1))
		y = (int)t1->num, i = 2;
	if (!dir && pd) {
		dir = 2 * pd;	/* "l'été dernier", "el verano pasado" */
		i = 2;
	}
	if (y < 0 && !dir && !is_mod(b1, X_THE) && !is_mod(b1, X_EARLY) && !is_mod(b1, X_LATE))
		return 0;
	if (y < 0 && is_mod(b1, X_THE) && (is_word(t1, "of") || is_word(t1, "season")))
		return 0;
	if (y < 0 && strcmp(w->w, "fall") == 0 && !dir && !is_mod(b1, X_THE))
		return 0;
	r->s = ((dir && !pd) || is_mod(b1, X_THE) || is_mod(b1, X_EARLY) || is_mod(b1, X_LATE)) ?
	    b1->s : w->s;
	if (is_mod(b1, X_PAST) && is_mod(B(S, 2), X_THIS))
		r->s = B(S, 2)->s;
	if ((is_mod(b1, X_EARLY) || is_mod(b1, X_LATE)) && is_mod(B(S, 2), X_THE))
		r->s = B(S, 2)->s;
	r->e = F(S, i - 1)->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_SEASON;
	r->v.n = w->val;
	if (y < 0) {
		if (!d->has_ref) {
			r->v.y = -1;
			r->v.unres = 1;
			return 1;
		}
		/* seasons by their last month: spring May, summer August,
		 * fall November, winter February (named by the year it began) */
		static const int endm[5] = { 0, 5, 8, 11, 14 };
		int em = endm[w->val & 3 ? w->val : 4];
		int cur = d->rm + (w->val == 4 && d->rm <= 2 ? 12 : 0);
		y = d->ry - (w->val == 4 && d->rm <= 2 ? 1 : 0);
		if (dir == -2 || (is_mod(b1, X_PAST) && dir))
			y -= cur > em ? 0 : 1;	/* the last one completed */
		else if (dir == 2)
			y += cur >= em - 2 ? 1 : 0;	/* the next one to begin */
	}
	r->v.y = y;
	return 1;
}

/* The day number of the n-th weekday wd (1 Monday) of y-m. */
static long
nth_weekday(int y, int m, int wd, int n)
{
	long z = np_cal_days(y, m, 1);

	return z + ((wd - np_cal_weekday(z)) + 7) % 7 + 7L * (n - 1);
}

/* Christmas, Thanksgiving (US), Election Day (US). */
static int
p_holiday(struct scan *S, struct res *r)
{
	struct np_dates *d = S->d;
	const struct tok *w = F(S, 0), *t1, *b1;
	int dd = 25, dir, y;
	long z;

	/* the cheap tests first: "election" in lower case is common */
	if (!w->cap)
		return 0;
	t1 = F(S, 1);
	if (w->val == 3 && !is_word(t1, "day"))
		return 0;
	b1 = B(S, 1);
	r->s = w->s;
	r->e = w->e;
	if (w->val == 2 || w->val == 3) {
		/* Thanksgiving: fourth Thursday of November; Election Day:
		 * the Tuesday after the first Monday of November */
		if (w->val == 3 && !is_word(t1, "day"))
			return 0;
		if (is_word(t1, "day"))
			r->e = t1->e;
		dir = mod_dir(b1);
		if (dir)
			r->s = b1->s;
		memset(&r->v, 0, sizeof(r->v));
		if (!d->has_ref || d->no_ref_ok) {
			np_dt_val_unres(&r->v, V_DAY);
			return 1;
		}
		for (y = d->ry - 1; y <= d->ry + 1; y++) {
			z = w->val == 2 ? nth_weekday(y, 11, 4, 4) : nth_weekday(y, 11, 1, 1) + 1;
			/* the latest one before (past) or the next one */
			if (dir < 0 ? (z < d->rz && nth_weekday(y + 1, 11, 4, 4) >= d->rz) :
			    dir > 0 ? z > d->rz : (z >= d->rz - 180 && z < d->rz + 186)) {
				np_dt_val_day(&r->v, z);
				return 1;
			}
		}
		return 0;
	}
	if (is_word(t1, "eve")) {
		dd = 24;
		r->e = t1->e;
	} else if (is_word(t1, "day"))
		r->e = t1->e;
	set_dm(S, r, -1, 12, dd, mod_dir(B(S, 1)) > 0 ? 1 : mod_dir(B(S, 1)) < 0 ? -1 : 0);
	if (mod_dir(B(S, 1)))
		r->s = B(S, 1)->s;
	return 1;
}

/*
 * "current" before a noun is a PRESENT_REF ("the current weakness",
 * "its current chief"), "then current" a PAST_REF (TimeML).  Before a
 * unit, month or season the unit's own parse does it ("the current
 * quarter"); as a noun ("the current carried it") it is no date.
 */
static int
p_current(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *b1 = B(S, 1), *t1 = F(S, 1);

	if (t1->k != TK_WORD || !t1->lower || t1->nl || t1->cls == C_UNIT ||
	    t1->cls == C_SEASON || t1->cls == C_MONTH || t1->cls == C_FISCAL ||
	    t1->cls == C_MOD || is_word(t1, "of") || is_word(t1, "and") ||
	    is_word(t1, "is") || is_word(t1, "was") || is_word(t1, "flows") ||
	    is_word(t1, "account") || is_word(t1, "accounts"))
		return 0;
	r->s = w->s;
	r->e = w->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_REF;
	r->v.n = 0;
	if (is_word(b1, "then") && !b1->nl) {
		r->s = b1->s;
		r->v.n = 1;
	}
	return 1;
}

/*
 * A "last/next" word standing alone, which the Spanish TimeML tags as
 * PAST_REF or FUTURE_REF ("la próxima reunión", "del pasado"); only the
 * words the lexicon makes anchors get here (dates.c, gram_add).  Next to
 * a unit, month, weekday, season or number the other parse reads it.
 */
static int
p_mod_ref(struct scan *S, struct res *r)
{
	const struct tok *w = F(S, 0), *t1 = F(S, 1), *b1 = B(S, 1);
	static const int near[] = { C_UNIT, C_MONTH, C_MABBR, C_WDAY, C_WABBR, C_SEASON,
	    C_DEICTIC, C_HOLIDAY, C_FISCAL, 0 };
	int i;

	for (i = 0; near[i]; i++)
		if ((!t1->nl && is_cls(t1, near[i])) || is_cls(b1, near[i]))
			return 0;
	if (t1->k == TK_NUM || b1->k == TK_NUM || (is_word(t1, "mes") || is_word(t1, "de")))
		return 0;
	r->s = w->s;
	r->e = w->e;
	memset(&r->v, 0, sizeof(r->v));
	r->v.k = V_REF;
	r->v.n = w->val == X_LAST ? 1 : 2;
	return 1;
}

/* Tries a parse at the anchor token already read into S->f[0]. */
int
np_dt_parse_anchor(struct scan *S, struct res *r)
{
	const struct tok *t = F(S, 0);

	memset(r, 0, sizeof(*r));
	if (t->k == TK_NUM)
		return p_number(S, r);
	if (t->k == TK_PUNCT)
		return t->c == '\'' ? p_apos(S, r) : 0;
	switch (t->cls) {
	case C_MONTH:
	case C_MABBR:
		return p_month(S, 0, r);
	case C_WDAY:
	case C_WABBR:
		return p_weekday(S, r);
	case C_DEICTIC:
		return p_deictic(S, r);
	case C_REF:
		return p_ref(S, r);
	case C_MOD:
		if (t->val == X_CURRENT && strcmp(t->w, "current") == 0)
			return p_current(S, r);
		if ((t->val == X_LAST || t->val == X_NEXT) && t->alone)
			return p_mod_ref(S, r);
		return t->val == X_PAST && strcmp(t->w, "past") == 0 ? p_ref(S, r) : 0;
	case C_UNIT:
		return p_unit(S, r);
	case C_SEASON:
		return p_season(S, r);
	case C_HOLIDAY:
		return p_holiday(S, r);
	case C_NUMW: {
		int y = -1, j = spelled_year(S, 0, &y);
		if (j == 0)
			return 0;
		r->s = t->s;
		r->e = F(S, j - 1)->e;
		r->v.k = V_YEAR;
		r->v.y = y;
		extend_edges(S, r, 0);
		return 1;
	}
	}
	return 0;
}
