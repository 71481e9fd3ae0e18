#!/bin/sh
# bench/profile.sh - where each tool spends its instructions (run by
# `make bench-profile`).
#
# Runs every tool under valgrind --tool=callgrind on a small slice of the
# benchmark corpus (BENCH_PROFILE_MB, default 2: callgrind is about 50
# times slower than the tool) and prints, per tool, the instructions per
# input byte and the functions with the largest self and inclusive cost.
# The callgrind files stay in BENCH_WORK/callgrind.TOOL.MODE for
# callgrind_annotate or kcachegrind.  With BENCH_PROFILE_PERF=1 and perf
# installed, each tool also runs under `perf record` on the whole slice
# (real time, not simulated; BENCH_WORK/perf.TOOL.MODE.data) and the top
# of `perf report` is printed.
#
# Environment (bench.mk sets them): BENCH_BIN, BENCH_TOOLS, BENCH_SEED,
# BENCH_WORK, BENCH_PROFILE_MB, BENCH_PROFILE_TOOLS (default: all four),
# BENCH_PROFILE_MODES ("-z --jsonl": the slice as NUL-separated records
# and as JSON Lines), BENCH_PROFILE_PERF (0).
set -eu

BIN=${BENCH_BIN:-bin}
TOOLS=${BENCH_TOOLS:?set BENCH_TOOLS}
SEED=${BENCH_SEED:-20231018}
WORK=${BENCH_WORK:-bench/work}
MB=${BENCH_PROFILE_MB:-2}
LIST=${BENCH_PROFILE_TOOLS:-normalize-dates split-articles extract-quotes strip-boilerplate}
MODES=${BENCH_PROFILE_MODES:--z --jsonl}
PERF=${BENCH_PROFILE_PERF:-0}
LC_ALL=C.UTF-8
export LC_ALL

if ! command -v valgrind >/dev/null 2>&1; then
	echo "bench-profile: valgrind is not installed (apt-get install valgrind)" >&2
	exit 1
fi
mkdir -p "$WORK"
slice=$WORK/profile-${MB}MB-$SEED.z
if [ ! -f "$slice" ] || [ "$TOOLS/gencorpus" -nt "$slice" ]; then
	"$TOOLS/gencorpus" -s "$SEED" "$MB" > "$slice.tmp" && mv "$slice.tmp" "$slice"
fi
if [ ! -f "$slice.jsonl" ] || [ "$slice" -nt "$slice.jsonl" ]; then
	"$TOOLS/gencorpus" -J < "$slice" > "$slice.jsonl.tmp" && mv "$slice.jsonl.tmp" "$slice.jsonl"
fi

for t in $LIST; do
for mode in $MODES; do
	m=${mode#--}; m=${m#-}
	in=$slice
	[ "$mode" = --jsonl ] && in=$slice.jsonl
	bytes=$(wc -c < "$in" | tr -d ' ')
	out=$WORK/callgrind.$t.$m
	valgrind --tool=callgrind --callgrind-out-file="$out" \
	    "$BIN/$t" "$mode" < "$in" > /dev/null 2> "$WORK/callgrind.$t.$m.log"
	total=$(callgrind_annotate "$out" 2>/dev/null |
	    sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
	echo "=== $t $mode: $total instructions for $bytes bytes" \
	    "($(awk -v i="$total" -v b="$bytes" 'BEGIN { printf "%.0f", i / b }') per byte)"
	echo "--- self"
	callgrind_annotate "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' |
	    grep -v 'PROGRAM TOTALS' | head -n 12 |
	    sed 's#???:0x[0-9a-f]* \[.*/\([^]/]*\.so[^]/]*\)\]$#(\1, no symbols)#;
		s/ \[[^]]*\]$//; s/???:0x[0-9a-f]*.*/(JIT-compiled pattern code)/'
	echo "--- inclusive"
	callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' |
	    grep -v -E 'PROGRAM TOTALS|\?\?\?:0x|below main|libc_start|ld-linux|:main |np_cli_each|run_text_document' |
	    sed 's/ \[[^]]*\]$//; s#  /[^ ]*/filters/#  filters/#' | awk '!seen[$0]++' | head -n 12
	if [ "$PERF" = 1 ] && command -v perf >/dev/null 2>&1; then
		perf record -q -g -o "$WORK/perf.$t.$m.data" "$BIN/$t" "$mode" < "$in" \
		    > /dev/null 2> "$WORK/perf.$t.$m.log" &&
		    { echo "--- perf (self, real run)"; perf report -q --no-children --stdio \
		    -i "$WORK/perf.$t.$m.data" 2>/dev/null | grep -E '^ +[0-9.]+%' | head -n 12; }
	fi
	echo
done
done
