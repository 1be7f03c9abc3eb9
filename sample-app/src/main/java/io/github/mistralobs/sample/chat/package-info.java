/**
 * Chat endpoints and the calls behind them.
 */
@NonNullApi
package io.github.mistralobs.sample.chat;

import org.springframework.lang.NonNullApi;
