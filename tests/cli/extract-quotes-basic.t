#!/bin/sh
# extract-quotes-basic.t - extract-quotes end to end: TSV and JSON Lines
# output, every mark style, split and multi-paragraph quotations, scare
# quotes, pronouns, languages, escaping, -z, --min-words, errors.
. tests/cli/lib.sh

TAB=$(printf '\t')

# field N of line L of $OUT
field() { sed -n "$1p" "$OUT" | cut -f "$2"; }

run extract-quotes "$FIX/quotes-en.txt"
is "$RC" 0 "en: exit 0"
is "$(wc -l < "$OUT" | tr -d ' ')" 6 "en: six quotations (scare quotes dropped)"
is "$(field 1 4)" "Maik Keller" "en: short name mapped to the full name, rank dropped"
is "$(field 2 4)" "Maik Keller" "en: second sentence keeps the speaker"
is "$(field 3 6)" "We will," "split quotation: first part"
is "$(field 4 6)" "press the board to hire them now." "split quotation: second part"
is "$(field 3 4)/$(field 4 4)" "Ruth Adler/Ruth Adler" "split quotation: pronoun resolved, one speaker"
is "$(field 5 4)" "A board spokesperson" "nominal speaker as written"
is "$(field 6 4)" "Tom Reyes" "multi-paragraph quotation: speaker from the colon line"
is "$(field 6 6)" 'Every winter the island waits.\n\n"Every spring the ferry is late again.' \
    "multi-paragraph quotation: one record, newlines escaped"
is "$(grep -c 'slow boat\|paper promise' "$OUT")" 0 "scare quotes are not quotations"
# START/END are byte offsets of the content
start=$(field 1 2); end=$(field 1 3)
is "$(head -c "$end" "$FIX/quotes-en.txt" | tail -c +"$((start + 1))")" \
    "The new ferry will not sail before the spring," "offsets point at the content"

run extract-quotes "$FIX/quotes-marks.txt"
is "$(wc -l < "$OUT" | tr -d ' ')" 7 "marks: one quotation a line"
is "$(cut -f 4 "$OUT" | tr '\n' '|')" \
    "Okafor|Tomas Berg|Lena Fox|Claire Moreau|Jana Richter|Иван Петров|Ken Sato|" \
    "marks: '' “” ‘’ « » „“ «» 「」 with their speakers"
is "$(cut -f 5 "$OUT" | tr '\n' '|')" "said|said|said|a déclaré|sagte|заявил|said|" \
    "cues in en, fr, de, ru"
is "$(field 3 6)" "We don't sell the players' shirts," "apostrophes inside a single-quoted quotation"

run extract-quotes "$FIX/quotes-escape.txt"
is "$(cat "$OUT")" "1${TAB}24${TAB}65${TAB}Lia Brandt${TAB}said${TAB}Tabs\\tand \\\\backslashes\\\\ stay escaped here." \
    "tab and backslash escaped in the QUOTE field"

run extract-quotes -j "$FIX/quotes-escape.txt"
is "$(cat "$OUT")" '{"doc":1,"start":24,"end":65,"byte_start":24,"byte_end":65,"speaker":"Lia Brandt","kind":"name","speaker_start":0,"speaker_end":16,"speaker_byte_start":0,"speaker_byte_end":16,"cue":"said","cue_start":17,"cue_end":21,"cue_byte_start":17,"cue_byte_end":21,"multipara":false,"quote":"Tabs\tand \\backslashes\\ stay escaped here."}' \
    "-j: one JSON object per quotation, with the speaker's offsets"
run extract-quotes --jsonl "$FIX/quotes-en.txt"
is "$(grep -c '^{"doc":1,' "$OUT")" 6 "--jsonl: six objects"
is "$(grep -c '"kind":"pronoun"' "$OUT")" 2 "--jsonl: pronoun speakers marked"

# JSON Lines input: one array added to each object
run extract-quotes -j "$FIX/quotes-docs.jsonl"
is "$(sed -n 1p "$OUT" | grep -c '"quotes":\[{"start":1,"end":26,"byte_start":1,"byte_end":26,"speaker":"Ana Ruiz"')" 1 \
    "JSON Lines input: quotations added under \"quotes\""
is "$(sed -n 2p "$OUT")" '{"id":"b","text":"No quotation here.","quotes":[]}' \
    "JSON Lines input: empty array when none"

# documents: each FILE, and -z records, numbered
run extract-quotes "$FIX/quotes-escape.txt" "$FIX/quotes-escape.txt"
is "$(cut -f 1 "$OUT" | tr '\n' ' ')" "1 2 " "each FILE its own document"
printf '"We leave at dawn," said Al Moss.\000"Nobody stays behind today," she said.\000' > "$T/z"
run extract-quotes -z "$T/z"
is "$(tr '\000' '#' < "$OUT" | tr '\n' '|')" "1${TAB}18${TAB}Al Moss${TAB}said${TAB}We leave at dawn,|#1${TAB}27${TAB}${TAB}said${TAB}Nobody stays behind today,|#" \
    "-z: each document's lines are its own record, no DOC column; unresolvable pronoun gives an empty speaker"
