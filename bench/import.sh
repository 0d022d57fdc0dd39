#!/usr/bin/env bash
# Import pipeline benchmark (1M enterprises, csv and xlsx, -Xmx256m) (io.zhenwu.bench.ImportBench) on H2 and/or PostgreSQL; results in bench/out/.
#   bench/audit.sh [h2|pg|all] [rows] [enterprises|residents|all]     (default: all 1000000)
# PostgreSQL: 127.0.0.1:5432, user postgres (trust); the database zhenwu_bench is dropped and recreated.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

which="${1:-all}"
total="${2:-1000000}"
only="${3:-all}"
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
  echo "== ImportBench $db ($total rows)"
  java -Xmx256m -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$cp" \
    io.zhenwu.bench.ImportBench "$db" "$total" "$only" | tee "bench/out/import-$db.md"
}

case "$which" in
  h2|pg) run "$which" ;;
  all) run h2; run pg ;;
  *) echo "usage: bench/audit.sh [h2|pg|all] [rows] [enterprises|residents|all]" >&2; exit 2 ;;
esac
