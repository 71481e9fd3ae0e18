// bench/peers/readability.mjs - the @mozilla/readability peer for
// strip-boilerplate's HTML mode: Firefox's reader view, on linkedom's DOM.
//
//   node readability.mjs < pages.z     NUL-terminated pages; for each, the
//                                      article's title and text, then a NUL;
//                                      "peer-seconds S" on stderr: the time
//                                      spent decoding, parsing and
//                                      extracting (start-up and reading
//                                      excluded, in the peer's favour)
//   node readability.mjs --page < f    one page (what eval_boilerplate.py
//                                      runs per file, for its accuracy)
//
// A page's bytes are decoded as a browser would: a BOM, else the charset
// its <meta> declares in the first 1024 bytes, else UTF-8 (TextDecoder, so
// windows-1252, windows-1251 and KOI8-R too).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readFileSync, writeSync } from 'node:fs';

// windows-1252's 0x80-0x9F (browsers read ISO-8859-1 as windows-1252 too;
// this Node's TextDecoder drops those bytes).
const CP1252 = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
    '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decode1252(buf) {
	let s = '';
	for (let i = 0; i < buf.length; i += 8192) {
		const a = Array.from(buf.subarray(i, i + 8192), b => b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b));
		s += a.join('');
	}
	return s;
}

function decode(buf) {
	if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
		return new TextDecoder('utf-8').decode(buf.subarray(3));
	const head = buf.subarray(0, 1024).toString('latin1');
	const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
	let cs = m ? m[1].toLowerCase() : 'utf-8';
	if (/^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin1|us-ascii)$/.test(cs))
		return decode1252(buf);
	try {
		return new TextDecoder(cs).decode(buf);
	} catch {
		return new TextDecoder('utf-8').decode(buf);
	}
}

// The article of one page as text: title, then one paragraph a line.
// A page it throws on (linkedom or readability) gives no text.
function extract(buf) {
	let a;
	try {
		const { document } = parseHTML(decode(buf));
		a = new Readability(document).parse();
	} catch {
		return '';
	}
	if (!a)
		return '';
	const body = (a.textContent || '').split(/\n\s*\n|\n/).map(s => s.replace(/\s+/g, ' ').trim())
	    .filter(s => s).join('\n');
	return (a.title ? a.title + '\n' : '') + body + '\n';
}

const input = readFileSync(0);
if (process.argv[2] === '--page') {
	writeSync(1, extract(input));
} else {
	const pages = [];
	for (let s = 0, i; s < input.length; s = i + 1) {
		i = input.indexOf(0, s);
		if (i < 0)
			i = input.length;
		pages.push(input.subarray(s, i));
	}
	const t0 = process.hrtime.bigint();
	const out = pages.map(p => extract(p) + '\0');
	const t1 = process.hrtime.bigint();
	writeSync(1, out.join(''));
	process.stderr.write(`peer-seconds ${Number(t1 - t0) / 1e9}\n`);
}
