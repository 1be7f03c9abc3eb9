package io.github.mistralobs.observability.observation;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.mistralai.api.MistralAiApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UsageLedger}.
 */
class UsageLedgerTests {

	private final UsageLedger ledger = new UsageLedger();

	@Test
	void takesTheApisOwnRecordAsItIs() {
		assertThat(this.ledger.take(apiUsage(100, 10))).isEqualTo(new TokenCount(100, 10));
	}

	@Test
	void subtractsWhatWasCountedFromASpringAiSum() {
		this.ledger.take(apiUsage(100, 10));
		assertThat(this.ledger.take(new DefaultUsage(250, 30))).isEqualTo(new TokenCount(150, 20));
		assertThat(this.ledger.take(new DefaultUsage(400, 45))).isEqualTo(new TokenCount(150, 15));
	}

	@Test
	void countsTheSameUsageOnlyOnce() {
		DefaultUsage usage = apiUsage(100, 10);
		this.ledger.take(usage);
		assertThat(this.ledger.take(usage)).isEqualTo(TokenCount.NONE);
		assertThat(this.ledger.take(null)).isEqualTo(TokenCount.NONE);
	}

	@Test
	void anEmptyUsageBetweenRoundsNeitherAddsNorResets() {
		this.ledger.take(apiUsage(100, 10));
		assertThat(this.ledger.take(new EmptyUsage())).isEqualTo(TokenCount.NONE);
		assertThat(this.ledger.take(new DefaultUsage(250, 30))).isEqualTo(new TokenCount(150, 20));
	}

	@Test
	void takesEachRoundsOwnRecordWhenSpringAiDidNotSum() {
		this.ledger.take(apiUsage(100, 10));
		assertThat(this.ledger.take(apiUsage(150, 20))).isEqualTo(new TokenCount(150, 20));
	}

	private static DefaultUsage apiUsage(int prompt, int completion) {
		return new DefaultUsage(prompt, completion, prompt + completion,
				new MistralAiApi.Usage(prompt, prompt + completion, completion));
	}

}
