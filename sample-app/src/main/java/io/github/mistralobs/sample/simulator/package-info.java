/**
 * An in-process simulated Mistral API (WireMock) used when no API key is configured.
 */
@NonNullApi
package io.github.mistralobs.sample.simulator;

import org.springframework.lang.NonNullApi;
