package io.github.mistralobs.observability.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * Bounds the values of a tag that callers decide, such as {@code model}. Values are cut
 * to a maximum length; past a maximum number of distinct values, new ones are recorded
 * under {@code other}, so that sums over all values stay exact while the series stay
 * bounded. Values the guard always keeps (priced models) do not count against the limit;
 * values outside an allow list, when one is given, always go to {@code other}.
 */
public final class TagValueGuard {

	private static final Log logger = LogFactory.getLog(TagValueGuard.class);

	private final String tagKey;

	private final String limitProperty;

	private final int maxValues;

	private final int maxLength;

	private final Predicate<String> alwaysKept;

	private final Predicate<String> allowed;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean warned = new AtomicBoolean();

	private int countedAdmitted;

	private volatile boolean full;

	/**
	 * Create a guard.
	 * @param tagKey the tag it guards, named in its warning
	 * @param limitProperty the property that raises the limit, named in its warning
	 * @param maxValues how many distinct values are kept, besides those always kept
	 * @param maxLength the longest value kept whole, in characters
	 * @param alwaysKept values kept whatever the count, such as priced models
	 * @param allowed values that may be kept at all; others are recorded as {@code other}
	 */
	public TagValueGuard(String tagKey, String limitProperty, int maxValues, int maxLength,
			Predicate<String> alwaysKept, Predicate<String> allowed) {
		Assert.isTrue(maxValues > 0, "maxValues must be positive");
		Assert.isTrue(maxLength > 0, "maxLength must be positive");
		this.tagKey = tagKey;
		this.limitProperty = limitProperty;
		this.maxValues = maxValues;
		this.maxLength = maxLength;
		this.alwaysKept = alwaysKept;
		this.allowed = allowed;
	}

	/**
	 * Create a guard for the {@code model} tag.
	 * @param maxModels how many distinct models without a price are kept
	 * @param maxLength the longest name kept whole
	 * @param priced whether a model has a price; priced models are always kept
	 * @return the guard
	 */
	public static TagValueGuard forModels(int maxModels, int maxLength, Predicate<String> priced) {
		return new TagValueGuard(MistralMetrics.Tags.MODEL, "mistral.observability.cardinality.max-models", maxModels,
				maxLength, priced, (model) -> true);
	}

	/**
	 * Return the tag value to record a value under.
	 * @param value the value, or {@code null} if unknown
	 * @return the bounded tag value: the value, cut to length, {@code other} past the
	 * limit or outside the allow list, or {@code none} when there is no value
	 */
	public String tagValue(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return MistralMetrics.Values.NONE;
		}
		String cut = truncate(value);
		if (this.admitted.contains(cut)) {
			return cut;
		}
		if (this.alwaysKept.test(value)) {
			this.admitted.add(cut);
			return cut;
		}
		if (!this.allowed.test(value)) {
			return MistralMetrics.Values.OTHER;
		}
		return this.full ? overflow(cut) : admit(cut);
	}

	private synchronized String admit(String value) {
		if (this.admitted.contains(value)) {
			return value;
		}
		if (this.countedAdmitted < this.maxValues) {
			this.admitted.add(value);
			this.countedAdmitted++;
			return value;
		}
		this.full = true;
		return overflow(value);
	}

	private String overflow(String value) {
		if (this.warned.compareAndSet(false, true)) {
			logger.warn(String.format(
					"Mistral %s '%s' and any further new value are recorded as %s=\"%s\": the limit of %d "
							+ "distinct values is reached. Raise '%s' to keep more apart.",
					this.tagKey, LogSafe.text(value), this.tagKey, MistralMetrics.Values.OTHER, this.maxValues,
					this.limitProperty));
		}
		return MistralMetrics.Values.OTHER;
	}

	private String truncate(String value) {
		if (value.length() <= this.maxLength) {
			return value;
		}
		int end = this.maxLength;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

}
