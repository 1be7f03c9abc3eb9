package io.github.mistralobs.observability.attribution;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * Carries a {@code ChatClient} advisor parameter named {@link MistralAttribution#KEY} to
 * the model call, so that
 * {@code .advisors((a) -> a.param(MistralAttribution.KEY, "acme"))} attributes the call.
 */
public final class MistralAttributionAdvisor implements CallAdvisor, StreamAdvisor {

	@Override
	public String getName() {
		return "mistralAttributionAdvisor";
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		Object value = request.context().get(MistralAttribution.KEY);
		if (value == null) {
			return chain.nextCall(request);
		}
		try (MistralAttribution.Scope scope = MistralAttribution.open(value.toString())) {
			return chain.nextCall(request);
		}
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		Object value = request.context().get(MistralAttribution.KEY);
		Flux<ChatClientResponse> stream = chain.nextStream(request);
		return (value != null) ? stream.contextWrite((context) -> context.put(MistralAttribution.KEY, value.toString()))
				: stream;
	}

}
