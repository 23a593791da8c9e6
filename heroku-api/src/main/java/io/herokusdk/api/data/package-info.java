/**
 * Heroku Data: operations on Heroku Postgres and Key-Value Store (Redis) add-ons through the
 * Data API host, as the Heroku CLI's {@code pg:*} and {@code redis:*} commands do. Start at
 * {@link io.herokusdk.api.Heroku#data()}.
 */
@NullMarked
package io.herokusdk.api.data;

import org.jspecify.annotations.NullMarked;
