#!/bin/sh
# props-split-articles.t - split-articles invariants over every fixture and
# random documents (issue 7): -z records concatenate to the input, in
# every format; -z over N documents equals N runs; same output in every
# locale.
. tests/cli/lib.sh
TOOL=split-articles
. tests/frame/props.sh
props_setup

CMD="split-articles"
each_doc "-z records concatenate to the input" nulcat
for fmt in listing lexisnexis factiva europresse proquest separator heads run single; do
	CMD="split-articles -F $fmt"
	each_doc "-F $fmt: records concatenate to the input" nulcat
done
CMD="split-articles"
z_equals_runs "records"
CMD="split-articles --jsonl"
z_equals_runs "--jsonl" nodoc
same_in_locales "--jsonl"
done_testing
