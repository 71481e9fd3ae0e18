/*
 * fuzz_common_reader.c - the document reader with injected I/O errors.
 *
 * The first bytes choose the mode (whole input, NUL records, JSON Lines
 * records, chunks), --max-doc-size, and a fault plan: reads cut short to
 * a few bytes, interrupted (EINTR), or failing (EIO) at some offset, as
 * jq's error injection does; the rest is the input, served through
 * np_reader_set_read.  Checked: without a failure the documents (and the
 * bytes of oversize ones, through the overflow sink) put back together
 * are the input exactly, whatever the short reads and interruptions;
 * with one, the reader says NP_EIO, and what it handed out before is the
 * start of the input, never a byte from past the failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "fuzz.h"
#include "newsprep/common.h"
#include "newsprep/doc.h"

struct plan {
	const char *data;
	size_t len, pos;
	unsigned seed;
	size_t fail_at;		/* EIO when a read would pass this; SIZE_MAX: never */
	unsigned calls;
};

/* A small deterministic generator for the plan. */
static unsigned
next_rand(struct plan *p)
{
	p->seed = p->seed * 1103515245u + 12345u;
	return p->seed >> 16;
}

/* read(2) as the plan says: a short piece, EINTR now and then, EIO at
 * fail_at. */
static ssize_t
plan_read(void *ctx, int fd, void *buf, size_t n)
{
	struct plan *p = ctx;
	size_t k;

	(void)fd;
	p->calls++;
	if (next_rand(p) % 5 == 0) {
		errno = EINTR;
		return -1;
	}
	if (p->pos >= p->fail_at) {
		errno = EIO;
		return -1;
	}
	k = 1 + next_rand(p) % 4096;
	if (next_rand(p) % 3 == 0)
		k = n;
	if (k > n)
		k = n;
	if (k > p->len - p->pos)
		k = p->len - p->pos;
	if (p->fail_at != SIZE_MAX && k > p->fail_at - p->pos)
		k = p->fail_at - p->pos;
	memcpy(buf, p->data + p->pos, k);
	p->pos += k;
	return (ssize_t)k;
}

/* The overflow sink: collects the bytes of oversize documents. */
static void
collect(void *ctx, const char *s, size_t n)
{
	FUZZ_CHECK(np_buf_append(ctx, s, n) == NP_OK);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan p;
	struct np_reader *r;
	struct np_buf got = { 0 }, over = { 0 };
	struct np_chunk c;
	const char *buf;
	size_t len, max_doc, expect_end;
	int mode, rc, fd, delim = 0;
	char *s;

	if (size < 3)
		return 0;
	mode = data[0] & 3;
	max_doc = (data[0] & 4) ? 1 + data[1] % 200 : 0;
	s = fuzz_copy(data + 3, size - 3);
	memset(&p, 0, sizeof(p));
	p.data = s;
	p.len = size - 3;
	p.seed = data[2];
	p.fail_at = (data[1] & 1) ? (size_t)data[1] * 37 % (p.len + 1) : SIZE_MAX;
	expect_end = p.fail_at < p.len ? p.fail_at : p.len;
	FUZZ_CHECK((fd = open("/dev/null", O_RDONLY)) >= 0);
	close(fd);	/* the descriptor is never read: the plan is */
	r = np_reader_open("/dev/null", mode == 1, max_doc);
	FUZZ_CHECK(r != NULL);
	np_reader_set_read(r, plan_read, &p);
	np_reader_set_overflow(r, collect, &over);
	if (mode == 2) {
		np_reader_set_records(r, '\n');
		delim = '\n';
	}
	if (mode == 3) {
		while ((rc = np_reader_next_chunk(r, 64 + data[2], &c)) == 1) {
			FUZZ_CHECK(c.offset + c.len <= p.len);
			FUZZ_CHECK(np_buf_append(&got, c.buf, c.len) == NP_OK);
		}
		FUZZ_CHECK((rc == NP_EIO) == (p.fail_at <= p.len));
		if (rc == 0)
			FUZZ_CHECK(got.len == p.len);
		FUZZ_CHECK(got.len <= expect_end);
		FUZZ_CHECK(got.len == 0 || memcmp(got.data, s, got.len) == 0);
	} else {
		while ((rc = np_reader_next(r, &buf, &len)) != 0) {
			if (rc == NP_EIO)
				break;
			if (rc == NP_ETOOBIG) {
				FUZZ_CHECK(max_doc > 0 && over.len > max_doc);
				FUZZ_CHECK(np_buf_append(&got, over.data, over.len) == NP_OK);
				np_buf_clear(&over);
			} else {
				FUZZ_CHECK(rc == 1);
				FUZZ_CHECK(max_doc == 0 || len <= max_doc);
				FUZZ_CHECK(np_buf_append(&got, buf, len) == NP_OK);
			}
			if (mode != 0 && got.len < p.len)
				FUZZ_CHECK(np_buf_putc(&got, delim) == NP_OK);
			if (mode == 0)
				break;
		}
		if (rc == 1)
			FUZZ_CHECK(np_reader_next(r, &buf, &len) == 0);
		/* a failure is reported, and only a failure */
		FUZZ_CHECK((rc == NP_EIO) == (p.fail_at <= p.len));
		if (rc != NP_EIO)
			FUZZ_CHECK(got.len == p.len);
		else
			FUZZ_CHECK(got.len <= p.fail_at);
		FUZZ_CHECK(got.len == 0 || memcmp(got.data, s, got.len) == 0);
	}
	np_reader_close(r);
	np_buf_free(&got);
	np_buf_free(&over);
	free(s);
	return 0;
}
