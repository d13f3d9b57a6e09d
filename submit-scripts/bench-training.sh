#!/usr/bin/env bash
# Training benchmark of core-model (no Spark): 784-500-500-10 ReLU on Fashion-MNIST, Full and
# SE + empirical at fraction 0.1 with 5 columns; prints accuracy, s/epoch and GFLOP/s next to the
# gemm rate on the same shapes. Extra arguments go to the benchmark (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1
mvn -B -q -pl core-model -am install -DskipTests
mvn -B -q -pl core-model dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx4g --add-modules=jdk.incubator.vector \
  -cp "core-model/target/classes:$(cat core-model/target/classpath.txt)" \
  org.paramprediction.bench.TrainingBenchmark "$@"
