# lib.sh - TAP helpers for the command-line tests (POSIX sh).
# Source it from a tests/cli/*.t script; run from the project root, with the
# tools in bin/.  Every test script runs under LC_ALL=C and LC_ALL=C.UTF-8
# (make cli runs prove twice).
#
#   run CMD...            runs CMD, keeps stdout in $OUT (file), stderr in $ERR, status in $RC
#   ok COND_STATUS DESC   one TAP line from a status (0 = pass)
#   is GOT WANT DESC      compare two strings
#   is_file GOT WANT DESC compare two files byte for byte (cmp)
#   done_testing          prints the plan; exit status says whether all passed

PATH="${NP_BIN:-$(pwd)/bin}:$PATH"; export PATH
T=$(mktemp -d "${TMPDIR:-/tmp}/np-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
OUT="$T/out"; ERR="$T/err"; RC=0
_n=0; _failed=0
FIX=tests/cli/fixtures

run() {
	"$@" >"$OUT" 2>"$ERR"; RC=$?
}

ok() {
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $_n - $2"
	else echo "not ok $_n - $2"; _failed=$((_failed + 1)); fi
}

is() {
	if [ "$1" = "$2" ]; then ok 0 "$3"
	else ok 1 "$3"; printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | head -40; fi
}

is_file() {
	if cmp -s "$1" "$2"; then ok 0 "$3"
	else ok 1 "$3"; diff "$1" "$2" 2>/dev/null | head -20 | sed 's/^/#   /'; fi
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
