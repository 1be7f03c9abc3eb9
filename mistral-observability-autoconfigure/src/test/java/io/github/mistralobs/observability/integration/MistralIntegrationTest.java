package io.github.mistralobs.observability.integration;

import java.time.Duration;

import io.github.mistralobs.observability.test.MistralApiStub;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the tests that drive Spring AI's real Mistral client against
 * {@link MistralApiStub} and read the metrics back from {@code /actuator/prometheus}. The
 * application context is shared, so tests compare a scrape after their calls with one
 * taken before.
 */
@SpringBootTest(classes = MistralTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.mistralai.api-key=" + MistralIntegrationTest.API_KEY,
				"spring.ai.mistralai.chat.options.model=mistral-small-latest",
				"spring.ai.mistralai.embedding.options.model=mistral-embed", "spring.ai.retry.max-attempts=3",
				"spring.ai.retry.backoff.initial-interval=1ms", "spring.ai.retry.backoff.multiplier=2",
				"spring.ai.retry.backoff.max-interval=2ms", "management.endpoints.web.exposure.include=prometheus",
				"management.tracing.sampling.probability=1.0", "management.otlp.metrics.export.enabled=false",
				"mistral.observability.pricing.models.test-custom-model.input=2.5",
				"mistral.observability.pricing.models.test-custom-model.output=7.25" })
@AutoConfigureObservability
public abstract class MistralIntegrationTest {

	protected static final String API_KEY = "sk-CANARY-api-key-7f3a";

	protected static final MistralApiStub mistral = MistralApiStub.shared();

	@LocalServerPort
	private int port;

	@Autowired
	private ChatModel mistralChatModel;

	@DynamicPropertySource
	static void mistralBaseUrls(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.mistralai.base-url", mistral::baseUrl);
		registry.add("spring.ai.mistralai.chat.base-url", mistral::baseUrl);
		registry.add("spring.ai.mistralai.embedding.base-url", mistral::baseUrl);
	}

	@BeforeEach
	void resetMistralStub() {
		mistral.reset();
	}

	/**
	 * Make one chat call to a model with a short prompt.
	 * @param model the model to ask for
	 * @return the answer's text
	 */
	protected String call(String model) {
		return this.mistralChatModel.call(new Prompt("Hi", MistralAiChatOptions.builder().model(model).build()))
			.getResult()
			.getOutput()
			.getText();
	}

	protected PrometheusScrape scrape() {
		return PrometheusScrape.parse(scrapeText());
	}

	/**
	 * Return the text of one scrape of {@code /actuator/prometheus}.
	 */
	protected String scrapeText() {
		return scrapeText("text/plain");
	}

	/**
	 * Return the text of one scrape of {@code /actuator/prometheus} in the format that a
	 * media type asks for.
	 */
	protected String scrapeText(String accept) {
		return RestClient.create()
			.get()
			.uri("http://localhost:" + this.port + "/actuator/prometheus")
			.header("Accept", accept)
			.retrieve()
			.body(String.class);
	}

	/**
	 * Scrape until a sample has grown, for at most five seconds: a stream's observation
	 * stops just after its subscriber is told that it ended.
	 */
	protected PrometheusScrape scrapeOnceGrown(PrometheusScrape before, String name, String... labels) {
		return awaitScrape(before, Double.MIN_VALUE, name, labels);
	}

	/**
	 * Return how much a sample grew between two scrapes.
	 */
	protected static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	/**
	 * Return how much the cost of a model grew, in whole picodollars.
	 */
	protected static long costDeltaInPicoUsd(PrometheusScrape before, PrometheusScrape after, String model) {
		return Math.round(after.value("mistral_cost_usd_total", "model", model) * 1e12)
				- Math.round(before.value("mistral_cost_usd_total", "model", model) * 1e12);
	}

	/**
	 * Scrape until a sample has grown by the given amount, or five seconds have passed: a
	 * stream's observation stops just after its subscriber is told that it ended.
	 */
	protected PrometheusScrape awaitScrape(PrometheusScrape before, double increase, String name, String... labels) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		PrometheusScrape after = scrape();
		while (delta(before, after, name, labels) < increase && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			after = scrape();
		}
		return after;
	}

}
