package io.github.mistralobs.observability.pricing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ModelPrice}.
 */
class ModelPriceTests {

	@Test
	void costIsExactInPicodollars() {
		ModelPrice price = ModelPrice.perMillionTokens("0.10", "0.30");
		assertThat(price.costInPicoUsd(12, 5)).isEqualTo(2_700_000L);
		assertThat(price.costInPicoUsd(1_000_000, 1_000_000)).isEqualTo(400_000_000_000L);
	}

	@Test
	void acceptsSixDecimalPlaces() {
		assertThat(ModelPrice.perMillionTokens("0.000001", "0.015").inputPicoUsdPerToken()).isEqualTo(1);
		assertThat(ModelPrice.isValid(new BigDecimal("1.5000000"))).isTrue();
	}

	@Test
	void refusesNegativePricesAndFractionsOfAPicodollar() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.perMillionTokens("-0.1", "0.1"))
			.withMessageContaining("must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.perMillionTokens("0.0000001", "0.1"))
			.withMessageContaining("6 decimal places");
	}

	@Test
	void builtInTableCarriesItsDateAndEmbeddingModels() {
		assertThat(DefaultMistralPrices.AS_OF).isNotNull();
		assertThat(DefaultMistralPrices.prices()).containsKeys("mistral-small-latest", "codestral-latest",
				"mistral-embed");
		assertThat(DefaultMistralPrices.prices().get("mistral-embed").outputPicoUsdPerToken()).isZero();
	}

}
