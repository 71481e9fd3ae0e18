#!/bin/sh
# strip-boilerplate on plain-text layouts: columns side by side, paragraphs
# rebuilt, --unwrap, lynx link marks, consent banners, the headline block.
# (tests/unit/test_bp_layouts.c scores every layout class of the fixtures.)
. tests/cli/lib.sh
L="$FIX/layouts"

# two columns: the article comes out, the sidebar does not
run strip-boilerplate "$L/two-column-ferry.txt"
is "$RC" 0 "columns: exit 0"
grep -q 'Email this' "$OUT"; ok $((! $?)) "columns: the sidebar's lines are gone"
grep -q 'Subscribe to our newsletter' "$OUT"; ok $((! $?)) "columns: its newsletter prompt too"
grep -q '^The old river ferry went back into service on Monday morning,$' "$OUT"
ok $? "columns: a kept line is its cell, byte for byte"
# three columns: menu | article | search boxes
run strip-boilerplate "$L/two-column-clinic.txt"
grep -q 'Horoscopes\|Find your new' "$OUT"; ok $((! $?)) "three columns: menu and boxes gone"
is "$(grep -c 'night clinic\|Two nurses\|thirty children' "$OUT")" 4 "three columns: the title and the article's paragraphs"

# --unwrap: one kept paragraph a line
run strip-boilerplate --unwrap "$L/two-column-ferry.txt"
is "$RC" 0 "--unwrap: exit 0"
is "$(grep -c . "$OUT")" 6 "--unwrap: title, byline and four paragraphs on six lines"
grep -q '^The old river ferry went back into service on Monday morning, carrying forty passengers and a dozen bicycles across the water after two winters in the boatyard at the mouth of the estuary\.$' "$OUT"
ok $? "--unwrap: the line breaks of a paragraph are single spaces"
run strip-boilerplate "$L/indented-quarry.txt"
is "$(grep -c '^    The \|^    More ' "$OUT")" 4 "indented paragraphs: first-line indents kept"
run strip-boilerplate --unwrap "$L/indented-quarry.txt"
is "$(grep -c '^The \|^More ' "$OUT")" 4 "--unwrap: indentation before a paragraph dropped"
run strip-boilerplate --unwrap "$FIX/boilerplate-clean.txt"
is_file "$OUT" "$FIX/boilerplate-clean.txt" "--unwrap: one-line paragraphs unchanged"

# lynx: link marks left out, the reference list dropped
run strip-boilerplate "$L/lynx-orchard.txt"
grep -q '\[[0-9]*\]' "$OUT"; ok $((! $?)) "lynx: no [12] marks in kept text"
grep -q 'http://' "$OUT"; ok $((! $?)) "lynx: no reference list"
grep -q '^   By Helen Marsh$' "$OUT"; ok $? "lynx: the byline, without its mark"
run strip-boilerplate -v "$L/lynx-orchard.txt"
grep -q '^\[8\]$' "$OUT"; ok $? "lynx: -v shows the marks it left out"

# consent banners and thin pages
for p in thin-video thin-consent_de; do
	run strip-boilerplate "$L/$p.txt"
	is_file "$OUT" "$L/$p.gold.txt" "$p: the title and the short text, no banner"
done

# flattened page: the furniture sentences at its end are cut, its prose stays
run strip-boilerplate "$L/flattened-bakery.txt"
grep -q 'Copyright\|Share this article\|Related stories' "$OUT"; ok $((! $?)) "flattened: footer sentences cut"
grep -q 'a good rye\.$' "$OUT"; ok $? "flattened: the last sentence of the article stays"

