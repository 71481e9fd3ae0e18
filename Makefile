# newsprep - text filters for scraped news.  See README.md.
#
#   make            build bin/*, libnewsprep.a and libnewsprep.so
#   make demo       install what is missing, build, run the pipeline on a sample
#   make check      install what is missing, build, run every test and lint the man pages
#   make SANITIZE=1 build with AddressSanitizer and UndefinedBehaviorSanitizer
#   make WERROR=1   treat warnings as errors (CI)

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
INCDIR    = $(PREFIX)/include
LIBDIR    = $(PREFIX)/lib
EXAMPLESDIR = $(PREFIX)/share/newsprep/examples
PCDIR     = $(LIBDIR)/pkgconfig
PYDIR     = $(LIBDIR)/python3/dist-packages

CC       ?= cc
AR       ?= ar
LD       ?= ld
OBJCOPY  ?= objcopy
CFLAGS   ?= -O2 -g
PKGS      = libpcre2-8 libutf8proc jansson libxml-2.0
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lpcre2-8 -lutf8proc -ljansson -lxml2)

NP_CFLAGS = -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -Iinclude $(PKG_CFLAGS)
ifeq ($(WERROR),1)
NP_CFLAGS += -Werror
endif
ifeq ($(SANITIZE),1)
NP_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDSAN      = -fsanitize=address,undefined
endif
ALL_CFLAGS = $(NP_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(LDSAN) $(PKG_LIBS) -lm

# Sources are found, not listed: an engine is a folder under filters/, a
# tool is filters/NAME.c, a lexicon is filters/lexicons/NAME.tsv.
# O=DIR puts build/, bin/ and the library under DIR; ENGINE_DIRS, TOOLS and
# UNITS narrow a build to some engines (a developer working on one engine).
O          ?= .
B           = $(O)/build
ENGINE_DIRS ?= common dates boilerplate articles quotes api
LIB_SRC  = $(foreach d,$(ENGINE_DIRS),$(wildcard filters/$(d)/*.c))
LEX_TSV  = $(wildcard filters/lexicons/*.tsv)
LEX_C    = $(LEX_TSV:filters/lexicons/%.tsv=$(B)/lex/%.c)
LIB_OBJ  = $(LIB_SRC:filters/%.c=$(B)/%.o) $(LEX_C:.c=.o)
LIB      = $(O)/libnewsprep.a
TOOLS   ?= $(patsubst filters/%.c,%,$(wildcard filters/*.c))
BINS     = $(TOOLS:%=$(O)/bin/%)
UNITS   ?= $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNITS:%=$(B)/tests/%)
HEADERS  = $(wildcard include/newsprep/*.h)
PRIV_H   = $(wildcard filters/*/*.h)
CLI_TESTS ?= $(wildcard tests/cli/*.t)
CLI_LOCALES ?= C C.UTF-8
MANPAGES = $(wildcard man/*.[1-9])
# The sample inputs make install puts in EXAMPLESDIR: every file the man
# pages' EXAMPLES read (tests/cli/man-examples.t runs them there), the
# demo page and a JSON Lines sample.
FIX = tests/cli/fixtures
EXAMPLES = tests/demo/sample-page.txt tests/demo/pages.jsonl \
    $(FIX)/boilerplate-fr-page.txt $(FIX)/boilerplate-thin.txt \
    $(FIX)/boilerplate-glued.txt $(FIX)/boilerplate-site1.txt \
    $(FIX)/boilerplate-site2.txt $(FIX)/boilerplate-site3.txt \
    $(FIX)/layouts/two-column-ferry.txt \
    $(FIX)/html-de-latin1.html \
    $(FIX)/split-factiva.txt $(FIX)/split-lexisnexis-doc.txt \
    $(FIX)/split-stars.txt $(FIX)/split-related.txt $(FIX)/split-heads.txt \
    $(FIX)/dumps/mail-mbox.txt $(FIX)/dumps/feed-rss.txt $(FIX)/dumps/wire-run.txt \
    $(FIX)/dates-dateline.txt $(FIX)/dates-en.txt \
    $(FIX)/quotes-marks.txt $(FIX)/quotes-en.txt $(FIX)/quotes-escape.txt
# the man pages name the default place; an install elsewhere names its own
MAN_EXAMPLES_DEFAULT = /usr/local/share/newsprep/examples

VERSION := $(shell sed -n 's/^.define NP_VERSION "\(.*\)"/\1/p' include/newsprep/common.h)

# The library for other programs (see newsprep(3)).  libnewsprep.a above
# is what the tools and unit tests link (every object, internal names
# included); what is installed is the shared library, built from a
# second set of objects compiled with -fPIC, exporting only np_ names
# (lib/newsprep.map), and $(LIB_PUB), one relocatable object holding
# every engine with all but the np_ names made local, so neither form
# clashes with a program's own names.
SOMAJOR  = 0
SONAME   = libnewsprep.so.$(SOMAJOR)
SO_REAL  = $(O)/libnewsprep.so.$(VERSION)
SO       = $(O)/libnewsprep.so
PIC_OBJ  = $(LIB_OBJ:$(B)/%.o=$(B)/pic/%.o)
LIB_PUB  = $(B)/pub/libnewsprep.a
PY_SRC   = $(wildcard python/newsprep/*.py)

.PHONY: all lib deps demo check test unit cli manlint man-common install install-examples print-examples uninstall clean
.DELETE_ON_ERROR:

all: $(BINS) $(LIB) lib

lib: $(SO) $(O)/$(SONAME) $(LIB_PUB)

$(B)/embed: filters/lexicons/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ $<

$(B)/lex/%.c: filters/lexicons/%.tsv $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed np_lex_$(subst -,_,$*) $< > $@

$(B)/lex/%.o: $(B)/lex/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/%.o: filters/%.c $(HEADERS) $(PRIV_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/pic/lex/%.o: $(B)/lex/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(B)/pic/%.o: filters/%.c $(HEADERS) $(PRIV_H)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(SO_REAL): $(PIC_OBJ) lib/newsprep.map
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=lib/newsprep.map -o $@ $(PIC_OBJ) $(LDLIBS_ALL)

$(O)/$(SONAME) $(SO): $(SO_REAL)
	ln -sf $(notdir $(SO_REAL)) $@

$(LIB_PUB): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(LD) -r -o $(@D)/newsprep.o $(LIB_OBJ)
	$(OBJCOPY) -w --localize-symbol='!np_*' --localize-symbol='*' $(@D)/newsprep.o
	rm -f $@
	$(AR) rcs $@ $(@D)/newsprep.o


$(O)/bin/%: $(B)/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS_ALL)

$(B)/tests/%: tests/unit/%.c tests/unit/tap.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB) $(LDLIBS_ALL)

# np-cat: the command-line frame with an identity engine, for tests/cli/frame.t
$(B)/tests/np-cat: tests/frame/np-cat.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS_ALL)

# Installs the toolchain and libraries when they are missing (Debian);
# WITH="parallel clang" (or WITH=all) also the optional test tools.
deps:
	@NP_DEPS_LOG=$(B)/deps.log sh tests/deps.sh $(if $(WITH),--with="$(WITH)")

demo:
	@$(MAKE) -s deps
	@$(MAKE) -s all
	@sh tests/demo.sh

check:
	@$(MAKE) -s deps
	@$(MAKE) all $(UNIT_BIN) $(B)/tests/np-cat $(B)/bench/gencorpus
	@$(MAKE) -s test

test: unit cli manlint

unit: $(UNIT_BIN)
	prove -f $(UNIT_BIN)

CLI_ENV = NP_BIN=$(abspath $(O)/bin) NP_TESTBIN=$(abspath $(B)/tests) NP_LDSAN="$(LDSAN)" \
    NP_EXAMPLES="$(EXAMPLES)" NP_EXAMPLES_DEFAULT=$(MAN_EXAMPLES_DEFAULT) \
    NP_GENCORPUS=$(abspath $(B)/bench/gencorpus)
cli: all $(B)/tests/np-cat $(B)/bench/gencorpus
	@for loc in $(CLI_LOCALES); do \
		echo "== command-line tests under LC_ALL=$$loc"; \
		$(CLI_ENV) LC_ALL=$$loc prove -f $(CLI_TESTS) || exit 1; \
	done

manlint:
	mandoc -Tlint -Wwarning $(MANPAGES)
	@echo "man pages: lint clean"

# Copies filters/common/options.mdoc into every tool's page.
man-common:
	perl tests/man-common.pl

install: all install-examples
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(INCDIR)/newsprep $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(PCDIR) $(DESTDIR)$(PYDIR)/newsprep
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	for m in $(MANPAGES); do \
	    sed 's|$(MAN_EXAMPLES_DEFAULT)|$(EXAMPLESDIR)|g' $$m \
	        > $(DESTDIR)$(MANDIR)/man$${m##*.}/$${m#man/} || exit 1; \
	done
	cp $(HEADERS) $(DESTDIR)$(INCDIR)/newsprep/
	cp $(LIB_PUB) $(DESTDIR)$(LIBDIR)/libnewsprep.a
	cp $(SO_REAL) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SO_REAL)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libnewsprep.so
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCDIR@|$(INCDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|; s|@PKGS@|$(PKGS)|' lib/newsprep.pc.in \
	    > $(DESTDIR)$(PCDIR)/newsprep.pc
	cp $(PY_SRC) $(DESTDIR)$(PYDIR)/newsprep/

print-examples:
	@echo $(EXAMPLES)

# The sample inputs the man pages' EXAMPLES read.
install-examples:
	mkdir -p $(DESTDIR)$(EXAMPLESDIR)
	cp $(EXAMPLES) $(DESTDIR)$(EXAMPLESDIR)/
	cp tests/demo/examples-README $(DESTDIR)$(EXAMPLESDIR)/README

uninstall:
	rm -f $(addprefix $(DESTDIR)$(EXAMPLESDIR)/,$(notdir $(EXAMPLES)) README)
	-rmdir $(DESTDIR)$(EXAMPLESDIR) $(DESTDIR)$(PREFIX)/share/newsprep
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man3/%,$(wildcard man/*.3))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man7/%,$(wildcard man/*.7))
	rm -f $(patsubst include/newsprep/%,$(DESTDIR)$(INCDIR)/newsprep/%,$(HEADERS))
	-rmdir $(DESTDIR)$(INCDIR)/newsprep
	rm -f $(DESTDIR)$(LIBDIR)/libnewsprep.a $(DESTDIR)$(LIBDIR)/$(notdir $(SO_REAL)) \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libnewsprep.so \
	    $(DESTDIR)$(PCDIR)/newsprep.pc
	rm -f $(patsubst python/newsprep/%,$(DESTDIR)$(PYDIR)/newsprep/%,$(PY_SRC))
	rm -rf $(DESTDIR)$(PYDIR)/newsprep/__pycache__
	-rmdir $(DESTDIR)$(PYDIR)/newsprep

clean:
	rm -rf $(B) $(O)/bin $(LIB) $(SO) $(O)/$(SONAME) $(SO_REAL)

# Benchmarks (make bench) and fuzzing (make fuzz, make fuzz-smoke) live
# beside their code.
-include bench/bench.mk
-include tests/fuzz/fuzz.mk
