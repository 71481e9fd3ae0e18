#!/bin/sh
# frame-errors.t - the frame loses nothing and hides nothing (issue #18,
# points 1, 2, 3, 5): read errors in every mode, files that shrink while
# mapped, memory pressure in JSON Lines, documents over --max-doc-size
# reported with their numbers and handled as --on-error says.
. tests/cli/lib.sh
NPCAT="${NP_TESTBIN:-build/tests}/np-cat"
TOOLS="strip-boilerplate split-articles normalize-dates extract-quotes"

# True when the binary is an AddressSanitizer build (no ulimit -v there).
asan() { grep -q __asan_init "$1" 2>/dev/null; }

# 1. read errors are reported with --jsonl as without it
for t in $NPCAT $TOOLS; do
	n=${t##*/}
	run "$t" --jsonl "$T"
	is "$RC:$(cat "$ERR")" "1:$n: $T: Is a directory" "$n --jsonl on a directory: message, exit 1"
	if [ -r /proc/self/mem ]; then
		run "$t" --jsonl /proc/self/mem
		is "$RC:$(cat "$ERR")" "1:$n: /proc/self/mem: Input/output error" "$n --jsonl on /proc/self/mem (EIO): message, exit 1"
	else
		ok 0 "# skip no /proc/self/mem"
	fi
	"$t" --jsonl <&- > "$OUT" 2> "$ERR"; RC=$?
	is "$RC:$(cat "$ERR")" "1:$n: stdin: Bad file descriptor" "$n --jsonl on a closed stdin: message, exit 1"
done
printf '{"text":"a"}\n' > "$T/ok.jsonl"
run "$NPCAT" --jsonl "$T" "$T/ok.jsonl"
is "$(cat "$OUT")" '{"text":"a"}' "--jsonl: the operands after a failed one are still done"

# 2. a mapped file truncated while the tool works on it
head -c 30000 /dev/zero | tr '\0' 'a' > "$T/shrink.orig"
printf 'next' > "$T/next"
for m in shrink-read shrink-write; do
	cp "$T/shrink.orig" "$T/shrink"
	NP_CAT_TRUNCATE="$T/shrink" "$NPCAT" --mode $m "$T/shrink" "$T/next" > "$OUT" 2> "$ERR"; RC=$?
	is "$RC:$(cat "$ERR")" "1:np-cat: $T/shrink: file changed while reading" \
	    "file truncated while mapped ($m): message, exit 1, no SIGBUS"
	case $m in shrink-read) want=447 ;; *) want=next ;; esac	# 447: the sum of "next"
	is "$(tail -n 1 "$OUT" | tail -c 4)" "$want" "file truncated while mapped ($m): the next operand is done"
done

# 3. out of memory in JSON Lines is "out of memory", never malformed or a
# crash: under each of a range of address-space limits a 48 MB line either
# comes out right or the tool says "out of memory" and exits 1
if asan "$NPCAT"; then
	ok 0 "# skip no address-space limit under AddressSanitizer"
elif [ "${LC_ALL:-}" != C ]; then
	ok 0 "# skip the memory limits run under LC_ALL=C only"
else
	{ printf '{"text":"'; head -c 48000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; } > "$T/huge.jsonl"
	bad=""
	for lim in 150000 170000 180000 200000; do
		for onerr in stop skip; do
			[ $onerr = skip ] && [ $lim != 170000 ] && continue
			(ulimit -v $lim; exec "$NPCAT" --jsonl --on-error=$onerr "$T/huge.jsonl") > "$OUT" 2> "$ERR"; RC=$?
			if [ "$RC:$(cat "$ERR")" = "1:np-cat: out of memory" ]; then :
			elif [ "$RC" = 0 ] && [ ! -s "$ERR" ] && cmp -s "$OUT" "$T/huge.jsonl"; then :
			else bad="$bad $lim/$onerr:$RC:$(head -c 100 "$ERR")"; fi
		done
	done
	is "$bad" "" "JSON Lines under ulimit -v: right output or 'out of memory', exit 1"
	rm -f "$T/huge.jsonl"
fi

