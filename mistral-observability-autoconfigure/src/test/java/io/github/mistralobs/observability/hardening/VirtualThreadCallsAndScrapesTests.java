package io.github.mistralobs.observability.hardening;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.test.context.TestPropertySource;
import org.springframework.util.ReflectionUtils;

/**
 * {@link ConcurrentCallsAndScrapesTest} on virtual threads, one per caller, with Boot's
 * virtual threads switched on as well. The starter is built for Java 17, which has no
 * virtual threads: this class runs only when the build runs on Java 21 or later, and is
 * skipped on 17.
 */
@EnabledForJreRange(min = JRE.JAVA_21,
		disabledReason = "Virtual threads need Java 21; this build runs on Java 17, which has none")
@TestPropertySource(properties = "spring.threads.virtual.enabled=true")
class VirtualThreadCallsAndScrapesTests extends ConcurrentCallsAndScrapesTest {

	@Override
	ExecutorService callers(int callers) {
		// Called by reflection so that the tests still compile for Java 17
		return (ExecutorService) ReflectionUtils
			.invokeMethod(ReflectionUtils.findMethod(Executors.class, "newVirtualThreadPerTaskExecutor"), null);
	}

	@Override
	int callerCount() {
		return 64;
	}

	@Override
	int requestsPerCaller() {
		return 8;
	}

}
