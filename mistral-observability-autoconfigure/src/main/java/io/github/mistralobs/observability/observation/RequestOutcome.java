package io.github.mistralobs.observability.observation;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.ErrorType;
import io.github.mistralobs.observability.metrics.RequestStatus;

import org.springframework.lang.Nullable;

/**
 * How one Mistral API request ended: what its log event tells.
 *
 * @param modelTag the model, as recorded in metrics
 * @param endpoint the endpoint
 * @param status how it ended
 * @param statusCode the last HTTP status, or {@code -1} if none came
 * @param errorType the type of error, or {@code null} if it succeeded
 * @param durationNanos how long it took, retries included
 * @param tokens the tokens it was billed
 * @param costInPicoUsd their cost, or a negative number if the model has no price
 * @param requestId the API's id for the response, or {@code null}
 * @param attempts HTTP exchanges it took, or {@code 0} if none was seen
 * @param attributionTag the attribution tag value, or {@code null}
 */
public record RequestOutcome(String modelTag, Endpoint endpoint, RequestStatus status, int statusCode,
		@Nullable ErrorType errorType, long durationNanos, TokenCount tokens, long costInPicoUsd,
		@Nullable String requestId, int attempts, @Nullable String attributionTag) {

}
