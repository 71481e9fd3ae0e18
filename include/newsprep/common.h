/*
 * newsprep/common.h - types shared by every newsprep engine.
 *
 * An engine takes a byte buffer and a context and returns results; it never
 * reads files, prints or exits.  Offsets are always byte offsets into the
 * buffer the caller passed in, END exclusive.
 */
#ifndef NEWSPREP_COMMON_H
#define NEWSPREP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NP_VERSION "0.1.0"

/* Status codes returned by engines and library functions. */
enum np_status {
	NP_OK = 0,
	NP_ENOMEM = -1,		/* an allocation failed */
	NP_ELIMIT = -2,		/* a pattern hit its match or depth limit */
	NP_EINVAL = -3,		/* bad argument or option value */
	NP_ETOOBIG = -4,	/* a document exceeds the size limit */
	NP_EIO = -5		/* a read failed (errno tells why) */
};

/* A half-open byte range [start, end) into a document. */
struct np_span {
	size_t start;
	size_t end;
};

/* A growable array of spans; zero-initialise before use. */
struct np_spans {
	struct np_span *v;
	size_t n;
	size_t cap;
};

/* A growable byte buffer; zero-initialise before use.  Always kept
 * NUL-terminated (data[len] == 0) once anything has been added. */
struct np_buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Makes room for element n of the growable array *vp (a pointer to the
 * array pointer) holding *cap elements of elem bytes, doubling it, with
 * `first` elements the first time.  Returns NP_OK or NP_ENOMEM. */
int np_grow(void *vp, size_t *cap, size_t n, size_t elem, size_t first);

/* Returns a short English description of an np_status value. */
const char *np_strerror(int status);

/* Appends a span; returns NP_OK or NP_ENOMEM. */
int np_spans_push(struct np_spans *a, size_t start, size_t end);
/* Forgets the spans but keeps the memory for reuse. */
void np_spans_clear(struct np_spans *a);
void np_spans_free(struct np_spans *a);

/* Makes room for at least `extra` more bytes (plus the NUL). */
int np_buf_reserve(struct np_buf *b, size_t extra);
int np_buf_append(struct np_buf *b, const void *p, size_t n);
int np_buf_putc(struct np_buf *b, int c);
/* printf-style append. */
int np_buf_printf(struct np_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void np_buf_clear(struct np_buf *b);
void np_buf_free(struct np_buf *b);

/*
 * A bump allocator: many small allocations, freed together.  Engines keep
 * one per document and reset it between documents, so there is no
 * per-token malloc/free.  Allocations are 16-byte aligned.
 */
struct np_arena_block;
struct np_arena {
	struct np_arena_block *head;	/* current block, newest first */
	size_t used;			/* bytes used in head */
};
void *np_arena_alloc(struct np_arena *a, size_t n);
/* Copies n bytes and adds a NUL. */
char *np_arena_strndup(struct np_arena *a, const char *s, size_t n);
/* Frees all blocks but the first, which is kept for reuse. */
void np_arena_reset(struct np_arena *a);
void np_arena_free(struct np_arena *a);

#ifdef __cplusplus
}
#endif

#endif
