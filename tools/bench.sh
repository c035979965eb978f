#!/bin/sh
# make bench: throughput and peak memory of the full extraction on a large corpus.
#
# usage: tools/bench.sh BIN SHARED        (make bench; BIG=1 make bench adds the 10x check)
# Builds SHARED/corpus/bbc.dump 20 times over (~97 MB) in build/bench/, runs BIN -j1 and
# -j2 on it (best of BENCH_RUNS=3 runs each, output to /dev/null) and prints MB/s and
# peak RSS (from /usr/bin/time), beside `LC_ALL=C.UTF-8 wc -w` on the same file as the
# machine's yardstick. Targets (2 cores): -j2 within 5x the time of wc -w, -j2 >= 1.7x -j1,
# peak RSS < 64 MB; with BIG=1 a corpus 10x larger (streamed on standard input, never on
# disk) must stay within 10% of that peak RSS. Output must be identical for -j1/2/3/8
# (checked on the 1x corpus). Missed targets are reported; BENCH_STRICT=1 makes them fail.
bin=${1:-./newsfacts}
shared=${2:-../shared}
src=$shared/corpus/bbc.dump
runs=${BENCH_RUNS:-3}
B=build/bench
if [ ! -r "$src" ]; then
    echo "bench: SKIPPED: no $src (the shared corpus; set SHARED=DIR)"
    exit 0
fi
[ -x "$bin" ] || { echo "bench: no binary $bin"; exit 2; }
if [ ! -x /usr/bin/time ]; then
    echo "bench: /usr/bin/time is missing (Debian package 'time'): peak RSS will not be shown"
    TIME=""
else
    TIME=/usr/bin/time
fi
mkdir -p $B
dump=$B/bbc20.dump
if [ ! -s $dump ] || [ "$src" -nt $dump ]; then
    i=0
    while [ $i -lt 20 ]; do cat "$src"; i=$((i + 1)); done > $dump.tmp && mv $dump.tmp $dump
fi
bytes=$(wc -c < $dump)
mb=$(awk "BEGIN{printf \"%.1f\", $bytes/1e6}")
arts=$(grep -c '^<<<FILE' $dump)
nproc=$(nproc 2>/dev/null || echo '?')
echo "bench: $dump: $mb MB, $arts articles; $nproc cores; $("$bin" --version)"

# best elapsed seconds, peak RSS (KB) and the CPU seconds (user + system) of the best run,
# over $runs runs of "$@" -> "secs kb cpu"
measure() {
    best=""
    bkb=0
    bcpu=0
    r=0
    while [ $r -lt "$runs" ]; do
        if [ -n "$TIME" ]; then
            $TIME -f "%e %M %U %S" -o $B/time.out "$@" > /dev/null 2> $B/stderr || {
                echo "bench: FAILED: $*" >&2; cat $B/stderr >&2; exit 1; }
            t=$(cut -d' ' -f1 $B/time.out)
            kb=$(cut -d' ' -f2 $B/time.out)
            cpu=$(awk '{print $3 + $4}' $B/time.out)
        else
            s0=$(date +%s.%N)
            "$@" > /dev/null 2> $B/stderr || { echo "bench: FAILED: $*" >&2; exit 1; }
            t=$(awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $s0}")
            kb=0
            cpu=0
        fi
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; bcpu=$cpu; fi
        [ "$kb" -gt "$bkb" ] && bkb=$kb
        r=$((r + 1))
    done
    echo "$best $bkb $bcpu"
}
rate() { awk "BEGIN{ if ($1 > 0) printf \"%.1f\", $bytes/1e6/$1; else print \"inf\" }"; }

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk "BEGIN{exit !($load > 0.5)}"; then
    echo "bench: WARNING: the machine is busy (load average $load): wall-clock times and the"
    echo "bench:          -j2 speed-up are unreliable; CPU seconds are shown beside them"
