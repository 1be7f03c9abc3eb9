package io.github.mistralobs.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the sample app's endpoints in simulated mode, the way a person with curl uses
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.mistralai.api-key=", "sample.traffic.enabled=false",
				"sample.simulator.rate-limited-ratio=0", "sample.simulator.server-error-ratio=0",
				"sample.simulator.slow-ratio=0", "sample.simulator.latency-scale=0.02" })
@AutoConfigureObservability
class SampleApplicationTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void chatAnswersWithContentAndUsage() {
		ResponseEntity<String> response = this.rest.getForEntity("/chat?message=Hello&model=mistral-large-latest",
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("\"model\":\"mistral-large-latest\"")
			.containsPattern("\"promptTokens\":[1-9]")
			.containsPattern("\"completionTokens\":[1-9]");
	}

	@Test
	void streamAnswersWithServerSentEvents() {
		ResponseEntity<String> response = this.rest.getForEntity("/chat/stream?message=Hello", String.class);
		assertThat(response.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
		assertThat(response.getBody()).startsWith("data:");
		assertThat(response.getBody().split("\n\n")).hasSizeGreaterThan(2);
	}

	@Test
	void toolCallRoundTripFeedsTheToolResultBackToTheModel() {
		ResponseEntity<String> response = this.rest.getForEntity("/chat/tools", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("According to the tool").contains("degrees Celsius");
	}

	@Test
	void embeddingsReportTheVectorSize() {
		ResponseEntity<String> response = this.rest.getForEntity("/embeddings?text=Hello", String.class);
		assertThat(response.getBody()).contains("\"model\":\"mistral-embed\"").contains("\"dimensions\":1024");
	}

	@Test
	void actuatorExposesOnlyHealthInfoAndPrometheus() {
		assertThat(this.rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForEntity("/actuator/env", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

}
