# Shared by the bench/*.sh scripts: compile the test classes once and know their classpath; recreate the
# PostgreSQL database (127.0.0.1:5432, user postgres, trust) named by ZHENWU_BENCH_DB, default zhenwu_bench — set it
# when several checkouts bench on one server. Source it; do not run it.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p bench/out target
bench_db="${ZHENWU_BENCH_DB:-zhenwu_bench}"
[[ "$bench_db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "ZHENWU_BENCH_DB must be a plain lower-case name" >&2; exit 2; }

mvn_q() { mvn -q -o "$@" > /dev/null 2>&1 || mvn -q "$@"; }   # offline first (quietly); online, with its errors, only if something is missing

bench_classpath() {
  echo "== compiling (mvn test-compile) and writing the test classpath"
  mvn_q -B test-compile
  mvn_q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
  cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
}

bench_recreate_pg() {
  echo "== recreating database $bench_db"
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $bench_db"
}

# bench_run NAME DB JAVA_OPTS CLASS ARGS… : one run on h2 or pg, output kept in bench/out/NAME-DB.md; BENCH_JAVA_OPTS
# adds JVM options (e.g. -Dzhenwu.bench.max-warm-up=60)
bench_run() {
  local name="$1" db="$2" opts="$3" class="$4"
  shift 4
  [[ "$db" == pg ]] && bench_recreate_pg
  echo "== $class $db $*"
  # shellcheck disable=SC2086
  java $opts ${BENCH_JAVA_OPTS:-} -Dzhenwu.bench.db="$bench_db" -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$cp" "$class" "$db" "$@" | tee "bench/out/$name-$db.md"
}

# bench_each WHICH NAME JAVA_OPTS CLASS ARGS… : WHICH is h2, pg or all
bench_each() {
  local which="$1"
  shift
  case "$which" in
    h2|pg) bench_classpath; bench_run "$1" "$which" "${@:2}" ;;
    all) bench_classpath; bench_run "$1" h2 "${@:2}"; bench_run "$1" pg "${@:2}" ;;
    *) echo "usage: the first argument is h2, pg or all" >&2; exit 2 ;;
  esac
}
