package io.github.mistralobs.observability.hardening;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link ConcurrentCallsAndScrapesTest} on eight platform threads.
 */
class ConcurrentCallsAndScrapesTests extends ConcurrentCallsAndScrapesTest {

	@Override
	ExecutorService callers(int callers) {
		return Executors.newFixedThreadPool(callers);
	}

	@Override
	int callerCount() {
		return 8;
	}

	@Override
	int requestsPerCaller() {
		return 60;
	}

}
