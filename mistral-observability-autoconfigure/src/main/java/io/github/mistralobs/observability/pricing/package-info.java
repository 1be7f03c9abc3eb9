/**
 * Prices per model and the cost they give to token counts.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.pricing;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
