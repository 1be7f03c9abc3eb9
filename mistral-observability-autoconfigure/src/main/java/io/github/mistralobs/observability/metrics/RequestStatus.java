package io.github.mistralobs.observability.metrics;

/**
 * How an API request ended.
 */
public enum RequestStatus {

	/**
	 * The API answered and the answer was read whole.
	 */
	SUCCESS("success"),

	/**
	 * The request failed: an error status, a transport failure or a broken stream.
	 */
	ERROR("error"),

	/**
	 * The subscriber cancelled a stream before it completed.
	 */
	CANCELLED("cancelled");

	private final String tagValue;

	RequestStatus(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Return the value of the {@code status} tag.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
