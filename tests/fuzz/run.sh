#!/bin/sh
# Builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with clang and
# -fsanitize=fuzzer,address,undefined against the library built the same way in build/fuzz,
# replays the regression inputs (tests/fuzz/regress/HARNESS/*) and the seeds, then fuzzes
# each harness for SECONDS from its seed corpus (tests/fuzz/seeds/HARNESS/, grown in
# build/fuzz/corpus/HARNESS/). A crash, leak or timeout fails the run; the input is kept as
# build/fuzz/artifacts/HARNESS-crash-* (copy it into tests/fuzz/regress/HARNESS/ once fixed).
#
# usage: tests/fuzz/run.sh [SECONDS] [HARNESS...]      (make fuzz SECONDS=N)
# FUZZ_JOBS=N runs N harnesses at a time (default 1).
# FUZZ_SEED=N (make test: 1) fuzzes from that fixed seed and from the seeds alone (a fresh
# corpus), so every machine tries the same inputs in the same order and a test run passes or
# fails reproducibly (a faster machine only goes further down the same sequence); without it
# (make fuzz) the seed is random and the corpus grows from run to run, to find new bugs,
# whose inputs then become regression inputs.
secs=${1:-30}
[ $# -gt 0 ] && shift
harnesses=${*:-$(for h in tests/fuzz/fuzz_*.c; do basename "$h" .c; done)}
B=${FUZZ_BUILD:-build/fuzz}
CLANG=${CLANG:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "fuzz: SKIPPED: no clang (make deps installs clang and libclang-rt-14-dev)"
    exit 0
fi
probe=$(mktemp -d)
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' > "$probe/p.c"
if ! "$CLANG" -fsanitize=fuzzer,address,undefined -o "$probe/p" "$probe/p.c" 2>/dev/null; then
    rm -rf "$probe"
    echo "fuzz: SKIPPED: $CLANG cannot link -fsanitize=fuzzer (install libclang-rt-14-dev)"
    exit 0
fi
rm -rf "$probe"

MAKE=${MAKE:-make}
$MAKE -s --no-print-directory BUILD=$B CC="$CLANG" OPT=-O1 \
    SANFLAGS="-fsanitize=fuzzer-no-link $SAN" $B/libnewsfacts.a || exit 1
PKG_CFLAGS=$(pkg-config --cflags libpcre2-8 libxml-2.0)
PKG_LIBS=$(pkg-config --libs libpcre2-8 libxml-2.0)
for h in $harnesses; do
    src=tests/fuzz/$h.c
    [ -f "$src" ] || { echo "fuzz: no harness $src"; exit 2; }
    if [ ! -x $B/$h ] || [ -n "$(find "$src" tests/fuzz/fuzz_common.h $B/libnewsfacts.a -newer $B/$h 2>/dev/null)" ]; then
        # shellcheck disable=SC2086
        "$CLANG" -std=c17 -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer $SAN \
            -D_GNU_SOURCE -Iinclude -Isrc $PKG_CFLAGS \
            -o $B/$h "$src" $B/libnewsfacts.a $PKG_LIBS -lpthread -lm || exit 1
    fi
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
fail=0
# 1. regression inputs and seeds, each run once
for h in $harnesses; do
    files=$(find tests/fuzz/regress/$h tests/fuzz/seeds/$h -type f ! -name .keep 2>/dev/null | sort)
    [ -n "$files" ] || continue
    n=$(echo "$files" | wc -l)
    # shellcheck disable=SC2086
    if $B/$h -timeout=20 -rss_limit_mb=2048 $files > $B/$h.replay.log 2>&1; then
        echo "fuzz: $h: $n regression and seed inputs pass"
    else
        echo "fuzz: FAILED: $h on a regression or seed input (log: $B/$h.replay.log)"
        grep -E "Running:|ERROR|SUMMARY|check failed" $B/$h.replay.log | tail -5
        fail=1
    fi
done
[ "$secs" -gt 0 ] 2>/dev/null || exit $fail
if [ -n "$FUZZ_SEED" ]; then
    budget="-max_total_time=$secs -seed=$FUZZ_SEED"
    what="${secs}s from seed $FUZZ_SEED"
    corpus_dir() { echo "$B/corpus-seed$FUZZ_SEED/$1"; }
    rm -rf "$B/corpus-seed$FUZZ_SEED"
else
    budget="-max_total_time=$secs"
    what="${secs}s"
    corpus_dir() { echo "$B/corpus/$1"; }
fi

# 2. fuzzing
run_one() {
    h=$1
    cdir=$(corpus_dir "$h")
    mkdir -p "$cdir" $B/artifacts
    # shellcheck disable=SC2086
    $B/$h $budget -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -dict=tests/fuzz/dump.dict -print_final_stats=1 \
        -artifact_prefix=$B/artifacts/$h- "$cdir" tests/fuzz/seeds/$h \
        > $B/$h.log 2>&1
    st=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' $B/$h.log)
    cov=$(grep -o 'cov: [0-9]*' $B/$h.log | tail -1)
    if [ $st = 0 ]; then
        echo "fuzz: $h: $what, ${runs:-?} runs, $cov, no crash, leak or timeout"
    else
        echo "fuzz: FAILED: $h (status $st, log: $B/$h.log):"
        grep -E "ERROR|SUMMARY|check failed|Test unit written" $B/$h.log | tail -5
        return 1
    fi
}
jobs=${FUZZ_JOBS:-1}
if [ "$jobs" -gt 1 ]; then
    pids=""
    for h in $harnesses; do
        run_one "$h" & pids="$pids $!"
    done
    for p in $pids; do wait "$p" || fail=1; done
else
    for h in $harnesses; do run_one "$h" || fail=1; done
fi
exit $fail
