#!/bin/sh
# split-articles.t - split-articles end to end: every fixture is cut
# losslessly, each format is recognised, every output mode works.
. tests/cli/lib.sh

# Joins the NUL-terminated records of $OUT (drops the NULs).
joined() { tr -d '\000' < "$OUT"; }
# Number of NUL-terminated records in $OUT.
records() { tr -cd '\000' < "$OUT" | wc -c | tr -d ' '; }

# lossless property: -z records, concatenated, give back every fixture
for f in $FIX/split-*.txt; do
	run split-articles -z "$f"
	joined > "$T/joined"
	is_file "$T/joined" "$f" "lossless: $(basename "$f")"
done

count() {
	run split-articles -z "$FIX/$1"
	is "$RC/$(records)" "0/$2" "$1: $2 records"
}
count split-lexisnexis-crlf.txt 2
count split-lexisnexis-doc.txt 2
count split-lexisnexis-uni.txt 2
count split-factiva.txt 3
count split-factiva-codes.txt 2
count split-listing.txt 3
count split-stars.txt 3
count split-dashes.txt 2
count split-formfeed.txt 3
count split-heads.txt 3
count split-related.txt 1
# an article's short subheadings do not make it a digest
count split-subheads.txt 1
# nor do they make a wrapped article with no blank line a wire run
count split-wrapped.txt 1
# nor do a page's "Read more:" and caption lines under its own story
count split-page-labels.txt 1

# where the cuts fall: the second record opens with its marker / title
run split-articles -z "$FIX/split-listing.txt"
is "$(tr '\000' '\n' < "$OUT" | grep -c '^Stories tagged')" 1 "page header stays in record 1"
second=$(awk 'BEGIN { RS = "\0" } NR == 2 { print; exit }' "$OUT" | head -n 1)
is "$second" "Island Times" "listing: record 2 opens with its source"
run split-articles -z "$FIX/split-factiva.txt"
first_end=$(awk 'BEGIN { RS = "\0" } NR == 1 { print; exit }' "$OUT" | grep -v '^$' | tail -n 1)
is "$first_end" "Document CSTLDG0020190314ef3e0000b" "factiva: the trailer ends its article"
run split-articles -z "$FIX/split-stars.txt"
second=$(awk 'BEGIN { RS = "\0" } NR == 2 { print; exit }' "$OUT" | head -n 1)
is "$second" "Choir wins regional contest" "separator: record 2 opens with its title"

# default output: records each followed by a form-feed line
run split-articles "$FIX/split-dashes.txt"
is "$(grep -c "$(printf '^\f$')" "$OUT")" 2 "default: a form-feed line after each record"
# the form-feed lines and the added newline are all that is added
tr -d '\f' < "$OUT" | sed '/^$/d' > "$T/a"
sed '/^$/d' "$FIX/split-dashes.txt" > "$T/b"
is_file "$T/a" "$T/b" "default: records unchanged"

# -z in: each NUL record is its own document, records out NUL-terminated
{ cat "$FIX/split-stars.txt"; printf '\000'; cat "$FIX/split-related.txt"; printf '\000'; } > "$T/two"
run split-articles -z "$T/two"
is "$(records)" 4 "-z: 3 + 1 records from two input records"
joined > "$T/j"; tr -d '\000' < "$T/two" > "$T/t"
is_file "$T/j" "$T/t" "-z: lossless over input records"
printf 'one article\000\000' > "$T/e"
run split-articles -z "$T/e"
printf 'one article\000\000' > "$T/want"
is_file "$OUT" "$T/want" "-z: an empty input record gives an empty record"

# -o PREFIX
run split-articles -o "$T/part" "$FIX/split-factiva.txt"
is "$(cat "$OUT" | tr '\n' ' ')" "$T/part0001.txt $T/part0002.txt $T/part0003.txt " "-o: names printed one a line"
cat "$T"/part000[123].txt > "$T/all"
is_file "$T/all" "$FIX/split-factiva.txt" "-o: the files give back the input"
run split-articles -o /nonexistent/dir/p "$FIX/split-factiva.txt"
is "$RC" 1 "-o: an unwritable prefix exits 1"

# -o keeps NUL bytes and numbers files across documents
{ printf 'First story here\000 with a NUL byte in its text, and enough words to run on as prose for a line.\n'
  printf 'It ends with a second line that is long enough to count as a paragraph of prose too.\n----------\n'
  printf 'Second story title\nIts body is a line of prose that runs for more than fifty bytes, as real text does.\n'
  printf 'And a second line of prose, again longer than fifty bytes, so that the cut is accepted.\n'; } > "$T/nul.txt"
run split-articles -o "$T/n" "$T/nul.txt" "$FIX/split-formfeed.txt"
is "$(wc -l < "$OUT" | tr -d ' ')" 5 "-o: 2 + 3 files over two documents"
cat "$T"/n0001.txt "$T"/n0002.txt > "$T/back"
is_file "$T/back" "$T/nul.txt" "-o: NUL bytes inside a document kept"
is "$(tail -n 1 "$OUT")" "$T/n0005.txt" "-o: numbering runs on across documents"
run split-articles -z -o "$T/m" "$FIX/split-dashes.txt"
is "$(tr '\000' ' ' < "$OUT")" "$T/m0001.txt $T/m0002.txt " "-o -z: names NUL-terminated"

