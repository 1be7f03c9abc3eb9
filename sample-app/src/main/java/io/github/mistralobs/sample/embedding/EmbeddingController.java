package io.github.mistralobs.sample.embedding;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /embeddings} endpoint, meant for curl.
 */
@RestController
class EmbeddingController {

	private final TextEmbedder embedder;

	EmbeddingController(TextEmbedder embedder) {
		this.embedder = embedder;
	}

	@GetMapping("/embeddings")
	EmbeddingAnswer embed(@RequestParam String text, @RequestParam(defaultValue = "mistral-embed") String model) {
		return this.embedder.embed(model, text);
	}

}
