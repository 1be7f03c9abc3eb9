package io.github.mistralobs.observability.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.test.ExpositionFormat;
import io.github.mistralobs.observability.test.PrometheusScrape;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand distinct model names through the real client, as a misbehaving caller
 * might send: the starter's series stop at the limit plus {@code other}, it warns once,
 * and every total stays exact. Spring AI's own {@code gen_ai_*} meters are not bounded,
 * so the context is closed afterwards.
 */
// Without the request log: ten thousand INFO lines would bury the build's output
@TestPropertySource(properties = { "mistral.observability.cardinality.max-models=" + ModelFloodTests.MAX_MODELS,
		"mistral.observability.logging.enabled=false" })
@DirtiesContext
class ModelFloodTests extends MistralIntegrationTest {

	static final int MAX_MODELS = 25;

	private static final int MODELS = 10_000;

	private static final int THREADS = 4;

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private MeterRegistry registry;

	@Test
	void tenThousandModelsStayWithinTheLimitAndTheirTotalsStayExact() throws Exception {
		mistral.chatForAnyModel("ok", 2, 1);
		mistral.chat("mistral-small-latest", "warm", 1, 1);
		this.chatModel.call(new Prompt("Warm up"));
		Logger starterLogger = (Logger) LoggerFactory.getLogger("io.github.mistralobs");
		ListAppender<ILoggingEvent> starterLog = new ListAppender<>();
		starterLog.start();
		starterLogger.addAppender(starterLog);
		long metersBefore = starterMeters();
		PrometheusScrape before = scrape();
		try {
			callEveryModel();
		}
		finally {
			starterLogger.detachAppender(starterLog);
		}
		String text = scrapeText();
		PrometheusScrape after = PrometheusScrape.parse(text);
		assertThat(delta(before, after, "mistral_requests_total", "endpoint", "chat.complete", "status", "success"))
			.isEqualTo(MODELS);
		assertThat(delta(before, after, "mistral_requests_total", "model", "other")).isEqualTo(MODELS - MAX_MODELS);
		assertThat(after.matching("mistral_requests_total")
			.stream()
			.map((sample) -> sample.labels().get("model"))
			.filter((model) -> model.startsWith("flood-"))
			.distinct()).hasSize(MAX_MODELS);
		assertThat(delta(before, after, "mistral_request_duration_seconds_count")).isEqualTo(MODELS);
		assertThat(delta(before, after, "mistral_tokens_total", "direction", "input")).isEqualTo(2 * MODELS);
		assertThat(delta(before, after, "mistral_tokens_total", "direction", "output")).isEqualTo(MODELS);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "200"))
			.isEqualTo(MODELS);
		assertThat(delta(before, after, "mistral_observability_errors_total")).isZero();
		assertThat(starterMeters() - metersBefore)
			.as("a request counter, a latency timer and two token counters for each kept model and other")
			.isEqualTo(4 * (MAX_MODELS + 1));
		assertThat(starterLog.list).filteredOn((event) -> event.getLevel() == Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.filteredOn((message) -> message.contains("mistral.observability.cardinality.max-models"))
			.singleElement()
			.asString()
			.contains("limit of " + MAX_MODELS + " distinct values");
		assertThat(ExpositionFormat.violations(text)).isEmpty();
	}

	private void callEveryModel() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				int first = thread;
				results.add(executor.submit(() -> {
					start.await();
					for (int model = first; model < MODELS; model += THREADS) {
						this.chatModel.call(new Prompt("Hi",
								MistralAiChatOptions.builder().model(String.format("flood-%05d", model)).build()));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private long starterMeters() {
		return this.registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("mistral."))
			.count();
	}

}
