package io.github.mistralobs.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Prometheus scrape of a registry filled as a {@link ScrapeScenario} says, rendered
 * to text as {@code /actuator/prometheus} renders it.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScrapeBenchmark {

	@Param({ "USUAL_5_MODELS", "DEFAULT_5_MODELS_10_CODES", "CARDINALITY_CAP", "TEN_THOUSAND_SERIES" })
	private ScrapeScenario scenario;

	private static final Logger logger = LoggerFactory.getLogger(ScrapeBenchmark.class);

	private SimulatedMistral mistral;

	@Setup
	public void start() {
		this.mistral = SimulatedMistral.start(Instrumentation.STARTER, 2);
		this.scenario.populate(this.mistral);
		String scrape = this.mistral.meterRegistry().scrape();
		logger.info("Scrape {}: {} series, {} of them the starter's, {} KB of text", this.scenario,
				ScrapeScenario.seriesCount(scrape), ScrapeScenario.starterSeriesCount(scrape), scrape.length() / 1024);
	}

	@TearDown
	public void stop() {
		this.mistral.close();
	}

	@Benchmark
	public String scrape() {
		return this.mistral.meterRegistry().scrape();
	}

}
