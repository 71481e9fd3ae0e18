#!/bin/sh
# jsonl.t - JSON Lines as Python tools write and read it (issue #17 §1):
# code point offsets, --ref-field, what other writers produce (lone
# surrogates, a BOM, hundreds of keys, huge numbers), nested --field and
# --to on every tool, and --line-buffered answers to a coprocess.
. tests/cli/lib.sh
NPCAT="${NP_TESTBIN:-build/tests}/np-cat"
TOOLS="strip-boilerplate split-articles normalize-dates extract-quotes"

# py EXPR: runs python3 on each output line as o (the parsed object) and
# prints EXPR; used to check offsets the way a Python user slices.
py() {
	python3 -c "import json,sys
for l in open(sys.argv[1], encoding='utf-8'):
    o = json.loads(l)
    print($1)" "$OUT"
}

# offsets: code points of the decoded field, bytes beside them
printf '{"id":1,"text":"Am 5. M\\u00e4rz 2021: \\u201eWir \\u00f6ffnen heute um neun\\u201c, sagte Jana Richter."}\n' > "$T/de.jsonl"
run normalize-dates --jsonl -l "$T/de.jsonl"
is "$(py "[o['text'][d['start']:d['end']] for d in o['dates']]")" "['5. März 2021', 'heute']" \
    "normalize-dates -l --jsonl: text[start:end] is the date in Python"
is "$(py "[(d['byte_start'], d['byte_end']) for d in o['dates']][0]")" "(3, 16)" "byte_start/byte_end stay bytes"
run extract-quotes --jsonl "$T/de.jsonl"
is "$(py "[(o['text'][q['start']:q['end']], o['text'][q['speaker_start']:q['speaker_end']], o['text'][q['cue_start']:q['cue_end']]) for q in o['quotes']]")" \
    "[('Wir öffnen heute um neun', 'Jana Richter', 'sagte')]" \
    "extract-quotes --jsonl: quote, speaker and cue sliced by code points"
python3 -c "import json; t = json.loads(open('$T/de.jsonl').read())['text']; open('$T/de.txt', 'w', encoding='utf-8').write(t); i = t.index('Wir'); print(i, len(t[:i].encode()))" > "$T/want"
run extract-quotes --jsonl "$T/de.txt"
is "$(py "o['start'], o['byte_start']" | tr -d '(),')" "$(cat "$T/want")" "plain text with --jsonl: code points, and bytes beside them"
run extract-quotes "$T/de.txt"
is "$(cut -f 2 "$OUT")" "$(cut -d ' ' -f 2 "$T/want")" "TSV keeps byte offsets"

# --ref-field: the reference date from a field of the object
printf '{"date":"2021-03-05","text":"Gestern und morgen."}\n{"text":"Gestern."}\n' > "$T/ref.jsonl"
run normalize-dates --jsonl -l --ref-field date --ref 2000-01-01 "$T/ref.jsonl"
is "$(py "[d['value'] for d in o['dates']]" | tr '\n' ' ')" "['2021-03-04', '2021-03-06'] ['1999-12-31'] " \
    "--ref-field date resolves against the object's date; without one, --ref"
split-articles -j tests/cli/fixtures/split-lexisnexis-doc.txt > "$T/parts.jsonl" 2>/dev/null
if grep -q '"date":' "$T/parts.jsonl"; then
	run normalize-dates --jsonl -l --ref-field date "$T/parts.jsonl"
	is "$RC" 0 "split-articles -j | normalize-dates --jsonl --ref-field date: exit 0"
else
	ok 0 "# skip split-articles gives no date here"
fi

