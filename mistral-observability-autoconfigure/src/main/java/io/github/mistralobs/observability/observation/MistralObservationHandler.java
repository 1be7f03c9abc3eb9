package io.github.mistralobs.observability.observation;

import io.github.mistralobs.observability.attribution.MistralAttribution;
import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.metrics.RequestStatus;
import io.github.mistralobs.observability.metrics.StatusCodes;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.ai.model.observation.ModelObservationContext;
import org.springframework.lang.Nullable;

/**
 * Meters each Mistral API request that Spring AI observes (one chat or embedding
 * observation per request, retries included) and writes its log event. Tokens of streamed
 * calls are taken by the advice around the chat model instead, which sees each chunk's
 * usage. Nothing here throws to the observed call: a failure is reported and that one
 * measurement skipped.
 * <p>
 * WARNING: the endpoint and the exact split of a tool-calling loop's tokens come from the
 * advice around {@code MistralAiChatModel} beans. A model built by hand, outside the
 * application context, is still metered, but its streams count as {@code chat.complete}
 * and its tool-calling loops over-count tokens as Spring AI's own meters do. The latency
 * of the first round of a streamed tool-calling loop includes the rounds it started.
 *
 * @see MistralCall
 */
public final class MistralObservationHandler implements ObservationHandler<Observation.Context> {

	private static final String COMPONENT = "observation handler";

	private final MistralMeters meters;

	private final FailureReporter failures;

	private final RequestSpans spans;

	@Nullable
	private final MistralRequestLog requestLog;

	/**
	 * Create a handler.
	 * @param meters where requests are recorded
	 * @param failures where the handler's own failures go
	 * @param spans access to the requests' spans
	 * @param requestLog where each request is logged, or {@code null} for no log
	 */
	public MistralObservationHandler(MistralMeters meters, FailureReporter failures, RequestSpans spans,
			@Nullable MistralRequestLog requestLog) {
		this.meters = meters;
		this.failures = failures;
		this.spans = spans;
		this.requestLog = requestLog;
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
			this.failures.report(COMPONENT, ex);
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
			this.failures.report(COMPONENT, ex);
		}
	}

	private RequestTrace start(Observation.Context context) {
		long startNanos = this.meters.monotonicTime();
		if (context instanceof EmbeddingModelObservationContext embedding) {
			String model = (embedding.getRequest().getOptions() != null)
					? embedding.getRequest().getOptions().getModel() : null;
			return new RequestTrace(Endpoint.EMBEDDINGS, model, MistralAttribution.current(), startNanos, null);
		}
		ChatModelObservationContext chat = (ChatModelObservationContext) context;
		String model = (chat.getRequest().getOptions() != null) ? chat.getRequest().getOptions().getModel() : null;
		MistralCall call = enclosingCall(context);
		if (call == null) {
			return new RequestTrace(Endpoint.CHAT_COMPLETE, model, MistralAttribution.current(), startNanos, null);
		}
		if (call.endpoint() == Endpoint.CHAT_STREAM && call.modelTag() == null) {
			call.identify(model, this.meters.modelTag(model));
		}
		return new RequestTrace(call.endpoint(), model, call.attribution(), startNanos, call);
	}

	@Nullable
	private static MistralCall enclosingCall(Observation.Context context) {
		MistralCall call = MistralCall.current();
		if (call != null) {
			return call;
		}
		RequestTrace parentTrace = RequestTrace.of(context.getParentObservation());
		return (parentTrace != null) ? parentTrace.call() : null;
	}

	private void stop(Observation.Context context, RequestTrace trace) {
		long durationNanos = this.meters.monotonicTime() - trace.startNanos();
		Object response = ((ModelObservationContext<?, ?>) context).getResponse();
		String model = (trace.model() != null) ? trace.model() : responseModel(response);
		String modelTag = this.meters.modelTag(model);
		String attributionTag = this.meters.attributionTag(trace.attribution());
		Throwable error = context.getError();
		RequestStatus status = status(trace, error, response);
		RequestFailure failure = (error != null) ? RequestFailure.of(error) : null;
		try (RequestSpans.Scope scope = this.spans.makeCurrent(context)) {
			MistralCall.CountedUsage usage = recordUsage(trace, response, model, modelTag, attributionTag);
			recordRequest(trace, modelTag, attributionTag, status, durationNanos);
			if (failure != null) {
				recordError(trace, modelTag, failure);
			}
			if (this.requestLog != null) {
				int statusCode = (failure != null && failure.statusCode() != StatusCodes.NONE) ? failure.statusCode()
						: trace.lastStatusCode();
				log(new RequestOutcome(modelTag, trace.endpoint(), status, statusCode,
						(failure != null) ? failure.type() : null, durationNanos, usage.tokens(), usage.costInPicoUsd(),
						requestId(response), trace.attempts(), attributionTag));
			}
		}
	}

	private void log(RequestOutcome outcome) {
		try {
			this.requestLog.log(outcome);
		}
		catch (RuntimeException ex) {
			this.failures.report("request log", ex);
		}
	}

	private MistralCall.CountedUsage recordUsage(RequestTrace trace, @Nullable Object response, @Nullable String model,
			String modelTag, @Nullable String attributionTag) {
		if (trace.call() != null && trace.call().chunksSeen()) {
			return trace.call().takeCounted();
		}
		try {
			TokenCount tokens = tokens(trace, response);
			long cost = this.meters.recordUsage(model, modelTag, attributionTag, tokens.input(), tokens.output());
			return new MistralCall.CountedUsage(tokens, cost);
		}
		catch (RuntimeException ex) {
			this.failures.report(COMPONENT, ex);
			return new MistralCall.CountedUsage(TokenCount.NONE, -1);
		}
	}

	private void recordRequest(RequestTrace trace, String modelTag, @Nullable String attributionTag,
			RequestStatus status, long durationNanos) {
		try {
			this.meters.recordRequest(modelTag, attributionTag, trace.endpoint(), status, durationNanos);
		}
		catch (RuntimeException ex) {
			this.failures.report(COMPONENT, ex);
		}
	}

	private void recordError(RequestTrace trace, String modelTag, RequestFailure failure) {
		try {
			this.meters.recordError(modelTag, trace.endpoint(), failure.statusCode(), failure.type());
		}
		catch (RuntimeException ex) {
			this.failures.report(COMPONENT, ex);
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

	@Nullable
	private static String requestId(@Nullable Object response) {
		if (response instanceof ChatResponse chatResponse && chatResponse.getMetadata() != null) {
			String id = chatResponse.getMetadata().getId();
			return (id != null && !id.isEmpty()) ? id : null;
		}
		return null;
	}

}
