/*
 * cli.c - the command-line frame: program name, common options,
 * messages, the loop over documents, and the closing of stdout.
 *
 * Every tool's main is: options (np_cli_getopt with the tool's table), then
 * np_cli_each_document or np_cli_each_chunk with the engine call, then
 * return np_cli_finish.  Errors on one operand or record are reported and
 * the loop goes on; the exit status says that something failed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "newsprep/json.h"
#include "newsprep/out.h"
#include "newsprep/jsonl.h"

static const char *progname = "newsprep";

void
np_cli_init(struct np_cli *cli, const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	memset(cli, 0, sizeof(*cli));
	progname = slash ? slash + 1 : argv0 ? argv0 : "newsprep";
	cli->progname = progname;
	cli->max_doc = NP_MAX_DOC_DEFAULT;
	cli->field = "text";
	cli->jsonl_kind = NP_JSONL_REPLACE;
	/* a big buffer of our own (glibc ignores the size when given NULL),
	 * so output goes out in large writes */
	static char obuf[1 << 18];
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	/* a person at a terminal sees each record as it is done, as if
	 * --line-buffered were given */
	if (isatty(STDOUT_FILENO))
		cli->line_buffered = 1;
}

static void
vwarn_msg(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
np_doc_warn(struct np_cli *cli, const char *fmt, ...)
{
	va_list ap;

	if (cli->quiet) {
		cli->suppressed++;
		return;
	}
	va_start(ap, fmt);
	vwarn_msg(fmt, ap);
	va_end(ap);
}

void
np_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_msg(fmt, ap);
	va_end(ap);
}

_Noreturn void
np_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_msg(fmt, ap);
	va_end(ap);
	exit(1);
}

_Noreturn void
np_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_msg(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(2);
}

/* Parses a byte count with an optional K, M, G or T suffix (powers of
 * 1024). */
int
np_parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	if (s == NULL || *s == '\0' || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	case 't': case 'T': shift = 40; end++; break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end != '\0' || (shift && v > (SIZE_MAX >> shift)))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

/*
 * The common options.  The help texts are what every tool's --help and
 * the "Common options" part of every man page say (tests/cli/options.t
 * compares them).
 */
const struct np_opt np_cli_common[] = {
	{ 'z', "null", NULL, "NUL-terminated records in and out" },
	{ 'j', "jsonl", NULL, "JSON Lines in and out: each object's --field is the\n"
	    "document; the other fields are kept byte for byte" },
	{ 'L', "lang", "LIST", "languages to use, comma-separated (default all)" },
	{ NP_OPT_FIELD, "field", "NAME", "JSON Lines: the text field (default text)" },
	{ NP_OPT_TO, "to", "NAME", "JSON Lines: write the result to field NAME" },
	{ NP_OPT_ON_ERROR, "on-error", "ACTION", "a malformed JSON line or an oversize document:\n"
	    "stop (default), skip or pass it through" },
	{ NP_OPT_MAX_DOC, "max-doc-size", "SIZE", "a larger document is an error (default 1G)" },
	{ NP_OPT_LINE_BUFFERED, "line-buffered", NULL, "write out each record as soon as it is done" },
	{ 'q', "quiet", NULL, "no messages about single documents or lines" },
	{ NP_OPT_STATS, "stats", NULL, "print a summary line on stderr at the end" },
	{ NP_OPT_PROGRESS, "progress", NULL, "print progress on stderr about once a second" },
	{ 'h', "help", NULL, "print this help and exit" },
	{ 'V', "version", NULL, "print the version and exit" },
	{ 0, NULL, NULL, NULL }
};

