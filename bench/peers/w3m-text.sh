#!/bin/sh
# bench/peers/w3m-text.sh - the render-first way to strip an HTML page:
# `w3m -dump` each page to text, then strip-boilerplate's text mode on
# the rendered pages, as one NUL-separated stream.
#
#   sh bench/peers/w3m-text.sh BIN LIST
#
# LIST names the pages, one file a line; BIN is the folder of the newsprep
# tools.  w3m reads each page's charset from its <meta> (else guesses) and
# writes UTF-8.  The time of the whole pipeline is the peer's time: one
# w3m process a page is how this way runs.
set -eu
bin=$1 list=$2
while IFS= read -r f; do
	w3m -dump -O UTF-8 -T text/html "$f" | tr -d '\000'
	printf '\0'
done < "$list" | "$bin/strip-boilerplate" -z
