#!/bin/sh
# demo.sh - runs the whole pipeline on tests/demo/sample-page.txt (an
# invented aggregator page holding two articles) and prints each stage.
# Called by `make demo` after the build; uses the tools that exist.
set -e
cd "$(dirname "$0")/.."
PATH="${NP_BIN:-$(pwd)/bin}:$PATH"
page=tests/demo/sample-page.txt
have() { command -v "$1" >/dev/null 2>&1; }
# headings in bold on a terminal only
if [ -t 1 ]; then
	section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
else
	section() { printf '\n== %s\n' "$1"; }
fi

section "the input: $page"
cat "$page"

if have split-articles; then
	section "split-articles --jsonl: one object per article (text left out here)"
	split-articles --jsonl "$page" | sed 's/,"text":.*/}/'
	split="split-articles -z"
else
	split="cat"
fi
if have strip-boilerplate; then
	section "$split | strip-boilerplate -z: the articles without page furniture"
	$split "$page" | strip-boilerplate -z | tr '\0' '\n'
	strip="strip-boilerplate -z"
else
	strip="cat"
fi
if have normalize-dates; then
	# dates before the furniture goes: each article's dateline is its reference
	section "$split | normalize-dates -z -l: the dates (DOC START END VALUE TEXT)"
	$split "$page" | normalize-dates -z -l | tr -d '\0'
	section "$split | normalize-dates -z | $strip: dates rewritten as ISO 8601"
	$split "$page" | normalize-dates -z | $strip | tr '\0' '\n'
fi
if have extract-quotes; then
	section "$split | $strip | extract-quotes -z: who said what (START END SPEAKER CUE QUOTE)"
	$split "$page" | $strip | extract-quotes -z | tr -d '\0'
fi
if have strip-boilerplate && have extract-quotes; then
	jl=tests/demo/pages.jsonl
	section "strip-boilerplate --jsonl $jl | extract-quotes --jsonl: JSON Lines, other fields kept (quotes only shown)"
	strip-boilerplate --jsonl "$jl" | extract-quotes --jsonl | sed 's/"text":.*"quotes"/"quotes"/'
fi