/* Whether key is a short option letter. */
static int
is_letter(int key)
{
	return (key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z') ||
	    (key >= '0' && key <= '9');
}

/* Prints one option of the help: "  -L, --lang=LIST   text". */
static void
print_opt(const struct np_opt *o)
{
	char head[64];
	const char *h, *nl;
	int n;

	n = snprintf(head, sizeof head, "  %c%c%s--%s%s%s",
	    is_letter(o->key) ? '-' : ' ', is_letter(o->key) ? o->key : ' ',
	    is_letter(o->key) ? ", " : "  ", o->name, o->arg ? "=" : "",
	    o->arg ? o->arg : "");
	if (n < 0 || (size_t)n >= sizeof head)
		n = (int)sizeof head - 1;
	printf("%-27s", head);
	if (n >= 27)
		printf("\n%-27s", "");
	for (h = o->help; (nl = strchr(h, '\n')) != NULL; h = nl + 1)
		printf("%.*s\n%-27s", (int)(nl - h), h, "");
	printf("%s\n", h);
}

/* Prints the --help text of a tool. */
static void
print_help(const struct np_cli *cli, const struct np_tool *t)
{
	const struct np_opt *o;

	printf("usage: %s %s\n%s\n", cli->progname, t->synopsis, t->purpose);
	if (t->opts != NULL && t->opts[0].name != NULL) {
		printf("\nOptions:\n");
		for (o = t->opts; o->name != NULL; o++)
			print_opt(o);
	}
	printf("\nCommon options (the same in every newsprep tool):\n");
	for (o = np_cli_common; o->name != NULL; o++)
		print_opt(o);
	if (t->langs != NULL)
		printf("\nLanguages (-L): %s\n", t->langs);
	else
		printf("\nLanguages (-L): %s has no choice of language\n", cli->progname);
	if (t->notes != NULL)
		printf("\n%s", t->notes);
}

/* Checks an -L list against the codes the tool knows; "all" (or
 * "auto") is the default, every language. */
static void
check_langs(struct np_cli *cli, const struct np_tool *t, const char *arg)
{
	const char *p = arg, *q, *k, *e;
	size_t n;
	int found;

	if (t->langs == NULL)
		np_usage_error("-L: %s has no choice of language", cli->progname);
	if (strcmp(arg, "all") == 0 || strcmp(arg, "auto") == 0) {
		cli->lang = NULL;
		return;
	}
	do {
		q = strchr(p, ',');
		n = q ? (size_t)(q - p) : strlen(p);
		found = 0;
		for (k = t->langs; *k != '\0' && !found; k = *e ? e + 1 : e) {
			e = strchr(k, ',');
			if (e == NULL)
				e = k + strlen(k);
			found = n > 0 && (size_t)(e - k) == n && memcmp(k, p, n) == 0;
		}
		if (!found)
			np_usage_error("-L: unknown language '%.*s' (%s knows %s)",
			    (int)n, p, cli->progname, t->langs);
		p = q ? q + 1 : NULL;
	} while (p != NULL);
	cli->lang = arg;
}

/* Handles a common option; returns 0 when c is not one. */
static int
common_option(struct np_cli *cli, const struct np_tool *t, int c, const char *arg)
{
	switch (c) {
	case 'z':
		cli->nul = 1;
		return 1;
	case 'j':
		cli->jsonl = 1;
		return 1;
	case 'L':
		check_langs(cli, t, arg);
		return 1;
	case 'q':
		cli->quiet = 1;
		return 1;
	case 'h':
		print_help(cli, t);
		exit(np_cli_finish(cli));
	case 'V':
		printf("%s (newsprep) %s\n", cli->progname, NP_VERSION);
		exit(np_cli_finish(cli));
	case NP_OPT_MAX_DOC:
		if (np_parse_size(arg, &cli->max_doc) != 0 || cli->max_doc == 0)
			np_usage_error("--max-doc-size: invalid size '%s'", arg);
		return 1;
	case NP_OPT_FIELD:
		if (*arg == '\0')
			np_usage_error("--field: empty field name");
		cli->field = arg;
		return 1;
	case NP_OPT_TO:
		if (*arg == '\0')
			np_usage_error("--to: empty field name");
		cli->to = arg;
		return 1;
	case NP_OPT_ON_ERROR:
		if (strcmp(arg, "stop") == 0)
			cli->skip_bad = NP_ON_ERROR_STOP;
		else if (strcmp(arg, "skip") == 0)
			cli->skip_bad = NP_ON_ERROR_SKIP;
		else if (strcmp(arg, "pass") == 0)
			cli->skip_bad = NP_ON_ERROR_PASS;
		else
			np_usage_error("--on-error: expected 'stop', 'skip' or 'pass', not '%s'", arg);
		return 1;
	case NP_OPT_LINE_BUFFERED:
		cli->line_buffered = 1;
		return 1;
	case NP_OPT_STATS:
		cli->stats = 1;
		return 1;
	case NP_OPT_PROGRESS:
		cli->progress = 1;
		return 1;
	}
	return 0;
}

/* The option of either table with this key, or NULL. */
static const struct np_opt *
find_key(const struct np_tool *t, int key)
{
	const struct np_opt *o;

	for (o = np_cli_common; o->name != NULL; o++)
		if (o->key == key)
			return o;
	for (o = t->opts; o != NULL && o->name != NULL; o++)
		if (o->key == key)
			return o;
	return NULL;
}

/* Reports an unknown or ambiguous long option (word, n bytes of it
 * before any '='), naming the options it could be, and exits 2. */
static _Noreturn void
unknown_long(const struct np_tool *t, const char *word, int n)
{
	const struct np_opt *tabs[2] = { np_cli_common, t->opts };
	const struct np_opt *o;
	char could[256] = "";
	size_t len = 0, k, m = (size_t)n - 2;
	int hits = 0;

	for (k = 0; k < 2; k++)
		for (o = tabs[k]; o != NULL && o->name != NULL; o++)
			if (strncmp(o->name, word + 2, m) == 0 && len + strlen(o->name) + 5 < sizeof could) {
				len += (size_t)snprintf(could + len, sizeof could - len, "%s--%s",
				    hits ? ", " : "", o->name);
				hits++;
			}
	if (hits > 1)
		np_usage_error("%.*s: ambiguous option (%s)", n, word, could);
	np_usage_error("%.*s: unknown option", n, word);
}

/* Reports an option getopt_long refused (c is '?' or ':'), as one line
 * "NAME: -X: why" and the hint, and exits 2. */
static _Noreturn void
bad_option(const struct np_tool *t, int c, char **argv, int argc)
{
	const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	const struct np_opt *o = optopt ? find_key(t, optopt) : NULL;
	const struct np_retired *r;
	int is_long = strncmp(word, "--", 2) == 0;
	int n = (int)strcspn(word, "=");

	if (c == ':') {
		if (o != NULL && is_long)
			np_usage_error("--%s: missing argument %s", o->name, o->arg);
		np_usage_error("-%c: missing argument %s", optopt, o ? o->arg : "");
	}
	/* a long option's key is known; a short one's letter is not */
	if (o != NULL)
		np_usage_error("--%s: takes no argument", o->name);
	if (optopt == 0)
		unknown_long(t, word, n);
	for (r = t->retired; r != NULL && r->letter != 0; r++)
		if (r->letter == optopt)
			np_usage_error("-%c: unknown option (%s)", optopt, r->hint);
	if (optopt > 32 && optopt < 127)
		np_usage_error("-%c: unknown option", optopt);
	np_usage_error("-\\%03o: unknown option", (unsigned)optopt & 0377);
}

/* Builds the getopt_long tables of both option lists (once). */
static void
build_tables(const struct np_tool *t, struct option **lo, char **so)
{
	const struct np_opt *tabs[2] = { np_cli_common, t->opts };
	size_t n = 0, i, k;
	const struct np_opt *o;
	char *p;

	for (k = 0; k < 2; k++)
		for (o = tabs[k]; o != NULL && o->name != NULL; o++)
			n++;
	*lo = calloc(n + 1, sizeof **lo);
	*so = calloc(3 * n + 2, 1);
	if (*lo == NULL || *so == NULL)
		np_die("%s", np_strerror(NP_ENOMEM));
	p = *so;
	*p++ = ':';
	for (i = 0, k = 0; k < 2; k++)
		for (o = tabs[k]; o != NULL && o->name != NULL; o++, i++) {
			(*lo)[i].name = o->name;
			(*lo)[i].has_arg = o->arg ? required_argument : no_argument;
			(*lo)[i].val = o->key;
			if (is_letter(o->key)) {
				*p++ = (char)o->key;
				if (o->arg)
					*p++ = ':';
			}
		}
}

/* See out.h. */
int
np_cli_getopt(struct np_cli *cli, const struct np_tool *t, int argc,
    char **argv, const char **arg)
{
	static struct option *lo;
	static char *so;
	int c;

	if (lo == NULL)
		build_tables(t, &lo, &so);
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, so, lo, NULL);
		if (c == -1) {
			free(lo);
			free(so);
			lo = NULL;
			so = NULL;
			return -1;
		}
		if (c == '?' || c == ':')
			bad_option(t, c, argv, argc);
		if (!common_option(cli, t, c, optarg)) {
			*arg = optarg;
			return c;
		}
	}
}

