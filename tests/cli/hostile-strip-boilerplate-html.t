#!/bin/sh
# hostile-strip-boilerplate-html.t - strip-boilerplate's HTML reader on bad
# pages (issue 12): unclosed and misnested tags, 100,000 nested <div>s, a
# 50 MB text node, a <script> never closed, NUL bytes, a wrong declared
# charset, invalid bytes in the declared one, a 2 GB-ish declared length
# of nothing.  Never a crash, a hang or unbounded memory: every case runs
# under timeout, exits 0 with a quiet stderr, and its output is valid
# UTF-8; the big page stays under 4 x page + 16 MiB.
. tests/cli/lib.sh
. tests/frame/hostile.sh
TOOL=strip-boilerplate
LIMIT=${NP_TIMEOUT:-120}
SCALE=1; san=0
if sanitized; then SCALE=5; san=1; fi

# case DESC FILE [OPTIONS]: runs the tool, checks status, stderr, UTF-8.
case_ok() {
	_d=$1 _f=$2; shift 2
	run timeout "$LIMIT" strip-boilerplate --html "$@" "$_f"
	is "$RC" 0 "$_d: exit 0"
	is "$(cat "$ERR")" "" "$_d: quiet"
	perl -e 'local $/; my $s = <STDIN>; utf8::decode($s) or exit 1; exit($s =~ /\0/ ? 1 : 0)' < "$OUT"
	ok $? "$_d: valid UTF-8 out, no NUL"
}

P='<p>The council met on Tuesday and agreed to rebuild the old bridge over the river, which has been closed since the winter floods damaged it.</p>'

# unclosed and misnested tags
printf '<html><body><div><p><b><i>%s<table><tr><td>cell<p>para</b></i></div></td>%s<li>item<ul></ol></span>' "$P" "$P" > "$T/mis.html"
case_ok "misnested tags" "$T/mis.html"
grep -q 'The council met' "$OUT"; ok $? "misnested: the paragraph survives"

# 100,000 nested <div>s (and as many never closed)
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>"; print "<p>The council met on Tuesday and agreed to rebuild the old bridge over the river, which has been closed since the winter floods damaged it.</p>"; for (i = 0; i < 100000; i++) printf "</div>"; print "</body></html>" }' > "$T/deep.html"
case_ok "100,000 nested divs" "$T/deep.html"
grep -q 'The council met' "$OUT"; ok $? "nested divs: the paragraph survives"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div><span>"; print "words" }' > "$T/open.html"
case_ok "200,000 elements never closed" "$T/open.html"

# a <script> never closed, <style> and comments never closed
printf '<html><body>%s<script>var x = "</p>";\n' "$P" > "$T/script.html"
yes 'document.write("<p>not text</p>");' | head -n 20000 >> "$T/script.html"
case_ok "unclosed script" "$T/script.html"
grep -q 'document.write\|not text' "$OUT"; ok $((! $?)) "unclosed script: its code is not text"
grep -q 'The council met' "$OUT"; ok $? "unclosed script: the text before it stays"
printf '<html><body>%s<style>p { color: red }\n<!-- %s' "$P" "$P" > "$T/style.html"
case_ok "unclosed style and comment" "$T/style.html"

# NUL bytes and control bytes inside text, tags and attributes
printf '<html><bo\000dy><p class="a\000b">The council\000 met on Tuesday and agreed\001\002 to rebuild the old bridge over the river, which has been closed since the winter floods damaged it.</p>\000\000</body></html>' > "$T/nul.html"
case_ok "NUL bytes" "$T/nul.html"
grep -q 'agreed' "$OUT"; ok $? "NUL bytes: the text after them stays"

# a wrong declared charset, invalid bytes in the declared one
printf '<html><head><meta charset="utf-8"></head><body><p>Die Br\374cke \374ber die Wern wird neu gebaut, sagte die B\374rgermeisterin am Dienstag nach einer langen Sitzung des Stadtrates im Rathaus.</p></body></html>' > "$T/latin.html"
case_ok "latin-1 bytes declared UTF-8" "$T/latin.html"
grep -q 'Brücke über' "$OUT"; ok $? "latin-1 declared UTF-8: read as windows-1252"
printf '<html><head><meta charset="shift_jis"></head><body><p>\202\240\377\377\201 The council met on Tuesday and agreed to rebuild the old bridge over the river, which was closed.</p></body></html>' > "$T/sjis.html"
case_ok "invalid bytes in Shift_JIS" "$T/sjis.html"
printf '<html><head><meta charset="x-no-such-charset"></head><body>%s</body></html>' "$P" > "$T/unk.html"
case_ok "an unknown charset" "$T/unk.html"
printf '\377\376<\000h\000t\000m\000l\000>\000' > "$T/utf16.html"
case_ok "UTF-16 with a BOM" "$T/utf16.html"

# random bytes and HTML-looking binary
head -c 2000000 /dev/urandom > "$T/rand.html"
case_ok "2 MB of random bytes" "$T/rand.html"
awk 'BEGIN { srand(7); for (i = 0; i < 200000; i++) printf "<%c%s", 97 + int(rand() * 26), (rand() < .5 ? ">" : " x=\"") }' > "$T/tags.html"
case_ok "200,000 broken tags" "$T/tags.html"

# a 50 MB text node: bounded time and memory
mb=$(( 50 / SCALE ))
{ printf '<html><body><p>'; yes 'word ' | tr -d '\n' | head -c $(( mb * 1048576 )); printf '</p></body></html>'; } > "$T/big.html"
size=$(wc -c < "$T/big.html")
run "$PEAK" "$T/rss" timeout "$LIMIT" strip-boilerplate --html "$T/big.html"
is "$RC" 0 "$mb MB text node: exit 0"
read rss secs < "$T/rss"
if [ "$san" = 1 ]; then
	ok 0 "# skip $mb MB text node: $rss KiB (AddressSanitizer build, not checked)"
else
	max=$(( size * 4 / 1024 + 16384 ))
	ok $(( rss > max )) "$mb MB text node: peak RSS $rss KiB <= $max KiB ($secs s)"
fi
done_testing
