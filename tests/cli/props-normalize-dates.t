#!/bin/sh
# props-normalize-dates.t - normalize-dates invariants over every fixture
# and random documents (issue 7): -a minus its tags is the input; -l
# offsets cut the text it prints; -z over N documents equals N runs; same
# output in every locale.
. tests/cli/lib.sh
TOOL=normalize-dates
. tests/frame/props.sh
props_setup

for ref in auto none 2023-10-18; do
	CMD="normalize-dates -a -r $ref"
	each_doc "-a -r $ref: the output without its tags is the input" untag
	CMD="normalize-dates -l -r $ref"
	each_doc "-l -r $ref: offsets cut the text" offsets -s
done
for o in dmy mdy ymd; do
	CMD="normalize-dates -a --order $o"
	each_doc "-a --order $o: the output without its tags is the input" untag
done
CMD="normalize-dates -a"
z_equals_runs "-a"
CMD="normalize-dates -l"
z_equals_runs "-l" nodoc
same_in_locales "-l"
CMD="normalize-dates"
same_in_locales "replace"
done_testing
