/*
 * cli.c - the command-line frame: program name, common options,
 * messages, the loop over documents, and the closing of stdout.
 *
 * Every tool's main is: options (tool's own, then np_cli_option), then
 * np_cli_each_document or np_cli_each_chunk with the engine call, then
 * return np_cli_finish.  Errors on one operand or record are reported and
 * the loop goes on; the exit status says that something failed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

/* Handles the options every tool shares. */
int
np_cli_option(struct np_cli *cli, int c, const char *arg, const char *usage)
{
	switch (c) {
	case 'z':
		cli->nul = 1;
		return 1;
	case 'h':
		fputs(usage, stdout);
		exit(np_cli_finish(cli));
	case 'V':
		printf("%s (newsprep) %s\n", cli->progname, NP_VERSION);
		exit(np_cli_finish(cli));
	case NP_OPT_MAX_DOC:
		if (np_parse_size(arg, &cli->max_doc) != 0 || cli->max_doc == 0)
			np_usage_error("--max-doc-size: invalid size '%s'", arg);
		return 1;
	case NP_OPT_JSONL:
	case 'j':
		cli->jsonl = 1;
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
			cli->skip_bad = 0;
		else if (strcmp(arg, "skip") == 0)
			cli->skip_bad = 1;
		else
			np_usage_error("--on-error: expected 'stop' or 'skip', not '%s'", arg);
		return 1;
	}
	return 0;
}

/* The name an operand goes by in messages. */
static const char *
display_name(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0 ? "stdin" : path;
}

/* Reports a failed document and marks the run as failed. */
static void
doc_failed(struct np_cli *cli, const char *name, int rc)
{
	if (rc == NP_EIO)
		np_warn("%s: %s", name, strerror(errno));
	else if (cli->nul || cli->jsonl_in)
		np_warn("%s: document %zu: %s", name, cli->docno, np_strerror(rc));
	else
		np_warn("%s: %s", name, np_strerror(rc));
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
	np_out_capture(&cap);
	rc = fn(arg, cli, buf, len);
	np_out_capture(NULL);
	np_out_printf("{\"doc\":%zu,", cli->docno);
	np_out_json_string(cli->to ? cli->to : cli->field, strlen(cli->to ? cli->to : cli->field));
	np_out_putc(':');
	np_out_json_string(cap.data ? cap.data : "", cap.len);
	np_out_str("}\n");
	return rc;
}

/* Opens an operand and, with --jsonl, switches to JSON Lines records
 * when the input starts with '{'.  Returns NULL after reporting. */
static struct np_reader *
open_operand(struct np_cli *cli, const char *path, int *jsonl_input)
{
	struct np_reader *r = np_reader_open(path, cli->nul, cli->max_doc);
	int c;

	*jsonl_input = 0;
	if (r == NULL) {
		np_warn("%s: %s", display_name(path), strerror(errno));
		cli->status = 1;
		return NULL;
	}
	/* blank input in JSON Lines mode holds no record, not an empty text */
	if (cli->jsonl && !cli->nul && ((c = np_reader_peek(r)) == '{' || c == -1)) {
		np_reader_set_records(r, '\n');
		*jsonl_input = 1;
	}
	return r;
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
	const char *buf;
	size_t len, lineno = 0;
	int rc;

	while ((rc = np_reader_next(r, &buf, &len)) != 0) {
		if (rc == NP_ETOOBIG) {
			/* an empty record keeps the records aligned */
			cli->docno++;
			doc_failed(cli, name, rc);
			if (cli->nul)
				np_out_putc('\0');
			continue;
		}
		if (rc < 0) {
			doc_failed(cli, name, rc);
			break;
		}
		if (jsonl_input) {
			if (np_jsonl_line(cli, name, ++lineno, buf, len, fn, arg) != NP_OK)
				return -1;
			continue;
		}
		cli->docno++;
		if ((rc = run_text_document(cli, fn, arg, buf, len)) < 0)
			doc_failed(cli, name, rc);
		if (cli->nul)
			np_out_putc('\0');
	}
	return 0;
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
		}
		np_reader_close(r);
	}
}

/* Flushes and closes stdout; a failure there is a write error too. */
int
np_cli_finish(struct np_cli *cli)
{
	if (cli->bad_lines > 0)
		np_warn("skipped %zu malformed JSON line%s", cli->bad_lines,
		    cli->bad_lines == 1 ? "" : "s");
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
