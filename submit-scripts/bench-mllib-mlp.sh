#!/usr/bin/env bash
# Spark MLlib's MultilayerPerceptronClassifier (784-500-500-10) on the same Fashion-MNIST split, on
# local[2]: seconds per pass and test accuracy per iteration budget. Extra arguments: try --help.
set -euo pipefail
cd "$(dirname "$0")/.."
source submit-scripts/build-if-stale.sh
source submit-scripts/java17-spark-flags.sh
exec java -Xmx6g "${JAVA17_SPARK_FLAGS[@]}" -cp "$RUN_CP" org.paramprediction.bench.MllibMlpBenchmark "$@"
