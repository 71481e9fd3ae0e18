"""bench/peers/dateparser_peer.py - the python3-dateparser peer for
normalize-dates.

Reads NUL-terminated documents on stdin; for each prints one line per
date dateparser.search.search_dates finds (document number, text, ISO
date), like `normalize-dates -z -l`.  The languages are given (en, de,
fr, es, it, ru: the corpus's) so no time goes to language detection.
Prints "peer-seconds S" on stderr: the time spent searching, start-up
and reading excluded (in the peer's favour).
"""
import sys
import time

from dateparser.search import search_dates

LANGS = ["en", "de", "fr", "es", "it", "ru"]


def main():
    data = sys.stdin.buffer.read().decode("utf-8", "replace")
    docs = data.split("\0")
    if docs and docs[-1] == "":
        docs.pop()
    out = []
    t0 = time.perf_counter()
    for i, doc in enumerate(docs, 1):
        for text, when in search_dates(doc, languages=LANGS) or []:
            out.append("%d\t%s\t%s\n" % (i, " ".join(text.split()), when.date().isoformat()))
        out.append("\0")
    t1 = time.perf_counter()
    sys.stdout.write("".join(out))
    sys.stderr.write("peer-seconds %f\n" % (t1 - t0))


if __name__ == "__main__":
    main()
