#!/bin/sh
# normalize-dates-basic.t - the three output modes, the reference and
# order options, records, and the bytes it must not touch.
. tests/cli/lib.sh

# replace: the dateline is the reference
run normalize-dates "$FIX/dates-dateline.txt"
printf 'Straits Times\n2025-07-02\nThe port reopened 2025-07-01 after a week of repairs.\n' > "$T/want"
is_file "$OUT" "$T/want" "replace with the document's own dateline"
is "$RC" 0 "exit 0"

# annotate: removing the tags gives back the input, for every fixture
for f in "$FIX"/dates-* "$FIX"/*.txt; do
	[ -f "$f" ] || continue
	normalize-dates -a -r 2013-03-22 "$f" | sed -e 's/<time datetime="[^"]*">//g' -e 's,</time>,,g' > "$T/stripped"
	if ! cmp -s "$T/stripped" "$f"; then
		bad="$bad $f"
	fi
done
is "${bad:-none}" none "annotate then strip the tags gives the input back (all fixtures)"
run normalize-dates -a -r 2013-03-22 "$FIX/dates-en.txt"
is "$(grep -o "<time datetime=" "$OUT" | wc -l | tr -d " ")" 13 "annotate: one tag per expression"

# list: DOC START END VALUE TEXT, END exclusive, byte offsets
run normalize-dates -l "$FIX/dates-en.txt"
is "$(sed -n 1p "$OUT")" "$(printf '1\t0\t14\t2013-03-22\tMarch 22, 2013')" "list: the dateline"
is "$(grep -c . "$OUT")" 13 "list: every expression and no negative"
# the offsets cut the text out of the file
ok "$(awk -F '\t' '{ print $2, $3, $5 }' "$OUT" | while read -r s e txt; do
	got=$(head -c "$e" "$FIX/dates-en.txt" | tail -c "$((e - s))")
	[ "$got" = "$txt" ] || echo bad
done | grep -c bad | sed 's/^0$/0/;s/^[1-9].*/1/')" "list: START/END are the bytes of TEXT"
for neg in '2,024' 'may receive' 'Theresa May' '3-1' '2.10.3' '24/7'; do
	ok "$(cut -f 5 "$OUT" | grep -c -F "$neg" | sed 's/^0$/0/;s/^[1-9].*/1/')" "list: '$neg' is not a date"
done
run normalize-dates -l "$FIX/dates-multi.txt" "$FIX/dates-dateline.txt"
is "$(cut -f 1 "$OUT" | sort -u | tr '\n' ' ')" "1 2 " "list: DOC counts the documents"
is "$(grep -c 'XXXX-XX-XX' "$OUT")" 6 "list: no dateline, so relative dates keep X's"
is "$(cut -f 4 "$OUT" | grep -c '^2023-10-18$')" 6 "list: six languages' absolute dates"

# the multi-byte offsets: Ukrainian text after ASCII
run normalize-dates -l -r 2023-10-19 "$FIX/dates-multi.txt"
is "$(grep -F 'вчера' "$OUT" | cut -f 4)" 2023-10-18 "Russian 'вчера' with a reference"

# -r none and -r DATE
printf 'They voted yesterday, on Thursday.\n' > "$T/rel"
run normalize-dates -r none "$T/rel"
is_file "$OUT" "$T/rel" "-r none: relative dates are left as they are"
run normalize-dates -r 2013-03-22 "$T/rel"
is "$(cat "$OUT")" "They voted 2013-03-21, on 2013-03-21." "-r DATE resolves them"
printf 'October 18, 2023\nThey voted yesterday.\n' > "$T/dl"
run normalize-dates -r 2013-03-22 "$T/dl"
is "$(sed -n 2p "$OUT")" "They voted 2013-03-21." "-r DATE wins over the dateline"

