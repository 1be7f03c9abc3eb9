/**
 * Advice around Mistral chat model beans: call scopes, streams and time to first token.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.chat;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
