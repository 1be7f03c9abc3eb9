package io.github.mistralobs.sample.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mistralobs.sample.SampleApplication;
import io.github.mistralobs.sample.monitoring.DashboardFile.PanelQuery;
import io.github.mistralobs.sample.monitoring.RuleFiles.Rule;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole monitoring path for real: the sample app in simulated mode with brisk,
 * failure-prone traffic, scraped every second by the {@code prometheus} binary loaded
 * with the repository's rules. Every dashboard query must return data and every rule must
 * parse and evaluate. All traffic stays on 127.0.0.1.
 */
class MonitoringStackEndToEndTests {

	private static final Duration DATA_TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	static Path workDirectory;

	private static ConfigurableApplicationContext app;

	private static PrometheusProcess prometheus;

	@BeforeAll
	static void startAppAndPrometheus() throws Exception {
		Path binary = RequiredBinary.find("prometheus");
		app = new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--spring.ai.mistralai.api-key=", "--sample.traffic.requests-per-second=10",
				"--sample.traffic.concurrency=8", "--sample.simulator.rate-limited-ratio=0.1",
				"--sample.simulator.server-error-ratio=0.1", "--sample.simulator.latency-scale=0.3",
				"--spring.ai.retry.backoff.initial-interval=20ms", "--spring.ai.retry.backoff.max-interval=100ms");
		int appPort = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		prometheus = PrometheusProcess.start(binary, appPort, workDirectory);
		Awaitility.await("prometheus ready")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				assertThat(prometheus.isAlive()).as("prometheus is running; its log:%n%s", prometheus.log()).isTrue();
				return prometheus.isReady();
			});
	}

	@AfterAll
	static void stopPrometheusAndApp() throws Exception {
		if (prometheus != null) {
			prometheus.close();
		}
		if (app != null) {
			app.close();
		}
	}

	@Test
	void prometheusScrapesTheSampleApp() {
		Awaitility.await("scrape target up")
			.atMost(DATA_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				JsonNode targets = prometheus.api("/api/v1/targets?state=active").at("/data/activeTargets");
				assertThat(targets).hasSize(1);
				assertThat(targets.get(0).path("health").asText()).as(targets.toString()).isEqualTo("up");
			});
	}

	@Test
	void everyRuleExpressionParses() {
		for (Rule rule : RuleFiles.all()) {
			JsonNode answer = prometheus.query(rule.expression());
			assertThat(answer.path("status").asText()).as("%s: %s", rule.name(), answer).isEqualTo("success");
		}
	}

	@Test
	void prometheusLoadsEveryRuleAndEvaluatesItWithoutError() {
		Set<String> declared = RuleFiles.all().stream().map(Rule::name).collect(Collectors.toSet());
		Awaitility.await("rules evaluated")
			.atMost(DATA_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<JsonNode> loaded = new ArrayList<>();
				prometheus.api("/api/v1/rules")
					.at("/data/groups")
					.forEach((group) -> group.path("rules").forEach(loaded::add));
				assertThat(loaded.stream().map((rule) -> rule.path("name").asText()).collect(Collectors.toSet()))
					.isEqualTo(declared);
				for (JsonNode rule : loaded) {
					assertThat(rule.path("health").asText()).as(rule.toString()).isEqualTo("ok");
				}
			});
	}

	@Test
	void everyDashboardQueryParsesAndReturnsData() {
		List<PanelQuery> queries = DashboardFile.queries();
		for (PanelQuery query : queries) {
			JsonNode answer = prometheus.query(query.concreteExpression());
			assertThat(answer.path("status").asText()).as("%s parses: %s", query, answer).isEqualTo("success");
		}
		Instant deadline = Instant.now().plus(DATA_TIMEOUT);
		for (PanelQuery query : queries) {
			Duration remaining = Duration.between(Instant.now(), deadline);
			Awaitility.await(query.toString())
				.atMost(remaining.isNegative() ? Duration.ofSeconds(1) : remaining)
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> {
					JsonNode answer = prometheus.query(query.concreteExpression());
					assertThat(hasANumber(answer.at("/data/result"))).as("%s returns data: %s", query, answer).isTrue();
				});
		}
	}

	@Test
	void modelVariableFindsEveryModelTheTrafficUses() {
		Awaitility.await("model label values")
			.atMost(DATA_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				JsonNode values = prometheus.api("/api/v1/label/model/values?match[]=mistral_requests_total")
					.path("data");
				List<String> models = new ArrayList<>();
				values.forEach((value) -> models.add(value.asText()));
				assertThat(models).contains("mistral-small-latest", "mistral-large-latest", "mistral-embed");
			});
	}

	private static boolean hasANumber(JsonNode result) {
		for (JsonNode series : result) {
			List<JsonNode> samples = new ArrayList<>();
			if (series.has("value")) {
				samples.add(series.path("value"));
			}
			series.path("values").forEach(samples::add);
			for (JsonNode sample : samples) {
				String value = sample.get(1).asText();
				if (!"NaN".equals(value)) {
					return true;
				}
			}
		}
		return false;
	}

}
