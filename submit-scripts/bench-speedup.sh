#!/usr/bin/env bash
# Runs conf/bench/speedup.yaml (8 identical short trials) on local[1] and then local[2] into fresh
# output directories and prints the wall time of each sweep and the speedup.
set -euo pipefail
cd "$(dirname "$0")/.."
source submit-scripts/build-if-stale.sh
source submit-scripts/java17-spark-flags.sh
OUT=out/bench/speedup
declare -A SECONDS_FOR
for master in 'local[1]' 'local[2]'; do
  dir="$OUT/${master//[^a-z0-9]/}"; rm -rf "$dir"; mkdir -p "$OUT"
  start=$(date +%s.%N)
  java -Xmx3g "${JAVA17_SPARK_FLAGS[@]}" -cp "$RUN_CP" org.paramprediction.cli.Main \
    sweep conf/bench/speedup.yaml --out "$dir" --master "$master" > "$dir.log" 2>&1
  SECONDS_FOR[$master]=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$master: ${SECONDS_FOR[$master]} s (log: $dir.log)"
done
echo "speedup local[2] vs local[1]: $(echo "scale=2; ${SECONDS_FOR['local[1]']} / ${SECONDS_FOR['local[2]']}" | bc)"
