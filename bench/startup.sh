#!/usr/bin/env bash
# Start-up time of `echo 'SELECT 1;' | CLI -q -m list` (and sqlite3 beside it): N runs each, median and mean in ms.
# Usage: bench/startup.sh [N]   (run from the repository root; ./tursodb must have been built once)
set -euo pipefail
n=${1:-30}
measure() { # $1 = label, rest = command
  local label=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(date +%s%N)
    echo 'SELECT 1;' | "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{a[NR]=$1; s+=$1} END {
    printf "%-28s median %4d ms  mean %4d ms  min %4d ms  max %4d ms  (%d runs)\n", label, a[int((NR+1)/2)], s/NR, a[1], a[NR], NR }'
}
measure "./tursodb -q -m list" ./tursodb -q -m list
command -v sqlite3 >/dev/null && measure "sqlite3" sqlite3
if [ -n "${TURSO_CLI:-}" ]; then measure "turso tursodb (\$TURSO_CLI)" "$TURSO_CLI" -q -m list; fi
