package io.github.mistralobs.observability.observation;

import io.micrometer.observation.Observation;

/**
 * Access to the span that tracing opened for a request's observation, if any: its ids for
 * the log event, and a scope that makes it current while the request is recorded, so that
 * histograms take its trace as an exemplar.
 */
public interface RequestSpans {

	/**
	 * Spans of an application without tracing.
	 */
	RequestSpans NONE = (context) -> Scope.NOOP;

	/**
	 * Make the request's span current on this thread.
	 * @param context the request's observation context
	 * @return the scope to close
	 */
	Scope makeCurrent(Observation.Context context);

	/**
	 * A span made current; closing it restores the one before.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		/**
		 * A scope that changed nothing.
		 */
		Scope NOOP = () -> {
		};

		@Override
		void close();

	}

}
