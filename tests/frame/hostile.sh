# hostile.sh - the bad-input battery shared by tests/cli/hostile-*.t.
# Source it after tests/cli/lib.sh, set TOOL (the program), CMD (how to
# run it on a file so that its output can be checked: TOOL and options)
# and PROP (a hostile-check.pl check of that output against the input),
# then call `battery`.
#
# Every case asserts the exit status, the standard error and the output,
# and runs under `timeout`, so a hang fails instead of blocking the run.
# Big inputs are made in $T with head, yes, awk and tr.  Sizes follow the
# issue (a 50 MB line, 1 M lines, 20 MB of random bytes) in an ordinary
# build; a sanitized build (NP_SANITIZED=1, or found by its symbols) runs
# them at a fifth of the size.  The big cases, the error paths and the
# timing cases run under LC_ALL=C only (the locale cannot matter to them;
# props-*.t check that it does not); the timing cases not under ASan,
# whose slowdown is uneven.

CHECK="perl tests/frame/hostile-check.pl"
PEAK="${NP_TESTBIN:-build/tests}/peak-rss"

# True when the tool is an AddressSanitizer build.
sanitized() {
	case "${NP_SANITIZED:-}" in
	1|yes) return 0 ;;
	0|no) return 1 ;;
	esac
	grep -q __asan_init "$(command -v "$TOOL")" 2>/dev/null
}

# skip_all REASON: the whole script is skipped (the tool is not built).
skip_all() {
	echo "1..0 # skip $1"
	exit 0
}

# Sets SCALE (divisor of the big sizes) and LIMIT (seconds per command).
hostile_setup() {
	command -v "$TOOL" >/dev/null 2>&1 || skip_all "no $TOOL"
	SCALE=1; LIMIT=${NP_TIMEOUT:-60}
	if sanitized; then SCALE=5; LIMIT=${NP_TIMEOUT:-180}; fi
	BIG=1
	[ "${LC_ALL:-}" = C ] || BIG=0
	[ -n "${NP_BIG:-}" ] && BIG=$NP_BIG
}

# repeat FILE BYTES: FILE over and over, BYTES in all (made by doubling,
# not by one cat per copy).
repeat() {
	cp "$1" "$T/rep"
	while [ "$(wc -c < "$T/rep")" -lt "$2" ]; do
		cat "$T/rep" "$T/rep" > "$T/rep2" && mv "$T/rep2" "$T/rep"
	done
	head -c "$2" "$T/rep"
}

# mb N: N megabytes, divided by SCALE.
mb() {
	echo $(( $1 * 1048576 / SCALE ))
}

# hrun FILE [ARGS]: runs "$CMD ARGS FILE" with a time limit.
hrun() {
	_f=$1; shift
	run timeout "$LIMIT" $CMD "$@" "$_f"
}

# hcase DESC FILE: the three assertions of one battery case.
hcase() {
	hrun "$2"
	if [ "$RC" -eq 124 ]; then
		ok 1 "$1: finishes within ${LIMIT} s"
	else
		is "$RC" 0 "$1: exit 0"
	fi
	is "$(head -c 2000 "$ERR")" "" "$1: nothing on stderr"
	$CHECK $PROP "$2" "$OUT" > "$T/why"; _rc=$?
	ok $_rc "$1: output keeps the input ($PROP)"
	cat "$T/why"
}

# skip_case DESC N: N skipped assertions.
skip_case() {
	_k=0
	while [ $_k -lt "$2" ]; do
		ok 0 "# skip $1"
		_k=$((_k + 1))
	done
}

