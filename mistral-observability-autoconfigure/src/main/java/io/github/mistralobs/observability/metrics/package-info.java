/**
 * The metrics contract and the meters that carry it.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.metrics;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
