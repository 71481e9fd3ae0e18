#!/bin/sh
# install.t - make install lays out binaries, man pages, headers and the
# libraries, pkg-config file and Python module under DESTDIR/PREFIX; C and
# C++ programs build against them; make
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
[ -f "$root/usr/share/man/man3/newsprep.3" ]; ok $? "installed man3/newsprep.3"
lib=$root/usr/lib
so=$(readlink "$lib/libnewsprep.so.0")
[ -f "$lib/$so" ] && [ "$(readlink "$lib/libnewsprep.so")" = libnewsprep.so.0 ]
ok $? "installed $so with the links libnewsprep.so.0 and libnewsprep.so"
is "$(readelf -d "$lib/$so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')" libnewsprep.so.0 \
    "the shared library's soname is libnewsprep.so.0"
is "$(nm -D --defined-only "$lib/$so" | awk '$2 ~ /[TDBRVWi]/ && $3 !~ /^np_/' | head -5)" "" \
    "the shared library exports np_ names only"
[ "$(nm -D --defined-only "$lib/$so" | grep -c ' np_api_')" -ge 6 ]
ok $? "it exports the flat API of newsprep/api.h"
is "$(nm -g --defined-only "$lib/libnewsprep.a" | awk 'NF == 3 && $3 !~ /^np_/' | head -5)" "" \
    "the static archive defines no global name but np_ ones"
for h in include/newsprep/*.h; do
	grep -q 'extern "C"' "$h" || echo "$h"
done > "$T/noguard"
is "$(cat "$T/noguard")" "" "every header has extern \"C\" guards"
export PKG_CONFIG_PATH="$lib/pkgconfig"
is "$(pkg-config --modversion newsprep)" "$(sed -n 's/^#define NP_VERSION "\(.*\)"/\1/p' include/newsprep/common.h)" \
    "pkg-config knows newsprep and its version"
is "$(pkg-config --variable=libdir newsprep)" /usr/lib "newsprep.pc has the PREFIX it was installed for"
# the .pc says /usr (which pkg-config leaves out as a system folder);
# the files are under DESTDIR
PCLIBS="-L$lib $(pkg-config --libs newsprep)"
PCSTATIC="$lib/libnewsprep.a $(pkg-config --static --libs newsprep | sed 's/-lnewsprep//')"
PCFLAGS="-I$root/usr/include $(pkg-config --cflags newsprep)"

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
	$(pkg-config --libs libpcre2-8 libutf8proc jansson libxml-2.0) -lm 2>"$T/cc.log"
ok $? "a C program compiles against the installed header and library"
is "$("$T/use")" "october 2" "and calls the engine layer"
cc -std=c11 $NP_LDSAN $PCFLAGS -o "$T/use-so" "$T/use.c" $PCLIBS 2>"$T/cc.log"
ok $? "it links against the shared library with pkg-config --libs newsprep"
is "$(LD_LIBRARY_PATH="$lib" "$T/use-so")" "october 2" "and runs with it"
is "$(LD_LIBRARY_PATH="$lib" ldd "$T/use-so" | grep -c libnewsprep.so.0)" 1 "the program needs libnewsprep.so.0"

# the example program of newsprep(3), as the page shows it
perl -ne 'if (/^\.Bd -literal/) { $b = "" } elsif (/^\.Ed/) { print $b if $b =~ /newsprep\/api\.h/; undef $b }
	elsif (defined $b) { s/\\e/\\/g; $b .= $_ }' man/newsprep.3 > "$T/dates.c"
want=$(sed -n 's/^\.Ql \(.*\) :$/\1/p' man/newsprep.3)
cc -std=c11 -Wall -Wextra -Werror $NP_LDSAN $PCFLAGS -o "$T/dates" "$T/dates.c" $PCLIBS 2>"$T/cc.log"
ok $? "the example of newsprep(3) compiles ($(head -c 300 "$T/cc.log"))"
is "$(LD_LIBRARY_PATH="$lib" "$T/dates")" "$want" "and prints what the page says ($want)"

# a C++ program: every header, the flat API, both libraries
{
	for h in include/newsprep/*.h; do echo "#include <newsprep/${h##*/}>"; done
	cat <<'CPP'
#include <cstdio>
#include <cstring>
int main() {
	struct np_api *a = np_api_new();
	const struct np_api_date *d;
	size_t n = 0;
	const char *t = "The vote was held on March 3, 2021.";
	if (a == nullptr || np_api_find_dates(a, t, std::strlen(t), "none", nullptr, &d, &n) != NP_OK)
		return 1;
	std::printf("%zu %s\n", n, n ? d[0].value : "-");
	np_api_free(a);
	return 0;
}
CPP
} > "$T/use.cc"
if command -v c++ >/dev/null 2>&1; then
	c++ -std=c++11 -Wall -Wextra -Werror $NP_LDSAN $PCFLAGS -o "$T/usecc" "$T/use.cc" $PCLIBS 2>"$T/cxx.log"
	ok $? "a C++ program with every header compiles and links ($(head -c 300 "$T/cxx.log"))"
	is "$(LD_LIBRARY_PATH="$lib" "$T/usecc")" "1 2021-03-03" "and calls the library"
	c++ -std=c++11 $NP_LDSAN $PCFLAGS -o "$T/usecc-static" "$T/use.cc" $PCSTATIC 2>"$T/cxx.log"
	ok $? "and links the static archive with pkg-config --static --libs ($(head -c 300 "$T/cxx.log"))"
	is "$("$T/usecc-static")" "1 2021-03-03" "and runs without the shared library"
else
	ok 0 "# skip no C++ compiler"
fi

# the Python module, installed beside the library it loads
pydir=$lib/python3/dist-packages
[ -f "$pydir/newsprep/__init__.py" ]; ok $? "installed the Python module in lib/python3/dist-packages"
if [ -z "$NP_LDSAN" ] && command -v python3 >/dev/null 2>&1; then
	(cd "$T" && env -u NEWSPREP_LIB PYTHONPATH="$pydir" python3 -c \
	    'import newsprep; print(newsprep.find_dates("on 2021-03-04")[0]["value"], newsprep.__file__)') \
	    > "$OUT" 2>&1
	is "$(cut -d ' ' -f 1 "$OUT")" 2021-03-04 "the installed module loads the installed library"
fi

make -s uninstall DESTDIR="$root" PREFIX=/usr O="$O" > "$T/log" 2>&1
ok $? "make uninstall"
is "$(find "$root" -type f | wc -l | tr -d ' ')" 0 "nothing left after uninstall"

done_testing
