/*
 * newsprep/doc.h - the document reader.
 *
 * A document is a whole file (or stdin) or, with NUL mode (-z), each
 * NUL-terminated record of it; a final record without its NUL counts too,
 * and empty input in NUL mode holds no record.  Documents larger than
 * max_doc are skipped with NP_ETOOBIG (their bytes are read and dropped in
 * bounded memory, never held, or handed to an overflow sink that may copy
 * them out: --on-error=pass).
 *
 * A regular file is mapped, not read.  When it shrinks while mapped, the
 * lost pages read as zeros instead of killing the process with SIGBUS,
 * and np_reader_changed says so: the frame then reports "file changed
 * while reading".
 *
 * np_reader_next gives whole documents.  np_reader_next_chunk gives a
 * document in pieces of about `chunk` bytes cut after a newline (after a
 * blank line when one is near), so a streaming tool keeps flat memory on a
 * gigabyte of input.
 */
#ifndef NEWSPREP_DOC_H
#define NEWSPREP_DOC_H

#include <stddef.h>
#include <sys/types.h>
#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NP_MAX_DOC_DEFAULT ((size_t)1 << 30)	/* 1 GiB */
#define NP_CHUNK_DEFAULT ((size_t)1 << 20)	/* 1 MiB */

struct np_reader;

/* Reads like read(2) (tests inject failures through it). */
typedef ssize_t (*np_read_fn)(void *ctx, int fd, void *buf, size_t n);

/* Receives n bytes of a document being skipped. */
typedef void (*np_sink_fn)(void *ctx, const char *p, size_t n);

/* A piece of a document (see np_reader_next_chunk). */
struct np_chunk {
	const char *buf;
	size_t len;
	size_t offset;		/* byte offset of buf[0] in its document */
	int first;		/* this chunk starts a document */
	int last;		/* this chunk ends its document */
};

/*
 * Opens path (NULL or "-" means stdin).  nul selects NUL-record mode.
 * Returns NULL with errno set when the file cannot be opened.
 */
struct np_reader *np_reader_open(const char *path, int nul, size_t max_doc);

/*
 * Reads the next whole document into *buf and *len (valid until the next
 * call).  Returns 1 for a document, 0 at end of input, NP_ETOOBIG for a
 * document over max_doc (skipped; call again for the next), NP_EIO on a
 * read error (errno set; the reader is then at its end), NP_ENOMEM.
 */
int np_reader_next(struct np_reader *r, const char **buf, size_t *len);

/*
 * Reads the next piece of the current or next document.  An empty
 * document comes back as one chunk with len 0, first and last set.
 * Returns 1, 0 at end of input, NP_EIO or NP_ENOMEM.  Never NP_ETOOBIG:
 * streaming has no document size limit.
 */
int np_reader_next_chunk(struct np_reader *r, size_t chunk, struct np_chunk *c);

void np_reader_close(struct np_reader *r);

/* Returns the first non-blank byte of the input without consuming it (a
 * UTF-8 BOM at the start is skipped), -1 when there is none within the
 * first megabytes, or NP_EIO (errno set) / NP_ENOMEM when reading
 * failed. */
int np_reader_peek(struct np_reader *r);

/* Gives the bytes of every document over max_doc to sink (in pieces, in
 * order, without the record end) before NP_ETOOBIG is returned for it.
 * NULL: they are dropped. */
void np_reader_set_overflow(struct np_reader *r, np_sink_fn sink, void *ctx);

/* Makes the reader call fn instead of read(2) (and never map): the
 * fuzzers use it to fail reads mid-file (EIO), interrupt them (EINTR)
 * and cut them short, as jq's error injection does. */
void np_reader_set_read(struct np_reader *r, np_read_fn fn, void *ctx);

/* True when the file of the document just handed out shrank while it was
 * mapped (its lost bytes were read as zeros): the document is damaged. */
int np_reader_changed(struct np_reader *r);

/* For the writer: write(2) failed with EFAULT on p..p+n.  When that lies in
 * a mapped input file that shrank, puts zero pages over the lost part and
 * returns 1 (retry the write); else 0. */
int np_reader_fault(const void *p, size_t n);

/* Switches the reader to records ended by the byte c (LF for JSON Lines). */
void np_reader_set_records(struct np_reader *r, int c);

/* Reads a whole file into *b (helper for tests and tools that need a
 * second file).  Returns NP_OK, NP_EIO (errno) or NP_ENOMEM. */
int np_read_file(const char *path, struct np_buf *b);

#ifdef __cplusplus
}
#endif

#endif
