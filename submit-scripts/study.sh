#!/usr/bin/env bash
# The studies of docs/RESULTS.md, on the embedded Spark (local[2]), each with its report.
#
#   submit-scripts/study.sh                  resume every study from its committed Parquet under
#                                            docs/results/<sweep>/ (a finished study runs no trial)
#                                            and re-create its figures, summary.md and index.html there
#   submit-scripts/study.sh --fresh OUT      run every study from nothing into OUT/<sweep>/ (reports there too)
#   submit-scripts/study.sh [--fresh OUT] SWEEP...   only these (paper-mlp, paper-mlp-small, permuted)
#
# Sweeps are resumable: kill the script at any time and run the same command again; trials already
# committed are skipped (--resume) and a select sweep recomputes the same choices. Times on 2 cores
# (AMD EPYC, Zen 3, 2026-12-03): paper-mlp (the full-budget study, 749 trials) about 6 hours, run in
# sittings; paper-mlp-small (423 trials) 1 h with the cores shared with paper-mlp; permuted (78 trials)
# less. The weights tables stay local (.gitignore); only the Figure-1 extract
# (weights/sweep_id=<id>/figure1-layer1.parquet, docs/RESULTS.md says how it is made) is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="docs/results"
if [ "${1:-}" = "--fresh" ]; then
  [ $# -ge 2 ] || { echo "usage: $0 [--fresh OUT] [SWEEP...]" >&2; exit 2; }
  ROOT="$2"
  shift 2
fi
SWEEPS=("$@")
[ ${#SWEEPS[@]} -gt 0 ] || SWEEPS=(paper-mlp paper-mlp-small permuted)
for sweep in "${SWEEPS[@]}"; do
  [ -f "conf/sweeps/$sweep.yaml" ] || { echo "no conf/sweeps/$sweep.yaml" >&2; exit 2; }
done
for sweep in "${SWEEPS[@]}"; do
  status=0
  # exit 1 = some trials FAILED (e.g. a learning rate that diverges): still report the rest
  submit-scripts/run.sh sweep "conf/sweeps/$sweep.yaml" --out "$ROOT/$sweep" --master 'local[2]' --resume || status=$?
  [ "$status" -le 1 ] || exit "$status"
  submit-scripts/run.sh report --sweep "$sweep" --results "$ROOT/$sweep" --out "$ROOT/$sweep" --master 'local[2]'
done
