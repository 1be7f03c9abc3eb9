package io.github.mistralobs.sample.traffic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the built-in traffic generator, which runs only against the simulated API.
 *
 * @param enabled whether to generate traffic in simulated mode
 * @param requestsPerSecond how many calls to start per second, at most
 * {@value #MAX_REQUESTS_PER_SECOND}
 * @param concurrency how many calls may be in flight at once; ticks beyond that are
 * skipped
 */
@ConfigurationProperties("sample.traffic")
public record TrafficProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") double requestsPerSecond,
		@DefaultValue("4") int concurrency) {

	static final int MAX_REQUESTS_PER_SECOND = 20;

	public TrafficProperties {
		Assert.isTrue(requestsPerSecond > 0 && requestsPerSecond <= MAX_REQUESTS_PER_SECOND,
				() -> "'sample.traffic.requests-per-second' must be above 0 and at most " + MAX_REQUESTS_PER_SECOND);
		Assert.isTrue(concurrency > 0 && concurrency <= 32, "'sample.traffic.concurrency' must be between 1 and 32");
	}

}
