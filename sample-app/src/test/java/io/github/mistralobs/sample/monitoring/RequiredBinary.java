package io.github.mistralobs.sample.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a Prometheus binary on the {@code PATH}. Missing, it fails the test on CI
 * ({@code CI=true}) and skips it with a hint elsewhere.
 */
final class RequiredBinary {

	private static final Log logger = LogFactory.getLog(RequiredBinary.class);

	private RequiredBinary() {
	}

	static Path find(String name) {
		Optional<Path> binary = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.map((directory) -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
		if (binary.isPresent()) {
			return binary.get();
		}
		String message = "'" + name + "' is not on the PATH; install it with "
				+ "'apt-get install prometheus' (Debian/Ubuntu) or from https://prometheus.io/download/";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return Assertions.fail(message + ". CI=true, so this is a failure rather than a skip.");
		}
		logger.warn(message + ". Skipping the tests that need it (they fail when CI=true).");
		Assumptions.abort(message + ". Skipping (this fails when CI=true).");
		throw new IllegalStateException("unreachable");
	}

}
