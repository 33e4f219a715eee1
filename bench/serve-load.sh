#!/usr/bin/env bash
# Load test of `parallax serve`: a bounded wrk run against /api/search on loopback, over the
# sample corpus. Prints a Markdown table (requests/s and latency percentiles).
# Usage: bench/serve-load.sh BUILD_DIR [SECONDS] [CONNECTIONS]
set -euo pipefail
build=${1:-build}
seconds=${2:-15}
connections=${3:-64}
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v wrk >/dev/null; then
  echo "skipped: wrk is not installed (scripts/install-deps --bench installs it)"
  exit 0
fi
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
"$build/parallax" init "$work/p.db" >/dev/null
"$build/parallax" ingest -q --db "$work/p.db" "$root/examples/sample-corpus" >/dev/null 2>&1 || true
"$build/parallax" serve --db "$work/p.db" --port 0 --threads $((connections + 16)) > "$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q '^serving' "$work/serve.out" && break; sleep 0.1; done
base=$(sed -n 's|^serving \(http://[^/]*\)/.*|\1|p' "$work/serve.out")
# A rotation of queries (cross-script, inflected, phrase, filtered), one per request.
cat > "$work/queries.lua" <<'LUA'
local queries = {"/api/search?q=Kina", "/api/search?q=%D0%9A%D0%B8%D0%BD%D0%B0", "/api/search?q=Kosov%C3%ABs",
  "/api/search?q=%22steel%20friendship%22", "/api/search?q=Kosovo&country=RS&facets=1", "/api/search?q=%E7%A7%91%E7%B4%A2%E6%B2%83"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
LUA
# A warm-up run (connections opened, stemmer caches filled), then three measured runs.
wrk -t2 -c"$connections" -d5s -s "$work/queries.lua" "$base" > /dev/null
echo "| run | requests/s | p50 | p90 | p99 | errors |"
echo "|---|---|---|---|---|---|"
p99s=()
for run in 1 2 3; do
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/queries.lua" "$base")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p() { echo "$out" | awk -v q="$1" '$1 == q {print $2}'; }
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr -s ' ' | tr '\n' ' ')
  echo "| $run | $rps | $(p 50%) | $(p 90%) | $(p 99%) | ${errors:-none} |"
  p99s+=("$(p 99%)")
done
echo
echo "\`/api/search\` over the sample corpus with a rotation of six queries (cross-script, inflected, phrase,"
echo "filtered with facets, Chinese), ${connections} connections from 2 wrk threads, ${seconds} s per run; the"
echo "server runs $((connections + 16)) worker threads, $(nproc) of them running queries at once (the rest queue in order)."
echo "Target: p99 under 50 ms. Median p99 of the three runs:"
# wrk prints us, ms or s.
echo "$(printf '%s\n' "${p99s[@]}" | awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000} print v}' | sort -n | sed -n 2p) ms."
