#!/bin/sh
# make train: rebuilds data/tagger.model from the CoNLL-2003 training set.
# usage: sh tools/train.sh SHARED_DIR   (the directory holding eval/conll-train.conll)
# Deterministic: the same training file gives a byte-identical model.
# --mincount 2: only features seen at least twice in training (a table less than half as
# large, hence fewer cache misses when tagging; see nf__ctx_feats in src/tagger.h).
set -e
SHARED=${1:-../shared}
TRAIN=$SHARED/eval/conll-train.conll
if [ ! -r "$TRAIN" ]; then
    echo "train: $TRAIN not found; data/tagger.model kept as it is" >&2
    exit 0
fi
mkdir -p build
${CC:-cc} -O2 -std=c17 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -Isrc -o build/train_tagger tools/train_tagger.c src/tagger.c -lm
DEV=
if [ -r "$SHARED/eval/conll-dev.conll" ]; then
    DEV="--dev $SHARED/eval/conll-dev.conll" # only reported, never learned from
fi
build/train_tagger "$TRAIN" data/tagger.model --epochs 8 --mincount 2 $DEV
