package io.github.mistralobs.observability.pricing;

import java.math.BigDecimal;

import org.springframework.util.Assert;

/**
 * The list price of one model, in USD per million tokens, held as whole picodollars per
 * token so that cost is summed in integers and never rounds on the way.
 *
 * @param inputPicoUsdPerToken price of one input token in 10<sup>-12</sup> USD
 * @param outputPicoUsdPerToken price of one output token in 10<sup>-12</sup> USD
 */
public record ModelPrice(long inputPicoUsdPerToken, long outputPicoUsdPerToken) {

	/**
	 * The most decimal places a price per million tokens may have: one more would be a
	 * fraction of a picodollar per token.
	 */
	public static final int MAX_SCALE = 6;

	/**
	 * Picodollars in one USD.
	 */
	public static final double PICO_USD_PER_USD = 1e12;

	public ModelPrice {
		Assert.isTrue(inputPicoUsdPerToken >= 0, "Input price must not be negative");
		Assert.isTrue(outputPicoUsdPerToken >= 0, "Output price must not be negative");
	}

	/**
	 * Create a price from list prices in USD per million tokens.
	 * @param inputUsdPerMillion the input price
	 * @param outputUsdPerMillion the output price
	 * @return the price
	 * @throws IllegalArgumentException if a price is negative or has more than
	 * {@value #MAX_SCALE} decimal places
	 */
	public static ModelPrice perMillionTokens(BigDecimal inputUsdPerMillion, BigDecimal outputUsdPerMillion) {
		return new ModelPrice(picoUsdPerToken(inputUsdPerMillion), picoUsdPerToken(outputUsdPerMillion));
	}

	/**
	 * Create a price from list prices in USD per million tokens.
	 * @param inputUsdPerMillion the input price, such as {@code "0.10"}
	 * @param outputUsdPerMillion the output price
	 * @return the price
	 */
	public static ModelPrice perMillionTokens(String inputUsdPerMillion, String outputUsdPerMillion) {
		return perMillionTokens(new BigDecimal(inputUsdPerMillion), new BigDecimal(outputUsdPerMillion));
	}

	/**
	 * Return whether a list price in USD per million tokens can be held exactly.
	 * @param usdPerMillion the price
	 * @return whether it is not negative and has at most {@value #MAX_SCALE} decimal
	 * places
	 */
	public static boolean isValid(BigDecimal usdPerMillion) {
		return usdPerMillion.signum() >= 0 && usdPerMillion.stripTrailingZeros().scale() <= MAX_SCALE;
	}

	/**
	 * Return the cost of a request in picodollars.
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @return the cost in 10<sup>-12</sup> USD
	 */
	public long costInPicoUsd(long inputTokens, long outputTokens) {
		return inputTokens * this.inputPicoUsdPerToken + outputTokens * this.outputPicoUsdPerToken;
	}

	/**
	 * Convert a list price in USD per million tokens to picodollars per token.
	 * @param usdPerMillion the price
	 * @return the price of one token in 10<sup>-12</sup> USD
	 * @throws IllegalArgumentException if the price is negative or has more than
	 * {@value #MAX_SCALE} decimal places
	 */
	public static long picoUsdPerToken(BigDecimal usdPerMillion) {
		Assert.isTrue(isValid(usdPerMillion), () -> "Price " + usdPerMillion.toPlainString()
				+ " must not be negative and must have at most " + MAX_SCALE + " decimal places");
		return usdPerMillion.movePointRight(MAX_SCALE).longValueExact();
	}

}
