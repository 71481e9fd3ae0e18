# bench/bench.mk - `make bench` and `make bench-peers` (included by the
# Makefile).
#
#   make bench               build the tools, make the corpus (100 MB by
#                            default) and run bench/run.sh: per tool, -z and
#                            --jsonl, MB/s, peak RSS and the ratio to
#                            grep -a -o -P measured pair by pair, on the
#                            generated corpus and on ../shared/data's
#                            documents when present; peers when installed,
#                            the parallel scaling check; writes
#                            bench/results.md
#   make bench BENCH_MB=50   a smaller corpus
#   make bench-peers         install chrono-node, compromise (npm, into
#                            bench/peers/node_modules) and python3-dateparser
#   make bench-corpus        only make the corpus
#   make bench-profile       callgrind each tool, -z and --jsonl, on a 2 MB
#                            slice: hot spots (bench/README.md)
#   make bench-smoke         a half-minute check that the benchmark works
#
# The corpus is generated text (bench/gencorpus.c, fixed seed), kept in
# bench/corpus/ and remade only when the generator changes.

BENCH_MB    ?= 100
BENCH_SEED  ?= 20231018
BENCH_RUNS  ?= 5
BENCH_PROFILE_MB    ?= 2
BENCH_PROFILE_TOOLS ?= normalize-dates split-articles extract-quotes strip-boilerplate
BENCH_PROFILE_MODES ?= -z --jsonl
BENCH_PROFILE_PERF  ?= 0
BENCH_TOOLS  = $(B)/bench
BENCH_CORPUS = bench/corpus/news-$(BENCH_MB)MB-$(BENCH_SEED).z
BENCH_CFLAGS = -std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

.PHONY: bench bench-peers bench-corpus bench-profile bench-smoke

$(BENCH_TOOLS)/gencorpus: bench/gencorpus.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ bench/gencorpus.c

$(BENCH_TOOLS)/peak: bench/peak.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ bench/peak.c

$(BENCH_CORPUS): $(BENCH_TOOLS)/gencorpus
	@mkdir -p $(@D)
	$(BENCH_TOOLS)/gencorpus -s $(BENCH_SEED) -S $@.stats $(BENCH_MB) > $@.tmp
	mv $@.tmp $@

bench-corpus: $(BENCH_CORPUS)

bench: all $(BENCH_TOOLS)/gencorpus $(BENCH_TOOLS)/peak $(BENCH_CORPUS)
	BENCH_BIN=$(O)/bin BENCH_TOOLS=$(BENCH_TOOLS) BENCH_CORPUS=$(BENCH_CORPUS) \
	    BENCH_SEED=$(BENCH_SEED) BENCH_RUNS=$(BENCH_RUNS) CC="$(CC)" \
	    sh bench/run.sh

bench-peers:
	sh bench/peers/install.sh

# Where the instructions go: callgrind on a small slice, per tool.
bench-profile: all $(BENCH_TOOLS)/gencorpus
	BENCH_BIN=$(O)/bin BENCH_TOOLS=$(BENCH_TOOLS) BENCH_SEED=$(BENCH_SEED) \
	    BENCH_PROFILE_MB=$(BENCH_PROFILE_MB) BENCH_PROFILE_TOOLS="$(BENCH_PROFILE_TOOLS)" \
	    BENCH_PROFILE_MODES="$(BENCH_PROFILE_MODES)" BENCH_PROFILE_PERF=$(BENCH_PROFILE_PERF) \
	    sh bench/profile.sh

# A quick check that the benchmark itself works (about half a minute):
# 2 MB corpus, one run each, no peers, small memory documents; fails when
# a tool fails, the corpus generator is not deterministic, or a smaller
# corpus is not a prefix of a larger one (the peers' slices rely on it).
bench-smoke: all $(BENCH_TOOLS)/gencorpus $(BENCH_TOOLS)/peak
	@mkdir -p bench/work/smoke
	$(BENCH_TOOLS)/gencorpus -s $(BENCH_SEED) 2 > bench/work/smoke/c2.z
	$(BENCH_TOOLS)/gencorpus -s $(BENCH_SEED) 2 | cmp - bench/work/smoke/c2.z
	$(BENCH_TOOLS)/gencorpus -s $(BENCH_SEED) 1 | cmp -s - bench/work/smoke/c2.z; \
	    test $$? -eq 1 && $(BENCH_TOOLS)/gencorpus -s $(BENCH_SEED) 1 | \
	    cmp - bench/work/smoke/c2.z 2>&1 | grep -q '^cmp: EOF on -'
	BENCH_BIN=$(O)/bin BENCH_TOOLS=$(BENCH_TOOLS) BENCH_CORPUS=bench/work/smoke/c2.z \
	    BENCH_SEED=$(BENCH_SEED) BENCH_RUNS=1 BENCH_PEERS=0 BENCH_MEM_BIG_MB=3 \
	    BENCH_MEM_MB=1 BENCH_WORK=bench/work/smoke BENCH_SHARED_REPEAT=1 \
	    BENCH_RESULTS=bench/work/smoke/results.md CC="$(CC)" sh bench/run.sh > bench/work/smoke/log
	@echo "bench-smoke: ok (bench/work/smoke/results.md)"
