#!/usr/bin/env bash
# Start-up cost of `echo 'SELECT 1;' | CLI -q -m list`, beside sqlite3 (and Turso's own tursodb when TURSO_CLI names
# it): N runs each; median wall-clock time, and median CPU time (user + sys, from /usr/bin/time), which a loaded
# machine inflates much less than wall-clock time.
# Usage: bench/startup.sh [N]   (from the repository root, after ./tursodb has been built once)
set -euo pipefail
n=${1:-30}
measure() { # $1 = label, rest = command
  local label=$1; shift
  local out
  out=$(for _ in $(seq "$n"); do
    t0=$(date +%s%N)
    cpu=$( { /usr/bin/time -f '%U %S' sh -c 'echo "SELECT 1;" | "$@" >/dev/null' sh "$@"; } 2>&1 | tail -n 1)
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $cpu"
  done)
  local wall cpu
  wall=$(echo "$out" | awk '{ print $1 }' | sort -n)
  cpu=$(echo "$out" | awk '{ print int(($2 + $3) * 1000) }' | sort -n)
  printf '%-30s wall median %5d ms (min %5d)   cpu median %4d ms   %d runs\n' "$label" \
    "$(echo "$wall" | sed -n "$(( (n + 1) / 2 ))p")" "$(echo "$wall" | head -n 1)" \
    "$(echo "$cpu" | sed -n "$(( (n + 1) / 2 ))p")" "$n"
}
measure "./tursodb -q -m list" ./tursodb -q -m list
if command -v sqlite3 >/dev/null; then measure "sqlite3" sqlite3; fi
if [ -n "${TURSO_CLI:-}" ]; then measure "Turso tursodb -q -m list" "$TURSO_CLI" -q -m list; fi
uptime
