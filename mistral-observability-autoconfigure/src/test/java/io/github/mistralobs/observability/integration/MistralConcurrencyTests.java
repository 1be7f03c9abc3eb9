package io.github.mistralobs.observability.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads calling at once: every count and sum is exact.
 */
class MistralConcurrencyTests extends MistralIntegrationTest {

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 125;

	private static final String MODEL = "mistral-large-latest";

	@Autowired
	private ChatModel chatModel;

	@Test
	void thousandCallsOnEightThreadsSumExactly() throws Exception {
		mistral.chat(MODEL, "ok", 17, 3);
		PrometheusScrape before = scrape();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				results.add(executor.submit(() -> {
					start.await();
					Prompt prompt = new Prompt("Hi", MistralAiChatOptions.builder().model(MODEL).build());
					for (int call = 0; call < CALLS_PER_THREAD; call++) {
						this.chatModel.call(prompt);
					}
					return CALLS_PER_THREAD;
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(CALLS_PER_THREAD);
			}
		}
		finally {
			executor.shutdownNow();
		}
		PrometheusScrape after = scrape();
		int calls = THREADS * CALLS_PER_THREAD;
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.complete", "status",
				"success"))
			.isEqualTo(calls);
		assertThat(delta(before, after, "mistral_request_duration_seconds_count", "model", MODEL)).isEqualTo(calls);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input"))
			.isEqualTo(17 * calls);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "output"))
			.isEqualTo(3 * calls);
		// 17 x 0.50 + 3 x 1.50 USD per million tokens, per call
		assertThat(costDeltaInPicoUsd(before, after, MODEL)).isEqualTo(13_000_000L * calls);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "200"))
			.isEqualTo(calls);
	}

}
