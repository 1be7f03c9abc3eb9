package io.github.mistralobs.observability.metrics;

/**
 * The metrics contract: every meter name, tag key and fixed tag value the starter
 * exports, in one place.
 *
 * @see MistralMeters
 */
public final class MistralMetrics {

	/**
	 * One per API request; exported as {@code mistral_requests_total}.
	 */
	public static final String REQUESTS = "mistral.requests";

	/**
	 * Latency of one API request, retries included; exported as
	 * {@code mistral_request_duration_seconds}.
	 */
	public static final String REQUEST_DURATION = "mistral.request.duration";

	/**
	 * Tokens per direction; exported as {@code mistral_tokens_total}.
	 */
	public static final String TOKENS = "mistral.tokens";

	/**
	 * Estimated spend; exported as {@code mistral_cost_usd_total}.
	 */
	public static final String COST = "mistral.cost";

	/**
	 * Failed API requests; exported as {@code mistral_errors_total}.
	 */
	public static final String ERRORS = "mistral.errors";

	/**
	 * Every HTTP exchange with the Mistral API; exported as
	 * {@code mistral_attempts_total}.
	 */
	public static final String ATTEMPTS = "mistral.attempts";

	/**
	 * Time from a stream's request to its first content chunk; exported as
	 * {@code mistral_time_to_first_token_seconds}.
	 */
	public static final String TIME_TO_FIRST_TOKEN = "mistral.time.to.first.token";

	/**
	 * Failures inside the starter itself, which never reach the observed call; exported
	 * as {@code mistral_observability_errors_total}.
	 */
	public static final String SELF_ERRORS = "mistral.observability.errors";

	/**
	 * Base unit of {@link #COST}.
	 */
	public static final String USD = "usd";

	/**
	 * Tag keys.
	 */
	public static final class Tags {

		public static final String MODEL = "model";

		public static final String ENDPOINT = "endpoint";

		public static final String STATUS = "status";

		public static final String STATUS_CODE = "status_code";

		public static final String ERROR_TYPE = "error_type";

		public static final String DIRECTION = "direction";

		public static final String COMPONENT = "component";

		private Tags() {
		}

	}

	/**
	 * Fixed tag values.
	 */
	public static final class Values {

		/**
		 * A tag whose value is unknown: no model was requested, no HTTP status came.
		 */
		public static final String NONE = "none";

		/**
		 * The bucket for label values past a cardinality limit.
		 */
		public static final String OTHER = "other";

		public static final String INPUT = "input";

		public static final String OUTPUT = "output";

		private Values() {
		}

	}

	private MistralMetrics() {
	}

}
