# Shared by the CLI test scripts (sourced). Expects $bin (the parallax binary); `start` also
# expects $work (a scratch folder) and the array pids (killed by the script's EXIT trap).

# sample_workspace: a scratch folder ($work, removed at exit, with every server in pids
# stopped) holding a workspace ($PARALLAX_DB) with the sample corpus from $src ingested.
sample_workspace() {
  work=$(mktemp -d)
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
  export PARALLAX_DB=$work/p.db
  "$bin" init >/dev/null
  "$bin" ingest -q "$src/examples/sample-corpus" >/dev/null 2>&1
}

# start NAME ARGS...: runs `parallax serve` on a free port with ARGS; its base URL goes to
# $work/NAME.url and its output to $work/NAME.out, and its pid joins pids.
start() {
  local name=$1
  shift
  "$bin" serve --port 0 "$@" >"$work/$name.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    grep -q '^serving' "$work/$name.out" 2>/dev/null && break
    sleep 0.1
  done
  sed -n 's|^serving \(http://[^/]*\)/.*|\1|p' "$work/$name.out" >"$work/$name.url"
}
