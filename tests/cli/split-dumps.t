#!/bin/sh
# split-dumps.t - split-articles on invented dumps of every shape it knows
# (mailboxes, feeds, Markdown and plain digests, wire runs, alerts, database
# exports in several languages): each file in fixtures/dumps/ must be cut
# exactly at its NAME.gold.json starts, losslessly, with the gold metadata on
# every part (tests/eval/split_gold.py), in text mode and through --jsonl input.
. tests/cli/lib.sh

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # skip python3 is needed to read the gold files"
	exit 0
fi
D=$FIX/dumps
for g in "$D"/*.gold.json; do
	f=${g%.gold.json}.txt
	name=$(basename "$f" .txt)
	python3 tests/eval/split_gold.py -q --bin "${NP_BIN:-bin}" --one "$f" > "$T/res" 2>&1
	ok $? "$name: cuts, lossless, metadata"
	sed 's/^/#   /' "$T/res" | grep -v '^#   files' | head -20
	# the same through JSON Lines input: one object per part, text kept
	python3 -c 'import json,sys; print(json.dumps({"id": "d1", "text": open(sys.argv[1], encoding="utf-8", newline="").read()}))' \
	    "$f" > "$T/in.jsonl"
	run split-articles --jsonl "$T/in.jsonl"
	python3 - "$OUT" "$g" "$f" > "$T/res" 2>&1 <<'PY'
import json, sys
parts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
gold = json.load(open(sys.argv[2], encoding="utf-8"))
text = open(sys.argv[3], encoding="utf-8", newline="").read()
bad = []
if "".join(p["text"] for p in parts) != text:
    bad.append("parts do not give back the text")
if [p.get("part") for p in parts] != list(range(1, len(parts) + 1)) or any(p.get("id") != "d1" for p in parts):
    bad.append("id or part numbering wrong")
for k, gm in enumerate(gold.get("meta", [])):
    p = parts[k] if k < len(parts) else {}
    for f, want in gm.items():
        got = p.get(f)
        if isinstance(want, str) and isinstance(got, str):
            got, want = " ".join(got.split()), " ".join(want.split())
        if got != want:
            bad.append("part %d %s: got %r want %r" % (k + 1, f, got, want))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	ok $? "$name: --jsonl input parts with metadata"
	sed 's/^/#   /' "$T/res" | head -10
done
done_testing
