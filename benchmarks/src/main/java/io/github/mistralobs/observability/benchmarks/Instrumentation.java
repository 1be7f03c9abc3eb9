package io.github.mistralobs.observability.benchmarks;

/**
 * What meters a simulated Mistral call: nothing, Spring AI's own handlers as Boot
 * registers them, the starter, or both as in an application that adds the starter.
 */
public enum Instrumentation {

	/**
	 * No observation handler: Spring AI's observation is a no-op.
	 */
	NONE(false, false),

	/**
	 * A handler that takes every observation and does nothing: what observing a call
	 * costs before anything is recorded, which any handler pays.
	 */
	OBSERVATION_ONLY(false, false),

	/**
	 * Boot's {@code DefaultMeterObservationHandler} and Spring AI's
	 * {@code ChatModelMeterObservationHandler}.
	 */
	SPRING_AI(true, false),

	/**
	 * The starter alone: its handler, its advice and its HTTP hooks.
	 */
	STARTER(false, true),

	/**
	 * Spring AI's handlers and the starter, as in an application with both.
	 */
	SPRING_AI_AND_STARTER(true, true);

	private final boolean springAi;

	private final boolean starter;

	Instrumentation(boolean springAi, boolean starter) {
		this.springAi = springAi;
		this.starter = starter;
	}

	boolean springAi() {
		return this.springAi;
	}

	boolean starter() {
		return this.starter;
	}

}
