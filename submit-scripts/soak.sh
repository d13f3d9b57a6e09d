#!/usr/bin/env bash
# The 2,000-trial soak (conf/sweeps/soak.yaml) on the embedded local[2] Spark: an uninterrupted run,
# then the same sweep killed with SIGKILL at three random moments (drawn from SEED) and resumed each
# time, then `compare`: every trial exactly once and every metric equal to the uninterrupted run's.
# Prints the figures of docs/PERFORMANCE.md ("The 2,000-trial soak"): trials per minute, the
# scheduling and commit overhead per trial, the driver's peak memory, the files left in the output.
#
# Usage: submit-scripts/soak.sh [OUT] [SEED]      (default out/soak, 1; OUT is deleted first)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/soak}"
SEED="${2:-1}"
CONFIG=conf/sweeps/soak.yaml
SLOTS=2
rm -rf "$OUT"
mkdir -p "$OUT"
source submit-scripts/build-if-stale.sh >/dev/null

# One driver run; its console to LOG, /usr/bin/time's report to LOG.time.
driver() {
  local out="$1" log="$2"
  /usr/bin/time -v submit-scripts/run.sh sweep "$CONFIG" --out "$out" --master "local[$SLOTS]" --resume \
    > "$log" 2> "$log.time"
}
peak_mib() { awk '/Maximum resident set size/ {printf "%.0f", $6 / 1024}' "$1"; }
trial_seconds() { grep -ho '  [0-9.]* s | running' "$@" | awk '{s += $1} END {printf "%.1f", s}'; }

echo "soak: uninterrupted run into $OUT/clean ..."
start=$(date +%s.%N)
driver "$OUT/clean" "$OUT/clean.log"
clean_wall=$(echo "$(date +%s.%N) - $start" | bc)
n=$(grep -c '^\[' "$OUT/clean.log")
echo "soak: $n trials in $(printf %.0f "$clean_wall") s"

# Three SIGKILLs at moments drawn from SEED, each in the first 60% of what is left of the sweep.
RANDOM=$SEED
k=0
for kill in 1 2 3; do
  left=$(echo "$clean_wall * 0.6 / (4 - $kill)" | bc)
  delay=$(( 8 + RANDOM % ( ${left%.*} > 9 ? ${left%.*} - 8 : 1 ) ))
  echo "soak: run $kill, SIGKILL after $delay s ..."
  ( driver "$OUT/killed" "$OUT/killed-$kill.log" ) &
  sleep "$delay"
  pid=$(pgrep -f -n "org.paramprediction.cli.Main sweep $CONFIG --out $OUT/killed") || true
  [ -n "$pid" ] && kill -9 "$pid"
  wait || true
  printed=$(grep -c '^\[' "$OUT/killed-$kill.log" || true)
  echo "soak: killed after $printed trial lines"
done
echo "soak: final resume ..."
start=$(date +%s.%N)
driver "$OUT/killed" "$OUT/killed-final.log"
final_wall=$(echo "$(date +%s.%N) - $start" | bc)

submit-scripts/run.sh compare --sweep soak "$OUT/clean" "$OUT/killed" --master "local[$SLOTS]" | tee "$OUT/compare.log"

busy=$(trial_seconds "$OUT/clean.log")
# the trial phase: from the driver's start to the last trial's commit (its progress line's elapsed)
phase=$(grep '^\[' "$OUT/clean.log" | tail -1 | grep -o 'elapsed [0-9:]*' | awk -F'[ :]' '{print $2 * 3600 + $3 * 60 + $4}')
echo
echo "soak figures (uninterrupted run, local[$SLOTS], $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)):"
echo "  wall time:                    $(printf %.0f "$clean_wall") s: trials $phase s, the rest (JVM and Spark start, end compaction, summary) $(echo "$clean_wall - $phase" | bc | xargs printf %.0f) s"
echo "  trials per minute:            $(echo "$n * 60 / $clean_wall" | bc -l | xargs printf %.0f) overall, $(echo "$n * 60 / $phase" | bc -l | xargs printf %.0f) in the trial phase"
echo "  mean trial time:              $(echo "$busy * 1000 / $n" | bc -l | xargs printf %.0f) ms (its own training and evaluation)"
echo "  overhead per trial:           $(echo "($phase * $SLOTS - $busy) * 1000 / $n" | bc -l | xargs printf %.0f) ms of a task slot in the trial phase (scheduling, Spark job, commit)"
echo "  driver peak RSS:              $(peak_mib "$OUT/clean.log.time") MiB (killed run's final resume: $(peak_mib "$OUT/killed-final.log.time") MiB)"
echo "  files in the output:          $(find "$OUT/clean" -type f | wc -l) (clean), $(find "$OUT/killed" -type f | wc -l) (killed 3 times, resumed)"
echo "  final resume:                 $(printf %.0f "$final_wall") s"
grep -q '^identical$' "$OUT/compare.log"
