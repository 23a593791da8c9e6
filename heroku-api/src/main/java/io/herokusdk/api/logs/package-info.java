/**
 * Heroku log lines as typed values: {@link io.herokusdk.api.logs.LogLine} ({@code TIMESTAMP
 * SOURCE[DYNO]: MESSAGE}), router lines ({@link io.herokusdk.api.logs.RouterLine}), H/R/L error
 * codes ({@link io.herokusdk.api.logs.HerokuErrorCode}) and HTTPS log-drain bodies ({@link
 * io.herokusdk.api.logs.LogplexDrain}). Pure parsing, no I/O; streaming a live app's logs is
 * {@link io.herokusdk.api.workflow.Workflows#logs()}.
 */
@NullMarked
package io.herokusdk.api.logs;

import org.jspecify.annotations.NullMarked;
