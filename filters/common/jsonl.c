/*
 * jsonl.c - JSON Lines in the CLI frame.
 *
 * A line is checked and its members located by np_json_scan (json.c), a
 * validating scan that builds nothing: the field is decoded only when it
 * holds an escape (else the engine reads it in place), and the line is
 * written back by splicing: the replaced value is cut out and the new one
 * put in its place, members the tool adds go before the closing brace of
 * their object, and every other byte is copied as it was.  jansson is not
 * used here: parsing a whole line into a tree took 42-65 % of the time of
 * every tool in this mode (issue #20), and it rejects what other writers
 * produce (lone surrogate escapes, big integers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsprep/json.h"
#include "newsprep/jsonl.h"
#include "newsprep/segment.h"

/* The paths one line is scanned for. */
enum { P_FIELD, P_TARGET, P_AUX, NPATHS };

struct paths {
	const struct np_cli *cli;	/* built for this frame */
	const char *field, *to, *key, *aux;
	int kind;
	struct np_json_path p[NPATHS];
};

/* Builds the paths for cli's options (once: they do not change). */
static int
build_paths(struct paths *ps, const struct np_cli *cli)
{
	const char *target;

	if (ps->cli == cli && ps->field == cli->field && ps->to == cli->to &&
	    ps->key == cli->jsonl_key && ps->kind == (int)cli->jsonl_kind &&
	    ps->aux == cli->jsonl_aux)
		return NP_OK;
	memset(ps, 0, sizeof(*ps));
	ps->cli = cli;
	ps->kind = (int)cli->jsonl_kind;
	ps->aux = cli->jsonl_aux;
	/* no aux: a path of no keys, which matches no member */
	if (cli->jsonl_aux != NULL && np_json_path_parse(&ps->p[P_AUX], cli->jsonl_aux) != NP_OK)
		return NP_EINVAL;
	ps->field = cli->field;
	ps->to = cli->to;
	ps->key = cli->jsonl_key;
	if (np_json_path_parse(&ps->p[P_FIELD], cli->field) != NP_OK)
		return NP_EINVAL;
	/* where the output goes: --to, else the field itself (REPLACE,
	 * SPLIT) or the tool's key (ADD) */
	target = cli->to ? cli->to : cli->jsonl_kind == NP_JSONL_ADD && cli->jsonl_key ?
	    cli->jsonl_key : cli->field;
	return np_json_path_parse(&ps->p[P_TARGET], target);
}

/* One change to the line: bytes [start, end) replaced by a value, or
 * (start == end) a member inserted before a closing brace. */
struct edit {
	size_t start, end;
	int insert;		/* adds a member */
	int empty;		/* into an object that has no members */
	const struct np_json_path *path;	/* insert: the keys from depth on */
	int depth;
	const char *name;	/* insert of a top-level member by name */
	size_t nlen;
	const char *val;	/* raw JSON */
	size_t vlen;
	int order;
};

struct edits {
	struct edit *v;
	size_t n, cap;
};

static int
edit_cmp(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->order - y->order;
}

static struct edit *
new_edit(struct edits *es)
{
	if (np_grow(&es->v, &es->cap, es->n, sizeof(*es->v), 16) != NP_OK)
		np_die("%s", np_strerror(NP_ENOMEM));
	memset(&es->v[es->n], 0, sizeof(es->v[0]));
	es->v[es->n].order = (int)es->n;
	return &es->v[es->n++];
}

/* The state of the line being handled. */
static struct {
	const char *line;
	size_t len, skip;	/* skip: a BOM before the object */
	struct np_json_hit hits[NPATHS];
	struct paths *paths;
	const struct np_json_member *mem;	/* offsets into line + skip */
	size_t nmem;
	size_t top_close;	/* the top-level closing brace (in line) */
	int top_empty;
} cur;

/* The aux field of the line being handled; see jsonl.h. */
int
np_jsonl_aux(const struct np_cli *cli, const char **s, size_t *n)
{
	static struct np_buf b;
	const struct np_json_hit *h = &cur.hits[P_AUX];

	if (!cli->jsonl_in || cli->jsonl_aux == NULL || !h->found || !h->string)
		return 0;
	np_buf_clear(&b);
	if (np_json_decode(&b, cur.line + h->value.start + 1,
	    h->value.end - h->value.start - 2) != NP_OK)
		return 0;
	*s = b.data ? b.data : "";
	*n = b.len;
	return 1;
}

/* Adds the edit that sets the output path to val. */
static int
edit_target(struct edits *es, const char *val, size_t vlen)
{
	const struct np_json_hit *h = &cur.hits[P_TARGET];
	struct edit *e;

	if (!h->found && h->blocked)
		return NP_EINVAL;
	e = new_edit(es);
	e->val = val;
	e->vlen = vlen;
	if (h->found) {
		e->start = h->value.start;
		e->end = h->value.end;
	} else {
		e->start = e->end = h->close;
		e->insert = 1;
		e->empty = h->empty;
		e->path = &cur.paths->p[P_TARGET];
		e->depth = h->depth;
	}
	return NP_OK;
}

