#!/bin/sh
# bench/run.sh - the newsprep benchmark (run by `make bench`).
#
# For each tool: throughput in MB/s (10^6 bytes of input a second, the
# median of BENCH_RUNS runs, default 5), peak RSS, and the ratio to two
# references run in the same invocation on the same corpus: cat (the I/O
# floor) and `grep -z -o -P` with one English date pattern (one PCRE2 JIT
# scan: the floor for a regex tool).  Then peers when installed (`make
# bench-peers`) on a slice of the corpus, the scaling check through GNU
# parallel, and bench/results.md.
#
# Environment (bench.mk sets them):
#   BENCH_BIN      folder of the newsprep tools          (bin)
#   BENCH_CORPUS   the corpus, NUL-separated documents   (required)
#   BENCH_TOOLS    folder of peak and gencorpus          (required)
#   BENCH_SEED     seed the corpus was made with         (20231018)
#   BENCH_RUNS     runs per command                      (5)
#   BENCH_PEER_RUNS runs per peer command                (3)
#   BENCH_RESULTS  the report written                    (bench/results.md)
#   BENCH_WORK     scratch folder for outputs            (bench/work)
#   BENCH_PARALLEL 0 skips the scaling check             (1)
#   BENCH_PEERS    0 skips the peers                     (1)
#   BENCH_MEMORY   0 skips the one-big-document memory check (1)
#   BENCH_MEM_BIG_MB size of normalize-dates' document   (1000)
#   BENCH_MEM_MB   size of split-articles' and strip-boilerplate's (100)
# Every command runs under LC_ALL=C.UTF-8 with its output drained through
# a pipe by bench/peak (never /dev/null: GNU grep stops at the first match
# when it writes to /dev/null).
set -eu

# The whole script is one compound command: the shell reads it all before
# running any of it, so editing the file during a run cannot break it.
{

BIN=${BENCH_BIN:-bin}
CORPUS=${BENCH_CORPUS:?set BENCH_CORPUS}
TOOLS=${BENCH_TOOLS:?set BENCH_TOOLS}
SEED=${BENCH_SEED:-20231018}
RUNS=${BENCH_RUNS:-5}
PEER_RUNS=${BENCH_PEER_RUNS:-3}
RESULTS=${BENCH_RESULTS:-bench/results.md}
WORK=${BENCH_WORK:-bench/work}
PARALLEL=${BENCH_PARALLEL:-1}
MEMORY=${BENCH_MEMORY:-1}
MEM_BIG_MB=${BENCH_MEM_BIG_MB:-1000}
MEM_MB=${BENCH_MEM_MB:-100}
PEAK=$TOOLS/peak
GEN=$TOOLS/gencorpus
PEERS=$(cd "$(dirname "$0")" && pwd)/peers
LC_ALL=C.UTF-8
export LC_ALL

# The reference pattern: one English date form, as a user would grep it.
DATE_RE='(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}'

mkdir -p "$WORK"
ROWS=$WORK/rows.tsv	# section label input_bytes seconds rss_kib status cpu_seconds
: > "$ROWS"
: > "$WORK/stderr"

bytes_of() { wc -c < "$1" | tr -d ' '; }

# median FILE: the median of the numbers in FILE, one a line.
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure SECTION LABEL INPUT OUTFILE RUNS CMD [ARG]...
# Runs CMD RUNS times on INPUT through peak; appends a row to $ROWS with
# the median wall time (or, for peers, the median "peer-seconds" they
# print on stderr) and the largest peak RSS.  The first run's output goes
# to OUTFILE when it is not "-".
measure() {
	_sec=$1 _label=$2 _in=$3 _out=$4 _runs=$5
	shift 5
	: > "$WORK/t" ; : > "$WORK/r" ; : > "$WORK/c"
	_st=0 _i=0
	while [ "$_i" -lt "$_runs" ]; do
		if [ "$_i" -eq 0 ] && [ "$_out" != - ]; then
			_line=$("$PEAK" -i "$_in" -o "$_out" "$@" 2> "$WORK/err")
		else
			_line=$("$PEAK" -i "$_in" "$@" 2> "$WORK/err")
		fi
		cat "$WORK/err" >> "$WORK/stderr"
		# peak prints: seconds rss_kib output_bytes exit_status
		_secs=$(echo "$_line" | cut -d ' ' -f 1)
		_rss=$(echo "$_line" | cut -d ' ' -f 2)
		_code=$(echo "$_line" | cut -d ' ' -f 4)
		_cpu=$(echo "$_line" | cut -d ' ' -f 5)
		_ps=$(sed -n 's/^peer-seconds //p' "$WORK/err" | tail -n 1)
		[ -n "$_ps" ] && _secs=$_ps && _cpu=$_ps
		[ "$_code" -ne 0 ] && _st=$_code
		echo "$_secs" >> "$WORK/t"
		echo "$_rss" >> "$WORK/r"
		echo "$_cpu" >> "$WORK/c"
		_i=$((_i + 1))
	done
	_med=$(median "$WORK/t")
	_rss=$(sort -n "$WORK/r" | tail -n 1)
	_cmed=$(median "$WORK/c")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$_sec" "$_label" "$(bytes_of "$_in")" \
	    "$_med" "$_rss" "$_st" "$_cmed" >> "$ROWS"
	awk -F '\t' -v l="$_label" '$2 == l { r = $0 } END { split(r, f, "\t");
	    printf "  %-42s %8.1f MB/s %8.1f MB/CPU-s %7.1f MiB%s\n", f[2],
	    f[3] / 1e6 / f[4], (f[7] > 0 ? f[3] / 1e6 / f[7] : 0), f[5] / 1024,
	    (f[6] ? "  FAILED (exit " f[6] ")" : "") }' "$ROWS"
}

