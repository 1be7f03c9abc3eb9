package io.github.mistralobs.observability.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads JMH's JSON result ({@code -rf json}), reports the starter's figures beside Spring
 * AI's and holds them to the budgets: what the starter adds to a chat call on top of
 * Spring AI's handlers (at most 5 µs and 2 KB), no more than Spring AI's own handlers
 * cost, streams whose cost does not grow with their chunks, and a 10,000-series scrape
 * well under 50 ms. Throughput under contention is reported, not checked: with 2 cores
 * and up to 32 threads it varies too much from run to run to hold to a number. In the
 * smoke run every threshold is ten times looser, so that only a gross regression or a
 * broken benchmark fails it. Exits with 1 when a budget is missed.
 */
public final class BudgetCheck {

	private static final Logger logger = LoggerFactory.getLogger(BudgetCheck.class);

	static final double ADDED_NANOS_PER_CALL = 5_000;

	static final double ADDED_BYTES_PER_CALL = 2_048;

	static final double ADDED_NANOS_PER_CHUNK = 25;

	static final double ADDED_BYTES_PER_CHUNK = 8;

	static final double TEN_THOUSAND_SERIES_SCRAPE_MICROS = 25_000;

	private static final String CHAT = "ChatCallBenchmark.call";

	private static final String STREAM = "StreamBenchmark.stream";

	private static final String CONCURRENT = "ConcurrentCallsBenchmark.threads";

	private static final String SCRAPE = "ScrapeBenchmark.scrape";

	private final List<Result> results;

	private final boolean smoke;

	private final List<String> missed = new ArrayList<>();

	BudgetCheck(List<Result> results, boolean smoke) {
		this.results = results;
		this.smoke = smoke;
	}

