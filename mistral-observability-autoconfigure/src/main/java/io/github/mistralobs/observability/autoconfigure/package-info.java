/**
 * Auto-configuration that meters Mistral AI calls made through Spring AI.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.autoconfigure;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
