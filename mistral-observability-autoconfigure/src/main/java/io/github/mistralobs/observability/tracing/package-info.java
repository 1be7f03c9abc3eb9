/**
 * Trace correlation for Mistral requests when Micrometer Tracing is present.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.tracing;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
