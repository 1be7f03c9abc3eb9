package io.github.mistralobs.observability.http;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.metrics.MistralRateLimits;
import io.github.mistralobs.observability.observation.RequestTrace;
import io.micrometer.observation.ObservationView;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Records one HTTP exchange with the Mistral API, whichever client made it: the attempt
 * counter, the attempts of the request it belongs to, and the rate-limit headers of the
 * answer.
 */
public final class MistralAttempts {

	private final MistralMeters meters;

	private final MistralRateLimits rateLimits;

	private final FailureReporter failures;

	/**
	 * Create a recorder.
	 * @param meters where attempts are counted
	 * @param rateLimits where rate-limit headers go
	 * @param failures where the recorder's own failures go
	 */
	public MistralAttempts(MistralMeters meters, MistralRateLimits rateLimits, FailureReporter failures) {
		this.meters = meters;
		this.rateLimits = rateLimits;
		this.failures = failures;
	}

	/**
	 * Record one exchange.
	 * @param endpoint the endpoint it went to
	 * @param statusCode its status, or {@code -1} if no response came
	 * @param headers the response's headers, or {@code null}
	 * @param observation the observation current for the exchange, or {@code null}
	 */
	public void record(Endpoint endpoint, int statusCode, @Nullable HttpHeaders headers,
			@Nullable ObservationView observation) {
		try {
			this.meters.recordAttempt(endpoint, statusCode);
			RequestTrace trace = RequestTrace.of(observation);
			if (trace != null) {
				trace.attempted(statusCode);
			}
			if (headers != null) {
				recordRateLimits(headers);
			}
		}
		catch (RuntimeException ex) {
			this.failures.report("http hook", ex);
		}
	}

	private void recordRateLimits(HttpHeaders headers) {
		headers.forEach((name, values) -> {
			if (MistralRateLimits.isRateLimitHeader(name) && !values.isEmpty()) {
				this.rateLimits.update(name, values.get(0));
			}
		});
	}

}
