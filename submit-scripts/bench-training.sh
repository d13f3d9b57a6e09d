#!/usr/bin/env bash
# Training benchmark of core-model (no Spark): 784-500-500-10 ReLU on Fashion-MNIST, Full and
# SE + empirical at fraction 0.1 with 5 columns; prints accuracy, s/epoch and GFLOP/s next to the
# gemm rate on the same shapes. Extra arguments go to the benchmark (try --help). The measuring is
# core-model's benchmark.TrainingBenchmark, its command line spark-jobs' bench.TrainingBenchmarkCommand
# (run from the shaded jar; it starts no Spark).
set -euo pipefail
cd "$(dirname "$0")/.."
source submit-scripts/build-if-stale.sh
export OMP_NUM_THREADS=1
exec java -Xmx4g --add-modules=jdk.incubator.vector -cp "$RUN_CP" \
  org.paramprediction.bench.TrainingBenchmarkCommand "$@"
