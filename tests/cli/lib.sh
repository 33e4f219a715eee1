# Shared by the CLI test scripts (sourced). Expects $bin (the parallax binary), $work (a
# scratch folder) and the array pids (killed by the script's EXIT trap).

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
