package io.github.mistralobs.observability.hardening;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.observation.MistralRequestLog;
import io.github.mistralobs.observability.test.MistralApiStub;
import io.github.mistralobs.observability.test.PrometheusScrape;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatModel;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Micrometer calls observation handlers without a try/catch, so anything the starter
 * throws would reach the observed call. Here the registry refuses each of the starter's
 * meters in turn, and logging throws: every call still gets its answer (or the API's own
 * error, unchanged), the failure is counted in
 * {@code mistral_observability_errors_total{component}} and logged once.
 */
@TestPropertySource(properties = { "mistral.observability.cardinality.max-models=100",
		"mistral.observability.pricing.models.trap-cost-call.input=1",
		"mistral.observability.pricing.models.trap-cost-call.output=2",
		"mistral.observability.pricing.models.trap-cost-stream.input=1",
		"mistral.observability.pricing.models.trap-cost-stream.output=2" })
@Import(NeverBreaksTheCallTests.TrapConfiguration.class)
class NeverBreaksTheCallTests extends MistralIntegrationTest {

	private static final List<String> CHUNKS = List.of("The ", "answer ", "survives");

	private static final String ANSWER = "The answer survives";

	private static final Map<Predicate<Meter.Id>, RuntimeException> traps = new ConcurrentHashMap<>();

	private final Logger starterLogger = (Logger) LoggerFactory.getLogger("io.github.mistralobs");

	private final ListAppender<ILoggingEvent> starterLog = new ListAppender<>();

	@Autowired
	private ChatModel chatModel;

	@BeforeEach
	void captureTheStartersLog() {
		this.starterLog.start();
		this.starterLogger.addAppender(this.starterLog);
	}

	@AfterEach
	void disarmTrapsAndStopCapturing() {
		traps.clear();
		this.starterLogger.detachAppender(this.starterLog);
	}

