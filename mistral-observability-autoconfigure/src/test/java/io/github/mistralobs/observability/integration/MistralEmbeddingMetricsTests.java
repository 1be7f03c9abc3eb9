package io.github.mistralobs.observability.integration;

import java.util.List;

import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedding requests through Spring AI's real Mistral client.
 */
class MistralEmbeddingMetricsTests extends MistralIntegrationTest {

	@Autowired
	private EmbeddingModel embeddingModel;

	@Test
	void embeddingRequestCountsInputTokensAndCost() {
		mistral.embeddings("mistral-embed", 64);
		PrometheusScrape before = scrape();
		float[] vector = this.embeddingModel.embed(List.of("A sentence to embed")).get(0);
		PrometheusScrape after = scrape();
		assertThat(vector).hasSize(3);
		assertThat(delta(before, after, "mistral_requests_total", "model", "mistral-embed", "endpoint", "embeddings",
				"status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "mistral-embed", "direction", "input"))
			.isEqualTo(64);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "mistral-embed", "direction", "output"))
			.isZero();
		// 64 x 0.10 USD per million tokens
		assertThat(costDeltaInPicoUsd(before, after, "mistral-embed")).isEqualTo(6_400_000L);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "embeddings", "status_code", "200"))
			.isEqualTo(1);
	}

}