# glued teasers in other languages
run strip-boilerplate "$L/lang-de-faehre.txt"
grep -q 'Mehr zum Thema\|Newsletter\|Radweg' "$OUT"; ok $((! $?)) "de: teaser, newsletter and related list gone"
grep -q '^Von Jonas Becker$' "$OUT"; ok $? "de: the byline stays"
is "$(grep -c 'Neue Fähre verbindet' "$OUT")" 1 "de: the title once"
# article content that is not prose: list items, a numbered list, a table
# and subheads inside the article are kept
run strip-boilerplate "$L/lists-garden.txt"
is "$(grep -c '^  • a \|^  • string' "$OUT")" 4 "lists: the bullet items after a lead-in ending in ':'"
is "$(grep -c '^ [1-5]\. ' "$OUT")" 5 "lists: the numbered items, counting up"
grep -q '^Runner beans   April         late May      August$' "$OUT"; ok $? "lists: a table row, byte for byte"
grep -q '^Sowing dates for a cool spring$' "$OUT"; ok $? "lists: the subhead over the table"
grep -q '^By the end of the summer' "$OUT"; ok $? "lists: a sentence starting with 'By' is no byline"
grep -q 'Related: Ten herbs\|Sign up' "$OUT"; ok $((! $?)) "lists: the related link and the newsletter box dropped"

# the article's run goes on past a "Related:" box and an ad line in its middle
run strip-boilerplate "$L/widgets-bridge.txt"
grep -q '^The new footbridge over the river Wen' "$OUT"; ok $? "widgets: the paragraphs before the box are kept"
grep -q '^The mayor, who cut the ribbon' "$OUT"; ok $? "widgets: and the last paragraph after it"
is "$(grep -c 'Footbridge over the Wen opens' "$OUT")" 1 "widgets: the title, not a link of the box"
grep -q 'Road bridge repairs\|Council sets budget\|Advertisement\|Most read' "$OUT"; ok $((! $?)) "widgets: the box, the ad line and the list at the end dropped"
grep -q '^\[bridge-opening.jpg\]$' "$OUT"; ok $((! $?)) "widgets: a picture's mark is not text"

