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

#ifdef __cplusplus
extern "C" {
#define NP_NORETURN [[noreturn]]
#else
#define NP_NORETURN _Noreturn
#endif

/* ---- writer ---- */

void np_out_write(const void *p, size_t n);
void np_out_putc(int c);
void np_out_str(const char *s);
void np_out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void np_out_flush(void);
/* Bytes written to stdout so far (captured output not counted). */
size_t np_out_bytes(void);
/* TSV field with tab, CR and newline written as spaces. */
void np_out_tsv_spaced(const char *s, size_t n);
/* TSV field with tab, newline, CR and backslash written as \t \n \r \\. */
void np_out_tsv_escaped(const char *s, size_t n);
/*
 * A span in JSON output: "Pstart":S,"Pend":E,"Pbyte_start":BS,"Pbyte_end":BE
 * (P the prefix: "", "speaker_", "cue_"), S and E the code point offsets
 * m gives for the byte offsets BS and BE (what Python's str indexes; TSV
 * output keeps bytes).  An absent span (start SIZE_MAX) writes nulls.
 */
struct np_cpmap;
void np_out_json_span(struct np_cpmap *m, const char *prefix, size_t start, size_t end);
/* JSON string literal, quotes included (see np_json_escape). */
void np_out_json_string(const char *s, size_t n);

/*
 * While a capture buffer is set, output is appended to it instead of
 * going to stdout (used to put a tool's output into a JSON field).
 * Pass NULL to write to stdout again.
 */
void np_out_capture(struct np_buf *b);
/* The same, but what is written is appended escaped as the body of a
 * JSON string (see np_json_esc_write; flags as there), pieces cut
 * anywhere; np_out_capture(NULL) ends it. */
void np_out_capture_json(struct np_buf *b, int flags);
/* The capture buffer now in use, or NULL. */
struct np_buf *np_out_capture_get(void);

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
	NP_JSONL_SPLIT		/* output is parts written by np_jsonl_split_part
				   (jsonl.h): one object each, "part":N set */
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
	const char *jsonl_aux;	/* another field the tool reads from each
				   JSON Lines object (np_jsonl_aux), or NULL */
	const char *field;	/* --field (default "text") */
	const char *to;		/* --to FIELD or NULL */
	int skip_bad;		/* --on-error=skip (1) or pass (2) */
	size_t bad_lines;	/* malformed lines skipped or passed */
	size_t big_docs;	/* documents over max_doc skipped or passed */
	/* the rest of the common options (see np_cli_getopt) */
	const char *lang;	/* -L LIST as given (checked), or NULL */
	int line_buffered;	/* --line-buffered: flush after every record */
	int quiet;		/* -q: no messages about single documents */
	int stats;		/* --stats: a summary line at the end */
	int progress;		/* --progress: 1 asked, 0 auto, -1 never */
	/* counters for --stats and --progress: the frame counts documents
	 * and bytes; a tool's main adds what it found with np_cli_count */
	size_t bytes_in;	/* bytes of the documents read so far */
	size_t found;		/* what the tool found or removed so far */
	const char *found_what;	/* what `found` counts ("quotations") */
	size_t suppressed;	/* messages -q did not print */
	/* --progress: the frame's state */
	int progress_on;	/* progress lines are being printed */
	int progress_tty;	/* stderr is a terminal: one line, redrawn */
	size_t total;		/* bytes of all operands when all are regular
				   files, else 0 */
	double started, next_report;	/* seconds (monotonic clock) */
};

/* A letter that no longer means what it meant, and what to say. */
struct np_retired {
	int letter;
	const char *hint;	/* "the day/month order is --order" */
};

/*
 * The option table.  Every tool has the common options (np_cli_common:
 * -z, -j/--jsonl, -L/--lang LIST, --field, --to, --on-error,
 * --max-doc-size, --line-buffered, -q, --stats, --progress, -h, -V),
 * parsed and listed by the frame; a tool lists its own options in an
 * array of struct np_opt ending with { 0 }.  --help prints the tool's
 * options, then the common ones, from these tables, so every tool
 * describes a common option with the same words.
 */
struct np_opt {
	int key;		/* returned by np_cli_getopt; a short option's
				   key is its letter */
	const char *name;	/* the long name, without "--" */
	const char *arg;	/* the argument's name ("LIST"), or NULL */
	const char *help;	/* what it does; '\n' starts another line */
};

/* A tool: what --help and usage errors say about it. */
struct np_tool {
	const char *synopsis;	/* after the name: "[-al] [OPTION]... [FILE]..." */
	const char *purpose;	/* one sentence */
	const struct np_opt *opts;	/* the tool's own options */
	const char *langs;	/* the codes -L accepts ("en,de"), or NULL
				   when the tool has no choice of language */
	const char *notes;	/* text after the options, or NULL */
	const struct np_retired *retired;	/* ends with { 0 }, or NULL */
};

/* Keys of the common options that have no letter (a tool's own long-only
 * options use keys from 0x2000 on). */
enum {
	NP_OPT_MAX_DOC = 0x1000, NP_OPT_FIELD, NP_OPT_TO, NP_OPT_ON_ERROR,
	NP_OPT_LINE_BUFFERED, NP_OPT_STATS, NP_OPT_PROGRESS
};

/* The common options, in the order --help lists them. */
extern const struct np_opt np_cli_common[];

/* Sets the program name used in messages (basename of argv0). */
void np_cli_init(struct np_cli *cli, const char *argv0);

/*
 * Parses the options of argv: handles the common ones itself and returns
 * the key of the next of the tool's own options (its argument in *arg, or NULL),
 * or -1 after the last option (the operands start at optind).  --help
 * prints the help and exits 0; -V prints "NAME (newsprep) VERSION" and
 * exits 0; an unknown option, a missing or bad argument is a usage error
 * (exit 2).
 */
int np_cli_getopt(struct np_cli *cli, const struct np_tool *tool, int argc,
    char **argv, const char **arg);

/* Adds n to what the tool found (cli->found, named by cli->found_what
 * in the --stats line). */
void np_cli_count(struct np_cli *cli, size_t n);

/* A usage error: prints "NAME: message" and the hint "Try 'NAME --help'
 * for more information." on stderr and exits 2.  message is "what: why"
 * ("--order: expected dmy, mdy, ymd or auto, not 'x'"). */
NP_NORETURN void np_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "NAME: message" about one document or line on stderr; under -q
 * it only counts it (np_cli_finish then says how many were not shown). */
void np_doc_warn(struct np_cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints "NAME: message" on stderr (no exit). */
void np_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "NAME: message" and exits 1. */
NP_NORETURN void np_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

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

/* --on-error values (cli->skip_bad). */
enum { NP_ON_ERROR_STOP, NP_ON_ERROR_SKIP, NP_ON_ERROR_PASS };

/* Flushes and closes stdout; returns the exit status for main. */
int np_cli_finish(struct np_cli *cli);

#ifdef __cplusplus
}
#endif

#endif
