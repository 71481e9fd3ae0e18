/*
 * split-articles - cut a dump of many articles into one record per
 * article, losing no byte.  See man/split-articles.1; the engine is
 * filters/articles/.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "newsprep/articles.h"
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/out.h"

static const struct np_opt opts[] = {
	{ 'F', "format", "FORMAT", "auto (default), lexisnexis, factiva, europresse,\n"
	    "proquest, mail, feed, markdown, alerts, listing,\n"
	    "separator, heads, digest, run or single" },
	{ 'o', "output", "PREFIX", "write records to PREFIX0001.txt, ...; print the names" },
	{ 0, NULL, NULL, NULL }
};

static const struct np_tool tool = {
	"[-jz] [-o PREFIX] [-F FORMAT] [OPTION]... [FILE]...",
	"Cut a dump of many articles into one record per article.",
	opts, NULL,
	"Records are written each followed by a line holding a form feed; with -j\n"
	"one JSON object per article, with its metadata.\n",
	NULL
};

struct run {
	struct np_articles *ctx;
	const char *prefix;	/* -o */
	unsigned long fileno;	/* files written so far */
	struct np_buf name;	/* the current file name */
	struct np_buf json;	/* JSON values of a part's members */
};

/* Writes one record to PREFIXnnnn.txt and prints the name. */
static void
write_file(struct run *r, const char *p, size_t n, int first, int nul)
{
	FILE *f;
	int bad;

	r->fileno++;
	np_buf_clear(&r->name);
	if (np_buf_printf(&r->name, "%s%04lu.txt", r->prefix, r->fileno) != NP_OK)
		np_die("%s", np_strerror(NP_ENOMEM));
	if ((f = fopen(r->name.data, "wb")) == NULL)
		np_die("%s: %s", r->name.data, strerror(errno));
	bad = n > 0 && fwrite(p, 1, n, f) != n;
	if (fclose(f) != 0)
		bad = 1;
	if (bad)
		np_die("%s: %s", r->name.data, strerror(errno));
	if (nul && !first)
		np_out_putc('\0');
	np_out_str(r->name.data);
	if (!nul)
		np_out_putc('\n');
}

/* Writes a metadata string member ,"key":"value" when present. */
static void
json_str(const char *key, const struct np_articles_str *v)
{
	if (v->s == NULL)
		return;
	np_out_printf(",\"%s\":", key);
	np_out_json_string(v->s, v->len);
}

/* Writes one article as a JSON object line. */
static void
write_json(struct np_articles *ctx, const char *buf, const struct np_article *a)
{
	np_out_printf("{\"n\":%zu,\"format\":\"%s\"", a->n,
	    np_articles_format_name(np_articles_format(ctx)));
	json_str("source", &a->source);
	if (a->date[0] != '\0') {
		np_out_str(",\"date\":");
		np_out_json_string(a->date, strlen(a->date));
	}
	json_str("title", &a->title);
	json_str("byline", &a->byline);
	json_str("section", &a->section);
	if (a->words >= 0)
		np_out_printf(",\"words\":%ld", a->words);
	np_out_printf(",\"start\":%zu,\"end\":%zu,\"text\":", a->record.start,
	    a->record.end);
	np_out_json_string(buf + a->text.start, a->text.end - a->text.start);
	np_out_str("}\n");
}

/* Appends a JSON string value to r->json and notes it in set[*n], its
 * offset in off[*n] (the buffer may still move). */
static int
add_str(struct run *r, struct np_jsonl_set *set, size_t *off, size_t *n,
    const char *name, const char *s, size_t len)
{
	int rc;

	if (s == NULL)
		return NP_OK;
	off[*n] = r->json.len;
	if ((rc = np_json_escape(&r->json, s, len)) != NP_OK)
		return rc;
	set[*n].name = name;
	set[*n].len = r->json.len - off[*n];
	(*n)++;
	return NP_OK;
}

/*
 * JSON Lines input: one object per part, the field set to the record
 * (so the parts' texts give back the input's), with the metadata text
 * mode finds (source, date, title, byline, section, words) and "part".
 */
