/*
 * newsprep/out.h - the checked output writer and the command-line frame
 * every tool's main uses.
 *
 * This is the CLI layer, not an engine: it owns stdout and may exit.  A
 * write error prints "NAME: write error: REASON" and exits 1; EPIPE exits
 * quietly (SIGPIPE keeps its default action, so usually the process just
 * ends).  np_cli_finish closes stdout and checks that too.
 */
#ifndef NEWSPREP_OUT_H
#define NEWSPREP_OUT_H

#include <stddef.h>
#include <getopt.h>
#include "newsprep/common.h"
#include "newsprep/doc.h"

/* ---- writer ---- */

void np_out_write(const void *p, size_t n);
void np_out_putc(int c);
void np_out_str(const char *s);
void np_out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void np_out_flush(void);
/* TSV field with tab, CR and newline written as spaces. */
void np_out_tsv_spaced(const char *s, size_t n);
/* TSV field with tab, newline, CR and backslash written as \t \n \r \\. */
void np_out_tsv_escaped(const char *s, size_t n);
/* JSON string literal, quotes included (see np_json_escape). */
void np_out_json_string(const char *s, size_t n);

/*
 * While a capture buffer is set, output is appended to it instead of
 * going to stdout (used to put a tool's output into a JSON field).
 * Pass NULL to write to stdout again.
 */
void np_out_capture(struct np_buf *b);

/* ---- command-line frame ---- */

/*
 * JSON Lines.  --jsonl asks for JSON Lines output.  When the input is
 * itself JSON Lines (its first non-blank byte is '{'), each line is an
 * object whose string field --field (default "text") is the document, and
 * the frame writes the object back with every other field untouched; what
 * it does with the tool's output for that document is set by the tool:
 */
enum np_jsonl_kind {
	NP_JSONL_REPLACE,	/* output text replaces the field (or goes to --to FIELD) */
	NP_JSONL_ADD,		/* output is one JSON value, added under jsonl_key */
	NP_JSONL_SPLIT		/* output is NUL-terminated records: one object each,
				   the field set to the record, "part":N added */
};

struct np_cli {
	const char *progname;
	int nul;		/* -z: NUL-terminated records in and out */
	size_t max_doc;		/* --max-doc-size */
	int status;		/* exit status so far: 0, or 1 after an error */
	size_t docno;		/* 1-based number of the current document */
	/* JSON Lines (see above) */
	int jsonl;		/* --jsonl given: write JSON Lines */
	int jsonl_in;		/* the current document came from a JSON Lines
				   object: the frame wraps the output */
	enum np_jsonl_kind jsonl_kind;	/* set by the tool before the loop */
	const char *jsonl_key;	/* key for NP_JSONL_ADD ("quotes", "dates") */
	const char *field;	/* --field (default "text") */
	const char *to;		/* --to FIELD or NULL */
	int skip_bad;		/* --on-error=skip */
	size_t bad_lines;	/* malformed lines skipped */
};

/* Long options every tool has; put NP_CLI_LONGOPTS in its option table
 * and pass unknown results to np_cli_option. */
enum {
	NP_OPT_MAX_DOC = 0x1000, NP_OPT_JSONL, NP_OPT_FIELD, NP_OPT_TO,
	NP_OPT_ON_ERROR
};
#define NP_CLI_LONGOPTS \
	{ "null", no_argument, NULL, 'z' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "max-doc-size", required_argument, NULL, NP_OPT_MAX_DOC }, \
	{ "field", required_argument, NULL, NP_OPT_FIELD }, \
	{ "to", required_argument, NULL, NP_OPT_TO }, \
	{ "on-error", required_argument, NULL, NP_OPT_ON_ERROR }
/* --jsonl itself is in each tool's table (split-articles and
 * extract-quotes give it the short form -j): map it to NP_OPT_JSONL or
 * 'j' and pass it to np_cli_option. */

/* Sets the program name used in messages (basename of argv0). */
void np_cli_init(struct np_cli *cli, const char *argv0);

/*
 * Handles the common options: -z, -V (prints "NAME (newsprep) VERSION"
 * and exits 0), --max-doc-size, --jsonl (as NP_OPT_JSONL or 'j'),
 * --field, --to, --on-error.  -h prints `usage` and exits 0.  Returns 1
 * when c was one of them, 0 otherwise.
 */
int np_cli_option(struct np_cli *cli, int c, const char *arg, const char *usage);

/* Prints "NAME: message" and "Try 'NAME --help'." and exits 2. */
_Noreturn void np_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "NAME: message" on stderr (no exit). */
void np_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "NAME: message" and exits 1. */
_Noreturn void np_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parses a size such as 1048576, 64K, 100M, 1G.  Returns 0 or -1. */
int np_parse_size(const char *s, size_t *out);

/* Called once per whole document.  Returns NP_OK or an np_status. */
typedef int (*np_doc_fn)(void *arg, struct np_cli *cli, const char *buf, size_t len);
/* Called once per chunk of each document (streaming tools). */
typedef int (*np_chunk_fn)(void *arg, struct np_cli *cli, const struct np_chunk *c);

/*
 * Runs fn on every document of the operands (argv[0..argc), none meaning
 * stdin).  After each document in NUL mode writes a NUL.  Open, read and
 * size errors and engine errors are reported as "NAME: FILE: reason",
 * set cli->status to 1, and the loop goes on with the next document.
 */
void np_cli_each_document(struct np_cli *cli, int argc, char **argv, np_doc_fn fn, void *arg);
void np_cli_each_chunk(struct np_cli *cli, int argc, char **argv, size_t chunk, np_chunk_fn fn, void *arg);

/* Flushes and closes stdout; returns the exit status for main. */
int np_cli_finish(struct np_cli *cli);

#endif
