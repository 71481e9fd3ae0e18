#!/bin/sh
# pipeline.t - all four tools chained over an invented aggregator page, in
# -z records and in JSON Lines, against reviewed expected output.
# NP_REGEN=1 rewrites the expected files (review the diff before keeping).
. tests/cli/lib.sh
page=tests/demo/sample-page.txt
exp=tests/cli/expected

for t in split-articles normalize-dates strip-boilerplate extract-quotes; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "1..0 # skip $t not built"
		exit 0
	fi
done

check() {
	if [ -n "$NP_REGEN" ]; then cp "$1" "$exp/$2"; fi
	is_file "$1" "$exp/$2" "$3"
}

# -z: split, then dates (each article's dateline is its reference), then
# strip the furniture, then the quotes
split-articles -z "$page" | normalize-dates -z | strip-boilerplate -z > "$T/clean.z"
check "$T/clean.z" pipeline-clean.z "-z chain: split | normalize-dates | strip-boilerplate"
extract-quotes -z < "$T/clean.z" > "$T/quotes.z"
check "$T/quotes.z" pipeline-quotes.z "-z chain: ... | extract-quotes"
is "$(tr -cd '\0' < "$T/clean.z" | wc -c | tr -d ' ')" 2 "two article records"

# the same in JSON Lines: one object in, one object per article out
perl -MJSON::PP -e 'local $/; my $t = <STDIN>; utf8::decode($t);
	print JSON::PP->new->utf8->canonical->encode({id => "sample-1", text => $t}), "\n"' \
	< "$page" > "$T/page.jsonl"
split-articles --jsonl < "$T/page.jsonl" | normalize-dates --jsonl |
	strip-boilerplate --jsonl | extract-quotes --jsonl > "$T/chain.jsonl"
check "$T/chain.jsonl" pipeline-chain.jsonl "--jsonl chain: all four tools"
is "$(grep -c '"id":"sample-1"' "$T/chain.jsonl")" 2 "every article keeps the input's other fields"
is "$(grep -c '"part":2' "$T/chain.jsonl")" 1 "articles are numbered with part"
# the text of each JSON object equals the -z record
perl -MJSON::PP -ne 'my $o = JSON::PP->new->decode($_); my $t = $o->{text};
	utf8::encode($t); print $t, "\0"' < "$T/chain.jsonl" > "$T/chain-text.z"
is_file "$T/chain-text.z" "$T/clean.z" "JSON Lines and -z chains give the same text"

done_testing
