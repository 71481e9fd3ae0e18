#!/usr/bin/env python3
"""Check split-articles against NAME.txt / NAME.gold.json pairs.

usage: split_gold.py [--bin DIR] [-q] DIR...
       split_gold.py [--bin DIR] [-q] --one NAME.txt

NAME.gold.json is {"articles": N, "starts": [first line of each article],
"meta": [{field: value, ...} per article]} (the form of the shared seeds).
For each file: `split-articles -z` must give back the input byte for byte
and cut exactly at the gold starts (the line of starts[i], i >= 1, with
only white space or rules in between); `split-articles --jsonl` must give
every gold field of every article, and a field whose gold value is null
must be absent.  Prints one line per file and a total; exit 1 on any
difference.
"""
import argparse, glob, json, os, re, subprocess, sys

def gold_cuts(data, starts):
    """Byte offsets of the line starts of starts[1:], found in order."""
    lines = [(m.start(), m.group(1)) for m in re.finditer(rb'^(.*?)\r?$', data, re.M)]
    cuts, i = [], 0
    for k, want in enumerate(starts):
        w = want.encode('utf-8').strip()
        while i < len(lines) and lines[i][1].strip() != w:
            i += 1
        if i == len(lines):
            raise SystemExit('gold start %r not found in order' % want)
        if k > 0:
            cuts.append(lines[i][0])
        i += 1
    return cuts

def near(data, a, b):
    """Only white space or rules (no letter or digit) between a and b."""
    lo, hi = min(a, b), max(a, b)
    return re.search(rb'[^\W_]', data[lo:hi]) is None

def run(exe, args, path):
    p = subprocess.run([exe] + args + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    if p.returncode != 0:
        raise SystemExit('%s %s failed: %s' % (exe, path, p.stderr.decode(errors='replace')))
    return p.stdout

def check(exe, tpath, gold, quiet):
    """Returns the list of problems of one file."""
    data = open(tpath, 'rb').read()
    recs = run(exe, ['-z'], tpath).split(b'\0')
    if recs and recs[-1] == b'':
        recs.pop()
    bad = []
    if b''.join(recs) != data:
        bad.append('not lossless')
    cuts, off = [], 0
    for r in recs[:-1]:
        off += len(r)
        cuts.append(off)
    g = gold_cuts(data, gold['starts'])
    if len(cuts) != len(g) or not all(near(data, c, x) for c, x in zip(cuts, g)):
        bad.append('cuts: %d records, want %d' % (len(recs), gold['articles']))
        if not quiet:
            for r in recs:
                head = r.decode('utf-8', 'replace').strip().split('\n')[0]
                bad.append('  record opens %r' % head[:60])
    arts = [json.loads(l) for l in run(exe, ['--jsonl'], tpath).decode('utf-8').splitlines()]
    for k, gm in enumerate(gold.get('meta', [])):
        a = arts[k] if k < len(arts) else {}
        for f, want in gm.items():
            got = a.get(f)
            if isinstance(want, str) and isinstance(got, str):
                same = ' '.join(want.split()) == ' '.join(got.split())
            else:
                same = want == got
            if not same:
                bad.append('article %d %s: got %r want %r' % (k + 1, f, got, want))
    return bad

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default='bin')
    ap.add_argument('-q', action='store_true', help='only the summary and the failures')
    ap.add_argument('--one', help='check only this NAME.txt')
    ap.add_argument('dirs', nargs='*')
    a = ap.parse_args()
    exe = os.path.join(a.bin, 'split-articles')
    files = wrong = 0
    golds = [g for d in a.dirs for g in sorted(glob.glob(os.path.join(d, '*.gold.json')))]
    if a.one:
        golds.append(a.one[:-len('.txt')] + '.gold.json')
    for gpath in golds:
        if True:
            tpath = gpath[:-len('.gold.json')] + '.txt'
            gold = json.load(open(gpath, encoding='utf-8'))
            bad = check(exe, tpath, gold, a.q)
            files += 1
            wrong += bool(bad)
            if bad or not a.q:
                print('%-36s %s' % (os.path.basename(tpath), 'WRONG' if bad else 'ok'))
            for b in bad:
                print('    ' + b)
    print('files %d right %d wrong %d' % (files, files - wrong, wrong))
    return 1 if wrong else 0

if __name__ == '__main__':
    sys.exit(main())
