/*
 * strip-boilerplate - keep a news page's title and article text, drop its
 * furniture.  The method is in filters/boilerplate/boilerplate.c; this
 * file reads options and documents and prints the engine's ranges.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "newsprep/boilerplate.h"
#include "newsprep/doc.h"
#include "newsprep/html.h"
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/out.h"

enum {
	OPT_EXPLAIN = 0x2000, OPT_LEN_LOW, OPT_LEN_HIGH, OPT_SW_LOW, OPT_SW_HIGH,
	OPT_HEADING, OPT_TPL_SHARE, OPT_NO_TITLE, OPT_NO_CUT, OPT_UNWRAP, OPT_HTML, OPT_TEXT
};

static const struct np_opt opts[] = {
	{ 'v', "invert", NULL, "print only what would be removed" },
	{ OPT_EXPLAIN, "explain", NULL, "print every unit as CLASS, REASON and TEXT (TSV)" },
	{ 'T', "templates", NULL, "read all documents first; lines recurring across them\n"
	    "are the site's template" },
	{ OPT_LEN_LOW, "length-low", "N", "units shorter than N characters are short (70)" },
	{ OPT_LEN_HIGH, "length-high", "N", "longer stopword-dense units are good (200)" },
	{ OPT_SW_LOW, "stopwords-low", "F", "stopword density for near-good (0.30)" },
	{ OPT_SW_HIGH, "stopwords-high", "F", "stopword density for good (0.32)" },
	{ OPT_HEADING, "max-heading-distance", "N", "characters between a title and the text (200)" },
	{ OPT_TPL_SHARE, "template-share", "F", "share of documents a template line is in (0.5)" },
	{ OPT_NO_TITLE, "no-title", NULL, "do not look for the title line" },
	{ OPT_NO_CUT, "no-cut", NULL, "do not cut furniture off the ends of long lines" },
	{ OPT_UNWRAP, "unwrap", NULL, "print each kept paragraph on one line" },
	{ OPT_HTML, "html", NULL, "read every document as HTML" },
	{ OPT_TEXT, "text", NULL, "read every document as plain text (default: detect)" },
	{ 0, NULL, NULL, NULL }
};

static const struct np_tool tool = {
	"[-vT] [--explain] [OPTION]... [FILE]...",
	"Print the title and article text of each page, without its furniture.",
	opts, "en,de,fr,es,it,pt,nl,pl,uk,ru", NULL, NULL
};

enum { MODE_AUTO, MODE_HTML, MODE_TEXT };

struct run {
	struct np_boilerplate *bp;
	struct np_bp_result res;
	struct np_buf text;	/* a window's text (np_boilerplate_render) */
	int invert, explain;
	int mode;		/* MODE_*: --html, --text or detection */
	struct np_html *html;	/* the HTML reader, made on first use */
	struct np_html_page page;
	struct np_buf json;	/* the page metadata as JSON values */
};

/* Parses a count option. */
static size_t
parse_count(const char *opt, const char *arg)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno != 0 || arg[0] == '-' || v > 1000000000ull)
		np_usage_error("%s: invalid number '%s'", opt, arg);
	return (size_t)v;
}

/* Parses a share between 0 and 1. */
static double
parse_share(const char *opt, const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (*arg == '\0' || *end != '\0' || errno != 0 || !(v >= 0 && v <= 1))
		np_usage_error("%s: expected a number from 0 to 1, not '%s'", opt, arg);
	return v;
}

/* Writes the kept part of unit b, leaving out captions inside it, as
 * one escaped TSV field (--explain). */
static void
put_kept_tsv(const char *buf, const struct np_bp_block *b)
{
	size_t at = b->keep_start;
	int i;

	for (i = 0; i <= b->nholes; i++) {
		size_t e = i < b->nholes ? b->holes[i].start : b->keep_end;

		np_out_tsv_escaped(buf + at, e - at);
		if (i < b->nholes)
			at = b->holes[i].end;
	}
}

/* The REASON field of --explain. */
static void
explain_reason(const char *cls, const struct np_bp_block *b)
{
	np_out_str(cls);
	np_out_putc('\t');
	np_out_str(b->reason ? b->reason : "");
	if (b->detail != NULL) {
		np_out_str(": ");
		np_out_str(b->detail);
	}
	np_out_printf(" (%s; %zu chars, %zu words, stopwords %.2f)", np_bp_class_name(b->first),
	    b->chars, b->words, b->density);
	np_out_putc('\t');
}

/* One TSV row of --explain. */
static void
explain_row(const char *cls, const struct np_bp_block *b, const char *buf,
    size_t s, size_t e)
{
	explain_reason(cls, b);
	np_out_tsv_escaped(buf + s, e - s);
	np_out_putc('\n');
}

