#!/usr/bin/env bash
# fio's figures for the same workloads as RandomReadBench / SyncWriteBench, on the same file.
# Usage: bench/fio.sh [FILE]   (default: the 1 GiB file bench/run creates in /tmp/tursoj-bench)
# Pitfalls (shared/io_uring.md): fio's default invalidate=1 drops the page cache, so buffered runs pass
# --invalidate=0 after warming the file with cat; results vary with machine load, so interleave with bench/run.
set -euo pipefail
file=${1:-/tmp/tursoj-bench/random-1024MiB.dat}
[ -f "$file" ] || { echo "no data file $file: run bench/run RandomReadBench once first" >&2; exit 1; }
command -v fio >/dev/null || { echo "fio is not installed (apt-get install fio)" >&2; exit 1; }
common=(--filename="$file" --rw=randread --bs=4k --size=1G --norandommap --randrepeat=0 --invalidate=0
        --runtime=5 --ramp_time=1 --time_based --group_reporting --output-format=terse --terse-version=3)
iops() { fio --name=r "${common[@]}" "$@" | awk -F';' '{print $8}'; }  # field 8: read IOPS
printf '%-28s %s\n' "config" "IOPS"
for direct in 0 1; do
  [ "$direct" = 0 ] && cat "$file" > /dev/null
  for qd in 1 8 32 128; do
    printf '%-28s %s\n' "io_uring qd$qd direct=$direct" "$(iops --ioengine=io_uring --iodepth=$qd --direct=$direct)"
  done
  printf '%-28s %s\n' "psync qd1 direct=$direct" "$(iops --ioengine=psync --iodepth=1 --direct=$direct)"
done
w="$(dirname "$file")/fio-sync-writes.dat"
printf '%-28s %s\n' "write 4k + fdatasync, qd1" "$(fio --name=w --filename="$w" --rw=randwrite --bs=4k --size=64M \
  --ioengine=psync --fdatasync=1 --runtime=5 --time_based --output-format=terse --terse-version=3 | awk -F';' '{print $49}')"
