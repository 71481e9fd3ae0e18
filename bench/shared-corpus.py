"""shared-corpus.py - the second benchmark corpus, from ../shared/data.

usage: python3 bench/shared-corpus.py DATADIR OUT.z OUT.jsonl [REPEAT]

Gathers the documents of the evaluation data when it is present (pages
rendered to text from the boilerplate sets, the news texts of the quotes
and dates sets, the LexisNexis sample of the split set) and writes them
as NUL-separated documents and as JSON Lines ({"id": N, "text": ...}), the
same documents in both, the whole set REPEAT times over (default 1: a
bigger corpus gives steadier timings).  The data is read where it lies and the corpus is
written to bench/corpus/ (not committed): the texts belong to their
publishers and never enter the project.  Prints "documents N bytes B".
"""

import glob
import json
import os
import sys

data, out_z, out_j = sys.argv[1:4]
repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 1
docs = []


def add(raw):
    """One document: bytes as UTF-8 (invalid bytes replaced), no NUL."""
    text = raw.decode("utf-8", "replace").replace("\0", "")
    if text.strip():
        docs.append(text)


for sub in ("boilerplate/dev", "boilerplate/l3s-dev"):
    for f in sorted(glob.glob(os.path.join(data, sub, "*.txt"))):
        if not f.endswith(".gold.txt"):
            with open(f, "rb") as fh:
                add(fh.read())
for pattern in ("quotes/*.docs.jsonl", "dates/*gold.jsonl"):
    for f in sorted(glob.glob(os.path.join(data, pattern))):
        with open(f, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.strip():
                    t = json.loads(line).get("text")
                    if isinstance(t, str):
                        add(t.encode("utf-8", "replace"))
for f in sorted(glob.glob(os.path.join(data, "split", "*.txt"))):
    with open(f, "rb") as fh:
        add(fh.read())

n = 0
with open(out_z, "wb") as z, open(out_j, "w", encoding="utf-8") as j:
    for i, t in enumerate(docs * repeat, 1):
        b = t.encode("utf-8")
        n += len(b)
        z.write(b + b"\0")
        j.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
print("documents %d bytes %d" % (len(docs) * repeat, n))