# figure SECTION LABEL FIELD: a column of a measured row (3 bytes,
# 4 seconds, 5 rss).
figure() {
	awk -F '\t' -v s="$1" -v l="$2" -v c="$3" '$1 == s && $2 == l { v = $c }
	    END { print v }' "$ROWS"
}

read_stats() {
	if [ -f "$CORPUS.stats" ]; then
		set -- $(cat "$CORPUS.stats")
		NDOCS=$2 LARGEST=$6
	else
		NDOCS=? LARGEST=0
	fi
}

machine() {
	_cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
	[ -n "$_cpu" ] || _cpu=$(uname -m)
	grep -q '^flags.* hypervisor' /proc/cpuinfo 2>/dev/null && _cpu="$_cpu (virtual machine)"
	printf '%s, %s logical CPUs, %s GiB RAM, Linux %s' "$_cpu" "$(nproc)" \
	    "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
	    "$(uname -r)"
}

# --------------------------------------------------------------------

CBYTES=$(bytes_of "$CORPUS")
read_stats
LOAD0=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "newsprep benchmark: $CORPUS ($CBYTES bytes, $NDOCS documents, largest $LARGEST bytes)"
echo "machine: $(machine)"
echo "runs: median of $RUNS; locale $LC_ALL"
echo

# Tools and references ------------------------------------------------
echo "single process:"
measure ref "cat" "$CORPUS" - "$RUNS" cat
measure ref "grep -z -o -P DATE" "$CORPUS" - "$RUNS" grep -z -o -P "$DATE_RE"
measure tool "normalize-dates -z" "$CORPUS" "$WORK/normalize-dates.out" "$RUNS" \
    "$BIN/normalize-dates" -z
measure tool "normalize-dates -z -l" "$CORPUS" "$WORK/normalize-dates-l.out" "$RUNS" \
    "$BIN/normalize-dates" -z -l
measure tool "split-articles -z" "$CORPUS" "$WORK/split-articles.out" "$RUNS" \
    "$BIN/split-articles" -z
measure tool "extract-quotes -z" "$CORPUS" "$WORK/extract-quotes.out" "$RUNS" \
    "$BIN/extract-quotes" -z
measure tool "strip-boilerplate -z" "$CORPUS" "$WORK/strip-boilerplate.out" "$RUNS" \
    "$BIN/strip-boilerplate" -z

