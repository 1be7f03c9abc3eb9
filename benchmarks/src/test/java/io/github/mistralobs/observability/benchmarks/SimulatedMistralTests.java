package io.github.mistralobs.observability.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimulatedMistral}: what the benchmarks run is metered as an
 * application is.
 */
class SimulatedMistralTests {

	@Test
	void starterRecordsEachCallOnceWithItsTokensCostAndAttempt() {
		try (SimulatedMistral mistral = SimulatedMistral.start(Instrumentation.SPRING_AI_AND_STARTER, 2)) {
			for (int i = 0; i < 3; i++) {
				mistral.chatModel().call(mistral.responses().prompt());
			}
			MeterRegistry registry = mistral.meterRegistry();
			assertThat(registry.get("mistral.requests").tag("endpoint", "chat.complete").counter().count())
				.isEqualTo(3);
			assertThat(registry.get("mistral.tokens").tag("direction", "input").counter().count()).isEqualTo(3 * 42);
			assertThat(registry.get("mistral.attempts").tag("status_code", "200").counter().count()).isEqualTo(3);
			assertThat(registry.get("mistral.cost").functionCounter().count()).isPositive();
			assertThat(registry.get("gen_ai.client.operation").timer().count()).isEqualTo(3);
			assertThat(registry.find("mistral.observability.errors").meters()).isEmpty();
		}
	}

	@Test
	void starterRecordsAStreamOnceWhateverItsChunkCount() {
		try (SimulatedMistral mistral = SimulatedMistral.start(Instrumentation.STARTER, 200)) {
			mistral.chatModel().stream(mistral.responses().prompt()).blockLast();
			MeterRegistry registry = mistral.meterRegistry();
			assertThat(registry.get("mistral.requests").tag("endpoint", "chat.stream").counter().count()).isEqualTo(1);
			assertThat(registry.get("mistral.time.to.first.token").timer().count()).isEqualTo(1);
			assertThat(registry.get("mistral.tokens").tag("direction", "output").counter().count()).isEqualTo(128);
			assertThat(registry.get("mistral.attempts").tag("endpoint", "chat.stream").counter().count()).isEqualTo(1);
		}
	}

	@Test
	void failedCallsAreRecordedWithTheirStatus() {
		try (SimulatedMistral mistral = SimulatedMistral.start(Instrumentation.STARTER, 2)) {
			mistral.call("mistral-large-latest", HttpStatus.TOO_MANY_REQUESTS);
			mistral.stream("mistral-large-latest", HttpStatus.SERVICE_UNAVAILABLE);
			mistral.cancelledStream("mistral-large-latest");
			MeterRegistry registry = mistral.meterRegistry();
			assertThat(registry.get("mistral.errors").tag("status_code", "429").counter().count()).isEqualTo(1);
			assertThat(registry.get("mistral.errors").tag("status_code", "503").counter().count()).isEqualTo(1);
			assertThat(registry.get("mistral.requests").tag("status", "cancelled").counter().count()).isEqualTo(1);
		}
	}

	@Test
	void withoutInstrumentationNothingIsRecorded() {
		try (SimulatedMistral mistral = SimulatedMistral.start(Instrumentation.NONE, 20)) {
			mistral.chatModel().call(mistral.responses().prompt());
			mistral.chatModel().stream(mistral.responses().prompt()).blockLast();
			assertThat(mistral.meterRegistry().getMeters()).isEmpty();
		}
	}

}
