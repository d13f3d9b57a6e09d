#!/usr/bin/env bash
# Re-creates docs/RESULTS.md's figures from scratch: runs conf/sweeps/paper-mlp-small.yaml and
# conf/sweeps/permuted.yaml on local[2] (about 30 minutes on 2 cores; --resume skips trials already
# committed), then the report of each sweep into docs/results/<sweep>/.
# Usage: submit-scripts/study.sh [OUT_DIR] [REPORTS_DIR]   (defaults out/study, docs/results)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/study}"
REPORTS="${2:-docs/results}"
run() { submit-scripts/run.sh "$@"; }
status=0
for sweep in paper-mlp-small permuted; do
  # exit 1 = some trials FAILED (e.g. a diverging configuration): still report the rest
  run sweep "conf/sweeps/$sweep.yaml" --out "$OUT" --master 'local[2]' --resume || status=$?
  [ "$status" -le 1 ] || exit "$status"
  run report --sweep "$sweep" --results "$OUT" --out "$REPORTS/$sweep" --master 'local[2]'
done
