/*
 * fuzz.h - shared bits of the fuzz targets.
 *
 * A target defines LLVMFuzzerTestOneInput; it runs an engine's public API
 * on the input in every mode it has and checks the engine's promises
 * (spans inside the buffer, in order, records that partition the input)
 * with FUZZ_CHECK, which aborts so that libFuzzer (or the replay driver)
 * reports the input.  Contexts are made once per option set and kept:
 * compiling patterns per input would make the fuzzer crawl.
 */
#ifndef NP_FUZZ_H
#define NP_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* The input as a heap copy of exactly n bytes, so that AddressSanitizer
 * sees any read past its end (libFuzzer's own buffer is exact too, but
 * the replay driver's is not). */
static inline char *
fuzz_copy(const uint8_t *data, size_t n)
{
	char *p = malloc(n ? n : 1);

	FUZZ_CHECK(p != NULL);
	p[0] = '\0';
	if (n)
		memcpy(p, data, n);
	return p;
}

/* A span lies inside [0, len) and is not reversed. */
#define FUZZ_SPAN_OK(sp, len) ((sp).start <= (sp).end && (sp).end <= (len))

/* An absent span ({SIZE_MAX, SIZE_MAX}) or one inside the buffer. */
#define FUZZ_SPAN_OK_OR_ABSENT(sp, len) \
	(((sp).start == SIZE_MAX && (sp).end == SIZE_MAX) || FUZZ_SPAN_OK(sp, len))

#endif
