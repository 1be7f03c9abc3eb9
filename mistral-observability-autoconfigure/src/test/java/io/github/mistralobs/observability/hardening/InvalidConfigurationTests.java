package io.github.mistralobs.observability.hardening;

import io.github.mistralobs.observability.autoconfigure.MistralObservabilityAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every kind of invalid value stops start-up, and Boot's failure analysis names the
 * property, the value and the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationTests {

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			pricing.models.my-model.input              | -1         | not negative
			pricing.models.my-model.output             | -0.5       | not negative
			pricing.models.my-model.input              | 0.1234567  | at most 6 decimal places
			pricing.models.mistral-small-latest.output | 0.0000001  | at most 6 decimal places
			pricing.models.my-model.input              | cheap      | failed to convert
			cardinality.max-models                     | -3         | must be at least 1
			cardinality.max-models                     | many       | failed to convert
			cardinality.max-label-length               | 0          | must be at least 8
			cardinality.max-label-length               | -1         | must be at least 8
			metrics.request-duration-buckets           | 1s,1s      | strictly increasing
			metrics.request-duration-buckets           | 0ms,1s     | positive durations
			metrics.request-duration-buckets           | -1s,1s     | positive durations
			metrics.request-duration-buckets           | ~~         | at least one bucket
			metrics.request-duration-buckets           | 100ms,soon | failed to convert
			metrics.time-to-first-token-buckets        | 2s,1s      | strictly increasing
			metrics.time-to-first-token-buckets        | 1 second   | failed to convert
			""")
	void invalidValueStopsStartUpWithAnAnalysisNamingTheProperty(String property, String value, String reason,
			CapturedOutput output) {
		SpringApplication application = new SpringApplication(MeterRegistryConfiguration.class,
				MistralObservabilityAutoConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String otherPrice = property.equals("pricing.models.my-model.input") ? "my-model.output=1" : "my-model.input=1";
		assertThatException().isThrownBy(
				() -> application
					.run("--mistral.observability." + property + "=" + value,
							"--mistral.observability.pricing.models." + otherPrice)
					.close());
		// A value that binds but fails validation is reported under its map key in
		// brackets
		String reported = (reason.startsWith("failed") || !property.startsWith("pricing")) ? property
				: property.replaceFirst("^pricing\\.models\\.(.+)\\.(input|output)$", "pricing.models[$1].$2");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: mistral.observability." + reported)
			.contains(reason.startsWith("failed") ? "Value: \"" + value + "\"" : "Value: ")
			.contains(reason)
			.contains("Update your application's configuration");
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
