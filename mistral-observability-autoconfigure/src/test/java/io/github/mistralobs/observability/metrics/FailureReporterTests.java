package io.github.mistralobs.observability.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link FailureReporter}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureReporterTests {

	@Test
	void countsEachFailureAndLogsEachKindOnceWithoutItsMessage(CapturedOutput output) {
		MeterRegistry registry = new SimpleMeterRegistry();
		FailureReporter reporter = new FailureReporter(registry);
		reporter.report("handler", new IllegalStateException("secret request content"));
		reporter.report("handler", new IllegalStateException("secret request content"));
		assertThat(registry.get(MistralMetrics.SELF_ERRORS).tag("component", "handler").counter().count()).isEqualTo(2);
		assertThat(output.getOut().split("skipped a measurement in its handler", -1)).hasSize(2);
		assertThat(output).contains(IllegalStateException.class.getName()).doesNotContain("secret request content");
	}

	@Test
	void neverThrowsWhenTheRegistryRefusesItsCounter(CapturedOutput output) {
		MeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				throw new IllegalStateException("Refused for the test");
			}

		});
		FailureReporter reporter = new FailureReporter(registry);
		assertThatNoException().isThrownBy(() -> reporter.report("handler", new ArithmeticException()));
		assertThat(output).contains("skipped a measurement in its handler after java.lang.ArithmeticException");
	}

	@Test
	void neverThrowsWhenLoggingFailsAndStillCounts() {
		MeterRegistry registry = new SimpleMeterRegistry();
		FailureReporter reporter = new FailureReporter(registry);
		LoggerContext loggers = ((Logger) LoggerFactory.getLogger(FailureReporter.class)).getLoggerContext();
		TurboFilter throwingFilter = new TurboFilter() {

			@Override
			public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
					Throwable t) {
				if (logger.getName().equals(FailureReporter.class.getName())) {
					throw new IllegalStateException("Logging broken for the test");
				}
				return FilterReply.NEUTRAL;
			}

		};
		throwingFilter.start();
		loggers.addTurboFilter(throwingFilter);
		try {
			assertThatNoException().isThrownBy(() -> reporter.report("handler", new ArithmeticException()));
		}
		finally {
			loggers.getTurboFilterList().remove(throwingFilter);
		}
		assertThat(registry.get(MistralMetrics.SELF_ERRORS).tag("component", "handler").counter().count()).isEqualTo(1);
	}

}
