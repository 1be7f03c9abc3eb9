package io.github.mistralobs.sample.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides between the real and the simulated Mistral API before the context refreshes.
 * Without an API key it starts a {@link MistralSimulator} and points Spring AI's Mistral
 * client at it, since the client reads its base URLs and key only at start-up.
 */
public class SimulatedMistralEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Property holding {@code simulated} or {@code real}, set by this post-processor.
	 */
	public static final String MODE_PROPERTY = "sample.mode";

	/**
	 * Property holding the simulator's base URL in simulated mode.
	 */
	public static final String SIMULATOR_URL_PROPERTY = "sample.simulator.base-url";

	static final String API_KEY_PROPERTY = "spring.ai.mistralai.api-key";

	private static final String PLACEHOLDER_API_KEY = "simulated-mistral-key";

	private final Log logger;

	public SimulatedMistralEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(SimulatedMistralEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (StringUtils.hasText(environment.getProperty(API_KEY_PROPERTY))) {
			properties.put(MODE_PROPERTY, "real");
		}
		else {
			MistralSimulator simulator = MistralSimulator.start(SimulatorSettings.from(environment));
			application.addListeners(new SimulatorShutdownListener(simulator));
			this.logger.debug("Started the simulated Mistral API at " + simulator.baseUrl());
			properties.put(MODE_PROPERTY, "simulated");
			properties.put(SIMULATOR_URL_PROPERTY, simulator.baseUrl());
			properties.put(API_KEY_PROPERTY, PLACEHOLDER_API_KEY);
			properties.put("spring.ai.mistralai.base-url", simulator.baseUrl());
			properties.put("spring.ai.mistralai.chat.base-url", simulator.baseUrl());
			properties.put("spring.ai.mistralai.embedding.base-url", simulator.baseUrl());
			// Simulated failures are on purpose; they are counted, not worth a stack
			// trace each.
			properties.put("logging.level.org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration",
					"error");
			properties.put("logging.level.org.springframework.ai.chat.model.MessageAggregator", "off");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("mistralSampleMode", properties));
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

}
