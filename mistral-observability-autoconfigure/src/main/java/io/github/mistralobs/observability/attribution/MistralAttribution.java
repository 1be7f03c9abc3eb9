package io.github.mistralobs.observability.attribution;

import org.springframework.lang.Nullable;

/**
 * Attaches an attribution value, such as a tenant or a feature, to the Mistral calls made
 * while it is open, so that requests, tokens and cost carry it as the tag named by
 * {@code mistral.observability.attribution.tag}. Open it around blocking calls:
 *
 * <pre class="code">
 * try (MistralAttribution.Scope scope = MistralAttribution.open("acme")) {
 *     chatClient.prompt("...").call().content();
 * }
 * </pre>
 *
 * For streams, write the value into the Reactor context under {@link #KEY}; with
 * {@code ChatClient}, pass it as an advisor parameter under the same key.
 */
public final class MistralAttribution {

	/**
	 * The key of the value in a Reactor context or in a {@code ChatClient} advisor
	 * context.
	 */
	public static final String KEY = "mistral.observability.attribution";

	private static final ThreadLocal<String> current = new ThreadLocal<>();

	private MistralAttribution() {
	}

	/**
	 * Attribute the calls made on this thread to a value until the scope is closed.
	 * @param value the attribution value
	 * @return the scope, which restores the value that was open before
	 */
	public static Scope open(String value) {
		String previous = current.get();
		current.set(value);
		return () -> {
			if (previous != null) {
				current.set(previous);
			}
			else {
				current.remove();
			}
		};
	}

	/**
	 * Return the value open on this thread.
	 * @return the value, or {@code null}
	 */
	@Nullable
	public static String current() {
		return current.get();
	}

	/**
	 * An open attribution; closing it restores the one before.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
