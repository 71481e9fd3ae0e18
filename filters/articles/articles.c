/*
 * articles.c - the split-articles engine's driver: the context, the
 * detecting pass, the records.
 *
 * Method.  A document is read as lines (np_next_line, memchr).  Each
 * format (one file each, fmt_*.c, see articles_int.h) names the first
 * bytes its signature lines can open with; np_articles_new turns these
 * into a table by byte, so the detecting pass classifies each line by its
 * first non-blank byte and runs the costly checks (a date parse, a
 * regular expression) only on the few lines that can be a signature.
 *
 * np_articles_begin makes that one pass (no memory proportional to the
 * input).  A format whose line check is decisive (a LexisNexis "N of M
 * DOCUMENTS" marker, a Factiva "Document ..." trailer) settles it at
 * once; otherwise, after the pass, the first format in np_art_formats[]
 * order whose `settle` says it was seen wins.  Heads, which needs a look
 * ahead, settles last, and "single" (the whole document is one article)
 * is what is left.
 *
 * np_articles_next then asks the format for the end of each record on
 * demand.  Start-marker formats (lexisnexis markers, listing, heads) cut
 * at the start of the next marker's line, so a header before the first
 * article joins the first record; trailer formats (End of Document,
 * factiva, separator) cut after the trailer line and the blank lines
 * after it, so the trailer belongs to the article it ends.  A remainder
 * with no letter or digit joins the last record.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/articles.h"
#include "newsprep/dates.h"
#include "newsprep/lexicon.h"
#include "newsprep/re.h"
#include "articles_int.h"

NP_LEXICON_DATA(articles_keys);
NP_LEXICON_DATA(articles_teasers);
NP_LEXICON_DATA(articles_fields);
NP_LEXICON_DATA(articles_trailers);
NP_LEXICON_DATA(articles_counts);
NP_LEXICON_DATA(articles_digest);
NP_LEXICON_DATA(articles_footers);
NP_LEXICON_DATA(articles_proquest);

/* A dateline lead: an upper-case place, an optional ", Region, date", an
 * optional "(Agency)", then a dash after a blank or the agency, and a
 * sentence opening: "WIESBADEN, Germany (Reuters) -Fenced".  A caption
 * in capitals ("CITY, STATE - NOVEMBER 14: ...") is not one. */
static const char DATELINE_LEAD[] =
    "[ \\t]*\\p{Lu}[\\p{Lu}\\p{M}.'\\x{2019} ]{2,40}"
    "(?:,[^\\r\\n()\\x{2013}\\x{2014}]{1,60}?)?"
    "(?:[ \\t]*\\([^()\\r\\n]{1,40}\\)[ \\t]*|[ \\t]+)(?:--?|\\x{2013}|\\x{2014})"
    "[ \\t]?(?=[\"'\\x{201C}\\x{2018}]?\\p{Lu}\\p{Ll}|\\d)";

/* "single": no signature, the document is one record. */
static const struct np_art_format single = {
	NP_ARTICLES_SINGLE, "single", NULL, NULL, NULL, NULL, np_art_meta_plain, NULL
};

/* The formats in order of precedence; auto detection asks them in this
 * order; format_of maps an id to its entry. */
static const struct np_art_format *const formats[] = {
	&np_art_lexisnexis, &np_art_factiva, &np_art_europresse, &np_art_proquest, &np_art_mail, &np_art_feed,
	&np_art_markdown, &np_art_alerts, &np_art_listing,
	&np_art_separator, &np_art_heads, &np_art_digest, &np_art_run, &single
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* The detector of format id (single for an unknown one). */
static const struct np_art_format *
format_of(enum np_articles_format id)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i]->id == id)
			return formats[i];
	return &single;
}

/* Notes the first byte of a trailer (both cases of an ASCII letter). */
static void
note_first(const struct np_lexentry *k, void *arg)
{
	unsigned char *t = arg, f = (unsigned char)k->key[0];

	t[f] = 1;
	if (f >= 'a' && f <= 'z')
		t[f - 'a' + 'A'] = 1;
}

/* Creates the context: lexicons, the dateline pattern, the dates engine,
 * the table of formats by first byte. */
