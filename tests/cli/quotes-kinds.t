#!/bin/sh
# quotes-kinds.t - extract-quotes on kinds of attribution and of false
# quotations that need grammar: German titles after a noun naming a work
# or after a determiner, the subject after the verb ("so fuhr Frau Vogt
# fort"), German speech verbs of narrative, person nouns as speakers, a
# stray closing mark, a dialogue turn "Name. „...“", short quotations
# after a colon and titles after one; English speakers
# followed by a party and state ("(D-Ore.)", ", R-Kan.,"), "Mr. King",
# a pronoun for the subject of an appositive clause, an organisation's
# name in parts, short sentences that look like titles, a stray straight
# mark opening a paragraph.
. tests/cli/lib.sh

run extract-quotes "$FIX/quotes-kinds-de.txt"
is "$RC" 0 "de: exit 0"
is "$(grep -c 'Fährmann' "$OUT")" 0 "de: a title after \"die Operette\" is no quotation"
is "$(grep -c 'Kurier' "$OUT")" 0 "de: a name after a determiner is no quotation"
is "$(grep 'alles versucht' "$OUT" | cut -f 4)" "Helene Vogt" "de: the subject after the verb"
is "$(grep 'weiter kämpfen' "$OUT" | cut -f 4)" "Helene Vogt" "de: the split quotation keeps it"
is "$(grep 'Morgen reden' "$OUT" | cut -f 4,5)" "der Vorsitzende	seufzte" \
    "de: a verb of narrative and a person noun"
is "$(grep -c 'Danach gingen' "$OUT")" 0 "de: a stray closing mark opens nothing"
is "$(grep 'Kommst du' "$OUT" | cut -f 4)" "Martin" "de: a dialogue turn"
is "$(grep -c 'Ordnung muss sein' "$OUT")" 1 "de: a short quotation after a colon is kept"
is "$(grep -c 'Müllerin' "$OUT")" 0 "de: but not a title opened by an article"

run extract-quotes "$FIX/quotes-kinds-en.txt"
is "$(sed -n 1p "$OUT" | cut -f 4)" "Rosa Kimball" "en: NAME (D-Ore.) said"
is "$(sed -n 2p "$OUT" | cut -f 4)" "Dale Fenwick" "en: NAME, R-Kan., said"
is "$(sed -n 3p "$OUT" | cut -f 4)" "King" "en: a title after an honorific is a surname (Mr. King)"
is "$(sed -n 4p "$OUT" | cut -f 4)" "Nora Vance" \
    "en: she is the subject whose relative clause ends in a cue, not an earlier source"
is "$(sed -n 6p "$OUT" | cut -f 6)" "Neither do I." "en: a short sentence with \"I\" is no title"
is "$(sed -n 8p "$OUT" | cut -f 6)" "We're Harborview." \
    "en: a title-case sentence after a quotation and its attribution is kept"
is "$(sed -n 9p "$OUT" | cut -f 6)" "Fix the ferry! Fix the ferry!" \
    "en: a stray \" opening a paragraph gives way to the quotation inside"

run extract-quotes "$FIX/quotes-kinds-org.txt"
is "$(cut -f 4 "$OUT")" "" "en: the rest of a body's name (Commission on Harbor Safety) is no he"

done_testing
