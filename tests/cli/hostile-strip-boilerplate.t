#!/bin/sh
# hostile-strip-boilerplate.t - strip-boilerplate on bad input (issue 7):
# every kind of invalid UTF-8, NUL, CRLF, BOM, empty input, huge lines and
# random bytes, pattern-hostile text, write errors, bad operands and the
# size limit.  Every line it prints must be a substring of an input line.
. tests/cli/lib.sh
TOOL=strip-boilerplate
. tests/frame/hostile.sh
hostile_setup

CMD="strip-boilerplate"; PROP=substr
battery

# the other modes on a few of the inputs: quiet, and still substrings
for opts in "-v" "--explain" "--no-cut --no-title" "-T"; do
	CMD="strip-boilerplate $opts"
	for f in unbalanced crlf truncated nul; do
		hrun "$T/in.$f"
		is "$RC:$(head -c 300 "$ERR")" "0:" "$opts on in.$f: exit 0, quiet"
	done
done
CMD="strip-boilerplate -v"
hrun "$T/in.saidline"
$CHECK substr "$T/in.saidline" "$OUT"; ok $? "-v prints substrings of the input too"

CMD="strip-boilerplate"
printf 'Sign up for our newsletter now\n\nThe council voted on Monday to close the old library on the high street, a decision that has angered residents who say the building is the heart of the town and should be kept for the people who use it every day.\n' > "$T/sample"
SAMPLE="$T/sample"
error_paths
EMPTY_OUT=0
size_limit
scaling_battery
done_testing
