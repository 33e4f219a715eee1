#!/usr/bin/env bash
# Scaling on the embedded store: for each SIZE, a synthetic corpus (tools/gen_corpus.py: the
# sample corpus's fictional stories recombined with NTREX lines, marked synthetic) is piped into
# `parallax ingest --jobs 2 -` (full analysis: entities, quotations, stance) in a fresh
# workspace; then bench/query_latency times search, timeline and voices on it. Prints Markdown:
# throughput, peak memory, store size per article, query p50/p99.
# Usage: bench/scale.sh BUILD_DIR [SIZE...]   (default 100000)
set -euo pipefail
build=${1:-build}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(100000)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${SCALE_TMP:-$root/$build}/scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=$root/examples/sample-corpus

echo "| articles | ingest s | articles/s | MB/s | peak RSS MB | workspace MB | KB per article |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
declare -A latency
for n in "${sizes[@]}"; do
  db=$work/s$n.db
  "$root/$build/parallax" init "$db" >/dev/null
  python3 "$root/tools/gen_corpus.py" "$n" "$root" "$root/../shared/data" >"$work/in.jsonl"
  mb=$(du -bm "$work/in.jsonl" | cut -f1)
  /usr/bin/time -f '%e %M' -o "$work/time" "$root/$build/parallax" ingest -q --jobs 2 --db "$db" \
    --outlets "$corpus/outlets.yaml" --pack "$corpus/pack.yaml" "$work/in.jsonl" >"$work/ingest.out" 2>&1 || true
  rm -f "$work/in.jsonl"
  read -r secs rss <"$work/time"
  stored=$(sqlite3 "$db" 'select count(*) from articles')
  size=$(du -cbm "$db"* | tail -1 | cut -f1)
  awk -v n="$n" -v s="$secs" -v mb="$mb" -v rss="$rss" -v size="$size" -v stored="$stored" 'BEGIN {
    printf "| %d (stored %d) | %.0f | %.0f | %.2f | %.0f | %d | %.1f |\n", n, stored, s, n / s, mb / s, rss / 1024, size, size * 1024 / n }'
  latency[$n]=$("$root/$build/bench/query_latency" "$db" "${SCALE_ROUNDS:-10}")
  rm -f "$db"*
done
for n in "${sizes[@]}"; do
  echo
  echo "Query latency at $n articles (bench/query_latency, ${SCALE_ROUNDS:-10} rounds of 10 queries, warm cache):"
  echo
  echo "${latency[$n]}"
done
