#!/usr/bin/env bash
# Scaling on the embedded store: for each SIZE, a synthetic corpus (tools/gen_corpus.py: the
# sample corpus's fictional stories recombined with NTREX lines, marked synthetic) is piped into
# `parallax ingest --jobs 2 -` (full analysis: entities, quotations, stance) in a fresh
# workspace; then bench/query_latency times search, timeline and voices on it. Prints Markdown:
# throughput, peak memory, store size per article, query p50/p99.
# With CLICKHOUSE=clickhouse://HOST:PORT (a running server), each corpus is also ingested into
# ClickHouse (database scale_N) and the same queries are timed there; SCALE_SQLITE=0 skips SQLite.
# Usage: [CLICKHOUSE=clickhouse://127.0.0.1:8123] bench/scale.sh BUILD_DIR [SIZE...]   (default 100000)
set -euo pipefail
build=${1:-build}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(100000)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${SCALE_TMP:-$root/$build}/scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=$root/examples/sample-corpus

echo "| store | articles | ingest s | articles/s | MB/s | peak RSS MB | store MB | KB per article |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
declare -A latency
row() {  # row STORE N SECONDS MB RSS_KB SIZE_MB STORED
  awk -v st="$1" -v n="$2" -v s="$3" -v mb="$4" -v rss="$5" -v size="$6" -v stored="$7" 'BEGIN {
    printf "| %s | %d (stored %d) | %.0f | %.0f | %.2f | %.0f | %d | %.1f |\n", st, n, stored, s, n / s, mb / s, rss / 1024, size, size * 1024 / n }'
}
for n in "${sizes[@]}"; do
  db=$work/s$n.db
  python3 "$root/tools/gen_corpus.py" "$n" "$root" "$root/../shared/data" >"$work/in.jsonl"
  mb=$(du -bm "$work/in.jsonl" | cut -f1)
  if [[ ${SCALE_SQLITE:-1} == 1 ]]; then
  "$root/$build/parallax" init "$db" >/dev/null
  /usr/bin/time -f '%e %M' -o "$work/time" "$root/$build/parallax" ingest -q --jobs 2 --db "$db" \
    --outlets "$corpus/outlets.yaml" --pack "$corpus/pack.yaml" "$work/in.jsonl" >"$work/ingest.out" 2>&1 || true
  read -r secs rss <"$work/time"
  row SQLite "$n" "$secs" "$mb" "$rss" "$(du -cbm "$db"* | tail -1 | cut -f1)" "$(sqlite3 "$db" 'select count(*) from articles')"
  latency[SQLite $n]=$("$root/$build/bench/query_latency" "$db" "${SCALE_ROUNDS:-10}")
  rm -f "$db"*
  fi
  if [[ -n ${CLICKHOUSE:-} ]]; then
    ch=$CLICKHOUSE/scale_$n
    http=http://${CLICKHOUSE#clickhouse://}
    curl -sf "$http/" --data-binary "DROP DATABASE IF EXISTS scale_$n" >/dev/null
    /usr/bin/time -f '%e %M' -o "$work/time" "$root/$build/parallax" ingest -q --jobs 2 --store "$ch" --spool "$work/spool" \
      --outlets "$corpus/outlets.yaml" --pack "$corpus/pack.yaml" "$work/in.jsonl" >"$work/ingest.out" 2>&1 || true
    read -r secs rss <"$work/time"
    curl -sf "$http/" --data-binary "OPTIMIZE TABLE scale_$n.articles FINAL" >/dev/null || true
    size=$(curl -sf "$http/" --data-binary "SELECT intDiv(sum(bytes), 1000000) FROM system.parts WHERE database = 'scale_$n' AND active")
    row ClickHouse "$n" "$secs" "$mb" "$rss" "$size" "$(curl -sf "$http/" --data-binary "SELECT count() FROM scale_$n.articles FINAL")"
    latency[ClickHouse $n]=$("$root/$build/bench/query_latency" "$ch" "${SCALE_ROUNDS:-10}")
    curl -sf "$http/" --data-binary "DROP DATABASE IF EXISTS scale_$n" >/dev/null
  fi
  rm -f "$work/in.jsonl"
done
for key in "${!latency[@]}"; do
  echo
  echo "Query latency, $key articles (bench/query_latency, ${SCALE_ROUNDS:-10} rounds of 10 queries, warm cache):"
  echo
  echo "${latency[$key]}"
done