struct np_articles *
np_articles_new(const struct np_articles_opts *opts)
{
	struct np_articles *c;
	char err[128];
	size_t i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if (opts != NULL)
		c->o = *opts;
	for (i = 0; i < NFORMATS; i++) {
		const unsigned char *f = (const unsigned char *)formats[i]->firsts;

		for (; f != NULL && *f != '\0'; f++)
			c->firsts[*f] |= 1u << i;
	}
	c->dates = np_dates_new(NULL);
	c->keys = np_lexicon_new();
	c->teasers = np_lexicon_new();
	c->fields = np_lexicon_new();
	c->trailers = np_lexicon_new();
	c->counts = np_lexicon_new();
	c->digest = np_lexicon_new();
	c->footers = np_lexicon_new();
	c->proquest = np_lexicon_new();
	c->lead = np_re_compile(DATELINE_LEAD, 0, err, sizeof(err));
	if (c->dates == NULL || c->keys == NULL || c->teasers == NULL ||
	    c->fields == NULL || c->trailers == NULL || c->counts == NULL ||
	    c->digest == NULL || c->footers == NULL || c->proquest == NULL ||
	    np_lexicon_load(c->proquest, np_lex_articles_proquest,
	    np_lex_articles_proquest_len) != NP_OK ||
	    np_lexicon_load(c->footers, np_lex_articles_footers,
	    np_lex_articles_footers_len) != NP_OK ||
	    np_lexicon_load(c->digest, np_lex_articles_digest,
	    np_lex_articles_digest_len) != NP_OK ||
	    c->lead == NULL ||
	    np_lexicon_load(c->counts, np_lex_articles_counts,
	    np_lex_articles_counts_len) != NP_OK ||
	    np_lexicon_load(c->trailers, np_lex_articles_trailers,
	    np_lex_articles_trailers_len) != NP_OK ||
	    np_lexicon_load(c->fields, np_lex_articles_fields,
	    np_lex_articles_fields_len) != NP_OK ||
	    np_lexicon_load(c->keys, np_lex_articles_keys,
	    np_lex_articles_keys_len) != NP_OK ||
	    np_lexicon_load(c->teasers, np_lex_articles_teasers,
	    np_lex_articles_teasers_len) != NP_OK) {
		np_articles_free(c);
		return NULL;
	}
	/* folded keys open with a lower-case or non-ASCII byte; an accented
	 * capital folds to its letter, so accept every non-ASCII lead byte */
	np_lexicon_each(c->trailers, note_first, c->trailer_first);
	memset(c->trailer_first + 0xC3, 1, 0xF5 - 0xC3);
	return c;
}

/* Frees the context and everything it holds. */
void
np_articles_free(struct np_articles *c)
{
	if (c == NULL)
		return;
	np_dates_free(c->dates);
	np_lexicon_free(c->keys);
	np_lexicon_free(c->teasers);
	np_lexicon_free(c->fields);
	np_lexicon_free(c->trailers);
	np_lexicon_free(c->counts);
	np_lexicon_free(c->digest);
	np_lexicon_free(c->footers);
	np_lexicon_free(c->proquest);
	np_re_free(c->lead);
	np_arena_free(&c->arena);
	free(c);
}

/* One pass over the lines: a decisive signature settles the format at
 * once; else the first format, in the order of precedence, that was
 * seen (heads, which needs a look ahead, settles last). */
static const struct np_art_format *
detect(struct np_articles *c)
{
	const char *b = c->buf;
	struct np_art_scan sc;
	size_t p = 0, i;

	memset(&sc, 0, sizeof(sc));
	while (np_next_line(b, c->len, &p, &sc.ln)) {
		uint32_t ask;

		sc.s = sc.ln.start;
		sc.e = sc.ln.end;
		np_art_trim(b, &sc.s, &sc.e);
		ask = sc.s < sc.e ? c->firsts[(unsigned char)b[sc.s]] : 0;
		for (i = 0; ask != 0; i++, ask >>= 1)
			if ((ask & 1) && formats[i]->line(c, &sc))
				return formats[i];
		sc.s0 = sc.s1;
		sc.e0 = sc.e1;
		sc.s1 = sc.s;
		sc.e1 = sc.e;
	}
	for (i = 0; i < NFORMATS; i++)
		if (formats[i]->settle != NULL && formats[i]->settle(c, &sc))
			return formats[i];
	return &single;
}

/* Starts a document: remembers it and settles its format. */
int
np_articles_begin(struct np_articles *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->pos = 0;
	c->n = 0;
	memset(&c->st, 0, sizeof(c->st));
	c->in.f = NULL;
	np_arena_reset(&c->arena);
	c->f = c->o.format != NP_ARTICLES_AUTO ? format_of(c->o.format) : detect(c);
	c->fmt = c->f->id;
	return NP_OK;
}

/* The format settled by np_articles_begin. */
enum np_articles_format
np_articles_format(const struct np_articles *c)
{
	return c->fmt;
}

/* Makes the body [base, end) of a container's record the document the
 * formats see (their offsets are then relative to base). */
static void
view(struct np_articles *c, size_t base, size_t end)
{
	c->buf += base;
	c->len = end - base;
}

/* Back to the whole document from the view at base. */
static void
unview(struct np_articles *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
}

/*
 * When the record [from, end) of a container format holds a body of
 * many articles, sets up c->in to cut it: the body's format (any but a
 * container or single), with its own state, the container's state saved
 * and the container's date and source kept for the inner articles.
 */
