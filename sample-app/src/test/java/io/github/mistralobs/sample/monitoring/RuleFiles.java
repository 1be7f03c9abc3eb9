package io.github.mistralobs.sample.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The alerting and recording rules declared in {@code prometheus/rules}.
 */
final class RuleFiles {

	private RuleFiles() {
	}

	static List<Rule> all() {
		List<Rule> rules = new ArrayList<>();
		MonitoringFiles.ruleFiles().forEach((file) -> rules.addAll(read(file)));
		return rules;
	}

	@SuppressWarnings("unchecked")
	private static List<Rule> read(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> content = new Yaml().load(reader);
			List<Rule> rules = new ArrayList<>();
			for (Map<String, Object> group : (List<Map<String, Object>>) content.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					String name = (String) rule.getOrDefault("record", rule.get("alert"));
					rules.add(new Rule(name, rule.containsKey("alert"), ((String) rule.get("expr")).strip()));
				}
			}
			return rules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One rule.
	 *
	 * @param name the recorded series or the alert name
	 * @param alert whether it is an alerting rule
	 * @param expression its PromQL expression
	 */
	record Rule(String name, boolean alert, String expression) {

	}

}
