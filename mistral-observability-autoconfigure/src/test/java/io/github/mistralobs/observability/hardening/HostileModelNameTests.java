package io.github.mistralobs.observability.hardening;

import java.util.List;

import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.test.ExpositionFormat;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model names no one should send, sent through the real client: the scrape stays valid
 * Prometheus text, every name comes back whole or cut to
 * {@code mistral.observability.cardinality.max-label-length}, and never splits a
 * character.
 */
@TestPropertySource(
		properties = { "mistral.observability.cardinality.max-label-length=" + HostileModelNameTests.MAX_LENGTH,
				"mistral.observability.cardinality.max-models=50" })
class HostileModelNameTests extends MistralIntegrationTest {

	static final int MAX_LENGTH = 40;

	private static final String EMOJI = "\uD83D\uDE00";

	@Test
	void hostileNamesKeepTheScrapeValidAndComeBackCutToTheLimit() {
		mistral.chatForAnyModel("ok", 3, 2);
		List<String> names = List.of("hostile-" + "x".repeat(5000), "hostile-\"quoted\"-'single'",
				"hostile-back\\slash\\n-not-a-newline\\", "hostile-new\nline\r\nand\ttab", "hostile-modèle-日本語-Ωμέγα",
				"h" + EMOJI.repeat(30), "hostile-{le=\"+Inf\"},model=\"x\"} 1",
				"hostile-nul\u0000-del\u007f-bell\u0007", "hostile-# HELP mistral_requests_total fake", " ");
		PrometheusScrape before = scrape();
		names.forEach(this::call);
		String text = scrapeText();
		PrometheusScrape after = PrometheusScrape.parse(text);
		assertThat(ExpositionFormat.violations(text)).isEmpty();
		for (String name : names) {
			String expected = (name.length() <= MAX_LENGTH) ? name : name.substring(0, MAX_LENGTH);
			if (Character.isHighSurrogate(expected.charAt(expected.length() - 1))) {
				expected = expected.substring(0, expected.length() - 1);
			}
			assertThat(delta(before, after, "mistral_requests_total", "model", expected, "status", "success"))
				.as("requests of %s", expected)
				.isEqualTo(1);
			assertThat(delta(before, after, "mistral_tokens_total", "model", expected, "direction", "input"))
				.isEqualTo(3);
		}
		assertThat(after.matching("mistral_requests_total")).extracting((sample) -> sample.labels().get("model"))
			.allSatisfy((model) -> assertThat(model.length()).isLessThanOrEqualTo(MAX_LENGTH));
		assertThat(after.value("mistral_requests_total", "model", "h" + EMOJI.repeat(19), "status", "success"))
			.as("cut before the pair that straddles the limit")
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total")).isEqualTo(names.size());
		assertThat(delta(before, after, "mistral_observability_errors_total")).isZero();
	}

}
