#!/bin/sh
# deps.sh - installs what newsprep needs to build and test, when it is
# missing (Debian and derivatives, with apt-get).  Called by `make deps`,
# which `make check` and `make demo` call first.
#
#   sh tests/deps.sh               the required packages: a C toolchain,
#                                  pkg-config, PCRE2, utf8proc, jansson,
#                                  libxml2 (the HTML parser), mandoc and
#                                  prove
#   sh tests/deps.sh --with=LIST   also the optional tools in LIST
#                                  (comma- or space-separated names from the
#                                  OPTIONAL table below, or "all"); .ci/run
#                                  asks for them so that CI runs every test
#
# Without --with an optional tool that is missing is named with what is
# skipped without it, and nothing is installed for it.  It says in one line
# what it installs and why; apt-get's output goes to $NP_DEPS_LOG
# (default build/deps.log).  Without apt-get it names the missing packages
# and stops (exit 1).  Nothing is printed when everything is there.
set -e
log=${NP_DEPS_LOG:-build/deps.log}
with=
for a in "$@"; do
	case $a in
	--with=*) with="$with ${a#--with=}" ;;
	*) echo "deps: unknown argument '$a' (use --with=LIST)" >&2; exit 2 ;;
	esac
done
with=$(echo "$with" | tr ',' ' ')

have() { command -v "$1" >/dev/null 2>&1; }
pc() { have pkg-config && pkg-config --exists "$1"; }

# Required: what `make` and `make check` cannot do without.
need=
have cc && have make || need="$need build-essential"
have pkg-config || need="$need pkg-config"
pc libpcre2-8 || need="$need libpcre2-dev"
pc libutf8proc || need="$need libutf8proc-dev"
pc jansson || need="$need libjansson-dev"
pc libxml-2.0 || need="$need libxml2-dev"
have mandoc || need="$need mandoc"
have prove || need="$need perl"

# Optional: NAME PACKAGES... : what runs only with it.
optional() {
	name=$1 cmd=$2 pkgs=$3 why=$4
	have "$cmd" && return 0
	case " $with " in
	*" $name "*|*" all "*) need="$need $pkgs" ;;
	*) skipped="$skipped
deps: optional $name is not installed: $why (make deps WITH=$name installs it)" ;;
	esac
}
skipped=
optional parallel parallel parallel "tests/cli/scale.t and recipes.t are skipped"
optional python3 python3 python3 "tests/cli/python.t (the Python module), the Spark recipe of recipes.t and a JSON check in tests/cli/split-articles.t are skipped"
optional c++ c++ g++ "the C++ program of tests/cli/install.t is skipped"

# Optional and allowed to fail: Debian's Dask, for tests/cli/dask.t only
# (which says it is skipped without it).  Run after python3 is there.
dask_step() {
	/usr/bin/python3 -c 'import dask.bag, distributed' >/dev/null 2>&1 && return 0
	case " $with " in
	*" dask "*|*" all "*) ;;
	*) echo "deps: optional dask is not installed: tests/cli/dask.t is skipped (make deps WITH=dask installs it)"
	   return 0 ;;
	esac
	[ -x /usr/bin/python3 ] && have apt-get || return 0
	s=; [ "$(id -u)" -eq 0 ] || s=sudo
	mkdir -p "$(dirname "$log")"
	echo "deps: installing python3-dask python3-distributed with apt-get (optional, for tests/cli/dask.t); log in $log"
	{ DEBIAN_FRONTEND=noninteractive $s apt-get update -q &&
	    DEBIAN_FRONTEND=noninteractive $s apt-get install -y -q --no-install-recommends \
	    python3-dask python3-distributed; } >> "$log" 2>&1 ||
	    echo "deps: Dask could not be installed (see $log): tests/cli/dask.t is skipped"
	return 0
}
optional clang clang "clang libclang-rt-dev" "make fuzz-smoke cannot build the fuzzers"

[ -z "$skipped" ] || echo "${skipped#?}"
[ -n "$need" ] || { dask_step; exit 0; }
need=${need# }

if ! have apt-get; then
	echo "deps: missing: $need (Debian package names); this machine has no apt-get:" >&2
	echo "deps: install them with its package manager, then run make again" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif have sudo; then
	sudo=sudo
else
	echo "deps: missing: $need; installing needs root, and there is no sudo: run as root 'apt-get install $need'" >&2
	exit 1
fi
mkdir -p "$(dirname "$log")"
echo "deps: installing $need with apt-get (to build and test newsprep); log in $log"
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends $need; } > "$log" 2>&1; then
	echo "deps: apt-get failed; the end of $log:" >&2
	tail -n 5 "$log" >&2
	exit 1
fi
dask_step
