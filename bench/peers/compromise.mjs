// bench/peers/compromise.mjs - the compromise peer for extract-quotes.
// Reads NUL-terminated documents on stdin; for each prints the text of
// every quotation nlp(doc).quotations() finds, one a line.  Prints
// "peer-seconds S" on stderr: the time spent in compromise, start-up and
// reading excluded (in the peer's favour).
import nlp from 'compromise';
import { readFileSync, writeSync } from 'node:fs';

const input = readFileSync(0, 'utf8');
const docs = input.split('\0');
if (docs.length && docs[docs.length - 1] === '') docs.pop();
const t0 = process.hrtime.bigint();
const out = [];
docs.forEach((doc, i) => {
	for (const q of nlp(doc).quotations().out('array'))
		out.push(`${i + 1}\t${q.replace(/\s/g, ' ')}`);
	out.push('\0');
});
const t1 = process.hrtime.bigint();
writeSync(1, out.join('\n'));
process.stderr.write(`peer-seconds ${Number(t1 - t0) / 1e9}\n`);