# --order (formerly -o)
printf 'Filed 02/07/2025.\n' > "$T/num"
is "$(normalize-dates --order=mdy "$T/num")" "Filed 2025-02-07." "--order mdy"
is "$(normalize-dates --order dmy "$T/num")" "Filed 2025-07-02." "--order dmy"
is "$(normalize-dates "$T/num")" "Filed 2025-07-02." "-o auto without evidence: dmy"
printf 'Filed 02/07/2025 and 12/25/2025.\n' > "$T/num2"
is "$(normalize-dates "$T/num2")" "Filed 2025-02-07 and 2025-12-25." "-o auto: evidence from the same document"

# -L
printf 'Der Rat tagte am 18. Oktober 2023.\n' > "$T/de"
is "$(normalize-dates -L en "$T/de")" "Der Rat tagte am 18. Oktober 2023." "-L en: German left alone"
is "$(normalize-dates -L de,en "$T/de")" "Der Rat tagte am 2023-10-18." "-L de,en: German read"

# -z: every record its own document with its own dateline
printf 'May 3, 2021\nMet yesterday.\0June 9, 2022\nMet yesterday.' > "$T/recs"
run normalize-dates -z "$T/recs"
printf '2021-05-03\nMet 2021-05-02.\0002022-06-09\nMet 2022-06-08.\0' > "$T/want"
is_file "$OUT" "$T/want" "-z: one reference per record"
run normalize-dates -z -l "$T/recs"
is "$(tr '\0' '\n' < "$OUT" | grep . | cut -f 1 | sort -u | tr '\n' ' ')" "1 2 " "-z -l: records are numbered"

# bytes it must not touch: CRLF, invalid UTF-8, a BOM, NUL in plain mode
printf '\357\273\277On May 3, 2021 \377\376 we met.\r\nBye\0z\r\n' > "$T/bytes"
run normalize-dates "$T/bytes"
printf '\357\273\277On 2021-05-03 \377\376 we met.\r\nBye\0z\r\n' > "$T/want"
is_file "$OUT" "$T/want" "CRLF, BOM, invalid bytes and NUL pass through"
run normalize-dates "$FIX/dates-crlf.txt"
is_file "$OUT" "$FIX/dates-crlf.txt" "no dateline, CRLF file unchanged"

# a long line with no newline and many dates streams in chunks
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "On March 3, 2020 and 2021-01-0%d we met. ", i % 9 + 1 }' > "$T/long"
run normalize-dates -l "$T/long"
is "$(grep -c . "$OUT")" 120000 "a 2.5 MB line: every date found"
is "$(tail -n 1 "$OUT" | cut -f 2)" "$(($(wc -c < "$T/long") - 19))" "offsets count from the document start across chunks"

# errors and usage
run normalize-dates -r tomorrow "$T/rel"
is "$RC" 2 "bad -r: usage error"
run normalize-dates --order ydm "$T/rel"
is "$RC" 2 "bad --order: usage error"
run normalize-dates -L xx "$T/rel"
is "$RC" 2 "bad -L: usage error"
run normalize-dates /nonexistent/file
is "$RC" 1 "missing file: exit 1"
is "$(cat "$ERR")" "normalize-dates: /nonexistent/file: No such file or directory" "missing file message"
run normalize-dates --version
is "$(cat "$OUT")" "normalize-dates (newsprep) 0.1.0" "--version"
run normalize-dates --help
ok "$(grep -c -- '--annotate' "$OUT" | sed 's/^1$/0/')" "--help lists the options"

# JSON Lines
printf '{"id":7,"text":"On May 3, 2021 we met."}\n' > "$T/in.jsonl"
run normalize-dates --jsonl -l "$T/in.jsonl"
is "$(cat "$OUT")" '{"id":7,"text":"On May 3, 2021 we met.","dates":[{"start":3,"end":14,"byte_start":3,"byte_end":14,"value":"2021-05-03","text":"May 3, 2021"}]}' "--jsonl -l adds a dates array"
run normalize-dates --jsonl "$T/in.jsonl"
is "$(cat "$OUT")" '{"id":7,"text":"On 2021-05-03 we met."}' "--jsonl replaces the text"

done_testing
