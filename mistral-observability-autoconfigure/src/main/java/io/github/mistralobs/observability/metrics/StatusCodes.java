package io.github.mistralobs.observability.metrics;

/**
 * Tag values for HTTP status codes, made once so that recording allocates nothing.
 */
public final class StatusCodes {

	/**
	 * Marks an exchange that produced no HTTP status.
	 */
	public static final int NONE = -1;

	private static final String[] VALUES = new String[600];

	static {
		for (int code = 100; code < VALUES.length; code++) {
			VALUES[code] = Integer.toString(code);
		}
	}

	private StatusCodes() {
	}

	/**
	 * Return the {@code status_code} tag value for a status.
	 * @param statusCode the HTTP status code, or {@link #NONE}
	 * @return the tag value, {@code none} for {@link #NONE} or a code out of range
	 */
	public static String tagValue(int statusCode) {
		return (statusCode >= 100 && statusCode < VALUES.length) ? VALUES[statusCode] : MistralMetrics.Values.NONE;
	}

}
