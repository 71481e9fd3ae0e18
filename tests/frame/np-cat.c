/*
 * np-cat - a test filter that runs the shared command-line frame with an
 * identity engine, so that tests/cli/frame.t can check the frame (operands,
 * -z records, --max-doc-size, JSON Lines, write errors) apart from any
 * real engine.
 *
 *   np-cat [-z] [--jsonl] [--mode replace|add|split|upper] [FILE]...
 * replace: output = input; add: adds "len":N (byte count, with --jsonl
 * input); split: splits the text at each '|' into records; upper:
 * upper-cases ASCII (to see that a field really is replaced);
 * shrink-read, shrink-write: truncates the file $NP_CAT_TRUNCATE to 0
 * bytes first, then reads every byte of the document (a load fault) or
 * writes it out at once (write(2) faults), as a tool would whose input
 * file is truncated while it works.
 */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/out.h"

enum mode { REPLACE, ADD, SPLIT, UPPER, SHRINK_READ, SHRINK_WRITE };

static const struct np_opt opts[] = {
	{ 'm', "mode", "MODE", "replace (default), add, split or upper" },
	{ 0, NULL, NULL, NULL }
};

static const struct np_tool tool = {
	"[-z] [--jsonl] [--mode replace|add|split|upper] [FILE]...",
	"The command-line frame with an identity engine (a test tool).",
	opts, "en,de", NULL, NULL
};

static int
cat_doc(void *arg, struct np_cli *cli, const char *buf, size_t len)
{
	enum mode m = *(enum mode *)arg;
	size_t i, start = 0;

	np_cli_count(cli, 1);
	switch (m) {
	case SHRINK_READ:
	case SHRINK_WRITE: {
		const char *path = getenv("NP_CAT_TRUNCATE");
		unsigned sum = 0;

		if (path != NULL && truncate(path, 0) != 0)
			return NP_EIO;
		if (m == SHRINK_READ) {
			for (i = 0; i < len; i++)
				sum += (unsigned char)buf[i];
			np_out_printf("%u\n", sum);
		} else
			np_out_write(buf, len);
		break;
	}
	case ADD:
		np_out_printf("%zu", len);
		if (!cli->jsonl_in)
			np_out_putc('\n');
		break;
	case SPLIT:
		for (i = 0; i <= len; i++)
			if (i == len || buf[i] == '|') {
				if (cli->jsonl_in) {
					struct np_buf v = { NULL, 0, 0 };
					struct np_jsonl_set set = { "text", NULL, 0 };

					if (np_json_escape(&v, buf + start, i - start) != NP_OK)
						return NP_ENOMEM;
					set.json = v.data;
					set.len = v.len;
					np_jsonl_split_part(&set, 1);
					np_buf_free(&v);
				} else {
					np_out_write(buf + start, i - start);
					np_out_putc('\n');
				}
				start = i + 1;
			}
		break;
	case UPPER:
		for (i = 0; i < len; i++)
			np_out_putc(buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i]);
		break;
	default:
		np_out_write(buf, len);
	}
	return NP_OK;
}

int
main(int argc, char **argv)
{
	struct np_cli cli;
	enum mode m = REPLACE;
	const char *arg;
	int c;

	np_cli_init(&cli, argv[0]);
	cli.found_what = "documents seen";
	while ((c = np_cli_getopt(&cli, &tool, argc, argv, &arg)) != -1) {
		if (strcmp(arg, "add") == 0)
			m = ADD;
		else if (strcmp(arg, "split") == 0)
			m = SPLIT;
		else if (strcmp(arg, "upper") == 0)
			m = UPPER;
		else if (strcmp(arg, "shrink-read") == 0)
			m = SHRINK_READ;
		else if (strcmp(arg, "shrink-write") == 0)
			m = SHRINK_WRITE;
		else if (strcmp(arg, "replace") == 0)
			m = REPLACE;
		else
			np_usage_error("--mode: unknown mode '%s'", arg);
	}
	cli.jsonl_kind = m == ADD ? NP_JSONL_ADD : m == SPLIT ? NP_JSONL_SPLIT : NP_JSONL_REPLACE;
	cli.jsonl_key = "len";
	np_cli_each_document(&cli, argc - optind, argv + optind, cat_doc, &m);
	return np_cli_finish(&cli);
}