fi
set -- $(measure env LC_ALL=C.UTF-8 wc -w $dump); wc_t=$1; wc_cpu=$3
set -- $(measure "$bin" -j1 --no-progress $dump); j1_t=$1; j1_kb=$2; j1_cpu=$3
set -- $(measure "$bin" -j2 --no-progress $dump); j2_t=$1; j2_kb=$2; j2_cpu=$3
printf 'bench: %-22s %7.2f s %8s MB/s  cpu %7.2f s\n' "wc -w (yardstick)" "$wc_t" "$(rate "$wc_t")" "$wc_cpu"
printf 'bench: %-22s %7.2f s %8s MB/s  cpu %7.2f s  peak RSS %5.1f MB\n' "newsfacts -j1" "$j1_t" "$(rate "$j1_t")" "$j1_cpu" "$(awk "BEGIN{print $j1_kb/1024}")"
printf 'bench: %-22s %7.2f s %8s MB/s  cpu %7.2f s  peak RSS %5.1f MB\n' "newsfacts -j2" "$j2_t" "$(rate "$j2_t")" "$j2_cpu" "$(awk "BEGIN{print $j2_kb/1024}")"

miss=0
verdict() { # ok? text
    if [ "$1" = 1 ]; then echo "bench: ok    $2"; else echo "bench: MISS  $2"; miss=1; fi
}
verdict "$(awk "BEGIN{print ($j2_t <= 5 * $wc_t)}")" "-j2 within 5x wc -w: $(awk "BEGIN{printf \"%.2f\", $j2_t / ($wc_t > 0 ? $wc_t : 0.01)}")x"
verdict "$(awk "BEGIN{print ($j1_t >= 1.7 * $j2_t)}")" "-j2 >= 1.7x -j1: $(awk "BEGIN{printf \"%.2f\", $j1_t / ($j2_t > 0 ? $j2_t : 0.01)}")x"
if [ -n "$TIME" ]; then
    peak=$j1_kb; [ "$j2_kb" -gt "$peak" ] && peak=$j2_kb
    verdict "$(awk "BEGIN{print ($peak < 64 * 1024)}")" "peak RSS < 64 MB: $(awk "BEGIN{printf \"%.1f\", $peak/1024}") MB"
fi

# the same bytes whatever the thread count (on the 1x corpus)
ref=$("$bin" -j1 "$src" | cksum)
same=1
for j in 2 3 8; do
    [ "$("$bin" -j$j "$src" | cksum)" = "$ref" ] || { same=0; echo "bench: -j$j output differs from -j1"; }
done
verdict $same "output identical for -j1, -j2, -j3, -j8"

if [ "${BIG:-0}" = 1 ] && [ -n "$TIME" ]; then
    # 10x: the 20x corpus 10 times over, streamed on standard input (~970 MB, not stored)
    $TIME -f "%e %M" -o $B/time.big sh -c "i=0; while [ \$i -lt 10 ]; do cat $dump; i=\$((i+1)); done | '$bin' -j2 --no-progress - > /dev/null" 2> $B/stderr ||
        { echo "bench: FAILED: BIG run"; cat $B/stderr; exit 1; }
    big_t=$(cut -d' ' -f1 $B/time.big)
    big_kb=$(cut -d' ' -f2 $B/time.big)
    printf 'bench: %-22s %6.2f s %8s MB/s  peak RSS %5.1f MB\n' "10x corpus -j2 (stdin)" "$big_t" "$(awk "BEGIN{printf \"%.1f\", 10*$bytes/1e6/$big_t}")" "$(awk "BEGIN{print $big_kb/1024}")"
    verdict "$(awk "BEGIN{print ($big_kb <= 1.10 * $j2_kb)}")" "10x corpus peak RSS within 10% of 1x: $(awk "BEGIN{printf \"%+.1f%%\", 100*($big_kb-$j2_kb)/$j2_kb}")"
fi
[ "${BENCH_STRICT:-0}" = 1 ] && exit $miss
exit 0
