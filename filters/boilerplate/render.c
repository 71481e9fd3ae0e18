/*
 * render.c - the text of a classified page, as strip-boilerplate prints
 * it: the kept units (or, inverted, what was removed) with their own
 * line endings and a blank line between units of different paragraphs.
 * It lives in the library, not in the tool, so that every caller (the
 * tool, the Python module through newsprep/api.h) gives the same bytes.
 */
#include <string.h>
#include "newsprep/boilerplate.h"

/* Appends unit b's line ending (or nothing when it ends the input). */
static int
put_ending(struct np_buf *o, const char *buf, const struct np_bp_block *b)
{
	if (b->next > b->end)
		return np_buf_append(o, buf + b->end, b->next - b->end);
	return NP_OK;
}

/* Appends buf[s, e) with every run of white space that holds a line
 * break as one space (*lead: no text written yet, so white space at the
 * start is dropped). */
static int
append_unwrapped(struct np_buf *o, const char *buf, size_t s, size_t e, int *lead)
{
	size_t i = s, run;
	int rc = NP_OK;

	while (i < e && rc == NP_OK) {
		const char *nl = memchr(buf + i, '\n', e - i);
		size_t stop = nl != NULL ? (size_t)(nl - buf) : e, a = stop, z = stop;

		if (nl == NULL) {
			if (*lead)
				while (i < e && (buf[i] == ' ' || buf[i] == '\t'))
					i++;
			if (i < e)
				*lead = 0;
			return np_buf_append(o, buf + i, e - i);
		}
		/* the white space around the line break */
		while (a > i && (buf[a - 1] == ' ' || buf[a - 1] == '\t' || buf[a - 1] == '\r'))
			a--;
		while (z < e && (buf[z] == ' ' || buf[z] == '\t' || buf[z] == '\r' || buf[z] == '\n'))
			z++;
		if (*lead)
			while (i < a && (buf[i] == ' ' || buf[i] == '\t'))
				i++;
		run = a - i;
		if (run > 0) {
			rc = np_buf_append(o, buf + i, run);
			*lead = 0;
		}
		if (rc == NP_OK && !*lead && z < e)
			rc = np_buf_putc(o, ' ');
		i = z;
	}
	return rc;
}

/* Appends the kept part of unit b, leaving out the captions inside it
 * (unwrap: on one line). */
static int
put_kept(struct np_buf *o, const char *buf, const struct np_bp_block *b, int unwrap)
{
	size_t at = b->keep_start;
	int i, rc = NP_OK, lead = 1;

	for (i = 0; i <= b->nholes && rc == NP_OK; i++) {
		size_t e = i < b->nholes ? b->holes[i].start : b->keep_end;

		rc = unwrap ? append_unwrapped(o, buf, at, e, &lead) :
		    np_buf_append(o, buf + at, e - at);
		if (i < b->nholes)
			at = b->holes[i].end;
	}
	return rc;
}

/* Appends what an inverted run prints for unit b: all of a removed unit,
 * or the furniture cut off a kept unit's ends and out of its middle. */
static int
put_removed(struct np_buf *o, const char *buf, const struct np_bp_block *b)
{
	int k, rc = NP_OK;

	if (b->cls != NP_BP_GOOD) {
		if ((rc = np_buf_append(o, buf + b->start, b->end - b->start)) != NP_OK)
			return rc;
		return put_ending(o, buf, b);
	}
	if (b->keep_start > b->start &&
	    ((rc = np_buf_append(o, buf + b->start, b->keep_start - b->start)) != NP_OK ||
	    (rc = np_buf_putc(o, '\n')) != NP_OK))
		return rc;
	for (k = 0; k < b->nholes; k++)
		if ((rc = np_buf_append(o, buf + b->holes[k].start,
		    b->holes[k].end - b->holes[k].start)) != NP_OK ||
		    (rc = np_buf_putc(o, '\n')) != NP_OK)
			return rc;
	if (b->keep_end < b->end &&
	    ((rc = np_buf_append(o, buf + b->keep_end, b->end - b->keep_end)) != NP_OK ||
	    (rc = put_ending(o, buf, b)) != NP_OK))
		return rc;
	return NP_OK;
}

int
np_boilerplate_render(const char *buf, const struct np_bp_result *res, int invert,
    int after, struct np_buf *out, int *printed)
{
	size_t i, last_para = SIZE_MAX;
	const struct np_bp_block *prev = NULL;
	int rc = NP_OK;

	if (res->text != NULL)
		buf = res->text;	/* a page rebuilt column by column */
	for (i = 0; i < res->n && rc == NP_OK; i++) {
		const struct np_bp_block *b = &res->v[i];
		int kept = b->cls == NP_BP_GOOD;

		if (!invert && !kept)
			continue;
		if (invert && kept && b->keep_start == b->start && b->keep_end == b->end &&
		    b->nholes == 0)
			continue;
		if (prev == NULL && after)
			rc = np_buf_putc(out, '\n');
		/* a blank line between units from different paragraphs */
		if (rc == NP_OK && prev != NULL && b->para != last_para) {
			if (prev->next > prev->end)
				rc = np_buf_append(out, buf + prev->end, prev->next - prev->end);
			else
				rc = np_buf_putc(out, '\n');
		}
		if (rc == NP_OK && prev != NULL && prev->next == prev->end)
			rc = np_buf_putc(out, '\n');	/* the previous unit ended the input */
		if (rc != NP_OK)
			break;
		if (invert)
			rc = put_removed(out, buf, b);
		else if ((rc = put_kept(out, buf, b, res->unwrap)) == NP_OK)
			rc = b->keep_end == b->end ? put_ending(out, buf, b) : np_buf_putc(out, '\n');
		prev = b;
		last_para = b->para;
	}
	if (printed != NULL)
		*printed = prev != NULL;
	return rc;
}
