/*
 * extract-quotes - find direct quotations and who said them.
 *
 * Thin main: options, the document loop, and the writer.  The work is in
 * the quotes engine (include/newsprep/quotes.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>

#include "newsprep/json.h"
#include "newsprep/out.h"
#include "newsprep/quotes.h"

enum { OPT_MIN_WORDS = 0x2000 };

static const struct np_opt opts[] = {
	{ OPT_MIN_WORDS, "min-words", "N", "keep a quotation shorter than N words only when\n"
	    "a speech cue is next to it (default 4)" },
	{ 0, NULL, NULL, NULL }
};

static const struct np_tool tool = {
	"[-jz] [--min-words N] [OPTION]... [FILE]...",
	"Find direct quotations and who said them.  One line per quotation:\n"
	"DOC START END SPEAKER CUE QUOTE, tab-separated (START and END are byte\n"
	"offsets into the document; with -z no DOC: each document's lines are\n"
	"one NUL-terminated record).",
	opts, NP_QUOTES_LANGS, NULL, NULL
};


/* Writes a number and a tab (printf is slow for this hot path). */
static void
put_num(size_t v)
{
	char b[24];
	size_t i = sizeof b;

	b[--i] = '\t';
	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	np_out_write(b + i, sizeof b - i);
}

/* Byte offsets of the current document as code points (JSON output). */
static struct np_cpmap cpm;

/* Writes one quotation as a JSON object. */
static void
write_json(const struct np_cli *cli, const char *buf, const struct np_quote *r)
{
	np_out_str("{");
	/* in -z mode each document's output is its own record: no number
	 * (so chunks run apart, as under parallel --pipe, join up equal) */
	if (!cli->jsonl_in && !cli->nul)
		np_out_printf("\"doc\":%zu,", cli->docno);
	np_out_json_span(&cpm, "", r->content.start, r->content.end);
	np_out_str(",\"speaker\":");
	if (r->speaker_len > 0)
		np_out_json_string(r->speaker, r->speaker_len);
	else
		np_out_str("null");
	np_out_str(",\"kind\":\"");
	np_out_str(np_speaker_kind_name(r->kind));
	np_out_str("\",");
	np_out_json_span(&cpm, "speaker_", r->mention.start, r->mention.end);
	np_out_str(",\"cue\":");
	if (r->cue_len > 0)
		np_out_json_string(r->cue, r->cue_len);
	else
		np_out_str("null");
	np_out_putc(',');
	np_out_json_span(&cpm, "cue_", r->cue_span.start, r->cue_span.end);
	np_out_str(r->multipara ? ",\"multipara\":true,\"quote\":" :
	    ",\"multipara\":false,\"quote\":");
	np_out_json_string(buf + r->content.start,
	    r->content.end - r->content.start);
	np_out_str("}");
}

/* Runs the engine on one document and writes its quotations. */
static int
each(void *arg, struct np_cli *cli, const char *buf, size_t len)
{
	struct np_quotes *q = arg;
	const struct np_quote *v;
	size_t n, i;
	int r;

	if ((r = np_quotes_scan(q, buf, len, &v, &n)) != NP_OK)
		return r;
	np_cli_count(cli, n);
	np_cpmap_reset(&cpm, buf, len);
	if (cli->jsonl_in) {
		np_out_str("[");
		for (i = 0; i < n; i++) {
			if (i > 0)
				np_out_str(",");
			write_json(cli, buf, &v[i]);
		}
		np_out_str("]");
		return NP_OK;
	}
	for (i = 0; i < n; i++) {
		if (cli->jsonl) {
			write_json(cli, buf, &v[i]);
			np_out_putc('\n');
			continue;
		}
		if (!cli->nul)
			put_num(cli->docno);
		put_num(v[i].content.start);
		put_num(v[i].content.end);
		np_out_tsv_escaped(v[i].speaker, v[i].speaker_len);
		np_out_putc('\t');
		np_out_tsv_escaped(v[i].cue, v[i].cue_len);
		np_out_putc('\t');
		np_out_tsv_escaped(buf + v[i].content.start,
		    v[i].content.end - v[i].content.start);
		np_out_putc('\n');
	}
	return NP_OK;
}

int
main(int argc, char **argv)
{
	struct np_cli cli;
	struct np_quotes_opts qo;
	struct np_quotes *q;
	const char *arg;
	char *end;
	unsigned long v;
	int c;

	np_cli_init(&cli, argv[0]);
	cli.found_what = "quotations";
	memset(&qo, 0, sizeof qo);
	while ((c = np_cli_getopt(&cli, &tool, argc, argv, &arg)) != -1) {
		switch (c) {
		case OPT_MIN_WORDS:
			v = strtoul(arg, &end, 10);
			if (*arg < '0' || *arg > '9' || *end != '\0' ||
			    v == 0 || v > 1000)
				np_usage_error("--min-words: expected a number from 1 to 1000, not '%s'", arg);
			qo.min_words = v;
			break;
		}
	}
	if (cli.lang != NULL && np_quotes_opts_langs(&qo, cli.lang) != NP_OK)
		np_usage_error("-L: invalid language list '%s'", cli.lang);
	if ((q = np_quotes_new(&qo)) == NULL)
		np_die("out of memory");
	cli.jsonl_kind = NP_JSONL_ADD;
	cli.jsonl_key = "quotes";
	np_cli_each_document(&cli, argc - optind, argv + optind, each, q);
	np_quotes_free(q);
	return np_cli_finish(&cli);
}
