#!/bin/sh
# strip-boilerplate: furniture kinds in several languages, a clean article,
# a thin page, hard-wrapped text, glued furniture, byte identity.
. tests/cli/lib.sh

# each page: furniture (navigation, ads, captions, credits, teasers,
# newsletter prompts, related lists, author box, legal footer) goes, the
# title and the article stay
for p in en-page de-page fr-page es-page ru-page; do
	run strip-boilerplate "$FIX/boilerplate-$p.txt"
	is "$RC" 0 "$p: exit 0"
	is_file "$OUT" "$FIX/boilerplate-$p.expected" "$p: title and article only"
done

# every furniture line of the English page is gone
run strip-boilerplate "$FIX/boilerplate-en-page.txt"
for f in 'ADVERTISEMENT' 'Read more:' 'Sign up now' 'You might also like' \
    'Getty Images' 'About the author' 'Privacy Policy' 'All rights reserved' \
    '12 March 2024' 'top of page' 'Quay Street'; do
	grep -q "$f" "$OUT"; ok $((! $?)) "en: '$f' removed"
done
# the title comes once although the page prints it twice
is "$(grep -c 'Harbour town votes' "$OUT")" 1 "en: repeated title kept once"

# non-English pages do not come out empty
for pn in de-page:3 fr-page:3 es-page:2 ru-page:2; do
	p=${pn%:*} n=${pn#*:}
	run strip-boilerplate "$FIX/boilerplate-$p.txt"
	is "$(grep -c . "$OUT")" $((n + 1)) "$p: title and $n paragraphs"
done

# a clean article comes out unchanged
run strip-boilerplate "$FIX/boilerplate-clean.txt"
is_file "$OUT" "$FIX/boilerplate-clean.txt" "clean article unchanged"

# a thin page keeps its one sentence
run strip-boilerplate "$FIX/boilerplate-thin.txt"
is_file "$OUT" "$FIX/boilerplate-thin.expected" "thin page: its sentence"

# hard-wrapped paragraphs are judged whole and keep their line breaks
run strip-boilerplate "$FIX/boilerplate-wrapped.txt"
is_file "$OUT" "$FIX/boilerplate-wrapped.expected" "wrapped paragraphs kept with their breaks"
grep -q 'Advertisement' "$OUT"; ok $((! $?)) "wrapped: advertisement removed"

# furniture glued to the start or end of a long line is cut off
run strip-boilerplate "$FIX/boilerplate-glued.txt"
is_file "$OUT" "$FIX/boilerplate-glued.expected" "glued furniture cut"
head -2 "$OUT" | tail -1 | grep -q '^DOVER, England - Dock workers'
ok $? "glued: line starts at the dateline"
grep -q 'AP Photo' "$OUT"; ok $((! $?)) "glued: caption inside a line left out"
grep -q 'beach\. The work will take' "$OUT"; ok $? "glued: the text around the caption joins"
run strip-boilerplate -v "$FIX/boilerplate-glued.txt"
is_file "$OUT" "$FIX/boilerplate-glued.removed" "-v prints the cut pieces"

# CRLF and invalid UTF-8 in a kept line pass through byte for byte
run strip-boilerplate "$FIX/boilerplate-crlf.txt"
is_file "$OUT" "$FIX/boilerplate-crlf.expected" "CRLF and invalid bytes kept"
head -3 "$FIX/boilerplate-crlf.txt" > "$T/want"
is_file "$OUT" "$T/want" "kept lines are the input's bytes"

# a kept line is byte-identical to its input line
run strip-boilerplate "$FIX/boilerplate-en-page.txt"
n=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	grep -Fqx -- "$line" "$FIX/boilerplate-en-page.txt" || n=$((n + 1))
done < "$OUT"
is "$n" 0 "every kept line is an input line"

done_testing
