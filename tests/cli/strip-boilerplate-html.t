#!/bin/sh
# strip-boilerplate on HTML: detection, charsets, title once, furniture by
# markup, metadata, -z, several files, --jsonl --field html, --explain.
# Every page here was written for these tests.
. tests/cli/lib.sh

# pages in five languages and four charsets: the title, then the article
for p in en-news de-latin1 ru-cp1251 pt-cp1252 es-thin; do
	run strip-boilerplate "$FIX/html-$p.html"
	is "$RC" 0 "$p: exit 0"
	is_file "$OUT" "$FIX/html-$p.expected" "$p: title and article"
done

# the English page: navigation, cookie banner, share tools, caption, ad,
# tags, newsletter box, comments, sidebar and footer are gone
run strip-boilerplate "$FIX/html-en-news.html"
for f in 'Sport' 'cookies' 'Share on' 'Photo: Courier' 'Advertisement' 'Tags:' \
    'Sign up' 'harbourwatcher' 'About time too' 'Most read' 'Storm closes' \
    'Related stories' 'All rights reserved' 'dataLayer' 'font-family'; do
	grep -q "$f" "$OUT"; ok $((! $?)) "en: '$f' removed"
done
is "$(head -1 "$OUT")" "Ferry service returns to Kelby Island after twelve years" "en: title first"
is "$(grep -c 'Ferry service returns' "$OUT")" 1 "en: title kept once"
grep -q '“People have been rowing' "$OUT"; ok $? "en: entities decoded"
grep -q '£6' "$OUT"; ok $? "en: &pound; decoded"
grep -q '^A long campaign$' "$OUT"; ok $? "en: subhead kept"

# charsets: the output is UTF-8 whatever the page was written in
run strip-boilerplate "$FIX/html-de-latin1.html"
grep -q 'Brücke über die Wern' "$OUT"; ok $? "de: ISO-8859-1 (http-equiv) read as such"
is "$(grep -c 'Stadtrat beschließt' "$OUT")" 1 "de: title from <title> without the site, once"
grep -q 'Drucken\|Impressum\|Wirtschaft' "$OUT"; ok $((! $?)) "de: table-layout menu and footer gone"
run strip-boilerplate "$FIX/html-ru-cp1251.html"
grep -q 'В субботу в центре города' "$OUT"; ok $? "ru: windows-1251 (meta) converted"
grep -q 'Главная\|Все права' "$OUT"; ok $((! $?)) "ru: menu and footer gone"
run strip-boilerplate "$FIX/html-pt-cp1252.html"
grep -q 'terça-feira' "$OUT"; ok $? "pt: undeclared, invalid as UTF-8: windows-1252"
# a page declaring a wrong charset: valid UTF-8 wins
sed 's/charset=utf-8/charset=iso-8859-1/' "$FIX/html-en-news.html" > "$T/wrong.html"
run strip-boilerplate "$T/wrong.html"
is_file "$OUT" "$FIX/html-en-news.expected" "a wrong declared charset on UTF-8 bytes"

# a thin page keeps its one sentence
run strip-boilerplate "$FIX/html-es-thin.html"
grep -q '^El suministro se interrumpirá' "$OUT"; ok $? "es: thin page keeps its sentence"
grep -q 'Portada\|Compartir\|derechos' "$OUT"; ok $((! $?)) "es: its furniture goes"

# JSON-LD: the article's paragraphs are kept
run strip-boilerplate "$FIX/html-fr-jsonld.html"
is "$(head -1 "$OUT")" "Le marché couvert de Saint-Aubin rouvre ses portes" "fr: title first"
for f in 'Après deux ans' 'La charpente métallique' 'Les commerçants'; do
	grep -q "^$f" "$OUT"; ok $? "fr: '$f' kept"
done
grep -q 'cookies\|Accueil\|Mentions' "$OUT"; ok $((! $?)) "fr: cookie banner, menu, footer gone"
# the markup's evidence: a list of links and a comment box go
grep -q 'La fête de la pomme\|rue des Tanneurs' "$OUT"; ok $((! $?)) "fr: the related links go"
grep -q 'Réactions\|Enfin !' "$OUT"; ok $((! $?)) "fr: the comments go"
# the JSON-LD articleBody bounds the article: the share links above it go
grep -q 'Partager' "$OUT"; ok $((! $?)) "fr: a link line above the articleBody goes"

# detection: --text takes a page for text, --html text for a page
run strip-boilerplate --text "$FIX/html-es-thin.html"
grep -q '<a href=' "$OUT"; ok $? "--text: tags are text"
run strip-boilerplate "$FIX/html-looking.txt"
is_file "$OUT" "$FIX/html-looking.txt" "text quoting tags stays text"
run strip-boilerplate --html "$FIX/html-looking.txt"
grep -q '<p>' "$OUT"; ok $((! $?)) "--html: tags are markup"
grep -q 'bold text as bold;' "$OUT"; ok $? "--html: their text stays"
# a page without doctype or <html>, detected by its share of tags
sed -n '/<body>/,/<\/body>/p' "$FIX/html-en-news.html" | sed 's/<body>//' > "$T/frag.html"
run strip-boilerplate "$T/frag.html"
grep -q '^A passenger ferry will link' "$OUT"; ok $? "a fragment is detected as HTML"
grep -q '<p' "$OUT"; ok $((! $?)) "a fragment: no tags out"

