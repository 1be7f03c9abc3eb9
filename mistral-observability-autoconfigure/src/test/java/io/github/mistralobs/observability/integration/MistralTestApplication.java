package io.github.mistralobs.observability.integration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A Spring AI application with the starter, as a user would have it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MistralTestApplication {

}
