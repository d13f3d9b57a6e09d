#!/usr/bin/env bash
# Submit a sweep to a cluster with spark-submit (YARN, Kubernetes, standalone, or local[N]).
#
# Usage: submit-scripts/submit-sweep.sh CONFIG OUT [extra spark-submit or sweep flags...]
# Environment (defaults in brackets):
#   SPARK_SUBMIT      spark-submit to use                    [$SPARK_HOME/bin/spark-submit or spark-submit]
#   MASTER            --master                               [yarn]
#   DEPLOY_MODE       --deploy-mode                          [client]
#   DRIVER_MEMORY     --driver-memory                        [4g]
#   EXECUTOR_MEMORY   --executor-memory                      [4g]
#   EXECUTOR_CORES    --executor-cores (trials at once each) [2]
#   MEMORY_OVERHEAD   spark.executor.memoryOverhead (ND4J's off-heap arrays live there) [2g]
#   JAR               the shaded jar                         [spark-jobs/target/spark-jobs-0.1.0-SNAPSHOT.jar]
#   VERBOSE           1: the driver logs INFO with the cluster's log4j2 setup [quiet: conf/log4j2.properties,
#                     progress + WARN/ERROR; client deploy mode only]
# Arguments after OUT that start with --conf/--num-executors/--queue/... go to spark-submit when
# they come before a literal "--"; everything after "--" goes to the sweep command (e.g. --resume).
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,18p' "$0" >&2
  exit 2
fi
CONFIG="$1"; OUT="$2"; shift 2
SPARK_ARGS=(); SWEEP_ARGS=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; SWEEP_ARGS+=("$@"); break; fi
  SPARK_ARGS+=("$1"); shift
done
if [ -n "${SPARK_SUBMIT:-}" ]; then SUBMIT="$SPARK_SUBMIT"
elif [ -n "${SPARK_HOME:-}" ]; then SUBMIT="$SPARK_HOME/bin/spark-submit"
else SUBMIT=spark-submit; fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${JAR:-$ROOT/spark-jobs/target/spark-jobs-0.1.0-SNAPSHOT.jar}"
DRIVER_OPTS="--add-modules=jdk.incubator.vector"
if [ "${VERBOSE:-0}" != 1 ] && [ "${DEPLOY_MODE:-client}" = client ]; then
  DRIVER_OPTS="$DRIVER_OPTS -Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties"
fi

exec "$SUBMIT" \
  --class org.paramprediction.cli.Main \
  --name "paramprediction sweep $(basename "$CONFIG")" \
  --master "${MASTER:-yarn}" \
  --deploy-mode "${DEPLOY_MODE:-client}" \
  --driver-memory "${DRIVER_MEMORY:-4g}" \
  --executor-memory "${EXECUTOR_MEMORY:-4g}" \
  --executor-cores "${EXECUTOR_CORES:-2}" \
  --conf spark.executor.memoryOverhead="${MEMORY_OVERHEAD:-2g}" \
  --conf spark.executorEnv.OMP_NUM_THREADS=1 \
  --conf spark.yarn.appMasterEnv.OMP_NUM_THREADS=1 \
  --conf spark.task.cpus=1 \
  --driver-java-options "$DRIVER_OPTS" \
  --conf spark.executor.extraJavaOptions="--add-modules=jdk.incubator.vector" \
  --files "$CONFIG" \
  "${SPARK_ARGS[@]}" \
  "$JAR" sweep "$CONFIG" --out "$OUT" "${SWEEP_ARGS[@]}"