/* Counts what the tool found, for --stats. */
void
np_cli_count(struct np_cli *cli, size_t n)
{
	cli->found += n;
}

/* Seconds on the monotonic clock. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Decides whether to print progress: when asked (--progress), or when
 * stderr is a terminal, -q is not given and the operands are regular files
 * of more than 100 MB together.  The share done is known when every
 * operand is a regular file.
 */
static void
progress_begin(struct np_cli *cli, int argc, char **argv)
{
	struct stat st;
	size_t total = 0;
	int i, regular = 1;

	if (cli->started > 0)
		return;		/* -T's two passes: once */
	for (i = 0; i < argc && regular; i++) {
		const char *p = argv[i];
		int r = p == NULL || strcmp(p, "-") == 0 ? fstat(0, &st) : stat(p, &st);

		if (r != 0 || !S_ISREG(st.st_mode))
			regular = 0;
		else
			total += (size_t)st.st_size;
	}
	cli->total = regular ? total : 0;
	cli->progress_tty = isatty(2);
	cli->progress_on = cli->progress == 1 ||
	    (!cli->quiet && cli->progress_tty && cli->total > ((size_t)100 << 20));
	cli->started = now();
	cli->next_report = cli->started + 1.0;
}

/* Prints one progress line: bytes and documents done, rate, share. */
static void
progress_line(struct np_cli *cli, double t, int last)
{
	double el = t - cli->started, mb = (double)cli->bytes_in / 1e6;

	fflush(stdout);
	fprintf(stderr, "%s%s: %.1f MB, %zu document%s, %.1f MB/s", cli->progress_tty ? "\r" : "",
	    cli->progname, mb, cli->docno, cli->docno == 1 ? "" : "s",
	    el > 0 ? mb / el : 0.0);
	if (cli->total > 0)
		fprintf(stderr, ", %.0f%%", 100.0 * (double)cli->bytes_in / (double)cli->total);
	fputs(cli->progress_tty && !last ? "   " : "\n", stderr);
}

