#!/usr/bin/env bash
# Start-up to first HTTP 200 (/actuator/health) and RSS of the packaged jar with the demo town, on a fresh H2
# database and again on the existing one. Loopback only; bounded (gives up after 120 s).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ -f "$root/target/zhenwu.jar" ]] || (cd "$root" && mvn -q -DskipTests package)
work="$(mktemp -d)"
trap 'pkill -f "$work/zhenwu.jar" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$root/target/zhenwu.jar" "$work/"
cd "$work"
port=${PORT:-18080}
measure() {
  local label=$1 start end pid
  start=$(date +%s%N)
  java ${JAVA_OPTS:-} -jar "$work/zhenwu.jar" --server.port="$port" > "app-$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q 200 && break
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 3
  echo "$label: first 200 after $(( (end - start) / 1000000 )) ms; $(grep VmRSS /proc/$pid/status | tr -s ' ')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
measure fresh-db
measure existing-db
