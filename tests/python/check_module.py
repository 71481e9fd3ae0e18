"""check_module.py - the Python module newsprep gives what the tools give.

usage: python3 tests/python/check_module.py BINDIR CORPUS.z [FILE]...

Runs each function of the module on every document (the NUL-separated
records of CORPUS.z and each FILE) and the tool of the same name on the
same documents as JSON Lines, and compares record for record.  Prints TAP.
Offsets: the module gives code points; when the tools' JSON still gives
bytes (no "byte_start" key beside "start"), the tools' offsets are turned
into code points here before comparing, so either way what is compared
is the same span.
"""

import datetime
import json
import os
import subprocess
import sys
import threading

import newsprep

BIN, CORPUS, FILES = sys.argv[1], sys.argv[2], sys.argv[3:]
n_test = 0
failed = 0


def ok(cond, desc, detail=None):
    """One TAP line."""
    global n_test, failed
    n_test += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n_test, desc))
    if not cond:
        failed += 1
        if detail:
            for line in str(detail)[:1500].splitlines():
                print("#   " + line)


def tool(args, docs):
    """Runs a tool with --jsonl on the documents; returns the objects."""
    inp = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                  for i, t in enumerate(docs))
    r = subprocess.run([os.path.join(BIN, args[0])] + args[1:] + ["--jsonl"],
                       input=inp.encode("utf-8"), stdout=subprocess.PIPE, check=True)
    return [json.loads(l) for l in r.stdout.decode("utf-8").splitlines() if l.strip()]


def to_cp(text, objs, keys, field=None):
    """The tool's offsets as code points.  The objects tell which they
    give: a quotation or date gives code points when text[start:end] is
    its FIELD; articles (no FIELD) partition the document, so the last one
    ends at len(text) in code points or at the byte length.  Byte offsets
    are turned into code points here."""
    b = text.encode("utf-8")
    if text.isascii() or not objs:
        return objs
    for o in objs:
        if field is None:
            in_bytes = objs[-1].get("end") == len(b)
        else:
            in_bytes = text[o["start"]:o["end"]] != o.get(field)
        if not in_bytes:
            continue
        for k in keys:
            if o.get(k) is not None:
                o[k] = len(b[:o[k]].decode("utf-8", "ignore"))
    return objs


def first_difference(a, b):
    """Where two lists of dicts first differ (for the failure message)."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "item %d:\n module: %r\n tool:   %r" % (i, x, y)
    return "lengths %d (module) and %d (tool)" % (len(a), len(b))


def same(module, cli):
    """The module's dicts equal the tool's, on the keys the module gives."""
    if len(module) != len(cli):
        return False
    return all(all(c.get(k) == v for k, v in m.items()) and set(m) <= set(c) | {"quote"}
               for m, c in zip(module, cli))


docs = [d.decode("utf-8") for d in open(CORPUS, "rb").read().split(b"\0") if d]
for f in FILES:
    with open(f, "rb") as fh:
        raw = fh.read().replace(b"\0", b"")
    try:
        docs.append(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass  # a str cannot hold invalid UTF-8
nonascii = sum(1 for d in docs if not d.isascii())
ok(len(docs) > 20 and nonascii > 5, "%d documents, %d with non-ASCII text" % (len(docs), nonascii))

# strip_boilerplate
cli = tool(["strip-boilerplate"], docs)
mod = [newsprep.strip_boilerplate(t) for t in docs]
bad = [i for i, (m, c) in enumerate(zip(mod, cli)) if m != c["text"]]
ok(len(cli) == len(docs) and not bad, "strip_boilerplate equals strip-boilerplate --jsonl",
   bad and "document %d:\n module: %r\n tool:   %r" % (bad[0], mod[bad[0]][:300],
                                                       cli[bad[0]]["text"][:300]))
ok(sum(len(m) for m in mod) < sum(len(t) for t in docs) and any(mod),
   "strip_boilerplate removes something and keeps something")

# extract_quotes
QK = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
cli = tool(["extract-quotes"], docs)
nq = 0
bad = None
for t, c in zip(docs, cli):
    m = newsprep.extract_quotes(t)
    want = to_cp(t, c["quotes"], QK, "quote")
    nq += len(m)
    if not same(m, want) and bad is None:
        bad = first_difference(m, want)
    if any(q["quote"] != t[q["start"]:q["end"]] for q in m) and bad is None:
        bad = "a quote is not text[start:end]"
ok(len(cli) == len(docs) and bad is None, "extract_quotes equals extract-quotes --jsonl (%d quotations)"
   % nq, bad)
ok(nq > 50, "extract_quotes finds quotations")

# find_dates, with the tool's defaults and with a reference and a language
for kw, args in (({}, []), ({"ref": datetime.date(2020, 5, 1), "lang": ["en", "de"]},
                            ["-r", "2020-05-01", "-L", "en,de"]),
                 ({"ref": "none"}, ["-r", "none"])):
    cli = tool(["normalize-dates", "-l"] + args, docs)
    nd = 0
    bad = None
    for t, c in zip(docs, cli):
        m = newsprep.find_dates(t, **kw)
        want = to_cp(t, c["dates"], ("start", "end"), "text")
        nd += len(m)
        if not same(m, want) and bad is None:
            bad = first_difference(m, want)
    ok(len(cli) == len(docs) and bad is None and nd > 50,
       "find_dates(%s) equals normalize-dates -l %s --jsonl (%d dates)"
       % (", ".join("%s=%r" % kv for kv in kw.items()), " ".join(args), nd), bad)

# split_articles: the tool's text mode, one document at a time
bad = None
na = 0
for t in docs[:40] + docs[-len(FILES):]:
    r = subprocess.run([os.path.join(BIN, "split-articles"), "--jsonl"],
                       input=t.encode("utf-8"), stdout=subprocess.PIPE, check=True)
    c = to_cp(t, [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()], ("start", "end"))
    m = newsprep.split_articles(t)
    na += len(m)
    if not same(m, c) and bad is None:
        bad = first_difference(m, c)
ok(bad is None and na > 40, "split_articles equals split-articles --jsonl (%d articles)" % na, bad)

# errors and types
for call, exc in ((lambda: newsprep.find_dates("x", ref="not a date"), ValueError),
                  (lambda: newsprep.find_dates("x", lang="xx"), ValueError),
                  (lambda: newsprep.extract_quotes(b"bytes"), TypeError)):
    try:
        call()
        ok(False, "%s raised" % exc.__name__)
    except exc:
        ok(True, "%s raised" % exc.__name__)
ok(newsprep.strip_boilerplate("") == "" and newsprep.extract_quotes("") == []
   and newsprep.split_articles("") == [] and newsprep.find_dates("") == [], "empty text")

# threads: the same answers from four threads at once
want = [newsprep.extract_quotes(t) for t in docs[:30]]
got = {}


def work(k):
    """One thread's share."""
    got[k] = [newsprep.extract_quotes(t) for t in docs[:30]]


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
ok(all(got[k] == want for k in range(4)), "four threads get the same quotations")

print("1..%d" % n_test)
sys.exit(1 if failed else 0)