/* Called after each document or chunk: counts its bytes, flushes for
 * --line-buffered, and prints progress when a second has passed. */
static void
after_piece(struct np_cli *cli, size_t len, int end_of_record)
{
	double t;

	cli->bytes_in += len;
	if (cli->line_buffered && end_of_record)
		np_out_flush();
	if (cli->progress_on && (t = now()) >= cli->next_report) {
		progress_line(cli, t, 0);
		cli->next_report = t + 1.0;
	}
}

/* The name an operand goes by in messages. */
static const char *
display_name(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0 ? "stdin" : path;
}

/* Reports a failed document and marks the run as failed.  Out of memory
 * ends the run: "NAME: out of memory", exit 1. */
static void
doc_failed(struct np_cli *cli, const char *name, int rc)
{
	if (rc == NP_ENOMEM)
		np_die("%s", np_strerror(rc));
	if (rc == NP_EIO)
		np_doc_warn(cli, "%s: %s", name, strerror(errno));
	else if (cli->nul || cli->jsonl_in)
		np_doc_warn(cli, "%s: document %zu: %s", name, cli->docno, np_strerror(rc));
	else
		np_doc_warn(cli, "%s: %s", name, np_strerror(rc));
	cli->status = 1;
}

/* Runs the tool on one document of plain text; with --jsonl and a
 * REPLACE tool, wraps its output as {"doc":N,"text":...}. */
