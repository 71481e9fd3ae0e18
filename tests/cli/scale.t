#!/bin/sh
# scale.t - the same records through GNU parallel on several processes
# give the same output as one process, in -z and --jsonl modes, for every
# tool (issue: scaling out).  The corpus is made of the test fixtures,
# repeated, so that parallel cuts it into many blocks.
. tests/cli/lib.sh

if ! command -v parallel >/dev/null 2>&1; then
	echo "1..0 # skip GNU parallel not installed"
	exit 0
fi
PAR="parallel --will-cite --pipe -j 3 --block 40k -k"

# a corpus of NUL-terminated documents: every text fixture, twice
i=0
while [ $i -lt 2 ]; do
	for f in $FIX/*; do
		[ -f "$f" ] || continue
		case "$f" in *.jsonl|*.json|*.expected|*.out) continue ;; esac
		tr -d '\000' < "$f"
		printf '\0'
	done
	i=$((i + 1))
done > "$T/corpus.z"
# the same documents as JSON Lines
perl -MJSON::PP -MEncode -e 'local $/ = "\0"; my $j = JSON::PP->new->utf8->canonical;
	my $n = 0; while (my $d = <STDIN>) { chop $d; $d = Encode::decode("UTF-8", $d);
	print $j->encode({id => ++$n, text => $d}), "\n" }' < "$T/corpus.z" > "$T/corpus.jsonl"

ok "$( [ -s "$T/corpus.z" ] && echo 0 || echo 1)" "corpus built ($(tr -cd '\0' < "$T/corpus.z" | wc -c | tr -d ' ') documents)"

# check TOOL ARGS...: one process vs. parallel, -z and --jsonl
check() {
	tool=$1; shift
	if [ ! -x "${NP_BIN:-bin}/$tool" ] && ! command -v "$tool" >/dev/null 2>&1; then
		ok 0 "# skip no $tool"; ok 0 "# skip no $tool"
		return
	fi
	"$tool" -z "$@" < "$T/corpus.z" > "$T/one.z" 2>/dev/null
	$PAR --recend '\0' "$tool" -z "$@" < "$T/corpus.z" > "$T/many.z" 2>/dev/null
	# DOC numbers count from 1 in each process: compare without them
	# (extract-quotes -z writes none)
	if [ "$tool" = normalize-dates ] && [ "$1" = -l ]; then
		cut -f 2- "$T/one.z" > "$T/a"; cut -f 2- "$T/many.z" > "$T/b"
	else
		cp "$T/one.z" "$T/a"; cp "$T/many.z" "$T/b"
	fi
	is_file "$T/b" "$T/a" "$tool -z $*: parallel output equals one process"
	"$tool" --jsonl "$@" < "$T/corpus.jsonl" > "$T/one.jsonl" 2>/dev/null
	$PAR "$tool" --jsonl "$@" < "$T/corpus.jsonl" > "$T/many.jsonl" 2>/dev/null
	is_file "$T/many.jsonl" "$T/one.jsonl" "$tool --jsonl $*: parallel output equals one process"
}

check strip-boilerplate
check split-articles
check normalize-dates
check normalize-dates -a
check normalize-dates -l
check extract-quotes

done_testing
