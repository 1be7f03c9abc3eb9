package io.github.mistralobs.observability.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The HTTP side of the Mistral API, answered from memory: each exchange runs through the
 * interceptors and filters that the application's {@code RestClient} and
 * {@code WebClient} builders carry, as Spring AI's client would, and ends in a canned 200
 * without touching the network.
 */
final class CannedMistralApi {

	private static final URI CHAT_COMPLETIONS = URI.create("https://api.mistral.ai/v1/chat/completions");

	private static final byte[] BODY = "{}".getBytes();

	private final HttpRequest request = new ChatRequest();

	private final ClientHttpResponse ok = new CannedResponse(HttpStatus.OK);

	private final ClientRequest streamRequest = ClientRequest.create(HttpMethod.POST, CHAT_COMPLETIONS).build();

	private final ClientResponse streamResponse = ClientResponse.create(HttpStatus.OK).build();

	private volatile HttpStatus status = HttpStatus.OK;

	private ClientHttpRequestExecution execution = (request, body) -> answer();

	private ExchangeFunction streamExchange = (request) -> Mono.just(streamAnswer());

	/**
	 * Send every exchange through the given hooks, as the application's clients would.
	 * @param interceptors the {@code RestClient} interceptors, first one outermost
	 * @param filters the {@code WebClient} filters, first one outermost
	 */
	void use(List<ClientHttpRequestInterceptor> interceptors, List<ExchangeFilterFunction> filters) {
		ClientHttpRequestExecution chain = (request, body) -> answer();
		for (int i = interceptors.size() - 1; i >= 0; i--) {
			ClientHttpRequestInterceptor interceptor = interceptors.get(i);
			ClientHttpRequestExecution next = chain;
			chain = (request, body) -> interceptor.intercept(request, body, next);
		}
		this.execution = chain;
		ExchangeFunction exchange = this.streamExchange;
		for (int i = filters.size() - 1; i >= 0; i--) {
			exchange = filters.get(i).apply(exchange);
		}
		this.streamExchange = exchange;
	}

	/**
	 * Answer every following exchange with a status.
	 * @param status the status, 200 unless a failure is simulated
	 */
	void answerWith(HttpStatus status) {
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	private ClientHttpResponse answer() {
		HttpStatus status = this.status;
		return (status == HttpStatus.OK) ? this.ok : new CannedResponse(status);
	}

	private ClientResponse streamAnswer() {
		HttpStatus status = this.status;
		return (status == HttpStatus.OK) ? this.streamResponse : ClientResponse.create(status).build();
	}

	/**
	 * Send a chat completion request.
	 * @return the response
	 * @throws IOException never, the response is in memory
	 */
	ClientHttpResponse chatCompletion() throws IOException {
		return this.execution.execute(this.request, BODY);
	}

	/**
	 * Open a streamed chat completion.
	 * @return the response, once the filters have seen it
	 */
	Mono<ClientResponse> chatCompletionStream() {
		return this.streamExchange.exchange(this.streamRequest);
	}

	/**
	 * A chat completion request.
	 */
	private static final class ChatRequest implements HttpRequest {

		private final HttpHeaders headers = new HttpHeaders();

		@Override
		public HttpMethod getMethod() {
			return HttpMethod.POST;
		}

		@Override
		public URI getURI() {
			return CHAT_COMPLETIONS;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

	/**
	 * A status with an empty JSON body.
	 */
	private static final class CannedResponse implements ClientHttpResponse {

		private final HttpHeaders headers = new HttpHeaders();

		private final HttpStatus status;

		CannedResponse(HttpStatus status) {
			this.status = status;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public String getStatusText() {
			return this.status.getReasonPhrase();
		}

		@Override
		public void close() {
			// Nothing to release: the body is in memory
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(BODY);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
