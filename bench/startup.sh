#!/usr/bin/env bash
# Start-up to first HTTP 200 (/actuator/health) and RSS of the packaged jar with the demo town, on a fresh H2
# database and again on the existing one. Loopback only; bounded (gives up after 120 s).
#   bench/startup.sh        java -jar target/zhenwu.jar
#   bench/startup.sh cds    the jar extracted (java -Djarmode=tools … extract) with a class-data-sharing archive made
#                           by one training run (a whole first start, see train below)
#   bench/startup.sh aot    the extracted jar on a JDK 25 with an AOT cache (JEP 483/515: classes loaded and linked,
#                           method profiles) from one such training run; JAVA25 names that JDK's java (default: the Temurin
#                           25 under /usr/lib/jvm). The jar is still built for Java 17.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-jar}"
[[ -f "$root/target/zhenwu.jar" ]] || (cd "$root" && mvn -q -DskipTests package)
work="$(mktemp -d)"
trap 'pkill -f "$work/" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
port=${PORT:-18080}
launch=(java ${JAVA_OPTS:-} -jar "$work/zhenwu.jar")
# Polls health every 0.1 s until it answers 200 (at most 120 s).
wait_ready() {
  for _ in $(seq 1 1200); do
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q 200 && break
    sleep 0.1
  done
}
# The training run is a whole first start with the demo town (its database in a directory of its own), stopped with
# SIGTERM, so the JVM writes its archive at exit, once it answers: the archive then also holds what loading the demo
# town uses, not only the context refresh.
train() {
  mkdir -p "$work/training"
  (cd "$work/training" && exec "$@" --server.port="$port" > "$work/training.log" 2>&1) &
  local pid=$!
  wait_ready
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
if [[ "$mode" == cds ]]; then
  java -Djarmode=tools -jar "$root/target/zhenwu.jar" extract --destination "$work/app" > /dev/null
  train java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$work/app/zhenwu.jar"
  launch=(java ${JAVA_OPTS:-} -XX:SharedArchiveFile="$work/app.jsa" -jar "$work/app/zhenwu.jar")
elif [[ "$mode" == aot ]]; then
  java25="${JAVA25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}"
  [[ -x "$java25" ]] || { echo "aot needs a JDK 25: set JAVA25=/path/to/bin/java" >&2; exit 2; }
  java -Djarmode=tools -jar "$root/target/zhenwu.jar" extract --destination "$work/app" > /dev/null
  train "$java25" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$work/app.aot" -jar "$work/app/zhenwu.jar"
  launch=("$java25" ${JAVA_OPTS:-} -XX:AOTCache="$work/app.aot" -jar "$work/app/zhenwu.jar")
else
  cp "$root/target/zhenwu.jar" "$work/"
fi
measure() {
  local label=$1 start end pid
  start=$(date +%s%N)
  "${launch[@]}" --server.port="$port" > "app-$label.log" 2>&1 &
  pid=$!
  wait_ready
  end=$(date +%s%N)
  sleep 3
  echo "$mode, $label: first 200 after $(( (end - start) / 1000000 )) ms; $(grep VmRSS /proc/$pid/status | tr -s ' ')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
measure fresh-db
measure existing-db
