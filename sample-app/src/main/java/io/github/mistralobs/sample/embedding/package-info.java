/**
 * The embedding endpoint and the call behind it.
 */
@NonNullApi
package io.github.mistralobs.sample.embedding;

import org.springframework.lang.NonNullApi;
