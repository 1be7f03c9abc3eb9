package io.github.mistralobs.observability.benchmarks;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.http.HttpStatus;

/**
 * What a registry holds when it is scraped: series the starter made from simulated calls
 * at default settings, and for the largest scrape other meters of the application too.
 * Every model gets calls and streams that succeed, fail with each of the scenario's
 * status codes, and a cancelled stream; every model has a built-in price unless the
 * scenario says otherwise.
 */
public enum ScrapeScenario {

	/**
	 * Five models, with the statuses a healthy application sees: rate limits and server
	 * errors.
	 */
	USUAL_5_MODELS(5, 0, List.of(429, 500, 503), 0),

	/**
	 * Five models and ten error statuses.
	 */
	DEFAULT_5_MODELS_10_CODES(5, 0, TenCodes.CODES, 0),

	/**
	 * Every priced model, and more unpriced models than the guard keeps (30 by default),
	 * with ten error statuses: the most series the starter makes at default settings.
	 */
	CARDINALITY_CAP(16, 40, TenCodes.CODES, 0),

	/**
	 * The cardinality cap and other meters of the application, 10,000 series in all.
	 */
	TEN_THOUSAND_SERIES(16, 40, TenCodes.CODES, 10_000);

	private static final List<String> PRICED_MODELS = List.of("mistral-small-latest", "mistral-medium-latest",
			"mistral-large-latest", "codestral-latest", "ministral-8b-latest", "mistral-small-2603",
			"mistral-large-2512", "devstral-latest", "ministral-3b-latest", "ministral-14b-latest",
			"pixtral-large-latest", "pixtral-12b", "magistral-medium-latest", "magistral-small-latest", "mistral-embed",
			"codestral-embed");

	private final int pricedModels;

	private final int unpricedModels;

	private final List<Integer> errorCodes;

	private final int totalSeries;

	ScrapeScenario(int pricedModels, int unpricedModels, List<Integer> errorCodes, int totalSeries) {
		this.pricedModels = pricedModels;
		this.unpricedModels = unpricedModels;
		this.errorCodes = errorCodes;
		this.totalSeries = totalSeries;
	}

	/**
	 * Fill an application's registry.
	 * @param mistral the application, with the starter
	 */
	void populate(SimulatedMistral mistral) {
		Stream<String> unpriced = IntStream.range(0, this.unpricedModels).mapToObj((i) -> "fine-tuned-model-" + i);
		Stream.concat(PRICED_MODELS.stream().limit(this.pricedModels), unpriced).forEach((model) -> {
			mistral.call(model, HttpStatus.OK);
			mistral.stream(model, HttpStatus.OK);
			mistral.cancelledStream(model);
			for (int code : this.errorCodes) {
				mistral.call(model, HttpStatus.valueOf(code));
				mistral.stream(model, HttpStatus.valueOf(code));
			}
		});
		PrometheusMeterRegistry registry = mistral.meterRegistry();
		int others = this.totalSeries - seriesCount(registry.scrape());
		for (int i = 0; i < others; i++) {
			Counter.builder("app.events").tag("kind", "kind-" + i).register(registry).increment();
		}
	}

	/**
	 * Count the series in a scrape: one per sample line.
	 * @param scrape the scrape in the Prometheus text format
	 * @return the number of series
	 */
	static int seriesCount(String scrape) {
		return (int) scrape.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).count();
	}

	/**
	 * Count the starter's series in a scrape.
	 * @param scrape the scrape in the Prometheus text format
	 * @return the number of series whose name starts with {@code mistral_}
	 */
	static int starterSeriesCount(String scrape) {
		return (int) scrape.lines().filter((line) -> line.startsWith("mistral_")).count();
	}

	/**
	 * Ten error statuses the Mistral API answers with.
	 */
	private static final class TenCodes {

		static final List<Integer> CODES = List.of(400, 401, 403, 404, 408, 422, 429, 500, 502, 503);

	}

}
