package io.github.mistralobs.observability.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.mistralobs.observability.metrics.MistralMetrics;
import io.github.mistralobs.observability.pricing.DefaultMistralPrices;
import io.github.mistralobs.observability.pricing.ModelPrice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Mistral observability starter. Invalid values fail start-up with a
 * message that names the property.
 */
@ConfigurationProperties(MistralObservabilityProperties.PREFIX)
public class MistralObservabilityProperties implements Validator {

	/**
	 * Prefix of the starter's properties.
	 */
	public static final String PREFIX = "mistral.observability";

	/**
	 * Whether to meter Mistral AI calls.
	 */
	private boolean enabled = true;

	private final Pricing pricing = new Pricing();

	private final Cardinality cardinality = new Cardinality();

	private final Metrics metrics = new Metrics();

	private final Logging logging = new Logging();

	private final Attribution attribution = new Attribution();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Pricing getPricing() {
		return this.pricing;
	}

	public Cardinality getCardinality() {
		return this.cardinality;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Attribution getAttribution() {
		return this.attribution;
	}

	@Override
	public boolean supports(Class<?> type) {
		return MistralObservabilityProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		MistralObservabilityProperties properties = (MistralObservabilityProperties) target;
		properties.pricing.validate(errors);
		properties.cardinality.validate(errors);
		properties.metrics.validate(errors);
		properties.attribution.validate(errors);
	}

	/**
	 * Prices used to estimate spend.
	 */
	public static class Pricing {

		/**
		 * Prices per model id, in USD per million tokens. Entries extend the built-in
		 * table or override its values; a model outside the table needs both prices.
		 */
		private Map<String, Price> models = new LinkedHashMap<>();

		public Map<String, Price> getModels() {
			return this.models;
		}

		public void setModels(Map<String, Price> models) {
			this.models = models;
		}

		/**
		 * Return the user's prices, each completed from the built-in table where a value
		 * is left out.
		 * @return the prices by model id
		 */
		public Map<String, ModelPrice> toModelPrices() {
			Map<String, ModelPrice> prices = new LinkedHashMap<>();
			this.models.forEach((model, price) -> {
				ModelPrice builtIn = DefaultMistralPrices.prices().get(model);
				long input = (price.getInput() != null) ? ModelPrice.picoUsdPerToken(price.getInput())
						: builtIn.inputPicoUsdPerToken();
				long output = (price.getOutput() != null) ? ModelPrice.picoUsdPerToken(price.getOutput())
						: builtIn.outputPicoUsdPerToken();
				prices.put(model, new ModelPrice(input, output));
			});
			return prices;
		}

		void validate(Errors errors) {
			this.models.forEach((model, price) -> {
				boolean builtIn = DefaultMistralPrices.prices().containsKey(model);
				validatePrice(errors, model, "input", price.getInput(), builtIn);
				validatePrice(errors, model, "output", price.getOutput(), builtIn);
			});
		}

		private static void validatePrice(Errors errors, String model, String side, @Nullable BigDecimal value,
				boolean builtIn) {
			String field = "pricing.models[" + model + "]." + side;
			if (value == null) {
				if (!builtIn) {
					errors.rejectValue(field, "required", "must be set (USD per million " + side + " tokens): model '"
							+ model + "' is not in the built-in price table");
				}
			}
			else if (!ModelPrice.isValid(value)) {
				errors.rejectValue(field, "invalid", "must be a price in USD per million tokens, not negative and "
						+ "with at most " + ModelPrice.MAX_SCALE + " decimal places");
			}
		}

	}

	/**
	 * One model's price.
	 */
	public static class Price {

		/**
		 * Price of input (prompt) tokens, in USD per million tokens.
		 */
		@Nullable
		private BigDecimal input;

		/**
		 * Price of output (completion) tokens, in USD per million tokens.
		 */
		@Nullable
		private BigDecimal output;

		@Nullable
		public BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		@Nullable
		public BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

	}

	/**
	 * Limits on the number of series.
	 */
	public static class Cardinality {

		/**
		 * Maximum number of distinct models without a price that get their own series;
		 * further ones are recorded as model="other". Priced models are always kept.
		 */
		private int maxModels = 30;

		/**
		 * Maximum length of a model tag value, in characters; longer names are cut.
		 */
		private int maxLabelLength = 100;

		public int getMaxModels() {
			return this.maxModels;
		}

		public void setMaxModels(int maxModels) {
			this.maxModels = maxModels;
		}

		public int getMaxLabelLength() {
			return this.maxLabelLength;
		}

		public void setMaxLabelLength(int maxLabelLength) {
			this.maxLabelLength = maxLabelLength;
		}

		void validate(Errors errors) {
			if (this.maxModels < 1) {
				errors.rejectValue("cardinality.max-models", "positive", "must be at least 1");
			}
			if (this.maxLabelLength < 8) {
				errors.rejectValue("cardinality.max-label-length", "tooSmall", "must be at least 8");
			}
		}

	}

	/**
	 * Histogram settings.
	 */
	public static class Metrics {

		/**
		 * Bucket boundaries of the request latency histogram, in increasing order.
		 */
		private List<Duration> requestDurationBuckets = List.of(Duration.ofMillis(100), Duration.ofMillis(250),
				Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60));

		/**
		 * Bucket boundaries of the time to first token histogram, in increasing order.
		 */
		private List<Duration> timeToFirstTokenBuckets = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
				Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(5), Duration.ofSeconds(10));

