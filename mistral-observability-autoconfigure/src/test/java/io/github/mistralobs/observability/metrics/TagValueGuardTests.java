package io.github.mistralobs.observability.metrics;

import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TagValueGuard}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TagValueGuardTests {

	private final TagValueGuard guard = TagValueGuard.forModels(3, 20, Set.of("priced-a", "priced-b")::contains);

	@Test
	void keepsNamesUpToTheLimitThenRecordsNewOnesAsOther() {
		assertThat(this.guard.tagValue("one")).isEqualTo("one");
		assertThat(this.guard.tagValue("two")).isEqualTo("two");
		assertThat(this.guard.tagValue("three")).isEqualTo("three");
		assertThat(this.guard.tagValue("four")).isEqualTo("other");
		assertThat(this.guard.tagValue("two")).isEqualTo("two");
	}

	@Test
	void pricedModelsAreKeptPastTheLimitAndDoNotUseItUp() {
		IntStream.range(0, 3).forEach((i) -> this.guard.tagValue("model-" + i));
		assertThat(this.guard.tagValue("priced-a")).isEqualTo("priced-a");
		assertThat(this.guard.tagValue("model-9")).isEqualTo("other");
	}

	@Test
	void tenThousandNamesGiveABoundedSetOfValuesAndOneWarning(CapturedOutput output) {
		long distinct = IntStream.range(0, 10_000)
			.mapToObj((i) -> this.guard.tagValue("hostile-" + i))
			.distinct()
			.count();
		assertThat(distinct).isEqualTo(4);
		assertThat(output.getOut().split("max-models", -1)).hasSize(2);
		assertThat(output).contains("mistral.observability.cardinality.max-models");
	}

	@Test
	void cutsLongNamesWithoutSplittingASurrogatePair() {
		assertThat(this.guard.tagValue("x".repeat(50))).hasSize(20);
		String emojiAtTheCut = "y".repeat(19) + "\uD83D\uDE00tail";
		assertThat(this.guard.tagValue(emojiAtTheCut)).isEqualTo("y".repeat(19));
	}

	@Test
	void valuesOutsideTheAllowListAreOtherAndUseUpNothing() {
		TagValueGuard tenants = new TagValueGuard("tenant", "some.property", 2, 20, (value) -> false,
				Set.of("acme", "globex", "initech")::contains);
		assertThat(tenants.tagValue("mallory")).isEqualTo("other");
		assertThat(tenants.tagValue("acme")).isEqualTo("acme");
		assertThat(tenants.tagValue("globex")).isEqualTo("globex");
		assertThat(tenants.tagValue("initech")).isEqualTo("other");
	}

	@Test
	void warningQuotesTheValueWithoutItsControlCharacters(CapturedOutput output) {
		IntStream.range(0, 3).forEach((i) -> this.guard.tagValue("model-" + i));
		this.guard.tagValue("forged\nWARN line");
		assertThat(output).contains("'forged?WARN line'");
	}

	@Test
	void missingNameIsNone() {
		assertThat(this.guard.tagValue(null)).isEqualTo("none");
		assertThat(this.guard.tagValue("")).isEqualTo("none");
	}

}
