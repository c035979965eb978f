#!/bin/sh
# CLI tests: exit statuses, standard input, formats, bad input. usage: run_cli.sh BIN
bin=$1
pass=0
fail=0
t=tests/out/cli
mkdir -p "$t"
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "cli: FAILED: $*"; }
expect_status() { # expected-status description command...
    want=$1; shift; what=$1; shift
    "$@" > "$t/stdout" 2> "$t/stderr"
    got=$?
    if [ "$got" = "$want" ]; then ok; else no "$what: status $got, want $want"; fi
}
expect_status 0 "sample" "$bin" data/sample.dump
expect_status 0 "help" "$bin" --help
expect_status 0 "version" "$bin" --version
expect_status 2 "unknown option" "$bin" --no-such-option data/sample.dump
expect_status 2 "bad format" "$bin" --format yaml data/sample.dump
expect_status 2 "bad kind" "$bin" --kind people data/sample.dump
expect_status 2 "bad date" "$bin" --date 2021-02-30 data/sample.dump
expect_status 1 "missing file" "$bin" data/sample.dump /nonexistent/file data/sample.dump
grep -q "^newsfacts: /nonexistent/file" "$t/stderr" && ok || no "missing file message"
[ "$(cut -f4 "$t/stdout" | grep -cx article)" = 10 ] && ok || no "good files processed around a missing one"
"$bin" < data/sample.dump > "$t/stdin.tsv" && "$bin" - < data/sample.dump > "$t/dash.tsv" && ok || no "stdin"
cmp -s "$t/stdin.tsv" "$t/dash.tsv" && ok || no "stdin and - differ"
head -2 "$t/stdin.tsv" | tail -1 | cut -f1 | grep -qx -- "-" && ok || no "stdin file column"
"$bin" data/sample.dump data/sample.dump data/sample.dump | head -1 > /dev/null 2> "$t/stderr"
[ ! -s "$t/stderr" ] && ok || no "closed stdout is quiet"
sh -c "'$bin' data/sample.dump; echo \$? > $t/st" | head -1 > /dev/null
[ "$(cat $t/st)" = 0 ] && ok || no "closed stdout status 0"
"$bin" --format csv data/sample.dump > "$t/o.csv" && python3 -c "import csv,sys; rows=list(csv.reader(open(sys.argv[1],newline=''))); assert all(len(r)==14 for r in rows), 'width'" "$t/o.csv" && ok || no "csv parses"
"$bin" --format jsonl data/sample.dump > "$t/o.jsonl" && python3 -c "
import json,sys
for l in open(sys.argv[1]): json.loads(l)" "$t/o.jsonl" && ok || no "jsonl parses"
"$bin" --format xml data/sample.dump > "$t/o.xml" && xmllint --noout "$t/o.xml" && ok || no "xml parses"
n=$("$bin" --no-header --kind article data/sample.dump | wc -l); [ "$n" = 5 ] && ok || no "--no-header --kind article: $n lines"
[ "$("$bin" --fields kind,line data/sample.dump | head -1)" = "kind	line" ] && ok || no "--fields order"
printf '<<<FILE>>> a\nx\n' > "$t/o1.dump"
"$bin" -o "$t/o.tsv" "$t/o1.dump" && [ "$(wc -l < "$t/o.tsv")" = 2 ] && ok || no "-o FILE"
printf 'pre\n<<<FILE>>> a\nx\n' > "$t/pre.dump"
expect_status 0 "preamble" "$bin" "$t/pre.dump"
grep -q "pre.dump#0" "$t/stdout" && ok || no "preamble article named #0"
expect_status 1 "preamble --strict" "$bin" --strict "$t/pre.dump"
printf '<<<FILE>>> a\n\377bad\n' > "$t/bad.dump"
expect_status 0 "invalid UTF-8" "$bin" "$t/bad.dump"
grep -q "invalid UTF-8" "$t/stderr" && ok || no "invalid UTF-8 warned"
expect_status 1 "invalid UTF-8 --strict" "$bin" --strict "$t/bad.dump"
expect_status 1 "a directory" "$bin" tests
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
