#!/usr/bin/env bash
# The demo's per-node memory at rest (issue 14, item 7): starts `pnpm demo` (the hub of three,
# a leaf and a node on embedded PGlite per agency), waits until it is running and then IDLE_S
# seconds more with nothing asked of it, and prints each node's VmRSS and VmHWM from /proc with
# how it was started (bundle or tsx) and the load average; then stops the demo with Ctrl-C's
# signal. Set CORRIDOR_RUN_FROM_SOURCE=1 for nodes run from their sources through tsx.
# Usage: test/bench/demo-memory.sh [IDLE_S]   (from anywhere; uses the demo's fixed ports)
set -euo pipefail
idle=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp)
cd "$root"
pnpm run build >/dev/null
setsid pnpm --filter @corridor/deploy run demo >"$out" 2>&1 &
demo=$!
trap 'kill -INT -- -$demo 2>/dev/null || true; wait $demo 2>/dev/null || true; rm -f "$out"' EXIT
until grep -q 'Corridor is running' "$out"; do
  if ! kill -0 $demo 2>/dev/null; then cat "$out" >&2; exit 1; fi
  sleep 2
done
sleep "$idle"
echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
for pid in $(pgrep -x node); do
  # The demo's nodes: working in services/, their data under .data/demo (its children run in
  # sessions of their own, so they are found by these rather than by the launcher's session).
  [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$root/services" ] || continue
  tr '\0' '\n' <"/proc/$pid/environ" | grep -q "^CORRIDOR_DATA_DIR=$root/.data/demo/" || continue
  agency=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^CORRIDOR_AGENCY_ID=//p')
  how=$(tr '\0' ' ' <"/proc/$pid/cmdline" | sed 's#^[^ ]*node ##')
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
  echo "node $agency: rss ${rss} MB, peak ${hwm} MB ($how)"
done
