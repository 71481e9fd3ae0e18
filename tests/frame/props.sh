# props.sh - invariants as properties, for tests/cli/props-*.t.  Source
# after tests/cli/lib.sh and set TOOL.
#
# The corpus is every fixture in tests/cli/fixtures (of every tool) plus
# NP_PROPS_SEEDS (default 24) random documents from randtext.pl, seeded
# 1..N and of growing sizes, so a failure names a seed that reproduces
# it: perl tests/frame/randtext.pl SEED BYTES.  NP_PROPS_SEED_BASE moves
# the seeds (for longer hunts: NP_PROPS_SEEDS=500 NP_PROPS_SEED_BASE=1000).

CHECK="perl tests/frame/hostile-check.pl"
LIMIT=${NP_TIMEOUT:-120}

props_setup() {
	if ! command -v "$TOOL" >/dev/null 2>&1; then
		echo "1..0 # skip no $TOOL"
		exit 0
	fi
	# same_in_locales compares the locales itself: one pass is enough
	if [ "${LC_ALL:-}" != C ] && [ -z "${NP_PROPS_ALL_LOCALES:-}" ]; then
		echo "1..0 # skip properties run under LC_ALL=C (and compare it with C.UTF-8)"
		exit 0
	fi
	SAN=0
	case "${NP_SANITIZED:-}" in
	1|yes) SAN=1 ;;
	0|no) ;;
	*) grep -q __asan_init "$(command -v "$TOOL")" 2>/dev/null && SAN=1 ;;
	esac
	mkdir -p "$T/docs"
	for f in "$FIX"/*; do
		[ -f "$f" ] && [ -s "$f" ] || continue
		cp "$f" "$T/docs/fix-$(basename "$f")"
	done
	n=${NP_PROPS_SEEDS:-24}; base=${NP_PROPS_SEED_BASE:-0}; i=1
	while [ "$i" -le "$n" ]; do
		s=$((base + i))
		perl tests/frame/randtext.pl "$s" $(( (s % 8 + 1) * (s % 8 + 1) * 1500 )) \
		    > "$T/docs/rand-$s"
		i=$((i + 1))
	done
	# documents that can be -z records: no NUL inside
	: > "$T/all.z"; : > "$T/znames"
	for f in "$T"/docs/*; do
		if tr -d '\000' < "$f" | cmp -s - "$f"; then
			cat "$f" >> "$T/all.z"; printf '\000' >> "$T/all.z"
			echo "$f" >> "$T/znames"
		fi
	done
}

# each_doc DESC CHECK [CHECKARGS] -- runs $CMD on every document and
# checks its output with hostile-check.pl CHECK; one assertion for all.
# The documents that can be records go through one "$CMD -z" run, checked
# record by record (CHECK-z; z_equals_runs shows that this is the same as
# one run each); the others (NUL inside) run one by one.
each_doc() {
	_desc=$1; _chk=$2; shift 2
	_bad=
	run timeout "$LIMIT" $CMD -z "$T/all.z"
	if [ "$RC" -ne 0 ] || [ -s "$ERR" ]; then
		_bad="-z run (exit $RC: $(head -c 200 "$ERR"))"
	else
		case $_chk in
		nulcat) tr -d '\000' < "$T/all.z" > "$T/all.cat"
			$CHECK nulcat "$T/all.cat" "$OUT" > "$T/why" ;;
		offsets) $CHECK offsets "$T/all.z" "$OUT" -z "$@" > "$T/why" ;;
		*) $CHECK "$_chk-z" "$T/all.z" "$OUT" "$@" > "$T/why" ;;
		esac || { _bad="records of the -z run"; head -5 "$T/why"; }
	fi
	for f in "$T"/docs/*; do
		grep -qxF "$f" "$T/znames" && continue
		[ "$_chk" = nulcat ] && continue
		run timeout "$LIMIT" $CMD "$f"
		if [ "$RC" -ne 0 ] || [ -s "$ERR" ]; then
			_bad="$_bad $(basename "$f")(exit $RC: $(head -c 100 "$ERR"))"
			continue
		fi
		if ! $CHECK "$_chk" "$f" "$OUT" "$@" > "$T/why"; then
			_bad="$_bad $(basename "$f")"
			head -5 "$T/why"
		fi
	done
	is "${_bad# }" "" "$_desc, over $(ls "$T/docs" | wc -l | tr -d ' ') documents"
}

# z_equals_runs DESC [FILTER] -- "$CMD -z" over all documents at once
# gives the same as one run per document (FILTER, e.g. "nodoc", first
# drops what legitimately differs, like the DOC column).
z_equals_runs() {
	: > "$T/sep"; : > "$T/some.z"; _zk=0; _zn=0
	while read -r f; do
		_zk=$((_zk + 1))
		# a sanitized build starts slowly: every third document there
		[ "$SAN" = 1 ] && [ $((_zk % 3)) -ne 1 ] && continue
		timeout "$LIMIT" $CMD -z "$f" >> "$T/sep" 2>> "$T/err.sep"
		cat "$f" >> "$T/some.z"; printf '\000' >> "$T/some.z"
		_zn=$((_zn + 1))
	done < "$T/znames"
	timeout "$LIMIT" $CMD -z "$T/some.z" > "$T/one" 2> "$T/err.one"
	if [ -n "${2:-}" ]; then
		$CHECK "$2" "$T/sep" > "$T/sep.f"; mv "$T/sep.f" "$T/sep"
		$CHECK "$2" "$T/one" > "$T/one.f"; mv "$T/one.f" "$T/one"
	fi
	is "$(cat "$T/err.sep" "$T/err.one")" "" "$1: quiet"
	is_file "$T/one" "$T/sep" "$1: -z over $_zn documents equals one run per document"
}

# same_in_locales DESC -- "$CMD" on every document (with -z, in one run)
# gives the same bytes under LC_ALL=C and LC_ALL=C.UTF-8.
same_in_locales() {
	LC_ALL=C timeout "$LIMIT" $CMD -z "$T/all.z" > "$T/loc.c" 2>&1
	LC_ALL=C.UTF-8 timeout "$LIMIT" $CMD -z "$T/all.z" > "$T/loc.u" 2>&1
	is_file "$T/loc.c" "$T/loc.u" "$1: the same under LC_ALL=C and C.UTF-8"
}