	@Test
	void streamWhoseRequestCounterIsRefusedStillDeliversEveryChunkAndItsTokens() {
		mistral.stream("trap-requests", CHUNKS, 13, 7);
		trap("mistral.requests", "model", "trap-requests", new RefusedRequestCounter());
		PrometheusScrape before = scrape();
		assertThat(stream("trap-requests")).isEqualTo(ANSWER);
		assertThat(stream("trap-requests")).isEqualTo(ANSWER);
		PrometheusScrape after = scrapeOnceGrown(before, "mistral_observability_errors_total", "component",
				"observation handler");
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "observation handler"))
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "trap-requests", "direction", "input"))
			.as("taken from the chunks, apart from the refused counter")
			.isEqualTo(26);
		assertLoggedOnce(RefusedRequestCounter.class);
	}

	@Test
	void callAndStreamWhoseAttemptCounterIsRefusedGetTheirAnswers() {
		mistral.answer("trap-attempts", false,
				MistralApiStub.json(MistralApiStub.completion("trap-attempts", ANSWER, 4, 2)).withStatus(203));
		mistral.answer("trap-attempts", true,
				MistralApiStub.sse(MistralApiStub.streamEvents("trap-attempts", CHUNKS, new MistralApiStub.Usage(4, 2)))
					.withStatus(203));
		trap("mistral.attempts", "status_code", "203", new RefusedAttemptCounter());
		PrometheusScrape before = scrape();
		assertThat(call("trap-attempts")).isEqualTo(ANSWER);
		assertThat(stream("trap-attempts")).isEqualTo(ANSWER);
		PrometheusScrape after = scrapeOnceGrown(before, "mistral_requests_total", "endpoint", "chat.stream");
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "http hook"))
			.as("one for the call's RestClient, one for the stream's WebClient")
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_requests_total", "model", "trap-attempts", "status", "success"))
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "trap-attempts", "direction", "input"))
			.isEqualTo(8);
		assertThat(failureWarnings()).extracting(ILoggingEvent::getFormattedMessage)
			.as("one warning: both hooks report as the same component")
			.hasSize(1)
			.allMatch((message) -> message.contains(RefusedAttemptCounter.class.getName()));
	}

	@Test
	void costThatCannotBeRecordedLeavesTheAnswerAndTheTokens() {
		mistral.chat("trap-cost-call", ANSWER, 1000, 100);
		mistral.stream("trap-cost-stream", CHUNKS, 1000, 100);
		trap("mistral.cost", "model", "trap-cost-call", new RefusedCost());
		trap("mistral.cost", "model", "trap-cost-stream", new RefusedCost());
		PrometheusScrape before = scrape();
		assertThat(call("trap-cost-call")).isEqualTo(ANSWER);
		assertThat(stream("trap-cost-stream")).isEqualTo(ANSWER);
		PrometheusScrape after = scrapeOnceGrown(before, "mistral_requests_total", "model", "trap-cost-stream");
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "observation handler"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "chat model advice"))
			.isEqualTo(1);
		for (String model : List.of("trap-cost-call", "trap-cost-stream")) {
			assertThat(delta(before, after, "mistral_requests_total", "model", model, "status", "success"))
				.isEqualTo(1);
			assertThat(delta(before, after, "mistral_tokens_total", "model", model, "direction", "input"))
				.isEqualTo(1000);
			assertThat(delta(before, after, "mistral_tokens_total", "model", model, "direction", "output"))
				.isEqualTo(100);
			assertThat(after.matching("mistral_cost_usd_total", "model", model)).isEmpty();
		}
		assertThat(failureWarnings()).extracting(ILoggingEvent::getFormattedMessage)
			.as("one warning for each of the two components")
			.hasSize(2)
			.allMatch((message) -> message.contains(RefusedCost.class.getName()));
	}

	@Test
	void timeToFirstTokenThatCannotBeRecordedLeavesTheStreamAndItsTokens() {
		mistral.stream("trap-first-token", CHUNKS, 11, 3);
		trap("mistral.time.to.first.token", "model", "trap-first-token", new RefusedTimeToFirstToken());
		PrometheusScrape before = scrape();
		assertThat(stream("trap-first-token")).isEqualTo(ANSWER);
		PrometheusScrape after = scrapeOnceGrown(before, "mistral_requests_total", "model", "trap-first-token");
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "chat model advice"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", "trap-first-token", "status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "trap-first-token", "direction", "input"))
			.isEqualTo(11);
		assertLoggedOnce(RefusedTimeToFirstToken.class);
	}

	@Test
	void errorCounterThatIsRefusedLeavesTheApisOwnErrorUnchanged() {
		mistral.chatError("trap-errors", false, 400, "Invalid model");
		trap("mistral.errors", "model", "trap-errors", new RefusedErrorCounter());
		PrometheusScrape before = scrape();
		assertThatExceptionOfType(NonTransientAiException.class).isThrownBy(() -> call("trap-errors"))
			.withMessage("HTTP 400 - {\"object\":\"error\",\"message\":\"Invalid model\",\"type\":"
					+ "\"invalid_request_error\",\"param\":null,\"code\":\"400\"}")
			.withNoCause();
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "observation handler"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", "trap-errors", "status", "error"))
			.isEqualTo(1);
		assertLoggedOnce(RefusedErrorCounter.class);
	}

	@Test
	void registryThatRefusesEvenTheFailureCounterLeavesTheCallAloneAndStillWarns(@Autowired MeterRegistry registry) {
		mistral.chat("trap-everything", ANSWER, 5, 5);
		// A meter registered by an earlier test would be served without asking the filter
		registry.find("mistral.observability.errors").meters().forEach(registry::remove);
		trap("mistral.requests", "model", "trap-everything", new RefusedEverything());
		traps.put((id) -> id.getName().equals("mistral.observability.errors"), new RefusedEverything());
		PrometheusScrape before = scrape();
		assertThat(call("trap-everything")).isEqualTo(ANSWER);
		assertThat(call("trap-everything")).isEqualTo(ANSWER);
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_observability_errors_total")).isZero();
		assertLoggedOnce(RefusedEverything.class);
	}

	@Test
	void loggingThatThrowsNeverReachesTheCallOrTheStream() {
		mistral.chat("trap-logging-call", ANSWER, 5, 5);
		mistral.stream("trap-logging-stream", CHUNKS, 5, 5);
		LoggerContext loggers = this.starterLogger.getLoggerContext();
		TurboFilter throwingFilter = new ThrowingTurboFilter();
		throwingFilter.start();
		PrometheusScrape before = scrape();
		loggers.addTurboFilter(throwingFilter);
		PrometheusScrape after;
		try {
			// Both models have no price: the starter warns, and the warning throws
			assertThat(call("trap-logging-call")).isEqualTo(ANSWER);
			assertThat(stream("trap-logging-stream")).isEqualTo(ANSWER);
			after = scrapeOnceGrown(before, "mistral_requests_total", "model", "trap-logging-stream");
		}
		finally {
			loggers.getTurboFilterList().remove(throwingFilter);
		}
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "observation handler"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "chat model advice"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "request log"))
			.as("the call's and the stream's log events")
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_requests_total", "model", "trap-logging-call", "status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", "trap-logging-stream", "status", "success"))
			.isEqualTo(1);
	}

	@Test
	void appenderThatThrowsNeverReachesTheCall() {
		mistral.chat("trap-appender", ANSWER, 5, 5);
		AppenderBase<ILoggingEvent> throwingAppender = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				throw new IllegalStateException("Appender broken for the test");
			}

		};
		throwingAppender.setContext(this.starterLogger.getLoggerContext());
		throwingAppender.start();
		PrometheusScrape before = scrape();
		this.starterLogger.addAppender(throwingAppender);
		try {
			// The model has no price: the starter warns, and Logback contains the failure
			assertThat(call("trap-appender")).isEqualTo(ANSWER);
		}
		finally {
			this.starterLogger.detachAppender(throwingAppender);
		}
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "trap-appender", "status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "trap-appender")).isEqualTo(10);
		assertThat(this.starterLog.list)
			.filteredOn((event) -> !event.getLoggerName().equals(MistralRequestLog.LOGGER_NAME))
			.extracting(ILoggingEvent::getFormattedMessage)
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("'trap-appender' has no price");
		assertThat(this.starterLog.list)
			.filteredOn((event) -> event.getLoggerName().equals(MistralRequestLog.LOGGER_NAME))
			.singleElement()
			.extracting(ILoggingEvent::getFormattedMessage, InstanceOfAssertFactories.STRING)
			.contains("trap-appender succeeded");
	}

	@Test
	void callWithoutAModelIsRecordedAsNone(@Autowired RestClient.Builder restClientBuilder,
			@Autowired WebClient.Builder webClientBuilder, @Autowired ObservationRegistry observationRegistry,
			@Autowired RetryTemplate retryTemplate) {
		mistral.chatForAnyModel(ANSWER, 6, 4);
		MistralAiChatModel modelless = MistralAiChatModel.builder()
			.mistralAiApi(MistralAiApi.builder()
				.baseUrl(mistral.baseUrl())
				.apiKey(API_KEY)
				.restClientBuilder(restClientBuilder)
				.webClientBuilder(webClientBuilder)
				.build())
			.defaultOptions(MistralAiChatOptions.builder().build())
			.retryTemplate(retryTemplate)
			.observationRegistry(observationRegistry)
			.build();
		PrometheusScrape before = scrape();
		ChatResponse response = modelless.call(new Prompt("Hi"));
		assertThat(response.getMetadata().getModel()).as("the API named no model either").isNull();
		assertThat(response.getResult().getOutput().getText()).isEqualTo(ANSWER);
		assertThat(call("")).isEqualTo(ANSWER);
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "none", "status", "success")).isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "none", "direction", "input")).isEqualTo(12);
		assertThat(delta(before, after, "mistral_observability_errors_total")).isZero();
		assertThat(mistral.server().getAllServeEvents()).hasSize(2)
			.anyMatch((event) -> !event.getRequest().getBodyAsString().contains("\"model\""));
	}

	private void assertLoggedOnce(Class<? extends RuntimeException> failure) {
		assertThat(failureWarnings()).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).contains(failure.getName())
				.contains("the observed call is unaffected")
				.doesNotContain("for the test");
			assertThat(event.getThrowableProxy()).as("only the type is logged, never the message").isNull();
		});
	}

	private List<ILoggingEvent> failureWarnings() {
		return this.starterLog.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.filter((event) -> event.getFormattedMessage().contains("skipped a measurement"))
			.toList();
	}

	private static void trap(String meter, String tag, String value, RuntimeException failure) {
		traps.put((id) -> id.getName().equals(meter) && value.equals(id.getTag(tag)), failure);
	}

	private String stream(String model) {
		return this.chatModel.stream(new Prompt("Hi", MistralAiChatOptions.builder().model(model).build()))
			.map((chunk) -> chunk.getResult().getOutput().getText())
			.collectList()
			.block(Duration.ofSeconds(10))
			.stream()
			.reduce("", String::concat);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TrapConfiguration {

		@Bean
		MeterFilter trappingMeterFilter() {
			return new MeterFilter() {

				@Override
				public Meter.Id map(Meter.Id id) {
					traps.forEach((matches, failure) -> {
						if (matches.test(id)) {
							throw failure;
						}
					});
					return id;
				}

			};
		}

	}

	/**
	 * Throws for every event of the starter's loggers, as a broken logging set-up would.
	 */
	static class ThrowingTurboFilter extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable t) {
			if (logger.getName().startsWith("io.github.mistralobs")) {
				throw new IllegalStateException("Logging broken for the test");
			}
			return FilterReply.NEUTRAL;
		}

	}

	static class RefusedRequestCounter extends IllegalStateException {

		RefusedRequestCounter() {
			super("Request counter refused for the test");
		}

	}

	static class RefusedAttemptCounter extends IllegalStateException {

		RefusedAttemptCounter() {
			super("Attempt counter refused for the test");
		}

	}

	static class RefusedCost extends IllegalStateException {

		RefusedCost() {
			super("Cost refused for the test");
		}

	}

	static class RefusedTimeToFirstToken extends IllegalStateException {

		RefusedTimeToFirstToken() {
			super("Time to first token refused for the test");
		}

	}

	static class RefusedErrorCounter extends IllegalStateException {

		RefusedErrorCounter() {
			super("Error counter refused for the test");
		}

	}

	static class RefusedEverything extends IllegalStateException {

		RefusedEverything() {
			super("Everything refused for the test");
		}

	}

}