/* Adds the edit that sets the top-level member name to val (the last
 * one of that name when it repeats). */
static void
edit_member(struct edits *es, const char *name, size_t nl, const char *val, size_t vlen)
{
	struct edit *e = new_edit(es);
	size_t i;

	e->val = val;
	e->vlen = vlen;
	for (i = cur.nmem; i-- > 0;)
		if (np_json_key_is(cur.line + cur.skip, &cur.mem[i], name, nl)) {
			e->start = cur.mem[i].value.start + cur.skip;
			e->end = cur.mem[i].value.end + cur.skip;
			return;
		}
	e->start = e->end = cur.top_close;
	e->insert = 1;
	e->empty = cur.top_empty;
	e->name = name;
	e->nlen = nl;
}

/* Writes the line with the edits made.  Returns NP_EINVAL (writing
 * nothing) when two of them overlap. */
static int
write_edits(struct edits *es)
{
	size_t pos = 0, last_insert = (size_t)-1, i;
	int k;

	qsort(es->v, es->n, sizeof(es->v[0]), edit_cmp);
	for (i = 1; i < es->n; i++)
		if (es->v[i].start < es->v[i - 1].end)
			return NP_EINVAL;
	for (i = 0; i < es->n; i++) {
		const struct edit *e = &es->v[i];

		np_out_write(cur.line + pos, e->start - pos);
		if (e->insert) {
			/* a comma unless the object was empty and nothing was
			 * added to it yet */
			if (!e->empty || last_insert == e->start)
				np_out_putc(',');
			last_insert = e->start;
			if (e->name != NULL) {
				np_out_json_string(e->name, e->nlen);
				np_out_putc(':');
				np_out_write(e->val, e->vlen);
			} else {
				for (k = e->depth; k < e->path->n; k++) {
					np_out_json_string(e->path->seg[k], e->path->len[k]);
					np_out_putc(':');
					if (k < e->path->n - 1)
						np_out_putc('{');
				}
				np_out_write(e->val, e->vlen);
				for (k = e->depth; k < e->path->n - 1; k++)
					np_out_putc('}');
			}
		} else
			np_out_write(e->val, e->vlen);
		pos = e->end;
	}
	/* the rest: the closing brace and whatever followed it (a CR) */
	np_out_write(cur.line + pos, cur.len - pos);
	np_out_putc('\n');
	return NP_OK;
}

/* Reads a length-framed size_t at d + *p (np_jsonl_split_part). */
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

/* The members a tool sets beside its output (np_jsonl_extra), framed as
 * a split part is; cleared before each object. */
static struct np_buf extra;

/* Notes members to set on the output object; see jsonl.h. */
int
np_jsonl_extra(const struct np_jsonl_set *v, size_t n)
{
	size_t i, l, old = 0;

	if (n == 0)
		return NP_OK;
	if (extra.len == 0 && np_buf_append(&extra, &old, sizeof(old)) != NP_OK)
		return NP_ENOMEM;
	memcpy(&old, extra.data, sizeof(old));
	old += n;
	memcpy(extra.data, &old, sizeof(old));
	for (i = 0; i < n; i++) {
		l = strlen(v[i].name);
		if (np_buf_append(&extra, &l, sizeof(l)) != NP_OK ||
		    np_buf_append(&extra, v[i].name, l) != NP_OK ||
		    np_buf_append(&extra, &v[i].len, sizeof(v[i].len)) != NP_OK ||
		    np_buf_append(&extra, v[i].json, v[i].len) != NP_OK)
			return NP_ENOMEM;
	}
	return NP_OK;
}

/* Adds the edits for the members framed at cap[*p..] (a split part's or
 * np_jsonl_extra's); the field's own name means the output path (--to,
 * nested paths).  Returns NP_EINVAL when that cannot be spliced. */
static int
edit_framed(struct edits *es, const char *cap, size_t *p)
{
	size_t ns, k, nl, vl;
	const char *nm, *vv;
	const char *field = cur.paths->field;
	int rc = NP_OK;

	ns = frame_len(cap, p);
	for (k = 0; k < ns; k++) {
		nl = frame_len(cap, p);
		nm = cap + *p;
		*p += nl;
		vl = frame_len(cap, p);
		vv = cap + *p;
		*p += vl;
		if (nl == strlen(field) && memcmp(nm, field, nl) == 0) {
			if (edit_target(es, vv, vl) != NP_OK)
				rc = NP_EINVAL;
		} else
			edit_member(es, nm, nl, vv, vl);
	}
	return rc;
}

/* Writes one part framed at cap[*p..]: the members set, "part":N set.
 * Returns NP_EINVAL when it cannot be spliced. */
