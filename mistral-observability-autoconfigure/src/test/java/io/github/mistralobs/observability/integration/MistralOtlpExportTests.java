package io.github.mistralobs.observability.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's meters reach a registry other than Prometheus: Micrometer's OTLP registry
 * pushes them to a receiver on loopback, which decodes what it gets.
 */
@TestPropertySource(
		properties = { "management.otlp.metrics.export.enabled=true", "management.otlp.metrics.export.step=1s" })
@DirtiesContext // its registry would go on pushing to the receiver that stops after the
				// class
class MistralOtlpExportTests extends MistralIntegrationTest {

	private static final String MODEL = "test-otlp-model";

	private static final BlockingQueue<ExportMetricsServiceRequest> received = new LinkedBlockingQueue<>();

	private static final HttpServer receiver = startReceiver();

	@Autowired
	private ChatModel chatModel;

	@DynamicPropertySource
	static void otlpUrl(DynamicPropertyRegistry registry) {
		registry.add("management.otlp.metrics.export.url",
				() -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics");
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@Test
	void requestsAndTokensArePushedOverOtlp() throws Exception {
		mistral.chat(MODEL, "ok", 11, 4);
		for (int i = 0; i < 3; i++) {
			this.chatModel.call(new Prompt("Hi", MistralAiChatOptions.builder().model(MODEL).build()));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		double requests = 0;
		double inputTokens = 0;
		while ((requests < 3 || inputTokens < 33) && System.nanoTime() < deadline) {
			ExportMetricsServiceRequest export = received.poll(1, TimeUnit.SECONDS);
			if (export != null) {
				requests = Math.max(requests, value(export, "mistral.requests", "model", MODEL));
				inputTokens = Math.max(inputTokens, value(export, "mistral.tokens", "direction", "input"));
			}
		}
		assertThat(requests).isEqualTo(3);
		assertThat(inputTokens).isEqualTo(33);
	}

	private static double value(ExportMetricsServiceRequest export, String name, String key, String value) {
		return export.getResourceMetricsList()
			.stream()
			.flatMap((resource) -> resource.getScopeMetricsList().stream())
			.flatMap((scope) -> scope.getMetricsList().stream())
			.filter((metric) -> metric.getName().equals(name))
			.flatMap((metric) -> points(metric).stream())
			.filter((point) -> hasAttribute(point, "model", MODEL) && hasAttribute(point, key, value))
			.mapToDouble((point) -> point.hasAsDouble() ? point.getAsDouble() : point.getAsInt())
			.sum();
	}

	private static List<NumberDataPoint> points(Metric metric) {
		return metric.hasSum() ? metric.getSum().getDataPointsList() : List.of();
	}

	private static boolean hasAttribute(NumberDataPoint point, String key, String value) {
		for (KeyValue attribute : point.getAttributesList()) {
			if (attribute.getKey().equals(key) && attribute.getValue().getStringValue().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static HttpServer startReceiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/metrics", (exchange) -> {
				received.add(ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
