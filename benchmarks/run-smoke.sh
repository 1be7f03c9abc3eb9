#!/usr/bin/env bash
# Runs every benchmark once, briefly (about 100 s on 2 cores, most of it starting one JVM
# per benchmark), so that they cannot rot: a benchmark that throws fails the run, and each
# must produce a result. No time is checked, the iterations are too short for the JIT;
# allocation is held to ten times its budget. run-full.sh checks the real budgets.
set -euo pipefail
cd "$(dirname "$0")"
source ./benchmark-classpath.sh
mkdir -p target
java -cp "$BENCHMARK_CLASSPATH" org.openjdk.jmh.Main \
	-foe true -f 1 -wi 1 -w 200ms -i 1 -r 200ms -prof gc -rf json -rff target/jmh-smoke.json \
	-p chunks=20,200 -p scenario=USUAL_5_MODELS,TEN_THOUSAND_SERIES "$@" >target/jmh-smoke.txt
java -cp "$BENCHMARK_CLASSPATH" io.github.mistralobs.observability.benchmarks.BudgetCheck smoke target/jmh-smoke.json