# -F forces a format
run split-articles -z -F single "$FIX/split-factiva.txt"
is "$(records)" 1 "-F single: one record"
run split-articles -z -F lexisnexis "$FIX/split-stars.txt"
is "$(records)" 1 "-F lexisnexis on a digest: no markers, one record"
run split-articles -F bogus "$FIX/split-stars.txt"
is "$RC" 2 "-F with a bad format: usage error"

# --jsonl metadata
run split-articles --jsonl "$FIX/split-lexisnexis-crlf.txt"
is "$(head -n 1 "$OUT" | cut -d, -f1-8)" '{"n":1,"format":"lexisnexis","source":"The Hill Gazette","date":"2018-02-09","title":"Planners reject tower near the old mill","byline":"BY ANNA VOSS","section":"NEWS; Pg. 2","words":1305' "jsonl: LexisNexis metadata"
is "$(wc -l < "$OUT" | tr -d ' ')" 2 "jsonl: one line per article"
run split-articles -j "$FIX/split-factiva.txt"
is "$(sed -n 2p "$OUT" | cut -d, -f1-6)" '{"n":2,"format":"factiva","source":"Farm Markets Weekly","date":"2019-03-15","title":"Grain prices slip as rain returns to the plains","words":1096' "jsonl: Factiva metadata"
run split-articles -j "$FIX/split-factiva-codes.txt"
is "$(head -n 1 "$OUT" | cut -d, -f1-8)" '{"n":1,"format":"factiva","source":"The Lakeside Gazette","date":"2020-09-02","title":"Tram line extension opens to passengers","byline":"Joanna Pike","section":"Regional News","words":356' "jsonl: Factiva field codes"
run split-articles -j "$FIX/split-listing.txt"
is "$(sed -n 3p "$OUT" | cut -d, -f1-6)" '{"n":3,"format":"listing","source":"Pilot Daily","date":"2019-03-02","title":"Ferry fares to rise in April","section":"Travel"' "jsonl: listing metadata"
# invalid bytes come out as valid JSON (U+FFFD)
if command -v python3 >/dev/null 2>&1; then
	run split-articles -j "$FIX/split-lexisnexis-crlf.txt"
	python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$OUT"
	ok $? "jsonl: valid JSON for invalid UTF-8 input"
fi

# JSON Lines in: one object per article, through the frame
printf '{"id":7,"text":"Title one\\n\\n* * *\\n\\nTitle two"}\n' > "$T/in.jsonl"
run split-articles -j -F separator "$T/in.jsonl"
is "$(wc -l < "$OUT" | tr -d ' ')" 2 "jsonl input: one object per record"
# lossless: a \u0000 stays in its part, "" gives one object, split input
# gets its "part" replaced, not a second one
printf '{"id":1,"text":"Nul\\u0000inside"}\n{"id":2,"text":""}\n' > "$T/edge.jsonl"
run split-articles -j "$T/edge.jsonl"
is "$(cat "$OUT")" '{"id":1,"text":"Nul\u0000inside","title":"Nul\u0000inside","part":1}
{"id":2,"text":"","part":1}' "jsonl input: a NUL kept, an empty text gives an object"
run sh -c "split-articles -j '$T/in.jsonl' | split-articles -j -F separator"
is "$(grep -c '"part"' "$OUT")/$(grep -c '"part".*"part"' "$OUT")" "2/0" "jsonl input: split again, one part key"
# each part gets the metadata text mode finds, id kept, part numbered
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; print(json.dumps({"id": "f1", "text": open(sys.argv[1], encoding="utf-8").read()}))' \
	    "$FIX/split-factiva.txt" > "$T/fa.jsonl"
	run split-articles -j "$T/fa.jsonl"
	is "$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
	o = json.loads(l); print(o["id"], o["part"], o["date"], o["source"], "|", o["title"])' "$OUT")" \
	    "f1 1 2019-03-14 The Coastal Ledger | Harbour authority approves second ferry terminal
f1 2 2019-03-15 Farm Markets Weekly | Grain prices slip as rain returns to the plains
f1 3 2019-03-16 Northern Arts Review | Museum reopens its textile wing after repairs" "jsonl input: metadata on every part"
	python3 -c 'import json,sys
print("".join(json.loads(l)["text"] for l in open(sys.argv[1])), end="")' "$OUT" > "$T/fa.back"
	is_file "$T/fa.back" "$FIX/split-factiva.txt" "jsonl input: the parts give back the text"
fi

# stdin, errors, help
run sh -c "split-articles -z < $FIX/split-heads.txt"
is "$(records)" 3 "stdin works"
run split-articles /nonexistent
is "$RC" 1 "missing file: exit 1"
run split-articles --help
is "$RC" 0 "--help exits 0"
run split-articles -x
is "$RC" 2 "unknown option: exit 2"

done_testing
