/**
 * Heroku Key-Value Store: {@link io.herokusdk.redis.HerokuRedis} turns {@code REDIS_URL} into a
 * Lettuce client, with cache, pub/sub, work-queue, rate-limit and job-lock helpers.
 */
@NullMarked
package io.herokusdk.redis;

import org.jspecify.annotations.NullMarked;