	/**
	 * Check a result file.
	 * @param args {@code full} or {@code smoke}, then the path of JMH's JSON result
	 * @throws IOException if the file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2 || !List.of("full", "smoke").contains(args[0])) {
			throw new IllegalArgumentException("Usage: BudgetCheck full|smoke <jmh-result.json>");
		}
		List<String> missed = new BudgetCheck(read(new File(args[1])), args[0].equals("smoke")).check();
		if (!missed.isEmpty()) {
			missed.forEach((budget) -> logger.error("Budget missed: {}", budget));
			System.exit(1);
		}
		logger.info("Every budget is met ({} run).", args[0]);
	}

	static List<Result> read(File file) throws IOException {
		List<Result> results = new ArrayList<>();
		for (JsonNode run : new ObjectMapper().readTree(file)) {
			String benchmark = run.get("benchmark").asText();
			String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
			JsonNode params = run.get("params");
			String instrumentation = (params != null && params.has("instrumentation"))
					? params.get("instrumentation").asText() : "";
			String variant = (params != null)
					? text(params, "chunks") + text(params, "scenario") + logVariant(text(params, "requestLog")) : "";
			JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
			results.add(new Result(name, instrumentation, variant, run.get("threads").asInt(),
					run.path("primaryMetric").path("score").asDouble(),
					alloc.isMissingNode() ? Double.NaN : alloc.asDouble()));
		}
		return results;
	}

	private static String logVariant(String requestLog) {
		return "on".equals(requestLog) ? "log" : "";
	}

	private static String text(JsonNode params, String name) {
		return params.has(name) ? params.get(name).asText() : "";
	}

	List<String> check() {
		checkChatCall();
		reportObservationCost();
		reportRequestLog();
		checkStreams();
		reportContention();
		checkScrapes();
		return this.missed;
	}

	private void checkChatCall() {
		Result none = find(CHAT, "NONE", "");
		Result springAi = find(CHAT, "SPRING_AI", "");
		Result starter = find(CHAT, "STARTER", "");
		Result both = find(CHAT, "SPRING_AI_AND_STARTER", "");
		if (none == null || springAi == null || starter == null || both == null) {
			return;
		}
		double addedNanos = both.score() - springAi.score();
		double addedBytes = both.bytes() - springAi.bytes();
		double springAiNanos = springAi.score() - none.score();
		double springAiBytes = springAi.bytes() - none.bytes();
		double starterNanos = starter.score() - none.score();
		double starterBytes = starter.bytes() - none.bytes();
		logger.info("Chat call, ns and B per call: none {} / {}; Spring AI {} / {}; starter {} / {}; both {} / {}",
				f(none.score()), f(none.bytes()), f(springAi.score()), f(springAi.bytes()), f(starter.score()),
				f(starter.bytes()), f(both.score()), f(both.bytes()));
		logger.info("Starter added on top of Spring AI: {} ns, {} B per call", f(addedNanos), f(addedBytes));
		logger.info(
				"Alone, against no instrumentation: starter {} ns, {} B; Spring AI {} ns, {} B; "
						+ "ratio starter / Spring AI {} (time), {} (bytes)",
				f(starterNanos), f(starterBytes), f(springAiNanos), f(springAiBytes), f2(starterNanos / springAiNanos),
				f2(starterBytes / springAiBytes));
		atMost("chat call: time the starter adds to Spring AI's, ns", addedNanos, ADDED_NANOS_PER_CALL);
		atMost("chat call: bytes the starter adds to Spring AI's", addedBytes, ADDED_BYTES_PER_CALL);
		atMost("chat call: starter time / Spring AI handlers' time", starterNanos / springAiNanos, 1);
		atMost("chat call: starter bytes / Spring AI handlers' bytes", starterBytes / springAiBytes, 1);
	}

	private void reportObservationCost() {
		Result none = find(CHAT, "NONE", "");
		Result observed = find(CHAT, "OBSERVATION_ONLY", "");
		Result starter = find(CHAT, "STARTER", "");
		if (none != null && observed != null && starter != null) {
			logger.info(
					"Observing a call with a handler that does nothing: {} ns, {} B; the starter's own work on "
							+ "top: {} ns, {} B per call",
					f(observed.score() - none.score()), f(observed.bytes() - none.bytes()),
					f(starter.score() - observed.score()), f(starter.bytes() - observed.bytes()));
		}
	}

	private void reportRequestLog() {
		Result starter = find(CHAT, "STARTER", "");
		Result logged = find(CHAT, "STARTER", "log");
		if (starter != null && logged != null) {
			logger.info("Request log event (written to /dev/null): adds {} ns, {} B per call",
					f(logged.score() - starter.score()), f(logged.bytes() - starter.bytes()));
		}
	}

	private void checkStreams() {
		Result few = find(STREAM, "SPRING_AI_AND_STARTER", "20");
		Result many = find(STREAM, "SPRING_AI_AND_STARTER", "200");
		Result fewBase = find(STREAM, "SPRING_AI", "20");
		Result manyBase = find(STREAM, "SPRING_AI", "200");
		if (few == null || many == null || fewBase == null || manyBase == null) {
			return;
		}
		double addedFew = few.score() - fewBase.score();
		double addedMany = many.score() - manyBase.score();
		double perChunk = (addedMany - addedFew) / 180;
		double bytesPerChunk = ((many.bytes() - manyBase.bytes()) - (few.bytes() - fewBase.bytes())) / 180;
		logger.info(
				"Stream: starter adds {} ns, {} B with 20 chunks; {} ns, {} B with 200; per extra chunk {} ns, "
						+ "{} B",
				f(addedFew), f(few.bytes() - fewBase.bytes()), f(addedMany), f(many.bytes() - manyBase.bytes()),
				f2(perChunk), f2(bytesPerChunk));
		atMost("stream: time the starter adds per chunk, ns", perChunk, ADDED_NANOS_PER_CHUNK);
		atMost("stream: bytes the starter adds per chunk", bytesPerChunk, ADDED_BYTES_PER_CHUNK);
		atMost("stream of 20 chunks: time the starter adds, ns", addedFew, ADDED_NANOS_PER_CALL);
		atMost("stream of 20 chunks: bytes the starter adds", few.bytes() - fewBase.bytes(), ADDED_BYTES_PER_CALL);
	}

	private void reportContention() {
		for (String instrumentation : List.of("SPRING_AI", "STARTER", "SPRING_AI_AND_STARTER")) {
			StringBuilder line = new StringBuilder();
			for (String threads : List.of("02", "08", "32")) {
				Result result = find(CONCURRENT + threads, instrumentation, "");
				if (result == null) {
					continue;
				}
				line.append(String.format(Locale.ROOT, " %d threads: %s calls/ms (%s per thread);", result.threads(),
						f(result.score()), f2(result.score() / result.threads())));
			}
			logger.info("Concurrent calls, {}:{}", instrumentation, line);
		}
	}

	private void checkScrapes() {
		for (Result result : this.results) {
			if (result.name().equals(SCRAPE)) {
				logger.info("Scrape {}: {} µs, {} KB per scrape", result.variant(), f(result.score()),
						f(result.bytes() / 1024));
			}
		}
		Result largest = find(SCRAPE, "", ScrapeScenario.TEN_THOUSAND_SERIES.name());
		if (largest != null) {
			atMost("scrape of 10,000 series: time, µs", largest.score(), TEN_THOUSAND_SERIES_SCRAPE_MICROS);
		}
	}

	private Result find(String name, String instrumentation, String variant) {
		for (Result result : this.results) {
			if (result.name().equals(name) && result.instrumentation().equals(instrumentation)
					&& result.variant().equals(variant)) {
				return result;
			}
		}
		this.missed.add("no result for " + name + " " + instrumentation + " " + variant);
		return null;
	}

	private void atMost(String what, double value, double budget) {
		if (this.smoke && what.contains("time")) {
			return;
		}
		double limit = this.smoke ? budget * 10 : budget;
		if (!(value <= limit)) {
			this.missed.add(String.format(Locale.ROOT, "%s is %s, budget %s", what, f2(value), f2(limit)));
		}
	}

	private static String f(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String f2(double value) {
		return String.format(Locale.ROOT, "%,.2f", value);
	}

	/**
	 * One benchmark's result.
	 *
	 * @param name the class and method, such as {@code ChatCallBenchmark.call}
	 * @param instrumentation the {@link Instrumentation} parameter, or empty
	 * @param variant the chunk count or the scrape scenario, or empty
	 * @param threads the threads that ran it
	 * @param score the primary score in the benchmark's unit
	 * @param bytes bytes allocated per operation
	 */
	record Result(String name, String instrumentation, String variant, int threads, double score, double bytes) {

	}

}
