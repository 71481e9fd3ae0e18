/*
 * scan.c - the dates engine's scan loop: walk the buffer, drop almost
 * every word by the prefilter, parse at anchors, emit hits and settle
 * the day/month order of all-numeric dates when a chunk is done.
 */
#include <string.h>
#include "newsprep/utf8.h"
#include "dates-int.h"

/* Sets the order of the pending numeric dates of this chunk. */
static void
settle_pending(struct np_dates *d, struct np_date_hits *out)
{
	size_t i;

	for (i = 0; i < d->npend; i++) {
		struct pending *p = &d->pend[i];
		int si = sep_index(p->sep), mdy;
		struct val v;

		if (p->hit >= out->n)
			continue;
		mdy = d->order_mdy[si] > d->order_dmy[si];
		memset(&v, 0, sizeof(v));
		v.k = V_DAY;
		v.y = p->c;
		v.m = mdy ? p->a : p->b;
		v.d = mdy ? p->b : p->a;
		if (np_dt_valid_ymd(v.y, v.m, v.d))
			np_dt_format_value(&v, out->v[p->hit].value, NP_DATE_VALUE_MAX);
	}
	d->npend = 0;
}

/* Records a pending numeric date. */
static int
add_pending(struct np_dates *d, const struct pending *p)
{
	if (np_grow(&d->pend, &d->cappend, d->npend, sizeof(*d->pend), 16) != NP_OK)
		return NP_ENOMEM;
	d->pend[d->npend++] = *p;
	return NP_OK;
}

/* Emits a parse result as a hit. */
static int
emit(struct scan *S, struct res *r, struct np_date_hits *out)
{
	struct np_date_hit h;
	int rc;

	if (r->s < S->min)
		r->s = S->min;
	/* trim white space at the edges */
	while (r->s < r->e && (S->b[r->s] == ' ' || S->b[r->s] == '\n'))
		r->s++;
	memset(&h, 0, sizeof(h));
	h.span.start = r->s;
	h.span.end = r->e;
	np_dt_format_value(&r->v, h.value, sizeof(h.value));
	if (r->rng_m > 0 && r->v.k == V_DAY && r->v.y > 0 && !r->v.unres) {
		struct val ve = r->v;
		ve.m = r->rng_m;
		ve.d = r->rng_d;
		if (r->rng_y > 0)
			ve.y = r->rng_y;
		else if (ve.m < r->v.m)
			ve.y++;		/* "December 30 - January 2" */
		if (np_dt_valid_ymd(ve.y, ve.m, ve.d))
			np_dt_format_value(&ve, h.end_value, sizeof(h.end_value));
	}
	h.flags = r->v.unres ? NP_DATE_UNRESOLVED : 0;
	if ((rc = np_date_hits_push(out, &h)) != NP_OK)
		return rc;
	if (r->pending) {
		r->p.hit = out->n - 1;
		if ((rc = add_pending(S->d, &r->p)) != NP_OK)
			return rc;
	}
	if (r->yexp && r->v.y > 0)
		S->d->last_y = r->v.y;
	S->min = r->e;
	return NP_OK;
}


/* Sets up a scan of b[0..len).  The token arrays are left as they are:
 * F() and B() fill them before reading (nf, nb), and clearing 2 KB per
 * call showed in profiles of short documents. */
void
np_dt_scan_init(struct scan *S, struct np_dates *d, const char *b, size_t len)
{
	S->d = d;
	S->b = b;
	S->len = len;
	S->min = 0;
	S->nf = 0;
	S->nb = 0;
	S->anchor = 0;
}

/* True when the ASCII word u[0..n) (n < 16) is in the lookup cache as
 * no date word: the prefilter's second stage, without a token. */
static int
known_other(const struct np_dates *d, const unsigned char *u, size_t n)
{
	char key[16];
	const struct wcache *c;
	unsigned h = 2166136261u;	/* word_hash(), while lower-casing */
	size_t j;

	for (j = 0; j < n; j++) {
		key[j] = (char)lc(u[j]);
		h = (h ^ (unsigned char)key[j]) * 16777619u;
	}
	c = &d->wc[h & (NWCACHE - 1)];
	return c->used && c->cls == 0 && c->w[n] == 0 && memcmp(c->w, key, n) == 0;
}