# Peers --------------------------------------------------------------
# Each peer gets a slice (the corpus generator's output for a smaller
# size is a prefix of the corpus) and newsprep runs on the same slice.
PY=
for p in /usr/bin/python3 python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import dateparser' >/dev/null 2>&1; then
		PY=$p
		break
	fi
done
have_node() { command -v node >/dev/null 2>&1 && [ -d "$PEERS/node_modules/$1" ]; }
slice() {
	_f=$(dirname "$CORPUS")/slice-$1MB-$SEED.z
	# remade when the corpus is newer (a changed generator)
	if [ ! -f "$_f" ] || [ "$CORPUS" -nt "$_f" ]; then
		"$GEN" -s "$SEED" "$1" > "$_f.tmp" && mv "$_f.tmp" "$_f"
	fi
	echo "$_f"
}
PEERS_RAN=
if [ "${BENCH_PEERS:-1}" = 0 ]; then
	PY= PEERS=/nonexistent
fi
echo
echo "peers (time inside the peer, start-up excluded; median of $PEER_RUNS):"
if have_node chrono-node; then
	s=$(slice 4)
	measure peer "chrono-node" "$s" - "$PEER_RUNS" node "$PEERS/chrono.mjs"
	measure peer "normalize-dates -z -l (chrono slice)" "$s" - "$RUNS" "$BIN/normalize-dates" -z -l
	PEERS_RAN="$PEERS_RAN chrono"
else
	echo "  chrono-node: not installed (make bench-peers)"
fi
if [ -n "$PY" ]; then
	s=$(slice 0.25)
	measure peer "python3-dateparser" "$s" - "$PEER_RUNS" "$PY" "$PEERS/dateparser_peer.py"
	measure peer "normalize-dates -z -l (dateparser slice)" "$s" - "$RUNS" "$BIN/normalize-dates" -z -l
	PEERS_RAN="$PEERS_RAN dateparser"
else
	echo "  python3-dateparser: not installed (make bench-peers)"
fi
if have_node compromise; then
	s=$(slice 0.5)
	measure peer "compromise quotations()" "$s" - "$PEER_RUNS" node "$PEERS/compromise.mjs"
	measure peer "extract-quotes -z (compromise slice)" "$s" - "$RUNS" "$BIN/extract-quotes" -z
	PEERS_RAN="$PEERS_RAN compromise"
else
	echo "  compromise: not installed (make bench-peers)"
fi

# Scaling --------------------------------------------------------------
# parallel --pipe cuts the corpus into blocks at NUL record ends; -k
# keeps the output in input order, so it must equal the single run's.
NCPU=$(nproc)
: > "$WORK/scaling.tsv"
if [ "$PARALLEL" = 1 ] && command -v parallel >/dev/null 2>&1; then
	# blocks: about 2 per core (each costs parallel a process start-up),
	# at least 1 MB
	BLOCK=$((CBYTES / (2 * NCPU) / 1000000))
	[ "$BLOCK" -ge 1 ] || BLOCK=1
	echo
	printf '%s\n' "scaling: parallel --pipe --recend '\\0' -k --block ${BLOCK}M -j $NCPU TOOL -z"
	# the method's own ceiling: parallel around cat
	measure scale "cat (parallel)" "$CORPUS" - 1 \
	    parallel --will-cite --pipe --recend '\0' -k --block "${BLOCK}M" -j "$NCPU" cat
	measure scale "cat (pipepart)" "$CORPUS" - 1 \
	    parallel --will-cite --pipepart -a "$CORPUS" --recend '\0' -k \
	    --block "${BLOCK}M" -j "$NCPU" cat
	for t in "normalize-dates" "split-articles" "extract-quotes" "strip-boilerplate"; do
		measure scale "$t (parallel)" "$CORPUS" "$WORK/$t.par" 1 \
		    parallel --will-cite --pipe --recend '\0' -k --block "${BLOCK}M" \
		    -j "$NCPU" "$BIN/$t" -z
		if cmp -s "$WORK/$t.out" "$WORK/$t.par"; then
			same=identical
		elif [ "$(cut -f 2- "$WORK/$t.out" | cksum)" = "$(cut -f 2- "$WORK/$t.par" | cksum)" ]; then
			same="identical but for the DOC column (numbered per job)"
		else
			same=DIFFERENT
		fi
		echo "    output: $same"
		# --pipepart: parallel reads the file's blocks itself, no Perl copy
		measure scale "$t (pipepart)" "$CORPUS" "$WORK/$t.par" 1 \
		    parallel --will-cite --pipepart -a "$CORPUS" --recend '\0' -k \
		    --block "${BLOCK}M" -j "$NCPU" "$BIN/$t" -z
		if cmp -s "$WORK/$t.out" "$WORK/$t.par"; then
			same2=identical
		elif [ "$(cut -f 2- "$WORK/$t.out" | cksum)" = "$(cut -f 2- "$WORK/$t.par" | cksum)" ]; then
			same2="identical but for the DOC column (numbered per job)"
		else
			same2=DIFFERENT
		fi
		echo "    output: $same2"
		printf '%s\t%s\t%s\n' "$t" "$same" "$same2" >> "$WORK/scaling.tsv"
		rm -f "$WORK/$t.par"
	done
