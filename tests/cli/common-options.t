#!/bin/sh
# common-options.t - the options every tool has, as one frame implements
# them: -L lists, -q, --stats, --progress, --line-buffered, --to, modes
# that cannot go together, and usage errors.
. tests/cli/lib.sh

page=tests/demo/sample-page.txt
for tool in strip-boilerplate split-articles normalize-dates extract-quotes; do
	run $tool --stats "$page"
	is "$RC" 0 "$tool --stats: exit 0"
	bytes=$(wc -c < "$page" | tr -d ' ')
	out=$(wc -c < "$OUT" | tr -d ' ')
	grep -Eq "^$tool: stats: documents 1, bytes in $bytes, bytes out $out, [a-z ]+ [0-9]+\$" "$ERR"
	ok $? "$tool --stats: one line with documents, bytes in and out, and a count"
	is "$(wc -l < "$ERR" | tr -d ' ')" 1 "$tool --stats: nothing else on stderr"

	run $tool --progress "$page"
	grep -Eq "^$tool: [0-9]+\.[0-9] MB, 1 document, [0-9.]+ MB/s, 100%\$" "$ERR"
	ok $? "$tool --progress: bytes, documents, rate and share of a regular file"
	run sh -c "cat '$page' | $tool --progress"
	grep -Eq "^$tool: [0-9]+\.[0-9] MB, 1 document, [0-9.]+ MB/s\$" "$ERR"
	ok $? "$tool --progress: no share for a pipe"
	run $tool "$page"
	is "$(wc -c < "$ERR" | tr -d ' ')" 0 "$tool: no progress unless asked (stderr not a terminal)"

	run $tool -q "$page" /nonexistent/file
	is "$RC" 1 "$tool -q: a failure still gives exit 1"
	is "$(cat "$ERR")" "$tool: 1 message about documents not shown (-q)" "$tool -q: only a count of what it did not say"

	printf 'a\0b\0' > "$T/two"
	run $tool -z --line-buffered --stats "$T/two"
	grep -q "documents 2," "$ERR"; ok $? "$tool -z --line-buffered: two records"
done

# -L takes a list where a tool has a choice of language
echo 'Am 3. März 2024 und on 4 March 2024.' > "$T/de-en"
run normalize-dates -L de,en -l "$T/de-en"
is "$(cut -f4 "$OUT" | tr '\n' ' ')" "2024-03-03 2024-03-04 " "normalize-dates -L de,en: both languages"
run normalize-dates --lang=en -l "$T/de-en"
is "$(cut -f4 "$OUT" | grep -c 2024-03-03)" 0 "normalize-dates --lang=en: not the German date"
run strip-boilerplate -L all "$page"
is "$RC" 0 "strip-boilerplate -L all: the default"
de=$FIX/boilerplate-de-page.txt
strip-boilerplate -L de "$de" > "$T/de.out"
run strip-boilerplate -L fr,de "$de"
is_file "$OUT" "$T/de.out" "strip-boilerplate -L fr,de: a German page takes the German stoplist"
strip-boilerplate -L de --explain "$de" > "$T/de.explain"
run strip-boilerplate -L fr --explain "$de"
cmp -s "$OUT" "$T/de.explain"; ok $((!$?)) "strip-boilerplate -L fr: the French one, other densities"
for tool in split-articles; do
	run $tool -L en "$page"
	is "$RC" 2 "$tool -L: refused, the tool has no choice of language"
	is "$(head -1 "$ERR")" "$tool: -L: $tool has no choice of language" "$tool -L: says why"
