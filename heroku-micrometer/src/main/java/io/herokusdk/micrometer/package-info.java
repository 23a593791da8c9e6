/**
 * Micrometer {@link io.micrometer.core.instrument.binder.MeterBinder}s for the SDK, usable with or
 * without Spring: {@link io.herokusdk.micrometer.PostgresPoolMetrics} (HikariCP pool meters),
 * {@link io.herokusdk.micrometer.MailMetrics} (sends by outcome) and {@link
 * io.herokusdk.micrometer.ApiMetrics} (Platform API request timer and rate-limit gauge). Each needs
 * only the module it measures on the classpath. Meters carry no secret in a name or tag.
 */
@NullMarked
package io.herokusdk.micrometer;

import org.jspecify.annotations.NullMarked;
