#!/bin/sh
# frame.t - the shared command-line frame (operands, -z records, limits,
# JSON Lines, write errors), through np-cat, a filter with an identity
# engine built only for the tests.
. tests/cli/lib.sh
NPCAT="${NP_TESTBIN:-build/tests}/np-cat"

printf 'a\377b\0c\r\n\357\273\277x' > "$T/bytes"
run "$NPCAT" "$T/bytes"
is_file "$OUT" "$T/bytes" "invalid UTF-8, NUL, CRLF and a BOM pass through"
is "$RC" 0 "exit 0"

printf 'one\0two\0\0three' > "$T/rec"
run "$NPCAT" -z --mode upper "$T/rec"
printf 'ONE\0TWO\0\0THREE\0' > "$T/want"
is_file "$OUT" "$T/want" "-z: each record on its own, NUL after each, empty record kept"

: > "$T/empty"
run "$NPCAT" -z "$T/empty"
is "$(wc -c < "$OUT" | tr -d ' ')" 0 "-z: empty input holds no record"
run "$NPCAT" "$T/empty"
is "$(wc -c < "$OUT" | tr -d ' ')" 0 "empty file: empty output"

printf 'x' > "$T/a"; printf 'y' > "$T/b"
run "$NPCAT" --mode upper "$T/a" /nonexistent "$T/b"
is "$(cat "$OUT")" "XY" "the other operands are still done"
is "$RC" 1 "a missing operand makes exit 1"
is "$(cat "$ERR")" "np-cat: /nonexistent: No such file or directory" "missing operand message"

run "$NPCAT" "$T"
is "$RC" 1 "a directory operand: exit 1"
is "$(cat "$ERR")" "np-cat: $T: Is a directory" "directory message"

printf 'from stdin' | "$NPCAT" "$T/a" - "$T/b" > "$OUT"
is "$(cat "$OUT")" "xfrom stdiny" "- is stdin among operands"

head -c 3000 /dev/zero | tr '\0' 'a' > "$T/big"
run "$NPCAT" --max-doc-size 2K "$T/big" "$T/a"
is "$RC" 1 "over --max-doc-size: exit 1"
is "$(cat "$ERR")" "np-cat: $T/big: document larger than --max-doc-size" "size message"
is "$(cat "$OUT")" "x" "next operand still done"
{ printf 'small\0'; cat "$T/big"; printf '\0ok'; } > "$T/recbig"
run "$NPCAT" -z --max-doc-size 2K "$T/recbig"
printf 'small\0\0ok\0' > "$T/want"
is_file "$OUT" "$T/want" "-z: an oversized record is dropped, the others kept"
is "$(cat "$ERR")" "np-cat: $T/recbig: document 2: document larger than --max-doc-size" "-z size message names the record"

run "$NPCAT" --max-doc-size 12Q "$T/a"
is "$RC" 2 "bad size: usage error, exit 2"
run "$NPCAT" --bogus
is "$RC" 2 "unknown option: exit 2"
ok "$(grep -c "Try 'np-cat --help'" "$ERR" | tr -d ' ' | sed 's/^1$/0/')" "usage error points to --help"
run "$NPCAT" --version
is "$(cat "$OUT")" "np-cat (newsprep) 0.1.0" "--version"

if [ -w /dev/full ]; then
	"$NPCAT" "$T/big" > /dev/full 2> "$ERR"; rc=$?
	is "$rc" 1 "write to /dev/full: exit 1"
	is "$(cat "$ERR")" "np-cat: write error: No space left on device" "write error message"
else
	ok 0 "# skip no /dev/full"; ok 0 "# skip no /dev/full"
fi
yes 'a line of text' | head -n 200000 > "$T/lines"
"$NPCAT" "$T/lines" 2> "$ERR" | head -c 1 > /dev/null
is "$(cat "$ERR")" "" "closed pipe: quiet"

# JSON Lines
cat > "$T/in.jsonl" <<'J'
{"id":7,"text":"abc","score":1.50e3}
{ "text" : "d\u00e9f\n", "tags":["x",{"y":"}"}] }

{"text":"a|b","n":null}
J
run "$NPCAT" --jsonl --mode upper "$T/in.jsonl"
cat > "$T/want" <<'J'
{"id":7,"text":"ABC","score":1.50e3}
{ "text" : "DéF\n", "tags":["x",{"y":"}"}] }

{"text":"A|B","n":null}
J
is_file "$OUT" "$T/want" "--jsonl: field replaced, other fields byte-identical, blank line kept"
run "$NPCAT" --jsonl --mode upper --to out --field text "$T/in.jsonl"
is "$(head -n 1 "$OUT")" '{"id":7,"text":"abc","score":1.50e3,"out":"ABC"}' "--to writes another field"
run "$NPCAT" --jsonl --mode add "$T/in.jsonl"
is "$(sed -n 4p "$OUT")" '{"text":"a|b","n":null,"len":3}' "ADD kind adds a key"
run "$NPCAT" --jsonl --mode split "$T/in.jsonl"
is "$(sed -n '4,5p' "$OUT" | tr '\n' ' ')" '{"text":"a","n":null,"part":1} {"text":"b","n":null,"part":2} ' "SPLIT kind: one object per record with part"

printf '{"te\\u0078t":"abc","text":"dup"}\n' | "$NPCAT" --jsonl --mode upper > "$OUT"
is "$(cat "$OUT")" '{"te\u0078t":"abc","text":"DUP"}' "escaped and repeated keys: the value jansson decoded is the one replaced"

printf '{"text":"ok"}\n{"text":1}\nnot json\n{"text":"last"}\n' > "$T/bad.jsonl"
run "$NPCAT" --jsonl "$T/bad.jsonl"
is "$RC" 1 "malformed line: exit 1"
is "$(cat "$OUT")" '{"text":"ok"}' "--on-error=stop stops at the bad line"
is "$(cat "$ERR")" "np-cat: $T/bad.jsonl: line 2: no string field \"text\"" "message with line number"
run "$NPCAT" --jsonl --on-error=skip "$T/bad.jsonl"
is "$RC" 0 "--on-error=skip: exit 0"
is "$(cat "$OUT" | tr '\n' ' ')" '{"text":"ok"} {"text":"last"} ' "skip keeps the good lines"
is "$(tail -n 1 "$ERR")" "np-cat: skipped 2 malformed JSON lines" "summary of skipped lines"

printf '' | "$NPCAT" --jsonl --mode upper > "$OUT"
is "$(wc -c < "$OUT" | tr -d ' ')" 0 "--jsonl on empty input: no record"
printf 'plain\ttext' | "$NPCAT" --jsonl --mode upper > "$OUT"
is "$(cat "$OUT")" '{"doc":1,"text":"PLAIN\tTEXT"}' "--jsonl on plain text wraps each document"
printf 'bad \377 byte' | "$NPCAT" --jsonl > "$OUT"
is "$(cat "$OUT")" "$(printf '{"doc":1,"text":"bad \357\277\275 byte"}')" "invalid UTF-8 becomes U+FFFD inside JSON only"

done_testing
