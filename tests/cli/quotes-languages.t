#!/bin/sh
# quotes-languages.t - extract-quotes speaker accuracy on invented news in
# nine languages (tests/cli/fixtures/quotes-lang/LANG.{txt,gold}): every
# kind of attribution the engine reads (speech verbs with inflection,
# "according to" forms, separable verbs, colon without a verb, pronouns,
# nominals linked to a name, organisations, titles, inflected surnames,
# the marks of each language).  A gold line is the first words of a
# quotation, a tab, the speaker (alternatives split by |); a quotation not
# found counts as wrong.  Each language must reach 85 %.
. tests/cli/lib.sh

DIR=$FIX/quotes-lang
for lang in fr de es it pt nl pl uk ru; do
	run extract-quotes "$DIR/$lang.txt"
	res=$(awk -F'\t' -v lang="$lang" '
	NR == FNR { pre[++n] = $1; spk[n] = $2; next }
	{ q[++m] = $6; s[m] = $4 }
	END {
		ok = 0
		for (i = 1; i <= n; i++) {
			got = "(no quotation)"
			for (j = 1; j <= m; j++)
				if (index(q[j], pre[i]) == 1) { got = s[j]; break }
			k = split(spk[i], alt, "|"); hit = 0
			for (a = 1; a <= k; a++) if (got == alt[a]) hit = 1
			if (hit) ok++
			else printf "# %s: \"%s...\": got [%s], want [%s]\n", lang, pre[i], got, spk[i] > "/dev/stderr"
		}
		printf "%d %d\n", ok, n
	}' "$DIR/$lang.gold" "$OUT")
	set -- $res
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(b >= 20 && a >= 0.85 * b) }'
	ok $? "$lang: speaker right for $1 of $2 quotations ($(awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'))"
done

done_testing