static int
write_part(const char *cap, size_t *p, size_t part)
{
	static struct edits es;
	char num[24];
	int rc;

	es.n = 0;
	rc = edit_framed(&es, cap, p);
	edit_member(&es, "part", 4, num, (size_t)snprintf(num, sizeof(num), "%zu", part));
	if (rc != NP_OK)
		return rc;
	return write_edits(&es);
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

/* Reports a line whose output cannot be spliced in, and writes it back
 * unchanged. */
static void
unsplicable(struct np_cli *cli, const char *name, size_t lineno)
{
	np_doc_warn(cli, "%s: line %zu: cannot set \"%s\" there (a key on its path holds "
	    "no object)", name, lineno, cli->to ? cli->to : cli->field);
	cli->status = 1;
	np_out_write(cur.line, cur.len);
	np_out_putc('\n');
}

/* Handles one JSON Lines record; see jsonl.h. */
int
np_jsonl_line(struct np_cli *cli, const char *name, size_t lineno,
    const char *line, size_t len, np_doc_fn fn, void *arg)
{
	static struct paths ps;
	static struct np_buf cap, dec;
	static struct edits es;
	struct np_json_error err;
	struct np_json_hit *f;
	const char *text;
	size_t tlen, k, start, part, skip = 0;
	char *term = NULL, saved_byte = 0;
	int rc;

	if (np_is_blank(line, 0, len)) {
		np_out_write(line, len);
		np_out_putc('\n');
		return NP_OK;
	}
	if (build_paths(&ps, cli) != NP_OK)
		np_die("--field or --to: not a usable member path");
	/* a byte order mark starts the file: kept, not parsed */
	if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	rc = np_json_scan(line + skip, len - skip, ps.p, cur.hits, NPATHS, &err);
	if (rc == NP_ENOMEM)
		np_die("%s", np_strerror(rc));
	if (rc != NP_OK) {
		char why[160];

		snprintf(why, sizeof(why), "malformed JSON at byte %zu: %s", err.at + skip + 1,
		    err.why);
		return bad_line(cli, name, lineno, why, line, len);
	}
	f = &cur.hits[P_FIELD];
	if (!f->found || !f->string) {
		char why[256];

		snprintf(why, sizeof(why), "no string field \"%s\"", cli->field);
		return bad_line(cli, name, lineno, why, line, len);
	}
	/* offsets into line + skip made into line */
	for (k = 0; k < NPATHS; k++) {
		cur.hits[k].value.start += skip;
		cur.hits[k].value.end += skip;
		cur.hits[k].close += skip;
	}
	cur.line = line;
	cur.len = len;
	cur.skip = skip;
	cur.paths = &ps;
	cur.mem = np_json_scan_members(&cur.nmem);
	{
		/* the top-level close: the last byte '}' before trailing space */
		size_t e = len;

		while (e > 0 && line[e - 1] != '}')
			e--;
		cur.top_close = e - 1;
		cur.top_empty = cur.nmem == 0;
	}
	/* the text: in place when it has no escape (the closing quote is
	 * made a NUL for the engine's sake and put back after: the reader's
	 * buffer is ours), else decoded once */
	if (!f->escaped) {
		text = line + f->value.start + 1;
		tlen = f->value.end - f->value.start - 2;
		term = (char *)(uintptr_t)(line + f->value.end - 1);
		saved_byte = *term;
		*term = '\0';
	} else {
		np_buf_clear(&dec);
		if ((rc = np_json_decode(&dec, line + f->value.start + 1,
		    f->value.end - f->value.start - 2)) != NP_OK)
			np_die("%s", np_strerror(rc));
		text = dec.data ? dec.data : "";
		tlen = dec.len;
	}
	cli->docno++;
	cli->jsonl_in = 1;
	np_buf_clear(&cap);
	np_buf_clear(&extra);
	if (cli->jsonl_kind == NP_JSONL_REPLACE) {
		/* escaped as it is written: one pass, one copy */
		np_buf_putc(&cap, '"');
		np_out_capture_json(&cap, NP_JSON_SURROGATES);
	} else
		np_out_capture(&cap);
	rc = fn(arg, cli, text, tlen);
	np_out_capture(NULL);
	if (term != NULL)
		*term = saved_byte;
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
	es.n = 0;
	switch (cli->jsonl_kind) {
	case NP_JSONL_REPLACE:
		if (np_buf_putc(&cap, '"') != NP_OK)
			np_die("%s", np_strerror(NP_ENOMEM));
		start = 0;
		if (edit_target(&es, cap.data, cap.len) != NP_OK ||
		    (extra.len && edit_framed(&es, extra.data, &start) != NP_OK) ||
		    write_edits(&es) != NP_OK)
			unsplicable(cli, name, lineno);
		break;
	case NP_JSONL_ADD:
		if (edit_target(&es, cap.len ? cap.data : "null", cap.len ? cap.len : 4) != NP_OK ||
		    write_edits(&es) != NP_OK)
			unsplicable(cli, name, lineno);
		break;
	case NP_JSONL_SPLIT:
		/* parts framed by np_jsonl_split_part */
		for (start = 0, part = 0; start + sizeof(size_t) <= cap.len;)
			if (write_part(cap.data, &start, ++part) != NP_OK) {
				unsplicable(cli, name, lineno);
				break;
			}
		break;
	}
	return NP_OK;
}
