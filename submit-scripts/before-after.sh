#!/usr/bin/env bash
# Before/after on this machine, in one run: builds each commit's shaded jar in a temporary git
# worktree (nothing installed) and measures with it, one after the other: the OpenBLAS kernel it
# loaded (OPENBLAS_VERBOSE=2), the gemm limit and Full's steady s/epoch (bench --sections
# gemm,training, 4 epochs on 50,000 rows), and the wall seconds of the quickstart sweep on local[*].
# A third row runs BEFORE with OPENBLAS_CORETYPE=Prescott: what that code ran on a CPU OpenBLAS
# 0.3.19 does not know (e.g. the Xeon of family 6 model 207), where it fell back to Prescott.
# Usage: submit-scripts/before-after.sh BEFORE [AFTER]   (commits; AFTER defaults to HEAD)
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE="${1:?usage: before-after.sh BEFORE [AFTER]}"; AFTER="${2:-HEAD}"
source submit-scripts/build-if-stale.sh   # Spark's jars (provided scope) for running outside spark-submit
SPARK_CP="$(cat "$CP_FILE")"
source submit-scripts/java17-spark-flags.sh
WORK="$(mktemp -d /tmp/before-after.XXXXXX)"
trap 'for d in "$WORK"/src-*/; do git worktree remove --force "$d" >/dev/null 2>&1 || true; done; rm -rf "$WORK"' EXIT

csv_value() { # file section item metric -> value
  awk -F, -v s="$2" -v i="$3" -v m="$4" '$1==s && $2==i && $3==m {print $4; exit}' "$1"
}
measure() { # label sha [OPENBLAS_CORETYPE]
  local label="$1" sha="$2" core="${3:-}" dir="$WORK/src-$2"
  [ -d "$dir" ] || { git worktree add --detach "$dir" "$sha" >/dev/null 2>&1
    (cd "$dir" && mvn -B -q -o -Dstyle.color=never package -DskipTests >/dev/null); }
  local cp="$dir/spark-jobs/target/spark-jobs-0.1.0-SNAPSHOT.jar:$SPARK_CP" out="$WORK/out-$label"
  local extra=() help
  help=$(java "${JAVA17_SPARK_FLAGS[@]}" -cp "$cp" org.paramprediction.cli.Main bench --help 2>/dev/null || true)
  grep -q -- --gemm-kernels <<<"$help" && extra=(--gemm-kernels none --sections gemm,kernels,training) \
    || extra=(--sections gemm,training)
  # the "gemm: Nd4j.gemm ..." line read below is a section's detail: --verbose where the commit has it
  grep -q -- --verbose <<<"$help" && extra+=(--verbose)
  env ${core:+OPENBLAS_CORETYPE=$core} OPENBLAS_VERBOSE=2 java -Xmx6g "${JAVA17_SPARK_FLAGS[@]}" -cp "$cp" \
    org.paramprediction.cli.Main bench "${extra[@]}" --epochs 4 --fractions 0.1 --columns 1 \
    --out "$out/bench" > "$WORK/$label-bench.log" 2>&1
  local kernel limit epoch start end
  kernel=$(sed -n 's/^Core: //p' "$WORK/$label-bench.log" | head -1)
  limit=$(sed -n 's/^gemm: Nd4j.gemm \([0-9.]*\), cblas \([0-9.]*\) GFLOP\/s$/\1 \2/p' "$WORK/$label-bench.log" | head -1 \
    | awk '{print ($1 > $2) ? $1 : $2}')
  epoch=$(csv_value "$out/bench/bench.csv" training Full s/epoch)
  start=$(date +%s.%N)
  env ${core:+OPENBLAS_CORETYPE=$core} java -Xmx3g "${JAVA17_SPARK_FLAGS[@]}" -cp "$cp" org.paramprediction.cli.Main \
    sweep conf/sweeps/quickstart.yaml --out "$out/quickstart" --master 'local[*]' > "$WORK/$label-quickstart.log" 2>&1
  end=$(date +%s.%N)
  printf '| %s | %s | %s | %s | %.1f | %.3f | %.0f |\n' "$label" "$(git rev-parse --short "$sha")" \
    "${core:+OPENBLAS_CORETYPE=$core}" "$kernel" "$limit" "$epoch" "$(echo "$end - $start" | bc)"
}
echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(getconf _NPROCESSORS_ONLN) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| build | commit | set by hand | OpenBLAS kernel | gemm limit (GFLOP/s) | Full s/epoch | quickstart wall (s) |\n'
printf '|---|---|---|---|---:|---:|---:|\n'
measure before "$(git rev-parse "$BEFORE")"
measure after "$(git rev-parse "$AFTER")"
measure before-generic "$(git rev-parse "$BEFORE")" Prescott
