#!/bin/sh
# bench/run.sh - the newsprep benchmark (run by `make bench`).
#
# For each tool, on each corpus, with -z and with --jsonl: throughput in
# MB/s (10^6 bytes of input a second, the median of BENCH_RUNS runs,
# default 5), peak RSS, and the ratio to `grep -a -o -P` with one English
# date pattern (one PCRE2 JIT scan: the floor for a regex tool) on the same
# input, measured pair by pair: each run of the tool follows a run of grep,
# and the ratio is the median of the runs' ratios, so load that comes and
# goes on a shared machine touches both sides of a pair alike.  The
# corpora: the generated one (bench/gencorpus.c, real-shaped) and, when
# ../shared/data is there, its documents (bench/shared-corpus.py; read, not
# copied).  Then cat, peers when installed (`make bench-peers`) on a slice
# of the corpus, the scaling check through GNU parallel, one large
# document's memory, and bench/results.md.  bench/html.sh, when present,
# adds the HTML section (see "HTML" below).
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
#   BENCH_JSONL    the generated corpus as JSON Lines    ($BENCH_CORPUS.jsonl)
#   BENCH_SHARED   the shared data folder, or "" to skip (../shared/data)
#   BENCH_SHARED_REPEAT  times the shared documents are repeated (4)
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
JSONL=${BENCH_JSONL:-$CORPUS.jsonl}
SHARED=${BENCH_SHARED-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
SHARED_REPEAT=${BENCH_SHARED_REPEAT:-4}
PAIRS=$WORK/pairs.tsv	# corpus tool mode bytes tool_s grep_s ratio cpu_ratio rss status

mkdir -p "$WORK"
ROWS=$WORK/rows.tsv	# section label input_bytes seconds rss_kib status cpu_seconds
: > "$ROWS"
: > "$PAIRS"
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

# pair CORPUS TOOL MODE INPUT OUTFILE CMD [ARG]...
# RUNS times: grep -a -o -P DATE on INPUT, then CMD on INPUT (both through
# peak).  Appends to $PAIRS the medians of the tool's and grep's wall
# times, the median of the runs' ratios grep_time / tool_time (wall, and
# user+system), the largest RSS and the tool's exit status.  The first
# run's output goes to OUTFILE unless it is "-".
pair() {
	_corp=$1 _tool=$2 _mode=$3 _in=$4 _out=$5
	shift 5
	: > "$WORK/pt" ; : > "$WORK/pg" ; : > "$WORK/pr" ; : > "$WORK/pc" ; : > "$WORK/pm"
	_st=0 _i=0
	while [ "$_i" -lt "$RUNS" ]; do
		_g=$("$PEAK" -i "$_in" grep -a -o -P "$DATE_RE" 2>> "$WORK/stderr")
		if [ "$_i" -eq 0 ] && [ "$_out" != - ]; then
			_l=$("$PEAK" -i "$_in" -o "$_out" "$@" 2>> "$WORK/stderr")
		else
			_l=$("$PEAK" -i "$_in" "$@" 2>> "$WORK/stderr")
		fi
		echo "$_g $_l" | awk -v t="$WORK/pt" -v g="$WORK/pg" -v r="$WORK/pr" \
		    -v c="$WORK/pc" -v m="$WORK/pm" '{
			# grep: $1 secs $2 rss $5 cpu; tool: $6 secs $7 rss $9 status $10 cpu
			print $6 >> t; print $1 >> g
			print ($6 > 0 ? $1 / $6 : 0) >> r
			print ($10 > 0 ? $5 / $10 : 0) >> c
			print $7 >> m
			if ($9 != 0) exit 1 }' || _st=$(echo "$_l" | cut -d ' ' -f 4)
		_i=$((_i + 1))
	done
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$_corp" "$_tool" "$_mode" \
	    "$(bytes_of "$_in")" "$(median "$WORK/pt")" "$(median "$WORK/pg")" \
	    "$(median "$WORK/pr")" "$(median "$WORK/pc")" "$(sort -n "$WORK/pm" | tail -n 1)" \
	    "$_st" >> "$PAIRS"
	tail -n 1 "$PAIRS" | awk -F '\t' '{ printf "  %-18s %-7s %8.1f MB/s  %6.3f x grep (CPU %6.3f)  %6.1f MiB%s\n",
	    $2, $3, $4 / 1e6 / $5, $7, $8, $9 / 1024, ($10 ? "  FAILED (exit " $10 ")" : "") }'
}

