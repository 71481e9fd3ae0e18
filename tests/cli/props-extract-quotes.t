#!/bin/sh
# props-extract-quotes.t - extract-quotes invariants over every fixture and
# random documents (issue 7): START and END cut exactly the QUOTE printed;
# -z over N documents equals N runs; same output in every locale.
. tests/cli/lib.sh
TOOL=extract-quotes
. tests/frame/props.sh
props_setup

for opts in "" "--min-words 1" "--min-words 10"; do
	CMD="extract-quotes $opts"
	each_doc "${opts:-default}: offsets cut the quotation printed" offsets -r
done
CMD="extract-quotes"
z_equals_runs "TSV"
same_in_locales "TSV"
done_testing
