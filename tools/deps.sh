#!/bin/sh
# Installs what newsfacts needs to build and test, when it is missing (Debian/Ubuntu:
# apt-get, as root or through sudo). Elsewhere it says what to install.
set -e
PKGS="gcc make pkg-config libpcre2-dev libxml2-dev libcmocka-dev python3 libxml2-utils"
# for the fuzzers, make analyze, make bench and the sharding test; the tests that need one
# of them say SKIPPED when it is missing, so a failure to install these is only a warning
TEST_PKGS="clang libclang-rt-14-dev valgrind cppcheck parallel time"
missing=""
test_missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    for p in $TEST_PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            test_missing="$test_missing $p"
    done
else
    for m in libpcre2-8 libxml-2.0 cmocka; do
        pkg-config --exists "$m" 2>/dev/null || missing="$missing $m"
    done
    for c in cc make python3 xmllint; do
        command -v "$c" >/dev/null 2>&1 || missing="$missing $c"
    done
    if [ -n "$missing" ]; then
        echo "newsfacts needs:$missing" >&2
        echo "(a C17 compiler, make, pkg-config, PCRE2, libxml2 and cmocka development files," >&2
        echo " python3 and xmllint for the tests); install them with your package manager." >&2
        exit 1
    fi
    exit 0
fi
[ -z "$missing$test_missing" ] && exit 0
echo "newsfacts: installing:$missing$test_missing" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "newsfacts: not root and no sudo: install$missing$test_missing yourself" >&2
    [ -z "$missing" ] && exit 0 # only test tools: those tests are skipped
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ -n "$test_missing" ]; then
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $test_missing >/dev/null ||
        echo "newsfacts: could not install$test_missing: the tests that need them are skipped" >&2
fi
