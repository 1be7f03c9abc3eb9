package io.github.mistralobs.observability.pricing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mistral's public list prices, as collected on {@link #AS_OF}. Prices change: users
 * override or extend them with {@code mistral.observability.pricing.models.*}.
 */
public final class DefaultMistralPrices {

	/**
	 * The day the table was collected.
	 */
	public static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);

	private static final Map<String, ModelPrice> PRICES = buildPrices();

	private DefaultMistralPrices() {
	}

	/**
	 * Return the built-in prices by model id.
	 * @return an unmodifiable map of model id to price
	 */
	public static Map<String, ModelPrice> prices() {
		return PRICES;
	}

	private static Map<String, ModelPrice> buildPrices() {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		prices.put("mistral-small-latest", ModelPrice.perMillionTokens("0.10", "0.30"));
		prices.put("mistral-small-2603", ModelPrice.perMillionTokens("0.15", "0.60"));
		prices.put("mistral-medium-latest", ModelPrice.perMillionTokens("1.50", "7.50"));
		prices.put("mistral-large-latest", ModelPrice.perMillionTokens("0.50", "1.50"));
		prices.put("mistral-large-2512", ModelPrice.perMillionTokens("0.50", "1.50"));
		prices.put("codestral-latest", ModelPrice.perMillionTokens("0.30", "0.90"));
		prices.put("devstral-latest", ModelPrice.perMillionTokens("0.40", "2.00"));
		prices.put("ministral-3b-latest", ModelPrice.perMillionTokens("0.10", "0.10"));
		prices.put("ministral-8b-latest", ModelPrice.perMillionTokens("0.15", "0.15"));
		prices.put("ministral-14b-latest", ModelPrice.perMillionTokens("0.20", "0.20"));
		prices.put("pixtral-large-latest", ModelPrice.perMillionTokens("2.00", "6.00"));
		prices.put("pixtral-12b", ModelPrice.perMillionTokens("0.15", "0.15"));
		prices.put("magistral-medium-latest", ModelPrice.perMillionTokens("2.00", "5.00"));
		prices.put("magistral-small-latest", ModelPrice.perMillionTokens("0.50", "1.50"));
		prices.put("mistral-embed", ModelPrice.perMillionTokens("0.10", "0"));
		prices.put("codestral-embed", ModelPrice.perMillionTokens("0.15", "0"));
		return Map.copyOf(prices);
	}

}
