/**
 * A bounded generator of simulated traffic, so dashboards have data quickly.
 */
@NonNullApi
package io.github.mistralobs.sample.traffic;

import org.springframework.lang.NonNullApi;
