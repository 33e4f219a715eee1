#!/usr/bin/env bash
# Runs the benchmarks, ours and beside the peers (bench/compare.sh), and writes
# docs/BENCHMARKS.md. Usage: bench/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$root/docs/BENCHMARKS.md
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (bench/run.sh). Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%Y-%m-%d). This machine is shared and noisy:"
  echo "compare ratios measured in the same run rather than absolute figures across runs."
  echo
  echo "## Ingest (bench/ingest_bench.cc)"
  echo
  "$build/bench/ingest_bench" "$shared" "$root" "$work"
  echo
  bash "$root/bench/compare.sh" "$build"
  echo
  echo "## Scaling (bench/scale.sh at 20,000 synthetic articles; 100,000 and 1,000,000 in docs/SCALING.md)"
  echo
  bash "$root/bench/scale.sh" "$build" 20000
  echo
  echo "At 100,000 and 1,000,000 articles (bench/scale.sh and bench/query_latency: too long for"
  echo "\`make bench\`; copied from docs/SCALING.md, which says how and when each was measured):"
  echo
  sed -n '/^<!-- measured (/,/^<!-- measured: end -->/p' "$root/docs/SCALING.md" | grep -v '^<!-- measured (' |
    sed 's/^<!-- measured: end -->$//'
  echo
  echo "## HTTP API under load (bench/serve-load.sh: wrk on loopback, sharing the machine's two cores with the server)"
  echo
  bash "$root/bench/serve-load.sh" "$build" 15 64
  echo
  echo "## Text layer, entities, quotations, stance (Google Benchmark, bench/*_benchmark.cc; median of 3 repetitions)"
  echo
  echo '```'
  "$build/bench/parallax_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E 'median|Benchmark|^-'
  echo '```'
} > "$out"
cat "$out"
