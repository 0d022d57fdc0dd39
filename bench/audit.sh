#!/usr/bin/env bash
# Audit-trail insert benchmark (io.zhenwu.bench.AuditBench) on H2 and/or PostgreSQL; results in bench/out/.
#   bench/audit.sh [h2|pg|all] [totalEvents]     (default: all 20000)
# PostgreSQL: 127.0.0.1:5432, user postgres (trust); the database zhenwu_bench is dropped and recreated.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

which="${1:-all}"
total="${2:-20000}"
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
  echo "== AuditBench $db ($total events per run)"
  java -Xms512m -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$cp" \
    io.zhenwu.bench.AuditBench "$db" "$total" | tee "bench/out/audit-$db.md"
}

case "$which" in
  h2|pg) run "$which" ;;
  all) run h2; run pg ;;
  *) echo "usage: bench/audit.sh [h2|pg|all] [totalEvents]" >&2; exit 2 ;;
esac
