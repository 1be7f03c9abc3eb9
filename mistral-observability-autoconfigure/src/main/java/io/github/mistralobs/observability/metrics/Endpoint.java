package io.github.mistralobs.observability.metrics;

/**
 * The Mistral API operation a request or an HTTP exchange belongs to.
 */
public enum Endpoint {

	/**
	 * A chat completion returned whole.
	 */
	CHAT_COMPLETE("chat.complete"),

	/**
	 * A chat completion streamed as server-sent events.
	 */
	CHAT_STREAM("chat.stream"),

	/**
	 * An embedding request.
	 */
	EMBEDDINGS("embeddings"),

	/**
	 * Any other Mistral API path (moderation, OCR); seen only on attempts.
	 */
	OTHER("other");

	private final String tagValue;

	Endpoint(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Return the value of the {@code endpoint} tag.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
