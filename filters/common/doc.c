/*
 * doc.c - the document reader: whole files, stdin, NUL records, chunks.
 *
 * One buffer holds the unconsumed input [pos, len).  Whole-document mode
 * reads until EOF (or the next NUL in record mode) and hands out the
 * document in place; a document that grows past max_doc is dropped and
 * the rest of it is read and discarded in bounded memory.  Chunk mode
 * hands out pieces of about `chunk` bytes, each cut after a blank line or
 * newline when one is in the second half of the piece, so the buffer never
 * holds much more than two chunks whatever the input.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "newsprep/doc.h"

#define READ_SIZE ((size_t)1024 * 1024)

struct np_reader {
	int fd;
	int close_fd;		/* not stdin */
	int nul;		/* record mode */
	int delim;		/* record delimiter: NUL, or LF for JSON Lines */
	size_t max_doc;
	int eof;
	struct np_buf buf;
	size_t pos;		/* start of unconsumed input in buf */
	int started;		/* a document has been handed out (whole-file mode) */
	char *map;		/* the whole file, mapped (whole-file mode) */
	size_t maplen;
	int in_doc;		/* chunk mode: inside a document */
	size_t doc_offset;	/* chunk mode: offset of pos in its document */
	np_sink_fn overflow;	/* gets the bytes of a document over max_doc */
	void *overflow_ctx;
	np_read_fn read_fn;	/* tests: instead of read(2) */
	void *read_ctx;
};

/*
 * A mapped file that shrinks under us makes the pages past its new end
 * fault (SIGBUS on a load, EFAULT from write(2)).  One mapping is live at
 * a time; the handler puts zero pages over the lost part of it and marks
 * it changed, so the tool finishes the document and the frame reports
 * "file changed while reading" instead of dying.  Frame state, not
 * engine state: a signal handler can only reach it through a global.
 */
static struct {
	char *volatile base;
	volatile size_t len;
	volatile sig_atomic_t changed;
	int installed;
	struct sigaction old;
} live;

/* Replaces the pages of the live mapping from addr to its end with zero
 * pages.  Returns 1 when addr was inside it.  (Called from the SIGBUS
 * handler: only system calls.) */
static int
repair_mapping(const void *addr)
{
	char *base = live.base, *a = (char *)addr;
	size_t page = (size_t)sysconf(_SC_PAGESIZE), from;

	if (base == NULL || a < base || a >= base + live.len)
		return 0;
	from = (size_t)(a - base) / page * page;
	if (mmap(base + from, live.len - from, PROT_READ,
	    MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
		return 0;
	live.changed = 1;
	return 1;
}

/* SIGBUS: a fault in the live mapping is repaired and the load retried;
 * any other goes to the action that was there before. */
static void
on_sigbus(int sig, siginfo_t *si, void *uc)
{
	if (repair_mapping(si->si_addr))
		return;
	sigaction(SIGBUS, &live.old, NULL);
	if (live.old.sa_flags & SA_SIGINFO)
		live.old.sa_sigaction(sig, si, uc);
	else if (live.old.sa_handler != SIG_IGN && live.old.sa_handler != SIG_DFL)
		live.old.sa_handler(sig);
	/* else: returning re-runs the load, which now gets the old action */
}

/* Makes p..p+len the live mapping (NULL: none) and installs the handler
 * the first time. */
static void
set_live(char *p, size_t len)
{
	struct sigaction sa;

	if (p != NULL && !live.installed) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_sigbus;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, &live.old) == 0)
			live.installed = 1;
	}
	live.base = NULL;
	live.len = len;
	live.base = p;
	live.changed = 0;
}

/* Called by the writer when write(2) said EFAULT for p..p+n; see doc.h. */
int
np_reader_fault(const void *p, size_t n)
{
	const char *a = p, *base = live.base;

	if (base == NULL || n == 0 || a + n <= base || a >= base + live.len)
		return 0;
	return repair_mapping(a < base ? base : a);
}

/* True when the live mapping is r's and lost pages were replaced. */
int
np_reader_changed(struct np_reader *r)
{
	struct stat st;

	if (r->map == NULL)
		return 0;
	if (live.base == r->map && live.changed)
		return 1;
	/* shrunk without a fault (the tool did not touch the lost part) */
	return fstat(r->fd, &st) == 0 && (uintmax_t)st.st_size < (uintmax_t)r->maplen;
}

/*
 * Whole-file mode on a regular file: maps it when that is safe, so the
 * document is the page cache itself (no copy, no page faults on fresh
 * memory: ten times faster than read(2) into a buffer on large files);
 * else reserves its size at once.  A mapping is used only when the size
 * is not a multiple of the page size, so the byte after the document is
 * readable and zero, as it is in the read buffer.  Returns 1 when mapped.
 */
