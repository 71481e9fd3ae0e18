#!/bin/sh
# hostile-normalize-dates.t - normalize-dates on bad input (issue 7): every
# kind of invalid UTF-8, NUL, CRLF, BOM, empty input, huge lines and
# random bytes, pattern-hostile text, write errors, bad operands and the
# size limit.  -a must give back the input once its tags are removed,
# -l offsets must cut the text it prints.
. tests/cli/lib.sh
TOOL=normalize-dates
. tests/frame/hostile.sh
hostile_setup

CMD="normalize-dates -a"; PROP=untag
battery

# -l on the same inputs: offsets (over chunk boundaries too) cut the text
CMD="normalize-dates -l"; PROP="offsets"
for f in dates bom crlf nofinal truncated; do
	hrun "$T/in.$f"
	is "$RC:$(cat "$ERR")" "0:" "-l on in.$f: exit 0, quiet"
	$CHECK offsets "$T/in.$f" "$OUT" -s; ok $? "-l on in.$f: offsets cut the printed text"
done
if [ "$BIG" = 1 ]; then
	hrun "$T/in.line50m"
	is "$RC:$(cat "$ERR")" "0:" "-l on a long line: exit 0, quiet"
	$CHECK offsets "$T/in.line50m" "$OUT" -s; ok $? "-l on a long line: offsets cut the printed text"
	is "$(cut -f4 "$OUT" | grep -c '^2020-05-12$')" "$(grep -o '12 May 2020' "$T/in.line50m" | wc -l | tr -d ' ')" \
	    "-l on a long line: every date of it found, none twice"
else
	skip_case "big inputs run under LC_ALL=C" 3
fi

CMD="normalize-dates -a"
SAMPLE="$T/in.dates"
error_paths
EMPTY_OUT=0
size_limit --jsonl
scaling_battery
done_testing