		public List<Duration> getRequestDurationBuckets() {
			return this.requestDurationBuckets;
		}

		public void setRequestDurationBuckets(List<Duration> requestDurationBuckets) {
			this.requestDurationBuckets = requestDurationBuckets;
		}

		public List<Duration> getTimeToFirstTokenBuckets() {
			return this.timeToFirstTokenBuckets;
		}

		public void setTimeToFirstTokenBuckets(List<Duration> timeToFirstTokenBuckets) {
			this.timeToFirstTokenBuckets = timeToFirstTokenBuckets;
		}

		void validate(Errors errors) {
			validateBuckets(errors, "metrics.request-duration-buckets", this.requestDurationBuckets);
			validateBuckets(errors, "metrics.time-to-first-token-buckets", this.timeToFirstTokenBuckets);
		}

		private static void validateBuckets(Errors errors, String field, List<Duration> buckets) {
			if (buckets.isEmpty()) {
				errors.rejectValue(field, "empty", "must name at least one bucket boundary");
				return;
			}
			Duration previous = Duration.ZERO;
			for (Duration bucket : buckets) {
				if (bucket.compareTo(previous) <= 0) {
					errors.rejectValue(field, "notIncreasing",
							"must be positive durations in strictly increasing order, such as 100ms,1s,5s");
					return;
				}
				previous = bucket;
			}
		}

	}

	/**
	 * The request log.
	 */
	public static class Logging {

		/**
		 * Whether to write one log event per Mistral API request.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Attribution of requests, tokens and cost to a value the application chooses.
	 */
	public static class Attribution {

		private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

		private static final Set<String> RESERVED = Set.of(MistralMetrics.Tags.MODEL, MistralMetrics.Tags.ENDPOINT,
				MistralMetrics.Tags.STATUS, MistralMetrics.Tags.STATUS_CODE, MistralMetrics.Tags.ERROR_TYPE,
				MistralMetrics.Tags.DIRECTION, "le", "quantile");

		/**
		 * Name of the tag that carries the attribution value, such as "tenant"; no tag
		 * when not set.
		 */
		@Nullable
		private String tag;

		/**
		 * Maximum number of distinct attribution values that get their own series;
		 * further ones are recorded as "other".
		 */
		private int maxValues = 50;

		/**
		 * Attribution values that may get their own series; any other is recorded as
		 * "other". When empty, any value may, up to max-values.
		 */
		private Set<String> allowedValues = new LinkedHashSet<>();

		@Nullable
		public String getTag() {
			return this.tag;
		}

		public void setTag(@Nullable String tag) {
			this.tag = tag;
		}

		public int getMaxValues() {
			return this.maxValues;
		}

		public void setMaxValues(int maxValues) {
			this.maxValues = maxValues;
		}

		public Set<String> getAllowedValues() {
			return this.allowedValues;
		}

		public void setAllowedValues(Set<String> allowedValues) {
			this.allowedValues = allowedValues;
		}

		void validate(Errors errors) {
			if (this.tag != null && (!LABEL_NAME.matcher(this.tag).matches() || RESERVED.contains(this.tag))) {
				errors.rejectValue("attribution.tag", "invalid",
						"must be a Prometheus label name (letters, digits, underscores) other than " + RESERVED);
			}
			if (this.maxValues < 1) {
				errors.rejectValue("attribution.max-values", "positive", "must be at least 1");
			}
		}

	}

}