static int
run_text_document(struct np_cli *cli, np_doc_fn fn, void *arg,
    const char *buf, size_t len)
{
	static struct np_buf cap;
	int rc;

	cli->jsonl_in = 0;
	if (!cli->jsonl || cli->jsonl_kind != NP_JSONL_REPLACE)
		return fn(arg, cli, buf, len);
	np_buf_clear(&cap);
	np_out_capture_json(&cap, 0);	/* escaped as it is written */
	rc = fn(arg, cli, buf, len);
	np_out_capture(NULL);
	np_out_printf("{\"doc\":%zu,", cli->docno);
	np_out_json_string(cli->to ? cli->to : cli->field, strlen(cli->to ? cli->to : cli->field));
	np_out_str(":\"");
	np_out_write(cap.data ? cap.data : "", cap.len);
	np_out_str("\"}\n");
	return rc;
}

/* Opens an operand and, with --jsonl, switches to JSON Lines records
 * when the input starts with '{' (after white space or a BOM).  Returns
 * NULL after reporting. */
static struct np_reader *
open_operand(struct np_cli *cli, const char *path, int *jsonl_input)
{
	struct np_reader *r = np_reader_open(path, cli->nul, cli->max_doc);
	int c;

	*jsonl_input = 0;
	if (r == NULL) {
		np_doc_warn(cli, "%s: %s", display_name(path), strerror(errno));
		cli->status = 1;
		return NULL;
	}
	if (!cli->jsonl || cli->nul)
		return r;
	/* blank input in JSON Lines mode holds no record, not an empty
	 * text; a failed read is reported as in the other modes */
	if ((c = np_reader_peek(r)) < -1) {
		doc_failed(cli, display_name(path), c);
		np_reader_close(r);
		return NULL;
	}
	if (c == '{' || c == -1) {
		np_reader_set_records(r, '\n');
		*jsonl_input = 1;
	}
	return r;
}

/* Where the bytes of an oversize document go with --on-error=pass: out
 * unchanged (as a JSON string when plain text is wrapped as JSON). */
struct pass_sink {
	struct np_cli *cli;
	int wrap;		/* write {"doc":N,"FIELD":"...", escaped */
	int started;		/* the document's first bytes were written */
	char carry[4];		/* a UTF-8 sequence cut by the piece end */
	size_t ncarry;
};

/* Writes s[0..n) escaped for a JSON string, without quotes. */
static void
write_escaped_piece(const char *s, size_t n)
{
	static struct np_buf b;

	np_buf_clear(&b);
	if (np_json_escape(&b, s, n) != NP_OK)
		np_die("%s", np_strerror(NP_ENOMEM));
	np_out_write(b.data + 1, b.len - 2);
}

static void
pass_piece(void *ctx, const char *p, size_t n)
{
	struct pass_sink *ps = ctx;
	size_t keep = 0, i;

	if (!ps->wrap) {
		np_out_write(p, n);
		ps->started = 1;
		return;
	}
	if (!ps->started) {
		const char *f = ps->cli->to ? ps->cli->to : ps->cli->field;

		np_out_printf("{\"doc\":%zu,", ps->cli->docno + 1);
		np_out_json_string(f, strlen(f));
		np_out_str(":\"");
		ps->started = 1;
	}
	/* complete a sequence cut by the last piece */
	while (ps->ncarry > 0 && ps->ncarry < 4 && n > 0 &&
	    ((unsigned char)*p & 0xC0) == 0x80) {
		ps->carry[ps->ncarry++] = *p++;
		n--;
	}
	if (ps->ncarry > 0 && (n > 0 || ps->ncarry == 4)) {
		write_escaped_piece(ps->carry, ps->ncarry);
		ps->ncarry = 0;
	}
	/* hold back a lead byte and its continuations at the end */
	for (i = n; i > 0 && n - i < 3; i--)
		if (((unsigned char)p[i - 1] & 0xC0) != 0x80) {
			if ((unsigned char)p[i - 1] >= 0xC0)
				keep = n - (i - 1);
			break;
		}
	write_escaped_piece(p, n - keep);
	memcpy(ps->carry + ps->ncarry, p + n - keep, keep);
	ps->ncarry += keep;
}

