#!/usr/bin/env bash
# Indicator query benchmark (io.zhenwu.bench.IndicatorBench): series, target board and county rollup, each against
# one hand-written SQL statement; results in bench/out/.
#   bench/indicators.sh [h2|pg|all] [towns] [villagesPerTown] [indicators]     (default: all 20 49 200 = 11.76M values)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_each "${1:-all}" indicators "-Xmx1g" io.zhenwu.bench.IndicatorBench "${2:-20}" "${3:-49}" "${4:-200}"
