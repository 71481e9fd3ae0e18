# newsprep - text filters for scraped news.  See README.md.
#
#   make            build bin/* and libnewsprep.a
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

CC       ?= cc
AR       ?= ar
CFLAGS   ?= -O2 -g
PKGS      = libpcre2-8 libutf8proc jansson
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lpcre2-8 -lutf8proc -ljansson)

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
ENGINE_DIRS ?= common dates boilerplate articles quotes
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

.PHONY: all deps demo check test unit cli manlint man-common install uninstall clean
.DELETE_ON_ERROR:

all: $(BINS) $(LIB)

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

# Installs the toolchain and libraries when they are missing (Debian).
deps:
	@sh tests/deps.sh

demo:
	@$(MAKE) -s deps
	@$(MAKE) -s all
	@sh tests/demo.sh

check:
	@$(MAKE) -s deps
	@$(MAKE) all $(UNIT_BIN) $(B)/tests/np-cat
	@$(MAKE) -s test

test: unit cli manlint

unit: $(UNIT_BIN)
	prove -f $(UNIT_BIN)

CLI_ENV = NP_BIN=$(abspath $(O)/bin) NP_TESTBIN=$(abspath $(B)/tests) NP_LDSAN="$(LDSAN)"
cli: all $(B)/tests/np-cat
	@for loc in $(CLI_LOCALES); do \
		echo "== command-line tests under LC_ALL=$$loc"; \
		$(CLI_ENV) LC_ALL=$$loc prove -f $(CLI_TESTS) || exit 1; \
	done

manlint:
	mandoc -Tlint -Wwarning $(MANPAGES)
	@echo "man pages: lint clean"

# Copies man/common-options.mdoc into every tool's page.
man-common:
	perl tests/man-common.pl

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(INCDIR)/newsprep $(DESTDIR)$(LIBDIR)
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	cp $(wildcard man/*.1) $(DESTDIR)$(MANDIR)/man1/
	cp $(wildcard man/*.7) $(DESTDIR)$(MANDIR)/man7/
	cp $(HEADERS) $(DESTDIR)$(INCDIR)/newsprep/
	cp $(LIB) $(DESTDIR)$(LIBDIR)/

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man7/%,$(wildcard man/*.7))
	rm -f $(patsubst include/newsprep/%,$(DESTDIR)$(INCDIR)/newsprep/%,$(HEADERS))
	-rmdir $(DESTDIR)$(INCDIR)/newsprep
	rm -f $(DESTDIR)$(LIBDIR)/libnewsprep.a

clean:
	rm -rf $(B) $(O)/bin $(LIB)

# Benchmarks (make bench) and fuzzing (make fuzz, make fuzz-smoke) live
# beside their code.
-include bench/bench.mk
-include tests/fuzz/fuzz.mk