/* Prints every unit with its class and reason. */
static void
print_explain(const char *buf, const struct np_bp_result *res)
{
	size_t i;
	int k;

	for (i = 0; i < res->n; i++) {
		const struct np_bp_block *b = &res->v[i];

		if (b->cls != NP_BP_GOOD) {
			explain_row("bad", b, buf, b->start, b->end);
			continue;
		}
		if (b->keep_start > b->start)
			explain_row("cut", b, buf, b->start, b->keep_start);
		explain_reason("good", b);
		put_kept_tsv(buf, b);
		np_out_putc('\n');
		for (k = 0; k < b->nholes; k++)
			explain_row("cut", b, buf, b->holes[k].start, b->holes[k].end);
		if (b->keep_end < b->end)
			explain_row("cut", b, buf, b->keep_end, b->end);
	}
}

/* Counts the units the engine dropped, for --stats. */
static void
count_removed(struct np_cli *cli, const struct np_bp_result *res)
{
	size_t i, n = 0;

	for (i = 0; i < res->n; i++)
		n += res->v[i].cls != NP_BP_GOOD;
	np_cli_count(cli, n);
}

/* Prints an HTML page: its title first, then the kept units (or, with
 * --explain, every unit with its tag path). */
static int
print_html(struct run *r)
{
	const struct np_html_page *pg = &r->page;
	const char *title = np_html_shown_title(pg);
	size_t i;
	int rc;

	if (r->explain) {
		if (title != NULL) {
			np_out_str("title\tpage title\t");
			np_out_tsv_escaped(title, strlen(title));
			np_out_putc('\n');
		}
		for (i = 0; i < r->res.n; i++) {
			const struct np_bp_block *b = &r->res.v[i];
			const struct np_html_block *hb = np_html_block_at(pg, b->start);

			explain_reason(b->cls == NP_BP_GOOD ? "good" : "bad", b);
			if (hb != NULL) {
				const char *path = pg->paths.data + hb->path;

				np_out_str("[");
				np_out_tsv_spaced(path, strlen(path));
				np_out_printf(" links %.2f]\t", hb->chars ?
				    (double)hb->link_chars / (double)hb->chars : 0.0);
			} else
				np_out_str("[]\t");
			np_out_tsv_escaped(pg->text.data + b->start, b->end - b->start);
			np_out_putc('\n');
		}
		return NP_OK;
	}
	np_buf_clear(&r->text);
	if ((rc = np_html_render(pg, &r->res, r->invert, &r->text)) != NP_OK)
		return rc;
	np_out_write(r->text.data, r->text.len);
	return NP_OK;
}

/* JSON Lines: sets what the page states about itself (title, author,
 * date, url, lang, description) as members of the output object. */
static int
set_meta(struct run *r)
{
	static const char *const names[] = {
		"title", "author", "date", "url", "lang", "description"
	};
	const struct np_html_page *pg = &r->page;
	const size_t offs[] = {
		pg->m.title, pg->m.author, pg->m.date, pg->m.url, pg->m.lang,
		pg->m.description
	};
	struct np_jsonl_set set[6];
	size_t at[6], i, n = 0;
	const char *s;
	int rc;

	np_buf_clear(&r->json);
	for (i = 0; i < 6; i++) {
		if ((s = np_html_meta_str(pg, offs[i])) == NULL || *s == '\0')
			continue;
		at[n] = r->json.len;
		if ((rc = np_json_escape(&r->json, s, strlen(s))) != NP_OK)
			return rc;
		set[n].name = names[i];
		set[n].len = r->json.len - at[n];
		n++;
	}
	for (i = 0; i < n; i++)
		set[i].json = r->json.data + at[i];
	return np_jsonl_extra(set, n);
}

/* Classifies and prints one HTML page. */
static int
do_html(struct run *r, struct np_cli *cli, const char *buf, size_t len)
{
	int rc;

	if (r->html == NULL && (r->html = np_html_new(&rc)) == NULL)
		return rc;
	if ((rc = np_html_read(r->html, buf, len, &r->page)) != NP_OK)
		return rc;
	if ((rc = np_boilerplate_classify_html(r->bp, &r->page, &r->res)) != NP_OK)
		return rc;
	count_removed(cli, &r->res);
	if (cli->jsonl_in && !r->explain && (rc = set_meta(r)) != NP_OK)
		return rc;
	return print_html(r);
}

/* np_cli_each_document callback: classify and print, window by window
 * (a huge document is cut at blank lines; see np_boilerplate_window). */
static int
do_document(void *arg, struct np_cli *cli, const char *buf, size_t len)
{
	struct run *r = arg;
	size_t off = 0, w;
	int rc, printed = 0;

	if (r->mode == MODE_HTML || (r->mode == MODE_AUTO && np_html_detect(buf, len)))
		return do_html(r, cli, buf, len);
	do {
		w = np_boilerplate_window(buf + off, len - off);
		if ((rc = np_boilerplate_classify(r->bp, buf + off, w, &r->res)) != NP_OK)
			return rc;
		count_removed(cli, &r->res);
		if (r->explain) {
			/* the units index the engine's text (a rebuilt copy of a
			 * page laid out in columns) */
			print_explain(r->res.text, &r->res);
		} else {
			int any;

			np_buf_clear(&r->text);
			if ((rc = np_boilerplate_render(buf + off, &r->res, r->invert,
			    printed, &r->text, &any)) != NP_OK)
				return rc;
			np_out_write(r->text.data, r->text.len);
			printed |= any;
		}
		off += w;
	} while (off < len);
	return NP_OK;
}

