package io.github.mistralobs.sample.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code promtool} over {@code prometheus/}: the configuration and the rules must be
 * valid and every rule unit test must pass.
 */
class PromtoolTests {

	private static Path promtool;

	@BeforeAll
	static void findPromtool() {
		promtool = RequiredBinary.find("promtool");
	}

	@Test
	void configurationIsValid() throws Exception {
		assertSucceeds("check", "config", MonitoringFiles.prometheusConfig().toString());
	}

	@Test
	void ruleFilesAreValid() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("check", "rules"));
		MonitoringFiles.ruleFiles().forEach((file) -> arguments.add(file.toString()));
		assertThat(MonitoringFiles.ruleFiles()).isNotEmpty();
		assertSucceeds(arguments.toArray(String[]::new));
	}

	@Test
	void ruleUnitTestsPass() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("test", "rules"));
		MonitoringFiles.ruleTestFiles().forEach((file) -> arguments.add(file.toString()));
		assertThat(MonitoringFiles.ruleTestFiles()).isNotEmpty();
		assertSucceeds(arguments.toArray(String[]::new));
	}

	private static void assertSucceeds(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(promtool.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.directory(MonitoringFiles.prometheusDirectory().toFile())
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
		assertThat(process.exitValue()).as("exit code of %s%n%s", String.join(" ", command), output).isZero();
	}

}
