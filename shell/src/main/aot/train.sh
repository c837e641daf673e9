#!/usr/bin/env bash
# Records the AOT cache of tursodb: JAVA CLASSPATH OUTPUT [JVM FLAGS...]. Runs a short session that loads what
# a typical start loads (parser, compiler, VDBE, list output, a file database through the default I/O backend).
set -euo pipefail
java=$1 cp=$2 out=$3
shift 3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sql="CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL);
INSERT INTO t VALUES(1,'one',1.5),(2,'two',NULL);
SELECT a, b, c, a*2, upper(b), length(b) FROM t WHERE a > 0 ORDER BY b;
SELECT count(*), sum(c) FROM t GROUP BY a;
UPDATE t SET c = 2.5 WHERE a = 2; DELETE FROM t WHERE a = 1;
SELECT * FROM nosuch;
.schema
.tables
.open :memory:
SELECT 1;
SELECT 'x' || 2, 0.5;"
# The session fails one statement on purpose (errors are part of a typical run), so its status is not ours.
printf '%s\n' "$sql" | "$java" "$@" -XX:AOTCacheOutput="$out" -cp "$cp" io.tursoj.shell.Main -q -m list "$dir/train.db" || true
[ -s "$out" ]
