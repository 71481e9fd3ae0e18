#!/bin/sh
# recipes.t - every scale-out recipe README.md and newsprep(7) give, run
# as written (tests/cli/recipes.pl takes them out of the documents), and
# its output compared byte for byte with one process on the same input.
#
# GNU parallel reads extra options from $PARALLEL: a small --block makes
# it cut the input into many blocks, so a recipe that loses or merges
# records at a cut (as --rrs did) fails.  Hosts of -S are reached through
# an ssh that runs the command here.  Hadoop Streaming's and Spark's
# recipes are run by stand-ins: the mapper command on three input splits,
# and the RDD expression on a small RDD class whose pipe() does what
# Spark's does (one process per partition, one element per line).  The
# Dask recipes run in dask.t.
. tests/cli/lib.sh

# A host reached by ssh runs the command under its login shell, and GNU
# parallel's remote wrapper starts $SHELL: with no SHELL set (as under a
# bare CI runner) the remote jobs print nothing and parallel still exits 0.
SHELL=${SHELL:-/bin/sh}; export SHELL

if ! command -v parallel >/dev/null 2>&1; then
	echo "1..0 # skip GNU parallel not installed"
	exit 0
fi
GEN=${NP_GENCORPUS:-$(dirname "${NP_TESTBIN:-build/tests}")/bench/gencorpus}
W=$T/w
mkdir -p "$W" "$T/shim"
perl tests/cli/recipes.pl README.md man/newsprep.7 > "$T/recipes"
nsh=$(perl -0ne '$n++ if /^sh\t/; END { print $n + 0 }' "$T/recipes")
nall=$(tr -cd '\0' < "$T/recipes" | wc -c | tr -d ' ')
[ "$nsh" -ge 6 ] && [ "$nall" -ge 9 ]
ok $? "found the recipes in README.md and newsprep(7) ($nsh shell, $nall in all)"

# Inputs the recipes name, made from the benchmark's generated news.
"$GEN" -s 7 0.4 > "$W/pages.z"
ok $? "generated pages.z ($(tr -cd '\0' < "$W/pages.z" | wc -c | tr -d ' ') documents)"
perl -0pe 'chop; $_ .= "\n\n* * *\n\n"' < "$W/pages.z" > "$W/dump.txt"
perl -MJSON::PP -MEncode -e 'local $/ = "\0"; my $j = JSON::PP->new->utf8->canonical;
	my $n = 0; while (my $d = <STDIN>) { chop $d; $d = Encode::decode("UTF-8", $d);
	print $j->encode({id => ++$n, text => $d}), "\n" }' < "$W/pages.z" > "$W/pages.jsonl"
cp "$W/pages.jsonl" "$W/articles.jsonl"

# ssh HOST CMD: runs CMD here and notes the host.
cat > "$T/shim/ssh" <<EOF
#!/bin/sh
while [ \$# -gt 0 ]; do
	case \$1 in
	-[oplFiSOw]) shift 2 ;;
	--) shift; break ;;
	-*) shift ;;
	*) echo "\$1" >> "$T/ssh.log"; shift; break ;;
	esac
done
[ "\$1" = -- ] && shift
exec sh -c "\$*"
EOF
chmod +x "$T/shim/ssh"

# serial CMD: the same command line without GNU parallel (a file that
# parallel reads with -a becomes standard input).
serial() {
	printf '%s' "$1" | perl -0pe '
	    s{\bparallel((?:\s+--?[\w-]+(?:\s+(?:\x27[^\x27]*\x27|[^\s\x27-]\S*))?)*?)\s+
	      (?=(?:strip-boilerplate|split-articles|normalize-dates|extract-quotes)\b)}
	     { my $o = $1; $o =~ /(?:^|\s)-a\s+(\S+)/ ? "<$1 " : "" }xe'
}

# outfile CMD: the file a command line writes with "> FILE", or "".
outfile() {
	printf '%s' "$1" | perl -0ne 'print $1 if /(?<![0-9])>\s*(\S+)\s*\z/'
}

# nuls FILE: the NUL bytes in FILE.
nuls() { tr -cd '\0' < "$1" | wc -c | tr -d ' '; }

