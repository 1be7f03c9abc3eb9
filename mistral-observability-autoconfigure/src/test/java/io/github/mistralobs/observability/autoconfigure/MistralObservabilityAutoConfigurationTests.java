package io.github.mistralobs.observability.autoconfigure;

import io.github.mistralobs.observability.chat.MistralChatModelBeanPostProcessor;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.observation.MistralObservationHandler;
import io.github.mistralobs.observability.observation.RequestSpans;
import io.github.mistralobs.observability.pricing.DefaultMistralPrices;
import io.github.mistralobs.observability.pricing.MistralPriceTable;
import io.github.mistralobs.observability.pricing.ModelPrice;
import io.github.mistralobs.observability.tracing.TracingRequestSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link MistralObservabilityAutoConfiguration}.
 */
class MistralObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralObservabilityAutoConfiguration.class))
		.withUserConfiguration(MeterRegistryConfiguration.class);

	@Test
	void registersTheHandlerAdviceAndHttpHooksByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MistralObservationHandler.class)
			.hasSingleBean(MistralChatModelBeanPostProcessor.class)
			.hasSingleBean(MistralMeters.class)
			.hasSingleBean(RestClientCustomizer.class)
			.hasSingleBean(WebClientCustomizer.class));
	}

	@Test
	void registersNothingWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("mistral.observability.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MistralObservationHandler.class)
				.doesNotHaveBean(MistralChatModelBeanPostProcessor.class)
				.doesNotHaveBean(MistralMeters.class)
				.doesNotHaveBean(RestClientCustomizer.class));
	}

	@Test
	void staysOutOfTheWayWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MistralObservabilityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MistralObservationHandler.class));
	}

	@Test
	void staysOutOfTheWayWithoutSpringAiMistral() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MistralAiApi.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MistralObservationHandler.class));
	}

	@Test
	void skipsTheWebClientHookWithoutWebFlux() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralObservationHandler.class)
				.hasSingleBean(RestClientCustomizer.class)
				.doesNotHaveBean(WebClientCustomizer.class));
	}

	@Test
	void correlatesWithTracesOnlyWhenATracerIsThere() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RequestSpans.class)
			.hasSingleBean(MistralObservationHandler.class));
		this.contextRunner.withBean(Tracer.class, () -> Tracer.NOOP)
			.run((context) -> assertThat(context).hasSingleBean(TracingRequestSpans.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MistralObservationHandler.class));
	}

	@Test
	void addsTheAttributionAdvisorOnlyWhenATagIsNamed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ChatClientCustomizer.class));
		this.contextRunner.withPropertyValues("mistral.observability.attribution.tag=tenant")
			.run((context) -> assertThat(context).hasSingleBean(ChatClientCustomizer.class));
	}

	@Test
	void usersOwnPriceTableTakesPrecedence() {
		this.contextRunner.withUserConfiguration(CustomPriceTableConfiguration.class)
			.run((context) -> assertThat(context.getBean(MistralPriceTable.class).priceOf("mistral-small-latest"))
				.isEqualTo(new ModelPrice(1, 2)));
	}

	@Test
	void userPricesOverrideOneSideAndKeepTheOtherFromTheBuiltInTable() {
		this.contextRunner.withPropertyValues("mistral.observability.pricing.models.mistral-small-latest.input=0.2")
			.run((context) -> assertThat(context.getBean(MistralPriceTable.class).priceOf("mistral-small-latest"))
				.isEqualTo(new ModelPrice(200_000,
						DefaultMistralPrices.prices().get("mistral-small-latest").outputPicoUsdPerToken())));
	}

	@Test
	void negativePriceFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("mistral.observability.pricing.models.my-model.input=-1",
					"mistral.observability.pricing.models.my-model.output=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mistral.observability.pricing.models[my-model].input")
				.hasMessageContaining("not negative"));
	}

	@Test
	void malformedPriceFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("mistral.observability.pricing.models.my-model.input=cheap")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("mistral.observability.pricing.models.my-model.input"));
	}

	@Test
	void priceOfAnUnknownModelNeedsBothSides() {
		this.contextRunner.withPropertyValues("mistral.observability.pricing.models.my-model.input=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mistral.observability.pricing.models[my-model].output")
				.hasMessageContaining("must be set"));
	}

	@Test
	void zeroModelLimitFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("mistral.observability.cardinality.max-models=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mistral.observability.cardinality.max-models")
				.hasMessageContaining("at least 1"));
	}

	@Test
	void bucketsOutOfOrderFailStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("mistral.observability.metrics.request-duration-buckets=1s,500ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("mistral.observability.metrics.request-duration-buckets")
				.hasMessageContaining("strictly increasing"));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failureAnalysisTellsWhichPropertyToFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MeterRegistryConfiguration.class,
				MistralObservabilityAutoConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--mistral.observability.cardinality.max-models=0").close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: mistral.observability.cardinality.max-models")
			.contains("Reason: must be at least 1")
			.contains("Update your application's configuration");
	}

	@Test
	void bindsBucketsFromDurations() {
		this.contextRunner.withPropertyValues("mistral.observability.metrics.request-duration-buckets=100ms,1s,5s")
			.run((context) -> assertThat(
					context.getBean(MistralObservabilityProperties.class).getMetrics().getRequestDurationBuckets())
				.hasSize(3));
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomPriceTableConfiguration {

		@Bean
		MistralPriceTable customPriceTable() {
			return new MistralPriceTable(java.util.Map.of("mistral-small-latest", new ModelPrice(1, 2)),
					java.util.Map.of());
		}

	}

}