# a BOM before the page
printf '\357\273\277' | cat - "$FIX/html-es-thin.html" > "$T/bom.html"
run strip-boilerplate "$T/bom.html"
is_file "$OUT" "$FIX/html-es-thin.expected" "a BOM before <!DOCTYPE"

# several files, and -z records mixing HTML and text
run strip-boilerplate "$FIX/html-es-thin.html" "$FIX/html-pt-cp1252.html"
cat "$FIX/html-es-thin.expected" "$FIX/html-pt-cp1252.expected" > "$T/want"
is_file "$OUT" "$T/want" "two files, one after the other"
{ cat "$FIX/html-es-thin.html"; printf '\0'; cat "$FIX/html-looking.txt"; printf '\0'; } > "$T/recs"
run strip-boilerplate -z "$T/recs"
is "$(tr -cd '\0' < "$OUT" | wc -c | tr -d ' ')" 2 "-z: two records out"
tr '\0' '\n' < "$OUT" | grep -q '^El suministro'; ok $? "-z: the HTML record read as HTML"
tr '\0' '\n' < "$OUT" | grep -q '<p>like this</p>'; ok $? "-z: the text record read as text"

# --jsonl --field html: CC-News style records holding the page
python3 -c '
import json, sys
for f in sys.argv[1:]:
    print(json.dumps({"url": "u:" + f, "html": open(f, encoding="latin-1").read()}))
' "$FIX/html-es-thin.html" > "$T/recs.jsonl"
run strip-boilerplate --jsonl --field html "$T/recs.jsonl"
is "$RC" 0 "--jsonl --field html: exit 0"
python3 -c '
import json, sys
o = json.loads(open(sys.argv[1]).readline())
sys.exit(0 if o["html"].startswith("Corte de agua") and "<p>" not in o["html"] and o["url"].startswith("u:") else 1)
' "$OUT"
ok $? "--jsonl --field html: the field holds the article, other fields kept"

# --jsonl: what the page states about itself becomes members (replacing
# the input's own in place, added when absent, JSON-escaped)
python3 -c '
import json, sys
print(json.dumps({"id": 7, "url": "u:x", "title": "old", "html": open(sys.argv[1]).read()}))
' "$FIX/html-en-meta.html" > "$T/meta.jsonl"
run strip-boilerplate --jsonl --field html "$T/meta.jsonl"
is "$RC" 0 "metadata: exit 0"
python3 -c '
import json, sys
line = open(sys.argv[1]).readline()
o = json.loads(line)
want = {"id": 7, "url": "https://courier.example/news/harbour-wall",
    "title": "Harbour wall repaired before the winter storms", "author": "Morag Lindsay",
    "date": "2024-03-15T09:30:00Z", "lang": "en-GB",
    "description": "Engineers finished the \"east\" wall two weeks early."}
bad = [k for k in want if o.get(k) != want[k]]
keys = [k for k, _ in json.loads(line, object_pairs_hook=list)]
if keys[:4] != ["id", "url", "title", "html"] or len(keys) != len(set(keys)):
    bad.append("order or duplicates: %r" % keys)
if not o["html"].startswith("Harbour wall repaired") or "<p>" in o["html"]:
    bad.append("html")
print("\n".join("# " + b for b in bad))
sys.exit(1 if bad else 0)
' "$OUT"
ok $? "metadata: title, author, date, url, lang, description set, none duplicated"
# a page stating nothing adds nothing
run strip-boilerplate --jsonl --field html "$T/recs.jsonl"
python3 -c '
import json, sys
o = json.loads(open(sys.argv[1]).readline())
sys.exit(0 if "author" not in o and "date" not in o else 1)
' "$OUT"
ok $? "metadata: absent members are not invented"
# the page's date is the reference for relative dates downstream
strip-boilerplate --jsonl --field html "$T/meta.jsonl" |
    normalize-dates --jsonl --field html --ref-field date > "$T/dated.jsonl"
grep -q 'east wall of Kelby harbour 2024-03-14,' "$T/dated.jsonl"
ok $? "metadata: normalize-dates --ref-field date resolves \"yesterday\" against the page"

# a data table's row is one line; a box whose class names furniture goes,
# but the same word on the wrapper that holds the whole article does not
# drop the article ("content-area with-sidebar")
run strip-boilerplate "$FIX/html-en-table.html"
is "$RC" 0 "table: exit 0"
grep -q '^Kelby 6 5 31$' "$OUT"; ok $? "table: a row's cells on one line"
grep -q '^Club Races Wins Points$' "$OUT"; ok $? "table: the header row on one line"
grep -q 'unlimited access' "$OUT"; ok $((! $?)) "class: the promo box inside the story goes"
grep -q '^The next regatta is planned' "$OUT"; ok $? "class: a wrapper's 'sidebar' keeps the story"
grep -q '^The club.s captain said' "$OUT"; ok $? "class: the paragraph after the promo box is kept"