run extract-quotes -z --jsonl "$T/z"
is "$(tr '\000' '#' < "$OUT" | grep -c '"doc"')" 0 "-z --jsonl: no doc number either"
# -z output does not depend on how the records were cut into runs
run extract-quotes -z "$T/z"
cp "$OUT" "$T/whole"
head -c 34 "$T/z" > "$T/z1"; tail -c +35 "$T/z" > "$T/z2"
extract-quotes -z "$T/z1" > "$T/parts"; extract-quotes -z "$T/z2" >> "$T/parts"
is "$(cmp "$T/whole" "$T/parts" && echo same)" same "-z: two runs on halves equal one run"
printf 'A "shadow fleet" sailed.\n' > "$T/s"
run extract-quotes "$T/s"
is "$(cat "$OUT")" "" "short quoted phrase without a cue is dropped"
run extract-quotes --min-words 2 "$T/s"
is "$(cut -f 6 "$OUT")" "shadow fleet" "--min-words 2 keeps it"
run extract-quotes - < "$FIX/quotes-escape.txt"
is "$(cut -f 4 "$OUT")" "Lia Brandt" "- reads stdin"

# bytes pass through: invalid UTF-8, CRLF
printf '"Caf\351 prices rose \377 again,"\r\nsaid Bo Lind.\r\n' > "$T/bad"
run extract-quotes "$T/bad"
is "$RC/$(cut -f 2-5 "$OUT")" "0/1${TAB}26${TAB}Bo Lind${TAB}said" \
    "invalid UTF-8 and CRLF are fine; the cue may follow on the next line"

# errors
run extract-quotes --min-words x "$FIX/quotes-en.txt"
is "$RC" 2 "bad --min-words: exit 2"
ok "$(grep -c '^extract-quotes: ' "$ERR" | tr -d ' ' | sed 's/^[1-9].*/0/')" "bad --min-words: message"
run extract-quotes --no-such-option
is "$RC" 2 "unknown option: exit 2"
run extract-quotes "$T/missing"
is "$RC" 1 "missing file: exit 1"
is "$(grep -c "^extract-quotes: $T/missing: " "$ERR")" 1 "missing file: NAME: FILE: reason"
run extract-quotes --help
is "$RC/$(grep -c '^usage: extract-quotes' "$OUT")" "0/1" "--help"
run extract-quotes --version
is "$(cat "$OUT")" "extract-quotes (newsprep) $(sed -n 's/^#define NP_VERSION "\(.*\)"/\1/p' include/newsprep/common.h)" "--version"

# German and Danish order of guillemets, French inner spaces, low single marks
printf '\302\273Wir bleiben hier bis zum Ende\302\253, sagte Anna Berg.\n\302\253\302\240Nous resterons ici jusqu\342\200\231au bout\302\240\302\273, a d\303\251clar\303\251 Paul Morel.\nLis Holm skrev \342\200\272vi kommer igen i morgen tidlig\342\200\271 til os.\n\342\200\232Das ist ein kurzer Test f\303\274r alle\342\200\230, sagte Ute Kahl.\n' > "$T/marks"
run extract-quotes "$T/marks"
is "$(field 1 6)/$(field 1 4)" "Wir bleiben hier bis zum Ende/Anna Berg" "marks: \302\273...\302\253 (German order)"
is "$(field 2 6)" "$(printf 'Nous resterons ici jusqu\342\200\231au bout')" "marks: \302\253 ... \302\273 with no-break spaces trimmed"
is "$(field 3 6)" "vi kommer igen i morgen tidlig" "marks: \342\200\272...\342\200\271 (Danish order)"
is "$(field 4 6)/$(field 4 4)" "$(printf 'Das ist ein kurzer Test f\303\274r alle/Ute Kahl')" "marks: \342\200\232...\342\200\230"

# memory on dense quotations: at most 4 times the document + 16 MiB
PEAK="${NP_TESTBIN:-build/tests}/peak-rss"
if [ -x "$PEAK" ] && ! grep -q __asan_init "$(command -v extract-quotes)" 2>/dev/null; then
	yes '"a"' | tr '\n' ' ' | head -c 2097152 > "$T/dense"
	"$PEAK" "$T/rss" extract-quotes "$T/dense" > /dev/null 2>&1
	rss=$(cut -d' ' -f1 "$T/rss")
	ok $(( rss > 4 * 2048 + 16384 )) "2 MiB of one-word quotations: peak RSS $rss KiB <= 4x + 16 MiB"
else
	ok 0 "# skip no peak-rss helper or under a sanitizer"
fi

done_testing
