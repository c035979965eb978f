#!/bin/sh
# make train: rebuilds data/tagger.model from the CoNLL-2003 training set.
# usage: sh tools/train.sh SHARED_DIR   (the directory holding eval/conll-train.conll)
# Deterministic: the same training file gives a byte-identical model.
set -e
SHARED=${1:-../shared}
TRAIN=$SHARED/eval/conll-train.conll
if [ ! -r "$TRAIN" ]; then
    echo "train: $TRAIN not found; data/tagger.model kept as it is" >&2
    exit 0
fi
mkdir -p build
${CC:-cc} -O2 -std=c17 -Wall -Wextra -Werror -Isrc -o build/train_tagger tools/train_tagger.c src/tagger.c -lm
DEV=
if [ -r "$SHARED/eval/conll-dev.conll" ]; then
    DEV="--dev $SHARED/eval/conll-dev.conll" # only reported, never learned from
fi
build/train_tagger "$TRAIN" data/tagger.model --epochs 8 $DEV
