/*
 * out.c - the checked output writer.
 *
 * Output goes through stdio with a large buffer; every fwrite is checked,
 * so the first failed write (a full disk, /dev/full) ends the tool with
 * "NAME: write error: REASON" and exit status 1, and a reader that went
 * away (EPIPE, when SIGPIPE is ignored) ends it quietly.  A capture
 * buffer can stand in for stdout (JSON Lines fields).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "newsprep/json.h"
#include "newsprep/out.h"

static struct np_buf *capture;	/* CLI-layer state: where output goes */
static int capture_esc;		/* capture escapes as a JSON string body */
static struct np_json_esc esc;
static struct np_buf scratch;	/* reused for JSON escaping */
static size_t written;		/* bytes given to stdout (for --stats) */

/* Reports a failed write and exits; quiet for a closed pipe. */
static _Noreturn void
write_failed(void)
{
	if (errno == EPIPE)
		_exit(1);
	np_warn("write error: %s", strerror(errno ? errno : EIO));
	_exit(1);
}

void
np_out_capture(struct np_buf *b)
{
	if (capture != NULL && capture_esc && np_json_esc_end(&esc, capture) != NP_OK)
		np_die("%s", np_strerror(NP_ENOMEM));
	capture = b;
	capture_esc = 0;
}

void
np_out_capture_json(struct np_buf *b, int flags)
{
	np_out_capture(b);
	capture_esc = 1;
	memset(&esc, 0, sizeof(esc));
	esc.flags = flags;
}

struct np_buf *
np_out_capture_get(void)
{
	return capture;
}

void
np_out_write(const void *p, size_t n)
{
	if (n == 0)
		return;
	if (capture != NULL) {
		/* the common case, a small piece into room already there */
		if (!capture_esc && capture->cap - capture->len > n) {
			memcpy(capture->data + capture->len, p, n);
			capture->len += n;
			capture->data[capture->len] = '\0';
			return;
		}
		if ((capture_esc ? np_json_esc_write(&esc, capture, p, n) :
		    np_buf_append(capture, p, n)) != NP_OK)
			np_die("%s", np_strerror(NP_ENOMEM));
		return;
	}
	written += n;
	for (;;) {
		size_t w;

		errno = 0;
		if ((w = fwrite(p, 1, n, stdout)) == n)
			break;
		/* EFAULT: p lies in a mapped input file that shrank; the
		 * reader puts zeros there (and reports the file changed) */
		if (errno != EFAULT || !np_reader_fault((const char *)p + w, n - w))
			write_failed();
		clearerr(stdout);
		p = (const char *)p + w;
		n -= w;
	}
}

size_t
np_out_bytes(void)
{
	return written;
}

void
np_out_putc(int c)
{
	char ch = (char)c;

	np_out_write(&ch, 1);
}

void
np_out_str(const char *s)
{
	np_out_write(s, strlen(s));
}

void
np_out_printf(const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		np_die("output formatting failed");
	if ((size_t)n < sizeof(small)) {
		np_out_write(small, (size_t)n);
		return;
	}
	np_buf_clear(&scratch);
	if (np_buf_reserve(&scratch, (size_t)n) != NP_OK)
		np_die("%s", np_strerror(NP_ENOMEM));
	va_start(ap, fmt);
	vsnprintf(scratch.data, scratch.cap, fmt, ap);
	va_end(ap);
	np_out_write(scratch.data, (size_t)n);
}

void
np_out_flush(void)
{
	if (capture == NULL && fflush(stdout) != 0)
		write_failed();
}

/*
 * Writes s with the bytes that have an entry in `to` (a 256-entry table
 * indexed by byte) replaced by that string; runs without such bytes go
 * out in one write.  A table lookup per byte keeps this off the profile
 * of tools that print a lot of text.
 */
static void
write_mapped(const char *s, size_t n, const char *const to[256])
{
	size_t i, run = 0;
	const char *rep;

	for (i = 0; i < n; i++) {
		if ((rep = to[(unsigned char)s[i]]) == NULL)
			continue;
		np_out_write(s + run, i - run);
		np_out_str(rep);
		run = i + 1;
	}
	np_out_write(s + run, n - run);
}

void
np_out_tsv_spaced(const char *s, size_t n)
{
	static const char *const to[256] = {
		['\t'] = " ", ['\n'] = " ", ['\r'] = " "
	};

	write_mapped(s, n, to);
}

void
np_out_tsv_escaped(const char *s, size_t n)
{
	static const char *const to[256] = {
		['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r", ['\\'] = "\\\\"
	};

	write_mapped(s, n, to);
}

/* Puts the decimal digits of v at d; returns their count. */
static size_t
put_num(char *d, size_t v)
{
	char b[24];
	size_t i = sizeof b, k;

	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	k = sizeof b - i;
	memcpy(d, b + i, k);
	return k;
}

/* Puts one member "PREFIXname":VALUE at d (VALUE: v, or null when
 * absent); returns its length.  d must have room for the prefix and
 * name plus 28 bytes. */
static size_t
put_member(char *d, const char *prefix, size_t pl, const char *name, size_t nl,
    int absent, size_t v)
{
	size_t k = 0;

	d[k++] = '"';
	memcpy(d + k, prefix, pl);
	k += pl;
	memcpy(d + k, name, nl);
	k += nl;
	d[k++] = '"';
	d[k++] = ':';
	if (absent) {
		memcpy(d + k, "null", 4);
		return k + 4;
	}
	return k + put_num(d + k, v);
}

/* The four members of a span, built in one piece and written at once
 * (a write per key and number was most of the cost of JSON output). */
void
np_out_json_span(struct np_cpmap *m, const char *prefix, size_t start, size_t end)
{
	int absent = start == (size_t)-1 || end == (size_t)-1;
	size_t pl = strlen(prefix), k = 0;
	char small[256], *d = small;

	if (4 * (pl + 40) > sizeof(small)) {
		np_buf_clear(&scratch);
		if (np_buf_reserve(&scratch, 4 * (pl + 40)) != NP_OK)
			np_die("%s", np_strerror(NP_ENOMEM));
		d = scratch.data;
	}
	k += put_member(d + k, prefix, pl, "start", 5, absent, absent ? 0 : np_cpmap_get(m, start));
	d[k++] = ',';
	k += put_member(d + k, prefix, pl, "end", 3, absent, absent ? 0 : np_cpmap_get(m, end));
	d[k++] = ',';
	k += put_member(d + k, prefix, pl, "byte_start", 10, absent, start);
	d[k++] = ',';
	k += put_member(d + k, prefix, pl, "byte_end", 8, absent, end);
	np_out_write(d, k);
}

void
np_out_json_string(const char *s, size_t n)
{
	/* into the capture directly when it takes raw bytes: no copy */
	if (capture != NULL && !capture_esc) {
		if (np_json_escape(capture, s, n) != NP_OK)
			np_die("%s", np_strerror(NP_ENOMEM));
		return;
	}
	np_buf_clear(&scratch);
	if (np_json_escape(&scratch, s, n) != NP_OK)
		np_die("%s", np_strerror(NP_ENOMEM));
	np_out_write(scratch.data, scratch.len);
}
