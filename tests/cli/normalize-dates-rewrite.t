#!/bin/sh
# normalize-dates-rewrite.t - the default rewrite writes ISO calendar values
# only (ranges as intervals) and leaves the rest as written; -a escapes tags
# already in the input; results do not depend on where the stream is cut;
# the reference is found where pages put it.
. tests/cli/lib.sh

r() { printf '%s\n' "$1" | normalize-dates -r 2021-03-10; }
is "$(r 'from March 3 to March 5, 2021 we met')" "from 2021-03-03/2021-03-05 we met" "a range becomes an ISO interval"
is "$(r 'du 3 au 5 mars 2021')" "du 2021-03-03/2021-03-05" "a French range too"
is "$(r 'every Monday at noon')" "every Monday at noon" "a recurring set stays as written"
is "$(printf 'every Monday\n' | normalize-dates -l -r 2021-03-10 | cut -f 4)" "XXXX-WXX-1" "-l still gives the set's value"
is "$(r 'Current events are here now.')" "Current events are here now." "PRESENT_REF stays as written"
is "$(r 'le 9 mars dernier, il pleuvait')" "le 2021-03-09, il pleuvait" "the modifier is part of the replaced span"
is "$(r 'el año pasado y el mes pasado')" "2020 y 2021-02" "Spanish modifiers after the unit"
is "$(r 'in the third quarter')" "in the third quarter" "quarters are no calendar value: as written"
is "$(r 'Sign up now!')" "Sign up now!" "a call to action is no date"
is "$(r 'The Sunday Times reported it.')" "The Sunday Times reported it." "a newspaper named after a day"
is "$(r 'Theresa May and April Ryan met.')" "Theresa May and April Ryan met." "people named May or April"
is "$(r 'firmware 10.11.12 is out')" "firmware 10.11.12 is out" "a version number"
is "$(r 'She left a fortnight ago.')" "She left 2021-02-24." "a fortnight is two weeks"
is "$(r 'the 2024 elections')" "the 2024 elections" "a year before a plural noun: the year"
is "$(printf 'the 2024 elections\n' | normalize-dates -l -r 2021-03-10 | cut -f 4,5)" "$(printf '2024\t2024')" "... is a date"

l() { printf '%s\n' "$1" | normalize-dates -l -r 2021-03-10 | cut -f 4,5 | tr '\t\n' '= '; }
is "$(l 'It happened 80 years ago today.')" "1941-03-10=80 years ago today " "'80 years ago today' is one day"
is "$(l 'She left 3 weeks ago.')" "2021-02-17=3 weeks ago " "'3 weeks ago' is a day"
is "$(l 'She arrives on the 18th.')" "2021-03-18=the 18th " "'the 18th': a day of the month"
is "$(l 'They met on the 3rd floor.')" "" "'the 3rd floor' is no date"
printf 'Apple shows its phone on Tuesday\nMarch 3, 2021\n' > "$T/title"
is "$(normalize-dates -l -r 2021-03-10 "$T/title" | cut -f 5 | tr '\n' '|')" "Tuesday|March 3, 2021|" "a title line is not joined to the dateline under it"
is "$(l 'Il est parti il y a trois jours.')" "2021-03-07=il y a trois jours " "French 'il y a trois jours'"
is "$(l 'В прошлом году он уехал.')" "2020=прошлом году " "Russian 'в прошлом году'"
is "$(l 'Er kam vor drei Tagen.')" "2021-03-07=vor drei Tagen " "German 'vor drei Tagen'"

# -a: tags removed and &lt; &amp; unescaped give the input back
printf 'a <time> tag, </time>, &lt; and &amp; on March 3, 2021.\n' > "$T/tags"
normalize-dates -a "$T/tags" > "$OUT"
perl -pe 's/<time datetime="[^"]*">//g; s,</time>,,g; s/&(lt|amp);/$1 eq "lt" ? "<" : "&"/ge' "$OUT" > "$T/back"
is_file "$T/back" "$T/tags" "-a escapes tags already in the input"
is "$(grep -c '<time datetime=' "$OUT")" 1 "-a: one tag of its own"

# a date wrapped over a line break where the stream is cut (1 MiB)
bad=0
for shift in 0 3 9 12 15 20 40 100; do
	perl -e 'my $n = (1 << 20) - 12 + $ARGV[0]; my $l = "x" x 79 . "\n";
		print $l x int($n / 80), "y" x ($n % 80), "\nOn 18 October\n2023 it rained.\n"' "$shift" > "$T/big"
	got=$(normalize-dates -l -r 2021-03-10 "$T/big" | cut -f 4)
	[ "$got" = 2023-10-18 ] || { bad=$((bad + 1)); echo "# shift $shift: $got"; }
done
is "$bad" 0 "a date across a line break at the 1 MiB cut is read whole"

# the reference where pages put it
printf 'Home | World | Sport\nMenu\nHeadline of the day\nBy Jane Doe | March 3, 2021\n\nThe council met on Tuesday.\n' > "$T/page"
is "$(normalize-dates -l "$T/page" | cut -f 4,5 | tail -1)" "$(printf '2021-03-02\tTuesday')" "reference from a 'By NAME |' line"
printf 'Nav\nNav\nNav\nNav\nNav\nNav\nTitle\nPublished: 3 March 2021 11:02 GMT\n\nIt rained yesterday.\n' > "$T/page2"
is "$(normalize-dates -l "$T/page2" | cut -f 4 | tail -1)" "2021-03-02" "reference from a 'Published' line below navigation"
done_testing