else
	echo
	echo "scaling: skipped (GNU parallel not found or BENCH_PARALLEL=0)"
fi

# Memory on one big document -----------------------------------------
# The targets bound peak RSS on a single large document (no -z): the
# generator's text with its NULs turned into newlines, piped in, so the
# document is never stored on disk.
: > "$WORK/memory.tsv"
if [ "$MEMORY" = 1 ]; then
	echo
	echo "memory on one large document (no -z):"
	memcheck() {	# TOOL MB LIMIT_KIB
		_line=$("$GEN" -s "$SEED" "$2" | tr '\000' '\n' | "$PEAK" "$BIN/$1" 2>> "$WORK/stderr")
		_rss=$(echo "$_line" | cut -d ' ' -f 2)
		_code=$(echo "$_line" | cut -d ' ' -f 4)
		printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$_rss" "$3" "$_code" >> "$WORK/memory.tsv"
		awk -v t="$1" -v mb="$2" -v r="$_rss" -v l="$3" -v c="$_code" 'BEGIN {
		    printf "  %-20s %5d MB document: %7.1f MiB (limit %.1f MiB) %s%s\n", t, mb,
			r / 1024, l / 1024, (r < l ? "ok" : "OVER"), (c ? " FAILED (exit " c ")" : "") }'
	}
	memcheck normalize-dates "$MEM_BIG_MB" $((64 * 1024))
	memcheck split-articles "$MEM_MB" $((2 * MEM_MB * 1000000 / 1024 + 16 * 1024))
	memcheck strip-boilerplate "$MEM_MB" $((3 * MEM_MB * 1000000 / 1024 + 16 * 1024))
fi

# Report ---------------------------------------------------------------
target() {
	case $1 in
	"normalize-dates -z") echo "200" ;;
	"split-articles -z") echo "300" ;;
	"extract-quotes -z") echo "150" ;;
	"strip-boilerplate -z") echo "100" ;;
	*) echo "" ;;
	esac
}
CAT_S=$(figure ref cat 4)
GREP_S=$(figure ref "grep -z -o -P DATE" 4)
MACHINE=$(machine)
CC_VER=$(${CC:-cc} --version 2>/dev/null | head -n 1)
PCRE_VER=$(pkg-config --modversion libpcre2-8 2>/dev/null || echo '?')

table() {
	echo "| command | MB/s | MB per CPU-s | peak RSS | vs cat | vs grep -P | target MB/s |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
	awk -F '\t' -v cat="$CAT_S" -v grep="$GREP_S" '
	    $1 == "ref" || $1 == "tool" {
		mbs = $3 / 1e6 / $4
		cpu = $7 > 0 ? $3 / 1e6 / $7 : 0
		t = ""
		if ($2 == "normalize-dates -z") t = 200
		if ($2 == "split-articles -z") t = 300
		if ($2 == "extract-quotes -z") t = 150
		if ($2 == "strip-boilerplate -z") t = 100
		verdict = t == "" ? "" : t (mbs >= t ? " (met)" : \
		    cpu >= t ? " (met in CPU time)" : " (not met)")
		fail = $6 != 0 ? " FAILED (exit " $6 ")" : ""
		printf "| `%s`%s | %.1f | %.1f | %.1f MiB | %.3f | %.3f | %s |\n", $2,
		    fail, mbs, cpu, $5 / 1024, ($4 > 0 ? cat / $4 : 0),
		    ($4 > 0 ? grep / $4 : 0), verdict
	    }' "$ROWS"
}