static int
write_part(struct run *r, struct np_cli *cli, const char *buf,
    const struct np_article *a)
{
	struct np_jsonl_set set[8];
	size_t off[8], n = 0, i;
	char words[24];
	int rc;

	np_buf_clear(&r->json);
	if ((rc = add_str(r, set, off, &n, cli->field, buf + a->record.start,
	    a->record.end - a->record.start)) != NP_OK ||
	    (rc = add_str(r, set, off, &n, "source", a->source.s, a->source.len)) != NP_OK ||
	    (rc = add_str(r, set, off, &n, "date", a->date[0] ? a->date : NULL,
	    strlen(a->date))) != NP_OK ||
	    (rc = add_str(r, set, off, &n, "title", a->title.s, a->title.len)) != NP_OK ||
	    (rc = add_str(r, set, off, &n, "byline", a->byline.s, a->byline.len)) != NP_OK ||
	    (rc = add_str(r, set, off, &n, "section", a->section.s, a->section.len)) != NP_OK)
		return rc;
	for (i = 0; i < n; i++)
		set[i].json = r->json.data + off[i];
	if (a->words >= 0) {
		set[n].name = "words";
		set[n].len = (size_t)snprintf(words, sizeof(words), "%ld", a->words);
		set[n].json = words;
		n++;
	}
	return np_jsonl_split_part(set, n);
}

/* Splits one document and writes its records. */
static int
split_document(void *arg, struct np_cli *cli, const char *buf, size_t len)
{
	struct run *r = arg;
	struct np_article a;
	int rc, first = 1;

	if ((rc = np_articles_begin(r->ctx, buf, len)) != NP_OK)
		return rc;
	while ((rc = np_articles_next(r->ctx, &a)) == 1) {
		const char *p = buf + a.record.start;
		size_t n = a.record.end - a.record.start;

		if (cli->jsonl_in) {
			if ((rc = write_part(r, cli, buf, &a)) != NP_OK)
				return rc;
		} else if (cli->jsonl) {
			write_json(r->ctx, buf, &a);
		} else if (r->prefix != NULL) {
			write_file(r, p, n, first, cli->nul);
		} else if (cli->nul) {
			/* the frame ends the document's last record */
			if (!first)
				np_out_putc('\0');
			np_out_write(p, n);
		} else {
			np_out_write(p, n);
			if (n > 0 && p[n - 1] != '\n')
				np_out_putc('\n');
			np_out_write("\f\n", 2);
		}
		first = 0;
		np_cli_count(cli, 1);
	}
	/* an empty text is one empty part, so no object goes missing */
	if (rc == 0 && first && cli->jsonl_in) {
		memset(&a, 0, sizeof(a));
		a.words = -1;
		return write_part(r, cli, buf, &a);
	}
	return rc < 0 ? rc : NP_OK;
}

int
main(int argc, char **argv)
{
	struct np_articles_opts ao = { NP_ARTICLES_AUTO, 0 };
	struct np_cli cli;
	struct run r = { NULL, NULL, 0, { NULL, 0, 0 }, { NULL, 0, 0 } };
	const char *arg;
	int c;

	np_cli_init(&cli, argv[0]);
	cli.found_what = "articles";
	while ((c = np_cli_getopt(&cli, &tool, argc, argv, &arg)) != -1) {
		switch (c) {
		case 'F':
			if (np_articles_format_parse(arg, &ao.format) != NP_OK)
				np_usage_error("--format: unknown format '%s'", arg);
			break;
		case 'o':
			if (*arg == '\0')
				np_usage_error("--output: empty prefix");
			r.prefix = arg;
			break;
		}
	}
	if (cli.jsonl && r.prefix != NULL)
		np_usage_error("-o: cannot be used with -j");
	if (cli.to != NULL)
		np_usage_error("--to: split-articles writes each part's text to --field");
	ao.meta = cli.jsonl;
	if ((r.ctx = np_articles_new(&ao)) == NULL)
		np_die("cannot set up the engine: %s", np_strerror(NP_ENOMEM));
	cli.jsonl_kind = NP_JSONL_SPLIT;
	np_cli_each_document(&cli, argc - optind, argv + optind, split_document, &r);
	np_articles_free(r.ctx);
	np_buf_free(&r.name);
	np_buf_free(&r.json);
	return np_cli_finish(&cli);
}
