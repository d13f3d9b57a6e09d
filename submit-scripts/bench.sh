#!/usr/bin/env bash
# Every performance figure of issue 6 in one run (docs/PERFORMANCE.md): the gemm limit, training
# speed of Full and SE+Emp (fractions 0.05/0.1/0.5 x 1/5 columns), the covariance job vs MLlib,
# MLlib's MLP vs ours, the local[1] -> local[2] sweep speedup and the quickstart's peak memory.
# Prints one table and writes it to OUT/bench.csv and OUT/bench.parquet (default out/bench).
# Runs child JVMs for the speedup and memory sections: keep the machine otherwise idle.
# Extra arguments go to the command, e.g. --quick, --sections gemm,training, --out DIR (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=6g exec submit-scripts/run.sh bench --out out/bench "$@"
