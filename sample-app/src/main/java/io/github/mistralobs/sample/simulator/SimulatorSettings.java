package io.github.mistralobs.sample.simulator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * How the simulated Mistral API misbehaves, bound from {@code sample.simulator.*} before
 * the application context exists.
 *
 * @param rateLimitedRatio share of requests answered with 429 Too Many Requests
 * @param serverErrorRatio share of requests answered with 500, 502 or 503
 * @param authFailureRatio share of requests answered with 401 Unauthorized
 * @param slowRatio share of successful requests that take several times longer
 * @param latencyScale factor applied to every simulated delay, 1 for realistic timing
 */
public record SimulatorSettings(@DefaultValue("0.03") double rateLimitedRatio,
		@DefaultValue("0.02") double serverErrorRatio, @DefaultValue("0") double authFailureRatio,
		@DefaultValue("0.05") double slowRatio, @DefaultValue("1") double latencyScale) {

	static final String PREFIX = "sample.simulator";

	public SimulatorSettings {
		assertRatio("rate-limited-ratio", rateLimitedRatio);
		assertRatio("server-error-ratio", serverErrorRatio);
		assertRatio("auth-failure-ratio", authFailureRatio);
		assertRatio("slow-ratio", slowRatio);
		Assert.isTrue(rateLimitedRatio + serverErrorRatio + authFailureRatio <= 1,
				() -> "The error ratios under '" + PREFIX + "' must add up to at most 1");
		Assert.isTrue(latencyScale >= 0, () -> "'" + PREFIX + ".latency-scale' must not be negative");
	}

	/**
	 * Bind the settings from the given environment, falling back to the defaults.
	 * @param environment the environment to read
	 * @return the bound settings
	 */
	public static SimulatorSettings from(Environment environment) {
		return Binder.get(environment).bindOrCreate(PREFIX, SimulatorSettings.class);
	}

	private static void assertRatio(String name, double value) {
		Assert.isTrue(value >= 0 && value <= 1, () -> "'" + PREFIX + "." + name + "' must be between 0 and 1");
	}

}
