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

HEAP=3g exec submit-scripts/run.sh sweep conf/sweeps/quickstart.yaml --out "$OUT" --master 'local[*]' --resume
