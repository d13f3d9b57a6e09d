#!/usr/bin/env bash
# Reproduces the table of docs/DISTRIBUTED.md: Full and SE-Emp (fraction 0.1, 5 columns) on the full
# Fashion-MNIST split, each trained in one task and data-parallel over 4 partitions on local[2]
# (conf/distributed/fashion-se-emp.yaml), then prints the accuracy and traffic tables.
# Usage: submit-scripts/distributed-compare.sh [OUT_DIR] [CONFIG]   (default out/distributed)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/distributed}"
CONFIG="${2:-conf/distributed/fashion-se-emp.yaml}"
exec submit-scripts/run.sh sweep "$CONFIG" --out "$OUT" --master 'local[2]' --resume
