#!/bin/sh
# strip-boilerplate: -v, --explain, -L, -z, -T, thresholds, errors.
. tests/cli/lib.sh

page="$FIX/boilerplate-en-page.txt"

# -v prints what the default drops: together they hold every line
run strip-boilerplate "$page"; cp "$OUT" "$T/kept"
run strip-boilerplate -v "$page"; cp "$OUT" "$T/removed"
is "$RC" 0 "-v: exit 0"
grep -q 'ADVERTISEMENT' "$T/removed"; ok $? "-v: advertisement shown"
grep -q 'Councillors' "$T/removed"; ok $((! $?)) "-v: article not shown"
cat "$T/kept" "$T/removed" | grep -v '^$' | sort > "$T/both"
grep -v '^$' "$page" | sort > "$T/all"
is_file "$T/both" "$T/all" "kept + removed = the page's lines"

# --explain: CLASS<TAB>REASON<TAB>TEXT for every unit
run strip-boilerplate --explain "$page"
is "$RC" 0 "--explain: exit 0"
is "$(awk -F'\t' 'NF != 3' "$OUT" | wc -l | tr -d ' ')" 0 "--explain: three fields"
is "$(cut -f1 "$OUT" | sort -u | tr '\n' ' ')" "bad good " "--explain: classes"
grep -q '^bad	furniture phrase: ad' "$OUT"; ok $? "--explain: says why ADVERTISEMENT goes"
grep -q '^good	title' "$OUT"; ok $? "--explain: the title"
is "$(wc -l < "$OUT" | tr -d ' ')" 23 "--explain: one row a unit"
run strip-boilerplate --explain "$FIX/boilerplate-glued.txt"
is "$(grep -c '^cut	' "$OUT")" 5 "--explain: cut pieces (start, end, inside)"

# -L: a fixed stoplist; auto picks the same for a German page
run strip-boilerplate -L de "$FIX/boilerplate-de-page.txt"
is_file "$OUT" "$FIX/boilerplate-de-page.expected" "-L de"
run strip-boilerplate --lang=auto "$FIX/boilerplate-de-page.txt"
is_file "$OUT" "$FIX/boilerplate-de-page.expected" "--lang=auto"
run strip-boilerplate -L xx "$page"
is "$RC" 2 "-L xx: usage error"
grep -q "strip-boilerplate: -L: unknown language 'xx'" "$ERR"; ok $? "-L xx: message"

# -z: each record its own document, same output as separate runs
printf '\0' > "$T/nul"
cat "$page" "$T/nul" "$FIX/boilerplate-clean.txt" "$T/nul" > "$T/two"
strip-boilerplate "$page" > "$T/a"; strip-boilerplate "$FIX/boilerplate-clean.txt" > "$T/b"
cat "$T/a" "$T/nul" "$T/b" "$T/nul" > "$T/want"
run strip-boilerplate -z "$T/two"
is_file "$OUT" "$T/want" "-z: records are documents"
# several FILEs: each its own document
run strip-boilerplate "$page" "$FIX/boilerplate-clean.txt"
cat "$T/a" "$T/b" > "$T/want"
is_file "$OUT" "$T/want" "FILE...: documents in order"
# stdin
run sh -c "strip-boilerplate < '$page'"
is_file "$OUT" "$T/a" "stdin"
run sh -c "strip-boilerplate - < '$page'"
is_file "$OUT" "$T/a" "- is stdin"
run sh -c ": | strip-boilerplate"
is "$RC:$(wc -c < "$OUT" | tr -d ' ')" "0:0" "empty input: empty output"

# -T: lines recurring across the run's documents are the site's template
s="$FIX/boilerplate-site"
run strip-boilerplate "${s}1.txt"
grep -q 'owned by its readers' "$OUT"; ok $? "without -T the site's footer stays"
run strip-boilerplate -T "${s}1.txt" "${s}2.txt" "${s}3.txt"
is_file "$OUT" "$FIX/boilerplate-site.expected" "-T: template lines dropped"
cat "${s}1.txt" "$T/nul" "${s}2.txt" "$T/nul" "${s}3.txt" > "$T/site"
run sh -c "strip-boilerplate -T -z < '$T/site' | tr -d '\\000'"
is_file "$OUT" "$FIX/boilerplate-site.expected" "-T -z on stdin"
run strip-boilerplate --explain -T "${s}1.txt" "${s}2.txt" "${s}3.txt"
is "$(grep -c '^bad	site template' "$OUT")" 6 "-T: --explain says site template"

# thresholds
run strip-boilerplate --length-high=100000 --stopwords-high=1 --stopwords-low=1 "$page"
is "$RC" 0 "thresholds accepted"
run strip-boilerplate --stopwords-low=2 "$page"
is "$RC" 2 "--stopwords-low=2: usage error"
run strip-boilerplate --length-low=300 --length-high=200 "$page"
is "$RC" 2 "--length-low > --length-high: usage error"
run strip-boilerplate --no-cut "$FIX/boilerplate-glued.txt"
grep -q '^Sign up now' "$OUT"; ok $? "--no-cut keeps glued furniture"
run strip-boilerplate --no-title "$FIX/boilerplate-clean.txt"
grep -q 'Volunteers plant' "$OUT"; ok $((! $?)) "--no-title drops the title"

# --jsonl: the text field is replaced by the kept text, other fields stay
printf '{"id":7,"text":"Menu\\n\\nThe council said on Monday that it would open the new school in the spring, and that the old building would become a library for the whole village.\\n\\nAdvertisement\\n"}\n' > "$T/in.jsonl"
run strip-boilerplate --jsonl "$T/in.jsonl"
is "$(cat "$OUT")" '{"id":7,"text":"The council said on Monday that it would open the new school in the spring, and that the old building would become a library for the whole village.\n"}' "--jsonl"
run strip-boilerplate --jsonl -T "$T/in.jsonl"
is "$RC" 2 "--jsonl with -T: usage error"

# errors
run strip-boilerplate "$T/no-such-file" "$page"
is "$RC" 1 "missing file: exit 1"
grep -q "^strip-boilerplate: $T/no-such-file: " "$ERR"; ok $? "missing file: message"
is_file "$OUT" "$T/a" "missing file: the others still run"
run strip-boilerplate --bogus
is "$RC" 2 "unknown option: exit 2"
run strip-boilerplate -h
is "$RC" 0 "-h: exit 0"
grep -q '^usage: strip-boilerplate' "$OUT"; ok $? "-h: usage"
run strip-boilerplate -V
grep -q '^strip-boilerplate (newsprep) ' "$OUT"; ok $? "-V"

# a long line and NUL bytes pass through
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "the town said that it would and "; print "end." }' > "$T/long"
run strip-boilerplate "$T/long"
is_file "$OUT" "$T/long" "a 640 kB line is kept whole"
printf 'Title line here\n\nThe council said on Monday that it would \0 open the new school in the spring, and that the old building would become a library for the village.\n' > "$T/nulbyte"
run strip-boilerplate "$T/nulbyte"
is "$RC" 0 "NUL byte: exit 0"
is "$(tail -1 "$OUT" | od -c | grep -c '\\0')" 1 "NUL byte kept"

done_testing
