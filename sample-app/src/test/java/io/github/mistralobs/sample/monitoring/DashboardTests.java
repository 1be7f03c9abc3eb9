package io.github.mistralobs.sample.monitoring;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mistralobs.sample.monitoring.DashboardFile.PanelQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Grafana dashboard's structure without Grafana: variables, data sources and
 * the series its queries read.
 */
class DashboardTests {

	private static final Pattern SERIES_NAME = Pattern.compile("[a-z_]+:[a-z_]+:[a-z0-9_]+|mistral_[a-z_]+");

	private final JsonNode dashboard = DashboardFile.read();

	@Test
	void dataSourceIsAPrometheusVariable() {
		JsonNode variable = variable("datasource");
		assertThat(variable.path("type").asText()).isEqualTo("datasource");
		assertThat(variable.path("query").asText()).isEqualTo("prometheus");
		for (JsonNode panel : this.dashboard.path("panels")) {
			if (!"row".equals(panel.path("type").asText())) {
				assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText())
					.isEqualTo("${datasource}");
			}
		}
	}

	@Test
	void modelVariableOffersAllAndMatchesEverythingThen() {
		JsonNode variable = variable("model");
		assertThat(variable.path("includeAll").asBoolean()).isTrue();
		assertThat(variable.path("allValue").asText()).isEqualTo(".*");
		assertThat(variable.at("/query/query").asText()).isEqualTo("label_values(mistral_requests_total, model)");
	}

	@Test
	void everyPanelQueriesAndFiltersByModelUnlessItSaysItCannot() {
		int queries = 0;
		for (JsonNode panel : this.dashboard.path("panels")) {
			if ("row".equals(panel.path("type").asText())) {
				continue;
			}
			String title = panel.path("title").asText();
			assertThat(panel.path("targets")).as(title).isNotEmpty();
			boolean ignoresModel = panel.path("description").asText().contains("ignores the model filter");
			for (JsonNode target : panel.path("targets")) {
				String expression = target.path("expr").asText();
				assertThat(expression.contains("model=~\"$model\"")).as(title + ": " + expression)
					.isNotEqualTo(ignoresModel);
				queries++;
			}
		}
		assertThat(queries).isGreaterThanOrEqualTo(10);
	}

	@Test
	void everySeriesTheDashboardReadsIsExportedOrRecorded() {
		Set<String> recorded = RuleFiles.all()
			.stream()
			.filter((rule) -> !rule.alert())
			.map(RuleFiles.Rule::name)
			.collect(Collectors.toSet());
		Set<String> exported = Set.of("mistral_requests_total", "mistral_request_duration_seconds_bucket",
				"mistral_tokens_total", "mistral_cost_usd_total", "mistral_errors_total", "mistral_attempts_total",
				"mistral_ratelimit_limit", "mistral_ratelimit_remaining", "mistral_time_to_first_token_seconds_bucket");
		for (PanelQuery query : DashboardFile.queries()) {
			Matcher matcher = SERIES_NAME.matcher(query.expression());
			while (matcher.find()) {
				assertThat(matcher.group()).as(query.toString()).isIn(union(recorded, exported));
			}
		}
	}

	private JsonNode variable(String name) {
		for (JsonNode variable : this.dashboard.at("/templating/list")) {
			if (name.equals(variable.path("name").asText())) {
				return variable;
			}
		}
		throw new AssertionError("No dashboard variable named '" + name + "'");
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		return Stream.concat(first.stream(), second.stream()).collect(Collectors.toSet());
	}

}
