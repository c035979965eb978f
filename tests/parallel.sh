#!/bin/sh
# Sharding with GNU parallel gives the rows of one run: for dumps of named articles,
#   parallel --pipe --recstart '<<<FILE' --keep-order BIN --no-header --lines article
# must print exactly what `BIN --no-header --lines article - < DUMP` prints, with several
# jobs over small blocks. Skipped with a notice when GNU parallel is not installed
# (make deps installs it). usage: tests/parallel.sh BIN [SHARED]
bin=${1:-./newsfacts}
shared=${2:-../shared}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if ! command -v parallel >/dev/null 2>&1 || ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
    echo "parallel: SKIPPED: GNU parallel is not installed (make deps)"
    exit 0
fi
t=tests/out/parallel
mkdir -p "$t"
pass=0
fail=0
check() { # dump block jobs
    dump=$1 block=$2 jobs=$3
    "$bin" --no-header --lines article -q - < "$dump" > "$t/one.tsv" || { fail=$((fail + 1)); echo "parallel: FAILED: one run on $dump"; return; }
    parallel --will-cite --pipe --recstart '<<<FILE' --keep-order --block "$block" -j "$jobs" \
        "$bin" --no-header --lines article -q < "$dump" > "$t/sharded.tsv" 2> "$t/stderr"
    st=$?
    shards=$(parallel --will-cite --pipe --recstart '<<<FILE' --block "$block" -j "$jobs" wc -l < "$dump" 2>/dev/null | wc -l)
    if [ $st = 0 ] && [ -s "$t/one.tsv" ] && [ "$shards" -gt 1 ] && cmp -s "$t/one.tsv" "$t/sharded.tsv"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "parallel: FAILED: $dump in $shards shards of $block, -j $jobs (status $st):"
        diff "$t/one.tsv" "$t/sharded.tsv" | head -5
    fi
}
check data/sample.dump 10k 3
[ -r "$shared/corpus/seeds.dump" ] && check "$shared/corpus/seeds.dump" 10k 4
# a dump whose articles have a date prefix, CRLF, an end marker and every marker form
printf '<<<FILE>>> a\r\n date 2022-02-24 Russia said on Thursday it had 5,000 troops.\r\n<<<END>>>\r\n<<<FILE b>>>\nNATO said.\n\n<<<FILE: c>>>\nThe U.S. said 20%% of them left.\n' > "$t/forms.dump"
check "$t/forms.dump" 150 2
echo "parallel: $pass passed, $fail failed"
[ $fail = 0 ]
