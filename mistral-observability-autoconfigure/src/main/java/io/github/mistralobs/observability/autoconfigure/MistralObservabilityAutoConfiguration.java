package io.github.mistralobs.observability.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.mistralobs.observability.attribution.MistralAttributionAdvisor;
import io.github.mistralobs.observability.chat.MistralChatModelBeanPostProcessor;
import io.github.mistralobs.observability.http.MistralAttemptFilter;
import io.github.mistralobs.observability.http.MistralAttemptInterceptor;
import io.github.mistralobs.observability.http.MistralAttempts;
import io.github.mistralobs.observability.http.MistralEndpoints;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.metrics.MistralRateLimits;
import io.github.mistralobs.observability.metrics.TagValueGuard;
import io.github.mistralobs.observability.observation.MistralObservationHandler;
import io.github.mistralobs.observability.observation.MistralRequestLog;
import io.github.mistralobs.observability.observation.RequestSpans;
import io.github.mistralobs.observability.pricing.DefaultMistralPrices;
import io.github.mistralobs.observability.pricing.MistralPriceTable;
import io.github.mistralobs.observability.tracing.TracingRequestSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that meters Mistral AI calls made through Spring AI.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration" })
@ConditionalOnClass({ MistralAiApi.class, ChatModelObservationContext.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = MistralObservabilityProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(MistralObservabilityProperties.class)
public final class MistralObservabilityAutoConfiguration {

	private static final String DEFAULT_BASE_URL = "https://api.mistral.ai";

	private static final List<String> BASE_URL_PROPERTIES = List.of("spring.ai.mistralai.base-url",
			"spring.ai.mistralai.chat.base-url", "spring.ai.mistralai.embedding.base-url",
			"spring.ai.mistralai.moderation.base-url", "spring.ai.mistralai.ocr.base-url");

	@Bean
	@ConditionalOnMissingBean
	MistralPriceTable mistralPriceTable(MistralObservabilityProperties properties) {
		return new MistralPriceTable(DefaultMistralPrices.prices(), properties.getPricing().toModelPrices());
	}

	@Bean
	@ConditionalOnMissingBean
	MistralMeters mistralMeters(MeterRegistry registry, MistralPriceTable prices,
			MistralObservabilityProperties properties) {
		MistralObservabilityProperties.Cardinality cardinality = properties.getCardinality();
		MistralObservabilityProperties.Attribution attribution = properties.getAttribution();
		TagValueGuard modelNames = TagValueGuard.forModels(cardinality.getMaxModels(), cardinality.getMaxLabelLength(),
				prices::isPriced);
		TagValueGuard attributionValues = (attribution.getTag() != null) ? new TagValueGuard(attribution.getTag(),
				MistralObservabilityProperties.PREFIX + ".attribution.max-values", attribution.getMaxValues(),
				cardinality.getMaxLabelLength(), (value) -> false,
				attribution.getAllowedValues().isEmpty() ? (value) -> true : attribution.getAllowedValues()::contains)
				: null;
		return new MistralMeters(registry, prices, modelNames, properties.getMetrics().getRequestDurationBuckets(),
				properties.getMetrics().getTimeToFirstTokenBuckets(), attribution.getTag(), attributionValues);
	}

	@Bean
	@ConditionalOnMissingBean
	FailureReporter mistralObservabilityFailureReporter(MeterRegistry registry) {
		return new FailureReporter(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	MistralObservationHandler mistralObservationHandler(MistralMeters meters, FailureReporter failures,
			ObjectProvider<RequestSpans> spans, MistralObservabilityProperties properties) {
		return new MistralObservationHandler(meters, failures, spans.getIfAvailable(() -> RequestSpans.NONE),
				properties.getLogging().isEnabled() ? new MistralRequestLog() : null);
	}

	@Bean
	static MistralChatModelBeanPostProcessor mistralChatModelBeanPostProcessor(ObjectProvider<MistralMeters> meters,
			ObjectProvider<FailureReporter> failures) {
		return new MistralChatModelBeanPostProcessor(meters, failures);
	}

	@Bean
	@ConditionalOnMissingBean
	MistralEndpoints mistralEndpoints(Environment environment) {
		List<String> baseUrls = new ArrayList<>();
		baseUrls.add(DEFAULT_BASE_URL);
		for (String property : BASE_URL_PROPERTIES) {
			String baseUrl = environment.getProperty(property);
			if (baseUrl != null && !baseUrl.isBlank()) {
				baseUrls.add(baseUrl.trim());
			}
		}
		return new MistralEndpoints(baseUrls);
	}

	@Bean
	@ConditionalOnMissingBean
	MistralAttempts mistralAttempts(MistralMeters meters, MeterRegistry registry, FailureReporter failures) {
		return new MistralAttempts(meters, new MistralRateLimits(registry), failures);
	}

	/**
	 * Counts the attempts of calls, which Spring AI sends with a {@code RestClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientAttemptsConfiguration {

		@Bean
		RestClientCustomizer mistralAttemptsRestClientCustomizer(MistralEndpoints endpoints, MistralAttempts attempts,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			MistralAttemptInterceptor interceptor = new MistralAttemptInterceptor(endpoints, attempts,
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
			return (builder) -> builder.requestInterceptor(interceptor);
		}

	}

	/**
	 * Counts the attempts of streams, which Spring AI sends with a {@code WebClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientAttemptsConfiguration {

		@Bean
		WebClientCustomizer mistralAttemptsWebClientCustomizer(MistralEndpoints endpoints, MistralAttempts attempts) {
			MistralAttemptFilter filter = new MistralAttemptFilter(endpoints, attempts);
			return (builder) -> builder.filter(filter);
		}

	}

	/**
	 * Correlates requests with their traces when Micrometer Tracing is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	@ConditionalOnBean(Tracer.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestSpans mistralRequestSpans(Tracer tracer) {
			return new TracingRequestSpans(tracer);
		}

	}

	/**
	 * Carries a {@code ChatClient} attribution parameter to the model call.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClientCustomizer.class)
	@ConditionalOnProperty(MistralObservabilityProperties.PREFIX + ".attribution.tag")
	static class AttributionConfiguration {

		@Bean
		ChatClientCustomizer mistralAttributionChatClientCustomizer() {
			MistralAttributionAdvisor advisor = new MistralAttributionAdvisor();
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

}