peer_table() {
	echo "| peer | slice | peer MB/s | newsprep command | newsprep MB/s | newsprep / peer |"
	echo "| --- | ---: | ---: | --- | ---: | ---: |"
	awk -F '\t' '
	    $1 == "peer" { lab[++n] = $2; b[n] = $3; s[n] = $4 }
	    END {
		for (i = 1; i + 1 <= n; i += 2)
			printf "| %s | %.2f MB | %.3f | `%s` | %.1f | %.0f× |\n",
			    lab[i], b[i] / 1e6, b[i] / 1e6 / s[i], lab[i + 1],
			    b[i + 1] / 1e6 / s[i + 1], s[i] / s[i + 1]
	    }' "$ROWS"
}

memory_table() {
	echo "| tool | document | peak RSS | limit | |"
	echo "| --- | ---: | ---: | ---: | --- |"
	awk -F '\t' '{ printf "| %s | %d MB | %.1f MiB | %.1f MiB | %s |\n", $1, $2,
	    $3 / 1024, $4 / 1024, ($5 != 0 ? "FAILED (exit " $5 ")" : \
	    ($3 < $4 ? "met" : "not met")) }' "$WORK/memory.tsv"
}

scale_table() {
	echo "| tool | 1 process MB/s | --pipe MB/s | speed-up | output | --pipepart MB/s | speed-up | output |"
	echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |"
	awk -F '\t' -v b="$CBYTES" '$1 == "scale" && $2 == "cat (parallel)" { p = $4 }
	    $1 == "scale" && $2 == "cat (pipepart)" { q = $4 }
	    $1 == "ref" && $2 == "cat" { c = $4 }
	    END { printf "| cat (the method'"'"'s ceiling) | %.1f | %.1f | | | %.1f | | |\n",
		b / 1e6 / c, b / 1e6 / p, b / 1e6 / q }' "$ROWS"
	while IFS="$(printf '\t')" read -r t same same2; do
		one=$(figure tool "$t -z" 4)
		par=$(figure scale "$t (parallel)" 4)
		pp=$(figure scale "$t (pipepart)" 4)
		awk -v b="$CBYTES" -v one="$one" -v par="$par" -v pp="$pp" -v t="$t" \
		    -v same="$same" -v same2="$same2" \
		    'BEGIN { printf "| %s | %.1f | %.1f | %.2f× | %s | %.1f | %.2f× | %s |\n", t,
			b / 1e6 / one, b / 1e6 / par, one / par, same, b / 1e6 / pp,
			one / pp, same2 }'
	done < "$WORK/scaling.tsv"
}