# no <article>, no class the lexicon knows: the element holding the most
# prose (readability's score) counts as the article, so its list items
# are content; its related links and the page furniture still go
run strip-boilerplate "$FIX/html-it-mainbox.html"
grep -q '^Banchi: frutta, verdura' "$OUT"; ok $? "main box: a list item with few stopwords is kept"
grep -q '^un forno a legna aperto' "$OUT"; ok $? "main box: short list items are kept"
grep -q 'Leggi anche\|castagna\|Pubblicità\|diritti riservati' "$OUT"; ok $((! $?)) "main box: related links, ad, footer go"
grep -q '^Orari: lunedì 7-14' "$OUT"; ok $? "main box: a paragraph with few stopwords is kept"
grep -q '^I lavori sono stati seguiti' "$OUT"; ok $? "main box: a sentence that is mostly links is kept"
grep -q 'Scriveteci' "$OUT"; ok $((! $?)) "a small form's sentence goes"
grep -q '^Il sindaco ha detto' "$OUT"; ok $? "the paragraph after the small form is kept"
is "$(head -1 "$OUT")" "Il mercato di Borgo Fiume riapre con venti banchi nuovi" "main box: title first"

# a <title> that no block of the page says (the site's name) is metadata
# only: the headline the page shows comes first instead
run strip-boilerplate "$FIX/html-en-sitetitle.html"
is "$(head -1 "$OUT")" "Flood barrier on the Wern passes its first winter test" "site title: the page's headline first"
grep -q 'Kelby Valley News' "$OUT"; ok $((! $?)) "site title: not in the text"
python3 -c 'import json, sys; print(json.dumps({"html": open(sys.argv[1]).read()}))' \
    "$FIX/html-en-sitetitle.html" > "$T/site.jsonl" 2> /dev/null ||
    printf '{"html":"<title>Kelby Valley News</title><p>x</p>"}\n' > "$T/site.jsonl"
run strip-boilerplate --jsonl --field html "$T/site.jsonl"
grep -q '"title":"Kelby Valley News"' "$OUT"; ok $? "site title: still the --jsonl title"

# a comment thread inside <article> (WordPress) is furniture all the same
run strip-boilerplate "$FIX/html-en-blog.html"
grep -q '^Visitors will still be able' "$OUT"; ok $? "blog: the post is kept"
grep -q 'twenty years\|tea stall\|My sister' "$OUT"; ok $((! $?)) "blog: the comments inside <article> go"
grep -q 'The gate on Wern Lane' "$OUT"; ok $((! $?)) "blog: the caption inside the post goes"
grep -q '^Gates open at nine\.$' "$OUT"; ok $? "blog: the short line above it is judged through it"

# short units the context pass dropped next to the article's furniture
# (a lead-in, a list of short commands, a last line) are kept when the
# article's markup holds them and a kept paragraph of the article is next
run strip-boilerplate "$FIX/html-en-gapfill.html"
grep -q '^The new gauge on the north pier takes four settings:$' "$OUT"; ok $? "gap: the lead-in after the share tools is kept"
is "$(grep -c '^gauge\.s' "$OUT")" 4 "gap: the short list items are kept"
is "$(tail -1 "$OUT")" "Questions go to the harbour office." "gap: the short last line before the share tools is kept"
grep -q 'Kelby weather\|Share this\|Harbour$\|All rights' "$OUT"; ok $((! $?)) "gap: the line outside the article and the furniture go"
run strip-boilerplate --explain "$FIX/html-en-gapfill.html"
grep -q '^good	html: between kept units of the article' "$OUT"; ok $? "gap: --explain names the reason"

# prose kept after the page's main box (other stories' descriptions in
# boxes no class names) goes when the run kept the main box
run strip-boilerplate "$FIX/html-en-teasers.html"
grep -q '^Fares will not change this year' "$OUT"; ok $? "after box: the story's last paragraph is kept"
grep -q 'sailing club\|new bakery' "$OUT"; ok $((! $?)) "after box: the other stories' descriptions go"

# --explain shows each block's tag path
run strip-boilerplate --explain "$FIX/html-en-news.html"
grep -q '^good.*article.story>div.article-body>p' "$OUT"; ok $? "--explain: tag path of a kept block"
grep -q '^bad.*nav.main-nav' "$OUT"; ok $? "--explain: tag path of a dropped block"
grep -q '^title' "$OUT"; ok $? "--explain: the title row"
# -v prints what would be removed
run strip-boilerplate -v "$FIX/html-en-news.html"
grep -q 'Most read' "$OUT"; ok $? "-v: the sidebar is among the removed"
grep -q 'A passenger ferry' "$OUT"; ok $((! $?)) "-v: the article is not"
done_testing
