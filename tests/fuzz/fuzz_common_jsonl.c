/*
 * fuzz_common_jsonl.c - the JSON Lines frame on hostile lines.
 *
 * The first byte chooses the --field path (top level, nested, escaped
 * key) and the kind; the rest is the line.  Checked:
 *  - np_json_scan against jansson: every line jansson takes as an object
 *    the scanner takes too, and the scanner takes more only for what
 *    jansson refuses on purpose (lone surrogate escapes, numbers too big
 *    for it); a found string field decodes to what jansson decodes;
 *  - the splice of each kind (REPLACE with and without --to, ADD, SPLIT
 *    through np_jsonl_split_part) writes lines that parse, hold every
 *    other member unchanged, and say what the kind promises;
 *  - the code point map agrees with a plain count at every offset.
 */
#include <jansson.h>
#include <stdio.h>
#include "fuzz.h"
#include "newsprep/common.h"
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/utf8.h"

static const char *const fields[] = { "text", "a.text", "te\\u0078t", "m.n.o" };

/* True when jansson refused the line for a reason the scanner accepts on
 * purpose: Unicode it will not decode, numbers beyond its types, and a
 * \u0000 inside a key (JSON allows it; jansson has no keys with NUL). */
static int
deliberate(const char *why)
{
	return strstr(why, "Unicode") != NULL || strstr(why, "surrogate") != NULL ||
	    strstr(why, "too big") != NULL || strstr(why, "overflow") != NULL ||
	    strstr(why, "NUL byte in object key") != NULL;
}

/* The engine stand-in: identity (REPLACE), the length (ADD), parts cut
 * at '|' (SPLIT). */
static int
frame_fn(void *arg, struct np_cli *cli, const char *buf, size_t len)
{
	static struct np_buf b;
	size_t i, start = 0;

	(void)arg;
	switch (cli->jsonl_kind) {
	case NP_JSONL_ADD:
		np_out_printf("%zu", len);
		break;
	case NP_JSONL_SPLIT:
		for (i = 0; i <= len; i++)
			if (i == len || buf[i] == '|') {
				struct np_jsonl_set set = { cli->field, NULL, 0 };

				np_buf_clear(&b);
				FUZZ_CHECK(np_json_escape(&b, buf + start, i - start) == NP_OK);
				set.json = b.data;
				set.len = b.len;
				FUZZ_CHECK(np_jsonl_split_part(&set, 1) == NP_OK);
				start = i + 1;
			}
		break;
	default:
		np_out_write(buf, len);
	}
	return NP_OK;
}

/* The value at a dotted path of a jansson object, or NULL. */
static json_t *
get_path(json_t *o, const char *dotted)
{
	char seg[64];
	const char *s = dotted, *dot;

	while (o != NULL) {
		size_t k;

		dot = strchr(s, '.');
		k = dot ? (size_t)(dot - s) : strlen(s);
		memcpy(seg, s, k);
		seg[k] = '\0';
		o = json_is_object(o) ? json_object_get(o, seg) : NULL;
		if (dot == NULL)
			return o;
		s = dot + 1;
	}
	return NULL;
}

/* Runs np_jsonl_line on the line with output to memory. */
static char *
run_line(struct np_cli *cli, const char *s, size_t n, size_t *outlen)
{
	FILE *saved = stdout, *mem;
	char *out = NULL;

	FUZZ_CHECK((mem = open_memstream(&out, outlen)) != NULL);
	stdout = mem;
	FUZZ_CHECK(np_jsonl_line(cli, "fuzz", 2, s, n, frame_fn, NULL) == NP_OK);
	fclose(mem);
	stdout = saved;
	return out;
}

/* The code point map against a count from the start at each offset,
 * asked in a scrambled order. */
