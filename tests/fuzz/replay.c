/*
 * replay.c - runs a fuzz target's LLVMFuzzerTestOneInput on files,
 * without libFuzzer: `replay_NAME FILE|DIR...`.  Each file (each regular
 * file of a directory) is one input.  With -m BYTES, an input longer than
 * that is cut into pieces of at most BYTES, each its own input (the fuzz
 * targets are meant for inputs of tens of kilobytes).  Prints the number
 * of inputs run; a failed check aborts, naming the file first.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static size_t maxlen = (size_t)-1, runs;

/* Reads a whole file into a malloc'd buffer. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(p, cap)) == NULL) {
				fprintf(stderr, "replay: out of memory\n");
				exit(1);
			}
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		exit(1);
	}
	fclose(f);
	*len = n;
	return p;
}

/* Runs the target on one file (in pieces of at most maxlen bytes). */
static void
replay_file(const char *path)
{
	size_t len, off = 0, n;
	char *buf = slurp(path, &len);

	fprintf(stderr, "replay: %s\n", path);
	do {
		n = len - off < maxlen ? len - off : maxlen;
		LLVMFuzzerTestOneInput((const uint8_t *)buf + off, n);
		runs++;
		off += n;
	} while (off < len);
	free(buf);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs the target on the regular files of a directory, in name order. */
static void
replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, path[4096];
	size_t n = 0, i;
	struct stat st;

	if (d == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		exit(1);
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof(*names))) == NULL ||
		    (names[n] = strdup(e->d_name)) == NULL) {
			fprintf(stderr, "replay: out of memory\n");
			exit(1);
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			replay_file(path);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	struct stat st;
	int i = 1;

	if (argc > 2 && strcmp(argv[1], "-m") == 0) {
		maxlen = strtoul(argv[2], NULL, 10);
		if (maxlen == 0)
			maxlen = 1;
		i = 3;
	}
	for (; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			replay_dir(argv[i]);
		else
			replay_file(argv[i]);
	}
	printf("replayed %zu inputs\n", runs);
	return 0;
}
