#!/bin/sh
# make analyze: static analysis (cppcheck) and valgrind memcheck on the sample.
#
# usage: tools/analyze.sh BIN [SHARED]
# cppcheck: warnings, performance and portability checks on src/, tools/ and tests/; any
# finding fails. valgrind: BIN on data/sample.dump (and SHARED/corpus/seeds.dump when
# present) with -j1 and -j2, in TSV, XML and --text: any invalid access, use of an
# uninitialized value or leak (definite, indirect, possible) fails. A missing tool is
# skipped with a notice (make deps installs both).
bin=${1:-./newsfacts}
shared=${2:-../shared}
fail=0
if command -v cppcheck >/dev/null 2>&1; then
    # tools/train_tagger.c: did[k - ns] is read only for k >= ns, where it was written
    # (k - ns < nd); cppcheck 2.10 cannot see it.
    if cppcheck -q --enable=warning,performance,portability --std=c11 --inline-suppr \
        --error-exitcode=1 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
        --suppress=uninitvar:tools/train_tagger.c \
        src tools tests 2> build/cppcheck.log; then
        echo "analyze: cppcheck clean ($(cppcheck --version))"
    else
        echo "analyze: FAILED: cppcheck:"
        cat build/cppcheck.log
        fail=1
    fi
else
    echo "analyze: cppcheck SKIPPED: not installed (make deps)"
fi
if command -v valgrind >/dev/null 2>&1; then
    inputs=data/sample.dump
    [ -r "$shared/corpus/seeds.dump" ] && inputs="$inputs $shared/corpus/seeds.dump"
    n=0
    for args in "-j1" "-j2" "-j2 --format xml" "-j1 --text"; do
        for f in $inputs; do
            # shellcheck disable=SC2086
            if valgrind -q --error-exitcode=99 --leak-check=full --suppressions=tools/valgrind.supp \
                --errors-for-leak-kinds=definite,indirect,possible \
                --show-leak-kinds=definite,indirect,possible --track-origins=yes \
                "$bin" -q $args "$f" > /dev/null 2> build/valgrind.log; then
                n=$((n + 1))
            else
                echo "analyze: FAILED: valgrind $bin $args $f:"
                head -40 build/valgrind.log
                fail=1
            fi
        done
    done
    echo "analyze: valgrind memcheck: $n runs clean"
else
    echo "analyze: valgrind SKIPPED: not installed (make deps)"
fi
exit $fail