/* The scan loop: prefilter each word and digit run, parse at anchors. */
int
np_dates_scan(struct np_dates *d, const char *buf, size_t len, struct np_date_hits *out)
{
	struct scan S;
	struct res r;
	size_t i = 0, n;
	int rc;

	np_dt_scan_init(&S, d, buf, len);
	d->cur_b = buf;
	d->cur_len = len;
	d->npend = 0;
	while (i < len) {
		unsigned char c = (unsigned char)buf[i];
		int k = d->ctab[c];
		if (k == 0) {
			i++;
			continue;
		}
		if (k == CT_ALPHA) {
			/* an ASCII word: prefilter on its first letters and length */
			const unsigned char *u = (const unsigned char *)buf + i;
			int g = d->gtab[u[0]] * 729;
			n = 1 + alpha_run(u + 1, len - i - 1);
			if (n > 1)
				g += d->gtab[u[1]] * 27;
			if (n > 2)
				g += d->gtab[u[2]];
			/* the prefilter's answer first: it drops most words */
			if ((!(d->gram[g] & (n >= 15 ? 1 << 15 : 1 << n)) &&
			    !(i + n < len && u[n] >= 0x80)) ||
			    (i > 0 && d->ctab[u[-1]] == CT_DIGIT)) {
				i += n;
				/* the blank after it as the loop would: one turn less */
				if (i < len && buf[i] == ' ')
					i++;
				continue;
			}
			if (n < 16 && !(i + n < len && (u[n] >= 0x80 || u[n] == '-' ||
			    u[n] == '\'')) && known_other(d, u, n)) {
				i += n;	/* looked up before: not a date word */
				continue;
			}
		} else if (k == CT_DIGIT) {
			size_t m = 1;
			if (i > 0 && (d->ctab[(unsigned char)buf[i - 1]] == CT_ALPHA ||
			    d->ctab[(unsigned char)buf[i - 1]] == CT_DIGIT)) {
				i++;
				continue;
			}
			while (i + m < len && is_digit((unsigned char)buf[i + m]))
				m++;
			if (m > 4 || (m == 3 && !(i + m < len && buf[i + m] == ' '))) {
				i += m;	/* no date has such a number */
				continue;
			}
		} else if (c == '\'') {
			if (!(i + 2 < len && is_digit((unsigned char)buf[i + 1]) &&
			    is_digit((unsigned char)buf[i + 2]))) {
				i++;
				continue;
			}
		} else {
			/* non-ASCII: skip bytes that are not a letter start */
			size_t adv;
			int32_t cp = dt_decode(buf + i, len - i, &adv);
			if (cp == NP_UTF8_INVALID || !dt_letter(d, cp)) {
				i += adv;
				continue;
			}
			if (i > 0) {
				size_t st;
				int32_t pc = np_utf8_decode_before(buf, i, &st);
				if (pc != NP_UTF8_INVALID && dt_letter(d, pc)) {
					i += adv;
					continue;
				}
			}
			/* a word no lexicon word starts like (its first two
			 * letters, lower-cased): skip it whole */
			if (!np_dt_hi_start(d, buf + i, len - i)) {
				while (i < len) {
					cp = dt_decode(buf + i, len - i, &adv);
					if (cp == NP_UTF8_INVALID || !(dt_letter(d, cp) ||
					    (cp >= 0x300 && cp <= 0x36f)))
						break;
					i += adv;
				}
				continue;
			}
		}
		S.anchor = i;
		S.nf = 0;
		S.nb = 0;
		np_dt_lex(d, buf, len, i, &S.f[0], 0);
		S.nf = 1;
		if (S.f[0].k == TK_WORD && S.f[0].cls == 0) {
			i = S.f[0].e > i ? S.f[0].e : i + 1;
			continue;
		}
		if (np_dt_parse_anchor(&S, &r) && r.e > r.s && r.s >= S.min) {
			if ((rc = emit(&S, &r, out)) != NP_OK) {
				d->cur_b = NULL;
				return rc;
			}
			i = r.e;
			continue;
		}
		i = S.f[0].e > i ? S.f[0].e : i + 1;
	}
	settle_pending(d, out);
	d->cur_b = NULL;
	return NP_OK;
}
