#!/bin/sh
# Scores newsfacts with the scorers of ../shared/eval on the seeds and the development sets.
#   eval.sh report BIN SHARED   print one table of figures
#   eval.sh check BIN SHARED    the same, and fail when a figure falls below its floor in
#                               tests/eval-floors.tsv (for "leaks": rises above its ceiling)
# Where SHARED is absent (a user's machine) the scoring is skipped with a notice.
mode=$1
bin=$2
shared=$3
if [ ! -f "$shared/eval/score.py" ]; then
    echo "eval: $shared/eval not found: scoring skipped"
    exit 0
fi
out=tests/out/eval
mkdir -p "$out"
"$bin" -q "$shared/corpus/seeds.dump" > "$out/seeds.tsv"
"$bin" -q "$shared/eval/aquaint.dump" > "$out/aquaint.tsv"
"$bin" -q "$shared/eval/conll-dev.dump" > "$out/conll.tsv"
"$bin" -q --text "$shared/eval/aeb-dev.text.dump" > "$out/aeb-text.dump"
"$bin" -q --text "$shared/eval/aeb-dev.html.dump" > "$out/aeb-html.dump"
sc="python3 $shared/eval/score.py"
last() { tail -1 | awk '{print $NF}'; }
{
    printf 'seeds.leaks\t%s\n' "$($sc boilerplate "$shared/gold/seeds.boilerplate.tsv" "$out/seeds.tsv" | last)"
    printf 'seeds.metadata\t%s\n' "$($sc articles "$shared/gold/seeds.metadata.tsv" "$out/seeds.tsv" | last)"
    for k in dates actors figures claims; do
        printf 'seeds.%s\t%s\n' "$k" "$($sc $k "$shared/gold/seeds.$k.tsv" "$out/seeds.tsv" | last)"
    done
    printf 'aquaint.dates\t%s\n' "$($sc dates "$shared/eval/aquaint.dates.tsv" "$out/aquaint.tsv" | last)"
    printf 'aquaint.reporting\t%s\n' "$($sc reporting "$shared/eval/aquaint.reporting.tsv" "$out/aquaint.tsv" | last)"
    printf 'conll.actors\t%s\n' "$(python3 "$shared/eval/score_mentions.py" "$shared/eval/conll-dev.actors.tsv" "$out/conll.tsv" | last)"
    printf 'aeb.text\t%s\n' "$(python3 "$shared/eval/score_body.py" "$shared/eval/aeb-dev.truth.tsv" "$out/aeb-text.dump" | last)"
    printf 'aeb.html\t%s\n' "$(python3 "$shared/eval/score_body.py" "$shared/eval/aeb-dev.truth.tsv" "$out/aeb-html.dump" | last)"
} > "$out/scores.tsv"
echo "eval: figure            score   floor"
fail=0
pass=0
while IFS="$(printf '\t')" read -r name score; do
    floor=$(awk -F'\t' -v n="$name" '$1 == n {print $2}' tests/eval-floors.tsv 2>/dev/null)
    verdict=""
    if [ -n "$floor" ]; then
        if [ "$name" = seeds.leaks ]; then
            bad=$(awk -v s="$score" -v f="$floor" 'BEGIN {print (s == "" || s + 0 > f + 0)}')
        else
            bad=$(awk -v s="$score" -v f="$floor" 'BEGIN {print (s == "" || s + 0 < f - 0.0005)}')
        fi
        if [ "$bad" = 1 ]; then verdict="  BELOW FLOOR"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
    fi
    printf 'eval: %-18s %-7s %-7s%s\n' "$name" "$score" "${floor:--}" "$verdict"
done < "$out/scores.tsv"
[ "$mode" = check ] || exit 0
echo "eval: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
