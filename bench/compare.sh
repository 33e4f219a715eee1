#!/usr/bin/env bash
# Parallax beside what analysts would use instead, on the same input in the same run, as
# ratios (the machine is shared and noisy). Prints Markdown for docs/BENCHMARKS.md:
#   1. full analysis of English news against compromise (npm);
#   2. language identification on lid-testset against CLD2 alone, franc and eld (npm);
#   3. index build and cross-script / inflected recall against SQLite FTS5's stock tokenizer
#      and Xapian (Debian);
#   4. search latency at 100,000 articles (SEARCH_ARTICLES to change).
# Needs ../shared/data, the peers in bench/peers/node_modules and a build with
# PARALLAX_BENCH_PEERS (make bench sees to all three).
# Usage: bench/compare.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: bench/compare.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared/data
peers=$root/bench/peers
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ ! -d $shared/ntrex-128-news-parallel || ! -d $shared/lid-testset ]]; then
  echo "Skipped: the peer comparisons need ../shared/data (NTREX-128 and lid-testset)."
  exit 0
fi

echo "## Full analysis of English news: Parallax and compromise"
echo
python3 "$root/bench/compare.py" english "$shared" "$root" "$work/en.jsonl"
for i in 1 2 3; do
  "$build/bench/analyze_compare" "$work/en.jsonl" >"$work/ours-$i.json"
  node "$peers/analyze.mjs" "$work/en.jsonl" >"$work/peer-$i.json"
done
python3 "$root/bench/compare.py" analysis "$work"/ours-*.json -- "$work"/peer-*.json
echo

echo "## Language identification: Parallax, CLD2, franc and eld"
echo
"$build/bench/lid_compare" "$shared/lid-testset/lid_test.tsv" "$work/ours-lid.tsv" >"$work/ours-lid.json"
node "$peers/lid.mjs" "$shared/lid-testset/lid_test.tsv" "$work/peers-lid.tsv" >"$work/peers-lid.json"
python3 "$root/bench/compare.py" lid "$shared/lid-testset/lid_test.tsv" "$work/ours-lid.tsv" "$work/ours-lid.json" \
  "$work/peers-lid.tsv" "$work/peers-lid.json"
echo

echo "## Index and recall: Parallax, SQLite FTS5 (stock tokenizer) and Xapian"
echo
"$build/bench/index_compare" "$shared" "$root" "$work"
echo

echo "## Search latency at ${SEARCH_ARTICLES:-100000} articles (bench/search_latency.cc)"
echo
"$build/bench/search_latency" "$shared" "$root" "$work" "${SEARCH_ARTICLES:-100000}"
