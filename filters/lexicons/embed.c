/*
 * embed - turns a data file into a C array so that lexicons are compiled
 * into the binaries (a tool copied to another machine needs nothing
 * beside it).  Usage: embed SYMBOL FILE > FILE.c
 */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	FILE *in;
	int c;
	unsigned long n = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: embed SYMBOL FILE\n");
		return 2;
	}
	if ((in = fopen(argv[2], "rb")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	printf("/* generated from %s by embed; do not edit */\n", argv[2]);
	printf("#include <stddef.h>\nconst char %s[] = {\n", argv[1]);
	while ((c = getc(in)) != EOF) {
		printf("%d,", (signed char)c);
		if (++n % 24 == 0)
			putchar('\n');
	}
	printf("0\n};\nconst size_t %s_len = %lu;\n", argv[1], n);
	if (ferror(in) || fclose(in) != 0 || fflush(stdout) != 0 || ferror(stdout)) {
		perror("embed");
		return 1;
	}
	return 0;
}
