package io.github.mistralobs.sample.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * An in-process stand-in for the Mistral API, listening on a free loopback port.
 * <p>
 * Plain HTTP/2 is switched off because the JDK HTTP client's upgrade request breaks
 * WireMock's cleartext HTTP/2 support; the request journal is off so that a long-running
 * traffic generator does not fill the heap.
 */
public final class MistralSimulator {

	static final String CHAT_PATH = "/v1/chat/completions";

	static final String EMBEDDINGS_PATH = "/v1/embeddings";

	private final WireMockServer server;

	private MistralSimulator(WireMockServer server) {
		this.server = server;
	}

	/**
	 * Start a simulator that behaves according to the given settings.
	 * @param settings the error ratios and latency scale
	 * @return the running simulator
	 */
	public static MistralSimulator start(SimulatorSettings settings) {
		WireMockConfiguration configuration = WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.http2PlainDisabled(true)
			.gzipDisabled(true)
			.disableRequestJournal()
			.containerThreads(64)
			.notifier(new Slf4jNotifier(false))
			.extensions(new SimulatedMistralTransformer(settings));
		WireMockServer server = new WireMockServer(configuration);
		server.start();
		ResponseDefinitionBuilder simulated = WireMock.aResponse().withTransformers(SimulatedMistralTransformer.NAME);
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo(CHAT_PATH)).willReturn(simulated));
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo(EMBEDDINGS_PATH)).willReturn(simulated));
		return new MistralSimulator(server);
	}

	/**
	 * Return the base URL to give to the Mistral client, without a trailing slash.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public boolean isRunning() {
		return this.server.isRunning();
	}

	public void stop() {
		this.server.stop();
	}

}
