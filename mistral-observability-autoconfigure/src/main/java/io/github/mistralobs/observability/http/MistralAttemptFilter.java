package io.github.mistralobs.observability.http;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.metrics.StatusCodes;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Counts each exchange that a {@code WebClient} makes with the Mistral API; Spring AI
 * sends streamed chat requests this way.
 */
public final class MistralAttemptFilter implements ExchangeFilterFunction {

	private final MistralEndpoints endpoints;

	private final MistralMeters meters;

	private final FailureReporter failures;

	/**
	 * Create a filter.
	 * @param endpoints which requests go to the Mistral API
	 * @param meters where attempts are counted
	 * @param failures where the filter's own failures go
	 */
	public MistralAttemptFilter(MistralEndpoints endpoints, MistralMeters meters, FailureReporter failures) {
		this.endpoints = endpoints;
		this.meters = meters;
		this.failures = failures;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Endpoint endpoint = this.endpoints.resolve(request.url(), true);
		if (endpoint == null) {
			return next.exchange(request);
		}
		return next.exchange(request)
			.doOnNext((response) -> record(endpoint, response.statusCode().value()))
			.doOnError((ex) -> record(endpoint, StatusCodes.NONE));
	}

	private void record(Endpoint endpoint, int statusCode) {
		try {
			this.meters.recordAttempt(endpoint, statusCode);
		}
		catch (RuntimeException ex) {
			this.failures.report("http filter", ex);
		}
	}

}
