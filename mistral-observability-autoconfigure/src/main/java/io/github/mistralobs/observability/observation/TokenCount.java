package io.github.mistralobs.observability.observation;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.lang.Nullable;

/**
 * Input and output tokens of one API exchange.
 *
 * @param input input (prompt) tokens
 * @param output output (completion) tokens
 */
public record TokenCount(long input, long output) {

	/**
	 * No tokens.
	 */
	public static final TokenCount NONE = new TokenCount(0, 0);

	/**
	 * Return the tokens that a usage reports, preferring the API's own record.
	 * @param usage the usage, or {@code null}
	 * @return the token count
	 */
	public static TokenCount of(@Nullable Usage usage) {
		if (usage == null) {
			return NONE;
		}
		if (usage.getNativeUsage() instanceof MistralAiApi.Usage apiUsage) {
			return new TokenCount(orZero(apiUsage.promptTokens()), orZero(apiUsage.completionTokens()));
		}
		return new TokenCount(orZero(usage.getPromptTokens()), orZero(usage.getCompletionTokens()));
	}

	/**
	 * Return whether a usage is the API's own record of one exchange rather than a sum
	 * that Spring AI built over several.
	 * @param usage the usage
	 * @return whether it carries the API's usage
	 */
	public static boolean isNative(Usage usage) {
		return usage.getNativeUsage() instanceof MistralAiApi.Usage;
	}

	/**
	 * Return whether there are no tokens.
	 * @return whether both counts are zero
	 */
	public boolean isEmpty() {
		return this.input == 0 && this.output == 0;
	}

	private static long orZero(@Nullable Integer tokens) {
		return (tokens != null) ? tokens : 0;
	}

}
