#!/usr/bin/env bash
# Import pipeline benchmark (io.zhenwu.bench.ImportBench): 1M enterprises (csv, xlsx, re-import) and residents with
# -Xmx256m, export, and the plain JDBC batch ceiling; results in bench/out/.
#   bench/import.sh [h2|pg|all] [rows] [enterprises|residents|all]     (default: all 1000000 all)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_each "${1:-all}" import "-Xmx256m" io.zhenwu.bench.ImportBench "${2:-1000000}" "${3:-all}"
