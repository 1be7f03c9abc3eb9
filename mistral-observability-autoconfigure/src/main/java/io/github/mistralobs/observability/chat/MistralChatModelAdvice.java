package io.github.mistralobs.observability.chat;

import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.observation.MistralCall;
import io.github.mistralobs.observability.observation.TokenCount;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Advice around {@code call(Prompt)} and {@code stream(Prompt)} of a Mistral chat model.
 * It opens a {@link MistralCall} for the rounds of a tool-calling loop to share, marks
 * streamed requests, records a stream's time to first token, and takes a stream's tokens
 * from the usage of the chunks its subscriber receives.
 */
final class MistralChatModelAdvice implements MethodInterceptor {

	private final ObjectProvider<MistralMeters> meters;

	private final ObjectProvider<FailureReporter> failures;

	@Nullable
	private volatile MistralMeters resolvedMeters;

	MistralChatModelAdvice(ObjectProvider<MistralMeters> meters, ObjectProvider<FailureReporter> failures) {
		this.meters = meters;
		this.failures = failures;
	}

	@Override
	@Nullable
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		if (arguments.length != 1 || !(arguments[0] instanceof Prompt)) {
			return invocation.proceed();
		}
		MistralMeters meters = meters();
		if (meters == null) {
			return invocation.proceed();
		}
		return switch (invocation.getMethod().getName()) {
			case "call" -> aroundCall(invocation, meters);
			case "stream" -> aroundStream(invocation, meters);
			default -> invocation.proceed();
		};
	}

	/**
	 * Resolve the meters once: an {@code ObjectProvider} looks the bean up again on every
	 * call, which cost more than all the recording.
	 */
	@Nullable
	private MistralMeters meters() {
		MistralMeters meters = this.resolvedMeters;
		if (meters == null) {
			meters = this.meters.getIfAvailable();
			this.resolvedMeters = meters;
		}
		return meters;
	}

	@Nullable
	private Object aroundCall(MethodInvocation invocation, MistralMeters meters) throws Throwable {
		MistralCall previous = MistralCall.open(new MistralCall(Endpoint.CHAT_COMPLETE, meters.monotonicTime()));
		try {
			return invocation.proceed();
		}
		finally {
			MistralCall.restore(previous);
		}
	}

	@Nullable
	private Object aroundStream(MethodInvocation invocation, MistralMeters meters) throws Throwable {
		Object result = invocation.proceed();
		if (!(result instanceof Flux<?>)) {
			return result;
		}
		@SuppressWarnings("unchecked")
		Flux<ChatResponse> stream = (Flux<ChatResponse>) result;
		return Flux.from(observed(stream, meters));
	}

	/**
	 * Subscribe to the model's stream with a call open on the subscribing thread: the
	 * model starts its observation right there, so the handler sees the request as a
	 * stream.
	 */
	private Publisher<ChatResponse> observed(Flux<ChatResponse> stream, MistralMeters meters) {
		return (Subscriber<? super ChatResponse> subscriber) -> {
			MistralCall call = new MistralCall(Endpoint.CHAT_STREAM, meters.monotonicTime());
			MistralCall previous = MistralCall.open(call);
			try {
				stream.doOnNext((chunk) -> onChunk(call, chunk, meters)).subscribe(subscriber);
			}
			finally {
				MistralCall.restore(previous);
			}
		};
	}

	private void onChunk(MistralCall call, ChatResponse chunk, MistralMeters meters) {
		try {
			String modelTag = modelTag(call, chunk, meters);
			if (hasContent(chunk) && call.firstContent()) {
				meters.recordTimeToFirstToken(modelTag, meters.monotonicTime() - call.startNanos());
			}
			if (chunk.getMetadata() != null) {
				TokenCount tokens = call.usage().take(chunk.getMetadata().getUsage());
				String model = (call.model() != null) ? call.model() : chunk.getMetadata().getModel();
				meters.recordUsage(model, modelTag, tokens.input(), tokens.output());
			}
		}
		catch (Throwable ex) {
			FailureReporter reporter = this.failures.getIfAvailable();
			if (reporter != null) {
				reporter.report("chat model advice", ex);
			}
		}
	}

	private static String modelTag(MistralCall call, ChatResponse chunk, MistralMeters meters) {
		String modelTag = call.modelTag();
		if (modelTag != null) {
			return modelTag;
		}
		return meters.modelTag((chunk.getMetadata() != null) ? chunk.getMetadata().getModel() : null);
	}

	private static boolean hasContent(ChatResponse chunk) {
		return chunk.getResult() != null && chunk.getResult().getOutput() != null
				&& StringUtils.hasLength(chunk.getResult().getOutput().getText());
	}

}