static int
map_whole_file(struct np_reader *r)
{
	struct stat st;
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	if (r->nul || r->buf.len != 0 || r->read_fn != NULL || fstat(r->fd, &st) != 0 ||
	    !S_ISREG(st.st_mode) ||
	    st.st_size <= 0 || (uintmax_t)st.st_size > (uintmax_t)r->max_doc)
		return 0;
	if (page > 0 && st.st_size % page != 0) {
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, r->fd, 0);
		if (p != MAP_FAILED) {
			r->map = p;
			r->maplen = (size_t)st.st_size;
			set_live(p, r->maplen);
			return 1;
		}
	}
	(void)np_buf_reserve(&r->buf, (size_t)st.st_size + READ_SIZE);
	return 0;
}

struct np_reader *
np_reader_open(const char *path, int nul, size_t max_doc)
{
	struct np_reader *r;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		if (fd != STDIN_FILENO)
			close(fd);
		errno = ENOMEM;
		return NULL;
	}
	r->fd = fd;
	r->close_fd = fd != STDIN_FILENO;
	r->nul = nul;
	r->delim = '\0';
	r->max_doc = max_doc ? max_doc : NP_MAX_DOC_DEFAULT;
	return r;
}

void
np_reader_close(struct np_reader *r)
{
	if (r == NULL)
		return;
	if (r->close_fd)
		close(r->fd);
	if (r->map != NULL) {
		if (live.base == r->map)
			set_live(NULL, 0);
		munmap(r->map, r->maplen);
	}
	np_buf_free(&r->buf);
	free(r);
}

/* Moves the unconsumed input to the front of the buffer. */
static void
compact(struct np_reader *r)
{
	if (r->pos == 0)
		return;
	memmove(r->buf.data, r->buf.data + r->pos, r->buf.len - r->pos);
	r->buf.len -= r->pos;
	r->pos = 0;
}

/* Reads once into the buffer.  Returns bytes read (0 at EOF), or
 * NP_EIO/NP_ENOMEM. */
static long
fill(struct np_reader *r)
{
	ssize_t n;

	if (r->eof)
		return 0;
	compact(r);
	if (np_buf_reserve(&r->buf, READ_SIZE) != NP_OK)
		return NP_ENOMEM;
	do
		n = r->read_fn ? r->read_fn(r->read_ctx, r->fd, r->buf.data + r->buf.len, READ_SIZE) :
		    read(r->fd, r->buf.data + r->buf.len, READ_SIZE);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		r->eof = 1;
		return NP_EIO;
	}
	if (n == 0)
		r->eof = 1;
	r->buf.len += (size_t)n;
	r->buf.data[r->buf.len] = '\0';
	return (long)n;
}

/* Passes n bytes of an oversize document to the overflow sink. */
static void
overflow(struct np_reader *r, const char *p, size_t n)
{
	if (r->overflow != NULL && n > 0)
		r->overflow(r->overflow_ctx, p, n);
}

/* Discards input up to and including the next record end (or to EOF),
 * giving it to the overflow sink. */
static int
skip_record(struct np_reader *r)
{
	for (;;) {
		char *z = memchr(r->buf.data + r->pos, r->delim, r->buf.len - r->pos);
		long n;

		if (z != NULL) {
			overflow(r, r->buf.data + r->pos, (size_t)(z - (r->buf.data + r->pos)));
			r->pos = (size_t)(z - r->buf.data) + 1;
			return NP_OK;
		}
		overflow(r, r->buf.data + r->pos, r->buf.len - r->pos);
		r->pos = r->buf.len = 0;
		if ((n = fill(r)) < 0)
			return (int)n;
		if (n == 0)
			return NP_OK;
	}
}

/* Hands out the next whole document; see doc.h. */
int
np_reader_next(struct np_reader *r, const char **buf, size_t *len)
{
	size_t scanned = 0;
	long n;

	if (!r->nul && !r->started && map_whole_file(r)) {
		r->started = 1;
		r->eof = 1;	/* the mapping is all of it */
		*buf = r->map;
		*len = r->maplen;
		return 1;
	}
	for (;;) {
		size_t have = r->buf.len - r->pos;

		if (r->nul && have > scanned) {
			char *z = memchr(r->buf.data + r->pos + scanned, r->delim, have - scanned);

			if (z != NULL) {
				*buf = r->buf.data + r->pos;
				*len = (size_t)(z - *buf);
				r->pos += *len + 1;
				if (*len > r->max_doc) {
					overflow(r, *buf, *len);
					return NP_ETOOBIG;
				}
				return 1;
			}
			scanned = have;
		}
		if (have > r->max_doc) {
			/* too big: drop what we hold and the rest of the
			 * document (the sink may copy it out) */
			if (r->nul) {
				int rc = skip_record(r);

				return rc == NP_OK ? NP_ETOOBIG : rc;
			}
			do {
				overflow(r, r->buf.data + r->pos, r->buf.len - r->pos);
				r->pos = r->buf.len = 0;
			} while ((n = fill(r)) > 0);
			r->started = 1;
			return n < 0 ? (int)n : NP_ETOOBIG;
		}
		if (r->eof) {
			if (r->nul) {
				if (have == 0)
					return 0;
			} else if (r->started)
				return 0;
			r->started = 1;
			*buf = r->buf.data ? r->buf.data + r->pos : "";
			*len = have;
			r->pos = r->buf.len;
			return 1;
		}
		if ((n = fill(r)) < 0)
			return (int)n;
	}
}

