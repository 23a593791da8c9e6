/**
 * Spring Boot auto-configuration for the Heroku SDK: a {@code DataSource} from heroku-postgres, a
 * Lettuce {@code RedisConnectionFactory} and {@code HerokuRedis} from heroku-redis, a {@code
 * Mailer} from heroku-mail, a {@code Heroku} API client from heroku-api, Actuator health and info,
 * Micrometer meters, {@code $PORT} and graceful shutdown, and embedded dev services. Each part
 * turns on when its SDK module is on the classpath and its config var is set, and backs off when
 * the application defines the bean or sets the standard {@code spring.*} property.
 */
@NullMarked
package io.herokusdk.spring;

import org.jspecify.annotations.NullMarked;
