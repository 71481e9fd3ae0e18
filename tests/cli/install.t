#!/bin/sh
# install.t - make install lays out binaries, man pages, headers and the
# library under DESTDIR/PREFIX; a C program builds against them; make
# uninstall takes them away again.
. tests/cli/lib.sh
unset MAKEFLAGS MAKELEVEL MFLAGS
bindir=${NP_BIN:-$(pwd)/bin}
O=$(dirname "$bindir")
root="$T/root"

make -s install DESTDIR="$root" PREFIX=/usr O="$O" > "$T/log" 2>&1
ok $? "make install DESTDIR=... PREFIX=/usr"
for t in $(ls "$bindir"); do
	[ -x "$root/usr/bin/$t" ]; ok $? "installed bin/$t"
	[ -f "$root/usr/share/man/man1/$t.1" ]; ok $? "installed man1/$t.1"
done
[ -f "$root/usr/share/man/man7/newsprep.7" ]; ok $? "installed man7/newsprep.7"
[ -f "$root/usr/include/newsprep/common.h" ] && [ -f "$root/usr/include/newsprep/lexicon.h" ]
ok $? "installed headers"
[ -f "$root/usr/lib/libnewsprep.a" ]; ok $? "installed libnewsprep.a"
ex="$root/usr/share/newsprep/examples"
[ -f "$ex/README" ] && [ -f "$ex/pages.jsonl" ] && [ -f "$ex/sample-page.txt" ]
ok $? "installed the sample inputs in share/newsprep/examples"
grep -q '^\.Pa /usr/share/newsprep/examples$' "$root/usr/share/man/man1/split-articles.1"
ok $? "the installed man pages name the examples folder under PREFIX"
( cd "$ex" && "$bindir/split-articles" -z sample-page.txt | "$bindir/strip-boilerplate" -z | tr -cd '\0' | wc -c | tr -d ' ' ) > "$T/n"
is "$(cat "$T/n")" 2 "the README's pipeline runs in the installed examples folder"

# another program links the library and calls an engine piece on a buffer
cat > "$T/use.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <newsprep/lexicon.h>
#include <newsprep/segment.h>
int main(void) {
	const char *t = "Gen. Q. Brown spoke. Troops left.";
	struct np_spans s = {0};
	char f[32];
	size_t n = np_fold("OCTÓBER", strlen("OCTÓBER"), f, sizeof f);
	np_sentences(t, 0, strlen(t), &s);
	printf("%.*s %zu\n", (int)n, f, s.n);
	np_spans_free(&s);
	return 0;
}
C
cc -std=c11 $NP_LDSAN -I"$root/usr/include" -o "$T/use" "$T/use.c" "$root/usr/lib/libnewsprep.a" \
	$(pkg-config --libs libpcre2-8 libutf8proc jansson) -lm 2>"$T/cc.log"
ok $? "a C program compiles against the installed header and library"
is "$("$T/use")" "october 2" "and calls the engine layer"

make -s uninstall DESTDIR="$root" PREFIX=/usr O="$O" > "$T/log" 2>&1
ok $? "make uninstall"
is "$(find "$root" -type f | wc -l | tr -d ' ')" 0 "nothing left after uninstall"

done_testing
