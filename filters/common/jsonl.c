/*
 * jsonl.c - JSON Lines in the CLI frame.
 *
 * Each line is parsed by jansson (validation, and the field's decoded
 * string), then written back by splicing: the top-level members are found
 * by np_json_members, the replaced value is cut out and the new one put
 * in its place, added keys go before the closing brace.  Everything else
 * in the line is copied byte for byte.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/segment.h"

#define MAX_MEMBERS 256

/* Skips JSON white space. */
static size_t
skip_ws(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Skips a string starting at its opening quote; returns the offset after
 * the closing quote. */
static size_t
skip_string(const char *s, size_t i, size_t len)
{
	for (i++; i < len; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return len;
}

/* Skips one value (string, nested object/array, or scalar). */
static size_t
skip_value(const char *s, size_t i, size_t len)
{
	size_t depth = 0;

	if (i < len && s[i] == '"')
		return skip_string(s, i, len);
	while (i < len) {
		char c = s[i];

		if (c == '"') {
			i = skip_string(s, i, len);
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (c == ',' && depth == 0)
			return i;
		i++;
	}
	return i;
}

int
np_json_members(const char *s, size_t len, struct np_json_member *m, int max,
    size_t *close)
{
	size_t i = skip_ws(s, 0, len), ks;
	int n = 0;

	if (i >= len || s[i] != '{')
		return -1;
	i = skip_ws(s, i + 1, len);
	while (i < len && s[i] == '"') {
		ks = i;
		i = skip_string(s, i, len);
		if (n < max) {
			m[n].key.start = ks + 1;
			m[n].key.end = i - 1;
		}
		i = skip_ws(s, i, len);
		if (i >= len || s[i] != ':')
			return -1;
		i = skip_ws(s, i + 1, len);
		if (n < max)
			m[n].value.start = i;
		i = skip_value(s, i, len);
		if (n < max) {
			size_t e = i;

			while (e > m[n].value.start && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
			    s[e - 1] == '\r' || s[e - 1] == '\n'))
				e--;
			m[n].value.end = e;
		}
		n++;
		i = skip_ws(s, i, len);
		if (i < len && s[i] == ',')
			i = skip_ws(s, i + 1, len);
	}
	if (i >= len || s[i] != '}')
		return -1;
	*close = i;
	return n;
}

/* True when the raw key line[k] (between its quotes) means name: equal
 * bytes, or, when it holds an escape, equal once decoded by jansson. */
static int
key_is(const char *line, struct np_span k, const char *name, size_t nl)
{
	json_t *v;
	int same;

	if (memchr(line + k.start, '\\', k.end - k.start) == NULL)
		return k.end - k.start == nl && memcmp(line + k.start, name, nl) == 0;
	v = json_loadb(line + k.start - 1, k.end - k.start + 2, JSON_DECODE_ANY, NULL);
	same = json_is_string(v) && json_string_length(v) == nl &&
	    memcmp(json_string_value(v), name, nl) == 0;
	json_decref(v);
	return same;
}

/* Index of the member whose key is name, or -1; the last one when the
 * key repeats, as jansson keeps the last value. */
static int
find_member(const char *line, const struct np_json_member *m, int n, const char *name)
{
	size_t nl = strlen(name);
	int i;

	for (i = (n < MAX_MEMBERS ? n : MAX_MEMBERS) - 1; i >= 0; i--)
		if (key_is(line, m[i].key, name, nl))
			return i;
	return -1;
}

/*
 * Writes the line with key `name` set to the raw JSON text val (replacing
 * its value where the key exists, else added before the closing brace),
 * and, when part > 0, "part":N added too.
 */
static void
write_spliced(const char *line, size_t len, const struct np_json_member *m, int n,
    size_t close, const char *name, const char *val, size_t vlen, size_t part)
{
	int at = find_member(line, m, n, name);

	if (at >= 0) {
		np_out_write(line, m[at].value.start);
		np_out_write(val, vlen);
		np_out_write(line + m[at].value.end, close - m[at].value.end);
	} else {
		np_out_write(line, close);
		if (n > 0)
			np_out_putc(',');
		np_out_json_string(name, strlen(name));
		np_out_putc(':');
		np_out_write(val, vlen);
	}
	if (part > 0)
		np_out_printf(",\"part\":%zu", part);
	/* the closing brace and whatever followed it (a CR) */
	np_out_write(line + close, len - close);
	np_out_putc('\n');
}

/* Reads a length-framed size_t at *p of the capture (np_jsonl_split_part). */
static size_t
frame_len(const char *d, size_t *p)
{
	size_t v;

	memcpy(&v, d + *p, sizeof(v));
	*p += sizeof(v);
	return v;
}

/* Appends one length-framed string to the capture. */
static void
frame_put(const char *s, size_t n)
{
	np_out_write((const char *)&n, sizeof(n));
	np_out_write(s, n);
}

/* Writes a split part to the capture: its member count, then each name
 * and value framed by length; see jsonl.h. */
int
np_jsonl_split_part(const struct np_jsonl_set *v, size_t n)
{
	size_t i;

	np_out_write((const char *)&n, sizeof(n));
	for (i = 0; i < n; i++) {
		frame_put(v[i].name, strlen(v[i].name));
		frame_put(v[i].json, v[i].len);
	}
	return NP_OK;
}

/*
 * Writes the object with the members framed at cap[*p..] set (replaced
 * in place or added) and "part":N set; advances *p past them.
 */
static void
write_part(const char *line, size_t len, const struct np_json_member *m, int n,
    size_t close, const char *cap, size_t *p, size_t part)
{
	enum { MAXSET = 16 };
	const char *name[MAXSET + 1], *val[MAXSET + 1];
	size_t nlen[MAXSET + 1], vlen[MAXSET + 1], k, ns, at = 0, i;
	char num[24];
	int j, added = n > 0;

	ns = frame_len(cap, p);
	for (k = 0; k < ns; k++) {
		size_t a = frame_len(cap, p);
		const char *ap = cap + *p;
		size_t b;

		*p += a;
		b = frame_len(cap, p);
		if (k < MAXSET) {
			name[k] = ap;
			nlen[k] = a;
			val[k] = cap + *p;
			vlen[k] = b;
		}
		*p += b;
	}
	if (ns > MAXSET)
		ns = MAXSET;
	name[ns] = "part";
	nlen[ns] = 4;
	vlen[ns] = (size_t)snprintf(num, sizeof(num), "%zu", part);
	val[ns] = num;
	ns++;
	/* members in input order, each set one replaced in place */
	for (j = 0; j < n; j++) {
		for (i = 0; i < ns; i++)
			if (nlen[i] != SIZE_MAX && key_is(line, m[j].key, name[i], nlen[i]))
				break;
		if (i == ns)
			continue;
		np_out_write(line + at, m[j].value.start - at);
		np_out_write(val[i], vlen[i]);
		at = m[j].value.end;
		nlen[i] = SIZE_MAX;	/* done */
	}
	np_out_write(line + at, close - at);
	for (i = 0; i < ns; i++) {
		if (nlen[i] == SIZE_MAX)
			continue;
		if (added)
			np_out_putc(',');
		added = 1;
		np_out_json_string(name[i], nlen[i]);
		np_out_putc(':');
		np_out_write(val[i], vlen[i]);
	}
	/* the closing brace and whatever followed it (a CR) */
	np_out_write(line + close, len - close);
	np_out_putc('\n');
}

/* jansson's allocations go through these, so that a failed one is out
 * of memory, not a malformed line (jansson reports both as parse
 * errors). */
static int alloc_failed;

static void *
hook_malloc(size_t n)
{
	void *p;

	/* jansson goes on after a failed allocation (one more per byte of
	 * a string): fail the rest of the line at once */
	if (alloc_failed || (p = malloc(n)) == NULL) {
		alloc_failed = 1;
		return NULL;
	}
	return p;
}

static void
alloc_hooks(void)
{
	static int done;

	if (!done) {
		json_set_alloc_funcs(hook_malloc, free);
		done = 1;
	}
}

/* Reports a malformed line; returns what np_jsonl_line should return.
 * --on-error=pass copies it through unchanged. */
static int
bad_line(struct np_cli *cli, const char *name, size_t lineno, const char *why,
    const char *line, size_t len)
{
	np_doc_warn(cli, "%s: line %zu: %s", name, lineno, why);
	if (cli->skip_bad != NP_ON_ERROR_STOP) {
		if (cli->skip_bad == NP_ON_ERROR_PASS) {
			np_out_write(line, len);
			np_out_putc('\n');
		}
		cli->bad_lines++;
		return NP_OK;
	}
	cli->status = 1;
	return NP_EINVAL;
}

/* Handles one JSON Lines record; see jsonl.h. */
int
np_jsonl_line(struct np_cli *cli, const char *name, size_t lineno,
    const char *line, size_t len, np_doc_fn fn, void *arg)
{
	static struct np_buf cap, val;
	static struct np_json_member m[MAX_MEMBERS];
	json_error_t jerr;
	json_t *obj, *field;
	size_t close, start, part;
	int n, rc;

	if (np_is_blank(line, 0, len)) {
		np_out_write(line, len);
		np_out_putc('\n');
		return NP_OK;
	}
	alloc_hooks();
	alloc_failed = 0;
	obj = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (alloc_failed) {
		json_decref(obj);
		np_die("%s", np_strerror(NP_ENOMEM));
	}
	if (obj == NULL)
		return bad_line(cli, name, lineno, jerr.text, line, len);
	if (!json_is_object(obj)) {
		json_decref(obj);
		return bad_line(cli, name, lineno, "not a JSON object", line, len);
	}
	field = json_object_get(obj, cli->field);
	if (!json_is_string(field)) {
		char why[256];

		snprintf(why, sizeof(why), "no string field \"%s\"", cli->field);
		json_decref(obj);
		return bad_line(cli, name, lineno, why, line, len);
	}
	n = np_json_members(line, len, m, MAX_MEMBERS, &close);
	if (n < 0 || n > MAX_MEMBERS) {
		json_decref(obj);
		return bad_line(cli, name, lineno, n < 0 ? "not a JSON object" :
		    "too many top-level keys", line, len);
	}
	cli->docno++;
	cli->jsonl_in = 1;
	np_buf_clear(&cap);
	np_out_capture(&cap);
	rc = fn(arg, cli, json_string_value(field), json_string_length(field));
	np_out_capture(NULL);
	json_decref(obj);
	cli->jsonl_in = 0;
	if (rc == NP_ENOMEM)
		np_die("%s", np_strerror(rc));
	if (rc < 0) {
		np_doc_warn(cli, "%s: line %zu: %s", name, lineno, np_strerror(rc));
		cli->status = 1;
		np_out_write(line, len);
		np_out_putc('\n');
		return NP_OK;
	}
	switch (cli->jsonl_kind) {
	case NP_JSONL_REPLACE:
		np_buf_clear(&val);
		if (np_json_escape(&val, cap.data ? cap.data : "", cap.len) != NP_OK)
			np_die("%s", np_strerror(NP_ENOMEM));
		write_spliced(line, len, m, n, close, cli->to ? cli->to : cli->field,
		    val.data, val.len, 0);
		break;
	case NP_JSONL_ADD:
		write_spliced(line, len, m, n, close, cli->jsonl_key,
		    cap.len ? cap.data : "null", cap.len ? cap.len : 4, 0);
		break;
	case NP_JSONL_SPLIT:
		/* parts framed by np_jsonl_split_part */
		for (start = 0, part = 0; start + sizeof(size_t) <= cap.len;)
			write_part(line, len, m, n, close, cap.data, &start, ++part);
		break;
	}
	return NP_OK;
}
