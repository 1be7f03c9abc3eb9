package io.github.mistralobs.observability.tracing;

import io.github.mistralobs.observability.observation.RequestSpans;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.lang.Nullable;

/**
 * Finds the span that Micrometer Tracing opened for a request's observation.
 */
public final class TracingRequestSpans implements RequestSpans {

	private final Tracer tracer;

	/**
	 * Create the access for a tracer.
	 * @param tracer the tracer that makes spans current
	 */
	public TracingRequestSpans(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public Scope makeCurrent(Observation.Context context) {
		Span span = span(context);
		if (span == null) {
			return Scope.NOOP;
		}
		Tracer.SpanInScope inScope = this.tracer.withSpan(span);
		return inScope::close;
	}

	@Nullable
	private static Span span(Observation.Context context) {
		TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
		return (tracing != null) ? tracing.getSpan() : null;
	}

}
