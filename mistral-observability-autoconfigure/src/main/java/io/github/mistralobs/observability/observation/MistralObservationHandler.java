package io.github.mistralobs.observability.observation;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.metrics.RequestStatus;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.ai.model.observation.ModelObservationContext;
import org.springframework.lang.Nullable;

/**
 * Meters each Mistral API request that Spring AI observes: one chat or embedding
 * observation per request, retries included. Tokens of streamed calls are taken by the
 * advice around the chat model instead, which sees each chunk's usage. Nothing here
 * throws to the observed call: a failure is reported and the measurement skipped.
 *
 * @see MistralCall
 */
public final class MistralObservationHandler implements ObservationHandler<Observation.Context> {

	private final MistralMeters meters;

	private final FailureReporter failures;

	/**
	 * Create a handler.
	 * @param meters where requests are recorded
	 * @param failures where the handler's own failures go
	 */
	public MistralObservationHandler(MistralMeters meters, FailureReporter failures) {
		this.meters = meters;
		this.failures = failures;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return (context instanceof ChatModelObservationContext || context instanceof EmbeddingModelObservationContext)
				&& MistralAiApi.PROVIDER_NAME
					.equals(((ModelObservationContext<?, ?>) context).getOperationMetadata().provider());
	}

	@Override
	public void onStart(Observation.Context context) {
		try {
			context.put(RequestTrace.class, start(context));
		}
		catch (Throwable ex) {
			this.failures.report("observation handler", ex);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		try {
			RequestTrace trace = context.get(RequestTrace.class);
			if (trace != null) {
				stop(context, trace);
			}
		}
		catch (Throwable ex) {
			this.failures.report("observation handler", ex);
		}
	}

	private RequestTrace start(Observation.Context context) {
		long startNanos = this.meters.monotonicTime();
		if (context instanceof EmbeddingModelObservationContext embedding) {
			String model = (embedding.getRequest().getOptions() != null)
					? embedding.getRequest().getOptions().getModel() : null;
			return new RequestTrace(Endpoint.EMBEDDINGS, model, startNanos, null);
		}
		ChatModelObservationContext chat = (ChatModelObservationContext) context;
		String model = (chat.getRequest().getOptions() != null) ? chat.getRequest().getOptions().getModel() : null;
		MistralCall call = enclosingCall(context);
		if (call != null) {
			call.identify(model, this.meters.modelTag(model));
		}
		Endpoint endpoint = (call != null) ? call.endpoint() : Endpoint.CHAT_COMPLETE;
		return new RequestTrace(endpoint, model, startNanos, call);
	}

	@Nullable
	private static MistralCall enclosingCall(Observation.Context context) {
		MistralCall call = MistralCall.current();
		if (call != null) {
			return call;
		}
		ObservationView parent = context.getParentObservation();
		RequestTrace parentTrace = (parent != null) ? parent.getContextView().get(RequestTrace.class) : null;
		return (parentTrace != null) ? parentTrace.call() : null;
	}

	private void stop(Observation.Context context, RequestTrace trace) {
		long durationNanos = this.meters.monotonicTime() - trace.startNanos();
		Object response = ((ModelObservationContext<?, ?>) context).getResponse();
		String model = (trace.model() != null) ? trace.model() : responseModel(response);
		String modelTag = this.meters.modelTag(model);
		Throwable error = context.getError();
		this.meters.recordRequest(modelTag, trace.endpoint(), status(trace, error, response), durationNanos);
		if (error != null) {
			RequestFailure failure = RequestFailure.of(error);
			this.meters.recordError(modelTag, trace.endpoint(), failure.statusCode(), failure.type());
		}
		if (trace.endpoint() != Endpoint.CHAT_STREAM) {
			TokenCount tokens = tokens(trace, response);
			this.meters.recordUsage(model, modelTag, tokens.input(), tokens.output());
		}
	}

	private static RequestStatus status(RequestTrace trace, @Nullable Throwable error, @Nullable Object response) {
		if (error != null) {
			return RequestStatus.ERROR;
		}
		return (trace.endpoint() == Endpoint.CHAT_STREAM && response == null) ? RequestStatus.CANCELLED
				: RequestStatus.SUCCESS;
	}

	private static TokenCount tokens(RequestTrace trace, @Nullable Object response) {
		if (response instanceof ChatResponse chatResponse && chatResponse.getMetadata() != null) {
			return (trace.call() != null) ? trace.call().usage().take(chatResponse.getMetadata().getUsage())
					: TokenCount.of(chatResponse.getMetadata().getUsage());
		}
		if (response instanceof EmbeddingResponse embeddingResponse && embeddingResponse.getMetadata() != null) {
			return TokenCount.of(embeddingResponse.getMetadata().getUsage());
		}
		return TokenCount.NONE;
	}

	@Nullable
	private static String responseModel(@Nullable Object response) {
		if (response instanceof ChatResponse chatResponse && chatResponse.getMetadata() != null) {
			return chatResponse.getMetadata().getModel();
		}
		if (response instanceof EmbeddingResponse embeddingResponse && embeddingResponse.getMetadata() != null) {
			return embeddingResponse.getMetadata().getModel();
		}
		return null;
	}

	/**
	 * What the handler keeps on an observation between its start and its stop.
	 */
	record RequestTrace(Endpoint endpoint, @Nullable String model, long startNanos, @Nullable MistralCall call) {
	}

}
