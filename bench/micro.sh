#!/usr/bin/env bash
# JMH micro benchmarks of in-process pieces: working-day arithmetic (vs a day-by-day walk), the formula parser and
# evaluator. bench/micro.sh [regex]   (default: all); results in bench/out/micro.txt
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_classpath
java -Xmx512m -cp "$cp" org.openjdk.jmh.Main -rf text -rff bench/out/micro.txt "${1:-Benchmark}"
