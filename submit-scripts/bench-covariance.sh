#!/usr/bin/env bash
# Covariance of the 60,000 x 784 training matrix: core-model accumulator (1 thread) vs our Spark job
# vs MLlib RowMatrix.computeCovariance on local[2]; prints seconds and ratios, writes
# out/bench/covariance.csv. Extra arguments go to the benchmark (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
source submit-scripts/build-if-stale.sh
source submit-scripts/java17-spark-flags.sh
exec java -Xmx4g "${JAVA17_SPARK_FLAGS[@]}" -cp "$RUN_CP" org.paramprediction.bench.CovarianceBenchmark "$@"
