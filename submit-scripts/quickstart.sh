#!/usr/bin/env bash
# The first command on a fresh machine: installs Fashion-MNIST if missing, builds the shaded jar if
# missing or stale, runs conf/sweeps/quickstart.yaml on an embedded local[*] Spark and prints the
# summary. Usage: submit-scripts/quickstart.sh [OUT_DIR]   (default out/quickstart)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/quickstart}"
DATA=/usr/share/datasets/fashion-mnist

if [ ! -f "$DATA/train-images-idx3-ubyte.gz" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y dataset-fashion-mnist
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist
  else
    echo "Fashion-MNIST is missing from $DATA. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist" >&2
    exit 2
  fi
fi

JAR=spark-jobs/target/spark-jobs-0.1.0-SNAPSHOT.jar
CP_FILE=spark-jobs/target/runtime-classpath.txt
if [ ! -f "$JAR" ] || [ ! -f "$CP_FILE" ] || \
   [ -n "$(find pom.xml core-model/pom.xml spark-jobs/pom.xml core-model/src/main spark-jobs/src/main -newer "$JAR" -type f | head -1)" ]; then
  echo "building the shaded jar (mvn package, tests skipped)..."
  mvn -B -q install -DskipTests
  # Spark is 'provided' (not in the jar): take it from the local Maven repository for a local run.
  mvn -B -q -pl spark-jobs dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/runtime-classpath.txt
fi

source submit-scripts/java17-spark-flags.sh
exec java -Xmx3g "${JAVA17_SPARK_FLAGS[@]}" -cp "$JAR:$(cat "$CP_FILE")" \
  org.paramprediction.cli.Main sweep conf/sweeps/quickstart.yaml --out "$OUT" --master 'local[*]' --resume
