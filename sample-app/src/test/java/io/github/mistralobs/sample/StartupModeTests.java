package io.github.mistralobs.sample;

import io.github.mistralobs.sample.simulator.MistralSimulator;
import io.github.mistralobs.sample.simulator.SimulatorSettings;
import io.github.mistralobs.sample.traffic.TrafficGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests how the sample app picks the real or the simulated Mistral API at start-up and
 * what it tells the person who started it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupModeTests {

	private static final String SECRET_KEY = "sk-test-3f9c1e7a-never-logged";

	@Test
	void withoutApiKeyStartsTheSimulatorAndTheTrafficGenerator(CapturedOutput output) {
		String simulatorUrl;
		try (ConfigurableApplicationContext context = start("--spring.ai.mistralai.api-key=",
				"--sample.traffic.requests-per-second=1")) {
			simulatorUrl = context.getEnvironment().getProperty("sample.simulator.base-url");
			assertThat(simulatorUrl).startsWith("http://127.0.0.1:");
			assertThat(context.getEnvironment().getProperty("spring.ai.mistralai.chat.base-url"))
				.isEqualTo(simulatorUrl);
			assertThat(context.getBeanProvider(TrafficGenerator.class).getIfAvailable()).isNotNull()
				.satisfies((generator) -> assertThat(generator.isRunning()).isTrue());
			assertThat(output).contains("Sample app is ready at http://localhost:")
				.contains("/actuator/prometheus")
				.contains("SIMULATED Mistral API at " + simulatorUrl);
		}
		assertThat(output).doesNotContain("simulated-mistral-key");
	}

	@Test
	void trafficGeneratorCanBeSwitchedOff() {
		try (ConfigurableApplicationContext context = start("--spring.ai.mistralai.api-key=",
				"--sample.traffic.enabled=false")) {
			assertThat(context.getBeanProvider(TrafficGenerator.class).getIfAvailable()).isNull();
		}
	}

	@Test
	void withApiKeyTalksToTheConfiguredApiWithoutTrafficAndNeverLogsTheKey(CapturedOutput output) {
		MistralSimulator standIn = MistralSimulator.start(new SimulatorSettings(0, 0, 0, 0, 0.01));
		try (ConfigurableApplicationContext context = start("--spring.ai.mistralai.api-key=" + SECRET_KEY,
				"--spring.ai.mistralai.base-url=" + standIn.baseUrl(),
				"--spring.ai.mistralai.chat.base-url=" + standIn.baseUrl(),
				"--spring.ai.mistralai.embedding.base-url=" + standIn.baseUrl())) {
			assertThat(context.getEnvironment().getProperty("sample.mode")).isEqualTo("real");
			assertThat(context.getBeanProvider(TrafficGenerator.class).getIfAvailable()).isNull();
			String port = context.getEnvironment().getProperty("local.server.port");
			String answer = RestClient.create()
				.get()
				.uri("http://127.0.0.1:" + port + "/chat?message=Hi")
				.retrieve()
				.body(String.class);
			assertThat(answer).contains("\"completionTokens\"");
			assertThat(output).contains("REAL Mistral API at " + standIn.baseUrl());
		}
		finally {
			standIn.stop();
		}
		assertThat(output).doesNotContain(SECRET_KEY);
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--sample.simulator.latency-scale=0.02";
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(SampleApplication.class).run(all);
	}

}
