/*
 * normalize-dates - find date expressions and rewrite, annotate or list
 * them with their ISO 8601 / TIMEX3 value.  The engine is in
 * filters/dates/ (include/newsprep/dates.h); this file is options and
 * output only.  Documents are streamed in chunks of about 1 MiB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/out.h"
#include "newsprep/dates.h"

enum { OPT_ORDER = 0x2000, OPT_REF_FIELD };

static const struct np_opt opts[] = {
	{ 'a', "annotate", NULL, "wrap each as <time datetime=\"VALUE\">text</time>" },
	{ 'l', "list", NULL, "print DOC START END VALUE TEXT per expression (TSV)" },
	{ 'r', "ref", "DATE", "reference date YYYY-MM-DD, 'auto' (dateline) or 'none'" },
	{ OPT_ORDER, "order", "ORDER", "day/month order of numeric dates: dmy, mdy, ymd,\n"
	    "auto (default; formerly -o)" },
	{ OPT_REF_FIELD, "ref-field", "NAME", "JSON Lines: the reference date is in field NAME\n"
	    "of each object (a date the engine reads; else --ref)" },
	{ 0, NULL, NULL, NULL }
};

static const struct np_retired retired[] = {
	{ 'o', "the day/month order is --order" },
	{ 0, NULL }
};

static const struct np_tool tool = {
	"[-al] [-r DATE|auto|none] [--order ORDER] [OPTION]... [FILE]...",
	"Find date expressions and replace them with their ISO 8601 / TIMEX3 value.",
	opts, "en,de,fr,es,it,pt,nl,pl,uk,ru", NULL, retired
};

enum mode { M_REPLACE, M_ANNOTATE, M_LIST };

struct run {
	struct np_dates *d;
	struct np_date_hits hits;
	enum mode mode;
	struct np_buf carry;	/* the unprocessed tail of a chunk cut mid-line */
	size_t carry_off;	/* its offset in the document */
	struct np_buf join;	/* carry + next chunk */
	struct np_cpmap cpm;	/* -l --jsonl on plain text: code points */
	size_t cp_done;		/* code points of the document before the piece */
};

/*
 * Where to stop in a chunk that is not the document's last, so that no
 * expression is cut in two (one may run over a line break: "18
 * October\n2023"): after the last blank line of its final 64 KiB, which
 * no expression crosses; else after the last sentence end (". " and a
 * capital); else at the last blank of its final 4 KiB.  The rest is
 * carried into the next chunk, so the result does not depend on where
 * the input was cut.
 */
static size_t
safe_cut(const char *b, size_t len)
{
	size_t i, lo = len > 65536 ? len - 65536 : 0, lo4 = len > 4096 ? len - 4096 : 0;
	size_t blank = 0, sent = 0;

	for (i = len; i > lo + 2; i--) {
		if (b[i - 1] == '\n' && (b[i - 2] == '\n' || (b[i - 2] == '\r' &&
		    i > lo + 3 && b[i - 3] == '\n')))
			return i;
		if (!sent && b[i - 3] == '.' && b[i - 2] == ' ' && b[i - 1] >= 'A' &&
		    b[i - 1] <= 'Z')
			sent = i - 1;
		if (!blank && i > lo4 && (b[i - 1] == ' ' || b[i - 1] == '\t' || b[i - 1] == '\n'))
			blank = i;
	}
	return sent ? sent : blank ? blank : len;
}

/*
 * True when a value is an ISO 8601 calendar date the default rewrite
 * may write: a day (2021-03-05), month (2021-03), year (2021) or week
 * (2021-W09).  PRESENT_REF, values with X, quarters, seasons, decades,
 * parts of day and sets are left as written.
 */
