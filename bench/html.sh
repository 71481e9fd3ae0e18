# bench/html.sh - the HTML section of the benchmark, sourced by
# bench/run.sh (which provides pair, measure, figure, bytes_of and the
# BENCH_* settings) after the text corpora.
#
# Corpora:
#   generated  bench/htmlcorpus.py wraps the generated text corpus
#              (BENCH_HTML_MB megabytes of it, default 8, about 30 MB of
#              HTML) in news page templates: HTML5, 2008 table layouts in
#              one <form>, class-only div soup, blogs with comments,
#              JSON-LD articleBody pages; UTF-8, windows-1252, ISO-8859-1,
#              windows-1251 and KOI8-R.  Needs python3.
#   shared     ../shared/data/boilerplate/*/*.html when present: the real
#              dev pages (scrapinghub and L3S-GN1), read where they lie and
#              concatenated into bench/corpus/ (never committed).
# On each: `strip-boilerplate -z --html` paired with `grep -a -o -P DATE`
# (MB/s of HTML and the ratio to grep, as for the text tools).  Then the
# peers, on a slice of BENCH_HTML_PEER_PAGES generated pages (default 300)
# and on the shared pages: w3m -dump + text mode (bench/peers/w3m-text.sh;
# whenever w3m is installed) and @mozilla/readability on linkedom
# (bench/peers/readability.mjs; `make bench-peers` installs it), with
# newsprep on the same bytes.  With the shared pages and python3, the
# accuracy of each way on them (shingle F1, ../shared/eval) goes into the
# table too.
HTML_MB=${BENCH_HTML_MB:-8}
HTML_PEER_PAGES=${BENCH_HTML_PEER_PAGES:-300}
HTML_DIR=$(dirname "$CORPUS")
HTML_Z=$HTML_DIR/html-${HTML_MB}MB-$SEED.z
HTML_PAGES=$HTML_DIR/html-pages-$SEED
HTML_HERE=$(cd "$(dirname "$0")" && pwd)
HTML_EVAL=$HTML_HERE/../../shared/eval/eval_boilerplate.py
: > "$WORK/html-f1.tsv"	# way set F1
html_have_node() { command -v node > /dev/null 2>&1 && [ -d "$PEERS/node_modules/$1" ]; }

echo
if command -v python3 > /dev/null 2>&1; then
	if [ ! -f "$HTML_Z" ] || [ "$HTML_HERE/htmlcorpus.py" -nt "$HTML_Z" ] || [ "$GEN" -nt "$HTML_Z" ]; then
		rm -rf "$HTML_PAGES"
		"$GEN" -s "$SEED" "$HTML_MB" | python3 "$HTML_HERE/htmlcorpus.py" "$SEED" \
		    "$HTML_Z.tmp" "$HTML_PAGES" "$HTML_PEER_PAGES" > "$HTML_Z.desc"
		mv "$HTML_Z.tmp" "$HTML_Z"
	fi
	echo "HTML: generated pages ($(cat "$HTML_Z.desc")):"
	pair html-generated strip-boilerplate --html "$HTML_Z" - "$BIN/strip-boilerplate" -z --html
	measure htmlcpu-generated "strip-boilerplate -z --html (CPU)" "$HTML_Z" - "$RUNS" \
	    "$BIN/strip-boilerplate" -z --html
	ls "$HTML_PAGES"/*.html > "$WORK/html-gen.list"
	: > "$HTML_DIR/html-slice.z"
	while IFS= read -r f; do cat "$f"; printf '\0'; done < "$WORK/html-gen.list" >> "$HTML_DIR/html-slice.z"
else
	echo "HTML: generated pages skipped (no python3)"
fi
HTML_SHARED=
if [ -n "$SHARED" ] && ls "$SHARED"/boilerplate/*/*.html > "$WORK/html-shared.list" 2> /dev/null; then
	HTML_SHARED=$HTML_DIR/html-shared.z
	: > "$HTML_SHARED"
	while IFS= read -r f; do tr -d '\000' < "$f"; printf '\0'; done < "$WORK/html-shared.list" >> "$HTML_SHARED"
	echo "HTML: shared dev pages ($(wc -l < "$WORK/html-shared.list" | tr -d ' ') pages, $(bytes_of "$HTML_SHARED") bytes):"
	pair html-shared strip-boilerplate --html "$HTML_SHARED" - "$BIN/strip-boilerplate" -z --html
	measure htmlcpu-shared "strip-boilerplate -z --html (CPU)" "$HTML_SHARED" - "$RUNS" \
	    "$BIN/strip-boilerplate" -z --html
fi