# the shell recipes
perl -0ne 'print if s/^sh\t//' "$T/recipes" > "$T/sh"
i=0
while [ "$i" -lt "$nsh" ]; do
	i=$((i + 1))
	rec=$(perl -0ne 'if ($. == '"$i"') { chomp; print }' "$T/sh")
	src=${rec%%	*}
	cmd=${rec#*	}
	one=$(printf '%s' "$cmd" | tr -s ' \n\\' ' ' | sed 's/ 0/ NUL/' | cut -c1-64)
	out=$(outfile "$cmd")
	ser=$(serial "$cmd")
	[ "$ser" != "$cmd" ]
	ok $? "$src: '$one' has a one-process form"
	: > "$T/ssh.log"
	(cd "$W" && PATH="$T/shim:$PATH" PARALLEL="--will-cite --block 30k -j 3" \
	    sh -c "$cmd" > "$T/par.stdout" 2> "$T/par.err")
	ok $? "$src: '$one' runs"
	if [ -n "$out" ]; then mv "$W/$out" "$T/par.out"; else mv "$T/par.stdout" "$T/par.out"; fi
	(cd "$W" && sh -c "$ser" > "$T/ser.stdout" 2> "$T/ser.err")
	if [ -n "$out" ]; then mv "$W/$out" "$T/ser.out"; else mv "$T/ser.stdout" "$T/ser.out"; fi
	[ -s "$T/ser.out" ]
	ok $? "$src: '$one' without parallel gives output"
	is_file "$T/par.out" "$T/ser.out" "$src: '$one' equals one process"
	case $cmd in *-z*)
		[ "$(nuls "$T/par.out")" -gt 10 ]
		ok $? "$src: '$one' keeps the records apart ($(nuls "$T/par.out") NULs)" ;;
	esac
	case $cmd in *" -S "*)
		[ "$(sort -u "$T/ssh.log" | wc -l)" -ge 2 ]
		ok $? "$src: '$one' ran jobs on the remote hosts ($(sort -u "$T/ssh.log" | tr '\n' ' '))" ;;
	esac
done

# Hadoop Streaming: the mapper the recipe names, on three splits.
perl -0ne 'chomp; print if s/^hadoop\t[^\t]*\t//' "$T/recipes" > "$T/hadoop"
mapper=$(perl -0ne 'print $1 if /-mapper\s+\x27([^\x27]*)\x27/' "$T/hadoop")
files=$(perl -0ne 'print $1 if /-files\s+(\S+)/' "$T/hadoop")
[ -n "$mapper" ] && [ "${mapper%% *}" = "$files" ]
ok $? "hadoop recipe: the mapper '$mapper' is the binary shipped with -files"
split -n l/3 "$W/pages.jsonl" "$T/split."
for s in "$T"/split.*; do sh -c "$mapper" < "$s"; done > "$T/had.out"
sh -c "$mapper" < "$W/pages.jsonl" > "$T/had1.out"
[ "$(wc -l < "$T/had.out")" -eq "$(wc -l < "$W/pages.jsonl")" ]
ok $? "hadoop recipe: one output line per input line"
is_file "$T/had.out" "$T/had1.out" "hadoop recipe: three map tasks equal one process"

# Spark: the RDD expression on a stand-in RDD.
PY=$(command -v python3 || command -v /usr/bin/python3)
if [ -n "$PY" ]; then
	perl -0ne 'chomp; print if s/^spark\t[^\t]*\t//' "$T/recipes" > "$T/spark"
	"$PY" - "$T/spark" "$W/pages.jsonl" > "$T/spark.out" 2> "$T/spark.err" <<'PY'
import json, shlex, subprocess, sys

class RDD:
    """Partitions of elements; pipe() runs one process per partition and
    writes each element on its own line, as Spark's RDD.pipe does."""
    def __init__(self, parts):
        self.parts = parts
    def map(self, f):
        return RDD([[f(x) for x in p] for p in self.parts])
    def pipe(self, command):
        out = []
        for p in self.parts:
            r = subprocess.run(shlex.split(command), input="".join(x + "\n" for x in p),
                               capture_output=True, text=True, check=True)
            out.append(r.stdout.splitlines())
        return RDD(out)
    def collect(self):
        return [x for p in self.parts for x in p]

expr = open(sys.argv[1]).read().strip()
records = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
n = len(records)
many = eval(expr, {"json": json, "rdd": RDD([records[i * n // 4:(i + 1) * n // 4] for i in range(4)])})
one = eval(expr, {"json": json, "rdd": RDD([records])})
assert isinstance(many, RDD), "the recipe does not give an RDD"
print(len(many.collect()), sum(len(r.get("quotes", [])) for r in many.collect()),
      many.collect() == one.collect())
PY
	ok $? "spark recipe runs ($(head -c 200 "$T/spark.err"))"
	set -- $(cat "$T/spark.out")
	[ "${1:-0}" -eq "$(wc -l < "$W/pages.jsonl")" ] && [ "${2:-0}" -gt 0 ]
	ok $? "spark recipe: one record per input record, ${2:-0} quotations"
	is "${3:-}" True "spark recipe: four partitions equal one"
else
	ok 0 "# skip no python3 for the spark recipe"
fi

done_testing
