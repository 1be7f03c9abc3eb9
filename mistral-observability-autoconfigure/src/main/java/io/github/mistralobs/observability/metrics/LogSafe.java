package io.github.mistralobs.observability.metrics;

import org.springframework.lang.Nullable;

/**
 * Makes values that came from outside safe to put in a log line: control characters,
 * which could forge lines, are replaced, and length is capped.
 */
public final class LogSafe {

	private static final int MAX_LENGTH = 200;

	private LogSafe() {
	}

	/**
	 * Return a value fit for a log line.
	 * @param value the value
	 * @return the value with control characters replaced by {@code ?} and cut to 200
	 * characters, or {@code "none"} for {@code null}
	 */
	public static String text(@Nullable String value) {
		if (value == null) {
			return MistralMetrics.Values.NONE;
		}
		String cut = (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) : value;
		StringBuilder safe = null;
		for (int i = 0; i < cut.length(); i++) {
			if (Character.isISOControl(cut.charAt(i))) {
				safe = (safe != null) ? safe : new StringBuilder(cut);
				safe.setCharAt(i, '?');
			}
		}
		return (safe != null) ? safe.toString() : cut;
	}

}