# html_f1 WAY SET COMMAND: shingle F1 of COMMAND on the SET's HTML pages.
html_f1() {
	[ -n "$HTML_SHARED" ] && [ -f "$HTML_EVAL" ] && command -v python3 > /dev/null 2>&1 || return 0
	_f1=$(python3 "$HTML_EVAL" -q -j 2 --input-ext .html "$3" "$SHARED/boilerplate/$2" 2> /dev/null |
	    awk '/^shingle/ { print $NF }')
	printf '%s\t%s\t%s\n' "$1" "$2" "${_f1:-?}" >> "$WORK/html-f1.tsv"
}

# html_peers CORPUS Z LIST: newsprep, w3m + text mode and readability on
# the same pages.
html_peers() {
	measure "htmlpeer-$1" "strip-boilerplate -z --html" "$2" - "$RUNS" "$BIN/strip-boilerplate" -z --html
	if command -v w3m > /dev/null 2>&1; then
		measure "htmlpeer-$1" "w3m -dump + strip-boilerplate -z" "$2" - "$PEER_RUNS" \
		    sh "$PEERS/w3m-text.sh" "$BIN" "$3"
	else
		echo "  w3m: not installed (make bench-peers)"
	fi
	if html_have_node @mozilla/readability && html_have_node linkedom; then
		measure "htmlpeer-$1" "@mozilla/readability (linkedom)" "$2" - "$PEER_RUNS" \
		    node "$PEERS/readability.mjs"
	else
		echo "  @mozilla/readability: not installed (make bench-peers)"
	fi
}
if [ "${BENCH_PEERS:-1}" != 0 ]; then
	echo "HTML peers (readability: time inside the peer, start-up excluded; w3m: the whole pipeline):"
	[ -s "$HTML_DIR/html-slice.z" ] && html_peers generated "$HTML_DIR/html-slice.z" "$WORK/html-gen.list"
	[ -n "$HTML_SHARED" ] && html_peers shared "$HTML_SHARED" "$WORK/html-shared.list"
	for s in dev l3s-dev; do
		[ -d "$SHARED/boilerplate/$s" ] || continue
		html_f1 "strip-boilerplate -z --html" "$s" "$(cd "$BIN" && pwd)/strip-boilerplate --html"
		command -v w3m > /dev/null 2>&1 && html_f1 "w3m -dump + strip-boilerplate -z" "$s" \
		    "w3m -dump -O UTF-8 -T text/html | $(cd "$BIN" && pwd)/strip-boilerplate"
		html_have_node @mozilla/readability && html_have_node linkedom &&
		    html_f1 "@mozilla/readability (linkedom)" "$s" "node $PEERS/readability.mjs --page"
	done
fi

# The report's HTML section.
{
	echo "\`strip-boilerplate -z --html\` paired with \`grep -a -o -P DATE\` on the same pages"
	echo "(issue #12's target: 25 MB/s of HTML on one core):"
	echo
	echo "| corpus | bytes | MB/s of HTML | MB per CPU-second | × grep | × grep in CPU time | peak RSS |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	awk -F '\t' 'FNR == NR { if ($1 ~ /^htmlcpu-/ && $7 > 0) cpu[substr($1, 9)] = $3 / 1e6 / $7; next }
	    $1 ~ /^html-/ { c = substr($1, 6)
		printf "| %s | %d | %.1f | %.1f | %.3f | %.3f | %.1f MiB |\n",
		c, $4, $4 / 1e6 / $5, cpu[c], $7, $8, $9 / 1024 }' "$ROWS" "$PAIRS"
	if grep -q '^htmlpeer' "$ROWS"; then
		echo
		echo "Peers on the same pages (readability's time is measured inside node, start-up"
		echo "excluded; w3m's is the whole pipeline, one process a page; \"newsprep / way\" compares"
		echo "MB per CPU-second, the steady figure on a shared machine).  F1: shingle F1 on the"
		echo "shared dev pages (scrapinghub dev / L3S-GN1 dev), ../shared/eval/eval_boilerplate.py."
		echo
		echo "| pages | way | MB/s of HTML | MB per CPU-second | newsprep / way | F1 dev | F1 l3s-dev |"
		echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
		awk -F '\t' 'FNR == NR { f1[$1 SUBSEP $2] = $3; next }
		    $1 ~ /^htmlpeer-/ { c = substr($1, 10); mbs = $3 / 1e6 / $4
			cpu = $7 > 0 ? $3 / 1e6 / $7 : mbs
			if (!(c in base)) base[c] = cpu
			d = f1[$2 SUBSEP "dev"]; l = f1[$2 SUBSEP "l3s-dev"]
			printf "| %s | %s | %.2f | %.2f | %s | %s | %s |\n", c, $2, mbs,
			    ($7 > 0 ? $3 / 1e6 / $7 : 0),
			    base[c] == cpu ? "1" : sprintf("%.0f×", base[c] / cpu),
			    d == "" ? "–" : d, l == "" ? "–" : l }' "$WORK/html-f1.tsv" "$ROWS"
	fi
} > "$WORK/html.md"