# pairs CORPUS ZFILE JSONLFILE: every tool with -z on ZFILE and with
# --jsonl on JSONLFILE.
pairs() {
	for _t in normalize-dates split-articles extract-quotes strip-boilerplate; do
		pair "$1" "$_t" -z "$2" "$WORK/$1.$_t.out" "$BIN/$_t" -z
		pair "$1" "$_t" --jsonl "$3" - "$BIN/$_t" --jsonl
	done
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
echo "cat, and each tool paired with grep -a -o -P DATE on the same input:"
measure ref "cat" "$CORPUS" - "$RUNS" cat
if [ ! -f "$JSONL" ] || [ "$CORPUS" -nt "$JSONL" ]; then
	"$GEN" -J < "$CORPUS" > "$JSONL.tmp" && mv "$JSONL.tmp" "$JSONL"
fi
echo "generated corpus ($CBYTES bytes; JSON Lines $(bytes_of "$JSONL") bytes):"
pairs generated "$CORPUS" "$JSONL"
# the one-process rows the scaling section compares with
for t in normalize-dates split-articles extract-quotes strip-boilerplate; do
	awk -F '\t' -v t="$t" '$1 == "generated" && $2 == t && $3 == "-z" {
	    printf "tool\t%s -z\t%s\t%s\t%s\t%s\t%s\n", t, $4, $5, $9, $10, $5 }' "$PAIRS" >> "$ROWS"
	mv "$WORK/generated.$t.out" "$WORK/$t.out"
done
SHARED_DESC=
if [ -n "$SHARED" ] && [ -d "$SHARED" ] && command -v python3 >/dev/null 2>&1; then
	SZ=$(dirname "$CORPUS")/shared-x$SHARED_REPEAT.z
	SHARED_DESC=$(python3 "$(dirname "$0")/shared-corpus.py" "$SHARED" "$SZ" "${SZ%.z}.jsonl" \
	    "$SHARED_REPEAT")
	echo "shared data corpus ($SHARED_DESC, $SHARED_REPEAT times over):"
	pairs shared "$SZ" "${SZ%.z}.jsonl"
else
	echo "shared data corpus: skipped (no $SHARED or no python3)"
fi

# HTML ----------------------------------------------------------------
# bench/html.sh, when present, is sourced here: it may call
# `pair CORPUS TOOL MODE INPUT OUT CMD...` and `measure ...` and write
# Markdown to $WORK/html.md, which the report includes as its HTML
# section.
: > "$WORK/html.md"
if [ -f "$(dirname "$0")/html.sh" ]; then
	. "$(dirname "$0")/html.sh"
fi

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
CAT_S=$(figure ref cat 4)
MACHINE=$(machine)
CC_VER=$(${CC:-cc} --version 2>/dev/null | head -n 1)
PCRE_VER=$(pkg-config --modversion libpcre2-8 2>/dev/null || echo '?')