# 5. documents over --max-doc-size: numbered, and handled per --on-error
head -c 3000 /dev/zero | tr '\0' 'x' > "$T/x3k"
{ printf '{"text":"a"}\n{"text":"'; cat "$T/x3k"; printf '"}\n{"text":"b"}\nnot json\n{"text":"c"}\n'; } > "$T/big.jsonl"
run "$NPCAT" --jsonl --mode upper --max-doc-size 2K "$T/big.jsonl"
is "$RC:$(cat "$OUT")" '1:{"text":"A"}' "JSON Lines oversize line, stop: the run stops there, exit 1"
is "$(cat "$ERR")" "np-cat: $T/big.jsonl: line 2: document larger than --max-doc-size" "JSON Lines oversize line: message with its line number"
run "$NPCAT" --jsonl --mode upper --max-doc-size 2K --on-error=skip "$T/big.jsonl"
is "$RC:$(cat "$OUT" | tr '\n' ' ')" '0:{"text":"A"} {"text":"B"} {"text":"C"} ' "--on-error=skip: the oversize and the malformed line left out"
is "$(sed -n 2p "$ERR")" "np-cat: $T/big.jsonl: line 4: malformed JSON at byte 1: not a JSON object" "line numbers after an oversize line are right"
run "$NPCAT" --jsonl --mode upper --max-doc-size 2K --on-error=pass "$T/big.jsonl"
{ printf '{"text":"A"}\n{"text":"'; cat "$T/x3k"; printf '"}\n{"text":"B"}\nnot json\n{"text":"C"}\n'; } > "$T/want"
is_file "$OUT" "$T/want" "--on-error=pass: one line out per line in, bad ones unchanged"
is "$RC:$(wc -l < "$ERR" | tr -d ' ')" "0:4" "--on-error=pass: exit 0, two messages and two summaries"
is "$(tail -n 1 "$ERR")" "np-cat: passed 1 document over --max-doc-size" "--on-error=pass: summary"

{ printf 'a\0'; cat "$T/x3k"; printf '\0b\0'; } > "$T/big.z"
run "$NPCAT" -z --mode upper --max-doc-size 2K --on-error=pass "$T/big.z"
{ printf 'A\0'; cat "$T/x3k"; printf '\0B\0'; } > "$T/want"
is_file "$OUT" "$T/want" "-z --on-error=pass: the oversize record copied unchanged"
is "$(head -n 1 "$ERR")" "np-cat: $T/big.z: document 2: document larger than --max-doc-size" "-z oversize: message with its number"
run "$NPCAT" -z --mode upper --max-doc-size 2K --on-error=skip "$T/big.z"
printf 'A\0B\0' > "$T/want"
is_file "$OUT" "$T/want" "-z --on-error=skip: the oversize record left out"
run "$NPCAT" -z --mode upper --max-doc-size 2K "$T/big.z"
printf 'A\0\0B\0' > "$T/want"
is_file "$OUT" "$T/want" "-z default: an empty record in its place"
is "$RC" 1 "-z default: exit 1"
run "$NPCAT" --mode upper --max-doc-size 2K --on-error=pass "$T/x3k"
is_file "$OUT" "$T/x3k" "whole file --on-error=pass: copied unchanged"
printf 'caf\303\251 ' > "$T/u8"; cat "$T/x3k" "$T/u8" "$T/x3k" > "$T/x6k"
run "$NPCAT" --jsonl --mode upper --max-doc-size 2K --on-error=pass "$T/x6k"
perl -MJSON::PP -ne 'my $o = JSON::PP->new->utf8->decode($_); print length($o->{text}), " ", $o->{doc}' "$OUT" > "$T/n"
is "$(cat "$T/n")" "6005 1" "plain text wrapped as JSON, --on-error=pass: the oversize text as one valid JSON string"
sed -n 2p "$T/big.jsonl" > "$T/big.line2"
for t in $TOOLS; do
	run "$t" --jsonl --max-doc-size 2K --on-error=pass "$T/big.jsonl"
	is "$RC:$(wc -l < "$OUT" | tr -d ' ')" "0:5" "$t --jsonl --on-error=pass: one line out per line in"
	sed -n 2p "$OUT" > "$T/got2"
	is_file "$T/got2" "$T/big.line2" "$t --jsonl --on-error=pass: the oversize line unchanged"
done

run "$NPCAT" --on-error=bogus "$T/next"
is "$RC" 2 "--on-error=bogus: usage error"

done_testing
