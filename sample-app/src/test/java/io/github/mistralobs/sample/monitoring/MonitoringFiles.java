package io.github.mistralobs.sample.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the repository's {@code prometheus/} and {@code grafana/} files are, found by
 * walking up from the working directory (the module directory under Maven).
 */
final class MonitoringFiles {

	private MonitoringFiles() {
	}

	static Path repositoryRoot() {
		Path candidate = Path.of("").toAbsolutePath();
		while (candidate != null) {
			if (Files.isRegularFile(candidate.resolve("prometheus/prometheus.yml"))) {
				return candidate;
			}
			candidate = candidate.getParent();
		}
		throw new IllegalStateException("No prometheus/prometheus.yml above " + Path.of("").toAbsolutePath());
	}

	static Path prometheusDirectory() {
		return repositoryRoot().resolve("prometheus");
	}

	static Path prometheusConfig() {
		return prometheusDirectory().resolve("prometheus.yml");
	}

	static List<Path> ruleFiles() {
		return yamlFilesIn(prometheusDirectory().resolve("rules"));
	}

	static List<Path> ruleTestFiles() {
		return yamlFilesIn(prometheusDirectory().resolve("tests"));
	}

	static Path dashboard() {
		return repositoryRoot().resolve("grafana/dashboards/mistral-observability.json");
	}

	private static List<Path> yamlFilesIn(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
