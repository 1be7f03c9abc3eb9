/**
 * Attribution of Mistral spend to a tenant, team or feature of the caller's choosing.
 */
@NonNullApi
@NonNullFields
package io.github.mistralobs.observability.attribution;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
