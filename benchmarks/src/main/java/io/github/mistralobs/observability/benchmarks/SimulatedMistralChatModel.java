package io.github.mistralobs.observability.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatModel;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.ai.model.tool.DefaultToolExecutionEligibilityPredicate;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link MistralAiChatModel} whose API answers from memory. {@code call} and
 * {@code stream} open Spring AI's chat observation exactly as the real model does (same
 * convention, same context, same parent for streams, response set on completion) and
 * exchange with the API through the application's HTTP hooks; only JSON, the network and
 * the retry template are left out, the same for every {@link Instrumentation}.
 */
class SimulatedMistralChatModel extends MistralAiChatModel {

	private static final ChatModelObservationConvention CONVENTION = new DefaultChatModelObservationConvention();

	private final ObservationRegistry observations;

	private final CannedMistralApi api;

	private final CannedResponses responses;

	SimulatedMistralChatModel(ObservationRegistry observations, CannedMistralApi api, CannedResponses responses) {
		super(MistralAiApi.builder().apiKey("benchmark").build(),
				MistralAiChatOptions.builder().model(CannedResponses.MODEL).build(),
				ToolCallingManager.builder().build(), RetryUtils.DEFAULT_RETRY_TEMPLATE, observations,
				new DefaultToolExecutionEligibilityPredicate());
		this.observations = observations;
		this.api = api;
		this.responses = responses;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider(MistralAiApi.PROVIDER_NAME)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(CONVENTION, CONVENTION, () -> context, this.observations)
			.observe(() -> {
				exchange();
				ChatResponse response = this.responses.completion();
				context.setResponse(response);
				return response;
			});
	}

	private void exchange() {
		try (ClientHttpResponse response = this.api.chatCompletion()) {
			if (response.getStatusCode().isError()) {
				throw failure(response.getStatusCode().value());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The exception Spring AI's default error handler throws for an error status.
	 */
	private static RuntimeException failure(int statusCode) {
		String message = statusCode + " - {\"message\":\"simulated\"}";
		return (statusCode < 500) ? new NonTransientAiException(message) : new TransientAiException(message);
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((contextView) -> {
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(prompt)
				.provider(MistralAiApi.PROVIDER_NAME)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(CONVENTION,
					CONVENTION, () -> context, this.observations);
			observation.parentObservation(contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null)).start();
			Flux<ChatResponse> chunks = this.api.chatCompletionStream()
				.flatMapMany((response) -> response.statusCode().isError()
						? Flux.<ChatResponse>error(failure(response.statusCode().value()))
						: Flux.fromArray(this.responses.chunks()))
				.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
			return new MessageAggregator().aggregate(chunks, context::setResponse);
		});
	}

}
