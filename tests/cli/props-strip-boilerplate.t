#!/bin/sh
# props-strip-boilerplate.t - strip-boilerplate invariants over every
# fixture and random documents (issue 7): every line it prints (kept or,
# with -v, removed) is a substring of an input line; -z over N documents
# equals N runs; same output in every locale.  The substring invariant is
# plain-text mode's (--text): HTML pages come out as their decoded text.
. tests/cli/lib.sh
TOOL=strip-boilerplate
. tests/frame/props.sh
props_setup

for opts in "" "-v" "--no-cut" "--no-title" "-L en" "-L de" "-L ru"; do
	CMD="strip-boilerplate --text $opts"
	each_doc "${opts:-default}: every line printed is part of an input line" substr
done
CMD="strip-boilerplate"
z_equals_runs "kept text"
CMD="strip-boilerplate --explain"
same_in_locales "--explain"
done_testing
