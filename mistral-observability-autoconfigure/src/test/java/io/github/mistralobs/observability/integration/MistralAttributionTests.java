package io.github.mistralobs.observability.integration;

import java.util.List;
import java.util.stream.IntStream;

import io.github.mistralobs.observability.attribution.MistralAttribution;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.util.context.Context;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests, tokens and cost attributed to a tenant, with the tenant tag guarded like the
 * model tag.
 */
@TestPropertySource(properties = { "mistral.observability.attribution.tag=tenant",
		"mistral.observability.attribution.max-values=3" })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MistralAttributionTests extends MistralIntegrationTest {

	private static final String MODEL = "mistral-small-latest";

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Test
	void callInAnAttributionScopeCarriesTheTenant() {
		mistral.chat(MODEL, "ok", 100, 10);
		PrometheusScrape before = scrape();
		try (MistralAttribution.Scope scope = MistralAttribution.open("acme")) {
			this.chatModel.call(new Prompt("Hi"));
		}
		this.chatModel.call(new Prompt("Hi"));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "tenant", "acme")).isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "tenant", "none")).isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "tenant", "acme", "direction", "input")).isEqualTo(100);
		assertThat(Math.round(delta(before, after, "mistral_cost_usd_total", "tenant", "acme") * 1e12))
			.isEqualTo(100 * 100_000L + 10 * 300_000L);
	}

	@Test
	void chatClientAdvisorParameterAttributesCallsAndStreams() {
		mistral.chat(MODEL, "ok", 7, 1);
		mistral.stream(MODEL, List.of("o", "k"), 9, 2);
		PrometheusScrape before = scrape();
		ChatClient chatClient = this.chatClientBuilder.build();
		chatClient.prompt("Hi")
			.advisors((advisors) -> advisors.param(MistralAttribution.KEY, "globex"))
			.call()
			.content();
		chatClient.prompt("Hi")
			.advisors((advisors) -> advisors.param(MistralAttribution.KEY, "globex"))
			.stream()
			.content()
			.blockLast();
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "tenant", "globex", "endpoint", "chat.complete"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "tenant", "globex", "direction", "input"))
			.isEqualTo(7 + 9);
	}

	@Test
	void streamTakesTheTenantFromTheReactorContext() {
		mistral.stream(MODEL, List.of("o", "k"), 4, 2);
		PrometheusScrape before = scrape();
		this.chatModel.stream(new Prompt("Hi")).contextWrite(Context.of(MistralAttribution.KEY, "initech")).blockLast();
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_tokens_total", "tenant", "initech", "direction", "input"))
			.isEqualTo(4);
	}

	@Test
	@Order(Integer.MAX_VALUE) // last: it fills the shared context's tenant limit
	void tenantsPastTheLimitAreOtherAndSumsStayExact(CapturedOutput output) {
		mistral.chat("test-tenants", "ok", 10, 0);
		PrometheusScrape before = scrape();
		IntStream.range(0, 40).forEach((i) -> {
			try (MistralAttribution.Scope scope = MistralAttribution.open("tenant-" + i)) {
				this.chatModel.call(new Prompt("Hi", MistralAiChatOptions.builder().model("test-tenants").build()));
			}
		});
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-tenants")).isEqualTo(40);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "test-tenants", "direction", "input"))
			.isEqualTo(400);
		assertThat(after.matching("mistral_requests_total", "model", "test-tenants")
			.stream()
			.map((sample) -> sample.labels().get("tenant"))
			.filter((tenant) -> tenant.startsWith("tenant-"))).hasSizeLessThanOrEqualTo(3);
		assertThat(after.value("mistral_requests_total", "model", "test-tenants", "tenant", "other")).isPositive();
		assertThat(output.getOut().split("attribution.max-values", -1)).hasSize(2);
	}

}
