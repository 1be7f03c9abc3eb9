#!/usr/bin/env bash
# Runs every benchmark once, briefly (well under a minute of measuring), so that they
# cannot rot: each must run and produce a result. Budgets are checked with thresholds
# ten times the real ones, so timing noise on a busy machine does not fail it; the real
# budgets are checked by run-full.sh.
set -euo pipefail
cd "$(dirname "$0")"
source ./benchmark-classpath.sh
mkdir -p target
java -cp "$BENCHMARK_CLASSPATH" org.openjdk.jmh.Main \
	-f 1 -wi 1 -w 200ms -i 1 -r 200ms -prof gc -rf json -rff target/jmh-smoke.json \
	-p chunks=20,200 -p scenario=DEFAULT_5_MODELS_10_CODES,TEN_THOUSAND_SERIES "$@" >target/jmh-smoke.txt
java -cp "$BENCHMARK_CLASSPATH" io.github.mistralobs.observability.benchmarks.BudgetCheck smoke target/jmh-smoke.json
