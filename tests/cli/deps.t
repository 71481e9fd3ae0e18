#!/bin/sh
# deps.t - make deps on machines that lack things: an optional tool that
# is missing is named and skipped, not installed; a required package on a
# machine without apt-get is named and deps stops.  Runs tests/deps.sh
# with a PATH that hides some commands.
. tests/cli/lib.sh

# a PATH with the commands deps.sh uses, minus those named
fake_path() {
	d="$T/path.$1"; shift
	mkdir -p "$d"
	for c in sh cc make pkg-config prove mandoc parallel python3 clang tr id dirname mkdir tail cat; do
		case " $* " in *" $c "*) continue ;; esac
		p=$(command -v "$c") && ln -sf "$p" "$d/$c"
	done
	echo "$d"
}

# everything present but parallel (and no apt-get): a note, exit 0
P=$(fake_path a parallel apt-get)
run env PATH="$P" NP_DEPS_LOG="$T/log" sh tests/deps.sh
is "$RC" 0 "an optional tool missing: deps succeeds"
grep -q "^deps: optional parallel is not installed: tests/cli/scale.t and recipes.t are skipped (make deps WITH=parallel installs it)\$" "$OUT"
ok $? "and names it, with what is skipped and how to get it"
[ ! -e "$T/log" ]; ok $? "and runs no apt-get"

# a required package missing, no apt-get: names it, stops
P=$(fake_path b mandoc apt-get)
run env PATH="$P" NP_DEPS_LOG="$T/log" sh tests/deps.sh
is "$RC" 1 "a required package missing without apt-get: exit 1"
grep -q "^deps: missing: mandoc (Debian package names); this machine has no apt-get" "$ERR"
ok $? "names the package and says why it stops"

# asked for an optional tool, no apt-get: the same
P=$(fake_path c parallel apt-get)
run env PATH="$P" NP_DEPS_LOG="$T/log" sh tests/deps.sh --with=parallel
is "$RC" 1 "--with=parallel without apt-get: exit 1"
grep -q "^deps: missing: parallel " "$ERR"; ok $? "names parallel"

# no ANSI escapes from make demo when stdout is not a terminal
run sh tests/demo.sh
is "$RC" 0 "demo.sh runs"
esc=$(printf '\033')
! grep -q "$esc" "$OUT"; ok $? "demo.sh: no escape sequences into a pipe"

done_testing
