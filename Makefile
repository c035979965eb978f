# newsfacts — see README.md.  `make run` and `make test` are the whole set-up.
#
#   make            build ./newsfacts
#   make run        install missing build dependencies, build, run on data/sample.dump
#   make test       install dependencies, then every test, then all of them again under
#                   -fsanitize=address,undefined, then the fuzzers briefly
#   make golden     regenerate tests/golden/ (review the diff!)
#   make eval       score against ../shared (skipped with a notice when absent)
#   make bench      throughput and peak memory on a large corpus built from ../shared
#   make fuzz SECONDS=N, make train, make install PREFIX=..., make clean

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
SHARED  ?= ../shared
SECONDS ?= 30
PKGS    := libpcre2-8 libxml-2.0

OPT     ?= -O3
CFLAGS  ?= $(OPT) -g
WARN    := -std=c17 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
             $(PKG_CFLAGS) $(CFLAGS) $(SANFLAGS)
LIBS    = $(PKG_LIBS) -lpthread -lm

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(patsubst src/%.c,$(BUILD)/%.o,$(LIB_SRC)) $(BUILD)/embedded.o
DATA     := $(sort $(wildcard data/*.tsv data/*.txt data/*.rules data/*.model))
TESTS    := $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/test_*.c))
BIN      := $(if $(filter build,$(BUILD)),newsfacts,$(BUILD)/newsfacts)

.PHONY: all run test check check-fast unit golden-check cli eval-check golden eval bench \
        fuzz train install clean deps asan analyze

# V=1 shows the compiler command lines
Q   := $(if $(V),,@)
say  = $(if $(V),,@printf '  %-6s %s\n' $(1) $(2))

all: $(BIN)

$(BIN): $(BUILD)/main.o $(BUILD)/libnewsfacts.a
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libnewsfacts.a: $(LIB_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/%.o: src/%.c src/nf.h include/newsfacts.h $(wildcard src/*.h) | $(BUILD)
	$(call say,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embedded.c: $(DATA) tools/embed.c | $(BUILD)
	$(call say,EMBED,$@)
	$(Q)$(CC) -O1 -o $(BUILD)/embed tools/embed.c
	$(Q)$(BUILD)/embed $@ $(DATA)

$(BUILD)/embedded.o: $(BUILD)/embedded.c src/nf.h
	$(call say,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -O0 -fno-lto -c -o $@ $<

$(BUILD)/test_%: tests/test_%.c tests/helpers.h $(BUILD)/libnewsfacts.a
	$(call say,LD,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libnewsfacts.a $(CMOCKA_LIBS) $(LIBS)

$(BUILD):
	$(Q)mkdir -p $(BUILD)

# ---- set-up ----
deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./newsfacts data/sample.dump

# ---- tests ----
unit: $(TESTS)
	@sh tests/run_unit.sh $(TESTS)

golden-check: $(BIN)
	@sh tests/golden.sh check ./$(BIN)

cli: $(BIN)
	@sh tests/run_cli.sh ./$(BIN)
	@sh tests/parallel.sh ./$(BIN) $(SHARED)

eval-check: $(BIN)
	@sh tests/eval.sh check ./$(BIN) $(SHARED)

check-fast: unit golden-check cli

# everything, in this build
check: check-fast eval-check

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
	  SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  check-fast

test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory asan
	@FUZZ_SEED=1 sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# make test fuzzes each harness for FUZZ_SECONDS from a fixed seed and a fresh corpus (the
# same inputs in the same order on every machine); make fuzz SECONDS=N explores at random.
FUZZ_SECONDS ?= 30

golden: $(BIN)
	@sh tests/golden.sh update ./$(BIN)

eval: $(BIN)
	@sh tests/eval.sh report ./$(BIN) $(SHARED)

bench: $(BIN)
	@sh tools/bench.sh ./$(BIN) $(SHARED)

fuzz:
	@sh tests/fuzz/run.sh $(SECONDS)

analyze: $(BIN)
	@mkdir -p build
	@sh tools/analyze.sh ./$(BIN) $(SHARED)

train:
	@sh tools/train.sh $(SHARED)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/newsfacts
	install -m 644 doc/newsfacts.1 $(DESTDIR)$(PREFIX)/share/man/man1/newsfacts.1

clean:
	rm -rf build newsfacts tests/out

-include $(wildcard $(BUILD)/*.d)
