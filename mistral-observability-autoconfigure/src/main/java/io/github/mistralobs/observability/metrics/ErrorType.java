package io.github.mistralobs.observability.metrics;

/**
 * A small, fixed classification of failed requests, for the {@code error_type} tag.
 */
public enum ErrorType {

	/**
	 * HTTP 429: the organisation's rate limit or quota was reached.
	 */
	RATE_LIMITED("rate_limited"),

	/**
	 * HTTP 401 or 403: a missing, wrong or unauthorised API key.
	 */
	AUTH("auth"),

	/**
	 * Any other HTTP 4xx: the request itself was refused.
	 */
	CLIENT("client"),

	/**
	 * HTTP 5xx: the API failed.
	 */
	SERVER("server"),

	/**
	 * No response in time.
	 */
	TIMEOUT("timeout"),

	/**
	 * A connection failure or a response cut off.
	 */
	IO("io"),

	/**
	 * Anything else.
	 */
	UNKNOWN("unknown");

	private final String tagValue;

	ErrorType(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Return the value of the {@code error_type} tag.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * Return the type of a failure with the given HTTP status.
	 * @param statusCode the HTTP status code
	 * @return the error type
	 */
	public static ErrorType forStatus(int statusCode) {
		if (statusCode == 429) {
			return RATE_LIMITED;
		}
		if (statusCode == 401 || statusCode == 403) {
			return AUTH;
		}
		if (statusCode >= 400 && statusCode < 500) {
			return CLIENT;
		}
		return (statusCode >= 500 && statusCode < 600) ? SERVER : UNKNOWN;
	}

}
