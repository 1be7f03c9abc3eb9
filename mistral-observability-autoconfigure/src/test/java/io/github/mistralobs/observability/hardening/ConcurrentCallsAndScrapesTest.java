package io.github.mistralobs.observability.hardening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.test.ExpositionFormat;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers released together, each making calls, streams and failing calls and
 * streams in turn, while another thread scrapes {@code /actuator/prometheus} ten times a
 * second: every count and sum is exact and every scrape is whole and valid. Subclasses
 * say which threads the callers run on.
 */
abstract class ConcurrentCallsAndScrapesTest extends MistralIntegrationTest {

	private static final String CALL_MODEL = "devstral-latest";

	private static final String STREAM_MODEL = "magistral-small-latest";

	private static final String REFUSED_CALL_MODEL = "concurrent-refused-call";

	private static final String REFUSED_STREAM_MODEL = "concurrent-refused-stream";

	@Autowired
	private ChatModel chatModel;

	/**
	 * Return the executor the callers run on.
	 * @param callers how many callers there are
	 * @return the executor
	 */
	abstract ExecutorService callers(int callers);

	/**
	 * Return how many callers to start.
	 * @return the number of callers
	 */
	abstract int callerCount();

	/**
	 * Return how many requests each caller makes, a multiple of four.
	 * @return the number of requests per caller
	 */
	abstract int requestsPerCaller();

	@Test
	void mixedCallsStreamsAndFailuresSumExactlyWhileScrapesStayValid() throws Exception {
		mistral.chat(CALL_MODEL, "ok", 17, 3);
		mistral.stream(STREAM_MODEL, List.of("o", "k"), 23, 5);
		mistral.chatError(REFUSED_CALL_MODEL, false, 400, "Invalid request");
		mistral.chatError(REFUSED_STREAM_MODEL, true, 401, "Unauthorized");
		PrometheusScrape before = scrape();
		Queue<String> scrapeFailures = new ConcurrentLinkedQueue<>();
		AtomicInteger scrapes = new AtomicInteger();
		AtomicBoolean done = new AtomicBoolean();
		Thread scraper = new Thread(() -> scrapeUntilDone(before, done, scrapes, scrapeFailures), "scraper");
		scraper.start();
		try {
			runCallers();
		}
		finally {
			done.set(true);
			scraper.join(TimeUnit.SECONDS.toMillis(10));
		}
		int each = callerCount() * requestsPerCaller() / 4;
		PrometheusScrape after = awaitStreams(before, 2 * each);
		assertThat(scrapeFailures).isEmpty();
		assertThat(scrapes.get()).as("scrapes taken during the run").isPositive();
		assertThat(delta(before, after, "mistral_requests_total", "model", CALL_MODEL, "endpoint", "chat.complete",
				"status", "success"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_tokens_total", "model", CALL_MODEL, "direction", "input"))
			.isEqualTo(17 * each);
		assertThat(delta(before, after, "mistral_tokens_total", "model", CALL_MODEL, "direction", "output"))
			.isEqualTo(3 * each);
		// 17 x 0.40 + 3 x 2.00 USD per million tokens, per call
		assertThat(costDeltaInPicoUsd(before, after, CALL_MODEL)).isEqualTo(12_800_000L * each);
		assertThat(delta(before, after, "mistral_requests_total", "model", STREAM_MODEL, "endpoint", "chat.stream",
				"status", "success"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_tokens_total", "model", STREAM_MODEL, "direction", "input"))
			.isEqualTo(23 * each);
		assertThat(delta(before, after, "mistral_tokens_total", "model", STREAM_MODEL, "direction", "output"))
			.isEqualTo(5 * each);
		// 23 x 0.50 + 5 x 1.50 USD per million tokens, per stream
		assertThat(costDeltaInPicoUsd(before, after, STREAM_MODEL)).isEqualTo(19_000_000L * each);
		assertThat(delta(before, after, "mistral_time_to_first_token_seconds_count", "model", STREAM_MODEL))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_errors_total", "model", REFUSED_CALL_MODEL, "endpoint",
				"chat.complete", "status_code", "400", "error_type", "client"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_errors_total", "model", REFUSED_STREAM_MODEL, "endpoint",
				"chat.stream", "status_code", "401", "error_type", "auth"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_requests_total")).isEqualTo(4 * each);
		assertThat(delta(before, after, "mistral_request_duration_seconds_count")).isEqualTo(4 * each);
		assertThat(delta(before, after, "mistral_errors_total")).isEqualTo(2 * each);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "200"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "400"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.stream", "status_code", "200"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.stream", "status_code", "401"))
			.isEqualTo(each);
		assertThat(delta(before, after, "mistral_attempts_total")).isEqualTo(4 * each);
		assertThat(delta(before, after, "mistral_observability_errors_total")).isZero();
	}

	private void runCallers() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = callers(callerCount());
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int caller = 0; caller < callerCount(); caller++) {
				int first = caller;
				results.add(executor.submit(() -> {
					start.await();
					for (int request = 0; request < requestsPerCaller(); request++) {
						send((first + request) % 4);
					}
					return requestsPerCaller();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(requestsPerCaller());
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void send(int kind) {
		try {
			switch (kind) {
				case 0 -> this.chatModel.call(prompt(CALL_MODEL));
				case 1 -> this.chatModel.stream(prompt(STREAM_MODEL)).blockLast(Duration.ofSeconds(30));
				case 2 -> this.chatModel.call(prompt(REFUSED_CALL_MODEL));
				default -> this.chatModel.stream(prompt(REFUSED_STREAM_MODEL)).blockLast(Duration.ofSeconds(30));
			}
		}
		catch (RuntimeException ex) {
			if (kind < 2) {
				throw ex;
			}
		}
	}

	private void scrapeUntilDone(PrometheusScrape before, AtomicBoolean done, AtomicInteger scrapes,
			Queue<String> failures) {
		double requests = before.sum("mistral_requests_total");
		while (!done.get()) {
			try {
				String text = scrapeText();
				List<String> violations = ExpositionFormat.violations(text);
				if (!violations.isEmpty()) {
					failures.add("invalid scrape: " + violations);
				}
				double now = PrometheusScrape.parse(text).sum("mistral_requests_total");
				if (now < requests) {
					failures.add("requests went down from " + requests + " to " + now);
				}
				requests = now;
				scrapes.incrementAndGet();
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				failures.add("scrape failed: " + ex);
			}
		}
	}

	/**
	 * Scrape until every stream is counted: a stream's observation stops just after its
	 * subscriber is told that it ended.
	 */
	private PrometheusScrape awaitStreams(PrometheusScrape before, int streams) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		PrometheusScrape after = scrape();
		while (delta(before, after, "mistral_requests_total", "endpoint", "chat.stream") < streams
				&& System.nanoTime() < deadline) {
			Thread.onSpinWait();
			after = scrape();
		}
		return after;
	}

	private static Prompt prompt(String model) {
		return new Prompt("Hi", MistralAiChatOptions.builder().model(model).build());
	}

}
