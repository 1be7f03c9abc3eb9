/**
 * JMH benchmarks of what the starter adds to a Mistral call and to a scrape, and the
 * checker that holds their results to the budgets.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.benchmarks;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
