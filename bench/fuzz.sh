#!/usr/bin/env bash
# Fuzzes the file readers and parsers with Jazzer (issue 18), each for [seconds] (default 300), one JVM per fuzz test
# (Jazzer fuzzes one test per run): bench/fuzz.sh [seconds] [filter]   e.g. bench/fuzz.sh 60 ReaderFuzz
# Inputs that reach new code go to .cifuzz-corpus/ (ignored by git); a crashing input is written next to the seeds,
# src/test/resources/io/zhenwu/<module>/<Class>Inputs/<method>/crash-*, where mvn verify then replays it until fixed.
# Output per test in bench/out/fuzz-<Class>-<method>.txt; the script exits non-zero if any test found something.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds="${1:-300}"
filter="${2:-}"
targets=(imports.ReaderFuzz#csv imports.ReaderFuzz#xlsxFile imports.ReaderFuzz#xlsxXml
         indicators.FormulaFuzz#parse reports.TemplateFuzz#parse cases.CaseTypeFuzz#parse)
echo "== compiling (mvn test-compile)"
mvn_q -B test-compile
failed=()
for target in "${targets[@]}"; do
  [[ -z "$filter" || "$target" == *"$filter"* ]] || continue
  name="${target#*.}"; name="${name/\#/-}"
  echo "== fuzzing io.zhenwu.$target for ${seconds}s (bench/out/fuzz-$name.txt)"
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" mvn -B -o surefire:test@fuzz -Dtest="io.zhenwu.$target" \
       -Dsurefire.failIfNoSpecifiedTests=false > "bench/out/fuzz-$name.txt" 2>&1; then
    grep -E "^#[0-9]+ *DONE|stat::number_of_executed_units|Done [0-9]+ runs" "bench/out/fuzz-$name.txt" | tail -1 || true
  else
    echo "   FOUND something (or failed): see bench/out/fuzz-$name.txt"
    failed+=("$target")
  fi
done
if (( ${#failed[@]} )); then
  echo "== findings in: ${failed[*]}"
  exit 1
fi
echo "== no findings"
