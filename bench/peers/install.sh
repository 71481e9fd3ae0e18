#!/bin/sh
# bench/peers/install.sh - install the peers the benchmark compares
# newsprep with, when they are missing: chrono-node, compromise,
# @mozilla/readability and linkedom from npm (into
# bench/peers/node_modules, versions pinned in package.json and
# package-lock.json), Debian's python3-dateparser and w3m.  Run by
# `make bench-peers`; `make bench` never installs anything.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi

if ! python3 -c 'import dateparser' >/dev/null 2>&1 &&
    ! /usr/bin/python3 -c 'import dateparser' >/dev/null 2>&1; then
	echo "bench-peers: installing python3-dateparser (apt)"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends python3-dateparser
fi

if ! command -v w3m >/dev/null 2>&1; then
	echo "bench-peers: installing w3m (apt)"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends w3m
fi

if ! command -v npm >/dev/null 2>&1; then
	echo "bench-peers: npm not found; install nodejs and npm for chrono-node and compromise" >&2
	exit 1
fi
if [ ! -d "$here/node_modules/chrono-node" ] || [ ! -d "$here/node_modules/compromise" ] ||
    [ ! -d "$here/node_modules/@mozilla/readability" ] || [ ! -d "$here/node_modules/linkedom" ]; then
	echo "bench-peers: installing chrono-node, compromise, @mozilla/readability and linkedom (npm)"
	if [ -f "$here/package-lock.json" ]; then
		(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
	else
		(cd "$here" && npm install --no-audit --no-fund --loglevel=error)
	fi
fi
echo "bench-peers: chrono-node, compromise, @mozilla/readability, linkedom, python3-dateparser and w3m are installed"
