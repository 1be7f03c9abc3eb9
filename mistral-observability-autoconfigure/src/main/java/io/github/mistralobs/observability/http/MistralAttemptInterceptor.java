package io.github.mistralobs.observability.http;

import java.io.IOException;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.metrics.StatusCodes;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Counts each exchange that a {@code RestClient} makes with the Mistral API, including
 * those that Spring AI's retry repeats.
 */
public final class MistralAttemptInterceptor implements ClientHttpRequestInterceptor {

	private final MistralEndpoints endpoints;

	private final MistralMeters meters;

	private final FailureReporter failures;

	/**
	 * Create an interceptor.
	 * @param endpoints which requests go to the Mistral API
	 * @param meters where attempts are counted
	 * @param failures where the interceptor's own failures go
	 */
	public MistralAttemptInterceptor(MistralEndpoints endpoints, MistralMeters meters, FailureReporter failures) {
		this.endpoints = endpoints;
		this.meters = meters;
		this.failures = failures;
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
			record(endpoint, StatusCodes.NONE);
			throw ex;
		}
		record(endpoint, response);
		return response;
	}

	private void record(Endpoint endpoint, ClientHttpResponse response) {
		try {
			record(endpoint, response.getStatusCode().value());
		}
		catch (IOException | RuntimeException ex) {
			this.failures.report("http interceptor", ex);
		}
	}

	private void record(Endpoint endpoint, int statusCode) {
		try {
			this.meters.recordAttempt(endpoint, statusCode);
		}
		catch (RuntimeException ex) {
			this.failures.report("http interceptor", ex);
		}
	}

}
