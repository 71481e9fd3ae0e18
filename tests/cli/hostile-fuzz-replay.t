#!/bin/sh
# hostile-fuzz-replay.t - the fuzz targets (tests/fuzz/fuzz_*.c), built
# without libFuzzer as $NP_TESTBIN/replay_*, run over every fixture, the
# saved regression inputs (tests/fuzz/regress/fuzz_NAME/: inputs the
# fuzzers once crashed on) and random text, so that `make check` keeps
# every engine's promises checked and every fuzzer finding fixed, with or
# without clang.  Under SANITIZE=1 the replays run with ASan and UBSan.
. tests/cli/lib.sh
TB="${NP_TESTBIN:-build/tests}"
LIMIT=${NP_TIMEOUT:-300}

mkdir "$T/rand"
for s in 1 2 3 4 5 6 7 8; do
	perl tests/frame/randtext.pl "$s" $(( s * 4000 )) nul > "$T/rand/r$s"
	# the same text with each option byte in front
	printf "\\$(printf '%03o' $(( s * 37 % 256 )))" | cat - "$T/rand/r$s" > "$T/rand/o$s"
done

found=0
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c); name=${name#fuzz_}
	bin="$TB/replay_$name"
	if [ ! -x "$bin" ]; then
		ok 0 "# skip replay_$name not built (engine not in ENGINE_DIRS)"
		continue
	fi
	found=1
	set -- "$T/rand"
	[ -d "tests/fuzz/regress/fuzz_$name" ] && set -- "$@" "tests/fuzz/regress/fuzz_$name"
	run timeout "$LIMIT" "$bin" -m 65536 "$FIX" "$@"
	is "$RC" 0 "fuzz_$name over the fixtures, regressions and random text: $(cat "$OUT")"
	[ "$RC" -eq 0 ] || tail -n 20 "$ERR" | sed 's/^/#   /'
done
done_testing
