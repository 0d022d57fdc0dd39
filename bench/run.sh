#!/usr/bin/env bash
# One command for the scale benchmarks: bench/run.sh <small|medium|large> [h2|pg]
#   small  = 3 towns × 2 years × 2,000 matters, 5 s of transitions after ≤ 15 s of warm-up (under 2 minutes; CI runs
#            it once as a smoke test; BENCH_JAVA_OPTS="-Dzhenwu.bench.max-warm-up=60 -Dzhenwu.bench.runs=20" for
#            steadier numbers)
#   medium = 20 towns × 5 years × 14,000 matters (1.4M cases, ≈3.8M timeline rows, 140k residents: ≥ 5M records;
#            12,000 gave 4.59M)
#   large  = 200 towns × 5 years × 5,400 matters (5.4M cases, ≈14.6M timeline rows, 540k residents: ≥ 20M records; PostgreSQL)
# Generates the data through the product's own services (bin/zhenwu demo generate does the same), then measures
# transitions over HTTP on loopback and case statistics against plain JDBC / one SQL statement in the same run.
# Output: bench/out/scale-<size>-<db>.md (not committed; copy the table into bench/RESULTS.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
size="${1:-small}"
db="${2:-h2}"
case "$size" in
  small)  args=(3 2 2000 5 8) ;;
  medium) args=(20 5 14000 30 8) ;;
  large)  args=(200 5 5400 30 16) ;;
  *) echo "usage: bench/run.sh <small|medium|large> [h2|pg]" >&2; exit 2 ;;
esac
heap="-Xmx2g"
# small is the quick check (and CI's smoke test): a warm-up of at most 15 s and 5 timed runs of each statistic;
# the others warm up until the JIT is quiet and time 20 runs
[[ "$size" == small ]] && heap="-Xmx1g -Dzhenwu.bench.max-warm-up=15 -Dzhenwu.bench.runs=5"
bench_classpath
bench_run "scale-$size" "$db" "$heap" io.zhenwu.bench.ScaleBench "${args[@]}"