# a gallery in the middle (captions printed twice, credits) does not end
# the article; a tour's dates under their heading are records, kept
run strip-boilerplate "$L/widgets-tour.txt"
grep -q '^The folk band Harbour Lights' "$OUT"; ok $? "gallery: the paragraphs before it are kept"
grep -q 'Image [0-9] of 3\|Image credit\|rehearsal\|album cover\|on stage' "$OUT"; ok $((! $?)) "gallery: its marks and captions dropped"
is "$(grep -c '^June [0-9]* – ' "$OUT")" 5 "records: the five tour dates"
grep -q '^Harbour Lights Tour Dates$' "$OUT"; ok $? "records: their heading"
grep -q 'Trending\|Choir of miners\|Additional reporting' "$OUT"; ok $((! $?)) "records: the credit and the list after them dropped"
# a numbered list with a link and a picture under each item, then tables
run strip-boilerplate "$L/lists-offers.txt"
is "$(grep -c '^[1-4]) ' "$OUT")" 4 "offers: the four numbered items"
is "$(grep -c '^http://example.com/t/' "$OUT")" 4 "offers: their links"
grep -q '^\[[0-9]-[0-9x]*\]$' "$OUT"; ok $((! $?)) "offers: the pictures' marks left out"
is "$(grep -c '^Robot lorry  \|^Music calculator  ' "$OUT")" 2 "offers: both tables' rows"
grep -q '^Most of the shops will keep' "$OUT"; ok $? "offers: the paragraph after the tables"
grep -q 'Leave a comment' "$OUT"; ok $((! $?)) "offers: the comment prompt dropped"
# a "Most popular" box right before the text: its teasers, kept by the
# context pass as near-good, belong to the box
run strip-boilerplate "$L/widgets-teasers.txt"
grep -q 'bus routes\|market hall' "$OUT"; ok $((! $?)) "teasers: the box's items dropped"
is "$(grep -c '^Passengers in the mill town\|^More than four thousand\|^The company said on Thursday' "$OUT")" 3 "teasers: the article's paragraphs kept"
# a text browser's frame drawn around a menu is no script without spaces
{
	printf '%s\n' '┌──────────────────────────────────────────────────────────────────────────────┐'
	printf '%s\n' '│  Guide. HOME  DELIVERY  CLASSIFIEDS  SUBSCRIBE  ARCHIVE  WEATHER  CONTACT   │'
	printf '%s\n' '└──────────────────────────────────────────────────────────────────────────────┘'
	printf '\n%s\n\n%s\n' 'The river rose by two metres overnight, and the council closed the lower road and the footpath along the bank until the water goes down again, which it expects by Sunday.' 'Sandbags were handed out at the fire station from six in the morning, and volunteers helped older people on the riverside streets move their furniture upstairs before the peak.'
} > "$T/frame.txt"
run strip-boilerplate "$T/frame.txt"
grep -q '┌\|│\|HOME' "$OUT"; ok $((! $?)) "frame: the box-drawn menu dropped"
is "$(grep -c '^The river rose\|^Sandbags were' "$OUT")" 2 "frame: the text under it kept"
# a quote that ends with a bracketed citation still ends with a sentence:
# it is prose, and no title, so the run starts at the paragraphs above it
{
	printf '%s\n' '  • Home' '  • News' '  • Contact' ''
	printf '%s\n\n' 'Patience In Hard Times' 'Posted on March 3, 2020 by Admin'
	printf '%s\n\n' 'Let us try to understand this and keep it in mind. Not just on the tongue.'
	printf '%s\n\n' 'Do not go too far in loving or hating anything. Keep to the middle. Do not let a dislike of some people push you into treating them cruelly:'
	printf '%s\n\n' '    “And do not let the hatred of a people lead you to be unjust. Be just, for that is nearer to being good.” [The Book 5:8]'
	printf '%s\n\n' '    “Justice, fairness, mercy, honesty, patience: such virtues bring mankind nearer goodness, wisdom, peace.” [The Book 5:9]'
	printf '%s\n' 'We must be careful with every teaching that plants a deep hatred of one people in the heart, because that hatred leads some of them to harm others, and the old teachers never taught that, not once in all their lives.'
	printf '%s\n' '' 'Share this:' '  • Twitter' '  • Facebook'
} > "$T/cite.txt"
run strip-boilerplate "$T/cite.txt"
is "$(head -n 1 "$OUT")" 'Patience In Hard Times' "citation: the title, not the quote before the run"
is "$(grep -c '^Let us try\|^Do not go too far\|^    “And do not let' "$OUT")" 3 "citation: the paragraphs above the run kept"
# a blog photo's alt text printed between every section is seen through:
# the subheads between it and the next paragraph are kept
{
	A='Baked Apples Recipe Photo: Basket Of Ripe Autumn Apples, Raisins, Honey, Cinnamon Sticks, Wooden Kitchen Table'
	printf '%s\n\n' '  • Home' '  • Recipes' 'Baked Apples For A Cold Evening' "$A" 'WHAT YOU NEED'
	printf '%s\n\n' 'You will need four firm apples, a handful of raisins, some butter, a spoon of honey and a little cinnamon, and an oven dish that holds all four apples standing up next to each other.'
	printf '%s\n\n' "$A" 'HOW TO BAKE THEM'
	printf '%s\n\n' 'Core the apples without cutting through the bottom, fill each one with the raisins and the honey, put a small piece of butter on top and bake them for about forty minutes until they are soft.'
	printf '%s\n\n' "$A" 'SERVING THEM WARM'
	printf '%s\n\n' 'They are best served warm with a spoon of cream or yoghurt, and whatever is left over keeps well in the fridge for a day or two if you cover the dish with a plate.'
	printf '%s\n' 'Share this:' '  • Facebook'
} > "$T/alt.txt"
run strip-boilerplate "$T/alt.txt"
is "$(grep -c '^HOW TO BAKE THEM$\|^SERVING THEM WARM$' "$OUT")" 2 "alt text: the subheads after it kept"
grep -q 'Recipe Photo' "$OUT"; ok $((! $?)) "alt text: dropped"
is "$(grep -c '^You will need\|^Core the apples\|^They are best' "$OUT")" 3 "alt text: the paragraphs kept"
# a shop's disclaimers under the article are prose, but the site's: a
# phrase of the lexicon in their first words marks them however long
{
	printf '%s\n\n' '  • Shop' '  • Blog' 'Five Snacks For The Big Match'
	printf '%s\n\n' 'Match day does not have to mean a week of eating badly. Cut the vegetables the night before, keep a bowl of nuts on the table instead of crisps, and make the dip yourself with yoghurt, lemon and a little garlic.'
	printf '%s\n\n' 'If you want something warm, bake a tray of sweet potato wedges with paprika. They take half an hour, they are cheap, and your guests will hardly notice that the usual plate of fried food is missing.'
	printf '%s\n\n' '*These statements have not been evaluated by the health authority of your country. These products are not intended to diagnose, treat, cure, or prevent any disease, and nothing on this page replaces the advice of your own doctor.'
	printf '%s\n\n' 'Consult your physician and follow all safety instructions before beginning any exercise program or using any supplement or meal replacement product, especially if you have any medical conditions or needs, and stop at once if you feel unwell.'
	printf '%s\n' 'Tablet, Phone and Watch are registered trademarks of Example Devices Ltd. in the United Kingdom and other countries. All other marks are the property of their owners and are used here only to name the products.'
} > "$T/disclaimer.txt"
run strip-boilerplate "$T/disclaimer.txt"
grep -q 'have not been evaluated\|Consult your physician\|registered trademarks' "$OUT"; ok $((! $?)) "disclaimer: the three notices dropped"
is "$(grep -c '^Match day does not\|^If you want something warm' "$OUT")" 2 "disclaimer: the article kept"
# the site's rules for comments under the article, however long
{
	printf '%s\n\n' 'Lakeside Team Wins At Home' 'The home side scored twice in the last ten minutes and won the game in front of a full stadium, the first win of the season for a team that had lost its first four games.'
	printf '%s\n\n' 'The coach said after the game that the players had kept going when most of the crowd had already given up on them, and that the result would give them confidence for the trip north next week.'
	printf '%s\n' 'Before you comment, please be respectful of other commenters and their opinions. Comments should be civil and stay on the topic of the article. We reserve the right to remove any comment that is rude or insulting to others, and to close the discussion at any time.'
} > "$T/comment-rules.txt"
run strip-boilerplate "$T/comment-rules.txt"
grep -q 'respectful' "$OUT"; ok $((! $?)) "comment rules: dropped"
is "$(grep -c '^The home side scored\|^The coach said' "$OUT")" 2 "comment rules: the article kept"
# a teaser's summary cut off by "..." under the title is no standfirst
{
	printf '%s\n\n' '  • News' '  • World' 'Harbour Ferry Returns After Two Years'
	printf '%s\n\n' 'The ferry across the harbour sailed again on Monday,...'
	printf '%s\n\n' 'The ferry across the harbour sailed again on Monday for the first time in two years, after the council and the operator agreed on who would pay for the new landing stage at the north pier.'
	printf '%s\n\n' 'About two hundred people made the first crossing, many of them older residents who remembered the old boat, and the operator said it would run every half hour until the end of the summer.'
	printf '%s\n' 'Share this:' '  • Email'
} > "$T/cut-summary.txt"
run strip-boilerplate "$T/cut-summary.txt"
grep -q 'on Monday,\.\.\.' "$OUT"; ok $((! $?)) "cut summary: dropped"
is "$(grep -c '^The ferry across the harbour sailed again on Monday for\|^About two hundred' "$OUT")" 2 "cut summary: the article kept"
# a picture's mark glued before a paragraph, an embedded post with its
# signature, a picture with its caption printed twice
run strip-boilerplate "$L/widgets-embed.txt"
grep -q '^The coast road between Port Ellen' "$OUT"; ok $? "embed: a mark glued before the text cut off"
grep -q '^    — Coastal Council (@coastalcouncil) March 12, 2024$' "$OUT"; ok $? "embed: the post's signature kept"
grep -q 'Waves breaking\|seafront' "$OUT"; ok $((! $?)) "embed: the picture and its caption dropped"
done_testing
