#!/bin/sh
# dask.t - the Dask recipes of newsprep(7), run as written (taken out of
# the page by tests/cli/recipes.pl) with Debian's python3-dask and
# python3-distributed: the first starts a LocalCluster of two workers and
# maps the partitions of a JSON Lines file through the Python module, the
# second pipes them through normalize-dates.  Each output must equal one
# process's, record for record.  Skips, saying so, where Dask is not
# installed (tests/deps.sh installs it when it can).  Dask's workers are
# forked rather than spawned (DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_
# METHOD, a setting, not a change to the recipe): a spawned worker
# imports Dask again, which costs seconds on a busy machine.
. tests/cli/lib.sh

PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import dask.bag, distributed' >/dev/null 2>&1; then
	echo "1..0 # skip Debian's python3-dask and python3-distributed are not installed"
	exit 0
fi
bindir=${NP_BIN:-$(pwd)/bin}
so=$(dirname "$bindir")/libnewsprep.so.0
GEN=${NP_GENCORPUS:-$(dirname "${NP_TESTBIN:-build/tests}")/bench/gencorpus}
pre=
if [ -n "${NP_LDSAN:-}" ]; then
	echo "1..0 # skip the library is built with the sanitizers (Dask's workers would need their run-time)"
	exit 0
fi
W=$T/w
mkdir -p "$W"
perl tests/cli/recipes.pl man/newsprep.7 |
    perl -0ne 'chomp; $n++ if s/^python\t[^\t]*\t// && /dask/ && open(F, ">", "'"$T"'/recipe$n.py") && print F $_'
[ -s "$T/recipe.py" ] && [ -s "$T/recipe1.py" ]
ok $? "newsprep(7) gives the Dask recipes (module, and pipe through a tool)"

# 3 MB of generated news as JSON Lines: three partitions of 1 MiB
"$GEN" -s 5 3 | "$PY" -c 'import json, sys
for i, d in enumerate(sys.stdin.buffer.read().split(b"\0")[:-1]):
    print(json.dumps({"id": i, "text": d.decode("utf-8")}, ensure_ascii=False))' > "$W/pages.jsonl"
ok $? "pages.jsonl: $(wc -l < "$W/pages.jsonl" | tr -d ' ') records, $(wc -c < "$W/pages.jsonl" | tr -d ' ') bytes"

export NEWSPREP_LIB="$so" PYTHONPATH="$(pwd)/python" DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD=fork
start=$(date +%s.%N)
(cd "$W" && "$PY" "$T/recipe.py") > "$T/out" 2> "$T/err"
rc=$?
secs=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
ok $rc "the module recipe runs on a LocalCluster of 2 workers ($secs s)$(grep -m 3 -i 'error' "$T/err" | tr '\n' ' ')"
parts=$(ls "$W/clean" 2>/dev/null | wc -l | tr -d ' ')
[ "$parts" -ge 2 ]
ok $? "it wrote one file a partition ($parts)"
# one process: the recipe's own function over every record
(cd "$W" && "$PY" - "$T/recipe.py" > "$T/one.jsonl") <<'PY'
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("recipe", sys.argv[1])
recipe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recipe)          # __name__ is not "__main__": no cluster
records = [json.loads(l) for l in open("pages.jsonl", encoding="utf-8")]
for r in recipe.clean(records):
    print(json.dumps(r, ensure_ascii=False))
PY
ls "$W/clean" | sort -n | sed "s|^|$W/clean/|" | xargs cat > "$T/many.jsonl"
same_records() {	# GOT WANT DESC: equal files, or where they first differ
	if cmp -s "$1" "$2"; then ok 0 "$3"; else
		ok 1 "$3"; echo "#   $(cmp "$1" "$2" 2>&1 | head -c 200); $(wc -l < "$1") and $(wc -l < "$2") lines"
	fi
}
same_records "$T/many.jsonl" "$T/one.jsonl" "two workers give one process's records, in order"
nq=$("$PY" -c 'import json, sys; print(sum(len(json.loads(l)["quotes"]) for l in open(sys.argv[1])))' "$T/many.jsonl")
[ "$nq" -gt 100 ]; ok $? "with their quotations ($nq)"
echo "# dask: LocalCluster(n_workers=2), $(wc -c < "$W/pages.jsonl" | tr -d ' ') bytes, $parts partitions: $secs s in all"

# the pipe recipe: partitions through normalize-dates --jsonl
(cd "$W" && PATH="$bindir:$PATH" "$PY" "$T/recipe1.py") > "$T/out" 2> "$T/err"
ok $? "the pipe recipe runs$(grep -m 3 -i 'error' "$T/err" | tr '\n' ' ')"
ls "$W/dated" | sort -n | sed "s|^|$W/dated/|" | xargs cat > "$T/many.jsonl"
"$bindir/normalize-dates" --jsonl < "$W/pages.jsonl" > "$T/one.jsonl"
same_records "$T/many.jsonl" "$T/one.jsonl" "its partitions give one process's output"

done_testing
