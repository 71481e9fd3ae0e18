#!/bin/sh
# hostile-split-articles.t - split-articles on bad input (issue 7): every
# kind of invalid UTF-8, NUL, CRLF, BOM, empty input, huge lines and
# random bytes, pattern-hostile text, write errors, bad operands and the
# size limit.  With -z its records must concatenate to the input.
. tests/cli/lib.sh
TOOL=split-articles
. tests/frame/hostile.sh
hostile_setup

CMD="split-articles -z"; PROP=nulcat; NUL_OK=0; JCMD=split-articles
battery

# NUL bytes without -z: the records written to files concatenate to the input
mkdir "$T/rec"
run timeout "$LIMIT" split-articles -o "$T/rec/r" "$T/in.nul"
is "$RC:$(cat "$ERR")" "0:" "NUL bytes without -z: exit 0, quiet"
cat "$T"/rec/r* > "$T/cat"
is_file "$T/cat" "$T/in.nul" "NUL bytes without -z: the records are the input"

# every format forced on hostile input: records still partition it
for fmt in listing lexisnexis factiva europresse proquest separator heads run single; do
	CMD="split-articles -z -F $fmt"
	for f in unbalanced crlf lonecont saidline; do
		hrun "$T/in.$f"
		$CHECK nulcat "$T/in.$f" "$OUT" > "$T/why"; rc=$?
		ok $(( rc + RC )) "-F $fmt on in.$f: exit 0, records are the input"
		cat "$T/why"
	done
done
CMD="split-articles --jsonl"
for f in unbalanced truncated nul; do
	hrun "$T/in.$f"
	is "$RC:$(head -c 300 "$ERR")" "0:" "--jsonl on in.$f: exit 0, quiet"
done

CMD="split-articles -z"
printf 'First story\n\nText of the first.\n\n* * *\n\nSecond story\n\nText of the second.\n' > "$T/sample"
SAMPLE="$T/sample"
error_paths
EMPTY_OUT=1; SIZE_DOC="document 1: "
size_limit
scaling_battery
done_testing
