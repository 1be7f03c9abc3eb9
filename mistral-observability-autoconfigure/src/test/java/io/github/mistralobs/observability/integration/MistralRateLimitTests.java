package io.github.mistralobs.observability.integration;

import java.util.Map;

import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate-limit headers of the API's answers become gauges of the latest values.
 */
class MistralRateLimitTests extends MistralIntegrationTest {

	@Test
	void latestRateLimitHeadersAreGauges() {
		mistral.chat("test-ratelimit", "ok", 1, 1,
				Map.of("x-ratelimit-limit-req-minute", "60", "x-ratelimit-remaining-req-minute", "59",
						"X-RateLimit-Limit-Tokens-Minute", "500000", "x-ratelimit-remaining-tokens-minute", "499000",
						"x-ratelimit-remaining-tokens-month", "not-a-number"));
		call("test-ratelimit");
		mistral.chat("test-ratelimit", "ok", 1, 1, Map.of("x-ratelimit-remaining-req-minute", "58"));
		call("test-ratelimit");
		PrometheusScrape scrape = scrape();
		assertThat(scrape.value("mistral_ratelimit_limit", "resource", "requests", "window", "minute")).isEqualTo(60);
		assertThat(scrape.value("mistral_ratelimit_remaining", "resource", "requests", "window", "minute"))
			.isEqualTo(58);
		assertThat(scrape.value("mistral_ratelimit_limit", "resource", "tokens", "window", "minute")).isEqualTo(500000);
		assertThat(scrape.value("mistral_ratelimit_remaining", "resource", "tokens", "window", "minute"))
			.isEqualTo(499000);
		assertThat(scrape.matching("mistral_ratelimit_remaining", "window", "month")).isEmpty();
	}

}
