package io.github.mistralobs.observability.chat;

import io.github.mistralobs.observability.attribution.MistralAttribution;
import io.github.mistralobs.observability.metrics.Endpoint;
import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;
import io.github.mistralobs.observability.observation.MistralCall;
import io.github.mistralobs.observability.observation.TokenCount;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Advice around the {@code call} and {@code stream} methods of a Mistral chat model. It
 * opens a {@link MistralCall} for the rounds of a tool-calling loop to share, marks
 * streamed requests, records a stream's time to first token, and takes a stream's tokens
 * from the usage of the chunks its subscriber receives.
 * <p>
 * WARNING: in a streamed tool-calling loop, Spring AI does not pass the chunk that asks
 * for a tool to the subscriber; its usage reaches the advice only inside the next round's
 * sum. If that next round fails, the first round's tokens are not counted.
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
		String method = invocation.getMethod().getName();
		MistralMeters meters = ("call".equals(method) || "stream".equals(method)) ? meters() : null;
		if (meters == null) {
			return invocation.proceed();
		}
		return "call".equals(method) ? aroundCall(invocation, meters) : aroundStream(invocation, meters);
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
		MistralCall previous = MistralCall
			.open(new MistralCall(Endpoint.CHAT_COMPLETE, meters.monotonicTime(), MistralAttribution.current(), false));
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
		if (!(result instanceof Flux<?> stream)) {
			return result;
		}
		Object[] arguments = invocation.getArguments();
		boolean chunksSeen = arguments.length == 1 && arguments[0] instanceof Prompt;
		return Flux.from(observed(stream, meters, chunksSeen));
	}

	/**
	 * Subscribe to the model's stream with a call open on the subscribing thread: the
	 * model starts its observation right there, so the handler sees the request as a
	 * stream. The overloads that stream text rather than {@code ChatResponse} chunks
	 * leave the tokens to the handler.
	 */
	private <T> Publisher<T> observed(Flux<T> stream, MistralMeters meters, boolean chunksSeen) {
		return (Subscriber<? super T> subscriber) -> {
			MistralCall call = new MistralCall(Endpoint.CHAT_STREAM, meters.monotonicTime(), attribution(subscriber),
					chunksSeen);
			MistralCall previous = MistralCall.open(call);
			try {
				stream.doOnNext((element) -> onElement(call, element, meters)).subscribe(subscriber);
			}
			finally {
				MistralCall.restore(previous);
			}
		};
	}

	private void onElement(MistralCall call, Object element, MistralMeters meters) {
		if (element instanceof ChatResponse chunk) {
			onChunk(call, chunk, meters);
		}
		else if (element instanceof String text && !text.isEmpty() && call.firstContent()) {
			try {
				meters.recordTimeToFirstToken(meters.modelTag(call.model()),
						meters.monotonicTime() - call.startNanos());
			}
			catch (Throwable ex) {
				report(ex);
			}
		}
	}

	private void onChunk(MistralCall call, ChatResponse chunk, MistralMeters meters) {
		try {
			String modelTag = modelTag(call, chunk, meters);
			if (hasContent(chunk) && call.firstContent()) {
				meters.recordTimeToFirstToken(modelTag, meters.monotonicTime() - call.startNanos());
			}
			if (chunk.getMetadata() != null) {
				TokenCount tokens = call.usage().take(chunk.getMetadata().getUsage());
				if (!tokens.isEmpty()) {
					String model = (call.model() != null) ? call.model() : chunk.getMetadata().getModel();
					call.counted(tokens, meters.recordUsage(model, modelTag, meters.attributionTag(call.attribution()),
							tokens.input(), tokens.output()));
				}
			}
		}
		catch (Throwable ex) {
			report(ex);
		}
	}

	private void report(Throwable failure) {
		FailureReporter reporter = this.failures.getIfAvailable();
		if (reporter != null) {
			reporter.report("chat model advice", failure);
		}
	}

	@Nullable
	private static String attribution(Subscriber<?> subscriber) {
		if (subscriber instanceof CoreSubscriber<?> coreSubscriber) {
			Object value = coreSubscriber.currentContext().getOrDefault(MistralAttribution.KEY, null);
			if (value != null) {
				return value.toString();
			}
		}
		return MistralAttribution.current();
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
