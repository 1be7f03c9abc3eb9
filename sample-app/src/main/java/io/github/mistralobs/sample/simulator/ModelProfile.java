package io.github.mistralobs.sample.simulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Speed and answer length of a simulated model, loosely modelled on what the real models
 * show: larger models start later and produce tokens more slowly.
 *
 * @param firstTokenMillis typical delay before the first token
 * @param millisPerToken typical time to generate one output token
 * @param minOutputTokens shortest answer in tokens
 * @param maxOutputTokens longest answer in tokens
 */
record ModelProfile(int firstTokenMillis, int millisPerToken, int minOutputTokens, int maxOutputTokens) {

	private static final ModelProfile SMALL = new ModelProfile(180, 6, 30, 220);

	private static final ModelProfile MEDIUM = new ModelProfile(350, 12, 60, 400);

	private static final ModelProfile LARGE = new ModelProfile(550, 18, 80, 500);

	static ModelProfile forModel(String model) {
		if (model.contains("large")) {
			return LARGE;
		}
		if (model.contains("small") || model.contains("ministral")) {
			return SMALL;
		}
		return MEDIUM;
	}

	int pickOutputTokens() {
		return ThreadLocalRandom.current().nextInt(this.minOutputTokens, this.maxOutputTokens + 1);
	}

	Duration timeToFirstToken(double scale) {
		return jittered(this.firstTokenMillis, scale);
	}

	Duration generationTime(int outputTokens, double scale) {
		return jittered((long) this.millisPerToken * outputTokens, scale);
	}

	private static Duration jittered(long millis, double scale) {
		double jitter = ThreadLocalRandom.current().nextDouble(0.7, 1.3);
		return Duration.ofMillis(Math.round(millis * jitter * scale));
	}

}
