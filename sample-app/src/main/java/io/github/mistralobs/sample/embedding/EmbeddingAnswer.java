package io.github.mistralobs.sample.embedding;

/**
 * What the embedding endpoint returns: the vector size, not the vector itself.
 *
 * @param model the model asked
 * @param dimensions length of the returned vector
 * @param promptTokens input tokens reported by Mistral
 */
public record EmbeddingAnswer(String model, int dimensions, Integer promptTokens) {

}
