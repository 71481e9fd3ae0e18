/*
 * arena.c - a bump allocator for per-document data.
 *
 * Blocks of at least 64 KiB are chained newest first; an allocation too
 * large for a block gets a block of its own.  Reset keeps the oldest
 * block, so a tool that handles millions of small documents allocates
 * nothing after the first one.
 */
#include <stdlib.h>
#include <string.h>
#include "newsprep/common.h"

#define ARENA_BLOCK ((size_t)64 * 1024)
#define ARENA_ALIGN 16

struct np_arena_block {
	struct np_arena_block *next;	/* older block */
	size_t size;			/* usable bytes in data */
	_Alignas(16) unsigned char data[];
};

/* Returns n bytes, 16-byte aligned, valid until the next reset. */
void *
np_arena_alloc(struct np_arena *a, size_t n)
{
	struct np_arena_block *b;
	size_t size;
	void *p;

	if (n > SIZE_MAX - ARENA_ALIGN - sizeof(*b))
		return NULL;
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	if (a->head == NULL || a->head->size - a->used < n) {
		size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->size = size;
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	p = a->head->data + a->used;
	a->used += n;
	return p;
}

/* Copies s[0..n) into the arena with a terminating NUL. */
char *
np_arena_strndup(struct np_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX || (p = np_arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Frees every block but the oldest, which is kept for reuse. */
void
np_arena_reset(struct np_arena *a)
{
	struct np_arena_block *b = a->head, *next;

	if (b == NULL)
		return;
	while (b->next != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	a->head = b;
	a->used = 0;
}

void
np_arena_free(struct np_arena *a)
{
	struct np_arena_block *b = a->head, *next;

	while (b != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}
