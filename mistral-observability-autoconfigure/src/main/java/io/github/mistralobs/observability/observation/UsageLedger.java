package io.github.mistralobs.observability.observation;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.lang.Nullable;

/**
 * Turns the usage that Spring AI reports during one call into the tokens of each API
 * exchange. In a tool-calling loop Spring AI reports, from the second round on, the sum
 * of that round and all before it, built afresh and without the API's own record; the
 * ledger subtracts what it already counted. A usage that carries the API's own record is
 * one exchange's and is taken as it is.
 */
public final class UsageLedger {

	@Nullable
	private Usage last;

	private TokenCount reported = TokenCount.NONE;

	/**
	 * Return the tokens a usage adds to what this call has counted so far.
	 * @param usage the usage of one round, or of the call so far
	 * @return the tokens not counted yet
	 */
	public TokenCount take(@Nullable Usage usage) {
		// Most chunks of a stream carry an empty usage: it neither adds nor resets
		if (usage == null || hasNoTokens(usage)) {
			return TokenCount.NONE;
		}
		return share(usage);
	}

	private synchronized TokenCount share(Usage usage) {
		if (usage == this.last) {
			return TokenCount.NONE;
		}
		TokenCount count = TokenCount.of(usage);
		TokenCount share = TokenCount.isNative(usage) ? count
				: new TokenCount(Math.max(0, count.input() - this.reported.input()),
						Math.max(0, count.output() - this.reported.output()));
		this.last = usage;
		this.reported = count;
		return share;
	}

	private static boolean hasNoTokens(Usage usage) {
		return isZero(usage.getPromptTokens()) && isZero(usage.getCompletionTokens());
	}

	private static boolean isZero(@Nullable Integer tokens) {
		return tokens == null || tokens == 0;
	}

}
