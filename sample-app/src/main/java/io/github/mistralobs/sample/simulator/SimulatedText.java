package io.github.mistralobs.sample.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Produces filler answers of a requested length and estimates token counts the way a
 * tokenizer roughly would (about four characters per token).
 */
final class SimulatedText {

	private static final String[] WORDS = { "metrics", "latency", "the", "model", "answers", "quickly", "and", "tokens",
			"flow", "through", "a", "stream", "while", "budgets", "stay", "visible", "on", "every", "dashboard", "so",
			"operators", "sleep", "well", "because", "alerts", "fire", "only", "when", "needed" };

	private SimulatedText() {
	}

	/**
	 * Build a list of words that together count about the given number of tokens.
	 * @param tokens the target size in tokens
	 * @return the words, never empty
	 */
	static List<String> words(int tokens) {
		int count = Math.max(1, tokens * 3 / 4);
		List<String> words = new ArrayList<>(count);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < count; i++) {
			words.add(WORDS[random.nextInt(WORDS.length)]);
		}
		return words;
	}

	static int estimateTokens(String text) {
		return Math.max(1, (text.length() + 3) / 4);
	}

}
