#!/bin/sh
# Golden tests: each tests/golden/NAME.args holds the arguments of one run (relative to
# the top of the tree); its expected output is tests/golden/NAME.EXT, EXT after the format
# (tsv, csv, jsonl, xml; dump for --text).
#   golden.sh check BIN    compare (fails with a diff)
#   golden.sh update BIN   rewrite the expected outputs (review the diff before committing)
mode=$1
bin=$2
pass=0
fail=0
mkdir -p tests/out
for a in tests/golden/*.args; do
    name=$(basename "$a" .args)
    case " $(cat "$a") " in
        *" --text "*) ext=dump ;;
        *"--format csv"*) ext=csv ;;
        *"--format jsonl"*) ext=jsonl ;;
        *"--format xml"*) ext=xml ;;
        *) ext=tsv ;;
    esac
    # shellcheck disable=SC2046
    "$bin" -q $(cat "$a") > "tests/out/$name.out" 2>/dev/null
    if [ "$mode" = update ]; then
        cp "tests/out/$name.out" "tests/golden/$name.$ext"
        echo "golden: wrote tests/golden/$name.$ext"
    elif cmp -s "tests/out/$name.out" "tests/golden/$name.$ext"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "golden: $name differs:"
        diff -u "tests/golden/$name.$ext" "tests/out/$name.out" | head -40
    fi
done
[ "$mode" = update ] && exit 0
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
