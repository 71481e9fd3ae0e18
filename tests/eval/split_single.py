#!/usr/bin/env python3
"""No false split on a single article: every single-article document of the
shared data must come out of split-articles as one record.

usage: split_single.py [--bin DIR] [--shared DIR] [-v]

Reads, when present under SHARED (default ../shared/data): the rendered pages
boilerplate/{dev,l3s-dev}/*.txt (gold files skipped), the news texts of
dates/*.gold.jsonl and the documents of quotes/*.docs.jsonl.  Each is one
article.  Runs `split-articles -z` once per set (documents as NUL records) and
prints, per set, how many documents came out as more than one record, naming
them with -v.  Exit 1 when any did, 0 otherwise, 77 when no data was found.
Third-party text is only read here, never copied into the project.
"""
import argparse, glob, json, os, subprocess, sys

def sets(shared):
    """(name, [(doc name, bytes)]) for each data set found."""
    out = []
    for d in ('boilerplate/dev', 'boilerplate/l3s-dev'):
        files = sorted(f for f in glob.glob(os.path.join(shared, d, '*.txt'))
                       if not f.endswith('.gold.txt'))
        if files:
            out.append((d, [(os.path.basename(f), open(f, 'rb').read()) for f in files]))
    for pat in ('dates/gold.jsonl', 'dates/*.gold.jsonl', 'quotes/*.docs.jsonl'):
        for f in sorted(glob.glob(os.path.join(shared, pat))):
            docs = []
            for k, line in enumerate(open(f, encoding='utf-8')):
                o = json.loads(line)
                name = o.get('doc') or o.get('id') or str(k + 1)
                docs.append((str(name), o['text'].encode('utf-8')))
            out.append((os.path.relpath(f, shared), docs))
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default='bin')
    ap.add_argument('--shared', default=os.path.join('..', 'shared', 'data'))
    ap.add_argument('-v', action='store_true')
    a = ap.parse_args()
    exe = os.path.join(a.bin, 'split-articles')
    found = sets(a.shared)
    if not found:
        print('no shared data under %s' % a.shared)
        return 77
    bad = total = 0
    for name, docs in found:
        # a NUL inside a document would make two records of it: count NULs
        data = b''.join(t.replace(b'\0', b' ') + b'\0' for _, t in docs)
        p = subprocess.run([exe, '-z'], input=data, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=600)
        if p.returncode != 0:
            print('%s: split-articles failed: %s' % (name, p.stderr.decode(errors='replace')))
            return 1
        # documents stay apart: split each input record separately
        out = p.stdout
        if b''.join(out.split(b'\0')) != b''.join(t.replace(b'\0', b' ') for _, t in docs):
            print('%s: NOT LOSSLESS' % name)
            bad += 1
        n_split = 0
        pos = 0
        recs = out.split(b'\0')
        for dn, t in docs:
            t = t.replace(b'\0', b' ')
            got, k = b'', 0
            while len(got) < len(t) and pos < len(recs):
                got += recs[pos]; pos += 1; k += 1
            if len(t) == 0:
                pos += 1; k = 1
            if k > 1:
                n_split += 1
                if a.v:
                    print('  %s: %s split into %d records' % (name, dn, k))
        print('%-32s %4d documents, %d split' % (name, len(docs), n_split))
        bad += n_split
        total += len(docs)
    print('total %d documents, %d wrongly split' % (total, bad))
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
