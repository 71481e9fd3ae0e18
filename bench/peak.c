/*
 * peak - run a command, report its wall time and peak memory.
 *
 * usage: peak [-i INPUT] [-o OUTPUT] COMMAND [ARG]...
 *
 * Runs COMMAND with standard input from INPUT (default: inherited) and
 * standard output into a pipe that peak drains itself, writing it to
 * OUTPUT when given and dropping it otherwise.  A pipe, not /dev/null:
 * GNU grep stops at the first match when its output is /dev/null, which
 * would make the reference meaningless.
 *
 * Prints one line on standard output:
 *     WALL_SECONDS MAXRSS_KIB OUTPUT_BYTES EXIT_STATUS CPU_SECONDS
 * where MAXRSS_KIB is ru_maxrss of the command as wait4(2) reports it
 * (on Linux it covers the command and the descendants it waited for) and
 * CPU_SECONDS its user plus system time (a steadier figure than the wall
 * time on a machine that other work shares).
 * Exits 0 when the command ran (whatever its status), 1 on peak's own
 * errors, 2 on usage errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Prints "peak: what: strerror" and exits 1. */
static void
fail(const char *what)
{
	fprintf(stderr, "peak: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Seconds on the monotonic clock. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const char *in = NULL, *outpath = NULL;
	static char buf[1 << 20];
	struct rusage ru;
	unsigned long long total = 0;
	double t0, t1;
	int c, fd[2], outfd = -1, st;
	pid_t pid;
	ssize_t n;

	while ((c = getopt(argc, argv, "+i:o:")) != -1) {
		switch (c) {
		case 'i':
			in = optarg;
			break;
		case 'o':
			outpath = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (optind >= argc)
		goto usage;
	if (outpath != NULL &&
	    (outfd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		fail(outpath);
	if (pipe(fd) != 0)
		fail("pipe");
	t0 = now();
	if ((pid = fork()) < 0)
		fail("fork");
	if (pid == 0) {
		if (in != NULL) {
			int ifd = open(in, O_RDONLY);

			if (ifd < 0)
				fail(in);
			if (dup2(ifd, 0) < 0)
				fail("dup2");
			close(ifd);
		}
		if (dup2(fd[1], 1) < 0)
			fail("dup2");
		close(fd[0]);
		close(fd[1]);
		if (outfd >= 0)
			close(outfd);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "peak: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	close(fd[1]);
	for (;;) {
		n = read(fd[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			fail("read");
		if (n == 0)
			break;
		total += (unsigned long long)n;
		if (outfd >= 0) {
			for (ssize_t off = 0; off < n;) {
				ssize_t w = write(outfd, buf + off, (size_t)(n - off));

				if (w < 0 && errno == EINTR)
					continue;
				if (w < 0)
					fail(outpath);
				off += w;
			}
		}
	}
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR)
			fail("wait4");
	}
	t1 = now();
	if (outfd >= 0 && close(outfd) != 0)
		fail(outpath);
	printf("%.6f %ld %llu %d %.6f\n", t1 - t0, ru.ru_maxrss, total,
	    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st),
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6);
	return 0;
usage:
	fputs("usage: peak [-i INPUT] [-o OUTPUT] COMMAND [ARG]...\n", stderr);
	return 2;
}
