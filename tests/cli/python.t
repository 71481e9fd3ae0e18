#!/bin/sh
# python.t - the Python module newsprep (python/newsprep, ctypes over
# libnewsprep.so) gives what the tools give on the same documents
# (tests/python/check_module.py), under every Python 3 here: the one on
# PATH and Debian's /usr/bin/python3 when that is another.
. tests/cli/lib.sh

bindir=${NP_BIN:-$(pwd)/bin}
so=$(dirname "$bindir")/libnewsprep.so.0
GEN=${NP_GENCORPUS:-$(dirname "${NP_TESTBIN:-build/tests}")/bench/gencorpus}

pythons=
for p in python3 /usr/bin/python3; do
	p=$(command -v "$p" 2>/dev/null) || continue
	v=$("$p" -c 'import sys; print(sys.executable, sys.version.split()[0])' 2>/dev/null) || continue
	case " $seen " in *" ${v#* } "*) continue ;; esac
	seen="$seen ${v#* }"
	pythons="$pythons $p"
done
if [ -z "$pythons" ]; then
	echo "1..0 # skip no python3"
	exit 0
fi
# A library built with the sanitizers needs their run-time loaded first.
pre=
if [ -n "${NP_LDSAN:-}" ]; then
	for l in libasan.so libubsan.so; do
		f=$(${CC:-cc} -print-file-name=$l)
		[ -f "$f" ] && pre="$pre $f"
	done
fi

[ -f "$so" ]; ok $? "the shared library is built ($so)"
"$GEN" -s 11 0.3 > "$T/corpus.z"; ok $? "corpus generated"
for py in $pythons; do
	LD_PRELOAD="${pre# }" ASAN_OPTIONS=detect_leaks=0 NEWSPREP_LIB="$so" PYTHONPATH=python \
	    "$py" tests/python/check_module.py "$bindir" "$T/corpus.z" $FIX/*.txt > "$T/tap" 2> "$T/err"
	ok $? "$py ($("$py" -c 'import sys; print(sys.version.split()[0])')): module equals the tools"
	grep -v '^ok' "$T/tap" | sed 's/^/#   /'
	sed 's/^/#   /' "$T/err" | head -20
done

# the Python sessions of newsprep(3) and of the module's docstring, as
# written (doctest)
py=${pythons# }; py=${py%% *}
perl -ne 'if (/^\.Bd -literal/) { $b = "" } elsif (/^\.Ed/) { print $b if $b =~ /^>>> /m; undef $b }
	elsif (defined $b) { s/\\e/\\/g; $b .= $_ }' man/newsprep.3 > "$T/session.txt"
[ -s "$T/session.txt" ]; ok $? "newsprep(3) shows a Python session"
NEWSPREP_LIB="$so" PYTHONPATH=python LD_PRELOAD="${pre# }" ASAN_OPTIONS=detect_leaks=0 \
    "$py" -m doctest "$T/session.txt" > "$OUT" 2>&1
ok $? "it gives what the page shows$(head -c 400 "$OUT" | tr '\n' ' ')"
NEWSPREP_LIB="$so" PYTHONPATH=python LD_PRELOAD="${pre# }" ASAN_OPTIONS=detect_leaks=0 \
    "$py" -c 'import doctest, newsprep, sys; f, t = doctest.testmod(newsprep); sys.exit(f != 0 or t == 0)' > "$OUT" 2>&1
ok $? "the module's docstring example holds$(head -c 400 "$OUT" | tr '\n' ' ')"

NEWSPREP_LIB="$so" PYTHONPATH=python LD_PRELOAD="${pre# }" ASAN_OPTIONS=detect_leaks=0 \
    "$py" -m doctest README.md > "$OUT" 2>&1
ok $? "the README's Python session holds$(head -c 400 "$OUT" | tr '\n' ' ')"
# the README's pipeline step, on documents of a small stand-in class
perl -ne 'if (/^    import newsprep$/) { $on = 1 } elsif (!/^(    |$)/) { $on = 0 }
	print substr($_, 4) if $on' README.md > "$T/step.py"
cat >> "$T/step.py" <<'PY'

class Document:
    def __init__(self, text, **meta):
        self.text, self.metadata = text, dict(meta)

import sys
docs = [Document(open(f, encoding="utf-8").read(), date="2021-05-04") for f in sys.argv[1:]]
out = list(NewsprepStep()(docs))
print(len(out), sum(len(d.metadata["quotes"]) for d in out) > 0,
      sum(len(d.metadata["dates"]) for d in out) > 0, all(d.text.strip() for d in out))
PY
NEWSPREP_LIB="$so" PYTHONPATH=python LD_PRELOAD="${pre# }" ASAN_OPTIONS=detect_leaks=0 \
    "$py" "$T/step.py" $FIX/boilerplate-en-page.txt $FIX/quotes-en.txt $FIX/dates-en.txt > "$OUT" 2>&1
is "$(cat "$OUT")" "3 True True True" "the README's pipeline step runs and enriches the documents"

# the module finds the library beside itself in the source tree
if [ "$(dirname "$bindir")" = "$(pwd)" ]; then
	(cd "$T" && PYTHONPATH="$OLDPWD/python" "$py" -c 'import newsprep; print(newsprep.find_dates("on 2021-03-04")[0]["value"])') > "$OUT" 2>&1
	is "$(cat "$OUT")" "2021-03-04" "found ../../libnewsprep.so.0 from python/newsprep"
fi
mkdir -p "$T/lone" && cp -r python/newsprep "$T/lone/"
NEWSPREP_LIB=/nonexistent/libnewsprep.so.0 PYTHONPATH="$T/lone" LD_LIBRARY_PATH=/nonexistent \
    "$py" -c 'import newsprep' > "$OUT" 2>&1
grep -q 'ImportError: newsprep: cannot load libnewsprep.so.0' "$OUT"
ok $? "a missing library is an ImportError that says so"

done_testing
