package io.github.mistralobs.sample.chat;

import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat endpoints meant for curl: {@code /chat}, {@code /chat/stream} (server-sent events)
 * and {@code /chat/tools}.
 */
@RestController
class ChatController {

	private static final String DEFAULT_MODEL = "mistral-small-latest";

	private final MistralAssistant assistant;

	ChatController(MistralAssistant assistant) {
		this.assistant = assistant;
	}

	@GetMapping("/chat")
	ChatAnswer chat(@RequestParam String message, @RequestParam(defaultValue = DEFAULT_MODEL) String model) {
		return this.assistant.answer(model, message);
	}

	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> stream(@RequestParam String message, @RequestParam(defaultValue = DEFAULT_MODEL) String model) {
		return this.assistant.stream(model, message);
	}

	@GetMapping("/chat/tools")
	ChatAnswer chatWithTools(@RequestParam(defaultValue = "What is the temperature in Paris?") String message,
			@RequestParam(defaultValue = "mistral-large-latest") String model) {
		return this.assistant.answerWithTools(model, message);
	}

}
