package io.github.mistralobs.observability.benchmarks;

import java.util.List;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.mistralai.api.MistralAiApi;

/**
 * The prompt and the answers of a simulated Mistral call, made once: a completion whose
 * usage carries the API's own record, as Spring AI builds it, and a stream of text chunks
 * whose last one carries the usage.
 */
final class CannedResponses {

	/**
	 * The model every simulated call asks for; it has a built-in price.
	 */
	static final String MODEL = "mistral-small-latest";

	private static final int INPUT_TOKENS = 42;

	private static final int OUTPUT_TOKENS = 128;

	private final Prompt prompt = new Prompt(List.of(new UserMessage("Hello")),
			MistralAiChatOptions.builder().model(MODEL).build());

	private final ChatResponse completion = new ChatResponse(List.of(new Generation(new AssistantMessage("Hi!"))),
			metadataWithUsage());

	private final ChatResponse[] chunks;

	/**
	 * Make the answers.
	 * @param chunkCount how many chunks a stream has
	 */
	CannedResponses(int chunkCount) {
		this.chunks = new ChatResponse[chunkCount];
		for (int i = 0; i < chunkCount - 1; i++) {
			this.chunks[i] = new ChatResponse(List.of(new Generation(new AssistantMessage("token "))));
		}
		this.chunks[chunkCount - 1] = new ChatResponse(List.of(new Generation(new AssistantMessage(""))),
				metadataWithUsage());
	}

	private static ChatResponseMetadata metadataWithUsage() {
		MistralAiApi.Usage usage = new MistralAiApi.Usage(INPUT_TOKENS, INPUT_TOKENS + OUTPUT_TOKENS, OUTPUT_TOKENS);
		return ChatResponseMetadata.builder()
			.id("benchmark")
			.model(MODEL)
			.usage(new DefaultUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage))
			.build();
	}

	Prompt prompt() {
		return this.prompt;
	}

	/**
	 * Return a prompt for another model.
	 * @param model the model
	 * @return the prompt
	 */
	Prompt prompt(String model) {
		return new Prompt(this.prompt.getInstructions(), MistralAiChatOptions.builder().model(model).build());
	}

	ChatResponse completion() {
		return this.completion;
	}

	ChatResponse[] chunks() {
		return this.chunks;
	}

}
