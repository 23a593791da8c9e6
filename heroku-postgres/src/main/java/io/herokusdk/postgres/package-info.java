/**
 * Heroku Postgres: {@link io.herokusdk.postgres.HerokuPostgres} turns {@code DATABASE_URL} into a
 * pooled, production-tuned {@code DataSource}, with follower pools, COPY, job locks and
 * {@code pg:info}-style diagnostics.
 */
@NullMarked
package io.herokusdk.postgres;

import org.jspecify.annotations.NullMarked;
