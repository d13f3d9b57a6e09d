#!/usr/bin/env bash
# Runs any subcommand on the embedded Spark (local[*] unless you pass --master) with the flags this
# project needs: the Java 17 --add-opens list, the Vector API module, one BLAS thread per task, Spark
# bound to 127.0.0.1. Builds the shaded jar first when it is missing or older than the sources. Each
# JVM picks the OpenBLAS kernel for its CPU and prints one "BLAS: ..." line (see README).
#
# Usage: submit-scripts/run.sh COMMAND [ARGS...]     (paths are relative to where you run it)
#   submit-scripts/run.sh sweep conf/sweeps/quickstart.yaml --out out/x [--resume] [--verbose]
#   submit-scripts/run.sh validate conf/sweeps/*.yaml
#   submit-scripts/run.sh report --sweep x --results out/x --out out/x/reports/x
#   submit-scripts/run.sh --help                     (all commands)
# Environment: HEAP (the JVM's -Xmx, default 4g), JAVA_OPTS (more JVM flags), OPENBLAS_CORETYPE (forces
# a kernel; by default each JVM chooses from its CPU's instruction sets).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -eq 0 ]; then
  sed -n '7,13p' "$0" >&2
  exit 2
fi
RUN_CP="$(cd "$ROOT" && source submit-scripts/build-if-stale.sh >&2 && echo "$RUN_CP")"
source "$ROOT/submit-scripts/java17-spark-flags.sh"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java -Xmx"${HEAP:-4g}" "${JAVA17_SPARK_FLAGS[@]}" ${JAVA_OPTS:-} -cp "$RUN_CP" org.paramprediction.cli.Main "$@"
