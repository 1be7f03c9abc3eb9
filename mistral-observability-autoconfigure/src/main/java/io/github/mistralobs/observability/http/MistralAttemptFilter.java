package io.github.mistralobs.observability.http;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.StatusCodes;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Records each exchange that a {@code WebClient} makes with the Mistral API; Spring AI
 * sends streamed chat requests this way.
 */
public final class MistralAttemptFilter implements ExchangeFilterFunction {

	private final MistralEndpoints endpoints;

	private final MistralAttempts attempts;

	/**
	 * Create a filter.
	 * @param endpoints which requests go to the Mistral API
	 * @param attempts where attempts are recorded
	 */
	public MistralAttemptFilter(MistralEndpoints endpoints, MistralAttempts attempts) {
		this.endpoints = endpoints;
		this.attempts = attempts;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Endpoint endpoint = this.endpoints.resolve(request.url(), true);
		if (endpoint == null) {
			return next.exchange(request);
		}
		return Mono.deferContextual((context) -> {
			ObservationView observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			return next.exchange(request)
				.doOnNext((response) -> this.attempts.record(endpoint, response.statusCode().value(),
						response.headers().asHttpHeaders(), observation))
				.doOnError((ex) -> this.attempts.record(endpoint, StatusCodes.NONE, null, observation));
		});
	}

}
