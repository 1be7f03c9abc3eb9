package io.github.mistralobs.observability.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the latest rate-limit headers of the Mistral API's answers as gauges, such as
 * {@code x-ratelimit-remaining-tokens-minute}, so that an alert can fire before requests
 * are refused. A header the API never sent gets no gauge.
 */
public final class MistralRateLimits {

	/**
	 * The latest limit per window; exported as {@code mistral_ratelimit_limit}.
	 */
	public static final String LIMIT = "mistral.ratelimit.limit";

	/**
	 * The latest remaining budget per window; exported as
	 * {@code mistral_ratelimit_remaining}.
	 */
	public static final String REMAINING = "mistral.ratelimit.remaining";

	private static final String HEADER_PREFIX = "x-ratelimit-";

	private static final Pattern HEADER = Pattern
		.compile("x-ratelimit-(limit|remaining)-(req|tokens)-([a-z0-9-]{1,16})");

	private static final int MAX_GAUGES = 16;

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

	/**
	 * Create the gauges' holder.
	 * @param registry where gauges are registered
	 */
	public MistralRateLimits(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Return whether a header may carry a rate limit, as a quick test before
	 * {@link #update(String, String)}.
	 * @param headerName the header's name
	 * @return whether it starts with {@code x-ratelimit-}, in any case
	 */
	public static boolean isRateLimitHeader(String headerName) {
		return headerName.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length());
	}

	/**
	 * Take the value of one response header; headers that are not rate limits, and values
	 * that are not whole numbers, are ignored.
	 * @param headerName the header's name
	 * @param value the header's value
	 */
	public void update(String headerName, String value) {
		long count;
		try {
			count = Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			// Not a count: keep the last value seen
			return;
		}
		String name = headerName.toLowerCase(Locale.ROOT);
		AtomicLong gauge = this.values.get(name);
		if (gauge != null) {
			gauge.set(count);
		}
		else {
			register(name, count);
		}
	}

	private void register(String name, long count) {
		Matcher matcher = HEADER.matcher(name);
		if (!matcher.matches() || this.values.size() >= MAX_GAUGES) {
			return;
		}
		this.values.computeIfAbsent(name, (key) -> {
			AtomicLong value = new AtomicLong(count);
			Gauge.builder(matcher.group(1).equals("limit") ? LIMIT : REMAINING, value, AtomicLong::doubleValue)
				.description("Latest rate limit the Mistral API reported")
				.tag("resource", matcher.group(2).equals("req") ? "requests" : "tokens")
				.tag("window", matcher.group(3))
				.strongReference(true)
				.register(this.registry);
			return value;
		}).set(count);
	}

}
