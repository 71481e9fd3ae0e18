#!/bin/sh
# hostile-extract-quotes.t - extract-quotes on bad input (issue 7): every
# kind of invalid UTF-8, NUL, CRLF, BOM, empty input, huge lines and
# random bytes, unbalanced and runaway quote marks, write errors, bad
# operands and the size limit.  The START and END of each line must cut
# exactly the QUOTE it prints.
. tests/cli/lib.sh
TOOL=extract-quotes
. tests/frame/hostile.sh
hostile_setup

CMD="extract-quotes"; PROP=offsets
battery

# --jsonl and --min-words on a few inputs: quiet
for opts in "--jsonl" "--min-words 1" "--min-words 1000"; do
	CMD="extract-quotes $opts"
	for f in unbalanced curly quotes truncated nul; do
		hrun "$T/in.$f"
		is "$RC:$(head -c 300 "$ERR")" "0:" "$opts on in.$f: exit 0, quiet"
	done
done

CMD="extract-quotes"
printf '"We will rebuild the bridge before the winter," the mayor said on Monday.\n' > "$T/sample"
SAMPLE="$T/sample"
error_paths
EMPTY_OUT=0
size_limit
scaling_battery
done_testing
