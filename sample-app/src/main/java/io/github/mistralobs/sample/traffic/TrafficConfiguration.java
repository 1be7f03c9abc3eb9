package io.github.mistralobs.sample.traffic;

import io.github.mistralobs.sample.chat.MistralAssistant;
import io.github.mistralobs.sample.embedding.TextEmbedder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link TrafficGenerator} in simulated mode only, so generated traffic never
 * reaches (and is never billed by) the real Mistral API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sample.mode", havingValue = "simulated")
@ConditionalOnBooleanProperty(name = "sample.traffic.enabled", matchIfMissing = true)
class TrafficConfiguration {

	@Bean
	TrafficGenerator trafficGenerator(MistralAssistant assistant, TextEmbedder embedder, TrafficProperties properties) {
		return new TrafficGenerator(TrafficScenario.all(assistant, embedder), properties);
	}

}
