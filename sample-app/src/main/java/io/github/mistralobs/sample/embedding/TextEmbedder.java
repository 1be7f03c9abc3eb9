package io.github.mistralobs.sample.embedding;

import java.util.List;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.mistralai.MistralAiEmbeddingOptions;
import org.springframework.stereotype.Service;

/**
 * Embeds one text with a chosen Mistral embedding model.
 */
@Service
public class TextEmbedder {

	private final EmbeddingModel embeddingModel;

	public TextEmbedder(EmbeddingModel embeddingModel) {
		this.embeddingModel = embeddingModel;
	}

	public EmbeddingAnswer embed(String model, String text) {
		MistralAiEmbeddingOptions options = MistralAiEmbeddingOptions.builder().withModel(model).build();
		EmbeddingResponse response = this.embeddingModel.call(new EmbeddingRequest(List.of(text), options));
		return new EmbeddingAnswer(model, response.getResult().getOutput().length,
				response.getMetadata().getUsage().getPromptTokens());
	}

}
