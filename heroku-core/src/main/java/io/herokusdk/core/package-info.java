/**
 * Config vars and the add-on URLs in them, without leaking secrets.
 *
 * <p>{@link io.herokusdk.core.ConfigVars} reads config vars from overrides, the environment and
 * {@code .env}; {@link io.herokusdk.core.ServiceUrl} parses add-on URLs such as
 * {@code DATABASE_URL}; {@link io.herokusdk.core.Secret} and {@link io.herokusdk.core.Redactor}
 * keep passwords out of logs and exception messages; {@link io.herokusdk.core.Backoff} computes
 * retry delays. On a dyno, {@link io.herokusdk.core.Dyno} tells what it is,
 * {@link io.herokusdk.core.GracefulShutdown} stops work on SIGTERM within Heroku's 30 s, and
 * {@link io.herokusdk.core.JobLocks} (implemented by the Postgres and Redis modules) keeps
 * scheduled jobs from overlapping.
 */
@NullMarked
package io.herokusdk.core;

import org.jspecify.annotations.NullMarked;