# what other writers produce
printf '{"text":"a\\ud800b \\udfff\\u0000 \\ud83d\\ude00"}\n' > "$T/sur.jsonl"
run "$NPCAT" --jsonl --mode upper "$T/sur.jsonl"
is "$(cat "$OUT")" '{"text":"A\ud800B \udfff\u0000 😀"}' "lone surrogates and NUL escapes kept as written"
run "$NPCAT" --jsonl --mode add "$T/sur.jsonl"
is "$(cat "$OUT")" '{"text":"a\ud800b \udfff\u0000 \ud83d\ude00","len":15}' "an escaped field is not rewritten where the tool adds"
printf '\357\273\277{"text":"bom"}\n{"text":"two"}\n' > "$T/bom.jsonl"
run "$NPCAT" --jsonl --mode upper "$T/bom.jsonl"
printf '\357\273\277{"text":"BOM"}\n{"text":"TWO"}\n' > "$T/want"
is_file "$OUT" "$T/want" "a file starting with a BOM is JSON Lines; the BOM is kept"
awk 'BEGIN { printf "{"; for (i = 0; i < 400; i++) printf "\"k%d\":%d,", i, i;
    printf "\"big\":123456789012345678901234567890123,\"d\":1.7976931348623157e400,\"neg\":-0.0e-999,\"text\":\"many\"}\n" }' > "$T/keys.jsonl"
run "$NPCAT" --jsonl --mode upper "$T/keys.jsonl"
sed 's/"text":"many"/"text":"MANY"/' "$T/keys.jsonl" > "$T/want"
is_file "$OUT" "$T/want" "400 keys, numbers beyond int64 and double: kept byte for byte"

# nested --field and --to
printf '{"id":3,"metadata":{"lang":"en","text":"nested"},"text":"top"}\n' > "$T/nest.jsonl"
run "$NPCAT" --jsonl --mode upper --field metadata.text "$T/nest.jsonl"
is "$(cat "$OUT")" '{"id":3,"metadata":{"lang":"en","text":"NESTED"},"text":"top"}' "--field metadata.text"
run "$NPCAT" --jsonl --mode upper --field metadata.text --to out.clean "$T/nest.jsonl"
is "$(cat "$OUT")" '{"id":3,"metadata":{"lang":"en","text":"nested"},"text":"top","out":{"clean":"NESTED"}}' \
    "--to out.clean makes the nested member"
run "$NPCAT" --jsonl --mode upper --field metadata.text --to metadata.clean "$T/nest.jsonl"
is "$(cat "$OUT")" '{"id":3,"metadata":{"lang":"en","text":"nested","clean":"NESTED"},"text":"top"}' \
    "--to into an object that is there"
run "$NPCAT" --jsonl --mode upper --to id.x "$T/nest.jsonl"
is "$RC:$(cat "$OUT")" '1:{"id":3,"metadata":{"lang":"en","text":"nested"},"text":"top"}' \
    "--to through a non-object: the line unchanged, exit 1"
is "$(cat "$ERR")" "np-cat: $T/nest.jsonl: line 1: cannot set \"id.x\" there (a key on its path holds no object)" \
    "--to through a non-object: message"

# --to on every tool: the output goes there, the field stays
printf '{"text":"On 5 May 2021 \\"We will build the bridge again,\\" said Ann Lee."}\n' > "$T/to.jsonl"
# (split-articles refuses it: a part's text is the field)
for t in $TOOLS; do
	run $t --jsonl --to res "$T/to.jsonl"
	if [ $t = split-articles ]; then
		is "$RC:$(head -n 1 "$ERR")" "2:split-articles: --to: split-articles writes each part's text to --field" \
		    "split-articles --to: refused with a message"
		continue
	fi
	is "$RC:$(py "(o['text'][:9], 'res' in o)")" "0:('On 5 May ', True)" "$t --jsonl --to res: output in res, text kept"
done

# --line-buffered: a coprocess gets each answer at once
mkfifo "$T/cin" "$T/cout"
for t in $NPCAT $TOOLS; do
	n=${t##*/}
	timeout 20 $t --jsonl --line-buffered < "$T/cin" > "$T/cout" 2>/dev/null &
	pid=$!
	exec 3> "$T/cin" 4< "$T/cout"
	printf '{"text":"On 5 May 2021 \\"We will build the bridge again,\\" said Ann Lee."}\n' >&3
	line=$(timeout 10 head -n 1 <&4)
	printf '{"text":"second"}\n' >&3
	line2=$(timeout 10 head -n 1 <&4)
	exec 3>&- 4<&-
	wait $pid
	case "$line:$line2" in
	'{'*'}:{'*'}') ok 0 "$n --line-buffered: each answer comes while the input stays open" ;;
	*) ok 1 "$n --line-buffered: each answer comes while the input stays open"; echo "# got: $line | $line2" ;;
	esac
done

done_testing