static void
open_inner(struct np_articles *c, size_t from, size_t end)
{
	const char *buf = c->buf;
	size_t len = c->len, base = c->f->body(c, from, end);
	const struct np_art_format *f;

	if (base >= end || !np_art_has_alnum(buf, base, end))
		return;
	c->in.outer = c->st;
	memset(&c->st, 0, sizeof(c->st));
	view(c, base, end);
	f = detect(c);
	unview(c, buf, len);
	if (f->end == NULL || f->body != NULL) {
		c->st = c->in.outer;
		return;
	}
	c->in.f = f;
	c->in.base = base;
	c->in.end = end;
	c->in.date[0] = '\0';
	c->in.source.s = NULL;
	if (c->o.meta) {
		struct np_article m;

		/* the container's metadata, with its own state */
		memset(&m, 0, sizeof(m));
		m.record.start = from;
		m.record.end = end;
		c->in.f = NULL;
		{
			struct np_art_docstate st = c->st;

			c->st = c->in.outer;
			c->f->meta(c, &m);
			c->in.outer = c->st;
			c->st = st;
		}
		c->in.f = f;
		memcpy(c->in.date, m.date, sizeof(c->in.date));
		c->in.source = m.source;
	}
}

/* The end of the next article inside the container's record (c->in),
 * absolute; closes c->in after the last one. */
static size_t
inner_end(struct np_articles *c)
{
	const char *buf = c->buf;
	size_t len = c->len, base = c->in.base, rel, end;

	rel = c->pos > base ? c->pos - base : 0;
	view(c, base, c->in.end);
	end = c->in.f->end(c, rel);
	if (end <= rel || end > c->len)
		end = c->len;
	unview(c, buf, len);
	return base + end;
}

/* An inner article's metadata: the body's format reads it in the body's
 * coordinates; the container's date and source fill what it lacks. */
static void
inner_meta(struct np_articles *c, struct np_article *a)
{
	const char *buf = c->buf;
	size_t len = c->len, base = c->in.base, start = a->record.start;

	view(c, base, c->in.end);
	a->record.start = start > base ? start - base : 0;
	a->record.end -= base;
	np_art_set_text(a, c->buf, a->record.start, a->record.end);
	c->in.f->meta(c, a);
	unview(c, buf, len);
	a->record.start = start;
	a->record.end += base;
	a->text.start += base;
	a->text.end += base;
	if (a->date[0] == '\0')
		memcpy(a->date, c->in.date, sizeof(a->date));
	if (a->source.s == NULL)
		a->source = c->in.source;
}

/* Fills *a with the next record; see articles.h. */
int
np_articles_next(struct np_articles *c, struct np_article *a)
{
	size_t end = c->len;
	int inner;

	if (c->pos >= c->len)
		return 0;
	if (c->in.f == NULL) {
		end = c->f->end != NULL ? c->f->end(c, c->pos) : c->len;
		if (end <= c->pos || end > c->len)
			end = c->len;
		if (c->f->body != NULL && c->o.format == NP_ARTICLES_AUTO)
			open_inner(c, c->pos, end);
	}
	inner = c->in.f != NULL;
	if (inner) {
		end = inner_end(c);
		if (end >= c->in.end)
			end = c->in.end;
	}
	memset(a, 0, sizeof(*a));
	a->n = ++c->n;
	a->record.start = c->pos;
	a->record.end = end;
	a->words = -1;
	c->pos = end;
	if (c->o.meta) {
		if (inner) {
			inner_meta(c, a);
		} else {
			/* the whole record unless the format's reader finds the body */
			np_art_set_text(a, c->buf, a->record.start, a->record.end);
			c->f->meta(c, a);
		}
	}
	if (inner && end >= c->in.end) {
		/* the container's last inner article: back to its format */
		c->st = c->in.outer;
		c->in.f = NULL;
	}
	return 1;
}

/* Collects every record of buf. */
int
np_articles_split(struct np_articles *c, const char *buf, size_t len,
    struct np_article_list *out)
{
	struct np_article a;
	int r;

	if ((r = np_articles_begin(c, buf, len)) != NP_OK)
		return r;
	while ((r = np_articles_next(c, &a)) == 1) {
		if (out->n == out->cap) {
			size_t nc = out->cap ? out->cap * 2 : 16;
			struct np_article *v = realloc(out->v, nc * sizeof(*v));

			if (v == NULL)
				return NP_ENOMEM;
			out->v = v;
			out->cap = nc;
		}
		out->v[out->n++] = a;
	}
	return r;
}

/* Frees the array of np_articles_split. */
void
np_article_list_free(struct np_article_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* The name of a format, as -F and the JSON output spell it. */
const char *
np_articles_format_name(enum np_articles_format f)
{
	if (f == NP_ARTICLES_AUTO)
		return "auto";
	return format_of(f)->id == f ? format_of(f)->name : "?";
}

/* Parses a format name (-F). */
int
np_articles_format_parse(const char *s, enum np_articles_format *f)
{
	size_t i;

	if (strcmp(s, "auto") == 0) {
		*f = NP_ARTICLES_AUTO;
		return NP_OK;
	}
	for (i = 0; i < NFORMATS; i++)
		if (strcmp(s, formats[i]->name) == 0) {
			*f = formats[i]->id;
			return NP_OK;
		}
	return NP_EINVAL;
}
