#!/bin/sh
# hostile-memory.t - peak memory on big input (issue 7).  normalize-dates
# streams: its peak RSS must stay flat whatever the input size, on many
# lines and on one huge line.  The document tools hold one document:
# strip-boilerplate must stay under 3 x doc + 16 MiB, split-articles
# under 2 x doc + 16 MiB (their issues' bounds), extract-quotes under
# 4 x doc + 16 MiB.
#
# Sizes: `make check` streams 200 MB and uses 40 MB documents; with
# NP_HEAVY=1 it is 1 GB and 100 MB (the issue's figures).  Under
# AddressSanitizer the sizes are a fifth and the bounds are not checked
# (its shadow memory and quarantine are no measure of the tool); the
# runs must still succeed.  Figures are printed as diagnostics.
. tests/cli/lib.sh
. tests/frame/hostile.sh
PEAK="${NP_TESTBIN:-build/tests}/peak-rss"
if [ ! -x "$PEAK" ]; then
	echo "1..0 # skip no peak-rss helper ($PEAK)"
	exit 0
fi
if [ "${LC_ALL:-}" != C ] && [ -z "${NP_BIG:-}" ]; then
	echo "1..0 # skip memory tests run under LC_ALL=C"
	exit 0
fi

STREAM_MB=200; DOC_MB=40
if [ "${NP_HEAVY:-0}" = 1 ]; then STREAM_MB=1024; DOC_MB=100; fi
TOOL=normalize-dates
command -v normalize-dates > /dev/null 2>&1 || TOOL=split-articles
SCALE=1; san=0
if sanitized; then SCALE=5; san=1; fi
LIMIT=${NP_TIMEOUT:-600}
# a document tool that needs more than this on the document is broken
DOC_LIMIT=${NP_TIMEOUT:-120}

# bound DESC KIB MAX_KIB: one assertion, skipped under ASan.
bound() {
	if [ "$san" = 1 ]; then
		ok 0 "# skip $1: $2 KiB (AddressSanitizer build, not checked)"
	else
		ok $(( $2 > $3 )) "$1: peak RSS $2 KiB <= $3 KiB"
	fi
}

# A page of news text: title, paragraphs, quotations, dates, furniture.
cp tests/frame/news-page.txt "$T/page"

if command -v normalize-dates > /dev/null 2>&1; then
	s=$(( STREAM_MB / SCALE ))
	for shape in lines oneline; do
		for mb in $(( s / 10 )) "$s"; do
			if [ "$shape" = lines ]; then
				yes "$(cat "$T/page")" | head -c $(( mb * 1048576 ))
			else
				yes 'a word on 12 May 2020 and more ' | tr -d '\n' | head -c $(( mb * 1048576 ))
			fi | "$PEAK" "$T/rss.$shape.$mb" timeout "$LIMIT" normalize-dates -a 2> "$ERR" |
			    tr -cd '\n' | wc -c > "$T/nl.$shape.$mb"
			read rss secs < "$T/rss.$shape.$mb"
			is "$(cat "$ERR")" "" "normalize-dates -a on $mb MB ($shape): quiet ($rss KiB, $secs s)"
			eval "rss_${shape}_$mb=$rss"
		done
		small=$(eval echo "\$rss_${shape}_$(( s / 10 ))"); big=$(eval echo "\$rss_${shape}_$s")
		bound "normalize-dates streams $s MB ($shape)" "$big" 32768
		bound "normalize-dates: flat from $(( s / 10 )) MB to $s MB ($shape)" "$big" $(( small + 8192 ))
	done
	want=$(( $(yes "$(cat "$T/page")" | head -c $(( s * 1048576 )) | tr -cd '\n' | wc -c) ))
	is "$(cat "$T/nl.lines.$s")" "$want" "normalize-dates: every line of $s MB came out"
else
	ok 0 "# skip no normalize-dates"
fi

d=$(( DOC_MB / SCALE ))
yes "$(cat "$T/page")" | head -c $(( d * 1048576 )) > "$T/doc"
docb=$(wc -c < "$T/doc")
dockib=$(( docb / 1024 ))
# one document tool: TOOL FACTOR OPTIONS...
doc_tool() {
	_t=$1; _f=$2; shift 2
	if ! command -v "$_t" > /dev/null 2>&1; then
		ok 0 "# skip no $_t"; ok 0 "# skip no $_t"
		return
	fi
	"$PEAK" "$T/rss.$_t" timeout "$DOC_LIMIT" "$_t" "$@" "$T/doc" > /dev/null 2> "$ERR"
	rc=$?
	read rss secs < "$T/rss.$_t"
	is "$rc:$(head -c 300 "$ERR")" "0:" "$_t $* on a $d MB document: exit 0, quiet ($rss KiB, $secs s)"
	bound "$_t on a $d MB document: under $_f x doc + 16 MiB" "$rss" $(( _f * dockib + 16384 ))
}
doc_tool strip-boilerplate 3
doc_tool split-articles 2 -z
doc_tool extract-quotes 4
done_testing
