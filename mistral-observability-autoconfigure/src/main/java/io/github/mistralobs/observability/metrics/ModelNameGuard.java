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
 * Bounds the values of the {@code model} tag. Names are cut to a maximum length; past a
 * maximum number of distinct names, new ones are recorded under {@code other}, so that
 * sums over all values stay exact while the series stay bounded. Models that have a price
 * are always kept and do not count against the limit.
 */
public final class ModelNameGuard {

	private static final Log logger = LogFactory.getLog(ModelNameGuard.class);

	private final int maxModels;

	private final int maxLength;

	private final Predicate<String> alwaysKept;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean warned = new AtomicBoolean();

	private int unpricedAdmitted;

	private volatile boolean full;

	/**
	 * Create a guard.
	 * @param maxModels how many distinct names without a price are kept
	 * @param maxLength the longest name kept whole, in characters
	 * @param alwaysKept names that are kept whatever the count, such as priced models
	 */
	public ModelNameGuard(int maxModels, int maxLength, Predicate<String> alwaysKept) {
		Assert.isTrue(maxModels > 0, "maxModels must be positive");
		Assert.isTrue(maxLength > 0, "maxLength must be positive");
		this.maxModels = maxModels;
		this.maxLength = maxLength;
		this.alwaysKept = alwaysKept;
	}

	/**
	 * Return the tag value to record a model under.
	 * @param model the model name, or {@code null} if unknown
	 * @return the bounded tag value: the name, cut to length, {@code other} past the
	 * limit, or {@code none} when there is no name
	 */
	public String tagValue(@Nullable String model) {
		if (model == null || model.isEmpty()) {
			return MistralMetrics.Values.NONE;
		}
		String name = truncate(model);
		if (this.admitted.contains(name)) {
			return name;
		}
		if (this.alwaysKept.test(model)) {
			this.admitted.add(name);
			return name;
		}
		return this.full ? overflow(name) : admit(name);
	}

	private synchronized String admit(String name) {
		if (this.admitted.contains(name)) {
			return name;
		}
		if (this.unpricedAdmitted < this.maxModels) {
			this.admitted.add(name);
			this.unpricedAdmitted++;
			return name;
		}
		this.full = true;
		return overflow(name);
	}

	private String overflow(String name) {
		if (this.warned.compareAndSet(false, true)) {
			logger.warn(String.format("Mistral model '%s' and any further new model are recorded as model=\"%s\": "
					+ "the limit of %d distinct models without a price is reached. Raise "
					+ "'mistral.observability.cardinality.max-models' or give the model a price to keep it apart.",
					name, MistralMetrics.Values.OTHER, this.maxModels));
		}
		return MistralMetrics.Values.OTHER;
	}

	private String truncate(String model) {
		if (model.length() <= this.maxLength) {
			return model;
		}
		int end = this.maxLength;
		if (Character.isHighSurrogate(model.charAt(end - 1))) {
			end--;
		}
		return model.substring(0, end);
	}

}
