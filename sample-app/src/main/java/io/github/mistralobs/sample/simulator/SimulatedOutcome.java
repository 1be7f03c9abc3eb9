package io.github.mistralobs.sample.simulator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * What the simulator does with one request, rolled from the configured ratios.
 */
enum SimulatedOutcome {

	SUCCESS, SLOW_SUCCESS, RATE_LIMITED, SERVER_ERROR, UNAUTHORIZED;

	static SimulatedOutcome roll(SimulatorSettings settings) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		double dice = random.nextDouble();
		if (dice < settings.authFailureRatio()) {
			return UNAUTHORIZED;
		}
		dice -= settings.authFailureRatio();
		if (dice < settings.rateLimitedRatio()) {
			return RATE_LIMITED;
		}
		dice -= settings.rateLimitedRatio();
		if (dice < settings.serverErrorRatio()) {
			return SERVER_ERROR;
		}
		return (random.nextDouble() < settings.slowRatio()) ? SLOW_SUCCESS : SUCCESS;
	}

	boolean isFailure() {
		return this == RATE_LIMITED || this == SERVER_ERROR || this == UNAUTHORIZED;
	}

	/**
	 * Factor applied to the latency of a successful answer.
	 * @return how many times slower than usual the answer comes
	 */
	double slowdown() {
		return (this == SLOW_SUCCESS) ? ThreadLocalRandom.current().nextDouble(4, 8) : 1;
	}

}