/* Ends a passed-through document (see pass_piece). */
static void
pass_end(struct pass_sink *ps)
{
	if (ps->wrap && ps->started) {
		if (ps->ncarry)
			write_escaped_piece(ps->carry, ps->ncarry);
		np_out_str("\"}\n");
	}
	ps->started = 0;
	ps->ncarry = 0;
}

/*
 * A document over --max-doc-size (record n, line n in JSON Lines): it is
 * reported with its number; --on-error says what happens to it: stop (in
 * JSON Lines the run stops; else an empty record keeps the records
 * aligned and the exit status is 1), skip (left out), pass (copied
 * through unchanged by the sink).  Returns -1 to stop the run.
 */
static int
oversize(struct np_cli *cli, const char *name, int jsonl_input, size_t lineno,
    struct pass_sink *ps)
{
	const char *why = np_strerror(NP_ETOOBIG);

	cli->docno++;
	if (jsonl_input)
		np_warn("%s: line %zu: %s", name, lineno, why);
	else if (cli->nul)
		np_warn("%s: document %zu: %s", name, cli->docno, why);
	else
		np_warn("%s: %s", name, why);
	if (cli->skip_bad == NP_ON_ERROR_PASS) {
		pass_end(ps);
		if (jsonl_input)
			np_out_putc('\n');
		else if (cli->nul)
			np_out_putc('\0');
		cli->big_docs++;
		return 0;
	}
	if (cli->skip_bad == NP_ON_ERROR_SKIP) {
		cli->big_docs++;
		return 0;
	}
	cli->status = 1;
	if (jsonl_input)
		return -1;
	if (cli->nul)
		np_out_putc('\0');
	return 0;
}

/* After a document: a mapped file that shrank meanwhile damaged it. */
static void
check_changed(struct np_cli *cli, struct np_reader *r, const char *name)
{
	if (np_reader_changed(r)) {
		np_warn("%s: file changed while reading", name);
		cli->status = 1;
	}
}

/*
 * Runs fn on every whole document of an open operand (JSON Lines records
 * when jsonl_input).  Returns 0, or -1 when a malformed JSON line stops
 * the run.
 */
static int
each_whole_document(struct np_cli *cli, struct np_reader *r, const char *name,
    int jsonl_input, np_doc_fn fn, void *arg)
{
	struct pass_sink ps = { cli, 0, 0, { 0 }, 0 };
	const char *buf;
	size_t len, lineno = 0;
	int rc;

	ps.wrap = cli->jsonl && !jsonl_input && cli->jsonl_kind == NP_JSONL_REPLACE;
	if (cli->skip_bad == NP_ON_ERROR_PASS)
		np_reader_set_overflow(r, pass_piece, &ps);
	while ((rc = np_reader_next(r, &buf, &len)) != 0) {
		if (rc == NP_ETOOBIG) {
			if (oversize(cli, name, jsonl_input, ++lineno, &ps) != 0)
				return -1;
			continue;
		}
		if (rc < 0) {
			doc_failed(cli, name, rc);
			break;
		}
		if (jsonl_input) {
			if (np_jsonl_line(cli, name, ++lineno, buf, len, fn, arg) != NP_OK)
				return -1;
			after_piece(cli, len, 1);
			continue;
		}
		cli->docno++;
		if ((rc = run_text_document(cli, fn, arg, buf, len)) < 0)
			doc_failed(cli, name, rc);
		check_changed(cli, r, name);
		if (cli->nul)
			np_out_putc('\0');
		after_piece(cli, len, 1);
	}
	return 0;
}

/* What both loops do first: progress set-up, and --to naming the field
 * a tool that adds a value adds it under. */
static void
loop_begin(struct np_cli *cli, int argc, char **argv)
{
	progress_begin(cli, argc, argv);
	if (cli->to != NULL && cli->jsonl_kind == NP_JSONL_ADD)
		cli->jsonl_key = cli->to;
}

