package io.github.mistralobs.observability.integration;

import java.util.stream.IntStream;

import io.github.mistralobs.observability.test.MistralApiStub.Usage;
import io.github.mistralobs.observability.test.PrometheusScrape;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cardinality guard with the real client, and the starter's promises never to break a
 * call nor to leak a request's content or the API key.
 */
@TestPropertySource(properties = { "mistral.observability.cardinality.max-models=2",
		"mistral.observability.pricing.models.test-broken-registry.input=1",
		"mistral.observability.pricing.models.test-broken-registry.output=1",
		"logging.level.io.github.mistralobs=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
@Import(MistralGuardAndSafetyTests.RefusingRegistryConfiguration.class)
class MistralGuardAndSafetyTests extends MistralIntegrationTest {

	private static final String BROKEN_MODEL = "test-broken-registry";

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Test
	void manyDistinctModelsAreBoundedAndTheirSumsStayExact(CapturedOutput output) {
		mistral.chat("hostile-", "ok", 10, 1);
		PrometheusScrape before = scrape();
		IntStream.range(0, 20).forEach((i) -> call("hostile-" + i));
		PrometheusScrape after = scrape();
		assertThat(after.matching("mistral_requests_total")
			.stream()
			.map((sample) -> sample.labels().get("model"))
			.filter((model) -> model.startsWith("hostile-"))
			.distinct()).hasSize(2);
		assertThat(delta(before, after, "mistral_requests_total", "model", "other")).isEqualTo(18);
		assertThat(delta(before, after, "mistral_requests_total", "endpoint", "chat.complete")).isEqualTo(20);
		assertThat(delta(before, after, "mistral_tokens_total", "direction", "input")).isEqualTo(200);
		assertThat(output.getOut().split("cardinality.max-models", -1)).hasSize(2);
	}

	@Test
	void registryThatRefusesAMeterNeverReachesTheCaller(CapturedOutput output) {
		mistral.chat(BROKEN_MODEL, "The answer survives", 5, 5);
		PrometheusScrape before = scrape();
		assertThat(call(BROKEN_MODEL)).isEqualTo("The answer survives");
		assertThat(call(BROKEN_MODEL)).isEqualTo("The answer survives");
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_observability_errors_total", "component", "observation handler"))
			.isEqualTo(2);
		assertThat(output.getOut().split("skipped a measurement", -1)).hasSize(2);
		assertThat(output).doesNotContain("refused for the test");
	}

	@Test
	void noPromptCompletionToolArgumentOrApiKeyReachesTheScrapeOrTheLog(CapturedOutput output) {
		mistral.chatWithToolCall("mistral-small-latest", "weather", "{\"city\":\"CANARY-TOOL-ARG\"}", new Usage(10, 2),
				new Usage(20, 3), "CANARY-COMPLETION");
		String answer = this.chatClientBuilder.build()
			.prompt("CANARY-PROMPT: weather?")
			.tools(new WeatherTool())
			.call()
			.content();
		mistral.chatError("test-err-canary", false, 400, "CANARY-ERROR-BODY");
		try {
			call("test-err-canary");
		}
		catch (RuntimeException ex) {
			// expected: the API refused the request
		}
		String scrape = scrape().text();
		assertThat(answer).isEqualTo("CANARY-COMPLETION");
		assertThat(scrape).contains("mistral_requests_total").doesNotContain("CANARY").doesNotContain(API_KEY);
		assertThat(output).doesNotContain("CANARY-PROMPT")
			.doesNotContain("CANARY-COMPLETION")
			.doesNotContain("CANARY-TOOL-ARG")
			.doesNotContain(API_KEY);
		assertThat(output.getOut().lines().filter((line) -> line.contains("i.g.m.o.") || line.contains("mistralobs")))
			.as("the starter's own log lines, at DEBUG")
			.noneMatch((line) -> line.contains("CANARY"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RefusingRegistryConfiguration {

		@Bean
		MeterFilter refuseOneModelsRequestCounter() {
			return new MeterFilter() {

				@Override
				public Meter.Id map(Meter.Id id) {
					if ("mistral.requests".equals(id.getName()) && BROKEN_MODEL.equals(id.getTag("model"))) {
						throw new IllegalStateException("Meter refused for the test");
					}
					return id;
				}

			};
		}

	}

}
