package io.github.mistralobs.observability.http;

import java.io.IOException;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.StatusCodes;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records each exchange that a {@code RestClient} makes with the Mistral API, including
 * those that Spring AI's retry repeats.
 */
public final class MistralAttemptInterceptor implements ClientHttpRequestInterceptor {

	private final MistralEndpoints endpoints;

	private final MistralAttempts attempts;

	private final ObservationRegistry observationRegistry;

	/**
	 * Create an interceptor.
	 * @param endpoints which requests go to the Mistral API
	 * @param attempts where attempts are recorded
	 * @param observationRegistry the registry whose current observation tells which
	 * request an exchange belongs to
	 */
	public MistralAttemptInterceptor(MistralEndpoints endpoints, MistralAttempts attempts,
			ObservationRegistry observationRegistry) {
		this.endpoints = endpoints;
		this.attempts = attempts;
		this.observationRegistry = observationRegistry;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Endpoint endpoint = this.endpoints.resolve(request.getURI(), false);
		if (endpoint == null) {
			return execution.execute(request, body);
		}
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException ex) {
			this.attempts.record(endpoint, StatusCodes.NONE, null, this.observationRegistry.getCurrentObservation());
			throw ex;
		}
		this.attempts.record(endpoint, response.getStatusCode().value(), response.getHeaders(),
				this.observationRegistry.getCurrentObservation());
		return response;
	}

}