# pair_table CORPUS [short]: one row per tool: -z and --jsonl, MB/s and
# the paired ratio to grep, against the targets of issue #20 (ratio to
# grep: normalize-dates .60, split-articles 2.0, extract-quotes .40,
# strip-boilerplate .35; --jsonl at least .70 of -z).  "short" leaves out
# the CPU-time ratios and the peak RSS.
pair_table() {
	if [ "${2:-}" = short ]; then
		echo "| tool | -z MB/s | -z × grep | target | --jsonl MB/s | --jsonl × grep | --jsonl / -z |"
		echo "| --- | ---: | ---: | --- | ---: | ---: | ---: |"
	else
		echo "| tool | -z MB/s | -z × grep | × grep in CPU time | target | peak RSS | --jsonl MB/s | --jsonl × grep | × grep in CPU time | --jsonl / -z (target .70) |"
		echo "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
	fi
	awk -F '\t' -v c="$1" -v short="${2:-}" '
	    $1 == c { k = $2 SUBSEP $3; mbs[k] = $4 / 1e6 / $5; r[k] = $7; cr[k] = $8
		rss[k] = $9; st[k] = $10; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
	    END {
		tg["normalize-dates"] = .60; tg["split-articles"] = 2.0
		tg["extract-quotes"] = .40; tg["strip-boilerplate"] = .35
		for (i = 1; i <= n; i++) {
			t = order[i]; z = t SUBSEP "-z"; j = t SUBSEP "--jsonl"
			v = sprintf("%.2f (%s)", tg[t], r[z] >= tg[t] ? "met" : \
			    cr[z] >= tg[t] ? "met in CPU time" : "not met")
			q = mbs[z] > 0 ? mbs[j] / mbs[z] : 0
			qv = sprintf("%.2f%s", q, q >= .70 ? " (met)" : " (not met)")
			f = (st[z] || st[j]) ? " FAILED" : ""
			if (short == "short")
				printf "| `%s`%s | %.1f | %.3f | %s | %.1f | %.3f | %s |\n", t, f,
				    mbs[z], r[z], v, mbs[j], r[j], qv
			else
				printf "| `%s`%s | %.1f | %.3f | %.3f | %s | %.1f MiB | %.1f | %.3f | %.3f | %s |\n",
				    t, f, mbs[z], r[z], cr[z], v, rss[z] / 1024, mbs[j], r[j], cr[j], qv
		}
	    }' "$PAIRS"
}

# grep_speed CORPUS: grep's own MB/s on the corpus (the median of its
# paired runs' medians on the -z input).
grep_speed() {
	awk -F '\t' -v c="$1" '$1 == c && $3 == "-z" { print $6 }' "$PAIRS" > "$WORK/gs"
	_b=$(awk -F '\t' -v c="$1" '$1 == c && $3 == "-z" { print $4; exit }' "$PAIRS")
	[ -s "$WORK/gs" ] && awk -v b="$_b" -v s="$(median "$WORK/gs")" \
	    'BEGIN { printf "%.0f", b / 1e6 / s }' || echo '?'
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
	echo
	echo "## One process, paired with grep"
	echo
	echo "Each tool runs $RUNS times on the corpus, every run right after a run of" \
	    "\`grep -a -o -P '$DATE_RE'\` on the same input (the -z file for -z, the" \
	    "JSON Lines file for --jsonl); \"× grep\" is the median of the runs'" \
	    "ratios grep time / tool time (above 1: faster than grep), \"in CPU time\"" \
	    "the same with user+system time. MB/s counts each mode's own input" \
	    "bytes; \"--jsonl / -z\" divides the two MB/s. cat runs at" \
	    "$(awk -v b="$CBYTES" -v s="$CAT_S" 'BEGIN { printf "%.0f", b / 1e6 / s }') MB/s."
	echo
	echo "### Generated corpus"
	echo
	echo "\`$CORPUS\` ($CBYTES bytes, $NDOCS documents; the same documents as JSON" \
	    "Lines: $(bytes_of "$JSONL") bytes). grep -P: $(grep_speed generated) MB/s."
	echo
	pair_table generated
	echo
	echo "### Shared data corpus"
	echo
	if [ -n "$SHARED_DESC" ]; then
		echo "The documents of ../shared/data (boilerplate pages rendered to text," \
		    "the quotes and dates sets' news texts, the LexisNexis sample: $SHARED_DESC)," \
		    "read where they lie, never copied into the project; grep -P: $(grep_speed shared) MB/s."
		echo
		pair_table shared
	else
		echo "Skipped: ../shared/data is not here (or python3 is missing)."
	fi
	echo
	if [ -s "$WORK/html.md" ]; then
		echo "## HTML"
		echo
		cat "$WORK/html.md"
		echo
	fi
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
	    "one process per tool on a $((CBYTES / 1000000)) MB generated news corpus" \
	    "($NDOCS documents shaped like real news: web pages with their furniture," \
	    "wire copy with surname and pronoun speakers and apostrophes, pages" \
	    "rendered by a text browser with short indented lines, multi-article" \
	    "exports, and text in German, French, Spanish, Italian, Russian," \
	    "Ukrainian, Greek, Arabic, Chinese, Japanese and Hindi), with \`-z\` and" \
	    "with \`--jsonl\` (the same documents as JSON Lines), the median of $RUNS" \
	    "runs. \"× grep\" is the speed relative to one PCRE2 JIT scan for an" \
	    "English date (\`grep -a -o -P\`) on the same input, measured pair by" \
	    "pair in the same run; the targets are those of the project's speed" \
	    "issue. Load average at the start: $LOAD0."
	if awk -v l="${LOAD0%% *}" -v n="$(nproc)" 'BEGIN { exit !(l + 0 > n + 0) }'; then
		echo
		echo "Other work shared the machine during this run (load average" \
		    "${LOAD0%% *} on $(nproc) CPUs): the MB/s are well below an idle" \
		    "machine's, and the ratios in CPU time in bench/results.md are the" \
		    "steadier figures."
	fi
	echo
	pair_table generated short
	if [ -n "$SHARED_DESC" ]; then
		echo
		echo "On the evaluation data's documents ($SHARED_DESC; read from" \
		    "../shared/data, not part of the project):"
		echo
		pair_table shared short
	fi
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
