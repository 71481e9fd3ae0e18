/*
 * peak-rss - runs a command and reports its peak resident set size, for
 * the memory tests (tests/cli/hostile-memory.t), without depending on
 * GNU time.
 *
 *   peak-rss FILE COMMAND [ARG]...
 *
 * Runs COMMAND with the standard streams inherited, waits for it with
 * wait4 and writes its ru_maxrss (in KiB) and wall time in seconds to
 * FILE as "KIB SECONDS\n".  Exits with the command's status, or 128 plus
 * the signal that ended it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	struct timespec t0, t1;
	pid_t pid;
	int status;
	FILE *f;

	if (argc < 3) {
		fputs("usage: peak-rss FILE COMMAND [ARG]...\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0) {
		fprintf(stderr, "peak-rss: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "peak-rss: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "peak-rss: wait4: %s\n", strerror(errno));
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((f = fopen(argv[1], "w")) == NULL) {
		fprintf(stderr, "peak-rss: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	fprintf(f, "%ld %.2f\n", ru.ru_maxrss, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (fclose(f) != 0)
		return 2;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
