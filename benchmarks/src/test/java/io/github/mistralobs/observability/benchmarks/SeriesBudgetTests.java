package io.github.mistralobs.observability.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series budget: at default settings, five models with the usual statuses make fewer
 * than 500 series of the starter. Counting, not timing, so an ordinary test holds it.
 */
class SeriesBudgetTests {

	@Test
	void fiveModelsWithTheUsualStatusesMakeFewerThan500Series() {
		assertThat(starterSeries(ScrapeScenario.USUAL_5_MODELS)).isLessThan(500);
	}

	@Test
	void theTenThousandSeriesScenarioHoldsTenThousandSeries() {
		try (SimulatedMistral mistral = SimulatedMistral.start(Instrumentation.STARTER, 2)) {
			ScrapeScenario.TEN_THOUSAND_SERIES.populate(mistral);
			assertThat(ScrapeScenario.seriesCount(mistral.meterRegistry().scrape())).isEqualTo(10_000);
		}
	}

	private static int starterSeries(ScrapeScenario scenario) {
		try (SimulatedMistral mistral = SimulatedMistral.start(Instrumentation.STARTER, 2)) {
			scenario.populate(mistral);
			return ScrapeScenario.starterSeriesCount(mistral.meterRegistry().scrape());
		}
	}

}
