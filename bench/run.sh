#!/usr/bin/env bash
# One command for the scale benchmarks: bench/run.sh <small|medium|large> [h2|pg]
#   small  = 3 towns × 2 years × 2,000 matters, 10 s of transitions after ≤ 20 s of warm-up (about 3 minutes; CI
#            runs it once as a smoke test; BENCH_JAVA_OPTS=-Dzhenwu.bench.max-warm-up=60 for steady-state numbers)
#   medium = 20 towns × 5 years × 12,000 matters (≈1.2M cases, ≈4M timeline rows + the rest ≥ 5M records)
#   large  = 200 towns × 5 years × 5,400 matters (5.4M cases, ≈14.6M timeline rows, 540k residents: ≥ 20M records; PostgreSQL)
# Generates the data through the product's own services (bin/zhenwu demo generate does the same), then measures
# transitions over HTTP on loopback and case statistics against plain JDBC / one SQL statement in the same run.
# Output: bench/out/scale-<size>-<db>.md (not committed; copy the table into bench/RESULTS.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
size="${1:-small}"
db="${2:-h2}"
case "$size" in
  small)  args=(3 2 2000 10 8) ;;
  medium) args=(20 5 12000 30 8) ;;
  large)  args=(200 5 5400 30 16) ;;
  *) echo "usage: bench/run.sh <small|medium|large> [h2|pg]" >&2; exit 2 ;;
esac
heap="-Xmx2g"
# small is the quick check (and CI's smoke test): a warm-up of at most 20 s; the others warm up until the JIT is quiet
[[ "$size" == small ]] && heap="-Xmx1g -Dzhenwu.bench.max-warm-up=20"
bench_classpath
bench_run "scale-$size" "$db" "$heap" io.zhenwu.bench.ScaleBench "${args[@]}"
