/**
 * Sample application showing the mistral-observability starter at work.
 */
@NonNullApi
package io.github.mistralobs.sample;

import org.springframework.lang.NonNullApi;
