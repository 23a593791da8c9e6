/**
 * A JUnit 5 kit that runs real PostgreSQL and Redis servers once per JVM and hands out URLs in
 * Heroku's format. Start with {@link io.herokusdk.testing.PostgresExtension}, {@link
 * io.herokusdk.testing.RedisExtension} or {@link io.herokusdk.testing.TestServices}; check
 * secrets with {@link io.herokusdk.testing.SecretCanary} and {@link
 * io.herokusdk.testing.LogCapture}.
 */
@NullMarked
package io.herokusdk.testing;

import org.jspecify.annotations.NullMarked;