done
# extract-quotes: -L names the languages a document may be in; one
# language is taken, not guessed, so its function words start no name
printf 'Die Regierung will handeln. \342\200\236Wir warten nicht l\303\244nger\342\200\234, sagte Ana Costa. Und dann sagte sie: \342\200\236Morgen beginnt die Arbeit.\342\200\234\n' > "$T/q-de"
extract-quotes "$T/q-de" > "$T/q-auto"
run extract-quotes -L de "$T/q-de"
is_file "$OUT" "$T/q-auto" "extract-quotes -L de: a German text as guessed"
is "$(cut -f4 "$OUT" | tr '\n' ' ')" "Ana Costa Ana Costa " "extract-quotes -L de: 'Und' starts no name, 'sie' is Ana Costa"
run extract-quotes -L fr,de "$T/q-de"
is_file "$OUT" "$T/q-auto" "extract-quotes -L fr,de: the guess among the two finds German"
run extract-quotes --lang=en "$T/q-de"
is "$(sed -n 2p "$OUT" | cut -f4)" "Und" "extract-quotes --lang=en: read as English, 'Und' is a name"
run extract-quotes -L en,xx "$T/q-de"
is "$RC" 2 "extract-quotes -L en,xx: an unknown code is a usage error"
run normalize-dates -L en,xx "$page"
is "$(head -1 "$ERR")" "normalize-dates: -L: unknown language 'xx' (normalize-dates knows en,de,fr,es,it,pt,nl,pl,uk,ru)" \
    "-L: an unknown code is named, with the known ones"

# conflicting modes are usage errors, not "last one wins"
run normalize-dates -a -l "$page"
is "$RC:$(cat "$ERR")" "2:normalize-dates: -l: cannot be used with -a
Try 'normalize-dates --help' for more information." "normalize-dates -a -l: usage error"
run strip-boilerplate --explain -v "$page"
is "$RC:$(head -1 "$ERR")" "2:strip-boilerplate: --explain: cannot be used with -v" "strip-boilerplate --explain -v: usage error"
run split-articles -j -o "$T/x" "$page"
is "$RC:$(head -1 "$ERR")" "2:split-articles: -o: cannot be used with -j" "split-articles -j -o: usage error"

# the letter -o: split-articles' output prefix; normalize-dates says where
# its old meaning went
run normalize-dates -o dmy "$page"
is "$RC:$(head -1 "$ERR")" "2:normalize-dates: -o: unknown option (the day/month order is --order)" \
    "normalize-dates -o: points to --order"
run split-articles -o "$T/art" "$page"
is "$RC:$(wc -l < "$OUT" | tr -d ' ')" "0:2" "split-articles -o PREFIX: one file per article"

# -j everywhere, and --to names the added field of extract-quotes
printf '{"id":7,"text":"\\"We will rebuild the pier,\\" said Ingrid Solberg."}\n' > "$T/q.jsonl"
run extract-quotes -j --to said "$T/q.jsonl"
grep -q '^{"id":7,"text":.*,"said":\[{' "$OUT"; ok $? "extract-quotes --to NAME: the quotations under NAME"
for tool in strip-boilerplate normalize-dates; do
	run $tool -j "$T/q.jsonl"
	grep -q '^{"id":7,"text":' "$OUT"; ok $? "$tool -j: JSON Lines"
done

run split-articles -j --to part "$T/q.jsonl"
is "$RC:$(head -1 "$ERR")" "2:split-articles: --to: split-articles writes each part's text to --field" \
    "split-articles --to: refused, saying why"

# -j on plain text: normalize-dates -l writes JSON too, code points and bytes
printf 'Zo\303\253 kam am 3. M\303\244rz 2024.\n' > "$T/cp.txt"
run normalize-dates -l -j "$T/cp.txt"
is "$(cat "$OUT")" "$(printf '{"doc":1,"start":11,"end":23,"byte_start":12,"byte_end":25,"value":"2024-03-03","text":"3. M\303\244rz 2024"}')" \
    "normalize-dates -l -j on plain text: JSON Lines, offsets in code points and bytes"

# ambiguous abbreviations name the candidates
run normalize-dates --li "$page"
is "$(head -1 "$ERR")" "normalize-dates: --li: ambiguous option (--line-buffered, --list)" "an ambiguous abbreviation names the options"

done_testing
