#!/usr/bin/env bash
# Indicator query benchmark (series, target board, county rollup vs one SQL) (io.zhenwu.bench.IndicatorBench) on H2 and/or PostgreSQL; results in bench/out/.
#   bench/indicators.sh [h2|pg|all] [towns] [villagesPerTown] [indicators]     (default: all 20 49 200 = 11.76M values)
# PostgreSQL: 127.0.0.1:5432, user postgres (trust); the database zhenwu_bench is dropped and recreated.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

which="${1:-all}"
towns="${2:-20}"
villages="${3:-49}"
indicators="${4:-200}"
mkdir -p bench/out target

mvn_q() { mvn -q -o "$@" || mvn -q "$@"; }   # offline first; online only if something is missing
echo "== compiling (mvn test-compile) and writing the test classpath"
mvn_q -B test-compile
mvn_q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

run() {
  local db="$1"
  if [[ "$db" == pg ]]; then
    echo "== recreating database zhenwu_bench"
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc 'DROP DATABASE IF EXISTS zhenwu_bench WITH (FORCE)'
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc 'CREATE DATABASE zhenwu_bench'
  fi
  echo "== IndicatorBench $db ($towns towns × $villages villages × $indicators indicators × 60 months)"
  java -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$cp" \
    io.zhenwu.bench.IndicatorBench "$db" "$towns" "$villages" "$indicators" | tee "bench/out/indicators-$db.md"
}

case "$which" in
  h2|pg) run "$which" ;;
  all) run h2; run pg ;;
  *) echo "usage: bench/indicators.sh [h2|pg|all] [towns] [villagesPerTown] [indicators]" >&2; exit 2 ;;
esac
