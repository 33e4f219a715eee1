#!/usr/bin/env bash
# Runs the libFuzzer targets of a PARALLAX_FUZZ build for SECONDS each (default 60) and prints
# executions, coverage and corpus size per target as a Markdown table (also written to
# BUILD/fuzz-out/summary.md). Exits 1 when a target finds an input that breaks it; the input is
# kept in BUILD/fuzz-out/ and, once the bug is fixed, belongs in fuzz/corpus/TARGET/ as a
# regression.
# Usage: fuzz/run.sh BUILD [SECONDS] [TARGET...]
set -uo pipefail
build=${1:?usage: fuzz/run.sh BUILD [SECONDS] [TARGET...]}
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
src=$(cd "$(dirname "$0")/.." && pwd)
out=$build/fuzz-out
mkdir -p "$out"

targets=("$@")
if ((${#targets[@]} == 0)); then
  for bin in "$build"/fuzz/fuzz_*; do targets+=("${bin##*/fuzz_}"); done
fi
if ((${#targets[@]} == 0)); then
  echo "fuzz: no fuzz targets in $build/fuzz (build with make fuzz)" >&2
  exit 2
fi

summary=$out/summary.md
{
  echo "| target | seconds | executions | executions/s | coverage (edges) | corpus | peak RSS MB | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} >"$summary"
failed=0
for t in "${targets[@]}"; do
  bin=$build/fuzz/fuzz_$t
  [[ -x $bin ]] || { echo "fuzz: no target $t" >&2; exit 2; }
  work=$out/corpus/$t
  mkdir -p "$work"
  log=$out/$t.log
  # The first folder receives new inputs; the seeds in the repository are only read.
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$out/$t-" "$work" "$src/fuzz/corpus/$t" "$src/examples/sample-corpus" >"$log" 2>&1
  rc=$?
  stat() { grep -m1 "stat::$1:" "$log" | awk '{print $2}'; }
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  result=ok
  if ((rc != 0)); then
    result="**broken** (see $log)"
    failed=1
  fi
  echo "| $t | $seconds | $(stat number_of_executed_units) | $(stat average_exec_per_sec) | ${cov:-?} | $(find "$work" -type f | wc -l) | $(stat peak_rss_mb) | $result |" >>"$summary"
  if ((rc != 0)); then
    echo "fuzz: $t broke; its log ends:" >&2
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -8 >&2
  fi
done
cat "$summary"
exit $failed
