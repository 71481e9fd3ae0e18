# fuzz.mk - libFuzzer targets for the engines, included by the Makefile.
#
#   make fuzz                 build $(B)/fuzz/fuzz_* with clang
#   make fuzz-smoke           run each for FUZZ_SECONDS (default 60) from a
#                             seed corpus: the CLI fixtures plus the saved
#                             regression inputs in tests/fuzz/regress/NAME/
#   make fuzz-run FUZZER=fuzz_dates FUZZ_SECONDS=600   one target, longer
#
# A target is tests/fuzz/fuzz_ENGINE[_what].c; it is built only when
# ENGINE is among ENGINE_DIRS.  The same file, linked with
# tests/fuzz/replay.c and the ordinary library instead of libFuzzer, is
# $(B)/tests/replay_NAME: tests/cli/hostile-fuzz-replay.t runs it over the
# fixtures and the regression inputs in `make check`, so a crash the
# fuzzers once found stays fixed, with or without clang.
#
# Also here: test helpers the hostile/property tests need
# ($(B)/tests/peak-rss), made prerequisites of `cli`.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAXLEN  ?= 65536
FUZZ_B        = $(B)/fuzz
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(filter-out -Werror,$(NP_CFLAGS)) -g -O1 $(FUZZ_SAN)

FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
# fuzz_ENGINE[_what] -> ENGINE; keep the targets whose engine is built
fuzz_engine   = $(word 2,$(subst _, ,$(1)))
FUZZ_NAMES    = $(foreach f,$(FUZZ_SRC:tests/fuzz/%.c=%),\
                  $(if $(filter $(call fuzz_engine,$(f)),$(ENGINE_DIRS)),$(f)))
FUZZERS       = $(FUZZ_NAMES:%=$(FUZZ_B)/%)
REPLAYS       = $(FUZZ_NAMES:fuzz_%=$(B)/tests/replay_%)

FUZZ_OBJ = $(LIB_SRC:filters/%.c=$(FUZZ_B)/obj/%.o) $(LEX_C:$(B)/lex/%.c=$(FUZZ_B)/lex/%.o)
FUZZ_LIB = $(FUZZ_B)/libnewsprep-fuzz.a

# keep the generated lexicon sources (both libraries compile them)
.SECONDARY: $(LEX_C)

.PHONY: fuzz fuzz-smoke fuzz-run

fuzz: $(FUZZERS)

$(FUZZ_B)/obj/%.o: filters/%.c $(HEADERS) $(PRIV_H)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_B)/lex/%.o: $(B)/lex/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_LIB): $(FUZZ_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_LIB)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
	    $(FUZZ_LIB) $(PKG_LIBS) -lm

# The seed corpus: every fixture, cut to FUZZ_MAXLEN, plus the saved
# regression inputs.  New inputs the fuzzer finds go to $(FUZZ_B)/corpus.
fuzz-smoke: $(FUZZERS)
	@set -e; for f in $(FUZZ_NAMES); do \
	    $(MAKE) -s --no-print-directory fuzz-run FUZZER=$$f; \
	done; echo "fuzz-smoke: $(words $(FUZZ_NAMES)) targets ran clean for $(FUZZ_SECONDS) s each"

FUZZER ?= fuzz_common
fuzz-run: $(FUZZ_B)/$(FUZZER)
	@mkdir -p $(FUZZ_B)/corpus/$(FUZZER) $(FUZZ_B)/seed/$(FUZZER) $(FUZZ_B)/crash
	@for s in tests/cli/fixtures/* tests/fuzz/regress/$(FUZZER)/*; do \
	    [ -f "$$s" ] || continue; \
	    head -c $(FUZZ_MAXLEN) "$$s" > $(FUZZ_B)/seed/$(FUZZER)/$$(basename "$$s"); \
	done
	@echo "fuzz: $(FUZZER) for $(FUZZ_SECONDS) s"
	@$(FUZZ_B)/$(FUZZER) -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAXLEN) \
	    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_B)/crash/$(FUZZER)- \
	    $(FUZZ_B)/corpus/$(FUZZER) $(FUZZ_B)/seed/$(FUZZER) \
	    > $(FUZZ_B)/$(FUZZER).log 2>&1 || { \
	    tail -n 60 $(FUZZ_B)/$(FUZZER).log; \
	    echo "fuzz: $(FUZZER) FAILED; the input is in $(FUZZ_B)/crash/;" \
	         "save it under tests/fuzz/regress/$(FUZZER)/ once fixed"; exit 1; }
	@grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb)' \
	    $(FUZZ_B)/$(FUZZER).log | tr '\n' ' '; echo

# Replay drivers: the fuzz targets on files, with the ordinary compiler
# and flags (so SANITIZE=1 applies), for `make check`.
$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c $(LIB) $(LDLIBS_ALL)

# Peak resident set size of a command (tests/cli/hostile-memory.t).
$(B)/tests/peak-rss: tests/frame/peak-rss.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $<

cli: $(B)/tests/peak-rss $(REPLAYS)
