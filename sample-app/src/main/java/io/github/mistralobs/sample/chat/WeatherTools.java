package io.github.mistralobs.sample.chat;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * A tool the model may call, so that tool-calling round trips show up in the metrics.
 */
public class WeatherTools {

	@Tool(description = "Current temperature in degrees Celsius for a city")
	public String currentTemperature(@ToolParam(description = "City name") String city) {
		return city + ": " + ThreadLocalRandom.current().nextInt(-5, 35) + " degrees Celsius";
	}

}
