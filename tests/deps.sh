#!/bin/sh
# Installs what newsprep needs to build and test, when it is missing
# (Debian and derivatives): a C toolchain, pkg-config, PCRE2, utf8proc,
# jansson, mandoc, prove and GNU parallel (for the scaling tests).
# Does nothing when all are present.
set -e
need=
command -v cc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || need="$need build-essential"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
	pkg-config --exists libpcre2-8 || need="$need libpcre2-dev"
	pkg-config --exists libutf8proc || need="$need libutf8proc-dev"
	pkg-config --exists jansson || need="$need libjansson-dev"
else
	need="$need libpcre2-dev libutf8proc-dev libjansson-dev"
fi
command -v mandoc >/dev/null 2>&1 || need="$need mandoc"
command -v prove >/dev/null 2>&1 || need="$need perl"
command -v parallel >/dev/null 2>&1 || need="$need parallel"
[ -n "$need" ] || exit 0
echo "deps: installing$need"
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $need
