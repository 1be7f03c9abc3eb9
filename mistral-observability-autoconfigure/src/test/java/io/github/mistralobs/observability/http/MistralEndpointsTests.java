package io.github.mistralobs.observability.http;

import java.net.URI;
import java.util.List;

import io.github.mistralobs.observability.metrics.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MistralEndpoints}.
 */
class MistralEndpointsTests {

	private final MistralEndpoints endpoints = new MistralEndpoints(
			List.of("https://api.mistral.ai", "http://127.0.0.1:8089/"));

	@Test
	void resolvesTheEndpointOfMistralPaths() {
		assertThat(resolve("https://api.mistral.ai/v1/chat/completions", false)).isEqualTo(Endpoint.CHAT_COMPLETE);
		assertThat(resolve("https://api.mistral.ai/v1/chat/completions", true)).isEqualTo(Endpoint.CHAT_STREAM);
		assertThat(resolve("http://127.0.0.1:8089/v1/embeddings", false)).isEqualTo(Endpoint.EMBEDDINGS);
		assertThat(resolve("https://api.mistral.ai/v1/moderations", false)).isEqualTo(Endpoint.OTHER);
	}

	@Test
	void leavesEveryOtherHostAlone() {
		assertThat(resolve("https://api.openai.com/v1/chat/completions", false)).isNull();
		assertThat(resolve("https://api.mistral.ai.example.com/v1/chat/completions", false)).isNull();
		assertThat(resolve("http://127.0.0.1:80890/v1/embeddings", false)).isNull();
	}

	private Endpoint resolve(String url, boolean streaming) {
		return this.endpoints.resolve(URI.create(url), streaming);
	}

}
