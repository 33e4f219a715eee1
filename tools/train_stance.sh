#!/bin/sh
# Trains the shipped stance model (data/stance-model.tsv) from NewsMTSC's train split in
# ../shared/data (MIT licence; US news sentences with the sentiment toward named people).
# Usage: tools/train_stance.sh [SHARED_DATA_DIR] [BUILD_DIR]
#
# Hyperparameters (Model::Train: AdaGrad rate 0.02, L2 0.001, 15 epochs, features seen at
# least twice, stemmed words without bigrams) were chosen on a random tenth of the train split
# held out; the devtest sets were used only to report the final figures (make eval).
set -eu
data=${1:-../shared/data}
build=${2:-build}
cd "$(dirname "$0")/.."
if [ ! -d "$data/newsmtsc-en" ]; then
  echo "skipped: $data/newsmtsc-en not found" >&2
  exit 0
fi
python3 tools/stance_gold.py "$data" "$build/stance-gold"
"$build/parallax" stance train --gold "$build/stance-gold/newsmtsc-train.jsonl" --out data/stance-model.tsv \
  --provenance "Source: NewsMTSC train.jsonl (github.com/fhamborg/NewsMTSC, MIT licence), converted by tools/stance_gold.py; regenerate with tools/train_stance.sh."