/* Copies stdin into a temporary file (for -T, which reads its input
 * twice) and returns its path, or NULL after a message. */
static char *
spool_stdin(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	char buf[1 << 16];
	size_t n;
	int fd;
	FILE *f;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((path = malloc(strlen(dir) + 32)) == NULL)
		return NULL;
	sprintf(path, "%s/strip-boilerplate.XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "wb")) == NULL) {
		np_warn("%s: %s", path, strerror(errno));
		free(path);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
		if (fwrite(buf, 1, n, f) != n)
			break;
	if (ferror(stdin) || fclose(f) != 0) {
		np_warn("%s: %s", path, strerror(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/* The first pass of -T: counts the normalised lines of every document. */
static void
count_templates(struct np_cli *cli, struct np_boilerplate *bp, int argc, char **argv)
{
	int i, rc;

	for (i = 0; i < argc; i++) {
		struct np_reader *rd = np_reader_open(argv[i], cli->nul, cli->max_doc);
		const char *buf;
		size_t len;

		if (rd == NULL)
			continue;	/* the second pass reports it */
		while ((rc = np_reader_next(rd, &buf, &len)) != 0) {
			if (rc == NP_ETOOBIG)
				continue;
			if (rc < 0 || np_boilerplate_template_add(bp, buf, len) != NP_OK)
				break;
		}
		np_reader_close(rd);
	}
}

int
main(int argc, char **argv)
{
	struct np_cli cli;
	struct np_boilerplate_opts o;
	struct run r;
	char *spooled = NULL;
	char **ops;
	const char *arg;
	int c, err, templates = 0, i, nops;

	np_cli_init(&cli, argv[0]);
	cli.found_what = "units removed";
	np_boilerplate_opts_init(&o);
	memset(&r, 0, sizeof r);
	while ((c = np_cli_getopt(&cli, &tool, argc, argv, &arg)) != -1) {
		switch (c) {
		case 'v':
			r.invert = 1;
			break;
		case OPT_EXPLAIN:
			r.explain = 1;
			break;
		case 'T':
			templates = 1;
			break;
		case OPT_LEN_LOW:
			o.length_low = parse_count("--length-low", arg);
			break;
		case OPT_LEN_HIGH:
			o.length_high = parse_count("--length-high", arg);
			break;
		case OPT_SW_LOW:
			o.stopwords_low = parse_share("--stopwords-low", arg);
			break;
		case OPT_SW_HIGH:
			o.stopwords_high = parse_share("--stopwords-high", arg);
			break;
		case OPT_HEADING:
			o.max_heading_distance = parse_count("--max-heading-distance", arg);
			break;
		case OPT_TPL_SHARE:
			o.template_share = parse_share("--template-share", arg);
			break;
		case OPT_NO_TITLE:
			o.no_title = 1;
			break;
		case OPT_NO_CUT:
			o.no_cut = 1;
			break;
		case OPT_UNWRAP:
			o.unwrap = 1;
			break;
		case OPT_HTML:
			r.mode = MODE_HTML;
			break;
		case OPT_TEXT:
			r.mode = MODE_TEXT;
			break;
		}
	}
	if (cli.lang != NULL)
		o.lang = cli.lang;
	if (r.invert && r.explain)
		np_usage_error("--explain: cannot be used with -v");
	if (templates && cli.jsonl)
		np_usage_error("--templates: cannot be used with --jsonl");
	if (o.length_low > o.length_high)
		np_usage_error("--length-low: must not exceed --length-high");
	if (o.stopwords_low > o.stopwords_high)
		np_usage_error("--stopwords-low: must not exceed --stopwords-high");
	if ((r.bp = np_boilerplate_new(&o, &err)) == NULL)
		np_die("%s", np_strerror(err));
	ops = argv + optind;
	nops = argc - optind;
	if (templates) {
		static char *stdin_only[] = { "-" };

		if (nops == 0) {
			ops = stdin_only;
			nops = 1;
		}
		if ((ops = malloc((size_t)nops * sizeof *ops)) == NULL)
			np_die("%s", np_strerror(NP_ENOMEM));
		for (i = 0; i < nops; i++) {
			char *a = argc - optind == 0 ? stdin_only[0] : argv[optind + i];

			ops[i] = a;
			if (strcmp(a, "-") == 0) {
				if (spooled == NULL && (spooled = spool_stdin()) == NULL)
					np_die("cannot keep stdin for --templates");
				ops[i] = spooled;
			}
		}
		count_templates(&cli, r.bp, nops, ops);
	}
	np_cli_each_document(&cli, nops, ops, do_document, &r);
	if (spooled != NULL) {
		unlink(spooled);
		free(spooled);
	}
	if (templates)
		free(ops);
	np_bp_result_free(&r.res);
	np_buf_free(&r.text);
	np_buf_free(&r.json);
	np_boilerplate_free(r.bp);
	np_html_page_free(&r.page);
	np_html_free(r.html);
	return np_cli_finish(&cli);
}
