/**
 * Observation handling for Spring AI's Mistral chat and embedding observations.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.observation;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
