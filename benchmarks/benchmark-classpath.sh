# Sourced by the run scripts: builds the benchmarks (tests skipped, nothing installed)
# and sets BENCHMARK_CLASSPATH to their classes and runtime dependencies.
(cd .. && ./mvnw -q -B -ntp -pl benchmarks -am -DskipTests package dependency:build-classpath \
	-Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
BENCHMARK_CLASSPATH="target/classes:$(cat target/classpath.txt)"
export BENCHMARK_CLASSPATH
