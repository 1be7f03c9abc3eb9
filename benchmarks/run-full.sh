#!/usr/bin/env bash
# Runs every benchmark with the figures' settings (about 8 minutes on 2 cores; warm-up and measurement iterations are set on each benchmark class), writes
# JMH's JSON result and holds it to the budgets; exits non-zero when one is missed.
# Extra arguments go to JMH, e.g. a regexp to run only some benchmarks.
set -euo pipefail
cd "$(dirname "$0")"
source ./benchmark-classpath.sh
mkdir -p target
java -cp "$BENCHMARK_CLASSPATH" org.openjdk.jmh.Main \
	-foe true -f 1 -prof gc -rf json -rff target/jmh-full.json "$@" | tee target/jmh-full.txt
java -cp "$BENCHMARK_CLASSPATH" io.github.mistralobs.observability.benchmarks.BudgetCheck full target/jmh-full.json
