#!/usr/bin/env bash
# Audit-trail insert benchmark (io.zhenwu.bench.AuditBench) on H2 and/or PostgreSQL; results in bench/out/.
#   bench/audit.sh [h2|pg|all] [totalEvents]     (default: all 20000)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_each "${1:-all}" audit "-Xms512m -Xmx1g" io.zhenwu.bench.AuditBench "${2:-20000}"
