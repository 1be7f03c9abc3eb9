package io.github.mistralobs.observability.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mistralobs.observability.autoconfigure.MistralObservabilityAutoConfiguration;
import io.github.mistralobs.observability.observation.MistralObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An application with a Mistral chat model bean, a Prometheus registry and the chosen
 * {@link Instrumentation}. The starter comes from its real auto-configuration, so the
 * chat model bean is the advised proxy and the HTTP hooks are the ones it contributes;
 * Spring AI's handlers are registered as Boot registers them.
 */
final class SimulatedMistral implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private final CannedResponses responses;

	private final CannedMistralApi api;

	private final ChatModel chatModel;

	private final PrometheusMeterRegistry meterRegistry;

	private SimulatedMistral(AnnotationConfigApplicationContext context, CannedResponses responses,
			CannedMistralApi api) {
		this.context = context;
		this.responses = responses;
		this.api = api;
		this.chatModel = context.getBean(ChatModel.class);
		this.meterRegistry = context.getBean(PrometheusMeterRegistry.class);
	}

	/**
	 * Start an application whose starter writes no request log.
	 * @param instrumentation what meters its calls
	 * @param chunkCount how many chunks its streams have
	 * @return the application
	 */
	static SimulatedMistral start(Instrumentation instrumentation, int chunkCount) {
		return start(instrumentation, chunkCount, false);
	}

	/**
	 * Start an application.
	 * @param instrumentation what meters its calls
	 * @param chunkCount how many chunks its streams have
	 * @param requestLog whether the starter writes its log event for each request (to
	 * {@code /dev/null}, see {@code logback.xml})
	 * @return the application
	 */
	static SimulatedMistral start(Instrumentation instrumentation, int chunkCount, boolean requestLog) {
		CannedResponses responses = new CannedResponses(chunkCount);
		CannedMistralApi api = new CannedMistralApi();
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("benchmark",
					Map.of("mistral.observability.logging.enabled", Boolean.toString(requestLog))));
		context.registerBean(PrometheusMeterRegistry.class,
				() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		context.registerBean(ObservationRegistry.class, ObservationRegistry::create);
		context.registerBean("mistralAiChatModel", SimulatedMistralChatModel.class,
				() -> new SimulatedMistralChatModel(context.getBean(ObservationRegistry.class), api, responses));
		if (instrumentation.starter()) {
			context.register(StarterConfiguration.class);
		}
		context.refresh();
		PrometheusMeterRegistry meterRegistry = context.getBean(PrometheusMeterRegistry.class);
		ObservationRegistry.ObservationConfig observations = context.getBean(ObservationRegistry.class)
			.observationConfig();
		if (instrumentation.springAi()) {
			// Boot groups meter handlers into one that runs the first matching one
			observations.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new DefaultMeterObservationHandler(meterRegistry)));
			observations.observationHandler(new ChatModelMeterObservationHandler(meterRegistry));
		}
		if (instrumentation == Instrumentation.OBSERVATION_ONLY) {
			observations.observationHandler((observationContext) -> true);
		}
		if (instrumentation.starter()) {
			observations.observationHandler(context.getBean(MistralObservationHandler.class));
			api.use(interceptors(context), filters(context));
		}
		return new SimulatedMistral(context, responses, api);
	}

	private static List<ClientHttpRequestInterceptor> interceptors(AnnotationConfigApplicationContext context) {
		RestClient.Builder builder = RestClient.builder();
		context.getBeanProvider(RestClientCustomizer.class).orderedStream().forEach((c) -> c.customize(builder));
		List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
		builder.requestInterceptors(interceptors::addAll);
		return interceptors;
	}

	private static List<ExchangeFilterFunction> filters(AnnotationConfigApplicationContext context) {
		WebClient.Builder builder = WebClient.builder();
		context.getBeanProvider(WebClientCustomizer.class).orderedStream().forEach((c) -> c.customize(builder));
		List<ExchangeFilterFunction> filters = new ArrayList<>();
		builder.filters(filters::addAll);
		return filters;
	}

	/**
	 * Make one call to a model, answered with a status; an error status fails the call as
	 * Spring AI's error handler would.
	 * @param model the model asked for
	 * @param status the answer's status
	 */
	void call(String model, HttpStatus status) {
		this.api.answerWith(status);
		try {
			this.chatModel.call(this.responses.prompt(model));
		}
		catch (NonTransientAiException | TransientAiException ex) {
			// The simulated failure, already recorded
		}
		finally {
			this.api.answerWith(HttpStatus.OK);
		}
	}

	/**
	 * Stream from a model, answered with a status, and read the stream to its end.
	 * @param model the model asked for
	 * @param status the answer's status
	 */
	void stream(String model, HttpStatus status) {
		this.api.answerWith(status);
		try {
			this.chatModel.stream(this.responses.prompt(model)).blockLast();
		}
		catch (NonTransientAiException | TransientAiException ex) {
			// The simulated failure, already recorded
		}
		finally {
			this.api.answerWith(HttpStatus.OK);
		}
	}

	/**
	 * Stream from a model and cancel after the first chunk.
	 * @param model the model asked for
	 */
	void cancelledStream(String model) {
		this.chatModel.stream(this.responses.prompt(model)).take(1).blockLast();
	}

	ChatModel chatModel() {
		return this.chatModel;
	}

	CannedResponses responses() {
		return this.responses;
	}

	PrometheusMeterRegistry meterRegistry() {
		return this.meterRegistry;
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Brings in the starter through its auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MistralObservabilityAutoConfiguration.class)
	static class StarterConfiguration {

	}

}