/* Chooses where to cut a piece of n bytes at p: after the last blank
 * line in its second half, else after the last newline there, else after
 * the last space, else before a UTF-8 lead byte. */
static size_t
cut_point(const char *p, size_t n)
{
	size_t i, half = n / 2;

	for (i = n; i > half + 1; i--)
		if (p[i - 1] == '\n' && p[i - 2] == '\n')
			return i;
	for (i = n; i > half; i--)
		if (p[i - 1] == '\n')
			return i;
	for (i = n; i > half; i--)
		if (p[i - 1] == ' ')
			return i;
	for (i = n; i > n - 4 && i > 1; i--)
		if (((unsigned char)p[i] & 0xC0) != 0x80)
			return i;
	return n;
}

/* Hands out the next piece of a document; see doc.h. */
int
np_reader_next_chunk(struct np_reader *r, size_t chunk, struct np_chunk *c)
{
	long n;

	if (chunk < 64)
		chunk = 64;
	for (;;) {
		size_t have = r->buf.len - r->pos;
		const char *p = r->buf.data ? r->buf.data + r->pos : "";
		char *z = r->nul && have ? memchr(p, r->delim, have < chunk ? have : chunk) : NULL;

		if (z != NULL || have >= chunk || r->eof) {
			size_t take;
			int last;

			if (z != NULL) {
				take = (size_t)(z - p);
				last = 1;
			} else if (have > chunk || (have == chunk && !r->eof)) {
				take = cut_point(p, chunk);
				last = 0;
			} else {
				/* end of input */
				if (have == 0 && !r->in_doc && (r->nul || r->started))
					return 0;
				take = have;
				last = 1;
			}
			c->buf = p;
			c->len = take;
			c->first = !r->in_doc;
			c->last = last;
			c->offset = r->in_doc ? r->doc_offset : 0;
			r->pos += take + (z != NULL);
			r->started = 1;
			if (last) {
				r->in_doc = 0;
				r->doc_offset = 0;
			} else {
				r->in_doc = 1;
				r->doc_offset = c->offset + take;
			}
			return 1;
		}
		if ((n = fill(r)) < 0)
			return (int)n;
	}
}

/* Returns the first byte of the input that is not white space (a UTF-8
 * byte order mark at the start counts as white space), without consuming
 * anything; -1 when the input holds none; NP_EIO or NP_ENOMEM when
 * reading failed. */
int
np_reader_peek(struct np_reader *r)
{
	size_t i = 0;
	long n;

	for (;;) {
		if (i == 0 && r->pos == 0 && r->buf.len >= 3 &&
		    memcmp(r->buf.data, "\xEF\xBB\xBF", 3) == 0)
			i = 3;
		for (; r->pos + i < r->buf.len; i++) {
			unsigned char c = (unsigned char)r->buf.data[r->pos + i];

			if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
				return c;
		}
		if (r->buf.len - r->pos > READ_SIZE * 4)
			return -1;
		if ((n = fill(r)) < 0)
			return (int)n;
		if (n == 0)
			return -1;
	}
}

/* Reads through fn instead of read(2); see doc.h. */
void
np_reader_set_read(struct np_reader *r, np_read_fn fn, void *ctx)
{
	r->read_fn = fn;
	r->read_ctx = ctx;
}

/* Sets where the bytes of an oversize document go; see doc.h. */
void
np_reader_set_overflow(struct np_reader *r, np_sink_fn sink, void *ctx)
{
	r->overflow = sink;
	r->overflow_ctx = ctx;
}

/* Switches to records ended by c (JSON Lines: LF). */
void
np_reader_set_records(struct np_reader *r, int c)
{
	r->nul = 1;
	r->delim = c;
}

/* Reads a whole file into b. */
int
np_read_file(const char *path, struct np_buf *b)
{
	struct np_reader *r = np_reader_open(path, 0, SIZE_MAX);
	const char *p;
	size_t n;
	int rc, saved;

	if (r == NULL)
		return NP_EIO;
	rc = np_reader_next(r, &p, &n);
	if (rc == 1)
		rc = np_buf_append(b, p, n);
	saved = errno;
	np_reader_close(r);
	errno = saved;
	return rc;
}
