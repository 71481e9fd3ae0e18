/*
 * fmt_mail.c - mailboxes and e-mail exports ("mail"): mbox files, whose
 * messages open with a "From ADDRESS DATE" envelope line, and exports of
 * messages that open with a header block (From:, Sent:/Date:, To:,
 * Subject:, or their German and French names from articles-fields.tsv).
 *
 * Recognise: two message starts, each at the top or after a blank line:
 * an envelope line followed by a header line, or a header block holding
 * a sender and a subject.  Ends: a record runs to the next message start,
 * so an export banner before the first message joins the first record.
 * Quoted-printable or base64 bodies are left as they are (the user's to
 * decode); mbox's ">From " escapes are body lines, not starts.
 *
 * Metadata: Subject is the title, Date (or Sent) the date, the sender's
 * display name (else the address) the source; the body starts after the
 * header block.  A message whose body is many articles (a newsletter
 * sent as one mail) is cut by the body's own format (the driver's
 * container step, mail_body); each of its articles takes the message's
 * date and sender when it names none.
 */
#include <stdint.h>
#include <string.h>
#include "articles_int.h"

/* True for an mbox envelope line "From ADDRESS Tue Mar  2 06:15:04 2021":
 * "From ", one word, then a time of day and a four-digit year. */
static int
envelope(const char *b, size_t s, size_t e)
{
	size_t p = s + 5, colon = 0, year = 0, run = 0;

	if (e - s < 20 || e - s > 200 || memcmp(b + s, "From ", 5) != 0)
		return 0;
	while (p < e && b[p] != ' ')
		p++;
	if (p == s + 5 || p == e)
		return 0;
	for (; p < e; p++) {
		if (b[p] >= '0' && b[p] <= '9') {
			run++;
			if (run == 4 && (p + 1 == e || b[p + 1] == ' '))
				year = 1;
			continue;
		}
		if (b[p] == ':' && run > 0)
			colon = 1;
		run = 0;
	}
	return colon && year;
}

/*
 * True when the line ln (trimmed [s, e)) opens a message: an envelope
 * line with a header under it, or a header block with a sender and a
 * subject.  *hdr gets where the header block starts.
 */
static int
msg_start(struct np_articles *c, const struct np_line *ln, size_t s, size_t e,
    size_t *hdr)
{
	struct np_art_fields f;
	size_t val;

	if (envelope(c->buf, s, e)) {
		*hdr = ln->next;
		return np_art_fields(c, ln->next, &f) > 0;
	}
	if (np_art_field(c, c->buf, s, e, &val) == NP_ART_NOFIELD)
		return 0;
	*hdr = ln->start;
	return np_art_fields(c, ln->start, &f) >= 2 &&
	    (f.roles & (1u << NP_ART_F_FROM)) && (f.roles & (1u << NP_ART_F_TITLE));
}

/* np_art_find_opening's test. */
static int
opens_msg(struct np_articles *c, const struct np_line *ln, size_t s, size_t e,
    void *hdr)
{
	return msg_start(c, ln, s, e, hdr);
}

/* The start of the first message at or after `from`; see
 * np_art_find_opening. */
static size_t
mail_next(struct np_articles *c, size_t from, int blank, size_t *hdr)
{
	return np_art_find_opening(c, from, c->len, blank, opens_msg, hdr);
}

/* The first start at or after `from`, for np_art_start_end. */
static size_t
mail_start(struct np_articles *c, size_t from, int blank)
{
	size_t hdr;

	return mail_next(c, from, blank, &hdr);
}

/* The record runs to the message start after its own. */
static size_t
mail_end(struct np_articles *c, size_t from)
{
	return np_art_start_end(c, from, mail_start);
}

/* Detecting pass: counts message starts (after a blank line). */
static int
mail_line(struct np_articles *c, struct np_art_scan *sc)
{
	size_t hdr;

	if (sc->s1 == sc->e1 && sc->flags[NP_ARTICLES_MAIL] < 2 &&
	    msg_start(c, &sc->ln, sc->s, sc->e, &hdr))
		sc->flags[NP_ARTICLES_MAIL]++;
	return 0;
}

/* After the pass: two messages. */
static int
mail_settle(struct np_articles *c, struct np_art_scan *sc)
{
	(void)c;
	return sc->flags[NP_ARTICLES_MAIL] >= 2;
}

/* Sets *out to the display name of a sender ("Name <addr>", "\"Name\"
 * <addr>", "addr (Name)"), else to the address. */
static void
sender(struct np_articles *c, struct np_articles_str *out, size_t s, size_t e)
{
	const char *b = c->buf;
	const char *lt = memchr(b + s, '<', e - s), *lp = memchr(b + s, '(', e - s);
	size_t ns = s, ne = e;

	if (lt != NULL && (size_t)(lt - b) > s) {
		ne = (size_t)(lt - b);
	} else if (lp != NULL && b[e - 1] == ')') {
		ns = (size_t)(lp - b) + 1;
		ne = e - 1;
	}
	np_art_trim(b, &ns, &ne);
	if (ne - ns >= 2 && b[ns] == '"' && b[ne - 1] == '"') {
		ns++;
		ne--;
	}
	if (ns < ne)
		np_art_set_str(c, out, ns, ne);
	else
		np_art_set_str(c, out, s, e);
}

/* Mail metadata: the header block of the record's message. */
static void
meta_mail(struct np_articles *c, struct np_article *a)
{
	struct np_art_fields f;
	size_t at, hdr, save = c->len;

	/* look for the message start inside this record only */
	c->len = a->record.end;
	at = mail_next(c, a->record.start, 1, &hdr);
	c->len = save;
	if (at == SIZE_MAX || np_art_fields(c, hdr, &f) == 0) {
		np_art_meta_plain(c, a);
		return;
	}
	if (f.roles & (1u << NP_ART_F_TITLE))
		np_art_set_str(c, &a->title, f.vs[NP_ART_F_TITLE], f.ve[NP_ART_F_TITLE]);
	if (f.roles & (1u << NP_ART_F_DATE))
		np_art_parse_date(c, c->buf, f.vs[NP_ART_F_DATE], f.ve[NP_ART_F_DATE], a);
	if (f.roles & (1u << NP_ART_F_FROM))
		sender(c, &a->source, f.vs[NP_ART_F_FROM], f.ve[NP_ART_F_FROM]);
	np_art_set_text(a, c->buf, f.end, a->record.end);
}

/* The body of the message in [from, end): after its header block. */
static size_t
mail_body(struct np_articles *c, size_t from, size_t end)
{
	struct np_art_fields f;
	size_t at, hdr, save = c->len;

	c->len = end;
	at = mail_next(c, from, 1, &hdr);
	if (at == SIZE_MAX || np_art_fields(c, hdr, &f) == 0)
		f.end = end;
	c->len = save;
	return f.end;
}

const struct np_art_format np_art_mail = {
	NP_ARTICLES_MAIL, "mail", "FfVvDd", mail_line, mail_settle, mail_end,
	meta_mail, mail_body
};
