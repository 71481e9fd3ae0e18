/*
 * dateline.c - the dates engine's datelines and single expressions: a
 * line near the top of a document that is only a date becomes its
 * reference; np_dates_parse reads one expression from a string.
 */
#include <string.h>
#include <strings.h>
#include "newsprep/segment.h"
#include "dates-int.h"

/* Is the rest of a dateline only times, zones and separators? */
static int
dateline_rest_ok(const char *b, size_t s, size_t e)
{
	size_t i = s, n, letters_run = 0;

	if (e - s > 60)
		return 0;
	while (i < e) {
		unsigned char c = (unsigned char)b[i];
		if (is_alpha(c)) {
			for (n = 0; i + n < e && is_alpha((unsigned char)b[i + n]); n++)
				;
			if (n > 7)
				return 0;
			letters_run += n;
			i += n;
			continue;
		}
		if (c >= 0x80 && c != 0xc2 && c != 0xe2 && c != 0xc3)
			return 0;
		i++;
	}
	return letters_run <= 24;
}

/* Leading words a dateline may carry ("Updated", "Published:", "Publié
 * le", "By Jane Doe |"). */
static size_t
skip_dateline_prefix(const char *b, size_t s, size_t e)
{
	static const char *w[] = { "last updated", "first published", "updated",
	    "published", "posted", "date", "dated", "modified", "created", "on",
	    "publié le", "publié", "mis à jour le", "mis à jour", "veröffentlicht am",
	    "veröffentlicht", "aktualisiert am", "aktualisiert", "stand", "publicado el",
	    "publicado", "actualizado", "pubblicato il", "pubblicato", "aggiornato",
	    "gepubliceerd", "bijgewerkt", "opublikowano", "aktualizacja",
	    "\xd0\xbe\xd0\xbf\xd1\x83\xd0\xb1\xd0\xbb\xd0\xb8\xd0\xba\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe",	/* опубликовано */
	    NULL };
	size_t i, n;
	int k;

	/* "By Jane Doe | March 3, 2021", "By Jane Doe - 3 March 2021" */
	if (e - s > 3 && strncasecmp(b + s, "by ", 3) == 0) {
		for (i = s + 3; i < e && i < s + 80; i++)
			if (b[i] == '|' || (b[i] == '-' && i > s && b[i - 1] == ' ') ||
			    ((unsigned char)b[i] == 0xc2 && i + 1 < e && (unsigned char)b[i + 1] == 0xb7) ||
			    ((unsigned char)b[i] == 0xe2 && i + 2 < e && (unsigned char)b[i + 1] == 0x80 &&
			    ((unsigned char)b[i + 2] == 0xa2 || (unsigned char)b[i + 2] == 0x94))) {
				i += (unsigned char)b[i] == 0xc2 ? 2 : (unsigned char)b[i] == 0xe2 ? 3 : 1;
				while (i < e && (b[i] == ' ' || b[i] == '\t'))
					i++;
				return i;
			}
	}
	for (k = 0; w[k]; k++) {
		if (lc((unsigned char)b[s]) != (unsigned char)w[k][0])
			continue;	/* the first letter settles most */
		n = strlen(w[k]);
		if (e - s > n && strncasecmp(b + s, w[k], n) == 0 && !is_alpha((unsigned char)b[s + n])) {
			i = s + n;
			while (i < e && (b[i] == ':' || b[i] == ' ' || b[i] == '-' || b[i] == '\t'))
				i++;
			return i;
		}
	}
	return s;
}

/* Parses one expression at pos; returns 1 with *r filled. */
static int
parse_one(struct np_dates *d, const char *b, size_t len, size_t pos, struct res *r)
{
	struct scan S;
	size_t i = pos;
	int own = 0, ok;

	np_dt_scan_init(&S, d, b, len);
	if (d->cur_b == NULL) {	/* the language guess may read this line */
		d->cur_b = b;
		d->cur_len = len;
		own = 1;
	}
	S.min = pos;
	while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	S.anchor = i;
	np_dt_lex(d, b, len, i, &S.f[0], 1);
	S.nf = 1;
	ok = S.f[0].k != TK_END && np_dt_parse_anchor(&S, r) && r->s == i;
	if (own)
		d->cur_b = NULL;
	return ok;
}

/* A line near the top that is only a full date (see dates.h). */
int
np_dates_dateline(struct np_dates *d, const char *buf, size_t len,
    char *value, size_t cap, struct np_span *where)
{
	struct np_line ln;
	size_t pos = 0, s, lim = len < 4096 ? len : 4096;
	int nonblank = 0, saved = d->no_ref_ok, ok;
	struct res r;

	/* a document may begin with a BOM */
	if (lim >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	d->no_ref_ok = 1;
	while (nonblank < 40 && pos < lim && np_next_line(buf, lim, &pos, &ln)) {
		if (np_is_blank(buf, ln.start, ln.end))
			continue;
		nonblank++;
		s = ln.start;
		while (s < ln.end && (buf[s] == ' ' || buf[s] == '\t'))
			s++;
		if (ln.end - s > 160)
			continue;	/* a paragraph: no dateline */
		s = skip_dateline_prefix(buf, s, ln.end);
		ok = parse_one(d, buf, ln.end, s, &r);
		if (ok && r.v.k == V_DAY && r.v.y > 0 && r.v.m > 0 && r.v.d > 0 && !r.pending &&
		    dateline_rest_ok(buf, r.e, ln.end)) {
			np_dt_format_value(&r.v, value, cap);
			if (where) {
				where->start = r.s;
				where->end = r.e;
			}
			d->no_ref_ok = saved;
			return 1;
		}
		if (ok && r.pending && dateline_rest_ok(buf, r.e, ln.end)) {
			/* numeric date: day first by default */
			struct val v = r.v;
			if (d->o.order == NP_DATES_ORDER_MDY) {
				v.m = r.p.a;
				v.d = r.p.b;
			}
			np_dt_format_value(&v, value, cap);
			if (where) {
				where->start = r.s;
				where->end = r.e;
			}
			d->no_ref_ok = saved;
			return 1;
		}
	}
	d->no_ref_ok = saved;
	return 0;
}

/* One expression at the start of s, without a reference. */
int
np_dates_parse(struct np_dates *d, const char *s, size_t len, char *value, size_t cap)
{
	struct res r;
	int saved = d->no_ref_ok, has = d->has_ref, ok;
	unsigned lang = d->doc_lang;
	int lang_done = d->doc_lang_done;

	d->no_ref_ok = 1;
	d->has_ref = 0;
	d->doc_lang_done = 0;	/* the string's own language, not the document's */
	ok = parse_one(d, s, len, 0, &r);
	d->no_ref_ok = saved;
	d->has_ref = has;
	d->doc_lang = lang;
	d->doc_lang_done = lang_done;
	if (!ok)
		return 0;
	if (r.pending && d->o.order == NP_DATES_ORDER_MDY) {
		r.v.m = r.p.a;
		r.v.d = r.p.b;
	}
	np_dt_format_value(&r.v, value, cap);
	return 1;
}

