// bench/peers/chrono.mjs - the chrono-node peer for normalize-dates.
// Reads NUL-terminated documents on stdin; for each prints one line per
// date chrono.parse finds (document number, index, text, start date),
// like `normalize-dates -z -l`.  Prints "peer-seconds S" on stderr: the
// time spent parsing, start-up and reading excluded (in the peer's
// favour).
import * as chrono from 'chrono-node';
import { readFileSync, writeSync } from 'node:fs';

const input = readFileSync(0, 'utf8');
const docs = input.split('\0');
if (docs.length && docs[docs.length - 1] === '') docs.pop();
const t0 = process.hrtime.bigint();
const out = [];
docs.forEach((doc, i) => {
	for (const r of chrono.parse(doc)) {
		const d = r.start.date();
		out.push(`${i + 1}\t${r.index}\t${r.text.replace(/\s/g, ' ')}\t${d.toISOString().slice(0, 10)}`);
	}
	out.push('\0');
});
const t1 = process.hrtime.bigint();
writeSync(1, out.join('\n'));
process.stderr.write(`peer-seconds ${Number(t1 - t0) / 1e9}\n`);
