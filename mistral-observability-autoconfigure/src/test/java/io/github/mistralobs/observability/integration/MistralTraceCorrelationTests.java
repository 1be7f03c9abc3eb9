package io.github.mistralobs.observability.integration;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing on and structured logging, a request's log event is a JSON document that
 * carries its fields and its trace, and the latency histogram carries the same trace as
 * an exemplar.
 */
@TestPropertySource(properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class MistralTraceCorrelationTests extends MistralIntegrationTest {

	private static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0;charset=utf-8";

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private ChatModel chatModel;

	@Test
	void logEventIsStructuredAndSharesItsTraceWithTheExemplar(CapturedOutput output) throws Exception {
		mistral.chat("mistral-small-latest", "Bonjour", 12, 5);
		this.chatModel.call(new Prompt("Say hello"));
		List<String> events = output.getOut()
			.lines()
			.filter((line) -> line.contains("\"io.github.mistralobs.observability.requests\""))
			.toList();
		assertThat(events).hasSize(1);
		JsonNode event = this.json.readTree(events.get(0));
		assertThat(event.at("/log/level").asText()).isEqualTo("INFO");
		JsonNode fields = event.get("mistral");
		assertThat(fields.get("model").asText()).isEqualTo("mistral-small-latest");
		assertThat(fields.get("endpoint").asText()).isEqualTo("chat.complete");
		assertThat(fields.get("status").asText()).isEqualTo("success");
		assertThat(fields.at("/tokens/input").asLong()).isEqualTo(12);
		assertThat(fields.at("/tokens/output").asLong()).isEqualTo(5);
		assertThat(fields.get("cost_usd").asText()).isEqualTo("0.0000027");
		assertThat(fields.get("request_id").asText()).isEqualTo("cmpl-1");
		assertThat(fields.get("attempts").asInt()).isEqualTo(1);
		assertThat(fields.get("status_code").asInt()).isEqualTo(200);
		assertThat(fields.get("duration_ms").isNumber()).isTrue();
		String traceId = event.get("traceId").asText();
		String spanId = event.get("spanId").asText();
		assertThat(traceId).matches("[0-9a-f]{32}");
		String exemplars = scrapeText(OPENMETRICS).lines()
			.filter((line) -> line.startsWith("mistral_request_duration_seconds_bucket")
					&& line.contains("model=\"mistral-small-latest\"") && line.contains("# {"))
			.reduce("", String::concat);
		assertThat(exemplars).contains("trace_id=\"" + traceId + "\"").contains("span_id=\"" + spanId + "\"");
	}

}