/* The loop over whole documents; see out.h. */
void
np_cli_each_document(struct np_cli *cli, int argc, char **argv, np_doc_fn fn, void *arg)
{
	static char *stdin_only[] = { "-" };
	struct np_reader *r;
	int i, jsonl_input, stop;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	loop_begin(cli, argc, argv);
	for (i = 0; i < argc; i++) {
		if ((r = open_operand(cli, argv[i], &jsonl_input)) == NULL)
			continue;
		stop = each_whole_document(cli, r, display_name(argv[i]), jsonl_input, fn, arg);
		np_reader_close(r);
		if (stop)
			return;
	}
}

/* Adapts a whole document to a chunk callback (JSON values are whole
 * strings, so JSON Lines input is not streamed). */
struct chunk_adapter {
	np_chunk_fn fn;
	void *arg;
};

static int
call_chunk_fn(void *arg, struct np_cli *cli, const char *buf, size_t len)
{
	struct chunk_adapter *ad = arg;
	struct np_chunk c = { buf, len, 0, 1, 1 };

	return ad->fn(ad->arg, cli, &c);
}

/* The loop over document pieces, for streaming tools; see out.h. */
void
np_cli_each_chunk(struct np_cli *cli, int argc, char **argv, size_t chunk,
    np_chunk_fn fn, void *arg)
{
	static char *stdin_only[] = { "-" };
	struct chunk_adapter ad = { fn, arg };
	struct np_reader *r;
	struct np_chunk c;
	const char *name;
	int i, rc, jsonl_input, failed, stop;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	loop_begin(cli, argc, argv);
	for (i = 0; i < argc; i++) {
		name = display_name(argv[i]);
		if ((r = open_operand(cli, argv[i], &jsonl_input)) == NULL)
			continue;
		if (jsonl_input || (cli->jsonl && cli->jsonl_kind == NP_JSONL_REPLACE)) {
			stop = each_whole_document(cli, r, name, jsonl_input, call_chunk_fn, &ad);
			np_reader_close(r);
			if (stop)
				return;
			continue;
		}
		failed = 0;
		while ((rc = np_reader_next_chunk(r, chunk, &c)) != 0) {
			if (rc < 0) {
				doc_failed(cli, name, rc);
				break;
			}
			if (c.first) {
				cli->docno++;
				failed = 0;
			}
			cli->jsonl_in = 0;
			if (!failed && (rc = fn(arg, cli, &c)) < 0) {
				doc_failed(cli, name, rc);
				failed = 1;
			}
			if (c.last && cli->nul)
				np_out_putc('\0');
			after_piece(cli, c.len, c.last);
		}
		np_reader_close(r);
	}
}

/* Flushes and closes stdout; a failure there is a write error too. */
int
np_cli_finish(struct np_cli *cli)
{
	const char *did = cli->skip_bad == NP_ON_ERROR_PASS ? "passed" : "skipped";

	if (cli->progress_on)
		progress_line(cli, now(), 1);
	if (cli->suppressed > 0)
		np_warn("%zu message%s about documents not shown (-q)", cli->suppressed,
		    cli->suppressed == 1 ? "" : "s");
	if (cli->stats && cli->started > 0) {
		fflush(stdout);
		np_warn("stats: documents %zu, bytes in %zu, bytes out %zu, %s %zu",
		    cli->docno, cli->bytes_in, np_out_bytes(),
		    cli->found_what ? cli->found_what : "found", cli->found);
	}
	if (cli->bad_lines > 0)
		np_warn("%s %zu malformed JSON line%s", did, cli->bad_lines,
		    cli->bad_lines == 1 ? "" : "s");
	if (cli->big_docs > 0)
		np_warn("%s %zu document%s over --max-doc-size", did, cli->big_docs,
		    cli->big_docs == 1 ? "" : "s");
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			np_warn("write error: %s", strerror(errno ? errno : EIO));
		fclose(stdout);
		return 1;
	}
	if (fclose(stdout) != 0) {
		if (errno != EPIPE)
			np_warn("write error: %s", strerror(errno ? errno : EIO));
		return 1;
	}
	return cli->status;
}
