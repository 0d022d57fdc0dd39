#!/usr/bin/env bash
# Import fault scenarios (issue 18; io.zhenwu.bench.ImportFaults) on PostgreSQL, with real processes: kill -9 of a
# command-line import while it reads and stages, checks and merges (nothing written; the next start fails the job
# and drops its staging), and a second command started beside a running import (nothing dropped). Exit 1 on a failure.
#   bench/import-faults.sh [rows]        (default 200000; the database is ZHENWU_BENCH_DB, default zhenwu_bench)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_classpath
bench_recreate_pg
java -Dfile.encoding=UTF-8 -cp "$cp" io.zhenwu.bench.ImportFaults "$bench_db" "${1:-200000}" | tee bench/out/import-faults-pg.md
