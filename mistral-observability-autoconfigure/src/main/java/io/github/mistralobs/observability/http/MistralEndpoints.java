package io.github.mistralobs.observability.http;

import java.net.URI;
import java.util.Collection;
import java.util.List;

import io.github.mistralobs.observability.metrics.Endpoint;

import org.springframework.lang.Nullable;

/**
 * Tells which HTTP requests go to the Mistral API, by their base URLs, and to which
 * endpoint. Every other request of the application passes untouched.
 */
public final class MistralEndpoints {

	private final List<String> baseUrls;

	/**
	 * Create a matcher for the given base URLs.
	 * @param baseUrls base URLs of the Mistral API, such as
	 * {@code https://api.mistral.ai}
	 */
	public MistralEndpoints(Collection<String> baseUrls) {
		this.baseUrls = baseUrls.stream().map(MistralEndpoints::withoutTrailingSlash).distinct().toList();
	}

	/**
	 * Return the endpoint a request goes to.
	 * @param uri the request's URI
	 * @param streaming whether the request is sent by the reactive client, which Spring
	 * AI uses for streams only
	 * @return the endpoint, or {@code null} if the request is not for the Mistral API
	 */
	@Nullable
	public Endpoint resolve(URI uri, boolean streaming) {
		String url = uri.toString();
		for (String baseUrl : this.baseUrls) {
			if (url.startsWith(baseUrl)
					&& (url.length() == baseUrl.length() || isBoundary(url.charAt(baseUrl.length())))) {
				return endpoint(uri.getPath(), streaming);
			}
		}
		return null;
	}

	private static boolean isBoundary(char next) {
		return next == '/' || next == '?' || next == '#';
	}

	private static Endpoint endpoint(@Nullable String path, boolean streaming) {
		if (path != null && path.endsWith("/chat/completions")) {
			return streaming ? Endpoint.CHAT_STREAM : Endpoint.CHAT_COMPLETE;
		}
		return (path != null && path.endsWith("/embeddings")) ? Endpoint.EMBEDDINGS : Endpoint.OTHER;
	}

	private static String withoutTrailingSlash(String baseUrl) {
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