static void
check_cpmap(const char *s, size_t n)
{
	static struct np_cpmap m;
	size_t i, k, adv;
	size_t *cp = malloc((n + 1) * sizeof(size_t));

	FUZZ_CHECK(cp != NULL);
	for (i = 0; i <= n; i++)
		cp[i] = (size_t)-1;
	for (i = 0, k = 0; i < n; k++) {
		cp[i] = k;
		if ((unsigned char)s[i] == 0xED && n - i >= 3 &&
		    ((unsigned char)s[i + 1] & 0xE0) == 0xA0 && ((unsigned char)s[i + 2] & 0xC0) == 0x80)
			adv = 3;
		else
			(void)np_utf8_decode(s + i, n - i, &adv);
		i += adv;
	}
	cp[n] = k;
	np_cpmap_reset(&m, s, n);
	for (i = 0; i <= n; i++) {
		size_t at = (i * 7919) % (n + 1);

		if (cp[at] != (size_t)-1)
			FUZZ_CHECK(np_cpmap_get(&m, at) == cp[at]);
	}
	free(cp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct np_cli base;
	static int ready;
	struct np_json_path paths[2];
	struct np_json_hit hits[2];
	struct np_json_error err;
	json_error_t jerr;
	json_t *obj, *f, *o2;
	const char *field;
	char *s, *out;
	size_t n, outlen, k, lstart, lines;
	int mine, kind;

	if (size < 1)
		return 0;
	field = fields[data[0] & 3];
	s = fuzz_copy(data + 1, size - 1);
	n = size - 1;
	if (memchr(s, '\n', n) != NULL) {
		free(s);
		return 0;
	}
	/* the path of --field as the frame makes it (escapes are not
	 * decoded in an option: "te\u0078t" is a key of its own) */
	FUZZ_CHECK(np_json_path_parse(&paths[0], field) == NP_OK);
	np_json_path_key(&paths[1], "part");
	mine = np_json_scan(s, n, paths, hits, 2, &err) == NP_OK;
	obj = json_loadb(s, n, JSON_ALLOW_NUL, &jerr);
	/* (jansson stops at a raw NUL byte, which JSON does not allow) */
	if (obj != NULL && json_is_object(obj) && memchr(s, '\0', n) == NULL)
		FUZZ_CHECK(mine);
	if (obj == NULL && mine && !deliberate(jerr.text)) {
		fprintf(stderr, "jansson refuses (%s), the scanner takes it\n", jerr.text);
		FUZZ_CHECK(0);
	}
	if (!mine)
		FUZZ_CHECK(err.why != NULL && err.at <= n);
	check_cpmap(s, n);
	if (obj == NULL || !json_is_object(obj) || !mine) {
		json_decref(obj);
		free(s);
		return 0;
	}
	f = get_path(obj, field);
	FUZZ_CHECK(hits[0].found == (f != NULL));
	if (f != NULL) {
		struct np_buf d = { 0 };

		FUZZ_CHECK(FUZZ_SPAN_OK(hits[0].value, n));
		FUZZ_CHECK(hits[0].string == json_is_string(f));
		if (json_is_string(f)) {
			FUZZ_CHECK(np_json_decode(&d, s + hits[0].value.start + 1,
			    hits[0].value.end - hits[0].value.start - 2) == NP_OK);
			FUZZ_CHECK(d.len == json_string_length(f));
			FUZZ_CHECK(d.len == 0 || memcmp(d.data, json_string_value(f), d.len) == 0);
			np_buf_free(&d);
		}
	}
	if (f == NULL || !json_is_string(f)) {
		json_decref(obj);
		free(s);
		return 0;
	}
	if (!ready) {
		np_cli_init(&base, "fuzz");
		ready = 1;
	}
	for (kind = 0; kind < 4; kind++) {
		struct np_cli cli = base;
		json_t *want = json_deep_copy(obj);

		cli.jsonl = 1;
		cli.field = field;
		cli.jsonl_kind = kind == 3 ? NP_JSONL_REPLACE : (enum np_jsonl_kind)kind;
		cli.jsonl_key = "len";
		if (kind == 3)
			cli.to = "out.x";
		out = run_line(&cli, s, n, &outlen);
		FUZZ_CHECK(outlen > 0 && out[outlen - 1] == '\n');
		for (k = 0, lstart = 0, lines = 0; k < outlen; k++) {
			if (out[k] != '\n')
				continue;
			o2 = json_loadb(out + lstart, k - lstart, JSON_ALLOW_NUL, &jerr);
			if (o2 == NULL)
				fprintf(stderr, "jansson: %s\n", jerr.text);
			FUZZ_CHECK(o2 != NULL && json_is_object(o2));
			lines++;
			if (kind == NP_JSONL_REPLACE) {
				FUZZ_CHECK(json_equal(o2, want));
			} else if (kind == NP_JSONL_ADD) {
				json_t *len = json_object_get(o2, "len");

				FUZZ_CHECK(json_is_integer(len) &&
				    (size_t)json_integer_value(len) == json_string_length(f));
				json_object_del(o2, "len");
				json_object_del(want, "len");
				FUZZ_CHECK(json_equal(o2, want));
			} else if (kind == NP_JSONL_SPLIT) {
				FUZZ_CHECK(json_is_integer(json_object_get(o2, "part")));
				FUZZ_CHECK(json_is_string(get_path(o2, field)));
			} else {
				json_t *x = get_path(o2, "out.x");

				/* "out" already there as a non-object: left as is */
				json_t *o = json_object_get(obj, "out");

				if (o == NULL || json_is_object(o))
					FUZZ_CHECK(json_is_string(x) && json_equal(x, f));
			}
			json_decref(o2);
			lstart = k + 1;
		}
		if (kind == NP_JSONL_SPLIT) {
			size_t bars = 0;

			for (k = 0; k < json_string_length(f); k++)
				bars += json_string_value(f)[k] == '|';
			FUZZ_CHECK(lines == bars + 1);
		} else
			FUZZ_CHECK(lines == 1);
		json_decref(want);
		free(out);
	}
	json_decref(obj);
	free(s);
	return 0;
}
