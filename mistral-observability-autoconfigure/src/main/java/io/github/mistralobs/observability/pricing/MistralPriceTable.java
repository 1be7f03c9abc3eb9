package io.github.mistralobs.observability.pricing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * Looks up the price of a model: the built-in table overlaid with the user's entries.
 */
public final class MistralPriceTable {

	private final Map<String, ModelPrice> prices;

	/**
	 * Create a table from the built-in prices and the user's entries.
	 * @param defaults the built-in prices
	 * @param overrides the user's prices, which win over the defaults
	 */
	public MistralPriceTable(Map<String, ModelPrice> defaults, Map<String, ModelPrice> overrides) {
		Map<String, ModelPrice> merged = new HashMap<>(defaults);
		merged.putAll(overrides);
		this.prices = Map.copyOf(merged);
	}

	/**
	 * Return the price of a model.
	 * @param model the model id as requested
	 * @return the price, or {@code null} if the model has none
	 */
	@Nullable
	public ModelPrice priceOf(@Nullable String model) {
		return (model != null) ? this.prices.get(model) : null;
	}

	/**
	 * Return whether a model has a price.
	 * @param model the model id
	 * @return whether a price is known
	 */
	public boolean isPriced(@Nullable String model) {
		return priceOf(model) != null;
	}

}