# The inputs.  $T/in.* are made once per script.
make_inputs() {
	# invalid UTF-8 of every kind, among text the engines look at
	printf 'Overlong \300\257 \340\200\257 \360\200\200\257 said "no" on May 5, 2021.\n' > "$T/in.overlong"
	printf 'Surrogates \355\240\200\355\277\277 and \364\220\200\200 past U+10FFFF, \370\210\200\200\200 \376\377.\n' > "$T/in.surrogate"
	printf 'Lone continuation \200\277 bytes \"quoted \277 text\" 12.\2003.2020\n' > "$T/in.lonecont"
	printf 'He said: \342\200\234Truncated at the end on 5 May 2021 \342\200' > "$T/in.truncated"
	printf 'A truncated \342\200 mark and \303 in the middle of \360\237\230 text.\n' > "$T/in.truncmid"
	printf 'NUL\000bytes \000 "in the \000 text" said Ann on 3 June\0002020.\n\000\n' > "$T/in.nul"
	printf 'CRLF line one, May 5, 2021.\r\n\r\n"A quote here," she said.\r\n* * *\r\nNext\r\n' > "$T/in.crlf"
	printf '\357\273\277BOM first: 12 March 2020 "and a quote to end" he said.\n' > "$T/in.bom"
	: > "$T/in.empty"
	printf 'No final newline, 2020-05-05, "quoted words at the end"' > "$T/in.nofinal"
	printf '\n\n\n   \n\t\n' > "$T/in.blank"
	# deeply unbalanced quote marks and brackets
	yes "$(printf '(((( "[[[ {{ \302\253 \342\200\236 \342\200\234 \342\200\230 \343\200\214 <<')" |
	    head -c "$(mb 1)" > "$T/in.unbalanced"
	yes "$(printf ')))) ]]] }} \302\273 \342\200\235 \342\200\231 " >> \343\200\215')" |
	    head -c "$(mb 1)" >> "$T/in.unbalanced"
	# pathological text for patterns
	awk -v n=100000 'BEGIN { for (i = 0; i < n; i++) printf "%d.", i % 10; print "" }' > "$T/in.digits"
	awk -v n=100000 'BEGIN { for (i = 0; i < n; i++) printf "May "; print "" }' > "$T/in.may"
	awk -v n=50000 'BEGIN { for (i = 0; i < n; i++) printf "12 May 2020, "; print "" }' > "$T/in.dates"
	head -c "$(mb 1)" /dev/zero | tr '\0' '"' > "$T/in.quotes"
	yes "$(printf '\342\200\234')" | head -n 300000 | tr -d '\n' > "$T/in.curly"
	yes '"a" said he, "b" said she, ' | head -c "$(mb 1)" | tr -d '\n' > "$T/in.saidline"
	if [ "$BIG" = 1 ]; then
		# a 50 MB line of text, 1 M tiny lines, 20 MB of random bytes
		yes 'The mayor said on 12 May 2020 that "the bridge (north side) will reopen in June". ' |
		    head -c "$(mb 50)" | tr -d '\n' > "$T/in.line50m"
		awk -v n=$((1000000 / SCALE)) 'BEGIN { for (i = 0; i < n; i++) print (i % 3 == 0 ? "" : i % 3 == 1 ? "a" : "\"") }' > "$T/in.lines1m"
		if [ "${NUL_OK:-1}" = 0 ]; then
			# -z reads NULs as record ends: random bytes without them
			head -c "$(mb 21)" /dev/urandom | tr -d '\000' | head -c "$(mb 20)" > "$T/in.random"
		else
			head -c "$(mb 20)" /dev/urandom > "$T/in.random"
		fi
	fi
}

# The whole battery; each case is DESC and input.
battery() {
	make_inputs
	for c in overlong:"overlong UTF-8" surrogate:"surrogates and > U+10FFFF" \
	    lonecont:"lone continuation bytes" truncated:"UTF-8 truncated at the end" \
	    truncmid:"truncated sequences inside" crlf:"CRLF" bom:"a BOM" \
	    empty:"empty input" nofinal:"no final newline" blank:"only blank lines" \
	    unbalanced:"unbalanced quote marks and brackets" \
	    digits:"100 k digits with dots" may:"May May May ..." \
	    dates:"50 k dates in a row" quotes:"a 1 MB run of quote marks" \
	    curly:"300 k curly quote marks" saidline:"one long line of short quotations" \
	    nul:"NUL bytes without -z"; do
		[ "${c%%:*}" = nul ] && [ "${NUL_OK:-1}" = 0 ] && continue
		hcase "${c#*:}" "$T/in.${c%%:*}"
	done
	if [ "$BIG" = 1 ]; then
		hcase "a $(( 50 / SCALE )) MB line" "$T/in.line50m"
		hcase "$(( 1000 / SCALE )) k tiny lines" "$T/in.lines1m"
		hcase "$(( 20 / SCALE )) MB from /dev/urandom" "$T/in.random"
	else
		skip_case "big inputs run under LC_ALL=C" 9
	fi
	zrecords
	jsonl_cases
}

# Many records: 1 M empty -z records come out as 1 M empty records, and
# 100 k short ones as 100 k records.
zrecords() {
	head -c $(( 1000000 / SCALE )) /dev/zero > "$T/z.empty"
	run timeout "$LIMIT" $CMD -z "$T/z.empty"
	is "$RC:$(head -c 300 "$ERR")" "0:" "$(( 1000 / SCALE )) k empty -z records: exit 0, quiet"
	is_file "$OUT" "$T/z.empty" "$(( 1000 / SCALE )) k empty -z records: as many empty records out"
	yes 'A "short quoted line" said Bob on 5 May 2020.' | head -n $(( 100000 / SCALE )) |
	    tr '\n' '\000' > "$T/z.short"
	run timeout "$LIMIT" $CMD -z "$T/z.short"
	is "$RC:$(head -c 300 "$ERR")" "0:" "$(( 100 / SCALE )) k short -z records: exit 0, quiet"
	is "$(tr -cd '\000' < "$OUT" | wc -c | tr -d ' ')" $(( 100000 / SCALE )) \
	    "$(( 100 / SCALE )) k short -z records: as many records out"
}

# JSON Lines (with JCMD, default CMD): a 1 MB text field gives valid
# JSON Lines; nesting deeper
# than the parser allows is a reported error, not a crash.
jsonl_cases() {
	{
		printf '{"id":1,"text":"'
		yes 'A \"quoted text\" said Bob on 5 May 2020.\n\n* * *\n\u00e9\t' |
		    head -c "$(mb 1)" | tr -d '\n'
		printf 'end","n":[1,{"a":"}"}]}\n'
	} > "$T/big.jsonl"
	run timeout "$LIMIT" ${JCMD:-$CMD} --jsonl "$T/big.jsonl"
	is "$RC:$(head -c 300 "$ERR")" "0:" "--jsonl with a 1 MB field: exit 0, quiet"
	perl -MJSON::PP -ne 'JSON::PP->new->decode($_); $n++; END { print $n + 0 }' "$OUT" > "$T/nobj" 2> "$T/jerr"
	ok $? "--jsonl with a 1 MB field: $(cat "$T/nobj") valid JSON object(s) out $(head -c 200 "$T/jerr")"
	{
		printf '{"text":"x","deep":'
		head -c 100000 /dev/zero | tr '\0' '['
		head -c 100000 /dev/zero | tr '\0' ']'
		printf '}\n{"text":"after"}\n'
	} > "$T/deep.jsonl"
	run timeout "$LIMIT" ${JCMD:-$CMD} --jsonl "$T/deep.jsonl"
	is "$RC" 1 "--jsonl nested 100 k deep: exit 1"
	is "$(cat "$ERR")" "$TOOL: $T/deep.jsonl: line 1: malformed JSON at byte 2067: nesting too deep" \
	    "--jsonl nested 100 k deep: message"
}

# The error paths: /dev/full, a closed pipe, bad operands, the size limit.
# SAMPLE is an input that gives output.
error_paths() {
	if [ "$BIG" != 1 ]; then
		skip_case "error paths run under LC_ALL=C" $(( 6 + 2 ))
		return
	fi
	if [ -w /dev/full ]; then
		timeout "$LIMIT" $CMD "$SAMPLE" > /dev/full 2> "$ERR"; rc=$?
		is "$rc" 1 ">/dev/full: exit 1"
		is "$(cat "$ERR")" "$TOOL: write error: No space left on device" ">/dev/full: message"
	else
		skip_case "no /dev/full" 2
	fi

	repeat "$SAMPLE" "$(mb 8)" > "$T/many"
	timeout "$LIMIT" $CMD "$T/many" 2> "$ERR" | head -c 1 > /dev/null
	is "$(cat "$ERR")" "" "| head -c1: quiet"

	cp "$SAMPLE" "$T/good1"; cp "$SAMPLE" "$T/good2"
	run timeout "$LIMIT" $CMD "$T/good1" "$T/good2"
	cp "$OUT" "$T/want-good"
	run timeout "$LIMIT" $CMD "$T/good1" "$T" /proc/self/mem "$T/good2"
	is "$RC" 1 "a directory and an unreadable operand: exit 1"
	is "$(cat "$ERR")" "$TOOL: $T: Is a directory
$TOOL: /proc/self/mem: Input/output error" "a directory and an unreadable operand: messages"
	is_file "$OUT" "$T/want-good" "the other operands are still done"
	if [ "$(id -u)" != 0 ]; then
		cp "$SAMPLE" "$T/noperm"; chmod 000 "$T/noperm"
		run timeout "$LIMIT" $CMD "$T/noperm" "$T/good2"
		is "$RC" 1 "a file without read permission: exit 1"
		is "$(cat "$ERR")" "$TOOL: $T/noperm: Permission denied" "a file without read permission: message"
	else
		skip_case "root reads any file" 2
	fi
}

# A document over --max-doc-size, from a pipe, is reported and skipped in
# bounded memory: the reader drops it instead of holding it.  EMPTY_OUT is
# the size of the output then (1 with -z: the empty record), SIZE_DOC what
# the message says before the reason ("document 1: " with -z).
size_limit() {
	if [ "$BIG" != 1 ] || [ ! -x "$PEAK" ]; then
		skip_case "no peak-rss helper" 4
		return
	fi
	yes 'A line of text said to be on 12 May 2020 "with a quote".' |
	    head -c "$(mb 200)" | "$PEAK" "$T/rss" $CMD "$@" --max-doc-size 1M - > "$OUT" 2> "$ERR"
	rc=$?
	is "$rc" 1 "a $(( 200 / SCALE )) MB document over --max-doc-size 1M: exit 1"
	is "$(cat "$ERR")" "$TOOL: stdin: ${SIZE_DOC:-}document larger than --max-doc-size" \
	    "over --max-doc-size: message"
	is "$(wc -c < "$OUT" | tr -d ' ')" "$EMPTY_OUT" "over --max-doc-size: no output"
	rss=$(cut -d' ' -f1 "$T/rss")
	if sanitized; then
		ok 0 "# skip peak RSS under AddressSanitizer ($rss KiB)"
	else
		ok $(( rss > 65536 )) "over --max-doc-size: peak RSS $rss KiB < 64 MiB"
	fi
}

# scaling DESC GENERATOR [SMALL LARGE]: the tool's time on GENERATOR's
# output of 128 KiB and of 1 MiB (or SMALL and LARGE = 8 x SMALL); linear work grows 8 times, so the test fails only when it
# grows more than 24 times (a quadratic pass grows 64 times) and takes
# more than half a second.
scaling() {
	if [ "$BIG" != 1 ] || sanitized; then
		skip_case "timing under LC_ALL=C without sanitizers" 1
		return
	elif [ ! -x "$PEAK" ]; then
		skip_case "no peak-rss helper" 1
		return
	fi
	$2 | head -c "${3:-131072}" > "$T/small"
	$2 | head -c "${4:-1048576}" > "$T/large"
	"$PEAK" "$T/t1" timeout "$LIMIT" $CMD "$T/small" > /dev/null 2>&1
	"$PEAK" "$T/t8" timeout "$LIMIT" $CMD "$T/large" > /dev/null 2>&1
	t1=$(cut -d' ' -f2 "$T/t1"); t8=$(cut -d' ' -f2 "$T/t8")
	floor=0.5; sanitized && floor=2.5
	awk -v a="$t1" -v b="$t8" -v f="$floor" 'BEGIN { exit !(b <= f || b <= 24 * (a > 0.01 ? a : 0.01)) }'
	ok $? "linear time on $1: $t1 s for $(( ${3:-131072} / 1024 )) KiB, $t8 s for $(( ${4:-1048576} / 1024 )) KiB"
}

gen_quotes() { yes '"' | tr -d '\n'; }
gen_curly() { yes "$(printf '\342\200\234 \342\200\235')" | tr -d '\n'; }
gen_may() { yes 'May' | tr '\n' ' '; }
gen_digits() { yes '1.2.3.4.5.6.7.8.9.0' | tr '\n' '.'; }
gen_brackets() { yes "$(printf '(( "[ \302\253 \342\200\236 {')" | tr -d '\n'; }
gen_said() { yes '"a b" said he, "c d" she said. ' | tr -d '\n'; }
gen_dates() { yes '12.05.2020 May 12, 2020 2020-05-12 last week' | tr '\n' ' '; }
gen_lines() { yes '"'; }
gen_page() { yes "$(cat tests/frame/news-page.txt)"; }

# Every scaling case.
scaling_battery() {
	scaling "a run of quote marks" gen_quotes
	scaling "curly quote pairs on one line" gen_curly
	scaling "May May May" gen_may
	scaling "digits with dots" gen_digits
	scaling "unbalanced brackets on one line" gen_brackets
	scaling "short quotations on one line" gen_said
	scaling "dates on one line" gen_dates
	scaling "lines of one quote mark" gen_lines
	scaling "a news page over and over" gen_page 524288 4194304
}
