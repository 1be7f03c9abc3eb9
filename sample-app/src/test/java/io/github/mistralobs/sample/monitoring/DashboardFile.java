package io.github.mistralobs.sample.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard and its queries, with Grafana's variables replaced by concrete
 * values so Prometheus can run them.
 */
final class DashboardFile {

	private DashboardFile() {
	}

	static JsonNode read() {
		try {
			return new ObjectMapper().readTree(MonitoringFiles.dashboard().toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<PanelQuery> queries() {
		List<PanelQuery> queries = new ArrayList<>();
		for (JsonNode panel : read().path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				String expression = target.path("expr").asText();
				queries.add(new PanelQuery(panel.path("title").asText(), target.path("refId").asText(), expression,
						concrete(expression)));
			}
		}
		return queries;
	}

	/**
	 * Replace the model variable by a match-all regex and Grafana's interval variables by
	 * durations that suit a short test with a fast scrape interval.
	 * @param expression a dashboard expression
	 * @return the expression as Prometheus would receive it
	 */
	static String concrete(String expression) {
		return expression.replace("${model}", ".*")
			.replace("$model", ".*")
			.replace("$__rate_interval", "30s")
			.replace("$__interval", "5s")
			.replace("$__range", "5m");
	}

	/**
	 * One query of one panel.
	 *
	 * @param panel the panel title
	 * @param refId the query's id within the panel
	 * @param expression the expression as written in the dashboard
	 * @param concreteExpression the expression with variables replaced
	 */
	record PanelQuery(String panel, String refId, String expression, String concreteExpression) {

		@Override
		public String toString() {
			return this.panel + " [" + this.refId + "]";
		}

	}

}
