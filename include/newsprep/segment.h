/*
 * newsprep/segment.h - lines, paragraphs (blocks) and sentences, as byte
 * spans into the document.
 *
 * Lines end at LF; a CR before the LF is not part of the line's content.
 * A block is a run of non-blank lines; blank means only white space
 * (space, tab, CR, form feed, NBSP).  Sentences are split inside a span
 * at . ! ? (and … and their full-width forms) followed by white space and
 * a plausible sentence start, except after known abbreviations ("Mr.",
 * "Gen.", "U.S."), initials ("Charles Q. Brown"), inside decimals
 * ("3.5") and with closing quotes or brackets kept in the sentence they
 * end ("He left." She said.).
 */
#ifndef NEWSPREP_SEGMENT_H
#define NEWSPREP_SEGMENT_H

#include "newsprep/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One line: content is [start, end); the line ending (CRLF or LF, or
 * nothing at end of input) runs to `next`, where the next line starts. */
struct np_line {
	size_t start;
	size_t end;
	size_t next;
};

/*
 * Reads the line at *pos, fills *line and advances *pos.  Returns 1 for a
 * line, 0 when *pos >= len.  Uses memchr: fast on long lines.
 */
int np_next_line(const char *buf, size_t len, size_t *pos, struct np_line *line);

/* True when buf[start, end) holds only white space. */
int np_is_blank(const char *buf, size_t start, size_t end);

/*
 * Appends the blocks of buf (runs of non-blank lines) to *out.  Each span
 * runs from the first byte of its first line to the end of the content of
 * its last line (line ending excluded).  Returns NP_OK or NP_ENOMEM.
 */
int np_blocks(const char *buf, size_t len, struct np_spans *out);

/*
 * Appends the sentences of buf[start, end) to *out, each trimmed of
 * surrounding white space.  Returns NP_OK or NP_ENOMEM.
 */
int np_sentences(const char *buf, size_t start, size_t end, struct np_spans *out);

/* True when the word ending at buf[pos] (pos indexes the '.') is a known
 * abbreviation that does not end a sentence by itself ("Mr", "Gen",
 * "U.S", "Jan", single initials).  Exposed for engines that scan
 * sentence ends themselves. */
int np_is_abbreviation(const char *buf, size_t len, size_t dot);

#ifdef __cplusplus
}
#endif

#endif
