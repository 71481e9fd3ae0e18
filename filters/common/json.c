/* json.c - any bytes as a JSON string literal. */
#include <stdio.h>
#include <string.h>
#include "newsprep/json.h"
#include "newsprep/utf8.h"

/* Appends s as a JSON string: escapes quotes, backslashes and control
 * characters, copies valid UTF-8 runs as they are, and writes U+FFFD for
 * each invalid byte, since JSON text must be UTF-8. */
int
np_json_escape(struct np_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0, adv;

	if (np_buf_putc(b, '"') != NP_OK)
		return NP_ENOMEM;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			if (np_utf8_decode(s + i, n - i, &adv) != NP_UTF8_INVALID) {
				i += adv;
				continue;
			}
			esc = "\xEF\xBF\xBD";
		} else if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\\t";
		else if (c == '\r')
			esc = "\\r";
		else {
			u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
			u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = '\0';
			esc = u;
		}
		if (np_buf_append(b, s + run, i - run) != NP_OK ||
		    np_buf_append(b, esc, strlen(esc)) != NP_OK)
			return NP_ENOMEM;
		i++;
		run = i;
	}
	if (np_buf_append(b, s + run, i - run) != NP_OK)
		return NP_ENOMEM;
	return np_buf_putc(b, '"');
}
