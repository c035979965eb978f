#!/bin/sh
# Runs every cmocka test binary given; prints cmocka's own summary lines and a last
# "unit: N passed, N failed" line; fails when one fails.
pass=0
fail=0
for t in "$@"; do
    if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t"; fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