static int
is_calendar(const char *v)
{
	size_t n = strlen(v), i;

	if (n < 4)
		return 0;
	for (i = 0; i < 4; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	if (n == 4)
		return 1;
	if (n == 8 && v[4] == '-' && v[5] == 'W' && v[6] >= '0' && v[6] <= '9' &&
	    v[7] >= '0' && v[7] <= '9')
		return 1;
	if ((n != 7 && n != 10) || v[4] != '-')
		return 0;
	for (i = 5; i < n; i++)
		if (i == 7 ? v[i] != '-' : (v[i] < '0' || v[i] > '9'))
			return 0;
	return 1;
}

/*
 * Writes text for -a: "<" of a "<time" or "</time" already in the input
 * becomes "&lt;" and "&" before "lt;" or "amp;" becomes "&amp;", so that
 * removing the tags and then replacing "&lt;" by "<" and "&amp;" by "&"
 * (in one pass) gives the input back.  Other bytes are written as read.
 */
static void
write_escaped(const void *vb, size_t n)
{
	const char *b = vb;
	size_t i, from = 0;

	for (i = 0; i < n; i++) {
		if (b[i] == '<' && ((n - i >= 5 && memcmp(b + i + 1, "time", 4) == 0) ||
		    (n - i >= 6 && memcmp(b + i + 1, "/time", 5) == 0))) {
			np_out_write(b + from, i - from);
			np_out_str("&lt;");
			from = i + 1;
		} else if (b[i] == '&' && ((n - i >= 4 && memcmp(b + i + 1, "lt;", 3) == 0) ||
		    (n - i >= 5 && memcmp(b + i + 1, "amp;", 4) == 0))) {
			np_out_write(b + from, i - from);
			np_out_str("&amp;");
			from = i + 1;
		}
	}
	np_out_write(b + from, n - from);
}

/*
 * Writes one chunk's text with its hits replaced (calendar values only,
 * a range as an ISO interval "2021-03-03/2021-03-05") or wrapped in
 * <time> tags (every resolved value; the text escaped, see above).
 */
static void
write_text(struct run *R, const char *b, size_t len)
{
	void (*put)(const void *, size_t) = R->mode == M_ANNOTATE ? write_escaped : np_out_write;
	size_t pos = 0, i;

	for (i = 0; i < R->hits.n; i++) {
		const struct np_date_hit *h = &R->hits.v[i];
		if (h->flags & NP_DATE_UNRESOLVED)
			continue;
		if (R->mode == M_REPLACE && !is_calendar(h->value))
			continue;	/* PRESENT_REF, XXXX-WXX-1, 2021-Q1: as written */
		put(b + pos, h->span.start - pos);
		if (R->mode == M_REPLACE) {
			np_out_str(h->value);
			if (h->end_value[0] && is_calendar(h->end_value)) {
				np_out_putc('/');
				np_out_str(h->end_value);
			}
		} else {
			np_out_str("<time datetime=\"");
			np_out_str(h->value);
			np_out_str("\">");
			put(b + h->span.start, h->span.end - h->span.start);
			np_out_str("</time>");
		}
		pos = h->span.end;
	}
	put(b + pos, len - pos);
}

/* Writes one TSV line per hit. */
static void
write_list(struct run *R, struct np_cli *cli, const struct np_chunk *c)
{
	size_t i;

	for (i = 0; i < R->hits.n; i++) {
		const struct np_date_hit *h = &R->hits.v[i];
		np_out_printf("%zu\t%zu\t%zu\t%s\t", cli->docno, c->offset + h->span.start,
		    c->offset + h->span.end, h->value);
		np_out_tsv_spaced(c->buf + h->span.start, h->span.end - h->span.start);
		np_out_putc('\n');
	}
}

/* Writes the hits as one JSON array (the "dates" field of a JSON Lines
 * record): [{"start":S,"end":E,"value":"V","text":"T"},...]. */
static void
write_json(struct run *R, const struct np_chunk *c)
{
	size_t i;

	static struct np_cpmap cpm;	/* offsets as code points */

	np_cpmap_reset(&cpm, c->buf, c->len);
	np_out_putc('[');
	for (i = 0; i < R->hits.n; i++) {
		const struct np_date_hit *h = &R->hits.v[i];
		np_out_str(i ? ",{" : "{");
		np_out_json_span(&cpm, "", h->span.start, h->span.end);
		np_out_str(",\"value\":");
		np_out_json_string(h->value, strlen(h->value));
		np_out_str(",\"text\":");
		np_out_json_string(c->buf + h->span.start, h->span.end - h->span.start);
		np_out_putc('}');
	}
	np_out_putc(']');
}

/* -l --jsonl on plain text: one JSON object per hit, its offsets in code
 * points of the document (and in bytes beside them), as the JSON output of
 * every tool gives them. */
static void
write_json_lines(struct run *R, struct np_cli *cli, const struct np_chunk *c)
{
	size_t i;

	np_cpmap_reset(&R->cpm, c->buf, c->len);
	for (i = 0; i < R->hits.n; i++) {
		const struct np_date_hit *h = &R->hits.v[i];

		np_out_printf("{\"doc\":%zu,\"start\":%zu,\"end\":%zu,\"byte_start\":%zu,"
		    "\"byte_end\":%zu,\"value\":", cli->docno,
		    R->cp_done + np_cpmap_get(&R->cpm, h->span.start),
		    R->cp_done + np_cpmap_get(&R->cpm, h->span.end),
		    c->offset + h->span.start, c->offset + h->span.end);
		np_out_json_string(h->value, strlen(h->value));
		np_out_str(",\"text\":");
		np_out_json_string(c->buf + h->span.start, h->span.end - h->span.start);
		np_out_str("}\n");
	}
	R->cp_done += np_cpmap_get(&R->cpm, c->len);
}

/* Called for each chunk of each document. */
static int
each_chunk(void *arg, struct np_cli *cli, const struct np_chunk *c)
{
	struct run *R = arg;
	struct np_chunk p = *c;		/* the piece processed now */
	size_t cut;
	int rc;

	if (c->first) {
		np_buf_clear(&R->carry);
		R->cp_done = 0;
	}
	if (R->carry.len > 0) {
		np_buf_clear(&R->join);
		if (np_buf_append(&R->join, R->carry.data, R->carry.len) != NP_OK ||
		    np_buf_append(&R->join, c->buf, c->len) != NP_OK)
			return NP_ENOMEM;
		p.buf = R->join.data;
		p.len = R->join.len;
		p.offset = R->carry_off;
		np_buf_clear(&R->carry);
	}
	cut = p.len;
	if (!c->last && p.len > 0) {
		cut = safe_cut(p.buf, p.len);
		R->carry_off = p.offset + cut;
		if (np_buf_append(&R->carry, p.buf + cut, p.len - cut) != NP_OK)
			return NP_ENOMEM;
	}
	p.len = cut;
	if (c->first) {
		const char *ref;
		size_t rlen;

		np_dates_begin(R->d, p.buf, p.len);
		/* --ref-field: the object's own date, when it holds one */
		if (cli->jsonl_in && np_jsonl_aux(cli, &ref, &rlen))
			(void)np_dates_set_reference(R->d, ref, rlen);
	}
	np_date_hits_clear(&R->hits);
	if ((rc = np_dates_scan(R->d, p.buf, p.len, &R->hits)) != NP_OK) {
		/* keep the bytes: the document passes through unchanged */
		if (R->mode != M_LIST)
			np_out_write(p.buf, p.len);
		return rc;
	}
	np_cli_count(cli, R->hits.n);
	if (R->mode == M_LIST && cli->jsonl_in)
		write_json(R, &p);
	else if (R->mode == M_LIST && cli->jsonl)
		write_json_lines(R, cli, &p);
	else if (R->mode == M_LIST)
		write_list(R, cli, &p);
	else
		write_text(R, p.buf, p.len);
	return NP_OK;
}

int
main(int argc, char **argv)
{
	struct np_dates_opts o;
	struct np_cli cli;
	struct run R;
	const char *arg;
	int c;

	np_cli_init(&cli, argv[0]);
	cli.found_what = "dates";
	np_dates_opts_init(&o);
	memset(&R, 0, sizeof(R));
	while ((c = np_cli_getopt(&cli, &tool, argc, argv, &arg)) != -1) {
		switch (c) {
		case 'a':
		case 'l':
			if (R.mode != M_REPLACE && R.mode != (c == 'a' ? M_ANNOTATE : M_LIST))
				np_usage_error("-%c: cannot be used with -%c", c, c == 'a' ? 'l' : 'a');
			R.mode = c == 'a' ? M_ANNOTATE : M_LIST;
			break;
		case 'r':
			if (np_dates_opts_ref(&o, arg) != NP_OK)
				np_usage_error("--ref: expected YYYY-MM-DD, 'auto' or 'none', not '%s'", arg);
			break;
		case OPT_REF_FIELD:
			cli.jsonl_aux = arg;
			break;
		case OPT_ORDER:
			if (np_dates_opts_order(&o, arg) != NP_OK)
				np_usage_error("--order: expected dmy, mdy, ymd or auto, not '%s'", arg);
			break;
		}
	}
	if (cli.lang != NULL && np_dates_opts_langs(&o, cli.lang) != NP_OK)
		np_usage_error("-L: unknown language list '%s'", cli.lang);
	if ((R.d = np_dates_new(&o)) == NULL)
		np_die("out of memory");
	if (R.mode == M_LIST) {
		cli.jsonl_kind = NP_JSONL_ADD;
		cli.jsonl_key = "dates";
	}
	np_cli_each_chunk(&cli, argc - optind, argv + optind, NP_CHUNK_DEFAULT, each_chunk, &R);
	np_date_hits_free(&R.hits);
	np_buf_free(&R.carry);
	np_buf_free(&R.join);
	np_cpmap_free(&R.cpm);
	np_dates_free(R.d);
	return np_cli_finish(&cli);
}
