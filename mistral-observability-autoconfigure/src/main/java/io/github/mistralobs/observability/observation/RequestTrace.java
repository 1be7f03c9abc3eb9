package io.github.mistralobs.observability.observation;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.StatusCodes;
import io.micrometer.observation.ObservationView;

import org.springframework.lang.Nullable;

/**
 * What the observation handler keeps on the observation of one API request between its
 * start and its stop; the HTTP hooks add each attempt to it.
 */
public final class RequestTrace {

	private static final int MAX_ANCESTORS = 8;

	private final Endpoint endpoint;

	@Nullable
	private final String model;

	@Nullable
	private final String attribution;

	private final long startNanos;

	@Nullable
	private final MistralCall call;

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile int lastStatusCode = StatusCodes.NONE;

	RequestTrace(Endpoint endpoint, @Nullable String model, @Nullable String attribution, long startNanos,
			@Nullable MistralCall call) {
		this.endpoint = endpoint;
		this.model = model;
		this.attribution = attribution;
		this.startNanos = startNanos;
		this.call = call;
	}

	/**
	 * Return the trace of the Mistral request that an observation belongs to: its own, or
	 * that of the nearest ancestor that has one, such as the request an HTTP client
	 * observation runs in.
	 * @param observation the observation, or {@code null}
	 * @return the trace, or {@code null} if the observation is not part of a Mistral
	 * request
	 */
	@Nullable
	public static RequestTrace of(@Nullable ObservationView observation) {
		ObservationView candidate = observation;
		for (int depth = 0; candidate != null && depth < MAX_ANCESTORS; depth++) {
			RequestTrace trace = candidate.getContextView().get(RequestTrace.class);
			if (trace != null) {
				return trace;
			}
			candidate = candidate.getContextView().getParentObservation();
		}
		return null;
	}

	/**
	 * Count one HTTP exchange of this request.
	 * @param statusCode its status, or {@link StatusCodes#NONE}
	 */
	public void attempted(int statusCode) {
		this.attempts.incrementAndGet();
		this.lastStatusCode = statusCode;
	}

	public Endpoint endpoint() {
		return this.endpoint;
	}

	@Nullable
	public String model() {
		return this.model;
	}

	@Nullable
	public String attribution() {
		return this.attribution;
	}

	public long startNanos() {
		return this.startNanos;
	}

	@Nullable
	public MistralCall call() {
		return this.call;
	}

	public int attempts() {
		return this.attempts.get();
	}

	public int lastStatusCode() {
		return this.lastStatusCode;
	}

}
