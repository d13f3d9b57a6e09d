#!/usr/bin/env bash
# What each training-speed change bought: builds core-model at each of the commits below (in
# temporary git worktrees, nothing installed) and trains the Full 784-500-500-10 network with each,
# one after the other on this machine, with the same arguments. Prints s/epoch (mean of all epochs,
# and steady state = median of epochs 2..N) and the ratio to the first commit. With ROUNDS=N the
# whole list is measured N times in turns (a row per commit and round), so that a drift of a shared
# machine shows as drift and not as a change.
# Usage: [ROUNDS=N] submit-scripts/bench-history.sh [EPOCHS]   (default 5 epochs, 1 round)
# A commit from before the benchmark's command line moved to spark-jobs runs its core-model's own
# org.paramprediction.bench.TrainingBenchmark; a later one is packaged (core-model and spark-jobs,
# into its worktree only) and runs org.paramprediction.bench.TrainingBenchmarkCommand from its jar
# (with Spark's jars on the classpath, as submit-scripts/bench-training.sh runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS="${1:-5}"
export OMP_NUM_THREADS=1
# commit  label
COMMITS=(
  "63e7c83 baseline: Nd4j.gemm, broadcast bias add, 2 ND4J passes per parameter update"
  "8b807f7 OpenBLAS cblas_sgemm called directly, bias as rank-one gemm, axpy update"
  "491cb19 each parameter updated inside backward, right after its gradient"
  "93279e6 Vector API kernels: one-pass momentum update, ReLU forward and backward"
  "68a891b Vector API pixel conversion (bytes to floats)"
  "fb84ce4 Vector API kernels at the JVM's preferred width (the pixel loop was 512-bit only)"
  "8616fd6 the update by two axpy passes below 512-bit vectors; portable kernels below AVX2"
)
WORK="$(mktemp -d /tmp/bench-history.XXXXXX)"
trap 'for d in "$WORK"/*/; do git worktree remove --force "$d" >/dev/null 2>&1 || true; done; rm -rf "$WORK"' EXIT
printf '| commit | change | round | epochs (s) | mean s/epoch | steady s/epoch | steady vs baseline |\n'
printf '|---|---|---|---|---|---|---|\n'
# Whether the commit in worktree $1 predates the move of the benchmark's command line to spark-jobs.
old_layout() { [ -f "$1/core-model/src/main/java/org/paramprediction/bench/TrainingBenchmark.java" ]; }
for entry in "${COMMITS[@]}"; do
  sha="${entry%% *}"; dir="$WORK/$sha"
  git worktree add --detach "$dir" "$sha" >/dev/null 2>&1
  if old_layout "$dir"; then
    (cd "$dir" && mvn -B -q -o -Dstyle.color=never -pl core-model -am compile >/dev/null \
       && mvn -B -q -o -Dstyle.color=never -pl core-model dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null)
  else
    # the shaded jar, and the Spark jars (provided, so not in it) that it needs outside spark-submit
    (cd "$dir" && mvn -B -q -o -Dstyle.color=never -pl core-model,spark-jobs -am package -DskipTests \
       dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/runtime-classpath.txt >/dev/null)
  fi
done
# The benchmark's main class and classpath in the worktree of a commit.
main_of() {
  if old_layout "$1"; then
    echo org.paramprediction.bench.TrainingBenchmark
  else
    echo org.paramprediction.bench.TrainingBenchmarkCommand
  fi
}
classpath_of() {
  if old_layout "$1"; then
    echo "$1/core-model/target/classes:$(cat "$1/core-model/target/classpath.txt")"
  else
    echo "$1/spark-jobs/target/spark-jobs-0.1.0-SNAPSHOT.jar:$(cat "$1/spark-jobs/target/runtime-classpath.txt")"
  fi
}
BASE=""
for round in $(seq 1 "${ROUNDS:-1}"); do
  for entry in "${COMMITS[@]}"; do
    sha="${entry%% *}"; label="${entry#* }"; label="${label#"${label%%[![:space:]]*}"}"
    dir="$WORK/$sha"
    times=$(java -Xmx4g --add-modules=jdk.incubator.vector -cp "$(classpath_of "$dir")" \
        "$(main_of "$dir")" --configs FULL --epochs "$EPOCHS" --gemm-seconds 0.5 2>/dev/null \
      | sed -n 's/^ *FULL .* epoch *[0-9]* .* \([0-9.]*\) s$/\1/p')
    mean=$(echo "$times" | awk '{s+=$1} END {printf "%.3f", s/NR}')
    steady=$(echo "$times" | tail -n +2 | sort -n | awk '{a[NR]=$1} END {printf "%.3f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    [ -z "$BASE" ] && BASE="$steady"
    ratio=$(awk -v b="$BASE" -v s="$steady" 'BEGIN {printf "%.2fx", b/s}')
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$(git rev-parse --short "$sha")" "$label" "$round" "$(echo $times)" \
      "$mean" "$steady" "$ratio"
  done
done
