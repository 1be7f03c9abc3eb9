package io.github.mistralobs.observability.integration;

import org.springframework.ai.tool.annotation.Tool;

/**
 * A tool the model can call in tool-calling tests.
 */
class WeatherTool {

	int calls;

	@Tool(description = "Current weather in a city")
	String weather(String city) {
		this.calls++;
		return "Sunny in " + city;
	}

}
