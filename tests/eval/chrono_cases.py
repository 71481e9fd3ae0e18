#!/usr/bin/env python3
"""chrono_cases.py - day-level accuracy of normalize-dates on chrono-node's
English test cases (python3 standard library only).

usage: chrono_cases.py [--bin DIR] [--cases FILE] [--errors N]

The cases file (by default ../shared/data/dates/chrono_cases.jsonl beside
the project, read at run time, never copied) holds one case a line: text,
refDate, the expected start (known and implied components) and the
matched text with its index.  A case is day-level when its expected start
pins a day (its known components hold a day or a weekday).  For each one,
normalize-dates --list runs on the text with --ref set to the date of
refDate (or --ref=none when the case has none); the case is right when
the first expression overlapping chrono's match has a value whose
YYYY-MM-DD is the expected day.  Without a refDate only the components
chrono knows (year, month, day) are compared.  Times of day are not
normalize-dates' business: only the day counts, and cases whose match is a
clock-relative expression ("15 minutes ago", "in 1 hour") are left out;
PRESENT_REF ("now") counts as the reference day.
"""
import argparse
import json
import os
import re
import subprocess
import sys

# relative clock times ("15 minutes ago", "in 1 hour", "2h later") pin a
# moment, not a day expression: they are left out
CLOCK = re.compile(r'(?i)(\b|\d)(min(ute)?s?|hours?|hrs?|h|sec(ond)?s?|m|s)\b')

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CASES = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'dates',
                             'chrono_cases.jsonl')


def expected_day(exp):
    """(year, month, day) implied by chrono, or None."""
    imp = exp.get('start_implied') or {}
    if all(k in imp for k in ('year', 'month', 'day')):
        return imp['year'], imp['month'], imp['day']
    start = exp.get('start')
    if start and len(start) >= 10:
        return int(start[0:4]), int(start[5:7]), int(start[8:10])
    return None


def run_one(exe, text, ref):
    """Hits of normalize-dates on text: [(start, end, value)] in bytes."""
    p = subprocess.run([exe, '--list', '--ref=' + ref], input=text.encode('utf-8'),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
    if p.returncode != 0:
        sys.exit('%s failed (exit %d): %s' % (exe, p.returncode,
                 p.stderr.decode('utf-8', 'replace').strip()))
    hits = []
    for row in p.stdout.decode('utf-8', 'replace').splitlines():
        f = row.split('\t')
        if len(f) >= 4:
            hits.append((int(f[1]), int(f[2]), f[3]))
    return hits


def utf16_to_byte(text, index):
    """Byte offset of a JavaScript (UTF-16) string index."""
    units = 0
    for i, ch in enumerate(text):
        if units >= index:
            return len(text[:i].encode('utf-8'))
        units += 2 if ord(ch) > 0xffff else 1
    return len(text.encode('utf-8'))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', default='bin', help='folder holding normalize-dates')
    ap.add_argument('--cases', default=DEFAULT_CASES)
    ap.add_argument('--errors', type=int, default=0, help='print up to N wrong cases')
    a = ap.parse_args()
    exe = os.path.join(a.bin, 'normalize-dates')
    total = right = found = 0
    errors = []
    with open(a.cases, encoding='utf-8') as fh:
        for line in fh:
            c = json.loads(line)
            exp = c.get('expected') or {}
            known = exp.get('start_known') or {}
            if not exp.get('start') or not ('day' in known or 'weekday' in known):
                continue
            if CLOCK.search(c.get('matchedText') or ''):
                continue
            day = expected_day(exp)
            if day is None:
                continue
            ref = c['refDate'][:10] if c.get('refDate') else 'none'
            if ref == 'none' and not all(k in known for k in ('year', 'month', 'day')):
                continue        # nothing checkable without a reference
            total += 1
            text = c['text']
            s = utf16_to_byte(text, c.get('index') or 0)
            e = s + len((c.get('matchedText') or '').encode('utf-8'))
            hit = next((h for h in run_one(exe, text, ref) if h[0] < e and h[1] > s), None)
            ok = False
            if hit:
                found += 1
                v = hit[2]
                want = '%04d-%02d-%02d' % day
                if ref == 'none':
                    parts = v[:10].split('-')
                    ok = len(parts) == 3 and all(
                        parts[i] == want.split('-')[i]
                        for i, k in enumerate(('year', 'month', 'day')) if k in known)
                else:
                    # "now" (PRESENT_REF) is the reference day
                    ok = v[:10] == want or (v == 'PRESENT_REF' and ref == want)
            if ok:
                right += 1
            elif len(errors) < a.errors:
                errors.append('%-40r ref=%s want=%s got=%s' % (
                    text[:40], ref, '%04d-%02d-%02d' % day, hit[2] if hit else '-'))
    for err in errors:
        print(err)
    if total == 0:
        sys.exit('no day-level cases in %s' % a.cases)
    print('day-level cases: %d; found %d (%.3f); right %d (%.3f)' % (
        total, found, found / total, right, right / total))


if __name__ == '__main__':
    main()