{
	echo "# newsprep benchmark results"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo
	echo "- Machine: $MACHINE"
	echo "- Compiler: $CC_VER; PCRE2 $PCRE_VER"
	echo "- Corpus: \`$CORPUS\`, $CBYTES bytes in $NDOCS NUL-separated documents" \
	    "(largest $LARGEST bytes), made by bench/gencorpus.c with seed $SEED"
	echo "- MB/s is 10^6 input bytes a second, the median of $RUNS runs;" \
	    "peak RSS is the largest ru_maxrss of those runs (bench/peak.c);" \
	    "output drained through a pipe; LC_ALL=$LC_ALL."
	echo "- MB per CPU-s divides by the command's user+system time (median):" \
	    "steadier than the wall time when other work shares the machine." \
	    "Load average at the start: $LOAD0, at the end: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)."
	echo "- \"vs cat\" and \"vs grep -P\" are the tool's speed divided by the" \
	    "reference's speed in the same run; grep runs \`grep -z -o -P '$DATE_RE'\`."
	echo
	echo "## One process"
	echo
	table
	echo
	echo "## Peers"
	echo
	if [ -n "$PEERS_RAN" ]; then
		echo "On a slice of the same corpus (its first documents). Peer time is" \
		    "measured inside the peer (parsing only, start-up and reading excluded," \
		    "to the peer's advantage); newsprep's is the whole process;" \
		    "peers: median of $PEER_RUNS runs."
		echo
		peer_table
	else
		echo "Not installed: run \`make bench-peers\` first."
	fi
	echo
	echo "## Scaling"
	echo
	if [ -s "$WORK/scaling.tsv" ]; then
		printf '%s\n' "\`parallel --pipe --recend '\\0' -k --block ${BLOCK}M -j $NCPU TOOL -z\`
on the whole corpus ($NCPU cores), one run, output compared byte for byte
with the one-process run; then the same with \`--pipepart -a CORPUS\`.
GNU parallel --pipe passes every byte through one Perl process and starts
several processes per block, which costs several CPU-seconds per 200 MB;
with --pipepart the jobs read their blocks from the file themselves."
		echo
		scale_table
	else
		echo "Skipped (GNU parallel not installed, or BENCH_PARALLEL=0)."
	fi
	echo
	echo "## Memory on one large document"
	echo
	if [ -s "$WORK/memory.tsv" ]; then
		echo "The generator's text as a single document (NULs turned into" \
		    "newlines, piped in, no -z): the peak RSS targets."
		echo
		memory_table
	else
		echo "Skipped (BENCH_MEMORY=0)."
	fi
} > "$RESULTS"
# The README's Performance section, from this run.
PERF=${BENCH_README:-$(dirname "$RESULTS")/README-performance.md}
{
	echo "## Performance"
	echo
	echo "Measured with \`make bench\` on $MACHINE ($(date -u '+%Y-%m-%d')):" \
	    "one process per tool, a $((CBYTES / 1000000)) MB generated news corpus" \
	    "($NDOCS NUL-separated documents: English mostly, German, French," \
	    "Spanish, Italian and Russian; web pages with their furniture and" \
	    "multi-article exports), each tool with \`-z\`, the median of $RUNS runs." \
	    "\"vs cat\" and \"vs grep -P\" compare with \`cat\` and with one" \
	    "PCRE2 JIT scan for an English date (\`grep -z -o -P\`) on the same corpus" \
	    "in the same run. MB per CPU-s divides by user+system time (steadier" \
	    "on a shared machine; load average at the start $LOAD0)."
	if awk -v l="${LOAD0%% *}" -v n="$(nproc)" 'BEGIN { exit !(l + 0 > n + 0) }'; then
		echo
		echo "Other work shared the machine during this run (load average" \
		    "${LOAD0%% *} on $(nproc) CPUs), so the wall-clock MB/s are well below" \
		    "an idle machine's; MB per CPU-s is the closer figure."
	fi
	echo
	table
	if [ -n "$PEERS_RAN" ]; then
		echo
		echo "Against other tools on a slice of the same corpus (the peer's own" \
		    "parsing time, start-up excluded; newsprep's whole process):"
		echo
		peer_table
	fi
	if [ -s "$WORK/scaling.tsv" ]; then
		echo
		printf '%s\n' "On all $NCPU cores through \`parallel --pipe --recend '\\0' -k --block ${BLOCK}M TOOL -z\` and with \`--pipepart -a CORPUS\` (output compared with the one-process run):"
		echo
		scale_table
	fi
	if [ -s "$WORK/memory.tsv" ]; then
		echo
		echo "Peak memory on one large document (no -z):"
		echo
		memory_table
	fi
	echo
	echo "Reproduce: \`make bench-peers\` (once, installs the peers), then" \
	    "\`make bench\` (\`BENCH_MB=50\` for a quicker run); the full report is" \
	    "bench/results.md, hot spots per tool \`make bench-profile\`."
} > "$PERF"

echo
echo "wrote $RESULTS and $PERF"
cat "$RESULTS"
failed=$(awk -F '\t' '$6 != 0' "$ROWS" | wc -l)
failed=$((failed + $(awk -F '\t' '$5 != 0' "$WORK/memory.tsv" | wc -l)))
[ "$failed" -eq 0 ]
exit
}
