package io.github.mistralobs.sample;

import io.github.mistralobs.sample.simulator.SimulatedMistralEnvironmentPostProcessor;
import io.github.mistralobs.sample.traffic.TrafficGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the application where to look once it is ready. Never
 * prints the API key.
 */
@Component
class StartupReport {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final Environment environment;

	private final ObjectProvider<TrafficGenerator> trafficGenerator;

	StartupReport(Environment environment, ObjectProvider<TrafficGenerator> trafficGenerator) {
		this.environment = environment;
		this.trafficGenerator = trafficGenerator;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String app = "http://localhost:" + this.environment.getProperty("local.server.port");
		logger.info("Sample app is ready at " + app + ". Try 'curl \"" + app + "/chat?message=Hello\"'; metrics are at "
				+ app + "/actuator/prometheus.");
		logger.info(describeMistral());
	}

	private String describeMistral() {
		String mode = this.environment.getProperty(SimulatedMistralEnvironmentPostProcessor.MODE_PROPERTY);
		if ("simulated".equals(mode)) {
			String traffic = (this.trafficGenerator.getIfAvailable() != null) ? "on" : "off";
			return "Mistral calls go to the SIMULATED Mistral API at "
					+ this.environment.getProperty(SimulatedMistralEnvironmentPostProcessor.SIMULATOR_URL_PROPERTY)
					+ " (set MISTRAL_API_KEY to use the real API); the built-in traffic generator is " + traffic + ".";
		}
		String commonUrl = this.environment.getProperty("spring.ai.mistralai.base-url", "https://api.mistral.ai");
		String chatUrl = this.environment.getProperty("spring.ai.mistralai.chat.base-url", commonUrl);
		return "Mistral calls go to the REAL Mistral API at " + chatUrl + "; the traffic generator is off.";
	}

}
