/**
 * HTTP-level hooks that count every exchange with the Mistral API.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.http;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
