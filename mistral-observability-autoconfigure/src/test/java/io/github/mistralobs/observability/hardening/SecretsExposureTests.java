package io.github.mistralobs.observability.hardening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.test.MistralApiStub.Usage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canary strings in every place a request's content travels (prompts, completions, tool
 * arguments and results, embedded text, error bodies, an exception's message) and the API
 * key never reach the scrape, the starter's own log at DEBUG, or the key-values of the
 * observations the starter handles, to which it adds none.
 */
@TestPropertySource(
		properties = { "logging.level.io.github.mistralobs=DEBUG", "mistral.observability.cardinality.max-models=100" })
@Import(SecretsExposureTests.RecordingConfiguration.class)
class SecretsExposureTests extends MistralIntegrationTest {

	private static final String CANARY = "CANARY-7c1e";

	private static final String FAILING_MODEL = "secrets-failing-meter";

	private static final Queue<Observation.Context> observed = new ConcurrentLinkedQueue<>();

	private final Logger starterLogger = (Logger) LoggerFactory.getLogger("io.github.mistralobs");

	private final ListAppender<ILoggingEvent> starterLog = new ListAppender<>();

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private EmbeddingModel embeddingModel;

	@BeforeEach
	void captureTheStartersLogAndObservations() {
		observed.clear();
		this.starterLog.start();
		this.starterLogger.addAppender(this.starterLog);
	}

	@AfterEach
	void stopCapturing() {
		this.starterLogger.detachAppender(this.starterLog);
	}

	@Test
	void noCanaryOrApiKeyReachesTheScrapeTheStartersLogOrTheObservations() {
		mistral.chatWithToolCall("secrets-call", "secret", "{\"code\":\"" + CANARY + "-TOOL-ARGUMENT\"}",
				new Usage(10, 2), new Usage(20, 3), CANARY + "-COMPLETION");
		mistral.streamWithToolCall("secrets-stream", "secret", "{\"code\":\"" + CANARY + "-STREAM-TOOL-ARGUMENT\"}",
				new Usage(10, 2), new Usage(20, 3), List.of(CANARY + "-STREAM-", "COMPLETION"));
		mistral.embeddings("mistral-embed", 7);
		mistral.chatError("secrets-refused-call", false, 400, CANARY + "-ERROR-BODY-400");
		mistral.chatError("secrets-failing-call", false, 503, CANARY + "-ERROR-BODY-503");
		mistral.chatError("secrets-refused-stream", true, 401, CANARY + "-ERROR-BODY-401");
		mistral.chat(FAILING_MODEL, CANARY + "-COMPLETION-2", 1, 1);
		String answer = this.chatClientBuilder.build()
			.prompt()
			.options(MistralAiChatOptions.builder().model("secrets-call").build())
			.user(CANARY + "-PROMPT: the code?")
			.tools(new SecretTool())
			.call()
			.content();
		String streamed = String.join("",
				this.chatClientBuilder.build()
					.prompt()
					.options(MistralAiChatOptions.builder().model("secrets-stream").build())
					.user(CANARY + "-STREAM-PROMPT")
					.tools(new SecretTool())
					.stream()
					.content()
					.collectList()
					.block(Duration.ofSeconds(10)));
		float[] embedding = this.embeddingModel.embed(CANARY + "-EMBEDDED-TEXT");
		List<Throwable> failures = new ArrayList<>();
		for (String model : List.of("secrets-refused-call", "secrets-failing-call")) {
			try {
				this.chatModel.call(prompt(model));
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		try {
			this.chatModel.stream(prompt("secrets-refused-stream")).blockLast(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			failures.add(ex);
		}
		this.chatModel.call(prompt(FAILING_MODEL));
		String scrape = scrapeOnceGrown(scrape(), "mistral_requests_total", "model", "secrets-refused-stream").text();
		assertThat(answer).isEqualTo(CANARY + "-COMPLETION");
		assertThat(streamed).isEqualTo(CANARY + "-STREAM-COMPLETION");
		assertThat(embedding).hasSize(3);
		assertThat(failures).as("each error reached its caller with the API's body").hasSize(3);
		assertThat(scrape).contains("mistral_requests_total{")
			.contains("mistral_observability_errors_total{")
			.doesNotContain(CANARY)
			.doesNotContain(API_KEY);
		assertThat(this.starterLog.list).as("the starter logged, at DEBUG and above")
			.anyMatch((event) -> event.getFormattedMessage().contains("skipped a measurement"))
			.allSatisfy((event) -> assertThat(everythingIn(event)).doesNotContain(CANARY).doesNotContain(API_KEY));
		assertThat(observed).as("Mistral observations the starter handled").hasSizeGreaterThanOrEqualTo(8);
		for (Observation.Context context : observed) {
			assertThat(context.getAllKeyValues()).extracting(KeyValue::getValue)
				.noneMatch((value) -> value.contains(CANARY) || value.contains(API_KEY));
			assertThat(context.getAllKeyValues()).extracting(KeyValue::getKey)
				.as("keys of Spring AI's own conventions only")
				.allMatch(documentedKeys(context)::contains);
		}
	}

	private static Set<String> documentedKeys(Observation.Context context) {
		Stream<KeyName> keys = (context instanceof ChatModelObservationContext)
				? Stream.concat(Arrays.stream(ChatModelObservationDocumentation.LowCardinalityKeyNames.values()),
						Arrays.stream(ChatModelObservationDocumentation.HighCardinalityKeyNames.values()))
				: Stream.concat(Arrays.stream(EmbeddingModelObservationDocumentation.LowCardinalityKeyNames.values()),
						Arrays.stream(EmbeddingModelObservationDocumentation.HighCardinalityKeyNames.values()));
		return keys.map(KeyName::asString).collect(Collectors.toSet());
	}

	private static String everythingIn(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage()).append(event.getMDCPropertyMap());
		if (event.getArgumentArray() != null) {
			text.append(Arrays.toString(event.getArgumentArray()));
		}
		if (event.getKeyValuePairs() != null) {
			text.append(event.getKeyValuePairs());
		}
		for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			text.append(thrown.getClassName()).append(thrown.getMessage());
		}
		return text.toString();
	}

	private static Prompt prompt(String model) {
		return new Prompt(CANARY + "-PROMPT-" + model, MistralAiChatOptions.builder().model(model).build());
	}

	/**
	 * A tool whose result is secret too.
	 */
	static class SecretTool {

		@Tool(description = "Returns the secret for a code")
		String secret(String code) {
			return CANARY + "-TOOL-RESULT for " + code;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		@Bean
		ObservationHandler<Observation.Context> recordingMistralObservations() {
			return new ObservationHandler<>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof ChatModelObservationContext
							|| context instanceof EmbeddingModelObservationContext;
				}

				@Override
				public void onStart(Observation.Context context) {
					observed.add(context);
				}

			};
		}

		@Bean
		MeterFilter failingWithASecretInItsMessage() {
			return new MeterFilter() {

				@Override
				public Meter.Id map(Meter.Id id) {
					if (FAILING_MODEL.equals(id.getTag("model"))) {
						throw new IllegalStateException(CANARY + "-EXCEPTION-MESSAGE " + API_KEY);
					}
					return id;
				}

			};
		}

	}

}
