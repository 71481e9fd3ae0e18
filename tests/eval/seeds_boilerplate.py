#!/usr/bin/env python3
"""Check strip-boilerplate on the seed pages in /work/shared/seeds.

usage: seeds_boilerplate.py [--bin DIR] [--seeds DIR] [-v]

For every seed NAME.txt with a NAME.gold.txt, runs `strip-boilerplate
NAME.txt` and compares its non-blank lines (white space trimmed) with the
gold's lines.  A page passes when the output misses no gold line and adds
no line, except that one title-like line (a gold line of at most 15
words, or an extra line of at most 15 words) may differ.  The seeds are
read at run time, never copied.  Exit status 0 when every page passes.
Standard library only.
"""
import argparse
import os
import subprocess
import sys


def lines(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


def multiset_diff(a, b):
    """items of a not matched in b (with multiplicity)"""
    left = list(b)
    out = []
    for x in a:
        if x in left:
            left.remove(x)
        else:
            out.append(x)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--bin', default=os.path.join(here, '..', '..', 'bin'))
    ap.add_argument('--seeds', default='/work/shared/seeds')
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    tool = os.path.join(a.bin, 'strip-boilerplate')
    names = sorted(f[:-len('.gold.txt')] for f in os.listdir(a.seeds)
                   if f.endswith('.gold.txt'))
    if not names:
        sys.exit('no seeds in ' + a.seeds)
    failed = 0
    for n in names:
        src = os.path.join(a.seeds, n + '.txt')
        gold = lines(open(os.path.join(a.seeds, n + '.gold.txt'), encoding='utf-8').read())
        p = subprocess.run([tool, src], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            print(f'not ok - {n}: exit {p.returncode}: {p.stderr.decode()[:200]}')
            failed += 1
            continue
        out = lines(p.stdout.decode('utf-8', 'replace'))
        missing = multiset_diff(gold, out)
        extra = multiset_diff(out, gold)
        small = lambda l: len(l.split()) <= 15
        budget = 1
        bad = []
        for l in missing + extra:
            if small(l) and budget > 0:
                budget -= 1
            else:
                bad.append(l)
        status = 'ok' if not bad else 'not ok'
        print(f'{status} - {n}: gold {len(gold)} lines, out {len(out)}, '
              f'missing {len(missing)}, extra {len(extra)}')
        if bad or a.verbose:
            for l in missing:
                print(f'#   missing: {l[:100]}')
            for l in extra:
                print(f'#   extra:   {l[:100]}')
        failed += bool(bad)
    print(f'{len(names) - failed}/{len(names)} seed pages pass')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
