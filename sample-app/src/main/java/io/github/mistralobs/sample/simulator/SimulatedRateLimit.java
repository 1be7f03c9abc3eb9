package io.github.mistralobs.sample.simulator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * The request budget of the simulated organisation: each answer carries Mistral's
 * rate-limit headers with what is left of the current minute, none for a 429.
 */
final class SimulatedRateLimit {

	static final long REQUESTS_PER_MINUTE = 120;

	static final String LIMIT_HEADER = "x-ratelimit-limit-req-minute";

	static final String REMAINING_HEADER = "x-ratelimit-remaining-req-minute";

	private long minute;

	private long used;

	/**
	 * Count one request and return the answer with the rate-limit headers added.
	 */
	synchronized ResponseDefinition spend(ResponseDefinition answer, long nowMillis) {
		long currentMinute = nowMillis / 60_000;
		if (currentMinute != this.minute) {
			this.minute = currentMinute;
			this.used = 0;
		}
		this.used++;
		long remaining = (answer.getStatus() == 429) ? 0 : Math.max(0, REQUESTS_PER_MINUTE - this.used);
		HttpHeaders headers = (answer.getHeaders() != null) ? answer.getHeaders() : new HttpHeaders();
		return ResponseDefinitionBuilder.like(answer)
			.withHeaders(headers.plus(new HttpHeader(LIMIT_HEADER, Long.toString(REQUESTS_PER_MINUTE)),
					new HttpHeader(REMAINING_HEADER, Long.toString(remaining))))
			.build();
	}

}
