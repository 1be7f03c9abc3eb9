package io.github.mistralobs.observability.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Takes the starter's own failures so that they never reach the observed call: each is
 * counted, and each kind is logged once. Only the exception's type is logged: its message
 * may quote a request. Reporting never throws, even when the registry or logging fails.
 */
public final class FailureReporter {

	private static final Log logger = LogFactory.getLog(FailureReporter.class);

	private final MeterRegistry registry;

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/**
	 * Create a reporter that counts failures in the given registry.
	 * @param registry the registry
	 */
	public FailureReporter(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Take one failure.
	 * @param component the part of the starter that failed, such as {@code handler}
	 * @param failure what was thrown
	 */
	public void report(String component, Throwable failure) {
		try {
			Counter.builder(MistralMetrics.SELF_ERRORS)
				.description("Failures inside mistral-observability; the observed calls were unaffected")
				.tag(MistralMetrics.Tags.COMPONENT, component)
				.register(this.registry)
				.increment();
		}
		catch (RuntimeException ex) {
			// The registry itself refuses: logging below is all that is left
		}
		if (this.logged.add(component + ":" + failure.getClass().getName())) {
			try {
				logger.warn(String.format("Mistral observability skipped a measurement in its %s after %s; "
						+ "the observed call is unaffected. Further failures of this kind are only counted in %s.",
						component, failure.getClass().getName(), MistralMetrics.SELF_ERRORS));
			}
			catch (RuntimeException ex) {
				// Logging itself fails: the count above is all that is left
			}
		}
	}

}
